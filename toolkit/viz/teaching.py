"""Checked exercises for the curated notebooks: compare a learner's answer, give a hint if wrong.

An exercise cell sets ``answer`` and calls :func:`check` with the expected value *computed*
from the data (so the check holds for any corpus the notebook is pointed at) and a hint. The
message is plain text, so notebooks stay reproducible under nbval.

Examples
--------
>>> print(check(None, 3, hint="count the rows"))
Not answered yet. Hint: count the rows
>>> print(check(4, 3, hint="count the rows"))
Not quite. Hint: count the rows
>>> print(check(3, 3, hint="count the rows"))
Correct!
"""

from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = ["check"]


def _same(answer: object, expected: object, tolerance: float) -> bool:
    if isinstance(expected, str) and isinstance(answer, str):
        return answer.strip().casefold() == expected.strip().casefold()
    if isinstance(expected, (int, float)) and isinstance(answer, (int, float)):
        return math.isclose(answer, expected, rel_tol=tolerance, abs_tol=tolerance)
    if isinstance(expected, (set, frozenset)) and isinstance(answer, Iterable):
        return {_fold(a) for a in answer} == {_fold(e) for e in expected}
    return answer == expected


def _fold(value: object) -> object:
    return value.strip().casefold() if isinstance(value, str) else value


def check(answer: object, expected: object, *, hint: str, tolerance: float = 0.0) -> str:
    """A message saying whether `answer` equals `expected`, with `hint` when it does not.

    Strings compare ignoring case and surrounding spaces, numbers within `tolerance`, sets as
    sets (of case-folded strings).

    Parameters
    ----------
    answer
        The learner's answer; None means not answered yet.
    expected
        The right answer, computed from the data by the exercise cell.
    hint
        What to look at when the answer is wrong.
    tolerance
        Allowed difference for numbers (relative and absolute).

    Examples
    --------
    >>> print(check({"IS", "activists"}, {"is", "Activists"}, hint="two sources"))
    Correct!
    """
    if answer is None:
        return f"Not answered yet. Hint: {hint}"
    if _same(answer, expected, tolerance):
        return "Correct!"
    return f"Not quite. Hint: {hint}"
