"""Regular expressions for long word lists, built as a trie.

Python's ``re`` tries the alternatives of ``day|days|december|...`` one by one at every position
of the text. The same words branching letter by letter (``d(?:ays?|ecember)``) match exactly the
same strings, longest first, and scan several times faster: ``benchmarks/claims.py`` spends most of
its dating time finding the time words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator


def alternation(words: Iterable[str], *, whitespace: bool = False, dotted: bool = False) -> str:
    r"""A non-capturing group matching any of the words, the longest first where several fit.

    With ``whitespace``, a space in a word matches any run of white space. With ``dotted``, a
    word that is the prefix of a longer one (an abbreviation such as "Sept") may take a full
    stop.

    Examples
    --------
    >>> alternation(["day", "days", "december"])
    '(?:d(?:ay(?:s)?|ecember))'
    >>> alternation(["sept", "september"], dotted=True)
    '(?:sept(?:ember|\\.?))'
    >>> bool(re.fullmatch(alternation(["in the end"], whitespace=True), "in  the end"))
    True
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    space = r"\s+" if whitespace else r"\ "
    return "(?:" + _branches(trie, space, dotted) + ")"


def _branches(node: dict, space: str, dotted: bool) -> str:
    branches = [
        (space if char == " " else re.escape(char)) + _branches(child, space, dotted)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body}|\\.?)" if dotted else f"(?:{body})?"


def _lowered(pattern: re.Pattern) -> re.Pattern:
    # keyed by the source, not the pattern: hashing a compiled pattern hashes all its code
    return _compile_cased(pattern.pattern, pattern.flags)


@functools.cache
def _compile_cased(source: str, flags: int) -> re.Pattern:
    return re.compile(source.removeprefix("(?i)"), flags & ~re.IGNORECASE)


def finditer_caseless(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a ``(?i)`` pattern of lower-case words, run faster.

    The text is lower-cased and searched case-sensitively, which ``re`` does several times
    faster. The matches' offsets hold for `text`; their strings are lower case, so slice `text`.

    Examples
    --------
    >>> pattern = re.compile(r"(?i)\\bdozens\\b")
    >>> [m.span() for m in finditer_caseless(pattern, "Dozens came, then dozens more.")]
    [(0, 6), (18, 24)]
    """
    pattern, text = _caseless(pattern, text)
    return pattern.finditer(text)


def search_caseless(
    pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None
) -> re.Match | None:
    """``pattern.search(text, pos, endpos)`` for a ``(?i)`` pattern of lower-case words, faster.

    As :func:`finditer_caseless`: the match's offsets hold for `text`, its strings are lower case.

    Examples
    --------
    >>> pattern = re.compile(r"(?i)\\btoll\\s+rose\\s+to\\s+$")
    >>> search_caseless(pattern, "The TOLL rose to 12", 0, 17).span()
    (4, 17)
    """
    pattern, text = _caseless(pattern, text)
    return pattern.search(text, pos, len(text) if endpos is None else endpos)


def _caseless(pattern: re.Pattern, text: str) -> tuple[re.Pattern, str]:
    """The pattern and text to search: both in lower case, unless lowering moves offsets."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length: offsets would not hold
        return pattern, text
    return _lowered(pattern), lower
