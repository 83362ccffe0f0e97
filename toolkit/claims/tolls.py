"""Stage 4, tolls: the claims of an article combined into one figure per outcome.

See :func:`casualty_tolls` for the rules.
"""

from __future__ import annotations

import functools
import re

import polars as pl

from toolkit.claims.extract import extract_claims
from toolkit.claims.lexicon import _ADDITIONAL, _AUX, _PERSON_NOUN_SET, _WORD, _find_outcomes
from toolkit.claims.lists import _AND_END, _joined
from toolkit.claims.relations import _never_an_incident
from toolkit.claims.survivors import _dead_among

__all__ = ["TOLL_SCHEMA", "casualty_tolls"]


# A statement that adds to the toll rather than restating it (_ADDITIONAL), or the hostages
# killed after an attack's own dead: "Four officers were killed and two were abducted. The two
# hostages were killed shortly after" (unless hostages were counted before)
_HOSTAGES = re.compile(
    r"(?i)\b(?:hostages?|captives?|abductees?)\b|\b(?:abducted|kidnapped)\s+and\s+"
    r"(?:was\s+|were\s+)?(?:later\s+)?(?:killed|executed|shot)\b"  # "was abducted and was killed"
)
# ... or the attacker killed after the victims: "Five police officers were killed ... The
# assailant was killed during a standoff with police"
_ATTACKER_KILLED = re.compile(
    r"(?i)(?:the|an?)\s+(?:lone\s+)?(?:assailant|attacker|gunman|shooter|perpetrator)\s+"
    r"(?:was|had\s+been)\s+(?:later\s+)?(?:killed|shot\s+dead)\b"
)
# ... or the other side's dead when it strikes back: "Forces retaliated and killed 4 militants"
_STRUCK_BACK = re.compile(
    r"(?i)\b(?:retaliat\w*|(?:attacked|fought|hit|struck)\s+back|return(?:ed|ing)?\s+"
    r"(?:gun)?fire|search\s+operation|pursued|chased)\b"
)
# ... or a sentence about other victims: "2 other policemen were killed when they arrived", "8
# others were killed by snipers"
_OTHERS_FIRST = re.compile(r"(?i)(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+others?\b")
_TOLL_OUTCOMES = ("killed", "wounded")
#: What :func:`casualty_tolls` returns, one row per article.
TOLL_SCHEMA = pl.Schema(
    {"doc_id": pl.String}
    | {f"{o}{s}": pl.Int64 for o in _TOLL_OUTCOMES for s in ("", "_low", "_high")}
    | {"claims": pl.UInt32}
    | {f"{o}_rule": pl.String for o in _TOLL_OUTCOMES}
)


def _best(qualifier: str, low: int | None, high: int | None) -> int:
    """The single figure a claim stands for: the number as written ("more than 100" is 100)."""
    if qualifier == "more_than" and low is not None:
        return low - 1
    if qualifier == "nearly" and high is not None:
        return high + 1
    if low is not None:
        return low
    return high or 0


Figure = tuple[int, int, int | None]  # best, low, high (None: open)
# A figure, the claims it stands on, and the rule that combined them (see casualty_tolls).
Part = tuple[Figure, list[dict], str]


def _add(a: Figure, b: Figure) -> Figure:
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return a[0] + b[0], a[1] + b[1], high


