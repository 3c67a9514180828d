"""Speaker mentions and who they refer to: word lists for noun phrases, speaker nouns
(``data/speaker_nouns.csv``), actor classes, names merged by their forms ("Mr Falter" is the
"Gideon Falter" named earlier)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from analysis.attribution.verbs import _data_path, has_case_odd, prefix_tree
from analysis.english import NAME_SUFFIXES, is_finite_verb, lexicon_tags, person_nouns

_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
                "that", "these", "those", "any", "no", "further", "some", "every", "each"}
_QUANTIFIERS = {"one", "two", "three", "four", "several", "many", "some", "a few"}
_FUNCTION_WORDS = {
    "of", "in", "on", "for", "to", "from", "by", "with", "at", "as", "after", "before",
    "following", "during", "due", "and", "or", "but", "that", "which", "who", "is", "was", "are",
    "were", "has", "had", "have", "will", "would", "could", "can", "should", "must", "may",
    "might", "than", "if", "when", "while", "because", "over", "into", "about", "against",
    "between", "through", "under", "since", "until", "amid", "despite", "towards", "toward",
    "so", "yet", "nor", "not", "be", "been", "being", "do", "does", "did", "said", "says",
}
_STRIP_TAIL = {
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "will", "would",
    "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did", "also",
    "then", "later", "now", "again", "himself", "herself", "itself", "themselves", "not",
    "never", "yesterday", "today", "tonight", "seen", "heard", "went", "on", "to", "go",
    "goes", "going", "gone", "once", "first", "already", "just", "still", "all", "both",
    "even", "only", "finally", "subsequently", "meanwhile", "too", "duly", "got",
}
_BE = {"was", "were", "been", "being", "is", "are", "be", "'s", "’s", "get", "got"}
_PRONOUNS = {"he": "person", "she": "person", "it": "org", "they": "plural"}
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev",
    "sen", "senator", "rep", "representative", "gov", "governor", "president", "mayor",
    "minister", "prime", "secretary", "home", "foreign", "deputy", "former", "chief",
    "commissioner", "assistant", "executive", "inspector", "detective", "sergeant", "judge",
    "justice", "chairman", "chairwoman", "chair", "leader", "general", "captain", "officer",
    "ac", "dac", "pc", "ds", "di", "dci", "supt", "superintendent", "mp", "councillor",
    "shadow", "chancellor", "king", "queen", "prince", "princess", "pope", "bishop", "rabbi",
    "imam", "father", "vice", "interior", "state", "defence", "defense", "attorney",
    "commander-in-chief",
}
_ORG_WORDS = {
    "street", "corp", "co", "club", "fc", "police", "trust", "board", "campaign", "forum",
    "service", "services", "ministry",
    "council", "government", "party", "union", "office", "department", "association",
    "federation", "committee", "commission", "group", "agency", "authority", "court",
    "company", "bank", "army", "force", "yard", "university", "school", "hospital", "church",
    "news", "times", "guardian", "telegraph", "post", "bbc", "network", "foundation",
    "institute", "society", "league", "coalition", "alliance", "organisation", "organization",
    "movement", "cabinet", "parliament", "congress", "senate", "house", "students",
    "corporation", "inc", "ltd", "plc", "centre", "center", "fund", "assembly", "deputies",
    "press", "media", "mail", "herald", "journal", "tribune", "nations",
}
#: In a capitalised name, these also mark an event or a body, not a person ("Democratic
#: National Convention", "Trump Administration"); unlike :data:`_ORG_WORDS` they do not
#: make a lower-case phrase an organisation ("sources in the administration" stay sources).
_BODY_WORDS = _ORG_WORDS | {"convention", "conference", "summit", "administration", "caucus",
                            "tribunal", "museum", "library", "academy", "college", "clinic",
                            "laboratory", "politics", "research", "studies", "affairs", "policy",
                            "rights", "watch", "magazine", "initiative", "project"}
#: A party or a people: the last word of a description, never of a person's name ("said a New
#: Hampshire Republican", "Senate Republican leaders", "a Liberal Democrat"), while a name may
#: follow one ("Wisconsin Republican Paul Ryan"). Plurals are groups already ("Democrats");
#: "American" is left out, as it ends a title ("Scientific American").
_AFFILIATIONS = frozenset({"republican", "democrat", "democratic", "conservative", "liberal",
                           "libertarian", "progressive", "socialist", "communist", "tory"})
_NAME_STOP = {
    "the", "a", "an", "in", "on", "at", "but", "and", "it", "he", "she", "they", "we", "i",
    "this", "that", "these", "those", "there", "here", "his", "her", "their", "its", "our",
    "despite", "after", "before", "while", "when", "although", "however", "meanwhile",
    "yesterday", "today", "later", "earlier", "nevertheless", "nine", "one", "two", "three",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "contacted", "sharing", "ahead", "both", "all", "some", "as",
    "if", "for", "from", "with", "by", "of", "to", "nearly", "tens", "so", "what",
    "then", "now", "instead", "still", "also", "indeed", "perhaps", "soon", "finally",
    "again", "thus", "even", "just", "only", "yet", "like", "unlike", "asked", "according",
    # a sentence's opening word before a surname ("Though Kaine", "Neither Warren")
    "though", "neither", "either", "regarding", "outside", "besides", "without", "whether",
    "among", "how", "whatever", "whoever", "many", "most", "several", "few",
    # a determiner before a surname ("Another Slaughter email", "Every Clinton aide")
    "another", "each", "every", "any", "other", "such",
    # a pronoun that names no one ("Nobody asked about ...")
    "nobody", "somebody", "everybody", "anybody", "everyone", "someone", "anyone", "none",
    # a sentence's opening word before a possessive ("Given Sanders' record", "Absent Trump's")
    "given", "absent",
    # a link's imperative before a name ("(See Sexton's timeline", "Watch Obama's speech")
    "see", "read", "watch", "listen", "click", "follow", "subscribe", "download", "view",
    "visit",
}


@lru_cache(maxsize=1)
def _speaker_nouns() -> dict[str, tuple[str, str]]:
    with _data_path("speaker_nouns.csv").open(encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    return {n.casefold(): (c, t) for n, c, t in
            zip(frame["noun"], frame["canonical"], frame["speaker_type"], strict=True)}


# --------------------------------------------------------------------------- names

@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of countries, regions and the states or provinces of a few countries
    (``data/place_names.csv``), case-folded: a run that is one of them whole ("the United
    States", "South Carolina", "Britain") names a place, never a person.

    >>> {"united states", "south carolina", "britain"} <= place_names()
    True
    >>> "sadiq khan" in place_names()
    False
    """
    with _data_path("place_names.csv").open(encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    return frozenset(n.strip().casefold() for n in frame["name"])


def place_name(form: str) -> str:
    """The country, region or state of :func:`place_names` a capitalised run names whole,
    without a leading "the" ("" when it names none).

    >>> place_name("the United States"), place_name("United States Senate")
    ('United States', '')
    >>> place_name("San Francisco"), place_name("Los Angeles Times"), place_name("Sandra Lee")
    ('San Francisco', '', '')
    """
    if form.startswith(("The ", "the ")):
        form = form[4:]
    words = form.split()
    if len(words) == 2 and words[0].casefold() in _PLACE_OPENERS:
        # "San Francisco", "Los Angeles", "Fort Worth": a town ("Los Angeles Times", a
        # newspaper, stays a name)
        return form
    return form if form.casefold() in place_names() else ""


#: First words of town names in the Americas that open no person's name ("San Francisco",
#: "Santa Monica", "Los Angeles", "Las Vegas", "Fort Worth", "Puerto Rico").
_PLACE_OPENERS = frozenset({"san", "santa", "los", "las", "fort", "puerto"})


_ACTOR_CLASSES: dict[int, tuple[pd.DataFrame, dict[str, str], dict[str, str]]] = {}


def _actor_classes(actors: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """(type, class) of each actor of a table, computed once per table object."""
    cached = _ACTOR_CLASSES.get(id(actors))
    if cached is None or cached[0] is not actors:
        types = dict(zip(actors["actor"], actors["type"], strict=True))
        cls_of = {a: _is_person_actor(a, al) for a, al in
                  zip(actors["actor"], actors["aliases"], strict=True)}
        if len(_ACTOR_CLASSES) > 16:
            _ACTOR_CLASSES.clear()
        cached = _ACTOR_CLASSES[id(actors)] = (actors, types, cls_of)
    return cached[1], cached[2]


@lru_cache(maxsize=1)
def _ref_word_pattern() -> re.Pattern[str]:
    """Whole ASCII words that are pronouns or speaker nouns, in any case (the words
    ``\\b[A-Za-z]+\\b`` finds whose lower case is in either list)."""
    words = sorted((w for w in set(_PRONOUNS) | set(_speaker_nouns())
                    if w.isascii() and w.isalpha()), key=lambda w: (-len(w), w))
    # one branch per first letter behind a look-ahead on the first letters: the same
    # matches as one flat alternation, found in about half the time
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append("".join(f"[{c.upper()}{c}]" for c in w[1:]))
    firsts = "".join(c + c.upper() for c in groups)
    body = "|".join(f"[{c.upper()}{c}](?:{'|'.join(tails)})" for c, tails in groups.items())
    return re.compile(rf"\b(?=[{firsts}])(?:{body})\b")


@lru_cache(maxsize=1)
def _lower_ref_pattern() -> re.Pattern[str]:
    """:func:`_ref_word_pattern` as a prefix tree, for a lower-cased text."""
    words = sorted(w for w in set(_PRONOUNS) | set(_speaker_nouns())
                   if w.isascii() and w.isalpha())
    return re.compile(rf"\b(?:{prefix_tree(words)})\b")


def ref_word_spans(text: str, lower: str | None = None) -> list[tuple[int, int]]:
    """Where a pronoun or speaker noun stands in ``text``: the spans
    ``_ref_word_pattern().finditer`` finds, found faster on the lower-cased text (``lower``,
    when the caller has it).

    >>> ref_word_spans("She met THE Spokesman; they left.")
    [(0, 3), (12, 21), (23, 27)]
    """
    if has_case_odd(text):
        return [m.span() for m in _ref_word_pattern().finditer(text)]
    if lower is None:
        lower = text.lower()
    return [m.span() for m in _lower_ref_pattern().finditer(lower)]


@dataclass(slots=True)
class _Ref:
    start: int
    end: int
    cls: str          # person / org / plural / pronoun / document / source / spokes
    speaker: str
    speaker_type: str
    variant: str = ""  # pronoun word, or "another" for a second officer


def _is_person_actor(actor: str, aliases: list[str]) -> str:
    """person / org / plural (a group: its canonical name is all lower case)."""
    if actor == actor.lower():
        return "plural"
    if any(re.match(r"(?:Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Dr)\b", a) for a in aliases):
        return "person"
    words = actor.split()
    if 2 <= len(words) <= 5 and not any(w.casefold() in _BODY_WORDS for w in words):
        return "person"
    return "org"



#: A capitalised word right before a mention ("Ivanka" in "Ivanka Trump"), with an optional
#: middle initial.
_GIVEN_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]*)(?:\s+[A-Z]\.)?\s+$")


