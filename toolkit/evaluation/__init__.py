"""Scoring against gold annotations written outside the project.

Public functions
----------------
Claims (:mod:`toolkit.evaluation.claims`): :func:`read_gold_claims`, :func:`gold_articles`,
:func:`match_claims`, :func:`score_claims`, :func:`score_tolls`.
Time expressions (:mod:`toolkit.evaluation.timeml`): :func:`read_timeml` (TimeML files ->
documents and gold TIMEX3s), :func:`score_timexes` (TempEval-3 strict and relaxed F1, value
and type accuracy), :func:`timex_errors`.

Examples
--------
>>> score_timexes.__module__, score_claims.__module__
('toolkit.evaluation.timeml', 'toolkit.evaluation.claims')
"""

from toolkit.evaluation.claims import (
    gold_articles,
    match_claims,
    read_gold_claims,
    score_claims,
    score_tolls,
)
from toolkit.evaluation.timeml import TimeML, read_timeml, score_timexes, timex_errors

__all__ = [
    "TimeML",
    "gold_articles",
    "match_claims",
    "read_gold_claims",
    "read_timeml",
    "score_claims",
    "score_timexes",
    "score_tolls",
    "timex_errors",
]
