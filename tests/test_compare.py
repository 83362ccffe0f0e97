from datetime import date

import polars as pl

from toolkit import load_sample
from toolkit.claims import compare_claims, disputes, extract_claims, tally


def claims(*rows: tuple[str, str | None, int]) -> pl.DataFrame:
    """Killed claims on one day of one article: (victim group, perpetrator, figure) each."""
    n = len(rows)
    return pl.DataFrame({
        "doc_id": ["a"] * n, "outcome": ["killed"] * n, "victim_group": [r[0] for r in rows],
        "perpetrator": [r[1] for r in rows], "when_begin": [date(2016, 1, 16)] * n,
        "where": [None] * n, "relation": [None] * n, "qualifier": ["exact"] * n,
        "low": [r[2] for r in rows], "high": [r[2] for r in rows],
        "attributed_to": [f"source {i}" for i in range(n)], "rule": ["count_predicate"] * n,
    }, schema_overrides={"where": pl.String, "perpetrator": pl.String})  # fmt: skip


def test_figures_for_the_same_victims_are_disputed():
    compared = compare_claims(claims(("civilians", None, 300), ("civilians", None, 150)))
    assert compared.select("sources", "lowest", "highest", "disputed").rows() == [
        (2, 150, 300, True)
    ]


def test_one_sides_losses_do_not_dispute_the_others():
    compared = compare_claims(claims(("militants", None, 42), ("people", "IS", 300)))
    assert compared.height == 2
    assert not compared["disputed"].any()


def test_a_figure_of_none_stands_apart_from_figures_of_some():
    compared = compare_claims(
        claims(("people", None, 50), ("people", None, 0), ("people", None, 0), ("people", None, 40))
    )
    assert compared.select("sources", "lowest", "highest", "disputed").rows() == [
        (2, 40, 50, True), (2, 0, 0, False),
    ]  # fmt: skip


def test_sources_that_give_one_figure_alike_agree():
    # a roundup gives the day's 20 and one district's 7; the police give the district's 7
    roundup = claims(("people", None, 20), ("people", None, 7), ("people", None, 7))
    roundup = roundup.with_columns(attributed_to=pl.Series([None, None, "police"]))
    compared = compare_claims(roundup)
    assert compared.select("sources", "lowest", "highest", "disputed").rows() == [(2, 7, 20, False)]


def test_one_person_harmed_is_no_disputed_figure():
    # "a woman was killed in the blast", said by another source than the toll of 18
    both = claims(("people", None, 18), ("people", None, 1))
    both = both.with_columns(rule=pl.Series(["count_object", "person_passive"]))
    assert compare_claims(both).select("sources", "highest", "disputed").rows() == [(1, 18, False)]


def test_claims_without_a_perpetrator_join_the_one_the_others_name():
    compared = compare_claims(claims(("people", "IS", 300), ("people", None, 250)))
    assert compared.select("perpetrator", "sources", "disputed").rows() == [("IS", 2, True)]


def test_different_perpetrators_make_different_events():
    compared = compare_claims(
        claims(("people", "IS", 300), ("people", "the army", 40), ("people", None, 250))
    )
    assert sorted(compared.select("perpetrator", "sources").rows(), key=str) == [
        ("IS", 1), ("the army", 1), (None, 1)
    ]  # fmt: skip


def test_dispute_labels_name_the_victims_and_the_perpetrator():
    labels = disputes(claims(("people", "IS", 300), ("people", None, 250)))["label"]
    assert labels.unique().to_list() == ["people killed by IS, 2016-01-16"]


def test_disputes_in_two_articles_keep_apart_under_the_same_words():
    both = pl.concat([
        claims(("people", None, 300), ("people", None, 250)),
        claims(("people", None, 30), ("people", None, 25)).with_columns(doc_id=pl.lit("b")),
    ])  # fmt: skip
    labels = disputes(both).group_by("label").agg(pl.col("figure").sort()).sort("label")
    assert labels.rows() == [
        ("a: people killed, 2016-01-16", [250, 300]),
        ("b: people killed, 2016-01-16", [25, 30]),
    ]


def test_a_shared_label_starts_with_the_articles_short_name():
    one = claims(("people", None, 300), ("people", None, 250))
    other = claims(("people", None, 30), ("people", None, 25))
    both = pl.concat([one.with_columns(doc_id=pl.lit("x/f.csv#4")),
                      other.with_columns(doc_id=pl.lit("x/f.csv#41"))])  # fmt: skip
    assert sorted(disputes(both)["label"].unique()) == [
        "f.csv#41: people killed, 2016-01-16", "f.csv#4: people killed, 2016-01-16"
    ]  # fmt: skip


def test_the_samples_army_and_is_tolls_are_not_a_dispute():
    assert disputes(extract_claims(load_sample())).height == 0


def test_a_source_is_tallied_once_whatever_the_case_of_its_article():
    said = pl.DataFrame({"attributed_to": ["the ministry", "The ministry", None],
                         "outcome": ["killed"] * 3, "low": [5, 2, 4],
                         "relation": [None, None, None]})  # fmt: skip
    tallied = tally(said, "attributed_to").rows()
    assert tallied == [("The ministry", 2, 7), ("(the article)", 1, 4)]


def test_tally_gives_one_name_to_a_source_of_many_spellings():
    spellings = ["The Observatory", "the Britain-based Syrian Observatory for Human Rights",
                 "Meanwhile the Observatory", "the UN", "The U.N.", "State news agency SANA",
                 "SANA", "The Observatory and Deir Ezzor 24", None]  # fmt: skip
    claims = pl.DataFrame({
        "attributed_to": spellings, "outcome": ["killed"] * 9, "low": list(range(1, 10)),
        "relation": [None] * 9,
    })  # fmt: skip
    sources = dict(tally(claims, "attributed_to").select("attributed_to", "claims").rows())
    assert sources == {
        "Syrian Observatory for Human Rights": 3, "United Nations": 2, "SANA": 2,
        "The Observatory and Deir Ezzor 24": 1, "(the article)": 1,
    }  # fmt: skip
