"""Labels: the words each outlet uses to name the story's actors and events.

Two ways in, both from the corpus in hand and its actor table:

* :func:`actor_labels` lists, for every mention of an actor (any of its aliases), the name
  form used and the describing noun phrase around it ("campaigner Jane Doe", "Jane Doe,
  the council's chief engineer,"), counted per outlet and per 1,000 words. This is what
  the briefing shows on any corpus; list events in the actor table (type ``event``) to get
  theirs.
* :func:`label_usage` counts label families: by default those of
  :func:`actor_label_families`, one family per actor (or per actor type, one per side)
  made of its aliases in the actor table and the describing words the corpus itself puts
  next to its name. A hand-written list (a CSV with columns family, term, exclude, note)
  can be passed instead; ``analysis/data/framing_label_families.csv`` is such a list,
  written for the seed story, kept as an example of the format and used only when asked
  for (``families=load_label_families()``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import pandas as pd

from analysis.english import (
    abbreviations,
    function_words,
    is_finite_verb,
    lexicon_tags,
    person_nouns,
    title_case_lines,
)
from analysis.framing._common import (
    TermMatcher,
    body_sentences,
    check_corpus,
    context,
    data_rows,
    spans_by_voice,
    split_terms,
    voice_of,
)

LABEL_FAMILIES_FILE = "framing_label_families.csv"
OCCURRENCE_COLUMNS = ["article_id", "outlet", "sentence_id", "kind", "family", "term",
                      "matched", "voice", "start", "end", "context"]
ACTOR_LABEL_COLUMNS = ["outlet", "actor", "kind", "label", "count", "narration", "quote",
                      "per_1000_words", "n_articles", "mentions", "example"]
USAGE_COLUMNS = ["outlet", "family", "term", "count", "narration", "scare_quote", "quote",
                 "n_articles", "example"]


def load_label_families(path: str | None = None) -> pd.DataFrame:
    """The label families: columns family, term, exclude (';'-separated), note.

    By default ``analysis/data/framing_label_families.csv`` (the seed story's list, an
    example of the format: it names that story's people, and is used only when passed
    explicitly, e.g. ``label_usage(corpus, load_label_families())``); pass a path to use
    your own CSV with the same columns (``exclude`` and ``note`` may be left out).

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


