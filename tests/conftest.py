"""Shared fixtures: where ``../shared`` is, and skipping tests that need it when it is absent."""

from __future__ import annotations

import warnings
from pathlib import Path

import polars as pl
import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pytest_collection_modifyitems(config, items):
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"needs the shared data folder beside the project ({SHARED})")
    for item in items:
        if "shared_data" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def shared() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def real_parquet(tmp_path_factory) -> tuple[pl.DataFrame, str]:
    """The Wikinews and FA-KES articles, and the same as three Parquet files in a folder."""
    from toolkit import CorpusWarning, load_corpus

    corpora = SHARED / "corpora"
    if not corpora.is_dir():
        pytest.skip(f"needs the shared data folder beside the project ({SHARED})")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        articles = load_corpus([corpora / "wikinews", corpora / "fa-kes" / "fakes.csv"])
    folder = tmp_path_factory.mktemp("parquet")
    for index, part in enumerate(articles.iter_slices(400)):
        part.write_parquet(folder / f"part-{index}.parquet")
    return articles, str(folder)
