"""News-database exports: many articles in one file, split into one record per article.

Three layouts are recognised, in plain text (``.txt``) and in Word (``.docx``, read
paragraph by paragraph without a Word library):

``lexisnexis``
    LexisNexis Academic's text export: each article opens with ``3 of 25 DOCUMENTS``, then
    the outlet, the date line, the headline, labelled fields (``BYLINE:``, ``SECTION:``,
    ``LENGTH: 812 words``, ``DATELINE:``), the body, and closing fields (``LOAD-DATE:``,
    ``LANGUAGE:``, ``PUBLICATION-TYPE:``) and a copyright line.
``nexis-uni``
    Nexis Uni's (LexisNexis Advance) export: headline, outlet, date line, ``Copyright``,
    ``Section:``, ``Length:``, ``Byline:``, a line ``Body``, the body, then
    ``Classification``, ``Language:``, ``Load-Date:`` and ``End of Document``. A cover page
    before the first article (user name, job number, search terms) is passed over.
``factiva``
    Factiva's article format: headline, ``By`` byline, ``812 words``, date, optional time,
    source name, source code, language, copyright, the body, and ``Document`` with the
    accession number.
``factiva-indexed``
    Factiva's "Full Article/Report plus Indexing" format: each field under its code
    (``HD`` headline, ``BY``, ``WC``, ``PD``, ``SN``, ``SE``, ``LP`` lead paragraphs, ``TD``
    text, ``CO``/``IN``/``NS``/``RE`` indexing, ``AN`` accession number), the code alone on
    its line (a Word export's two-column table) or before the value after a tab or spaces.

Each article gives ``title``, ``outlet``, ``published`` (as written), ``byline``,
``section``, ``length_words``, ``text`` and ``export_layout``; Factiva's accession number is
kept as ``document_id``. An article that does not follow its file's layout is reported with
the reason and the line (or paragraph) where it starts.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from xml.etree import ElementTree

__all__ = ["ExportArticle", "docx_paragraphs", "export_layout", "split_export"]

_LAYOUTS = {
    "lexisnexis": re.compile(r"(?m)^\s*\d+ of \d+ DOCUMENTS?\s*$"),
    "nexis-uni": re.compile(r"(?m)^\s*End of Document\s*$"),
    "factiva-indexed": re.compile(r"(?m)^\s*AN\s+Document [A-Za-z0-9]{16,}\s*$"),
    "factiva": re.compile(r"(?m)^\s*Document [A-Za-z0-9]{16,}\s*$"),
}
_FACTIVA_CODE = re.compile(
    r"^(HD|CLM|SE|BY|CR|WC|PD|ET|SN|SC|ED|PG|VOL|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN)"
    r"(?:\s*$|(?:\t|\s{2,})(.+)$)"
)
# the indexed layout's last line: "AN   Document ...", or "Document ..." under a lone "AN"
_FACTIVA_END = re.compile(r"^\s*(?:AN\s+)?Document [A-Za-z0-9]{16,}\s*$")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(rf"^(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH} \d{{4}})\b")
_WORDS = re.compile(r"^(?:Length:\s*)?(\d[\d,]*) words\s*$", re.IGNORECASE)
_FIELD = re.compile(r"^([A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)?):\s*(.*)$")
_LN_OPENING = {"BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "SOURCE", "EDITION"}
_LN_CLOSING = {
    "LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "URL", "GRAPHIC", "SUBJECT", "CORRECTION-DATE",
    "DOCUMENT-TYPE", "NOTES", "ORGANIZATION", "PERSON", "CITY", "COUNTRY", "GEOGRAPHIC",
}  # fmt: skip
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class ExportArticle:
    """One article of an export, or the reason its part of the file could not be read."""

    line: int  # where the article starts: a line of a text file, a paragraph of a DOCX
    fields: dict | None
    reason: str | None = None


def export_layout(text: str) -> str | None:
    """The export layout a text follows, or None for an ordinary article.

    Examples
    --------
    >>> export_layout("  1 of 2 DOCUMENTS\\n\\nThe Times\\n"), export_layout("Just news.")
    ('lexisnexis', None)
    """
    for name, marker in _LAYOUTS.items():
        if marker.search(text):
            return name
    return None


def split_export(lines: list[str], layout: str) -> Iterator[ExportArticle]:
    """The articles of an export, in order, from its lines (or a DOCX's paragraphs).

    Examples
    --------
    >>> export = '''Quake kills 12
    ... By Ana Ruiz
    ... 160 words
    ... 5 January 2010
    ... The Daily Levant
    ... DLEV
    ... English
    ... (c) 2010 The Daily Levant
    ...
    ... An earthquake killed 12 people on Tuesday.
    ...
    ... Document DLEV000020100105e6150000x'''
    >>> article = next(split_export(export.split("\\n"), "factiva")).fields
    >>> article["title"], article["published"], article["length_words"], article["text"]
    ('Quake kills 12', '5 January 2010', 160, 'An earthquake killed 12 people on Tuesday.')
    """
    split, parse = _READERS[layout]
    for start, part in split(lines):
        try:
            fields = parse(part)
        except _LayoutError as error:
            yield ExportArticle(start + 1, None, f"does not follow the {layout} layout: {error}")
            continue
        yield ExportArticle(start + 1, {**fields, "export_layout": layout})


def docx_paragraphs(data: bytes) -> list[str]:
    """The paragraphs of a Word document, as text (tabs and line breaks kept).

    Examples
    --------
    >>> docx_paragraphs(b"not a zip")
    Traceback (most recent call last):
    ...
    ValueError: not a Word document (File is not a zip file)
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            root = ElementTree.fromstring(archive.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise ValueError(f"not a Word document ({error})") from None
    return ["".join(_runs(paragraph)) for paragraph in root.iter(f"{_W}p")]


def _runs(paragraph: ElementTree.Element) -> Iterator[str]:
    for node in paragraph.iter():
        if node.tag == f"{_W}t":
            yield node.text or ""
        elif node.tag == f"{_W}tab":
            yield "\t"
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            yield "\n"


class _LayoutError(ValueError):
    """An article's part of the file does not follow the layout."""


# ---------------------------------------------------------------------------------------------
# splitting a file into articles: (index of the article's first line, its lines)


def _split_before(marker: re.Pattern[str]) -> Callable[[list[str]], Iterator]:
    """Articles that open with a marker line (what comes before the first is not one)."""

    def split(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
        starts = [i for i, line in enumerate(lines) if marker.match(line)]
        for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
            yield start, lines[start + 1 : end]

    return split


def _split_after(marker: re.Pattern[str], keep: bool) -> Callable[[list[str]], Iterator]:
    """Articles that close with a marker line (what follows the last is not one)."""

    def split(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
        start = 0
        for i, line in enumerate(lines):
            if marker.match(line):
                yield _first_filled(lines, start), lines[start : i + 1 if keep else i]
                start = i + 1

    return split


def _first_filled(lines: list[str], start: int) -> int:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), start)


# ---------------------------------------------------------------------------------------------
# reading one article's lines


def _blocks(lines: list[str]) -> list[str]:
    """Runs of non-blank lines, each joined with its line breaks."""
    blocks, run = [], []
    for line in [*lines, ""]:
        if line.strip():
            run.append(line.strip())
        elif run:
            blocks.append("\n".join(run))
            run = []
    return blocks


def _body(lines: list[str]) -> str:
    """Paragraphs separated by blank lines (a DOCX's paragraphs are one per line)."""
    return "\n\n".join(_blocks(lines))


def _words(value: str | None) -> int | None:
    match = _WORDS.match(value or "")
    return int(match.group(1).replace(",", "")) if match else None


def _lexisnexis(lines: list[str]) -> dict:
    blocks = _blocks(lines)
    date = next((i for i, b in enumerate(blocks[:4]) if _DATE_LINE.match(b)), None)
    if date is None or date == 0:
        raise _LayoutError("no outlet and date line after 'N of M DOCUMENTS'")
    fields, body, closing = {}, [], False
    for block in blocks[date + 2 :]:
        found = _FIELD.match(block)
        key = found.group(1) if found else None
        closing = closing or key in _LN_CLOSING
        if key in _LN_CLOSING or (key in _LN_OPENING and not body):
            fields[key] = found.group(2).strip()
        elif not closing:
            body.append(block)
    if "LENGTH" not in fields:
        raise _LayoutError("no 'LENGTH:' line")
    outlet, when = blocks[date - 1], blocks[date].split("\n")
    return _article(
        title=blocks[date + 1] if len(blocks) > date + 1 else None,
        outlet=outlet,
        published=when[0],
        byline=fields.get("BYLINE"),
        section=fields.get("SECTION"),
        length=fields.get("LENGTH"),
        text="\n\n".join(body),
    )


def _nexis_uni(lines: list[str]) -> dict:
    filled = [line.strip() for line in lines]
    if "Body" not in filled:
        raise _LayoutError("no line 'Body' before the article's text")
    body_at = filled.index("Body")
    header = [line for line in filled[:body_at] if line]
    date = next((i for i, line in enumerate(header) if _DATE_LINE.match(line)), None)
    if date is None or date < 2:
        raise _LayoutError("no headline, outlet and date line before 'Body'")
    fields = {m.group(1): m.group(2) for line in header[date:] if (m := _FIELD.match(line))}
    end = next(
        (i for i in range(body_at + 1, len(filled))
         if filled[i] in ("Classification", "Graphic", "Notes", "End of Document")
         or filled[i].startswith("Load-Date:")),
        len(filled),
    )  # fmt: skip
    return _article(
        title=header[date - 2],
        outlet=header[date - 1],
        published=header[date],
        byline=fields.get("Byline"),
        section=fields.get("Section"),
        length=fields.get("Length"),
        text=_body(lines[body_at + 1 : end]),
    )


def _factiva(lines: list[str]) -> dict:
    filled = [line.strip() for line in lines]
    count = next((i for i, line in enumerate(filled) if _WORDS.match(line)), None)
    if count is None:
        raise _LayoutError("no word count line ('812 words')")
    head = [line for line in filled[:count] if line]
    byline = next((line[3:] for line in head if line.startswith("By ")), None)
    titles = [line for line in head if not line.startswith("By ")]
    after = iter(enumerate(filled[count + 1 :], count + 1))
    meta = [(i, line) for i, line in after if line][:8]
    if len(meta) < 4 or not _DATE_LINE.match(meta[0][1]):
        raise _LayoutError("no date, source name, source code and language after the word count")
    rest = meta[1:]
    if re.match(r"^\d{1,2}:\d{2}\b", rest[0][1]):  # a time after the date
        rest = rest[1:]
    copyright_at = next(
        (i for i, line in rest if line.startswith(("(c)", "(C)", "©", "Copyright"))), None
    )
    start = (copyright_at if copyright_at is not None else rest[2][0]) + 1
    end = len(filled) - 1 if filled and filled[-1].startswith("Document ") else len(filled)
    return {
        **_article(
            title=titles[-1] if titles else None,
            outlet=rest[0][1],
            published=meta[0][1],
            byline=byline,
            section=titles[0] if len(titles) > 1 else None,
            length=filled[count],
            text=_body(lines[start:end]),
        ),
        "document_id": filled[-1].removeprefix("Document ").strip() if end < len(filled) else None,
    }


def _factiva_indexed(lines: list[str]) -> dict:
    fields: dict[str, list[str]] = {}
    code = None
    for line in lines:
        if found := _FACTIVA_CODE.match(line.strip()):
            code = found.group(1)
            fields.setdefault(code, []).extend(filter(None, [found.group(2)]))
        elif code:
            fields[code].append(line)
    missing = [code for code in ("HD", "PD", "AN") if not _blocks(fields.get(code, []))]
    if missing or not (fields.get("LP") or fields.get("TD")):
        raise _LayoutError(f"no {', '.join(missing or ['LP or TD'])} field")

    def one(code: str) -> str | None:
        return " ".join(_blocks(fields.get(code, []))).replace("\n", " ") or None

    return {
        **_article(
            title=one("HD"),
            outlet=one("SN"),
            published=one("PD"),
            byline=(one("BY") or "").removeprefix("By ") or None,
            section=one("SE"),
            length=one("WC"),
            text=_body([*fields.get("LP", []), "", *fields.get("TD", [])]),
        ),
        "document_id": one("AN").removeprefix("Document ").strip(),
    }


def _article(**fields: str | None) -> dict:
    length = fields.pop("length")
    return {**fields, "length_words": _words(length)}


_READERS: dict[str, tuple[Callable, Callable[[list[str]], dict]]] = {
    "lexisnexis": (_split_before(_LAYOUTS["lexisnexis"]), _lexisnexis),
    "nexis-uni": (_split_after(_LAYOUTS["nexis-uni"], keep=False), _nexis_uni),
    "factiva": (_split_after(_LAYOUTS["factiva"], keep=True), _factiva),
    "factiva-indexed": (_split_after(_FACTIVA_END, keep=True), _factiva_indexed),
}
