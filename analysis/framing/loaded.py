"""Loaded language: the single words that tilt a sentence (Recasens et al. 2013 classes).

Recasens, Danescu-Niculescu-Mizil and Jurafsky (2013) found that the words editors remove
to make Wikipedia neutral fall into two families: *framing* words (subjective,
one-sided or intensifying words: "slammed", "embattled", "hugely") and *epistemological*
words that quietly tell the reader what to believe: factive verbs that presuppose their
complement is true ("admitted", "revealed"), assertive verbs that report a claim with a
slant ("claimed", "insisted"), and hedges that weaken it ("may", "reportedly"). The
word list, ``analysis/data/framing_loaded_language.csv``, was written for this project
following those classes; edit it to suit your corpus.

:func:`sentence_loading` scores each sentence: a small linear model over how densely the
sentence carries those cues, a list of charged political labels, strongly valenced
describing words (VADER's adjectives and adverbs, negative and positive apart; its nouns and
verbs, "arrested", "won", say what happened rather than how it is put), subjective
adjectives (Pattern), intensifiers, scare quotes and exclamation marks, against two marks
of plain reporting (a neutral reporting verb such as "said", and dates and numbers). Its
weights were learned on sentences of political news that annotators judged neutral or not
towards a person (NewsMTSC, MIT licence); a sentence is flagged where it is more likely
loaded than not once the share of sentences that the facts they report alone make
non-neutral is set aside (:data:`LOADED_THRESHOLD`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.english import lexicon_tags, textblob_file
from analysis.framing._common import (
    TermMatcher,
    body_columns,
    body_sentences,
    context,
    data_rows,
    get_quotes,
    spans_by_voice,
    voice_of,
    words_by_voice,
)

LOADED_FILE = "framing_loaded_language.csv"
LOADED_COLUMNS = ["article_id", "sentence_id", "term", "class", "in_quote", "context",
                  "outlet", "matched", "voice", "start", "end"]
CLASSES = ("evaluative", "intensifier", "hedge", "factive", "assertive")


def load_loaded_lexicon(path: str | None = None) -> pd.DataFrame:
    """The loaded-language list: term, class, note.

    >>> lex = load_loaded_lexicon()
    >>> sorted(lex["class"].unique())
    ['assertive', 'evaluative', 'factive', 'hedge', 'intensifier']
    """
    if path is None:
        frame = pd.DataFrame(data_rows(LOADED_FILE))
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in ("term", "class"):
        if col not in frame.columns:
            raise ValueError(f"the loaded-language list needs a '{col}' column")
    if "note" not in frame.columns:
        frame["note"] = ""
    return frame.fillna("")[["term", "class", "note"]]


def loaded_language(corpus: pd.DataFrame, lexicon: pd.DataFrame | None = None,
                    quotes: pd.DataFrame | None = None,
                    sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per loaded word in the body sentences.

    Columns: article_id, sentence_id, term (the list entry), class (evaluative,
    intensifier, hedge, factive, assertive), in_quote (True inside a source's quoted
    words), context, then outlet, matched (the words as written), voice (narration /
    scare quote / quote), start, end. A word the outlet itself puts in quotation marks
    ("a 'professional' officer") is a scare quote: ``in_quote`` is False for it, since
    the outlet chose to print it. ``quotes`` / ``sentences`` (``extract_quotes`` /
    ``split_sentences`` output) are computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...                   "text": ["The embattled chief was slammed by critics."]})
    >>> loaded_language(c)[["term", "class", "in_quote"]].values.tolist()
    [['embattled', 'evaluative', False], ['slam*', 'evaluative', False]]
    """
    lex = _default_lexicon() if lexicon is None else lexicon
    if len(lex) == 0 or len(corpus) == 0:
        return pd.DataFrame(columns=LOADED_COLUMNS)
    classes = dict(zip(lex["term"], lex["class"], strict=False))
    matcher = TermMatcher.build(lex["term"])
    body = body_columns(corpus, sentences=sentences)
    quoted, scare = spans_by_voice(corpus, quotes)
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"].fillna(""), strict=False))
    columns: dict[str, list] = {c: [] for c in LOADED_COLUMNS}
    find = matcher.find
    seen: dict[str, list[tuple[int, int, str]]] = {}  # a repeated sentence is read once
    for aid, sid, sentence, offset, outlet in zip(
            body["article_id"], body["sentence_id"], body["text"], body["start"],
            body["outlet"], strict=True):
        hits = seen.get(sentence)
        if hits is None:
            hits = seen[sentence] = find(sentence)
        if not hits:
            continue
        text = texts[aid]
        quoted_here, scare_here = quoted.get(aid, []), scare.get(aid, [])
        for ms, me, term in hits:
            start, end = offset + ms, offset + me
            voice = voice_of(start, end, quoted_here, scare_here, text)
            for col, value in (
                ("article_id", aid), ("sentence_id", sid), ("term", term),
                ("class", classes[term]), ("in_quote", voice == "quote"),
                ("context", context(text, start, end)), ("outlet", outlet),
                ("matched", text[start:end]), ("voice", voice), ("start", start), ("end", end),
            ):
                columns[col].append(value)
    if not columns["term"]:
        return pd.DataFrame(columns=LOADED_COLUMNS)
    return pd.DataFrame(columns, columns=LOADED_COLUMNS)


