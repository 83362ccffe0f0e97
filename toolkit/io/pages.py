"""Saved web pages: the article's text and metadata, extracted with trafilatura.

trafilatura finds the main text of a page without its navigation, adverts and comments, and
its metadata (title, author, site name, canonical URL); its date helper htmldate reads the
publication date from the page's metadata, its URL or its text. Both come with the ``web``
extra. A page that holds no article (an index page, an error page) is reported with the
reason, never loaded as an empty article.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

__all__ = ["WEB_EXTRA", "Extracted", "extract_page", "extract_pages", "require_web"]

WEB_EXTRA = "pip install 'news-corpus-toolkit[web]'"
#: Fewer words than this in the main text is not an article (a caption, a teaser, a stub).
MIN_ARTICLE_WORDS = 25
#: An article has at least one paragraph of this many words; index pages have none.
MIN_PARAGRAPH_WORDS = 12
_ERROR_PAGES = Path(__file__).with_name("error_pages.txt")

_ITEMS = ("- ", "* ", "| ")  # how trafilatura writes list items and table rows

#: What one page gives: its fields, or the reason it holds no article.
Extracted = tuple[dict | None, str | None]


def require_web(what: str) -> None:
    """Raise an ImportError naming the ``web`` extra when trafilatura is not installed.

    Examples
    --------
    >>> require_web("HTML pages")  # installed here, so nothing happens
    """
    try:
        import trafilatura  # noqa: F401
    except ImportError as error:
        raise ImportError(f"reading {what} needs the 'web' extra: {WEB_EXTRA}") from error


@functools.cache
def _error_page() -> re.Pattern[str]:
    lines = _ERROR_PAGES.read_text(encoding="utf-8").splitlines()
    phrases = [e for line in lines if (e := line.split("#", 1)[0].strip())]
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def extract_page(html: bytes | str, url: str | None = None) -> Extracted:
    """The article in one page as fields, or the reason the page holds none.

    Parameters
    ----------
    html
        The page, as bytes (its encoding is detected) or text.
    url
        Where the page was fetched from, if known; the page's canonical URL wins.

    Returns
    -------
    (fields, None) or (None, reason)
        fields: ``text``, ``title``, ``url``, ``author``, ``outlet`` (the site's name),
        ``published`` (ISO date, or None) and ``description``.

    Examples
    --------
    >>> page = ("<html><head><title>Floods</title><meta name='date' content='2016-02-14'>"
    ...         "</head><body><nav><a href='/'>Home</a></nav><article><h1>Floods</h1><p>"
    ...         + "Heavy rain flooded the valley on Sunday and people left their homes. " * 3
    ...         + "</p></article></body></html>")
    >>> fields, reason = extract_page(page, "https://example.com/floods")
    >>> fields["title"], fields["published"], fields["text"][:24], reason
    ('Floods', '2016-02-14', 'Heavy rain flooded the v', None)
    >>> extract_page("<html><body><h1>404 Not Found</h1></body></html>")
    (None, 'no article text: the page reads as an error page (404 Not Found)')
    """
    require_web("HTML pages")
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True
        )
    except Exception as error:  # lxml and the date parsers raise many kinds on broken pages
        return None, f"unreadable page ({type(error).__name__}: {error})"
    if doc is None or not (doc.text or "").strip():
        return None, _no_text_reason(html, doc)
    title = (doc.title or "").strip() or None
    text = _without_title(doc.text, title)
    reason = _not_an_article(text, title)
    if reason:
        return None, reason
    return {
        "text": text,
        "title": title,
        "url": doc.url or url,
        "author": doc.author,
        "outlet": doc.sitename,
        "published": doc.date,
        "description": doc.description,
    }, None


def extract_pages(
    pages: Sequence[tuple[bytes, str | None]],
) -> list[tuple[dict | None, str | None]]:
    """:func:`extract_page` on each ``(html, url)``: the work one worker process does."""
    return [extract_page(html, url) for html, url in pages]


def _without_title(text: str, title: str | None) -> str:
    """The text without the headline that trafilatura keeps as its first line."""
    first, _, rest = text.strip().partition("\n")
    if title and first.strip() == title:
        return rest.strip()
    return text.strip()


def _no_text_reason(html: bytes | str, doc: object) -> str:
    title = getattr(doc, "title", None)
    if title and _error_page().search(title):
        return f"no article text: the page reads as an error page ({title})"
    if not html.strip():
        return "empty page"
    return "no article text in the page (an index or section page?)"


def _not_an_article(text: str, title: str | None) -> str | None:
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS * 4:  # only a short text can be an error page
        for said in (title or "", text):
            if said and _error_page().search(said):
                return f"no article text: the page reads as an error page ({said[:60]})"
    if words < MIN_ARTICLE_WORDS:
        return f"no article text: {words} words in the main text (an index page or a stub?)"
    prose = [
        n for line in text.splitlines() if not line.startswith(_ITEMS) and (n := len(line.split()))
    ]
    if sum(prose) < words / 2 or max(prose, default=0) < MIN_PARAGRAPH_WORDS:
        return "no article text: the main text is a list, not paragraphs (an index page?)"
    return None
