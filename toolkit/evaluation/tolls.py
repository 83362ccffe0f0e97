"""Death tolls scored report by report against human-coded counts, with the errors by pattern.

:func:`score_reports` takes reports with a coded ``killed`` count (such as the event
descriptions of ACLED and the Global Terrorism Database in ``../shared/corpora/event-reports``)
and gives one row per report: the toll :func:`toolkit.claims.casualty_tolls` gives, whether it
is right, the error class (``missed``: 0 where the report tells of deaths; ``too_high``;
``too_low``; ``spurious``: deaths where the coders found none), the rules of the claims behind
it, and the patterns of the issue tracker's error analysis that the text shows.
:func:`error_table` counts them by class and pattern, or by class and rule, so that a change
shows what it fixed and what it broke.

The patterns are cheap textual signs, not a parse: a report can show several, and a sign is
where to look, not a verdict.
"""

from __future__ import annotations

import re

import polars as pl

__all__ = ["PATTERNS", "error_table", "score_reports"]

_HARM = (
    r"(?:killed|shot(?:\s+and\s+killed|\s+dead)?|gunned\s+down|murdered|lynched|beheaded|"
    r"executed|hacked\s+to\s+death|stabbed\s+to\s+death|beaten\s+to\s+death|burn(?:ed|t)\s+"
    r"(?:alive|to\s+death)|found\s+dead|died|succumbed)"
)
_NUMBER = (
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|dozens?|scores|hundreds)"
)

#: Textual signs of the error patterns, each a regular expression over the report's text.
PATTERNS: dict[str, re.Pattern] = {
    # 1. one victim named by a noun phrase: "A school headmaster was killed"
    "numberless_victim": re.compile(
        rf"(?i)\b(?:an?|the|his|her)\s+(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+\s+(?:was|is|has\s+been)"
        rf"\s+(?:\w+\s+)?{_HARM}\b"
    ),
    # 2. a number as the subject of a passive harm: "Eight members ... were shot dead"
    "number_subject": re.compile(
        rf"(?i)\b{_NUMBER}\s+(?:[\w'’-]+\s+){{0,5}}?(?:were|are|have\s+been)\s+(?:\w+\s+)?"
        rf"{_HARM}\b"
    ),
    # 3. an active verb with a relative clause: "beheaded seven loggers they had kidnapped"
    "active_relative": re.compile(
        rf"(?i)\b(?:killed|beheaded|executed|shot|lynched|murdered)\s+{_NUMBER}\s+[\w'’-]+\s+"
        r"(?:who|whom|they|that)\b"
    ),
    # 4. a total with its parts: "including 10 women", "among them"
    "subset_total": re.compile(r"(?i)\b(?:including|among\s+(?:them|whom|the\s+dead))\b"),
    # 5. more deaths in a later sentence: "Two more died later", "succumbed"
    "later_deaths": re.compile(
        r"(?i)\b(?:\w+\s+more|another|later|succumbed|the\s+next\s+day|subsequently)\b"
    ),
    # 6. other harms beside deaths: wounded, missing, kidnapped, arrested, displaced
    "other_harm": re.compile(
        r"(?i)\b(?:wounded|injured|missing|kidnapped|abducted|arrested|detained|displaced)\b"
    ),
    # 7. attackers: a bomber, assailants or militants killed
    "attackers": re.compile(
        r"(?i)\b(?:suicide\s+bomber|blew\s+himself\s+up|assailants?|attackers?|gunm[ae]n|"
        r"militants?)\b[^.]{0,60}\b(?:killed|died|dead)\b"
    ),
    # 8. an age or measure beside a victim: "Carlos Ruiz Jr., 39,", "a 12-year-old"
    "age_or_measure": re.compile(
        r"(?i)(?:,\s*\d{1,2}\s*,|\b\d{1,3}[\s-]*(?:years?|yr)[\s-]*old\b|\b\d+[\s-]*(?:pound|kg)\b)"
    ),
    # 9. background figures: this year, each year, a month after, a trial
    "background": re.compile(
        r"(?i)\b(?:this\s+year|each\s+year|every\s+year|since\s+(?:19|20)\d\d|a\s+(?:month|week|"
        r"year)\s+after|anniversary|trial|convicted|sentenced)\b"
    ),
}


