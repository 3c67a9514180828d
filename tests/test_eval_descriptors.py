"""The actor-descriptor evaluation on tiny fixtures written here (nothing read from a set)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.evaluation import descriptors as ev
from analysis.evaluation._samples import digest


@pytest.mark.parametrize(("sentence", "name", "expected"), [
    # back to a function word or punctuation mark; the phrase between commas after
    ("Then the Acting Mayor Jane Doe, the group's founder, spoke.", "Jane Doe",
     ("Acting Mayor", "the group's founder")),
    # the baseline keeps a verb before the name and a clause after it
    ("They said Jane Doe left.", "Jane Doe", ("said", "")),
    ("Voters met Jane Doe, whose plan won.", "Jane Doe", ("Voters met", "whose plan won")),
])
def test_baseline_descriptors(sentence, name, expected):
    start = sentence.index(name)
    assert ev.baseline_descriptors(sentence, start, start + len(name)) == expected


def test_normalise_drops_case_a_leading_article_and_closing_punctuation():
    assert ev.normalise("The  Republican Nominee,") == "republican nominee"
    assert ev.normalise("Sen.") == ev.normalise("sen") == "sen"
    assert ev.normalise("theatre critic") == "theatre critic"  # "the" only as a word


def _labels(rows):
    out = []
    for i, (aid, k, sentence, name, person, before, after) in enumerate(rows):
        start = sentence.index(name)
        row = {"sample": i, "article_id": aid, "sentence": k, "sha1": digest(sentence),
               "name_start": start, "name_end": start + len(name),
               "person": person, "before_start": "", "before_end": "",
               "after_start": "", "after_end": ""}
        if before:
            row["before_start"] = sentence.index(before)
            row["before_end"] = row["before_start"] + len(before)
        if after:
            row["after_start"] = sentence.index(after, start)
            row["after_end"] = row["after_start"] + len(after)
        out.append(row)
    return pd.DataFrame(out)


def test_score_counts_exact_descriptors_against_the_labels():
    s1 = "Then the Mayor Jane Doe, a former teacher, spoke."        # two descriptors
    s2 = "They said Jane Doe left."                                # none
    s3 = "Jane Doe, a lecturer at the J.K. Adams School, spoke."   # one, with initials
    s4 = "In Kent the rain fell."                                  # not a person: left out
    rows = [("1", 0, s1, "Jane Doe", "yes", "Mayor", "a former teacher"),
            ("1", 1, s2, "Jane Doe", "yes", "", ""),
            ("1", 2, s3, "Jane Doe", "yes", "", "a lecturer at the J.K. Adams School"),
            ("2", 0, s4, "In Kent", "no", "", "")]
    labels = _labels(rows)
    sample = [(a, k, s, s.index(n), s.index(n) + len(n)) for a, k, s, n, *_ in rows]
    got = ev.score(sample, labels)
    # the workbook finds the three labelled descriptors and nothing else
    assert (got["workbook"]["precision"], got["workbook"]["recall"]) == (1.0, 1.0)
    assert (got["workbook"]["n_names"], got["workbook"]["n_gold"]) == (3, 3)
    # the baseline: s1 right twice; "said" in s2 a false find; in s3 it stops at "J." (a
    # false find and a miss): 2 right of 4 found, 2 of 3 labelled
    assert got["baseline"]["n_predicted"] == 4
    assert got["baseline"]["precision"] == 0.5
    assert got["baseline"]["recall"] == pytest.approx(2 / 3)


def test_score_refuses_a_sentence_that_is_not_the_labelled_one():
    s = "Then Mayor Jane Doe spoke."
    labels = _labels([("1", 0, s, "Jane Doe", "yes", "Mayor", "")])
    with pytest.raises(ValueError, match="not the labelled sentence"):
        ev.score([("1", 0, "Then Mayor Jane Roe spoke.", 11, 19)], labels)
