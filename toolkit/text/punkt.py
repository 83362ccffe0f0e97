"""NLTK's Punkt sentence-boundary decisions, computed with polars over a whole token stream.

NLTK's ``PunktSentenceTokenizer`` decides, for every ``.``, ``?`` or ``!`` followed by white
space or closing punctuation, whether it ends a sentence. It looks at two tokens: the one the
mark ends (``Gen.``, ``2014.``, ``J.``, ``...``) and the next one, and consults four learned
tables: abbreviations, collocations, frequent sentence starters, and each word's
orthographic context (how often it was seen capitalised or not, at a sentence start or
inside one). Running that in Python costs about 5 MB/s. Here the same rules run as polars
expressions over the candidates of a whole corpus at once, with the same tables (from the
installed ``punkt_tab``, else empty) plus the toolkit's abbreviations.

The rules follow ``nltk.tokenize.punkt`` (first pass: ``_first_pass_annotation``; second
pass: ``_second_pass_annotation`` and ``_ortho_heuristic``); tests check that the sentences
agree with NLTK's own ``span_tokenize`` on real corpora.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import polars as pl
from nltk.tokenize.punkt import PunktParameters

from toolkit.wordlists import load as load_wordlist

# Orthographic context flags, as in nltk.tokenize.punkt.
_BEG_UC, _MID_UC, _UNK_UC = 1 << 1, 1 << 2, 1 << 3
_BEG_LC, _MID_LC, _UNK_LC = 1 << 4, 1 << 5, 1 << 6
_UC = _BEG_UC | _MID_UC | _UNK_UC
_LC = _BEG_LC | _MID_LC | _UNK_LC

#: Characters that may follow a sentence-ending mark directly (Punkt's "NonWord").
NON_WORD = frozenset(")\";}]*:@'({[‘’“”«»?!")
#: Closing characters moved onto the sentence they follow (Punkt's boundary realignment).
CLOSERS = frozenset("\"')]}‘’“”«»")
_NUMERIC = r"^-?[.,]?\d[\d,.-]*\.?$"
_PUNCTUATION = [";", ":", ",", ".", "!", "?"]
_FALSE, _TRUE, _UNKNOWN = 0, 1, 2


@dataclass(frozen=True)
class PunktModel:
    """Punkt's learned tables as polars frames, and where they came from."""

    abbreviations: pl.Series
    collocations: pl.DataFrame
    sent_starters: pl.Series
    ortho_context: pl.DataFrame
    origin: str


@functools.cache
def model() -> PunktModel:
    """Return the Punkt tables in use.

    NLTK's ``punkt_tab`` (English) when installed, else empty tables; either way with the
    toolkit's abbreviations added.
    """
    try:
        from nltk.tokenize.punkt import PunktTokenizer

        params: PunktParameters = PunktTokenizer("english")._params
        origin = "nltk punkt_tab (english) + toolkit abbreviations"
    except LookupError:
        params = PunktParameters()
        origin = "toolkit abbreviations (NLTK punkt_tab not installed)"
    abbreviations = set(params.abbrev_types) | load_wordlist("abbreviations_en")
    return PunktModel(
        abbreviations=pl.Series(sorted(abbreviations), dtype=pl.String),
        collocations=pl.DataFrame(
            sorted(params.collocations),
            schema={"typ": pl.String, "next_typ": pl.String},
            orient="row",
        ).with_columns(collocation=pl.lit(True)),
        sent_starters=pl.Series(sorted(params.sent_starters), dtype=pl.String),
        ortho_context=pl.DataFrame(
            {
                "next_typ": list(params.ortho_context),
                "ortho": list(params.ortho_context.values()),
            },
            schema={"next_typ": pl.String, "ortho": pl.Int64},
        ),
        origin=origin,
    )


def _type(token: pl.Expr) -> pl.Expr:
    """Punkt's token type: lower case, numbers as ``##number##``."""
    lower = token.str.to_lowercase()
    return pl.when(lower.str.contains(_NUMERIC)).then(pl.lit("##number##")).otherwise(lower)


def _without_final_period(typ: pl.Expr) -> pl.Expr:
    return (
        pl.when((typ.str.len_chars() > 1) & typ.str.ends_with("."))
        .then(typ.str.slice(0, typ.str.len_chars() - 1))
        .otherwise(typ)
    )


def _is_abbreviation(word: pl.Expr, abbreviations: pl.Series) -> pl.Expr:
    """Punkt's first-pass test on a period-final token's word (without the period)."""
    lower = word.str.to_lowercase()
    last_part = lower.str.split("-").list.last()
    listed = abbreviations.implode()
    return lower.is_in(listed) | last_part.is_in(listed)


def _first_is(kind: str, token: pl.Expr) -> pl.Expr:
    first = token.str.slice(0, 1)
    upper, lower = first.str.to_uppercase(), first.str.to_lowercase()
    if kind == "upper":
        return (first == upper) & (first != lower)
    return (first == lower) & (first != upper)


