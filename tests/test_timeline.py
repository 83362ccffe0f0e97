import importlib.util
import warnings
from datetime import date, datetime

import polars as pl
import pytest

from toolkit import load_sample
from toolkit.evaluation.timeml import read_timeml, score_timexes
from toolkit.timeline import SCHEMA, events, time_expressions
from toolkit.timeline import timex as _timex
from toolkit.timeline.calendar import date_range, easter

MONDAY = date(2016, 1, 18)


def published_monday(text: str) -> pl.DataFrame:
    """One article of `text`, published on MONDAY."""
    return pl.DataFrame({"doc_id": ["a"], "published": [MONDAY], "text": [text]})


def values(text: str, anchor: date | None = MONDAY) -> list[tuple[str, str]]:
    articles = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    return time_expressions(articles, anchor=anchor).select("text", "value").rows()


def test_the_sample_article_chronology():
    found = time_expressions(load_sample())
    text = load_sample()["text"][0]
    by_text: dict[str, set[str]] = {}
    for start, end, value in found.select("start", "end", "value").iter_rows():
        by_text.setdefault(text[start:end], set()).add(value)
    assert by_text["Monday"] == {"2016-01-18"}
    assert by_text["the weekend"] == {"2016-W02-WE"}
    assert by_text["Sunday"] == {"2016-01-17"}
    assert by_text["Saturday"] == {"2016-01-16"}
    assert by_text["dawn Saturday"] == {"2016-01-16TMO"}
    assert by_text["June 2014"] == {"2014-06"}
    assert by_text["for months"] == {"PXM"}
    assert by_text["the past months"] == {"PXM"}
    # "Monday's fighting" is Monday too, and every row slices back to its text
    assert text[text.index("Monday’s") :].startswith(
        found.filter(pl.col("start") == text.index("Monday’s"))["text"][0]
    )
    assert all(text[s:e] == t for s, e, t in found.select("start", "end", "text").iter_rows())


def test_the_frame_has_the_documented_schema():
    assert time_expressions(load_sample()).schema == pl.Schema(SCHEMA)


def test_weekdays_follow_the_tense_of_their_clause():
    assert values("The talks began Thursday.") == [("Thursday", "2016-01-14")]
    assert values("The ministers will meet Thursday.") == [("Thursday", "2016-01-21")]
    assert values("He left last Monday.") == [("last Monday", "2016-01-11")]


def test_the_anchor_day_itself_counts_as_the_most_recent():
    assert values("The offensive began Monday.") == [("Monday", "2016-01-18")]


def test_relative_days_weeks_months_and_years():
    assert values("yesterday, tomorrow, last week, next month, this year, two days ago") == [
        ("yesterday", "2016-01-17"),
        ("tomorrow", "2016-01-19"),
        ("last week", "2016-W02"),
        ("next month", "2016-02"),
        ("this year", "2016"),
        ("two days ago", "2016-01-16"),
    ]


def test_the_next_day_counts_from_the_last_date_mentioned():
    assert values("The siege began on March 3, 2015. The next day the town fell.") == [
        ("March 3, 2015", "2015-03-03"),
        ("The next day", "2015-03-04"),
    ]


def test_months_without_a_year_land_near_the_anchor():
    assert values("Fighting resumed in December.") == [("December", "2015-12")]
    assert values("Elections are due in March.") == [("March", "2016-03")]


def test_durations_sets_and_references():
    assert values("for three years, daily, every week, recently, now, the 1990s") == [
        ("three years", "P3Y"),
        ("daily", "P1D"),
        ("every week", "P1W"),
        ("recently", "PAST_REF"),
        ("now", "PRESENT_REF"),
        ("the 1990s", "199"),
    ]


def test_ages_money_and_measures_are_not_times():
    assert values("A 35-year-old man, 52 years old, paid $2000 for 1500 feet.") == []


@pytest.mark.parametrize("published", ["2016-01-18", "18 January 2016", datetime(2016, 1, 18, 9)])
def test_a_publication_written_as_text_or_a_time_dates_by_its_day(published):
    articles = pl.DataFrame({"doc_id": ["a"], "published": [published], "text": ["Dozens died."]})
    assert events(articles).select("when", "dated_by").rows() == [("2016-01-18", "published")]


