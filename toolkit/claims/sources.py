"""Who says so: attributions in news style, sentence by sentence.

Recognised: "X said" (and told, reported, claimed, confirmed, added... the verbs in
``wordlists/reporting_verbs.txt``), "said X" after a quotation or a comma ("Two died, said Sgt.
John Smith"), "according to X" and "X, according to Y". A pronoun source ("He added", "She
said", "They told") is resolved to the last named source earlier in the same article, and so
is a noun that points back at one ("The group added", "the source said":
``wordlists/anaphoric_sources.txt``); a relative clause after the name ("Abu Leila, who heads
the Deir Ezzor 24 news network, said") is left out of the source.

The attributions frame: ``doc_id``, ``sent_id``, ``start``, ``end`` (offsets of the source
in the article text), ``source`` (as written), ``cue`` (the verb or "according to"),
``resolved`` (the source, or for a pronoun or "the group" the name it stands for,
``"(unnamed source)"`` when none was named before it: counted as unresolved, never charted as
"He"; a group in one spelling wherever it stands, "police" for "Police said" and "police
said"). A source is a name, a role or a group of at most eight words: never a number, a date
word, a lone function word or a clause cut short (see :func:`_is_source`).

Candidate sentences are found with one polars expression over all sentences; only those are
parsed in Python.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import polars as pl

from toolkit.text.patterns import alternation, finditer_caseless, lower
from toolkit.wordlists import load as load_wordlist
from toolkit.wordlists import number_words, time_words

__all__ = ["ATTRIBUTION_SCHEMA", "UNNAMED", "attributions"]

#: What :func:`attributions` returns: per attribution, where it is, who says so (``source``, as
#: written; ``resolved``, a pronoun replaced by the last named source, :data:`UNNAMED` when none
#: was named before it) and the ``cue``.
ATTRIBUTION_SCHEMA = pl.Schema({
    "doc_id": pl.String, "sent_id": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
    "source": pl.String, "cue": pl.String, "resolved": pl.String,
})  # fmt: skip

_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# a pronoun that opens a clause: "We have been surprised by ...", "Weve killed over 20"
_PRONOUN_OPENINGS = _PRONOUNS | {"weve", "ive", "theyve", "hes", "shes", "its", "you"}
_TIME_WORDS = (
    r"(?i)(?:yesterday|today|tonight|earlier|later|meanwhile|however|in |on |at |by |"
    r"after |before |during )"
)
_FUNCTION_WORDS = load_wordlist("stopwords_en")
# Words a source never ends with: a verb or a function word shows a clause cut short.
_NOT_LAST_WORDS = _FUNCTION_WORDS - _PRONOUNS
# ... nor begins with, but for articles ("the ministry", "another report") and acronyms ("US")
_SOURCE_NOT_FIRST = _FUNCTION_WORDS - _PRONOUNS - {"the", "a", "an", "another"}
_TIME_NAMES = {name.lower() for kind in ("month", "weekday") for name in time_words(kind)} | {
    "date", "today", "yesterday", "tomorrow", "tonight", "initial", "earlier", "later"}  # fmt: skip
_NOT_SPEAKERS = load_wordlist("non_source_words")
_ANAPHORIC = load_wordlist("anaphoric_sources")  # "the group": the source named before
#: Who says so where the words point back at no source named before ("He said", "The source said")
UNNAMED = "(unnamed source)"
# Sources in lower case that still name who speaks ("police said").
_GROUP_SOURCE = re.compile(r"(?:officials?|police|authorities|activists|witnesses|residents)\b")


@functools.cache
def _verbs() -> str:
    return alternation(load_wordlist("reporting_verbs"))


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    verbs = _verbs()
    name = r"[^\s,.;:“”\"]+(?:\s+[^\s,.;:“”\"]+){0,7}?"
    return {
        "cue": re.compile(rf"(?i)\b(?:{verbs})\b"),
        # a full stop ends the source, unless it follows an initial ("the U.N.", "U.S. embassy")
        "according": re.compile(
            r"\baccording to\s+(?P<source>[^,;:“”\"]+?)"
            r"(?=\s*[,;:“”\"]|(?<!\b(?-i:[A-Z]))\.|$)",
            re.I,
        ),
        "after": re.compile(rf",?[”\"]\s*(?P<cue>{verbs})\s+(?P<source>{name})(?=\s*[,.;:]|$)"),
        # ... or after a comma, a name to the next comma or the end ("..., said Sgt. John Smith")
        "inverted": re.compile(
            r",\s+(?P<cue>said|says)\s+(?P<source>(?:(?:the|a|an)\s+)?"
            rf"(?:[A-Z]|{_GROUP_SOURCE.pattern})[^,;:“”\"]{{0,80}}?)"
            r"(?=\s*[,;:“”\"]|\.?\s*$|\s+(?:in|at|during)\s+(?:a|an|the)\s)"  # "in a briefing"
        ),
        "before": re.compile(
            rf"(?P<source>(?:[A-Z“\"]|\b(?:the|a|an|local|state|police|officials?)\b)[^;:]*?)"
            rf"(?:,\s*(?:who|which|whose)\b[^,]*,)?\s+(?:(?:also|later|further|then|has|have|had|"
            rf"previously|earlier|separately)\s+)?(?P<cue>{verbs})\b"
        ),
    }


_LEADING = re.compile(r"^(?:[,;:—–\s]|and\s|but\s)+")
# a relative clause after the source, with a comma or, in unpunctuated text, without one
_RELATIVE = re.compile(r"(?:,\s*|\s+)(?:who|which|whose)\b.*$")
_SPLITTERS = (re.compile(r",\s+|\s[-–—]\s+"), re.compile(r"\bthat\s+"), re.compile(r"\bciting\s+"))
_APPOSITIVE = re.compile(r"(?:a|an|the|of|from)\b|[a-z]+ (?:for|of|at)\b")
_OPENING = re.compile(_TIME_WORDS)
_PREFIX = re.compile(r"^(?:on\s+\w+|yesterday|today|earlier|later|also|in a statement)\s+", re.I)


def _clean(source: str) -> str:
    source = _LEADING.sub("", source).strip(" ,“”\"'")
    source = _RELATIVE.sub("", source)
    # The subject is the last clause, after the last comma or "that", unless that clause is
    # an appositive describing a name before it ("Jasim Uddin, a spokesperson for ...").
    for splitter in _SPLITTERS:
        parts = [p for p in splitter.split(source) if p.strip()]
        if len(parts) > 1:
            last, before = parts[-1], parts[-2].strip()
            appositive = _APPOSITIVE.match(last) and not _NAMED_TAIL.fullmatch(last.strip())
            named = before[:1].isupper() and not _OPENING.match(before)
            source = before if appositive and named else last  # a name after a description:
            # "The Western-backed Syrian rebel group, the Free Syrian Army, says"
    words = source.split()
    head, _, tail = source.partition(" of ")
    if len(words) > 5 and tail and (len(words) > 8 or not _NAMED_TAIL.fullmatch(tail)):
        source = head  # "Chief Superintendent X of the police of ...", not "Secretary of State
        # John Kerry" nor "The President of the United States Barack Obama"
    source = _TRAILING_TIME.sub("", _PREFIX.sub("", source).strip())
    source = _LEADING_DATE.sub("", source) if source[:1].isupper() else source
    return _TIME_AROUND.sub("", source)  # "Early on Monday the military", "SANA Thursday"


_NAMED_TAIL = re.compile(r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:the\s+)?[A-Z][\w’'.-]*)*")


_WHEN = (
    r"(?:(?:early|late|elsewhere|recently|meanwhile|published|updated|dated)\s+)*"
    r"(?:(?:on|in|at|since|by|from)\s+)?"
    rf"(?:{'|'.join(sorted(_TIME_NAMES - {'initial', 'earlier', 'later', 'may'}))}|"
    r"(?:last|this)\s+(?:week|month|year))(?:\s+\d+)*"
)
# A time phrase before or after the source ("Early on Monday the military", "SANA Thursday",
# "The U.N. in August"), not inside a name ("the Sunday Times")
_TIME_AROUND = re.compile(rf"(?i)^{_WHEN}\s+|\s+{_WHEN}$")


_TRAILING_TIME = re.compile(
    r"(?i)\s+(?:on|in|at|last|this|late|early|during|over)\s+(?:\w+\s+)?(?:\w+day|night|morning|evening|"
    r"afternoon|week|month|year)$"
)


# A verb and its object inside the words, or a count: a clause, not a name ("The bombardment
# struck the town", "The incident comes after another report", "independent monitors hundreds")
_CLAUSE = re.compile(
    r"\b(?!(?:at|of|in|for|from|on|with|by|to|and|or|near|inside|outside|during|after|"
    r"before|over|under|between|across|within|into|against|about|like)\b)[a-z]+\s+"
    r"(?:the|a|an|another|hundreds|dozens|thousands)\b|\b[Aa]ccording\s+to\b"
)
# Dates and time words before a source: "Monday SANA", "Published April 2 2017 Syrian forces"
_LEADING_DATE = re.compile(
    r"^(?:(?:[Pp]ublished|[Uu]pdated|[Oo]n)\s+)?(?:(?:\w+day|\d+|[A-Z][a-z]+\s+\d+)\s+)+"
)


# Verbs a name never holds, and "what", which opens a clause: with one, the words are a clause
# ("Johnson has repeatedly stated", "The numbers could not be", "from what activists")
_AUXILIARIES = set(
    "was were is are has have had will would continues must can could should might may what".split()
)
# A name that ends with a number: "Deir Ezzor 24", "Channel 4", "The Observatory and Deir Ezzor 24"
_NAME_WITH_NUMBER = re.compile(r"[A-Z][\w'’.-]*\s+(?:(?:[A-Z][\w'’.-]*|and|of|the|for)\s+)*\d+")


def _is_source(source: str) -> bool:
    """Whether the words can name who says so: a name, a role or a group, at most 8 words.

    Not a number ("33 were"), a date word ("Date", "Monday"), a lone function word ("By",
    "Some", "It"; a pronoun is resolved later), a clause cut short ("Turkey has an") or a
    bracket's first words ("Around 4 May 2020 (as reported)").
    """
    words = source.lower().split()
    if not words or len(words) > 8 or words[-1] in _NOT_SPEAKERS:
        return False
    if source.count("(") != source.count(")") or _AUXILIARIES.intersection(source.split()):
        return False  # "the US government was following up on press (reports)": a clause
    if len(words) > 1 and words[0] in _PRONOUN_OPENINGS:
        return False  # a clause: "We know large numbers", "It has"
    if any(ch.isdigit() for ch in source) and not _NAME_WITH_NUMBER.fullmatch(source):
        return False  # "Syrian regime forces killed 48", "Air strikes kill 12 in ..."
    if words[0][0].isdigit() or words[0] in number_words() or words[-1] in _NOT_LAST_WORDS:
        return False
    first = source.split()[0]
    if (words[0] in _SOURCE_NOT_FIRST and not first.isupper()) or _CLAUSE.search(source):
        return False  # "As a result", "At least 30 militants", "Syrian tanks shelled the city"
    if len(words) == 1 and words[0] not in _PRONOUNS:
        return words[0] not in _FUNCTION_WORDS and words[0] not in _TIME_NAMES
    return True


def _matches(sentence: str) -> Iterator[tuple[str, re.Match]]:
    """Each pattern's matches, searched only where they can be: the cheap tests save most time."""
    patterns = _patterns()
    if "according" in lower(sentence):
        yield from (("according", m) for m in patterns["according"].finditer(sentence))
    if '"' in sentence or "”" in sentence:
        yield from (("after", m) for m in patterns["after"].finditer(sentence))
    if ", said " in sentence or ", says " in sentence:
        yield from (("inverted", m) for m in patterns["inverted"].finditer(sentence))
    cues = [m.end() for m in finditer_caseless(patterns["cue"], sentence)]
    if cues:  # a source comes before its verb: no need to read past the last one
        yield from (("before", m) for m in patterns["before"].finditer(sentence, 0, cues[-1]))


