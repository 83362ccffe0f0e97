"""Text units: *articles* in, *sentences* and *tokens* out, and the number words both use.

Public functions
----------------
:func:`sentences` (*articles* -> *sentences*: ``doc_id``, ``sent_id``, ``start``, ``end``,
``text``), :func:`tokens` (*articles* -> *tokens*: ``doc_id``, ``sent_id``, ``position``,
``start``, ``end``, ``token``, ``norm``, ``is_stop``, ``is_word``), :func:`stopwords`,
:func:`resources` (which NLTK data or fall-back is in use), :func:`apply_aliases` (one spelling
for Deir el-Zour / Deir ez-Zor in a *tokens* frame), :func:`find_numbers`, :func:`parse_number`
and :func:`parse_quantity` (counts as written: "at least 39", "dozens of").

Both take any frame with ``doc_id`` and ``text``; offsets index into ``text``.

Modules: ``segment`` (tokens and sentences), ``punkt`` (the Punkt model, computed in polars),
``aliases``, ``numbers``, ``overlong`` (sentences too long to read are cut, with an
:class:`OverlongSentenceWarning`), ``slices`` (many slices of long texts), ``patterns``
(helpers for building and running the regular expressions of the layers above).

Examples
--------
>>> from toolkit.io import load_sample
>>> from toolkit.text import sentences
>>> sentences(load_sample()).height
23
"""

from toolkit.text.aliases import apply_aliases, load_aliases
from toolkit.text.numbers import Quantity, find_numbers, number_at, parse_number, parse_quantity
from toolkit.text.overlong import MAX_SENTENCE_CHARS, PIECE_CHARS, OverlongSentenceWarning
from toolkit.text.segment import (
    SENTENCE_SCHEMA,
    TOKEN_COLUMNS,
    TOKEN_SCHEMA,
    resources,
    sentences,
    stopwords,
    tokens,
)

__all__ = ["MAX_SENTENCE_CHARS", "PIECE_CHARS", "SENTENCE_SCHEMA", "TOKEN_COLUMNS",
           "TOKEN_SCHEMA", "OverlongSentenceWarning", "Quantity",
           "apply_aliases", "find_numbers", "load_aliases", "number_at", "parse_number",
           "parse_quantity", "resources", "sentences", "stopwords", "tokens"]  # fmt: skip
