"""Showing results: frames in, altair charts, explorers and HTML reports out.

Modules
-------
``charts`` (the one theme and every chart builder: they take aggregated frames and return
``alt.Chart`` objects, never computing statistics themselves), ``explorer`` (:func:`explore`,
a term explorer for JupyterLab), ``teaching`` (:func:`check`, the notebooks' exercises) and
``report`` (``render_report``: the curated notebooks run on a corpus and written as HTML;
imported on demand, as it loads the notebook machinery).

Examples
--------
>>> from toolkit.viz import charts
>>> charts.THEME
'news_toolkit'
"""

from toolkit.viz import charts, teaching
from toolkit.viz.explorer import Explorer, explore
from toolkit.viz.teaching import check

__all__ = ["Explorer", "charts", "check", "explore", "teaching"]
