"""Run the curated notebooks on a corpus and write them as a browsable HTML report.

Each notebook in ``notebooks/`` runs in name order with the corpus injected after its
``parameters`` cell (the papermill convention). The report folder receives, per notebook, the
executed ``.ipynb`` and an ``.html`` page, plus an ``index.html`` linking them; ``exports/``
holds every chart as SVG, PNG and vega-lite spec with the data behind it as Parquet and CSV,
and one local copy of the vega libraries that draws the charts interactively (each page also
carries its charts as SVG, shown where JavaScript is off). Nothing is fetched from the web.
The same corpus gives the same report byte for byte, but for the time stamp on the index page.
A notebook that fails is named with the cell that failed; the others are still written.
"""

from __future__ import annotations

import datetime as dt
import glob
import html
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

from toolkit.io.paths import NOTEBOOKS_DIR
from toolkit.viz.theme import REPORT_EXPORT, REPORT_NOTEBOOK

__all__ = ["NotebookResult", "render_report"]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_REMOTE_SCRIPT = re.compile(r"<script[^>]*\ssrc=\"https?://[^\"]*\"[^>]*>\s*</script>\s*")


@dataclass(frozen=True)
class NotebookResult:
    """How one notebook fared: its name, the HTML written, and the failure if any."""

    name: str
    html: Path | None
    error: str | None = None


def _inject(notebook: nbformat.NotebookNode, corpus: str | Sequence[str] | None) -> None:
    if corpus is None:
        return
    value = (
        [os.path.abspath(c) for c in corpus]
        if isinstance(corpus, list | tuple)
        else (os.path.abspath(corpus))
    )
    for index, cell in enumerate(notebook.cells):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            injected = nbformat.v4.new_code_cell(
                f"# Parameters injected by the report\nCORPUS = {value!r}",
                metadata={"tags": ["injected-parameters"]},
            )
            injected.id = "injected-parameters"  # a fixed id: the same report byte for byte
            notebook.cells.insert(index + 1, injected)
            return


def _failed_cell(notebook: nbformat.NotebookNode) -> tuple[int, dict] | None:
    """The failed cell's number (injected cells not counted) and its error output."""
    authored = [
        c for c in notebook.cells if "injected-parameters" not in c.metadata.get("tags", [])
    ]
    for index, cell in enumerate(authored, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index, output
    return None


EXPORTS = "exports"
_BUNDLE = "vega-embed.js"


def _execute(notebook: nbformat.NotebookNode, path: Path, out: Path) -> None:
    """Run the notebook with its charts exported to ``out/exports`` (see toolkit.viz.charts)."""
    saved = {k: os.environ.get(k) for k in (REPORT_EXPORT, REPORT_NOTEBOOK)}
    os.environ[REPORT_EXPORT] = str((out / EXPORTS).resolve())
    os.environ[REPORT_NOTEBOOK] = path.stem
    try:
        # the kernel's own warnings (such as "running over TCP without encryption", which on
        # loopback says nothing a reader can act on) would otherwise print once per notebook
        quiet = ["--IPKernelApp.log_level=ERROR"]
        client = NotebookClient(
            notebook, timeout=1800, kernel_name="python3", extra_arguments=quiet
        )
        client.execute(cwd=str(path.parent))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _summary(name: str, value: str, limit: int = 300) -> str:
    """The exception's type and its whole message on one line (at most `limit` characters).

    Not the last line of the traceback: a long message (altair's advice on large datasets)
    would leave only its last sentence.
    """
    message = " ".join(_ANSI.sub("", value or "").split())
    if len(message) > limit:
        message = message[: limit - 1].rstrip() + "…"
    return f"{name}: {message}" if message else name


def _run_one(path: Path, corpus, out: Path) -> NotebookResult:
    notebook = nbformat.read(path, as_version=4)
    _inject(notebook, corpus)
    error = None
    try:
        _execute(notebook, path, out)
    except CellExecutionError as failure:
        failed = _failed_cell(notebook)  # the cell's own error output names the exception
        number, output = failed or (None, {})
        name = output.get("ename") or failure.ename or type(failure).__name__
        error = (
            f"{path.name}, cell {number}: {_summary(name, output.get('evalue') or failure.evalue)}"
        )
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
    nbformat.write(notebook, out / path.name)
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(notebook)
    body = _REMOTE_SCRIPT.sub("", body)  # require.js and MathJax from a CDN: nothing offline
    body = body.replace("</head>", f'<script src="{EXPORTS}/{_BUNDLE}"></script>\n</head>', 1)
    target = out / f"{path.stem}.html"
    target.write_text(body, encoding="utf-8")
    return NotebookResult(path.name, target, error)


def _exports_of(result: NotebookResult, out: Path) -> str:
    stem = Path(result.name).stem
    files = sorted((out / EXPORTS).glob(f"{stem}-chart-*"))
    links = ", ".join(
        f'<a href="{EXPORTS}/{html.escape(f.name)}">{html.escape(f.name.split("-chart-")[1])}</a>'
        for f in files
    )
    return f"<br><small>charts and data: {links}</small>" if links else ""


def _index(results: list[NotebookResult], corpus, out: Path) -> str:
    rows = "\n".join(
        f'<li><a href="{html.escape(r.html.name)}">{html.escape(r.name)}</a>'
        + (f" <strong>failed</strong>: {html.escape(r.error)}" if r.error else "")
        + _exports_of(r, out)
        + "</li>"
        for r in results
    )
    title = "News Corpus Toolkit report"
    what = "the embedded sample" if corpus is None else html.escape(str(corpus))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"<!doctype html>\n<html><head><meta charset='utf-8'><title>{title}</title></head>\n"
        f"<body><h1>{title}</h1>\n<p>Corpus: {what}</p>\n<ol>\n{rows}\n</ol>\n"
        f"<p>Written {stamp}.</p>\n</body></html>\n"
    )


