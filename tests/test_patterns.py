import re

import pytest

from toolkit.text.patterns import finditer_caseless, search_caseless

PATTERN = re.compile(r"(?i)\b(?:killed|the\s+toll)\b")
TEXTS = [
    "KILLED in Idlib; The Toll rose. Killed again.",
    "İstanbul: the toll rose, and 3 were killed",  # "İ" lower-cases to two characters
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_caseless_scans_find_what_the_ignore_case_pattern_finds(text):
    assert [m.span() for m in finditer_caseless(PATTERN, text)] == [
        m.span() for m in PATTERN.finditer(text)
    ]
    for pos, endpos in [(0, len(text)), (3, len(text)), (0, max(0, len(text) - 8))]:
        found, expected = (
            search_caseless(PATTERN, text, pos, endpos),
            PATTERN.search(text, pos, endpos),
        )
        assert (found and found.span()) == (expected and expected.span())
