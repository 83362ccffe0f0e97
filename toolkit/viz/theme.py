"""The one look of every chart, and how charts are shown: offline SVG, or interactive.

Importing this module registers and enables the ``news_toolkit`` theme. How charts are shown
is a separate, explicit choice:

- :func:`use_offline_svg` (what the curated notebooks and reports use): vl-convert draws each
  chart as SVG inside Python, with a PNG beside it that JupyterLab shows before it trusts the
  notebook (it shows no stored SVG until then). It needs no JavaScript and no network, and the
  SVG is byte-identical from run to run; the price is that the chart is a picture, without
  tooltips or zoom.
- :func:`use_interactive` bundles the vega JavaScript into each output (offline, about 900 KB
  per chart), for exploring in JupyterLab.

When a report runs the notebooks (:mod:`toolkit.viz.report` sets ``TOOLKIT_REPORT_EXPORT`` to a
folder), :func:`use_offline_svg` also writes every chart there as SVG, PNG and its vega-lite
spec, with the data behind it as Parquet and CSV, and adds an interactive version of the chart
that the report page draws with one shared, local copy of the vega libraries.
"""

from __future__ import annotations

import base64
import html
import itertools
import json
import os
from pathlib import Path

import altair as alt
import polars as pl

from toolkit.viz.bounds import OTHER

__all__ = ["THEME", "to_svg", "use_interactive", "use_offline_svg"]


THEME = "news_toolkit"
_INK = "#1f2933"
_ACCENT = "#b7472a"
_PALETTE = ["#b7472a", "#2f6690", "#3a7d44", "#d1a33b", "#6c4f8a", "#7a7a7a", "#c97b63"]
_OTHER_COLOUR = "#c3c9d0"  # the series summed as "other": grey, never mistaken for a source
_FONT = "Liberation Sans, Arial, Helvetica, sans-serif"


@alt.theme.register(THEME, enable=True)
def _theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": _FONT,
            "view": {"continuousWidth": 520, "continuousHeight": 260, "stroke": None},
            "title": {"anchor": "start", "fontSize": 15, "color": _INK, "subtitleColor": "#52606d"},
            "axis": {
                "labelColor": _INK, "titleColor": _INK, "gridColor": "#e4e7eb",
                "domainColor": "#9aa5b1", "tickColor": "#9aa5b1", "labelFontSize": 11,
                "titleFontSize": 12, "titleFontWeight": "normal",
            },
            "legend": {"labelColor": _INK, "titleColor": _INK, "orient": "bottom"},
            "range": {"category": _PALETTE},
            "bar": {"color": _ACCENT},
            "line": {"color": _ACCENT, "strokeWidth": 2},
            "rule": {"color": _ACCENT},
            "point": {"color": _ACCENT},
        }
    }  # fmt: skip


REPORT_EXPORT = "TOOLKIT_REPORT_EXPORT"  # folder for a report's chart files
REPORT_NOTEBOOK = "TOOLKIT_REPORT_NOTEBOOK"  # the notebook they belong to
_numbers = itertools.count(1)


def use_offline_svg() -> None:
    """Show charts as static SVG drawn in Python: offline, small and reproducible.

    Inside a report run (``TOOLKIT_REPORT_EXPORT`` set), charts are also exported; see the
    module docstring.

    Examples
    --------
    >>> use_offline_svg(); alt.renderers.active
    'news_toolkit'
    """
    alt.renderers.enable("news_toolkit_report" if os.environ.get(REPORT_EXPORT) else "news_toolkit")


def to_svg(chart: alt.TopLevelMixin) -> str:
    """The chart drawn as SVG by vl-convert, whatever renderer is active (offline).

    Examples
    --------
    >>> to_svg(alt.Chart(pl.DataFrame({"x": [1]})).mark_point().encode(x="x:Q"))[:4]
    '<svg'
    """
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_dict())


def _offline(spec: dict, **_: object) -> dict[str, str]:
    """The notebook renderer: the chart as SVG, and as PNG for JupyterLab before it trusts it.

    JupyterLab shows no SVG of a notebook it does not trust (one opened from a fresh clone),
    but it shows PNG; when trusted, it prefers the SVG.
    """
    import vl_convert

    png = vl_convert.vegalite_to_png(spec, scale=1)
    return {
        "image/svg+xml": vl_convert.vegalite_to_svg(spec),
        "image/png": base64.b64encode(png).decode("ascii"),
    }


PNG_BYTES = 120_000  # an exported PNG at twice screen resolution, unless larger than this


