"""The actor-table evaluation's scorer, draw and baseline, on tables written here."""

from __future__ import annotations

import pandas as pd

from analysis.evaluation import actor_tables
from analysis.evaluation._samples import digest


def test_precision_and_recall_pool_the_corpora_and_an_unlabelled_string_counts_wrong():
    rows = {"g1": {"workbook": ["Jane Doe", "Acme"], "baseline": ["Jane Doe", "New York",
                                                                  "But Doe"]},
            "g2": {"workbook": ["Tom Roe", "Newer Name"], "baseline": ["Tom Roe", "Ann Poe"]}}
    labels = {("g1", digest("Jane Doe")): 1, ("g1", digest("Acme")): 1,
              ("g1", digest("New York")): 0, ("g1", digest("But Doe")): 0,
              ("g2", digest("Tom Roe")): 1, ("g2", digest("Ann Poe")): 1}
    figures, unlabelled = actor_tables.score(rows, labels)
    # workbook: 3 right of 4 rows ("Newer Name" has no label); right names either lists:
    # Jane Doe, Acme, Tom Roe, Ann Poe = 4, of which the workbook lists 3, the baseline 3
    assert (figures["workbook"]["precision"], figures["workbook"]["n_rows"]) == (0.75, 4)
    assert (figures["baseline"]["precision"], figures["baseline"]["n_rows"]) == (0.6, 5)
    assert figures["workbook"]["recall"] == figures["baseline"]["recall"] == 0.75
    assert figures["workbook"]["n_right"] == 4
    assert unlabelled == ["g2: Newer Name"]
    draws = figures["workbook"]["precision_draws"]
    assert len(draws) > 100 and set(draws) <= {0.5, 0.75, 1.0}


def test_the_draw_leaves_out_small_months_and_the_month_read_while_writing():
    ids = ([f"a_2016-06-{d:02d}_x" for d in range(1, 9)]            # the month left out
           + [f"a_2016-05-{d:02d}_x" for d in range(1, 4)]          # too few articles
           + [f"b_2016-0{m}-{d:02d}_x" for m in (1, 2, 3) for d in range(1, 6)])
    drawn = actor_tables.draw_groups(ids, size=3)
    assert sorted(drawn) == ["b_2016-01", "b_2016-02", "b_2016-03"]
    assert actor_tables.draw_groups(ids, size=2) == actor_tables.draw_groups(ids, size=2)


def test_the_baseline_lists_capitalised_runs_by_articles_not_by_mentions():
    corpus = pd.DataFrame({"text": ["Jane Doe, Jane Doe and Jane Doe met New York.",
                                    "Tom Roe left New York.", "Tom Roe and Jane Doe."]})
    assert actor_tables.baseline_rows(corpus) == ["Jane Doe", "New York", "Tom Roe"]
    assert actor_tables.baseline_rows(corpus, top=1) == ["Jane Doe"]


def test_the_shipped_labels_hold_no_text_and_both_values():
    table = pd.read_csv(actor_tables.LABELS_FILE, dtype=str)
    assert list(table.columns) == ["group", "sha1", "label"]
    assert table["sha1"].str.fullmatch(r"[0-9a-f]{12}").all()
    assert set(table["label"]) == {"0", "1"}
    assert table["group"].nunique() == actor_tables.GROUPS