def other_given_name(text: str, start: int, end: int, aliases: list[str]) -> bool:
    """Whether the one-word alias at ``text[start:end]`` is the surname of someone else: a
    given name the actor's aliases do not use stands right before it ("Ivanka Trump" is not
    the "Donald Trump" whose alias is "Trump"; a title, "President Trump", is no given name).

    >>> text = "Ivanka Trump spoke, then President Trump and Donald Trump."
    >>> aliases = ["Donald Trump", "Trump"]
    >>> [other_given_name(text, s, s + 5, aliases) for s in (7, 34, 51)]
    [True, False, False]
    """
    if " " in text[start:end].strip():
        return False
    before = _GIVEN_BEFORE.search(text, max(0, start - 40), start)
    if not before:
        return False
    word = before.group(1)
    low = word.casefold()
    if low in _TITLES or low in _NAME_STOP or low in _BODY_WORDS or low in _FUNCTION_WORDS:
        return False
    used = {w.casefold().strip(".,") for alias in aliases for w in alias.split()}
    return low not in used


_ORG_PHRASE = re.compile(
    r"\b[Tt]he\s+((?:[a-z][a-z-]+\s+){0,2}?(?:bank|company|council|ministry|government|"
    r"department|party|union|club|board|court|agency|firm|university|hospital|charity|"
    r"regulator|watchdog|committee|commission|airline|retailer|school|group|trust))\b")
