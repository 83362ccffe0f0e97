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
:mod:`toolkit.text.punkt`). Either way the toolkit's abbreviations
(``wordlists/abbreviations_en.txt``: military and civil titles, months, U.S., U.N.) are added,
so "Brig. Gen. Samer Amin Ali" never splits. A sentence longer than
:data:`MAX_SENTENCE_CHARS` (text that lost its sentence ends) is cut at white space in pieces of
:data:`PIECE_CHARS`, with an :class:`OverlongSentenceWarning` naming its article (see
:mod:`toolkit.text.overlong`); tokens keep the sentence ids that the marks give.

:func:`resources` says which NLTK resources were found.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Literal

import polars as pl

from toolkit.io.corpus import as_articles
from toolkit.io.workers import chunks
from toolkit.text import punkt as _punkt
from toolkit.text.overlong import MAX_SENTENCE_CHARS, PIECE_CHARS, cap
from toolkit.text.slices import substrings
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
# Each piece is a token with the white space after it, up to one line break; white space
# opening a text or holding a blank line is a piece of its own. Pieces tile a text, so
# offsets are running sums of piece lengths, and a blank line shows as an empty token.
_PIECE = rf"\s+|(?:{_TOKEN})[^\S\n]*\n?[^\S\n]*"
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


def stopwords(
    *,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    source: Literal["auto", "nltk", "toolkit"] = "auto",
) -> frozenset[str]:
    """Return the English stopword list in use, with words added or removed.

    ``source="auto"``: NLTK's English list when NLTK data is installed, else the toolkit's own
    (``wordlists/stopwords_en.txt``, a superset of NLTK's function words). ``"toolkit"`` always
    uses the toolkit's list, so that counts are the same on every machine (the curated
    notebooks do this); ``"nltk"`` insists on NLTK's. Either way the possessive ``'s`` that the
    tokeniser splits off is a stopword.

    Examples
    --------
    >>> words = stopwords(add=["said"], remove=["against"])
    >>> "said" in words, "against" in words, "the" in words
    (True, False, True)
    >>> "would" in stopwords(source="toolkit")
    True
    """
    if source not in ("auto", "nltk", "toolkit"):
        raise ValueError(f"source must be 'auto', 'nltk' or 'toolkit', not {source!r}")
    nltk_words = None if source == "toolkit" else _nltk_stopwords()
    if source == "nltk" and nltk_words is None:
        raise LookupError("NLTK's English stopwords are not installed; use source='toolkit'")
    base = (nltk_words or load_wordlist("stopwords_en")) | _CLITICS
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


def _tiles(texts: pl.Series, pattern: str) -> pl.LazyFrame:
    """Every text cut into the pieces that `pattern` tiles it with, in order.

    Columns: ``doc`` (the text's index), ``piece`` (null for an empty text) and ``start``. A
    piece's offset is the running sum of piece lengths before it: one cumulative sum over the
    whole frame, less the running total of text lengths at the start of its document.
    """
    length = pl.col("piece").str.len_chars().cast(pl.Int64)
    return (
        texts.to_frame("text")
        .lazy()
        .select(
            doc=pl.int_range(pl.len(), dtype=pl.UInt32),
            _base=pl.col("text").str.len_chars().cast(pl.Int64).cum_sum().shift(1, fill_value=0),
            piece=pl.col("text").str.extract_all(pattern),
        )
        .explode("piece")
        .with_columns(start=length.cum_sum() - length - pl.col("_base"))
        .drop("_base")
    )


