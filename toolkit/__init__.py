"""News Corpus Toolkit: load news corpora into polars frames and find what they report.

The curated public API. The subpackages follow the flow of data:

``io`` (files -> *articles*), ``text`` (*articles* -> *sentences*, *tokens*), ``terms``
(*tokens* -> frequency tables), ``timeline`` (*articles* -> *time expressions*, dated
events), ``claims`` (*articles* -> *claims* -> tolls), ``viz`` (frames -> charts, explorer,
reports), ``evaluation`` (scores against gold data). The names below are re-exported from
them; the older module names (``charts``, ``sources``, ``numbers``...) stay available here.

Examples
--------
>>> import toolkit
>>> sample = toolkit.load_sample()
>>> toolkit.sentences(sample).height
23
"""

from toolkit import claims, evaluation, io, terms, text, timeline, viz
from toolkit.claims import sources
from toolkit.evaluation import claims as evaluate
from toolkit.evaluation import timeml
from toolkit.io import (
    CorpusError,
    CorpusWarning,
    LoadResult,
    datasets,
    load_corpus,
    load_dataset,
    load_sample,
    open_corpus,
    read_corpus,
)
from toolkit.terms import (
    article_lengths,
    articles_per_outlet,
    articles_per_period,
    corpus_summary,
    overview,
    reprints,
)
from toolkit.text import aliases, numbers, resources, sentences, stopwords, tokens
from toolkit.viz import charts, explore, teaching

__all__ = [
    "CorpusError",
    "CorpusWarning",
    "LoadResult",
    "aliases",
    "article_lengths",
    "articles_per_outlet",
    "articles_per_period",
    "charts",
    "claims",
    "corpus_summary",
    "datasets",
    "evaluate",
    "evaluation",
    "explore",
    "io",
    "load_corpus",
    "load_dataset",
    "load_sample",
    "numbers",
    "open_corpus",
    "overview",
    "read_corpus",
    "reprints",
    "resources",
    "sentences",
    "sources",
    "stopwords",
    "teaching",
    "terms",
    "text",
    "timeline",
    "timeml",
    "tokens",
    "viz",
]
