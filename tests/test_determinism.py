"""Same code, same input, same bits: no table may depend on Python's string-hash seed.

Python salts ``str`` hashes per process (``PYTHONHASHSEED``), so iterating a ``set`` of
words runs in a different order in each run; a float sum taken in that order then differs
in its last bits. These tests run the computation in two fresh interpreters with different
seeds and compare the output exactly (every float written with ``float.hex``).
"""

from __future__ import annotations

import os
import subprocess
import sys

from analysis.sentiment import model as M
from tests.conftest import ROOT

# Every table of ``analyze`` on the seeds, with the actors; floats as exact hex strings.
_DUMP = """
import math
from analysis import load_corpus
from analysis.pipeline import analyze

result = analyze(load_corpus("seeds"), "seeds/actors.csv", cache=False, progress=False)
for name, table in sorted(vars(result).items()):
    if not hasattr(table, "to_dict"):
        continue
    print("##", name, table.shape)
    for row in table.itertuples(index=False):
        print([v.hex() if isinstance(v, float) and not math.isnan(v) else repr(v)
               for v in row])
"""


def _run(*seeds: str) -> list[str]:
    """The dump's output under each hash seed (the interpreters run side by side)."""
    runs = [subprocess.Popen([sys.executable, "-c", _DUMP], cwd=ROOT,
                             env={**os.environ, "PYTHONHASHSEED": seed},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for seed in seeds]
    outputs = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err[-2000:]
        outputs.append(out)
    return outputs


def test_analyze_tables_do_not_depend_on_the_hash_seed():
    first, second = _run("1", "2")
    assert "## actor_sentiment" in first and "## sentiment" in first
    differing = [a for a, b in zip(first.splitlines(), second.splitlines(), strict=True)
                 if a != b]
    assert not differing, f"{len(differing)} rows differ, e.g. {differing[0]}"


def test_mention_features_are_listed_in_a_fixed_order():
    # Word features come out sorted within their kind, whatever the order of the text.
    text = ("Critics in the old city said zeta alpha Smith met beta gamma delta epsilon "
            "rivals on Tuesday.")
    start = text.index("Smith")
    feats = M.mention_features(text, (start, start + len("Smith")), [], [])
    for kind in ("near", "before", "after"):
        words = [k for k in feats if k.startswith(f"{kind}:")]
        assert words and words == sorted(words)