def test_four_digits_counting_people_are_no_year():
    assert values("The killing of 5812 civilians, including 1733 children and 2010 women") == []
    assert values("The 2014 police shooting was in 1999 before 2001 protests.") == [
        ("2014", "2014"), ("1999", "1999"), ("2001", "2001")
    ]  # fmt: skip


def test_a_vehicles_model_year_is_no_year():
    assert values("A 2019 Honda Civic hit his 2015 Ford F-150. In 2019 Toyota recalled cars.") == [
        ("2019", "2019")
    ]


def test_a_rule_matches_whole_words_in_each_of_its_alternatives():
    assert values("The year-ending figures fell at year-end.") == [("year-end", "2016")]


def test_modifiers_widen_the_span():
    found = time_expressions(
        pl.DataFrame(
            {"doc_id": ["a"], "text": ["It began in early 1990 and lasted nearly two years."]}
        ),
        anchor=MONDAY,
    )
    assert found.select("text", "value", "mod").rows() == [
        ("early 1990", "1990", "START"),
        ("nearly two years", "P2Y", "LESS_THAN"),
    ]


def test_without_an_anchor_values_stay_underspecified_and_say_so():
    found = time_expressions(
        pl.DataFrame({"doc_id": ["a"], "text": ["Clashes on Monday and in June 2014."]}),
        anchor=None,
    )
    assert found.select("value", "anchor").rows() == [
        ("XXXX-WXX-1", "none"),
        ("2014-06", "absolute"),
    ]


def test_the_anchor_comes_from_a_column_and_a_null_leaves_it_open():
    articles = pl.DataFrame(
        {"doc_id": ["a", "b"], "text": ["said Sunday", "said Sunday"], "published": [MONDAY, None]}
    )
    assert time_expressions(articles)["value"].to_list() == ["2016-01-17", "XXXX-WXX-7"]


def test_ranges_cover_the_days_a_value_names():
    assert date_range("2016-W02-WE") == (date(2016, 1, 16), date(2016, 1, 17))
    assert date_range("2016-Q1") == (date(2016, 1, 1), date(2016, 3, 31))
    assert date_range("2015-WI") == (date(2015, 12, 1), date(2016, 2, 29))
    assert date_range("2016-01-16TMO") == (date(2016, 1, 16), date(2016, 1, 16))
    assert date_range("19") == (date(1900, 1, 1), date(1999, 12, 31))
    assert date_range("2015-02-30") == (None, None)
    ranges = time_expressions(load_sample()).filter(pl.col("text") == "the past months")
    assert ranges.select("begin", "end_date").unique().rows() == [(None, MONDAY)]


def test_easter_on_known_years():
    assert [easter(y) for y in (2000, 2016, 2024)] == [
        date(2000, 4, 23),
        date(2016, 3, 27),
        date(2024, 3, 31),
    ]


def test_events_take_the_sentence_date_else_inherit_else_the_publication_date():
    articles = pl.DataFrame(
        {
            "doc_id": ["a", "b"],
            "published": [MONDAY, MONDAY],
            "text": ["Shelling began Saturday. Ten died.", "The army said it advanced."],
        }
    )
    dated = events(articles).select("doc_id", "when", "dated_by").rows()
    assert dated == [
        ("a", "2016-01-16", "sentence"),
        ("a", "2016-01-16", "inherited"),
        ("b", "2016-01-18", "published"),
    ]


def test_a_date_recalled_from_years_before_dates_only_its_own_sentence():
    text = ("Gas shells fell on Saturday. In 1988 Kurds were gassed at Halabja. "
            "Doctors counted 494 bodies.")  # fmt: skip
    articles = published_monday(text)
    dated = events(articles).select("when", "dated_by").rows()
    assert dated == [("2016-01-16", "sentence"), ("1988", "sentence"),
                     ("2016-01-16", "inherited")]  # fmt: skip
    alone = articles.with_columns(text=pl.lit("In 1988 Kurds were gassed. Doctors came."))
    assert events(alone)["dated_by"].to_list() == ["sentence", "published"]


