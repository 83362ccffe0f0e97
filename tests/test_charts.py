import datetime as dt

import altair as alt
import polars as pl

from toolkit import charts


def test_theme_is_registered_and_active():
    assert charts.THEME in alt.theme.names()
    assert alt.theme.active == charts.THEME


def test_every_builder_uses_the_theme_and_reads_only_the_frame_given():
    frames_and_charts = [
        charts.articles_over_time(
            pl.DataFrame({"period": [dt.date(2016, 1, 18)], "articles": [2], "every": ["1d"]})
        ),
        charts.articles_per_outlet(pl.DataFrame({"outlet": ["a.com"], "articles": [2]})),
        charts.article_length_histogram(
            pl.DataFrame({"bin_start": [0], "bin_end": [50], "articles": [2]})
        ),
    ]
    for chart in frames_and_charts:
        spec = chart.to_dict()
        assert spec["config"]["range"]["category"][0] == "#b7472a"
        assert spec["title"]["text"]
        (values,) = spec["datasets"].values()
        assert len(values) == 1  # the aggregated rows, never raw articles


def test_outlet_chart_shows_the_top_and_says_so():
    counts = pl.DataFrame(
        {"outlet": [f"o{i}" for i in range(30)], "articles": list(range(30, 0, -1))}
    )
    spec = charts.articles_per_outlet(counts, top=5).to_dict()
    (values,) = spec["datasets"].values()
    assert [v["outlet"] for v in values] == ["o0", "o1", "o2", "o3", "o4"]
    assert spec["title"]["subtitle"] == "top 5 of 30 outlets"


def test_time_unit_follows_the_period():
    counts = pl.DataFrame({"period": [dt.date(2016, 1, 1)], "articles": [2], "every": ["1mo"]})
    layer = charts.articles_over_time(counts).to_dict()["layer"][0]
    assert layer["encoding"]["x"]["timeUnit"] == "yearmonth"


def test_offline_svg_is_byte_identical_across_renders():
    import vl_convert as vlc

    chart = charts.articles_per_outlet(pl.DataFrame({"outlet": ["a.com"], "articles": [2]}))
    first = vlc.vegalite_to_svg(chart.to_dict())
    assert first == vlc.vegalite_to_svg(chart.to_dict())
    assert "http" not in first.replace("http://www.w3.org", "")  # nothing to fetch


def test_labels_of_terms_at_one_spot_are_not_printed_over_each_other():
    n = 12
    frame = pl.DataFrame({
        "term": [f"t{i}" for i in range(n)] + ["far"], "x": [0.0] * n + [0.9],
        "y": [0.1 + i * 0.001 for i in range(n)] + [0.1],
        "log_ratio": [-5.0 - i for i in range(n)] + [4.0],
        "count": [0] * n + [30], "reference_count": [9] * n + [0], "label": [True] * (n + 1),
    })  # fmt: skip
    spec = charts.distinctive_terms(frame, group="a").to_dict()
    shown = [r["term"] for d in spec["datasets"].values() for r in d if r["label"]]
    assert sorted(shown) == ["far", "t11"]  # the most distinctive of the twelve, and the far one


def test_a_timeline_names_a_far_date_beside_the_chart_instead_of_stretching_its_axis():
    days = [dt.date(2016, 1, d) for d in range(10, 20)]
    expressions = pl.DataFrame({
        "doc_id": ["a"] * 11, "text": [f"January {d.day}" for d in days] + ["June 2014"],
        "value": [d.isoformat() for d in days] + ["2014-06"],
        "begin": [*days, dt.date(2014, 6, 1)], "end_date": [*days, dt.date(2014, 6, 30)],
        "granularity": ["day"] * 10 + ["month"],
    })  # fmt: skip
    spec = charts.timeline(expressions).to_dict()
    shown = next(iter(spec["datasets"].values()))
    assert sorted(row["text"] for row in shown) == sorted(f"January {d.day}" for d in days)
    assert spec["title"]["subtitle"].endswith(
        "outside the corpus's own dates, not shown: June 2014"
    )


def test_a_few_days_get_a_labelled_column_each_and_a_month_of_days_a_calendar():
    def width_and_x(days: int) -> tuple[object, str]:
        every = [dt.date(2015, 9, 1) + dt.timedelta(days=d) for d in range(days)]
        frame = pl.DataFrame({"day": every, "events": [2] * days, "stated": [1] * days})
        spec = charts.events_per_day(frame).to_dict()
        return spec.get("width"), spec["layer"][0]["encoding"]["x"]["type"]

    assert width_and_x(3) == ({"step": 110}, "ordinal")
    assert width_and_x(30) == (None, "temporal")  # 30 columns of 110 px would be 3,300 px wide