def _families_frame(families: pd.DataFrame | dict | str | None,
                    corpus: pd.DataFrame | None = None, actors: object = None,
                    quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    if families is None:
        # No list given: the families come from the actor table and the corpus; without an
        # actor table there is nothing to name, and the table is empty.
        if actors is None or corpus is None:
            return pd.DataFrame(columns=["family", "term", "exclude", "note"])
        return actor_label_families(corpus, actors, quotes=quotes)
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


#: Columns of :func:`actor_label_families`.
FAMILY_COLUMNS = ["family", "term", "exclude", "note", "type"]


def actor_label_families(corpus: pd.DataFrame, actors: object,
                         quotes: pd.DataFrame | None = None, min_uses: int = 2,
                         by: str = "actor") -> pd.DataFrame:
    """Label families made from the actor table and the corpus, one per actor (``by=
    "actor"``) or one per actor type, i.e. per side (``by="type"``).

    A family's terms are the actor's aliases in the table, and the describing words the
    corpus puts next to the actor's name (:func:`actor_labels` descriptors such as
    "campaigner" in "campaigner Jane Doe") used at least ``min_uses`` times across the
    corpus and for no other family. ``exclude`` lists, for each term, the longer terms of
    other families that contain it ("the Met" is not counted inside "the Met boss"), so a
    name is counted once. Columns: family, term, exclude (";"-separated), note (where the
    term comes from), type (the actor type).

    >>> c = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"], "text": [
    ...     "Campaigner Jane Doe spoke to the council.", "Campaigner Jane Doe left."]})
    >>> a = pd.DataFrame({"actor": ["Jane Doe", "City Council"], "aliases": [
    ...     "Jane Doe;Ms Doe", "City Council;the council"], "type": ["person", "public body"]})
    >>> f = actor_label_families(c, a)
    >>> f[["family", "term", "note"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['City Council', 'City Council', 'alias in the actor table'],
     ['City Council', 'the council', 'alias in the actor table'],
     ['Jane Doe', 'Jane Doe', 'alias in the actor table'],
     ['Jane Doe', 'Ms Doe', 'alias in the actor table'],
     ['Jane Doe', 'Campaigner', 'describes the actor in the corpus (2 uses)']]
    """
    from analysis.actors import load_actors

    if by not in ("actor", "type"):
        raise ValueError(f"by must be 'actor' or 'type', not {by!r}")
    table = load_actors(actors)
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(family: str, term: str, note: str, kind: str) -> None:
        key = (family, term.casefold())
        if term.strip() and key not in seen:
            seen.add(key)
            rows.append({"family": family, "term": term.strip(), "note": note, "type": kind})

    owner = {}
    for actor, aliases, kind in zip(table["actor"], table["aliases"], table["type"],
                                    strict=True):
        family = actor if by == "actor" else (kind or "unknown")
        owner[actor] = (family, kind)
        for alias in aliases:
            add(family, alias, _ALIAS, kind)
    labels = actor_labels(corpus, table, quotes=quotes) if len(corpus) else None
    if labels is not None and len(labels):
        desc = labels[labels["kind"] == "descriptor"]
        uses = desc.groupby(["actor", "label"])["count"].sum().reset_index()
        uses["family"] = uses["actor"].map(lambda a: owner[a][0])
        uses["key"] = uses["label"].str.casefold()
        shared = uses.groupby("key")["family"].nunique()
        for r in uses.sort_values(["family", "count", "label"],
                                  ascending=[True, False, True]).itertuples():
            if r.count >= min_uses and shared[r.key] == 1:
                add(r.family, r.label, f"{_DESCRIBES} ({r.count} uses)",
                    owner[r.actor][1])
    if not rows:
        return pd.DataFrame(columns=FAMILY_COLUMNS)
    out = pd.DataFrame(rows)
    out["exclude"] = [_longer_terms(t, f, out) for t, f in zip(out["term"], out["family"],
                                                                  strict=True)]
    out = out.sort_values("family", kind="stable").reset_index(drop=True)
    return out[FAMILY_COLUMNS]


_ALIAS = "alias in the actor table"
_DESCRIBES = "describes the actor in the corpus"


def _title_like(term: str) -> bool:
    """Whether a describing term ends in a title ("Senator", "Vermont Sen.", "former
    President"), which other people hold too.

    >>> _title_like("Vermont Sen."), _title_like("campaigner")
    (True, False)
    """
    from analysis.attribution.speakers import _TITLES

    words = term.split()
    return bool(words) and words[-1].casefold().rstrip(".") in _TITLES


def _stands_for_actor(term: str) -> bool:
    """Whether a describing term can name its actor on its own, as "the senator" or "the
    real estate mogul" do: its head (the last word, or the word before "of") is a title, a
    role or a person's noun (:func:`_names_a_person`). A place, a party or an adjective
    ("South Carolina", "Republican", "recent") only describes beside a name.

    >>> [_stands_for_actor(t) for t in ("Vermont Sen.", "Real estate mogul", "Campaigner",
    ...                                 "chief executive of the Group", "South Carolina",
    ...                                 "Republican", "recent", "White House Bush")]
    [True, True, True, True, False, False, False, False]
    """
    from analysis.attribution.speakers import _AFFILIATIONS

    words = term.split()
    if "of" in words[1:]:
        words = words[:words.index("of")]
    if not words:
        return False
    head = words[-1]
    if head.casefold() in _AFFILIATIONS:
        return False  # "the Republican": a party's member, any of them
    return _title_like(term) or _names_a_person(head)


def _names_a_person(word: str) -> bool:
    """Whether a noun can stand for a person or a body: a title ("senator", "executive"),
    a role of :func:`analysis.attribution.speakers.actor_type_words` ("nominee", "group"),
    a person's noun of :func:`analysis.english.person_nouns` ("veteran", "mogul"; one
    hyphenated there may be written as one word, "frontrunner"), or a doer's noun Brill's
    lexicon lacks ("speechwriter"); not "strategy", "night" or "border".

    >>> [_names_a_person(w) for w in ("executive", "veteran", "front-runner", "frontrunner",
    ...                               "strategy", "night", "then-candidate", "border")]
    [True, True, True, True, False, False, True, False]
    """
    from analysis.attribution.speakers import _TITLES, actor_type_words

    whole = word.casefold().rstrip(".")
    word = whole.rsplit("-", 1)[-1]
    roles = actor_type_words()
    kind = roles.get(word, roles.get(word.removesuffix("s"), "none"))
    return whole in person_nouns() or word in person_nouns() or kind != "none" or \
        whole in _unhyphenated_person_nouns() or \
        word in _TITLES and word not in _ADJECTIVE_TITLES or \
        whole not in lexicon_tags() and len(word) > 4 and word.endswith(_DOER_ENDINGS)


@lru_cache(maxsize=1)
def _unhyphenated_person_nouns() -> frozenset[str]:
    """The hyphenated person nouns written as one word ("front-runner" as "frontrunner")."""
    return frozenset(w.replace("-", "") for w in person_nouns() if "-" in w)


def _names_family(text: str, start: int, end: int, aliases: TermMatcher | None,
                  alone: bool = True) -> bool:
    """Whether the describing term at ``text[start:end]`` names the family's actor: right
    before one of its aliases ("Senator Jane Doe"), after one and a comma ("Jane Doe, the
    senator"), or, when it can stand ``alone`` (:func:`_stands_for_actor`), as "the
    senator" with no other name after it.

    >>> m = TermMatcher.build(["Jane Doe"])
    >>> [_names_family(t, t.find("Senator"), t.find("Senator") + 7, m) for t in (
    ...     "Senator Jane Doe spoke.", "Senator Tom Hale spoke.", "Then the Senator left.")]
    [True, False, True]
    >>> _names_family("the Republican convention", 4, 14, m, alone=False)
    False
    """
    hits = aliases.find(text) if aliases is not None else []
    if any(0 <= s - end <= 2 and not text[end:s].strip() for s, _, _ in hits):
        return True
    if any(0 <= start - e <= 8 and _APPOSITION_GAP.fullmatch(text, e, start) for _, e, _ in hits):
        return True
    return alone and text[max(0, start - 4):start].casefold() == "the " and \
        _NAME_NEXT.match(text, end) is None and not modifies_next(text, end)


def _first_named(text: str, article_id: str, aliases: TermMatcher | None,
                 seen: dict[str, int]) -> int:
    """Where one of ``aliases`` is first named in an article's ``text`` (its length when
    none is), looked up once per article and kept in ``seen``.

    >>> _first_named("Then Jane Doe left.", "1", TermMatcher.build(["Jane Doe"]), {})
    5
    """
    if article_id not in seen:
        hits = aliases.find(text) if aliases is not None else []
        seen[article_id] = min((at for at, _, _ in hits), default=len(text))
    return seen[article_id]


#: Between a name and a title after it: "Jane Doe, the senator".
_APPOSITION_GAP = re.compile(r",\s+(?:the\s+|a\s+)?", re.IGNORECASE)
#: A capitalised word right after a title: another person's name follows it.
_NAME_NEXT = re.compile(r"\s+[A-Z]")


def _longer_terms(term: str, family: str, terms: pd.DataFrame) -> str:
    """Terms of other families that contain ``term`` as whole words ("the Met boss" for
    "the Met"), ";"-joined."""
    pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
    longer = [t for t, f in zip(terms["term"], terms["family"], strict=True)
              if f != family and len(t) > len(term) and pattern.search(t)]
    return ";".join(dict.fromkeys(longer))


def label_occurrences(corpus: pd.DataFrame, families: pd.DataFrame | dict | str | None = None,
                      quotes: pd.DataFrame | None = None,
                      sentences: pd.DataFrame | None = None,
                      actors: object = None) -> pd.DataFrame:
    """Every occurrence of a label term, with who is speaking (narration / quote / scare quote).

    Headline, caption and body sentences are all searched (``kind`` says which): a
    headline's label is the outlet's own choice. Within a family the longest term wins
    ("pro-Palestine march" is not also counted as "march"); a term's ``exclude`` phrases
    mark look-alikes that belong elsewhere ("Met boss" is not Falter's "boss").
    ``quotes`` / ``sentences`` (``extract_quotes`` / ``split_sentences`` output) are
    computed when not given. With ``families=None`` the families are
    :func:`actor_label_families` of ``actors`` (an actor table or its path); without
    either, the table is empty.

    >>> from analysis import load_corpus
    >>> occ = label_occurrences(load_corpus("seeds"), actors="seeds/actors.csv")  # doctest: +SKIP
    >>> occ.columns.tolist()[:4]  # doctest: +SKIP
    ['article_id', 'outlet', 'sentence_id', 'kind']
    """
    check_corpus(corpus)
    fams = _families_frame(families, corpus, actors, quotes)
    if len(fams) == 0 or len(corpus) == 0:
        return pd.DataFrame(columns=OCCURRENCE_COLUMNS)
    sentences = body_sentences(corpus, kinds=("headline", "caption", "body"), sentences=sentences)
    quoted, scare = spans_by_voice(corpus, quotes)
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"].fillna(""), strict=False))
    rows = []
    for family, group in fams.groupby("family", sort=False):
        matcher = TermMatcher.build(group["term"], plural=True)
        # a describing word the corpus put beside the actor ("Senator", "Republican",
        # "South Carolina") names the actor only beside one of its names or, when it can
        # stand alone, as "the senator"; "Senator John McCain", "a president", "the
        # Republican convention", "in South Carolina" are someone else or no one
        described = {t: _stands_for_actor(t) for t, note in zip(
            group["term"], group["note"].fillna(""), strict=True) if note.startswith(_DESCRIBES)}
        aliases = TermMatcher.build(group.loc[group["note"] == _ALIAS, "term"]) \
            if described else None
        # standing alone ("the senator"), a describing word refers back to the actor: only
        # after one of its names in the same article (looked up for the articles that
        # need it, once each)
        named_from: dict[str, int] = {}
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
                if term in described and not _names_family(
                        s.text, ms, me, aliases,
                        described[term] and _first_named(
                            texts[s.article_id], s.article_id, aliases, named_from) < start):
                    continue
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
                sentences: pd.DataFrame | None = None,
                actors: object = None) -> pd.DataFrame:
    """How often each outlet uses each label, in its own voice and in its sources' words.

    One row per outlet × family × term found: ``count`` split into ``narration``
    (the outlet's words), ``scare_quote`` (a phrase the outlet puts in quotation marks)
    and ``quote`` (a source's quoted words), ``n_articles`` and one ``example`` snippet.
    ``families`` is None (the families of :func:`actor_label_families`, from ``actors`` and
    the corpus), a path to a CSV such as ``analysis/data/framing_label_families.csv``, a
    DataFrame with columns family, term[, exclude] or a dict ``{family: [terms]}``. An
    empty family list gives an empty table, and so do neither ``families`` nor ``actors``.
    ``quotes`` / ``sentences`` (``extract_quotes`` / ``split_sentences`` output) are
    computed when not given.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["Daily"],
    ...                   "text": ["The embattled top cop spoke. The top cop left."]})
    >>> label_usage(c, {"police": ["top cop"]})[["outlet", "term", "count"]].values.tolist()
    [['Daily', 'top cop', 2]]
    """
    occ = label_occurrences(corpus, families, quotes, sentences=sentences, actors=actors)
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


