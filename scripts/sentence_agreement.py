"""How often the toolkit's sentences agree with NLTK's own Punkt on real corpora.

The toolkit computes Punkt's decisions with polars (toolkit/_punkt.py); this script runs
NLTK's PunktSentenceTokenizer with the same tables, paragraph by paragraph, and compares the
sentence boundaries (end offsets) document by document.

    NLTK_DATA=../shared/nltk_data .venv/bin/python scripts/sentence_agreement.py \
        ../shared/corpora/wikinews ../shared/corpora/fa-kes
"""

from __future__ import annotations

import re
import sys

import polars as pl

from toolkit import load_corpus, resources, sentences
from toolkit.text.punkt import nltk_reference

_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")


def reference_ends(text: str, tokenizer) -> set[int]:
    """Sentence end offsets from NLTK's Punkt run on each paragraph, trimmed of white space."""
    ends, start = set(), 0
    for paragraph_end, next_start in [
        *((m.start(), m.end()) for m in _PARAGRAPH.finditer(text)),
        (len(text), len(text)),
    ]:
        paragraph = text[start:paragraph_end]
        for s, e in tokenizer.span_tokenize(paragraph):
            if paragraph[s:e].strip():
                ends.add(start + s + len(paragraph[s:e].rstrip()))
        start = next_start
    return ends


def main(paths: list[str]) -> None:
    """Print the agreement per corpus given on the command line."""
    tokenizer = nltk_reference()
    print(f"sentence model: {resources()['sentences']}")
    for path in paths:
        articles = load_corpus(path, errors="skip")
        ours = sentences(articles).group_by("doc_id").agg(pl.col("end"))
        ours = {d: set(e) for d, e in ours.iter_rows()}
        same = both = only_ours = only_nltk = 0
        examples = []
        for doc_id, text in articles.select("doc_id", "text").iter_rows():
            theirs = reference_ends(text, tokenizer)
            mine = ours.get(doc_id, set())
            same += mine == theirs
            both += len(mine & theirs)
            only_ours += len(mine - theirs)
            only_nltk += len(theirs - mine)
            for end in sorted(mine ^ theirs)[:1]:
                if len(examples) < 5:
                    side = "toolkit only" if end in mine else "nltk only"
                    examples.append(
                        f"  {side}: …{text[max(0, end - 50) : end]}|{text[end : end + 30]}…"
                    )
        total = both + only_nltk
        print(
            f"{path}: {articles.height} documents, "
            f"identical sentences in {same / articles.height:.1%}; boundaries {total}: "
            f"agreed {both / total:.2%}, NLTK only {only_nltk}, toolkit only {only_ours}"
        )
        print("\n".join(e.replace("\n", " ") for e in examples))


if __name__ == "__main__":
    main(sys.argv[1:])
