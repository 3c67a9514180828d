"""PolNeAR: who is quoted, and what they said, in US political news nobody here wrote.

PolNeAR (Newell, Margolin & Ruths 2018) marks every *attribution* in 1,008 articles from
seven US outlets (2016): a ``Source`` (who), a ``Cue`` (the verb or phrase) and a
``Content`` span (what), linked by an ``Attribution`` relation (brat ``E`` lines). A span
may be discontinuous (brat's ``0 5;9 14``). The set has no direct/indirect flag: a Content
span holding a double quotation mark is a direct or mixed quotation, one without any quote
mark is indirect (reported) speech.

How the gold is read and scored (the rules every figure here rests on):

- **Annotators.** Some articles were annotated by several people (one ``.ann`` per
  annotator, the annotator's id after the last ``_``). We use **one fixed annotator per
  article: the one whose id sorts first**, so every article counts once and a figure is
  the agreement with one person's reading, never an average that double-counts the
  articles chosen for agreement checks.
- **Offsets.** The workbook cleans text before it measures (``load_corpus``); gold offsets
  index the file's text, so each one is mapped to the clean text through a character
  alignment of the two (``difflib``). A gold span whose words the cleaning removed is
  dropped and counted in the ``note`` column.
- **quotations**: gold = Content spans holding a quotation mark (``"“”``, ``''`` or ``‘``); the
  workbook's = its ``direct`` and ``mixed`` quotations (their ``parts``). A match is
  :func:`analysis.evaluation.metrics.match_spans` (token overlap ≥ 0.5 of the *longer*
  span, one to one, per article). For a mixed quotation the workbook's span is the
  reported clause it sits in when it found one (the clause PolNeAR annotates), else the
  quoted words; reported speech holding a quotation mark counts here too, and quotations
  sharing one attribution join (see :func:`workbook_attributions`).
- **speakers**: on matched quotations whose gold has a Source span, the speaker is right
  when (a) the workbook's speaker mention overlaps the gold Source span, or (b) the
  speaker's name shares its last word (the surname, case-folded) with a capitalised word
  of the gold Source, or (c) the gold Source has no capitalised word (a pronoun, "the
  spokesman") and the speaker's surname is that of the nearest *named* gold Source
  before it in the article (the person the pronoun refers to in news order; the surname
  is the last word of the name the Source opens with, before any apposition, bracket or
  "of" phrase: "Rep. Jane Doe (D-Ga.)" is Doe), or, when no named gold Source precedes
  it, a capitalised word of the 300 characters before it; a relative pronoun ("who",
  "which", "that") refers instead to the noun phrase right before it (a capitalised word
  of the text before it back to the clause's start, at most 80 characters). An empty
  speaker is wrong. Rule (a) credits a pronoun the workbook found where the gold Source is
  ("she said") whatever name it gave the pronoun, since PolNeAR marks no coreference: the
  note of the row says how many of the right ones that is.
- **speaker accuracy (reported speech)**: the same rule on the reported speech matched
  below (indirect speech), the second metric of "speakers"; its baseline gives each
  sentence of "any sentence with a speech verb" the nearest capitalised name (the first
  run of two or more capitalised words in it, else the closest outside it).
- **indirect speech**: gold = Content spans without any quotation mark whose Cue holds a
  speech verb of ``data/speech_verbs.csv`` (PolNeAR also marks beliefs, intentions and
  findings — "believes", "wants", "showed" — which are not reported speech and which the
  workbook does not claim to find); the workbook's = its ``indirect`` items without a
  quotation mark; matched as above.

- **speech verbs**: on matched quotations whose gold Cue holds a speech verb of
  ``data/speech_verbs.csv``, the workbook's verb (its lemma, the ``verb`` column) is right
  when it is that verb ("said" and "says" are both *say*; "according to" is a verb of the
  list); an empty verb is wrong. "judging-verb F1" scores the flag the briefing counts: a
  quotation introduced by a verb the list classes *evaluative* ("claimed", "admitted"),
  gold by the Cue's verb. Both baselines are given the same quotations: "nearest speech
  verb" (the listed form nearest to the quotation in its paragraph, outside it) and
  "always said".

Baselines, in the same run: "any double-quoted span" (every ``"…"``/``“…”`` pair in a
paragraph) with "nearest capitalised name" (the closest run of two or more capitalised
words outside quotation marks) as speaker; for indirect speech "any sentence with a speech
verb" (a sentence holding a form from ``speech_verbs.csv`` outside quotation marks and no
quotation mark, the whole sentence as its span).

**quotation matching** (quotation travel): PolNeAR has few quotations carried by two of its
articles, so the pairs are built from its gold quotations (:func:`quotation_pairs`): each
quotation beside an altered copy (same) and beside the quotation sharing most of its words
(different). The workbook decides with :func:`analysis.attribution.travel.same_quotation`
(what ``match_quotes`` uses); the baseline is "exact normalised match" (the same words, or
one held word for word in the other). Built pairs, not observed ones: a development figure
for robustness to small edits.

>>> DATA_SET
'polnear'
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.english import NAME_SUFFIXES
from analysis.evaluation.metrics import (
    bootstrap,
    match_spans,
    precision_recall_f1,
    precision_recall_f1_draws,
)

DATA_SET = "polnear"
SOURCE = ("Newell, Margolin & Ruths (2018), An attribution relations corpus for political "
          "news, LREC 2018; https://github.com/networkdynamics/PolNeAR")

Span = tuple[int, int]
DOUBLE_MARKS = '"“”'
#: What makes a gold Content a quotation: a double mark, two apostrophes used as one (some
#: archives write ''…'' for “…”), or an opening single curly mark.
_QUOTE_MARK = re.compile(r"[\"“”‘]|''")
_BRAT_SPAN = re.compile(r"^([\w-]+) (\d+ \d+(?:;\d+ \d+)*)$")


@dataclass
class Attribution:
    """One gold attribution: fragments (start, end) of its source, cue and content."""

    relation: str
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


def read_ann(path: str | Path) -> list[Attribution]:
    """The attributions of one brat ``.ann`` file, in file order.

    ``T`` lines give labelled spans (a discontinuous span as ``s e;s e``), ``E`` lines
    link them (``Attribution:T4 Content:T3 Cue:T2 Source:T1``). A malformed line raises
    ``ValueError`` naming the file and line.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a_x.ann"
    >>> _ = p.write_text("T1\\tSource 0 3\\tJoe\\nT2\\tCue 4 8\\tsaid\\n"
    ...                  "T3\\tContent 9 12;15 18\\tyes no\\nE1\\tAttribution:T2 Source:T1 "
    ...                  "Cue:T2 Content:T3\\n")
    >>> read_ann(p)[0].content
    [(9, 12), (15, 18)]
    """
    path = Path(path)
    spans: dict[str, tuple[str, list[Span]]] = {}
    relations: list[tuple[str, dict[str, str]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or not re.match(r"[TERANM#*]\d*\t", line):
            continue          # blank, or the rest of a span's text that holds a line break
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            m = _BRAT_SPAN.match(parts[1])
            if not m:
                raise ValueError(f"{path.name} line {n}: not a brat span: {parts[1]!r}")
            frags = [tuple(int(x) for x in f.split()) for f in m.group(2).split(";")]
            spans[parts[0]] = (m.group(1), [(s, e) for s, e in frags])
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            relations.append((parts[0], roles))
        elif line[0] in "TE":
            raise ValueError(f"{path.name} line {n}: malformed line {line!r}")
    out = []
    for rid, roles in relations:
        att = Attribution(rid)
        for role, ref in roles.items():
            key = role.rstrip("0123456789").lower()        # Content2: more of the content
            if key not in ("source", "cue", "content"):
                continue
            if ref not in spans:
                raise ValueError(f"{path.name}: relation {rid} names missing span {ref}")
            setattr(att, key, sorted([*getattr(att, key), *spans[ref][1]]))
        out.append(att)
    return out


def annotation_files(folder: Path) -> dict[str, Path]:
    """Per article (the text file's stem), the ``.ann`` of the annotator whose id sorts first.

    >>> annotation_files(Path("/nonexistent"))
    {}
    """
    chosen: dict[str, tuple[str, Path]] = {}
    for path in sorted(folder.glob("*.ann")) if folder.exists() else []:
        article, _, annotator = path.stem.rpartition("_")
        if not article:
            raise ValueError(f"{path.name}: no annotator id after the last '_'")
        if article not in chosen or annotator < chosen[article][0]:
            chosen[article] = (annotator, path)
    return {a: p for a, (_, p) in sorted(chosen.items())}


def offset_map(raw: str, clean: str) -> list[int]:
    """For every offset 0..len(raw) of ``raw``, the offset of the same place in ``clean``.

    Characters the cleaning removed map to the next kept character. Lines are aligned
    first (cleaning drops or rewrites whole lines), then characters within changed stretches,
    so the cost stays near linear for long articles.

    >>> offset_map("a\\n\\nb", "a\\nb")
    [0, 1, 2, 2, 3]
    """
    out = [0] * (len(raw) + 1)
    if raw == clean:
        return list(range(len(raw) + 1))
    raw_lines = raw.splitlines(keepends=True)
    clean_lines = clean.splitlines(keepends=True)
    raw_at = [0]
    for line in raw_lines:
        raw_at.append(raw_at[-1] + len(line))
    clean_at = [0]
    for line in clean_lines:
        clean_at.append(clean_at[-1] + len(line))
    lines = difflib.SequenceMatcher(None, raw_lines, clean_lines, autojunk=False)
    for op, a0, a1, b0, b1 in lines.get_opcodes():
        r0, r1, c0, c1 = raw_at[a0], raw_at[a1], clean_at[b0], clean_at[b1]
        if op == "equal":
            for k in range(r0, r1):
                out[k] = c0 + (k - r0)
            continue
        chars = difflib.SequenceMatcher(None, raw[r0:r1], clean[c0:c1], autojunk=False)
        for cop, x0, x1, y0, y1 in chars.get_opcodes():
            for k in range(x0, x1):
                step = k - x0 if cop in ("equal", "replace") and k - x0 < y1 - y0 else y1 - y0
                out[r0 + k] = c0 + y0 + step
    out[len(raw)] = len(clean)
    return out


def _map(fragments: list[Span], mapping: list[int], raw: str, clean: str) -> list[Span]:
    out = []
    for s, e in fragments:
        s2, e2 = mapping[min(s, len(raw))], mapping[min(e, len(raw))]
        if e2 > s2 and clean[s2:e2].strip():
            out.append((s2, e2))
    return out


def read_split(data_dir: str | Path, split: str = "dev") -> tuple[pd.DataFrame, pd.DataFrame]:
    """PolNeAR's ``split`` as (corpus, gold).

    The corpus is what :func:`analysis.load_corpus` makes of the articles (outlet = the
    publisher code before the first ``_``). ``gold`` has one row per attribution: article_id,
    annotator, relation, source, cue, content (lists of (start, end) in the *clean* text),
    source_text, content_text, quoted (the content holds a double quotation mark).
    """
    from analysis import load_corpus

    root = Path(data_dir) / DATA_SET / split
    texts = root / "text"
    if not texts.exists():
        raise FileNotFoundError(f"{texts}: no PolNeAR text folder")
    anns = annotation_files(root / "attributions")
    raw = {p.stem: p.read_text(encoding="utf-8") for p in sorted(texts.glob("*.txt"))}
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "polnear.jsonl"
        with table.open("w", encoding="utf-8") as handle:
            for aid, text in raw.items():
                handle.write(json.dumps({"article_id": aid, "outlet": aid.split("_")[0],
                                         "text": text}) + "\n")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(table)
    clean = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    rows = []
    for aid, path in anns.items():
        if aid not in clean:
            raise ValueError(f"{path.name}: no text file {aid}.txt in {texts}")
        text, ctext = raw[aid], clean[aid]
        mapping = offset_map(text, ctext)
        for att in read_ann(path):
            quoted = any(_QUOTE_MARK.search(text[s:e]) for s, e in att.content)
            content = _map(att.content, mapping, text, ctext)
            source = _map(att.source, mapping, text, ctext)
            rows.append({
                "article_id": aid, "annotator": path.stem.rpartition("_")[2],
                "relation": att.relation, "source": source,
                "cue": _map(att.cue, mapping, text, ctext), "content": content,
                "source_text": " ".join(ctext[s:e] for s, e in source),
                "content_text": " ".join(ctext[s:e] for s, e in content),
                "quoted": quoted, "lost": bool(att.content) and not content,
            })
    gold = pd.DataFrame(rows, columns=["article_id", "annotator", "relation", "source", "cue",
                                       "content", "source_text", "content_text", "quoted",
                                       "lost"])
    return corpus, gold


# --------------------------------------------------------------------------- baselines

_PAIR = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")
_CAP_RUN = re.compile(r"\b[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+")


def baseline_quotes(text: str) -> list[dict]:
    """Every double-quoted span with the nearest capitalised name (two or more capitalised
    words in a row, outside quotation marks) as its speaker.

    >>> baseline_quotes('Jane Doe spoke. "We won," she said.')[0]["speaker"]
    'Jane Doe'
    """
    quotes = [(m.start(1), m.end(1)) for m in _PAIR.finditer(text)]
    names = _names_outside(text, quotes)
    return [_with_nearest_name([(s, e)], names) for s, e in quotes]


def _names_outside(text: str, quotes: list[Span]) -> list[tuple[int, int, str]]:
    """Runs of two or more capitalised words outside the given quoted spans."""
    return [(m.start(), m.end(), m.group(0)) for m in _CAP_RUN.finditer(text)
            if not any(s <= m.start() < e for s, e in quotes)]


def _with_nearest_name(parts: list[Span], names: list[tuple[int, int, str]]) -> dict:
    """A baseline attribution: ``parts`` and the nearest of ``names`` as its speaker (a name
    inside the span is nearest of all; the first such name wins)."""
    s, e = parts[0][0], parts[-1][1]
    best, dist = None, None
    for ns, ne, name in names:
        d = s - ne if ne <= s else ns - e if ns >= e else 0
        if dist is None or d < dist:
            best, dist = (ns, ne, name), d
    return {"parts": parts, "speaker": best[2] if best else "",
            "mention": (best[0], best[1]) if best else None}


def _speech_verb_pattern() -> re.Pattern[str]:
    """Any form of a verb in ``data/speech_verbs.csv`` as a whole word."""
    from analysis.attribution import speech_verbs

    forms = sorted({f for fs in speech_verbs()["forms"] for f in fs}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
                      + r")\b", re.I)


def baseline_indirect(corpus: pd.DataFrame) -> dict[str, list[list[Span]]]:
    """Per article, every sentence holding a speech-verb form and no quotation mark.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"article_id": ["a"], "text": ["Joe said it rained. It did."]})
    >>> baseline_indirect(c)["a"]
    [[(0, 19)]]
    """
    from analysis.sentences import article_sentences

    verb = _speech_verb_pattern()
    out: dict[str, list[list[Span]]] = {}
    kinds = corpus["line_kinds"] if "line_kinds" in corpus else [None] * len(corpus)
    for aid, text, lk in zip(corpus["article_id"], corpus["text"], kinds, strict=True):
        spans = []
        for s in article_sentences(text, lk if isinstance(lk, str) else None):
            sentence = text[s["start"]:s["end"]]
            if verb.search(sentence) and not any(ch in DOUBLE_MARKS for ch in sentence):
                spans.append([(s["start"], s["end"])])
        out[str(aid)] = spans
    return out


# --------------------------------------------------------------------------- scoring

_TEXT_BEFORE = "text before: "       # marks an antecedent that is a stretch of text, not a name
#: A gold Source that is a relative pronoun refers to the noun phrase right before it.
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_CAP_WORD = re.compile(r"\b[A-Z][\w'’-]*")


#: Personal pronouns: a gold Source that is only one of them names no one by itself.
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


def _only_pronoun(source_text: str) -> bool:
    """Whether a gold Source is a personal pronoun alone ("He", "she").

    >>> _only_pronoun("He"), _only_pronoun("the senator")
    (True, False)
    """
    words = re.findall(r"[\w'’]+", source_text)
    return len(words) == 1 and words[0].casefold() in _PERSONAL_PRONOUNS


def _surname(name: str) -> str:
    """A name's last word, one name whichever apostrophe is printed ("O’Malley",
    "O'Malley"), past a generational suffix ("Brent Bozell III" is a Bozell).

    >>> _surname("Brent Bozell III"), _surname("Jane O’Malley's"), _surname("Jr")
    ('bozell', "o'malley", 'jr')
    """
    words = re.findall(r"[\w'’-]+", (name or "").replace("’", "'"))
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return _POSSESSIVE.sub("", words[-1].casefold()) if words else ""


def _capitals(text: str) -> set[str]:
    return {_POSSESSIVE.sub("", w.casefold().replace("’", "'")) for w in _CAP_WORD.findall(text)}


_POSSESSIVE = re.compile(r"'s$")


def mention_at_source(mention: Span | None, gold_row: pd.Series) -> bool:
    """Whether the workbook's speaker mention overlaps the gold Source (rule (a)).

    >>> row = pd.Series({"source": [(0, 9)]})
    >>> mention_at_source((4, 12), row), mention_at_source((9, 12), row)
    (True, False)
    """
    return mention is not None and any(s < mention[1] and mention[0] < e
                                       for s, e in gold_row["source"])


def speech_cues(texts: dict[str, str], gold: pd.DataFrame) -> pd.Series:
    """Per gold row, whether its Cue holds a speech verb of ``data/speech_verbs.csv``.

    >>> g = pd.DataFrame({"article_id": ["a", "a"], "cue": [[(0, 4)], [(5, 10)]]})
    >>> speech_cues({"a": "said hoped"}, g).tolist()
    [True, False]
    """
    verb = _speech_verb_pattern()
    return pd.Series([bool(verb.search(" ".join(texts[a][s:e] for s, e in cue)))
                      for a, cue in zip(gold["article_id"], gold["cue"], strict=True)],
                     index=gold.index, dtype=bool)


def speaker_correct(speaker: str, mention: Span | None, gold_row: pd.Series,
                    antecedent: str) -> bool:
    """The speaker rule of this module's docstring ((a) mention overlap, (b) surname in the
    gold Source, (c) a pronoun or description: the nearest named gold Source before).

    >>> row = pd.Series({"source": [(0, 9)], "source_text": "Mr Trump"})
    >>> speaker_correct("Donald Trump", None, row, "")
    True
    >>> speaker_correct("", (0, 4), row, "")
    False
    """
    if not speaker:
        return False
    if mention_at_source(mention, gold_row):
        return True
    caps = _capitals(gold_row["source_text"]) - {"the", "a", "an", "i"}
    sur = _surname(speaker)
    if caps:
        return sur in caps
    if antecedent.startswith(_TEXT_BEFORE):      # no named Source before: the text before
        return sur in _capitals(antecedent[len(_TEXT_BEFORE):])
    return bool(antecedent) and sur == _surname(_head_name(antecedent))


def _head_name(source: str) -> str:
    """The name a gold Source span opens with, without its apposition, bracket or "of"
    phrase: its last word is the surname ("Rep. Jane Doe (D-Ga.)", "Jane Doe, a senior
    adviser", "Gov. Jane Doe of Ohio" all end in "Doe").

    >>> _head_name("Rep. Jane Doe (D-Ga.), a member of the committee")
    'Rep. Jane Doe'
    """
    return re.split(r"\s*[,(;]|\s+(?:of|from|who|at|in|--|—|–)\s", source, maxsplit=1)[0] or source


def _antecedents(gold: pd.DataFrame, texts: dict[str, str]) -> list[str]:
    """Per gold row, the nearest earlier gold Source (by position) holding a capitalised name,
    else the 300 characters of text before its Source."""
    out = []
    by_article: dict[str, list[tuple[int, str]]] = {}
    for aid, src, text in zip(gold["article_id"], gold["source"], gold["source_text"],
                              strict=True):
        if src and _capitals(text) - {"the", "a", "an", "i"}:
            by_article.setdefault(aid, []).append((src[0][0], text))
    for lst in by_article.values():
        lst.sort()
    for aid, src in zip(gold["article_id"], gold["source"], strict=True):
        lst = by_article.get(aid, [])
        if not src:
            out.append("")
            continue
        k = bisect.bisect_left(lst, (src[0][0], "")) - 1
        text = texts.get(aid, "")
        if text[src[0][0]:src[0][1]].strip().casefold() in _RELATIVE:
            # "Jane Doe, who said ...": a relative pronoun is the noun phrase right before it
            before = text[max(0, src[0][0] - 80):src[0][0]]
            out.append(_TEXT_BEFORE + re.split(r"[.;:!?\n]", before)[-1])
            continue
        out.append(lst[k][1] if k >= 0
                   else _TEXT_BEFORE + text[max(0, src[0][0] - 300):src[0][0]])
    return out


def _score(texts: dict[str, str], gold: pd.DataFrame, predicted: dict[str, list[dict]],
           antecedents: list[str] | None = None) -> dict[str, float]:
    """P/R/F1 of predicted spans against gold per article; speaker accuracy when asked.

    ``draws`` holds each figure's bootstrap draws, whole articles resampled.
    """
    counts = []
    pronoun_credits = 0
    for aid, text in texts.items():
        g = gold[gold["article_id"] == aid]
        preds = predicted.get(aid, [])
        matches = match_spans(text, list(g["content"]), [p["parts"] for p in preds])
        sp_right = sp_n = 0
        for gi, pi, _ in matches if antecedents is not None else ():
            row = g.iloc[gi]
            if not row["source"]:
                continue
            sp_n += 1
            right = speaker_correct(preds[pi]["speaker"], preds[pi]["mention"], row,
                                    antecedents[g.index[gi]])
            sp_right += right
            if right and _only_pronoun(row["source_text"]) and mention_at_source(
                    preds[pi]["mention"], row):
                pronoun_credits += 1
        counts.append((len(matches), len(preds), len(g), sp_right, sp_n))
    per = np.array(counts, dtype=float).reshape(-1, 5)
    n_match, n_pred, n_gold, sp_right, sp_n = (int(v) for v in per.sum(axis=0))
    out: dict = precision_recall_f1(n_match, n_pred, n_gold)
    out.update(n_gold=n_gold, n_pred=n_pred, n_match=n_match,
               speaker_accuracy=sp_right / sp_n if sp_n else float("nan"), n_speaker=sp_n,
               pronoun_credits=pronoun_credits)
    draws = precision_recall_f1_draws(per[:, :3])
    draws["speaker_accuracy"] = bootstrap(
        lambda ix: per[ix, 3].sum() / per[ix, 4].sum() if per[ix, 4].sum() else float("nan"),
        len(per))
    out["draws"] = draws
    return out


def _verb_of(form: str) -> tuple[str, str]:
    """(verb, class) of a form of ``data/speech_verbs.csv`` as matched in a text, from the
    extractor's own index of the forms (case and spacing as it reads them).

    >>> _verb_of("Told"), _verb_of("according  to")[0]
    (('tell', 'neutral'), 'according to')
    """
    from analysis.attribution.verbs import _verb_index

    return _verb_index()[1].get(" ".join(form.casefold().split()), ("", ""))


def cue_verb(cue: str, pattern: re.Pattern[str]) -> str:
    """The verb of the first listed speech-verb form in a gold Cue; "" when it holds none.

    >>> cue_verb("told reporters", _speech_verb_pattern())
    'tell'
    """
    found = pattern.search(cue)
    return _verb_of(found.group(0))[0] if found else ""


def nearest_speech_verb(text: str, parts: list[Span], pattern: re.Pattern[str] | None = None
                        ) -> str:
    """The speech-verb baseline: the verb of the listed form nearest to the quotation (its
    ``parts``) in the quotation's paragraph, outside it; "" when the paragraph has none.

    >>> nearest_speech_verb('Doe spoke. "We won," she claimed. They said no.', [(12, 18)])
    'claim'
    """
    pattern = _speech_verb_pattern() if pattern is None else pattern
    start, end = parts[0][0], parts[-1][1]
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    best: tuple[int, str] | None = None
    for found in pattern.finditer(text, para_start, len(text) if para_end < 0 else para_end):
        if any(s <= found.start() < e for s, e in parts):
            continue
        gap = start - found.end() if found.end() <= start else found.start() - end
        if best is None or gap < best[0]:
            best = (gap, _verb_of(found.group(0))[0])
    return best[1] if best else ""


def _verb_scores(texts: dict[str, str], gold: pd.DataFrame, predicted: dict[str, list[dict]]
                 ) -> dict[str, dict]:
    """Verb accuracy and judging-verb P/R/F1 of the workbook and the two verb baselines, on
    the quotations the workbook matched whose gold Cue holds a listed speech verb."""
    from analysis.attribution.verbs import _verb_index

    pattern = _speech_verb_pattern()
    judging = {verb for verb, cls in _verb_index()[1].values() if cls == "evaluative"}
    systems = ("workbook", "nearest", "said")
    per = {name: [] for name in systems}     # per article: right, n, judging tp, pred, gold
    for aid, text in texts.items():
        g = gold[gold["article_id"] == aid]
        preds = predicted.get(aid, [])
        counts = {name: [0, 0, 0, 0, 0] for name in systems}
        for gi, pi, _ in match_spans(text, list(g["content"]), [p["parts"] for p in preds]):
            cues = g.iloc[gi]["cue"]
            right = cue_verb(" ".join(text[s:e] for s, e in cues), pattern)
            if not right:
                continue
            said = {"workbook": preds[pi]["verb"],
                    "nearest": nearest_speech_verb(text, g.iloc[gi]["content"], pattern),
                    "said": "say"}
            for name, verb in said.items():
                c = counts[name]
                c[0] += verb == right
                c[1] += 1
                c[2] += verb in judging and right in judging
                c[3] += verb in judging
                c[4] += right in judging
        for name in systems:
            per[name].append(counts[name])
    out = {}
    for name in systems:
        arr = np.array(per[name], dtype=float).reshape(-1, 5)
        right, n, tp, pred, positive = arr.sum(axis=0)
        acc = bootstrap(lambda ix, a=arr: a[ix, 0].sum() / a[ix, 1].sum()
                        if a[ix, 1].sum() else float("nan"), len(arr))
        flags = precision_recall_f1(int(tp), int(pred), int(positive))
        out[name] = {"accuracy": right / n if n else float("nan"), "n": int(n),
                     "accuracy_draws": acc, "f1": flags["f1"], "positive": int(positive),
                     "f1_draws": precision_recall_f1_draws(arr[:, 2:5])["f1"]}
    return out


def _has_mark(text: str, parts: list[Span]) -> bool:
    return any(_QUOTE_MARK.search(text[max(0, s - 1):e + 1]) for s, e in parts)


def workbook_attributions(quotes: pd.DataFrame, texts: dict[str, str], quoted: bool
                          ) -> dict[str, list[dict]]:
    """The workbook's output as PolNeAR attributions, per article.

    ``quoted=True``: direct and mixed quotations, but not a transcript's turn whose words
    hold no quotation mark, which the gold quoted set leaves out too (a mixed one as its
    reported clause,
    ``clause_start``/``clause_end``, when the extractor found one), plus reported speech
    holding a quotation mark; a quotation that continues the previous speaker in the same
    paragraph ("previous speaker", a quotation that is a sentence of its own or has no verb
    of its own and is credited to the same speaker, or the same speaker mention and verb:
    '"A," he said, "B."') and
    quotations sharing one clause join one attribution,
    as PolNeAR annotates one Content per cue. ``quoted=False``: reported speech without a
    quotation mark.
    """
    out: dict[str, list[dict]] = {}
    ordered = quotes.sort_values(["article_id", "start"], kind="stable")
    for row in ordered.itertuples(index=False):
        aid = str(row.article_id)
        text = texts.get(aid, "")
        parts = [tuple(p) for p in row.parts]
        if row.kind == "indirect":
            if _has_mark(text, parts) != quoted:
                continue
        elif row.kind not in ("direct", "mixed") or not quoted:
            continue
        elif row.attribution == "transcript label" and not any(
                _QUOTE_MARK.search(text, s, e) for s, e in parts):
            # a transcript's turn ("TAPPER: ...") holding no quotation mark, which PolNeAR
            # scores neither as a quotation nor as reported speech (its cue is a colon),
            # whether or not a mark opens the transcript's paragraphs
            continue
        if row.kind == "mixed" and not pd.isna(row.clause_start):
            parts = [(int(row.clause_start), int(row.clause_end))]
        mention = None
        if not pd.isna(row.speaker_start):
            mention = (int(row.speaker_start), int(row.speaker_end))
        preds = out.setdefault(aid, [])
        last = preds[-1] if preds else None
        if last is not None and quoted and (
                parts == last["parts"]
                or row.paragraph_id == last["paragraph"] and (
                    row.attribution == "previous speaker"
                    or row.attribution in ("sentence before", "signed after")
                    and (row.speaker or "") == last["speaker"]
                    or row.attribution == "nearest speaker" and not row.verb_text
                    and (row.speaker or "") == last["speaker"]
                    or mention is not None and mention == last["mention"]
                    and row.verb_text == last["verb_text"])):
            last["parts"] = sorted(set(last["parts"]) | set(parts))
            continue
        preds.append({"parts": parts, "speaker": row.speaker or "", "mention": mention,
                      "paragraph": row.paragraph_id, "verb_text": row.verb_text,
                      "verb": row.verb if isinstance(row.verb, str) else ""})
    return out


_INNER = re.compile(r"[\"“]([^\"“”]+)[\"”]|''(.+?)''")


def quotation_pairs(quotations: list[str], seed: int = 0, min_words: int = 6
                    ) -> list[tuple[str, str, bool]]:
    """Pairs for the "quotation matching" measure: (a, b, same quotation?).

    For each quotation of ``min_words`` or more: one *altered* copy, as outlets alter a
    quotation they pass on (a word swapped for a word of another quotation, a word dropped,
    two words swapped, or the quotation cut to its first three quarters), labelled the
    same; and the other quotation sharing most of its words, labelled different (a hard
    negative; pairs where one holds the other word for word are left out). Deterministic
    for a given ``seed``.

    >>> pairs = quotation_pairs(["we will not raise taxes on working families",
    ...                          "we will cut taxes on small firms this year"])
    >>> [same for _, _, same in pairs]
    [True, False, True, False]
    """
    import random

    rng = random.Random(seed)
    items = [q for q in quotations if len(q.split()) >= min_words]
    words = [q.split() for q in items]
    pool = sorted({w for ws in words for w in ws if len(w) > 3})
    out: list[tuple[str, str, bool]] = []
    for i, ws in enumerate(words):
        edit = rng.choice(["swap", "drop", "swap2", "cut"])
        new = list(ws)
        if edit in ("swap", "swap2"):
            for k in rng.sample(range(len(new)), 1 if edit == "swap" else 2):
                new[k] = rng.choice(pool) if pool else new[k]
        elif edit == "drop":
            del new[rng.randrange(len(new))]
        else:
            new = new[: max(4, (3 * len(new)) // 4)]
        out.append((items[i], " ".join(new), True))
        mine = {w.casefold().strip(".,!?") for w in ws}
        best, best_shared = None, 0
        for j, other in enumerate(words):
            if j == i:
                continue
            a, b = " ".join(ws).casefold(), " ".join(other).casefold()
            if a in b or b in a:
                continue
            shared = len(mine & {w.casefold().strip(".,!?") for w in other})
            if shared > best_shared:
                best, best_shared = j, shared
        if best is not None:
            out.append((items[i], items[best], False))
    return out


def _exact_match(a: str, b: str) -> bool:
    """The baseline: the same words after normalisation, or one held word for word in the
    other."""
    from analysis.attribution.gold import _tokens

    na, nb = " ".join(_tokens(a)), " ".join(_tokens(b))
    return bool(na and nb) and (f" {na} " in f" {nb} " or f" {nb} " in f" {na} ")


def matching_rows(quotations: list[str], note: str) -> list[dict]:
    """Precision, recall and F1 of ``same_quotation`` and of the exact baseline on
    :func:`quotation_pairs` of ``quotations``."""
    from analysis.attribution.travel import same_quotation

    pairs = quotation_pairs(quotations)
    n_pos = sum(same for _, _, same in pairs)
    rows = []
    for system, role, decide in (("match_quotes (same_quotation)", "workbook", same_quotation),
                                 ("exact normalised match", "baseline", _exact_match)):
        said = [decide(a, b) for a, b, _ in pairs]
        hits = sum(s and same for s, (_, _, same) in zip(said, pairs, strict=True))
        scores = precision_recall_f1(hits, sum(said), n_pos)
        draws = precision_recall_f1_draws(
            [(s and same, s, same) for s, (_, _, same) in zip(said, pairs, strict=True)])
        for metric in ("precision", "recall", "f1"):
            rows.append(dict(measure="quotation matching",
                             metric="F1" if metric == "f1" else metric, system=system,
                             role=role, value=scores[metric], n=len(pairs),
                             draws=draws[metric],
                             note=f"{n_pos} altered copies, {len(pairs) - n_pos} different "
                                  f"quotations; {note}"))
    return rows


def evaluate(data_dir: Path, *, progress: bool = False, split: str = "dev") -> pd.DataFrame:
    """Quotations, speakers and indirect speech on PolNeAR ``split``, with the baselines.

    Returns the rows of :data:`analysis.evaluation.RESULT_COLUMNS` (without ``measured``).
    """
    from analysis.attribution import extract_quotes

    corpus, gold = read_split(data_dir, split)
    lost = int(gold["lost"].sum())
    gold = gold[~gold["lost"]].reset_index(drop=True)
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"], strict=True))
    gold["antecedent"] = _antecedents(gold, texts)
    quotes = extract_quotes(corpus)
    if progress:
        print(f"polnear {split}: {len(corpus)} articles, {len(gold)} attributions, "
              f"{len(quotes)} extracted")
    quoted = gold[gold["quoted"]].reset_index(drop=True)
    unquoted = gold[~gold["quoted"] & speech_cues(texts, gold)].reset_index(drop=True)
    rows: list[dict] = []
    note = (f"one annotator per article (first id); {lost} gold spans lost to cleaning"
            if lost else "one annotator per article (first id)")

    def add(measure: str, system: str, role: str, scores: dict, speaker: bool) -> None:
        if speaker:
            rows.append(dict(measure="speakers", metric="speaker accuracy", system=system,
                             role=role, value=scores["speaker_accuracy"],
                             draws=scores["draws"]["speaker_accuracy"], n=scores["n_speaker"],
                             note="matched quotations with a gold Source; "
                                  f"{scores['pronoun_credits']} of the right ones are a "
                                  "pronoun found where the gold Source is (rule a): the "
                                  "name it was given is not checked, as PolNeAR marks no "
                                  "coreference; " + note))
            return
        for metric in ("precision", "recall", "f1"):
            rows.append(dict(measure=measure, metric="F1" if metric == "f1" else metric,
                             system=system, role=role, value=scores[metric],
                             draws=scores["draws"][metric], n=scores["n_gold"],
                             note=f"{scores['n_pred']} predicted, {scores['n_match']} "
                                  f"matched; " + note))

    wb_quoted = workbook_attributions(quotes, texts, True)
    wb = _score(texts, quoted, wb_quoted,
                list(quoted["antecedent"]))
    base_pred = {aid: baseline_quotes(text) for aid, text in texts.items()}
    base = _score(texts, quoted, base_pred, list(quoted["antecedent"]))
    add("quotations", "extract_quotes (direct + mixed)", "workbook", wb, False)
    add("quotations", "any double-quoted span", "baseline", base, False)
    add("speakers", "extract_quotes", "workbook", wb, True)
    add("speakers", "nearest capitalised name", "baseline", base, True)
    verbs = _verb_scores(texts, quoted, wb_quoted)
    verb_note = ("matched quotations whose gold Cue holds a speech verb of the list; "
                 f"{verbs['workbook']['positive']} of them judging; " + note)
    for name, system, role in (("workbook", "extract_quotes (its verb)", "workbook"),
                               ("nearest", "nearest speech verb", "baseline"),
                               ("said", "always said", "baseline")):
        v = verbs[name]
        rows.append(dict(measure="speech verbs", metric="verb accuracy", system=system,
                         role=role, value=v["accuracy"], draws=v["accuracy_draws"],
                         n=v["n"], note=verb_note))
        if name != "said":        # never a judging verb: no F1 to compare
            rows.append(dict(measure="speech verbs", metric="judging-verb F1", system=system,
                             role=role, value=v["f1"], draws=v["f1_draws"], n=v["n"],
                             note=verb_note))
    antecedents = list(unquoted["antecedent"])
    wb_ind = _score(texts, unquoted, workbook_attributions(quotes, texts, False), antecedents)
    base_ind = _score(texts, unquoted, {
        a: [_with_nearest_name(parts, names) for parts in spans]
        for a, spans in baseline_indirect(corpus).items()
        for names in [_names_outside(texts[a], [])]}, antecedents)
    add("indirect speech", "extract_quotes (indirect)", "workbook", wb_ind, False)
    add("indirect speech", "any sentence with a speech verb", "baseline", base_ind, False)
    for scores, system, role in ((wb_ind, "extract_quotes (indirect)", "workbook"),
                                 (base_ind, "nearest capitalised name", "baseline")):
        rows.append(dict(measure="speakers", metric="speaker accuracy (reported speech)",
                         system=system, role=role, value=scores["speaker_accuracy"],
                         draws=scores["draws"]["speaker_accuracy"], n=scores["n_speaker"],
                         note="matched reported speech (no quotation mark) with a gold "
                              "Source; " + note))
    inner = []
    for text in quoted["content_text"]:
        for m in _INNER.finditer(text):
            inner.append((m.group(1) or m.group(2)).strip())
    rows += matching_rows(sorted(set(inner)), "pairs built from the gold quotations")
    out = pd.DataFrame(rows)
    out.insert(0, "split", split)
    out.insert(0, "data_set", DATA_SET)
    return out


__all__ = ["DATA_SET", "SOURCE", "Attribution", "annotation_files", "baseline_indirect",
           "baseline_quotes", "cue_verb", "evaluate", "matching_rows", "nearest_speech_verb",
           "offset_map", "quotation_pairs", "read_ann", "read_split", "speaker_correct",
           "workbook_attributions"]
