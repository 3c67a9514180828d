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
            flags.append(f"{repeats} repeated line{'' if repeats == 1 else 's'} removed")
        provenance = getattr(row, "provenance", "")
        rows.append({"article_id": row.article_id, "outlet": row.outlet,
                     "cautions": "; ".join(flags) or "none",
                     "provenance": provenance if isinstance(provenance, str) else ""})
    return pd.DataFrame(rows).set_index("article_id")


def _plural(n: int, word: str) -> str:
    return f"{int(n):,} {word}" if int(n) == 1 else f"{int(n):,} {word}s"


def corpus_summary(corpus: pd.DataFrame, overview: pd.DataFrame, report: pd.DataFrame,
                   notes: pd.DataFrame) -> str:
    """The corpus notebook's "In short", as Markdown built from the corpus in hand (every
    value from the data passed through :func:`analysis.html_safety.markdown_text`).

    >>> from analysis import load_corpus
    >>> c = load_corpus("seeds")
    >>> text = corpus_summary(c, corpus_overview(c), removal_report(c), trust_notes(c))
    >>> text.startswith("The corpus holds **5 articles** from **4 outlet labels**")
    True
    """
    from analysis.html_safety import markdown_text

    n, n_outlets = len(corpus), corpus["outlet"].nunique()
    unknown = int((corpus["outlet"] == "unknown").sum())
    dated = int(corpus["published"].notna().sum()) if "published" in corpus else 0
    removed = int(overview["words_removed"].sum())
    raw = int(overview["raw_word_count"].sum())
    flagged = int((notes["cautions"] != "none").sum())
    text = (f"The corpus holds **{_plural(n, 'article')}** from "
            f"**{_plural(n_outlets, 'outlet label')}** ({unknown} with no identifiable "
            f"outlet); {dated} of the {n} give{'s' if dated == 1 else ''} a publication "
            "date. ")
    if len(report):
        most = overview["words_removed"].idxmax()
        text += (f"Cleaning removed **{_plural(len(report), 'line')}** ({removed:,} words, "
                 f"{removed / max(raw, 1):.0%} of all words); article "
                 f"{markdown_text(most)} ({markdown_text(overview.loc[most, 'outlet'])}) lost "
                 f"the most, {int(overview.loc[most, 'words_removed']):,} of its "
                 f"{int(overview.loc[most, 'raw_word_count']):,} words. ")
    else:
        text += "Cleaning removed nothing. "
    verb = "carries" if flagged == 1 else "carry"
    return text + (f"{flagged} of the {n} {verb} at least one reason for caution (listed at "
                   "the end)." if flagged else "No article carries a reason for caution.")


def case_study(corpus: pd.DataFrame) -> str:
    """The seeds case study as Markdown: shown only when ``corpus`` is the seed articles
    (:func:`is_seed_corpus`), '' for any other corpus. Its facts come from the seeds'
    ``manifest.csv`` (the ``provenance`` notes) and ``README.md``.

    >>> from analysis import load_corpus
    >>> case_study(load_corpus("seeds").head(2))
    ''
    >>> case_study(load_corpus("seeds")).startswith("## Case study: the seed articles")
    True
    """
    from analysis.html_safety import markdown_text

    if not is_seed_corpus(corpus):
        return ""
    manifest = pd.read_csv(SEEDS / "manifest.csv", dtype=str, keep_default_na=False)
    lines = ["## Case study: the seed articles", "",
             "This corpus is the workbook's own five seed articles, one story scraped from "
             "the web with its mess left in. What a person reading them found, from the "
             "seeds' manifest:", ""]
    for row in manifest.itertuples():
        lines.append(f"- **{markdown_text(row.article_id)} ({markdown_text(row.outlet)})**: "
                     f"{markdown_text(row.provenance)}")
    lines += ["", "So on this corpus: figures for the machine-translated rewrite describe the "
              "translation, not the original report; the aggregator copy may cut or add text; "
              "and the article with no outlet is an unverified text. With one or two articles "
              "per outlet, every figure describes these articles, not the outlets' coverage "
              "in general."]
    return "\n".join(lines)


#: The per-article table's columns under the names the notebooks show.
ARTICLE_HEADINGS = {
    "outlet": "outlet", "published": "date", "raw_word_count": "words as scraped",
    "word_count": "words kept", "lines_removed": "lines removed",
    "headline_sentences": "headline lines", "caption_sentences": "caption lines",
    "body_sentences": "body sentences",
}


def articles_table(overview: pd.DataFrame) -> pd.DataFrame:
    """:func:`corpus_overview` with readable headings, for a reader.

    >>> from analysis import load_corpus
    >>> articles_table(corpus_overview(load_corpus("seeds"))).columns[:3].tolist()
    ['outlet', 'date', 'words as scraped']
    """
    return overview[list(ARTICLE_HEADINGS)].rename(columns=ARTICLE_HEADINGS).rename_axis(
        "article")