@lru_cache(maxsize=1)
def _default_lexicon() -> pd.DataFrame:
    return load_loaded_lexicon()


def loaded_rates(corpus: pd.DataFrame, occurrences: pd.DataFrame | None = None,
                 quotes: pd.DataFrame | None = None,
                 sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Loaded words per 1,000 words, per outlet and class, narration and quotes apart.

    One row per outlet × class with narration_count, narration_words,
    narration_per_1000, quote_count, quote_words, quote_per_1000. Scare-quoted words
    count as narration (the outlet printed them). A rate is NaN when the outlet has no
    words of that voice (e.g. no quotations at all). ``quotes`` / ``sentences``
    (``extract_quotes`` / ``split_sentences`` output) are computed once when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...                   "text": ["The embattled chief was slammed by critics."]})
    >>> r = loaded_rates(c)
    >>> r.loc[r["class"] == "evaluative", "narration_per_1000"].round(1).tolist()
    [285.7]
    """
    body = body_sentences(corpus, sentences=sentences)
    quotes = get_quotes(corpus, quotes)
    occ = (loaded_language(corpus, quotes=quotes, sentences=sentences) if occurrences is None
           else occurrences)
    quoted, _ = spans_by_voice(corpus, quotes)
    words = words_by_voice(corpus, body, quoted).groupby("outlet")[
        ["narration_words", "quote_words"]].sum()
    rows = []
    for outlet in sorted(words.index):
        for cls in CLASSES:
            sub = occ[(occ["outlet"] == outlet) & (occ["class"] == cls)] if len(occ) else occ
            n_q = int(sub["in_quote"].sum()) if len(sub) else 0
            n_n = len(sub) - n_q
            nw, qw = int(words.loc[outlet, "narration_words"]), int(words.loc[outlet,
                                                                            "quote_words"])
            rows.append({
                "outlet": outlet, "class": cls,
                "narration_count": n_n, "narration_words": nw,
                "narration_per_1000": 1000 * n_n / nw if nw else np.nan,
                "quote_count": n_q, "quote_words": qw,
                "quote_per_1000": 1000 * n_q / qw if qw else np.nan,
            })
    return pd.DataFrame(rows, columns=["outlet", "class", "narration_count", "narration_words",
                                       "narration_per_1000", "quote_count", "quote_words",
                                       "quote_per_1000"])


# --- a loaded-language score per sentence -----------------------------------------------
#
# A sentence's score is a small linear model over the *density* of cue classes (cues per
# word): intercept + Σ weight × count / words. The cue lists are the workbook's own
# (``framing_loaded_language.csv``, ``framing_charged_terms.csv``, the neutral verbs of
# ``speech_verbs.csv``) and two published lexicons read from their packages (VADER's valence
# lexicon and boosters; Pattern's adjective subjectivity lexicon and Brill's tag lexicon,
# both shipped with TextBlob). Only words of *wording* are cues: a valenced VADER word counts
# when it describes (an adjective or adverb: "shameful", "brutally"), not when it names what
# happened (a noun or verb: "arrested", "death", "won"), and a plain adjective ("former",
# "federal") is no cue. The weights (``framing_loaded_weights.csv``) were learned on
# NewsMTSC's training sentences (Hamborg & Donnay 2021, MIT licence): whether annotators
# found a sentence positive or negative towards a person rather than neutral. Rebuild them
# with ``python -m analysis.framing.loaded --data <folder holding newsmtsc/>``.
#
# Where the flag falls. A reader can find a sentence negative or positive towards a person
# because of its wording or because of the facts it reports ("was arrested"). Taking the two
# as independent causes, P(not neutral | x) = P(loaded | x) + (1 − P(loaded | x)) × c, where c
# is the rate at which the facts alone make a sentence non-neutral; c is read off the training
# data as the share of non-neutral sentences among those with no cue of wording at all. A
# sentence is flagged when it is more likely loaded than not, P(loaded | x) ≥ 1/2, that is
# when P(not neutral | x) ≥ (1 + c) / 2. The score is the model's log-odds less the log-odds
# of that boundary (the weights file's "(boundary)" row), so that 0 is the boundary.
#
# The flag keeps the prior of its training data (in NewsMTSC about a quarter of the
# sentences are loaded once the share that facts alone make non-neutral is set aside), so
# on more opinionated writing the flag marks fewer sentences than a reader would. The
# sentence score and the ranking it gives do not depend on that prior.
# An alternative rule fixed in advance on NewsMTSC alone (both classes weighted equally,
# flag at an even chance) was measured once on BABE and rejected: it flagged three
# quarters of the sentences and its macro-F1 fell (0.617 against 0.638).
# Estimating each corpus's own share of loaded sentences from its unlabelled sentences was
# tried too and rejected: the EM prior adjustment of Saerens, Latinne & Decaestecker (2002)
# on P(loaded | x), shrunk towards the training share (0.293) by 25 pseudo-sentences (the
# strength with the least error on NewsMTSC resamples), flagging where the adjusted
# probability reaches 1/2. The model's probabilities are calibrated on held-out folds of
# NewsMTSC's training data (Platt slope 0.97, intercept 0.02), and on subsets resampled
# there to other shares the estimate tracked the share the model implies. But the model
# separates the classes weakly (mean P(loaded | x) is only 0.21 higher for loaded sentences
# than for others), so the estimate moves about five times as far as the corpus's mean
# probability, and any drift of that mean between kinds of writing is read as a change of
# share: on NewsMTSC's two held-out files it read 0.20 and 0.10 where their shares of
# non-neutral sentences imply about 0.27 and 0.30; on BABE it read 0.75, flagged 90% of the
# sentences (49% biased) and macro-F1 fell to 0.473. The flag keeps the training prior.
#
# A weight per word beside the cue classes was tried and rejected, by a protocol fixed
# before BABE was read: a few designs chosen by 5-fold stratified cross-validation
# (shuffled, seed 0) ROC-AUC on NewsMTSC's training sentences alone, BABE measured once
# for the chosen one, adopted only if it gained 0.01 of that AUC and did not lower BABE's.
# The words were those the scorer reads (written in lower case, or a sentence's first
# word), in at least 5 training sentences and not names (capitalised in 90% or more of
# their later occurrences), weighed as densities like the cues in one logistic regression
# with their own penalty (C 1, 3, 10, 30 or 100). Cross-validated AUC, and in brackets the
# AUC on NewsMTSC's held-out devtest_rw / devtest_mt of the model fit on all of train:
# (a) the cue classes alone, as shipped, 0.653 (0.668 / 0.653); (b) with every such word,
# 0.705 at C 30 (0.750 / 0.737); (c) with Brill's adjectives and adverbs only, 0.658 at
# C 30 (0.674 / 0.667). (b)'s strongest words said what happened or what about
# ("accused", "guilty", "allegations", "charges", "campaign", "emails", "won"): the facts
# that the boundary's fact share sets aside, not wording, so it was dropped unmeasured on
# BABE. A design added then, before BABE, (d) with the words whose first Brill tag is not
# a noun, verb or number (describing and function words), reached 0.676 at C 10
# (0.707 / 0.687), its strongest words function words ("his", "her", "and", "as", "for").
# Measured once on BABE, (d) lowered the sentence ROC-AUC (0.713 against 0.731); its
# macro-F1 was 0.649 (0.638; 36% flagged) and its word recall 0.399 (0.348), naming 9.6
# words per biased sentence against 2.4. It was not adopted.

#: A sentence is flagged as loaded when its score reaches this value: the point where the
#: loaded share of the model's probability reaches one half (see above). Fixed by the
#: training data, not tuned on any evaluation set.
LOADED_THRESHOLD = 0.0
#: VADER words below this absolute valence (on its −4 … +4 scale) are not cues.
MIN_VALENCE = 1.5
#: Densities are taken over at least this many words, so that one cue in a two-word
#: sentence ("We apologise.") does not read as a sentence made of loaded words.
MIN_WORDS = 5
#: Pattern adjectives at or above this subjectivity (0 objective … 1 subjective) are cues.
MIN_SUBJECTIVITY = 0.7
PLAIN_FILE = "framing_plain_words.csv"
CHARGED_FILE = "framing_charged_terms.csv"
WEIGHTS_FILE = "framing_loaded_weights.csv"
#: The model's features, in the order of the weights file. All but the last two are cue
#: classes whose words are shown; "attribution" (a neutral reporting verb: the words are a
#: source's) and "factual detail" (dates and numbers) are marks of plain reporting.
FEATURES = ("negative", "positive", "charged", "evaluative", "subjective", "intensifier",
            "manner adverb", "superlative", "hedge", "factive", "assertive", "scare quote",
            "exclamation", "attribution", "factual detail")
_NOT_SHOWN = frozenset({"attribution", "factual detail"})
#: Cue classes of wording: a sentence without any is one whose tone, if it has one, comes
#: from what it reports (the rate c of the boundary above).
WORDING = tuple(f for f in FEATURES if f not in _NOT_SHOWN)
#: Words the lexicons know but the model does not count: other adjectives ("former",
#: "federal") and valenced nouns and verbs ("arrested", "support"). Knowing them keeps them
#: from being read as a superlative or a manner adverb by their ending.
_NOT_CUES = frozenset({"adjective", "event word"})
#: Tags of Brill's lexicon for describing words (adjectives and adverbs), and the endings
#: that mark one among the words the lexicon lacks ("abusively", "cheerless").
_DESCRIBING_TAGS = ("JJ", "RB")
_DESCRIBING_ENDINGS = ("ly", "ous", "ful", "less", "ive", "able", "ible", "ish")
#: Classes taken from general lexicons rather than the workbook's lists: a capitalised word
#: after the first is a name there, not a cue.
_LEXICON_CLASSES = frozenset({"negative", "positive", "intensifier", "subjective"})
SENTENCE_LOADING_COLUMNS = ["article_id", "sentence_id", "kind", "score", "loaded", "words",
                            "cues"]
_WORD_SPAN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SCARE = re.compile(r"(?:^|(?<=[\s(]))[\"“‘']([A-Za-z][\w’'-]*(?:\s+[\w’'-]+){0,2})[\"”’']"
                    r"(?=[\s.,;:!?)]|$)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Words and phrases of time that, like numbers, count as factual detail ("may" is left out:
#: it is mostly a modal verb).
_TIME_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "january", "february", "march", "april", "june", "july", "august",
               "september", "october", "november", "december", "yesterday", "today",
               "tonight")
_TIME_PHRASES = ("last week", "last month", "last year", "this week", "this month")


@lru_cache(maxsize=1)
def pattern_subjectivity() -> dict[str, float]:
    """Pattern's adjective lexicon: word → mean subjectivity over its senses (0 … 1).

    De Smedt & Daelemans (2012), shipped with TextBlob as ``en-sentiment.xml`` (PDDL).

    >>> s = pattern_subjectivity()
    >>> s["outrageous"] >= MIN_SUBJECTIVITY, "table" in s
    (True, False)
    """
    from xml.etree import ElementTree

    senses: dict[str, list[float]] = {}
    for node in ElementTree.parse(textblob_file("en-sentiment.xml")).getroot().iter("word"):
        senses.setdefault(node.get("form", "").casefold(), []).append(
            float(node.get("subjectivity") or 0))
    return {w: sum(v) / len(v) for w, v in senses.items() if w}


@lru_cache(maxsize=1)
def lexicon_adjectives() -> frozenset[str]:
    """Lower-case words whose first tag in Brill's lexicon is an adjective (JJ, JJR, JJS).

    >>> "unfair" in lexicon_adjectives(), "table" in lexicon_adjectives()
    (True, False)
    """
    return frozenset(w for w, tag in lexicon_tags().items() if tag.startswith("JJ"))


def describing_word(word: str) -> bool:
    """Whether a lower-case word describes (an adjective or adverb) rather than names a
    thing or an action: its first tag in Brill's lexicon, or, for a word the lexicon lacks,
    an adjective's or adverb's ending.

    >>> [describing_word(w) for w in ("shameful", "brutally", "arrested", "death", "abusively")]
    [True, True, False, False, True]
    """
    tag = lexicon_tags().get(word)
    if tag is None:
        return word.endswith(_DESCRIBING_ENDINGS)
    return tag.startswith(_DESCRIBING_TAGS)


@lru_cache(maxsize=1)
def _word_cues() -> tuple[dict[str, tuple[str, float]], TermMatcher, dict[str, str]]:
    """Single-word cues (word → class, weight), a matcher for the lists' phrases and the
    class of each phrase."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

    neutral = {r["word"].casefold() for r in data_rows("vader_news_neutral.csv")}
    cues: dict[str, tuple[str, float]] = {}
    events: list[str] = []
    for word, valence in SentimentIntensityAnalyzer().lexicon.items():
        if abs(valence) >= MIN_VALENCE and word.isalpha() and word not in neutral:
            if describing_word(word):
                cues[word] = ("negative" if valence < 0 else "positive", abs(valence) / 2)
            else:
                events.append(word)
    for word in BOOSTER_DICT:
        if " " not in word:
            cues[word] = ("intensifier", 1.0)
    for row in data_rows("speech_verbs.csv"):
        if row.get("class") == "neutral":
            for form in row["forms"].split(";"):
                if form.strip() and " " not in form.strip():
                    cues[form.strip().casefold()] = ("attribution", 1.0)
    phrases: dict[str, str] = {"according to": "attribution",
                               **dict.fromkeys(_TIME_PHRASES, "factual detail")}
    for term in (r["term"] for r in data_rows(CHARGED_FILE)):
        if " " in term or "*" in term or "-" in term:
            phrases[term] = "charged"
        else:
            cues[term.casefold()] = ("charged", 1.0)
    lex = _default_lexicon()
    for term, cls in zip(lex["term"], lex["class"], strict=True):
        if " " in term or "*" in term or "-" in term:
            phrases[term] = cls
        else:
            cues[term.casefold()] = (cls, 1.0)
    for word, subjectivity in pattern_subjectivity().items():
        if subjectivity >= MIN_SUBJECTIVITY and word not in cues:
            cues[word] = ("subjective", 1.0)
    for word in lexicon_adjectives():
        cues.setdefault(word, ("adjective", 0.0))
    for word in events:
        cues.setdefault(word, ("event word", 0.0))
    for word in _TIME_WORDS:
        cues[word] = ("factual detail", 1.0)
    return cues, TermMatcher.build(phrases), phrases


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    return frozenset(r["word"].strip().casefold() for r in data_rows(PLAIN_FILE))