#: The pattern of :data:`_ORG_PHRASE` with its literal "he" first, so the engine jumps from
#: one "he" to the next; the look-behind asks for the word edge and capital or small "t".
_ORG_PHRASE_FAST = re.compile(r"he(?<=\b[Tt]he)" + _ORG_PHRASE.pattern[len(r"\b[Tt]he"):])


def org_phrase_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the organisation nouns :data:`_ORG_PHRASE` finds ("the local council"
    gives "local council"), found faster.

    >>> org_phrase_spans("He said the local council and The Bank agreed.")
    [(12, 25)]
    """
    return [m.span(1) for m in _ORG_PHRASE_FAST.finditer(text)]


#: American abbreviated titles ("Mr. Earnest", "Sen. Jim Doe") and middle initials
#: ("Donald J. Trump") are part of a name.
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Prof", "Rev", "Lt", "Col",
                  "Capt", "Sgt", "Supt", "Insp", "Det")
_ABBREVIATED = "(?:" + "|".join(_ABBREVIATIONS) + r")\."
#: Initials written together ("J.J. MacNab", "George H.W. Bush"); in a name, before a
#: capitalised word.
_JOINED_WORD = re.compile(r"(?:[A-Z]\.){2,3}")
_JOINED_INITIALS = _JOINED_WORD.pattern + r"(?= [A-Z])"
#: The words after a name's first word: particles, initials, capitalised words, "Jr.".
_NAME_REST = (r"(?: (?:(?:van|von|der|de|da|la|le|bin|al|of|of the) )*(?:" + _ABBREVIATED
              + r"(?= [A-Z])|[A-Z][a-zA-Z'’\-]+|[A-Z]{2,}|[A-Z]\.(?= [A-Z])|"
              + _JOINED_INITIALS + r"|Jr\.|Sr\.))*")
_NAME = re.compile(
    r"(?<![\w'’])(?:" + _ABBREVIATED + r" )?(?:[A-Z][a-zA-Z'’\-]+|[A-Z]{2,}|"
    + _JOINED_INITIALS + r")" + _NAME_REST)


def _first_letter_name() -> re.Pattern[str]:
    """:data:`_NAME` with its first capital taken first: a pattern that opens with a set of
    characters lets the engine skip to the next capital letter instead of trying every
    position. The same matches: each branch of the abbreviated title (in the same order)
    looks back at the capital it starts with."""
    by_first: dict[str, list[str]] = {}
    for abbr in _ABBREVIATIONS:
        by_first.setdefault(abbr[0], []).append(re.escape(abbr[1:]))
    word = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]{2,})"
    titled = "|".join(f"(?<={first})(?:{'|'.join(tails)})\\. {word}"
                      for first, tails in by_first.items())
    return re.compile(r"[A-Z](?<![\w'’].)(?:" + titled + r"|[a-zA-Z'’\-]+|[A-Z]+"
                      + r"|\.(?:[A-Z]\.){1,2}(?= [A-Z]))" + _NAME_REST)


_NAME_FAST = _first_letter_name()


def name_matches(text: str) -> list[re.Match[str]]:
    """The capitalised runs :data:`_NAME` finds in ``text`` (the same spans and text).

    >>> [m.group(0) for m in name_matches("Mr. Jane Doe met Sen. Al Smith of the UK.")]
    ['Mr. Jane Doe', 'Sen. Al Smith of the UK']
    """
    return list(_NAME_FAST.finditer(text))


#: Honorifics that address a man and a woman.
HONORIFICS = (frozenset({"mr", "sir", "lord"}), frozenset({"mrs", "ms", "miss", "dame", "lady"}))


def honorific_sex(titles: set[str] | frozenset[str]) -> str:
    """"m" or "f" when the titles seen with a name address a man or a woman, "" when they
    say neither (or both).

    >>> honorific_sex({"mrs"}), honorific_sex({"mr", "president"}), honorific_sex({"sen"})
    ('f', 'm', '')
    """
    man, woman = bool(titles & HONORIFICS[0]), bool(titles & HONORIFICS[1])
    return "m" if man and not woman else "f" if woman and not man else ""


def _sex_of(entry: tuple[int, str, set[str]]) -> str:
    """The sex a remembered name says: by the honorific it was written with ("Mrs. Jane
    Doe"), else by its first name in the census lists (:func:`analysis.actors.
    given_name_sex`: "Bill" m, "Hillary" f), else ""."""
    from analysis.actors import given_name_sex

    _, name, titles = entry
    return honorific_sex(titles) or (given_name_sex(name.split()[0]) if " " in name else "")


#: Possessive determiners that open a relative's aside.
_POSSESSIVE_DETERMINERS = ("his", "her", "their", "its", "whose", "my", "our")
#: A possessive, up to two words and a noun, then a comma and up to two lower-case words
#: (a title's "former"), right before a name: "her son,", "whose husband,", "the couple's
#: daughter", "her husband, former", "his Spanish-sounding name,".
_RELATIVE_BEFORE = re.compile(r"(?:\b(?:" + "|".join(_POSSESSIVE_DETERMINERS) + r")|['’]s)\s+"
                              r"(?:[A-Za-z-]+\s+){0,2}([a-z]+),?\s+(?:[a-z-]+\s+){0,2}$")
#: What :data:`_RELATIVE_BEFORE` opens with, as plain text, for a quick test first.
_POSSESSIVE_WORDS = tuple(f"{w} " for w in (*_POSSESSIVE_DETERMINERS, "'s", "’s"))


def relative_aside(text: str, pos: int) -> bool:
    """Whether the name at ``text[pos:]`` stands as an aside naming someone's relative,
    associate or other name: a possessive and a person's noun (or "name") right before it
    ("her son, Humayun Khan", "his father, Brent Bozell, Jr.", "the candidate's wife
    Melania Trump", "his name, Rafael Edward Cruz"; not "In a statement, Jane Doe").

    >>> relative_aside("She spoke of her son, Sam Hale, who died.", 22)
    True
    >>> relative_aside("In a statement, Sam Hale said so.", 16)
    False
    """
    window = text[max(0, pos - 60):pos]
    if not any(word in window for word in _POSSESSIVE_WORDS):
        return False            # no possessive near: most names (a quick test first)
    before = _RELATIVE_BEFORE.search(window)
    return before is not None and (before.group(1) in person_nouns()
                                   or before.group(1) == "name")


def _last_name(name: str) -> str:
    """The surname ``_Names`` indexes a name by: its last word, a suffix set aside."""
    parts = name.split()
    if len(parts) > 2 and _NAME_SUFFIX.fullmatch(parts[-1]):
        parts = parts[:-1]
    return parts[-1] if parts else ""


@dataclass
class _Names:
    """Simple name-form merging for names not in the actor table: 'Mr Falter' is the
    'Gideon Falter' seen earlier; an acronym in brackets after a name is its alias."""

    full: list[tuple[int, str, set[str]]] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)

    _latest: dict[str, int] = field(default_factory=dict, repr=False)
    _first: dict[str, int] = field(default_factory=dict, repr=False)
    _mentions: dict[str, int] = field(default_factory=dict, repr=False)
    surnames: set[str] = field(default_factory=set, repr=False)
    #: The article's text, where a full name met as a relative's aside ("her son, Humayun
    #: Khan,") is told from one that takes over a surname (:meth:`_sync`).
    text: str = field(default="", repr=False)
    _seen: int = field(default=0, repr=False)

    def _sync(self) -> None:
        """Index the names added to ``full`` since the last lookup (by last and by first
        word; a later name wins, as the most recent mention does, unless it is named once
        only after another of its surname named more often)."""
        for i in range(self._seen, len(self.full)):
            parts = self.full[i][1].split()
            if not parts:
                continue
            if len(parts) > 2 and _NAME_SUFFIX.fullmatch(parts[-1]):
                parts = parts[:-1]            # "Joseph Biden Jr": the surname is Biden
            self._first[parts[0]] = i
            # the latest person of a surname, unless named once only after another of
            # that surname named more often ("Dorothy Woods, whose husband, Navy SEAL Ty
            # Woods, ...": a later "Woods" is still Dorothy Woods)
            name = self.full[i][1]
            self._mentions[name] = self._mentions.get(name, 0) + 1
            previous = self._latest.get(parts[-1])
            # nor a name met only as a relative's aside ("Ms. Khan said ... her son,
            # Humayun Khan. ... Ms. Khan wrote": still Ms. Khan)
            if previous is None or len(parts) < 2 or self._mentions[name] >= 2 or \
                    self._mentions.get(self.full[previous][1], 0) < 2 and \
                    not relative_aside(self.text, self.full[i][0]):
                self._latest[parts[-1]] = i
            if len(parts) >= 2:
                self.surnames.add(parts[-1])
        self._seen = len(self.full)

    def canonical(self, form: str, pos: int) -> tuple[str, str]:
        """(canonical name, class) of a capitalised name ``form`` met at ``pos``: a person's
        full name is remembered, so a later surname alone resolves to it; ("", "unknown")
        for a form that names nobody.

        >>> names = _Names()
        >>> names.canonical("Police Chief David Moore", 0), names.canonical("Moore", 40)
        (('David Moore', 'person'), ('David Moore', 'person'))
        """
        kind, name, titles = _name_shape(form)
        if kind == "none":
            return "", "unknown"
        if kind == "acronym":
            return self.acronyms.get(name, form), "org"
        if kind == "org":
            return name, "org"
        if kind in ("single", "place"):
            # a place is read as a surname or first name named before ("Jordan" after "Jim
            # Jordan"), else it names nobody (unless it speaks: the caller's call)
            self._sync()
            # a surname first ("Smith" is John Smith even after "Smith Hall"), else a
            # first name
            i = self._latest.get(name, self._first.get(name))
            sex = honorific_sex(titles)
            if i is not None and sex and _sex_of(self.full[i]) not in ("", sex):
                # "Mrs. Clinton" after "Bill Clinton" is not he: the latest person of that
                # surname who may be she, else one the text names by surname alone
                i = next((k for k in range(i - 1, -1, -1)
                          if _last_name(self.full[k][1]) == name
                          and _sex_of(self.full[k]) in ("", sex)), None)
                if i is None:
                    self.full.append((pos, name, set(titles)))
                    return name, "person"
            if i is not None:
                return self.full[i][1], "person"
            if titles:
                self.full.append((pos, name, set(titles)))
                return name, "person"
            return "", "unknown"
        parts = name.split()
        if len(parts) == 2 and not _given_name(parts[0]):
            # "Huckabee Sanders" after "Sarah Huckabee Sanders": the end of a longer name
            longer = next((entry[1] for entry in reversed(self.full)
                           if entry[1].endswith(" " + name)), None)
            if longer is not None:
                name = longer
        self.full.append((pos, name, set(titles)))
        return name, "person"

    def sex_of(self, name: str) -> str:
        """"m" or "f" when the titles seen with ``name`` or its census first name say so,
        else "".

        >>> names = _Names()
        >>> _ = names.canonical("Mrs. Jane Doe", 0), names.canonical("Chris Roe", 20)
        >>> names.sex_of("Jane Doe"), names.sex_of("Chris Roe"), names.sex_of("Bill Poe")
        ('f', '', 'm')
        """
        entry = next((e for e in reversed(self.full) if e[1] == name), None)
        return _sex_of(entry if entry is not None else (0, name, set()))

    def known_surname(self, token: str) -> bool:
        """Whether ``token`` is the last word of a two-word-or-longer name seen so far.

        >>> names = _Names()
        >>> names.canonical("Jane Doe", 0)
        ('Jane Doe', 'person')
        >>> names.known_surname("Doe"), names.known_surname("Smith")
        (True, False)
        """
        self._sync()
        return token in self.surnames

    def by_title(self, title: str) -> str:
        """The latest person named with ``title`` ("the senator" after "Sen. Jane Doe"),
        abbreviations and their full words counted as one title; "" when none.

        >>> names = _Names()
        >>> _ = names.canonical("Sen. Jane Doe", 0)
        >>> names.by_title("senator"), names.by_title("governor")
        ('Jane Doe', '')
        """
        forms = _TITLE_FORMS.get(title, {title})
        for _, name, titles in reversed(self.full):
            if forms & titles:
                return name
        return ""


#: Abbreviated and full forms of one title ("Sen. Doe" is "the senator").
_TITLE_FORMS = {full: {abbr, full} for abbr, full in (
    ("sen", "senator"), ("rep", "representative"), ("gov", "governor"), ("gen", "general"),
    ("prof", "professor"), ("rev", "reverend"), ("capt", "captain"), ("sgt", "sergeant"),
    ("supt", "superintendent"), ("insp", "inspector"), ("det", "detective"),
    ("dr", "doctor"))}
_TITLE_FORMS["congressman"] = _TITLE_FORMS["congresswoman"] = {"rep", "representative"}
_TITLE_FORMS["commander-in-chief"] = {"president"}     # "the commander-in-chief wrote"
_TITLE_FORMS["pontiff"] = {"pope"}                      # "the pontiff said"
# "Prince Harry, the Duke of Sussex, ... the duke said": a royal duke is a prince
_TITLE_FORMS["duke"] = {"duke", "prince"}
_TITLE_FORMS["duchess"] = {"duchess", "princess"}

#: A plural people noun ("Londoners", "Muslims", "Republicans") and an adjective of
#: nation, faith or party before it ("Jewish", "British", "Mexican"): a group, not a
#: person; "Ruth Akers" and "Tim Rogers" are people.
_GROUP_NOUN = re.compile(r"(?:ish|ese|ians?|ers|ists|ans|ites|ims|ics|ats|ews)$")
_GROUP_ADJECTIVE = re.compile(r"(?:ish|ese|ian|can|ic|ern|ean|ani|i|ch)$")

_PARTICLES = {"van", "von", "der", "de", "da", "la", "le", "bin"}


#: A possessive ending a name: "Hillary Clinton's", "the FBI’s", "Bernie Sanders’".
_POSSESSIVE_END = re.compile(r"(?<=\w)['’]s$|(?<=s)['’]$")

#: An organisation's name has at most this many words ("U.S. Department of Health and
#: Human Services" has seven); a longer capitalised run is a title-case headline or title.
MAX_ORG_WORDS = 8


@lru_cache(maxsize=65536)
def _headline_verb(word: str) -> bool:
    """A capitalised present or past verb ("Sees", "Says", "Slammed"): in a capitalised
    run, a headline's verb, not part of a name."""
    return word[:1].isupper() and is_finite_verb(word)


#: Honorifics before a surname, which may then be a title word ("Mr. King", "Sen. King").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sen", "rep", "gov"})
#: Offices a speaker addresses with an honorific ("Mr. President", "Madam Speaker"): after
#: one they are no surname, unlike "Mr. King" or "Dr. Judge".
_OFFICES_ADDRESSED = frozenset({"president", "chairman", "chairwoman", "chair", "speaker",
                                "secretary", "mayor", "minister", "governor", "senator",
                                "commissioner", "leader", "chancellor", "prime", "vice",
                                "deputy", "ambassador", "attorney", "general", "justice"})
#: Titles a monarch, a royal or a pope is named by, with a given name ("Pope Francis"), and
#: the number of a reign after it ("King Charles III").
_REGNAL_TITLES = frozenset({"king", "queen", "prince", "princess", "pope"})
_REGNAL_NUMBER = re.compile(r"[IVX]{1,5}")
_NAME_SUFFIX = re.compile(r"(?:" + "|".join(NAME_SUFFIXES) + r")\.?")
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday"})
#: A capitalised run opening with one of these words and naming a day, month or season
#: ("Last April", "Next Tuesday", "Early Spring") is a time, not a name.
_TIME_OPENERS = frozenset({"last", "next", "early", "late", "mid", "this", "that"})
_TIME_NAMES = _WEEKDAYS | frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "spring", "summer", "autumn", "fall", "winter"})


#: Months that are also given names ("April Ryan", "June Carter"); "May" has its own rule.
_MONTH_NAMES = frozenset({"april", "june", "august"})
#: Words before a month that make it a date ("in April", "since June", "the August heat").
_BEFORE_A_DATE = _TIME_OPENERS | frozenset({
    "in", "on", "since", "by", "until", "till", "from", "of", "through", "during", "before",
    "after", "between", "and", "to", "the", "a", "an", "each", "every"})


def month_as_given_name(text: str, start: int, words: list[str]) -> bool:
    """Whether the month opening the capitalised run ``words`` at ``text[start:]`` is a
    person's given name: followed by another capitalised word, and not after a word that
    makes it a date.

    >>> t = "April Mellody, a spokeswoman, said it. In April Jane Doe said it."
    >>> month_as_given_name(t, 0, ["April", "Mellody"])
    True
    >>> month_as_given_name(t, t.index("April Jane"), ["April", "Jane", "Doe"])
    False
    """
    if len(words) < 2 or words[0].casefold() not in _MONTH_NAMES:
        return False
    before = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 20):start])
    return not (before and before.group(1).casefold() in _BEFORE_A_DATE)


def _given_name(word: str) -> bool:
    """Whether a capitalised word is a first name of the census lists
    (:func:`analysis.actors.given_names`; accents folded: "José" is "Jose")."""
    from analysis.actors import given_names
    from analysis.attribution.letters import fold_letters

    return fold_letters(word).casefold() in given_names()


@lru_cache(maxsize=1)
def actor_type_words() -> dict[str, str]:
    """Title and body words that give an actor's type (``analysis/data/
    actor_type_words.csv``), in the file's order: word -> type (``none`` for a word that
    ends an event's or a document's name).

    >>> actor_type_words()["activist"], actor_type_words()["summit"]
    ('campaign group', 'none')
    """
    import csv

    with _data_path("actor_type_words.csv").open(encoding="utf-8", newline="") as handle:
        return {r["word"].strip().casefold(): r["type"].strip() for r in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def _event_words() -> frozenset[str]:
    """Last words of the name of an event or a document, not of a person ("Summit",
    "Agreement", "Act", "Report": the words of type ``none`` of :func:`actor_type_words`)."""
    return frozenset(w for w, kind in actor_type_words().items() if kind == "none")


#: Of :func:`_event_words`, those whose name may speak: a report and its publisher.
_REPORT_WORDS = frozenset({"report", "assessment"})
#: Words after a state or country that name a place in it: "New York City", "Iowa State".
_PLACE_NOUNS = frozenset({"city", "county", "state", "province", "island", "islands", "valley",
                          "bay", "coast", "peninsula"})
#: Words for a share of a group: "Half of Vermont Democrats", "Most of the Senate".
_SHARE_WORDS = frozenset({"half", "most", "many", "some", "all", "none", "one", "two", "three",
                          "majority", "minority", "third", "quarter", "rest", "both", "each",
                          "several", "few"})
#: Words that open the name of a storm: "Hurricane Maria", "Tropical Storm Ana".
_STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "tropical", "superstorm"})
#: The last possessive inside a capitalised run, and the space after it.
_INNER_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])(?!.*['’]s\s+[A-Z])")
#: Brill's tags of the words a body's name is made of ("Black Lives Matter", "World War
#: Two", "United States Special Operations Command"), not an adverb or a finite verb.
_BODY_NAME_TAG = re.compile(r"NN|JJ|CD$|VB[NG]?$")


def common_words_name(words: list[str]) -> bool:
    """Whether a capitalised run is made of common nouns and adjectives (Brill's lexicon)
    and holds no census first name: a body's name or a headline's words, never a
    person's ("Black Lives Matter", "Minimum Wage Hike"; not "Republican Jeb Bush").

    >>> common_words_name(["Black", "Lives", "Matter"]), common_words_name(["Jeb", "Bush"])
    (True, False)
    """
    return not any(_given_name(w) for w in words) and all(
        _BODY_NAME_TAG.match(lexicon_tags().get(w.casefold(), "")) for w in words)


def _without_the(form: str) -> str:
    """A body's name without the article it was met with: "The Met" -> "Met"."""
    return form[4:] if form.startswith("The ") else form


@lru_cache(maxsize=65536)
def _name_shape(form: str) -> tuple[str, str, frozenset[str]]:
    """What a capitalised run says by its form alone: ("full", name, titles) for a person's
    full name, ("single", surname, titles), ("org", name, ∅), ("acronym", form, ∅) (an
    organisation unless an acronym in brackets said otherwise) or ("none", "", ∅).

    >>> _name_shape("Police Chief David Moore")
    ('full', 'David Moore', frozenset({'chief'}))
    >>> _name_shape("Mr Falter")[:2], _name_shape("Home Office")[:2]
    (('single', 'Falter'), ('org', 'Home Office'))
    >>> _name_shape("Council Says The Harbour Wall Will Be Rebuilt By The Spring")[0]
    'none'
    >>> _name_shape("Obama Sees Personal Insult")
    ('single', 'Obama', frozenset())
    >>> _name_shape("Democrat Nancy Pelosi")[1], _name_shape("Sarah Huckabee Sanders")[1]
    ('Nancy Pelosi', 'Sarah Huckabee Sanders')
    >>> _name_shape("Vice President Joseph R. Biden Jr")[1], _name_shape("Ann Lee Tuesday")[1]
    ('Joseph Biden Jr', 'Ann Lee')
    >>> _name_shape("Mr. King")[:2], _name_shape("Mr. President")[0]  # an address, no name
    (('single', 'King'), 'org')

    A pure function of ``form`` (the word lists are constants), so each form met is worked
    out once (a corpus names the same people again and again): the answer is a tuple of
    strings and a frozenset, which no caller can change.
    """
    # initials are no part of the name kept, nor is a weekday after it ("Peter Courtney
    # Tuesday"); a suffix ("Jr", "Sr.", "III") is kept after the name, not counted in it
    none = ("none", "", frozenset())
    if " " in form:
        # "Hillary Clinton's" names Hillary Clinton; a lone "Clinton's" stays no name (a
        # possessive surname alone is seldom the one who speaks: "Clinton's aides said")
        form = _POSSESSIVE_END.sub("", form)
        inner = _INNER_POSSESSIVE.search(form)
        owned = re.sub(r"[.,]", "", form[inner.end():]).split() if inner is not None else []
        if inner is not None and not _given_name(form[:inner.start()].split()[-1]) and \
                not (len(owned) > 1 and common_words_name(owned)):
            # "Brazil's Bolsonaro", "NRDC's David Doniger", "BBC's Environment Correspondent
            # Matt McGrath": the person named after the owner's ("Martha's Vineyard",
            # "Women's March", "Trump's Economic Policy Could Backfire" are left whole)
            after = _name_shape(form[inner.end():])
            if after[0] == "single" and (after[1].casefold() not in lexicon_tags()
                                         # "Green Party's Stein": a body's person
                                         or form[:inner.start()].split()[-1].casefold()
                                         in _BODY_WORDS) or \
                    after[0] == "full" and (after[2] or _given_name(after[1].split()[0])
                                            or after[1].split()[0].casefold()
                                            not in lexicon_tags()):
                return after         # (not a headline's "Media's Claim Clinton Talks")
    words: list[str] = []
    for w in form.split():
        if re.fullmatch(r"[A-Z]\.", w) or _JOINED_WORD.fullmatch(w) and any(
                x[:1].isupper() and x.casefold().strip(".") not in _TITLES for x in words):
            continue           # "Donald J. Trump", "George H.W. Bush": no initials kept
        words.append(w)        # "J.J. MacNab": the initials are the given name
    if len(words) > 1 and words[0].casefold() in _TIME_OPENERS and any(
            w.casefold().rstrip(",.") in _TIME_NAMES for w in words[1:]):
        return none                        # "Last April", "Next Tuesday": a time
    while len(words) > 1 and words[-1].casefold().rstrip(",.") in _WEEKDAYS:
        words.pop()
    if len(words) > 1 and words[-1] in ("Day", "Eve", "Time") and (
            not _given_name(words[0]) or any(w.endswith(("'s", "’s")) for w in words)):
        return none      # "Election Day", "New Year's Eve", "Eastern Standard Time": a date
    if "of" in words[2:]:
        # "Rep. Raúl Grijalva of Arizona", "Jane Doe of Human Rights Watch": a person from a
        # place or a body, when what comes before "of" is a person's name by its form (a
        # title, or a census first name; "Bank of America" stays an organisation)
        cut = words.index("of", 2)
        head = _name_shape(" ".join(words[:cut]))
        place = [w.casefold() for w in words[cut + 1:]]
        if head[0] in ("full", "single") and (head[2] or _given_name(head[1].split()[0])) \
                and place:
            return head
        if head[0] == "full" and cut == 2 and head[1] == " ".join(words[:2]) and \
                not _GROUP_NOUN.search(words[0]) and \
                _name_shape(" ".join(words[cut + 1:]))[0] in ("org", "full"):
            # "Meenakshi Ganguly of Human Rights Watch", "Arjun Patel of Amnesty
            # International": two names, then a body's name of two or more words
            return head
        tail = _name_shape(" ".join(words[cut + 1:]))
        titles = frozenset(w.casefold().strip(".") for w in words[:cut]) & _TITLES
        if tail[0] == "full" and titles and _given_name(tail[1].split()[0]):
            # "White House Chief of Staff Denis McDonough": a title with "of" in it
            # ("Chief of Staff") before a first name and a surname
            return ("full", tail[1], tail[2] | titles)
    place = place_name(" ".join(words))
    if place:
        return ("place", place, frozenset())   # "the United States", "Britain"
    if len(words) > 1 and words[-1].casefold() in _PLACE_NOUNS and \
            place_name(" ".join(words[:-1])):
        return ("place", " ".join(words), frozenset())   # "New York City", "Iowa State"
    if words and words[0].casefold() in _STORM_WORDS:
        return none                        # "Hurricane Maria", "Tropical Storm Ana"
    if len(words) > 1 and words[-1] == "Today" and words[-2][:1].isupper():
        return ("org", _without_the(" ".join(words)), frozenset())   # "USA Today"
    suffix = ""
    if len(words) > 2 and (_NAME_SUFFIX.fullmatch(words[-1]) or _REGNAL_NUMBER.fullmatch(
            words[-1]) and words[-3].casefold() in _REGNAL_TITLES):
        suffix = " " + words.pop()         # "Jr", "III", and "Pope Benedict XVI"'s "XVI"
    # A title-case headline's verb ends the name: "Obama Sees Personal Insult" -> Obama.
    verb = next((i for i, w in enumerate(words[1:], 1) if _headline_verb(w)), None)
    if verb is not None and all(w.isupper() for w in words):
        return none                        # a headline in capitals: "GREEN GROUPS SLAM PLAN"
    if verb is not None:
        form = " ".join(words[:verb])      # the name the headline's verb follows
    words = words[:verb]
    if not words:
        return none
    if len(words) > 1 and words[-1].casefold() in _event_words() and \
            not _given_name(words[0]):
        # "Paris Agreement", "Crime Bill": an event or a document, never "he", "she" or
        # "it"; a report may speak, as its publisher ("the Drudge Report said")
        return ("org", _without_the(form), frozenset()) if \
            words[-1].casefold() in _REPORT_WORDS else none
    low = [w.casefold().strip(".").replace("’s", "").replace("'s", "") for w in words]
    if low[-1] in _AFFILIATIONS or low[-1] == "american" and len(low) > 1 and \
            low[-2].endswith("an"):
        # "a New Hampshire Republican", "Mexican American journalists": a description
        return none
    # a person's name ends in two or three plain capitalised words (particles allowed):
    # "Police Chief David Moore" -> David Moore, "Mayor of London Sadiq Khan" -> Sadiq Khan
    k = len(words)
    # a title word after a first name is a surname: "Peter King", "Billie Jean King"
    # ("Mr. King", "Sen. King": after an honorific too)
    surname_title = len(words) >= 2 and low[-1] in _TITLES and (
        _given_name(words[-2]) or low[-2] in _HONORIFICS and low[-1] not in _OFFICES_ADDRESSED)
    while k > 0 and (words[k - 1][:1].isupper() and low[k - 1] not in _BODY_WORDS
                     and (low[k - 1] not in _TITLES or surname_title and k == len(words))
                     and (low[k - 1] not in _FUNCTION_WORDS
                          # "Will Doyle", "May Smith": a given name before a surname
                          # ("Theresa May", "Mrs May": a surname after a given name or a
                          # title)
                          or low[k - 1] in ("will", "may")
                          and (k == 1 and len(words) == 2
                               or k == len(words) >= 2
                               and (_given_name(words[k - 2]) or low[k - 2] in _TITLES)))
                     and low[k - 1] not in {"against", "for", "the", "of"}
                     and (not words[k - 1].isupper() or _JOINED_WORD.fullmatch(words[k - 1]))
                     or low[k - 1] in _PARTICLES):
        k -= 1
    core = words[k:]
    while core and core[0].casefold() in _PARTICLES - {"bin"}:
        core = core[1:]
    titles = frozenset(w for w in low[:k] if w in _TITLES)
    named = len(core) >= 2 and (not any(w in _BODY_WORDS for w in low[:k])
                                or low[k - 1] in _TITLES
                                # "House Speaker Paul Ryan", "Senate Minority Whip Dick
                                # Durbin": a first name after an office's words
                                or len(core) > 2 and any(_given_name(w) for w in core[1:-1]))
    connective = any(w in {"against", "for", "of", "and", "the", "on"} for w in low[1:])
    if connective and named and not titles and not any(_given_name(w) for w in core) and \
            low[0] not in _SHARE_WORDS:
        # "Centers for Disease Control": a body, not "Disease Control" ("Half of Vermont
        # Democrats" stays a share of a group)
        named = False
    if not named and (any(w in _BODY_WORDS for w in low) or connective
                      or (k and low[k - 1] in _BODY_WORDS and not titles)) or not core:
        if len(words) == 1 and words[0].isupper():
            if lexicon_tags().get(low[0]) == "MD":
                return none    # a modal in capitals for stress ("they COULD be"), no body
            return ("acronym", words[0], frozenset())
        if len(words) == 1 or len(words) > MAX_ORG_WORDS:
            return none                    # a title-case headline is no organisation
        if low[-1] in _FUNCTION_WORDS - {"may", "will"} or is_finite_verb(low[-1]):
            # no name ends in "are", "as" or a verb ("Theresa May" and "Will" are names):
            # a headline cut short ("Most Signatories Are")
            return none
        return ("org", _without_the(form), frozenset())
    if not titles and _GROUP_NOUN.search(core[-1]) and (
            len(core) == 1 and not core[-1].endswith("ers")
            or len(core) > 1 and _GROUP_ADJECTIVE.search(core[0])
            and not _given_name(core[0])):
        # Jewish Londoners, British Muslims: groups ("Rich Sanders", "Giovanni Maria
        # Vian" open with a census first name: people)
        return none
    plain = [w for w in core if w.casefold() not in _PARTICLES]
    if len(plain) > 2 and common_words_name(plain):
        # "Black Lives Matter", "Tea Party Patriots": common nouns and adjectives and no first
        # name, so a body's name, not "Democrat Nancy Pelosi", "Republican Jeb Bush" or a
        # headline's "Fully Supported One"
        return ("org", _without_the(form), frozenset())
    if len(plain) > 2:
        # "Democrat Nancy Pelosi" -> Nancy Pelosi: the name opens at its first given name
        # and keeps three words ("Sarah Huckabee Sanders", "Democrat Hillary Rodham
        # Clinton"), or more where given names fill all but the last two ("Jorge Antonio
        # Villasenor Llamas"); with no given name, the last two words
        first = next((i for i, w in enumerate(plain[:-1]) if _given_name(w)), None)
        if first is None or len(plain) - first > 3 and not all(
                _given_name(w) for w in plain[first:-2]) or first > 0 and \
                len(plain) - first == 3 and plain[first + 1].casefold() in lexicon_tags() \
                and not _given_name(plain[first + 1]):
            # (after other words, a middle name is no common word: "Rand Paul Scores
            # Direct" is a headline's; "Kathleen Hall Jamieson" keeps "Hall")
            first = len(plain) - 2
        core = core[core.index(plain[first]):]
    if len(core) == 1 and k and low[k - 1] in _REGNAL_TITLES and _given_name(core[0]):
        # "Pope Francis", "Prince Harry", "King Charles III": a monarch or a pope is named
        # by the title and a given name, which is no surname ("Prince Alwaleed" stays the
        # surname-like form that joins "Alwaleed Bin Talal")
        return ("full", f"{words[k - 1].capitalize()} {core[0]}{suffix}", titles)
    if len(core) == 1:
        return ("single", core[0], titles)
    return ("full", " ".join(core) + suffix, titles)
