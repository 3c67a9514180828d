"""The outlets at a glance: one row per outlet, findings with their weight, charts.

Every figure is computed from the corpus in hand by the other modules' functions and carries
the number of items it rests on (articles, sentences, quotations) and an interval: a
bootstrap over the outlet's articles (:data:`N_BOOT` resamples, fixed seed
:data:`BOOT_SEED`, :data:`CONFIDENCE` interval). An outlet with fewer than
:data:`MIN_ARTICLES` articles gets no interval, and the workbook says "too few to say"
instead of comparing it. A finding names a difference between the highest and the lowest
outlet only when the bootstrap interval of that difference excludes zero *and* a gap that
wide arises by chance in under :data:`CHANCE_LEVEL` of random reassignments of the articles
to the outlets (:func:`chance_of_gap`: picking the two extremes out of many outlets makes
their gap look larger than it is); otherwise it says the outlets cannot be told apart on
this corpus. A finding rests on a measure whose external accuracy
(:func:`analysis.evaluation.report.status`) is "validated"; the others are shown labelled
*experimental*.

When the corpus has a ``story`` column (from the manifest) that groups articles about the
same event, the tone and reading-grade comparisons are made within stories: each article's
figure minus the mean of its story, over the stories that more than one outlet covered.
Without it, :func:`story_design` says whether the corpus looks like many stories, in which
case a comparison between outlets mixes *which* stories they cover with *how*.

>>> plural(1, "article"), plural(3, "quotation")
('1 article', '3 quotations')
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.english import function_words

#: The fewest articles an outlet needs before the workbook puts an interval on its figure
#: or compares it with another outlet (a bootstrap over two articles has three outcomes).
MIN_ARTICLES = 3
#: The fewest sentences or quotations an outlet's figure may rest on before it is compared.
MIN_ITEMS = 10
#: Bootstrap resamples, the generator's seed and the interval's coverage.
N_BOOT = 1000
BOOT_SEED = 20240413
CONFIDENCE = 0.95
#: Below this median word overlap between articles (Jaccard of content words) a corpus
#: without a ``story`` column is taken to hold many stories: articles on one story overlap
#: by about 0.13, public news sets of many stories by about 0.05.
MANY_STORIES_OVERLAP = 0.08
UNIQUE_STATUS = "not found in any other outlet"
TOO_FEW = "too few to say"

#: The measures of the outlet table: column → (name shown on every page, the items it
#: counts, the evaluation measure whose status decides whether findings may rest on it).
MEASURES: dict[str, tuple[str, str, str]] = {
    "narration_tone": ("tone of the outlet's own words", "sentences", "sentence sentiment"),
    "quoted_tone": ("tone of the speech it quotes", "sentences", "sentence sentiment"),
    "grade": ("reading grade (US school grade)", "articles", "readability"),
    "top_source_type_share": ("share of quoted words given to its main kind of source",
                              "quotations", "speakers"),
    "evaluative_verbs": ("share of quotations introduced by a judging verb", "quotations",
                         "speech verbs"),
    "dominant_frame_share": ("share of sentences carrying its leading frame", "sentences",
                             "frame cues"),
}
OVERVIEW_COLUMNS = [
    "outlet", "articles", "words", "stories",
    *itertools.chain.from_iterable((m, f"{m}_lo", f"{m}_hi", f"{m}_n", f"{m}_articles")
                                   for m in MEASURES),
    "uk_age", "quoted_words", "quotations", "top_sources", "top_source_type", "unlisted_share",
    "dominant_frame", "labels", "unique_quotes", "checked_quotes", "reuse_share",
    "reuse_with",
]


def plural(n: int, word: str) -> str:
    """``n`` and the word, in the plural unless ``n`` is 1 ("1 article", "2 articles").

    >>> plural(0, "sentence")
    '0 sentences'
    """
    n = int(n)
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


# --------------------------------------------------------------------------- uncertainty


def _resample(num: np.ndarray, den: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    picks = rng.integers(0, len(num), size=(N_BOOT, len(num)))
    top, bottom = num[picks].sum(axis=1), den[picks].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return top / bottom


def _usable(n: np.ndarray, d: np.ndarray) -> np.ndarray:
    """The articles a pooled ratio can use: a value and a denominator above zero."""
    return ~np.isnan(n) & ~np.isnan(d) & (d > 0)


def _clean(num: object, den: object) -> tuple[np.ndarray, np.ndarray]:
    n = np.asarray(num, dtype=float)
    d = np.asarray(den, dtype=float)
    ok = _usable(n, d)
    return n[ok], d[ok]


def ratio_interval(num: object, den: object) -> tuple[float, float, float]:
    """The pooled ratio sum(num) / sum(den) over articles and its bootstrap interval
    (articles resampled with replacement). The interval is (nan, nan) with fewer than
    :data:`MIN_ARTICLES` articles.

    >>> est, lo, hi = ratio_interval([1, 2, 3, 4], [10, 10, 10, 10])
    >>> round(est, 3), lo < est < hi
    (0.25, True)
    >>> ratio_interval([3], [10])[1:]
    (nan, nan)
    """
    n, d = _clean(num, den)
    if len(n) == 0:
        return float("nan"), float("nan"), float("nan")
    est = float(n.sum() / d.sum())
    if len(n) < MIN_ARTICLES:
        return est, float("nan"), float("nan")
    boot = _resample(n, d, np.random.default_rng(BOOT_SEED))
    tail = (1 - CONFIDENCE) / 2 * 100
    lo, hi = np.nanpercentile(boot, [tail, 100 - tail])
    return est, float(lo), float(hi)


def difference_interval(num_a: object, den_a: object, num_b: object,
                        den_b: object) -> tuple[float, float, float]:
    """Outlet A's pooled ratio minus outlet B's, with a bootstrap interval (each outlet's
    articles resampled on their own). (nan, nan) bounds when either has too few articles.

    >>> d, lo, hi = difference_interval([5, 6, 5], [10, 10, 10], [1, 2, 1], [10, 10, 10])
    >>> round(d, 2), lo > 0
    (0.4, True)
    """
    na, da = _clean(num_a, den_a)
    nb, db = _clean(num_b, den_b)
    if not len(na) or not len(nb):
        return float("nan"), float("nan"), float("nan")
    diff = float(na.sum() / da.sum() - nb.sum() / db.sum())
    if min(len(na), len(nb)) < MIN_ARTICLES:
        return diff, float("nan"), float("nan")
    rng = np.random.default_rng(BOOT_SEED)
    boot = _resample(na, da, rng) - _resample(nb, db, rng)
    tail = (1 - CONFIDENCE) / 2 * 100
    lo, hi = np.nanpercentile(boot, [tail, 100 - tail])
    return diff, float(lo), float(hi)


#: Random reassignments of articles to outlets behind :func:`chance_of_gap`.
N_PERMUTATIONS = 1000
#: A gap between the highest and lowest outlet is named only when chance gives one as wide
#: less often than this.
CHANCE_LEVEL = 0.05


def chance_of_gap(num: object, den: object, outlets: object) -> float:
    """How often a gap between the highest and the lowest outlet as wide as the observed
    one arises when the articles are dealt out to the outlets at random (each outlet keeps
    its number of articles): a permutation test of the range of the outlets' pooled ratios
    sum(num) / sum(den).

    Picking the two extremes out of many outlets makes their gap look larger than chance
    alone would give two outlets picked beforehand; this share accounts for that choice.
    Articles whose ``den`` is 0 or missing are left out.

    >>> outlets = ["A"] * 5 + ["B"] * 5 + ["C"] * 5
    >>> apart = chance_of_gap([9, 8, 9, 8, 9, 1, 2, 1, 2, 1, 5, 4, 5, 6, 5], [10] * 15, outlets)
    >>> alike = chance_of_gap([5, 4, 6, 5, 5, 4, 6, 5, 5, 4, 6, 5, 5, 5, 4], [10] * 15, outlets)
    >>> apart < 0.01, alike > 0.5
    (True, True)
    """
    n = np.asarray(num, dtype=float)
    d = np.asarray(den, dtype=float)
    ok = _usable(n, d)
    n, d, labels = n[ok], d[ok], np.asarray(outlets, dtype=object)[ok]
    codes = pd.factorize(labels)[0]
    k = int(codes.max()) + 1 if len(codes) else 0
    if k < 2:
        return float("nan")

    def spread(c: np.ndarray) -> float:
        ratio = np.bincount(c, weights=n, minlength=k) / np.bincount(c, weights=d, minlength=k)
        return float(ratio.max() - ratio.min())

    observed = spread(codes)
    rng = np.random.default_rng(BOOT_SEED)
    wider = sum(spread(rng.permutation(codes)) >= observed - 1e-12
                for _ in range(N_PERMUTATIONS))
    return (1 + wider) / (1 + N_PERMUTATIONS)


def extremes_gap(num: object, den: object, outlets: object, high: object, low: object
                 ) -> tuple[str, float, float, float, float]:
    """The gap between two outlets picked as the highest and the lowest of those given: its
    verdict ("apart" when the :func:`difference_interval` of ``high`` minus ``low``
    excludes zero and :func:`chance_of_gap` over all the outlets is under
    :data:`CHANCE_LEVEL`; "chance" when only the interval excludes zero; else "noise"),
    the difference and its interval, and the chance.

    >>> o = ["A"] * 4 + ["B"] * 4
    >>> extremes_gap([9, 8, 9, 8, 1, 2, 1, 2], [10] * 8, o, "A", "B")[0]
    'apart'
    """
    n = np.asarray(num, dtype=float)
    d = np.asarray(den, dtype=float)
    labels = np.asarray(outlets, dtype=object)
    a, b = labels == high, labels == low
    diff, lo, hi = difference_interval(n[a], d[a], n[b], d[b])
    chance = chance_of_gap(n, d, labels)
    beyond = lo == lo and (lo > 0 or hi < 0)
    verdict = "noise" if not beyond else "apart" if chance < CHANCE_LEVEL else "chance"
    return verdict, diff, lo, hi, chance


def chance_text(chance: float, k: int) -> str:
    """The permutation test's result in words.

    >>> chance_text(0.003, 7)[:64]
    'among the 7 outlets compared, a gap this wide arises in under 1%'
    """
    share = "under 1%" if chance < 0.01 else f"{chance:.0%}"
    return (f"among the {k} outlets compared, a gap this wide arises in {share} of random "
            "reassignments of their articles")


# --------------------------------------------------------------------------- stories


@dataclass
class StoryDesign:
    """How the corpus's articles relate: ``mode`` is "within stories" (a ``story`` column
    groups them and outlets are compared within stories), "many stories" (no such column
    and little text in common), or "one story"; ``stories`` counts the groups compared,
    ``overlap`` the median word overlap between articles; ``sentence`` says it in words."""

    mode: str
    stories: int
    overlap: float
    sentence: str


def _content_words(text: str) -> set[str]:
    stop = function_words()
    return {w for w in re.findall(r"[a-z][a-z'-]{3,}", text.lower()) if w not in stop}


def word_overlap(corpus: pd.DataFrame, max_pairs: int = 5000) -> float:
    """Median Jaccard overlap of content words (four letters or more) between pairs of
    articles (a fixed random sample of ``max_pairs`` pairs on a large corpus).

    >>> c = pd.DataFrame({"text": ["harbour wall repairs delayed", "harbour wall repairs",
    ...                            "budget vote tonight again"]})
    >>> round(word_overlap(c), 2)
    0.0
    """
    words = [_content_words(t) for t in corpus["text"].fillna("")]
    pairs = list(itertools.combinations(range(len(words)), 2))
    if not pairs:
        return float("nan")
    if len(pairs) > max_pairs:
        rng = np.random.default_rng(BOOT_SEED)
        pairs = [pairs[i] for i in rng.choice(len(pairs), size=max_pairs, replace=False)]
    scores = [len(words[a] & words[b]) / len(words[a] | words[b]) if words[a] | words[b]
              else 0.0 for a, b in pairs]
    return float(np.median(scores))


def compared_stories(corpus: pd.DataFrame) -> pd.Series:
    """Each article's story where the corpus has a ``story`` column and that story is
    covered by two or more outlets; "" otherwise (the article then takes no part in
    within-story comparisons).

    >>> c = pd.DataFrame({"outlet": ["A", "B", "A"], "story": ["s1", "s1", "s2"]})
    >>> compared_stories(c).tolist()
    ['s1', 's1', '']
    """
    if "story" not in corpus.columns:
        return pd.Series([""] * len(corpus), index=corpus.index)
    story = corpus["story"].fillna("").astype(str).str.strip()
    outlets = corpus.groupby(story)["outlet"].transform("nunique")
    return story.where((story != "") & (outlets >= 2), "")


def story_design(corpus: pd.DataFrame) -> StoryDesign:
    """Whether outlets are compared within stories, and what a reader should know about it.

    >>> c = pd.DataFrame({"outlet": ["A", "B"], "story": ["s", "s"], "text": ["x", "y"]})
    >>> story_design(c).mode
    'within stories'
    """
    stories = compared_stories(corpus)
    if (stories != "").any():
        n = stories[stories != ""].nunique()
        left = int((stories == "").sum())
        extra = (f" {plural(left, 'article')} whose story no other outlet covered "
                 "take no part in these comparisons." if left else "")
        return StoryDesign("within stories", int(n), float("nan"), (
            f"Outlets are compared within stories: the manifest's story column groups the "
            f"articles into {plural(n, 'story')} covered by more than one outlet, and each "
            "outlet's tone and reading grade are given as its difference from the mean of "
            f"the same stories, so the choice of stories does not count as coverage.{extra}"))
    overlap = word_overlap(corpus)
    if len(corpus) >= 4 and overlap == overlap and overlap < MANY_STORIES_OVERLAP:
        return StoryDesign("many stories", 0, overlap, (
            f"The articles share little text (median word overlap {overlap:.0%}), so the "
            "corpus looks like many stories, and it has no story column: each comparison "
            "between outlets mixes which stories an outlet chose with how it covered them. "
            "Add a story column to the manifest to compare outlets within stories."))
    return StoryDesign("one story", 1, overlap, (
        "The articles read as coverage of one story (no story column; "
        f"median word overlap {overlap:.0%})." if overlap == overlap else
        "The corpus has one article."))


# --------------------------------------------------------------------------- the tables


def briefing_tables(corpus: pd.DataFrame, actors: str | Path | pd.DataFrame | None = None,
                    quotes: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Every measure the overview draws on, computed once with the other modules' functions
    (the per-article tables through :func:`analysis.pipeline.analyze` and its cache).

    Keys: ``quotes`` (attribution.extract_quotes), ``voice`` (sentiment.voice_sentiment),
    ``readability`` (readability.article_readability), ``speakers`` and ``speaker_types``
    (attribution.sources_table), ``verbs`` (attribution.verb_profile summary), ``matches``
    (attribution.match_quotes), ``frames`` (framing.outlet_frames), ``frame_sentences``
    (framing.frame_sentences), ``labels`` (framing.actor_labels from the actor table),
    ``reuse`` (framing.text_reuse), ``passives`` (framing.passives).

    >>> from analysis import load_corpus
    >>> sorted(briefing_tables(load_corpus("seeds"), "seeds/actors.csv"))[:3]
    ['frame_sentences', 'frames', 'labels']
    """
    from analysis import attribution, framing, sentiment
    from analysis.framing.labels import actor_labels
    from analysis.pipeline import analyze

    result = analyze(corpus, actors, progress=False)
    if quotes is None:
        quotes = result.quotes
    return {
        "quotes": quotes,
        "voice": sentiment.voice_sentiment(corpus, sentences=result.sentences, quotes=quotes,
                                           sentence_scores=result.sentiment),
        "readability": result.readability,
        "speakers": attribution.sources_table(quotes, by="speaker"),
        "speaker_types": attribution.sources_table(quotes, by="speaker_type"),
        "verbs": attribution.verb_profile(quotes, summary=True),
        "matches": attribution.match_quotes(quotes),
        "frames": framing.outlet_frames(result.frames),
        "frame_sentences": result.frames,
        "labels": (actor_labels(corpus, actors, quotes=quotes) if actors is not None
                   else pd.DataFrame()),
        "reuse": framing.text_reuse(corpus),
        "passives": framing.passives(corpus, quotes=quotes, sentences=result.sentences),
    }