def _statement(sentence: str, rows: list[dict]) -> Part:
    """The figure of one sentence.

    Counts enumerated in one list add ("two soldiers and three civilians were killed", "A, B
    and C"); a count after a comma alone refines the one before ("Ten people are killed, seven
    from the same family") and does not, nor does a list after a comma that closes a clause
    ("20 bodies had been recovered, eleven women and nine men": the list is a breakdown, and the
    larger of the two stands). Otherwise the largest stands: a headline run into its first
    sentence restates it, and a second source disputes the first.
    """
    chains: list[list[tuple[Figure, dict]]] = []
    enumerated: list[bool] = []
    breakdown: list[bool] = []
    adds: list[bool] = []  # a clause of its own about more victims: "three are also killed"
    cursor, last_end = 0, None
    for row in rows:
        figure = (_best(row["qualifier"], row["low"], row["high"]), row["low"] or 0, row["high"])
        at = _find_word(sentence, row["quantity"], cursor) if row.get("quantity") else -1
        between = sentence[last_end:at] if at >= 0 and last_end is not None else ""
        if chains and between and _joined(between) and not _other_side_after(between, row, chains):
            if len(chains[-1]) == 1:
                breakdown[-1] = _closes_clause(between)
            chains[-1].append((figure, row))
            enumerated[-1] = enumerated[-1] or bool(re.search(_AND_END, between))
        else:
            chains.append([(figure, row)])
            enumerated.append(False)
            breakdown.append(False)
            clause_end = _CLAUSE_END.search(sentence, max(at, 0))
            clause = sentence[last_end or 0 : clause_end.start() if clause_end else len(sentence)]
            # one person in a clause of its own ("49 people dead; the gunman is killed by
            # police"), or the killer's own death ("before turning the gun on himself")
            person = row.get("qualifier") == "none" and (
                ";" in clause
                or row["quantity"].lower().endswith(("himself", "herself", "own life"))
            )
            other_side = _another_group(row, [r for chain in chains[:-1] for _, r in chain])
            more = _ADDITIONAL.search(clause) or _and_others(sentence, (last_end, at), row)
            adds.append(bool(person or other_side or more or _elsewhere(clause)))
        if at >= 0:
            cursor = last_end = at + len(row["quantity"])
    totals = list(map(_chain_total, chains, enumerated, breakdown))
    result = totals[0]
    for total, more in zip(totals[1:], adds[1:], strict=True):
        # more dead after a toll that rose are among its dead: "rose to 7 as crews found two more"
        if more and not any(row.get("relation") == "update" for row in result[1]):
            result = (_add(result[0], total[0]), result[1] + total[1], "sum_of_clauses")
        elif total[0][0] > result[0][0]:
            result = (total[0], total[1], "largest_in_sentence")
        elif len(result[1]) == 1 and result[2] == "single_claim":
            result = (result[0], result[1], "largest_in_sentence")
    return result


_OTHERS_VERB = re.compile(  # not "and several others behind bars"
    r" others\s+(?:\w+ly\s+)?(?:were|are|had|have|suffered|sustained|received|injured|wounded|hurt|"
    r"killed|died)\b"
)


def _and_others(sentence: str, span: tuple[int | None, int], row: dict) -> bool:
    """Whether the count at ``span[1]`` is "and N others" than the count ending at ``span[0]``.

    "Three students were seriously injured and 12 others had minor injuries" are 15; not "2
    injured ... Two people were killed and eight others were injured", others than the killed.
    """
    last_end, at = span
    end = at + len(row.get("quantity") or "")
    return (
        last_end is not None
        and sentence.endswith(" and ", 0, at)
        and bool(_OTHERS_VERB.match(sentence, end))
        and {o[2] for o in _find_outcomes(sentence[last_end:at])} <= {row["outcome"]}
    )


def _other_side_after(between: str, row: dict, chains: list) -> bool:
    """Whether a count after a closed clause names another group than the clause's counts.

    "4 soldiers were killed, three bodies of fighters were found" is two sides' dead, not a
    breakdown of the 4 ("20 bodies were found, eleven women and nine men").
    """
    return _closes_clause(between) and _another_named_group(row, [r for _, r in chains[-1]])


_NAMED_GROUPS = frozenset({"civilians", "children", "troops", "police", "militants", "officials",
                           "journalists"})  # fmt: skip


_ANYONE = frozenset({"people", "persons", "others", "individuals"})


