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


@pytest.mark.parametrize(("sentence", "expected"), [
    # a pronoun's "'s" before "been" is a passive; "'s" alone may be "has"
    ("That's been called a hoax.", [("'s been called", None)]),
    ("She's raised the money and he's won.", []),
    ("It's sponsored by a charity.", [("'s sponsored", "a charity")]),
    # "'re" and "'m" are "are" and "am"
    ("They're being asked to leave.", [("'re being asked", None)]),
    ("I'm told it will close.", [("'m told", None)]),
    # a noun's "'s" is a possessive, not "is"
    ("Tom's dog barked.", []),
])
def test_contracted_be(sentence, expected):
    assert [(p["passive"], p["agent"]) for p in find_passives(sentence, reduced=False)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a second participle shares the auxiliary, and finds its own "by" agent
    ("The men were arrested and later charged.", ["were arrested", "later charged"]),
    ("It was approved or rejected by the board.", ["was approved", "rejected"]),
    # ... but not a past tense with an object, nor a state participle
    ("He was elected and served two terms.", ["was elected"]),
    ("She was elected and married.", ["was elected"]),
])
def test_coordinated_participles(sentence, expected):
    assert [p["passive"] for p in find_passives(sentence, reduced=False)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Coal is used to make steel.", ["is used"]),
    ("We are used to the cold.", []),
    ("They got used to living there.", []),
    ("He used to work there.", []),
    ("Rules were supposed to change.", []),
    # state participles and "get rid of" without a "by" agent
    ("The report is based on a survey.", []),
    ("She is opposed to the plan.", []),
    ("We need to get rid of it.", []),
])
def test_used_to_and_state_participles(sentence, expected):
    assert [p["passive"] for p in find_passives(sentence, reduced=False)] == expected


def test_a_spaced_hyphen_ends_the_doer():
    text = "He is also distrusted by many voters - 62 percent - but that has not changed."
    assert [(p["passive"], p["agent"]) for p in find_passives(text)] == [
        ("is also distrusted", "many voters")]
