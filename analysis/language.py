"""The language of each article, and which articles the English-only measures may read.

Every measure of the workbook (VADER's lexicon, the readability formulas, the speech-verb
and framing word lists) is built for English: a German "die" scores as a word of death and
a Chinese article gives ``nan``. :func:`load_corpus <analysis.corpus.load_corpus>` records a
``language`` column with :func:`detect_language`; :func:`english_only` gives the articles
those measures may read and the ones left out, which :func:`analysis.pipeline.analyze`
leaves out with a note and :func:`load_report <analysis.corpus.load_report>` lists.

The detector is py3langid (the langid.py model of Lui & Baldwin, 97 languages, BSD
licence, kept up by the author of trafilatura, which the workbook already uses). Chosen
over langid (unmaintained since 2016, 40× slower), lingua (96 MB installed) and langdetect
(random unless seeded, 15× slower): on 56 short paragraphs in 14 languages it was right on
55 (the miss: a five-word Spanish sentence), takes 0.2 ms per kilobyte of text, installs
4.5 MB and ships its model inside the package, so nothing is downloaded at run time.
Its tokeniser (a Python loop over every byte) and its scoring (float16 weights converted
on every call) are redone here with numpy on the same arrays, in the same order, so the
scores are the same to the bit at about a third of the cost (:func:`_classify`; tested
against py3langid's own ``classify``).

Short texts cannot be told apart reliably: a text with fewer than :data:`MIN_LETTERS`
letters, or one the detector is unsure of, is ``"und"`` (undetermined) and is treated as
English, so that a one-line English note is never dropped on a guess.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd

__all__ = ["ENGLISH", "MIN_LETTERS", "UNDETERMINED", "detect_language", "english_only"]

ENGLISH = "en"
UNDETERMINED = "und"
#: Fewer letters than this and the language is not guessed.
MIN_LETTERS = 20
#: Characters read to tell an article's language: its opening (about 500 words) decides.
#: The detector reads the text byte by byte, so reading whole articles
#: cost more than any measure; an article that switches language after its opening is
#: classed by the opening.
DETECT_CHARS = 3_000
#: Smallest probability (the detector's normalised score) at which a text is called
#: another language than English.
MIN_CONFIDENCE = 0.5
#: Language codes the detector uses for text with no language ("zxx": no linguistic content).
_NO_LANGUAGE = {"zxx", UNDETERMINED}


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import _load_identifier

    # The model file ships inside the package: loading it reads a local file only.
    return _load_identifier(norm_probs=True)


#: Bytes of text after which py3langid's tokeniser is in the same state whatever came
#: before them (checked over every state of its model: :func:`_synchronising_length`).
DFA_MEMORY = 6


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """py3langid's model as arrays: the tokeniser's next state (flat, the model's own
    memory), each state's row offset and each state's feature (-1: none); and the
    feature weights as float32 (the model stores float16, which its scoring converts to
    float32 on every call; converted once here, 57 MB)."""
    identifier = _identifier()
    return (np.frombuffer(identifier.tk_nextmove, dtype=np.uint32),
            np.asarray(identifier._rowbase, dtype=np.intp),
            np.asarray(identifier.tk_output, dtype=np.intp),
            identifier.nb_ptc.astype(np.float32))


def _features(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """The features py3langid's tokeniser meets in ``data`` and how often, in the order
    each is first met: exactly its ``visit_counts`` (a Python loop over every byte).

    The tokeniser is a finite automaton whose state, after :data:`DFA_MEMORY` bytes or
    more, depends on the last :data:`DFA_MEMORY` bytes only. So the state at every byte is
    found for all bytes at once: start at state 0 and take the step for the byte
    ``DFA_MEMORY - 1`` back, then the next one, and so on (before the text's start the
    state stays 0, as the loop's would).

    >>> idx, counts = _features(b"the the")
    >>> int(counts.sum()) > 0, len(idx) == len(set(idx.tolist()))
    (True, True)
    """
    nextmove, rowbase, output, _ = _tables()
    codes = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
    n = len(codes)
    states = np.zeros(n, dtype=np.intp)
    for back in range(DFA_MEMORY - 1, -1, -1):
        if back < n:
            states[back:] = nextmove[rowbase[states[back:]] + codes[:n - back]]
    found = output[states]
    found = found[found >= 0]
    if not len(found):
        return found, np.empty(0, dtype=np.float32)
    # factorize numbers the features in the order each is first met (one hash pass, no sort)
    ids, unique = pd.factorize(found)
    return unique, np.bincount(ids).astype(np.float32)


def _classify(text: str) -> tuple[str, float]:
    """py3langid's ``classify`` (normalised probabilities), with :func:`_features` in place
    of its byte loop: the same arrays in the same order, so the same scores to the bit.

    >>> _classify("The council voted on Tuesday to close the road to cars.")[0]
    'en'
    """
    identifier = _identifier()
    data = identifier._encode(text)
    idx, counts = _features(data)
    if len(idx):
        scores = np.log1p(counts) @ _tables()[3][idx] + identifier.nb_pc
    else:  # no features: every class alike, as py3langid does with normalised scores
        scores = np.full(len(identifier.nb_classes), 0.0, dtype=np.float32)
    scores *= 1.0 / math.sqrt(len(data) or 1)
    np.exp(scores - scores.max(), out=scores)
    scores /= scores.sum()
    for i, j in identifier._alias_pairs:
        scores[i] += scores[j]
        scores[j] = 0.0
    best = int(scores.argmax())
    return identifier.nb_classes[best], float(scores[best])


@lru_cache(maxsize=1)
def _fast_path() -> bool:
    """Whether the installed py3langid has the model arrays :func:`_classify` reads (the
    version the workbook pins does); else its own ``classify`` is used."""
    names = ("tk_nextmove", "_rowbase", "tk_output", "nb_ptc", "nb_pc", "nb_classes",
             "_alias_pairs", "_encode")
    return all(hasattr(_identifier(), name) for name in names)


def _synchronising_length(limit: int = 8) -> int:
    """The fewest bytes after which py3langid's tokeniser is in one state whichever state
    it started from (for every byte string of that length); checks :data:`DFA_MEMORY`.

    Follows the set of states reachable from all states byte by byte, a set only once;
    takes about half a minute.
    """
    nextmove, rowbase, _, _ = _tables()
    frontier = [np.arange(len(rowbase))]
    byte_values = np.arange(256)
    for length in range(1, limit + 1):
        seen: dict[bytes, np.ndarray] = {}
        for states in frontier:
            following = nextmove[rowbase[states][:, None] + byte_values[None, :]]
            for column in following.T:
                after = np.unique(column)
                if len(after) > 1:
                    seen.setdefault(after.tobytes(), after)
        frontier = list(seen.values())
        if not frontier:
            return length
    raise ValueError(f"the tokeniser does not synchronise within {limit} bytes")


def _has_letters(text: str, least: int) -> bool:
    """Whether ``text`` holds at least ``least`` letters (``str.isalpha``), reading only
    as far as the ``least``-th letter.

    >>> _has_letters("ab 12 c", 3), _has_letters("ab 12", 3)
    (True, False)
    """
    if least <= 0:
        return True
    found = 0
    for ch in text:
        if ch.isalpha():
            found += 1
            if found >= least:
                return True
    return False


def detect_language(text: object) -> str:
    """The ISO 639-1 code of a text's language, or ``"und"`` when it cannot be told.

    >>> detect_language("Der Stadtrat hat am Dienstag beschlossen, die Straße zu sperren.")
    'de'
    >>> detect_language("The council voted on Tuesday to close the road to cars.")
    'en'
    >>> detect_language("Body line.")
    'und'
    """
    if not isinstance(text, str):
        return UNDETERMINED
    if not _has_letters(text[:2000], MIN_LETTERS):
        return UNDETERMINED
    head = text[:DETECT_CHARS]
    language, confidence = _classify(head) if _fast_path() else _identifier().classify(head)
    if language == ENGLISH:
        return ENGLISH
    if language in _NO_LANGUAGE or confidence < MIN_CONFIDENCE:
        return UNDETERMINED
    return str(language)


def english_only(corpus: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(english, excluded)``: the articles English-only measures may read, and the others
    (``article_id``, ``outlet``, ``language``).

    Articles in English or of undetermined language are kept; a corpus without a
    ``language`` column (not made by ``load_corpus``) is kept whole.

    >>> corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                        "language": ["en", "de"]})
    >>> english, excluded = english_only(corpus)
    >>> english.article_id.tolist(), excluded.to_dict("records")
    (['a'], [{'article_id': 'b', 'outlet': 'Y', 'language': 'de'}])
    """
    columns = ["article_id", "outlet", "language"]
    if "language" not in corpus.columns:
        return corpus, pd.DataFrame(columns=columns)
    keep = corpus["language"].isin([ENGLISH, UNDETERMINED]) | corpus["language"].isna()
    if keep.all():
        return corpus, pd.DataFrame(columns=columns)
    excluded = corpus.loc[~keep, [c for c in columns if c in corpus.columns]]
    english = corpus.loc[keep].reset_index(drop=True)
    english.attrs = dict(corpus.attrs)
    return english, excluded.reset_index(drop=True)


def excluded_note(excluded: pd.DataFrame) -> str:
    """The note a result carries for the articles :func:`english_only` left out.

    >>> excluded_note(pd.DataFrame({"article_id": ["b"], "language": ["de"]}))
    '1 article not in English left out of the English-only measures: b (de)'
    """
    shown = ", ".join(f"{a} ({lang})" for a, lang in
                      zip(excluded["article_id"][:10], excluded["language"][:10], strict=True))
    more = f" and {len(excluded) - 10} more" if len(excluded) > 10 else ""
    n = len(excluded)
    return (f"{n} article{'s' if n != 1 else ''} not in English left out of the English-only "
            f"measures: {shown}{more}")