def sentence_features(text: str) -> tuple[dict[str, float], list[tuple[str, str]], int]:
    """A sentence's cue counts per feature (:data:`FEATURES`), its cues as (words as
    written, class) and its number of words.

    Each word takes the first class that fits: a phrase of the lists; a word of the lists
    (charged term, evaluative word, intensifier, hedge, factive or assertive verb) or a
    neutral reporting verb; a booster or a strongly valenced VADER adjective or adverb
    (class negative or positive, counted |valence|/2); a subjective Pattern adjective; a
    superlative ("-est") or "-ly" adverb. Other adjectives and VADER's valenced nouns and
    verbs ("arrested", "won": what happened, not how it is put) are no cues. A capitalised
    word after the first is taken for a name, not a cue of the general lexicons ("Justice
    Roberts", "James Cleverly"). Scare quotes, exclamation marks, dates and numbers are
    counted over the text.

    >>> counts, cues, n = sentence_features("Critics slammed the outrageous plan on Monday.")
    >>> cues, n
    ([('slammed', 'evaluative'), ('outrageous', 'evaluative')], 7)
    >>> counts["factual detail"]
    1.0
    >>> sentence_features("The former mayor was arrested.")[1]
    []
    """
    cues, phrases, phrase_class = _word_cues()
    plain = _plain_words()
    counts = dict.fromkeys(FEATURES, 0.0)
    found: list[tuple[str, str]] = []
    covered: list[tuple[int, int]] = []
    for s, e, term in phrases.find(text):
        cls = phrase_class[term]
        counts[cls] += 1.0
        if cls not in _NOT_SHOWN:
            found.append((text[s:e], cls))
        covered.append((s, e))
    n = 0
    low = text.lower().replace("’", "'")
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets
        low = text
    for match in _WORD_SPAN.finditer(low):
        n += 1
        s = match.start()
        if covered and any(a <= s < b for a, b in covered):
            continue
        word = match.group().lower().strip("'-")
        hit = cues.get(word)
        if hit is not None:
            cls, weight = hit
            if cls in _NOT_CUES:
                continue
            if cls in _LEXICON_CLASSES and text[s].isupper() and n > 1:
                continue  # a name ("James Cleverly", "Hope Hicks"), not a describing word
        elif word in plain or len(word) < 6 or text[s].isupper():
            continue  # a plain word, a short one, or a name ("Cleverly", "Forrest")
        elif word.endswith("est") or word in ("most", "least"):
            cls, weight = "superlative", 1.0
        elif word.endswith("ly"):
            cls, weight = "manner adverb", 1.0
        else:
            continue
        counts[cls] += weight
        if cls not in _NOT_SHOWN:
            found.append((text[s:match.end()], cls))
    for match in _SCARE.finditer(text):
        found.append((match.group(1), "scare quote"))
        counts["scare quote"] += 1.0
    if "!" in text:
        found.append(("!", "exclamation"))
        counts["exclamation"] += 1.0
    counts["factual detail"] += float(len(_NUMBER.findall(text)))
    return counts, found, n