def _side(row: dict) -> str | None:
    """The group a count names: its victim group, else its noun ("raiders"); None for anyone."""
    if row.get("victim_group") in _NAMED_GROUPS:
        return row["victim_group"]
    if row.get("qualifier") == "none":  # one person, the subject of a passive: "a driver was"
        words = (row.get("quantity") or "").lower().split()
        indefinite = words[:1] in (["a"], ["an"], ["another"]) and words[-1] in _PERSON_NOUN_SET
        return words[-1] if indefinite and row.get("rule") == "person_passive" else None
    words = (row.get("victims") or "").lower().split()
    # a short noun phrase only, or a longer one naming one person ("10yr old boy")
    short = 0 < len(words) <= 2 or (0 < len(words) <= 4 and words[-1] in _PERSON_NOUN_SET)
    return words[-1] if short and words[-1] not in _ANYONE else None


def _another_group(row: dict, before: list[dict]) -> bool:
    """Whether a count names a group none of the counts before it names.

    "2 raiders killed and 2 civilians killed" are 4; "300 people ... 42 militants" may
    dispute each other, as "people" may be anyone.
    """
    side = _side(row)
    sides = [_side(r) for r in before]
    return side is not None and bool(sides) and None not in sides and side not in sides


def _another_named_group(row: dict, before: list[dict]) -> bool:
    """Whether a count names a group (troops, militants ...) the named counts before it do not.

    Every count must name its group: a noun alone ("3 beat to death") is not sure enough to
    add a count across clauses or sentences.
    """
    named = [r.get("victim_group") for r in [row, *before]]
    return all(g in _NAMED_GROUPS for g in named) and named[0] not in named[1:]


def _chain_total(chain: list[tuple[Figure, dict]], summed: bool, parts: bool) -> Part:
    """The figure of counts joined in one list: their sum, the largest, or a whole over parts."""
    figures, rows = [f for f, _ in chain], [r for _, r in chain]
    if summed and parts:
        rest = _sum(figures[1:])
        if figures[0][0] >= rest[0]:
            return figures[0], rows[:1], "whole_over_breakdown"
        return rest, rows[1:], "sum_of_list"
    if summed:
        return _sum(figures), rows, "sum_of_list"
    best = max(range(len(chain)), key=lambda i: figures[i][0])
    return figures[best], [rows[best]], "single_claim" if len(chain) == 1 else "largest_of_list"


# Any place named after a preposition, one lower-case word allowed between ("in neighbouring
# Peru"); _PLACE reads only a sentence's first place, for the ``where`` column.
_PLACE_NAMED = re.compile(r"\b(?:in|near|across)\s+(?:the\s+)?(?:[a-z]+\s+)?([A-Z][\w’'-]+)")


def _elsewhere(clause: str) -> bool:
    """Whether a clause after a semicolon names a place the clause before it does not.

    "killed 11 people in Ecuador; in neighbouring Peru, one child died": another place, so
    more victims.
    """
    before, semicolon, after = clause.rpartition(";")
    if not semicolon:
        return False
    there = {m.group(1) for m in _PLACE_NAMED.finditer(after)}
    here = {m.group(1) for m in _PLACE_NAMED.finditer(before)}
    return bool(there and here and not there & here)


def _find_word(sentence: str, words: str, start: int) -> int:
    """Where `words` stand as whole words in the sentence from `start` ("a", not the a in "was")."""
    at = sentence.find(words, start)
    while at >= 0:
        end = at + len(words)
        if not _is_word_char(sentence[at - 1 : at]) and not _is_word_char(sentence[end : end + 1]):
            return at
        at = sentence.find(words, at + 1)
    return -1


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_CLAUSE_END = re.compile(r"[;:]|\.(?:\s|$)")


def _sum(figures: list[Figure]) -> Figure:
    return functools.reduce(_add, figures)


def _closes_clause(between: str) -> bool:
    """Whether the words between two counts end a clause with a comma ("bodies were found, ")."""
    words = _WORD.findall(between.lower())
    return between.rstrip().endswith(",") and (
        any(w in _AUX for w in words) or bool(_find_outcomes(between))
    )


