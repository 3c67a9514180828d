"""Random samples of sentences for hand labelling, and the digest that keys a label.

The hand-labelled evaluations (:mod:`~analysis.evaluation.passives`,
:mod:`~analysis.evaluation.descriptors`) draw their sentences the same way: the workbook's
sentences of each article of a tab-separated file (columns ``ID`` and ``text``), those a
test picks, then a fixed-seed random sample. The labels key each sentence by article ID,
sentence number and :func:`digest`, so a change of the data or of the sentence splitter is
caught. Their figures are given apart for the sentences whose errors were read when the
rules were revised (in-sample) and for the others (:func:`sample_parts`,
:func:`part_rows`).
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Callable
from pathlib import Path

from analysis.evaluation.metrics import precision_recall_f1_rows

HELD_OUT = "held out"
REVISED = "rules revised on (in-sample)"


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


def sample_parts(size: int, revised_on: range) -> dict[str, list[int]]:
    """The sample positions of the held-out part and of the part whose errors were read
    when the rules were revised (``revised_on``).

    >>> sample_parts(5, range(0, 2))
    {'held out': [2, 3, 4], 'rules revised on (in-sample)': [0, 1]}
    """
    return {HELD_OUT: [i for i in range(size) if i not in revised_on],
            REVISED: list(revised_on)}


def part_rows(figures: dict[str, dict], systems: dict[str, tuple[str, str]], base: dict,
              part: str, note: str, found: str, labelled: str) -> list[dict]:
    """The precision / recall / F1 rows of each system (``systems``: key of ``figures`` to
    (system, role)) on one part of a hand-labelled sample; ``base`` holds the data set,
    measure and split, the part is added to the split, and the note of the in-sample part
    says the rules were revised there.

    >>> f = {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "n_predicted": 1, "n_gold": 2,
    ...      "draws": {"precision": [], "recall": [], "f1": []}}
    >>> rows = part_rows({"w": f}, {"w": ("rules", "workbook")}, {"split": "dev"}, REVISED,
    ...                  "3 sentences", "found", "labelled")
    >>> rows[0]["split"], rows[0]["system"], rows[0]["note"][:40]
    ('dev, rules revised on (in-sample)', 'rules', '3 sentences; the rules were then revised')
    """
    if part != HELD_OUT:
        note += "; the rules were then revised after reading the detector's errors here"
    rows = []
    for key, (system, role) in systems.items():
        rows += precision_recall_f1_rows(
            {**base, "split": f"{base['split']}, {part}", "system": system, "role": role},
            figures[key], note, found, labelled)
    return rows
