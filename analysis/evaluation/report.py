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
from pathlib import Path

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
    "agentless passives": "F1",
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


#: Markers around the generated accuracy table in the README.
README_START = "<!-- accuracy table: generated from analysis/evaluation/results.csv -->"
README_END = "<!-- end of the generated accuracy table -->"


def readme_table(results: pd.DataFrame | None = None) -> str:
    """The README's accuracy table: per measure and data set, the workbook's headline figure
    beside its best naive baseline, n, and the status. Alternatives are left out.

    >>> rows = pd.DataFrame({"measure": ["frames"] * 2, "metric": ["macro ROC-AUC"] * 2,
    ...     "data_set": ["x", "x"], "split": ["dev", "dev"], "system": ["ours", "keywords"],
    ...     "role": ["workbook", "baseline"], "value": [0.7, 0.66], "n": [10, 10]})
    >>> readme_table(rows).splitlines()[2]
    '| frames | x (dev) | macro ROC-AUC | 0.70 | 0.66 (keywords) | 10 | validated |'
    """
    table = load_results() if results is None else results
    lines = ["| measure | data set | metric | workbook | best naive baseline | n | status |",
             "|---|---|---|---|---|---|---|"]
    order = [m for m in HEADLINE if m in set(table["measure"])]
    order += sorted(set(table["measure"]) - set(order))
    for measure in order:
        metric = HEADLINE.get(measure, "")
        rows = table[(table["measure"] == measure) & (table["metric"] == metric)]
        verdict = status(measure, table)
        for (data_set, split), group in rows.groupby(["data_set", "split"], sort=False):
            own = group[group["role"] == "workbook"]
            if own.empty:
                continue
            base = group[group["role"] == "baseline"].sort_values("value", ascending=False)
            best = (f"{base.iloc[0]['value']:.2f} ({base.iloc[0]['system']})" if len(base)
                    else "none measured")
            lines.append(f"| {measure} | {data_set} ({split}) | {metric} | "
                         f"{own.iloc[0]['value']:.2f} | {best} | {int(own.iloc[0]['n'])} | "
                         f"{verdict} |")
    return "\n".join(lines) + "\n"


def update_readme(path: str | Path, results: pd.DataFrame | None = None) -> bool:
    """Replace the text between :data:`README_START` and :data:`README_END` in ``path`` with
    :func:`readme_table`; True when the file changed. A file without both markers is left
    alone (False).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "README.md"
    >>> _ = f.write_text(f"intro\\n{README_START}\\nold\\n{README_END}\\nrest\\n")
    >>> update_readme(f, pd.DataFrame(columns=["measure", "metric", "data_set", "split",
    ...     "system", "role", "value", "n"]))
    True
    >>> "old" in f.read_text()
    False
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return False
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    new = f"{head}{README_START}\n{readme_table(results)}{README_END}{tail}"
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True