def score_reports(reports: pl.DataFrame, *, claims: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per report: the toll given, the coded one, the error class, rules and patterns.

    Parameters
    ----------
    reports
        ``doc_id``, ``text`` and ``killed`` (the coded count; null is left out).
    claims
        The claims of the reports, if already extracted (dates are not needed).

    Returns
    -------
    polars.DataFrame
        ``doc_id``, ``gold``, ``predicted``, ``correct`` (bool), ``error`` (``missed``,
        ``too_high``, ``too_low``, ``spurious`` or null), ``rules`` (the sorted rules of the
        killed claims that count towards the toll, "none" without one) and ``patterns``
        (list of the names in :data:`PATTERNS` whose sign is in the text).

    Examples
    --------
    >>> reports = pl.DataFrame({"doc_id": ["a", "b"], "killed": [2, 0],
    ...     "text": ["Gunmen killed two farmers.", "Police arrested three men."]})
    >>> score_reports(reports).select("doc_id", "predicted", "correct", "rules").rows()
    [('a', 2, True, 'count_object'), ('b', 0, True, 'none')]
    """
    from toolkit.claims import UNCOUNTED_RELATIONS, casualty_tolls, extract_claims

    reports = reports.filter(pl.col("killed").is_not_null())
    articles = reports.select("doc_id", "text")
    if claims is None:
        claims = extract_claims(articles, dates=False)
    tolls = casualty_tolls(claims, articles=articles).select("doc_id", predicted="killed")
    counted = (
        claims.filter(
            (pl.col("outcome") == "killed")
            & ~pl.col("relation").is_in(UNCOUNTED_RELATIONS).fill_null(False)
        )
        .group_by("doc_id")
        .agg(rules=pl.col("rule").unique().sort().str.join("+"))
    )
    gold, predicted = pl.col("gold"), pl.col("predicted")
    error = (
        pl.when(gold == predicted)
        .then(None)
        .when(predicted == 0)
        .then(pl.lit("missed"))
        .when(gold == 0)
        .then(pl.lit("spurious"))
        .when(predicted > gold)
        .then(pl.lit("too_high"))
        .otherwise(pl.lit("too_low"))
    )
    texts = reports["text"].to_list()
    patterns = [[name for name, p in PATTERNS.items() if p.search(t)] for t in texts]
    return (
        reports.select("doc_id", gold=pl.col("killed").cast(pl.Int64))
        .with_columns(patterns=pl.Series(patterns, dtype=pl.List(pl.String)))
        .join(tolls, on="doc_id", how="left", maintain_order="left")
        .join(counted, on="doc_id", how="left", maintain_order="left")
        .with_columns(predicted=predicted.fill_null(0), rules=pl.col("rules").fill_null("none"))
        .with_columns(correct=gold == predicted, error=error)
        .select("doc_id", "gold", "predicted", "correct", "error", "rules", "patterns")
    )


def error_table(scored: pl.DataFrame, *, by: str = "patterns") -> pl.DataFrame:
    """Reports per error class, by pattern (``by="patterns"``) or by the rules behind the toll.

    Each row: the pattern or rule, then how many reports showing it were right and how many
    fell in each error class; a report showing several patterns counts under each.

    Examples
    --------
    >>> scored = pl.DataFrame({"correct": [True, False], "error": [None, "missed"],
    ...     "rules": ["count_object", "none"], "patterns": [["other_harm"], ["other_harm"]]})
    >>> error_table(scored).select("patterns", "reports", "right", "missed").row(0)
    ('other_harm', 2, 1, 1)
    """
    rows = scored.explode(by) if by == "patterns" else scored
    rows = rows.with_columns(pl.col(by).fill_null("(none)"))
    counts = [
        (pl.col("error") == kind).sum().cast(pl.UInt32).alias(kind)
        for kind in ("missed", "too_high", "too_low", "spurious")
    ]
    return (
        rows.group_by(by)
        .agg(
            pl.len().cast(pl.UInt32).alias("reports"),
            pl.col("correct").sum().cast(pl.UInt32).alias("right"),
            *counts,
        )
        .sort(["reports", by], descending=[True, False])
    )
