"""Speakers named by a pronoun against hand labels: whom does "she said" credit?

PolNeAR (see :mod:`analysis.evaluation.polnear`) marks the Source of an attribution as the
words that name it, which for "he said" is the pronoun alone: it does not say whom the
pronoun means. The "speakers" rows of that module therefore credit a pronoun the
workbook found where the gold Source is, whatever name the workbook gave it. This module
measures those names.

The sample: 120 attributions drawn at random (fixed seed) from the PolNeAR development
split among those whose gold Source is "he" or "she" alone and that quote someone or hold a
speech verb in their Cue. For each, a reader who saw only the 1,500 characters of the
article before the pronoun (and never the workbook's output) wrote the surname of the
person the pronoun refers to, or "none" when the excerpt does not name them or leaves it
unclear (labelled on 2026-12-07). The labels, in ``pronoun_labels.csv`` beside this module,
hold no text: the article, the pronoun's offsets, a digest of the 200 characters up to the
pronoun's end, and the offsets of the last mention of the surname before the pronoun.

Metric: on the labelled attributions with a named referent that the workbook found (its
quotation or reported speech matched to the gold Content, as in PolNeAR's own rows), the
share whose speaker holds the referent's surname as one of its words. Baseline, on the
same attributions: the last run of two or more capitalised words before the pronoun ("the
nearest name"), right under the same rule.

No rule of the workbook was revised on this sample: its first figure was 0.853; the rules
were then revised after reading the errors on 180 attributions of the PolNeAR training
split labelled the same way (their labels are not shipped), and the figure here became
0.874.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.evaluation._samples import digest
from analysis.evaluation.metrics import bootstrap, match_spans

DATA_SET = "polnear"
SOURCE = ("PolNeAR (Newell, Margolin & Ruths 2018), development split; the pronouns' "
          "referents labelled by hand for this workbook")
SPLIT = "dev sample (pronouns), held out"
MEASURE = "speakers"
METRIC = "pronoun speaker accuracy"
LABELS_FILE = Path(__file__).resolve().parent / "pronoun_labels.csv"
#: The random seed and size of the sample; changing either draws other attributions, which
#: the labels do not cover.
SEED, SAMPLE_SIZE = 0, 120
#: Characters before the pronoun's end that key a label (:func:`digest`).
KEY_CHARS = 200
_PRONOUNS = ("he", "she")
_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s+)*[A-Z][\w'’-]+)+")


def draw_sample(corpus: pd.DataFrame, gold: pd.DataFrame, seed: int = SEED,
                size: int = SAMPLE_SIZE) -> list[tuple[str, int, int]]:
    """The labelled sample: (article ID, pronoun start, pronoun end) of gold attributions
    whose Source is "he" or "she" alone and that are quoted or hold a speech verb in their
    Cue, in a fixed order shuffled with ``seed``.

    >>> c = pd.DataFrame({"article_id": ["a"], "text": ['"Yes," she said.']})
    >>> g = pd.DataFrame({"article_id": ["a"], "source": [[(7, 10)]], "cue": [[(11, 15)]],
    ...     "source_text": ["she"], "quoted": [True], "lost": [False]})
    >>> draw_sample(c, g)
    [('a', 7, 10)]
    """
    from analysis.evaluation.polnear import speech_cues

    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"], strict=True))
    kept = gold[~gold["lost"]]
    kept = kept[kept["quoted"] | speech_cues(texts, kept)]
    rows = [(str(r.article_id), int(r.source[0][0]), int(r.source[0][1]))
            for r in kept.itertuples()
            if r.source_text.strip().casefold() in _PRONOUNS and len(r.source) == 1]
    rows.sort()
    random.Random(seed).shuffle(rows)
    return rows[:size]


def read_labels(path: str | Path = LABELS_FILE) -> pd.DataFrame:
    """The hand labels: sample, article_id, start, end (the pronoun), sha1 (digest of the
    :data:`KEY_CHARS` characters up to the pronoun's end), referent_start, referent_end
    (the last mention of the referent's surname before the pronoun; empty for "none").

    >>> labels = read_labels()
    >>> len(labels), set(labels.columns) >= {"referent_start", "sha1"}
    (120, True)
    """
    return pd.read_csv(path, dtype={"article_id": str, "sha1": str,
                                    "referent_start": "Int64", "referent_end": "Int64"},
                       keep_default_na=False, na_values={"referent_start": [""],
                                                         "referent_end": [""]})


def key(text: str, end: int) -> str:
    """The digest that keys a label: of the :data:`KEY_CHARS` characters up to ``end``.

    >>> key("abc", 3) == digest("abc")
    True
    """
    return digest(text[max(0, end - KEY_CHARS):end])


def nearest_name(text: str, pos: int) -> str:
    """The baseline: the last run of two or more capitalised words before ``pos``.

    >>> nearest_name("Jane Doe met Tom Roe. Then he left.", 27)
    'Tom Roe'
    """
    found = list(_NAME_RUN.finditer(text, 0, pos))
    return found[-1].group(0) if found else ""


def names_person(name: str, surname: str) -> bool:
    """Whether ``name`` holds the labelled ``surname`` as one of its words (case-folded,
    a possessive dropped): "Ban Ki-moon" names both "Ban" and "Ki-moon".

    >>> names_person("Gary Johnson", "Johnson"), names_person("Johnson's doctor", "Doe")
    (True, False)
    """
    words = {w.casefold().removesuffix("'s").removesuffix("’s")
             for w in re.findall(r"[\w'’-]+", name or "")}
    return surname.casefold() in words


def score(corpus: pd.DataFrame, gold: pd.DataFrame, quotes: pd.DataFrame,
          labels: pd.DataFrame) -> dict[str, dict]:
    """Per system ("workbook", "baseline"): accuracy, its draws and n, on the labelled
    attributions with a named referent that the workbook matched; raises ``ValueError``
    when a label's digest does not match the text (the data or the cleaning changed).
    """
    from analysis.evaluation.polnear import workbook_attributions

    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"], strict=True))
    gold = gold[~gold["lost"]].reset_index(drop=True)
    predicted = {flag: workbook_attributions(quotes, texts, flag) for flag in (True, False)}
    right: dict[str, list[bool]] = {"workbook": [], "baseline": []}
    for r in labels.itertuples():
        text = texts.get(r.article_id, "")
        if key(text, int(r.end)) != r.sha1:
            raise ValueError(f"article {r.article_id}, pronoun at {r.start}: not the "
                             "labelled text (the data or the cleaning changed)")
        if pd.isna(r.referent_start):
            continue
        surname = text[int(r.referent_start):int(r.referent_end)]
        rows = gold[gold["article_id"] == r.article_id]
        row = rows[[s[:1] == [(int(r.start), int(r.end))] for s in rows["source"]]]
        if row.empty:
            raise ValueError(f"article {r.article_id}: no gold Source at {r.start}")
        same = rows[rows["quoted"] == row.iloc[0]["quoted"]]
        preds = predicted[bool(row.iloc[0]["quoted"])].get(r.article_id, [])
        matches = match_spans(text, list(same["content"]), [p["parts"] for p in preds])
        target = list(same.index).index(row.index[0])
        hit = next((pi for gi, pi, _ in matches if gi == target), None)
        if hit is None:
            continue                       # the workbook did not find the attribution
        right["workbook"].append(names_person(preds[hit]["speaker"], surname))
        right["baseline"].append(names_person(nearest_name(text, int(r.start)), surname))
    out = {}
    for system, values in right.items():
        arr = np.array(values, dtype=float)
        out[system] = {"accuracy": float(arr.mean()) if len(arr) else float("nan"),
                       "n": len(arr),
                       "draws": bootstrap(lambda ix, a=arr: float(a[ix].mean()), len(arr))}
    return out


def evaluate(data_dir: Path, *, progress: bool = False) -> pd.DataFrame:
    """Pronoun speakers on the hand-labelled sample: the workbook and the nearest name."""
    from analysis.attribution import extract_quotes
    from analysis.evaluation.polnear import read_split

    corpus, gold = read_split(Path(data_dir), "dev")
    labels = read_labels()
    sample = draw_sample(corpus, gold)
    if [(r.article_id, int(r.start), int(r.end)) for r in labels.itertuples()] != sample:
        raise ValueError("pronoun_labels.csv does not hold the drawn sample in order")
    figures = score(corpus, gold, extract_quotes(corpus), labels)
    named = int(labels["referent_start"].notna().sum())
    if progress:
        print(f"{MEASURE} ({METRIC}): {len(labels)} labelled pronouns, {named} named")
    note = (f"{len(labels)} pronouns drawn with seed {SEED}, {named} with a referent named in "
            "the 1,500 characters before them, labelled by hand without the workbook's "
            f"output; n = those the workbook found")
    systems = {"workbook": ("extract_quotes (pronoun resolution)", "workbook"),
               "baseline": ("nearest name before the pronoun", "baseline")}
    return pd.DataFrame([
        {"data_set": DATA_SET, "split": SPLIT, "measure": MEASURE, "metric": METRIC,
         "system": system, "role": role, "value": figures[key_]["accuracy"],
         "draws": figures[key_]["draws"], "n": figures[key_]["n"], "note": note}
        for key_, (system, role) in systems.items()])