# --------------------------------------------------------------------------- from the corpus

#: Words that end a describing phrase before a name ("said", "by", "and" …): function words
#: (``framing_stopwords.csv``) and speech verbs (``speech_verbs.csv``).
_APPOSITIVE_DETERMINERS = ("the", "a", "an", "its", "his", "her", "their")
_MAX_WORDS = 5


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    import csv
    from importlib import resources

    data = resources.files("analysis") / "data"
    with (data / "speech_verbs.csv").open(encoding="utf-8") as handle:
        verbs = {f.strip().lower() for r in csv.DictReader(handle)
                 for f in r["forms"].split(";") if f.strip()}
    return function_words(), frozenset(verbs)


_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\w(?:[\w’'-]*\w)?|[^\w\s]")


def _title_words(tokens: list[str]) -> list[str]:
    """Tokens with the full stop of an abbreviated title put back on its word ("Sen", "."
    → "Sen."; also "Gov.", "Rep.", "Reps.", "Dr."), so that it does not end the phrase.

    >>> _title_words(["former", "Sen", ".", "said", "."])
    ['former', 'Sen.', 'said', '.']
    """
    from analysis.attribution.speakers import _TITLES

    out: list[str] = []
    for token in tokens:
        if token == "." and out and out[-1][:1].isupper():
            low = out[-1].casefold()
            if f"{low}." in abbreviations() or low in _TITLES or low.removesuffix("s") in _TITLES:
                out[-1] += "."
                continue
        out.append(token)
    return out


#: A capitalised plural naming a group ("Republicans", "Democrats", "Christians", a
#: headline's "Dems"), which a verb rather than a name follows.
_GROUP_PLURAL = re.compile(r"^(?:[A-Z][a-z]+(?:ans|ats|ists|ers|ites|ims)|Dems)$")
#: Word endings of verbs and adverbs, which end a describing phrase ("seen blocking").
_NOT_NOUN = re.compile(r"(?:ed|ing|ly)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _irregular_participles() -> frozenset[str]:
    """Past forms that do not end in -ed ("met", "told", "held", "set"), from the passive
    detector's list (its words of type not_participle all end in -ed: ``_NOT_NOUN``)."""
    from analysis.framing.agency import _participles

    irregular, _, intransitive, not_before_to = _participles()
    return irregular | intransitive | not_before_to


def _verb_like(word: str) -> bool:
    """A word that ends a describing phrase: a verb form or an adverb ("met", "seen",
    "blocking", "quickly")."""
    return bool(_NOT_NOUN.search(word)) or word.casefold() in _irregular_participles()


def _verb_form(word: str) -> bool:
    """:func:`_verb_like`, unless Brill's lexicon reads the word as an adjective first
    ("incoming", "outgoing", "alleged"), which describes the person it stands before."""
    return _verb_like(word) and lexicon_tags().get(word.casefold()) != "JJ"


def _descriptor_before(text: str, start: int, floor: int, stop: frozenset[str],
                       verbs: frozenset[str], end: int | None = None) -> str:
    """The words right before a name that describe it ("CAA boss", "campaigner"), not
    reaching back past ``floor`` (the end of the previous mention).

    The phrase counts whole only when what precedes it opens a noun phrase (a determiner,
    punctuation, the start of the text); otherwise ("to meet Home Secretary …", "will
    arrest …") only its trailing run of capitalised title words is kept.
    """
    line_start = text.rfind("\n", 0, start) + 1
    window = max(floor, start - 80, line_start)
    joins = list(_RUN_IN.finditer(text, window, start))
    if joins:
        # "Getty ImagesRepublican candidate ...", "(AP PRESS)Ohio Gov. ...": a credit run
        # into the next sentence ends the phrase where the new word begins
        window = joins[-1].end()
    tokens = _title_words(_WORD.findall(text[window:start]))
    words: list[str] = []
    boundary = ("" if window == 0 or text[window - 1] == "\n" else
                "mention" if window == floor else "cut")
    for tok in reversed(tokens):
        low = tok.lower()
        if (not re.match(r"\w", tok) or low in stop or low in verbs or tok[0].isdigit()
                or low in _DATE_WORDS or (not words and _verb_like(tok))):
            boundary = low
            break
        words.insert(0, tok)
        if len(words) == _MAX_WORDS:
            boundary = "cut"
            break
    # A word that cannot describe (a preposition, adverb or finite verb: "among", "leads";
    # a headline's capitalised verb, "Slams"; a plain honorific, "Mr") ends the phrase like
    # a function word; a capitalised one at the start of a sentence ("Beyond Trump, ...",
    # "Meanwhile Clinton said") is dropped too.
    def ends(i: int) -> bool:
        word = words[i]
        if word.islower():
            return _not_describing(word) or _determiner(word) or word in _HONORIFICS
        return word.casefold() in _HONORIFICS or is_finite_verb(word) and not \
            _opens_name(words[i:])

    while any(ends(i) for i in range(len(words))):
        cut = max(i for i in range(len(words)) if ends(i))
        boundary, words = words[cut].lower(), words[cut + 1:]
    starts = boundary == "" or boundary in (".", "!", "?", "\"", "“", "”", ":")
    if starts and words and (_not_describing(words[0]) or _determiner(words[0])):
        # "Neither Jane Doe nor ...", "Meanwhile Jane Doe ...": the dropped word is what
        # now precedes the phrase ("Please support Jane Doe": "support" is no label)
        boundary, words = words[0].lower(), words[1:]
    opens = boundary == "" or boundary in _APPOSITIVE_DETERMINERS or (
        not re.match(r"\w", boundary) and boundary not in ("'", "’", "cut")) or (
        boundary == "mention" and len(words) == 1 and words[0].islower())
    if any(_verb_form(w) and not _describes_noun(words, i) for i, w in enumerate(words)
           if i):
        return ""  # a verb or participle inside: a clause ("the building needed repairs")
    if len(words) > 1 and words[0].casefold() in _CLAUSE_ARTICLES:
        boundary, words = words[0].casefold(), words[1:]  # "One advantage Jane Doe has"
    if words and words[-1].islower() and lexicon_tags().get(words[-1]) == "NN" and \
            not _names_a_person(words[-1]) and (
                len(words) == 1 or boundary in _CLAUSE_ARTICLES | _POSSESSIVES or any(
                    lexicon_tags().get(w.casefold()) == "NNS" for w in words[:-1])):
        # a thing, the name opening a clause on it ("the strategy Jane Doe chose", "during
        # his administration Jane Doe cut"), or a clause's verb before the name, after its
        # plural subject ("Polls show voters trust Jane Doe", a headline's "Paris attacks
        # test Jane Doe's strategy"): a noun alone or after a determiner describes only when
        # it names a person or a body ("campaigner", "group"; a modifier may make a thing
        # one: "Hollywood legend")
        return ""
    if words and words[-1].islower() and lexicon_tags().get(words[-1]) == "NNS":
        return ""  # many, not the one named: "the hurdles Jane Doe has faced"
    if words and words[-1] in _TIME_NOUNS | {"past", "future"}:
        return ""  # a time: "In the past Jane Doe has said", "Last week Jane Doe left"
    words = words[_after_other_noun(words):]
    while words and _verb_form(words[0]) and not _opens_name(words) and not (
            boundary in _APPOSITIVE_DETERMINERS and _describes_noun(words, 0)):
        words.pop(0)  # a verb before the phrase ("after beating rival Jane Doe", ",
        # beating rival Jane Doe"), not "his running mate Jane Doe"
    if words and (_headline_lines(text)(start) or end is not None and
                  _title_case_after(text, end) or
                  _title_case_words(tokens[:len(tokens) - len(words)][-4:])):
        # a headline in title case capitalises every word ("Ted Cruz Hints Trump Would
        # ...", "Offensive Things Donald Trump Has Said"; one run into the body on the same
        # line, "Jane Doe Shreds Roe's EPA Appointee Over ..."): only its titles describe
        from analysis.attribution.speakers import _TITLES

        kept = len(words)
        while kept and words[kept - 1].casefold().rstrip(".") in _TITLES:
            kept -= 1
        words = words[kept:]
    if not opens:
        while words and not words[0][:1].isupper():
            words.pop(0)
    if len(words) == 2 and _GROUP_PLURAL.search(words[0]) and words[1].islower():
        # a group and its verb: "many Republicans fear Jane Doe would ...", a headline's
        # "Dems hope Jane Doe's ..."
        return ""
    if len(words) == 1 and words[0].casefold() in _SEQUENCE_WORDS:
        return ""  # a step in a sequence or a share: "First Jane Doe goes to Ohio, now she
        # ...", a headline's "Half Jane Doe's meetings were with donors"
    return " ".join(words)


#: Possessive determiners, which may open a phrase naming a thing ("his administration").
_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
#: Words of a sequence or a share, which describe no one alone ("First Jane Doe goes to
#: Ohio", "a second Jane Doe run", "Half Jane Doe's meetings").
_SEQUENCE_WORDS = frozenset({"first", "second", "third", "next", "last", "finally", "then",
                             "later", "also", "again", "half"})


def _describes_noun(words: list[str], i: int) -> bool:
    """Whether ``words[i]``, an -ing word, describes the person's noun after it ("running
    mate", "leading candidate", "acting director") rather than being a verb.

    >>> _describes_noun(["his", "running", "mate"], 1), _describes_noun(["meeting", "Sen."], 0)
    (True, False)
    """
    return words[i].casefold().endswith("ing") and i + 1 < len(words) and \
        words[i + 1].islower() and _names_a_person(words[i + 1])


#: Where a photo credit runs into a capitalised word with no space ("Getty
#: ImagesRepublican", "ASSOCIATED PRESSOhio"): the credit ends, the next sentence begins.
#: Not any lower-case letter before a capital: "ExxonMobil", "BuzzFeed", "McGrath".
_RUN_IN = re.compile(r"(?:\b(?:Images|Photo|Photos|Press|Reuters|Wire)|\b[A-Z]{3,})"
                     r"(?=[A-Z][a-z])")
#: Words that open a noun phrase which a clause may follow with no "that": "the night
#: Jane Doe won", "one advantage Jane Doe has", "a deal Jane Doe signed".
_CLAUSE_ARTICLES = frozenset({"the", "a", "an", "one", "this", "that", "another", "every",
                              "each", "any", "no"})
#: Short words a title in title case leaves in lower case ("War on Coal"); not "and" or
#: "or", which join names in a sentence too ("Sen. Jane Doe and California Gov. ...").
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "at", "to", "for", "by",
                                "with", "from", "as"})
#: The three words after a name (past a possessive), on its line, with no punctuation
#: between them.
_THREE_AFTER = re.compile(r"(?:['’]s)?[ \t]+([\w'’-]+)[ \t]+([\w'’-]+)[ \t]+([\w'’-]+)")


#: Quotation marks and apostrophes standing as words of their own.
_QUOTE_MARKS = frozenset({"'", "’", "‘", '"', "“", "”"})


def _title_case_words(words: list[str]) -> bool:
    """Whether words read as a headline in title case: each capitalised or one of a title's
    small words, two at least capitalised and one of those a verb, a preposition or an
    adverb (Brill's lexicon); quotation marks are passed over, other punctuation is not
    ("On Wednesday, Republican nominee ...").

    >>> _title_case_words(["Trump", "Falling", "for", "an"])
    True
    >>> _title_case_words(["he", "told", "the"]), _title_case_words(["in", "New", "York"])
    (False, False)
    """
    words = [w for w in words if w not in _QUOTE_MARKS]
    if not all(re.match(r"\w", w) for w in words):
        return False
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) >= 2 and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS
                                      for w in words) and \
        any(lexicon_tags().get(w.casefold(), "")[:2] in _TITLE_CASED_TAGS for w in capitals)


