"""Agency: passive voice, and the passives that hide who did it.

"Officers arrested nine people" names the doer; "Nine people were arrested" does not.
The rules work on words alone (no parser):

* **be/get passive**: a form of *be* or *get*, up to three adverbs or "being"/"been" in
  between, then a past participle (a regular "-ed" word or an irregular one from
  ``analysis/data/framing_participles.csv``). "'re" and "'m" are *be*; a pronoun's "'s"
  ("that's", "it's") may be "has", so it counts only before "been" or when a "by" phrase
  follows. "Used to" is a passive after *be* only when a verb follows ("is used to make
  steel", not "is used to the cold"). A second participle joined by "and"/"or" shares the
  auxiliary ("were arrested and later charged") unless an object follows it ("was elected
  and served two terms");
* **reduced passive**: a past participle right after a noun, without *be* ("the words
  exchanged during the incident", "officers deployed to the march"). Because "-ed" is
  also the simple past ("protesters marched to Whitehall"), it counts only when the noun
  phrase follows a preposition that is not the clause's first word, a preposition or
  "by" follows the participle, and the clause has another verb to be its main verb;
* **not a passive**: a participle that names a feeling or state ("I am worried", "we are
  concerned", ``analysis/data/framing_adjectival_participles.csv``), unless a "by" agent
  follows; and any participle right after a degree word ("very pleased", "so tired"),
  the usual test for an adjective (Quirk et al. 1985, the passive gradient).

The passive has an agent when a "by" phrase follows in the same clause ("was described
by an officer"), unless "by" starts a means ("by releasing the video") or a time
("by Friday").
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.framing._common import (
    body_sentences,
    data_rows,
    get_quotes,
    spans_by_voice,
    words_by_voice,
)

PARTICIPLES_FILE = "framing_participles.csv"
ADJECTIVAL_FILE = "framing_adjectival_participles.csv"
PASSIVE_COLUMNS = ["article_id", "outlet", "sentence_id", "auxiliary", "participle", "passive",
                   "agent", "agentless", "in_quote", "start", "end", "sentence", "form"]

BE = {"am", "is", "are", "was", "were", "be", "been", "being", "wasn", "isn", "aren", "weren"}
GET = {"get", "gets", "got", "gotten", "getting"}
#: Pronouns whose "'s" is "is" or "has", never a possessive ("that's expected", "it's been
#: called"); "'re" and "'m" are always "are" and "am".
_S_PRONOUNS = {"it", "that", "there", "he", "she", "what", "who", "which", "this", "here",
               "where"}
_CONTRACTED_BE = {"'s", "’s", "'re", "’re", "'m", "’m"}
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
#: A "by" phrase naming a measure, or made of numbers alone, is an amount, not a doer
#: ("approved by seven votes", "cut by 10 per cent", "by a narrow margin", "by half");
#: "backed by more than 100 MPs" still names its doers.
_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "billion", "half", "a third", "a quarter", "double",
    "nearly", "almost", "about", "around", "roughly", "some", "up", "more", "less", "far",
    "much", "as", "just", "only", "over", "least",
}
_MEASURES = {
    "vote", "votes", "margin", "majority", "percent", "per", "cent", "%", "point", "points",
    "degree", "degrees", "times", "factor", "fold", "inches", "feet", "metres", "meters",
    "miles", "kilometres", "kilometers", "pounds", "dollars", "euros", "tonnes", "tons",
}
_FRACTION = re.compile(r"(?:one|two|three|a)-(?:half|third|thirds|quarter|quarters|fifth|fifths|"
                       r"tenth|tenths)$", re.IGNORECASE)
_CLAUSE_END = set(",;:.!?()[]\"“”‘’–—…") | {"'"}
#: Words right before a participle that make it an adjective ("very pleased").
_DEGREE = {"very", "so", "too", "quite", "extremely", "increasingly", "more", "most", "less",
           "rather", "deeply", "fairly", "utterly"}
#: Prepositions that can open the noun phrase of a reduced passive ("of people arrested").
_NP_OPENERS = {
    "of", "in", "on", "at", "for", "with", "from", "to", "into", "about", "over", "among",
    "between", "against", "during", "without", "under", "towards", "toward", "by",
    "including", "involving", "regarding", "concerning", "following",
}
#: Words that may follow the participle of a reduced passive.
_REDUCED_NEXT = {
    "by", "during", "in", "on", "at", "to", "from", "after", "for", "outside", "near", "over",
    "with", "under", "against", "into", "across", "through", "before", "inside", "as",
    "onto", "around", "within",
}
_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "my", "your", "some", "many", "several", "any", "no", "each", "every", "other", "such",
}
#: Words that open an object: in a coordination, a participle followed by one is an active
#: verb ("was elected and served two terms").
_OBJECT_START = _DETERMINERS | {
    "him", "them", "us", "me", "you", "it", "$", "£", "€", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
    "millions", "billions"}
_AND_OR = {"and", "or"}
_FUNCTION = (BE | GET | _CONTRACTED_BE | _DETERMINERS | _NP_OPENERS | {
    "i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "who", "whom",
    "which", "what", "and", "or", "but", "nor", "if", "as", "than", "then", "has", "have",
    "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "do", "does", "did", "not", "n't", "'t", "’t", "there", "here", "when", "while",
    "because", "after", "before", "since", "until", "although", "though", "whether",
    "where", "how", "why", "also", "all", "both", "one",
})
#: Words that end a clause for the reduced-passive rule (a new clause may start after them).
_CLAUSE_WORDS = {"and", "but", "or", "that", "which", "who", "whom", "when", "while",
                 "because", "although", "though", "whether", "where", "if", "after",
                 "before", "since", "until"}
_REPORTING = {"said", "says", "say", "told", "tells", "added", "claimed", "insisted",
              "stated", "argued", "warned", "wrote", "explained", "suggested", "reported"}
_FINITE = BE | GET | {"has", "have", "had", "will", "would", "shall", "should", "can",
                      "could", "may", "might", "must", "do", "does", "did"}
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]")


@lru_cache(maxsize=1)
def _participles() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    rows = data_rows(PARTICIPLES_FILE)

    def of(kind: str) -> frozenset[str]:
        return frozenset(r["word"].casefold() for r in rows if r["type"] == kind)

    return (of("irregular"), of("not_participle"), of("intransitive"), of("not_before_to"))


@lru_cache(maxsize=1)
def _adjectival() -> frozenset[str]:
    return frozenset(r["word"].casefold() for r in data_rows(ADJECTIVAL_FILE))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Words and punctuation marks with offsets (contractions kept apart).

    "n't" is split off ("wasn" + "'t"), and so are "'re", "'m" and a pronoun's "'s"
    ("that" + "'s"), so that the auxiliary is seen; a noun's "'s" is a possessive and stays.

    >>> [t for _, _, t in tokens("He wasn't seen, they said.")]
    ['He', 'wasn', "'t", 'seen', ',', 'they', 'said', '.']
    >>> [t for _, _, t in tokens("That's expected, we're told, in Tom's town.")]
    ['That', "'s", 'expected', ',', 'we', "'re", 'told', ',', 'in', "Tom's", 'town', '.']
    """
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        # split "wasn't" into "wasn" + "'t" so the auxiliary and "not" are seen
        low = word.casefold()
        if len(word) > 3 and (low.endswith("n't") or low.endswith("n’t")):
            cut = 2
        elif low[-3:] in {"'re", "’re"} or (low[-2:] in {"'m", "’m"} and low[:-2] == "i") or (
                low[-2:] in {"'s", "’s"} and low[:-2] in _S_PRONOUNS):
            cut = 3 if low[-3:] in {"'re", "’re"} else 2
        else:
            out.append((m.start(), m.end(), word))
            continue
        out.append((m.start(), m.end() - cut, word[:-cut]))
        out.append((m.end() - cut, m.end(), word[-cut:]))
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


