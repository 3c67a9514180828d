"""The evaluation suite: metrics against hand-computed examples, the runner on a fake data
set, the trust helpers on hand-made rows, the CLEAR reader on passages written here, and
(slow, only where the development data is present) the committed figures against a fresh run.
"""

from __future__ import annotations

import math
import types
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.evaluation import (
    INTERVAL_COLUMNS,
    RESULT_COLUMNS,
    RESULTS_CSV,
    clear,
    load_results,
    metrics,
    report,
)
from analysis.evaluation import run as runner

ROOT = Path(__file__).resolve().parents[1]
DEV_DATA = ROOT.parent / "shared" / "dev-data"


# --- metrics, each against an example worked out by hand -----------------------------------

def test_roc_auc_counts_pairs_and_half_ties():
    # Positives 0.8 and 0.3, negatives 0.5 and 0.1: of the four (pos, neg) pairs the positive
    # is higher in 3 (0.8>0.5, 0.8>0.1, 0.3>0.1) -> 3/4.
    assert metrics.roc_auc([True, True, False, False], [0.8, 0.3, 0.5, 0.1]) == 0.75
    # A tie between a positive and a negative counts one half: pairs 1, 0.5, 1, 1 -> 3.5/4.
    assert metrics.roc_auc([True, True, False, False], [0.8, 0.5, 0.5, 0.1]) == 0.875
    assert metrics.roc_auc([False, True], [0.9, 0.1]) == 0.0
    assert math.isnan(metrics.roc_auc([True, True], [0.1, 0.2]))


def test_f1_per_class_and_macro_f1():
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "a"]
    # a: tp 1, fp 1, fn 1 -> 2/4; b: tp 1, fp 1, fn 0 -> 2/3; c: tp 0 -> 0.
    per = metrics.f1_per_class(gold, pred)
    assert per == {"a": 0.5, "b": pytest.approx(2 / 3), "c": 0.0}
    assert metrics.macro_f1(gold, pred) == pytest.approx((0.5 + 2 / 3 + 0) / 3)
    # A class named in labels but absent everywhere counts as 0 in the mean.
    assert metrics.macro_f1(gold, pred, labels=["a", "b", "c", "d"]) == pytest.approx(
        (0.5 + 2 / 3) / 4)
    with pytest.raises(ValueError, match="gold has 2 labels, predicted 1"):
        metrics.f1_per_class(["a", "b"], ["a"])


def test_accuracy():
    assert metrics.accuracy(["x", "y", "z"], ["x", "n", "z"]) == pytest.approx(2 / 3)
    assert math.isnan(metrics.accuracy([], []))
    with pytest.raises(ValueError):
        metrics.accuracy(["x"], [])


def test_spearman_with_ties_by_hand():
    # Ranks of x: 1..5; of y = [5, 6, 7, 8, 7]: 1, 2, 3.5, 5, 3.5. Both have mean 3.
    # Covariance sum: (-2)(-2) + (-1)(-1) + 0(0.5) + 1(2) + 2(0.5) = 8;
    # squares: 10 and 4 + 1 + 0.25 + 4 + 0.25 = 9.5, so rho = 8 / sqrt(95).
    assert metrics.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) == pytest.approx(8 / 95 ** 0.5)
    assert metrics.spearman([1, 2, 3], [30, 20, 10]) == pytest.approx(-1.0)


def test_span_overlap_and_discontinuous_spans():
    text = "Ann said we will win the vote today"
    #       0   4    9  12   17  21  25   30
    assert sorted(metrics.tokens_in(text, [(9, 20)])) == [9, 12, 17]
    # A discontinuous span: "we will" + "the vote" -> tokens at 9, 12, 21, 25.
    assert sorted(metrics.tokens_in(text, [(9, 16), (21, 29)])) == [9, 12, 21, 25]
    # gold "we will win the vote" (5 tokens), predicted "win the vote today" (4 tokens):
    # 3 shared over the longer 5 -> 0.6.
    assert metrics.span_overlap(text, [(9, 29)], [(17, 35)]) == pytest.approx(0.6)
    assert metrics.span_overlap(text, [(0, 3)], [(4, 8)]) == 0.0


