"""Sentences and tokens with character offsets into the articles' ``text``.

sentences frame
    ``doc_id`` (str), ``sent_id`` (u32, from 0 in each document), ``start``, ``end`` (u32,
    ``text[start:end]`` is the sentence), ``text`` (str).
tokens frame
    ``doc_id``, ``sent_id``, ``position`` (u32, from 0 in each document), ``start``, ``end``
    (u32 offsets into the article text), ``token`` (str, as written), ``norm`` (lower case,
    curly apostrophes made straight), ``is_stop`` (bool), ``is_word`` (bool: holds a letter or
    a digit).

Sentences come from NLTK's Punkt, run inside each paragraph (paragraphs end at blank lines).
The installed ``punkt_tab`` model is used when NLTK data is present; without it Punkt runs
with the toolkit's own abbreviations only. Either way the toolkit's abbreviations
(``wordlists/abbreviations_en.txt``: military and civil titles, months, U.S., U.N.) are added,
so "Brig. Gen. Samer Amin Ali" never splits.

Tokens are found by one regular expression over every sentence at once (polars, in Rust):
URLs, initialisms (U.S.), numbers with separators (200,000; 3.5), words with inner hyphens and
apostrophes (Deir el-Zour, don't), a possessive ’s split off as its own token, and every other
non-space character (quotes, dashes, punctuation) as a token of its own.

:func:`resources` says which NLTK resources were found.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable

import polars as pl
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from toolkit.wordlists import load as load_wordlist

__all__ = ["resources", "sentences", "stopwords", "tokens"]

log = logging.getLogger(__name__)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_WORD_CHAR = r"[\p{L}\p{N}\p{M}]"
_TOKEN = (
    r"(?s)https?://[^\s<>\"“”]+"  # URLs
    r"|(?:\p{L}\.){2,}"  # initialisms: U.S., U.N., a.m.
    r"|\p{N}+(?:[.,]\p{N}+)+"  # numbers with separators: 200,000 and 3.5
    # words with inner hyphens and apostrophes (Deir el-Zour, don't), stopping before a
    # possessive 's, which the next branch takes as a token of its own
    rf"|{_WORD_CHAR}+(?:[-‐]{_WORD_CHAR}+|['’](?:[{_WORD_CHAR}--[sS]]|[sS]{_WORD_CHAR}){_WORD_CHAR}*)*"
    r"|['’][sS]\b"
    r"|\S"  # any other character is a token of its own
)
# Each piece is a token with the white space after it: pieces tile a sentence (which never
# starts with a space), so offsets are running sums of piece lengths.
_PIECE = rf"(?:{_TOKEN})\s*"
_CLITICS = frozenset({"'s"})
_APOSTROPHES = r"[’‘ʼ`]"


# ---------------------------------------------------------------------------------------------
# resources: NLTK data when installed, the toolkit's own lists otherwise


@functools.cache
def _punkt() -> tuple[PunktSentenceTokenizer, str]:
    try:
        from nltk.tokenize.punkt import PunktTokenizer

        tokenizer: PunktSentenceTokenizer = PunktTokenizer("english")
        origin = "nltk punkt_tab (english) + toolkit abbreviations"
    except LookupError:
        tokenizer = PunktSentenceTokenizer(PunktParameters())
        origin = "toolkit abbreviations (NLTK punkt_tab not installed)"
    tokenizer._params.abbrev_types.update(load_wordlist("abbreviations_en"))
    log.info("sentence splitter: %s", origin)
    return tokenizer, origin


@functools.cache
def _nltk_stopwords() -> frozenset[str] | None:
    try:
        from nltk.corpus import stopwords as corpus

        return frozenset(corpus.words("english"))
    except LookupError:
        return None


def stopwords(*, add: Iterable[str] = (), remove: Iterable[str] = ()) -> frozenset[str]:
    """Return the English stopword list in use, with words added or removed.

    NLTK's English list when NLTK data is installed, else the toolkit's own
    (``wordlists/stopwords_en.txt``, a superset of NLTK's function words); either way with
    the possessive ``'s`` that the tokeniser splits off.

    Examples
    --------
    >>> words = stopwords(add=["said"], remove=["against"])
    >>> "said" in words, "against" in words, "the" in words
    (True, False, True)
    """
    base = (_nltk_stopwords() or load_wordlist("stopwords_en")) | _CLITICS
    return (base | {w.lower() for w in add}) - {w.lower() for w in remove}


def resources() -> dict[str, str]:
    """Say which sentence model and stopword list the toolkit is using on this machine.

    Examples
    --------
    >>> sorted(resources())
    ['sentences', 'stopwords']
    """
    stop = "nltk stopwords (english)" if _nltk_stopwords() else "toolkit stopwords_en.txt"
    return {"sentences": _punkt()[1], "stopwords": stop}


# ---------------------------------------------------------------------------------------------
# sentences


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _sentence_spans(text: str, tokenizer: PunktSentenceTokenizer) -> list[tuple[int, int]]:
    spans = []
    for p_start, p_end in _paragraphs(text):
        paragraph = text[p_start:p_end]
        for start, end in tokenizer.span_tokenize(paragraph):
            sentence = paragraph[start:end]
            stripped = sentence.strip()
            if stripped:  # a sentence never starts or ends with white space
                start += len(sentence) - len(sentence.lstrip())
                spans.append((p_start + start, p_start + start + len(stripped)))
    return spans


def sentences(articles: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Split every article into sentences, with offsets into its ``text``.

    Parameters
    ----------
    articles
        Any frame with at least ``doc_id`` and ``text``.

    Returns
    -------
    polars.DataFrame
        The sentences frame described in the module docstring, in document order.

    Examples
    --------
    >>> articles = pl.DataFrame({"doc_id": ["a"], "text": ["Brig. Gen. Ali died. IS said so."]})
    >>> sentences(articles)
    shape: (2, 5)
    ┌────────┬─────────┬───────┬─────┬──────────────────────┐
    │ doc_id ┆ sent_id ┆ start ┆ end ┆ text                 │
    │ ---    ┆ ---     ┆ ---   ┆ --- ┆ ---                  │
    │ str    ┆ u32     ┆ u32   ┆ u32 ┆ str                  │
    ╞════════╪═════════╪═══════╪═════╪══════════════════════╡
    │ a      ┆ 0       ┆ 0     ┆ 20  ┆ Brig. Gen. Ali died. │
    │ a      ┆ 1       ┆ 21    ┆ 32  ┆ IS said so.          │
    └────────┴─────────┴───────┴─────┴──────────────────────┘
    """
    frame = _require(articles)
    tokenizer, _ = _punkt()
    doc_ids, starts, ends = [], [], []
    for doc_id, text in frame.select("doc_id", "text").iter_rows():
        for start, end in _sentence_spans(text or "", tokenizer):
            doc_ids.append(doc_id)
            starts.append(start)
            ends.append(end)
    spans = pl.DataFrame(
        {"doc_id": doc_ids, "start": starts, "end": ends},
        schema={"doc_id": pl.String, "start": pl.UInt32, "end": pl.UInt32},
    )
    texts = frame.select("doc_id", "text").rename({"text": "_article"})
    return (
        spans.join(texts, on="doc_id", how="left", maintain_order="left")
        .with_columns(
            sent_id=_running_index("doc_id"),
            text=pl.col("_article").str.slice(pl.col("start"), pl.col("end") - pl.col("start")),
        )
        .select("doc_id", "sent_id", "start", "end", "text")
    )


# ---------------------------------------------------------------------------------------------
# tokens


def tokens(
    articles: pl.DataFrame | pl.LazyFrame,
    *,
    sents: pl.DataFrame | None = None,
    stopwords_add: Iterable[str] = (),
    stopwords_remove: Iterable[str] = (),
) -> pl.DataFrame:
    """Tokenise every article, with sentence ids and offsets into its ``text``.

    Parameters
    ----------
    articles
        Any frame with at least ``doc_id`` and ``text``.
    sents
        The articles' sentences, if already computed by :func:`sentences`.
    stopwords_add, stopwords_remove
        Words to add to, or remove from, the stopword list (see :func:`stopwords`).

    Returns
    -------
    polars.DataFrame
        The tokens frame described in the module docstring.

    Examples
    --------
    >>> articles = pl.DataFrame({"doc_id": ["a"], "text": ["Syria’s 200,000 — in Deir el-Zour."]})
    >>> tokens(articles).select("token", "start", "end", "norm", "is_stop", "is_word")
    shape: (8, 6)
    ┌─────────┬───────┬─────┬─────────┬─────────┬─────────┐
    │ token   ┆ start ┆ end ┆ norm    ┆ is_stop ┆ is_word │
    │ ---     ┆ ---   ┆ --- ┆ ---     ┆ ---     ┆ ---     │
    │ str     ┆ u32   ┆ u32 ┆ str     ┆ bool    ┆ bool    │
    ╞═════════╪═══════╪═════╪═════════╪═════════╪═════════╡
    │ Syria   ┆ 0     ┆ 5   ┆ syria   ┆ false   ┆ true    │
    │ ’s      ┆ 5     ┆ 7   ┆ 's      ┆ true    ┆ true    │
    │ 200,000 ┆ 8     ┆ 15  ┆ 200,000 ┆ false   ┆ true    │
    │ —       ┆ 16    ┆ 17  ┆ —       ┆ false   ┆ false   │
    │ in      ┆ 18    ┆ 20  ┆ in      ┆ true    ┆ true    │
    │ Deir    ┆ 21    ┆ 25  ┆ deir    ┆ false   ┆ true    │
    │ el-Zour ┆ 26    ┆ 33  ┆ el-zour ┆ false   ┆ true    │
    │ .       ┆ 33    ┆ 34  ┆ .       ┆ false   ┆ false   │
    └─────────┴───────┴─────┴─────────┴─────────┴─────────┘
    """
    if sents is None:
        sents = sentences(articles)
    stop = pl.Series(sorted(stopwords(add=stopwords_add, remove=stopwords_remove)))
    piece = pl.col("_piece").str.len_chars()
    # A piece's offset in its sentence is the running sum of piece lengths before it: one
    # cumulative sum over the whole frame, less that sum at the start of its sentence (the
    # running total of sentence lengths, computed once per sentence).
    pieces = (
        sents.lazy()
        .with_columns(_base=pl.col("text").str.len_chars().cum_sum().shift(1, fill_value=0))
        .select(
            "doc_id",
            "sent_id",
            "start",
            "_base",
            pl.col("text").str.extract_all(_PIECE).alias("_piece"),
        )
        .explode("_piece")
        .filter(pl.col("_piece").is_not_null())
        .with_columns(
            start=(pl.col("start") + piece.cum_sum() - piece - pl.col("_base")).cast(pl.UInt32),
            token=pl.col("_piece").str.strip_chars_end(),
        )
    )
    length = pl.col("token").str.len_chars()
    norm = pl.col("token").str.to_lowercase().str.replace_all(_APOSTROPHES, "'")
    return (
        pieces.with_columns(
            position=_running_index("doc_id"),
            end=pl.col("start") + length.cast(pl.UInt32),
            norm=norm,
        )
        .with_columns(
            is_stop=pl.col("norm").is_in(stop.implode()),
            is_word=pl.col("token").str.contains(r"[\p{L}\p{N}]"),
        )
        .select(TOKEN_COLUMNS)
        .collect()
    )


TOKEN_COLUMNS = [
    "doc_id", "sent_id", "position", "start", "end", "token", "norm", "is_stop", "is_word",
]  # fmt: skip


def _running_index(key: str) -> pl.Expr:
    """0, 1, 2, ... restarting wherever `key` changes (rows of one key are contiguous)."""
    row = pl.int_range(pl.len(), dtype=pl.UInt32)
    first = pl.when(pl.col(key) != pl.col(key).shift(1)).then(row).otherwise(None)
    return row - first.fill_null(0).cum_max()


def _require(articles: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    frame = articles.collect() if isinstance(articles, pl.LazyFrame) else articles
    missing = {"doc_id", "text"} - set(frame.columns)
    if missing:
        raise ValueError(f"articles need the columns doc_id and text; missing {sorted(missing)}")
    return frame