def find_passives(text: str, reduced: bool = True) -> list[dict]:
    """Passive constructions in one sentence: auxiliary, participle, passive, agent, span,
    and ``form`` ("be", "get" or "reduced", the last without an auxiliary).

    >>> [(p["passive"], p["agent"]) for p in find_passives("He was stopped by a Met officer.")]
    [('was stopped', 'a Met officer')]
    >>> [(p["passive"], p["agent"]) for p in find_passives("Nine people were arrested.")]
    [('were arrested', None)]
    >>> [(p["passive"], p["agent"]) for p in find_passives("It was approved by seven votes.")]
    [('was approved', None)]
    >>> find_passives("Protesters are set to descend on the city.")
    []
    >>> find_passives("She was happy and is going home. I am worried.")
    []
    >>> [p["passive"] for p in find_passives("He apologised for the words exchanged during it.")]
    ['exchanged']
    """
    toks = tokens(text)
    found = []
    used: set[int] = set()
    adjectival = _adjectival()
    i = 0
    while i < len(toks):
        word = toks[i][2].casefold()
        if word not in BE and word not in GET and word not in _CONTRACTED_BE:
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
        if not _participle_after_auxiliary(toks, j) or (
                word in {"'s", "’s"} and not _passive_after_s(toks, i, j)):
            i += 1
            continue
        agent = _agent(toks, j + 1)
        if _degree_before(toks, i, j) or (cand.casefold() in adjectival and agent is None):
            i = j + 1  # "very pleased", "I am worried": an adjective, not a passive
            continue
        form, auxiliary = "get" if word in GET else "be", toks[i][2]
        found.append({
            "auxiliary": auxiliary, "participle": cand,
            "passive": text[toks[i][0]:toks[j][1]], "agent": agent,
            "start": toks[i][0], "end": toks[j][1], "form": form,
        })
        used.update(range(i, j + 1))
        i = j + 1
        if (m := _coordinated(toks, j, adjectival)):
            # "are minimized and appropriately mitigated": the second shares the auxiliary
            found.append({
                "auxiliary": auxiliary, "participle": toks[m][2],
                "passive": text[toks[j + 2][0]:toks[m][1]], "agent": _agent(toks, m + 1),
                "start": toks[j + 2][0], "end": toks[m][1], "form": form,
            })
            used.update(range(j + 1, m + 1))
            i = m + 1
    if reduced:
        found.extend(_reduced_passives(text, toks, used, adjectival))
        found.sort(key=lambda p: p["start"])
    return found


