"""Run every evaluation, print one table, and write ``results.csv`` and ``results.md``.

A data-set module takes part when it defines ``DATA_SET`` (its folder name under the
data directory), ``SOURCE`` (where the set is published) and ``evaluate(data_dir,
progress=False) -> DataFrame`` returning rows with the columns of
:data:`analysis.evaluation.RESULT_COLUMNS` (``measured`` and the interval columns are
filled in here). A row may carry ``draws``, the figure on each bootstrap resample of
:func:`analysis.evaluation.metrics.resamples`; :func:`with_intervals` turns them into the
interval columns.

``python -m analysis.evaluation [--data DIR] [--only NAME …] [--check]``; ``--check``
re-computes and compares with the committed file instead of writing it (exit 1 when the
figures differ), which is how CI knows the committed figures are the code's own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import pkgutil
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd

from analysis.evaluation import INTERVAL_COLUMNS, RESULT_COLUMNS, RESULTS_CSV, load_results
from analysis.evaluation.metrics import interval

#: Where the development data lives when ``--data`` is not given (next to the checkout).
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "dev-data"

#: The project's README, whose accuracy table is generated from the results.
README = Path(__file__).resolve().parents[2] / "README.md"

#: Figures are compared with the committed file to this many decimals.
DECIMALS = 4


def tasks() -> list[ModuleType]:
    """The data-set modules of :mod:`analysis.evaluation`, in name order.

    >>> all(hasattr(m, "evaluate") for m in tasks())
    True
    """
    import analysis.evaluation as package

    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name in {"run", "metrics"}:
            continue
        module = importlib.import_module(f"analysis.evaluation.{info.name}")
        if hasattr(module, "evaluate") and hasattr(module, "DATA_SET"):
            found.append(module)
    return found


def run(data_dir: str | Path, only: Iterable[str] = (), progress: bool = True,
        ) -> tuple[pd.DataFrame, list[str]]:
    """Evaluate every data set found under ``data_dir``; return the figures and what was missing.

    A set whose folder is absent is listed in the second value with where it is published,
    and its figures are left out (never guessed). A module whose rows lack a column of
    :data:`RESULT_COLUMNS` raises ``ValueError`` naming the module.

    >>> table, missing = run("no-such-folder", progress=False)
    >>> table.empty, all("not found at" in line for line in missing)
    (True, True)
    """
    data_dir = Path(data_dir)
    wanted = set(only)
    frames, missing = [], []
    today = dt.date.today().isoformat()
    chosen = [m for m in tasks()
              if not wanted or m.__name__.rsplit(".", 1)[1] in wanted or m.DATA_SET in wanted]
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=len(chosen), desc="data sets", unit="set", disable=None)
    for module in chosen:
        if bar is not None:
            bar.set_postfix_str(module.DATA_SET)
        folder = data_dir / module.DATA_SET
        if not folder.exists():
            missing.append(f"{module.DATA_SET}: not found at {folder} "
                           f"(published at {getattr(module, 'SOURCE', 'see its module')})")
        else:
            rows = module.evaluate(data_dir, progress=progress)
            absent = [c for c in RESULT_COLUMNS if c != "measured" and c not in rows.columns
                      and c not in INTERVAL_COLUMNS]
            if absent:
                raise ValueError(f"{module.__name__}.evaluate returned no column(s) "
                                 f"{', '.join(absent)}")
            rows = with_intervals(rows).assign(measured=today)
            frames.append(rows.reindex(columns=list(RESULT_COLUMNS)))
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    table = (pd.concat(frames, ignore_index=True) if frames
             else pd.DataFrame(columns=list(RESULT_COLUMNS)))
    return table, missing


def with_intervals(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with their 95% intervals, from the bootstrap ``draws`` each row may carry.

    ``low``/``high`` bound a row's own figure; on every row other than the workbook's, of
    the same data set, split, measure and metric, ``difference_low``/``difference_high``
    bound the workbook's figure minus this row's, draw by draw (a paired bootstrap: both were
    scored on the same resampled items). A row without draws gets empty intervals; the
    ``draws`` column is dropped.

    >>> rows = pd.DataFrame({"data_set": ["x"] * 2, "split": ["dev"] * 2,
    ...     "measure": ["m"] * 2, "metric": ["F1"] * 2, "role": ["workbook", "baseline"],
    ...     "value": [0.7, 0.5], "draws": [np.array([0.6, 0.7, 0.8]),
    ...                                    np.array([0.4, 0.6, 0.6])]})
    >>> out = with_intervals(rows)  # differences 0.2, 0.1, 0.2 draw by draw
    >>> out.loc[1, ["difference_low", "difference_high"]].round(3).tolist()
    [0.105, 0.2]
    >>> "draws" in out.columns
    False
    """
    out = rows.copy()
    for column in INTERVAL_COLUMNS:
        out[column] = float("nan")
    if "draws" not in out.columns:
        return out
    keys = ["data_set", "split", "measure", "metric"]
    for _, group in out.groupby(keys, sort=False):
        own = [d for d, role in zip(group["draws"], group["role"], strict=True)
               if role == "workbook" and isinstance(d, np.ndarray)]
        for index, draws in group["draws"].items():
            if not isinstance(draws, np.ndarray):
                continue
            out.loc[index, ["low", "high"]] = interval(draws)
            if out.loc[index, "role"] != "workbook" and own and len(own[0]) == len(draws):
                out.loc[index, ["difference_low", "difference_high"]] = interval(own[0] - draws)
    return out.drop(columns="draws")