def test_match_spans_is_one_to_one_and_greedy():
    text = "a b c d e f g h"
    #       0 2 4 6 8 10 12 14
    gold = [[(0, 7)], [(8, 15)]]          # "a b c d", "e f g h"
    predicted = [[(0, 5)], [(0, 7)], [(10, 15)]]  # "a b c" (0.75), "a b c d" (1.0), "f g h"
    # Gold 0 takes predicted 1 (overlap 1.0) and not predicted 0; gold 1 matches predicted 2
    # with 3 of its 4 tokens (0.75).
    assert metrics.match_spans(text, gold, predicted) == [(0, 1, 1.0), (1, 2, 0.75)]
    # Below the threshold nothing matches: "a" against "a b c d" is 0.25.
    assert metrics.match_spans(text, [[(0, 7)]], [[(0, 1)]]) == []


def test_precision_recall_f1():
    out = metrics.precision_recall_f1(3, 4, 6)
    assert out == {"precision": 0.75, "recall": 0.5, "f1": pytest.approx(0.6)}
    none = metrics.precision_recall_f1(0, 0, 5)
    assert math.isnan(none["precision"]) and none["recall"] == 0.0 and none["f1"] == 0.0


def test_word_recall_lower_cases_and_counts_each_word_once():
    # Sentence 1: gold {"slammed", "radical"} (repeat ignored), flagged "SLAMMED" -> 1 of 2;
    # sentence 2: gold {"mob"}, nothing flagged -> 0 of 1. Total 1 of 3.
    assert metrics.word_recall([["slammed", "radical", "Slammed"], ["mob"]],
                               [["SLAMMED"], []]) == pytest.approx(1 / 3)
    assert math.isnan(metrics.word_recall([[]], [["x"]]))


# --- the trust helpers on hand-made rows ------------------------------------------------

def _rows(*specs: tuple[str, str, str, float, int], measure: str = "frames",
          metric: str = "macro ROC-AUC") -> pd.DataFrame:
    return pd.DataFrame([{"measured": "2026-01-01", "data_set": ds, "split": "dev",
                          "measure": measure, "metric": metric, "system": system,
                          "role": role, "value": value, "n": n, "note": ""}
                         for ds, system, role, value, n in specs], columns=list(RESULT_COLUMNS))


def test_status_validated_experimental_unmeasured():
    win = _rows(("x", "ours", "workbook", 0.70, 40), ("x", "kw", "baseline", 0.66, 40))
    assert report.status("frames", win) == "validated"
    tie = _rows(("x", "ours", "workbook", 0.66, 40), ("x", "kw", "baseline", 0.66, 40))
    assert report.status("frames", tie) == "experimental"
    # Beating one baseline but not the other is not enough.
    two = _rows(("x", "ours", "workbook", 0.70, 40), ("x", "kw", "baseline", 0.66, 40),
                ("x", "tfidf", "baseline", 0.74, 40))
    assert report.status("frames", two) == "experimental"
    # Winning on one data set and losing on another is experimental.
    sets = pd.concat([win, _rows(("y", "ours", "workbook", 0.5, 9),
                                 ("y", "kw", "baseline", 0.6, 9))])
    assert report.status("frames", sets) == "experimental"
    no_base = _rows(("x", "ours", "workbook", 0.70, 40))
    assert report.status("frames", no_base) == "unmeasured"
    assert report.status("frames", _rows()) == "unmeasured"
    # A different metric than the headline does not count.
    other = _rows(("x", "ours", "workbook", 0.9, 4), ("x", "kw", "baseline", 0.1, 4),
                  metric="ROC-AUC (conflict)")
    assert report.status("frames", other) == "unmeasured"


def test_alternative_rows_do_not_decide_the_status():
    rows = _rows(("x", "ours", "workbook", 0.50, 40), ("x", "kw", "baseline", 0.60, 40),
                 ("x", "ours, other setting", "alternative", 0.90, 40))
    assert report.status("frames", rows) == "experimental"
    assert "0.50 against 0.60" in report.trust_sentence("frames", rows)


