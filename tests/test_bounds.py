"""Charts stay bounded however many sources, claims and disputes they are given."""

import datetime as dt
import json

import polars as pl
import pytest

from toolkit import charts
from toolkit.claims import tally
from toolkit.viz.bounds import MAX_BARS, MAX_POINTS, MAX_ROWS, MAX_SERIES, OTHER

N = 20_000


@pytest.fixture(scope="module")
def many_claims() -> pl.DataFrame:
    """Claims from 2,000 sources over three years, two per source and day on some days."""
    i = pl.int_range(N, eager=True)
    return pl.DataFrame({
        "attributed_to": ("source " + (i % 2000).cast(pl.String)),
        "outcome": pl.Series(["killed", "wounded"] * (N // 2)),
        "low": (i % 97) + 1, "high": (i % 97) + 3, "quantity": (i % 97 + 1).cast(pl.String),
        "relation": pl.Series([None] * N, dtype=pl.String),
        "when_begin": pl.Series([dt.date(2014, 1, 1) + dt.timedelta(days=k % 1100)
                                 for k in range(N)]),
    })  # fmt: skip


def rows_and_bytes(chart) -> tuple[int, int]:
    spec = chart.to_dict()
    rows = sum(len(v) for v in spec.get("datasets", {}).values())
    return rows, len(json.dumps(spec))


def test_who_claims_what_draws_the_top_sources_and_other(many_claims):
    chart = charts.who_claims_what(tally(many_claims, ["attributed_to", "outcome"]))
    spec = chart.to_dict()
    shown = {r["attributed_to"] for d in spec["datasets"].values() for r in d}
    assert len(shown) == MAX_BARS + 1 and OTHER in shown
    assert f"the {MAX_BARS} sources" in spec["title"]["subtitle"]


def test_a_few_sources_are_not_said_to_be_the_top_ones():
    few = pl.DataFrame({"attributed_to": ["police", "army"], "outcome": ["killed"] * 2,
                        "claims": [2, 1], "people": [5, 3]})  # fmt: skip
    assert charts.who_claims_what(few).to_dict()["title"].get("subtitle", []) == []


def test_claims_over_time_stays_small_and_greys_other(many_claims):
    chart = charts.claims_over_time(many_claims.filter(pl.col("outcome") == "killed"))
    rows, size = rows_and_bytes(chart)
    assert rows <= MAX_POINTS and size < 100_000
    scale = chart.to_dict()["layer"][0]["encoding"]["color"]["scale"]
    assert len(scale["domain"]) == MAX_SERIES + 1
    assert scale["domain"][-1] == OTHER and scale["range"][-1] not in scale["range"][:-1]


def test_victims_by_group_keep_a_dozen_killed_readable_beside_millions_displaced():
    tallied = pl.DataFrame({
        "victim_group": ["people", "people", "civilians", *(f"group {k}" for k in range(30))],
        "outcome": ["displaced", "killed", "wounded", *["killed"] * 30],
        "claims": [40, 3, 2, *[1] * 30], "people": [13_000_000, 12, 7, *range(1, 31)],
    })  # fmt: skip
    spec = charts.victims_by_group(tallied).to_dict()
    cells, figures = spec["layer"]
    assert cells["encoding"]["color"]["scale"]["type"] == "symlog"  # shades, not a linear length
    assert cells["encoding"]["x"]["sort"] == ["killed", "wounded", "displaced"]  # gravest first
    assert figures["encoding"]["text"]["field"] == "people"  # each cell gives its number
    rows = [r for d in spec["datasets"].values() for r in d]
    assert {(r["victim_group"], r["outcome"], r["people"]) for r in rows} >= {
        ("people", "killed", 12),
        ("people", "displaced", 13_000_000),
    }
    assert len({r["victim_group"] for r in rows}) == MAX_BARS + 1  # the rest summed as other


def test_claims_over_time_give_one_name_per_source():
    said = ["the Observatory", "The Britain-based Syrian Observatory for Human Rights", "police"]
    claims = pl.DataFrame({
        "attributed_to": said, "outcome": ["killed"] * 3, "low": [5, 6, 7], "high": [5, 6, 7],
        "quantity": ["5", "6", "7"], "relation": pl.Series([None] * 3, dtype=pl.String),
        "when_begin": [dt.date(2016, 1, d) for d in (1, 2, 3)],
    })  # fmt: skip
    domain = charts.claims_over_time(claims).to_dict()["layer"][0]["encoding"]["color"]["scale"]
    assert sorted(domain["domain"]) == ["Syrian Observatory for Human Rights", "police"]


def test_disputed_figures_show_the_widest_disputes(many_claims):
    disputes = many_claims.select(
        label=pl.concat_str(pl.lit("killed, "), pl.col("when_begin").cast(pl.String)),
        source="attributed_to", figure="low",
    )  # fmt: skip
    chart = charts.disputed_figures(disputes)
    labels = {r["label"] for d in chart.to_dict()["datasets"].values() for r in d}
    assert len(labels) == MAX_ROWS
    assert rows_and_bytes(chart)[1] < 250_000


def test_a_history_is_counted_beside_the_claims_over_time_not_drawn(many_claims):
    history = many_claims.head(1).with_columns(when_begin=pl.lit(dt.date(1988, 3, 16)))
    chart = charts.claims_over_time(pl.concat([many_claims.head(200), history]))
    spec = chart.to_dict()
    drawn = [r["when_begin"] for d in spec["datasets"].values() for r in d]
    assert min(drawn) >= "2014-01-01"
    assert "1 dated outside the corpus's own dates" in spec["title"]["subtitle"]


def test_events_per_day_keep_to_the_corpus_dates():
    days = pl.DataFrame({
        "day": [dt.date(1938, 3, 1)] + [dt.date(2016, 1, d) for d in range(1, 29)],
        "events": [7] + [3] * 28, "stated": [7] + [1] * 28,
    })  # fmt: skip
    spec = charts.events_per_day(days).to_dict()
    drawn = [r["day"] for d in spec["datasets"].values() for r in d]
    assert min(drawn) >= "2016-01-01" and len(drawn) == 28
    assert "7 dated outside the corpus's own dates" in spec["title"]["subtitle"]


def test_events_per_day_over_years_say_what_a_bar_stands_for():
    every_day = pl.date_range(dt.date(2014, 1, 1), dt.date(2019, 12, 31), eager=True)
    days = pl.DataFrame({"day": every_day}).with_columns(events=3, stated=1)
    spec = charts.events_per_day(days).to_dict()
    drawn = [r["day"] for d in spec["datasets"].values() for r in d]
    assert len(drawn) == 72  # six years of months
    assert spec["title"]["subtitle"].startswith("a bar per month; ")


def test_every_calendar_axis_label_names_its_year(many_claims):
    spec = charts.claims_over_time(many_claims).to_dict()
    formats = [layer["encoding"]["x"]["axis"]["format"] for layer in spec["layer"]]
    assert formats and all("%Y" in f for f in formats)  # vega's own labels: "April", "October"