def decide(candidates: pl.LazyFrame) -> pl.LazyFrame:
    """Add ``sentbreak`` (bool) to candidate marks.

    `candidates` has, per ``.``, ``?`` or ``!`` that is followed by white space and a token or
    directly by closing punctuation: ``token`` (the mark's token: ``.``, ``?``, ``!`` or a
    period-final initialism such as ``U.S.``), ``word`` (the word the mark is attached to, or
    null), ``ellipsis`` (bool: the mark ends ``..``), and ``next`` (the next token).
    """
    punkt = model()
    tok1, nxt = pl.col("_tok1"), pl.col("next")
    frame = (
        candidates.with_columns(
            # The token Punkt classifies: the word with its period ("Gen."), or the mark itself.
            _tok1=pl.when(pl.col("token") == ".")
            .then(pl.concat_str([pl.col("word").fill_null(""), pl.lit(".")]))
            .otherwise(pl.col("token")),
            _question=pl.col("token").is_in(["?", "!"]),
            _next_abbr=_is_abbreviation(
                nxt.str.slice(0, nxt.str.len_chars() - 1), punkt.abbreviations
            ),
            _next_type=_type(nxt),
            _upper=_first_is("upper", nxt),
            _lower=_first_is("lower", nxt),
        )
        .with_columns(
            _abbr=~pl.col("_question")
            & ~pl.col("ellipsis")
            & (tok1 != ".")
            & _is_abbreviation(tok1.str.slice(0, tok1.str.len_chars() - 1), punkt.abbreviations),
            _typ=_without_final_period(_type(tok1)),
            _initial=tok1.str.contains(r"^[^\W\d]\.$"),
            # The next token's type loses its period if Punkt's first pass breaks after it.
            next_typ=pl.when(
                nxt.is_in([".", "?", "!"])
                | (nxt.str.ends_with(".") & (nxt.str.len_chars() > 1) & ~pl.col("_next_abbr"))
            )
            .then(_without_final_period(pl.col("_next_type")))
            .otherwise(pl.col("_next_type")),
        )
        .join(
            punkt.collocations.lazy(),
            left_on=["_typ", "next_typ"],
            right_on=["typ", "next_typ"],
            how="left",
        )
        .join(punkt.ortho_context.lazy(), on="next_typ", how="left")
        .with_columns(pl.col("ortho").fill_null(0), pl.col("collocation").fill_null(False))
    )
    ortho = pl.col("ortho")
    heuristic = (
        pl.when(nxt.is_in(_PUNCTUATION))
        .then(_FALSE)
        .when(pl.col("_upper") & ((ortho & _LC) != 0) & ((ortho & _MID_UC) == 0))
        .then(_TRUE)
        .when(pl.col("_lower") & (((ortho & _UC) != 0) | ((ortho & _BEG_LC) == 0)))
        .then(_FALSE)
        .otherwise(_UNKNOWN)
    )
    starter = pl.col("_upper") & pl.col("next_typ").is_in(punkt.sent_starters.implode())
    abbr_like = (pl.col("_abbr") | pl.col("ellipsis")) & ~pl.col("_initial")
    initial_or_number = pl.col("_initial") | (pl.col("_typ") == "##number##")
    initial_kept = (
        (pl.col("_heuristic") == _UNKNOWN)
        & pl.col("_initial")
        & pl.col("_upper")
        & ((ortho & _LC) == 0)
    )
    first_pass_break = ~pl.col("ellipsis") & ~pl.col("_abbr")
    sentbreak = (
        pl.when(pl.col("_question"))
        .then(True)
        .when(pl.col("collocation"))
        .then(False)
        .when(abbr_like)
        .then((pl.col("_heuristic") == _TRUE) | starter)
        .when(initial_or_number & ((pl.col("_heuristic") == _FALSE) | initial_kept))
        .then(False)
        .otherwise(first_pass_break)
    )
    return (
        frame.with_columns(_heuristic=heuristic)
        .with_columns(sentbreak=sentbreak)
        .select(*candidates.collect_schema().names(), "sentbreak")
    )


def nltk_reference():
    """NLTK's own Punkt tokenizer with the same tables, to check :func:`decide` against.

    Examples
    --------
    >>> list(nltk_reference().span_tokenize("Brig. Gen. Ali died. IS said so."))
    [(0, 20), (21, 32)]
    """
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt = model()
    params = PunktParameters()
    params.abbrev_types = set(punkt.abbreviations.to_list())
    params.collocations = set(punkt.collocations.select("typ", "next_typ").iter_rows())
    params.sent_starters = set(punkt.sent_starters.to_list())
    for typ, flags in punkt.ortho_context.iter_rows():
        params.ortho_context[typ] = flags
    return PunktSentenceTokenizer(params)
