"""Claims side by side: what different sources say of the same outcome, and what they dispute."""

from __future__ import annotations

import functools

import polars as pl

from toolkit.claims.relations import UNCOUNTED_RELATIONS
from toolkit.claims.tolls import _best
from toolkit.wordlists import load_table

__all__ = ["compare_claims", "disputes", "highlight", "tally"]

# what makes claims count the same event: the same victims and outcome, the perpetrator where
# known, the same day and place
_KEYS = ["doc_id", "outcome", "victim_group", "perpetrator", "when_begin", "where"]
_EVENT = [k for k in _KEYS if k != "perpetrator"]
_NONE = (pl.col("figure") == 0).alias("_none")  # a figure of none: see compare_claims


@functools.cache
def source_name() -> pl.Expr:
    """Who says so, one name for each source (``(the article)`` for none), from ``attributed_to``.

    The names of ``wordlists/source_names.csv`` for their many spellings ("the Observatory",
    "The Britain-based Syrian Observatory for Human Rights"), else the source as written, with
    "the UN" and "The UN" one spelling.

    Examples
    --------
    >>> said = pl.DataFrame({"attributed_to": ["the Observatory", "the mayor", "The mayor", None]})
    >>> said.select(source_name()).to_series().to_list()
    ['Syrian Observatory for Human Rights', 'The mayor', 'The mayor', '(the article)']
    """
    said = pl.col("attributed_to")
    bare = said.str.to_lowercase().str.replace(r"^(?:meanwhile,?\s+)?(?:the|a|an)\s+", "")
    named = said.str.replace(r"^the\s", "The ")
    for row in reversed(load_table("source_names")):
        spelt = bare.str.contains(f"^(?:{row['pattern']})$")
        named = pl.when(spelt).then(pl.lit(row["name"])).otherwise(named)
    return named.fill_null("(the article)")


def compare_claims(claims: pl.DataFrame) -> pl.DataFrame:
    """Claims about the same outcome of the same victims and event from different sources.

    Claims are grouped by article, ``outcome``, ``victim_group``, ``perpetrator`` where known,
    ``when_begin`` (the day the sentence refers to) and ``where`` (null matches null): 42
    militants killed by the army and 300 people killed by IS on the same day are two groups,
    not a dispute. A claim that names no perpetrator joins the group of the one perpetrator
    the others name; where they name several, it stands apart. Subsets and a war's background
    tolls are left out. Within a group, each source's figure is the largest it gives (see
    :func:`casualty_tolls` for the single figure of a claim), so a disagreement is flagged
    rather than resolved; but sources that give one figure alike agree on it, and their other
    figures count other incidents or a day's total ("A source at Damascus Police Command" and
    a roundup of the day's attacks both give the 7 injured in one district, and the roundup 20
    in all): they are not disputed. One person harmed ("a woman was killed in the blast") is a
    victim, not a figure a source disputes, and is left out. A figure of none ("No injuries
    were recorded") stands apart from figures of some: in one article it is most often said of
    another incident (an earthquake told beside a fire's 50 injured, a hospital spared in a
    bombardment that killed 26).

    Parameters
    ----------
    claims
        The claims frame of :func:`extract_claims`.

    Returns
    -------
    polars.DataFrame
        ``doc_id``, ``outcome``, ``victim_group``, ``perpetrator``, ``when_begin``, ``where``,
        ``sources`` (how many),
        ``lowest``, ``highest``, ``disputed`` (sources give different figures) and ``says``
        (a list of {``source``, ``figure``}), disputed groups first.

    Examples
    --------
    >>> text = ("The government said 300 people were killed on Saturday. "
    ...         "Activists said 150 people were killed on Saturday.")
    >>> from datetime import date
    >>> from toolkit.claims import extract_claims
    >>> articles = pl.DataFrame({"doc_id": ["a"], "text": [text], "published": [date(2016, 1, 18)]})
    >>> compare_claims(extract_claims(articles)).select(
    ...     "outcome", "sources", "lowest", "highest", "disputed").row(0)
    ('killed', 2, 150, 300, True)
    """
    kept = claims.filter(
        ~pl.col("relation").fill_null("").is_in(UNCOUNTED_RELATIONS),
        ~pl.col("rule").fill_null("").str.starts_with("person_"),
    )
    best = pl.struct("qualifier", "low", "high").map_elements(
        lambda c: _best(c["qualifier"], c["low"], c["high"]), return_dtype=pl.Int64
    )
    per_source = (
        kept.with_columns(
            figure=best,
            source=source_name(),
            perpetrator=_perpetrator_where_known(_EVENT),
        )
        .group_by([*_KEYS, "source", _NONE], maintain_order=True)
        .agg(pl.col("figure").max(), figures=pl.col("figure").unique())
    )
    return (
        per_source.group_by([*_KEYS, _NONE], maintain_order=True)
        .agg(
            sources=pl.len(),
            lowest=pl.col("figure").min(),
            highest=pl.col("figure").max(),
            says=pl.struct("source", "figure"),
            shared=pl.col("figures")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .is_duplicated()
            .any(),  # by two sources
        )
        .with_columns(
            disputed=(pl.col("sources") > 1)
            & (pl.col("lowest") != pl.col("highest"))
            & ~pl.col("shared")
        )
        .sort("disputed", "sources", descending=True, maintain_order=True)
        .select(*_KEYS, "sources", "lowest", "highest", "disputed", "says")
    )


