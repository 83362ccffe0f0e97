"""run.py: the report reads the user's paths from where it is run; JupyterLab starts offline."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("run", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls = []
    monkeypatch.setattr(module, "_setup", lambda: None)
    monkeypatch.setattr(module, "VENV", tmp_path / "venv")
    monkeypatch.setattr(
        module.subprocess, "run", lambda command, cwd: calls.append((command, cwd)) or _Done()
    )
    module.calls = calls
    return module


class _Done:
    returncode = 0


def test_a_report_runs_where_the_user_is_and_tests_where_the_project_is(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run.main(["report", "corpora/x.csv", "--out", "out"]) == 0
    assert run.main(["test", "-q"]) == 0
    (report, report_cwd), (test, test_cwd) = run.calls
    assert report[1:] == ["-m", "toolkit", "report", "corpora/x.csv", "--out", "out"]
    assert Path(report_cwd) == tmp_path
    assert test[1:] == ["-m", "pytest", "-q"] and Path(test_cwd) == ROOT


@pytest.mark.parametrize("uid", [0, 1000])
def test_lab_starts_without_news_and_as_root_when_root(run, tmp_path, monkeypatch, uid):
    monkeypatch.setattr(run.os, "geteuid", lambda: uid, raising=False)
    assert run.main(["lab"]) == 0
    command, _ = run.calls[0]
    assert ("--allow-root" in command) == (uid == 0)
    overrides = tmp_path / "venv" / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    notification = json.loads(overrides.read_text())["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false"}


def test_an_unknown_job_prints_the_usage(run, capsys):
    assert run.main(["deploy"]) == 2
    assert "run.py report" in capsys.readouterr().out
