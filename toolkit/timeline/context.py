"""What the time tagger reads a match against, and the :class:`Timex` it returns.

The words (months, weekdays, parts of the day, seasons, units, holidays, "now", "daily"...)
are data in ``wordlists/time_words.csv``; :func:`words` reads one kind of them. The context
holds the anchor date (the publication date), the last day-precise date the article mentioned
(for "the next day") and the tense of the sentence (for "Monday" and "June" without a year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from toolkit.text.patterns import alternation
from toolkit.wordlists import time_words


@dataclass
class Timex:
    """One normalised time expression: offsets, TIMEX3 type/value/mod and how it was anchored."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchor: str = "absolute"  # "published", "previous" (an earlier date in the text), "none"


words = time_words  # the words of one kind (month, weekday, part, unit...) -> value


def _alt(kind: str, abbreviations: bool = False) -> str:
    """An alternation of the words of one kind, longest first.

    Abbreviations ("Sept", a prefix of a longer word of the same kind) may take a full stop;
    full words ("June") may not.
    """
    return alternation(words(kind), whitespace=True, dotted=abbreviations)


def _lookup(kind: str, text: str) -> str:
    return words(kind)[re.sub(r"\s+", " ", text.lower().rstrip("."))]


# A future marker in the same clause before the expression ("will meet Thursday", "would
# travel ... Thursday", "as soon as Tuesday"); news reports otherwise tell of the past.
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|won't|'ll|would|shall|as\s+soon\s+as|is\s+to|are\s+to|set\s+to|scheduled|planned|"
    r"plans?|until|expected\s+to|due)\b[^.;:!?]*$",
    re.I,
)


@dataclass
class Context:
    """What a handler may use besides its match: the text, the anchor and earlier dates."""

    text: str
    anchor: date | None
    last_day: date | None = None
    last_quarter: str | None = None
    last_year: tuple[int, int] | None = None  # a year the text named, and where it ended
    narrative: bool = False  # resolve "in June" against the last year named, not the anchor

    def tense(self, start: int) -> str:
        """``future`` if a future marker precedes the expression in its clause, else ``past``."""
        return "future" if _FUTURE_BEFORE.search(self.text, max(0, start - 50), start) else "past"

    def reference(self) -> tuple[date | None, str]:
        """The date relative expressions count from: the last one mentioned, else the anchor."""
        if self.last_day is not None:
            return self.last_day, "previous"
        return self.anchor, "published"