def test_a_year_heading_a_chronology_dates_every_sentence_up_to_the_next_heading():
    text = (
        "Tanks shelled the city on Saturday. Here is its history: * 1982: - In February 1982 "
        "rebels rose. - Forces razed the old town. * 2015: - Forces returned. - Many fled."
    )
    articles = published_monday(text)
    assert events(articles).select("when", "dated_by").rows() == [
        ("2016-01-16", "sentence"), ("1982", "sentence"), ("1982", "inherited"),
        ("2015", "sentence"), ("2015", "inherited"),
    ]  # fmt: skip
    # a year before a colon with no bullet is no heading: "the site of a massacre in 1982:"
    plain = articles.with_columns(text=pl.lit("The city saw a massacre in 1982: it razed all."))
    assert events(plain)["dated_by"].to_list() == ["sentence"]
    assert events(plain.with_columns(text=pl.lit("Before 1982: war. Many fled.")))[
        "dated_by"
    ].to_list() == ["sentence", "published"]


def test_a_date_opening_a_period_of_years_dates_nothing():
    text = (
        "Shelling began on Saturday. It was the deadliest attack since the 1980s. "
        "The town, besieged since 2013, has been shelled since Sunday."
    )
    articles = published_monday(text)
    assert events(articles).select("when", "dated_by").rows() == [
        ("2016-01-16", "sentence"), ("2016-01-16", "inherited"), ("2016-01-17", "sentence"),
    ]  # fmt: skip


def test_an_inherited_date_is_the_whole_date_of_one_sentence():
    text = "Shelling began Saturday. More will die in the future. Dozens died."
    articles = published_monday(text)
    dated = events(articles).select("when", "begin", "end_date", "dated_by").rows()
    saturday = date(2016, 1, 16)
    assert dated == [
        ("2016-01-16", saturday, saturday, "sentence"),
        ("FUTURE_REF", MONDAY, None, "sentence"),
        ("FUTURE_REF", MONDAY, None, "inherited"),  # open-ended, not ending on Saturday
    ]


def test_a_claim_takes_the_whole_date_of_the_expression_nearest_it():
    from toolkit.claims import extract_claims

    text = (
        "Shelling began Saturday, and officials warned that in the future ten more people may "
        "be killed."
    )
    articles = published_monday(text)
    dated = events(articles, extract_claims(articles, dates=False))
    assert dated.select("when", "begin", "end_date").rows() == [("FUTURE_REF", MONDAY, None)]


def test_of_two_expressions_as_near_a_claim_the_one_after_it_dates_it():
    from toolkit.claims import extract_claims

    text = "Published February 23 2015 A suicide bomber killed four people in a hospital on Sunday."
    articles = pl.DataFrame({"doc_id": ["a"], "published": [date(2015, 2, 23)], "text": [text]})
    claims = extract_claims(articles)
    four = text.index("four")
    assert four - text.index(" A suicide") == text.index("Sunday") - (four + 4)  # a tie
    assert claims.select("quantity", "when").rows() == [("four", "2015-02-22")]


def test_events_date_claims_by_their_sentence():
    from toolkit.claims import extract_claims

    sample = load_sample()
    dated = events(sample, extract_claims(sample))
    on_saturday = dated.filter(pl.col("quantity") == "42")
    assert on_saturday["when"].to_list() == ["2016-01-16"]


def test_read_timeml_keeps_good_files_when_one_is_broken(tmp_path):
    good = (
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">x</TIMEX3></DCT>'
        '<TEXT>Stocks fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.'
        "</TEXT></TimeML>"
    )
    (tmp_path / "good.tml").write_text(good)
    (tmp_path / "bad.tml").write_text("<TimeML>\n<TEXT>cut <b> off</TEXT>")
    with pytest.warns(UserWarning, match="bad.tml, line 2"):
        result = read_timeml(tmp_path)
    assert result.documents.select("doc_id", "published").rows() == [("good", date(1998, 1, 8))]
    assert result.timexes.select("text", "value").rows() == [("yesterday", "1998-01-07")]
    assert result.problems == ["bad.tml, line 2: mismatched tag"]


def test_scores_on_a_hand_counted_example():
    gold = pl.DataFrame(
        {"doc_id": ["a"] * 3, "start": [0, 10, 30], "end": [6, 18, 40],
         "type": ["DATE"] * 3, "value": ["2016-01-18", "2016-01-16", "PXM"]}
    )  # fmt: skip
    predicted = pl.DataFrame(
        {"doc_id": ["a"] * 3, "start": [0, 12, 50], "end": [6, 18, 55],
         "type": ["DATE"] * 3, "value": ["2016-01-18", "2016-01-09", "2016"]}
    )  # fmt: skip
    s = score_timexes(gold, predicted)
    assert (s["strict_precision"], s["strict_recall"]) == (1 / 3, 1 / 3)
    assert (s["relaxed_precision"], s["relaxed_recall"]) == (2 / 3, 2 / 3)
    assert s["value_accuracy"] == 0.5
    assert s["value_f1"] == pytest.approx(0.5 * 2 / 3)