# "another" hurt adds no one to the dead: "Three TI activists were killed and another was
# critically injured" tells the dead of the sentence before again
_ANOTHER_HURT = re.compile(
    r"(?i)\banother\s+(?:[\w-]+\s+){0,2}?(?:(?:was|were|is|are|has\s+been)\s+)?(?:\w+ly\s+)?"
    r"(?:injured|wounded|hurt)(?=\s*(?:[,.;]|$)|\s+(?:in|at|on|by|during|when|while|and)\b)"
    r"|\b(?:injur|wound)(?:ed|ing)\s+[\w-]+\s+more\b"  # "had killed twelve and injured twelve more"
)  # not "Another injured activist died"


def _cues(sentence: str, claims: list[dict]) -> str:
    """The sentence to look for words of more people in (_ADDITIONAL), for its claims' outcome."""
    return _ANOTHER_HURT.sub("", sentence) if claims[0]["outcome"] == "killed" else sentence


def _restated(sentence: str, claims: list[dict]) -> bool:
    """Whether every count of the sentence names people told before.

    "The three were killed separately, each in their homes" restates "Three officials were
    assassinated": "separately" adds no one; nor does "A total of 24 were killed in separate
    operations", a total of all.
    """
    counts = [c for c in claims if c["qualifier"] != "none"]
    return bool(counts) and all(
        re.search(rf"(?i)\b(?:the|total\s+of)\s+{re.escape(c['quantity'])}\b", sentence)
        for c in counts
    )


# A figure told as another report's against the one told ("Some reports claim ...", "One source
# indicates ...", "The villagers contest that figure", "dismissed reports that 14 people were
# shot dead"): a larger one does not raise the toll.
_CONTESTED = re.compile(
    r"(?i)\b(?:contest(?:s|ed|ing)?|dispute[sd]?|disputing|other\s+reports|some\s+reports|"
    r"one\s+source|another\s+source|other\s+sources|(?:dismiss|den(?:y|ie)|reject)(?:s|ed)?\s+"
    r"(?:the\s+)?reports?)\b"
)


def _toll(rows: list[dict]) -> Part:
    """An article's toll for one outcome from its claims in text order (subsets dropped)."""
    total: Part = ((0, 0, 0), [], "none")
    told = False  # whether a figure, not only vague words, has been given
    counted = False  # ... and a count, not only people named one by one
    statements: dict[str, list[dict]] = {}
    for row in rows:
        statements.setdefault(row["sentence"], []).append(row)
    hostages = False  # whether hostages were counted in a sentence before
    for sentence, claims in statements.items():
        part = _statement(sentence, claims)
        figure, best = part[0], total[0][0]
        vague = all(c["qualifier"] == "vague" for c in claims)
        persons = all(c["qualifier"] == "none" for c in claims)  # "Ahmad was wounded"
        # several counts that add up to the toll so far break it down: "The toll rose to 6.
        # Four people died Sunday and two more died Monday"
        breakdown = figure[0] == best and len(part[1]) > 1
        if any(c.get("relation") == "update" for c in claims):
            if figure[0] > best:  # an earlier, larger toll stands
                total = (figure, part[1], "update")
        elif best and (
            (
                (_ADDITIONAL.search(_cues(sentence, claims)) or _OTHERS_FIRST.match(sentence))
                and not _restated(sentence, claims)
                and not breakdown
            )
            or (not hostages and _HOSTAGES.search(sentence))
            or _ATTACKER_KILLED.match(sentence)
            or (  # the other side's dead when it strikes back, or another named group's
                # ("Three soldiers were killed. The bodies of six fighters were found"), not
                # the same figure of several told again
                (figure[0] != best or best == 1)
                and (
                    all(_another_named_group(c, total[1]) for c in part[1])
                    or (
                        _STRUCK_BACK.search(sentence)
                        and all(_another_group(c, total[1]) for c in part[1])
                    )
                )
            )
        ):
            total = (_add(total[0], figure), total[1] + part[1], "separate_incident_added")
        elif vague or (persons and not counted):  # one named is no fewer than "dozens"
            if not counted and figure[0] > best:
                total = part  # a vague word ("scores") does not raise a toll told in figures
        elif told and figure[0] > best and _CONTESTED.search(sentence):
            pass  # a second source's larger figure disputes the first: the lower stands
        elif not told or figure[0] > best:
            total = part if not told else (figure, part[1], "larger_later")
        told = told or not vague
        counted = counted or not (vague or persons)
        hostages = hostages or bool(_HOSTAGES.search(sentence))
    if total[1] and all(c["qualifier"] == "vague" for c in total[1]):
        total = (total[0], total[1], "vague_words")
    return total


