"""End to end in a real browser: JupyterLab runs every curated notebook in headless Chromium,
and the HTML report opened from disk draws every chart.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); without them
the tests skip and say so. Screenshots go to ``test-artifacts/browser/``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
        reason="needs Debian's chromium and chromium-driver (installed by .ci/run)",
    ),
]


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                 "--disable-dev-shm-usage"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(120)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on loopback, serving a copy of the curated notebooks."""
    root = tmp_path_factory.mktemp("lab")
    for name in NOTEBOOKS:
        shutil.copy(ROOT / "notebooks" / name, root / name)
    port, token = _free_port(), "toolkit-browser-test"
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}", "--LabApp.news_url=",
               "--LabApp.expose_app_in_browser=True",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI containers run as root
    settings = root / ".settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    env = os.environ | {"JUPYTER_CONFIG_DIR": str(root / ".config"),
                        "JUPYTERLAB_SETTINGS_DIR": str(root / ".settings")}  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        if server.poll() is not None:
            break
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail(f"JupyterLab did not start: {server.stdout.read().decode()[-2000:]}")
    yield url, token, root
    server.terminate()
    server.wait(timeout=30)


def _wait(driver, condition, timeout: float, what: str):
    end = time.time() + timeout
    while time.time() < end:
        result = driver.execute_script(condition)
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


_CELLS_DONE = """
const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
if (!cells.length) return false;
const prompts = cells.map(c => c.querySelector('.jp-InputPrompt')?.textContent.trim() || '')
  .filter(p => p !== '');  // a collapsed solution cell shows no prompt
const idle = /Idle/.test(document.querySelector('.jp-StatusBar-Widget, #jp-main-statusbar')
  ?.textContent || 'Idle');
return idle && prompts.every(p => /^\\[\\d+\\]:$/.test(p)) ? prompts.length : false;
"""

_ERRORS = """
const stderr = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';
return [...document.querySelectorAll(stderr)]
  .map(e => e.textContent).filter(t => /Traceback|Error/.test(t));
"""

_CHARTS = """
return [...document.querySelectorAll('.jp-RenderedSVG, .jp-RenderedImage')].map(out => {
  const svg = out.querySelector('svg');
  const marks = svg ? svg.querySelectorAll('g[class*="mark-"] path, g[class*="mark-"] line, '
      + 'g[class*="mark-"] rect, g[class*="mark-"] circle').length : 0;
  const img = out.querySelector('img');
  return svg ? marks : (img && img.naturalWidth > 0 ? 1 : 0);
});
"""


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_notebook_runs_in_jupyterlab_and_draws_its_charts(browser, lab, name):
    url, token, _ = lab
    _run_all(browser, url, token, name)
    try:
        cells = _wait(browser, _CELLS_DONE, 300, f"every cell of {name} to run")
    finally:
        browser.save_screenshot(str(ARTIFACTS / f"{Path(name).stem}.png"))
    errors = browser.execute_script(_ERRORS)
    charts = browser.execute_script(_CHARTS)
    browser.execute_script("document.querySelector('.jp-RenderedSVG, .jp-RenderedImage')"
                           "?.scrollIntoView({block: 'center'})")  # fmt: skip
    time.sleep(0.5)
    browser.save_screenshot(str(ARTIFACTS / f"{Path(name).stem}-chart.png"))
    assert cells > 3
    assert errors == []
    assert charts and all(marks > 0 for marks in charts), charts


_STORED = """
const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
if (!outputs.length) return false;
const images = outputs.filter(o => o.matches('.jp-RenderedImage'))
  .map(o => o.querySelector('img')?.naturalWidth || 0);
const unshown = outputs.map(o => o.textContent.trim()).filter(t => /^alt\\.\\w*Chart\\(/.test(t));
return {images, unshown};
"""


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_stored_charts_show_before_the_notebook_is_trusted(browser, lab, name):
    url, token, root = lab
    fresh = root / "fresh"  # a copy no test has run, as a fresh clone opens it: not trusted
    fresh.mkdir(exist_ok=True)
    shutil.copy(ROOT / "notebooks" / name, fresh / name)
    browser.get(f"{url}/lab/tree/fresh/{name}?token={token}&reset")
    shown = _wait(browser, _STORED, 90, f"the stored outputs of {name}")
    time.sleep(1)  # let the images decode
    shown = browser.execute_script(_STORED)
    browser.execute_script("document.querySelector('.jp-RenderedImage')"
                           "?.scrollIntoView({block: 'center'})")  # fmt: skip
    time.sleep(0.5)
    browser.save_screenshot(str(ARTIFACTS / f"untrusted-{Path(name).stem}.png"))
    assert shown["unshown"] == []
    assert shown["images"] and all(width > 0 for width in shown["images"]), shown


def _run_all(browser, url: str, token: str, name: str) -> None:
    """Open a notebook in JupyterLab and run all its cells."""
    browser.get(f"{url}/lab/tree/{name}?token={token}&reset")
    _wait(browser, "return document.querySelector('.jp-Notebook .jp-CodeCell') !== null", 90,
          "the notebook to open")  # fmt: skip
    ready = "return !!window.jupyterapp?.commands.isEnabled('notebook:run-all-cells')"
    _wait(browser, ready, 60, "JupyterLab to be ready")
    time.sleep(2)  # let the kernel connect
    browser.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells')")


