"""Agency: passive voice, and the passives that hide who did it.

"Officers arrested nine people" names the doer; "Nine people were arrested" does not.
The rule here works on words alone (no parser): a form of *be* or *get*, up to three
adverbs or "being"/"been" in between, then a past participle (a regular "-ed" word or an
irregular one from ``analysis/data/framing_participles.csv``). The passive has an agent
when a "by" phrase follows in the same clause ("was described by an officer"), unless
"by" starts a means ("by releasing the video") or a time ("by Friday").
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.framing._common import (
    body_sentences,
    data_rows,
    spans_by_voice,
    words_by_voice,
)

PARTICIPLES_FILE = "framing_participles.csv"
PASSIVE_COLUMNS = ["article_id", "outlet", "sentence_id", "auxiliary", "participle", "passive",
                   "agent", "agentless", "in_quote", "start", "end", "sentence"]

BE = {"am", "is", "are", "was", "were", "be", "been", "being", "wasn", "isn", "aren", "weren"}
GET = {"get", "gets", "got", "gotten", "getting"}
_SKIPPABLE = {
    "not", "never", "also", "still", "already", "just", "now", "then", "being", "been", "all",
    "both", "often", "always", "even", "further", "ever", "soon", "yet", "n't", "reportedly",
    "allegedly", "widely", "later", "again", "quickly", "once", "so", "too", "very", "'t", "’t",
}
_NOT_ADVERB_LY = {"only", "family", "reply", "supply", "ally", "rally", "italy", "july", "fly",
                  "holy", "ugly", "silly", "belly", "jelly", "bully", "daily", "weekly",
                  "likely", "early", "friendly"}
_TIME_AFTER_BY = {
    "then", "now", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "tomorrow", "tonight", "midnight", "noon", "next", "late", "early", "the",
}
_AGENT_STOP = {
    "as", "in", "during", "for", "to", "from", "at", "on", "after", "before", "that", "who",
    "which", "when", "while", "because", "with", "since", "if", "but", "and", "or", "into",
    "over", "under", "amid", "following", "about", "last", "this", "yesterday", "today",
    "earlier", "near", "outside", "inside", "across", "through", "within", "against",
    "towards", "toward", "between", "among", "around", "despite",
}
_CLAUSE_END = set(",;:.!?()[]\"“”‘’–—…") | {"'"}
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]")


def _participles() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    rows = data_rows(PARTICIPLES_FILE)

    def of(kind: str) -> frozenset[str]:
        return frozenset(r["word"].casefold() for r in rows if r["type"] == kind)

    return (of("irregular"), of("not_participle"), of("intransitive"), of("not_before_to"))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Words and punctuation marks with offsets (contractions kept apart).

    >>> [t for _, _, t in tokens("He wasn't seen, they said.")]
    ['He', 'wasn', "'t", 'seen', ',', 'they', 'said', '.']
    """
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        # split "wasn't" into "wasn" + "'t" so the auxiliary and "not" are seen
        low = word.casefold()
        if len(word) > 3 and (low.endswith("n't") or low.endswith("n’t")):
            out.append((m.start(), m.end() - 2, word[:-2]))
            out.append((m.end() - 2, m.end(), word[-2:]))
        else:
            out.append((m.start(), m.end(), word))
    return out


def is_participle(word: str, next_word: str = "") -> bool:
    """Whether ``word`` can be a past participle heading a passive.

    >>> is_participle("arrested"), is_participle("seen"), is_participle("need")
    (True, True, False)
    >>> is_participle("gone"), is_participle("used", "to"), is_participle("used", "by")
    (False, False, True)
    """
    irregular, not_pp, intransitive, not_before_to = _participles()
    low = word.casefold()
    if low in not_pp or low in intransitive:
        return False
    if low in not_before_to and next_word.casefold() == "to":
        return False
    if low in irregular:
        return True
    return len(low) >= 4 and low.endswith("ed") and low.isalpha() and low[-3:] != "eed" or (
        low.endswith("eed") and low in {"agreed", "freed", "guaranteed", "decreed", "refereed"})


def _is_adverb(word: str) -> bool:
    low = word.casefold()
    return low in _SKIPPABLE or (low.endswith("ly") and len(low) > 4 and low not in
                                 _NOT_ADVERB_LY and low.isalpha())


def find_passives(text: str) -> list[dict]:
    """Passive constructions in one sentence: auxiliary, participle, passive, agent, span.

    >>> [(p["passive"], p["agent"]) for p in find_passives("He was stopped by a Met officer.")]
    [('was stopped', 'a Met officer')]
    >>> [(p["passive"], p["agent"]) for p in find_passives("Nine people were arrested.")]
    [('were arrested', None)]
    >>> find_passives("She was happy and is going home.")
    []
    """
    toks = tokens(text)
    found = []
    i = 0
    while i < len(toks):
        word = toks[i][2].casefold()
        if word not in BE and word not in GET:
            i += 1
            continue
        j = i + 1
        skipped = 0
        while j < len(toks) and skipped < 3 and _is_adverb(toks[j][2]) and toks[j][2].casefold(
        ) not in BE - {"being", "been"}:
            j += 1
            skipped += 1
        if j >= len(toks):
            break
        cand = toks[j][2]
        nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
        if not is_participle(cand, nxt) or cand[:1].isupper():  # "was Jewish", "is Ted"
            i += 1
            continue
        agent = _agent(toks, j + 1)
        found.append({
            "auxiliary": toks[i][2], "participle": cand,
            "passive": text[toks[i][0]:toks[j][1]], "agent": agent,
            "start": toks[i][0], "end": toks[j][1],
        })
        i = j + 1
    return found


