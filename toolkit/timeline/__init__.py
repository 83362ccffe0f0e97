"""Timelines: *articles* in, *time expressions* and dated events out.

Public functions
----------------
:func:`time_expressions` (*articles* -> *time expressions*: ``doc_id``, ``start``, ``end``,
``text``, ``type``, ``value``, ``begin``, ``end_date``, ``anchor``...; :data:`SCHEMA`),
:func:`events` (every sentence, and every claim when given, placed on the calendar) and
:func:`per_day`. The frames are documented in :mod:`toolkit.timeline.expressions`.

Modules: ``timex`` (the tagger: rules whose words are data in ``wordlists/time_words.csv``),
``calendar`` (TIMEX3 values to calendar ranges, holidays), ``expressions`` (the frames).

Examples
--------
>>> from toolkit.io import load_sample
>>> time_expressions(load_sample()).select("text", "value").row(0)
('Monday', '2016-01-18')
"""

from toolkit.timeline.expressions import SCHEMA, events, per_day, time_expressions

__all__ = ["SCHEMA", "events", "per_day", "time_expressions"]