def test_explore_links_the_term_box_to_its_views_in_jupyterlab(browser, lab):
    import nbformat

    url, token, root = lab
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(
        "import toolkit\nwidget = toolkit.explore(toolkit.load_sample(), term='killed')\nwidget"
    )]  # fmt: skip
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, root / "explore.ipynb")
    _run_all(browser, url, token, "explore.ipynb")
    kwic = "return document.querySelector('.toolkit-kwic')?.textContent || ''"
    first = _wait(browser, kwic, 120, "the KWIC lines of 'killed'")
    box = "document.querySelector('.jp-OutputArea-output input[list], .widget-text input')"
    browser.execute_script(f"const box = {box}; box.value = 'captured';"
                           "box.dispatchEvent(new Event('input', {bubbles: true}));"
                           "box.dispatchEvent(new Event('change', {bubbles: true}));")  # fmt: skip
    second = _wait(
        browser,
        "const t = document.querySelector('.toolkit-kwic')?.textContent || '';"
        "return t.includes('captured') ? t : false",
        60,
        "the KWIC lines to follow the new term",
    )
    browser.save_screenshot(str(ARTIFACTS / "explore.png"))
    assert "killed" in first and "captured" not in first.replace("capturing", "")
    assert "captured" in second
    charts = browser.execute_script(_CHARTS)
    assert charts and all(marks > 0 for marks in charts)


def test_the_report_opened_from_disk_draws_every_chart(browser, tmp_path):
    out = tmp_path / "report"
    done = subprocess.run([sys.executable, "-m", "toolkit", "report", "--out", str(out)],
                          capture_output=True, text=True, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    pages = sorted(out.glob("*.html"))
    assert [p.name for p in pages if p.name != "index.html"] == [
        n.replace(".ipynb", ".html") for n in NOTEBOOKS
    ]
    for page in pages:
        if page.name == "index.html":
            continue
        browser.get(page.as_uri())
        drawn = _wait(browser, """
            const charts = [...document.querySelectorAll('.toolkit-chart')];
            if (!charts.every(c => c.classList.contains('vega-embed'))) return false;
            return charts.map(
                c => c.querySelectorAll('svg.marks g[class*="mark-"] > *, canvas').length);
        """, 60, f"the charts of {page.name}")  # fmt: skip
        browser.save_screenshot(str(ARTIFACTS / f"report-{page.stem}.png"))
        browser.execute_script("document.querySelector('.toolkit-chart')"
                               "?.scrollIntoView({block: 'center'})")  # fmt: skip
        time.sleep(0.5)
        browser.save_screenshot(str(ARTIFACTS / f"report-{page.stem}-chart.png"))
        assert drawn and all(count > 0 for count in drawn), (page.name, drawn)


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "this",
             "that", "these", "those", "who", "which", "one"}  # fmt: skip
_DATE_WORDS = {"date", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday",
               "thursday", "friday", "saturday", "sunday", "january", "february", "march",
               "april", "june", "july", "august", "september", "october", "november",
               "december", "week", "month", "year"}  # fmt: skip


def _not_a_source(source: str) -> bool:
    words = source.lower().replace(",", " ").split()
    return (
        len(words) > 8
        or any(ch.isdigit() for ch in source)
        or words[0] in _PRONOUNS
        or any(w in _DATE_WORDS for w in words)
    )


_EMBEDDED = """
return [...document.querySelectorAll('.toolkit-chart')].every(c => c.matches('.vega-embed'));
"""


@pytest.mark.shared_data
def test_the_report_on_real_articles_is_small_bounded_and_well_sourced(browser, tmp_path, shared):
    from toolkit.claims import extract_claims
    from toolkit.io import load_corpus

    corpora = [shared / "corpora" / "wikinews", shared / "corpora" / "fa-kes" / "fakes.csv"]
    out = tmp_path / "real"
    command = [sys.executable, "-m", "toolkit", "report", *map(str, corpora), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-2000:]
    files = [f for f in out.rglob("*") if f.is_file()]
    assert sum(f.stat().st_size for f in files) < 10_000_000
    for spec in out.glob("exports/*.vl.json"):
        text = spec.read_text(encoding="utf-8")
        rows = sum(len(d) for d in json.loads(text).get("datasets", {}).values())
        assert rows < 1_500 and len(text.encode()) < 250_000, (spec.name, rows, len(text))
    assert all(png.stat().st_size < 500_000 for png in out.glob("exports/*.png"))
    for page in sorted(out.glob("0*.html")):
        browser.get(page.as_uri())
        _wait(browser, _EMBEDDED, 60, f"the charts of {page.name}")
        browser.save_screenshot(str(ARTIFACTS / f"real-{page.stem}.png"))
        for n, chart in enumerate(browser.find_elements("css selector", ".toolkit-chart")):
            browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", chart)
            time.sleep(0.3)
            browser.save_screenshot(str(ARTIFACTS / f"real-{page.stem}-chart-{n + 1:02d}.png"))
    sources = extract_claims(load_corpus(corpora), workers=2)["attributed_to"].drop_nulls()
    assert sources.len() > 500
    assert [s for s in sources.unique().sort() if _not_a_source(s)] == []
