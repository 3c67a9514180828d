"""Random samples of sentences for hand labelling, and the digest that keys a label.

The hand-labelled evaluations (:mod:`~analysis.evaluation.passives`,
:mod:`~analysis.evaluation.descriptors`) draw their sentences the same way: the workbook's
sentences of each article of a tab-separated file (columns ``ID`` and ``text``), those a
test picks, then a fixed-seed random sample. The labels key each sentence by article ID,
sentence number and :func:`digest`, so a change of the data or of the sentence splitter is
caught.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Callable
from pathlib import Path


def digest(sentence: str) -> str:
    """The 12-hex-digit SHA-1 digest that keys a sentence in the labels.

    >>> digest("abc")  # SHA-1 of "abc" is a9993e36 4706816a …
    'a9993e364706'
    """
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def draw_sentences(path: str | Path, seed: int, size: int,
                   pick: Callable[[str], tuple | None]) -> list[tuple]:
    """(article ID, sentence number, sentence, *what ``pick`` returned) for ``size``
    sentences drawn with ``seed`` among those for which ``pick`` returns a tuple (not None).

    Sentences are the workbook's (:func:`analysis.sentences.sentence_offsets`) over each
    article's text as stored. A larger ``size`` with the same seed keeps the smaller
    sample as its first items.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.tsv"
    >>> _ = p.write_text("ID\\ttext\\n1\\tIt rained. We met.\\n")
    >>> draw_sentences(p, 1, 5, lambda s: (len(s),) if "met" in s else None)
    [('1', 1, 'We met.', 7)]
    """
    from analysis.sentences import sentence_offsets

    candidates = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text = row["text"]
            for k, (a, b) in enumerate(sentence_offsets(text)):
                found = pick(text[a:b])
                if found is not None:
                    candidates.append((str(row["ID"]), k, text[a:b], *found))
    return random.Random(seed).sample(candidates, min(size, len(candidates)))