@lru_cache(maxsize=1)
def loaded_weights() -> tuple[float, dict[str, float]]:
    """The score's intercept and its weight per feature (``framing_loaded_weights.csv``).

    The intercept is the model's less its boundary (the file's "(boundary)" row, the
    log-odds of (1 + c) / 2), so that a score of :data:`LOADED_THRESHOLD` is the boundary.

    >>> intercept, weights = loaded_weights()
    >>> sorted(weights) == sorted(FEATURES)
    True
    """
    rows = {r["feature"]: float(r["weight"]) for r in data_rows(WEIGHTS_FILE)}
    intercept = rows.pop("(intercept)", 0.0) - rows.pop("(boundary)", 0.0)
    return intercept, {f: rows.get(f, 0.0) for f in FEATURES}


def score_sentence(text: str) -> tuple[float, list[tuple[str, str]]]:
    """A sentence's loaded-language score (log-odds; loaded at :data:`LOADED_THRESHOLD`)
    and its cues as (words as written, class).

    The score is the model's intercept plus, for each feature, its weight times the
    feature's count per word (:func:`sentence_features`): cue words raise it, a neutral
    reporting verb or a date or number lowers it. The cues listed are those of classes
    with a positive weight.

    >>> score, cues = score_sentence("The embattled mayor gave an utterly shameful speech!")
    >>> sorted(c for c, _ in cues)
    ['!', 'embattled', 'shameful', 'utterly']
    >>> score >= LOADED_THRESHOLD
    True
    >>> score_sentence("The council met on Tuesday, officials said.")[0] < LOADED_THRESHOLD
    True
    """
    counts, found, n = sentence_features(text)
    intercept, weights = loaded_weights()
    per_word = 1.0 / max(n, MIN_WORDS)
    score = intercept + sum(weights[f] * c for f, c in counts.items() if c) * per_word
    return round(score, 4), [(w, c) for w, c in found if weights[c] > 0]


