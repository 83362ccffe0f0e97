"""Regular expressions for long word lists, built as a trie.

Python's ``re`` tries the alternatives of ``day|days|december|...`` one by one at every position
of the text. The same words branching letter by letter (``d(?:ays?|ecember)``) match exactly the
same strings, longest first, and scan several times faster: ``benchmarks/claims.py`` spends most of
its dating time finding the time words.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _sre
from collections.abc import Iterable, Iterator, Sequence


def alternation(words: Iterable[str], *, whitespace: bool = False, dotted: bool = False) -> str:
    r"""A non-capturing group matching any of the words, the longest first where several fit.

    With ``whitespace``, a space in a word matches any run of white space. With ``dotted``, a
    word that is the prefix of a longer one (an abbreviation such as "Sept") may take a full
    stop.

    Examples
    --------
    >>> alternation(["day", "days", "december"])
    '(?:d(?:ay(?:s)?|ecember))'
    >>> alternation(["sept", "september"], dotted=True)
    '(?:sept(?:ember|\\.?))'
    >>> bool(re.fullmatch(alternation(["in the end"], whitespace=True), "in  the end"))
    True
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    space = r"\s+" if whitespace else r"\ "
    return "(?:" + _branches(trie, space, dotted) + ")"


def _branches(node: dict, space: str, dotted: bool) -> str:
    branches = [
        (space if char == " " else re.escape(char)) + _branches(child, space, dotted)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body}|\\.?)" if dotted else f"(?:{body})?"


def _lowered(pattern: re.Pattern) -> re.Pattern:
    # keyed by the pattern's id (hashing a compiled pattern hashes all its code); the entry
    # holds the pattern too, so that its id is not reused while the entry lives
    entry = _CASED.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        cased = re.compile(pattern.pattern.removeprefix("(?i)"), pattern.flags & ~re.IGNORECASE)
        entry = _CASED[id(pattern)] = (pattern, cased)
    return entry[1]


_CASED: dict[int, tuple[re.Pattern, re.Pattern]] = {}
_LAST_LOWERED = ("", "")  # the last text lowered and its lower case: one tuple, swapped whole


def lower(text: str) -> str:
    """``text.lower()``, computed once for the text asked for several times in a row.

    The claim rules lower each sentence many times over; the last text and its lower case are
    kept (compared by identity), so that the repeats cost nothing.

    Examples
    --------
    >>> lower("Three Killed")
    'three killed'
    """
    global _LAST_LOWERED
    last = _LAST_LOWERED
    if last[0] is text:
        return last[1]
    lowered = text.lower()
    _LAST_LOWERED = (text, lowered)
    return lowered


def finditer_caseless(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a ``(?i)`` pattern of lower-case words, run faster.

    The text is lower-cased and searched case-sensitively, which ``re`` does several times
    faster. The matches' offsets hold for `text`; their strings are lower case, so slice `text`.

    Examples
    --------
    >>> pattern = re.compile(r"(?i)\\bdozens\\b")
    >>> [m.span() for m in finditer_caseless(pattern, "Dozens came, then dozens more.")]
    [(0, 6), (18, 24)]
    """
    pattern, text = _caseless(pattern, text)
    return pattern.finditer(text)


def search_caseless(
    pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None
) -> re.Match | None:
    """``pattern.search(text, pos, endpos)`` for a ``(?i)`` pattern of lower-case words, faster.

    As :func:`finditer_caseless`: the match's offsets hold for `text`, its strings are lower case.

    Examples
    --------
    >>> pattern = re.compile(r"(?i)\\btoll\\s+rose\\s+to\\s+$")
    >>> search_caseless(pattern, "The TOLL rose to 12", 0, 17).span()
    (4, 17)
    """
    pattern, text = _caseless(pattern, text)
    return pattern.search(text, pos, len(text) if endpos is None else endpos)


def _caseless(pattern: re.Pattern, text: str) -> tuple[re.Pattern, str]:
    """The pattern and text to search: both in lower case, unless lowering moves offsets."""
    lowered = lower(text)
    if len(lowered) != len(text):  # a few characters change length: offsets would not hold
        return pattern, text
    return _lowered(pattern), lowered


# ---------------------------------------------------------------------------------------------
# literal pre-filters derived from a pattern

_MAX_EXACT = 256  # strings an element may stand for before it counts as open-ended


def literals(pattern: re.Pattern | str, *, common: Iterable[str] = ()) -> frozenset[str]:
    """Lower-case strings one of which is in every match of `pattern`: its cheap pre-filter.

    ``any(word in text.lower() for word in literals(p))`` is False only where `p` cannot
    match, so a search can be skipped on most texts without being written twice. Of the sets
    that would do, the one whose words are least `common` (and then longest) is taken.

    Examples
    --------
    >>> sorted(literals(r"(?i)\\b(?:rose|climb(?:ed|s))\\s+to\\b"))
    ['climbed', 'climbs', 'rose']
    >>> sorted(literals(r"\\bof\\s+(?:them|whom)\\b", common=["of"]))
    ['them', 'whom']
    """
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    found = _required(_sre.parse(source, flags), frozenset(map(str.lower, common)))
    if not found:
        raise ValueError(f"no literal is in every match of {source!r}")
    return found


def _exact(items: Sequence) -> set[str] | None:
    """Every string a sequence of pattern items matches, if they are few; else None."""
    strings = {""}
    for op, arg in items:
        if op is _c.LITERAL:
            options = {chr(arg).lower()}
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            options = {""}  # zero-width: the strings either side stay contiguous
        elif op is _c.SUBPATTERN:
            options = _exact(arg[-1])
        elif op is _c.BRANCH:
            branches = [_exact(branch) for branch in arg[1]]
            options = None if None in branches else set().union(*branches)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and arg[:2] == (0, 1):
            inner = _exact(arg[2])
            options = None if inner is None else inner | {""}
        else:
            return None
        if options is None or len(strings) * len(options) > _MAX_EXACT:
            return None
        strings = {s + o for s in strings for o in options}
    return strings


def _required(items: Sequence, common: frozenset[str]) -> frozenset[str] | None:
    """The best set of strings one of which every match of the items holds (None: none)."""
    candidates, run = [], []

    def close_run() -> None:
        if run and (strings := _exact(run)) is not None and "" not in strings:
            candidates.append(frozenset(strings))
        run.clear()

    for op, arg in items:
        run.append((op, arg))
        if _exact([(op, arg)]) is not None:
            continue
        run.pop()
        close_run()
        inner = None
        if op is _c.SUBPATTERN:
            inner = _required(arg[-1], common)
        elif op is _c.BRANCH:
            branches = [_required(branch, common) for branch in arg[1]]
            inner = None if None in branches else frozenset().union(*branches)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            inner = _required(arg[2], common)
        if inner:
            candidates.append(inner)
    close_run()
    if not candidates:
        return None
    return max(candidates, key=lambda s: (not (s & common), min(map(len, s))))