def side_by_side(table: pd.DataFrame) -> pd.DataFrame:
    """One row per baseline: the workbook's figure beside it, for reading at a glance.

    Columns: data set, measure, metric, workbook (its value), baseline (system), baseline
    value, difference (workbook − baseline; positive = the workbook is better), its 95%
    interval (difference low, difference high; NaN where not measured), n. A group with no
    baseline gets one row with an empty baseline. Alternatives are left out.

    >>> rows = pd.DataFrame({"data_set": ["x"] * 2, "split": ["dev"] * 2,
    ...     "measure": ["frames"] * 2, "metric": ["macro ROC-AUC"] * 2,
    ...     "system": ["ours", "keywords"], "role": ["workbook", "baseline"],
    ...     "value": [0.7, 0.66], "n": [10, 10]})
    >>> side_by_side(rows)[["workbook", "baseline", "difference"]].values.tolist()
    [[0.7, 'keywords', 0.04]]
    """
    out = []
    keys = ["data_set", "split", "measure", "metric"]
    for (data_set, split, measure, metric), group in table.groupby(keys, sort=False):
        own = group[group["role"] == "workbook"]
        if own.empty:
            continue
        mine = own.iloc[0]
        base = group[group["role"] == "baseline"]
        common = {"data set": f"{data_set} ({split})", "measure": measure, "metric": metric,
                  "workbook": round(float(mine["value"]), 3)}
        if base.empty:
            out.append({**common, "baseline": "", "baseline value": float("nan"),
                        "difference": float("nan"), "difference low": float("nan"),
                        "difference high": float("nan"), "n": int(mine["n"])})
        for _, b in base.iterrows():
            out.append({**common, "baseline": b["system"],
                        "baseline value": round(float(b["value"]), 3),
                        "difference": round(float(mine["value"]) - float(b["value"]), 3),
                        "difference low": round(float(b.get("difference_low", np.nan)), 3),
                        "difference high": round(float(b.get("difference_high", np.nan)), 3),
                        "n": int(mine["n"])})
    columns = ["data set", "measure", "metric", "workbook", "baseline", "baseline value",
               "difference", "difference low", "difference high", "n"]
    return pd.DataFrame(out, columns=columns)


def to_markdown(table: pd.DataFrame) -> str:
    """The figures as a Markdown table, in the order given (workbook, baselines, alternatives).

    >>> rows = pd.DataFrame({"data_set": ["x"], "split": ["dev"], "measure": ["frames"],
    ...     "metric": ["macro ROC-AUC"], "system": ["ours"], "role": ["workbook"],
    ...     "value": [0.7], "n": [10]})
    >>> to_markdown(rows).splitlines()[2]
    '| x (dev) | frames | macro ROC-AUC | ours | workbook | 0.700 |  | 10 |'
    """
    from analysis.evaluation.report import interval_text

    lines = ["| data set | measure | metric | system | role | value | 95% interval | n |",
             "|---|---|---|---|---|---|---|---|"]
    for _, row in table.iterrows():
        spread = interval_text(row.get("low", np.nan), row.get("high", np.nan))
        lines.append(f"| {row['data_set']} ({row['split']}) | {row['measure']} | "
                     f"{row['metric']} | {row['system']} | {row['role']} | "
                     f"{row['value']:.3f} | {spread} | {row['n']} |")
    return "\n".join(lines) + "\n"


