"""News Corpus Toolkit: load news corpora into polars frames and find what they report."""

from toolkit.corpus import CorpusError, CorpusWarning, LoadResult, load_corpus, read_corpus

__all__ = ["CorpusError", "CorpusWarning", "LoadResult", "load_corpus", "read_corpus"]
