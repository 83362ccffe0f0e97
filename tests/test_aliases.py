import polars as pl
import pytest

from toolkit import load_sample, terms, tokens
from toolkit.text.aliases import apply_aliases, load_aliases


def corpus(*texts: str) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})


def test_spellings_of_one_place_count_as_one_term():
    arts = corpus("Deir el-Zour fell. Dayr az-Zawr is quiet.", "Deir ez-Zor and DEIR EZZOR.")
    table = terms.frequencies(apply_aliases(tokens(arts)))
    assert table.filter(pl.col("term") == "deir ez-zor").select("count", "documents").row(0) == (
        4,
        2,
    )
    assert "zawr" not in table["term"].to_list() and "az-zawr" not in table["term"].to_list()


def test_capitalised_variants_match_exactly_so_is_stays_a_verb():
    toks = apply_aliases(tokens(corpus("IS said it is ready. Daesh and ISIL agree.")))
    assert toks.filter(pl.col("norm") == "islamic state")["token"].to_list() == [
        "IS",
        "Daesh",
        "ISIL",
    ]
    assert toks.filter(pl.col("token") == "is")["norm"].to_list() == ["is"]
    assert not toks.filter(pl.col("norm") == "islamic state")["is_stop"].any()


def test_longest_variant_wins_and_offsets_span_the_whole_match():
    arts = corpus("The Islamic State of Iraq and the Levant attacked.")
    toks = apply_aliases(tokens(arts))
    merged = toks.filter(pl.col("norm") == "islamic state").row(0, named=True)
    assert (
        arts["text"][0][merged["start"] : merged["end"]] == "Islamic State of Iraq and the Levant"
    )
    assert toks["token"].to_list()[:2] == ["The", "Islamic State of Iraq and the Levant"]


def test_kwic_finds_every_spelling_through_aliased_tokens():
    sample = load_sample()
    hits = terms.kwic(sample, "deir ez-zor", tokens=apply_aliases(tokens(sample)))
    assert set(hits["match"]) == {"Deir el-Zour", "Deir Ezzor"}
    assert hits.height == 12


def test_users_can_bring_their_own_table(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("canonical,variant\nassad,al-Assad\nassad,Bashar al-Assad\n")
    toks = apply_aliases(
        tokens(corpus("Bashar al-Assad met al-Assad's aides.")), load_aliases(path)
    )
    assert toks.filter(pl.col("norm") == "assad")["token"].to_list() == [
        "Bashar al-Assad",
        "al-Assad",
    ]
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="lacks columns"):
        load_aliases(tmp_path / "bad.csv")


def test_count_terms_merges_spellings_as_frequencies_does():
    arts = corpus("Deir el-Zour fell. Dayr az-Zawr is quiet.", "Deir ez-Zor and DEIR EZZOR.")
    counted = terms.count_terms(arts, n=(1, 2), alias_table=load_aliases())
    for size in (1, 2):
        expected = terms.frequencies(apply_aliases(tokens(arts)), n=size)
        assert counted.filter(pl.col("n") == size).drop("n").equals(expected)
    assert "deir ez-zor" in counted["term"].to_list()