def _agent(toks: list[tuple[int, int, str]], k: int, window: int = 16) -> str | None:
    """The noun phrase after "by" in the same clause, or None."""
    for m in range(k, min(len(toks), k + window)):
        word = toks[m][2]
        if word in _CLAUSE_END:
            return None
        if word.casefold() != "by":
            continue
        if m + 1 >= len(toks):
            return None
        first = toks[m + 1][2]
        low = first.casefold()
        if low.endswith("ing") and low not in {"king", "beijing", "sterling"}:
            return None  # "by releasing the video": a means, not a doer
        if low in _TIME_AFTER_BY and not (low == "the" and m + 2 < len(toks) and toks[m + 2][
                2].casefold() not in {"time", "end", "weekend", "morning", "evening"}):
            return None
        if re.fullmatch(r"\d[\d,.]*", first):
            return None
        words = []
        for n in range(m + 1, min(len(toks), m + 8)):
            w = toks[n][2]
            if w in _CLAUSE_END or (words and w.casefold() in _AGENT_STOP):
                break
            words.append(toks[n])
        if not words:
            return None
        return _join(toks, words)
    return None


def _join(toks: list[tuple[int, int, str]], words: list[tuple[int, int, str]]) -> str:
    out = words[0][2]
    for prev, cur in zip(words, words[1:], strict=False):
        out += ("" if cur[0] == prev[1] else " ") + cur[2]
    return out


def passives(corpus: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per passive construction in the body sentences.

    Columns: article_id, outlet, sentence_id, auxiliary, participle, passive (the words),
    agent (the "by" phrase, None when hidden), agentless, in_quote, start, end, sentence.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Nine people were arrested. He was stopped by an officer."]})
    >>> passives(c)[["passive", "agentless"]].values.tolist()
    [['were arrested', True], ['was stopped', False]]
    """
    from analysis.attribution import in_spans

    if len(corpus) == 0:
        return pd.DataFrame(columns=PASSIVE_COLUMNS)
    sentences = body_sentences(corpus)
    quoted, _ = spans_by_voice(corpus, quotes)
    rows = []
    for s in sentences.itertuples(index=False):
        for p in find_passives(s.text):
            start, end = s.start + p["start"], s.start + p["end"]
            rows.append({
                "article_id": s.article_id, "outlet": s.outlet, "sentence_id": s.sentence_id,
                "auxiliary": p["auxiliary"], "participle": p["participle"],
                "passive": p["passive"], "agent": p["agent"],
                "agentless": p["agent"] is None,
                "in_quote": in_spans(quoted.get(s.article_id, []), start, end),
                "start": start, "end": end, "sentence": s.text,
            })
    return pd.DataFrame(rows, columns=PASSIVE_COLUMNS)


def passive_summary(corpus: pd.DataFrame, found: pd.DataFrame | None = None,
                    quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per outlet: passives per 1,000 words and the share without an agent, narration only.

    Columns: outlet, narration_words, passives, per_1000, agentless, share_agentless,
    quoted_passives (passives inside sources' quotations, left out of the rates).

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Nine people were arrested. He was stopped by an officer."]})
    >>> passive_summary(c)[["passives", "agentless", "share_agentless"]].values.tolist()
    [[2.0, 1.0, 0.5]]
    """
    found = passives(corpus, quotes) if found is None else found
    sentences = body_sentences(corpus)
    quoted, _ = spans_by_voice(corpus, quotes)
    words = words_by_voice(corpus, sentences, quoted).groupby("outlet")["narration_words"].sum()
    rows = []
    for outlet in sorted(words.index):
        sub = found[found["outlet"] == outlet] if len(found) else found
        narr = sub[~sub["in_quote"].astype(bool)] if len(sub) else sub
        n = len(narr)
        agentless = int(narr["agentless"].sum()) if n else 0
        nw = int(words.loc[outlet])
        rows.append({
            "outlet": outlet, "narration_words": nw, "passives": n,
            "per_1000": 1000 * n / nw if nw else np.nan, "agentless": agentless,
            "share_agentless": agentless / n if n else np.nan,
            "quoted_passives": len(sub) - n,
        })
    return pd.DataFrame(rows, columns=["outlet", "narration_words", "passives", "per_1000",
                                       "agentless", "share_agentless", "quoted_passives"])
