"""Run every evaluation, print one table, and write ``results.csv`` and ``results.md``.

A data-set module takes part when it defines ``DATA_SET`` (its folder name under the
data directory), ``SOURCE`` (where the set is published) and ``evaluate(data_dir,
progress=False) -> DataFrame`` returning rows with the columns of
:data:`analysis.evaluation.RESULT_COLUMNS` (``measured`` is filled in here).

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

import pandas as pd

from analysis.evaluation import RESULT_COLUMNS, RESULTS_CSV, load_results

#: Where the development data lives when ``--data`` is not given (next to the checkout).
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "dev-data"

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
    and its figures are left out (never guessed).
    """
    data_dir = Path(data_dir)
    wanted = set(only)
    frames, missing = [], []
    today = dt.date.today().isoformat()
    for module in tasks():
        name = module.__name__.rsplit(".", 1)[1]
        if wanted and name not in wanted and module.DATA_SET not in wanted:
            continue
        folder = data_dir / module.DATA_SET
        if not folder.exists():
            missing.append(f"{module.DATA_SET}: not found at {folder} "
                           f"(published at {getattr(module, 'SOURCE', 'see its module')})")
            continue
        rows = module.evaluate(data_dir, progress=progress)
        rows = rows.assign(measured=today)
        frames.append(rows.reindex(columns=list(RESULT_COLUMNS)))
    table = (pd.concat(frames, ignore_index=True) if frames
             else pd.DataFrame(columns=list(RESULT_COLUMNS)))
    return table, missing


def to_markdown(table: pd.DataFrame) -> str:
    """The figures as a Markdown table, the workbook's figure first within each measure."""
    lines = ["| data set | measure | metric | system | role | value | n |",
             "|---|---|---|---|---|---|---|"]
    for row in table.itertuples(index=False):
        lines.append(f"| {row.data_set} ({row.split}) | {row.measure} | {row.metric} | "
                     f"{row.system} | {row.role} | {row.value:.3f} | {row.n} |")
    return "\n".join(lines) + "\n"


def _comparable(table: pd.DataFrame) -> pd.DataFrame:
    keys = ["data_set", "split", "measure", "metric", "system", "role"]
    out = table.drop(columns=["measured"]).copy()
    out["value"] = out["value"].astype(float).round(DECIMALS)
    out["n"] = out["n"].astype(int)
    out["note"] = out["note"].fillna("").astype(str)
    return out.sort_values(keys).reset_index(drop=True)


def stale_rows(fresh: pd.DataFrame, committed: pd.DataFrame) -> pd.DataFrame:
    """Rows that differ between a fresh run and the committed file (empty when they agree)."""
    a, b = _comparable(fresh), _comparable(committed)
    merged = a.merge(b, how="outer", indicator=True)
    return merged[merged["_merge"] != "both"]


def main(argv: list[str] | None = None) -> int:
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
        print(f"No development data at {data}. Pass --data (make evaluate DATA=...). The sets:",
              file=sys.stderr)
        for module in tasks():
            print(f"  {module.DATA_SET}: {getattr(module, 'SOURCE', '')}", file=sys.stderr)
        return 2
    table, missing = run(data, only=args.only)
    for line in missing:
        print(f"missing: {line}", file=sys.stderr)
    with pd.option_context("display.width", 200, "display.max_rows", 500,
                           "display.max_colwidth", 40):
        print(table.drop(columns=["measured", "note"]).to_string(index=False))
    if args.check:
        committed = load_results(Path(args.out) / "results.csv")
        if args.only:
            committed = committed[committed["data_set"].isin(table["data_set"].unique())]
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
    table.to_csv(out / "results.csv", index=False)
    (out / "results.md").write_text(
        f"# Accuracy on public labelled news (development figures)\n\n"
        f"Written by `make evaluate` on {dt.date.today().isoformat()}.\n\n" + to_markdown(table))
    print(f"wrote {out / 'results.csv'} and {out / 'results.md'}")
    return 0
