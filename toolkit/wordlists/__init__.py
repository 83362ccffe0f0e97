"""Word lists as data: one plain-text file per list, one entry per line, ``#`` for comments.

Lists live beside this module so that a reader can see and extend them without touching code.

Examples
--------
>>> "brig" in load("abbreviations_en")
True
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

HERE = Path(__file__).parent


@functools.cache
def load(name: str) -> frozenset[str]:
    """Return the entries of the word list ``<name>.txt`` beside this module.

    Examples
    --------
    >>> sorted(load("stopwords_en"))[:3]
    ["'s", 'a', 'about']
    """
    lines = (HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(e for line in lines if (e := line.split("#", 1)[0].strip()))


@functools.cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of the word table ``<name>.csv`` beside this module, as dicts.

    Lines starting with ``#`` before the header explain the table and are passed over.

    Examples
    --------
    >>> load_table("victim_nouns")[0]
    {'noun': 'people', 'group': 'people'}
    """
    with (HERE / f"{name}.csv").open(encoding="utf-8") as handle:
        return tuple(csv.DictReader(line for line in handle if not line.startswith("#")))


@functools.cache
def time_words(kind: str) -> dict[str, str]:
    """The words of one kind in ``time_words.csv`` (month, weekday, part, unit...) -> value.

    Examples
    --------
    >>> time_words("month")["sept"], time_words("weekday")["monday"]
    ('9', '1')
    """
    return {row["word"]: row["value"] for row in load_table("time_words") if row["kind"] == kind}


@functools.cache
def calendar_names(kind: str, *, abbreviations: bool = False) -> tuple[str, ...]:
    """The capitalised names of the months or weekdays, in calendar order, or their abbreviations.

    A name is the longest word of its value in ``time_words.csv``; the others are abbreviations.

    Examples
    --------
    >>> calendar_names("weekday")[:2], calendar_names("month", abbreviations=True)[:3]
    (('Monday', 'Tuesday'), ('Jan', 'Feb', 'Mar'))
    """
    by_value: dict[str, list[str]] = {}
    for word, value in time_words(kind).items():
        by_value.setdefault(value, []).append(word)
    names = []
    for words in by_value.values():
        full = max(words, key=len)
        names += [w for w in words if w != full] if abbreviations else [full]
    return tuple(name.capitalize() for name in names)


@functools.cache
def harm_words(role: str | None = None) -> dict[str, str]:
    """Words of harm and the outcome each reports, from ``harm_words.csv``.

    `role` keeps the words flagged for one use (``one_passive``, ``one_active``, ``any_count``,
    ``agent``, ``noun_of``, ``any_one``: the file's header says what each means); None keeps
    them all.

    Examples
    --------
    >>> harm_words()["shot dead"], harm_words("noun_of")["evacuation"]
    ('killed', 'displaced')
    >>> "lynched" in harm_words("any_one"), "shot" in harm_words("any_one")
    (True, False)
    """
    rows = load_table("harm_words")
    return {row["word"]: row["outcome"] for row in rows if role is None or row[role] == "x"}


@functools.cache
def number_words() -> dict[str, int]:
    """Number words and their values, from ``number_words.csv``.

    Examples
    --------
    >>> number_words()["dozen"], number_words()["seven"]
    (12, 7)
    """
    return {row["word"]: int(row["value"]) for row in load_table("number_words")}


@functools.cache
def qualifiers() -> tuple[tuple[str, str], ...]:
    """Qualifying phrases before a count and their qualifier, longest phrase first.

    Examples
    --------
    >>> dict(qualifiers())["at least"]
    'at_least'
    """
    rows = [(row["phrase"], row["qualifier"]) for row in load_table("quantity_qualifiers")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@functools.cache
def vague_quantities(profile: str) -> dict[str, tuple[int | None, int | None]]:
    """Vague quantities ("dozens of") and their bounds under a profile.

    ``conservative`` takes the least each phrase can mean, ``interval`` a plausible range;
    ``vague_quantities.csv`` holds both.

    Examples
    --------
    >>> vague_quantities("conservative")["dozens"]
    (24, None)
    """
    low, high = ("low", "high") if profile == "conservative" else ("interval_low", "interval_high")
    return {
        row["phrase"]: (_as_int(row[low]), _as_int(row[high]))
        for row in load_table("vague_quantities")
    }


def _as_int(value: str) -> int | None:
    return int(value) if value else None