def sentence_loading(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None,
                     kinds: tuple[str, ...] = ("body", "headline", "caption"),
                     ) -> pd.DataFrame:
    """One row per sentence: its loaded-language score, the flag and the words behind it.

    Columns: article_id, sentence_id, kind, score (the log-odds of
    :func:`score_sentence`), loaded (score ≥ :data:`LOADED_THRESHOLD`), words (the cue
    words as written, "; "-separated) and cues ("word (class)"). ``sentences``
    (``split_sentences`` output) is computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["The council met. Critics slammed the utterly shameful plan."]})
    >>> sentence_loading(c)[["sentence_id", "loaded"]].values.tolist()
    [[0, False], [1, True]]
    """
    body = body_columns(corpus, kinds=kinds, sentences=sentences,
                        columns=("article_id", "sentence_id", "text"))
    sents = _sentences_kinds(corpus, sentences)
    rows = {c: [] for c in SENTENCE_LOADING_COLUMNS}
    for aid, sid, text in zip(body["article_id"], body["sentence_id"], body["text"],
                              strict=True):
        score, found = score_sentence(text)
        for col, value in (("article_id", aid), ("sentence_id", sid),
                           ("kind", sents.get((aid, sid), "body")), ("score", score),
                           ("loaded", score >= LOADED_THRESHOLD),
                           ("words", "; ".join(w for w, _ in found)),
                           ("cues", "; ".join(f"{w} ({c})" for w, c in found))):
            rows[col].append(value)
    return pd.DataFrame(rows, columns=SENTENCE_LOADING_COLUMNS)


