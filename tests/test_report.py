import nbformat

from toolkit.cli import main
from toolkit.report import render_report


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


def test_report_runs_notebooks_with_the_corpus_and_survives_a_failure(tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text("An article.")
    good = _notebook(tmp_path / "01-good.ipynb", "print(CORPUS)")
    bad = _notebook(tmp_path / "02-bad.ipynb", "x = 1", "raise ValueError('broken on purpose')")
    lines = []
    results = render_report(
        str(corpus), out=tmp_path / "out", notebooks=[good, bad], progress=lines.append
    )
    assert results[0].error is None
    assert results[1].error == "02-bad.ipynb, cell 3: ValueError: broken on purpose"
    executed = nbformat.read(tmp_path / "out" / "01-good.ipynb", as_version=4)
    assert executed.cells[2].outputs[0]["text"].strip() == str(corpus)
    for name in ("01-good.html", "02-bad.html", "index.html"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert "broken on purpose" in (tmp_path / "out" / "index.html").read_text()
    page = (tmp_path / "out" / "01-good.html").read_text()
    assert "<script" in page and 'src="http' not in page  # nothing fetched from the web
    assert lines[0] == "[1/2] running 01-good.ipynb ..."


def test_cli_names_a_missing_corpus(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing"), "--out", str(tmp_path / "out")]) == 2
    assert "corpus not found" in capsys.readouterr().err