def _title_case_after(text: str, end: int) -> bool:
    """Whether the three words after the name ending at ``end`` are capitalised, or small
    words a title leaves in lower case, two of them at least capitalised and one of those a
    verb, a preposition or an adverb (Brill's lexicon): the name stands in a headline in
    title case ("Top Roe Cabinet Pick Went On ...", "Fight Roe's Ending War on Coal"), not
    in a sentence, a list of names ("Jane Roe Emmanuel Jean-Michel Roe") or before a name
    ("Jane Roe's Green New Deal").

    >>> t = "Top Roe Cabinet Pick Went On TV. Then Roe said no."
    >>> _title_case_after(t, 7), _title_case_after(t, t.rfind("Roe") + 3)
    (True, False)
    """
    after = _THREE_AFTER.match(text, end)
    if after is None or not text[end - 1:end].isalnum():
        return False
    return _title_case_words(list(after.groups()))


#: Brill's tags of words only a title capitalises after a name: verbs, modals,
#: prepositions and adverbs ("Went", "Will", "Over"; not "Green New Deal").
_TITLE_CASED_TAGS = frozenset({"VB", "MD", "IN", "RB", "TO"})


#: Months and weekdays: "In August Trump met ..." has no describing word.
_DATE_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december", "monday",
                         "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


