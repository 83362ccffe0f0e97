"""Sentences and tokens with character offsets into the articles' ``text``.

sentences frame
    ``doc_id`` (str), ``sent_id`` (u32, from 0 in each document), ``start``, ``end`` (u32,
    ``text[start:end]`` is the sentence), ``text`` (str).
tokens frame
    ``doc_id``, ``sent_id``, ``position`` (u32, from 0 in each document), ``start``, ``end``
    (u32 offsets into the article text), ``token`` (str, as written), ``norm`` (lower case,
    curly apostrophes made straight), ``is_stop`` (bool), ``is_word`` (bool: holds a letter or
    a digit).

Tokens are found by one regular expression over every text at once (polars, in Rust): URLs,
initialisms (U.S.), numbers with separators (200,000; 3.5), words with inner hyphens and
apostrophes (Deir el-Zour, don't), a possessive ’s split off as its own token, and every other
non-space character (quotes, dashes, punctuation) as a token of its own.

Sentences end at blank lines and wherever NLTK's Punkt puts a boundary: its decision rules and
its learned tables (the installed ``punkt_tab`` when NLTK data is present, else none) run as
polars expressions over every ``.``, ``?`` and ``!`` of the corpus at once (see
:mod:`toolkit._punkt`). Either way the toolkit's abbreviations
(``wordlists/abbreviations_en.txt``: military and civil titles, months, U.S., U.N.) are added,
so "Brig. Gen. Samer Amin Ali" never splits.

:func:`resources` says which NLTK resources were found.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import polars as pl

from toolkit import _punkt
from toolkit.wordlists import load as load_wordlist

__all__ = ["resources", "sentences", "stopwords", "tokens"]

_WORD_CHAR = r"[\p{L}\p{N}\p{M}]"
_TOKEN = (
    r"(?s)https?://[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]'’]"  # URLs, without final punctuation
    r"|(?:\p{L}\.){2,}"  # initialisms: U.S., U.N., a.m.
    r"|\p{N}+(?:[.,]\p{N}+)+"  # numbers with separators: 200,000 and 3.5
    # words with inner hyphens and apostrophes (Deir el-Zour, don't), stopping before a
    # possessive 's, which the next branch takes as a token of its own
    rf"|{_WORD_CHAR}+(?:[-‐]{_WORD_CHAR}+|['’](?:[{_WORD_CHAR}--[sS]]|[sS]{_WORD_CHAR}){_WORD_CHAR}*)*"
    r"|['’][sS]\b"
    r"|\S"  # any other character is a token of its own
)
# Each piece is a token with the white space after it (or the white space opening a text):
# pieces tile a text, so offsets are running sums of piece lengths.
_PIECE = rf"\s+|(?:{_TOKEN})\s*"
_CLITICS = frozenset({"'s"})
_APOSTROPHES = r"[’‘ʼ`]"


# ---------------------------------------------------------------------------------------------
# resources: NLTK data when installed, the toolkit's own lists otherwise


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
    return {"sentences": _punkt.model().origin, "stopwords": stop}


# ---------------------------------------------------------------------------------------------
# the token stream, with sentence boundaries


def _stream(articles: pl.DataFrame) -> pl.DataFrame:
    """Every token of every text with its offsets and the white space that follows it.

    Pieces (a token and the white space after it) tile each text, so a token's offset is the
    running sum of piece lengths before it: one cumulative sum over the whole frame, less the
    running total of text lengths at the start of its document.
    """
    piece = pl.col("piece").str.len_chars()
    token = pl.col("token").str.len_chars()
    return (
        articles.lazy()
        .select(
            "doc_id",
            _base=pl.col("text").str.len_chars().cum_sum().shift(1, fill_value=0),
            piece=pl.col("text").str.extract_all(_PIECE),
        )
        .explode("piece")
        .filter(pl.col("piece").is_not_null())
        .with_columns(
            start=(piece.cum_sum() - piece - pl.col("_base")).cast(pl.UInt32),
            token=pl.col("piece").str.strip_chars_start().str.strip_chars_end(),
            lead=piece - pl.col("piece").str.strip_chars_start().str.len_chars(),
            para_after=pl.col("piece").str.count_matches("\n", literal=True) >= 2,
        )
        .with_columns(gap=piece - token - pl.col("lead"))
        .filter(token > 0)
        .with_columns(
            start=pl.col("start") + pl.col("lead").cast(pl.UInt32),
            end=pl.col("start") + (pl.col("lead") + token).cast(pl.UInt32),
        )
        .select("doc_id", "start", "end", "token", "gap", "para_after")
        .collect()
    )


def _sentence_ends(stream: pl.DataFrame) -> pl.Series:
    """Whether each token ends a sentence: a blank line after it, or a Punkt boundary."""
    same_doc_next = pl.col("doc_id").shift(-1) == pl.col("doc_id")
    adjacent_prev = (pl.col("doc_id").shift(1) == pl.col("doc_id")) & (
        pl.col("end").shift(1) == pl.col("start")
    )
    nxt, prev = pl.col("token").shift(-1), pl.col("token").shift(1)
    marks = [".", "?", "!"]
    is_mark = pl.col("token").is_in(marks) | (
        pl.col("token").str.ends_with(".") & (pl.col("token").str.len_chars() > 1)
    )
    followed = (
        same_doc_next
        & ~pl.col("para_after")
        & ((pl.col("gap") > 0) | nxt.is_in(list(_punkt.NON_WORD)))
    )
    last_of_run = ~((pl.col("gap") == 0) & nxt.is_in(marks))
    candidates = (
        stream.lazy()
        .with_row_index("row")
        .with_columns(
            word=pl.when(adjacent_prev & ~prev.is_in([*_punkt.NON_WORD, "."])).then(prev),
            ellipsis=adjacent_prev & (prev == ".") & (pl.col("token") == "."),
            next=nxt,
            _candidate=is_mark & followed & last_of_run,
        )
        .filter("_candidate")
        .select("row", "token", "word", "ellipsis", "next")
    )
    breaks = _punkt.decide(candidates).filter("sentbreak").select("row").collect()["row"]
    ends = pl.Series("ends", [False] * stream.height, dtype=pl.Boolean).scatter(breaks, True)
    ends = ends | stream["para_after"]
    # Realign: closing quotes and brackets right after a boundary belong to its sentence.
    closer = (stream["gap"].shift(1) == 0) & stream["token"].is_in(list(_punkt.CLOSERS))
    same_doc = stream["doc_id"].shift(1) == stream["doc_id"]
    for _ in range(3):
        moved = ends.shift(1, fill_value=False) & closer & same_doc
        if not moved.any():
            break
        ends = (ends & ~moved.shift(-1, fill_value=False)) | moved
    return ends


def _with_sentences(stream: pl.DataFrame) -> pl.DataFrame:
    """Add ``sent_id`` and ``position``, both counting from 0 in each document."""
    first_of_doc = pl.col("doc_id") != pl.col("doc_id").shift(1)
    starts = first_of_doc.fill_null(True) | pl.col("_ends").shift(1).fill_null(True)
    return (
        stream.with_columns(_ends=_sentence_ends(stream))
        .with_columns(_sentence=starts.cum_sum().cast(pl.UInt32))
        .with_columns(
            sent_id=pl.col("_sentence") - _doc_first("_sentence"),
            position=_running_index("doc_id"),
        )
    )


def _doc_first(column: str) -> pl.Expr:
    """The value of `column` at the first row of each document (rows of one doc contiguous)."""
    first = pl.col("doc_id") != pl.col("doc_id").shift(1)
    return pl.when(first.fill_null(True)).then(pl.col(column)).forward_fill()


def _running_index(key: str) -> pl.Expr:
    """0, 1, 2, ... restarting wherever `key` changes (rows of one key are contiguous)."""
    row = pl.int_range(pl.len(), dtype=pl.UInt32)
    first = pl.when(pl.col(key) != pl.col(key).shift(1)).then(row).otherwise(None)
    return row - first.fill_null(0).cum_max()


# ---------------------------------------------------------------------------------------------
# public functions


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
    stream = _with_sentences(_stream(frame))
    spans = (
        stream.lazy()
        .with_columns(_last=(pl.col("_sentence") != pl.col("_sentence").shift(-1)).fill_null(True))
        .group_by("_sentence", maintain_order=True)
        .agg(
            pl.col("doc_id").first(),
            pl.col("sent_id").first(),
            pl.col("start").first(),
            pl.col("end").last(),
        )
        .drop("_sentence")
    )
    texts = frame.lazy().select("doc_id", _article="text")
    return (
        spans.join(texts, on="doc_id", how="left", maintain_order="left")
        .with_columns(
            text=pl.col("_article").str.slice(pl.col("start"), pl.col("end") - pl.col("start"))
        )
        .select("doc_id", "sent_id", "start", "end", "text")
        .collect()
    )


def tokens(
    articles: pl.DataFrame | pl.LazyFrame,
    *,
    stopwords_add: Iterable[str] = (),
    stopwords_remove: Iterable[str] = (),
) -> pl.DataFrame:
    """Tokenise every article, with sentence ids and offsets into its ``text``.

    Parameters
    ----------
    articles
        Any frame with at least ``doc_id`` and ``text``.
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
    stop = pl.Series(sorted(stopwords(add=stopwords_add, remove=stopwords_remove)))
    norm = pl.col("token").str.to_lowercase().str.replace_all(_APOSTROPHES, "'")
    return (
        _with_sentences(_stream(_require(articles)))
        .lazy()
        .with_columns(norm=norm)
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


def _require(articles: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    frame = articles.collect() if isinstance(articles, pl.LazyFrame) else articles
    missing = {"doc_id", "text"} - set(frame.columns)
    if missing:
        raise ValueError(f"articles need the columns doc_id and text; missing {sorted(missing)}")
    return frame.with_columns(pl.col("text").fill_null(""))
