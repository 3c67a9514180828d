"""Readability of each article's own prose with textstat's classic formulas.

The formulas (Flesch 1948, Kincaid et al. 1975, Gunning 1952, McLaughlin 1969, Coleman &
Liau 1975, Smith & Senter 1967, Dale & Chall 1948/1995, Linsear Write) only count: words
per sentence, syllables or letters per word, and "hard" words. Most give a US school
grade; a UK reader's age is roughly grade + 5 (a rule of thumb: US grade 1 starts at age
6). Scores are computed on the clean body sentences of :func:`analysis.split_sentences`,
each ended with a full stop and joined, so textstat counts exactly our sentences (headlines
and captions without closing punctuation cannot glue two sentences into one). The same
figures on ``raw_text`` (:func:`raw_readability`) show what scraper noise does.

>>> from analysis import load_corpus
>>> table = article_readability(load_corpus("seeds"))
>>> bool((table["flesch_kincaid_grade"] > 5).all())
True
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType

import numpy as np
import pandas as pd
import textstat

import analysis  # noqa: F401  (importing the package keeps textstat offline)
from analysis.sentences import split_sentences

__all__ = [
    "FORMULAS",
    "UK_AGE_OFFSET",
    "article_readability",
    "grade_band",
    "raw_readability",
    "readability_scores",
    "sentence_lengths",
    "uk_age",
]

#: textstat functions reported, under their own names.
FORMULAS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula", "text_standard",
)
#: Rule of thumb: a UK reader's age is the US grade plus five.
UK_AGE_OFFSET = 5
#: Longest text (in words) given to textstat; longer ones get NaN and a reason.
MAX_WORDS = 200_000
#: Columns of :func:`article_readability`, in order.
ARTICLE_COLUMNS = (
    "article_id", "outlet", *FORMULAS, "words_per_sentence", "syllables_per_word",
    "n_sentences", "n_words", "n_skipped", "reason", "uk_age", "band",
)

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_INNER_STOP = re.compile(r"[.!?…]+(?=\s*\S)")
_END = re.compile(r"[.!?…]['\"’”»)\]]*\s*$")


#: textstat helpers called once per word (and per short sentence) of every text.
_PER_WORD = ("count_syllables", "is_difficult_word", "remove_punctuation", "count_words")
#: Strings up to this long (words, short sentences) use the large cache.
_SHORT = 64
#: Entries in the large cache of each per-word helper.
_WORD_CACHE = 1 << 15
#: Use the large per-word caches (False: stock textstat, for comparison in the tests).
FAST_TEXTSTAT = True
_lock = threading.Lock()
_depth = 0
_swaps: list[tuple[ModuleType, str, Callable[..., object], Callable[..., object]]] = []


def _with_word_cache(stock: Callable[..., object]) -> Callable[..., object]:
    """``stock`` (one of textstat's own cached helpers) with a large cache for short strings.

    textstat 0.7.13 caches each helper in 128 entries, shared by whole texts and single
    words, so on a long text the per-word calls evict each other and the whole-text entry
    (the syllables of a text are counted three times). The functions are pure: caching
    more cannot change a result, only how often it is computed.
    """
    small = functools.lru_cache(maxsize=_WORD_CACHE)(stock.__wrapped__)  # type: ignore[attr-defined]
    long = stock
    if stock.__name__ == "count_syllables":
        long = functools.lru_cache(maxsize=128)(_text_syllables)

    @functools.wraps(stock)
    def fast(text: object, *args: object, **kwargs: object) -> object:
        if isinstance(text, str) and len(text) <= _SHORT:
            return small(text, *args, **kwargs)
        return long(text, *args, **kwargs)

    return fast


def _text_syllables(text: str, lang: str) -> int:
    """textstat's ``count_syllables`` of a whole text, each distinct word looked up once:
    the same loop (CMU dictionary, else Pyphen's hyphenation points + 1) over the same
    words (``list_words(text, lowercase=True)``), the per-word step cached."""
    module = importlib.import_module("textstat.backend.counts._count_syllables")
    if not text:
        return 0
    return sum(_word_syllables(word, lang, module)
               for word in module.list_words(text, lowercase=True))


@functools.lru_cache(maxsize=_WORD_CACHE)
def _word_syllables(word: str, lang: str, module: ModuleType) -> int:
    """The body of textstat 0.7.13's syllable loop for one word."""
    cmu_dict = module.get_cmudict(lang)
    try:
        cmu_phones = cmu_dict[word][0]
        return sum(1 for p in cmu_phones if p[-1].isdigit())
    except (TypeError, IndexError, KeyError):
        return len(module.get_pyphen(lang).positions(word)) + 1


def _textstat_swaps() -> list[tuple[ModuleType, str, Callable[..., object], Callable[..., object]]]:
    """(module, name, stock, fast) for every textstat module that holds a per-word helper."""
    if _swaps:
        return _swaps
    modules = []
    for sub in ("counts", "selections", "validations", "transformations", "metrics"):
        package = importlib.import_module(f"textstat.backend.{sub}")
        modules.append(package)
        modules += [importlib.import_module(f"{package.__name__}.{info.name}")
                    for info in pkgutil.iter_modules(package.__path__)]
    fast: dict[int, Callable[..., object]] = {}
    for module in modules:
        for name in _PER_WORD:
            stock = getattr(module, name, None)
            if stock is None or not hasattr(stock, "cache_info"):
                continue
            if id(stock) not in fast:
                fast[id(stock)] = _with_word_cache(stock)
            _swaps.append((module, name, stock, fast[id(stock)]))
    return _swaps


@contextmanager
def _fast_textstat() -> Iterator[None]:
    """Within the block, textstat's per-word helpers use large caches (the same results,
    about three times faster on news articles); textstat is restored after the last
    block ends (safe across threads: figures never depend on which version runs)."""
    global _depth
    if not FAST_TEXTSTAT:
        yield
        return
    with _lock:
        if _depth == 0:
            for module, name, _, fast in _textstat_swaps():
                setattr(module, name, fast)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                for module, name, stock, _ in _swaps:
                    setattr(module, name, stock)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _as_sentence(text: str) -> str:
    """One sentence for textstat: inner stops (ellipses, decimals, "?" mid-quote) softened
    so textstat does not split there, and a full stop at the end."""
    text = text.strip()
    body = _END.sub("", text)
    body = _INNER_STOP.sub(lambda m: "," if m.group(0) != "." else "", body)
    return body.rstrip(" ,;:") + "."


def readability_scores(sentences: list[str]) -> dict[str, object]:
    """textstat's formulas for a list of sentences, plus ``words_per_sentence`` (our words,
    runs of letters or digits, per sentence given), ``syllables_per_word`` (textstat's
    syllable count over its word count), ``n_sentences``, ``n_words``, ``n_skipped`` and
    ``reason`` (why NaN, or ""). textstat itself ignores sentences of one or two words when
    it counts sentences for its formulas.

    Sentences with no word (punctuation or emoji only) are left out and counted in
    ``n_skipped``; a text with no words left gives NaN everywhere.

    >>> s = readability_scores(["The cat sat on the mat.", "It was a sunny day."])
    >>> s["n_sentences"], s["words_per_sentence"], round(s["flesch_kincaid_grade"], 2)
    (2, 5.5, -0.57)
    """
    kept = [s for s in sentences if isinstance(s, str) and _words(s)]
    out: dict[str, object] = {f: np.nan for f in FORMULAS}
    n_words = sum(len(_words(s)) for s in kept)
    out.update({"words_per_sentence": np.nan, "syllables_per_word": np.nan,
                "n_sentences": len(kept), "n_words": n_words,
                "n_skipped": len(sentences) - len(kept), "reason": ""})
    if not kept:
        out["reason"] = "no sentence with words"
        return out
    if n_words > MAX_WORDS:
        out["reason"] = f"longer than {MAX_WORDS} words"
        return out
    text = " ".join(_as_sentence(s) for s in kept)
    with _fast_textstat():
        for name in FORMULAS:
            if name == "text_standard":
                value = textstat.text_standard(text, float_output=True)
            else:
                value = getattr(textstat, name)(text)
            out[name] = float(value)
        syllables = textstat.syllable_count(text) / max(1, textstat.lexicon_count(text))
    out["words_per_sentence"] = n_words / len(kept)
    out["syllables_per_word"] = syllables
    return out


def article_readability(
    corpus: pd.DataFrame, sentences: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per article: readability of its clean body sentences.

    Columns: ``article_id``, ``outlet``, the :data:`FORMULAS` (textstat's own names),
    ``words_per_sentence``, ``syllables_per_word``, ``n_sentences``, ``n_words``,
    ``n_skipped``, ``reason`` (why NaN: "no body sentences", ...), ``uk_age`` (from
    ``text_standard``) and ``band``. An empty corpus gives an empty table with these
    columns.

    >>> from analysis import load_corpus
    >>> t = article_readability(load_corpus("seeds"))
    >>> len(t), bool((t["n_sentences"] > 0).all())
    (5, True)
    """
    sents = split_sentences(corpus) if sentences is None else sentences
    body = sents[sents["kind"] == "body"]
    # One pass over the sentences, not a filter per article.
    all_texts = body["text"].to_numpy(dtype=object)
    where = body["article_id"].groupby(body["article_id"].to_numpy(), sort=False).indices \
        if len(body) else {}
    rows = []
    for aid, outlet in zip(corpus["article_id"], corpus["outlet"], strict=True):
        texts = all_texts[where[aid]].tolist() if aid in where else []
        row = {"article_id": aid, "outlet": outlet, **readability_scores(texts)}
        if not texts:
            row["reason"] = "no body sentences"
        rows.append(row)
    table = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS[:-2]))
    table["uk_age"] = [uk_age(g) for g in table["text_standard"]]
    table["band"] = [grade_band(g) for g in table["text_standard"]]
    return table


def raw_readability(corpus: pd.DataFrame) -> pd.DataFrame:
    """The same figures on each article's ``raw_text`` as scraped, columns prefixed ``raw_``.

    textstat splits the raw text itself (at . ! ?), so captions and page furniture without
    closing punctuation run into the next sentence: this is what scraper noise does.

    >>> from analysis import load_corpus
    >>> t = raw_readability(load_corpus("seeds"))
    >>> "raw_flesch_kincaid_grade" in t.columns
    True
    """
    rows = []
    for aid, outlet, raw in zip(corpus["article_id"], corpus["outlet"], corpus["raw_text"],
                                strict=True):
        raw = raw if isinstance(raw, str) else ""
        row: dict[str, object] = {"article_id": aid, "outlet": outlet}
        n_words = len(_words(raw))
        values: dict[str, object] = {f: np.nan for f in FORMULAS}
        reason = ""
        if n_words == 0:
            reason = "no words"
        elif n_words > MAX_WORDS:
            reason = f"longer than {MAX_WORDS} words"
        else:
            with _fast_textstat():
                for name in FORMULAS:
                    fn = getattr(textstat, name)
                    values[name] = float(fn(raw, float_output=True) if name == "text_standard"
                                         else fn(raw))
        with _fast_textstat():
            n_sent = textstat.sentence_count(raw) if n_words else 0
            syllables = (textstat.syllable_count(raw) / textstat.lexicon_count(raw)
                         if n_words and not reason else np.nan)
        values["words_per_sentence"] = n_words / n_sent if n_sent else np.nan
        values["syllables_per_word"] = syllables
        values["n_sentences"] = n_sent
        values["reason"] = reason
        row.update({f"raw_{k}": v for k, v in values.items()})
        rows.append(row)
    return pd.DataFrame(rows)


def sentence_lengths(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Body sentences with their length in words (``n_words``) and ``outlet``.

    >>> from analysis import load_corpus
    >>> int(sentence_lengths(load_corpus("seeds"))["n_words"].max()) > 40
    True
    """
    sents = split_sentences(corpus) if sentences is None else sentences
    body = sents[sents["kind"] == "body"].copy()
    body["n_words"] = [len(_words(t)) for t in body["text"]]
    return body.merge(corpus[["article_id", "outlet"]], on="article_id", how="left")


def uk_age(grade: float) -> float:
    """Rough UK reading age for a US grade: grade + 5 (NaN stays NaN).

    >>> uk_age(8.0)
    13.0
    """
    return np.nan if grade is None or pd.isna(grade) else float(grade) + UK_AGE_OFFSET


def grade_band(grade: float) -> str:
    """A plain-words band for a US grade, with the UK age beside it.

    >>> grade_band(7.0)
    'grades 6-8 (UK age 11-13): lower secondary'
    """
    if grade is None or pd.isna(grade):
        return "not computed"
    for top, label in ((5, "grades 1-5 (UK age 6-10): primary school"),
                       (8, "grades 6-8 (UK age 11-13): lower secondary"),
                       (12, "grades 9-12 (UK age 14-17): upper secondary"),
                       (16, "grades 13-16 (UK age 18-21): university")):
        if grade <= top:
            return label
    return "above grade 16 (UK age 21+): graduate / specialist"