def _stream(texts: pl.Series) -> pl.DataFrame:
    """Return every token of every text, with its offsets and what follows it.

    Columns: ``doc`` (the text's index), ``start``, ``end``, ``token``, ``gap`` (white space
    after it) and ``para_after`` (a blank line follows).
    """
    piece = pl.col("piece").str.len_chars()
    token = pl.col("token").str.len_chars()
    blank_next = (pl.col("_length").shift(-1) == 0) & (pl.col("doc").shift(-1) == pl.col("doc"))
    return (
        _tiles(texts, _PIECE)
        .with_columns(
            start=pl.col("start").cast(pl.UInt32),
            token=pl.col("piece").str.strip_chars_end(),
        )
        .with_columns(_length=token.cast(pl.UInt32))
        .with_columns(
            end=pl.col("start") + pl.col("_length"),
            gap=piece - pl.col("_length"),
            para_after=blank_next.fill_null(False),
        )
        .filter(pl.col("_length") > 0)
        .select("doc", "start", "end", "token", "gap", "para_after")
        .collect()
    )


def _boundary_columns(token: pl.Expr) -> dict[str, pl.Expr]:
    """What sentence boundaries read off a token.

    ``_mark``: it ends with a mark that may end a sentence; ``_closer``: a closing quote or
    bracket, which may follow one.
    """
    return {
        "_mark": token.str.ends_with(".") | token.is_in(["?", "!"]),
        "_closer": token.is_in(list(_punkt.CLOSERS)),
    }


def _types(stream: pl.DataFrame, stop: pl.Series) -> pl.DataFrame:
    """What is known of each distinct token, computed once per type rather than per token."""
    token = pl.col("token")
    norm = token.str.to_lowercase().str.replace_all(_APOSTROPHES, "'")
    return (
        stream.select(token.unique())
        .with_columns(norm=norm, is_word=token.str.contains(r"[\p{L}\p{N}]"))
        .with_columns(
            is_stop=pl.col("norm").is_in(stop.implode()),
            **_boundary_columns(token),
        )
    )


def _sentence_ends(stream: pl.DataFrame) -> pl.Series:
    """Whether each token of the stream ends a sentence: a Punkt boundary or a blank line."""
    return (
        _boundaries(stream.with_columns(next_after=pl.lit(None, pl.String))) | stream["para_after"]
    )


def _boundaries(tokens: pl.DataFrame) -> pl.Series:
    """Whether each token ends a sentence at a mark: the one place boundaries are decided.

    `tokens` are consecutive tokens of pieces of text, in order: ``doc`` (the piece), ``token``,
    ``gap`` (the white space after it), ``para_after`` (a blank line follows), ``_mark`` and
    ``_closer`` (see :func:`_boundary_columns`) and ``next_after`` (the token after the piece's
    last, where the piece is part of a longer text). A piece is a whole text for
    :func:`tokens` and a run of non-space characters for :func:`sentences`. Punkt decides
    (:func:`_breaks`), and a boundary moves past closing quotes and brackets (:func:`_realign`).
    """
    same_doc = pl.col("doc").shift(1) == pl.col("doc")
    last = (pl.col("doc").shift(-1) != pl.col("doc")).fill_null(True)
    marks = (
        tokens.lazy()
        .with_row_index("row")
        .select(
            "row",
            "token",
            "gap",
            "para_after",
            "_mark",
            prev=pl.when(same_doc & (pl.col("gap").shift(1) == 0)).then(pl.col("token").shift(1)),
            next=pl.when(last).then("next_after").otherwise(pl.col("token").shift(-1)),
        )
        .filter("_mark")
        .collect()
    )
    ends = pl.repeat(False, tokens.height, dtype=pl.Boolean, eager=True)
    return _realign(tokens, ends.scatter(_breaks(marks), True))


