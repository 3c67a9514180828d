"""Labels: the words each outlet uses to name the story's actors and events."""

from __future__ import annotations

import pandas as pd

from analysis.framing._common import (
    TermMatcher,
    body_sentences,
    context,
    data_rows,
    spans_by_voice,
    split_terms,
    voice_of,
)

LABEL_FAMILIES_FILE = "framing_label_families.csv"
OCCURRENCE_COLUMNS = ["article_id", "outlet", "sentence_id", "kind", "family", "term",
                      "matched", "voice", "start", "end", "context"]
USAGE_COLUMNS = ["outlet", "family", "term", "count", "narration", "scare_quote", "quote",
                 "n_articles", "example"]


def load_label_families(path: str | None = None) -> pd.DataFrame:
    """The label families: columns family, term, exclude (';'-separated), note.

    By default ``analysis/data/framing_label_families.csv``; pass a path to use your own
    CSV with the same columns (``exclude`` and ``note`` may be left out).

    >>> fams = load_label_families()
    >>> sorted(fams.family.unique())
    ['Falter', 'commissioner', 'event', 'openly Jewish']
    """
    if path is None:
        frame = pd.DataFrame(data_rows(LABEL_FAMILIES_FILE))
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in ("family", "term"):
        if col not in frame.columns:
            raise ValueError(f"label families need a '{col}' column; got {list(frame.columns)}")
    for col in ("exclude", "note"):
        if col not in frame.columns:
            frame[col] = ""
    frame = frame.fillna("")
    return frame[frame["term"].str.strip() != ""][["family", "term", "exclude", "note"]]


def _families_frame(families: pd.DataFrame | dict | str | None) -> pd.DataFrame:
    if families is None:
        return load_label_families()
    if isinstance(families, str):
        return load_label_families(families)
    if isinstance(families, dict):
        rows = [{"family": fam, "term": t, "exclude": "", "note": ""}
                for fam, terms in families.items() for t in terms]
        return pd.DataFrame(rows, columns=["family", "term", "exclude", "note"])
    frame = families.copy()
    for col in ("exclude", "note"):
        if col not in frame.columns:
            frame[col] = ""
    return frame.fillna("")


def label_occurrences(corpus: pd.DataFrame, families: pd.DataFrame | dict | str | None = None,
                      quotes: pd.DataFrame | None = None,
                      sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every occurrence of a label term, with who is speaking (narration / quote / scare quote).

    Headline, caption and body sentences are all searched (``kind`` says which): a
    headline's label is the outlet's own choice. Within a family the longest term wins
    ("pro-Palestine march" is not also counted as "march"); a term's ``exclude`` phrases
    mark look-alikes that belong elsewhere ("Met boss" is not Falter's "boss").
    ``quotes`` / ``sentences`` (``extract_quotes`` / ``split_sentences`` output) are
    computed when not given.

    >>> from analysis import load_corpus
    >>> occ = label_occurrences(load_corpus("seeds"))  # doctest: +SKIP
    >>> occ.columns.tolist()[:4]  # doctest: +SKIP
    ['article_id', 'outlet', 'sentence_id', 'kind']
    """
    fams = _families_frame(families)
    if len(fams) == 0 or len(corpus) == 0:
        return pd.DataFrame(columns=OCCURRENCE_COLUMNS)
    sentences = body_sentences(corpus, kinds=("headline", "caption", "body"), sentences=sentences)
    quoted, scare = spans_by_voice(corpus, quotes)
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"].fillna(""), strict=False))
    rows = []
    for family, group in fams.groupby("family", sort=False):
        matcher = TermMatcher.build(group["term"], plural=True)
        excludes = {t: TermMatcher.build(split_terms(x), plural=True)
                    for t, x in zip(group["term"], group["exclude"], strict=False)
                    if split_terms(x)}
        for s in sentences.itertuples(index=False):
            text = texts[s.article_id]
            for ms, me, term in matcher.find(s.text):
                if term in excludes and any(
                    xs <= ms and me <= xe for xs, xe, _ in excludes[term].find(s.text)
                ):
                    continue
                start, end = s.start + ms, s.start + me
                rows.append({
                    "article_id": s.article_id, "outlet": s.outlet,
                    "sentence_id": s.sentence_id, "kind": s.kind, "family": family,
                    "term": term, "matched": text[start:end],
                    "voice": voice_of(start, end, quoted.get(s.article_id, []),
                                      scare.get(s.article_id, []), text),
                    "start": start, "end": end, "context": context(text, start, end),
                })
    out = pd.DataFrame(rows, columns=OCCURRENCE_COLUMNS)
    return out.sort_values(["article_id", "start", "family"], kind="stable").reset_index(
        drop=True)


def label_usage(corpus: pd.DataFrame, families: pd.DataFrame | dict | str | None = None,
                quotes: pd.DataFrame | None = None,
                sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """How often each outlet uses each label, in its own voice and in its sources' words.

    One row per outlet × family × term found: ``count`` split into ``narration``
    (the outlet's words), ``scare_quote`` (a phrase the outlet puts in quotation marks)
    and ``quote`` (a source's quoted words), ``n_articles`` and one ``example`` snippet.
    ``families`` is None (the default list in ``analysis/data/framing_label_families.csv``),
    a path to such a CSV, a DataFrame with columns family, term[, exclude] or a dict
    ``{family: [terms]}``. An empty family list gives an empty table. ``quotes`` /
    ``sentences`` (``extract_quotes`` / ``split_sentences`` output) are computed when not
    given.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["Daily"],
    ...                   "text": ["The embattled top cop spoke. The top cop left."]})
    >>> label_usage(c, {"police": ["top cop"]})[["outlet", "term", "count"]].values.tolist()
    [['Daily', 'top cop', 2]]
    """
    occ = label_occurrences(corpus, families, quotes, sentences=sentences)
    if len(occ) == 0:
        return pd.DataFrame(columns=USAGE_COLUMNS)
    rows = []
    for (outlet, family, term), g in occ.groupby(["outlet", "family", "term"], sort=True):
        voices = g["voice"].value_counts()
        first = g[g["voice"] == "narration"]
        example = (first if len(first) else g).iloc[0]
        rows.append({
            "outlet": outlet, "family": family, "term": term, "count": len(g),
            "narration": int(voices.get("narration", 0)),
            "scare_quote": int(voices.get("scare quote", 0)),
            "quote": int(voices.get("quote", 0)),
            "n_articles": g["article_id"].nunique(),
            "example": f"{example.article_id}: {example.context}",
        })
    out = pd.DataFrame(rows, columns=USAGE_COLUMNS)
    return out.sort_values(["family", "outlet", "count", "term"],
                           ascending=[True, True, False, True]).reset_index(drop=True)


def label_table(usage: pd.DataFrame, family: str) -> pd.DataFrame:
    """One family as a term × outlet table of counts (0 where an outlet never uses it).

    >>> u = pd.DataFrame({"outlet": ["A", "B"], "family": ["f", "f"], "term": ["x", "y"],
    ...                   "count": [2, 1]})
    >>> label_table(u, "f").values.tolist()
    [[2, 0], [0, 1]]
    """
    sub = usage[usage["family"] == family]
    if len(sub) == 0:
        return pd.DataFrame()
    table = sub.pivot_table(index="term", columns="outlet", values="count", aggfunc="sum",
                            fill_value=0)
    table.columns.name = None
    return table.astype(int)
