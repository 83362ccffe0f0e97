import polars as pl

from toolkit import explore, load_sample
from toolkit.viz.explorer import Explorer


def test_the_views_of_a_term_agree_with_each_other():
    sample = load_sample()
    views = Explorer(sample, every="1d").views("Deir ez-Zor")
    text = sample["text"][0]
    lines = views["kwic"]
    assert lines.height == 12  # every spelling of the city, merged by the alias table
    assert all(
        text[s:e].lower().replace("’", "'") in {"deir el-zour", "deir ezzor", "deir ez-zor"}
        for s, e in lines.select("start", "end").iter_rows()
    )
    assert views["documents"].select("doc_id", "uses").rows() == [
        ("deir-el-zour-offensive.txt", 12)
    ]
    assert views["trend"]["count"].to_list() == [12]
    assert views["collocates"].height > 0


def test_the_widget_links_the_term_box_to_the_views(monkeypatch):
    widget = explore(load_sample(), term="killed")
    assert widget.term.value == "killed"
    assert widget.term.options[0] == "islamic state"  # the most frequent term is offered first
    asked = []
    original = widget.explorer.views
    monkeypatch.setattr(widget.explorer, "views", lambda t: asked.append(t) or original(t))
    widget.term.value = "captured"
    assert asked == ["captured"]
    assert [widget.children[1].get_title(i) for i in range(4)] == [
        "Over time", "In context", "Collocates", "Articles"
    ]  # fmt: skip


def test_an_unknown_term_gives_empty_views_not_an_error():
    views = Explorer(load_sample()).views("zebra")
    assert views["kwic"].height == 0 and views["documents"].height == 0
    assert isinstance(views["collocates"], pl.DataFrame)