def _participle_after_auxiliary(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Whether ``toks[j]``, after be/get, is a participle that can head a passive: as
    :func:`is_participle`, but "used to" followed by a verb is a passive ("is used to make
    steel"), while "used to the cold" or "used to living" means accustomed.

    >>> _participle_after_auxiliary(tokens("it is used to make steel"), 2)
    True
    >>> _participle_after_auxiliary(tokens("we are used to the cold"), 2)
    False
    """
    cand = toks[j][2]
    if cand[:1].isupper():  # "was Jewish", "is Ted"
        return False
    nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
    if is_participle(cand, nxt):
        return True
    if cand.casefold() != "used" or nxt.casefold() != "to" or j + 2 >= len(toks):
        return False
    verb = toks[j + 2][2]
    return (verb.isalpha() and verb.islower() and not verb.endswith("ing")
            and verb not in _FUNCTION)


def _passive_after_s(toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Whether a pronoun's "'s" at ``toks[i]`` and the participle at ``toks[j]`` make a
    passive. "'s" is as often "has" as "is" ("she's made mistakes", "he's won", "it's
    happened"), so it counts only before "been" ("it's been called") or when "by" follows
    the participle ("it's sponsored by a charity").

    >>> t = tokens("she's raised the money")
    >>> _passive_after_s(t, 1, 2), _passive_after_s(tokens("that's been called a hoax"), 1, 3)
    (False, True)
    """
    if any(w.casefold() == "been" for _, _, w in toks[i + 1:j]):
        return True
    return j + 1 < len(toks) and toks[j + 1][2].casefold() == "by"


def _object_follows(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Whether an object opens right after ``toks[j]`` (a determiner, a pronoun, a number
    or a currency sign), so that the verb there is active.

    >>> _object_follows(tokens("raised the money"), 0), _object_follows(tokens("raised in"), 0)
    (True, False)
    """
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1][2]
    return nxt.casefold() in _OBJECT_START or nxt[:1].isdigit()


def _coordinated(toks: list[tuple[int, int, str]], j: int, adjectival: frozenset[str],
                 ) -> int:
    """Where a second participle joined to the passive's participle at ``toks[j]`` by
    "and"/"or" (up to two adverbs between) stands, or 0: "are minimized and appropriately
    mitigated". A participle followed by an object is an active verb ("was elected and
    served two terms"); a state participle without a "by" agent is an adjective.

    >>> t = tokens("they were arrested and later charged with theft")
    >>> t[_coordinated(t, 2, frozenset())][2]
    'charged'
    >>> _coordinated(tokens("he was elected and served two terms"), 2, frozenset())
    0
    """
    if j + 2 >= len(toks) or toks[j + 1][2].casefold() not in _AND_OR:
        return 0
    m = j + 2
    while m < len(toks) - 1 and m - j - 2 < 2 and _is_adverb(toks[m][2]) and toks[m][
            2].casefold() not in BE | GET:
        m += 1
    cand = toks[m][2]
    nxt = toks[m + 1][2] if m + 1 < len(toks) else ""
    if (cand[:1].isupper() or cand.casefold() in GET or not is_participle(cand, nxt)
            or _object_follows(toks, m)
            or (cand.casefold() in adjectival and _agent(toks, m + 1) is None)):
        return 0
    return m


def _degree_before(toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Whether a degree word grades the participle ``toks[j]`` (after the auxiliary at
    ``i``), the test for an adjective: "very pleased", or "very politically charged" (a
    degree word, then a domain adverb in -ally); "so badly injured" stays a passive.

    >>> t = tokens("It is very politically charged")
    >>> _degree_before(t, 1, 4), _degree_before(tokens("He was so badly injured"), 1, 4)
    (True, False)
    """
    before = toks[j - 1][2].casefold()
    if before in _DEGREE:
        return True
    return (j - 2 > i and toks[j - 2][2].casefold() in _DEGREE and before.endswith("ally")
            and _is_adverb(before))


def _is_noun_like(word: str) -> bool:
    low = word.casefold()
    return (bool(re.fullmatch(r"[^\W_]+(?:['’\-][^\W_]+)*", word)) and low not in _FUNCTION
            and not _is_adverb(word) and not is_participle(word))


def _clause_has_verb(toks: list[tuple[int, int, str]], lo: int, hi: int) -> bool:
    """Whether tokens ``[lo, hi)`` hold a word that can head a clause (a finite verb)."""
    for _, _, w in toks[lo:hi]:
        low = w.casefold()
        if low in _FINITE or (is_participle(w) and not w[:1].isupper()):
            return True
    return False


def _reduced_passives(text: str, toks: list[tuple[int, int, str]], used: set[int],
                      adjectival: frozenset[str]) -> list[dict]:
    """Participles right after a noun, without be/get ("the words exchanged during ...")."""
    out = []
    for j in range(1, len(toks) - 1):
        cand, nxt = toks[j][2], toks[j + 1][2]
        low = cand.casefold()
        if (j in used or cand[:1].isupper() or low in adjectival
                or nxt.casefold() not in _REDUCED_NEXT or not is_participle(cand, nxt)):
            continue
        # walk back over the noun phrase: up to three content words, then a determiner
        k = j - 1
        content = 0
        while k >= 0 and content < 3 and _is_noun_like(toks[k][2]):
            k -= 1
            content += 1
        if content == 0:
            continue
        if k >= 0 and toks[k][2].casefold() in _DETERMINERS | {"all", "both"}:
            k -= 1
        if k < 0 or toks[k][2].casefold() not in _NP_OPENERS:
            continue
        # the preposition must not open the clause ("In London protesters marched to ...")
        start = k
        while start > 0 and toks[start - 1][2] not in _CLAUSE_END and toks[start - 1][
                2].casefold() not in _CLAUSE_WORDS | _REPORTING:
            start -= 1
        if start == k:
            continue
        end = j + 1
        while end < len(toks) and toks[end][2] not in _CLAUSE_END and toks[end][
                2].casefold() not in _CLAUSE_WORDS:
            end += 1
        # another verb in the clause, before the noun phrase or after the participle's
        # phrase, is the clause's main verb, so the participle is not the simple past
        if not (_clause_has_verb(toks, start, k) or _clause_has_verb(toks, j + 2, end)):
            continue
        out.append({
            "auxiliary": "", "participle": cand, "passive": cand,
            "agent": _agent(toks, j + 1), "start": toks[j][0], "end": toks[j][1],
            "form": "reduced",
        })
    return out


def _agent(toks: list[tuple[int, int, str]], k: int, window: int = 16) -> str | None:
    """The noun phrase after "by" in the same clause, or None."""
    m = k - 1
    while m + 1 < min(len(toks), k + window):
        m += 1
        word = toks[m][2]
        low = word.casefold()
        if word == "," and (skip := _aside(toks, m)):
            m = skip  # ", very quickly, by …": an adverb aside does not end the clause
            continue
        if word in _CLAUSE_END or low in _CLAUSE_WORDS or low in BE or low in GET:
            return None  # a new clause: a "by" there belongs to another verb
        if m > k and not word[:1].isupper() and is_participle(word):
            return None  # "worried about the words used by officers": used's agent
        if low != "by":
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
            if w in _CLAUSE_END or w in ("-", "--") or (  # a spaced hyphen is a dash
                    words and w.casefold() in _AGENT_STOP and not (
                    w[:1].isupper() and words[-1][2][:1].isupper())):
                break  # ... but "Campaign Against Antisemitism" is one name
            words.append(toks[n])
        if not words:
            return None
        lows = [w[2].casefold() for w in words]
        numeric = [w in _NUMBER_WORDS or bool(_FRACTION.match(w)) or w in {"a", "an", "than"}
                   or bool(re.fullmatch(r"\d[\d,.]*%?", w)) for w in lows]
        if any(w in _MEASURES for w in lows) or all(numeric):
            return None  # an amount ("by seven votes", "by a narrow margin"), not a doer
        return _join(toks, words)
    return None


def _aside(toks: list[tuple[int, int, str]], m: int) -> int:
    """Where a comma-enclosed run of one to three adverbs that starts at ``toks[m]``
    ends (its closing comma), when "by" follows it; 0 otherwise.

    >>> t = tokens("was spent, very quickly, by them")
    >>> _aside(t, 2), _aside(tokens("was spent, they said, by them"), 2)
    (5, 0)
    """
    n = m + 1
    while n < len(toks) and n - m <= 3 and _is_adverb(toks[n][2]):
        n += 1
    if n == m + 1 or n + 1 >= len(toks) or toks[n][2] != ",":
        return 0
    return n if toks[n + 1][2].casefold() == "by" else 0


def _join(toks: list[tuple[int, int, str]], words: list[tuple[int, int, str]]) -> str:
    out = words[0][2]
    for prev, cur in zip(words, words[1:], strict=False):
        out += ("" if cur[0] == prev[1] else " ") + cur[2]
    return out


def passives(corpus: pd.DataFrame, quotes: pd.DataFrame | None = None,
             sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per passive construction in the body sentences.

    Columns: article_id, outlet, sentence_id, auxiliary, participle, passive (the words),
    agent (the "by" phrase, None when hidden), agentless, in_quote, start, end, sentence,
    form (be / get / reduced).
    ``quotes`` / ``sentences`` (``extract_quotes`` / ``split_sentences`` output) are
    computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Nine people were arrested. He was stopped by an officer."]})
    >>> passives(c)[["passive", "agentless"]].values.tolist()
    [['were arrested', True], ['was stopped', False]]
    """
    from analysis.attribution import in_spans

    if len(corpus) == 0:
        return _passive_frame([])
    body = body_sentences(corpus, sentences=sentences)
    quoted, _ = spans_by_voice(corpus, quotes)
    rows = []
    for s in body.itertuples(index=False):
        for p in find_passives(s.text):
            start, end = s.start + p["start"], s.start + p["end"]
            rows.append({
                "article_id": s.article_id, "outlet": s.outlet, "sentence_id": s.sentence_id,
                "auxiliary": p["auxiliary"], "participle": p["participle"],
                "passive": p["passive"], "agent": p["agent"],
                "agentless": p["agent"] is None,
                "in_quote": in_spans(quoted.get(s.article_id, []), start, end),
                "start": start, "end": end, "sentence": s.text, "form": p["form"],
            })
    return _passive_frame(rows)


def _passive_frame(rows: list[dict]) -> pd.DataFrame:
    """The passives table with its dtypes even when empty, so ``table[~table.in_quote]``
    filters rows (an empty object column would select columns instead)."""
    frame = pd.DataFrame(rows, columns=PASSIVE_COLUMNS)
    if frame.empty:
        frame = frame.astype({"sentence_id": "int64", "agentless": bool, "in_quote": bool,
                              "start": "int64", "end": "int64"})
    return frame


def passive_summary(corpus: pd.DataFrame, found: pd.DataFrame | None = None,
                    quotes: pd.DataFrame | None = None,
                    sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per outlet: passives per 1,000 words and the share without an agent, narration only.

    Columns: outlet, narration_words, passives, per_1000, agentless, share_agentless,
    quoted_passives (passives inside sources' quotations, left out of the rates).
    ``found`` is :func:`passives` output; ``quotes`` / ``sentences`` are computed once
    when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Nine people were arrested. He was stopped by an officer."]})
    >>> passive_summary(c)[["passives", "agentless", "share_agentless"]].values.tolist()
    [[2.0, 1.0, 0.5]]
    """
    body = body_sentences(corpus, sentences=sentences)
    quotes = get_quotes(corpus, quotes)
    found = passives(corpus, quotes, sentences=sentences) if found is None else found
    quoted, _ = spans_by_voice(corpus, quotes)
    words = words_by_voice(corpus, body, quoted).groupby("outlet")["narration_words"].sum()
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
