"""Agentless passives on sentences nobody here wrote, labelled by hand before the detector ran.

``tests/data/agentless_passives.csv`` holds 60 sentences of the Narrative Frames Corpus
(MIT licence; see tests/data/README.md), each labelled 1 when it holds at least one passive
that names no doer ("the plan was approved", "if the tax were imposed"), 0 otherwise
(active verbs, adjectives such as "is involved in" / "are unrelated", or passives whose doer
a "by" phrase names).
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.framing.agency import find_passives

SAMPLE = "tests/data/agentless_passives.csv"


def _flags() -> tuple[pd.Series, pd.Series]:
    sample = pd.read_csv(SAMPLE)
    gold = sample["agentless_passive"].astype(bool)
    found = sample["text"].map(lambda t: any(p["agent"] is None for p in find_passives(t)))
    return gold, found


def test_sample_is_the_labelled_one():
    sample = pd.read_csv(SAMPLE)
    assert len(sample) == 60
    assert set(sample["agentless_passive"]) == {0, 1}
    assert int(sample["agentless_passive"].sum()) == 38


def test_agentless_passive_precision_on_the_hand_labelled_sample():
    gold, found = _flags()
    tp = int((gold & found).sum())
    fp = int((~gold & found).sum())
    fn = int((gold & ~found).sum())
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    # measured: 38 of 44 flagged sentences are right (0.86), 38 of 38 found; the six wrong
    # flags are participial adjectives ("are unrelated", "was biased", "is not lost on")
    assert precision >= 0.85, (tp, fp)
    assert recall >= 0.9, (tp, fn)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The motion was approved by seven votes.", [("was approved", None)]),
    ("Prices were cut by 10 per cent.", [("were cut", None)]),
    ("It was backed by more than 100 MPs.", [("was backed", "more than 100 MPs")]),
    ("Protesters are set to descend on the capital.", []),
    ("The team is poised to win.", []),
])
def test_amounts_are_not_agents_and_set_to_is_not_passive(sentence, expected):
    assert [(p["passive"], p["agent"]) for p in find_passives(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # an adverb aside between commas does not hide the "by" agent
    ("The money was spent, very quickly, by the two managers.",
     [("was spent", "the two managers")]),
    # ... but a clause between commas does
    ("The money was spent, she said, by Friday.", [("was spent", None)]),
    # a degree word before a domain adverb grades an adjective
    ("The case is very politically charged.", []),
    ("He was so badly injured.", [("was so badly injured", None)]),
    # un- adjectives and feelings are states, not passives
    ("The criticisms are unjustified.", []),
    ("A video of fans angered over the decision was shared.", [("was shared", None)]),
    ("Fans were angered by the decision.", [("were angered", "the decision")]),
])
def test_asides_degree_words_and_state_participles(sentence, expected):
    assert [(p["passive"], p["agent"]) for p in find_passives(sentence)] == expected