def _perpetrator_where_known(event: list[str]) -> pl.Expr:
    """A claim's perpetrator, or the one perpetrator the other claims of its event name."""
    named = pl.col("perpetrator").drop_nulls()
    return (
        pl.when(named.n_unique().over(event) <= 1)
        .then(named.first().over(event))
        .otherwise(pl.col("perpetrator"))
    )


def tally(claims: pl.DataFrame, by: str | list[str]) -> pl.DataFrame:
    """Claims counted by any columns, with the people they count.

    Subsets and a war's background tolls are left out of ``people``; a source's spellings are
    one name ("the Observatory", "The Britain-based Syrian Observatory for Human Rights": see
    ``wordlists/source_names.csv``). This is the frame behind the "who claims what" and
    "victims by group" charts.

    Examples
    --------
    >>> c = pl.DataFrame({"attributed_to": ["police", "police", None], "outcome": ["killed"] * 3,
    ...     "qualifier": ["exact"] * 3, "low": [5, 2, 4], "high": [5, 2, 4],
    ...     "relation": [None, "subset", None]})
    >>> tally(c, ["attributed_to", "outcome"]).rows()
    [('police', 'killed', 2, 5), ('(the article)', 'killed', 1, 4)]
    """
    by = [by] if isinstance(by, str) else by
    counted = ~pl.col("relation").fill_null("").is_in(UNCOUNTED_RELATIONS)
    return (
        claims.with_columns(source_name().alias("attributed_to"))
        .group_by(by, maintain_order=True)
        .agg(
            claims=pl.len(),
            people=pl.when(counted).then(pl.col("low").fill_null(0)).otherwise(0).sum(),
        )
        .sort("claims", descending=True, maintain_order=True)
    )


def disputes(claims: pl.DataFrame) -> pl.DataFrame:
    """The disputed groups of :func:`compare_claims`, one row per source and figure.

    Columns: ``doc_id``, ``outcome``, ``victim_group``, ``perpetrator``, ``when_begin``,
    ``where``, ``label`` (whose outcome, by whom, when and where in words: "people killed by
    IS, 2016-01-16, Deir el-Zour"; the place left out where none is named; where the same
    words would label disputes in two articles, each label starts with its article's short
    name, the ``doc_id`` after its last "/", so that a chart's truncated labels stay apart),
    ``source`` and ``figure``.
    """
    compared = compare_claims(claims).filter("disputed")
    by_whom = pl.concat_str(pl.lit(" by "), pl.col("perpetrator")).fill_null("")
    label = pl.concat_str(
        pl.concat_str(pl.col("victim_group"), pl.lit(" "), pl.col("outcome"), by_whom),
        pl.col("when_begin").cast(pl.String).fill_null("undated"),
        pl.col("where"),
        separator=", ",
        ignore_nulls=True,
    )
    shared = pl.col("doc_id").n_unique().over("label") > 1  # one label, two articles' disputes
    return (
        compared.with_columns(label=label)
        .with_columns(
            label=pl.when(shared)
            .then(pl.concat_str(_short_id(), pl.lit(": "), "label"))
            .otherwise("label")
        )
        .explode("says")
        .unnest("says")
        .select(*_KEYS, "label", "source", "figure")
    )


def _short_id() -> pl.Expr:
    """An article's ``doc_id`` after its last "/" ("fa-kes/fakes.csv#4" is "fakes.csv#4")."""
    return pl.col("doc_id").str.extract(r"([^/]+)$")


def _bounds(low: int | None, high: int | None) -> str:
    """A count's bounds in words: "12", "at least 40", "at most 39", "36 to 40"."""
    if low == high:
        return str(low)
    if high is None:
        return f"at least {low}"
    if low is None:
        return f"at most {high}"
    return f"{low} to {high}"


def highlight(claims: pl.DataFrame, *, limit: int | None = None) -> str:
    """An HTML view of each claim's sentence: the count, the victims and the source marked.

    Display it in a notebook with ``IPython.display.HTML(highlight(claims))``.

    Examples
    --------
    >>> from toolkit.claims import extract_claims
    >>> text = "Police said 12 civilians were killed."
    >>> claims = extract_claims(pl.DataFrame({"doc_id": ["a"], "text": [text]}), dates=False)
    >>> html = highlight(claims)
    >>> '<mark class="count">12</mark>' in html and '<mark class="source">Police</mark>' in html
    True
    """
    import html

    rows = []
    for row in claims.head(limit or claims.height).iter_rows(named=True):
        sentence, marks = row["sentence"], []
        at = row["start"] - row["sentence_start"]
        marks.append((at, at + len(row["quantity"]), "count"))
        for field, kind in (("victims", "victims"), ("attributed_to", "source")):
            # a source as the article spells it there: "police" resolves "Police said"
            found = sentence.lower().find(row[field].lower()) if row.get(field) else -1
            if found >= 0 and not any(
                found < e and s < found + len(row[field]) for s, e, _ in marks
            ):
                marks.append((found, found + len(row[field]), kind))
        out, cursor = [], 0
        for start, end, kind in sorted(marks):
            out += [html.escape(sentence[cursor:start]),
                    f'<mark class="{kind}">{html.escape(sentence[start:end])}</mark>']  # fmt: skip
            cursor = end
        out.append(html.escape(sentence[cursor:]))
        label = html.escape(f"{row['outcome']}: {_bounds(row['low'], row['high'])}")
        rows.append(f"<li><b>{label}</b> {''.join(out)}</li>")
    style = ("<style>.claims mark.count{background:#f4c7b8}.claims mark.victims{background:#cfe3f0}"
             ".claims mark.source{background:#d7ebd0}</style>")  # fmt: skip
    return f'{style}<ul class="claims">{"".join(rows)}</ul>'
