"""Casualty claims: *articles* in, *claims* and per-article tolls out.

Public functions
----------------
:func:`extract_claims` (*articles* -> *claims*, one row per figure of people killed, wounded,
captured...), :func:`casualty_tolls` (*claims* -> one row per article: killed, wounded),
:func:`compare_claims` and :func:`disputes` (the figures different sources give for the same
outcome), :func:`tally`, :func:`highlight`, :func:`explain` (why an article's toll came out
as it did: each claim with its rule and the toll's decision on it), :func:`attributions`
(who says so, per sentence) and :func:`source_name` (one name for a source's spellings). The
*claims* frame is documented in :mod:`toolkit.claims.extract`.

The extractor runs in stages, one module each: ``mentions`` (the counts in a sentence that may
be of people), ``linking`` (a count tied to the harm it suffered) with ``lists`` (a count
listed after another takes its outcome), ``persons`` (one person harmed: "He died") with
``anyone`` (one named by any noun phrase: "A school headmaster was killed"), ``bodies`` (a body
found, a group killed after its kidnapping), ``listed`` (one person listed beside a count: "The
pilot and two passengers were killed") and ``injuries`` (one person named with the injury: "A
man suffered a gunshot wound"), ``relations`` (part of a toll, a revised toll, a war's toll),
``roles`` (victims, perpetrator, place), ``sources`` (who says so), then ``extract`` puts them
together over a corpus and dates the claims, ``tolls`` combines them per article (with
``survivors``: the wounded who died come off the wounded) and ``compare`` sets sources side by
side. ``lexicon`` holds the vocabulary they share, loaded from the word lists in
:mod:`toolkit.wordlists`.

Examples
--------
>>> from toolkit.io import load_sample
>>> extract_claims(load_sample()).height
9
"""

from toolkit.claims.compare import compare_claims, disputes, highlight, source_name, tally
from toolkit.claims.explain import explain
from toolkit.claims.extract import CLAIM_SCHEMA, DATED_CLAIM_SCHEMA, extract_claims
from toolkit.claims.lexicon import OUTCOMES
from toolkit.claims.relations import UNCOUNTED_RELATIONS
from toolkit.claims.sources import ATTRIBUTION_SCHEMA, attributions
from toolkit.claims.tolls import TOLL_SCHEMA, casualty_tolls

__all__ = ["ATTRIBUTION_SCHEMA", "CLAIM_SCHEMA", "DATED_CLAIM_SCHEMA", "OUTCOMES", "TOLL_SCHEMA",
           "UNCOUNTED_RELATIONS", "attributions", "casualty_tolls", "compare_claims", "disputes",
           "explain", "extract_claims", "highlight", "source_name", "tally"]  # fmt: skip
