"""The analyses over corpora larger than one process's memory, in batches or on Ray.

Public functions
----------------
:func:`count_terms`, :func:`extract_claims`, :func:`casualty_tolls` and
:func:`time_expressions` take a Parquet file, folder or glob (with ``doc_id`` and ``text``), a
polars frame of articles or a Ray Dataset, and return exactly what the single-machine function
of the same name returns on the same articles (equal after sorting), or, with ``out=DIR``,
write it as Parquet parts and return a :class:`RunSummary` (articles in, rows out, files
skipped). ``ray=None`` (the default) reads a batch of articles at a time in this process, in
memory bounded by the batch; ``ray="auto"`` runs the batches on Ray Data (``RAY_ADDRESS``, a
cluster started on this machine with ``ray start``, or a new local instance) and
``ray="HOST:PORT"`` on that cluster. Ray is the ``distributed`` extra
(``pip install 'news-corpus-toolkit[distributed]'``), imported only when asked for.

Modules: ``inputs`` (Parquet files checked one by one), ``tasks`` (the work on one batch),
``engines`` (one process, or Ray), ``run`` (the public functions).

Examples
--------
>>> from toolkit import load_sample, terms
>>> from toolkit.distributed import count_terms
>>> table = count_terms(load_sample(), rows=2)  # two articles at a time
>>> table.equals(terms.count_terms(load_sample()))
True
"""

from toolkit.distributed.engines import connect
from toolkit.distributed.run import (
    RunSummary,
    casualty_tolls,
    count_terms,
    extract_claims,
    time_expressions,
)

__all__ = ["RunSummary", "casualty_tolls", "connect", "count_terms", "extract_claims",
           "time_expressions"]  # fmt: skip
