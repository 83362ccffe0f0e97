"""Decoding bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else a legacy code page.

The legacy fall-back is windows-1252 as web browsers read it (the WHATWG variant): the five
bytes that windows-1252 leaves undefined map to the C1 control characters of the same value,
so that every byte sequence decodes and nothing is lost.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

LEGACY_ENCODING = "windows-1252"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _c1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return "".join(chr(b) for b in bad), error.end


codecs.register_error("toolkit-c1", _c1_fallback)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and where UTF-8 first failed."""

    text: str
    encoding: str
    bad_line: int | None = None

    @property
    def is_legacy(self) -> bool:
        """Whether the text needed the legacy fall-back."""
        return self.encoding == LEGACY_ENCODING


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding announced by a byte-order mark at the start of `data`, if any.

    Examples
    --------
    >>> bom_encoding(b"\\xef\\xbb\\xbfhello")
    'utf-8-sig'
    >>> bom_encoding(b"hello") is None
    True
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode(data: bytes) -> Decoded:
    """Decode `data` as UTF-8 or BOM-marked UTF-16, else as windows-1252.

    Examples
    --------
    >>> decode("café".encode()).text
    'café'
    >>> d = decode("café\\n• bullet".encode("cp1252"))
    >>> d.encoding, d.bad_line, d.text.splitlines()[1]
    ('windows-1252', 1, '• bullet')
    """
    encoding = bom_encoding(data) or "utf-8"
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        if encoding != "utf-8":
            raise
        line = data.count(b"\n", 0, error.start) + 1
        return Decoded(data.decode(LEGACY_ENCODING, "toolkit-c1"), LEGACY_ENCODING, line)


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of a file look like binary data rather than text.

    NUL bytes never occur in UTF-8 or windows-1252 text; UTF-16 text (which has them) is
    recognised by its byte-order mark.

    Examples
    --------
    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"), looks_binary(b"plain text")
    (True, False)
    """
    return bom_encoding(head) not in ("utf-16",) and b"\x00" in head
