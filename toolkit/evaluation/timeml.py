"""TimeML files in, frames out; and a TempEval-3-style scorer for time expressions.

:func:`read_timeml` reads one ``.tml`` file or a folder of them into two frames: ``documents``
(``doc_id``, ``published``: the document creation time, ``text``: the ``<TEXT>`` content with
every tag stripped) and ``timexes`` (``doc_id``, ``start``, ``end``, ``text``, ``type``,
``value``, ``mod``; character offsets into ``text``, whitespace trimmed). A file that is not
well-formed is reported with its name and line, and the others are still read.

:func:`score_timexes` scores predicted expressions against gold ones the TempEval-3 way:

- a *relaxed* match is any character overlap, a *strict* match an identical span;
- precision is matched predictions / predictions, recall matched gold / gold (not one-to-one);
- type and value accuracy are taken over relaxed-matched gold expressions, preferring the
  prediction with the identical span, else the first overlapping one;
- value F1 = value accuracy x relaxed F1, the measure TempEval-3 ranked systems by.
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

__all__ = ["TimeML", "read_timeml", "score_timexes", "timex_errors"]

TIMEX_SCHEMA = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String,
                "type": pl.String, "value": pl.String, "mod": pl.String}  # fmt: skip


@dataclass
class TimeML:
    """What :func:`read_timeml` returns: the documents, their gold TIMEX3s, and unreadable files."""

    documents: pl.DataFrame
    timexes: pl.DataFrame
    problems: list[str]


def _walk(element: ET.Element, parts: list[str], found: list[tuple[int, int, dict]]) -> None:
    """Append the text under `element` to `parts`, recording the span of every TIMEX3."""
    if element.text:
        parts.append(element.text)
    for child in element:
        start = sum(map(len, parts))
        _walk(child, parts, found)
        if child.tag == "TIMEX3":
            found.append((start, sum(map(len, parts)), dict(child.attrib)))
        if child.tail:
            parts.append(child.tail)


def _published(root: ET.Element) -> date | None:
    dct = root.find("DCT/TIMEX3")
    value = dct.get("value", "") if dct is not None else ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _read_one(path: Path) -> tuple[dict, list[dict]]:
    root = ET.parse(path).getroot()
    body = root.find("TEXT")
    if body is None:
        raise ValueError("no <TEXT> element")
    parts: list[str] = []
    found: list[tuple[int, int, dict]] = []
    _walk(body, parts, found)
    text = "".join(parts)
    doc_id = path.name.removesuffix(".tml")
    rows = []
    for start, end, attrs in found:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        rows.append({"doc_id": doc_id, "start": start, "end": end, "text": text[start:end],
                     "type": attrs.get("type"), "value": attrs.get("value"),
                     "mod": attrs.get("mod")})  # fmt: skip
    return {"doc_id": doc_id, "published": _published(root), "text": text}, rows


def read_timeml(path: str | Path) -> TimeML:
    """Read a TimeML file, or every ``*.tml`` file under a folder, into frames.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.tml").write_text(
    ...     '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2016-01-18">today</TIMEX3></DCT>'
    ...     '<TEXT>Clashes <TIMEX3 tid="t1" type="DATE" value="2016-01-16">Saturday</TIMEX3>.'
    ...     '</TEXT></TimeML>')
    >>> _ = (folder / "b.tml").write_text("<TimeML><TEXT>cut off")
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     result = read_timeml(folder)
    >>> result.timexes.select("doc_id", "start", "end", "text", "value").rows()
    [('a', 8, 16, 'Saturday', '2016-01-16')]
    >>> result.problems
    ['b.tml, line 1: no element found']
    """
    path = Path(path)
    files = sorted(path.rglob("*.tml")) if path.is_dir() else [path]
    if not files:
        raise FileNotFoundError(f"no .tml files in {path}")
    documents, timexes, problems = [], [], []
    for file in files:
        try:
            document, rows = _read_one(file)
        except (ET.ParseError, ValueError) as error:
            line = f", line {error.position[0]}" if isinstance(error, ET.ParseError) else ""
            message = str(error).split(":")[0]
            problems.append(
                f"{file.relative_to(path) if path.is_dir() else file.name}{line}: {message}"
            )
            continue
        documents.append(document)
        timexes.extend(rows)
    if problems:
        warnings.warn(
            f"{len(problems)} TimeML file(s) could not be read: {problems[0]}", stacklevel=2
        )
    frame = pl.DataFrame(
        documents, schema={"doc_id": pl.String, "published": pl.Date, "text": pl.String}
    )
    return TimeML(frame, pl.DataFrame(timexes, schema=TIMEX_SCHEMA), problems)


def _pairs(gold: pl.DataFrame, predicted: pl.DataFrame) -> pl.DataFrame:
    """Every overlapping (gold, predicted) pair in the same document, with row ids."""
    g = gold.select("doc_id", "start", "end", "type", "value").with_row_index("gold_id")
    p = predicted.select("doc_id", "start", "end", "type", "value").with_row_index("sys_id")
    return g.join(p, on="doc_id", suffix="_sys").filter(
        (pl.col("start") < pl.col("end_sys")) & (pl.col("start_sys") < pl.col("end"))
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _best(pairs: pl.DataFrame) -> pl.DataFrame:
    """One prediction per matched gold expression: the same span, else the first overlapping."""
    exact = (pl.col("start") == pl.col("start_sys")) & (pl.col("end") == pl.col("end_sys"))
    return (
        pairs.with_columns(exact=exact)
        .sort("gold_id", "exact", "sys_id", descending=[False, True, False])
        .unique("gold_id", keep="first", maintain_order=True)
    )


def score_timexes(gold: pl.DataFrame, predicted: pl.DataFrame) -> dict[str, float | int]:
    """TempEval-3 scores of `predicted` against `gold` (both with doc_id, start, end, type, value).

    Returns ``gold``, ``predicted``, strict and relaxed precision/recall/F1, ``type_accuracy``,
    ``value_accuracy`` and ``value_f1`` (= value accuracy x relaxed F1).

    Examples
    --------
    >>> gold = pl.DataFrame({"doc_id": ["a", "a"], "start": [0, 20], "end": [6, 28],
    ...                      "type": ["DATE", "DATE"], "value": ["2016-01-18", "2016-01-16"]})
    >>> predicted = pl.DataFrame({"doc_id": ["a", "a"], "start": [0, 20], "end": [6, 24],
    ...                           "type": ["DATE", "DATE"], "value": ["2016-01-18", "2016-01-17"]})
    >>> s = score_timexes(gold, predicted)
    >>> s["strict_f1"], s["relaxed_f1"], s["value_accuracy"], s["value_f1"]
    (0.5, 1.0, 0.5, 0.5)
    """
    pairs = _pairs(gold, predicted)
    exact = pairs.filter(
        (pl.col("start") == pl.col("start_sys")) & (pl.col("end") == pl.col("end_sys"))
    )
    n_gold, n_sys = gold.height, predicted.height
    scores: dict[str, float | int] = {"gold": n_gold, "predicted": n_sys}
    for name, matched in (("strict", exact), ("relaxed", pairs)):
        precision = matched["sys_id"].n_unique() / n_sys if n_sys else 0.0
        recall = matched["gold_id"].n_unique() / n_gold if n_gold else 0.0
        scores |= {f"{name}_precision": precision, f"{name}_recall": recall,
                   f"{name}_f1": _f1(precision, recall)}  # fmt: skip
    best = _best(pairs)
    found = best.height
    scores["type_accuracy"] = (best["type"] == best["type_sys"]).sum() / found if found else 0.0
    scores["value_accuracy"] = (best["value"] == best["value_sys"]).sum() / found if found else 0.0
    scores["value_f1"] = scores["value_accuracy"] * scores["relaxed_f1"]
    return scores


def timex_errors(gold: pl.DataFrame, predicted: pl.DataFrame) -> pl.DataFrame:
    """Gold expressions missed or given another value, and predictions that match no gold one.

    Columns: ``doc_id``, ``kind`` (missed, wrong value, spurious), ``text``, ``value`` (gold),
    ``predicted_text`` and ``predicted_value``.

    Examples
    --------
    >>> gold = pl.DataFrame({"doc_id": ["a"], "start": [0], "end": [6], "text": ["Monday"],
    ...                      "type": ["DATE"], "value": ["2016-01-18"]})
    >>> predicted = gold.with_columns(value=pl.lit("2016-01-11"))
    >>> timex_errors(gold, predicted).select("kind", "value", "predicted_value").row(0)
    ('wrong value', '2016-01-18', '2016-01-11')
    """
    g = gold.with_row_index("gold_id")
    p = predicted.with_row_index("sys_id")
    pairs = _pairs(gold, predicted)
    best = _best(pairs).select("gold_id", "sys_id")
    matched = g.join(best, on="gold_id", how="left").join(
        p.select("sys_id", predicted_text="text", predicted_value="value"), on="sys_id", how="left"
    )
    kind = (
        pl.when(pl.col("sys_id").is_null()).then(pl.lit("missed"))
        .when(pl.col("value") != pl.col("predicted_value")).then(pl.lit("wrong value"))
        .otherwise(None)
    )  # fmt: skip
    wrong = matched.with_columns(kind=kind).filter(pl.col("kind").is_not_null())
    spurious = p.filter(~pl.col("sys_id").is_in(pairs["sys_id"].implode())).select(
        "doc_id",
        kind=pl.lit("spurious"),
        text=pl.lit(None, pl.String),
        value=pl.lit(None, pl.String),
        predicted_text="text",
        predicted_value="value",
    )
    columns = ["doc_id", "kind", "text", "value", "predicted_text", "predicted_value"]
    return pl.concat([wrong.select(columns), spurious.select(columns)])