def _sentences_kinds(corpus: pd.DataFrame,
                     sentences: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    from analysis.sentences import split_sentences

    sents = split_sentences(corpus) if sentences is None else sentences
    return dict(zip(zip(sents["article_id"].astype(str), sents["sentence_id"], strict=True),
                    sents["kind"], strict=True))


# --- learning the weights ----------------------------------------------------------------

#: Inverse regularisation strength of the logistic regression (features are densities,
#: mostly below 0.2, so a weak penalty). Chosen by 5-fold cross-validation (stratified,
#: shuffled with seed 0) on NewsMTSC's 7,758 training sentences, ROC-AUC for C = 0.1, 1,
#: 10, 100, 1000: 0.635, 0.645, 0.653, 0.654, 0.654; not on any evaluation set.
FIT_C = 100.0


def feature_matrix(texts: list[str]) -> np.ndarray:
    """One row per text: each feature's count per word (:func:`sentence_features`).

    >>> feature_matrix(["Critics slammed it."]).shape == (1, len(FEATURES))
    True
    """
    rows = []
    for text in texts:
        counts, _, n = sentence_features(text)
        rows.append([counts[f] / max(n, MIN_WORDS) for f in FEATURES])
    return np.array(rows, dtype=float).reshape(len(texts), len(FEATURES))


def fact_share(matrix: np.ndarray, labels: list[bool]) -> float:
    """c: the share of non-neutral sentences among those with no cue of wording
    (:data:`WORDING`), the rate at which what a sentence reports makes it non-neutral.

    >>> m = feature_matrix(["He was arrested.", "It rained.", "A shameful plan."])
    >>> fact_share(m, [True, False, True])
    0.5
    """
    y = np.asarray(labels, dtype=bool)
    plain = matrix[:, [FEATURES.index(f) for f in WORDING]].sum(axis=1) == 0
    return float(y[plain].mean()) if plain.any() else 0.0


def fit_loaded_weights(texts: list[str], labels: list[bool]) -> pd.DataFrame:
    """Learn the model: logistic regression over :func:`feature_matrix` (classes as they
    come, so that its probability is calibrated), and its boundary.

    Returns rows feature, weight: "(intercept)", one row per feature, then "(fact share)"
    (c, :func:`fact_share`) and "(boundary)", the log-odds of (1 + c) / 2 at which the
    sentence is as likely loaded as not (see :data:`LOADED_THRESHOLD`).

    >>> texts = ["Critics slammed the outrageous plan.", "The plan was published on Monday.",
    ...          "A disgraceful, shameful sham!", "It has 12 pages, officials said."]
    >>> w = fit_loaded_weights(texts, [True, False, True, False]).set_index("feature")
    >>> float(w.loc["factual detail", "weight"]) < 0, float(w.loc["(boundary)", "weight"])
    (True, 0.0)
    """
    from sklearn.linear_model import LogisticRegression

    matrix = feature_matrix(texts)
    model = LogisticRegression(C=FIT_C, max_iter=5000)
    model.fit(matrix, np.asarray(labels, dtype=bool))
    c = min(fact_share(matrix, labels), 0.99)
    boundary = float(np.log((1 + c) / (1 - c)))  # logit((1 + c) / 2)
    return pd.DataFrame({"feature": ["(intercept)", *FEATURES, "(fact share)", "(boundary)"],
                         "weight": [round(float(model.intercept_[0]), 4),
                                    *(round(float(w), 4) for w in model.coef_[0]),
                                    round(c, 4), round(boundary, 4)]})


def read_newsmtsc(path: str) -> tuple[list[str], list[bool]]:
    """NewsMTSC sentences (``sentence_normalized``) and whether any target's polarity is
    not neutral (2.0 negative or 6.0 positive rather than 4.0), read with the evaluation's
    reader (:func:`analysis.evaluation.newsmtsc.read_targets`, which names the line of a
    bad record).

    >>> import json, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.jsonl"
    >>> _ = p.write_text(json.dumps({"sentence_normalized": "Ann met Bo.", "targets": [
    ...     {"from": 0, "to": 3, "polarity": 4.0}, {"from": 8, "to": 10, "polarity": 2.0}]})
    ...     + "\\n")
    >>> read_newsmtsc(str(p))
    (['Ann met Bo.'], [True])
    """
    from analysis.evaluation.newsmtsc import read_targets

    by_sentence = read_targets(path).groupby("sentence_id", sort=False)
    texts = by_sentence["sentence"].first().tolist()
    labels = by_sentence["label"].agg(lambda s: bool((s != "neutral").any())).tolist()
    return texts, labels


def main(argv: list[str] | None = None) -> None:
    """Rebuild ``framing_loaded_weights.csv`` from NewsMTSC's training sentences."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", required=True, help="folder holding newsmtsc/train.jsonl")
    args = parser.parse_args(argv)
    texts, labels = read_newsmtsc(str(Path(args.data) / "newsmtsc" / "train.jsonl"))
    weights = fit_loaded_weights(texts, labels)
    out = Path(__file__).resolve().parents[1] / "data" / WEIGHTS_FILE
    weights.to_csv(out, index=False)
    share = float(weights.set_index("feature").loc["(fact share)", "weight"])
    print(f"{len(texts)} sentences ({sum(labels)} not neutral; {share:.3f} of those without "
          f"a cue of wording) -> {out}")


if __name__ == "__main__":
    main()
