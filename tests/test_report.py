import nbformat
import polars as pl

from toolkit.cli import main
from toolkit.viz.report import render_report


def _notebook(path, *sources):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("CORPUS = None", metadata={"tags": ["parameters"]})]
    notebook.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, path)
    return path


def test_report_runs_notebooks_with_the_corpus_and_survives_a_failure(tmp_path, capfd):
    corpus = tmp_path / "c.txt"
    corpus.write_text("An article.")
    good = _notebook(tmp_path / "01-good.ipynb", "print(CORPUS)")
    bad = _notebook(
        tmp_path / "02-bad.ipynb",
        "x = 1",
        "raise ValueError('broken on purpose.\\nSee the docs\\n')",
    )
    lines = []
    results = render_report(
        str(corpus), out=tmp_path / "out", notebooks=[good, bad], progress=lines.append
    )
    assert results[0].error is None
    # the exception's type and its whole message, on one line
    assert results[1].error == "02-bad.ipynb, cell 3: ValueError: broken on purpose. See the docs"
    executed = nbformat.read(tmp_path / "out" / "01-good.ipynb", as_version=4)
    assert executed.cells[2].outputs[0]["text"].strip() == str(corpus)
    for name in ("01-good.html", "02-bad.html", "index.html"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert "broken on purpose" in (tmp_path / "out" / "index.html").read_text()
    page = (tmp_path / "out" / "01-good.html").read_text()
    assert "<script" in page and 'src="http' not in page  # nothing fetched from the web
    assert lines[0] == "[1/2] running 01-good.ipynb ..."
    assert "without encryption" not in capfd.readouterr().err  # the kernels say nothing


def test_cli_names_a_missing_corpus(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing"), "--out", str(tmp_path / "out")]) == 2
    assert "corpus not found" in capsys.readouterr().err


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_report_exports_every_chart_with_its_data_and_repeats_byte_for_byte(tmp_path):
    chart = _notebook(
        tmp_path / "01-chart.ipynb",
        "import polars as pl\nfrom toolkit import charts\ncharts.use_offline_svg()",
        "counts = pl.DataFrame({'term': ['killed', 'wounded'], 'count': [3, 2], 'rank': [1, 2]})\n"
        "charts.top_terms(counts, top=2)",
    )
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        assert (
            render_report(None, out=out, notebooks=[chart], progress=lambda _: None)[0].error
            is None
        )
    exports = sorted(p.name for p in (first / "exports").iterdir())
    assert exports == [
        "01-chart-chart-01-data.csv", "01-chart-chart-01-data.parquet", "01-chart-chart-01.png",
        "01-chart-chart-01.svg", "01-chart-chart-01.vl.json", "vega-embed.js",
    ]  # fmt: skip
    data = pl.read_parquet(first / "exports" / "01-chart-chart-01-data.parquet")
    assert sorted(data["term"].to_list()) == ["killed", "wounded"]
    assert (first / "exports" / "01-chart-chart-01.png").read_bytes()[:4] == b"\x89PNG"
    page = (first / "01-chart.html").read_text()
    assert '<script src="exports/vega-embed.js">' in page and "vegaEmbed(" in page
    index = (first / "index.html").read_text()
    assert 'href="exports/01-chart-chart-01.png"' in index
    a, b = _files(first), _files(second)
    assert a.keys() == b.keys()
    differing = [str(name) for name in a if a[name] != b[name]]
    assert set(differing) <= {"index.html"}  # only the time stamp may differ

    def unstamped(folder):
        lines = (folder / "index.html").read_text().splitlines()
        return [line for line in lines if not line.startswith("<p>Written")]

    assert unstamped(first) == unstamped(second)
    assert len(index.splitlines()) == len(unstamped(first)) + 1