def _breaks(marks: pl.DataFrame) -> pl.Series:
    """The ``row`` of each mark that ends a sentence, by Punkt's rules.

    `marks` has, per token that may end a sentence, its ``row``, ``token``, the token right
    before it (``prev``, null when white space or the text's start comes between), the next
    token in its text (``next``, null at the end), the white space between them (``gap``) and
    whether it holds a blank line (``para_after``). Punkt decides the marks followed by white
    space or closing punctuation; a blank line ends a sentence anyway.
    """
    prev, nxt, gap = pl.col("prev"), pl.col("next"), pl.col("gap")
    non_word = list(_punkt.NON_WORD)
    candidates = marks.lazy().select(
        "row",
        "token",
        word=pl.when(~prev.is_in([*non_word, "."])).then(prev),
        ellipsis=((prev == ".") & (pl.col("token") == ".")).fill_null(False),
        next=nxt,
        _candidate=nxt.is_not_null()
        & ~pl.col("para_after")
        & ((gap > 0) | nxt.is_in(non_word))
        & ~((gap == 0) & nxt.is_in([".", "?", "!"])),  # only the last of "?!"
    )
    return _punkt.decide(candidates.filter("_candidate")).filter("sentbreak").collect()["row"]


def _realign(stream: pl.DataFrame, ends: pl.Series) -> pl.Series:
    """Move a boundary past closing quotes and brackets that directly follow it."""
    closer = stream["_closer"]
    rows = (ends.shift(1, fill_value=False) & closer).arg_true().cast(pl.Int64)
    for _ in range(3):  # '.”)' at most
        rows = rows.filter(
            (stream["gap"][rows - 1] == 0) & (stream["doc"][rows - 1] == stream["doc"][rows])
        )
        if rows.len() == 0:
            break
        ends = ends.scatter(rows - 1, False).scatter(rows, True)
        rows = (rows + 1).filter(rows + 1 < stream.height)
        rows = rows.filter(closer.gather(rows))
    return ends


def _annotated(articles: pl.DataFrame, stop: pl.Series) -> pl.DataFrame:
    """The token stream with its types' properties, ``sent_id`` and ``position``."""
    stream = _stream(articles["text"])
    stream = stream.join(_types(stream, stop), on="token", how="left", maintain_order="left")
    row = pl.int_range(pl.len(), dtype=pl.UInt32)
    first_of_doc = (pl.col("doc") != pl.col("doc").shift(1)).fill_null(True)
    starts = pl.col("_first") | pl.col("_ends").shift(1).fill_null(True)
    at_doc_start = pl.when("_first")
    return (
        stream.with_columns(_ends=_sentence_ends(stream), _first=first_of_doc)
        .with_columns(_sentence=starts.cum_sum().cast(pl.UInt32))
        .with_columns(
            sent_id=pl.col("_sentence") - at_doc_start.then("_sentence").forward_fill(),
            position=row - at_doc_start.then(row).forward_fill(),
            doc_id=articles["doc_id"].gather(stream["doc"]),
        )
    )


