import polars as pl
import pytest

from toolkit import read_corpus
from toolkit.terms.reprints import near_duplicates, stories

STORY = (
    "Islamic State militants launched a fresh offensive Monday, taking advantage of a "
    "sandstorm that sharply reduced visibility in eastern Syria and capturing new areas from "
    "government forces near the city of Deir el-Zour, opposition activists said. The "
    "Observatory said the militants captured areas just north of the city."
)


def corpus(**texts: str) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": list(texts), "text": list(texts.values())})


def test_reprints_with_small_edits_are_found_and_unrelated_text_is_not():
    arts = corpus(
        a=STORY,
        b="BEIRUT (AP) — " + STORY,
        c="The weather in Lisbon stayed mild and sunny for the whole week, forecasters said.",
        d=STORY[: len(STORY) // 3],  # a third of the story: too different to be a reprint
    )
    pairs = near_duplicates(arts)
    assert pairs.select("doc_id", "duplicate_of").rows() == [("b", "a")]
    assert 0.8 <= pairs["similarity"][0] < 1.0
    grouped = stories(arts)
    assert grouped.select("doc_id", "story_id", "copies").rows() == [
        ("a", "a", 2), ("b", "a", 2), ("c", "c", 1), ("d", "d", 1),
    ]  # fmt: skip


def test_results_do_not_change_between_runs():
    arts = corpus(a=STORY, b=STORY + " Officials confirmed it.", c=STORY.upper())
    assert near_duplicates(arts).equals(near_duplicates(arts))


@pytest.mark.shared_data
def test_fa_kes_rows_repeating_an_article_fall_in_one_story(shared):
    articles = read_corpus(shared / "corpora" / "fa-kes").articles
    grouped = articles.select("doc_id", "unit_id", "text").join(stories(articles), on="doc_id")
    repeated = grouped.filter(pl.len().over("unit_id", "text") > 1)
    assert repeated.height > 0
    assert (
        repeated.group_by("unit_id", "text").agg(pl.col("story_id").n_unique())["story_id"] == 1
    ).all()
