"""The corpus at a glance: what each article is, what cleaning removed, what to trust less."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.cleaning import removal_report
from analysis.sentences import split_sentences

AGGREGATOR_REASONS = ("aggregator",)

#: The seed corpus shipped with the repository (five articles on one April 2024 story).
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _seed_digests() -> frozenset[str]:
    from analysis.corpus import load_corpus

    if not (SEEDS / "manifest.csv").exists():
        return frozenset()
    return frozenset(_digest(t) for t in load_corpus(SEEDS)["raw_text"])


def is_seed_corpus(corpus: pd.DataFrame) -> bool:
    """True when ``corpus`` is exactly the repository's seed articles (compared by content).

    Notebooks show their seeds case-study sections only then: every other sentence of a
    notebook's findings must hold for any corpus.

    >>> from analysis import load_corpus
    >>> is_seed_corpus(load_corpus("seeds")), is_seed_corpus(load_corpus("seeds").head(3))
    (True, False)
    """
    seeds = _seed_digests()
    if not seeds or len(corpus) != len(seeds):
        return False
    return {_digest(t) for t in corpus["raw_text"]} == seeds


def corpus_overview(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article: outlet, date, words before and after cleaning, lines removed,
    and how many headline, caption and body sentences it has.

    >>> from analysis import load_corpus
    >>> table = corpus_overview(load_corpus("seeds"))
    >>> int(table.loc["001", "lines_removed"])
    12
    """
    sentences = split_sentences(corpus) if sentences is None else sentences
    report = removal_report(corpus)
    kinds = (sentences.groupby(["article_id", "kind"]).size().unstack(fill_value=0)
             .reindex(columns=["headline", "caption", "body"], fill_value=0))
    table = corpus.set_index("article_id")[["outlet", "published", "raw_word_count",
                                            "word_count"]].copy()
    table["published"] = table["published"].fillna("not given")
    table["words_removed"] = table["raw_word_count"] - table["word_count"]
    table["lines_removed"] = report.groupby("article_id").size().reindex(table.index,
                                                                         fill_value=0)
    for kind in ("headline", "caption", "body"):
        table[f"{kind}_sentences"] = kinds[kind].reindex(table.index, fill_value=0)
    return table.astype({"lines_removed": "int64"})


def removal_summary(corpus: pd.DataFrame) -> pd.DataFrame:
    """Removed lines grouped by reason: how many, in which articles, and one example.

    >>> from analysis import load_corpus
    >>> summary = removal_summary(load_corpus("seeds"))
    >>> int(summary["lines"].sum()) == len(removal_report(load_corpus("seeds")))
    True
    """
    report = removal_report(corpus)
    if report.empty:
        return pd.DataFrame(columns=["reason", "lines", "articles", "example"])
    reasons = report["reason"].str.replace(r"^repeats line \d+$", "repeats an earlier line",
                                           regex=True)
    grouped = report.assign(reason=reasons).groupby("reason", sort=False)
    summary = pd.DataFrame({
        "lines": grouped.size(),
        "articles": grouped["article_id"].agg(lambda ids: ", ".join(sorted(set(ids)))),
        "example": grouped["text"].first().str.slice(0, 90),
    }).reset_index()
    return summary.sort_values(["lines", "reason"], ascending=[False, True]).reset_index(
        drop=True)


def trust_notes(corpus: pd.DataFrame) -> pd.DataFrame:
    """Per article, the reasons a reader should trust it less, from what the data shows:
    an unknown outlet, no date, aggregator furniture, repeated lines — plus the manifest's
    own provenance note where there is one.

    >>> from analysis import load_corpus
    >>> notes = trust_notes(load_corpus("seeds"))
    >>> "outlet unknown" in notes.loc["004", "cautions"]
    True
    """
    report = removal_report(corpus)
    rows = []
    for row in corpus.itertuples():
        removed = report[report["article_id"] == row.article_id]
        flags = []
        if row.outlet == "unknown":
            flags.append("outlet unknown")
        if not isinstance(row.published, str) or not row.published:
            flags.append("no publication date")
        if removed["reason"].str.contains("|".join(AGGREGATOR_REASONS)).any():
            flags.append("aggregator copy (aggregator links removed)")
        repeats = int(removed["reason"].str.startswith("repeats line").sum())
        if repeats:
            flags.append(f"{repeats} repeated line(s) removed")
        provenance = getattr(row, "provenance", "")
        rows.append({"article_id": row.article_id, "outlet": row.outlet,
                     "cautions": "; ".join(flags) or "none",
                     "provenance": provenance if isinstance(provenance, str) else ""})
    return pd.DataFrame(rows).set_index("article_id")
