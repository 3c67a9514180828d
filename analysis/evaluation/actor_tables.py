"""The actor table made from a corpus, against hand labels: are its rows actors?

A corpus given without an actor table gets one made from its articles
(:func:`analysis.corpus_actors.actors_from_corpus`); the briefing and the lessons follow its rows.
This module measures whether those rows name actors at all.

The sample: six small corpora, each the articles of one outlet in one month of PolNeAR's
training split (Newell, Margolin & Ruths 2018; US political news of 2015-2016), drawn with
a fixed seed among the outlet-months of five articles or more. June 2016 is left out: its
articles on the Orlando shooting were read while the rules were written. For each corpus,
the workbook's rows and the baseline's were pooled, shuffled and given to a reader who did
not know which method listed what; the reader labelled each string 1 when it is, as
written, the complete name of one specific person or organisation as the articles use it
(a full name; "FBI", "White House", "New York Times"), else 0 (a place, an event, a
document, a group described by a word, a fragment, a title glued to a name, a name for the
wrong person), checking the articles (labelled on 2026-12-07; two baseline strings that came in when
the baseline's ties were put in a fixed order, both headline fragments, were labelled 0
afterwards by the same rules). The rules of
``actors_from_corpus`` were not revised after the labels were read. The labels, in
``actor_table_labels.csv`` beside this module, hold no text: the outlet-month, a digest of
the string, the label.

Metrics, pooled over the six corpora: *precision*, the share of a method's rows labelled
1; *recall*, the share of the distinct strings labelled 1 that either method lists which
this method lists (what a user would miss). A string neither listed when labelled (the
rules or the cleaning changed since) counts as wrong and is named in the note. Baseline:
the 15 runs of two or more capitalised words named in the most articles (in two or more),
the naive way to list who a corpus is about. Intervals: the six corpora resampled.
"""

from __future__ import annotations

import collections
import json
import random
import re
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.evaluation._samples import digest
from analysis.evaluation.metrics import bootstrap

DATA_SET = "polnear"
SOURCE = ("PolNeAR (Newell, Margolin & Ruths 2018), training split; the rows of the actor "
          "tables labelled by hand for this workbook")
SPLIT = "train sample (outlet-months), held out"
MEASURE = "actor table"
LABELS_FILE = Path(__file__).resolve().parent / "actor_table_labels.csv"
#: The seed and number of outlet-months drawn, the least articles an outlet-month needs,
#: and the month left out (read while the rules were written).
SEED, GROUPS, MIN_ARTICLES, LEFT_OUT = 20261207, 6, 5, "2016-06"
#: Rows the baseline lists, as many as the workbook may.
TOP = 15
_CAPITAL_RUN = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+")


def group_of(article_id: str) -> str:
    """The outlet-month of a PolNeAR article ID.

    >>> group_of("nyt_2015-12-03_some-headline")
    'nyt_2015-12'
    """
    outlet, date = article_id.split("_")[:2]
    return f"{outlet}_{date[:7]}"


def draw_groups(article_ids: list[str], seed: int = SEED, size: int = GROUPS) -> list[str]:
    """The outlet-months drawn: among those with :data:`MIN_ARTICLES` articles or more,
    outside :data:`LEFT_OUT`, in sorted order, ``size`` drawn with ``seed``.

    >>> ids = [f"a_2016-0{m}-0{d}_x" for m in (1, 2, 6) for d in range(1, 6)]
    >>> sorted(draw_groups(ids, size=2))
    ['a_2016-01', 'a_2016-02']
    """
    counts = collections.Counter(group_of(a) for a in article_ids)
    eligible = sorted(g for g, n in counts.items()
                      if n >= MIN_ARTICLES and not g.endswith(LEFT_OUT))
    return random.Random(seed).sample(eligible, size)


def baseline_rows(corpus: pd.DataFrame, top: int = TOP) -> list[str]:
    """The baseline: the ``top`` runs of two or more capitalised words named in the most
    articles (two or more; ties in the order first met).

    >>> c = pd.DataFrame({"text": ["Jane Doe met New York.", "Jane Doe left New York.",
    ...                            "In Paris Jane Doe spoke."]})
    >>> baseline_rows(c)
    ['Jane Doe', 'New York']
    """
    counts: collections.Counter[str] = collections.Counter()
    for text in corpus["text"]:
        counts.update(list(dict.fromkeys(m.group(0) for m in _CAPITAL_RUN.finditer(str(text)))))
    return [name for name, n in counts.most_common(top) if n >= 2]


def read_labels(path: str | Path = LABELS_FILE) -> dict[tuple[str, str], int]:
    """The hand labels: (outlet-month, digest of the string) -> 1 or 0.

    >>> labels = read_labels()
    >>> len(labels) > 100, set(labels.values()) == {0, 1}
    (True, True)
    """
    table = pd.read_csv(path, dtype={"group": str, "sha1": str, "label": int})
    return {(g, s): int(v) for g, s, v in zip(table["group"], table["sha1"], table["label"],
                                               strict=True)}


