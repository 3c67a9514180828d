"""Framing tables read each repeated sentence once: the rows must be those of reading each
sentence afresh."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.bench import generate_corpus
from analysis.framing import frame_sentences, loaded_language
from analysis.framing._common import FRAMES
from analysis.framing.frames import FrameRules


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("generated") / "generated.jsonl"
    generate_corpus(30, seed=11).to_json(path, orient="records", lines=True)
    return load_corpus(path)


def test_frame_cues_are_each_sentences_own(generated):
    table = frame_sentences(generated)
    assert table["text"].duplicated().any()  # the cache is used
    rules = FrameRules()  # a fresh rule set, no shared state with the call above
    for row in table.itertuples(index=False):
        found = rules.cues(row.text)
        assert [getattr(row, f) for f in FRAMES] == [bool(found[f]) for f in FRAMES]
        assert row.cues == "; ".join(f"{f}: {', '.join(found[f])}" for f in FRAMES
                                     if found[f])


def test_loaded_language_equals_article_by_article(generated):
    whole = loaded_language(generated)
    parts = [loaded_language(generated.iloc[[i]]) for i in range(len(generated))]
    one_by_one = pd.concat([p for p in parts if len(p)], ignore_index=True)
    assert len(whole) > 0
    pd.testing.assert_frame_equal(whole, one_by_one, check_exact=True)