def _export(spec: dict, **_: object) -> dict[str, str]:
    """The report renderer: write the chart's files, return its SVG and an interactive view.

    The view shows the exported SVG file until the report page's script draws the interactive
    chart in its place (and where scripts do not run, as in a notebook JupyterLab does not
    trust), so the page holds the picture once and the notebook twice, not three times.
    """
    import vl_convert

    folder = Path(os.environ[REPORT_EXPORT])
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{os.environ.get(REPORT_NOTEBOOK, 'notebook')}-chart-{next(_numbers):02d}"
    svg = vl_convert.vegalite_to_svg(spec)
    (folder / f"{stem}.svg").write_text(svg, encoding="utf-8")
    png = vl_convert.vegalite_to_png(spec, scale=2)
    if len(png) > PNG_BYTES:  # a large chart at screen resolution rather than twice it
        png = vl_convert.vegalite_to_png(spec, scale=1)
    (folder / f"{stem}.png").write_bytes(png)
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    (folder / f"{stem}.vl.json").write_text(text, encoding="utf-8")
    for index, rows in enumerate(spec.get("datasets", {}).values()):
        data = pl.DataFrame(rows, infer_schema_length=None)
        name = f"{stem}-data" + (f"-{index + 1}" if index else "")
        data.write_parquet(folder / f"{name}.parquet")
        data.write_csv(folder / f"{name}.csv")
    view = (
        f'<div class="toolkit-chart" id="{stem}"><img src="{folder.name}/{stem}.svg"'
        f' alt="{html.escape(_title_of(spec))}"></div>'
        f"<script>vegaEmbed(document.getElementById('{stem}'), {text}, {{actions: false}});"
        "</script>"
    )
    return {"image/svg+xml": svg, "text/html": view}


def _title_of(spec: dict) -> str:
    """A chart's title in words, for the text that stands in for its picture."""
    title = spec.get("title", "chart")
    return title.get("text", "chart") if isinstance(title, dict) else str(title)


alt.renderers.register("news_toolkit", _offline)
alt.renderers.register("news_toolkit_report", _export)


def use_interactive() -> None:
    """Show interactive charts with the vega JavaScript inlined (offline, ~900 KB per chart)."""
    alt.renderers.enable("html", template="inline")


# Axes and titles every chart shares


def _count_axis(counts: pl.Series) -> alt.Axis:
    """A whole-number axis for counts (vega's tickMinStep is not honoured by every renderer)."""
    largest = int(counts.max() or 1)
    return alt.Axis(tickCount=min(largest, 8), format="d")


_DAY_COLUMNS = 10  # the most days drawn as labelled columns, 110 px each; more, a calendar


def _by_day(chart: alt.Chart, frame: pl.DataFrame, column: str) -> alt.Chart:
    """A time axis by day: a labelled column per day for a few days, a calendar beyond.

    Every calendar label names its year: ticks on years over two years and more ("2014"), on
    months with their year over a few weeks ("Apr 2016"), else on days ("03 Sep 2015"); vega's
    own labels name a year only in January.
    """
    days = frame[column].drop_nulls()
    span = (days.max() - days.min()).days if days.len() else 0  # type: ignore[operator]
    if days.len() and span <= 45 and days.n_unique() <= _DAY_COLUMNS:
        x = alt.X(f"yearmonthdate({column}):O", title=None,
                  axis=alt.Axis(format="%a %d %b %Y", labelAngle=0))  # fmt: skip
        return chart.encode(x=x).properties(width=alt.Step(110))
    if span <= 45:
        axis = alt.Axis(format="%d %b %Y", labelAngle=0,
                        tickCount={"interval": "day", "step": 1 + span // 8})  # fmt: skip
    elif span >= 2 * 365:
        axis = alt.Axis(
            format="%Y", labelAngle=0, tickCount={"interval": "year", "step": 1 + span // 365 // 8}
        )
    else:
        axis = alt.Axis(format="%b %Y", labelAngle=0)
    return chart.encode(x=alt.X(f"{column}:T", title=None, axis=axis))


def _log_axis(counts: pl.Series) -> alt.Axis:
    """Ticks at 0, 1, 10, 100... for a symlog scale (vega crowds its own near the top)."""
    largest = int(counts.max() or 1)
    return alt.Axis(values=[0] + [10**k for k in range(len(str(largest)) + 1)], format=",d")


def _titled(chart: alt.TopLevelMixin, title: str, subtitle: str | None) -> alt.TopLevelMixin:
    return chart.properties(title=alt.Title(title, subtitle=subtitle or []))


def _series_colour(frame: pl.DataFrame, field: str, title: str) -> alt.Color:
    """A colour per series, the largest first and "other" last in grey.

    Vega would colour series in alphabetical order, so that "other" could take the accent.
    """
    counts = frame.group_by(field).len().sort(["len", field], descending=[True, False])
    named = [v for v in counts[field].to_list() if v != OTHER]
    domain = named + [OTHER] * (len(named) < counts.height)
    colours = (_PALETTE * (len(named) // len(_PALETTE) + 1))[: len(named)]
    colours += [_OTHER_COLOUR] * (len(domain) - len(named))
    return alt.Color(f"{field}:N", title=title, scale=alt.Scale(domain=domain, range=colours))