def word_ids(articles: pl.DataFrame, stop: pl.Series) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The word tokens as numbers, for counting, and the ``norm`` each number stands for.

    The first frame has a row per word token (``is_word``) in text order: ``doc`` (the
    article's row), ``_sentence`` (numbered across all the articles, so that two words share
    it only inside one sentence of one article), ``_id`` (the number of its ``norm``) and
    ``is_stop``. The second maps ``_id`` to ``norm``. Grouping by numbers rather than strings
    is what makes :func:`toolkit.terms.count_terms` fast.
    """
    stream = _stream(articles["text"])
    types = _types(stream, stop)
    norms = types.select(pl.col("norm").unique(maintain_order=True)).with_row_index("_id")
    stream = stream.join(
        types.join(norms, on="norm").drop("norm"), on="token", how="left", maintain_order="left"
    )
    first_of_doc = (pl.col("doc") != pl.col("doc").shift(1)).fill_null(True)
    starts = first_of_doc | pl.col("_ends").shift(1).fill_null(True)
    words = (
        stream.with_columns(_ends=_sentence_ends(stream))
        .select("doc", "_id", "is_stop", "is_word", _sentence=starts.cum_sum().cast(pl.UInt32))
        .filter("is_word")
        .drop("is_word")
    )
    return words, norms


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
    spans = pl.concat(
        [_sentence_spans(chunk) for chunk in chunks(as_articles(articles))], how="vertical"
    )
    return cap(spans, MAX_SENTENCE_CHARS, PIECE_CHARS)


def _sentence_spans(frame: pl.DataFrame) -> pl.DataFrame:
    """The sentences of the articles in `frame`, from where each ends and the next begins.

    A sentence ends at a blank line, at a Punkt boundary (moved past closing quotes and
    brackets) and at the end of its text. Only the marks need tokens; since no token holds
    white space, a run of non-space characters has the same tokens alone as in its text, so
    only the runs holding a mark are tokenised (see :func:`_pieces`), in about two thirds of the
    time tokenising every text takes.
    """
    texts = frame["text"]
    runs, blank_lines = _pieces(texts)
    first = (texts.str.len_chars() - texts.str.strip_chars_start().str.len_chars()).cast(pl.Int64)
    last = first + texts.str.strip_chars().str.len_chars()
    text_ends = pl.DataFrame(
        {"doc": pl.int_range(texts.len(), dtype=pl.UInt32, eager=True), "end": last}
    ).filter(pl.col("end") > first)  # a text of white space has no sentence
    ends = pl.concat(
        [_mark_ends(runs), blank_lines, text_ends.with_columns(next_start=pl.lit(None, pl.Int64))]
    )
    spans = (
        ends.sort("doc", "end", "next_start", nulls_last=True)
        .unique(["doc", "end"], keep="first", maintain_order=True)  # a blank line ending a text
        .with_columns(
            start=pl.when(pl.col("doc") == pl.col("doc").shift(1))
            .then(pl.col("next_start").shift(1))
            .otherwise(pl.lit(first).gather(pl.col("doc"))),
            sent_id=pl.int_range(pl.len(), dtype=pl.UInt32).over("doc"),
        )
    )
    return spans.select(
        doc_id=frame["doc_id"].gather(spans["doc"]),
        sent_id="sent_id",
        start=pl.col("start").cast(pl.UInt32),
        end=pl.col("end").cast(pl.UInt32),
        text=substrings(texts, spans["doc"], spans["start"], spans["end"]),
    )


# Pieces that tile a text: white space holding a line break; a stretch without marks or line
# breaks, to its last space; a run of non-space characters with the spaces after it. Every
# ".", "?" and "!" is thus in a piece that is one whole run and its spaces.
_SPAN_PIECE = r"\s*\n\s*|[^.?!\n]*[^\S\n]|\S+[^\S\n]*"


def _pieces(texts: pl.Series) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The runs holding a mark, and the blank lines after a token, in every text.

    Runs: ``doc``, ``start``, ``run``, and what follows its last token: the white space
    (``gap``), whether it holds a blank line (``para_after``) and the next token in the text
    (``next_run``, null at the end). Blank lines: ``doc``, ``end`` (of the token before) and
    ``next_start`` (of the token after).
    """
    length, piece = pl.col("length"), pl.col("piece")
    same_doc_next = pl.col("doc").shift(-1) == pl.col("doc")
    blank_next = (same_doc_next & pl.col("blank").shift(-1)).fill_null(False)
    blank_line = pl.col("blank") & (piece.str.count_matches("\n") >= 2)
    pieces = (
        _tiles(texts, _SPAN_PIECE)
        .filter(piece.is_not_null())  # an empty text has no piece
        .with_columns(length=piece.str.len_chars().cast(pl.Int64), run=piece.str.strip_chars_end())
        .with_columns(
            trail=length - pl.col("run").str.len_chars(),
            blank=pl.col("run") == "",
        )
        .with_columns(
            gap=pl.col("trail") + pl.when(blank_next).then(length.shift(-1)).otherwise(0),
            para_after=blank_next & blank_line.shift(-1),
            _after_token=(pl.col("doc").shift(1) == pl.col("doc")).fill_null(False),
            _token_end=pl.col("start") - pl.col("trail").shift(1),
        )
        .collect()
    )
    runs = (
        pieces.filter(~pl.col("blank"))
        .with_columns(next_run=pl.when(same_doc_next).then(piece.shift(-1)))
        .filter(piece.str.contains("[.?!]"))
        .select(
            "doc",
            "start",
            "run",
            "gap",
            "para_after",
            next_run=pl.col("next_run").str.extract(f"^({_TOKEN})"),
        )
    )
    blank_lines = pieces.filter(blank_line & pl.col("_after_token")).select(
        "doc", end="_token_end", next_start=pl.col("start") + length
    )
    return runs, blank_lines