Kept = dict[str, dict[str, list[dict]]]  # doc_id -> outcome -> claims in text order


def _kept(claims: pl.DataFrame) -> tuple[Kept, Kept]:
    """The claims a toll may stand on, and those that count only where there is no other.

    A war's background tolls and earlier events recalled are left out. Subsets ("1 of whom
    died"), an attacker's boast ("Al Shabaab claimed killing four") and a period's toll count
    only alone, in that order (see _article_toll).
    """
    per_doc: Kept = {}
    alone: Kept = {}  # subsets, boasts and a period's toll (see _article_toll)
    wanted = ("doc_id", "sentence", "sentence_start", "start", "quantity", "low", "high",
              "qualifier", "outcome", "relation", "victim_group", "victims", "rule")  # fmt: skip
    columns = [c for c in wanted if c in claims.columns]
    for row in claims.sort("doc_id", "start").select(columns).iter_rows(named=True):
        relation = row.get("relation")
        if relation == "earlier" or (
            relation == "background" and _never_an_incident(row["sentence"] or "")
        ):
            continue
        apart = relation in ("subset", "background") or _boasted(row)
        kept = alone if apart else per_doc
        kept.setdefault(row["doc_id"], {}).setdefault(row["outcome"], []).append(row)
    return per_doc, alone


# An attacker's claim of whom it killed: "Al Shabaab claimed killing four", "claiming to have
# killed five police", "claims 7 dead", "saying its fighters killed four soldiers"
_BOAST = re.compile(
    r"(?i)\bclaim(?:s|ed|ing)?\s+(?:responsibility\b[^.;]{0,80}?\bclaiming\s+)?"
    r"(?:to\s+have\s+killed|killing|(?:that\s+)?(?:it|they|its\s+\w+|their\s+\w+)\s+"
    r"(?:had\s+|have\s+)?killed|(?=\S+\s+(?:dead|deaths|killed)\b))"
    r"|\bsaying\s+(?:that\s+)?(?:its|their)\s+\w+\s+(?:had\s+)?killed\b"
)


def _boasted(row: dict) -> bool:
    """Whether a claim's count follows an attacker's claim of killing in its sentence."""
    sentence = row.get("sentence") or ""
    if "claim" not in sentence and "saying" not in sentence:  # a cheap test first
        return False
    at = row["start"] - row["sentence_start"] if "sentence_start" in row else len(sentence)
    boast = _BOAST.search(sentence)  # the first: a later one cannot come before the count
    return boast is not None and boast.start() < at


def _article_toll(per_doc: Kept, alone: Kept, doc: str, outcome: str) -> Part:
    """One article's toll for one outcome, its claims and its rule (see _told_toll).

    The wounded are those who lived: less those of them told to have died (_dead_among), with
    ``_less_killed`` after the rule.
    """
    figure, used, rule = _told_toll(per_doc, alone, doc, outcome)
    if outcome == "wounded" and (
        dead := _dead_among(used, per_doc.get(doc, {}), alone.get(doc, {}))
    ):
        died = sum(_best(row["qualifier"], row["low"], row["high"]) for row in dead)
        return _less(figure, died), used, f"{rule}_less_killed"
    return figure, used, rule


