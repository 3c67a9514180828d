"""Pronoun speakers against hand labels, on a tiny corpus written here (not PolNeAR's)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.attribution import extract_quotes
from analysis.evaluation import pronouns

# Article a: "she" is Ana Lopez, and the workbook should say so. Article b: "he" is Tom
# Reyes, but the nearest name before the pronoun is Ana Lopez's.
TEXTS = {
    "a": 'Ana Lopez chairs the council. "The bridge is safe," she said.',
    "b": 'Tom Reyes met Ana Lopez on Monday. "The bridge is safe," he said.',
}


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _gold() -> pd.DataFrame:
    rows = []
    for aid, pronoun in (("a", "she"), ("b", "he")):
        text = TEXTS[aid]
        start = _span(text, pronoun + " said")[0]
        rows.append({"article_id": aid, "source": [(start, start + len(pronoun))],
                     "cue": [_span(text, "said")], "content": [_span(text, "The bridge is safe")],
                     "source_text": pronoun, "quoted": True, "lost": False})
    return pd.DataFrame(rows)


def _labels(referents: dict[str, str | None]) -> pd.DataFrame:
    rows = []
    for i, r in enumerate(_gold().itertuples()):
        text = TEXTS[r.article_id]
        (s, e), = r.source
        name = referents[r.article_id]
        ref = _span(text, name) if name else (pd.NA, pd.NA)
        rows.append({"sample": i, "article_id": r.article_id, "start": s, "end": e,
                     "sha1": pronouns.key(text, e), "referent_start": ref[0],
                     "referent_end": ref[1]})
    return pd.DataFrame(rows).astype({"referent_start": "Int64", "referent_end": "Int64"})


def _corpus() -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(TEXTS), "outlet": "X", "text": list(TEXTS.values())})


def test_the_workbook_and_the_nearest_name_are_scored_on_the_labelled_referent() -> None:
    corpus = _corpus()
    quotes = extract_quotes(corpus)
    # the workbook resolves both pronouns: "she" to Ana Lopez, "he" to Tom Reyes (the
    # subject of the sentence before)
    assert quotes["speaker"].tolist() == ["Ana Lopez", "Tom Reyes"]
    figures = pronouns.score(corpus, _gold(), quotes, _labels({"a": "Lopez", "b": "Reyes"}))
    assert (figures["workbook"]["accuracy"], figures["workbook"]["n"]) == (1.0, 2)
    # the baseline's nearest name is Ana Lopez both times: right for a, wrong for b
    assert (figures["baseline"]["accuracy"], figures["baseline"]["n"]) == (0.5, 2)


def test_a_pronoun_labelled_none_is_left_out() -> None:
    corpus = _corpus()
    figures = pronouns.score(corpus, _gold(), extract_quotes(corpus),
                             _labels({"a": "Lopez", "b": None}))
    assert figures["workbook"]["n"] == figures["baseline"]["n"] == 1


def test_a_label_whose_text_changed_is_refused() -> None:
    labels = _labels({"a": "Lopez", "b": "Reyes"})
    labels.loc[0, "sha1"] = "000000000000"
    corpus = _corpus()
    with pytest.raises(ValueError, match="article a, pronoun at"):
        pronouns.score(corpus, _gold(), extract_quotes(corpus), labels)


def test_the_sample_keeps_only_he_and_she_that_speak() -> None:
    gold = pd.concat([_gold(), pd.DataFrame([
        # a named Source, and a pronoun whose Cue holds no speech verb and quotes no one
        {"article_id": "a", "source": [(0, 9)], "cue": [(10, 16)], "content": [(0, 5)],
         "source_text": "Ana Lopez", "quoted": True, "lost": False},
        {"article_id": "b", "source": [(58, 60)], "cue": [(0, 3)], "content": [(0, 5)],
         "source_text": "he", "quoted": False, "lost": False}])], ignore_index=True)
    sample = pronouns.draw_sample(_corpus(), gold)
    assert sorted(sample) == sorted((r.article_id, *r.source[0]) for r in _gold().itertuples())


def test_the_shipped_labels_are_keyed_without_text() -> None:
    labels = pronouns.read_labels()
    assert list(labels.columns) == ["sample", "article_id", "start", "end", "sha1",
                                    "referent_start", "referent_end"]
    assert labels["sample"].tolist() == list(range(pronouns.SAMPLE_SIZE))
    assert labels["sha1"].str.fullmatch(r"[0-9a-f]{12}").all()
