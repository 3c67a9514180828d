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

Short texts cannot be told apart reliably: a text with fewer than :data:`MIN_LETTERS`
letters, or one the detector is unsure of, is ``"und"`` (undetermined) and is treated as
English, so that a one-line English note is never dropped on a guess.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

__all__ = ["ENGLISH", "MIN_LETTERS", "UNDETERMINED", "detect_language", "english_only"]

ENGLISH = "en"
UNDETERMINED = "und"
#: Fewer letters than this and the language is not guessed.
MIN_LETTERS = 20
#: Characters read to tell an article's language: its opening (about 500 words) decides.
#: The detector walks the text character by character in Python, so reading whole articles
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
    language, confidence = _identifier().classify(text[:DETECT_CHARS])
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
