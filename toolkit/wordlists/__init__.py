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

    Examples
    --------
    >>> load_table("victim_nouns")[0]
    {'noun': 'people', 'group': 'people'}
    """
    with (HERE / f"{name}.csv").open(encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))