@lru_cache(maxsize=8)
def _headline_lines(text: str) -> Callable[[int], bool]:
    """:func:`analysis.english.title_case_lines` of one article, with four long words at
    least, kept for the few articles read last (every mention of an article asks in turn).

    >>> _headline_lines("9 (More) Offensive Things Jane Doe Has Said About Cats")(30)
    True
    """
    return title_case_lines(text, min_words=4)


def _opens_name(words: list[str]) -> bool:
    """Whether the first word is a capitalised -ed word that another capitalised word
    follows, opening a name ("United Nations envoy", "Planned Parenthood's president")
    rather than a clause.

    >>> _opens_name(["Planned", "Parenthood's", "president"]), _opens_name(["Seen", "here"])
    (True, False)
    """
    return len(words) > 1 and words[0][:1].isupper() and words[0].endswith("ed") and \
        words[1][:1].isupper()


def _after_other_noun(words: list[str]) -> int:
    """Where the phrase before a name starts when a common noun that is no role ends
    another phrase before a capitalised title ("the Syrian refugees President Obama wants",
    "in his Earth Day message President Doe said"): right after that noun; else 0. A role
    noun stays ("Republican candidate Sen. Doe").

    >>> _after_other_noun(["Syrian", "refugees", "President"])
    2
    >>> _after_other_noun(["presidential", "candidate", "Sen."])
    0
    """
    from analysis.attribution.speakers import _TITLES, actor_type_words

    roles = actor_type_words()
    for i in range(len(words) - 2, -1, -1):
        word = words[i]
        if word.islower() and lexicon_tags().get(word, "")[:2] == "NN" and \
                roles.get(word, roles.get(word.removesuffix("s"), "none")) == "none" and \
                any(w[:1].isupper() and w.casefold().rstrip(".") in _TITLES
                    for w in words[i + 1:]):
            return i + 1
    return 0


#: Nouns of time that may follow a name without the name modifying them ("President Roe
#: today", "Roe last night").
_TIME_NOUNS = frozenset({"today", "tonight", "yesterday", "tomorrow", "now", "morning",
                         "afternoon", "evening", "night", "week", "weekend", "month", "year"})


