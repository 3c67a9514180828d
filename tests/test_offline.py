"""textstat works from installed packages, with no download and no network."""

from __future__ import annotations

import socket

import pytest

import analysis  # noqa: F401  (patches textstat)


def test_network_is_blocked_in_tests():
    from .conftest import NetworkBlocked

    with pytest.raises(NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=1)


def test_textstat_counts_syllables_without_nltk_download(monkeypatch):
    import nltk
    import textstat

    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    monkeypatch.setattr(nltk, "download", refuse)
    # CMU dictionary values, checked by hand: read-ing, pro-vo-ca-tion, com-mis-sion-er.
    assert textstat.syllable_count("reading") == 2
    assert textstat.syllable_count("provocation") == 4
    assert textstat.syllable_count("commissioner") == 4
    assert textstat.flesch_reading_ease("The cat sat on the mat.") > 100
