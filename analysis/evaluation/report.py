"""The committed evaluation figures as notebooks and the briefing show them.

Every "How far to trust it" section leads with these external figures (read from the
committed ``results.csv``, so they appear on any corpus), and a measure that does not beat
its best naive baseline on its headline metric is *experimental*: no headline finding rests
on it. "Beats" means more than a higher figure: where the evaluation measured the 95%
bootstrap interval of the difference, all of that interval must lie above zero, so a lead
that a different draw of the same kind of text could erase does not count.

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
    "speech verbs": "verb accuracy",
    "frames": "macro ROC-AUC",
    "frame cues": "macro ROC-AUC",
    "loaded language": "sentence ROC-AUC",
    "agentless passives": "F1",
    "actor descriptors": "F1",
    "actor table": "precision",
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


def beats(own: pd.Series, baseline: pd.Series) -> bool:
    """Whether the workbook's row ``own`` beats the ``baseline`` row of the same figure: the
    comparison is "ahead" (:func:`comparison`).

    With an interval of the difference (``difference_low``/``difference_high`` on the
    baseline's row), its lower end must be above zero; without one, the workbook's value
    must be higher.

    >>> row = pd.Series({"value": 0.70})
    >>> beats(row, pd.Series({"value": 0.66, "difference_low": float("nan")}))
    True
    >>> beats(row, pd.Series({"value": 0.66, "difference_low": -0.02,
    ...                       "difference_high": 0.1}))
    False
    """
    nan = float("nan")
    return comparison(float(own["value"]) - float(baseline["value"]),
                      baseline.get("difference_low", nan),
                      baseline.get("difference_high", nan)) == "ahead"


def comparison(difference: float, low: float = float("nan"), high: float = float("nan")
               ) -> str:
    """One comparison in words: "ahead", "behind" or "within the noise" (its 95% interval of
    the workbook's difference reaches zero); without an interval the difference's sign
    decides. This is the rule :func:`beats` and the status apply.

    >>> comparison(0.06, -0.01, 0.12), comparison(0.06), comparison(-0.02, -0.03, -0.01)
    ('within the noise', 'ahead', 'behind')
    """
    if pd.isna(difference):
        return ""
    if pd.isna(low) or pd.isna(high):
        return "ahead" if difference > 0 else "behind"
    if low > 0:
        return "ahead"
    return "behind" if high < 0 else "within the noise"


def beats_every_baseline(rows: pd.DataFrame) -> bool | None:
    """Whether the workbook beats every baseline on each data set of ``rows`` (one metric).

    None when a data set has no workbook figure, no baseline or a NaN figure.

    >>> rows = pd.DataFrame({"data_set": "x", "split": "dev", "role": ["workbook",
    ...     "baseline"], "value": [0.7, 0.6], "difference_low": [None, 0.01]})
    >>> beats_every_baseline(rows)
    True
    """
    if rows.empty:
        return None
    verdict = True
    for _, group in rows.groupby(["data_set", "split"]):
        own = group[group["role"] == "workbook"]
        base = group[group["role"] == "baseline"]
        if own.empty or base.empty or any(math.isnan(v) for v in own["value"]):
            return None
        mine = own.iloc[0]
        verdict = verdict and all(beats(mine, b) for _, b in base.iterrows())
    return verdict


def status(measure: str, results: pd.DataFrame | None = None) -> str:
    """"validated", "experimental" or "unmeasured" for a measure, from its headline metric.

    Validated means the workbook's figure beats *every* baseline measured in the same run on
    every data set where the headline metric was measured (:func:`beats`: where there is an
    interval of the difference, all of it above zero); one loss, or one lead within the
    noise, makes it experimental.

    >>> rows = pd.DataFrame({"measure": ["frames"] * 2, "metric": ["macro ROC-AUC"] * 2,
    ...     "data_set": ["x", "x"], "split": ["dev", "dev"], "system": ["w", "b"],
    ...     "role": ["workbook", "baseline"], "value": [0.7, 0.66], "n": [10, 10]})
    >>> status("frames", rows)
    'validated'
    """
    rows = figures(measure, results)
    verdict = beats_every_baseline(rows[rows["metric"] == HEADLINE.get(measure, "")])
    if verdict is None:
        return "unmeasured"
    return "validated" if verdict else "experimental"


def usable_frames(results: pd.DataFrame | None = None) -> list[str]:
    """The frames whose external figure beats every baseline, in the committed results.

    A frame counts when the workbook's "ROC-AUC (<frame>)" beats each baseline's on every
    data set where it was measured (:func:`beats`: where the
    results hold an interval of the difference, all of it above zero); a frame not
    measured, below a baseline or ahead only within the noise is experimental and must not
    carry a headline finding.

    >>> rows = pd.DataFrame({"measure": "frames", "metric": "ROC-AUC (conflict)",
    ...     "data_set": "x", "split": "dev", "system": ["w", "b"],
    ...     "role": ["workbook", "baseline"], "value": [0.8, 0.7], "n": 10})
    >>> usable_frames(rows)
    ['conflict']
    """
    from analysis.framing.frame_model import FRAMES

    rows = figures("frames", results)
    return [f for f in FRAMES
            if beats_every_baseline(rows[rows["metric"] == f"ROC-AUC ({f})"])]


#: The bar for the loaded-language sentence score on public labelled news (sentence
#: ROC-AUC): below it the measure stays experimental even where it beats its baselines.
LOADED_TARGET = 0.70


def loaded_score_usable(results: pd.DataFrame | None = None) -> bool:
    """Whether the sentence score may carry a headline: it beats its baselines (status
    "validated") *and* reaches :data:`LOADED_TARGET` sentence ROC-AUC on every data set.

    >>> rows = pd.DataFrame({"measure": "loaded language", "metric": "sentence ROC-AUC",
    ...     "data_set": "x", "split": "dev", "system": ["w", "b"],
    ...     "role": ["workbook", "baseline"], "value": [0.6, 0.5], "n": 10})
    >>> loaded_score_usable(rows)
    False
    """
    if status("loaded language", results) != "validated":
        return False
    rows = figures("loaded language", results)
    own = rows[(rows["metric"] == "sentence ROC-AUC") & (rows["role"] == "workbook")]
    return bool(len(own)) and bool((own["value"] >= LOADED_TARGET).all())


def interval_text(low: float, high: float, signed: bool = False) -> str:
    """An interval as text ("0.60–0.77", or "+0.04 to +0.10" for a difference); "" when
    there is none.

    >>> interval_text(0.6, 0.77), interval_text(-0.048, 0.078, signed=True)
    ('0.60–0.77', '-0.05 to +0.08')
    >>> interval_text(float("nan"), float("nan"))
    ''
    """
    if pd.isna(low) or pd.isna(high):
        return ""
    if signed:
        return f"{low:+.2f} to {high:+.2f}"
    return f"{low:.2f}–{high:.2f}"


def _column(rows: pd.DataFrame, name: str) -> pd.Series:
    return rows[name] if name in rows else pd.Series(float("nan"), index=rows.index)


def trust_table(measure: str, results: pd.DataFrame | None = None) -> pd.DataFrame:
    """A readable table of one measure's external figures: the workbook beside its baselines.

    Columns: data set, metric, system, role, value, its 95% interval, n. The interval is the
    range a figure takes over re-drawn samples of the same items (bootstrap), so it says how
    far the figure could move on other text of the same kind.

    >>> trust_table("no such measure").columns.tolist()
    ['data set', 'metric', 'system', 'role', 'value', '95% interval', 'n']
    """
    rows = figures(measure, results)
    out = pd.DataFrame({
        "data set": rows["data_set"] + " (" + rows["split"] + ")",
        "metric": rows["metric"], "system": rows["system"], "role": rows["role"],
        "value": rows["value"].round(3),
        "95% interval": [interval_text(lo, hi) for lo, hi in
                         zip(_column(rows, "low"), _column(rows, "high"), strict=True)],
        "n": rows["n"],
    })
    return out.reset_index(drop=True)


def trust_sentence(measure: str, results: pd.DataFrame | None = None) -> str:
    """One plain sentence on a measure's external accuracy, for "How far to trust it".

    It names each data set's n, the workbook's figure and 95% interval, the best baseline's
    figure and the interval of the difference, then the verdict of :func:`status`.

    >>> trust_sentence("no such measure")
    'no such measure has not been measured on public labelled news yet: treat it as experimental.'
    """
    rows = figures(measure, results)
    metric = HEADLINE.get(measure, "")
    rows = rows[rows["metric"] == metric]
    if rows.empty:
        return (f"{measure} has not been measured on public labelled news yet: "
                "treat it as experimental.")
    parts, ahead = [], True
    for (data_set, split), group in rows.groupby(["data_set", "split"], sort=False):
        own = group[group["role"] == "workbook"].iloc[0]
        base = group[group["role"] == "baseline"].sort_values("value", ascending=False)
        best = base.iloc[0] if len(base) else None
        text = f"on {data_set} ({split}, n = {int(own['n'])}) its {metric} is {own['value']:.2f}"
        own_interval = interval_text(own.get("low"), own.get("high"))
        if own_interval:
            text += f" (95% interval {own_interval})"
        if best is not None:
            ahead = ahead and float(own["value"]) > float(best["value"])
            text += f" against {best['value']:.2f} for the baseline \"{best['system']}\""
            gap = interval_text(best.get("difference_low"), best.get("difference_high"),
                                signed=True)
            if gap:
                text += (f" (difference {float(own['value']) - float(best['value']):+.2f}, "
                         f"95% interval {gap})")
        parts.append(text)
    verdict = status(measure, results)
    tail = {"validated": "It beats its naive baselines.",
            "experimental": "It does not beat its naive baseline, so it is experimental: "
                            "no headline finding rests on it.",
            "unmeasured": "Treat it as experimental."}[verdict]
    if verdict == "experimental" and ahead:
        tail = ("Its lead over the naive baseline is within the noise of samples this size "
                "(the interval of the difference reaches zero), so it is experimental: no "
                "headline finding rests on it.")
    return f"Measured on text nobody here wrote, {'; '.join(parts)}. {tail}"


#: Markers around the generated accuracy table in the README.
README_START = "<!-- accuracy table: generated from analysis/evaluation/results.csv -->"
README_END = "<!-- end of the generated accuracy table -->"


def readme_table(results: pd.DataFrame | None = None) -> str:
    """The README's accuracy table: per measure and data set, the workbook's headline figure
    beside its best naive baseline, the difference with its 95% interval (when measured), n
    and the status. Alternatives are left out.

    >>> rows = pd.DataFrame({"measure": ["frames"] * 2, "metric": ["macro ROC-AUC"] * 2,
    ...     "data_set": ["x", "x"], "split": ["dev", "dev"], "system": ["ours", "keywords"],
    ...     "role": ["workbook", "baseline"], "value": [0.7, 0.66], "n": [10, 10]})
    >>> readme_table(rows).splitlines()[2]
    '| frames | x (dev) | macro ROC-AUC | 0.70 | 0.66 (keywords) | +0.04 | 10 | validated |'
    """
    table = load_results() if results is None else results
    lines = ["| measure | data set | metric | workbook | best naive baseline | "
             "difference (95% interval) | n | status |",
             "|---|---|---|---|---|---|---|---|"]
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
            mine = own.iloc[0]
            best, gap = "none measured", ""
            if len(base):
                top = base.iloc[0]
                best = f"{top['value']:.2f} ({top['system']})"
                gap = f"{float(mine['value']) - float(top['value']):+.2f}"
                spread = interval_text(top.get("difference_low"), top.get("difference_high"),
                                       signed=True)
                gap += f" ({spread})" if spread else ""
            lines.append(f"| {measure} | {data_set} ({split}) | {metric} | "
                         f"{mine['value']:.2f} | {best} | {gap} | {int(mine['n'])} | "
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