def test_trust_sentence_and_table_name_figures_n_and_baseline():
    rows = _rows(("x", "ours", "workbook", 0.704, 40), ("x", "kw", "baseline", 0.66, 40),
                 ("x", "coin", "baseline", 0.5, 40))
    sentence = report.trust_sentence("frames", rows)
    assert "on x (dev, n = 40) its macro ROC-AUC is 0.70 against 0.66" in sentence
    assert '"kw"' in sentence and "It beats its naive baselines." in sentence
    lose = _rows(("x", "ours", "workbook", 0.52, 12), ("x", "vader", "baseline", 0.54, 12))
    assert "experimental: no headline finding rests on it" in report.trust_sentence(
        "frames", lose)
    table = report.trust_table("frames", rows)
    assert table["data set"].tolist() == ["x (dev)"] * 3
    assert table["value"].tolist() == [0.704, 0.66, 0.5]


def test_readme_table_and_update(tmp_path):
    rows = pd.concat([
        _rows(("x", "ours", "workbook", 0.704, 40), ("x", "kw", "baseline", 0.66, 40),
              ("x", "coin", "baseline", 0.5, 40)),
        _rows(("c", "grade", "workbook", 0.4, 7), ("c", "wps", "baseline", 0.45, 7),
              measure="readability", metric="Spearman rho")])
    lines = report.readme_table(rows).splitlines()
    assert lines[2] == ("| frames | x (dev) | macro ROC-AUC | 0.70 | 0.66 (kw) | +0.04 | 40 | "
                        "validated |")
    assert lines[3] == ("| readability | c (dev) | Spearman rho | 0.40 | 0.45 (wps) | -0.05 | 7 | "
                        "experimental |")
    # with an interval of the difference, the table shows it beside the difference
    spread = rows.assign(difference_low=[None, 0.012, 0.1, None, None],
                         difference_high=[None, 0.071, 0.3, None, None])
    assert "| +0.04 (+0.01 to +0.07) | 40 | validated |" in report.readme_table(spread)
    readme = tmp_path / "README.md"
    readme.write_text(f"top\n{report.README_START}\nstale\n{report.README_END}\nbottom\n")
    assert report.update_readme(readme, rows) is True
    assert report.update_readme(readme, rows) is False  # already current
    text = readme.read_text()
    assert "stale" not in text and text.startswith("top\n") and text.endswith("bottom\n")
    no_markers = tmp_path / "OTHER.md"
    no_markers.write_text("nothing to replace\n")
    assert report.update_readme(no_markers, rows) is False


def test_readme_accuracy_table_matches_committed_results():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert report.README_START in text and report.README_END in text
    shown = text.split(report.README_START, 1)[1].split(report.README_END, 1)[0]
    assert shown.strip() == report.readme_table(load_results()).strip(), (
        "README's accuracy table is stale: run `make evaluate` (it rewrites the table)")


# --- the runner on a fake data-set module -----------------------------------------------

def _fake_module(value: float = 0.61234) -> types.ModuleType:
    module = types.ModuleType("analysis.evaluation.fakeset")
    module.DATA_SET = "fakeset"
    module.SOURCE = "Invented et al. (2026), https://example.org/fakeset"

    def evaluate(data_dir: Path, *, progress: bool = False) -> pd.DataFrame:
        n = len((Path(data_dir) / "fakeset" / "items.txt").read_text().split())
        return pd.DataFrame([
            {"data_set": "fakeset", "split": "dev", "measure": "frames",
             "metric": "macro ROC-AUC", "system": "ours", "role": "workbook", "value": value,
             "n": n, "note": ""},
            {"data_set": "fakeset", "split": "dev", "measure": "frames",
             "metric": "macro ROC-AUC", "system": "keywords", "role": "baseline",
             "value": 0.5, "n": n, "note": "a note"}])

    module.evaluate = evaluate
    return module


@pytest.fixture
def fake_data(tmp_path, monkeypatch):
    data = tmp_path / "data"
    (data / "fakeset").mkdir(parents=True)
    (data / "fakeset" / "items.txt").write_text("a b c")
    module = _fake_module()
    monkeypatch.setattr(runner, "tasks", lambda: [module])
    return data


def test_run_scores_present_sets_and_lists_missing_ones(fake_data, tmp_path):
    table, missing = runner.run(fake_data, progress=False)
    assert list(table.columns) == list(RESULT_COLUMNS)
    assert table["n"].tolist() == [3, 3] and missing == []
    assert table["measured"].str.fullmatch(r"\d{4}-\d\d-\d\d").all()
    table, missing = runner.run(tmp_path / "empty", progress=False)
    assert table.empty
    assert missing == [f"fakeset: not found at {tmp_path / 'empty' / 'fakeset'} "
                       "(published at Invented et al. (2026), https://example.org/fakeset)"]