@pytest.fixture
def tbaq(shared):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every gold file must read cleanly
        return read_timeml(shared / "gold" / "timex-dev" / "tbaq")


@pytest.mark.shared_data
def test_gold_offsets_slice_back_to_their_text(tbaq):
    texts = dict(tbaq.documents.select("doc_id", "text").iter_rows())
    assert tbaq.documents.height == 256 and tbaq.timexes.height == 1822
    assert all(
        texts[d][s:e] == t
        for d, s, e, t in tbaq.timexes.select("doc_id", "start", "end", "text").iter_rows()
    )


@pytest.mark.shared_data
def test_tbaq_scores_reach_the_bar_and_agree_with_the_reference_scorer(tbaq, shared):
    predicted = time_expressions(tbaq.documents)
    ours = score_timexes(tbaq.timexes, predicted)
    assert ours["relaxed_f1"] >= 0.88
    assert ours["value_f1"] >= 0.78
    spec = importlib.util.spec_from_file_location(
        "timeml_score", shared / "tools" / "timeml_score.py"
    )
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    gold = {}
    for folder in ("TimeBank", "AQUAINT"):
        gold |= reference.load_dir(str(shared / "gold" / "timex-dev" / "tbaq" / folder))
    preds: dict[str, list[dict]] = {}
    for row in predicted.select("doc_id", "start", "end", "type", "value").iter_rows(named=True):
        preds.setdefault(row["doc_id"], []).append(row)
    theirs = reference.score(gold, preds)
    assert ours["relaxed_f1"] == pytest.approx(theirs["relaxed"]["F1"])
    assert ours["strict_f1"] == pytest.approx(theirs["strict"]["F1"])
    assert ours["value_f1"] == pytest.approx(theirs["value_F1"])
    assert ours["type_accuracy"] == pytest.approx(theirs["type_acc"])


def full_scan(text: str) -> list[tuple[int, int, int]]:
    """What the rules find when each runs over the whole text, without trigger windows."""
    found = [
        (m.start(), m.end(), index)
        for index, (_, pattern, _) in enumerate(_timex.rules())
        for m in pattern.finditer(text)
    ]
    return sorted(found)


@pytest.mark.shared_data
def test_trigger_windows_lose_no_candidate_on_real_articles(shared):
    from toolkit import read_corpus

    articles = read_corpus(shared / "corpora", errors="skip").articles
    texts = articles["text"].gather_every(5).to_list()  # every corpus, about 1,400 articles
    for text in [*texts, load_sample()["text"][0]]:
        windowed = sorted((s, s - neg, i) for s, neg, i, _ in _timex.candidates(text))
        assert windowed == full_scan(text)


def test_narrative_style_places_months_in_the_year_named_last():
    text = "The war began in 1941. On 7 December the fleet was attacked. In June it fought back."
    articles = pl.DataFrame({"doc_id": ["a"], "text": [text], "published": [date(2009, 7, 1)]})
    news = time_expressions(articles).select("text", "value").rows()
    history = time_expressions(articles, style="narrative").select("text", "value").rows()
    assert news[1:] == [("7 December", "2009-12-07"), ("June", "2009-06")]  # nearest the anchor
    assert history[1:] == [("7 December", "1941-12-07"), ("June", "1941-06")]
    with pytest.raises(ValueError, match="style"):
        time_expressions(articles, style="novel")


@pytest.mark.shared_data
def test_handlers_marked_stateless_read_no_earlier_date_nor_the_style(shared):
    from toolkit import read_corpus

    articles = read_corpus(shared / "corpora", errors="skip").articles
    texts = [load_sample()["text"][0], *articles["text"].gather_every(5).to_list()]
    handlers = _timex.rules()
    checked = 0
    for text in texts:
        fresh = _timex.Context(text, MONDAY)
        primed = _timex.Context(
            text, MONDAY, date(2011, 3, 15), "2011-Q1", last_year=(1999, 0), narrative=True
        )
        for _, _, index, m in _timex.candidates(text):
            handler = handlers[index][2]
            if handler in _timex._STATELESS:
                assert handler(m, fresh) == handler(m, primed), (handler.__name__, m.group())
                checked += 1
    assert checked > 1000