def _told_toll(per_doc: Kept, alone: Kept, doc: str, outcome: str) -> Part:
    """One article's toll for one outcome as told, its claims and its rule.

    Where no claim of the outcome is told whole, the subsets stand (``subset_`` before the
    rule: "5 persons sustained injuries, 1 of whom died" is 1 killed), else an attacker's
    boast (``claimed_``: "Al Shabaab claims 7 dead"), else a period's toll (``period_``), but
    for an article that tells an incident's toll of any outcome: "A man was shot dead. Across the
    city, 35 people were shot over the weekend" has no one wounded.
    """
    told = per_doc.get(doc, {}).get(outcome)
    if told:
        return _toll(told)
    rows = alone.get(doc, {}).get(outcome, [])
    for name, parts in (
        ("subset", [row for row in rows if row.get("relation") == "subset"]),
        ("claimed", [row for row in rows if row.get("relation") != "subset" and _boasted(row)]),
        ("period", [] if per_doc.get(doc) else rows),  # not beside an incident's toll
    ):
        if parts:
            figure, used, rule = _toll(parts)
            return figure, used, f"{name}_{rule}" if rule != "none" else rule
    return (0, 0, 0), [], "none"


def _less(figure: Figure, died: int) -> Figure:
    """A figure less `died`, never below nought."""
    best, low, high = figure
    return max(0, best - died), max(0, low - died), None if high is None else max(0, high - died)