def test_run_refuses_rows_without_the_result_columns(fake_data, monkeypatch):
    module = types.ModuleType("analysis.evaluation.broken")
    module.DATA_SET = "fakeset"
    module.evaluate = lambda data_dir, progress=False: pd.DataFrame({"value": [1.0]})
    monkeypatch.setattr(runner, "tasks", lambda: [module])
    with pytest.raises(ValueError, match="broken.evaluate returned no column.*data_set"):
        runner.run(fake_data, progress=False)


def test_main_writes_then_checks(fake_data, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert runner.main(["--data", str(fake_data), "--out", str(out)]) == 0
    written = load_results(out / "results.csv")
    assert written["value"].tolist() == [0.61234, 0.5]
    md = (out / "results.md").read_text()
    assert "Written by `make evaluate` on " in md
    assert ("| fakeset (dev) | frames | macro ROC-AUC | 0.612 | keywords | 0.500 | +0.112 |  | 3 "
            "| ahead | validated |" in md)
    printed = capsys.readouterr().out
    assert "keywords" in printed and "0.612" in printed
    # Same figures, another date: the check passes.
    written["measured"] = "1999-01-01"
    written.to_csv(out / "results.csv", index=False)
    assert runner.main(["--data", str(fake_data), "--out", str(out), "--check"]) == 0
    # A change in the 5th decimal is below the comparison's precision ...
    monkeypatch.setattr(runner, "tasks", lambda: [_fake_module(0.612341)])
    assert runner.main(["--data", str(fake_data), "--out", str(out), "--check"]) == 0
    # ... a change in the 4th is not.
    monkeypatch.setattr(runner, "tasks", lambda: [_fake_module(0.6125)])
    capsys.readouterr()
    assert runner.main(["--data", str(fake_data), "--out", str(out), "--check"]) == 1
    assert "differ from a fresh run" in capsys.readouterr().err


def test_main_without_data_names_each_set_and_where_it_is_published(fake_data, tmp_path,
                                                                    capsys):
    assert runner.main(["--data", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "No development data at" in err
    assert "fakeset/: published at Invented et al. (2026), https://example.org/fakeset" in err


def test_side_by_side_puts_the_workbook_beside_each_baseline():
    rows = _rows(("x", "ours", "workbook", 0.7, 40), ("x", "kw", "baseline", 0.66, 40),
                 ("x", "coin", "baseline", 0.75, 40), ("x", "alt", "alternative", 0.9, 40))
    table = runner.side_by_side(rows)
    assert table[["baseline", "workbook", "difference"]].values.tolist() == [
        ["kw", 0.7, 0.04], ["coin", 0.7, -0.05]]


# --- CLEAR: the reader and the scorer on passages written for this test ------------------

CLEAR_HEADER = "ID,Author,Title,Categ,Excerpt,BT_easiness,s.e.\n"
# Invented passages, each a few sentences; words per sentence rises from one to the next
# (2, 4, 6, 8 words), and the invented ease falls in the same order.
PASSAGES = [
    ("11", "Lit", "Sam ran. Sam hid. Mom came. Sam sat.", 1.5),
    ("12", "Lit", "The red dog ran home. It was very late. Dad had the food.", 0.7),
    ("13", "Info", "Rivers carry water from mountains to oceans. Many towns depend upon "
                   "them for drinking water.", -0.2),
    ("14", "Info", "Photosynthesis converts atmospheric carbon dioxide into carbohydrates "
                   "within chloroplasts. Consequently, vegetation constitutes an indispensable "
                   "foundation of terrestrial ecosystems.", -1.9),
]


def _clear_csv(folder: Path, rows=PASSAGES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [CLEAR_HEADER] + [f'{i},Someone,A title,{cat},"{text}",{bt},0.45\n'
                              for i, cat, text, bt in rows]
    path = folder / "clear.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_read_clear_gives_a_corpus_and_gold(tmp_path):
    corpus, gold = clear.read_clear(_clear_csv(tmp_path))
    assert corpus["article_id"].tolist() == ["11", "12", "13", "14"]
    assert corpus["outlet"].tolist() == ["Lit", "Lit", "Info", "Info"]
    assert corpus.loc[0, "text"] == "Sam ran. Sam hid. Mom came. Sam sat."
    assert gold["bt_easiness"].tolist() == [1.5, 0.7, -0.2, -1.9]
    assert gold["se"].tolist() == [0.45] * 4


@pytest.mark.parametrize(("rows", "message"), [
    ([("1", "Lit", "Fine text.", 0.1), ("2", "Lit", "Other text.", "high")],
     r"clear\.csv \(row 2\): BT_easiness is not a number"),
    ([("1", "Lit", "Fine text.", 0.1), ("1", "Lit", "Other text.", 0.2)],
     r"clear\.csv \(row 2\): ID 1 repeated"),
    ([("1", "Lit", " ", 0.1)], r"clear\.csv \(row 1\): no excerpt"),
])
def test_read_clear_names_file_and_row_of_a_bad_row(tmp_path, rows, message):
    with pytest.raises(ValueError, match=message):
        clear.read_clear(_clear_csv(tmp_path, rows))


def test_read_clear_refuses_another_format(tmp_path):
    path = tmp_path / "clear.csv"
    path.write_text("id,text\n1,hello\n")
    with pytest.raises(ValueError, match="missing column.*ID, Excerpt, BT_easiness"):
        clear.read_clear(path)


def test_words_per_sentence_baseline():
    assert clear.words_per_sentence("One two three. Four five!") == 2.5
    assert clear.words_per_sentence("No end mark here") == 4.0


def test_clear_evaluate_on_invented_passages(tmp_path):
    _clear_csv(tmp_path / "clear")
    table = clear.evaluate(tmp_path)
    assert set(table.columns) >= set(RESULT_COLUMNS) - {"measured", *INTERVAL_COLUMNS}
    assert all(len(d) == metrics.RESAMPLES for d in table["draws"])
    assert (table["n"] == 4).all() and (table["measure"] == "readability").all()
    roles = table.groupby("role").size().to_dict()
    assert roles == {"workbook": 1, "baseline": 3, "alternative": len(clear.ALTERNATIVES)}
    by_system = table.set_index("system")["value"]
    # Ease falls exactly as words per sentence rises (2, 4, 6, 8), so the length baseline
    # (sign-flipped) ranks the passages as the gold does: rho = 1.
    assert by_system["words per sentence alone, raw text"] == pytest.approx(1.0)
    assert by_system["workbook: words per sentence, clean text"] == pytest.approx(1.0)
    assert table["value"].between(-1, 1).all()


# --- the committed figures against a fresh run (needs the development data) ----------------

@pytest.mark.slow
@pytest.mark.skipif(not DEV_DATA.exists(),
                    reason=f"development data not found at {DEV_DATA} (see README: "
                           "How accurate it is)")
def test_committed_results_match_a_fresh_run():
    committed = load_results(RESULTS_CSV)
    assert len(committed), "no committed results.csv"
    wanted = sorted(committed["data_set"].unique())
    fresh, missing = runner.run(DEV_DATA, only=wanted, progress=False)
    assert not missing, missing
    stale = runner.stale_rows(fresh, committed)
    assert stale.empty, ("committed results differ from a fresh run; run `make evaluate`:\n"
                         + stale.to_string())


# --- notebook 02 on a corpus where an article has no body sentence --------------------------

def _run_notebook(path: Path, corpus: Path, monkeypatch) -> list[str]:
    """Execute a notebook's code cells in-process on ``corpus``; return its Markdown output."""
    import json

    import IPython.display
    import matplotlib

    matplotlib.use("Agg")
    shown: list[str] = []

    def display(*objects: object, **_: object) -> None:
        shown.extend(o.data for o in objects if isinstance(o, IPython.display.Markdown))

    monkeypatch.setattr(IPython.display, "display", display)
    monkeypatch.chdir(path.parent)
    cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
    namespace: dict[str, object] = {}
    for cell in cells:
        source = "".join(cell["source"])
        if source.startswith("# Parameters"):
            source = f"CORPUS = {str(corpus)!r}\nACTORS = None\nOUTPUT_DIR = 'build'"
        exec(compile(source, f"{path.name} cell", "exec"), namespace)  # noqa: S102
    return shown


def test_readability_notebook_survives_articles_without_body(tmp_path, monkeypatch):
    corpus = tmp_path / "odd.csv"
    corpus.write_text(
        "article_id,outlet,text\n"
        'x1,Daily Example,"The council voted on Tuesday to build a new bus lane. Shop owners '
        'said the plan would cut parking. The mayor said buses would be faster."\n'
        'x2,Weekly Sample,"Bus lane row"\n'
        'x3,Weekly Sample,"Read more\nShare this article"\n', encoding="utf-8")
    shown = "\n".join(_run_notebook(ROOT / "notebooks" / "02_readability.ipynb", corpus,
                                    monkeypatch))
    assert "2 of 3 articles have no body sentence to score (x2, x3)" in shown
    assert "One outlet only (3 body sentences): nothing to compare." in shown
    assert report.trust_sentence("readability") in shown
    for seed_only in ("Rowley", "kippah", "seed"):
        assert seed_only not in shown


# --- intervals: bootstrap draws, paired differences, and what counts as beating ----------

def test_a_lead_within_the_noise_is_not_a_win():
    rows = _rows(("x", "ours", "workbook", 0.70, 40), ("x", "kw", "baseline", 0.66, 40))
    assert report.status("frames", rows) == "validated"  # no interval: the values decide
    noisy = rows.assign(difference_low=[float("nan"), -0.02],
                        difference_high=[float("nan"), 0.10])
    assert report.status("frames", noisy) == "experimental"
    sentence = report.trust_sentence("frames", noisy)
    assert "difference +0.04, 95% interval -0.02 to +0.10" in sentence
    assert "within the noise" in sentence
    clear_win = noisy.assign(difference_low=[float("nan"), 0.01])
    assert report.status("frames", clear_win) == "validated"
    # a frame counts as usable only under the same rule
    usable_frames = report.usable_frames
    per_frame = pd.concat([noisy.assign(metric="ROC-AUC (conflict)"),
                           clear_win.assign(metric="ROC-AUC (economic)")])
    assert usable_frames(per_frame) == ["economic"]


def test_with_intervals_pairs_the_workbook_with_each_baseline_draw_by_draw():
    from analysis.evaluation.run import with_intervals

    # Two systems scored on the same 200 items: the workbook is right on every item the
    # baseline gets right, plus 20 more. The difference is positive on every draw, although
    # the two figures' own intervals overlap.
    gold = np.ones(200, dtype=bool)
    base_right = np.arange(200) < 100
    own_right = np.arange(200) < 120
    rows = pd.DataFrame([
        {"data_set": "x", "split": "dev", "measure": "m", "metric": "accuracy",
         "role": role, "value": right.mean(),
         "draws": metrics.bootstrap(lambda ix, r=right: (r[ix] == gold[ix]).mean(), 200)}
        for role, right in (("workbook", own_right), ("baseline", base_right))])
    out = with_intervals(rows)
    assert out.loc[0, "low"] < 0.6 < out.loc[0, "high"]
    assert out.loc[1, "high"] > out.loc[0, "low"]  # the figures' intervals overlap
    assert 0 < out.loc[1, "difference_low"] < 0.1 < out.loc[1, "difference_high"]
    assert np.isnan(out.loc[0, "difference_low"])


def test_resamples_keep_units_whole_and_repeat():
    units = ["a"] * 3 + ["b"] * 2 + ["c"]
    draws = metrics.resamples(units, n=100)
    again = metrics.resamples(units, n=100, seed=metrics.RESAMPLE_SEED)
    assert all(np.array_equal(a, b) for a, b in zip(draws, again, strict=True))
    for ix in draws:
        counts = np.bincount(ix, minlength=6)
        assert counts[0] == counts[1] == counts[2] and counts[3] == counts[4]
    assert any(len(set(ix.tolist())) < 6 for ix in draws)  # units do get left out


def test_with_intervals_when_the_workbook_row_has_no_draws():
    from analysis.evaluation.run import with_intervals

    rows = pd.DataFrame([
        {"data_set": "x", "split": "dev", "measure": "m", "metric": "F1", "role": "workbook",
         "value": 0.7},
        {"data_set": "x", "split": "dev", "measure": "m", "metric": "F1", "role": "baseline",
         "value": 0.5, "draws": np.array([0.4, 0.5, 0.6])}])
    out = with_intervals(rows)
    assert out.loc[1, ["low", "high"]].round(3).tolist() == [0.405, 0.595]
    assert out.loc[[0, 1], ["difference_low", "difference_high"]].isna().all().all()
