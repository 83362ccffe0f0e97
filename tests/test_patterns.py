import re

import pytest

from toolkit.text.patterns import finditer_caseless, literals, search_caseless

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


CUED = [  # (stage, pattern): every pattern the claims test cheaply before searching
    ("relations", "_SUBSET_BEFORE"), ("relations", "_UPDATE_BEFORE"), ("relations", "_BACKGROUND"),
    ("linking", "_TOLL_BEFORE"), ("linking", "_NUMBER_OF_BEFORE"), ("mentions", "_SENTENCED"),
    ("persons", "_IDENTIFIED"), ("persons", "_AMONG"), ("persons", "_SELF"),
]  # fmt: skip


def test_literals_are_the_words_every_match_needs():
    assert literals(r"(?i)\b(?:rose|climb(?:ed|s))\s+to\b") == {"rose", "climbed", "climbs"}
    assert literals(r"\bdeaths?\s+of\b", common=["of"]) == {"death", "deaths"}
    assert literals(r"\b(?:the|a)\s+tolls?\b", common=["the", "a"]) == {"toll", "tolls"}
    with pytest.raises(ValueError, match="no literal"):
        literals(r"\d+\s*\w+")


@pytest.mark.shared_data
@pytest.mark.parametrize(("module", "pattern"), CUED, ids=[c[1] for c in CUED])
def test_every_match_in_real_text_passes_its_cheap_test(shared, module, pattern):
    import importlib

    from toolkit import load_corpus, sentences
    from toolkit.claims.lexicon import _may_match

    regex = getattr(importlib.import_module(f"toolkit.claims.{module}"), pattern)
    texts = sentences(load_corpus(shared / "corpora" / "wikinews"))["text"].to_list()
    texts += [  # so that every pattern matches something here too
        "The toll rose to 12, including two who died, since the war began.",
        "The number of deaths rose to 7.", "Among the dead was Brig. Gen. Samer Ali.",
        "The victims were identified as Ali Khan and Omar Said.", "A court sentenced ",
        "He turned the gun on himself.",
    ]  # fmt: skip
    matched = 0
    for text in texts:
        for m in regex.finditer(text):
            matched += 1
            assert _may_match(m.group(), regex), (pattern, m.group())
    assert matched > 0