def read_groups(data_dir: Path, groups: list[str]) -> dict[str, pd.DataFrame]:
    """Each drawn outlet-month's articles as :func:`analysis.load_corpus` reads them."""
    from analysis import load_corpus

    texts = Path(data_dir) / DATA_SET / "train" / "text"
    if not texts.exists():
        raise FileNotFoundError(f"{texts}: no PolNeAR text folder")
    out = {}
    paths = sorted(texts.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        for group in groups:
            table = Path(tmp) / f"{group}.jsonl"
            with table.open("w", encoding="utf-8") as handle:
                for path in paths:
                    if group_of(path.stem) == group:
                        handle.write(json.dumps({
                            "article_id": path.stem, "outlet": path.stem.split("_")[0],
                            "text": path.read_text(encoding="utf-8")}) + "\n")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out[group] = load_corpus(table)
    return out


def score(rows: dict[str, dict[str, list[str]]],
          labels: dict[tuple[str, str], int]) -> tuple[dict[str, dict], list[str]]:
    """Per system: precision and recall (pooled over the outlet-months) with their draws
    (outlet-months resampled) and n; and the strings no label covers (counted wrong).

    >>> rows = {"g": {"workbook": ["A B"], "baseline": ["A B", "C D"]}}
    >>> labels = {("g", digest("A B")): 1, ("g", digest("C D")): 0}
    >>> figures, unlabelled = score(rows, labels)
    >>> figures["baseline"]["precision"], figures["workbook"]["recall"], unlabelled
    (0.5, 1.0, [])
    """
    groups = sorted(rows)
    unlabelled = sorted({f"{g}: {name}" for g in groups for names in rows[g].values()
                         for name in names if (g, digest(name)) not in labels})
    right = {g: {name for names in rows[g].values() for name in names
                 if labels.get((g, digest(name))) == 1} for g in groups}
    out = {}
    for system in ("workbook", "baseline"):
        hits = np.array([sum(labels.get((g, digest(n))) == 1 for n in rows[g][system])
                         for g in groups], dtype=float)
        listed = np.array([len(rows[g][system]) for g in groups], dtype=float)
        found = np.array([len(right[g] & set(rows[g][system])) for g in groups], dtype=float)
        pool = np.array([len(right[g]) for g in groups], dtype=float)

        def ratio(top: np.ndarray, bottom: np.ndarray) -> callable:
            return lambda ix: float(top[ix].sum() / bottom[ix].sum()) \
                if bottom[ix].sum() else float("nan")

        out[system] = {
            "precision": float(hits.sum() / listed.sum()), "n_rows": int(listed.sum()),
            "precision_draws": bootstrap(ratio(hits, listed), len(groups)),
            "recall": float(found.sum() / pool.sum()), "n_right": int(pool.sum()),
            "recall_draws": bootstrap(ratio(found, pool), len(groups))}
    return out, unlabelled


def system_rows(corpora: dict[str, pd.DataFrame]) -> dict[str, dict[str, list[str]]]:
    """Per outlet-month, the workbook's actor table's names and the baseline's strings."""
    from analysis.corpus_actors import actors_from_corpus

    return {g: {"workbook": actors_from_corpus(c)["actor"].tolist(),
                "baseline": baseline_rows(c)} for g, c in corpora.items()}


def evaluate(data_dir: Path, *, progress: bool = False) -> pd.DataFrame:
    """The actor table made from a corpus on six PolNeAR outlet-months, beside the baseline."""
    texts = Path(data_dir) / DATA_SET / "train" / "text"
    groups = draw_groups([p.stem for p in texts.glob("*.txt")])
    corpora = read_groups(Path(data_dir), groups)
    labels = read_labels()
    if {g for g, _ in labels} != set(groups):
        raise ValueError("actor_table_labels.csv does not cover the drawn outlet-months")
    figures, unlabelled = score(system_rows(corpora), labels)
    n_articles = sum(len(c) for c in corpora.values())
    if progress:
        print(f"{MEASURE}: {len(groups)} outlet-months, {n_articles} articles")
    base_note = (f"{len(groups)} outlet-months of the training split ({n_articles} articles) "
                 f"drawn with seed {SEED}; rows of both methods pooled and labelled blind by "
                 "hand; interval: outlet-months resampled")
    if unlabelled:
        base_note += f"; {len(unlabelled)} string(s) unlabelled, counted wrong: " + \
            "; ".join(unlabelled[:5])
    systems = {"workbook": ("actors_from_corpus (names read as the quotation extractor "
                            "reads them)", "workbook"),
               "baseline": (f"the {TOP} capitalised runs of two or more words named in the "
                            "most articles", "baseline")}
    rows = []
    for key, (system, role) in systems.items():
        f = figures[key]
        rows.append({"data_set": DATA_SET, "split": SPLIT, "measure": MEASURE,
                     "metric": "precision", "system": system, "role": role,
                     "value": f["precision"], "draws": f["precision_draws"],
                     "n": f["n_rows"], "note": base_note + "; n = rows listed"})
        rows.append({"data_set": DATA_SET, "split": SPLIT, "measure": MEASURE,
                     "metric": "recall (of the right rows either lists)", "system": system,
                     "role": role, "value": f["recall"], "draws": f["recall_draws"],
                     "n": f["n_right"],
                     "note": base_note + "; n = distinct right names either method lists"})
    return pd.DataFrame(rows)