def _mark_ends(runs: pl.DataFrame) -> pl.DataFrame:
    """Where the sentences that end at a mark end (``end``), and where the next begins.

    The runs are tokenised, and each is a piece for :func:`_boundaries`: a mark's neighbours
    are the tokens beside it in its run, else the next run's first token.
    """
    size = pl.col("token").str.len_chars()
    run_size = pl.col("run").str.len_chars().cast(pl.Int64)
    last = pl.col("end") == pl.col("_run_end")  # a run's last token: white space follows
    tokens = (
        runs.lazy()
        .with_row_index("_run")
        .with_columns(
            _run_end=pl.col("start") + run_size, _base=run_size.cum_sum().shift(1, fill_value=0)
        )
        .with_columns(token=pl.col("run").str.extract_all(_TOKEN))
        .explode("token")
        .with_columns(end=pl.col("start") + size.cum_sum() - pl.col("_base"))
        .with_columns(
            gap=pl.when(last).then("gap").otherwise(0),
            para_after=last & pl.col("para_after"),
            **_boundary_columns(pl.col("token")),
        )
        .collect()
    )
    ends = _boundaries(tokens.rename({"doc": "_doc", "_run": "doc", "next_run": "next_after"}))
    return tokens.filter(ends).select("doc", "end", next_start=pl.col("end") + pl.col("gap"))


def tokens(
    articles: pl.DataFrame | pl.LazyFrame,
    *,
    stopwords_add: Iterable[str] = (),
    stopwords_remove: Iterable[str] = (),
    stopwords_from: Literal["auto", "nltk", "toolkit"] = "auto",
) -> pl.DataFrame:
    """Tokenise every article, with sentence ids and offsets into its ``text``.

    Parameters
    ----------
    articles
        Any frame with at least ``doc_id`` and ``text``.
    stopwords_add, stopwords_remove
        Words to add to, or remove from, the stopword list (see :func:`stopwords`).
    stopwords_from
        Which list marks ``is_stop``: ``"auto"``, ``"nltk"`` or ``"toolkit"`` (see
        :func:`stopwords`).

    Returns
    -------
    polars.DataFrame
        One row per token: the tokens frame of the module docstring.

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
    chosen = stopwords(add=stopwords_add, remove=stopwords_remove, source=stopwords_from)
    stop = pl.Series(sorted(chosen))
    return pl.concat(
        [_annotated(chunk, stop).select(TOKEN_COLUMNS) for chunk in chunks(as_articles(articles))],
        how="vertical",
    )


#: The tokens frame (see the module docstring).
TOKEN_SCHEMA = pl.Schema({
    "doc_id": pl.String, "sent_id": pl.UInt32, "position": pl.UInt32, "start": pl.UInt32,
    "end": pl.UInt32, "token": pl.String, "norm": pl.String, "is_stop": pl.Boolean,
    "is_word": pl.Boolean,
})  # fmt: skip
TOKEN_COLUMNS = list(TOKEN_SCHEMA)
#: The sentences frame (see the module docstring).
SENTENCE_SCHEMA = pl.Schema({
    "doc_id": pl.String, "sent_id": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
    "text": pl.String,
})  # fmt: skip
