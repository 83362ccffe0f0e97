"""Compiled modules are used only when their build matches the sources, and never when off."""

import shutil

from toolkit import _compiled


def _build(folder, stamp):
    (folder / "toolkit").mkdir(parents=True)
    (folder / "fingerprint").write_text(stamp)
    return folder


def test_a_current_build_goes_first_on_the_package_path(tmp_path, monkeypatch):
    monkeypatch.delenv("TOOLKIT_PURE", raising=False)
    built = _build(tmp_path, _compiled.fingerprint())
    path = ["/the/sources"]
    assert _compiled.activate(path, built)
    assert path == [str(built / "toolkit"), "/the/sources"]


def test_a_stale_or_missing_build_is_passed_over(tmp_path, monkeypatch):
    monkeypatch.delenv("TOOLKIT_PURE", raising=False)
    path = ["/the/sources"]
    assert not _compiled.activate(path, _build(tmp_path / "old", "an older fingerprint"))
    assert not _compiled.activate(path, tmp_path / "never-built")
    assert path == ["/the/sources"]


def test_toolkit_pure_turns_a_current_build_off(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_PURE", "1")
    path: list[str] = []
    assert not _compiled.activate(path, _build(tmp_path, _compiled.fingerprint()))
    assert path == []


def test_any_change_to_a_source_changes_the_fingerprint(tmp_path):
    package = tmp_path / "toolkit"
    shutil.copytree(_compiled.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = _compiled.fingerprint(package)
    assert before == _compiled.fingerprint()
    with (package / "text.py").open("a") as source:  # not a compiled module: they call it
        source.write("\n# an edit\n")
    assert _compiled.fingerprint(package) != before
