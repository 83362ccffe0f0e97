"""The distributed analyses on a real Ray equal the single-machine ones.

First on a local instance with two CPUs (started once for the module), last on a simulated
two-node cluster (two raylets on this machine). Where the run installed the ``distributed``
extra (``TOOLKIT_EXTRAS``, as CI does), a missing Ray fails these tests instead of skipping them.
"""

import os
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from toolkit import distributed as dist
from toolkit import load_sample
from toolkit.claims import casualty_tolls, extract_claims
from toolkit.terms import count_terms
from toolkit.timeline import time_expressions

if "distributed" in os.environ.get("TOOLKIT_EXTRAS", ""):
    import ray
    from ray import cluster_utils
else:
    ray = pytest.importorskip("ray", reason="needs the 'distributed' extra (Ray)")
    cluster_utils = pytest.importorskip("ray.cluster_utils")
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def same(left: pl.DataFrame, right: pl.DataFrame) -> None:
    keys = [c for c in ("doc_id", "start", "end", "n", "term") if c in left.columns]
    assert_frame_equal(left.sort(keys), right.sort(keys))


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray instance with two CPUs for the module, no dashboard, no usage stats.

    A new instance (``address="local"``), not whatever cluster ``/tmp/ray`` last recorded: a
    run stopped midway leaves that file behind, naming a cluster that is gone.
    """
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(address="local", num_cpus=2, include_dashboard=False, logging_level="WARNING")
    yield
    ray.shutdown()


def test_sample_frame_on_ray_equals_one_machine(local_ray):
    sample = load_sample()
    same(dist.extract_claims(sample, ray="auto", rows=1), extract_claims(sample))
    same(dist.count_terms(sample, n=(1, 2), ray="auto", rows=1), count_terms(sample, n=(1, 2)))


@pytest.mark.shared_data
def test_parquet_on_ray_equals_one_machine(local_ray, real_parquet):
    articles, folder = real_parquet
    claims = extract_claims(articles)
    same(dist.extract_claims(folder, ray="auto", rows=100), claims)
    same(dist.casualty_tolls(folder, ray="auto", rows=100),
         casualty_tolls(claims, articles=articles))  # fmt: skip
    same(dist.time_expressions(folder, ray="auto", rows=100), time_expressions(articles))
    same(dist.count_terms(folder, by="outlet", ray="auto", rows=100),
         count_terms(articles, by="outlet"))  # fmt: skip


@pytest.mark.shared_data
def test_ray_dataset_in_and_parquet_parts_out(local_ray, real_parquet, tmp_path):
    articles, folder = real_parquet
    dataset = ray.data.read_parquet(folder)
    summary = dist.time_expressions(dataset, out=tmp_path / "timeline", rows=200)
    written = pl.read_parquet(tmp_path / "timeline" / "*.parquet")
    assert (summary.articles, summary.rows) == (articles.height, written.height)
    same(written, time_expressions(articles))


@pytest.fixture
def cluster(local_ray):
    """Two nodes of one CPU each, once the local instance is shut down (this test runs last)."""
    ray.shutdown()
    nodes = cluster_utils.Cluster(
        initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False}
    )
    nodes.add_node(num_cpus=1)
    nodes.wait_for_nodes()
    yield nodes.address
    ray.shutdown()
    nodes.shutdown()


def test_two_nodes_give_the_one_machine_results(cluster):
    sample = pl.concat([load_sample().with_columns(doc_id=pl.lit(f"copy{i}")) for i in range(8)])
    claims = dist.extract_claims(sample, ray=cluster, rows=1)
    alive = [node for node in ray.nodes() if node["Alive"]]
    assert len(alive) == 2
    keys = ["doc_id", "start"]
    assert_frame_equal(claims.sort(keys), extract_claims(sample).sort(keys))
    assert ray.cluster_resources()["CPU"] == 2
    terms = dist.count_terms(sample, ray=cluster, rows=2)
    assert_frame_equal(terms, count_terms(sample))
