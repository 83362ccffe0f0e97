"""Downloading public corpora, tested against a local HTTP server on loopback (never the web)."""

import hashlib
import http.server
import threading
from functools import partial

import pytest

from toolkit.io.datasets import DATASETS, Dataset, DatasetError, RemoteFile, download, load_dataset

CSV = "url,date,title,text\nhttp://a,2020-01-02,T,Five people were killed on Monday.\n"


@pytest.fixture
def server(tmp_path):
    """Serve a folder on 127.0.0.1 and count the requests."""
    root = tmp_path / "www"
    root.mkdir()
    (root / "news.csv").write_text(CSV)
    requests = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            super().do_GET()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=root))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()


def _dataset(url, sha=None):
    sha = sha or hashlib.sha256(CSV.encode()).hexdigest()
    return Dataset("local", (RemoteFile(f"{url}/news.csv", sha, "news.csv"),))


def test_download_checks_writes_once_and_loads(server, tmp_path, capsys):
    url, requests = server
    cache = tmp_path / "cache"
    folder = download(_dataset(url), cache=cache)
    assert (folder / "news.csv").read_text() == CSV
    assert "news.csv: 100%" in capsys.readouterr().err  # the progress line
    download(_dataset(url), cache=cache)
    assert requests == ["/news.csv"]  # the checked copy in the cache is reused
    articles = load_dataset(_dataset(url), cache=cache, progress=False)
    assert articles["text"].to_list() == ["Five people were killed on Monday."]


def test_a_corrupt_download_leaves_nothing_behind(server, tmp_path):
    url, _ = server
    with pytest.raises(DatasetError, match="does not match its checksum"):
        download(_dataset(url, sha="0" * 64), cache=tmp_path / "cache", progress=False)
    assert list((tmp_path / "cache" / "local").iterdir()) == []


def test_offline_says_what_to_copy_where(tmp_path):
    dead = Dataset("local", (RemoteFile("http://127.0.0.1:9/news.csv", "0" * 64, "news.csv"),))
    with pytest.raises(DatasetError) as raised:
        download(dead, cache=tmp_path / "cache", progress=False)
    message = str(raised.value)
    assert "could not download http://127.0.0.1:9/news.csv" in message
    assert str(tmp_path / "cache" / "local" / "news.csv") in message
    assert not any((tmp_path / "cache" / "local").iterdir())


def test_the_cache_folder_follows_the_environment(server, tmp_path, monkeypatch):
    url, _ = server
    monkeypatch.setenv("TOOLKIT_DATA_DIR", str(tmp_path / "elsewhere"))
    assert download(_dataset(url), progress=False) == tmp_path / "elsewhere" / "local"


def test_known_datasets_are_pinned_with_checksums():
    assert set(DATASETS) == {"wikinews", "fa-kes"}
    for dataset in DATASETS.values():
        for remote in dataset.files:
            assert remote.url.startswith("https://") and len(remote.sha256) == 64
    with pytest.raises(DatasetError, match="unknown dataset"):
        download("no-such-corpus")


@pytest.mark.shared_data
def test_the_pinned_checksums_match_the_copies_beside_the_project(shared):
    copies = {"wikinews": shared / "corpora" / "wikinews", "fa-kes": shared / "corpora" / "fa-kes"}
    for name, folder in copies.items():
        for remote in DATASETS[name].files:
            digest = hashlib.sha256((folder / remote.name).read_bytes()).hexdigest()
            assert digest == remote.sha256