def results_markdown(table: pd.DataFrame, date: str) -> str:
    """``results.md``: the date, the workbook beside each baseline, then every figure.

    >>> results_markdown(pd.DataFrame(columns=["data_set", "split", "measure", "metric",
    ...     "system", "role", "value", "n"]), "2026-01-01").splitlines()[2][:40]
    'Written by `make evaluate` on 2026-01-01'
    """
    from analysis.evaluation.report import comparison, interval_text, status

    summary = side_by_side(table)
    lines = ["# Accuracy on public labelled news (development figures)", "",
             f"Written by `make evaluate` on {date}. Development figures: these sets were seen "
             "while building. An interval is the central 95% of the figure over "
             "bootstrap re-draws of the items (the note says when whole articles, outlets "
             "or sentences were drawn); the interval of a difference comes from scoring "
             "both systems on the same draws. A comparison is within the noise when that "
             "interval reaches zero. A measure is validated when, on its headline metric, "
             "the whole interval of its difference to every baseline lies above zero (its "
             "status below holds for all of its rows; only the headline metric's rows "
             "decide it).", "",
             "## The workbook beside each naive baseline", "",
             "| data set | measure | metric | workbook | baseline | baseline value | "
             "difference | 95% interval | n | this comparison | status of the measure |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for _, row in summary.iterrows():
        spread = interval_text(row["difference low"], row["difference high"], signed=True)
        verdict = comparison(row["difference"], row["difference low"], row["difference high"])
        lines.append(f"| {row['data set']} | {row['measure']} | {row['metric']} | "
                     f"{row['workbook']:.3f} | {row['baseline']} | {row['baseline value']:.3f} "
                     f"| {row['difference']:+.3f} | {spread} | {row['n']} | {verdict} | "
                     f"{status(row['measure'], table)} |")
    lines += ["", "## Every figure", "", to_markdown(table)]
    return "\n".join(lines)


def _comparable(table: pd.DataFrame) -> pd.DataFrame:
    keys = ["data_set", "split", "measure", "metric", "system", "role"]
    out = table.drop(columns=["measured"]).copy()
    for column in ("value", *INTERVAL_COLUMNS):
        values = out[column] if column in out else pd.Series(np.nan, index=out.index)
        out[column] = pd.to_numeric(values, errors="coerce").astype(float).round(DECIMALS)
    out["n"] = out["n"].astype(int)
    out["note"] = out["note"].fillna("").astype(str)
    return out.sort_values(keys).reset_index(drop=True)


def stale_rows(fresh: pd.DataFrame, committed: pd.DataFrame) -> pd.DataFrame:
    """Rows that differ between a fresh run and the committed file (empty when they agree).

    Values are compared rounded to :data:`DECIMALS` places; the ``measured`` date is ignored.

    >>> row = {"measured": "2026-01-01", "data_set": "x", "split": "dev", "measure": "m",
    ...        "metric": "F1", "system": "s", "role": "workbook", "value": 0.61234, "n": 3,
    ...        "note": ""}
    >>> fresh = pd.DataFrame([row])
    >>> len(stale_rows(fresh, fresh.assign(measured="1999-01-01", value=0.612341)))
    0
    >>> len(stale_rows(fresh, fresh.assign(value=0.6125)))
    2
    """
    a, b = _comparable(fresh), _comparable(committed)
    merged = a.merge(b, how="outer", indicator=True)
    return merged[merged["_merge"] != "both"]


#: The columns that say which evaluation a row belongs to: a run of some sets (``--only``)
#: replaces the committed rows of the evaluations it ran and keeps the others.
_EVALUATION_KEYS = ["data_set", "split", "measure"]


def _evaluation_keys(table: pd.DataFrame) -> list[tuple]:
    """Each row's :data:`_EVALUATION_KEYS`, as tuples."""
    return list(table[_EVALUATION_KEYS].itertuples(index=False, name=None))


def merged_results(fresh: pd.DataFrame, committed: pd.DataFrame) -> pd.DataFrame:
    """The committed table with the evaluations ``fresh`` ran replaced by its rows.

    Rows are matched by :data:`_EVALUATION_KEYS`; a replaced evaluation keeps its place,
    one that is new comes last.

    >>> def row(data_set, measure, value):
    ...     return {"measured": "2026-01-01", "data_set": data_set, "split": "dev",
    ...             "measure": measure, "metric": "F1", "system": "s", "role": "workbook",
    ...             "value": value, "n": 1, "note": ""}
    >>> committed = pd.DataFrame([row("a", "m", 0.1), row("b", "m", 0.2)])
    >>> merged_results(pd.DataFrame([row("a", "m", 0.5), row("c", "m", 0.9)]),
    ...                committed)[["data_set", "value"]].values.tolist()
    [['a', 0.5], ['b', 0.2], ['c', 0.9]]
    """
    ran = set(_evaluation_keys(fresh))
    kept = committed[[k not in ran for k in _evaluation_keys(committed)]]
    order = {k: i for i, k in enumerate(dict.fromkeys(_evaluation_keys(committed)
                                                      + _evaluation_keys(fresh)))}
    out = pd.concat([kept, fresh], ignore_index=True)
    rank = [order[k] for k in _evaluation_keys(out)]
    return (out.assign(_rank=rank).sort_values("_rank", kind="stable")
            .drop(columns="_rank").reset_index(drop=True))


def main(argv: list[str] | None = None) -> int:
    """The command line: evaluate, print the workbook beside each baseline, write or check.

    Returns 0 (written, or the check passed), 1 (the committed figures are stale) or 2 (no
    data folder: the message names each set and where it is published).

    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()):
    ...     main(["--data", "no-such-folder"])
    2
    """
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluation",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA),
                        help="folder holding the development sets (default: ../shared/dev-data)")
    parser.add_argument("--only", nargs="*", default=[], help="evaluate only these sets")
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed results instead of writing them")
    parser.add_argument("--out", default=str(RESULTS_CSV.parent),
                        help="folder for results.csv and results.md")
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        print(f"No development data at {data}. Pass --data (make evaluate DATA=...): a folder "
              "holding one sub-folder per set, each as its authors publish it:", file=sys.stderr)
        for module in tasks():
            print(f"  {module.DATA_SET}/: published at {getattr(module, 'SOURCE', '?')}",
                  file=sys.stderr)
        return 2
    table, missing = run(data, only=args.only)
    for line in missing:
        print(f"missing: {line}", file=sys.stderr)
    with pd.option_context("display.width", 200, "display.max_rows", 500,
                           "display.max_colwidth", 60):
        print("\nThe workbook beside each naive baseline (same run, same items):")
        print(side_by_side(table).to_string(index=False))
        others = table[~table["role"].isin(["workbook", "baseline"])]
        if len(others):
            print("\nAlternatives (other settings of the workbook, not its headline):")
            print(others[["data_set", "measure", "metric", "system", "value", "n"]]
                  .round({"value": 3}).to_string(index=False))
    if args.check:
        committed = load_results(Path(args.out) / "results.csv")
        if args.only:
            ran = set(_evaluation_keys(table))
            committed = committed[[k in ran for k in _evaluation_keys(committed)]]
        diff = stale_rows(table, committed)
        if len(diff):
            print("The committed results differ from a fresh run (run `make evaluate` and "
                  "commit analysis/evaluation/results.*):", file=sys.stderr)
            print(diff.to_string(index=False), file=sys.stderr)
            return 1
        print("The committed results match a fresh run.")
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.only and (out / "results.csv").exists():
        # a run of some sets updates their rows and keeps every other set's figures
        table = merged_results(table, load_results(out / "results.csv"))
    table.to_csv(out / "results.csv", index=False)
    today = dt.date.today().isoformat()
    (out / "results.md").write_text(results_markdown(table, today), encoding="utf-8")
    print(f"wrote {out / 'results.csv'} and {out / 'results.md'}")
    if out.resolve() == RESULTS_CSV.parent and README.exists():
        from analysis.evaluation.report import update_readme

        if update_readme(README, table):
            print(f"updated the accuracy table in {README.name}")
    return 0