# a reporting verb that states nothing: "claimed the lives of", "claims at least one life", "a
# blast claimed by IS"
_NO_STATEMENT = re.compile(
    r"\s+(?:(?:the|about|around|some|nearly|almost|over|more\s+than|at\s+least|up\s+to|an\s+"
    r"estimated)\s+)*(?:[\d,.]+\s+(?:million\s+|thousand\s+)?|\w+\s+of\s+(?:the\s+)?|[a-z]+\s+)?"
    r"(?:lives|life)\b"
    r"|\s+by\b",
    re.I,
)  # ... "The Civil War claimed about 620,000 lives", "claimed thousands of lives"


_COUNT = re.compile(r"\d")


def _find(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, source, cue) of each attribution in one sentence."""
    found = []
    for kind, match in _matches(sentence):
        raw = match.group("source")
        source = _clean(raw)
        if not _is_source(source):
            continue
        first, *rest = source.split()
        lower_case = (  # not "the UN", a name after its article
            source[0].islower()
            and first.lower() not in _PRONOUNS
            and not (first in ("the", "a", "an") and rest and rest[0][:1].isupper())
        )
        if kind == "before" and lower_case and not _GROUP_SOURCE.match(source):
            continue
        if kind == "before" and _NO_STATEMENT.match(sentence, match.end()):
            continue
        if kind == "before" and _COUNT.search(raw, raw.find(source) + len(source)):
            continue  # a count between the words and the verb: "Airstrikes on ... killed 36 ..."
        start = match.start("source") + raw.find(source)
        cue = "according to" if kind == "according" else match.group("cue")
        found.append((start, start + len(source), source, cue))
    found.sort()
    return [f for i, f in enumerate(found) if not any(g[0] <= f[0] < g[1] for g in found[:i])]


def _as_named(source: str) -> str:
    """One spelling of a source wherever a sentence puts it: "Police said", "the UN said"."""
    if _GROUP_SOURCE.fullmatch(source.lower()):
        return source.lower()
    return source[0].upper() + source[1:] if source.startswith(("the ", "a ", "an ")) else source


def attributions(articles: pl.DataFrame, *, sentences: pl.DataFrame | None = None) -> pl.DataFrame:
    """Every attribution in the articles, with pronoun sources resolved.

    Examples
    --------
    >>> text = ("Abu Leila, who heads a news network, said clashes went on. "
    ...         "He added that 12 died, according to activists and state media.")
    >>> arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    >>> for row in attributions(arts).select("sent_id", "source", "cue", "resolved").rows():
    ...     print(row)
    (0, 'Abu Leila', 'said', 'Abu Leila')
    (1, 'He', 'added', 'Abu Leila')
    (1, 'activists and state media', 'according to', 'activists and state media')
    """
    from toolkit.text.segment import sentences as split

    sents = split(articles) if sentences is None else sentences
    cue = rf"(?i)\baccording to\b|\b(?:{_verbs()})\b"
    candidates = sents.filter(pl.col("text").str.contains(cue))
    rows = []
    last_named: dict[str, str] = {}
    for doc_id, sent_id, offset, text in candidates.select(
        "doc_id", "sent_id", "start", "text"
    ).iter_rows():
        for start, end, source, verb in _find(text):
            if source.lower() in _PRONOUNS or source.lower() in _ANAPHORIC:
                resolved = last_named.get(doc_id, UNNAMED)  # "He added", "The group added"
            else:
                resolved = last_named[doc_id] = _as_named(source)
            rows.append((doc_id, sent_id, offset + start, offset + end, source, verb, resolved))
    return pl.DataFrame(rows, schema=ATTRIBUTION_SCHEMA, orient="row")
