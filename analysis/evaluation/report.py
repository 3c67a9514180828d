"""The committed evaluation figures as notebooks and the briefing show them.

Every "How far to trust it" section leads with these external figures (read from the
committed ``results.csv``, so they appear on any corpus), and a measure that does not beat
its best naive baseline on its headline metric is *experimental*: no headline finding rests
on it.

>>> HEADLINE["quotations"]
'F1'
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.evaluation import load_results

#: The metric that decides whether a measure beats its baselines, per ``measure``.
HEADLINE: dict[str, str] = {
    "quotations": "F1",
    "speakers": "speaker accuracy",
    "indirect speech": "F1",
    "quotation matching": "F1",
    "frames": "macro ROC-AUC",
    "loaded language": "sentence ROC-AUC",
    "actor sentiment": "macro-F1",
    "sentence sentiment": "macro-F1",
    "readability": "Spearman rho",
}


def figures(measure: str, results: pd.DataFrame | None = None) -> pd.DataFrame:
    """The committed rows for one measure (every data set, metric and system).

    >>> figures("no such measure").empty
    True
    """
    table = load_results() if results is None else results
    return table[table["measure"] == measure].reset_index(drop=True)


def status(measure: str, results: pd.DataFrame | None = None) -> str:
    """"validated", "experimental" or "unmeasured" for a measure, from its headline metric.

    Validated means the workbook's figure beats *every* baseline measured in the same run on
    every data set where the headline metric was measured; one loss makes it experimental.

    >>> rows = pd.DataFrame({"measure": ["frames"] * 2, "metric": ["macro ROC-AUC"] * 2,
    ...     "data_set": ["x", "x"], "split": ["dev", "dev"], "system": ["w", "b"],
    ...     "role": ["workbook", "baseline"], "value": [0.7, 0.66], "n": [10, 10]})
    >>> status("frames", rows)
    'validated'
    """
    rows = figures(measure, results)
    rows = rows[rows["metric"] == HEADLINE.get(measure, "")]
    if rows.empty:
        return "unmeasured"
    for _, group in rows.groupby(["data_set", "split"]):
        own = group.loc[group["role"] == "workbook", "value"]
        base = group.loc[group["role"] == "baseline", "value"]
        if own.empty or base.empty or any(math.isnan(v) for v in own):
            return "unmeasured"
        if own.max() <= base.max():
            return "experimental"
    return "validated"


def trust_table(measure: str, results: pd.DataFrame | None = None) -> pd.DataFrame:
    """A readable table of one measure's external figures: the workbook beside its baselines.

    Columns: data set, metric, system, role, value, n.

    >>> trust_table("no such measure").columns.tolist()
    ['data set', 'metric', 'system', 'role', 'value', 'n']
    """
    rows = figures(measure, results)
    out = pd.DataFrame({
        "data set": rows["data_set"] + " (" + rows["split"] + ")",
        "metric": rows["metric"], "system": rows["system"], "role": rows["role"],
        "value": rows["value"].round(3), "n": rows["n"],
    })
    return out.reset_index(drop=True)


def trust_sentence(measure: str, results: pd.DataFrame | None = None) -> str:
    """One plain sentence on a measure's external accuracy, for "How far to trust it".

    >>> trust_sentence("no such measure")
    'no such measure has not been measured on public labelled news yet: treat it as experimental.'
    """
    rows = figures(measure, results)
    metric = HEADLINE.get(measure, "")
    rows = rows[rows["metric"] == metric]
    if rows.empty:
        return (f"{measure} has not been measured on public labelled news yet: "
                "treat it as experimental.")
    parts = []
    for (data_set, split), group in rows.groupby(["data_set", "split"], sort=False):
        own = group[group["role"] == "workbook"].iloc[0]
        base = group[group["role"] == "baseline"].sort_values("value", ascending=False)
        best = base.iloc[0] if len(base) else None
        text = f"on {data_set} ({split}, n = {int(own['n'])}) its {metric} is {own['value']:.2f}"
        if best is not None:
            text += f" against {best['value']:.2f} for the baseline \"{best['system']}\""
        parts.append(text)
    verdict = status(measure, results)
    tail = {"validated": "It beats its naive baselines.",
            "experimental": "It does not beat its naive baseline, so it is experimental: "
                            "no headline finding rests on it.",
            "unmeasured": "Treat it as experimental."}[verdict]
    return f"Measured on text nobody here wrote, {'; '.join(parts)}. {tail}"
