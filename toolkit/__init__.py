"""News Corpus Toolkit: load news corpora into polars frames and find what they report.

The curated public API; every name here is documented in its module.

Examples
--------
>>> import toolkit
>>> sample = toolkit.load_sample()
>>> toolkit.sentences(sample).height
23
"""

from toolkit import (
    aliases,
    charts,
    claims,
    datasets,
    evaluate,
    numbers,
    overview,
    reprints,
    sources,
    teaching,
    terms,
    timeline,
    timeml,
)
from toolkit.corpus import CorpusError, CorpusWarning, LoadResult, load_corpus, read_corpus
from toolkit.datasets import load_dataset, load_sample, open_corpus
from toolkit.explorer import explore
from toolkit.overview import (
    article_lengths,
    articles_per_outlet,
    articles_per_period,
    corpus_summary,
)
from toolkit.text import resources, sentences, stopwords, tokens

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
    "explore",
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
    "timeline",
    "timeml",
    "tokens",
]
