"""Reading corpora: files of any common format in, the *articles* frame out.

Public functions
----------------
:func:`load_corpus` (files, folders, globs -> *articles*), :func:`read_corpus` (the same with
a report of every record that could not be read), :func:`load_sample` (the embedded AP
article), :func:`load_dataset` and :func:`open_corpus` (public corpora, downloaded once).

The *articles* frame is documented in :mod:`toolkit.io.corpus` (:data:`ARTICLE_COLUMNS`):
one row per article with ``doc_id``, ``source``, ``url``, ``outlet``, ``title``,
``published``, ``dateline``, ``agency`` and ``text``, plus every field the input carried.

Modules: ``corpus`` (the loader and its guarantees), ``readers`` (one reader per format),
``exports`` (news-database exports), ``pages``, ``warc`` and ``web`` (saved pages and web
archives), ``workers`` (work shared over processes), ``encoding``, ``dates``, ``unicode``
(the normalisations), ``datasets`` (the sample and downloads), ``paths`` (every path the
toolkit uses). This layer uses nothing else of the
toolkit.

Examples
--------
>>> from toolkit.io import load_sample
>>> load_sample().select("outlet", "dateline", "agency").row(0)
('seattletimes.com', 'BEIRUT', 'AP')
"""

from toolkit.io.corpus import (
    ARTICLE_COLUMNS,
    PROBLEM_SCHEMA,
    CorpusError,
    CorpusWarning,
    LoadResult,
    as_articles,
    load_corpus,
    read_corpus,
)
from toolkit.io.datasets import load_dataset, load_sample, open_corpus

__all__ = ["ARTICLE_COLUMNS", "PROBLEM_SCHEMA", "CorpusError", "CorpusWarning",
           "LoadResult", "as_articles", "load_corpus", "load_dataset", "load_sample",
           "open_corpus", "read_corpus"]  # fmt: skip