def _write_bundle(target: Path) -> None:
    """vega, vega-lite and vega-embed as one local script (from vl-convert, no network)."""
    import vl_convert

    target.write_text(vl_convert.javascript_bundle(), encoding="utf-8")


def render_report(
    corpus: str | Sequence[str] | None = None,
    *,
    out: str | os.PathLike = "report",
    notebooks: Sequence[str | os.PathLike] | None = None,
    progress: Callable[[str], None] = print,
) -> list[NotebookResult]:
    """Execute the curated notebooks on `corpus` and write an HTML report into `out`.

    Parameters
    ----------
    corpus
        What the notebooks' ``CORPUS`` parameter gets (a path, glob or list); ``None`` keeps
        their default, the embedded sample.
    out
        The report folder, created if needed.
    notebooks
        The notebooks to run; by default every ``notebooks/*.ipynb`` in name order.
    progress
        Called with a line of text as each notebook starts and ends.

    Returns
    -------
    list of NotebookResult
        One per notebook, with the error (notebook and cell) where one failed.
    """
    if corpus is not None:
        items = [corpus] if isinstance(corpus, str | os.PathLike) else corpus
        missing = [c for c in items if not Path(c).exists() and not glob.glob(str(c))]
        if missing:
            raise FileNotFoundError(f"corpus not found: {', '.join(map(str, missing))}")
    paths = [Path(p) for p in notebooks] if notebooks else sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    folder = Path(out)
    (folder / EXPORTS).mkdir(parents=True, exist_ok=True)
    for old in (folder / EXPORTS).glob("*-chart-*"):
        old.unlink()  # a chart a notebook no longer draws must not linger
    _write_bundle(folder / EXPORTS / _BUNDLE)
    results = []
    for number, path in enumerate(paths, start=1):
        progress(f"[{number}/{len(paths)}] running {path.name} ...")
        result = _run_one(path, corpus, folder)
        progress(f"[{number}/{len(paths)}] {'FAILED ' + result.error if result.error else 'ok'}")
        results.append(result)
    (folder / "index.html").write_text(_index(results, corpus, folder), encoding="utf-8")
    progress(f"report written to {folder / 'index.html'}")
    return results
