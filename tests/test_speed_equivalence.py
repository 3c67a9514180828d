"""Shortcuts taken for speed give exactly what the plain computation gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.language import MIN_LETTERS, _has_letters


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 .\u00e9\u0301\u4e2d\u00bd_\n")), max_size=80),
       st.integers(min_value=0, max_value=30))
def test_letter_count_stops_early_with_the_same_answer(text, least):
    assert _has_letters(text, least) == (sum(ch.isalpha() for ch in text) >= least)


def test_letter_threshold_on_short_lines():
    assert not _has_letters("Body line.", MIN_LETTERS)
    assert _has_letters("The council voted on Tuesday.", MIN_LETTERS)