def casualty_tolls(
    claims: pl.DataFrame, *, articles: pl.DataFrame | None = None, workers: int | None = None
) -> pl.DataFrame:
    """One row per article: ``killed`` and ``wounded``, a best single figure with low and high.

    Rules (the conventions of ACLED and Iraq Body Count, made explicit):

    - a claim stands for the number as written ("at least 12", "more than 12" and "nearly 12"
      are all 12; "dozens" is the low bound of the vague-word profile; a range its low end);
      ``killed_low``/``killed_high`` keep the bounds (high null when open-ended);
    - subsets (``relation == "subset"``: "including two who...", "among them") do not add
      (they stand only where no whole figure of their outcome is told: "5 persons sustained
      injuries, 1 of whom died" is 1 killed), nor does an attacker's boast ("Al Shabaab claimed
      killing four": it stands only where no one else gives a figure), nor do a whole war's
      tolls (``relation == "background"``: "since the conflict began") or an earlier year's
      event recalled (``"earlier"``: "Typhoon Haiyan, which killed over 6,000 people in
      2013", in 2019);
      a long period's toll that names no war counts only when the article tells no other toll
      of that outcome ("A cholera epidemic has killed more than 2,000 people since April" is
      the toll of its event);
    - within a sentence, counts joined in one list add ("two soldiers and three civilians were
      killed" gives 5); otherwise the largest stands (a headline run into the first sentence
      restates it; a second source disputes it, see :func:`compare_claims`);
    - across sentences, a later sentence restates or raises the toll (the largest figure
      stands) unless it sets its figure against the first as another report's ("other
      reports", "one source indicates", "villagers contest that figure": the lower stands, as
      ACLED codes conflicting reports conservatively), an update ("the toll rose to 126")
      replaces it unless it is lower than a figure told before it (a lede's latest toll
      stands over the story of how it rose), and a sentence about a separate incident or
      additional victims ("also", "another", "separately", "two more", "2 other policemen"),
      hostages killed after the attack's own dead, the attacker killed later ("The
      assailant was killed during a standoff"), the other side's dead when it strikes back
      ("Forces retaliated and killed 4 militants") or another named group's dead ("Three
      soldiers were killed. The bodies of six fighters were found") adds to it, but not the
      same people told again ("The three were killed separately");
    - a figure in numbers stands over vague words told before or after it ("dozens were
      killed ... at least 20 died" is 20; "32 killed ... the lives of scores" is 32), as
      ACLED prefers a reported number; vague words alone stand for their profile's bound;
    - the wounded are those who lived, as GTD counts non-fatal injuries: those of them told to
      have died come off ("11 people have been shot, 5 fatally" is 5 killed and 6 wounded;
      "Ratana was shot ... He was later pronounced dead" 1 killed, no one wounded), and
      ``wounded_rule`` ends in ``_less_killed``;
    - an article with no claim of that outcome has 0.

    Parameters
    ----------
    claims
        The claims frame of :func:`extract_claims` (``doc_id``, ``sentence``, ``start``,
        ``low``, ``high``, ``qualifier``, ``outcome``; ``relation`` and ``attributed_to``
        used where present), or an articles frame (``doc_id`` and ``text``), whose claims are
        extracted first.
    articles
        Optionally the articles the claims came from, so that articles without any claim
        get a row (with 0) too.
    workers
        Processes that extract the claims when `claims` holds articles (see
        :func:`extract_claims`); combining claims is quick in one.

    Returns
    -------
    polars.DataFrame
        ``doc_id``, ``killed``, ``killed_low``, ``killed_high``, ``wounded``,
        ``wounded_low``, ``wounded_high``, ``claims`` (how many claims were read), and
        ``killed_rule``/``wounded_rule``, the rule that made the figure (:data:`TOLL_SCHEMA`):
        ``single_claim``; ``sum_of_list`` ("two soldiers and three civilians");
        ``largest_of_list`` or ``largest_in_sentence`` (the others restate it or dispute
        it); ``whole_over_breakdown``; ``sum_of_clauses`` (more victims in a clause of their
        own); ``larger_later`` (a later sentence raises it); ``update`` ("the toll rose to
        7"); ``separate_incident_added``; ``vague_words`` ("dozens"); ``subset_``,
        ``claimed_`` or ``period_`` before any of these for subsets, an attacker's boast or a
        long period's toll that stand alone; ``none`` without a claim.
        :func:`toolkit.claims.explain` shows which claims each figure stands on.

    Examples
    --------
    >>> text = ("A car bomb killed two soldiers and three civilians and wounded 20 people, "
    ...         "including four children. The toll later rose to 7, police said.")
    >>> casualty_tolls(pl.DataFrame({"doc_id": ["a"], "text": [text]})).row(0)
    ('a', 7, 7, 7, 20, 20, 20, 5, 'update', 'single_claim')
    """
    if "outcome" not in claims.columns and "text" in claims.columns:
        articles = claims if articles is None else articles
        claims = extract_claims(claims, workers=workers)
    missing = {"doc_id", "sentence", "start", "low", "high", "qualifier", "outcome"} - set(
        claims.columns
    )
    if missing:
        raise ValueError(
            "casualty_tolls needs a claims frame (see extract_claims) or articles with doc_id "
            f"and text; missing {sorted(missing)}"
        )
    per_doc, tallies = _kept(claims)
    docs = (
        list(dict.fromkeys(articles["doc_id"].cast(pl.String).to_list()))
        if articles is not None
        else []
    )
    known = set(docs)
    docs += [d for d in dict.fromkeys(claims["doc_id"].to_list()) if d not in known]
    counted = dict(claims.group_by("doc_id").len().iter_rows()) if claims.height else {}
    rows = []
    for doc in docs:
        toll: dict = {"doc_id": doc}
        rules = {}
        for outcome in _TOLL_OUTCOMES:
            (best, low, high), _, rule = _article_toll(per_doc, tallies, doc, outcome)
            toll |= {outcome: best, f"{outcome}_low": low, f"{outcome}_high": high}
            rules[f"{outcome}_rule"] = rule
        rows.append(toll | {"claims": counted.get(doc, 0)} | rules)
    return pl.DataFrame(rows, schema=TOLL_SCHEMA)
