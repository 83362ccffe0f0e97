"""Reprinted and near-identical articles, so that counts can be taken per story.

Wire copy is reprinted by many outlets with small edits (a new headline, a trimmed
paragraph, a local byline); counting every copy inflates frequencies. :func:`near_duplicates`
finds such pairs with MinHash over word shingles and locality-sensitive hashing, then checks
each candidate with the exact Jaccard similarity of the shingle sets; :func:`stories` groups
the articles into stories (connected pairs), naming each story by its first article in load
order.
"""

from __future__ import annotations

import polars as pl

__all__ = ["near_duplicates", "stories"]


def _shingles(articles: pl.DataFrame, size: int) -> pl.DataFrame:
    """Distinct hashed runs of `size` words per document (a shorter text is one shingle)."""
    from toolkit.text.segment import tokens

    words = tokens(articles).filter(pl.col("is_word")).select("doc_id", "norm")
    same = [pl.col("doc_id").shift(-k) == pl.col("doc_id") for k in range(1, size)]
    runs = words.with_columns(
        shingle=pl.concat_str([pl.col("norm").shift(-k) for k in range(size)], separator=" "),
        _ok=pl.all_horizontal(same).fill_null(False) if same else pl.lit(True),
    ).filter("_ok")
    short = words.group_by("doc_id", maintain_order=True).agg(
        shingle=pl.col("norm").str.join(" "), _n=pl.len()
    )
    short = short.filter(pl.col("_n") < size).select("doc_id", "shingle")
    return (
        pl.concat([runs.select("doc_id", "shingle"), short])
        .select("doc_id", h=pl.col("shingle").hash(seed=0))
        .unique(maintain_order=True)
    )


def near_duplicates(
    articles: pl.DataFrame,
    *,
    threshold: float = 0.8,
    shingle: int = 5,
    permutations: int = 64,
    bands: int = 16,
) -> pl.DataFrame:
    """Pairs of articles whose word shingles overlap at least `threshold` (Jaccard).

    Returns ``doc_id``, ``duplicate_of`` (the earlier of the two in load order) and
    ``similarity`` (exact Jaccard of the two shingle sets), most similar first. With 64
    permutations in 16 bands, a pair at Jaccard 0.8 is a candidate with probability above
    0.99; candidates below `threshold` are dropped after the exact check.

    Examples
    --------
    >>> story = "Islamic State militants launched a fresh offensive near the city on Monday, "
    >>> story += "capturing new areas from government forces, activists said."
    >>> arts = pl.DataFrame({"doc_id": ["a", "b", "c"], "text": [
    ...     story, "BEIRUT (AP) — " + story, "The weather in Lisbon was mild and sunny all week."]})
    >>> near_duplicates(arts).select("doc_id", "duplicate_of").rows()
    [('b', 'a')]
    """
    if permutations % bands:
        raise ValueError("permutations must be a multiple of bands")
    shingles = _shingles(articles, shingle)
    order = articles.select("doc_id").with_row_index("_order")
    rows = permutations // bands
    signature = shingles.group_by("doc_id").agg(
        [pl.col("h").hash(seed=i + 1).min().alias(f"m{i}") for i in range(permutations)]
    )
    keys = pl.concat(
        [
            signature.select(
                "doc_id",
                band=pl.lit(b),
                key=pl.struct([f"m{i}" for i in range(b * rows, (b + 1) * rows)]).hash(),
            )
            for b in range(bands)
        ]
    )
    candidates = (
        keys.join(keys, on=["band", "key"], suffix="_other")
        .filter(pl.col("doc_id") != pl.col("doc_id_other"))
        .select("doc_id", "doc_id_other")
        .unique()
    )
    sizes = shingles.group_by("doc_id").agg(_size=pl.len())
    shared = (
        candidates.join(shingles, on="doc_id")
        .join(shingles.rename({"doc_id": "doc_id_other"}), on=["doc_id_other", "h"])
        .group_by("doc_id", "doc_id_other")
        .agg(_shared=pl.len())
    )
    other_sizes = sizes.rename({"doc_id": "doc_id_other", "_size": "_size_other"})
    other_order = order.rename({"doc_id": "doc_id_other", "_order": "_order_other"})
    return (
        shared.join(sizes, on="doc_id")
        .join(other_sizes, on="doc_id_other")
        .with_columns(
            similarity=pl.col("_shared")
            / (pl.col("_size") + pl.col("_size_other") - pl.col("_shared"))
        )
        .filter(pl.col("similarity") >= threshold)
        .join(order, on="doc_id")
        .join(other_order, on="doc_id_other")
        .filter(pl.col("_order") > pl.col("_order_other"))
        .select("doc_id", pl.col("doc_id_other").alias("duplicate_of"), "similarity", "_order")
        .sort(["similarity", "_order"], descending=[True, False])
        .drop("_order")
    )


def stories(articles: pl.DataFrame, **options: float) -> pl.DataFrame:
    """Group articles into stories: near-duplicates (see :func:`near_duplicates`) chained.

    Returns ``doc_id``, ``story_id`` (the story's first article in load order) and
    ``copies`` (articles in the story). Count per story by keeping one article of each:
    ``articles.join(stories(articles).filter(pl.col("doc_id") == pl.col("story_id")), ...)``.

    Examples
    --------
    >>> arts = pl.DataFrame({"doc_id": ["a", "b"], "text": ["Same words here.", "Other words."]})
    >>> stories(arts)["story_id"].to_list()
    ['a', 'b']
    """
    ids = articles["doc_id"].to_list()
    parent = {doc: doc for doc in ids}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    position = {doc: i for i, doc in enumerate(ids)}
    for doc, earlier, _ in near_duplicates(articles, **options).iter_rows():
        a, b = root(doc), root(earlier)
        if a != b:
            first, second = (a, b) if position[a] < position[b] else (b, a)
            parent[second] = first
    frame = pl.DataFrame({"doc_id": ids, "story_id": [root(d) for d in ids]})
    return frame.with_columns(copies=pl.len().over("story_id").cast(pl.UInt32))