def modifies_next(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` modifies the common noun right after it ("former
    Clinton aide", "internal EPA documents", "the latest UN report"): the words before the
    name then describe that noun, not the actor.

    >>> modifies_next("a senior Roe aide said", 12), modifies_next("President Roe said", 13)
    (True, False)
    >>> modifies_next("President Roe today", 13), modifies_next("a recent Roe/ORC poll", 12)
    (False, True)
    >>> modifies_next("the book Roe Cash", 12), modifies_next("Sen. Jane Roe Wins", 13)
    (True, False)
    """
    if text[end:end + 1] == "/" and text[end + 1:end + 2].isupper():
        return True  # names joined by a slash ("a recent CNN/ORC poll") modify what follows
    named = _CAPITALISED_NOUN_AFTER.match(text, end)
    if named is not None:
        from analysis.attribution.speakers import _TITLES

        word = named.group(1).casefold()
        if lexicon_tags().get(word) in ("NN", "NNS") and word not in _TITLES:
            return True  # a thing named after the actor ("Roe Cash", a book; "Roe Tower")
    match = re.match(r"[ \t]+([a-z][a-z-]*)\b", text[end:end + 40])
    if not match or match.group(1) in _TIME_NOUNS:
        return False
    word = match.group(1)
    tag = lexicon_tags().get(word)
    if tag is None:
        # a noun of a doer the lexicon lacks ("former Bush speechwriter")
        return len(word) > 4 and word.endswith(_DOER_ENDINGS)
    # a word mostly an adjective used as a noun, its phrase closed right after it ("the
    # longtime Trump associate who ...", "a Clinton surrogate, ...")
    return tag in ("NN", "NNS") or tag == "JJ" and bool(
        _PHRASE_CLOSED.match(text, end + match.end()))


#: A capitalised word right after a name, on its line ("Roe Cash", "Roe Tower").
_CAPITALISED_NOUN_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
#: Endings of nouns of a doer ("speechwriter", "strategist").
_DOER_ENDINGS = ("er", "or", "ist")
#: What closes a noun phrase: punctuation, or a relative pronoun.
_PHRASE_CLOSED = re.compile(r"[ \t]*(?:[,.;:)]|(?:who|whose|whom|that)\b)")


#: Titles that modify another title rather than address a person on their own.
_TITLE_MODIFIERS = frozenset({"former", "deputy", "chief", "assistant", "executive", "home",
                              "foreign", "prime", "shadow", "vice", "interior", "state",
                              "defence", "defense", "general"})


#: Of those, the adjectives, which name no one alone ("the state Jane Doe won").
_ADJECTIVE_TITLES = _TITLE_MODIFIERS - {"deputy", "chief", "assistant", "executive"}


def _form_of_address(label: str) -> bool:
    """Whether a label ends in a capitalised title that addresses the person named after it
    ("President", "Sen."), which stays with the name even where the name modifies a noun
    after it ("President Roe hugs ...", which the lexicon reads as a noun).

    >>> _form_of_address("US President"), _form_of_address("former"), _form_of_address("top")
    (True, False, False)
    """
    from analysis.attribution.speakers import _TITLES

    last = label.split()[-1]
    word = last.casefold().rstrip(".")
    return last[:1].isupper() and word in _TITLES and word not in _TITLE_MODIFIERS


#: The longest appositive read when a full stop, not a comma, closes it (longer ones only
#: after a verb of saying: "said Jane Doe, professor of ... at ...").
_MAX_CLOSING_WORDS = 8
#: A phrase of capitalised names joined by "and"/"or": a list's next items.
_NAMES_LISTED = re.compile(r"(?:the|a|an)[ \t]+(?:[A-Z][\w'’-]*[ \t]+)+(?:and|or)[ \t]")
#: The longest appositive read after a name ("Jane Doe, the director of the ... at ...,").
_MAX_APPOSITIVE_WORDS, _MAX_APPOSITIVE_CHARS = 20, 160
#: ", " then the phrase up to the next comma, full stop or semicolon; the full stop of an
#: initial ("T.H. Chan School") is part of the phrase.
_APPOSITIVE = re.compile(r",[ \t]+((?:[^,.;:!?()\"“”\n]|(?<=\b[A-Z])\.(?=[A-Z ]))"
                         rf"{{3,{_MAX_APPOSITIVE_CHARS}}}?)[ \t]*(?:[,;]|(?<!\b[A-Z])\.)")


#: A quotation opening: two apostrophes (a straight double mark as some archives write it),
#: a left single mark, or an apostrophe opening a word.
_QUOTATION_OPENS = re.compile(r"''|‘|(?:^|\s)'\w")


def _descriptor_after(text: str, end: int, stop: frozenset[str],
                      verbs: frozenset[str], start: int | None = None) -> str:
    """An appositive after a name: "Jane Doe, the council's engineer, said" → "the
    council's engineer".

    An appositive is a noun phrase that describes the one name, so none is read where what
    follows the comma is something else:

    * a figure: a phrase led by a number ("Clinton, 53 percent to 39 percent");
    * the rest of the sentence: the name (from ``start``, past any title words before it)
      itself follows a comma, so it closes an appositive or a list item, and the phrase
      runs to the end of the sentence ("Her running mate, Gov. Jim Roe, plans to speak.";
      "On Sunday, Jim Roe, the nominee, said" keeps "the nominee");
    * a plural: a phrase whose head noun is plural does not describe one person ("Obama,
      the liberals, and ..."), unless the name itself may be plural (ends in "s");
    * a clause: a relative pronoun first ("who’s prepared to ..."), or a finite verb
      inside, lower case or, in a headline's capitals, upper case ("Trump, The
      Establishment Did Something ..."); in a phrase of more than eight words, any verb
      form ("For Jane Doe, the event presented ..."), and a run to the full stop unless
      the name follows a verb of saying ("says Jane Doe, professor of ... at ...");
    * more names: the next item of a list ("Jane Doe, John Roe and …", "Jane Doe, the City
      Forum and the Trust"), though a possessive may open a description ("LCV's head").

    An appositive runs to its closing comma or full stop (an initial's full stop, as in
    "T.H. Chan", is inside it), at most 20 words.

    >>> stop, verbs = _word_lists()
    >>> _descriptor_after("Jane Doe, the council's engineer, said so.", 8, stop, verbs)
    "the council's engineer"
    >>> t = "Her running mate, Gov. Jim Roe, plans to speak."
    >>> _descriptor_after(t, 30, stop, verbs, start=23)
    ''
    >>> _descriptor_after("Voters favored Roe, 53 percent to 39.", 18, stop, verbs)
    ''
    >>> t = "On Sunday, Jim Roe, the nominee, said so."
    >>> _descriptor_after(t, 18, stop, verbs, start=11)
    'the nominee'
    """
    tail = text[end:end + 40 + _MAX_APPOSITIVE_CHARS]
    match = _APPOSITIVE.match(tail)
    if not match:
        return ""
    closer = tail[match.end() - 1]
    if start is not None and closer in ".;" and _follows_comma(text, start):
        return ""  # the sentence goes on after a name that closes an appositive
    phrase = match.group(1).strip()
    words = phrase.split()
    if _QUOTATION_OPENS.search(phrase):
        return ""  # a quotation opens: the sentence's own clause ("Mr. Doe, the minister
        # ''looked ashen,'' an aide said")
    if closer == "." and f"{words[-1].casefold()}." in abbreviations():
        return ""  # the full stop of a title, not the phrase's end ("the State Department,
        # a charge that Mrs. Doe denied")
    first = words[0].lower().replace("’", "'").split("'")[0]  # "who’s" → "who"
    if closer == "." and len(words) > _MAX_CLOSING_WORDS and not (
            start is not None and _after_speech_verb(text, start, verbs)):
        return ""  # a long run to the full stop is the sentence's own clause ("Despite
        # apologies from Jane Doe, concerns persist regarding ..."), unless the name is
        # the speaker of "said Jane Doe, professor of ... at ...".
    if len(words) > _MAX_CLOSING_WORDS and any(w.islower() and _verb_form(w) for w in words):
        return ""  # a long phrase with a verb form in it is a clause ("For Jane Doe, the
        # event presented an opportunity ..."; "whose campaign harkened back to ...")
    if _NAMES_LISTED.match(phrase):
        return ""  # the next names of a list ("Jane Doe, the City Forum and the Trust")
    if len(words) > _MAX_APPOSITIVE_WORDS or first in verbs or _verb_like(first) or (first in stop
                                            and first not in _APPOSITIVE_DETERMINERS):
        return ""
    if words[0][0].isdigit():
        return ""  # a figure: a score, a count, a share
    if words[0][0].isupper() and first not in _APPOSITIVE_DETERMINERS and not (
            len(words) > 1 and re.search(r"['’]s$", words[0])):
        return ""  # another name in a list ("Jane Doe, John Roe and …"; not "LCV's head")
    if _not_describing(first) or any(w.islower() and _finite_verb(w) for w in words):
        return ""  # a phrase ("among black voters") or a clause ("the answer is no")
    capitals = sum(w[:1].isupper() for w in words)
    if capitals * 2 > len(words) and any(_finite_verb(w) for w in words[1:]):
        return ""  # a headline's clause in capitals ("The Establishment Did Something")
    name_plural = text[end - 1:end].lower() == "s"  # the name's last letter
    if not name_plural and _plural_head(words):
        return ""  # many, not the one named ("the liberals", "lessons from …")
    return phrase


def _after_speech_verb(text: str, start: int, verbs: frozenset[str]) -> bool:
    """Whether a name (from ``start``, past any capitalised title words before it) comes
    right after a verb of saying ("says Prof. Jane Doe").

    >>> stop, verbs = _word_lists()
    >>> _after_speech_verb("it is, says Prof. Jane Doe", 18, verbs)
    True
    >>> _after_speech_verb("from the Jane Doe", 9, verbs)
    False
    """
    head = re.search(r"([a-z]+)[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,4}$",
                     text[max(0, start - 80):start])
    return head is not None and head.group(1) in verbs


def _follows_comma(text: str, start: int) -> bool:
    """Whether a comma comes right before a name, past its capitalised title words
    ("…, Indiana Gov. Mike Pence").

    >>> _follows_comma("Her mate, Gov. Jim Roe", 15), _follows_comma("She met Jim Roe", 8)
    (True, False)
    """
    head = text[max(0, start - 60):start]
    return re.search(r",[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,4}$", head) is not None


def _plural_head(words: list[str]) -> bool:
    """Whether a noun phrase's head is plural: its last word before a preposition, tagged
    NNS in Brill's lexicon ("the liberals", "lessons from a brother's pain").

    >>> _plural_head("the liberals".split()), _plural_head("the party's leaders".split())
    (True, True)
    >>> _plural_head("the likely candidates respectively".split())
    True
    >>> _plural_head("a former secretary of state".split())
    False
    """
    tags = lexicon_tags()
    head = ""
    for word in words:
        if tags.get(word.casefold()) in ("IN", "TO") and head:
            break
        if tags.get(word.casefold(), "")[:2] == "RB" and head:
            continue  # an adverb after the noun ("the candidates respectively")
        head = word
    return tags.get(head.casefold().strip("’'")) == "NNS"


#: Honorifics that say nothing of the person beyond the form of address ("Mr Trump").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "mr.", "mrs.", "ms."})
#: Brill tags of words that cannot describe a person: prepositions, adverbs, conjunctions,
#: pronouns, modals and finite verbs.
_NOT_DESCRIBING_TAGS = frozenset({"IN", "RB", "RBR", "RBS", "CC", "MD", "PRP", "PRP$", "WDT",
                                  "WP", "WP$", "WRB", "TO", "EX", "UH", "VB", "VBZ", "VBD", "VBP"})


def _not_describing(word: str) -> bool:
    """A word whose usual part of speech (Brill's lexicon, shipped with TextBlob) cannot
    describe a person: "among", "meanwhile", "leads" (not "former", "campaigner")."""
    return lexicon_tags().get(word.casefold()) in _NOT_DESCRIBING_TAGS


def _determiner(word: str) -> bool:
    """A word that picks people out without describing them: "neither", "both", "each"
    (Brill's DT and PDT)."""
    return lexicon_tags().get(word.casefold()) in ("DT", "PDT")


def _finite_verb(word: str) -> bool:
    return lexicon_tags().get(word.casefold()) in {"VBZ", "VBD", "VBP", "MD"}


def descriptors_at(text: str, start: int, end: int, floor: int = 0) -> tuple[str, str]:
    """The words that describe the person named at ``text[start:end]``: those right before
    the name ("French President") and an appositive after it (", the group's founder,"),
    each "" when there is none. ``floor`` is where the previous mention ended: the words
    before a name do not reach back past it.

    >>> t = "Former mayor Jane Doe, the group's founder, agreed."
    >>> descriptors_at(t, 13, 21)
    ('Former mayor', "the group's founder")
    >>> descriptors_at("A senior Jane Doe aide left.", 9, 17)  # the words describe the aide
    ('', '')
    """
    stop, verbs = _word_lists()
    before = _descriptor_before(text, start, floor, stop, verbs, end)
    if before and modifies_next(text, end) and not _form_of_address(before):
        before = ""  # "a senior Roe aide": the words describe the aide
    return before, _descriptor_after(text, end, stop, verbs, start)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether ``text[at:]`` opens a sentence or a line (read back from ``at`` past spaces,
    not by copying the text before it)."""
    while at and text[at - 1] in " \t":
        at -= 1
    return not at or text[at - 1] in ".!?\n\"“”'‘’:"


def _sentence_case_merged(occ: pd.DataFrame) -> pd.DataFrame:
    """Describing words that open a sentence written as the corpus writes them elsewhere
    for the same actor ("Former Secretary of State" at a sentence's start is "former
    Secretary of State" when that is written too), so one label is not counted as two.

    >>> occ = pd.DataFrame({"actor": ["A", "A", "A"], "kind": ["descriptor"] * 3,
    ...     "label": ["Former senator", "former senator", "Senator"],
    ...     "opens": [True, False, True]})
    >>> _sentence_case_merged(occ)["label"].tolist()
    ['former senator', 'former senator', 'Senator']
    """
    if "opens" not in occ:
        return occ      # no describing words at all
    occ = occ.copy()
    described = occ["kind"] == "descriptor"
    label = occ["label"].astype(str)
    lowered = label.str[:1].str.lower() + label.str[1:]
    known = set(zip(occ.loc[described, "actor"], label[described], strict=True))
    merge = (described & occ["opens"].fillna(False).astype(bool) & (lowered != label)
             & pd.Series([(a, w) in known for a, w in zip(occ["actor"], lowered, strict=True)],
                         index=occ.index))
    occ.loc[merge, "label"] = lowered[merge]
    return occ.drop(columns="opens")


def actor_labels(corpus: pd.DataFrame, actors: object,
                 quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """What each outlet calls each actor, from the actor table and the text.

    For every mention of an actor (:func:`analysis.actors.find_mentions`), two kinds of
    label: the ``name form`` the text uses (the alias as printed, e.g. "the Met boss") and
    a ``descriptor``, the words right before the name ("campaigner Jane Doe") or an
    appositive right after it ("Jane Doe, the council's engineer,"). One row per outlet ×
    actor × kind × label: ``count``, split into ``narration`` (the outlet's own words) and
    ``quote`` (inside a source's quoted words), ``per_1000_words`` (count per 1,000 words
    of the outlet's articles), ``n_articles``, ``mentions`` (all the outlet's mentions of
    the actor) and one ``example`` (article id and context).

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["Daily"], "word_count": [12],
    ...     "text": ["Campaigner Jane Doe spoke. Jane Doe, the group's founder, left."]})
    >>> a = pd.DataFrame({"actor": ["Jane Doe"], "aliases": ["Jane Doe"], "type": ["x"]})
    >>> t = actor_labels(c, a)
    >>> t[t.kind == "descriptor"][["label", "count"]].values.tolist()
    [['Campaigner', 1], ["the group's founder", 1]]
    """
    from analysis.actors import find_mentions, load_actors

    table = load_actors(actors)
    if len(corpus) == 0 or len(table) == 0:
        return pd.DataFrame(columns=ACTOR_LABEL_COLUMNS)
    quoted, _ = spans_by_voice(corpus, quotes) if quotes is not None or len(corpus) else ({}, {})
    rows = []
    # an outlet's name, or part of it, before an actor ("told MailOnline the Met ...") is
    # not a label
    outlets = [f" {' '.join(str(o).casefold().split())} "
               for o in corpus["outlet"].dropna().unique()]
    for aid, outlet, text in zip(corpus["article_id"].astype(str), corpus["outlet"],
                                 corpus["text"].fillna(""), strict=True):
        spans = quoted.get(aid, [])
        floor = 0
        for start, end, actor in find_mentions(text, table):
            inside = any(s <= start and end <= e for s, e in spans)
            base = {"article_id": aid, "outlet": outlet, "actor": actor,
                    "voice": "quote" if inside else "narration",
                    "context": context(text, start, end)}
            rows.append({**base, "kind": "name form", "label": text[start:end]})
            described = descriptors_at(text, start, end, floor)
            for label, before in zip(described, (True, False), strict=True):
                if label and not any(f" {label.casefold()} " in o for o in outlets):
                    opens = before and _opens_sentence(text, text.rfind(label, floor, start))
                    rows.append({**base, "kind": "descriptor", "label": label,
                                 "opens": opens})
            floor = end
    if not rows:
        return pd.DataFrame(columns=ACTOR_LABEL_COLUMNS)
    occ = _sentence_case_merged(pd.DataFrame(rows))
    words = (corpus.groupby("outlet")["word_count"].sum() if "word_count" in corpus
             else corpus.groupby("outlet")["text"].apply(lambda t: t.str.split().str.len().sum()))
    names = occ[occ["kind"] == "name form"]
    mentions = names.groupby(["outlet", "actor"]).size()
    out = []
    for (outlet, actor, kind, label), g in occ.groupby(
            ["outlet", "actor", "kind", "label"], sort=True):
        own = g[g["voice"] == "narration"]
        example = (own if len(own) else g).iloc[0]
        out.append({
            "outlet": outlet, "actor": actor, "kind": kind, "label": label,
            "count": len(g), "narration": len(own), "quote": len(g) - len(own),
            "per_1000_words": round(1000 * len(g) / max(int(words.get(outlet, 0)), 1), 2),
            "n_articles": g["article_id"].nunique(),
            "mentions": int(mentions.get((outlet, actor), 0)),
            "example": f"{example['article_id']}: {example['context']}",
        })
    result = pd.DataFrame(out, columns=ACTOR_LABEL_COLUMNS)
    return result.sort_values(["actor", "outlet", "kind", "count", "label"],
                              ascending=[True, True, True, False, True]).reset_index(drop=True)
