"""Linked views of one term, Voyant-style: type or pick a term and see it everywhere at once.

:func:`explore` returns a JupyterLab widget: a box to type or pick a term (with the corpus's
most frequent terms offered) and, linked to it, the term's frequency over time, its lines in
context (KWIC), its collocates and the articles that use it most. Everything is computed once
per corpus by :class:`Explorer`, whose :meth:`Explorer.views` gives the same four frames
without a widget (for scripts and tests). Charts are drawn as SVG by vl-convert, so the
explorer works offline whatever altair renderer is active.
"""

from __future__ import annotations

import html

import polars as pl

from toolkit import terms
from toolkit.text import aliases
from toolkit.text.segment import tokens as tokenise
from toolkit.viz import charts

__all__ = ["Explorer", "explore"]


class Explorer:
    """A corpus prepared for exploring term by term (tokens with aliases, collocations).

    Examples
    --------
    >>> from toolkit import load_sample
    >>> views = Explorer(load_sample()).views("killed")
    >>> sorted(views), views["kwic"].height
    (['collocates', 'documents', 'kwic', 'trend'], 2)
    """

    def __init__(self, articles: pl.DataFrame, *, every: str = "1w", window: int = 6) -> None:
        self.articles = articles
        self.tokens = aliases.apply_aliases(tokenise(articles, stopwords_from="toolkit"))
        self.frequent = terms.frequencies(self.tokens)
        self.pairs = terms.collocations(self.tokens)
        self.every, self.window = every, window
        self.dated = (
            terms.with_fields(self.tokens, articles, "published")
            if "published" in articles.columns
            else None
        )

    def suggestions(self, n: int = 200) -> list[str]:
        """The corpus's most frequent terms, offered in the term box."""
        ranked = self.frequent.sort(["count", "term"], descending=[True, False])
        return ranked["term"].head(n).to_list()

    def views(self, term: str) -> dict[str, pl.DataFrame]:
        """The four linked frames for `term`: ``trend``, ``kwic``, ``collocates``, ``documents``."""
        term = term.strip().lower()
        trend = (
            terms.trends(self.dated, [term], every=self.every)
            if self.dated is not None and self.dated["published"].drop_nulls().len()
            else pl.DataFrame()
        )
        kwic = terms.kwic(self.articles, term, window=self.window, tokens=self.tokens)
        about = [c for c in ("title", "published", "outlet") if c in self.articles.columns]
        documents = (
            kwic.group_by("doc_id")
            .len("uses")
            .join(self.articles.select("doc_id", *about), on="doc_id", how="left")
            .sort(["uses", "doc_id"], descending=[True, False])
        )
        return {
            "trend": trend,
            "kwic": kwic,
            "collocates": terms.collocates_of(self.pairs, term),
            "documents": documents,
        }


def _kwic_html(kwic: pl.DataFrame, limit: int = 25) -> str:
    rows = "".join(
        f"<tr><td style='text-align:right'>{html.escape(left)}</td>"
        f"<td><b>{html.escape(match)}</b></td><td>{html.escape(right)}</td></tr>"
        for left, match, right in kwic.select("left", "match", "right").head(limit).iter_rows()
    )
    more = f"<p>{kwic.height - limit} more lines</p>" if kwic.height > limit else ""
    return f"<table class='toolkit-kwic'>{rows}</table>{more}" if rows else "<p>No occurrences.</p>"


def explore(articles: pl.DataFrame, *, term: str | None = None, every: str = "1w"):
    """A JupyterLab widget: a term box linked to the term's trend, KWIC, collocates and articles.

    Parameters
    ----------
    articles
        Any frame with ``doc_id`` and ``text`` (``published`` for the trend).
    term
        The term shown first (default: the most frequent one).
    every
        The period of the trend chart (``"1d"``, ``"1w"``, ``"1mo"``).

    Returns
    -------
    ipywidgets.VBox
        Display it (the last line of a cell); its ``explorer`` attribute is the
        :class:`Explorer` behind it, and its ``term`` attribute the term box.
    """
    import ipywidgets as widgets
    from IPython.display import HTML, SVG, display

    explorer = Explorer(articles, every=every)
    options = explorer.suggestions()
    box = widgets.Combobox(
        value=term or (options[0] if options else ""), options=options,
        placeholder="type or pick a term", description="Term", ensure_option=False,
    )  # fmt: skip
    panes = {name: widgets.Output() for name in ("trend", "kwic", "collocates", "documents")}

    def show(change: dict | None = None) -> None:
        views = explorer.views(box.value)
        for output in panes.values():
            output.clear_output()
        with panes["trend"]:
            if views["trend"].height:
                trend = charts.trend_lines(views["trend"], title=f"'{box.value}' over time")
                display(SVG(charts.to_svg(trend)))
            else:
                print("No dated articles to draw a trend.")
        with panes["kwic"]:
            display(HTML(_kwic_html(views["kwic"])))
        with panes["collocates"]:
            if views["collocates"].height:
                title = f"Collocates of '{box.value}'"
                display(SVG(charts.to_svg(charts.collocate_bars(views["collocates"], title=title))))
            else:
                print("No collocates (the term may be rare or a stopword).")
        with panes["documents"]:
            display(views["documents"].head(10))

    box.observe(show, names="value")
    show()
    tabs = widgets.Tab(children=list(panes.values()))
    for index, name in enumerate(("Over time", "In context", "Collocates", "Articles")):
        tabs.set_title(index, name)
    layout = widgets.VBox([box, tabs])
    layout.explorer, layout.term, layout.panes = explorer, box, panes
    return layout
