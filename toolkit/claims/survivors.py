"""Stage 4, the wounded who died: the killed told of some of those a wounded figure counts.

The wounded of a toll are those who lived (GTD's non-fatal injuries), so the killed among them
come off it (see :func:`toolkit.claims.casualty_tolls`): "11 people have been shot, 5 fatally",
"Two were wounded. Later, one of them died", "Ratana was shot. He was later pronounced dead",
"Three people were shot outside a bar. A 22-year-old man died at the scene".
"""

from __future__ import annotations

import itertools
import re

from toolkit.claims.lexicon import _ADDITIONAL
from toolkit.claims.relations import _FATALLY


def _dead_among(
    wounded: list[dict], told: dict[str, list[dict]], alone: dict[str, list[dict]]
) -> list[dict]:
    """The claims of the killed that count some of the `wounded` claims' people.

    The part told right after the count ("11 people have been shot, 5 fatally"; "Two were
    wounded. Later, one of them died", not "... three others were injured. Attacking people
    there, one of them died"), a person wounded whom the next claim's "he" or "she" says died
    ("Ratana was shot at the custody centre. He was later pronounced dead"), and the killed
    the next sentence opens with after a count of the shot (see _one_of_the_shot).
    """
    claims = sorted((c for rows in (*told.values(), *alone.values()) for c in rows),
                    key=lambda c: c["start"])  # fmt: skip
    dead = []
    for before, after in itertools.pairwise(claims):
        if before not in wounded or after["outcome"] != "killed":
            continue
        same = after["sentence"] == before["sentence"]
        # a part, or the fatal part of a tally ("35 were shot over the weekend, six fatally")
        tally = same and after["relation"] == before["relation"] == "background"
        if (after["relation"] == "subset" or tally) and (same or _opens(after)):
            if _of_the_harmed(after):
                dead.append(after)
        elif (
            before["qualifier"] == "none"
            and after["quantity"].lower() in ("he", "she")
            and not same
            and _no_one_else(before, after)
        ):
            dead.append(after)
        elif _one_of_the_shot(before, after, same):
            dead.append(after)
    return dead


def _no_one_else(named: dict, pronoun: dict) -> bool:
    """Whether no one but the one named can be the pronoun that says a person died.

    Nothing stands before it in its sentence but a word, a source saying so ("Police said he
    died"), or the one named ("Ratana had surgery, but he").
    """
    before = pronoun["sentence"][: _at(pronoun)]
    return _opens(pronoun) or bool(_SAID.match(before)) or named["quantity"].split()[-1] in before


_SAID = re.compile(r"\W*(?:[\w’'-]+\s+){1,3}?(?:said|says|say|told|reported)\s+(?:that\s+)?$")


def _one_of_the_shot(shot: dict, killed: dict, same: bool) -> bool:
    """Whether the killed the next sentence (or clause) opens with are of those shot before.

    "Three people were shot outside a bar. A 22-year-old man died at the scene", "found 3 people
    shot; one died": one of the three (not "Three people were wounded. A man was also killed",
    nor more than were shot, nor "No fatalities").
    """
    after = _at(shot) + len(shot["quantity"])
    return (
        killed["relation"] is None
        and (_next_clause_died(killed) if same else _opens(killed))
        and bool(_SHOT_OR_STABBED.match(shot["sentence"], after))
        and not _ADDITIONAL.search(killed["sentence"])
        and 0 < (killed["low"] or 0) <= (shot["low"] or 0)  # not "No fatalities"
    )


_SHOT_OR_STABBED = re.compile(
    r"(?:\s+[\w’'-]+){0,3}?\s+(?:(?:(?:were|was|have\s+been|had\s+been)\s+)?"
    r"(?:shot|stabbed)\b(?!\s+dead)"
    r"|(?:with|suffered|sustained|suffering)\s+(?:\w+\s+)?(?:gunshot|stab|bullet)\s+wounds\b)"
)  # ... or with their wounds: "Officers found two men with gunshot wounds. Both died"


# ... or the next clause's, with no noun of its own: "Three people were shot, and one died"
_CLAUSE_BEFORE = re.compile(r"(?:;|,|\band)\s*$")
_DIED_AFTER = re.compile(
    r"\s+(?:of\s+them\s+)?(?:later\s+)?"
    r"(?:died|succumbed|was\s+(?:later\s+)?(?:pronounced\s+dead|killed))"
)


def _next_clause_died(killed: dict) -> bool:
    """Whether a count opens the clause after the shot's and died: "3 shot; one died".

    Not one person named: "An officer was shot in the leg and a suspect was killed".
    """
    at = _at(killed)
    sentence = killed["sentence"]
    return bool(
        killed["qualifier"] != "none"
        and _CLAUSE_BEFORE.search(sentence, 0, at)
        and _DIED_AFTER.match(sentence, at + len(killed["quantity"]))
    )


def _of_the_harmed(part: dict) -> bool:
    """Whether a part is told as of a count harmed: "1 of whom was killed", "5 fatally"."""
    end = _at(part) + len(part["quantity"])
    return bool(_OF_WHOM.match(part["sentence"], end) or _FATALLY.match(part["sentence"], end))


_OF_WHOM = re.compile(r"(?i)\s+of\s+(?:whom|them)\b")


def _opens(row: dict) -> bool:
    """Whether a claim opens its sentence, but for one word ("Later, one of them died")."""
    return len(row["sentence"][: _at(row)].split()) <= 1


def _at(row: dict) -> int:
    """Where a claim stands in its sentence (the first place its words do, if not told)."""
    if "sentence_start" in row:
        return row["start"] - row["sentence_start"]
    return max(0, row["sentence"].find(row["quantity"]))
