"""Reported clauses: the words after a speech verb that report what was said ("Smith said
the plan would fail"). Which words may open one, whether it holds a verb in a tense, which
times and settings stand between the verb and the clause, and where the clause ends. The
extractor (:mod:`analysis.attribution.extract`) reads reported speech with these rules;
they were developed on PolNeAR's training split (see the README's accuracy section).

>>> _has_finite("the new rules undermine the council".split())
True
>>> c = "the budget is too small, and he voted against it"
>>> c[:_clause_end(c)]
'the budget is too small'
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.attribution.speakers import (
    _DETERMINERS,
    _FUNCTION_WORDS,
    _ORG_WORDS,
    _QUANTIFIERS,
    _speaker_nouns,
)
from analysis.attribution.verbs import prefix_tree
from analysis.english import lexicon_tags

#: A finite verb: an auxiliary in any case, or a lower-case past form (a capitalised word
#: ending in -ed is a name: "Ted", "Reed").
#: (Only whether it matches is read. The -ed words are taken whole, then checked for their
#: ending, instead of trying every shorter stem; the auxiliaries form a prefix tree.)
_AUXILIARIES = ("was", "were", "is", "are", "am", "had", "has", "have", "would", "will", "could",
                "can", "must", "should", "might", "may", "did", "does", "do", "shall", "need",
                "needs", "want", "wants")
_FINITE = re.compile(
    r"\b(?:[a-z]++(?<=[a-z]ed)|(?i:" + prefix_tree(sorted(_AUXILIARIES)) + r"))\b")
#: A time right after a speech verb ("on Tuesday", "last week", "this morning", "yesterday",
#: "publicly"; "this is" is no time).
_TIME_ADVERBIAL = re.compile(
    r"\s*(?:(?:on|last|this|next|earlier|later)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|week|weekend|month|year|morning|afternoon|evening|night|spring|summer|fall|"
    r"autumn|winter|time)(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:\s+(?:night|week|month|year|"
    r"morning|afternoon|evening))?|yesterday|today|tonight|earlier|later|previously|"
    r"publicly|privately|repeatedly|again)\b", re.I)
#: A time or a setting between a speech verb and its reported clause, one at a time: a time
#: (:data:`_TIME_ADVERBIAL`, "Wednesday", "Thursday night"), or a setting of lower-case words
#: ("in a statement", "at the rally", "during a television interview"; not "on", which often
#: belongs to the verb: "insist on a justice they can tolerate").
_SETTING_BEFORE_CLAUSE = re.compile(
    r"\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:night|morning|afternoon|"
    r"evening))?\b(?!['’])|(?:in|at|during)\s+(?:a|an|the|his|her|their|its)(?:\s+(?!(?:"
    r"the|a|an|his|her|their|its|he|she|they|it|we|i|you|there|this|that|these|those|which|"
    r"who|with|of|on|in|at|for|to|by|from|about|aboard|before|after|during|and|or|but)\b)"
    r"[a-z][\w'’-]*(?<!ed)){1,3}(?=\s))")


def _settings_end(rest: str) -> int:
    """Where the times and settings right after a speech verb end (at most three of them):
    the reported clause starts there ("said in a statement Thursday night they pulled ...").

    >>> rest = " in a statement Thursday night they pulled the listing"
    >>> rest[_settings_end(rest):]
    ' they pulled the listing'
    >>> rest = " at the rally the plan was dead"
    >>> rest[_settings_end(rest):]
    ' the plan was dead'
    """
    end = 0
    for _ in range(3):
        found = _SETTING_BEFORE_CLAUSE.match(rest, end) or _TIME_ADVERBIAL.match(rest, end)
        if found is None or found.end() == end:
            break
        end = found.end()
    return end


_DETERMINERS_QUANTIFIERS = frozenset(_DETERMINERS | _QUANTIFIERS)
_FUNCTION_OR_WH = frozenset(_FUNCTION_WORDS | {"why", "how", "what", "where"})
#: Auxiliaries and copulas: a phrase holding one before a noun phrase is a clause, not a
#: noun phrase ("it was so unusual to have an agency"); at its end, with only adverbs after
#: it, one belongs to the speech verb ("Comey has said", "the media has always claimed").
_CLAUSE_VERB = re.compile(r"\b(?:is|was|were|are|am|be|been|being|has|have|had|do|does|did|"
                          r"will|would|can|could|may|might|must|shall|should)\b",
                          re.IGNORECASE)
_FIRST_WORD = re.compile(r"\s*([\w'’-]+)")
#: Prepositions inside a speaker's description ("a spokesman for the company").
_SPEAKER_LINKS = frozenset({"of", "for", "at", "from", "in", "on", "with", "to", "and"})
_NAME_WORDS = _DETERMINERS_QUANTIFIERS | _SPEAKER_LINKS
#: A negated or contracted verb ("wasn't", "he'll", "they're").
_SUBJECT_CONTRACTION = r"(?:he|she|it|they|we|i|you|there|that|who)['’](?:s|ll|re|ve|d|m)"
_CONTRACTED_VERB = re.compile(r"(?i)n['’]t$|^" + _SUBJECT_CONTRACTION + "$")
#: A subject pronoun fused with its auxiliary ("he'll", "that's"), as a whole word.
_CONTRACTED_SUBJECT = re.compile(r"(?i)" + _SUBJECT_CONTRACTION)
#: A time or a setting between a speech verb and "that" ("said Tuesday that", "said in an
#: interview that", "wrote last week that"), after which "that" opens the reported clause.
_SETTING = re.compile(r"\s+(?:(?:on|last|this|next|earlier|late|early)\s+)?(?:[A-Z][a-z]+day|"
                      r"week|month|year|night|morning|afternoon|evening|yesterday|today|"
                      r"tonight|earlier|later|again|repeatedly|publicly|privately)"
                      r"|\s+(?:in|at|during|on)\s+(?:a|an|the|his|her|their|its)"
                      r"(?:\s+[\w'’-]+){1,3}")
#: Brill's tags of a verb other than its "-ing" form.
_VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD", "VBN", "MD"})


def _first_word(text: str, start: int) -> str:
    """The word at or after ``start`` (its letters, apostrophes and hyphens); "" at the end.

    >>> _first_word("said that wasn't so", 10)
    "wasn't"
    """
    found = _FIRST_WORD.match(text, start)
    return found.group(1) if found else ""


#: After a comma, what ends a reported clause: a linking adverb ("however"), a comparison,
#: an "-ing" phrase of the main clause (", asserting that ...", ", offering his ...") or a
#: new speech verb (", said one voter").
_AFTER_CLAUSE = re.compile(r",\s+(?:(?:however|compared\s+(?:with|to))\b"
                           r"|(?:said|says|added|adds)\b|(?P<ing>[a-z]+ing)\s+(?P<next>[\w'’]+))")
#: "-ing" words that are no verb of a phrase after a comma.
_NOT_ING_VERBS = frozenset({"including", "according", "during", "something", "nothing",
                            "anything", "everything", "morning", "evening", "spring", "king",
                            "thing", "building", "meeting", "hearing", "ruling", "funding"})
#: Words after an "-ing" word that make it a verb taking an object (", offering his ...").
_OBJECT_OPENERS = frozenset(_DETERMINERS | {"that", "him", "them"})
#: Words that open a new clause's subject after a comma.
_SUBJECT_OPENERS = frozenset({"he", "she", "they", "we", "it", "i", "the", "a", "an", "his",
                              "her", "their"})
#: Relative pronouns that, after a comma once the reported clause has its verb, describe
#: its last noun in the writer's words (", who was his chief of staff at the time").
_TRAILING_RELATIVES = frozenset({"who", "which", "whose"})
#: Relative pronouns: a phrase holding one describes a noun and is no new clause's subject.
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})


def _new_clause_at(words: list[str]) -> bool:
    """Whether ``words`` (what follows a comma) open a clause of their own: a pronoun, a
    short noun phrase or a name, then a verb in a tense (", the man ended up", ", he
    appears", ", Judge Jane Doe proceeded")."""
    if not words:
        return False
    first = words[0]
    low = first.casefold()
    if _PRONOUN_CONTRACTED.match(first):
        return True                             # ", he's", ", there's"
    if low in {"he", "she", "they", "we", "it", "i", "there"}:
        return len(words) > 1 and _verb_word(words[1])
    if low in {"though", "although", "whereas", "and", "but"}:
        return _new_clause_at(words[1:])       # ", though there's still ...", ", and he"
    if low in _SUBJECT_OPENERS or first[:1].isupper():
        for k in range(1, min(4, len(words) - 1) + 1):
            subject = words[k - 1]
            if low not in _SUBJECT_OPENERS and not subject[:1].isupper() or \
                    subject.endswith(",") or subject.casefold() in _RELATIVE_WORDS:
                return False    # a name is capitalised to its last word; ", Arabella, was"
            if _verb_word(words[k]) and words[k][:1].islower():
                return True
    return False


def _clause_end(clause: str) -> int:
    """Where a reported clause that holds a comma ends: before a comma after which the
    sentence goes on with the main clause (:data:`_AFTER_CLAUSE`), or with a new clause of
    its own (:func:`_new_clause_at`) once the clause has its own verb and opens with no
    "if", "when" ... (whose clause the comma closes); ``len(clause)`` otherwise.

    >>> c = "he was nervous to ask, the man ended up in the room, offering his thoughts"
    >>> c[:_clause_end(c)]
    'he was nervous to ask'
    >>> c = "if it rains, the game will be cancelled"
    >>> _clause_end(c) == len(c)
    True
    """
    words = clause.split(maxsplit=1)
    subordinate = bool(words) and words[0].casefold().strip("(") in _SUBORDINATORS
    end = len(clause)
    for found in _AFTER_CLAUSE.finditer(clause):
        ing = found.group("ing")
        if ing is None or ing not in _NOT_ING_VERBS and (
                lexicon_tags().get(ing) == "VBG"
                or found.group("next").casefold() in _OBJECT_OPENERS):
            end = found.start()
            break
    if subordinate:
        return end
    comma = clause.find(",", 0, end)
    while comma >= 0:
        before = clause[:comma].split()
        after = clause[comma + 1:comma + 80].split()
        if _has_finite(before[1:]) and \
                not any(w.casefold() in _SUBORDINATORS for w in before) and \
                (_new_clause_at(after) or after and after[0] in _TRAILING_RELATIVES):
            return comma       # not after "if ...": "that if Mr. Obama opted to, he ..."
        comma = clause.find(",", comma + 1, end)
    return end


def _opens_noun_phrase(word: str) -> bool:
    """Whether a word may open a noun phrase that is a clause's subject: a determiner or
    quantity (not "another", which refers back), a number, a capitalised word that is no
    function word, or a word the lexicon gives as a noun or an adjective ("the", "Democratic",
    "labor"; not "placed", "what").

    >>> [_opens_noun_phrase(w) for w in ("the", "Democratic", "labor", "placed", "what")]
    [True, True, True, False, False]
    """
    low = word.strip(_WORD_EDGES).casefold()
    if low == "another" or low in _FUNCTION_OR_WH and low not in _DETERMINERS_QUANTIFIERS:
        return False
    return low in _DETERMINERS_QUANTIFIERS or word[:1].isdigit() or word[:1].isupper() or \
        lexicon_tags().get(low) in _NOUN_OR_ADJECTIVE_TAGS


_NOUN_OR_ADJECTIVE_TAGS = frozenset({"NN", "NNS", "JJ"})


def _plain_noun_phrase(words: list[str]) -> bool:
    """Whether words make a short noun phrase and nothing more: at most six, opening as a
    noun phrase does, with no verb and no function word but determiners, quantities and
    the prepositions of a description ("the F.B.I.", "some liberal economists", "protest
    organizers in Cleveland"; not "claim is", "improvements of what we").

    >>> _plain_noun_phrase("protest organizers in Cleveland".split())
    True
    >>> _plain_noun_phrase("Podliska's most explosive claim is".split())
    False
    """
    if not 1 <= len(words) <= 6 or not _opens_noun_phrase(words[0]):
        return False
    for w in words:
        low = w.strip(_WORD_EDGES).casefold()
        if _CLAUSE_VERB.fullmatch(low) or low in _FUNCTION_OR_WH and \
                low not in _NAME_WORDS:
            return False
    return True


def _verb_word(word: str) -> bool:
    """A verb in a tense on its own ("wasn't", "is", "would"), not a pronoun and its
    auxiliary ("he'd", "it's"): after "that", it makes "that" the subject.

    >>> _verb_word("wasn't"), _verb_word("he'd"), _verb_word("the")
    (True, False, False)
    """
    return _finite_word(word) and _PRONOUN_CONTRACTED.match(word) is None


#: A pronoun fused with its auxiliary ("he'd", "there's"): a subject, not a verb alone.
_PRONOUN_CONTRACTED = re.compile(r"(?i)(?:he|she|it|they|we|i|you|there|who)['’]")
#: Brill's tags of a verb's base form, and the subjects that make one a present tense.
_BASE_TAGS = frozenset({"VB", "VBP"})
_PLURAL_SUBJECTS = frozenset({"they", "we", "you", "i"})
_SINGULAR_SUBJECTS = frozenset({"he", "she", "it", "who"})
#: Words that may open a reported clause as (part of) its subject, besides determiners:
#: pronouns, quantities ("much of it was", "two dozen supporters are", "more than half").
_CLAUSE_OPENERS = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "there", "all", "both", "when", "if", "too",
    "much", "many", "more", "most", "few", "fewer", "less", "several", "half", "none",
    "nearly", "almost", "roughly", "only", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions"})
#: Speech verbs that take a reported clause but neither a noun nor an "-ing" form as their
#: object: after them a plural noun with its phrase, or an "-ing" phrase, opens the clause's
#: subject ("said details of the plan will ...", "says running for president is tough";
#: unlike "described conditions that were ...", "admitted taking money").
_CLAUSE_ONLY_VERBS = frozenset({"say", "claim", "insist", "argue", "warn", "stress",
                                "maintain", "contend", "assert", "declare", "explain",
                                "reply", "respond", "testify", "counter", "retort"})
#: Prepositions that carry a plural noun's phrase on ("details of", "comments from").
_NOUN_PHRASE_LINKS = frozenset({"of", "from", "for", "in", "on", "about", "at", "with", "by",
                                "like"})
#: Brill's tags of a verb in a tense, and of a past participle (like an "-ed" word, it may be
#: either).
_TENSE_TAGS = frozenset({"VBZ", "VBD", "VBN"})
#: Words that open a clause depending on the one after it ("If the talks fail, ...").
_SUBORDINATORS = frozenset({"if", "when", "whenever", "while", "although", "though", "because",
                            "since", "unless", "once", "until", "as", "after", "before"})
#: Words that open a description of the person just named ("Anna Bell, who runs ...",
#: "Anna Bell, a doctor").
_DESCRIPTION_OPENERS = frozenset({"who", "whose", "whom", "a", "an", "the", "one"})
_WORD_EDGES = ",;:.!?\"'“”‘’()"


def _finite_word(word: str) -> bool:
    """Whether a word of a reported clause is a verb in a tense: "-ed" or an auxiliary
    (:data:`_FINITE`), a negated or contracted one ("wasn't", "he'll"), or a word whose usual
    part of speech is a present or past verb or, like every "-ed" word, a past participle
    ("suspects", "went", "made").

    >>> [_finite_word(w) for w in ("suspects", "made", "wasn't", "he'll", "plan", "the")]
    [True, True, True, True, False, False]
    """
    w = word.strip(_WORD_EDGES)
    return bool(_FINITE.fullmatch(w) or _CONTRACTED_VERB.search(w)) or \
        lexicon_tags().get(w.casefold()) in _TENSE_TAGS


def _described_name(text: str) -> bool:
    """Whether a text after a speech verb is a speaker and a description of them ("said Dr
    Anna Bell, who runs the clinic"), not a reported clause.

    >>> _described_name(" Dr Anna Bell, who runs the clinic."), _described_name(" the plan, he")
    (True, False)
    """
    name, comma, rest = text.partition(",")
    first = _FIRST_WORD.match(rest)
    words = name.split()
    return bool(comma and first and first.group(1).casefold() in _DESCRIPTION_OPENERS
                and words and words[0][:1].isupper() and _named_after_verb(words))


def _has_finite(words: list[str], before: str = "") -> bool:
    """Whether some of ``words`` is a verb in a tense (:func:`_finite_word`).

    >>> _has_finite("The plan".split()), _has_finite("the plan fails".split())
    (False, True)

    A verb's base form right after a plural noun or "they", "we", "you" or "I" is a verb in
    the present tense ("the new rules undermine", "critics argue"), though Brill's lexicon
    gives the form's most frequent use ("undermine" VB, "argue" VBP).

    >>> _has_finite("the rules undermine it".split()), _has_finite("to undermine it".split())
    (True, False)

    ``before`` is the word before ``words`` (a subject the caller has read already):

    >>> _has_finite(["hear", "echoes"]), _has_finite(["hear", "echoes"], before="they")
    (False, True)
    """
    tags = lexicon_tags()
    before = before.strip(_WORD_EDGES).casefold()
    joined = adverb_after_noun = False    # "he and Trump", "the law unfairly"
    for w in words:
        if _finite_word(w):
            return True
        low = w.strip(_WORD_EDGES).casefold()
        tag = tags.get(low)
        if tag in _BASE_TAGS and (before in _PLURAL_SUBJECTS or tags.get(before) == "NNS"
                                  or joined):
            return True
        if tag == "NNS" and adverb_after_noun and low.endswith("s"):
            return True                      # "the law unfairly targets"
        adverb_after_noun = tag == "RB" and tags.get(before) == "NN"
        joined = joined or low == "and"
        # right after a subject pronoun a word the lexicon gives as a noun is its verb
        # ("they support", "he plans", "she fears")
        if (tag == "NN" and before in _PLURAL_SUBJECTS
                or tag == "NNS" and before in _SINGULAR_SUBJECTS) and low.isalpha():
            return True
        if tag != "RB":              # "they only buy": the subject stands before the adverb
            before = low
    return False


def _named_after_verb(words: list[str]) -> bool:
    """Whether the words after a verb, up to a comma, name a speaker ("said Ron DeSantis",
    "said a spokesman for the company"): at most six, opening with a capital or a
    determiner, every word in lower case a determiner, preposition, speaker noun or
    organisation word ("said he expects Obama" is the verb's own clause).

    >>> _named_after_verb("a spokesman for the company".split())
    True
    >>> _named_after_verb("he expects Obama".split()), _named_after_verb(["officials"])
    (False, True)
    """
    if not 1 <= len(words) <= 6:
        return False
    first = words[0].casefold()
    if not (words[0][:1].isupper() or first in _DETERMINERS_QUANTIFIERS
            or first in _speaker_nouns() or first in _ORG_WORDS):
        return False
    return all(w[:1].isupper() or w.casefold() in _NAME_WORDS or w.casefold() in _speaker_nouns()
               or w.casefold() in _ORG_WORDS or w.endswith(("'s", "’s")) for w in words)


@lru_cache(maxsize=1)
def _tail_openers() -> frozenset[str]:
    """The lower-case words that may open the speaker after a tail's verb (", said the
    senator."), built once: determiners, quantifiers, subject pronouns, "police", the
    speaker nouns and the organisation words.

    >>> {"the", "he", "police", "spokesman"} <= _tail_openers(), "denied" in _tail_openers()
    (True, False)
    """
    return frozenset(_DETERMINERS | _QUANTIFIERS | {"he", "she", "they", "it", "police"}
                     | set(_speaker_nouns()) | _ORG_WORDS)
