"""Designs of the frame model's cue lists, compared by cross-validation over training outlets.

The shipped cue lists (``analysis/data/framing_frame_cues.csv``) are one design; the
candidate lists of ``analysis/data/framing_frame_cue_candidates.csv`` were written from
Semetko & Valkenburg's (2000) five responsibility questions (R1 government able to
alleviate the problem, R2 government responsible, R3 solutions, R4 an individual or group
responsible, R5 urgent action) to cover what the shipped lists count only as loose words:

* ``government_acts`` (R1): what a level of government can, must, will or plans to do,
  counted only in a sentence that names a level of government (its ``with_terms``);
* ``failure`` (R2 / R4): who failed to act, neglected the problem or is to blame;
* ``intention`` (R3): someone plans, promises or seeks to act, or sets a timetable;
* ``urgency`` (R5): speed, time running out, the stakes.

:data:`DESIGNS` adds them to the shipped lists in three ways. :func:`compare` chooses a
design per outer fold of :mod:`analysis.evaluation.narrative_frames` by the frame model's
own cross-validation over that fold's *training* outlets (mean ROC-AUC over the five
frames, as the model chooses its regularisation), then scores each held-out fold with the
design its training outlets chose: the out-of-outlet figure of the whole procedure, beside
the shipped design and both baselines on the same folds. It also gives the same
cross-validation over all the outlets, the choice a rebuild of the shipped model would make.
Run it with ``python -m analysis.evaluation.frame_designs --data DEV_DATA``; it writes
nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.framing._common import FRAMES, data_rows

CANDIDATES_FILE = "framing_frame_cue_candidates.csv"
#: Shipped cues that ``government_acts`` counts only together (the government actor, the
#: future tense), dropped by the design that replaces them.
REPLACED = ("authorities", "future")


def candidate_cues() -> pd.DataFrame:
    """The candidate cue lists (same columns as the shipped ones).

    >>> sorted(candidate_cues()["cue"])
    ['failure', 'government_acts', 'intention', 'urgency']
    """
    from analysis.framing.frame_model import check_cue_lists

    return check_cue_lists(pd.DataFrame(data_rows(CANDIDATES_FILE)), CANDIDATES_FILE)


def _shipped() -> pd.DataFrame:
    from analysis.framing.frame_model import _shipped_cue_lists

    return _shipped_cue_lists()


def _added() -> pd.DataFrame:
    return pd.concat([_shipped(), candidate_cues()], ignore_index=True)


def _unpaired() -> pd.DataFrame:
    table = _added()
    table.loc[table["cue"] == "government_acts", "with_terms"] = ""
    return table


def _replacing() -> pd.DataFrame:
    table = _added()
    return table[~table["cue"].isin(REPLACED)].reset_index(drop=True)


#: The designs compared, in order of preference on a tie (the shipped lists first).
DESIGNS: dict[str, Callable[[], pd.DataFrame]] = {
    "shipped": _shipped,
    "with candidates": _added,
    "with candidates, government_acts unpaired": _unpaired,
    "with candidates, replacing authorities and future": _replacing,
}


def design_table(name: str) -> pd.DataFrame:
    """The cue table of one design of :data:`DESIGNS`.

    >>> t = design_table("with candidates, replacing authorities and future")
    >>> "government_acts" in set(t["cue"]), "future" in set(t["cue"])
    (True, False)
    """
    return DESIGNS[name]()


def choose(inner: pd.DataFrame) -> dict[int, str]:
    """Per outer fold, the design with the best mean inner ROC-AUC over the frames; a tie
    goes to the design listed first in :data:`DESIGNS`.

    ``inner``: columns fold, design, frame, auc (see :func:`_inner_scores`).

    >>> rows = pd.DataFrame({"fold": [0, 0, 0, 0], "frame": ["conflict"] * 4,
    ...     "design": ["shipped", "with candidates"] * 2, "auc": [0.7, 0.8, 0.7, 0.8]})
    >>> choose(rows)
    {0: 'with candidates'}
    """
    order = {d: i for i, d in enumerate(DESIGNS)}
    means = inner.groupby(["fold", "design"])["auc"].mean().reset_index()
    out = {}
    for fold, group in means.groupby("fold"):
        top = group["auc"].max()
        best = group[group["auc"] == top]
        out[int(fold)] = min(best["design"], key=order.__getitem__)
    return out


def _inner_scores(corpus: pd.DataFrame, gold: pd.DataFrame, folds: np.ndarray,
                 designs: tuple[str, ...] = tuple(DESIGNS)) -> pd.DataFrame:
    """Per outer fold, design and frame, the frame model's ROC-AUC cross-validated over the
    fold's training outlets only (the held-out outlets are not read).

    Columns: fold, design, frame, auc.
    """
    from analysis.framing.frame_model import cue_lists, fit_frame_model

    rows = []
    for k in sorted(set(folds.tolist())):
        train = folds != k
        for name in designs:
            with cue_lists(design_table(name)):
                model = fit_frame_model(corpus[train].reset_index(drop=True),
                                        gold[train].reset_index(drop=True))
            rows += [{"fold": k, "design": name, "frame": f,
                      "auc": model.settings[f"cv_auc_{f}"]} for f in FRAMES]
    return pd.DataFrame(rows, columns=["fold", "design", "frame", "auc"])


def _nested_scores(corpus: pd.DataFrame, gold: pd.DataFrame, folds: np.ndarray,
                  chosen: dict[int, str]) -> pd.DataFrame:
    """Out-of-outlet scores, each fold scored by a model fitted on the other folds with the
    design ``chosen`` for it."""
    from analysis.evaluation.narrative_frames import workbook_scores
    from analysis.framing.frame_model import cue_lists

    parts = []
    for k in sorted(set(folds.tolist())):
        test = folds == k
        with cue_lists(design_table(chosen[k])):
            parts.append(workbook_scores(corpus[~test].reset_index(drop=True),
                                         gold[~test].reset_index(drop=True),
                                         corpus[test].reset_index(drop=True)))
    scores = pd.concat(parts, ignore_index=True).set_index("article_id")
    return scores.loc[corpus["article_id"].astype(str)].reset_index()


def compare(data_dir: str | Path, *, progress: bool = False,
            ) -> tuple[pd.DataFrame, dict[int, str], pd.DataFrame, pd.DataFrame]:
    """The comparison: inner figures, the design chosen per fold, the out-of-outlet rows
    (the nested procedure, the shipped design and both baselines, same folds) and the
    cross-validation over all outlets per design (columns design, frame, auc)."""
    from analysis.evaluation import narrative_frames as nf
    from analysis.framing.frame_model import cue_lists, fit_frame_model

    corpus, gold = nf.load_set(data_dir)
    folds = nf.outlet_folds(gold["outlet"], nf.N_FOLDS)
    inner = _inner_scores(corpus, gold, folds)
    chosen = choose(inner)
    if progress:
        print(f"chosen per outer fold: {chosen}")
    rows = nf.auc_rows("chosen design per fold (nested)", "workbook", gold,
                       _nested_scores(corpus, gold, folds, chosen), "")
    rows += nf.auc_rows("shipped design", "workbook", gold,
                        _nested_scores(corpus, gold, folds, dict.fromkeys(chosen, "shipped")),
                        "")
    rows += nf.auc_rows("five keyword lists", "baseline", gold, nf.keyword_scores(corpus), "")
    rows += nf.auc_rows("TF-IDF + logistic regression", "baseline", gold,
                        nf.cross_validated(corpus, gold, nf.tfidf_scores, folds), "")
    every = []
    for name in DESIGNS:
        with cue_lists(design_table(name)):
            model = fit_frame_model(corpus, gold)
        every += [{"design": name, "frame": f, "auc": model.settings[f"cv_auc_{f}"]}
                  for f in FRAMES]
    return inner, chosen, pd.DataFrame(rows), pd.DataFrame(every)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluation.frame_designs",
                                     description="Compare designs of the frame cue lists.")
    parser.add_argument("--data", required=True, help="the development data folder")
    args = parser.parse_args(argv)
    inner, _chosen, outer, every = compare(args.data, progress=True)
    pd.set_option("display.width", 200)
    table = inner.pivot_table(index=["fold", "design"], columns="frame", values="auc")
    table["mean"] = table[list(FRAMES)].mean(axis=1)
    print("ROC-AUC cross-validated over each outer fold's training outlets:")
    print(table[[*FRAMES, "mean"]].round(4).to_string())
    print("\nout-of-outlet ROC-AUC (5 outer folds, same folds for every system):")
    print(outer.pivot(index="system", columns="metric", values="value").round(3).to_string())
    every_table = every.pivot(index="design", columns="frame", values="auc")
    every_table["mean"] = every_table[list(FRAMES)].mean(axis=1)
    print("\nROC-AUC cross-validated over all outlets (the choice a rebuild would make):")
    print(every_table[[*FRAMES, "mean"]].round(4).to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
