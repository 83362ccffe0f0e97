"""Casualty claims: who says how many were killed, wounded, captured... (a first baseline).

:func:`extract_claims` returns one row per claim with the columns of the claims frame in
``design.md`` that this baseline fills: ``doc_id``, ``sent_id``, ``start``, ``end`` (offsets
of ``quantity`` in the article text), ``sentence``, ``quantity`` (as written, with its
qualifier: "at least 39", "dozens of"), ``low``, ``high``, ``qualifier``, ``outcome``,
``victim_group``, ``attributed_to`` and ``cue``. ``victims``, ``perpetrator``, ``when`` and
``where`` are not filled yet (null).

How it works: candidate sentences (those with an outcome word from
``wordlists/casualty_outcomes.csv``) are picked with one polars expression; in each, every
count (:func:`toolkit.numbers.find_numbers`), vague quantity or negation is linked to the
nearest outcome word, provided the words after it name people (``wordlists/victim_nouns.csv``)
or an outcome ("300 deaths", "18 dead"), so that "several areas" or "two vehicles" are left
out. The source comes from :func:`toolkit.sources.attributions` in the same sentence.
"""

from __future__ import annotations

import functools
import re

import polars as pl

from toolkit.numbers import _qualifiers, _vague, find_numbers, parse_quantity
from toolkit.sources import attributions
from toolkit.wordlists import load_table

__all__ = ["extract_claims"]

# Words that may follow a count of people without naming them ("42 were killed").
_LINKING = {"of", "were", "was", "are", "is", "who", "have", "had", "more", "other", "others"}
# Words that may follow a count right after its verb ("killed five and wounded 110").
_CLAUSE_WORDS = {"and", "or", "in", "on", "at", "from", "during", "when", "after", "while",
                 "including", "as", "by", "since", "with", "people"}  # fmt: skip

_SEVERITY = ["killed", "killed_or_wounded", "wounded", "kidnapped", "captured", "arrested",
             "missing", "besieged", "displaced", "affected"]  # fmt: skip


@functools.cache
def _outcomes() -> tuple[re.Pattern, dict[str, str]]:
    table = {row["word"]: row["outcome"] for row in load_table("casualty_outcomes")}
    words = sorted(table, key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"), table


@functools.cache
def _victims() -> dict[str, str]:
    return {row["noun"]: row["group"] for row in load_table("victim_nouns")}


@functools.cache
def _quantity_pattern() -> re.Pattern:
    vague = sorted(_vague("conservative"), key=len, reverse=True)
    vague = [v for v in vague if v not in ("some", "many", "few")]
    negated = r"deaths?|injuries|fatalities|casualties|one|civilians|people|troops|soldiers|lives"
    negation = rf"no one|nobody|not a single|no(?=\s+(?:\w+\s+)?(?:{negated}))"
    return re.compile(
        r"(?i)\b(?:" + "|".join(re.escape(v) for v in vague) + "|" + negation + r")\b"
    )


def _quantities(sentence: str) -> list[tuple[int, int]]:
    spans = [(n["start"], n["end"]) for n in find_numbers(sentence) if n["kind"] == "count"]
    spans += [(m.start(), m.end()) for m in _quantity_pattern().finditer(sentence)]
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            continue
        before = sentence[:start].lower()
        for words, _ in _qualifiers():
            if before.endswith(words + " "):
                start -= len(words) + 1
                break
        merged.append((start, end))
    return merged


def _next_words(sentence: str, end: int, n: int = 3) -> list[str]:
    return re.findall(r"[\w’'-]+", sentence[end:].lower())[:n]


def _group(words: list[str]) -> str | None:
    victims = _victims()
    for i in range(len(words)):
        for size in (2, 1):
            phrase = " ".join(words[i : i + size])
            if phrase in victims:
                return victims[phrase]
    return None


def _link(sentence: str, start: int, end: int, outcomes: list[tuple[int, int, str]]) -> str | None:
    after = [o for o in outcomes if o[0] >= end and len(sentence[end : o[0]].split()) <= 8]
    before = [o for o in outcomes if o[1] <= start and len(sentence[o[1] : start].split()) <= 3]
    if after:
        return after[0][2]
    return before[-1][2] if before else None


def _sentence_claims(sentence: str) -> list[dict]:
    pattern, table = _outcomes()
    outcomes = [(m.start(), m.end(), table[m.group(0).lower()]) for m in pattern.finditer(sentence)]
    claims = []
    for start, end in _quantities(sentence):
        quantity = sentence[start:end]
        words = _next_words(sentence, end)
        group = _group(words)
        names_outcome = bool(words) and pattern.match(" ".join(words)) is not None
        first = words[0] if words else ""
        # "killed seven", "killing scores of troops": the verb right before takes the count.
        direct = [o for o in outcomes if o[1] <= start and not sentence[o[1] : start].split()]
        if group is None and not names_outcome:
            # A count of something else ("several areas", "two vehicles") is not a claim.
            if first and first not in _LINKING and not (direct and first in _CLAUSE_WORDS):
                continue
        outcome = direct[-1][2] if direct else _link(sentence, start, end, outcomes)
        if outcome is None:
            continue
        parsed = parse_quantity(quantity)
        if parsed is None:
            continue
        claims.append({"start": start, "end": end, "quantity": quantity, "low": parsed.low,
                       "high": parsed.high, "qualifier": parsed.qualifier, "outcome": outcome,
                       "victim_group": group or "people"})  # fmt: skip
    return claims


def extract_claims(articles: pl.DataFrame) -> pl.DataFrame:
    """Casualty claims in the articles (any frame with ``doc_id`` and ``text``).

    Examples
    --------
    >>> text = "Officials said at least 12 civilians were killed and 30 wounded in 2016."
    >>> arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    >>> extract_claims(arts).select("quantity", "low", "high", "outcome", "attributed_to").rows()
    [('at least 12', 12, None, 'killed', 'Officials'), ('30', 30, 30, 'wounded', 'Officials')]
    """
    from toolkit.text import sentences as split

    sents = split(articles)
    candidates = sents.filter(pl.col("text").str.contains(_outcomes()[0].pattern))
    sources = attributions(articles, sentences=candidates)
    said = {
        (d, s): (r, c)
        for d, s, r, c in sources.select("doc_id", "sent_id", "resolved", "cue").iter_rows()
    }
    rows = []
    for doc_id, sent_id, offset, sentence in candidates.select(
        "doc_id", "sent_id", "start", "text"
    ).iter_rows():
        source, cue = said.get((doc_id, sent_id), (None, None))
        for claim in _sentence_claims(sentence):
            rows.append(
                claim
                | {
                    "doc_id": doc_id,
                    "sent_id": sent_id,
                    "start": offset + claim["start"],
                    "end": offset + claim["end"],
                    "sentence": sentence,
                    "victims": None,
                    "perpetrator": None,
                    "attributed_to": source,
                    "cue": cue,
                }
            )
    schema = {"doc_id": pl.String, "sent_id": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
              "sentence": pl.String, "quantity": pl.String, "low": pl.Int64, "high": pl.Int64,
              "qualifier": pl.String, "outcome": pl.String, "victims": pl.String,
              "victim_group": pl.String, "perpetrator": pl.String, "attributed_to": pl.String,
              "cue": pl.String}  # fmt: skip
    return pl.DataFrame(rows, schema=schema)
