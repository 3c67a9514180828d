"""The tables a reader sees: who speaks in each outlet (``sources_table``) and with which
speech verbs (``verb_profile``)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

# --------------------------------------------------------------------------- who speaks

def full_names(speakers: pd.Series) -> pd.Series:
    """``speakers`` with each one-word name replaced by the one person's name of the same
    table (a first name, :func:`analysis.actors.is_first_name`, then more) that ends with
    it ("Obama" → "Barack Obama", not "Hill" → "Capitol Hill"), so that a speaker named in full in
    one article and by surname in another counts once. A surname that ends two longer names
    ("Clinton": "Bill Clinton", "Hillary Clinton") is left as it is.

    >>> full_names(pd.Series(["Obama", "Barack Obama", "Clinton", "Bill Clinton",
    ...                       "Hillary Clinton", "Hill", "Capitol Hill"])).tolist()[:3]
    ['Barack Obama', 'Barack Obama', 'Clinton']
    >>> full_names(pd.Series(["Hill", "Capitol Hill"])).tolist()
    ['Hill', 'Capitol Hill']
    """
    from analysis.actors import is_first_name

    names = {str(n) for n in speakers.dropna().unique()}
    longer: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) > 1 and words[-1][:1].isupper() and is_first_name(words[0]):
            longer.setdefault(words[-1], set()).add(name)
    swap = {n: next(iter(longer[n])) for n in names
            if " " not in n and n[:1].isupper() and len(longer.get(n, ())) == 1}
    return speakers.replace(swap) if swap else speakers


#: The ``attribution`` of a quotation whose speaker is the nearest name, not a rule's reading.
GUESSED = "nearest speaker"


def sources_table(quotes: pd.DataFrame, by: str = "speaker",
                  kinds: Iterable[str] = ("direct", "mixed", "indirect")) -> pd.DataFrame:
    """Who speaks in each outlet: per outlet and ``by`` (``speaker`` or ``speaker_type``),
    ``quotations`` (of ``kinds``), ``direct``/``mixed``/``indirect`` counts,
    ``words_quoted`` (words inside quote marks: direct and mixed), ``share_of_voice``
    (that speaker's share of the outlet's quoted words), ``share_of_quotations`` and
    ``guessed`` (how many of those quotations no rule attributed and the nearest name was
    taken: ``attribution`` "nearest speaker"; ``<NA>`` when ``quotes`` has no
    ``attribution`` column). Unattributed quotations show as "(unattributed)"; scare quotes
    are not speech. A speaker named by surname alone counts with the one speaker named in
    full with that surname (:func:`full_names`).

    >>> q = pd.DataFrame({"outlet": ["A", "A", "A"], "speaker": ["X", "Y", "X"],
    ...     "speaker_type": ["police", "campaign group", "police"],
    ...     "kind": ["direct", "direct", "indirect"], "n_words": [6, 2, 9]})
    >>> table = sources_table(q)
    >>> table[["speaker", "quotations", "words_quoted", "share_of_voice"]].values.tolist()
    [['X', 2, 6, 0.75], ['Y', 1, 2, 0.25]]
    """
    if by not in ("speaker", "speaker_type"):
        raise ValueError("by must be 'speaker' or 'speaker_type'")
    columns = ["outlet", by, "quotations", "direct", "mixed", "indirect", "words_quoted",
               "share_of_voice", "share_of_quotations", "guessed"]
    if by == "speaker":
        columns.insert(2, "speaker_type")
    q = quotes[quotes["kind"].isin(set(kinds))].copy()
    if q.empty:
        return pd.DataFrame(columns=columns)
    q["speaker"] = full_names(q["speaker"].replace("", "(unattributed)").fillna("(unattributed)"))
    q["speaker_type"] = q["speaker_type"].replace("", "unknown").fillna("unknown")
    q["words"] = q["n_words"].where(q["kind"].isin(["direct", "mixed"]), 0)
    known = "attribution" in q.columns
    q["guess"] = (q["attribution"] == GUESSED) if known else False
    keys = ["outlet", by]
    table = q.groupby(keys, sort=True).agg(
        quotations=("kind", "size"),
        direct=("kind", lambda k: int((k == "direct").sum())),
        mixed=("kind", lambda k: int((k == "mixed").sum())),
        indirect=("kind", lambda k: int((k == "indirect").sum())),
        words_quoted=("words", "sum"), guessed=("guess", "sum")).reset_index()
    table["guessed"] = (table["guessed"].astype("int64") if known
                        else pd.Series(pd.NA, index=table.index)).astype("Int64")
    if by == "speaker":
        types = q.groupby(keys)["speaker_type"].agg(lambda t: t.mode().iloc[0]).reset_index()
        table = table.merge(types, on=keys)
    out_words = table.groupby("outlet")["words_quoted"].transform("sum")
    out_quotes = table.groupby("outlet")["quotations"].transform("sum")
    table["share_of_voice"] = (table["words_quoted"] / out_words.where(out_words > 0)).round(4)
    table["share_of_quotations"] = (table["quotations"] / out_quotes).round(4)
    table = table.astype({"quotations": "int64", "words_quoted": "int64"})
    table = table.sort_values(["outlet", "words_quoted", "quotations", by],
                              ascending=[True, False, False, True]).reset_index(drop=True)
    return table[columns]


def verb_profile(quotes: pd.DataFrame, summary: bool = False) -> pd.DataFrame:
    """The speech verbs each outlet uses to attribute quotations (scare quotes aside):
    per outlet and verb, ``verb_class`` (neutral / evaluative, from
    ``data/speech_verbs.csv``), ``n``, ``share`` of the outlet's attributed quotations and
    an ``example`` ("speaker verb_text: 'quote'", or "speaker verb_text reported clause"
    for indirect speech). With ``summary=True``: per outlet,
    ``attributed``, ``evaluative`` and ``share_evaluative``.

    >>> q = pd.DataFrame({"outlet": ["A", "A"], "kind": ["direct", "mixed"],
    ...     "verb": ["say", "claim"], "verb_class": ["neutral", "evaluative"],
    ...     "verb_text": ["said", "claimed"], "speaker": ["X", "Y"], "quote": ["a", "b"]})
    >>> verb_profile(q, summary=True)[["outlet", "share_evaluative"]].values.tolist()
    [['A', 0.5]]
    """
    q = quotes[(quotes["kind"] != "scare") & (quotes["verb"].fillna("") != "")].copy()
    if summary:
        cols = ["outlet", "attributed", "evaluative", "share_evaluative"]
        if q.empty:
            return pd.DataFrame(columns=cols)
        s = q.groupby("outlet").agg(attributed=("verb", "size"),
                                    evaluative=("verb_class",
                                                lambda c: int((c == "evaluative").sum())))
        s["share_evaluative"] = (s["evaluative"] / s["attributed"]).round(4)
        return s.reset_index()[cols]
    cols = ["outlet", "verb", "verb_class", "n", "share", "example"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    q["example"] = [f"{sp or 'someone'} {vt} {_short(qt)}" if kind == "indirect" else
                    f"{sp or 'someone'} {vt}: '{_short(qt)}'" for sp, vt, qt, kind in
                    zip(q["speaker"], q["verb_text"], q["quote"], q["kind"], strict=True)]
    table = q.groupby(["outlet", "verb", "verb_class"]).agg(
        n=("kind", "size"), example=("example", "first")).reset_index()
    table["share"] = (table["n"] / table.groupby("outlet")["n"].transform("sum")).round(4)
    table = table.sort_values(["outlet", "n", "verb"], ascending=[True, False, True])
    return table.reset_index(drop=True)[cols]


def _short(text: str, words: int = 12) -> str:
    parts = str(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