def _per_article(table: pd.DataFrame, corpus: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``columns`` of a per-article table aligned to the corpus's articles (0 where absent)."""
    ids = corpus["article_id"].astype(str)
    if len(table) == 0:
        return pd.DataFrame(0.0, index=ids, columns=columns)
    t = table.assign(article_id=table["article_id"].astype(str)).set_index("article_id")
    return t.reindex(ids)[columns].astype(float).fillna(0.0)


def _by_article(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotations with the article as the grouping unit (for per-article source tables)."""
    return quotes.assign(outlet=quotes["article_id"].astype(str))


def article_figures(corpus: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per article: numerator and denominator of every measure of
    :data:`MEASURES` (``<measure>_num``, ``<measure>_den``; the outlet's figure is the sum
    of numerators over the sum of denominators) and the counts behind them.

    Within stories (a ``story`` column, see :func:`compared_stories`) the tone and grade
    numerators are the article's figure minus its story's mean, one unit per article.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["A"], "text": ["x"]})
    >>> t = {"voice": pd.DataFrame({"article_id": ["1"], "narration_n": [4],
    ...     "narration_mean_compound": [0.5], "quoted_n": [0], "quoted_mean_compound": [0.0]}),
    ...     "readability": pd.DataFrame(), "quotes": pd.DataFrame(), "frame_sentences": None}
    >>> article_figures(c, t)[["narration_tone_num", "narration_tone_den"]].values.tolist()
    [[2.0, 4.0]]
    """
    from analysis import attribution

    ids = corpus["article_id"].astype(str)
    out = pd.DataFrame({"article_id": ids.to_numpy(), "outlet": corpus["outlet"].to_numpy(),
                        "story": compared_stories(corpus).to_numpy()}, index=ids)
    voice = _per_article(tables["voice"], corpus, ["narration_n", "narration_mean_compound",
                                                   "quoted_n", "quoted_mean_compound"])
    for m, v in (("narration_tone", "narration"), ("quoted_tone", "quoted")):
        out[f"{m}_den"] = voice[f"{v}_n"]
        out[f"{m}_num"] = voice[f"{v}_mean_compound"] * voice[f"{v}_n"]
        out[f"{m}_items"] = voice[f"{v}_n"]
    read = tables["readability"]
    grade = (_per_article(read, corpus, ["text_standard"])["text_standard"]
             if len(read) else pd.Series(np.nan, index=ids))
    has = (read.assign(article_id=read["article_id"].astype(str)).set_index("article_id")
           .reindex(ids)["text_standard"].notna() if len(read) else grade.notna())
    out["grade_num"], out["grade_den"] = grade.where(has), has.astype(float)
    out["grade_items"] = has.astype(float)

    quotes = tables["quotes"]
    types = (attribution.sources_table(_by_article(quotes), by="speaker_type")
             if len(quotes) else pd.DataFrame())
    out["quoted_words_total"] = 0.0
    if len(types):
        words = types.pivot_table(index="outlet", columns="speaker_type",
                                  values="words_quoted", aggfunc="sum", fill_value=0)
        counts = types.groupby("outlet")["quotations"].sum()
        out["quoted_words_total"] = words.sum(axis=1).reindex(ids).fillna(0.0).to_numpy()
        out["_type_words"] = [words.loc[a].to_dict() if a in words.index else {} for a in ids]
        out["quotations"] = counts.reindex(ids).fillna(0).to_numpy()
    else:
        out["_type_words"] = [{} for _ in ids]
        out["quotations"] = 0.0
    verbs = (attribution.verb_profile(_by_article(quotes), summary=True)
             if len(quotes) else pd.DataFrame())
    verbs = verbs.rename(columns={"outlet": "article_id"})
    v = _per_article(verbs, corpus, ["evaluative", "attributed"])
    out["evaluative_verbs_num"], out["evaluative_verbs_den"] = v["evaluative"], v["attributed"]
    out["evaluative_verbs_items"] = v["attributed"]

    fs = tables.get("frame_sentences")
    frame_cols = ["conflict", "human_interest", "responsibility", "morality", "economic"]
    if fs is not None and len(fs):
        f = fs.assign(article_id=fs["article_id"].astype(str))
        cols = [c for c in frame_cols if c in f.columns]
        sums = f.groupby("article_id")[cols].sum().astype(float)
        sums["_n"] = f.groupby("article_id").size()
        sums = sums.reindex(ids).fillna(0.0)
        for c in cols:
            out[f"frame_{c}"] = sums[c]
        out["frame_n"] = sums["_n"]
    else:
        out["frame_n"] = 0.0

    stories = out["story"]
    if (stories != "").any():
        for m in ("narration_tone", "quoted_tone", "grade"):
            value = out[f"{m}_num"] / out[f"{m}_den"].where(out[f"{m}_den"] > 0)
            keep = (stories != "") & value.notna()
            mean = value[keep].groupby(stories[keep]).transform("mean")
            out[f"{m}_num"] = (value - mean).where(keep)
            out[f"{m}_den"] = keep.astype(float)
    return out


def _rows_of(table: pd.DataFrame, outlet: str) -> pd.DataFrame:
    if len(table) == 0 or "outlet" not in table.columns:
        return table.iloc[0:0]
    return table[table["outlet"] == outlet]


_NO_SHARE = (float("nan"), float("nan"), float("nan"))


def _put_share(row: dict, name: str, label: str, share: tuple[float, float, float],
               n: int, articles: int) -> None:
    """Set ``name`` (what leads), and ``name_share`` with its interval, n and the articles
    holding those items, in ``row``."""
    row[name] = label
    row[f"{name}_share"], row[f"{name}_share_lo"], row[f"{name}_share_hi"] = share
    row[f"{name}_share_n"] = n
    row[f"{name}_share_articles"] = articles


def articles_with(den: object) -> int:
    """How many articles a pooled ratio rests on: those with a denominator above zero (an
    article without quotations says nothing of how its outlet introduces them).

    >>> articles_with([3, 0, float("nan"), 1])
    2
    """
    d = np.atleast_1d(np.asarray(den, dtype=float))
    return int(_usable(np.zeros(len(d)), d).sum())


def outlet_overview(corpus: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per outlet: the figures a busy reader needs, each with its weight.

    For every measure ``m`` of :data:`MEASURES`: ``m`` (the outlet's pooled figure), ``m_lo``
    and ``m_hi`` (the bootstrap interval over its articles; nan with fewer than
    :data:`MIN_ARTICLES` articles) and ``m_n`` (the items it rests on: sentences,
    quotations or articles). ``narration_tone`` / ``quoted_tone``: mean VADER compound of
    the outlet's own body sentences / of the quoted ones; ``grade``: textstat's consensus
    US school grade; ``top_source_type_share``: share of the outlet's quoted words given to
    its main kind of source (``top_source_type``); ``evaluative_verbs``: share of
    attributions with a verb that judges ("claimed") rather than reports ("said");
    ``dominant_frame_share``: share of body sentences carrying its leading frame. Within
    stories (see :func:`story_design`) tone and grade are differences from the story mean.
    Also: ``top_sources``, ``labels`` (its own words for the actors it names most, from
    :func:`analysis.framing.actor_labels`), ``unique_quotes`` of ``checked_quotes``
    (quotations found in no other outlet), ``reuse_share`` with ``reuse_with``.

    >>> from analysis import load_corpus
    >>> c = load_corpus("seeds")
    >>> o = outlet_overview(c, briefing_tables(c, "seeds/actors.csv")).set_index("outlet")
    >>> int(o.loc["MailOnline", "articles"]), int(o.loc["MailOnline", "narration_tone_n"])
    (2, 40)
    """
    from analysis.attribution import in_no_other_outlet

    per = article_figures(corpus, tables)
    within = (per["story"] != "").any()
    all_matches = tables["matches"]
    # computed over every outlet's quotations: whether another outlet prints each one
    alone = in_no_other_outlet(all_matches) if len(all_matches) else pd.Series(dtype=bool)
    rows = []
    for outlet, arts in per.groupby("outlet", sort=True):
        words = corpus.loc[corpus["outlet"] == outlet, "word_count"]
        row: dict[str, object] = {"outlet": outlet, "articles": len(arts),
                                  "words": int(words.sum()),
                                  "stories": int(arts.loc[arts["story"] != "",
                                                          "story"].nunique())}
        for m in ("narration_tone", "quoted_tone", "grade", "evaluative_verbs"):
            est, lo, hi = ratio_interval(arts[f"{m}_num"], arts[f"{m}_den"])
            row[m], row[f"{m}_lo"], row[f"{m}_hi"] = est, lo, hi
            row[f"{m}_articles"] = articles_with(arts[f"{m}_den"])
            row[f"{m}_n"] = int(arts[f"{m}_items"].sum()) if not (
                within and m in ("narration_tone", "quoted_tone", "grade")) \
                else int(arts[f"{m}_den"].sum())
            if m != "grade" and int(arts[f"{m}_items"].sum()) < MIN_ITEMS:
                row[f"{m}_lo"] = row[f"{m}_hi"] = float("nan")
        read = _rows_of(tables["readability"], outlet)
        row["uk_age"] = (float(read["uk_age"].mean()) if len(read) and "uk_age" in read
                         else float("nan"))

        totals: dict[str, float] = {}
        for d in arts["_type_words"]:
            for k, v in d.items():
                totals[k] = totals.get(k, 0.0) + float(v)
        named = {k: v for k, v in totals.items()
                 if k not in ("unknown", "(unattributed)") and v > 0}
        row["quoted_words"] = int(sum(totals.values()))
        row["quotations"] = int(arts["quotations"].sum())
        # quoted words of speakers of no listed kind: not in the actor table, or none found
        row["unlisted_share"] = (1 - sum(named.values()) / row["quoted_words"]
                                 if row["quoted_words"] else float("nan"))
        top, share = "", _NO_SHARE
        if named:
            top = sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            num = [float(d.get(top, 0.0)) for d in arts["_type_words"]]
            share = ratio_interval(num, arts["quoted_words_total"])
        _put_share(row, "top_source_type", top, share, row["quotations"],
                   articles_with(arts["quoted_words_total"]))

        speakers = _rows_of(tables["speakers"], outlet)
        row["top_sources"] = ""
        if len(speakers):
            speakers = speakers[(speakers["speaker"] != "(unattributed)")
                                & (speakers["words_quoted"] > 0)].sort_values(
                ["share_of_voice", "speaker"], ascending=[False, True])
            row["top_sources"] = "; ".join(
                f"{s} ({v:.0%})" for s, v in zip(speakers["speaker"].head(3),
                                                  speakers["share_of_voice"].head(3),
                                                  strict=True))

        frame_cols = [c for c in arts.columns if c.startswith("frame_") and c != "frame_n"]
        best, share = "", _NO_SHARE
        if frame_cols and arts["frame_n"].sum() > 0:
            sums = arts[frame_cols].sum()
            best = sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            share = ratio_interval(arts[best], arts["frame_n"])
        _put_share(row, "dominant_frame", best.removeprefix("frame_").replace("_", " "), share,
                   int(arts["frame_n"].sum()), articles_with(arts["frame_n"]))

        row["labels"] = _top_labels(_rows_of(tables.get("labels", pd.DataFrame()), outlet))

        matches = _rows_of(all_matches, outlet)
        row["checked_quotes"] = len(matches)
        row["unique_quotes"] = int(alone.loc[matches.index].sum()) if len(matches) else 0

        best_share, partner = float("nan"), ""
        reuse = tables["reuse"]
        if len(reuse):
            for a, b in (("a", "b"), ("b", "a")):
                mine = reuse[(reuse[f"outlet_{a}"] == outlet) & (reuse[f"outlet_{b}"] != outlet)]
                for share, other in zip(mine[f"share_{a}"], mine[f"outlet_{b}"], strict=True):
                    if best_share != best_share or share > best_share:
                        best_share, partner = float(share), str(other)
        row["reuse_share"], row["reuse_with"] = best_share, partner
        rows.append(row)
    return pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)


#: A describing word counts as an outlet's own word for an actor when the outlet uses it at
#: least twice, or in at least this share of its mentions of the actor ("Home Secretary",
#: 1 of 2 mentions; not a word met once in 38 mentions).
MIN_LABEL_SHARE = 1 / 3


def _top_labels(labels: pd.DataFrame, actors: int = 3) -> str:
    """The outlet's own most used word for each of the actors it names most (a word used
    once counts only where the outlet names the actor rarely: :data:`MIN_LABEL_SHARE`).

    >>> t = pd.DataFrame({"actor": ["A", "A", "B"], "kind": ["descriptor"] * 3,
    ...     "label": ["Mayor", "tall", "rare"], "narration": [2, 1, 1],
    ...     "mentions": [9, 9, 30]})
    >>> _top_labels(t)
    'A: ‘Mayor’ (2 of 9 mentions)'
    """
    if len(labels) == 0 or "narration" not in labels.columns:
        return ""
    own = labels[(labels["narration"] > 0) & (labels["kind"] == "descriptor")]
    own = own[(own["narration"] >= 2)
              | (own["narration"] >= MIN_LABEL_SHARE * own["mentions"].clip(lower=1))]
    if len(own) == 0:
        return ""
    mentions = labels.groupby("actor")["mentions"].first()
    by_actor = own.groupby("actor")["narration"].sum().sort_values(ascending=False,
                                                                   kind="stable")
    picks = []
    for actor in list(by_actor.index)[:actors]:
        mine = own[own["actor"] == actor].sort_values(["narration", "label"],
                                                      ascending=[False, True])
        top = mine.iloc[0]
        picks.append(f"{actor}: \u2018{top['label']}\u2019 ({int(top['narration'])} of "
                     f"{plural(int(mentions[actor]), 'mention')})")
    return "; ".join(picks)


# --------------------------------------------------------------------------- findings


@dataclass
class Finding:
    """One sentence of findings, the evaluation measure it rests on, and whether that
    measure is validated (only validated findings lead "In short")."""

    text: str
    measure: str
    validated: bool


def _status(measure: str) -> str:
    from analysis.evaluation.report import status

    return status(measure)


def _interval(lo: float, hi: float, fmt: str) -> str:
    if lo != lo or hi != hi:
        return ""
    return f"{format(lo, fmt)} to {format(hi, fmt)}"


def _count(x: object) -> int:
    """A count from a table cell (0 for nan or a missing value)."""
    try:
        return 0 if x is None or x != x else int(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0


def figure_text(row: pd.Series | dict, measure: str) -> str:
    """An outlet's figure for a measure with its interval and the items behind it, or
    "too few to say" when it rests on fewer than :data:`MIN_ARTICLES` articles or none.

    >>> row = {"narration_tone": -0.2, "narration_tone_lo": -0.3, "narration_tone_hi": -0.1,
    ...        "narration_tone_n": 40, "articles": 3}
    >>> figure_text(row, "narration_tone")
    '-0.20 (95% interval -0.30 to -0.10; 3 articles, 40 sentences)'
    >>> figure_text({**row, "articles": 1, "narration_tone_lo": float("nan")}, "narration_tone")
    '-0.20 (1 article, 40 sentences: too few to say how it compares)'
    >>> figure_text({**row, "narration_tone_articles": 2}, "narration_tone")  # one had none
    '-0.20 (95% interval -0.30 to -0.10; 2 articles, 40 sentences)'
    """
    value = row[measure]
    unit = MEASURES[measure][1]
    fmt = ".0%" if measure.endswith(("share", "verbs")) else \
        (".1f" if measure == "grade" else "+.2f")
    n = _count(row.get(f"{measure}_n", 0))
    # the articles the figure rests on (those holding its items), else all the outlet's
    held = row.get(f"{measure}_articles")
    articles = _count(row.get("articles", 0) if held is None or held != held else held)
    if value != value or n == 0:
        return "none"
    weight = plural(articles, "article") if unit == "articles" else \
        f"{plural(articles, 'article')}, {plural(n, unit.rstrip('s'))}"
    interval = _interval(row.get(f"{measure}_lo", float("nan")),
                         row.get(f"{measure}_hi", float("nan")), fmt)
    if not interval:
        return f"{format(value, fmt)} ({weight}: {TOO_FEW} how it compares)"
    return f"{format(value, fmt)} ({CONFIDENCE:.0%} interval {interval}; {weight})"


def _compare(per: pd.DataFrame, measure: str, name: str, scale: str, low_word: str,
             high_word: str, fmt: str, N, unit: str | None = None) -> str | None:  # noqa: N803
    """The extremes of one measure, stated as a difference only when it is larger than its
    uncertainty. ``unit`` names the items the measure counts (:data:`MEASURES` by default);
    "articles" means the articles alone."""
    unit = unit or MEASURES[measure][1]
    value = per.groupby("outlet").apply(
        lambda g: g[f"{measure}_num"].sum() / g[f"{measure}_den"].sum()
        if g[f"{measure}_den"].sum() > 0 else np.nan, include_groups=False).dropna()
    counts = per[per[f"{measure}_den"] > 0].groupby("outlet").size()
    items = per.groupby("outlet")[f"{measure}_items"].sum()
    if len(value) < 2:
        return None
    by_article = unit == "articles"
    enough = [o for o in counts.index if counts[o] >= MIN_ARTICLES
              and (by_article or items.get(o, 0) >= MIN_ITEMS)]
    if len(enough) < 2:
        need = f"{MIN_ARTICLES} articles" + ("" if by_article else f" and {MIN_ITEMS} {unit}")
        return (f"On {name}, fewer than two outlets have the {need} a comparison needs: "
                f"{TOO_FEW}.")
    v = value[enough]
    lo_o, hi_o = v.idxmin(), v.idxmax()
    if v[lo_o] == v[hi_o]:
        return f"On {name}, the outlets cannot be told apart on this corpus."
    compared = per[per["outlet"].isin(enough)]
    verdict, diff, lo, hi, chance = extremes_gap(
        compared[f"{measure}_num"], compared[f"{measure}_den"], compared["outlet"], hi_o, lo_o)

    def weight(outlet: str) -> str:  # the articles and items behind an outlet's figure
        held = plural(int(counts[outlet]), "article")
        if by_article:
            return held
        return f"{held}, {plural(int(items.get(outlet, 0)), unit.rstrip('s'))}"

    gap = (f"{N(hi_o)} {format(v[hi_o], fmt)} ({weight(hi_o)}), "
           f"{N(lo_o)} {format(v[lo_o], fmt)} ({weight(lo_o)})") + (f" {scale}" if scale else "")
    by_chance = chance_text(chance, len(enough))
    if verdict == "apart":
        return (f"{N(lo_o)} is {low_word} and {N(hi_o)} {high_word} on {name} ({gap}; "
                f"the difference, {format(diff, fmt.replace('+', ''))}, has a {CONFIDENCE:.0%} "
                f"interval of {format(lo, fmt)} to {format(hi, fmt)}; {by_chance}).")
    if verdict == "chance":
        return (f"On {name}, the outlets cannot be told apart on this corpus: the widest gap "
                f"({gap}) is within what chance gives the extremes of {len(enough)} outlets "
                f"({by_chance}).")
    return (f"On {name}, the outlets cannot be told apart on this corpus: the widest gap "
            f"({gap}) is within its uncertainty.")


def compare_outlets(table: pd.DataFrame, value: str, *, name: str, low_word: str,
                    high_word: str, fmt: str, count: str | None = None,
                    unit: str = "articles", scale: str = "",
                    markdown: bool = False) -> str:
    """The outlets at either end of a per-article measure, stated as a difference only when
    the difference is larger than its uncertainty (articles resampled) and than what chance
    gives the extremes of the outlets compared (:func:`chance_of_gap`), else said to be
    within it or too few to say; with the articles (and ``unit`` items) behind each figure.

    ``table`` has one row per article: ``outlet``, ``value`` and, for a pooled share,
    ``count`` (the items the value counts among, e.g. sentences; without it each article
    weighs one and the figure is the outlets' mean). With ``markdown=True`` outlet names are
    bold and escaped.

    >>> t = pd.DataFrame({"outlet": ["A"] * 4 + ["B"] * 4,
    ...                   "score": [0.9, 0.8, 0.9, 0.8, 0.1, 0.2, 0.1, 0.2]})
    >>> compare_outlets(t, "score", name="the conflict frame's mean score",
    ...                 low_word="the lower", high_word="the higher", fmt=".2f")[:60]
    "B is the lower and A the higher on the conflict frame's mean"
    >>> compare_outlets(t.head(5), "score", name="the score", low_word="lower",
    ...                 high_word="higher", fmt=".2f")
    'On the score, fewer than two outlets have the 3 articles a comparison needs: too few to say.'
    """
    from analysis.html_safety import markdown_text

    def N(outlet: object) -> str:  # noqa: N802  (an outlet's name)
        return f"**{markdown_text(outlet)}**" if markdown else str(outlet)

    den = (table[count] if count else pd.Series(1.0, index=table.index)).astype(float)
    per = pd.DataFrame({"outlet": table["outlet"].to_numpy(),
                        "x_num": table[value].astype(float).to_numpy(),
                        "x_den": den.to_numpy(), "x_items": den.to_numpy()})
    said = _compare(per, "x", name, scale, low_word, high_word, fmt, N, unit=unit)
    return said or f"On {name}, there is only one outlet: nothing to compare."


#: Above this many outlets with quotations found in no other outlet, the findings say so in
#: one sentence rather than one per outlet.
MAX_LISTED_OUTLETS = 3


def findings(corpus: pd.DataFrame, tables: dict[str, pd.DataFrame],
             overview: pd.DataFrame | None = None, markdown: bool = False) -> list[Finding]:
    """Findings generated from the numbers of the corpus in hand, each with the n behind it
    and stated as a difference only when the difference is larger than its uncertainty.
    With ``markdown=True`` outlet names are bold and every value from the data is escaped
    with :func:`analysis.html_safety.markdown_text`.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["A"], "text": ["x"],
    ...                   "word_count": [1]})
    >>> t = {"voice": pd.DataFrame(), "readability": pd.DataFrame(), "frame_sentences": None,
    ...      "quotes": pd.DataFrame(), "speakers": pd.DataFrame(),
    ...      "speaker_types": pd.DataFrame(), "matches": pd.DataFrame(),
    ...      "reuse": pd.DataFrame()}
    >>> findings(c, t)[0].text
    'The corpus has one outlet (A, 1 article): there is nothing to compare it with.'
    """
    from analysis.html_safety import markdown_text

    def N(name: object) -> str:  # noqa: N802  (an outlet's name)
        return f"**{markdown_text(name)}**" if markdown else str(name)

    def T(text: object) -> str:  # noqa: N802  (other text from the data)
        return markdown_text(text) if markdown else str(text)

    overview = outlet_overview(corpus, tables) if overview is None else overview
    per = article_figures(corpus, tables)
    within = (per["story"] != "").any()
    rel = " relative to the story mean" if within else ""
    out: list[Finding] = []

    def add(text: str | None, measure: str) -> None:
        if text:
            out.append(Finding(text, measure, _status(measure) == "validated"))

    if len(overview) < 2:
        add(f"The corpus has one outlet ({N(overview['outlet'].iloc[0])}, "
            f"{plural(int(overview['articles'].iloc[0]), 'article')}): there is nothing to "
            "compare it with." if len(overview) else None, "none")
    add(_compare(per, "narration_tone", "the tone of their own words", "on VADER's -1 to +1 "
                 "scale" + rel, "the more negative", "the more positive", "+.2f", N),
        "sentence sentiment")
    add(_compare(per, "grade", "reading grade", "US school grade" + rel, "the easier to read",
                 "the harder", "+.1f" if within else ".1f", N), "readability")
    add(_compare(per, "evaluative_verbs", "the share of quotations introduced by a judging "
                 "verb (\u201cclaimed\u201d rather than \u201csaid\u201d)", "", "the lower",
                 "the higher", ".0%", N), "speech verbs")

    o = overview.set_index("outlet")
    voiced = o[o["top_source_type_share_lo"].notna()]
    for outlet, r in voiced.iterrows():
        if r["top_source_type_share_lo"] > 0.5:
            add(f"{N(outlet)} gives most of its quoted words to {T(r['top_source_type'])} "
                f"sources: {figure_text(r, 'top_source_type_share')}.", "speakers")
    if len(o) and o["quotations"].sum() == 0:
        add("No outlet quotes anyone in quotation marks.", "quotations")

    checked = o[o["checked_quotes"] > 0]
    lonely = checked[checked["unique_quotes"] > 0].sort_index()
    if len(o) > 1 and len(lonely) > MAX_LISTED_OUTLETS:
        # Many outlets: one sentence, not one per outlet (the table gives each outlet's).
        share = lonely["unique_quotes"] / lonely["checked_quotes"]
        few, most = share.idxmin(), share.idxmax()
        spread = (f"{_pct(share[few])} of each one's" if _pct(share[few]) == _pct(share[most])
                  else f"from {_pct(share[few])} of {N(few)}'s to {_pct(share[most])} of "
                  f"{N(most)}'s")
        add(f"{int(lonely['unique_quotes'].sum())} of the "
            f"{plural(int(checked['checked_quotes'].sum()), 'quotation')} of four or more "
            f"words appear in no other outlet, in {len(lonely)} of the {len(checked)} outlets "
            f"that quote ({spread}): check those a point rests on against a second source.",
            "quotation matching")
    elif len(o) > 1 and len(checked):
        for outlet, r in checked.sort_index().iterrows():
            if r["unique_quotes"] > 0:
                verb = "appears" if r["unique_quotes"] == 1 else "appear"
                add(f"{r['unique_quotes']} of {N(outlet)}'s "
                    f"{plural(r['checked_quotes'], 'quotation')} of four or more words {verb} "
                    "in no other outlet: check them against a second source.",
                    "quotation matching")
    reuse = o["reuse_share"].dropna()
    if len(reuse) and reuse.max() >= 0.05:
        who = reuse.idxmax()
        add(f"{_pct(reuse[who])} of an article from {N(who)} is found word for word in "
            f"{N(o.loc[who, 'reuse_with'])}'s coverage (the most text shared between outlets).",
            "text reuse")
    if len(overview) > 1 and tables.get("passives") is not None:
        add(doerless_passives_finding(tables["passives"], markdown=markdown),
            "agentless passives")
    return out


def doerless_passives_finding(passives: pd.DataFrame, markdown: bool = False) -> str | None:
    """How the outlets compare on the share of passives in their own words (quotations
    left out) that name no doer, by :func:`compare_outlets` (the articles with a passive
    resampled, each outlet's share pooled over its passives); None without any passive.

    ``passives`` is :func:`analysis.framing.passives`' table.

    >>> p = pd.DataFrame({"article_id": list("abcdef"), "outlet": list("AAABBB"),
    ...     "agentless": [True, False, True, False, False, True], "in_quote": [False] * 6})
    >>> doerless_passives_finding(p)[:60]
    'On the share of passives in their own words that name no doe'
    """
    own = passives[~passives["in_quote"].astype(bool)]
    if own.empty:
        return None
    per = own.groupby(["article_id", "outlet"], as_index=False).agg(
        agentless=("agentless", "sum"), passives=("agentless", "size"))
    return compare_outlets(
        per, "agentless", count="passives", unit="passives",
        name="the share of passives in their own words that name no doer",
        low_word="the lower", high_word="the higher", fmt=".0%", markdown=markdown)


def actor_tone_finding(per_article: pd.DataFrame, markdown: bool = False) -> str:
    """How the outlets treat the actor named in most sentences, stated as a difference only
    when it is larger than its uncertainty (a bootstrap over each outlet's articles) and
    than what chance gives the extremes of the outlets compared (:func:`chance_of_gap`).

    ``per_article`` is :func:`analysis.sentiment.actor_sentiment`'s table (one row per
    article and actor: outlet, actor, n_sentences, mean_compound). An outlet counts when
    :data:`MIN_ARTICLES` of its articles and :data:`MIN_ITEMS` of its sentences name the
    actor; otherwise the sentence says it is too few to say.

    >>> t = pd.DataFrame({"article_id": list("abcdefgh"), "outlet": ["A"] * 4 + ["B"] * 4,
    ...     "actor": ["police"] * 8, "n_sentences": [4] * 8,
    ...     "mean_compound": [-0.5, -0.6, -0.55, -0.5, 0.3, 0.35, 0.4, 0.3]})
    >>> actor_tone_finding(t).startswith("The actor named in most sentences is police: A is")
    True

    Three articles an outlet are too few for any gap to stand out from chance (a perfect
    split of six articles comes up in 10% of random reassignments):

    >>> "cannot be told apart" in actor_tone_finding(t.drop([3, 7]))
    True
    """
    from analysis.html_safety import markdown_text

    def N(name: object) -> str:  # noqa: N802
        return f"**{markdown_text(name)}**" if markdown else str(name)

    rows = per_article[per_article["n_sentences"] > 0]
    if rows.empty:
        return "No actor of the actor table is named in a scored sentence: nothing to compare."
    actor = rows.groupby("actor")["n_sentences"].sum().idxmax()
    rows = rows[rows["actor"] == actor].assign(
        total=lambda t: t["mean_compound"] * t["n_sentences"])
    counts = rows.groupby("outlet").agg(articles=("article_id", "nunique"),
                                        sentences=("n_sentences", "sum"),
                                        total=("total", "sum"))
    enough = counts[(counts["articles"] >= MIN_ARTICLES) & (counts["sentences"] >= MIN_ITEMS)]
    head = f"The actor named in most sentences is {N(actor)}"
    if len(enough) < 2:
        return (f"{head}, but fewer than two outlets name them in the {MIN_ARTICLES} articles "
                f"and {MIN_ITEMS} sentences a comparison needs: {TOO_FEW} how the outlets "
                "treat them.")
    tone = enough["total"] / enough["sentences"]
    lo_o, hi_o = tone.idxmin(), tone.idxmax()
    compared = rows[rows["outlet"].isin(enough.index)]
    verdict, diff, lo, hi, chance = extremes_gap(compared["total"], compared["n_sentences"],
                                                 compared["outlet"], hi_o, lo_o)
    n_lo, n_hi = (plural(int(enough.loc[o, "sentences"]), "sentence") for o in (lo_o, hi_o))
    gap = f"{N(lo_o)} {tone[lo_o]:+.2f} over {n_lo}, {N(hi_o)} {tone[hi_o]:+.2f} over {n_hi}"
    by_chance = chance_text(chance, len(enough))
    if verdict == "apart":
        return (f"{head}: {N(lo_o)} is the more negative toward them and {N(hi_o)} the more "
                f"positive ({gap}; the difference, {diff:.2f}, has a {CONFIDENCE:.0%} interval "
                f"of {lo:+.2f} to {hi:+.2f}; {by_chance}).")
    if verdict == "chance":
        return (f"{head}: the outlets cannot be told apart in their tone toward them on this "
                f"corpus (the widest gap, {gap}, is within what chance gives the extremes of "
                f"{len(enough)} outlets: {by_chance}).")
    return (f"{head}: the outlets cannot be told apart in their tone toward them on this "
            f"corpus (the widest gap, {gap}, is within its uncertainty).")


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _share_text(x: float) -> str:
    """A share as a whole percentage, "under 1%" for one above zero that rounds to 0%.

    >>> _share_text(0.004), _share_text(0.0), _share_text(0.25)
    ('under 1%', '0%', '25%')
    """
    return "under 1%" if 0 < x < 0.005 else _pct(x)


def overview_findings(overview: pd.DataFrame, markdown: bool = False,
                      corpus: pd.DataFrame | None = None,
                      tables: dict[str, pd.DataFrame] | None = None) -> list[str]:
    """The findings as sentences: validated ones first, then the others marked
    "Experimental". Needs the corpus and its tables (:func:`briefing_tables`).

    >>> overview_findings(pd.DataFrame())
    Traceback (most recent call last):
    ...
    TypeError: overview_findings needs corpus= and tables= (briefing_tables)
    """
    if corpus is None or tables is None:
        raise TypeError("overview_findings needs corpus= and tables= (briefing_tables)")
    found = findings(corpus, tables, overview, markdown=markdown)
    return [f.text for f in found if f.validated] + [
        f"Experimental: {f.text}" for f in found if not f.validated]


def weight_note() -> str:
    """How the briefing weighs its figures, in words, from the constants of this module.

    >>> "bootstrap" in weight_note()
    True
    """
    return (f"**The weight of each figure.** Every figure carries the number of articles and "
            f"of sentences or quotations it rests on, and a {CONFIDENCE:.0%} interval from a "
            f"bootstrap over the outlet's articles ({N_BOOT:,} resamples, fixed seed). A "
            f"figure resting on fewer than {MIN_ARTICLES} articles or {MIN_ITEMS} sentences "
            "or quotations gets no interval: the page says *too few to say how it compares*. "
            "A finding names a difference between the highest and the lowest outlet only "
            "when the interval of that difference excludes zero and a gap that wide arises "
            f"in under {CHANCE_LEVEL:.0%} of {N_PERMUTATIONS:,} random reassignments of the "
            "articles to the outlets (the two extremes of many outlets are always some way "
            "apart); otherwise it says the outlets cannot be told apart. "
            "When the manifest has a `story` column, tone and reading grade are compared "
            "within stories (each article against the mean of its story).")


def in_short(found: list[Finding], limit: int = 3) -> str:
    """Two or three sentences for "In short": validated findings only; when none is
    validated, says so and names what the tables show instead.

    >>> in_short([Finding("A is more negative.", "sentence sentiment", True)])
    'A is more negative.'
    >>> in_short([Finding("A x.", "frames", False)]).startswith("No finding here rests")
    True
    """
    good = [f.text for f in found if f.validated]
    if good:
        return " ".join(good[:limit])
    if not found:
        return "The corpus is too small for any comparison between outlets."
    return ("No finding here rests on a measure validated on public labelled news yet, so "
            "none is a headline; the figures below are shown as experimental, each with "
            "the number of articles and sentences behind it.")


# --------------------------------------------------------------------------- plots


def _axes(ax, height: float):  # type: ignore[no-untyped-def]
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, height))
    return ax


def _outlet_label(row: pd.Series, unit: str, n_col: str) -> str:
    return f"{row['outlet']} ({plural(int(row['articles']), 'article')}, " \
           f"{plural(int(row[n_col]), unit)})"


def _errors(data: pd.DataFrame, measure: str) -> np.ndarray:
    lo = (data[measure] - data[f"{measure}_lo"]).clip(lower=0).fillna(0)
    hi = (data[f"{measure}_hi"] - data[measure]).clip(lower=0).fillna(0)
    return np.vstack([lo.to_numpy(dtype=float), hi.to_numpy(dtype=float)])


def plot_tone(overview: pd.DataFrame, ax=None):  # type: ignore[no-untyped-def]
    """Bars per outlet: mean sentiment of its own narration and of the speech it quotes,
    with the bootstrap interval as a line and the counts in the outlet's label.

    >>> t = pd.DataFrame({"outlet": ["A"], "articles": [1], "narration_tone": [-0.1],
    ...     "narration_tone_lo": [float("nan")], "narration_tone_hi": [float("nan")],
    ...     "narration_tone_n": [5], "quoted_tone": [0.2], "quoted_tone_lo": [float("nan")],
    ...     "quoted_tone_hi": [float("nan")], "quoted_tone_n": [2]})
    >>> plot_tone(t).get_xlabel()
    'mean VADER compound per sentence (-1 negative to +1 positive)'
    """
    ax = _axes(ax, 1.4 + 0.8 * len(overview))
    data = overview.reset_index(drop=True)
    y = np.arange(len(data))[::-1].astype(float)
    for offset, (m, label, colour) in zip((0.2, -0.2), (
            ("narration_tone", "the outlet's own words", "#4e79a7"),
            ("quoted_tone", "the speech it quotes", "#f28e2b")), strict=True):
        ax.barh(y + offset, data[m].fillna(0).to_numpy(dtype=float), height=0.38,
                xerr=_errors(data, m), color=colour, label=label, capsize=3,
                error_kw={"elinewidth": 1})
    ax.set_yticks(y, [f"{r['outlet']} ({plural(int(r['articles']), 'article')}; "
                      f"{int(r['narration_tone_n'])} own / {int(r['quoted_tone_n'])} quoted "
                      "sentences)" for _, r in data.iterrows()])
    ax.axvline(0, color="#333", linewidth=0.8)
    ax.set_xlabel("mean VADER compound per sentence (-1 negative to +1 positive)")
    ax.set_ylabel("outlet")
    ax.set_title(f"Tone: the outlet's own words and the speech it quotes\n(lines: "
                 f"{CONFIDENCE:.0%} interval over articles; none with fewer than "
                 f"{MIN_ARTICLES} articles)")
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_voice(speaker_types: pd.DataFrame, ax=None,  # type: ignore[no-untyped-def]
               overview: pd.DataFrame | None = None):
    """Stacked bars per outlet: share of its quoted words by kind of speaker (%), with the
    number of quotations in the outlet's label when ``overview`` is given.

    >>> t = pd.DataFrame({"outlet": ["A", "A"], "speaker_type": ["police", "x"],
    ...                   "share_of_voice": [0.75, 0.25]})
    >>> print(plot_voice(t).get_xlabel())
    share of the outlet's quoted words (%)
    """
    n = speaker_types["outlet"].nunique() if len(speaker_types) else 1
    ax = _axes(ax, 1.4 + 0.6 * n)
    if len(speaker_types) == 0:
        ax.text(0.5, 0.5, "no quotations found", ha="center", va="center",
                transform=ax.transAxes)
    else:
        table = speaker_types.pivot_table(index="outlet", columns="speaker_type",
                                          values="share_of_voice", aggfunc="sum", fill_value=0)
        table = (table * 100).loc[:, table.sum().sort_values(ascending=False).index]
        if overview is not None:
            o = overview.set_index("outlet")
            table.index = [f"{x} ({plural(int(o.loc[x, 'quotations']), 'quotation')})"
                           if x in o.index else x for x in table.index]
        table.iloc[::-1].plot.barh(stacked=True, ax=ax, width=0.7, colormap="tab10")
        ax.legend(title="kind of speaker", fontsize="small", bbox_to_anchor=(1.01, 1),
                  loc="upper left")
    ax.set_xlabel("share of the outlet's quoted words (%)")
    ax.set_ylabel("outlet")
    ax.set_title("Who gets to speak: quoted words by kind of speaker")
    return ax


def plot_grades(overview: pd.DataFrame, ax=None):  # type: ignore[no-untyped-def]
    """Bars per outlet: textstat's consensus US school grade, with its interval.

    >>> t = pd.DataFrame({"outlet": ["A"], "articles": [1], "grade": [10.0],
    ...     "grade_lo": [float("nan")], "grade_hi": [float("nan")], "grade_n": [1]})
    >>> plot_grades(t).get_xlabel()
    'US school grade (textstat consensus; UK reading age = grade + 5)'
    """
    ax = _axes(ax, 1.3 + 0.5 * len(overview))
    data = overview.reset_index(drop=True).iloc[::-1]
    ax.barh([f"{r['outlet']} ({plural(int(r['articles']), 'article')})"
             for _, r in data.iterrows()], data["grade"].fillna(0).to_numpy(dtype=float),
            xerr=_errors(data, "grade"), color="#59a14f", capsize=3)
    ax.set_xlabel("US school grade (textstat consensus; UK reading age = grade + 5)")
    ax.set_ylabel("outlet")
    ax.set_title(f"How hard each outlet's prose is to read (lines: {CONFIDENCE:.0%} "
                 "interval over articles)")
    return ax


def plot_unique_quotes(overview: pd.DataFrame, ax=None):  # type: ignore[no-untyped-def]
    """Stacked bars per outlet: quotations also found elsewhere and found nowhere else.

    >>> t = pd.DataFrame({"outlet": ["A"], "unique_quotes": [2], "checked_quotes": [5]})
    >>> plot_unique_quotes(t).get_xlabel()
    'quotations of four or more words (count)'
    """
    ax = _axes(ax, 1.2 + 0.5 * len(overview))
    data = overview.set_index("outlet")[["unique_quotes", "checked_quotes"]].iloc[::-1]
    names = [f"{o} ({plural(int(n), 'quotation')})"
             for o, n in zip(data.index, data["checked_quotes"], strict=True)]
    shared = data["checked_quotes"] - data["unique_quotes"]
    ax.barh(names, shared.to_numpy(dtype=float), color="#76b7b2",
            label="also carried by another outlet")
    ax.barh(names, data["unique_quotes"].to_numpy(dtype=float),
            left=shared.to_numpy(dtype=float), color="#e15759", label="found in no other outlet")
    ax.set_xlabel("quotations of four or more words (count)")
    ax.set_ylabel("outlet")
    ax.set_title("Quotations nobody else carries")
    ax.legend(loc="best", fontsize="small")
    return ax


# --------------------------------------------------------------------------- display

#: From this share of an outlet's quoted words by speakers of no listed kind, the main kind
#: of source says so.
UNLISTED_SHOWN = 0.25


def _unlisted_text(share: float) -> str:
    """What the main kind of source leaves out, where that is much.

    >>> _unlisted_text(0.8), _unlisted_text(0.1)
    ('; 80% from speakers the actor table does not list or the machine did not find', '')
    """
    if share != share or share < UNLISTED_SHOWN:
        return ""
    return f"; {share:.0%} from speakers the actor table does not list or the machine did not find"


def display_table(overview: pd.DataFrame) -> pd.DataFrame:
    """:func:`outlet_overview` as text for a reader: one row per outlet, the measures under
    the names every page uses, each figure with its interval and n, "none" where there is
    nothing to show.

    >>> t = pd.DataFrame({c: [float("nan")] for c in OVERVIEW_COLUMNS})
    >>> t[["outlet", "top_sources", "top_source_type", "dominant_frame", "labels",
    ...    "reuse_with"]] = ["A", "", "", "", "", ""]
    >>> t[["articles", "unique_quotes", "checked_quotes", "quotations"]] = [1, 0, 2, 0]
    >>> [str(x) for x in display_table(t).iloc[0].tolist()[:3]]
    ['A', '1', 'none']
    """
    o = overview
    cols: dict[str, list[str]] = {"outlet": list(o["outlet"]),
                                  "articles": [str(int(a)) for a in o["articles"]]}
    for m in ("narration_tone", "quoted_tone", "grade"):
        cols[MEASURES[m][0]] = [figure_text(r, m) for _, r in o.iterrows()]
    cols["most quoted speakers (share of quoted words)"] = [s or "none" for s in o["top_sources"]]
    cols["main kind of source (share of quoted words)"] = [
        (f"{r['top_source_type']}: {figure_text(r, 'top_source_type_share')}"
         if isinstance(r["top_source_type"], str) and r["top_source_type"] else "none")
        + _unlisted_text(r.get("unlisted_share", float("nan")))
        for _, r in o.iterrows()]
    cols[MEASURES["evaluative_verbs"][0]] = [figure_text(r, "evaluative_verbs")
                                             for _, r in o.iterrows()]
    cols["leading frame by cue words (share of sentences)"] = [
        f"{r['dominant_frame']}: {figure_text(r, 'dominant_frame_share')}"
        if isinstance(r["dominant_frame"], str) and r["dominant_frame"] else "none"
        for _, r in o.iterrows()]
    cols["its own words for the actors it names most"] = [s or "none" for s in o["labels"]]
    cols["quotations found in no other outlet"] = [
        f"{int(u)} of {plural(int(n), 'quotation')}" if n == n and n else "none checked"
        for u, n in zip(o["unique_quotes"], o["checked_quotes"], strict=True)]
    cols["most text shared with another outlet"] = [
        f"{_share_text(s)} of one article, with {w}" if isinstance(w, str) and w and s == s
        else "none"
        for s, w in zip(o["reuse_share"], o["reuse_with"], strict=True)]
    return pd.DataFrame(cols)


# --------------------------------------------------------------------------- trust signals

#: A picture credit as news captions print it: "Photographer/Agency" or "Agency/Photographer",
#: optionally in brackets ("(Jane Doe/PA)", "AP Photo/John Roe").
PICTURE_CREDIT = re.compile(
    r"\(?\b[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}/[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\)?")


def trust_signals(corpus: pd.DataFrame, article_id: str,
                  quotes: pd.DataFrame | None = None,
                  matches: pd.DataFrame | None = None) -> list[str]:
    """What a careful reader checks before trusting an article, as plain sentences.

    Who published it, whether it has a headline and a date (and where the date comes from),
    the picture credits its captions print (do they fit the story's place and time?), and
    how many of its quotations any other article in the corpus also carries. The flags of
    :func:`analysis.overview.trust_notes` (aggregator furniture, repeated lines) follow.

    >>> from analysis import load_corpus
    >>> trust_signals(load_corpus("seeds"), "004")[0]
    'No outlet is named: nothing in the text says who published it.'
    """
    from analysis import attribution, removal_report, split_sentences
    from analysis.overview import trust_notes

    ids = corpus["article_id"].astype(str)
    if article_id not in set(ids):
        raise KeyError(f"no article {article_id!r} in the corpus")
    article = corpus[ids == article_id]
    row = article.iloc[0]
    out = []
    outlet = row.get("outlet")
    if not isinstance(outlet, str) or outlet.strip().lower() in ("", "unknown"):
        out.append("No outlet is named: nothing in the text says who published it.")
    else:
        evidence = row.get("outlet_evidence")
        how = f" (the text's clue: {evidence})" if isinstance(evidence, str) and evidence \
            else ""
        out.append(f"Outlet: {outlet}{how}.")
    headline = row.get("headline")
    if not isinstance(headline, str) or not headline.strip():
        out.append("No headline survives in the text.")
    published = row.get("published")
    scraped = removal_report(article)
    scraped = scraped[scraped["reason"] == "scraped metadata prefix"]
    if isinstance(published, str) and published:
        source = (f"from a scraped prefix (\u201c{scraped['text'].iloc[0]}\u201d), not a "
                  "dateline in the article" if len(scraped) else "from the article")
        out.append(f"Date: {published}, {source}.")
    else:
        out.append("No publication date.")
    sentences = split_sentences(article)
    captions = sentences[sentences["kind"] == "caption"]["text"]
    credits = [m.group(0) for text in captions for m in PICTURE_CREDIT.finditer(text)]
    if credits:
        out.append("Picture credits: " + "; ".join(dict.fromkeys(credits)) + ". Do the "
                   "photographers and agencies fit the place and time of the story?")
    if quotes is None:
        quotes = attribution.extract_quotes(corpus)
    if matches is None:
        matches = attribution.match_quotes(quotes)
    mine = matches[matches["article_id"].astype(str) == article_id] if len(matches) else matches
    if len(mine):
        alone = int((mine["status"] == UNIQUE_STATUS).sum())
        if alone == len(mine):
            out.append(f"None of its {plural(len(mine), 'quotation')} of four or more words "
                       "appears in any other article: each has a single witness.")
        else:
            shared = len(mine) - alone
            out.append(f"{shared} of its {plural(len(mine), 'quotation')} of four or more "
                       f"words {'appears' if shared == 1 else 'appear'} in another article "
                       "too.")
    else:
        out.append("It has no quotation of four or more words to check against other "
                   "articles.")
    notes = trust_notes(article).iloc[0]["cautions"]
    extra = [c for c in notes.split("; ") if c.startswith(("aggregator", "repeated"))
             or "repeated line" in c]
    if extra:
        out.append("Cleaning found: " + "; ".join(extra) + ".")
    return out


# --------------------------------------------------------------------------- for the index

GLANCE_FILE = "at_a_glance.json"


def save_glance(folder: str | Path, found: list[Finding], table: pd.DataFrame,
                design: StoryDesign, corpus: str | Path = "") -> Path:
    """Write what the briefing's start-here page shows (the "In short" text, every finding
    with its status, the story design and the at-a-glance table) to ``folder``, with the
    name of the ``corpus`` it describes.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> p = save_glance(d, [Finding("A.", "frames", False)], pd.DataFrame({"outlet": ["A"]}),
    ...                 StoryDesign("one story", 1, 0.2, "One story."))
    >>> load_glance(d)["findings"][0]["text"]
    'A.'
    """
    import json

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / GLANCE_FILE
    path.write_text(json.dumps({
        "corpus": Path(corpus).name if str(corpus) else "",
        "in_short": in_short(found),
        "findings": [{"text": f.text, "measure": f.measure, "validated": f.validated}
                     for f in found],
        "story": design.sentence,
        "columns": [str(c) for c in table.columns],
        "rows": [[str(v) for v in row] for row in table.itertuples(index=False)],
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def load_glance(folder: str | Path) -> dict | None:
    """What :func:`save_glance` wrote into ``folder``, or None when there is nothing."""
    import json

    path = Path(folder) / GLANCE_FILE
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# --------------------------------------------------------------------------- accuracy

#: The evaluation measures the at-a-glance figures rest on, in the order a reader meets them.
EVALUATED = ("sentence sentiment", "readability", "quotations", "speakers",
             "speech verbs", "quotation matching", "frames", "frame cues",
             "actor descriptors", "agentless passives", "loaded language", "actor sentiment",
             "actor table")


def evaluation_overview(measures: tuple[str, ...] = EVALUATED) -> pd.DataFrame:
    """Each measure's external accuracy in one row: its status ("validated",
    "experimental", "unmeasured") and the sentence of
    :func:`analysis.evaluation.report.trust_sentence` (read from the committed results, so
    the same on any corpus).

    >>> evaluation_overview(("no such measure",))["status"].tolist()
    ['unmeasured']

    >>> import tempfile
    >>> load_glance(tempfile.mkdtemp()) is None
    True
    """
    from analysis.evaluation.report import status, trust_sentence

    return pd.DataFrame({"measure": list(measures),
                         "status": [status(m) for m in measures],
                         "on public labelled news": [trust_sentence(m) for m in measures]})


def in_sample_figures(root: str | Path | None = None) -> str:
    """The seed figures as Markdown bullets, labelled *in-sample*: the rules were written on
    the seed articles, so these figures are optimistic. A figure whose function or label
    file is missing says so instead of failing.

    >>> in_sample_figures().startswith("- **Quotations** (in-sample)")
    True
    """
    from analysis import load_corpus

    root = Path(root) if root else Path(__file__).resolve().parent.parent
    data = root / "tests" / "data"
    lines = []
    try:
        from analysis import attribution as A

        seeds = load_corpus(root / "seeds")
        seed_quotes = A.extract_quotes(seeds, root / "seeds" / "actors.csv")
        s = A.evaluate_quotes(seed_quotes, A.load_gold(data / "quotes_gold.csv"), seeds)
        lines.append(f"- **Quotations** (in-sample): of {s['n_gold']} hand-marked quotations "
                     f"the extractor finds {s['recall']:.0%} (precision {s['precision']:.0%})"
                     f" and names the right speaker for {s['speaker_accuracy']:.0%}.")
    except Exception as exc:  # noqa: BLE001 - one missing figure is reported, not fatal
        lines.append(f"- **Quotations** (in-sample): not available ({type(exc).__name__}).")
    try:
        from analysis import sentiment as S

        labels = pd.read_csv(data / "sentiment_sentence_labels.csv", dtype=str)
        predicted = [S.label_compound(S.score_text(t)["compound"]) for t in labels["text"]]
        t = S.agreement(labels["label"].tolist(), predicted)
        lines.append(f"- **Sentence tone** (in-sample): on {t['n']:.0f} hand-labelled "
                     f"sentences VADER's positive / negative / neutral label agrees with a "
                     f"person {t['accuracy']:.0%} of the time (Cohen's kappa {t['kappa']:.2f}).")
    except Exception as exc:  # noqa: BLE001
        lines.append(f"- **Sentence tone** (in-sample): not available ({type(exc).__name__}).")
    return "\n".join(lines)


def only_here(matches: pd.DataFrame, width: int = 220) -> pd.DataFrame:
    """For each outlet, the longest quotation no other outlet prints, with readable
    headings (an empty table when every quotation is carried elsewhere).

    >>> m = pd.DataFrame({"article_id": ["1", "1"], "outlet": ["A", "A"],
    ...     "speaker": ["X", "Y"], "quote": ["short one", "a longer quotation"],
    ...     "status": [UNIQUE_STATUS, UNIQUE_STATUS], "cluster": [0, 1]})
    >>> only_here(m)["quotation"].tolist()
    ['a longer quotation']
    """
    cols = ["outlet", "article", "speaker", "quotation"]
    if len(matches) == 0:
        return pd.DataFrame(columns=cols)
    from analysis.attribution import in_no_other_outlet

    only = matches[in_no_other_outlet(matches)].copy()
    if len(only) == 0:
        return pd.DataFrame(columns=cols)
    only["length"] = only["quote"].str.len()
    only = (only.sort_values(["outlet", "length", "article_id"], ascending=[True, False, True])
            .groupby("outlet").head(1))
    flat = only["quote"].str.replace("\n", " / ")
    only["quotation"] = [q if len(q) <= width else q[:width].rsplit(" ", 1)[0] + " …"
                         for q in flat]
    only["speaker"] = only["speaker"].replace("", "unattributed").fillna("unattributed")
    return only.rename(columns={"article_id": "article"})[cols].reset_index(drop=True)


def labels_table(labels: pd.DataFrame, actors: int = 8, per_cell: int = 3) -> pd.DataFrame:
    """What each outlet calls the actors named most (from
    :func:`analysis.framing.labels.actor_labels`): one row per actor, one column per outlet,
    each cell the outlet's own describing words with their count and rate per 1,000 words,
    then the number of mentions. Empty when no actor is mentioned.

    >>> t = pd.DataFrame({"outlet": ["A", "A"], "actor": ["X", "X"],
    ...     "kind": ["name form", "descriptor"], "label": ["X", "mayor"], "count": [2, 1],
    ...     "narration": [2, 1], "quote": [0, 0], "per_1000_words": [4.0, 2.0],
    ...     "n_articles": [1, 1], "mentions": [2, 2], "example": ["", ""]})
    >>> labels_table(t).iloc[0].tolist()
    ['X', 'mayor (1; 2.0 per 1,000 words) — 2 mentions']
    """
    if len(labels) == 0:
        return pd.DataFrame(columns=["actor"])
    mentions = labels[labels["kind"] == "name form"].groupby(["actor", "outlet"])["count"].sum()
    top = mentions.groupby("actor").sum().sort_values(ascending=False, kind="stable")
    outlets = sorted(labels["outlet"].astype(str).unique())
    rows = []
    for actor in list(top.index)[:actors]:
        row: dict[str, str] = {"actor": actor}
        for outlet in outlets:
            n = int(mentions.get((actor, outlet), 0))
            own = labels[(labels["actor"] == actor) & (labels["outlet"] == outlet)
                         & (labels["kind"] == "descriptor") & (labels["narration"] > 0)]
            own = own.sort_values(["narration", "label"], ascending=[False, True]).head(per_cell)
            rate = own["per_1000_words"] * own["narration"] / own["count"]
            words = "; ".join(f"{lab} ({int(c)}; {r:.1f} per 1,000 words)" for lab, c, r in
                              zip(own["label"], own["narration"], rate, strict=True))
            row[outlet] = ("not mentioned" if n == 0 else
                           f"{words or 'no describing words'} — {plural(n, 'mention')}")
        rows.append(row)
    return pd.DataFrame(rows, columns=["actor", *outlets])


def with_counts(table: pd.DataFrame, overview: pd.DataFrame, measure: str) -> pd.DataFrame:
    """``table`` with each outlet's name followed by the n behind ``measure`` (articles and
    sentences or quotations), so a chart's legend carries the weight of every bar.

    >>> o = pd.DataFrame({"outlet": ["A"], "articles": [1], "dominant_frame_share_n": [9]})
    >>> with_counts(pd.DataFrame({"outlet": ["A"]}), o, "dominant_frame_share")["outlet"][0]
    'A (1 article, 9 sentences)'
    """
    unit = MEASURES[measure][1].rstrip("s")
    o = overview.set_index("outlet")
    names = {x: f"{x} ({plural(_count(o.loc[x, 'articles']), 'article')}, "
                f"{plural(_count(o.loc[x, f'{measure}_n']), unit)})" for x in o.index}
    return table.assign(outlet=table["outlet"].map(lambda x: names.get(x, x)))


def evaluation_figures(measures: tuple[str, ...] = EVALUATED) -> pd.DataFrame:
    """Every committed external figure of ``measures``
    (:func:`analysis.evaluation.report.trust_table`), the workbook beside its baselines,
    with a ``measure`` column first; empty when none was measured yet.

    >>> evaluation_figures(("no such measure",)).columns.tolist()[:2]
    ['measure', 'data set']
    """
    from analysis.evaluation.report import trust_table

    parts = [trust_table(m).assign(measure=m) for m in measures]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    cols = ["measure", "data set", "metric", "system", "role", "value", "n"]
    return table.reindex(columns=cols)
