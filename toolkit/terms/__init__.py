"""Term analysis: *tokens* (or *articles*) in, frequency tables and statistics out.

Public functions
----------------
Counting: :func:`frequencies`, :func:`count_terms` (straight from articles, in parallel or in
batches; :func:`term_count_parts`, :func:`add_term_counts` and :func:`term_table` count shares
of a corpus apart and add them up), :func:`scan_frequencies`, :func:`document_term_matrix`,
:func:`grouped`, :func:`with_fields`, :func:`top_keywords`, :func:`tfidf`, :func:`summary`.
Context and association: :func:`kwic`, :func:`collocations`, :func:`collocates_of`,
:func:`keyness`, :func:`distinctive`. Spread: :func:`dispersion`, :func:`trends`.
The corpus itself: :func:`corpus_summary`, :func:`articles_per_outlet`,
:func:`articles_per_period`, :func:`article_lengths`, :func:`preview`.
Reprinted wire copy: :func:`stories`, :func:`near_duplicates`.

The frames each returns are documented in :mod:`toolkit.terms.counting`. Modules: ``counting``
(frequencies), ``concordance`` (KWIC, collocations), ``keyness``, ``spread`` (dispersion,
trends, TF-IDF, summaries), ``scale`` (counting straight from articles, in parallel or in
batches), ``overview`` (the corpus itself) and ``reprints``.

Examples
--------
>>> from toolkit.io import load_sample
>>> from toolkit.text import tokens
>>> frequencies(tokens(load_sample()))["term"].head(3).to_list()
['deir', 'city', 'el-zour']
"""

from toolkit.terms.concordance import collocates_of, collocations, kwic
from toolkit.terms.counting import frequencies, grouped, with_fields
from toolkit.terms.keyness import distinctive, keyness, top_keywords
from toolkit.terms.overview import (
    article_lengths,
    articles_per_outlet,
    articles_per_period,
    corpus_summary,
    preview,
)
from toolkit.terms.reprints import near_duplicates, stories
from toolkit.terms.scale import (
    add_term_counts,
    count_terms,
    document_term_matrix,
    scan_frequencies,
    term_count_parts,
    term_table,
)
from toolkit.terms.spread import dispersion, period_for, summary, tfidf, trends

__all__ = [
    "add_term_counts",
    "article_lengths",
    "articles_per_outlet",
    "articles_per_period",
    "collocates_of",
    "collocations",
    "corpus_summary",
    "count_terms",
    "dispersion",
    "distinctive",
    "document_term_matrix",
    "frequencies",
    "grouped",
    "keyness",
    "kwic",
    "near_duplicates",
    "period_for",
    "preview",
    "scan_frequencies",
    "stories",
    "summary",
    "term_count_parts",
    "term_table",
    "tfidf",
    "top_keywords",
    "trends",
    "with_fields",
]
