"""The extractor: one pass over an article finds its quotations, their speech verbs and
their speakers (see :mod:`analysis.attribution` for the rules)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import pandas as pd

from analysis.actors import find_mentions, is_first_name, load_actors
from analysis.attribution.clauses import (
    _CLAUSE_ONLY_VERBS,
    _CLAUSE_OPENERS,
    _CLAUSE_VERB,
    _CONTRACTED_SUBJECT,
    _DETERMINERS_QUANTIFIERS,
    _FINITE,
    _FIRST_WORD,
    _FUNCTION_OR_WH,
    _NOUN_PHRASE_LINKS,
    _SETTING,
    _SUBORDINATORS,
    _VERB_TAGS,
    _clause_end,
    _described_name,
    _finite_word,
    _first_word,
    _has_finite,
    _named_after_verb,
    _opens_noun_phrase,
    _plain_noun_phrase,
    _settings_end,
    _tail_openers,
    _verb_word,
)
from analysis.attribution.letters import fold_letters, needs_folding, restore_words, word_map
from analysis.attribution.marks import (
    _WORD,
    MARKS,
    _find_quotes,
    _mask,
    _Quote,
    normalise_marks,
)
from analysis.attribution.speakers import (
    _ABBREVIATED,
    _AFFILIATIONS,
    _BE,
    _BODY_WORDS,
    _DETERMINERS,
    _FUNCTION_WORDS,
    _GROUP_NOUN,
    _INNER_POSSESSIVE,
    _NAME_STOP,
    _ORG_WORDS,
    _POSSESSIVE_END,
    _PRONOUNS,
    _QUANTIFIERS,
    _STRIP_TAIL,
    _TITLES,
    _actor_classes,
    _given_name,
    _headline_verb,
    _name_shape,
    _Names,
    _Ref,
    _speaker_nouns,
    actor_type_words,
    honorific_sex,
    month_as_given_name,
    name_matches,
    org_phrase_spans,
    other_given_name,
    place_name,
    ref_word_spans,
)
from analysis.attribution.transcripts import transcript_turns, with_turns
from analysis.attribution.verbs import (
    _INDIRECT_VERBS,
    _LONE_VERBS,
    _present_after_name,
    _verb_index,
    has_case_odd,
    verb_form_spans,
)
from analysis.cleaning import is_heading_in_capitals
from analysis.english import is_finite_verb, lexicon_tags, person_nouns
from analysis.sentences import _shared_sentences, paragraph_spans

QUOTE_COLUMNS = [
    "article_id", "outlet", "quote", "kind", "start", "end", "speaker_mention",
    "speaker_start", "speaker_end", "speaker", "speaker_type", "verb", "verb_text",
    "verb_class", "paragraph_id", "parts", "n_words", "attribution", "clause_start",
    "clause_end",
]

_BOUNDARY = re.compile(
    r"[,;:()\[\]]|\s[-–—]\s|\b(?:in|to|of|from|by|with|at|during|under|for)\s+(?:which|whom)"
    r"(?:\s+(?:point|time|stage|moment))?\b"
    r"|\b(?:where|when|whereas|because|although|though|if|while|that)\b", re.I)
#: A possessive pronoun and at most two lower-case describing words before a speech word,
#: which is then a noun: "his recent claim that", "their repeated warnings that".
_POSSESSOR_BEFORE = re.compile(r"\b(his|her|their|its|His|Her|Their|Its)\s+(?:[a-z-]+\s+){0,2}$")
#: A determiner and a role noun before "from" or "of" and a place or body ("the senator
#: from Vermont", "a spokeswoman of the party"): group 2 is the role noun.
_ROLE_OF_BEFORE = re.compile(r"\s*(?:the|a|an)\s+((?:[a-z-]+\s+){0,2}?)([a-z-]+)\s+"
                             r"(?:from|of)\s+(?:the\s+)?", re.I)
#: Nothing but a determiner (and spaces) before a name: "the GOP presidential candidate".
_DETERMINER_ONLY = re.compile(r"\s*(?:the|a|an)\s+", re.I)


def _spelled_out(text: str) -> list[tuple[int, int, str]]:
    """(start, end, acronym) of each name of three words or more that the acronym in
    brackets after it spells, its capitalised words' initials in order, across "and",
    "for", "of", "on", "the" and "&" ("Institute for Energy Economics and Financial
    Analysis (IEEFA)", "Centers for Disease Control and Prevention (CDC)" is not: C, D, C,
    P).

    >>> t = "a report from the Institute for Energy Economics and Financial Analysis (IEEFA)"
    >>> [t[s:e] for s, e, _ in _spelled_out(t)]
    ['Institute for Energy Economics and Financial Analysis']
    """
    found = []
    for bracket in _ACRONYM_IN_BRACKETS.finditer(text):
        acronym = bracket.group(1)
        words = list(_SPELL_WORD.finditer(text, max(0, bracket.start() - 200), bracket.start()))
        letters, start = "", None
        for w in reversed(words):
            word = w.group(0)
            if word[:1].isupper() and word.casefold() not in _SPELL_CONNECTORS:
                letters = word[0] + letters
                start = w.start()
                if letters == acronym:
                    break
                if not acronym.endswith(letters):
                    break
            elif word.casefold() not in _SPELL_CONNECTORS:
                break
        if letters == acronym and start is not None and len(acronym) >= 3:
            found.append((start, words[-1].end(), acronym))
    return found


def _titled_full_name(form: str) -> bool:
    """Whether a capitalised run is a person's full name, after any titles ("Tom Reyes",
    "Senator Harry Reid"), not a place ("West Yorkshire").

    >>> _titled_full_name("Senator Harry Reid"), _titled_full_name("West Yorkshire")
    (True, False)
    """
    words = form.split()
    while len(words) > 2 and words[0].casefold().rstrip(".") in _TITLES:
        words.pop(0)
    return bool(words) and _given_name(words[0]) and _name_shape(" ".join(words))[0] == "full"


#: Titles that open a person's name after a place and a comma ("In Washington, President
#: Obama"): not the adjectives of titles, nor those that open a place's name ("King County").
_PERSON_TITLES = frozenset(_TITLES) - {
    "prime", "home", "foreign", "deputy", "former", "chief", "assistant", "executive",
    "general", "state", "interior", "vice", "shadow", "defence", "defense", "king", "queen",
    "prince", "princess", "father", "lady", "lord", "justice", "chair", "leader"}


def _titled_name(form: str) -> bool:
    """Whether a capitalised run is a person's name by its title, full or not ("President
    Obama", "Sen. Harry Reid"), not a place ("King County", "West Yorkshire").

    >>> [_titled_name(f) for f in ("President Obama", "Sen. Reid", "King County", "Leeds")]
    [True, True, False, False]
    """
    words = form.split()
    return len(words) >= 2 and words[0].casefold().rstrip(".") in _PERSON_TITLES and \
        words[-1].casefold() not in _BODY_WORDS


def _bodies_with_and(text: str) -> list[tuple[int, int]]:
    """(start, end) of each name of a body whose words after "of" or "for" are joined by
    "and" or "&" ("Centers for Disease Control and Prevention", "Department of Health and
    Human Services", "Bureau of Alcohol, Tobacco, Firearms and Explosives"): one name, not
    two. A first name after "and" starts a person's name, not the body's.

    >>> t = "The Centers for Disease Control and Prevention and Department of Justice and "
    >>> t += "Hillary Clinton; the House Committee on Energy and Select Committee on Food"
    >>> [t[s:e] for s, e in _bodies_with_and(t)]
    ['Centers for Disease Control and Prevention']
    >>> t = "Obama's Office of Management and Budget; the University of Chicago and Professor Ng"
    >>> [t[s:e] for s, e in _bodies_with_and(t)]
    ['Office of Management and Budget']
    """
    found = []
    for link in _OF_CAPITAL.finditer(text):
        head = _BODY_HEAD_END.search(text, max(0, link.start() - 16), link.start())
        match = _BODY_WITH_AND.match(text, head.start()) if head is not None else None
        if match is None:
            continue
        after = match.group("after")
        first = after.split()[0].casefold()
        if is_first_name(first) or first.rstrip(".") in _TITLES:
            continue    # "... and Hillary Clinton", "... and Professor Knittel": a person
        if _BODY_HEAD_END.search(after) and _OWN_COMPLEMENT.match(text, match.end()):
            continue    # "the House Committee on X and Select Committee on Y": two bodies
        # the capitalised words before the head word belong to the name ("National
        # Academies of ..."), "The" aside
        before = _WORDS_BEFORE_HEAD.search(text, max(0, match.start() - 80), match.start())
        start = match.start()
        if before is not None:
            words = before.group(0).split()
            while words and (words[0] in ("The", "A", "An")
                             or any(w.endswith(("'s", "’s")) for w in words)):
                words.pop(0)    # nor an owner's name ("Obama's Office of ...")
            start -= len(" ".join(words)) + 1 if words else 0
        found.append((start, match.end()))
    return found


_CAPITAL_RUN = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*"
_BODY_HEADS = (r"(?:Centers?|Department|Organi[sz]ation|Institute|Bureau|Academ(?:y|ies)|"
               r"Council|Association|Society|Foundation|Agency|Administration|Commission|"
               r"Committee|Office|Ministry|Board|Alliance|Coalition|Federation|League|"
               r"Authority|Service|Services|School|College|University)")
#: A body's head word, "of" or "for", capitalised words, then "and" or "&" and more.
_BODY_WITH_AND = re.compile(
    r"\b" + _BODY_HEADS + r" (?:of|for|on) (?:the )?"
    + _CAPITAL_RUN + r"(?:, " + _CAPITAL_RUN + r")*,? (?:and|&) (?P<after>" + _CAPITAL_RUN
    + r")")
#: A head word closing a text: the words after "and" ending in one, and "of", "for" or "on"
#: after them, are a second body with its own name ("and Select Committee on the Climate
#: Crisis"); one right before "of", "for" or "on" is where a body's name is tried.
_BODY_HEAD_END = re.compile(r"\b" + _BODY_HEADS + r"$")
_OWN_COMPLEMENT = re.compile(r" (?:of|for|on) ")
#: "of", "for" or "on" before a capital: where :data:`_BODY_WITH_AND` is tried when a
#: body's head word comes right before (looking for these words first is faster).
_OF_CAPITAL = re.compile(r" (?:of|for|on) (?:the )?[A-Z]")
#: The capitalised words right before a body's head word.
_WORDS_BEFORE_HEAD = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]+ )+$")
#: A pronoun and a contracted verb ("He's", "She’d", "They're").
_PRONOUN_CONTRACTED = re.compile(r"(?:He|She|It|They|We|I)['’](?:s|d|ll|re|ve|m)")
#: An acronym in brackets: "(IEEFA)".
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z]{3,8})\)")
#: A word or "&", for reading a name back from its acronym.
_SPELL_WORD = re.compile(r"[\w'’-]+|&")
#: Words a spelled-out name may hold that its acronym leaves out.
_SPELL_CONNECTORS = frozenset({"and", "for", "of", "on", "the", "&", "in"})


def _person_role(word: str) -> bool:
    """Whether a lower-case noun names a person's role or office ("senator", "candidate",
    "economist", "spokeswoman"), not a body ("ministry", "party") or a thing.

    >>> _person_role("candidate"), _person_role("senator"), _person_role("ministry")
    (True, True, False)
    """
    if word in _TITLES:
        return word not in _BODY_WORDS
    kind = actor_type_words().get(word, "none")
    return kind not in ("none", "media", "military", "charity") and word not in _BODY_WORDS


#: What may stand between a speech verb and the next one when the second opens the first's
#: reported clause with its own subject: " he ", " that she ", " Jane Doe ".
_CLAUSE_SUBJECT_ONLY = re.compile(r"\s+(?:that\s+)?(?:he|she|they|[A-Z][\w.'’-]*"
                                  r"(?:\s+[A-Z][\w.'’-]*){0,3})\s+")
_POSSESSOR_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}
#: Brill's tags of the words that may stand between the possessive and the noun: "recent",
#: "stern", "repeated" (not "his advisers say that", "his team is suggesting that").
_DESCRIBING_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "VBN"})
#: A preposition of place right before a single capitalised word ("in Asmara", "near
#: Leith"), and what after the word makes it part of something else ("in Asmara's", "in
#: Asmara Province").
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|across|throughout|into)[ \t]+$")
_NOT_A_PLACE_AFTER = re.compile(r"['’]s|[ \t]+[A-Z]|-")
#: Nothing, or a linking word, before the name that opens a clause: "But Jane Doe".
_LINK_ONLY = re.compile(r"\s*(?:(?:But|And|Yet|So|Still|Now|Then)\s+)?")
#: A first name and "and" before a person's full name: "Jane and Tom Doe" name two people.
_FIRST_NAME_AND = re.compile(r"\s*[A-Z][a-z]+\s+and\s+")
#: A document noun right after a capitalised run: "Bush's Facebook post", "Trump's Twitter
#: account".
_DOCUMENT_NOUN_AFTER = re.compile(r"\s+(?:post|posts|page|account|feed|statement|video|"
                                  r"channel|tweet|tweets|website|blog)\b")
#: A verb of asking right after the name that opens a sentence, before the one asked.
_ASKED_AFTER = re.compile(r"\s+(?:asked|pressed|quizzed)\s+")
#: The words before a title in quotation marks: 'the author of "Going Viral"'.
_TITLE_LEAD = re.compile(r"\b(?:of|on|in|about|called|titled|entitled|dubbed|named)\s*$",
                         re.I)
#: Punctuation that closes the phrase before a word: the word's modifiers come after it.
_PHRASE_BREAK = re.compile(r"[,;:!?()\[\]\"“”]|\s[-–—]\s|[–—]")


# A sentence that only names who spoke the quotation before it (news writers' delayed
# identification): "The words came from X", "The remarks were made by X", "Those were the
# words of X", "So said X".
_NAMED_AFTER = re.compile(
    r"\s*(?:(?:And|But)\s+)?(?:"
    r"(?:The|Those|These|His|Her|Their|Such)\s+(?:words|comments?|remarks?|warning|plea|"
    r"criticism|attack|message|verdict|claims?|admission)\s+(?:came|come|were|was)\s+"
    r"(?:from|made\s+by|delivered\s+by|issued\s+by)"
    r"|(?:Those|These|That|This|Such)\s+(?:were|are|was|is)\s+the\s+(?:words|comments|"
    r"remarks|views?|verdict|message|warning|assessment)\s+of"
    r"|So\s+(?:said|says))\s+")
#: An opening "As X put it," / "As X told the paper," / "But as X pointed out,": X speaks
#: the quotation that follows in the sentence.
_AS_PUT_IT = re.compile(
    r"\s*(?:(?:But|And|So)\s+)?[Aa]s\s+((?:[^\s,]+\s+){0,5}?[^\s,]+)(?:,[^,;:]{1,80},)?\s+(?:puts?|pointed\s+out|"
    r"points\s+out|noted|notes|wrote|writes|said|says|told|tells|sang|sings|observed|observes|"
    r"explained|explains|argued|argues|warned|warns|remarked|remarks)\b(?:\s+it)?[^,;:.]{0,60}[,:]\s*")
_NP_STOP = re.compile(r"[,;:()]|\s[-–—]\s|\s(?:who|which|speaking|writing|in|at|on|during|"
                      r"after|when|as)\s|[.!?]\s*$")


# --------------------------------------------------------------------------- the extractor

@dataclass(slots=True)
class _Sent:
    start: int
    end: int
    kind: str
    paragraph: int


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    kind: str
    parts: list[tuple[int, int]]
    paragraph: int
    verb: tuple[int, int] | None = None       # span of the verb in the text
    after: bool = False                       # attribution follows the quotation
    np: tuple[int, int] | None = None         # explicit noun-phrase span for the speaker
    floating: bool = False
    open_pos: int = -1
    speaker: str = ""
    speaker_type: str = "unknown"
    mention: tuple[int, int] | None = None
    attribution: str = ""
    clause: tuple[int, int] | None = None     # the reported clause around a mixed quotation
    colon: int | None = None                  # a colon that introduces the quotation
    close_pos: int | None = None              # offset of the closing mark
    sign: bool = False                        # words on a sign, banner or shirt: no speaker
    n_words: int = -1                         # words of a quotation (-1: not counted yet)


#: Where the reported clause around a mixed quotation ends after the quotation: a new
#: attribution ("..., according to X", "..., he said"), a participle or subordinate clause
#: (", saying ...", ", hours after ..."), a second predicate ("... and then tweeted ...").
_CLAUSE_END = re.compile(
    r";|\s[-–—]\s|,\s+(?:according to|(?:he|she|they|it|[A-Z][\w'’.-]+)\s+(?:said|says|added|"
    r"adds|told|tells|wrote)\b|(?:[a-z]+ing|while|before|after|as|when|who|which|where|but|"
    r"and|even|though|although|because|[a-z]+ly|hours|days|weeks|months|years)\b)"
    r"|\s+(?:and|but)\s+(?:then\s+|also\s+|later\s+)?(?:[a-z]{3,}ed|said|says|told|tells|"
    r"went|made|gave|took|wrote|spoke|is|was|has|had)\b")

#: An opening adverbial phrase up to its comma: "In an interview on local radio, ",
#: "Speaking in Leeds, ", "In response to X's proposal, ".
_LEADING_ADVERBIAL = re.compile(
    r"\s*(?:In|At|During|After|Before|From|On|Like|Unlike|Following|Speaking|Asked|Addressing|"
    r"Responding|Writing|Despite|Amid|With|Without|Since|Until|Along|Alongside|Later|Earlier|"
    r"When|While|Although|Though|Because|Once|If|As|Last|Next|For(?=\s+[a-z])|Throughout|Over|Under|"
    r"Within|Across|Inside|Outside|Through|Around|Among|Toward|Towards|Meanwhile|However|"
    r"Instead|Still|Now|Then|Today|Yesterday|Indeed|Moreover|Separately|Similarly|Finally|"
    r"[A-Z][a-z]+(?:ing|ed))\b[^,;:]{0,120},"
    # ("For much of the night," but not "For Jane Doe, the plan is ...", whose view it is;
    # the comma may close a quoted title: "Later on ''This Week,'' Sen. Doe ...")
    r"(?:(?<=_,)['\"”’]{1,2})?\s*")

#: The speech-verb forms that mark the capitalised word before them as a speaker.
_LONE_FORM = r"(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|tweeted|pressed|" \
    r"replied|responded|explained|argued|insisted|claimed|noted|warned|found|reported)\b"

_SPACES = re.compile(r"\s+")
#: A line that signs the quotation above it: a dash, then the name.
_SIGNATURE = re.compile(r"\s*[-–—]\s*")
#: Pronouns of the first and second person: as the subject of a speech verb they name no
#: source ("I would say", "you could argue").
_FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
#: A speech verb right after a pronoun ("he said", "she told").
_SPEECH_AFTER = re.compile(r"\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|"
                           r"adds|wrote|writes|called|calls|replied|argued|insisted|claimed)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
#: A sentence that opens with a description and its verb: "The veteran coach opened",
#: "the minister hit back", "A spokeswoman has said".
_DESCRIPTION_SUBJECT = re.compile(
    r"\s*(?:The|the|A|a|An|an)\s+"
    # a second determiner opens another phrase ("The rationale these liars use ...")
    r"(?:(?!(?:these|those|this|that|his|her|their|its|the|a|an)\s)[\w'’-]+\s+){0,3}?"
    r"[a-z][\w'’-]*(?=\s+(?:[a-z]+ly\s+)?"
    r"(?:[a-z]{2,}ed|[a-z]{3,}s|has|had|was|is|will|would|did|said|told|went|began|made|"
    r"took|gave|spoke|wrote)\b)")
#: Words before "'s" that make it "is"/"has", not a possessive ("he's said").
_CONTRACTED = {"he", "she", "it", "that", "who", "there", "what", "here", "where", "one",
               "everyone", "nobody", "somebody", "someone"}
#: Forms that are more often nouns ("state treasurer", "the report", "a press release",
#: "in key states", "a more sympathetic tweet"): a verb only after a subject pronoun, a
#: plural noun, an auxiliary or "to", or before "that", a colon or a quotation mark.
_NOUN_FIRST = {"state", "report", "press", "post", "note", "comment", "counter", "pledge",
               "answer", "blast", "tweet", "states", "reports", "notes", "comments", "posts",
               "answers", "pledges", "tweets"}
#: A name of one to four capitalised words that opens its clause (after the start, a
#: quotation mark, a comma or a dash), right before a form of :data:`_NOUN_FIRST` ...
_OPENING_NAME_BEFORE = re.compile(r"(?:^|[\"“”'‘’,.!?(—–-]\s*|\n)(?:[A-Z][\w'’.-]*\s){1,4}$")
#: ... that ends the attribution: "Bozell notes.", "Doe answers, smiling", "Doe writes in"
_ATTRIBUTION_ENDS = re.compile(r"\s*[.,;!?]|\s+(?:on|in|at|during)\s")
_SUBJECT_BEFORE = re.compile(r"i|we|they|you|to|will|would|could|should|may|might|must|can|"
                             r"did|do|does|also|[a-z]+ly|[a-z]{3,}s")
_CLAUSE_AFTER = re.compile(r"\s*(?:that\b|:|['\"“‘])")
#: The noun phrase after an inverted speech verb: up to punctuation, the full stop of an
#: abbreviated title or of initials kept ("said Sen. Mark Olsen", "said J.J. Doe", "said the
#: U.S. ambassador").
_NP_AFTER_VERB = re.compile(r"\s*((?:" + _ABBREVIATED
                            + r"\s|[A-Z]\.(?=\s?[A-Z]|\s[a-z])|[^,.;:()!?])+)")
#: After a lone capitalised word opening a sentence, what makes it a name: "Thompson, 61,",
#: "Thompson said", "Thompson then warned", "Thompson: 'quotation'" (a headline or a line
#: that opens with who speaks).
_LONE_AFTER = re.compile(r",\s*\d{1,3},|\s+(?:" + "|".join(_LONE_VERBS) + r")\b"
                         r"|\s+(?:also\s+|then\s+)?[a-z]{3,}ed\b|:\s*['\"“‘]"
                         r"|\s+(?:has|had|will|would|went|made|took|gave|spoke|came|began)\s+"
                         r"(?:[a-z]+ly\s+|since\s+|also\s+|not\s+)?[a-z]{3,}\b")
_LONE_APPOSITION = re.compile(r",\s+(?:who|meanwhile|however|though|too)\b")
#: After a closing quotation mark, a lone capitalised word with a description set off by a
#: comma is a name: '"...," Murphy, the head of the agency, said'.
_QUOTE_CLOSED_BEFORE = re.compile(r"[,!?…][\"”’']\s+$")
_DESCRIPTION_AFTER = re.compile(r",\s+(?:the|a|an)\s")
_NOT_A_NAME_END = re.compile(r"(?:ing|ed|ly|ion|ness|ment)$")


def _titles_only(words: str) -> bool:
    """Whether ``words`` are only capitalised words and titles, at least one of them a
    title: what may stand before a name ("Former Arizona governor", "Sen.").

    >>> _titles_only("Former Arizona governor "), _titles_only("an early supporter of ")
    (True, False)
    """
    found = words.replace(".", " ").split()
    return bool(found) and any(w.casefold() in _TITLES for w in found) and all(
        w[:1].isupper() or w.casefold() in _TITLES for w in found)


#: How many sentences back a pronoun may find the name that opens a sentence (before the
#: last speaker).
_SENTENCES_BACK = 3


#: Speech verbs of the list that take an object and "as" ("described the plan as",
#: "labelled it as").
_OBJECT_AS_VERBS = frozenset({"describe", "call", "label", "criticise"})
#: Lower-case nouns of a role that, like a title, stand between a modifier and a name
#: ("Presumptive GOP nominee Donald Trump", "Sierra Club activist Jane Doe").
_ROLE_NOUNS = ("nominee", "candidate", "activist", "campaigner", "spokesman", "spokeswoman",
               "spokesperson", "adviser", "advisor", "aide", "strategist", "lawmaker",
               "manager", "economist", "analyst", "pollster", "lawyer", "attorney")
#: After a capitalised run, a lower-case title or role noun (one word may come first) and a
#: name: the run modifies the title ("Former Pennsylvania governor Ed Rendell", "Clinton
#: campaign chairman John Podesta") and names no speaker.
_MODIFIER_OF_A_TITLE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted({*_TITLES, *_ROLE_NOUNS}, key=len, reverse=True))
    + r")\s+(?:[A-Z]\.\s+)*[A-Z][a-z]")
#: A person's name and "of", "at" or "from" a capitalised body: the person speaks.
_PERSON_OF = re.compile(r"(?:[A-Z][\w'’.-]*\s){2,3}(?:of|at|from)\s(?:the\s)?[A-Z]")
_OF_A_BODY = re.compile(r"\s(?:of|at|from)\s(?:the\s|[a-z]+\s)?[A-Z]")
#: Capitalised words and "for" right before a capitalised run: the start of an organisation's
#: name ("Center for Responsive Politics", "Institute for Fiscal Studies").
_NAME_FOR_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’&-]*\s)+for\s$")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,})\)")
_DOCUMENT_OBJECT = re.compile(r"\b(?:in|of|from|with|by)\s+(?:a|an|the|its|their|his|her)?"
                              r"\s*(?:\w+\s+)?$")
#: A person's name right after a noun ("spokesman Tom Reed", "the aide, Ann Lee,").
_NAME_FOLLOWS = re.compile(r",?[ \t]+([A-Z][a-z]+)[ \t]+(?:[A-Z]\.[ \t]+)*[A-Z][a-z]")
#: Determiners a sentence may open with before a group's name ("Some Democrats said").
_GROUP_DETERMINERS = frozenset({"another", "other", "some", "many", "most", "several", "few",
                                "both", "all", "each", "every", "any", "such"})
_ANOTHER = re.compile(r"\b(?:another|second|other|different)\s+(?:\w+\s+)?$")
#: Lower-case words right before "officer" that say which kind ("chief financial", "loan",
#: "press"), after a determiner; "police", "arresting", "senior" leave a police officer.
_OTHER_OFFICER = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
                            r"((?:(?!(?:of|an?|the|to|for|in|on|at|by|with|and|or|who|that)\s)"
                            r"[a-z][a-z-]+\s+){1,3})$")
_POLICE_WORDS = frozenset({"police", "arresting", "senior", "another", "second", "other",
                           "different", "one", "first", "third", "uniformed", "male",
                           "female", "off-duty", "on-duty", "duty", "patrol"})
#: The word before a position (and its "'s"). A match can only start where a word starts (any
#: later start in the same word would also match from the word's start), so the look-behind
#: gives the same matches without retrying inside every word.
_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)(['’]s?)?\s+$")
#: :data:`_WORD_BEFORE` read backwards: matched at the start of the reversed text, it finds
#: the same word and "'s" (reversed) without trying every start in the text.
_WORD_BEFORE_REVERSED = re.compile(r"\s+(s?['’])?(\w+)")


def _word_before(text: str) -> tuple[str, str | None] | None:
    """(word, "'s" or "'" or None) of ``_WORD_BEFORE.search(text)``, or None.

    >>> _word_before("the inspector's  "), _word_before("its "), _word_before("it")
    (('inspector', "'s"), ('its', None), None)
    """
    found = _WORD_BEFORE_REVERSED.match(text[::-1])
    if found is None:
        return None
    mark = found.group(1)
    return found.group(2)[::-1], mark[::-1] if mark is not None else None
#: A word before a verb form that makes it a noun: "the report", "of state".
_NOUN_DETERMINERS = frozenset((_DETERMINERS - {"that"}) | {"of"})
_STRIP_NOT_BE = frozenset(_STRIP_TAIL - _BE)
# Unions and differences of the word sets that methods test against, built once.
_BEFORE_TITLE_STOP = frozenset(_DETERMINERS | _FUNCTION_WORDS
                               | {"one", "two", "three", "several", "many"})
_NOT_GROUP_HEAD = frozenset(_ORG_WORDS | _TITLES | _PRONOUNS.keys())
_FUNCTION_NOT_DETERMINER = frozenset(_FUNCTION_WORDS - _DETERMINERS)
_NOT_TAIL_NOUN = frozenset(_STRIP_TAIL | _DETERMINERS | _QUANTIFIERS)
_NOT_SURNAME = frozenset(_NAME_STOP | _ORG_WORDS | _TITLES | _AFFILIATIONS)
_FUNCTION_NOT_OF = frozenset(_FUNCTION_WORDS - {"of"})
_LABEL_DETERMINERS = frozenset(_DETERMINERS - {"that", "no"})
# Patterns the extractor's methods use on every sentence or verb, compiled once.
_FOR_AFTER = re.compile(r"\s+for\b")
#: Words after which a clause's subject starts ("what scientists have been warning").
_OPENS_SUBJECT = frozenset({"what", "that", "which", "who", "whom", "as", "why", "how", "where",
                            "when", "because", "while", "if"})
_VERB_GROUP_ADVERBS = frozenset({"not", "never", "always", "also", "just", "still", "already",
                                 "even", "often", "again", "once", "long", "since", "now"})
_TO_AFTER = re.compile(r"\s+to\b")
#: After "continue" or "go on", what makes them speech: a mark, the end of the clause, or a
#: quotation that opens with a capital; not an object ("goes on recess", "continued his
#: attack") nor a quotation that goes on with "to" ('would continue "to break barriers"').
_GO_ON_SPEAKS = re.compile(r"\s*(?:[,.:;!?—–]|$|[\"“‘'][^a-z])|\s+(?:by|with|that)\b"
                           r"|\s+on\s*[,:]")
_PARENS = re.compile(r"\([^()]*\)")
#: An aside between two dashes before the verb: " — a teacher from Mount Pleasant — ".
_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–]{1,100}?\s[—–](?=\s)")
#: A time: "this past week", "last night", "on Tuesday", "yesterday".
_TIME_PHRASE = (r"(?:(?:this|last|next|earlier|later)(?:\s+past)?\s+(?:week|month|year|"
                r"weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)|"
                r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                r"yesterday|today)")
#: A past participle and its agent before a verb ("angered by the media declaring ..."):
#: the agent (group 1) is the subject.
_PARTICIPLE_BY = re.compile(r"[a-z]+(?:ed|en|wn)\s+(?:[a-z]+\s+){0,3}?by\s+(.+)")
#: Words opening a subject phrase that are no part of it: "what", "but", "then".
_LEADING_LINK = re.compile(r"(?:(?:what|but|then)\s+)+(?=\S)", re.I)
#: Brill's tags of a word that, alone before a verb, is no subject (an adverb, a
#: preposition, a conjunction).
_NO_SUBJECT_TAGS = frozenset({"RB", "IN", "CC", "TO"})
#: Brill's tags of a finite verb, which no subject ends with.
_FINITE_TAGS = frozenset({"VBD", "VBZ"})
#: Adverbs of time and sequence that close a subject before its verb ("The nurse later
#: sued", "The director further stated").
_WHEN_WORDS = r"soon|earlier|later|also|then|now|again|still|further"
#: A time after a comma and right before the verb ("..., this past week announced",
#: "..., on Tuesday said", "..., also said"): group 1, which names no speaker.
_TIME_BEFORE_VERB = re.compile(r",\s+((?:" + _TIME_PHRASE + r"|" + _WHEN_WORDS + r")\s*)$")
_PARTICIPLE_END = re.compile(r"(?:ed|en|wn)$")
_BY = re.compile(r"\bby\s+")
_COMMA_SEGMENT = re.compile(r"[^,]+")
_PLURAL_END = re.compile(r"[^s]s$")
#: One capitalised word, a surname with an inner capital too ("Smith", "McCain", "DeSantis").
_CAPITAL_WORD = re.compile(r"[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?")
_RELATIVE = re.compile(r"\s(?:who|whose|which|that)\s")
#: A verb of receiving before a document: its subject is not the one who wrote it.
_RECEIVED = re.compile(r"\b(?:received|receives|receive|receiving|got|obtained|was sent|"
                       r"were sent)\b")
#: "The Times", "The Post": "The" and one capitalised word.
_THE_BODY_WORD = re.compile(r"The\s+([A-Z][a-z]+)")
#: A time closing a subject before its verb: "The mayor on Thursday (announced)", "The
#: nurse later (sued)".
_TIME_AFTER_NOUN = re.compile(r"\s+(?:" + _TIME_PHRASE + r"|" + _WHEN_WORDS + r")$", re.I)
#: A comma segment that is a relative clause (", who since ...,"), never a subject.
_RELATIVE_OPENING = re.compile(r"\s*(?:who|whose|which|whom)\b", re.I)


def _opens_with_preposition(segment: str) -> bool:
    """Whether a comma-delimited segment opens with a preposition (Brill's IN, not "that"
    nor the agent's "by"): an adverbial aside ("in an attempt to draw attention to Jane
    Doe's record"), whose names are objects, never the subject.

    >>> _opens_with_preposition(" in a nod to Jane Doe"), _opens_with_preposition("Jane Doe")
    (True, False)
    >>> _opens_with_preposition(" by Jane Doe")  # "a study, by Jane Doe, suggests"
    False
    """
    words = segment.split()
    return bool(words) and words[0] not in ("that", "by") and \
        lexicon_tags().get(words[0]) == "IN"


#: A dateline before a dash opening a paragraph: "WASHINGTON ― ", "LONDON (Reuters) - ".
_DATELINE_DASH = re.compile(r"[A-Z][A-Z.' ,]*[A-Z.](?:\s*\([^()]{1,30}\))?\s*[-–—―]+\s*")
#: Prepositions that cannot end a subject: a "verb" after them is an adjective ("articles
#: from noted scholars").
_PREPOSITION_END = frozenset({"from", "of", "by", "with", "to", "for", "at", "in", "on",
                              "about", "among"})
_LETTERS = re.compile(r"[A-Za-z]+")
_MARK_AFTER = re.compile(r"\s*[:'\"“‘”’]")
_THAT_CLAUSE = re.compile(r"((?:\s+\S+){0,8}?)\s+that,?\s")
_TELL_OBJECT = re.compile(r"\s+(?:him|her|them|us|me|reporters|journalists|the\s+\w+|"
    r"(?:[A-Z][\w'’]+\s*)+)\s*")
_CLAUSE_STOP = re.compile(r",?\s+(?:but|and)\s+(?:also\s+)?(?:said|added|told|claimed|insisted|"
    r"stressed|warned|argued|admitted|denied)\b|,\s+(?:saying|adding|"
    r"claiming|insisting)\b|;|,\s+according to\b")
_TAIL_END = re.compile(r"\s*[.!?]?\s*$")
_SHORT_TAIL = re.compile(r"\s+[^,.;:_]{1,60}[.!?]?\s*$")
_ADVERBIAL_AFTER = re.compile(r"\s+(?:on|in|at|during|after|before|last|this|yesterday|"
    r"today|tonight|earlier|later|late|to|via|by|[A-Z])")
#: Words that open a clause, not a speaker, between a comma and a speech verb (", and
#: said", ", which said").
_NOT_SPEAKER_START = frozenset({"and", "but", "or", "then", "who", "which", "that"})
#: Words that link a sentence to the one before rather than open its subject ("However, she
#: said, the plan would fail").
_LINKING_WORDS = frozenset({"and", "but", "or", "so", "yet", "still", "however", "meanwhile",
                            "instead", "often", "now", "then", "also", "indeed", "rather",
                            "thus", "therefore", "moreover", "besides", "otherwise",
                            "nonetheless", "nevertheless", "too"})


#: Nothing but linking words and commas before an opening "according to" ("But, according
#: to the poll, ...").
_LINKING_ONLY = re.compile(r"[\s,]*(?:(?:But|And|Yet|So|Still|Now|However|Instead|Meanwhile)"
                           r"[\s,]+)?", re.I)
#: "and", "but", "or" or "yet" opening a new clause before its subject ("..., and the
#: F.B.I. has said", "But progressive groups say").
_LINK_BEFORE_SUBJECT = re.compile(r"(?:and|but|or|yet)\s+", re.I)
#: Words that open a description set off by commas after a name ("Jane Doe, the county's
#: treasurer,").
_DESCRIPTION_ARTICLES = frozenset({"a", "an", "the", "one"})
#: A word that makes a description a clause ("a man who was there", "the aide, is").
_DESCRIPTION_VERB = re.compile(r"\b(?:who|which|that|is|are|was|were|has|have|had|will|"
                               r"would|said|says)\b")
#: A word of a sentence, for telling a headline in title case.
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


#: A reported question after "asked": an optional short object (a pronoun, a noun, a name
#: or "the ..."), then the word that opens the question.
_ASKED = re.compile(r"(?:\s+(?:(?:the|a|an|his|her|its|their|our)\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
                    r"[\w'’-]+)?\s+(whether|if|why|how|what|when|where|who)\s")
#: A comma right after an attribution's verb ("The plan, Smith said, would fail").
_COMMA_NEXT = re.compile(r"\s*,")
#: A sentence's closing punctuation, and the initials it may follow ("the U.S.").
_CLOSING = re.compile(r"[.!?]+\s*$")
_INITIALS_END = re.compile(r"(?:\b[A-Z]\.)+$")
_PAST_PARTICIPLE_END = re.compile(r"[a-z](?:ed|en|wn)$")
#: The endings :data:`_PAST_PARTICIPLE_END` looks for, tested first as a cheap pre-check.
_PARTICIPLE_ENDINGS = ("ed", "en", "wn")
_LABEL_MARK_AFTER = re.compile(r"\s*(?:as\s+)?(?:an?\s+|the\s+)?['\"“‘]")
_SHORT_COMMA_GAP = re.compile(r"(?:\s+[\w'’.-]+){0,3}\s*,\s*")
_LAST_WORD = re.compile(r"(\w+)\s*$")
_FIRST_LOWER_WORD = re.compile(r"\s*([a-z]+)")

_SPEAKS_AFTER = re.compile(r"\s+(?:also\s+)?" + _LONE_FORM)

#: A capitalised word of a run, with the space before it.
_CAPITALISED_RUN_WORD = re.compile(r"\s+[A-Z][\w.'’-]*")
#: A capitalised word and a space right before a word: the word ends a name.
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w'’.&-]*[ \t]$")
#: A lower-case noun (one lower-case word may come first) right after a name, possessive
#: or not: "the GOP candidate's proposal", "GOP presidential hopefuls".
_NOUN_AFTER_NAME = re.compile(r"[ \t]+(?:[a-z][a-z-]*[ \t]+)?([a-z][a-z-]+)(?:['’]s?)?\b")


def _people_noun(word: str) -> bool:
    """Whether a lower-case noun, singular or plural, names people: a role or a person's
    noun of :func:`analysis.english.person_nouns` ("candidate", "hopefuls", "lawmakers";
    not "campaign", "establishment").

    >>> _people_noun("hopefuls"), _people_noun("lawmakers"), _people_noun("campaign")
    (True, True, False)
    """
    forms = {word, word.removesuffix("s"), word.removesuffix("es")}
    return any(f in person_nouns() or _person_role(f) for f in forms)


#: After a name, its description between commas and a relative clause of speaking: ", a
#: political appointee at the department, who spoke at a conference".
_RELATIVE_SPEAKS = re.compile(r"(?:,[^,.;:!?\"“”]{1,120})?,\s+who\s+(?:also\s+|then\s+)?"
                              r"(?:spoke|" + _LONE_FORM[3:])

#: An indefinite article (or "one") and at most two lower-case words before a document's
#: noun: "a new report", "A letter", "One tweet".
_INDEFINITE_BEFORE = re.compile(r"(?:\b(?:a|an|another|new|one)|(?<!\w)(?:A|An|Another|One))"
                                r"\s+(?:[a-z-]+\s+){0,2}$")

#: A verb of issuing a document right before it (at most two words between): its subject
#: sent the document ("released a statement", "put out a statement", "sent out an email").
_ISSUED_BEFORE = re.compile(r"\b((?:released|issues|issued|releases|put\s+out|puts\s+out|"
                            r"sent(?:\s+out)?|sends(?:\s+out)?|blasted\s+out|published|"
                            r"posted|circulated|distributed))\s+(?:[\w-]+\s+){0,2}$")

#: What may follow the verb of a sentence that only attributes the quotation before it.
_AFTER_VERB = re.compile(r"\s*(?:[.!?]|,|(?:as|on|in|at|during|after|before|while|when|"
                         r"outside|from|via|on|in)\b)")

#: ... and after the verb of a speaker described between commas, an adverb may come first
#: ("said pleasantly into the phone").
_AFTER_DESCRIBED_VERB = re.compile(r"(?:\s+[a-z]+ly\b)?(?:" + _AFTER_VERB.pattern + r"|\s*into\b)")

#: The sex "he" and "she" give a person.
_PRONOUN_SEX = {"he": "m", "she": "f"}
#: A town and a comma right before a country or state: "Columbia, South Carolina".
_TOWN_COMMA_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*, ?$")
#: After a person's name, a noun for someone who works for or backs that person: the name
#: modifies it ("a senior Cruz adviser", "Clinton aides", "a Trump supporter"). A spokesman
#: is left out: "a Clinton spokesman" speaks for Clinton.
_ROLE_AFTER = re.compile(r" (?:" + "|".join(
    (*(n for n in _ROLE_NOUNS if not n.startswith("spokes")), "supporter", "ally", "allies",
     "official", "staffer", "donor", "loyalist", "surrogate", "backer", "voter"))
    + r")(?:s)?\b")
#: A lower-case word after a name: a place before one describes it ("New York businessman").
_LOWER_WORD_AFTER = re.compile(r" ([a-z][a-z-]*)\b")

#: A preposition that puts the capitalised words after it in a place ("in West Yorkshire").
_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Aa]cross|[Ii]nto|[Aa]round|"
                           r"[Tt]hroughout|[Vv]isit(?:ing|ed|s)?)\s+(?:the\s+|an?\s+)?$")
#: :data:`_PLACE_BEFORE` read backwards: it matches at the start of the reversed text exactly
#: when the forward pattern finds a match, and fails at once when no space ends the text.
_PLACE_BEFORE_REVERSED = re.compile(
    r"\s+(?:eht\s+|n?a\s+)?(?:n[Ii]|t[Aa]|rae[Nn]|edistu[Oo]|ssorc[Aa]|otn[Ii]|dnuor[Aa]|"
    r"tuohguorh[Tt]|(?:gni|de|s)?tisi[Vv])\b")

#: A group named by a plural noun before a place or organisation: "Traders on Harbour Road",
#: "residents of the estate", "local shopkeepers in Leith".
_GROUP = re.compile(r"\s*(?:(?:the|some|many|several|local|other)\s+)*((?:[A-Za-z-]+\s+)?"
                    r"[A-Za-z-]{3,}(?<!s)s)\s+(?:on|in|at|from|near|across|of|along|around)\s",
                    re.I)

#: The prepositions :data:`_GROUP` needs after its plural noun.
_GROUP_PREPOSITIONS = frozenset(("on", "in", "at", "from", "near", "across", "of", "along",
                                 "around"))


def _after_clause(words: list[str]) -> int | None:
    """Where the noun phrase after a phrase's last auxiliary or copula starts (an index into
    ``words``), or None when there is none or it only belongs to the speech verb after the
    phrase.

    >>> _after_clause("is essentially what arctic scientists".split())
    1
    >>> _after_clause("The media has always".split()) is None
    True
    """
    end = _verb_group_start(words)
    found = [i for i in range(end) if _CLAUSE_VERB.fullmatch(words[i])]
    return found[-1] + 1 if found else None


def _verb_group_start(words: list[str]) -> int:
    """Where the auxiliaries and adverbs that belong to the speech verb after a phrase
    start ("the media | has always", "Comey | has").

    >>> _verb_group_start("The media has always".split()), _verb_group_start(["critics"])
    (2, 1)
    >>> _verb_group_start("officials quietly".split()), _verb_group_start(["Kelly"])
    (1, 1)
    """
    end = len(words)
    while end and (_CLAUSE_VERB.fullmatch(words[end - 1])
                   or words[end - 1].casefold() in _VERB_GROUP_ADVERBS
                   or words[end - 1][:1].islower() and _adverb(words[end - 1])):
        end -= 1
    return end


def _may_name_group(text: str) -> bool:
    """Whether :data:`_GROUP` can match ``text``: False when no word of it is one of its
    prepositions in any case (a text holding a letter that case-insensitive matching treats
    oddly is always tried).

    >>> _may_name_group("Traders on Harbour Road"), _may_name_group("the spokesman")
    (True, False)
    """
    return not _GROUP_PREPOSITIONS.isdisjoint(text.casefold().split()) or has_case_odd(text)


#: Words in -ly that are not adverbs ("told a rally", "his family").
_LY_NOUNS = {"rally", "family", "ally", "supply", "assembly", "reply", "italy", "july",
             "belly", "bully", "anomaly", "monopoly", "fly", "lily", "sally", "kelly", "holly",
             "emily", "molly", "billy", "willy", "wholly", "ugly", "only"}


def _end_of_phrase(text: str, start: int, end: int) -> int:
    """Where a speaker phrase that closes its sentence ends: before the full stop, unless the
    stop belongs to initials.

    >>> t = "..., said Smith."
    >>> u = "..., said the U.S."
    >>> t[10:_end_of_phrase(t, 10, len(t))], u[10:_end_of_phrase(u, 10, len(u))]
    ('Smith', 'the U.S.')
    """
    closing = _CLOSING.search(text, start, end)
    if closing is None or _INITIALS_END.search(text, start, closing.start() + 1):
        return end
    return closing.start()


def _adverb(word: str) -> bool:
    """A word in -ly that is an adverb ("sharply"), not a noun ("rally").

    >>> _adverb("sharply"), _adverb("rally")
    (True, False)
    """
    return word.endswith("ly") and word not in _LY_NOUNS


#: A share of a poll's respondents as a subject: "55 percent of voters", "31% of
#: Republicans", "six in 10 Democrats", "a majority of those polled".
_SHARE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|percent\b)|\b(?:one|two|three|four|five|six|seven|"
                    r"eight|nine|\d)\s+(?:in|out of)\s+(?:10|ten)\b|\b(?:a|the)\s+majority\s+of\b"
                    r"|\b(?:half|a third|a quarter|two-thirds|three-quarters)\s+of\b", re.I)
#: A poll or survey named in a sentence: "a fresh CNN-ORC poll", "the Quinnipiac survey".
_POLL = re.compile(r"\b(?:(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)?"
                   r"(?:(?!(?i:in|into|to|according|but|and|or|people|respondents|voters|of|by|"
                   r"from|on|at|for|with|as|so|while|when)\b)[\w/&.'’-]+\s+){0,5}?"
                   r"(?:poll|survey)\b(?!\w)")

#: What may stand before a name that opens a line ("Jane Doe: '...'", "HEADLINE - Jane
#: Doe: '...'"): nothing, a dash, a colon or capitals.
_LINE_OPENER = re.compile(r"(?:^|[-–—:|]\s*|^[^a-z]*)$")
#: A conjunction that opens a new clause with its own subject.
_CLAUSE_JOIN = re.compile(r"(?:,\s*|\s)(?:and|but|while|whereas)\s+(?=(?:the\s+)?[A-Z])")

#: A quotation mark, not an apostrophe ("Tuesday’s", "Sanders' plan").
_QUOTE_MARK = re.compile(r"[\"“”‘]|(?<![^\W\d_])['’]|['’](?![^\W\d_])(?<!s['’])")

#: What ends a reported clause before a second speech verb: a new main clause.
_OUTER_BREAK = re.compile(r";|:|\s[-–—]\s|,\s*(?:and|but|while|although|though|as)\b|\(|\)")

#: A verb right after a name: the name is a subject ("Doe decried", "Doe then told").
_ACTS = re.compile(r"\s+(?:(?:also|then|later|again|quickly|[a-z]+ly)\s+)?(?:[a-z]{3,}ed|has|had|"
                   r"was|is|will|would|took|gave|made|went|came|drew|held|told|wrote|spoke|"
                   r"sang|said|says|put|got|began|brought|thought|felt|found|kept|left|met|"
                   r"ran|saw|sent|stood|struck|threw|won|wore|led|shot|hit|read)\b")

#: Words on a sign, placard, banner or shirt, introduced right before the quotation: "signs
#: that read '...'", "a banner reading '...'", "a hat bearing the words '...'", "held up a
#: sign saying '...'". They are no one's speech: the holders did not say them.
_SIGN_TEXT = re.compile(
    r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bnot )\b(?:signs?|placards?|banners?|posters?|"
    r"billboards?|t-shirts?|shirts?|stickers?|hats?|caps?|badges?|buttons?|flags?)\b"
    r"(?:\s*[-–—]?\s*(?:that|which))?(?:\s+\w+ly)?\s+(?:read|reads|reading|said|says|saying|"
    r"stating|stated|declaring|declared|proclaiming|proclaimed|bearing|bore|emblazoned\s+with|"
    r"with\s+the\s+words?|of)(?:\s+the\s+words?)?\s*[:,]?\s*$", re.I)
#: The words :data:`_SIGN_TEXT` can end with, before its closing spaces, colon or comma.
_SIGN_ENDS = ("read", "reads", "reading", "said", "says", "saying", "stating", "stated",
              "declaring", "declared", "proclaiming", "proclaimed", "bearing", "bore", "with",
              "of", "word", "words")


def _sign_text_before(lead_in: str) -> bool:
    """Whether :data:`_SIGN_TEXT` finds sign text introduced at the end of ``lead_in``; the
    pattern is run only when the last word is one it can end with (or the text holds a
    letter that case-insensitive matching treats oddly).

    >>> _sign_text_before("protesters held signs that read: "), _sign_text_before("He said ")
    (True, False)
    """
    tail = lead_in.rstrip()
    if tail[-1:] in (":", ","):
        tail = tail[:-1].rstrip()
    if not tail[-11:].lower().endswith(_SIGN_ENDS) and not has_case_odd(lead_in):
        return False
    return _SIGN_TEXT.search(lead_in) is not None


#: Between two quotations on one sign: "'Hamas are terrorists' and 'release the hostages'".
_SIGN_AND = re.compile(r"\s*(?:,\s*)?(?:and|or|,)?\s*(?:another\s+(?:read|said)\s*[:,]?\s*)?")

#: A "sentence" longer than this many characters (run-on text with no full stop) is read in
#: pieces, so the work per quotation stays bounded and the time grows linearly.
MAX_SENTENCE = 1200


_SMALL = {"a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "by", "with", "or",
          "from", "vs", "is", "who", "me", "my"}


def _clause_opener(word: str) -> bool:
    """A capitalised "-ing" form or "-ly" adverb that opens a clause before a name, not a
    name's first word ("Celebrating Clinton", "Interestingly Blocher, a wealthy
    industrialist, ..."): tagged VBG or RB by Brill's lexicon, and no census first name.

    >>> [_clause_opener(w) for w in ("Celebrating", "Interestingly", "Sterling", "Irving",
    ...                              "Kimberly")]
    [True, True, False, False, False]
    """
    tag = "VBG" if word.endswith("ing") else "RB" if word.endswith("ly") else ""
    return bool(tag) and lexicon_tags().get(word.casefold()) == tag and not _given_name(word)


#: A person's own body, which speaks for them ("campaign", "press office", "team"), and
#: what may stand between a name and the spokesperson speaking for it.
_OWN_BODY = (r"(?:presidential[ \t]+|press[ \t]+|transition[ \t]+)?"
             r"(?:campaign|office|team|camp)")
#: A possessive pronoun before a campaign, office or team that speaks for its owner.
_OWNER_PRONOUN_BODY = re.compile(r"(his|her|His|Her)\s+" + _OWN_BODY.replace("[ \t]+", r"\s+"))
_SPOKES_OWNER_GAP = re.compile(r"(?:['’]s)?[ \t]*(?:" + _OWN_BODY + r"(?:['’]s)?[ \t]+)?")
#: A person's campaign, office or team, right after the name: it speaks for the person.
_CAMPAIGN_OF = re.compile(r"(?:['’]s?)?[ \t]+" + _OWN_BODY + r"[ \t,]*")
#: Words that put a name inside a longer noun phrase ("supporters who have heard from the
#: Rubio campaign"): the phrase, not the name's campaign, is the subject.
_NOT_A_LEAD_IN = re.compile(r"\b(?:who|which|that|from|of|by|with|for|to|in|at|on|about)\b",
                            re.IGNORECASE)
#: "the senator's" right before a spokesperson: a title that names its holder.
_TITLE_OWNER_BEFORE = re.compile(r"\bthe[ \t]+([a-z]+)['’]s[ \t]+$")
_NAME_AFTER_NICKNAME = re.compile(r"[A-Z][\w'’-]+")
_NICKNAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]$")
_NICKNAME_AFTER = re.compile(r"[ \t](?:[A-Z][a-z]*\.?[ \t])?[A-Z][\w'’-]+")


def _nickname(text: str, open_pos: int, close_pos: int) -> bool:
    """Whether the quotation between ``open_pos`` and ``close_pos`` is a nickname inside a
    person's name: capitalised words after a census first name and before a capitalised
    surname ('John "Tig" Tiegen', 'Dwayne "The Rock" Johnson').

    >>> t = 'Marine John “Tig” Tiegen said so; critics called it “Tig” Tuesday.'
    >>> _nickname(t, 12, 16), _nickname(t, 51, 55)
    (True, False)
    """
    inner = text[open_pos + 1:close_pos].split()
    before = _NICKNAME_BEFORE.search(text, max(0, open_pos - 30), open_pos)
    return bool(inner) and all(w[:1].isupper() for w in inner) and before is not None \
        and _given_name(before.group(1)) and \
        _NICKNAME_AFTER.match(text, close_pos + 1) is not None


def _is_title(quote: str) -> bool:
    """A title or name in quote marks: 2-8 words, every word but small ones capitalised,
    not ending a sentence ("One Hundred Years of Solitude", "State of the Union").

    >>> _is_title("One Hundred Years of Solitude"), _is_title("We Will Win.")
    (True, False)
    """
    words = quote.split()
    if not 2 <= len(words) <= 8 or quote.rstrip()[-1:] in ".!?…":
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.casefold().strip(",:") in _SMALL
               for w in words) and words[0][:1].isupper()


def _token_at(text: str, parts: list[str], i: int) -> tuple[int, int, str]:
    """(start, end, word) of ``parts[i]``, where ``parts`` is ``text.split()``: found from
    the end of the text, word by word, so only the words after it are looked at.

    >>> _token_at("a bb  a bb ", "a bb  a bb ".split(), 2)
    (6, 7, 'a')
    """
    at = len(text)
    for j in range(len(parts) - 1, i - 1, -1):
        at = text.rfind(parts[j], 0, at)
    return at, at + len(parts[i]), parts[i]


def _pieces(text: str, sent: _Sent) -> list[_Sent]:
    """``sent`` cut into pieces of at most :data:`MAX_SENTENCE` characters, each cut after
    the last comma or space before the limit.

    >>> [(p.start, p.end) for p in _pieces("ab, " * 700, _Sent(0, 2800, "body", 0))]
    [(0, 1200), (1200, 2400), (2400, 2800)]
    """
    if sent.end - sent.start <= MAX_SENTENCE:
        return [sent]
    out, start = [], sent.start
    while sent.end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(", ", start + 1, limit - 1) + 2, text.rfind(" ", start + 1, limit) + 1)
        if cut <= start + MAX_SENTENCE // 2:
            cut = limit
        out.append(_Sent(start, cut, sent.kind, sent.paragraph))
        start = cut
    out.append(_Sent(start, sent.end, sent.kind, sent.paragraph))
    return out


class _Article:
    def __init__(self, text: str, line_kinds: str | None, actors: pd.DataFrame | None):
        self.text = text
        self.actors = actors
        self.paragraphs = paragraph_spans(text)
        # a heading in capitals ("WHAT'S BREWING", a digest's "ROLL TIDE") is display text,
        # like a caption, and opens a new section: a quotation after it does not go on with
        # a speaker before it
        headings = [is_heading_in_capitals(text[s:e]) for s, e in self.paragraphs]
        self.section = list(accumulate(headings))
        self.sents = []
        for s in _shared_sentences(text, line_kinds):   # read, not changed: no copy
            kind = s["kind"]
            if kind == "body" and s["paragraph_id"] < len(headings) and \
                    headings[s["paragraph_id"]]:
                kind = "caption"
            sent = _Sent(s["start"], s["end"], kind, s["paragraph_id"])
            if sent.end - sent.start <= MAX_SENTENCE:
                self.sents.append(sent)
            else:
                self.sents.extend(_pieces(text, sent))
        self.sent_starts = [s.start for s in self.sents]
        pkinds = {s.paragraph: s.kind for s in self.sents}
        self.pkinds = [pkinds.get(i, "body") for i in range(len(self.paragraphs))]
        marked = normalise_marks(text)
        self.quotes = with_turns(_find_quotes(marked, self.paragraphs, self.pkinds),
                                 transcript_turns(marked, self.paragraphs), marked,
                                 self.paragraphs)
        self.masked = _mask(marked, [p for q in self.quotes for p in q.parts])
        # 'John "Tig" Tiegen': the opening mark of each nickname inside a name, its closing
        self.nicknames = {q.open_pos: q.close_pos for q in self.quotes
                          if q.close_pos is not None and q.close_pos - q.open_pos < 40
                          and _nickname(text, q.open_pos, q.close_pos)}
        self.lower = self.masked.lower()
        self.names = _Names(text=self.masked)
        self._places: dict[str, bool] = {}
        self._documents_open: set[tuple[int, int]] = set()
        self._title_cases: dict[int, bool] = {}   # sentence start -> headline in title case
        self.refs = self._find_refs()
        datelines = [d.span() for ps, pe in self.paragraphs
                     if (d := _DATELINE_DASH.match(self.masked, ps, pe))]
        if datelines:
            # "LOS ANGELES — Actress Jane Doe ...": the dateline's place names no one (the
            # datelines, one per paragraph at most, are in text order and never overlap)
            starts = [ds for ds, _ in datelines]

            def in_dateline(r: _Ref) -> bool:
                k = bisect.bisect_right(starts, r.start) - 1
                return k >= 0 and r.end <= datelines[k][1]

            self.refs = [r for r in self.refs if not in_dateline(r)]
        self.ref_ends = [r.end for r in self.refs]
        self.history: list[tuple[int, str, str, str, str]] = []  # pos, speaker, type, cls, kind
        self.sentence_subject: dict[int, _Ref | None] = {}
        self._verbs: dict[tuple[int, int], list[tuple[int, int, str, str]]] = {}
        self._all_verbs: list[tuple[int, int, str, str]] | None = None
        self._verb_starts: list[int] = []
        self._verb_owner: dict[tuple[int, int], tuple[str, str]] = {}
        self._polls: bool | None = None

    # ---------------------------------------------------------------- lookups
    def sent_at(self, pos: int) -> _Sent:
        if not self.sents:
            return _Sent(0, len(self.text), "body", 0)
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sents[i if i > 0 else 0]

    def in_quote(self, pos: int) -> bool:
        return self.masked[pos:pos + 1] == "_"

    # ---------------------------------------------------------------- referring expressions
    def _find_refs(self) -> list[_Ref]:
        m = self.masked
        refs: list[_Ref] = []
        taken = bytearray(len(m) + 1)      # 1 where a mention was found already
        # the actor table's people named in full, to be told to the name reader in text
        # order, so that a later surname alone is the person named last ("Hillary Clinton
        # ... Clinton said" with a table listing Hillary and Bill Clinton)
        full_names: list[tuple[int, str]] = []
        if self.actors is not None and len(self.actors):
            types, cls_of = _actor_classes(self.actors)
            aliases = dict(zip(self.actors["actor"], self.actors["aliases"], strict=True))
            for s, e, actor in find_mentions(m, self.actors):
                if other_given_name(m, s, e, aliases.get(actor, [])):
                    continue                    # "Ivanka Trump" is not the table's "Trump"
                refs.append(_Ref(s, e, cls_of[actor], actor, types.get(actor, "unknown")))
                taken[s:e] = b"\1" * (e - s)
                if cls_of[actor] == "person" and " " in m[s:e].strip():
                    full_names.append((s, m[s:e]))
        full_names.reverse()
        nouns = _speaker_nouns()
        police = "police" in self.lower
        for s, e in ref_word_spans(m, self.lower):
            low = m[s:e].casefold()
            if taken[s]:
                continue
            if low in _PRONOUNS:
                refs.append(_Ref(s, e, "pronoun", "", "", low))
            elif low in nouns:
                canonical, stype = nouns[low]
                follows = _NAME_FOLLOWS.match(m, e)
                if follows and stype != "document" and _given_name(follows.group(1)):
                    continue   # "the spokesman Tom Reed": the name after the noun is the ref
                if stype == "document":
                    before = m[max(0, s - 20):s].casefold()
                    the = m[max(0, s - 4):s] in ("The ", "the ")
                    if m[s].isupper() and (the or _CAPITALISED_BEFORE.search(
                            m, max(0, s - 30), s)):
                        # the end of a name ("the Washington Post"), or a name itself after
                        # "the" ("The Post intervened"): the paper named in full before
                        if the:
                            named = re.compile(rf"((?:[A-Z][\w'’&.-]*[ \t]){{1,3}}{m[s:e]})\b"
                                               ).findall(m, 0, s - 4)
                            refs.append(_Ref(s, e, "org", re.split(r"\b[Tt]he[ \t]",
                                                                   named[-1])[-1] if named
                                             else m[s:e], "organisation"))
                        continue
                    if _DOCUMENT_OBJECT.search(before):
                        continue
                    refs.append(_Ref(s, e, "document", "", "document"))
                elif stype == "anonymous source":
                    refs.append(_Ref(s, e, "source", canonical, stype))
                elif canonical == "spokesperson":
                    refs.append(_Ref(s, e, "spokes", canonical, stype))
                else:
                    before = m[max(0, s - 25):s].casefold()
                    kind = _OTHER_OFFICER.search(m, max(0, s - 40), s)
                    if kind is not None and kind.group(1).split()[-1] not in _POLICE_WORDS:
                        # "the chief financial officer noted": another kind of officer, who
                        # keeps the words that say which
                        refs.append(_Ref(s, e, "person", f"{kind.group(1).strip()} {low}",
                                         "unknown"))
                        continue
                    if stype == "officer at the scene" and not police:
                        # "the officer in charge of the CIA's base": a police officer only in
                        # an article that speaks of the police
                        refs.append(_Ref(s, e, "person", low, "unknown"))
                        continue
                    variant = "another" if _ANOTHER.search(before) else ""
                    name = f"another {canonical}" if variant else canonical
                    refs.append(_Ref(s, e, "person", name, stype, variant))
        for s, e in _bodies_with_and(m):
            if taken.find(1, s, e) >= 0 or _ACRONYM_IN_BRACKETS.match(m, e + 1):
                continue    # (one its acronym spells is read with the acronym, below)
            # "The Centers for Disease Control and Prevention said": one body, which had
            # been "Prevention"
            refs.append(_Ref(s, e, "org", m[s:e], "organisation"))
            taken[s:e] = b"\1" * (e - s)
        for s, e in org_phrase_spans(m):
            if taken.find(1, s, e) >= 0:
                continue
            refs.append(_Ref(s, e, "org", m[s:e].casefold(), "organisation"))
            taken[s:e] = b"\1" * (e - s)
        for s, e, acronym in _spelled_out(m):
            if taken.find(1, s, e) >= 0:
                continue
            # "the Institute for Energy Economics and Financial Analysis (IEEFA)": the whole
            # name its acronym spells, not "Energy Economics" and "Financial Analysis"
            refs.append(_Ref(s, e, "org", m[s:e], "organisation"))
            self.names.acronyms[acronym] = m[s:e]
            taken[s:e] = b"\1" * (e - s)
        place_end = -1
        owner = _verb_index()[1]
        sent_at = self.sent_at
        of_end = 0       # where the last run with "of" ends ("Jeffrey Lewis of the X Center")
        for match in name_matches(m):
            s, e = match.span()
            while full_names and full_names[-1][0] < s:
                at, form = full_names.pop()
                self.names.canonical(form, at)
            previous_of_end = of_end
            if " of " in m[s:e]:
                of_end = e
            if taken.find(1, s, e) >= 0 or m[s:e].casefold() in _PRONOUNS or \
                    _PRONOUN_CONTRACTED.fullmatch(m, s, e):
                continue        # "He's said ...": the pronoun, not a name
            form = match.group(0)
            if m[e:e + 1].isdigit() and form.isupper():
                continue        # capitals run into a digit: a formula or a code ("CO2")
            words = form.split()
            opening = s
            while words and (words[0].casefold() in _NAME_STOP or len(words) > 1
                             and (words[0].casefold() in owner
                                  # ("Said Jane Doe", not "State Department")
                                  and _name_shape(" ".join(words))[0] != "org"
                                  or _clause_opener(words[0])
                                  # "Celebrating Clinton", "Interestingly Blocher", not
                                  # "Downing Street"
                                  and (self.names.known_surname(words[1])
                                       or _given_name(words[1])))) and \
                    not month_as_given_name(m, s, words):   # "April Ryan" is a name
                if words[0].casefold() not in _GROUP_DETERMINERS:
                    opening = s + len(words[0]) + 1
                s += len(words[0]) + 1             # "Said Jane Doe", "Continued Hale"
                words = words[1:]
            if not words:
                continue
            if m[e:e + 1] == " " and e + 1 in self.nicknames:
                # 'Del. Marcia "Cia" Price': the name is known whole, so the surname after
                # the nickname, read next, names Marcia Price
                surname = _NAME_AFTER_NICKNAME.match(m, self.nicknames[e + 1] + 2)
                if surname is not None:
                    self.names.canonical(words[-1] + " " + surname.group(), s)
                    continue
            sent = sent_at(s)
            # "Other Republicans echoed ...": a determiner before a group leaves it where
            # the sentence's subject stands
            at_start = opening == sent.start or m[sent.start:opening].strip(" '\"“‘(") == ""
            # a lone capitalised word opening a sentence is a name only when news shape says
            # so: "Thompson, 61, was blunt." / "Thompson said ..."
            after = m[s + len(words[0]):s + len(words[0]) + 30]
            # a lone word right after an opening adverbial stands where a subject does
            # ("At the debate, Doe compared ...")
            after_lead = not at_start and len(words) == 1 and m[s - 2:s] == ", " and \
                _LEADING_ADVERBIAL.fullmatch(m, sent.start, s) is not None
            lone_name = len(words) == 1 and (at_start or after_lead) and (
                _LONE_AFTER.match(after) or _present_after_name().match(after)
                or _LONE_APPOSITION.match(after)
                and not _NOT_A_NAME_END.search(words[0])
                # a surname already named in full earlier: "Jane Doe ... Doe later"
                or self.names.known_surname(words[0])) or (
                len(words) == 1 and _DESCRIPTION_AFTER.match(after) is not None
                and _QUOTE_CLOSED_BEFORE.search(self.text, max(0, s - 4), s) is not None)
            # "Trump's campaign said": a known surname's campaign, office or team that speaks
            # speaks for the person (the possessive alone names no one: "Clinton's aides
            # said", "Sanders's campaign manager said")
            campaign = _CAMPAIGN_OF.match(m, e) if len(words) == 1 else None
            candidate = _POSSESSIVE_END.sub("", words[0]) if campaign is not None and \
                _SPEAKS_AFTER.match(m, campaign.end() - 1) else ""
            if candidate == words[0] or not self.names.known_surname(candidate):
                candidate = ""
            if len(words) == 1 and not candidate and (at_start and not lone_name
                                    or words[0].casefold() in _NAME_STOP
                                    or words[0].casefold() in _TITLES
                                    or words[0].casefold() in _AFFILIATIONS):
                continue
            verb_at = next((i for i, w in enumerate(words[1:], 1) if _headline_verb(w)), None)
            if verb_at is not None and not all(w.isupper() for w in words) and \
                    _given_name(words[0]) and self._title_case(s):
                # a headline in title case: "Tom Reyes Says Bridge ..." names Tom Reyes (a
                # description, "Former Pollster Says ...", stays one)
                words = words[:verb_at]
            form = " ".join(words)
            if len(words) > 1 and self._title_case(s):
                shape = _name_shape(form)
                if shape[0] == "full" and not shape[2] and not _given_name(
                        shape[1].split()[0]) and shape[1].split()[-1].casefold() in \
                        lexicon_tags():
                    # in a headline in title case every word is capitalised: "Clinton
                    # Probe", "Supporter Screams" end in a common word and are no names
                    # unless a first name or a title says so ("Tom Reyes", "Sen. Al Smith";
                    # "Donor Adelson" stays)
                    continue
            if " of the " in form:
                # "Stephen Vladeck of the University of Texas": the person, not the run
                head = form.split(" of the ")[0]
                if _name_shape(head)[0] == "full" and not _name_shape(head)[2]:
                    form = head
            owned = _INNER_POSSESSIVE.search(form) if "s " in form else None
            if owned is not None and _DOCUMENT_NOUN_AFTER.match(m, s + len(form)):
                # "Bush's Facebook post": the owner's name, before the thing owned, is the
                # name (the document speaks for its owner)
                form = form[:owned.start()]
                words = form.split()
            # a lone capitalised word that a speech verb follows is a speaker ("Acme
            # said", "Hale pressed"), wherever it stands
            speaks = len(words) == 1 and not at_start and not words[0].isupper() \
                and _SPEAKS_AFTER.match(after) is not None
            if self._is_place(s, s + len(form), form, place_end):
                # "in Leeds, West Yorkshire": no speaker; one place after a comma at most
                place_end = -1 if m[place_end:s] == ", " else s + len(form)
                continue
            name, cls = self.names.canonical(candidate or form, s)
            lead = _NAME_FOR_BEFORE.search(m, max(previous_of_end, s - 60), s) \
                if cls == "org" or cls == "person" and m[max(0, s - 4):s] == "for " \
                and not _given_name(form.split()[0]) else None
            if lead and cls == "person" and not any(
                    w.casefold().rstrip("s") in _BODY_WORDS for w in lead.group(0).split()):
                # a run with no first name joins a body's word before "for" ("the Center
                # for Biological Diversity"); "As for Trump" is no name
                lead = None
            if lead and _name_shape(m[lead.start():s] + form)[0] == "org":
                # "the Center for Responsive Politics": the organisation's whole name
                if refs and refs[-1].start == lead.start():
                    refs.pop()
                form = m[lead.start():s] + form
                s = lead.start()
                name, cls = self.names.canonical(form, s)
            shape = _name_shape(form)
            if not name and shape[0] == "place":
                if at_start or _SPEAKS_AFTER.match(m, s + len(form)):
                    # "China said", "The United States would not ...": a country or a state
                    # speaks for its government (an organisation: never "he" or "she")
                    refs.append(_Ref(s, s + len(form), "org", shape[1], "organisation"))
                continue
            if not name and len(words) == 1 and (at_start or speaks or lone_name) and \
                    not words[0].isupper():
                if (speaks or words[0].casefold() in _ORG_WORDS) and \
                        _THE_BEFORE.search(m[max(0, s - 5):s]):
                    # "the Met said", "The Times said": an organisation
                    name, cls = words[0], "org"
                elif not speaks and self._place_word(words[0]):
                    continue    # "Asmara has become a city", named "in Asmara" elsewhere
                elif self._common_noun(words[0]):
                    continue    # "Research suggests", where the text has "new research"
                elif self._group_word(words[0]):
                    # "Police said", "Aides say": a plural common noun opening the
                    # sentence is a group, never "he" or "she"
                    name, cls = words[0], "plural"
                else:
                    name, cls = words[0], "person"  # a surname that opens a sentence
                    self.names.full.append((s, name, set()))
            if not name:
                continue
            paren = _ACRONYM_AFTER.match(m[e:e + 12]) if cls == "org" else None
            if paren:
                self.names.acronyms[paren.group(1)] = name
            if cls == "person" and _ROLE_AFTER.match(m, s + len(form)):
                # "a senior Cruz adviser", "Clinton aides", "a Trump supporter": another
                # person speaks ("the Clinton campaign" still speaks for Clinton)
                continue
            if _MODIFIER_OF_A_TITLE.match(m, s + len(form)):
                # "Former Pennsylvania governor Ed Rendell", "Bernie Sanders campaign
                # manager Jeff Weaver": a modifier of the title, not a speaker (a name is
                # still known for later mentions)
                continue
            refs.append(_Ref(s, s + len(form), cls, name, "unknown" if cls == "person" else
                             "group" if cls == "plural" else "organisation"))
        for at, form in reversed(full_names):
            self.names.canonical(form, at)
        refs.sort(key=lambda r: (r.end, r.start))
        return refs

    def _common_noun(self, word: str) -> bool:
        """Whether a lone capitalised word opening a sentence is a singular common noun:
        the lexicon's NN, written in lower case elsewhere in the article ("Research
        suggests", "new research"), and never a surname there ("Politico" stays a name)."""
        low = word.casefold()
        return lexicon_tags().get(low) == "NN" and not _given_name(word) and \
            re.search(rf"\b{re.escape(low)}\b", self.text) is not None and \
            not self.names.known_surname(word)

    def _group_word(self, word: str) -> bool:
        """Whether a lone capitalised word opening a sentence is a plural common noun (the
        lexicon's NNS, or "police", which English treats as plural) that the article never
        uses as a surname."""
        low = word.casefold()
        return (lexicon_tags().get(low) == "NNS" or low == "police") and \
            not self.names.known_surname(word)

    def _place_word(self, word: str) -> bool:
        """Whether a single capitalised word is a place: the article puts it after "in",
        "near", "into" ... ("in Asmara"), never after another capitalised word ("Jeb
        Bush") nor right before a speech verb, and it is no census first name. A place
        never opens a sentence as a person."""
        known = self._places.get(word)
        if known is None:
            m, at, locative = self.masked, 0, False
            known = not _given_name(word)
            while known:
                at = m.find(word, at)
                if at < 0:
                    break
                end = at + len(word)
                if (at == 0 or not m[at - 1].isalnum()) and not m[end:end + 1].isalnum():
                    before = m[max(0, at - 40):at]
                    last = before.split()[-1] if before.strip() else ""
                    if before.endswith((" ", "\t")) and last[:1].isupper() and \
                            last.casefold() not in _FUNCTION_WORDS or _SPEAKS_AFTER.match(m, end):
                        known = False     # "Jeb Bush", "Asmara said" (not "In Asmara")
                    elif _LOCATIVE_BEFORE.search(before) and \
                            not _NOT_A_PLACE_AFTER.match(m, end):
                        locative = True
                at = end
            known = known and locative
            self._places[word] = known
        return known

    def _is_place(self, s: int, e: int, form: str, place_end: int) -> bool:
        """A capitalised run that names a place or a wire service, not a speaker: after
        "in", "at", "near" ... ("in West Yorkshire", "at Doe House"), after a place and a
        comma ("in Leeds, West Yorkshire"), a dateline opening a paragraph ("LEEDS,")
        or a credit in brackets ("(AFP)")."""
        m = self.masked
        after = m[e:e + 3]
        if after[:2] in ("'s", "’s"):
            return False
        if _PLACE_BEFORE_REVERSED.match(m[max(0, s - 16):s][::-1]):
            return True
        if place_end >= 0 and m[place_end:s] == ", " and not (
                _SPEAKS_AFTER.match(m, e) or _titled_full_name(form) or _titled_name(form)):
            # "in Leeds, West Yorkshire"; not "In Ohio, Tom Reyes said" nor "in Nevada,
            # Senator Harry Reid, the minority leader, said" nor "In Washington, President
            # Obama released"
            return True
        if form.isupper() and (m[s - 1:s] == "(" and after[:1] == ")"
                               or (s == 0 or m[s - 1] == "\n") and after[:1] in ",("):
            return True
        if place_name(form):
            if _TOWN_COMMA_BEFORE.search(m, max(0, s - 40), s):
                return True            # "Columbia, South Carolina", "Orlando, Florida"
            noun = _LOWER_WORD_AFTER.match(m, e)
            if noun and noun.group(1) not in _FUNCTION_WORDS and \
                    not is_finite_verb(noun.group(1)) and not _SPEAKS_AFTER.match(m, e):
                return True            # "the New York businessman", "South Carolina voters"
        return False

    def refs_in(self, start: int, end: int) -> list[_Ref]:
        lo = bisect.bisect_right(self.ref_ends, start)
        hi = bisect.bisect_right(self.ref_ends, end)
        return [r for r in self.refs[lo:hi] if r.start >= start]

    # ---------------------------------------------------------------- resolution
    def resolve(self, ref: _Ref, phrase_end: int | None = None) -> tuple[str, str, str]:
        """(speaker, speaker_type, cls) of a referring expression."""
        if ref.cls == "pronoun":
            return self.resolve_pronoun(ref)
        if ref.cls == "document":
            return self.resolve_document(ref)
        if ref.cls == "spokes":
            after = re.match(r"\s+(?:for|of|at)\s+", self.masked[ref.end:ref.end + 8])
            cands = []
            if after:
                cands = [r for r in self.refs_in(ref.end, ref.end + 80)
                         if r.start == ref.end + after.end() and r.cls in ("person", "org")]
            if not cands:
                # "Gowdy's spokesman", "a Clinton campaign spokesman": the name right
                # before, or before its campaign, office or team
                cands = [r for r in self.refs_in(max(0, ref.start - 60), ref.start)
                         if r.cls in ("person", "org")
                         and _SPOKES_OWNER_GAP.fullmatch(self.masked, r.end, ref.start)]
            if cands:
                return cands[0].speaker, cands[0].speaker_type, cands[0].cls
            owner = _TITLE_OWNER_BEFORE.search(self.lower, max(0, ref.start - 30), ref.start)
            if owner and (titled := self.names.by_title(owner.group(1))):
                return titled, "unknown", "person"    # "the congressman's spokesman"
            if after:
                name = re.match(r"(?:the\s+)?((?:[A-Z][\w'’&.-]*\s?)+)",
                                self.masked[ref.end + after.end():ref.end + 80])
                if name:
                    return name.group(1).strip(), "organisation", "org"
            return "spokesperson", "unknown", "person"
        if ref.cls == "source":
            sent = self.sent_at(ref.start)
            window = self.masked[max(sent.start, ref.start - 40):ref.start]
            # its modifiers stand in its own phrase: "under the new rules, officials
            # said" names officials, not "new rules officials"
            window = _PHRASE_BREAK.split(window)[-1]
            pre_words: list[str] = []
            for w in reversed(re.findall(r"(?:[A-Z]\.){2,}|[A-Za-z\-]+", window)[-2:]):
                if w.casefold() in _BEFORE_TITLE_STOP:
                    break
                pre_words.insert(0, w)
            end = max(phrase_end if phrase_end is not None else ref.end, ref.end)
            phrase = " ".join([*pre_words, self.masked[ref.start:end]])
            phrase = re.split(r"[,;:]", phrase)[0].strip()
            if re.search(r"\b(?:government|whitehall|downing street|ministerial)\b", phrase,
                         re.I):
                return "government sources", "anonymous source", "source"
            words = phrase.split()
            if len(words) > 8:
                words = [self.masked[ref.start:ref.end]]
            return " ".join(words).casefold(), "anonymous source", "source"
        return ref.speaker, ref.speaker_type, ref.cls

    def resolve_document(self, ref: _Ref) -> tuple[str, str, str]:
        """Who speaks through a statement, letter or email: its owner ("the campaign's
        statement"), its sender ("a letter from the American Legion"), the subject that put
        it out ("Doe issued a statement saying"), else the nearest organisation. A document
        met again while its own owner is being looked for (the subject of "released a
        statement saying" resolved through the same statement) has none: the nearest
        organisation."""
        key = (ref.start, ref.end)
        if key in self._documents_open:
            return self.resolve_org(ref.start)
        self._documents_open.add(key)
        try:
            return self._resolve_document(ref)
        finally:
            self._documents_open.discard(key)

    def _resolve_document(self, ref: _Ref) -> tuple[str, str, str]:
        m = self.masked
        sent = self.sent_at(ref.start)
        if self.lower[max(0, ref.start - 4):ref.start] == "the ":
            # "an email was sent from the club's director ... The email said": the same
            # document named a little before, with its sender
            word = self.lower[ref.start:ref.end]
            earlier = [r for r in self.refs_in(max(0, ref.start - 400), ref.start - 1)
                       if r.cls == "document" and self.lower[r.start:r.end] == word]
            if earlier:
                return self.resolve_document(earlier[-1])
        owner = re.search(r"['’]s?\s+(?:[a-z-]+\s+|[A-Z][A-Za-z-]+\s+){0,2}$",
                          m[max(sent.start, ref.start - 40):ref.start])
        if owner:
            at = max(sent.start, ref.start - 40) + owner.start()
            for r in self.refs_in(max(sent.start, at - 60), at):
                if r.end == at and r.cls in ("person", "org", "plural", "pronoun"):
                    return self.resolve(r)
        sender = re.match(r"\s+(?:\w+\s+){0,2}?(?:from|by)\s+(?:the\s+)?", m[ref.end:ref.end + 40])
        if sender:
            for r in self.refs_in(ref.end + sender.end(), min(sent.end, ref.end + 100)):
                if r.start == ref.end + sender.end() and r.cls in ("person", "org", "plural"):
                    return self.resolve(r)
        if _RECEIVED.search(m, sent.start, ref.start):
            # "Trump received a threatening letter": the one named received it; the sender
            # is not said, and the letter speaks for itself
            return self.lower[ref.start:ref.end], "document", "document"
        indefinite = _INDEFINITE_BEFORE.search(m, max(sent.start, ref.start - 30), ref.start)
        if indefinite:
            issued = _ISSUED_BEFORE.search(m, max(sent.start, indefinite.start() - 40),
                                           indefinite.start())
            if issued:
                # "The town released a statement saying ...", "His office put out a
                # statement": who issued it
                spk, st, cls, _ = self.subject(issued.start(1), issued.end(1), ref.start)
                if spk:
                    return spk, st, cls
            if any(r.cls in ("person", "org", "plural", "pronoun") and not self.in_quote(r.start)
                   for r in self.refs_in(sent.start, ref.start)):
                spk, st, cls, _ = self.coordinated(sent, ref.start)
                if spk:
                    return spk, st, cls
            elif indefinite.group(0)[:1] in "aAoO":
                # "A letter to committee members calls for ...": a document the sentence
                # brings in, sent by no one it names, speaks for itself (the nearest body
                # named before is not its sender); not "the new statement", which may be
                # the one a body named before has just put out
                return self.lower[ref.start:ref.end], "document", "document"
        return self.resolve_org(ref.start)

    def _outer_verb(self, vs: int) -> tuple[int, int] | None:
        """The reporting verb whose clause holds the speech verb at ``vs`` ("Obama said he
        expected Americans would say ...", "According to Doe, the media would call ..."):
        the first reporting verb of the sentence before it, with no clause break (";", ",
        and", ", but") or quotation mark in between; None when there is none."""
        sent = self.sent_at(vs)
        m = self.masked
        for v in self.verbs_in(sent.start, vs):
            if self.in_quote(v[0]) or v[2] not in _INDIRECT_VERBS or v[2] == "ask":
                continue                 # "when asked about X, Obama said ...": not its clause
            between = m[v[1]:vs]
            if v[1] >= vs or _OUTER_BREAK.search(between) or _QUOTE_MARK.search(between):
                return None
            if v[2] != "according to" and not re.match(
                    r"\s+(?:that\s+|on\s+\w+\s+(?:that\s+)?|\w+ly\s+)?"
                    r"(?:[A-Z]|he\b|she\b|they\b|it\b|the\b)", between):
                return None               # "said in an interview ...": no clause follows
            return v[0], v[1]
        return None

    def _last_clause_subject(self, sent: _Sent, end: int) -> _Ref | None:
        """The subject of the last coordinated clause before ``end`` ("..., and Breitbart
        News responded"): a name right after "and" or "but" that a verb follows; None."""
        m = self.masked
        joins = list(_CLAUSE_JOIN.finditer(m, sent.start, end))
        if not joins:
            return None
        at = joins[-1].end()
        for r in self.refs_in(at, end):
            if r.cls in ("person", "org", "plural", "pronoun") and not self.in_quote(r.start):
                r = self.title_head(r, end)
                head = m[at:r.start]
                if len(head.split()) <= 3 and "," not in head and _ACTS.match(m, r.end, end):
                    return r
            break
        return None

    def poll_source(self, verb: tuple[int, int]
                    ) -> tuple[str, str, str, tuple[int, int]] | None:
        """The poll or survey that speaks when the subject of ``verb`` is a share of its
        respondents ("In a CNN/ORC poll, 31% of Republicans said '...'", "Six in 10 voters
        said ..., according to a Quinnipiac poll"); None otherwise."""
        m = self.masked
        if self._polls is None:
            # no "poll" or "survey" anywhere: no sentence of the article names one
            self._polls = "poll" in m or "survey" in m
        if not self._polls:
            return None
        sent = self.sent_at(verb[0])
        if m.find("poll", sent.start, sent.end) < 0 and m.find("survey", sent.start,
                                                                sent.end) < 0:
            return None                 # the poll pattern below can find nothing
        clause = m[sent.start:verb[0]]
        cut = max(clause.rfind(","), clause.rfind(":"), clause.rfind(";"))
        if not _SHARE.search(clause[cut + 1:]):
            return None
        polls = [p for p in _POLL.finditer(m, sent.start, sent.end) if not self.in_quote(p.start())]
        if not polls:
            return None
        found = polls[0]
        name = found.group(0)
        words = name.split()
        if words[0].casefold() in _DETERMINERS:
            words = words[1:]
        # "a fresh CNN-ORC poll" is the CNN-ORC poll
        while len(words) > 2 and words[0].islower() and words[1][:1].isupper():
            words = words[1:]
        return " ".join(words), "document", "document", found.span()

    def _described_as(self, words: list[str], before: int) -> _Ref | None:
        """The person named nearest before ``before`` whom the article describes with
        ``words``, a description headed by a person's noun or a title: right before the
        name ("Retired neurosurgeon Ben Carson") or as its appositive, closed by a comma or
        a full stop ("Ben Carson, a retired neurosurgeon,"; not "As Trump attacked Clinton,
        the attendees chanted"); None when no one is."""
        if not words or not all(w[:1].isalpha() for w in words):
            return None
        head = words[:words.index("of")] if "of" in words[1:] else words
        noun = head[-1].casefold()
        if not (_people_noun(noun) or noun.rstrip(".") in _TITLES):
            return None
        phrase = r"\s+".join(re.escape(w) for w in words)
        # where a name ends that the description opens, or where one ends that the
        # description follows as an appositive; the text is searched once for each
        ends = {run.end() for m in re.compile(
            rf"(?i:\b{phrase})((?:\s+[A-Z][\w.'’-]*){{1,6}})").finditer(self.masked, 0, before)
            for run in _CAPITALISED_RUN_WORD.finditer(self.masked, m.start(1), m.end(1))}
        ends |= {m.start() for m in re.compile(
            rf",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{phrase})\s*[,.;)]"
        ).finditer(self.masked, 0, before)}
        if not ends:
            return None
        for r in reversed(self.refs_in(0, before)):
            if r.end in ends and r.cls == "person" and not self.in_quote(r.start):
                return r
        return None

    def _compatible(self, cls: str, want: str) -> bool:
        if want == "person":
            return cls == "person"
        if want == "org":
            return cls == "org"
        return cls in ("org", "plural", "source")

    def _names_others(self, r: _Ref) -> bool:
        """Whether an organisation's name only modifies a noun for people after it ("the
        GOP candidate's proposal", "GOP presidential hopefuls"): those people, not the
        body, are what a later "they" or "it" may stand for."""
        if r.cls != "org":
            return False
        after = _NOUN_AFTER_NAME.match(self.masked, r.end)
        return after is not None and _people_noun(after.group(1))

    def resolve_pronoun(self, ref: _Ref) -> tuple[str, str, str]:
        want = _PRONOUNS[ref.variant]
        sex = _PRONOUN_SEX.get(ref.variant, "")

        def fits(spk: str, cls: str) -> bool:
            # "she" is never a man the census lists of first names or a title say is one
            return bool(spk) and self._compatible(cls, want) and (
                not sex or self.names.sex_of(spk) in ("", sex))

        sent = self.sent_at(ref.start)
        # 1. a compatible name earlier in the same sentence: the sentence's subject when
        #    the pronoun is a speaker's ("Akers said she would back Reed, whom she
        #    called ..."), else the nearest
        before = [r for r in self.refs_in(sent.start, ref.start)
                  if r.cls not in ("pronoun", "document") and not self.in_quote(r.start)]
        lead = _LEADING_ADVERBIAL.match(self.masked, sent.start, ref.start)
        first = [r for r in before if not lead or r.start >= lead.end()]
        if first and _SPEECH_AFTER.match(self.masked, ref.end) and \
                self.masked[first[0].end:first[0].end + 2] not in ("'s", "’s"):
            spk, st, cls = self.resolve(first[0])
            if fits(spk, cls):
                return spk, st, cls
        for r in reversed(before):
            if self._names_others(r):
                continue
            spk, st, cls = self.resolve(r)
            if fits(spk, cls):
                return spk, st, cls
        # 2. the most recent compatible speaker, unless the sentence just before opens with
        #    another compatible name ("Local resident Ahmed Khan welcomed the plan. '...,'
        #    he told reporters.")
        #    or, back to that speaker, a sentence a few before it does, the sentences
        #    between going on about that person ("Sanders won Vermont. His opponent,
        #    Hillary Clinton, won Georgia. He told the crowd ...")
        body = sent.kind == "body"
        # '"Sure it is. I would not have run ...," he said': the sentences before are those
        # before the quotation, which the splitter may have cut in two
        opened = next((q.open_pos for q in self.quotes if q.close_pos is not None
                       and 0 < ref.start - q.close_pos <= 3
                       and q.open_pos < sent.start < q.close_pos
                       and self.sent_at(q.open_pos).paragraph == sent.paragraph), None)
        back_from = 2
        if opened is not None:
            sent = self.sent_at(opened)
            if self.masked[sent.start:opened].strip():
                back_from = 1    # 'Clinton seemed irritated: "..." counts as a sentence before
        last_pos = max((h[0] for h in self.history
                        if h[0] < (ref.start if opened is None else opened)), default=-1)
        k = bisect.bisect_right(self.sent_starts, sent.start) - back_from
        for back in range(min(_SENTENCES_BACK, k + 1)):
            prev = self.sents[k - back]
            if prev.paragraph < sent.paragraph - 1 - (back > 0) or prev.end <= last_pos:
                break
            if back and body and prev.kind != "body":
                break                   # not back into a headline or a caption
            # past an opening clause ("Although it was far from over, Attorney General
            # Jane Doe took ..."): the subject of the main clause opens the sentence
            opening = _LEADING_ADVERBIAL.match(self.masked, prev.start, prev.end)
            opens_at = prev.start
            if opening:
                after = sorted((r for r in self.refs_in(opening.end(), prev.end)
                                if not self.in_quote(r.start) and r.cls != "document"),
                               key=lambda r: r.start)[:1]
                between = self.masked[opening.end():after[0].start] if after else ","
                if after and after[0].cls not in ("pronoun", "document") and (
                        not between.strip() or _titles_only(between)
                        or between.strip() in ("The", "the")):   # "The Post's Jane Doe"
                    opens_at = opening.end()   # the main clause's subject, named first
            first = [r for r in self.refs_in(opens_at, prev.end)
                     if not self.in_quote(r.start) and r.cls not in ("pronoun", "document")]
            lead = self.masked[opens_at:first[0].start] if first else ","
            if first and first[0].start > last_pos and "," not in lead and (
                    len(lead.split()) <= 3 if back == 0 else not lead.strip()
                    or _titles_only(lead)):
                answer = self._asked_by(first[0], first[1:])
                if answer is not None:
                    # "Conroy asked Sanders whether ... . '...,' he said": the one asked
                    # answers
                    spk, st, cls = self.resolve(answer)
                    if fits(spk, cls):
                        return spk, st, cls
                spk, st, cls = self.resolve(first[0])
                if fits(spk, cls):
                    return spk, st, cls
                # a body opens it, and a person it names speaks ("the Department pointed
                # to comments made by Jane Doe, an appointee, who spoke at a conference.
                # He said ..."): that person
                talker = next((r for r in first[1:] if r.cls == "person"
                               and _RELATIVE_SPEAKS.match(self.masked, r.end, prev.end)), None)
                if talker is not None:
                    spk, st, cls = self.resolve(talker)
                    if fits(spk, cls):
                        return spk, st, cls
                break                   # another kind of name opens it: not further back
            speaker = next((r for r in first if _SPEAKS_AFTER.match(self.masked, r.end)),
                           None)
            if speaker is not None and speaker.start > last_pos:
                # "'The Met has failed,' Mr Falter said. He called for ...": the speaker
                # of the sentence before
                spk, st, cls = self.resolve(speaker)
                if fits(spk, cls):
                    return spk, st, cls
                break
        asked = self._one_asked(sent, last_pos)
        if asked is not None:
            spk, st, cls = self.resolve(asked)
            if fits(spk, cls):
                return spk, st, cls          # "X asked Y whether ...": Y answers
        for pos, spk, st, cls, pkind in reversed(self.history):
            if pos >= ref.start or (body and pkind == "caption"):
                continue
            if fits(spk, cls):
                return spk, st, cls
        # 3. the nearest compatible name before
        for r in reversed(self.refs_in(0, sent.start)):
            if r.cls in ("pronoun", "document") or self.in_quote(r.start) or \
                    self._names_others(r):
                continue    # not "GOP" of "the GOP candidate's proposal"
            if body and self.sent_at(r.start).kind == "caption":
                continue
            spk, st, cls = self.resolve(r)
            if fits(spk, cls):
                return spk, st, cls
        return "", "unknown", want

    def _one_asked(self, sent: _Sent, last_pos: int) -> _Ref | None:
        """The one asked in the sentence right before ``sent`` when the last speaker spoke
        there by asking ("Conroy asked Sanders whether ..."): who answers next."""
        if last_pos < 0:
            return None
        asking = self.sent_at(last_pos)
        i = bisect.bisect_right(self.sent_starts, sent.start) - 1
        if i < 1 or self.sents[i - 1].start != asking.start:
            return None
        refs = [r for r in self.refs_in(asking.start, asking.end) if not self.in_quote(r.start)]
        for r in refs:
            if r.cls == "person" and _ASKED_AFTER.match(self.masked, r.end):
                return self._asked_by(r, refs)
        return None

    def _asked_by(self, asker: _Ref, refs: list[_Ref]) -> _Ref | None:
        """Of ``refs``, the one ``asker`` asked ("Conroy asked Sanders whether ..."): the
        name right after "asked", "pressed" or "quizzed", not a possessive ("questioned
        Trump's veracity"); None when no verb of asking follows the asker."""
        asked = _ASKED_AFTER.match(self.masked, asker.end)
        if asked is None:
            return None
        return next((r for r in refs if r.start == asked.end()
                     and r.cls not in ("pronoun", "document")
                     and self.masked[r.end:r.end + 2] not in ("'s", "’s")), None)

    def resolve_org(self, pos: int) -> tuple[str, str, str]:
        return self.resolve_pronoun(_Ref(pos, pos, "pronoun", "", "", "it"))

    # ---------------------------------------------------------------- speech verbs
    def verbs_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """The speech verbs (start, end, lemma, class) lying in [start, end), in order;
        the article is searched once and each call is a lookup."""
        if self._all_verbs is None:
            self._all_verbs = self._verbs_in()
            self._verb_starts = [v[0] for v in self._all_verbs]
            self._verb_owner = {(v[0], v[1]): (v[2], v[3]) for v in self._all_verbs}
        lo = bisect.bisect_left(self._verb_starts, start)
        hi = bisect.bisect_left(self._verb_starts, end)
        return [v for v in self._all_verbs[lo:hi] if v[1] <= end]

    def verb_owner(self, vs: int, ve: int) -> tuple[str, str]:
        """(lemma, class) of the speech verb at [vs, ve)."""
        found = self._verb_owner.get((vs, ve))
        if found is None:
            found = _verb_index()[1][_SPACES.sub(" ", self.masked[vs:ve]).casefold()]
        return found

    def verb_fields(self, vs: int, ve: int) -> tuple[str, str, str]:
        """The quotation's verb columns for the speech verb at [vs, ve): its lemma, its
        class and its text as printed."""
        lemma, cls = self.verb_owner(vs, ve)
        return lemma, cls, self.text[vs:ve]

    def _title_case(self, pos: int) -> bool:
        """Whether the sentence at ``pos`` is a headline in title case: four words or more,
        and all but a few short ones capitalised ("Mayor Says Bridge Will Reopen In May")."""
        sent = self.sent_at(pos)
        found = self._title_cases.get(sent.start)
        if found is None:
            words = _TITLE_WORD.findall(self.masked, sent.start, sent.end)
            found = len(words) >= 4 and not any(w[0].islower() and len(w) > 3 for w in words)
            self._title_cases[sent.start] = found
        return found

    def _verbs_in(self) -> list[tuple[int, int, str, str]]:
        """Every speech verb of the article (start, end, lemma, class), in order."""
        owner = _verb_index()[1]
        out = []
        m = self.masked
        low = self.lower
        for s, e in verb_form_spans(m, low):
            # the lower-cased form is the case-folded one unless the text holds one of the
            # letters the fast matchers leave to the case-insensitive pattern
            form = low[s:e]
            found = owner.get(form)
            if found is None or len(low) != len(m):
                form = _SPACES.sub(" ", m[s:e]).casefold()
                found = owner.get(form)
                if found is None:           # "İNSISTED" folds to "i̇nsisted": no form we know
                    continue
            lemma, cls = found
            before = _word_before(m[max(0, s - 20):s]) if m[s - 1:s].isspace() else None
            if before and (before[0].casefold() in _NOUN_DETERMINERS
                           or before[1]
                           and before[0].casefold() not in _CONTRACTED):
                continue                    # "the report", "the inspector's report": a noun
            if form in _NOUN_FIRST and not (before and _SUBJECT_BEFORE.fullmatch(
                    before[0].casefold())) and not _CLAUSE_AFTER.match(m[e:e + 8]) and not (
                    _ATTRIBUTION_ENDS.match(m, e)
                    and _OPENING_NAME_BEFORE.search(m, max(0, s - 80), s)):
                continue                    # "state treasurer", "a Pentagon report"
            if m[s].isupper():
                prev = m[max(0, s - 3):s].rstrip()[-1:]
                if prev and prev not in ".!?:;\"“”'‘’([" and not (
                        is_finite_verb(m[s:e]) and self._title_case(s)):
                    continue                # "the United States": a name, not a verb
            if lemma == "call" and _FOR_AFTER.match(self.masked[e:e + 6]):
                continue
            if lemma in ("continue", "go on") and (
                    _TO_AFTER.match(self.masked[e:e + 5])
                    or not _GO_ON_SPEAKS.match(self.text[e:e + 12])
                    # "Continued Stone: ...": inverted, the speaker after the verb
                    and not (m[s].isupper() and m[e:e + 2].strip()[:1].isupper())):
                continue                    # "would continue to fight", "goes on recess"
            out.append((s, e, lemma, cls))
        return out

    def subject(self, vs: int, ve: int, limit: int) -> tuple[str, str, str, tuple[int, int] | None]:
        """Speaker of the verb at [vs, ve): (speaker, type, cls, mention span)."""
        sent = self.sent_at(vs)
        m = self.masked
        verb_text = m[vs:ve].casefold()
        pre = m[sent.start:vs]
        pre_clean = _PARENS.sub(lambda x: " " * len(x.group(0)), pre) if "(" in pre else pre
        if "—" in pre_clean or "–" in pre_clean:
            # "Jason Sims — a teacher from Mount Pleasant — says": an aside between dashes,
            # like one in brackets, is no subject
            pre_clean = _DASH_ASIDE.sub(lambda x: " " * len(x.group(0)), pre_clean)
        when = _TIME_BEFORE_VERB.search(pre_clean) if "," in pre_clean else None
        if when is not None:
            # "Jane Doe, the party's chair, this past week announced": a time between the
            # appositive's comma and the verb is no subject
            pre_clean = pre_clean[:when.start(1)] + " " * (len(pre_clean) - when.start(1))
        parts = pre_clean.split()
        # passive: "was described by an officer as ..."
        words = [t.casefold().strip(",") for t in parts]
        k = len(words)
        while k and (words[k - 1] in _STRIP_NOT_BE or _adverb(words[k - 1])):
            k -= 1
        if k and words[k - 1] in _BE and (_PARTICIPLE_END.search(verb_text)
                                          or verb_text == "told"):
            agent = _BY.search(m[ve:limit])
            if agent and any(lexicon_tags().get(w.casefold()) in ("VBN", "VBD")
                             for w in m[ve:ve + agent.start()].split()):
                agent = None  # "was asked at a lunch held by the Journal": held's agent
            if agent:
                a_start = ve + agent.end()
                cands = [r for r in self.refs_in(a_start, min(limit, a_start + 80))]
                if cands:
                    first = min(cands, key=lambda r: r.start)
                    spk, st, cls = self.resolve(first)
                    return spk, st, cls, (first.start, first.end)
            # "was slammed as '...'": the sentence does not say who spoke
            return "", "unknown", "passive", None
        owner = _POSSESSOR_BEFORE.search(pre) if m[ve:ve + 6] == " that " else None
        if owner is not None and all(lexicon_tags().get(w) in _DESCRIBING_TAGS
                                     for w in pre[owner.end(1):].split()):
            # "his recent claim that ...": the word is a noun, and its owner spoke
            variant = _POSSESSOR_PRONOUN[owner.group(1).casefold()]
            at = sent.start + owner.start(1)
            spk, st, cls = self.resolve_pronoun(
                _Ref(at, at + len(owner.group(1)), "pronoun", "", "", variant))
            return spk, st, cls, (at, at + len(owner.group(1))) if spk else None
        if words and words[-1] == "to" and len(words) > 1:
            # "X said Y was right to urge ...": an infinitive has no subject of its own;
            # the speaker is the sentence's
            return self.coordinated(sent, vs)
        # strip auxiliaries and adverbs before the verb
        k = len(parts)
        # a capitalised word after another is part of a name ("Theresa May said", "One
        # Wisconsin Now said", "Mrs. Schlafly replied"), not "may", "now" or an adverb;
        # in a headline in title case every word is capitalised ("Al Sharpton Just Said")
        prose = not self._title_case(vs)
        while k and (words[k - 1] in _STRIP_TAIL or _adverb(words[k - 1])
                     and len(words[k - 1]) > 4 and not parts[k - 1].endswith(",")) and \
                not (k > 1 and parts[k - 1][:1].isupper() and parts[k - 2][:1].isupper()
                     and (prose or parts[k - 1] in ("May", "Will"))):
            k -= 1
        # the last word kept, as (start, end, text) in pre_clean
        tokens = [_token_at(pre_clean, parts, k - 1)] if k else []
        if not tokens:
            inverted = self._inverted_subject(sent, vs, ve)
            if inverted is not None:
                return inverted
        # a closing mark after the comma ('of "fair rents," saying') is punctuation
        tail = tokens[-1][2].casefold().rstrip("”’\"'") if tokens else ""
        participle = verb_text.endswith("ing")
        if tail in ("and", "but") and "," in pre_clean[:tokens[-1][0]]:
            doer = self._clause_doer(sent, pre_clean, tokens[-1][0])
            if doer is not None:
                # ", he laughed and said": the doer of the verb before "and", not the
                # subject of a speech verb in an earlier clause ("when Doe was asked ...")
                spk, st, cls = self.resolve(doer)
                return spk, st, cls, (doer.start, doer.end)
        if not tokens or tail in ("and", "but", "or", "and,") or tail.endswith(",") and \
                participle or tail in ("after", "before", "by", "while", "when", "without",
                                       "despite", "to"):
            return self.coordinated(sent, vs)
        if tail in ("who", "who's", "who’s"):
            for r in reversed(self.refs_in(sent.start, sent.start + tokens[-1][0])):
                spk, st, cls = self.resolve(r)
                if cls == "person" and spk:
                    return spk, st, cls, (r.start, r.end)
            return self.coordinated(sent, vs)
        if tail in ("which", "that"):
            spk, st, cls = self.resolve_org(sent.start + tokens[-1][0])
            return spk, st, cls, None
        np_end = sent.start + tokens[-1][1]
        if tail.endswith(","):
            # appositive: "Marie van der Zyl, president of ..., said"
            segments = [x for x in _COMMA_SEGMENT.finditer(pre_clean[:tokens[-1][1]])]
            if len(segments) >= 2:
                seg = segments[-2]
                # the first segment naming a person after an opening adverbial is the
                # head ("Jane Doe, editor of the Daily Planet, said"); else the last
                lead = _LEADING_ADVERBIAL.match(pre_clean)
                # (a name opening it, or closing it after its titles: "Former Arizona
                # governor Jan Brewer, an early supporter of Trump, calls")
                heads = [cand for cand in segments[:-1]
                         if (not lead or cand.start() >= lead.end() - 1)
                         and any(r.cls == "person" and (
                                 # ("But Jane Doe, the company's treasurer, said")
                                 _LINK_ONLY.fullmatch(pre_clean, cand.start(),
                                                      r.start - sent.start) is not None
                                 # ("Jane and Tom Doe, the parents of ..., say")
                                 or r.end == sent.start + cand.start()
                                 + len(cand.group(0).rstrip(" ,"))
                                 and (_FIRST_NAME_AND.fullmatch(pre_clean, cand.start(),
                                                                r.start - sent.start)
                                      or _titles_only(
                                          pre_clean[cand.start():r.start - sent.start])))
                                 for r in self.refs_in(sent.start + cand.start(),
                                                       sent.start + cand.end()))]
                for cand in reversed(segments):
                    if _RELATIVE_OPENING.match(cand.group(0)) or _opens_with_preposition(
                            cand.group(0)):
                        # ", who since ... the GOP nominee,", ", in a nod to Jane Doe,":
                        # not the subject
                        continue
                    if any(r.cls == "person" and m[r.end:r.end + 2] not in ("'s", "’s")
                           for r in self.refs_in(sent.start + cand.start(),
                                                 sent.start + cand.end())):
                        seg = cand
                        break
                if heads and heads[0].start() < seg.start():
                    seg = heads[0]
                np_start, np_end = sent.start + seg.start(), sent.start + seg.end()
                return self.np_speaker(np_start, np_end, vs)
        bounds = [b.end() for b in _BOUNDARY.finditer(pre_clean[:tokens[-1][1]])]
        np_start = sent.start + (bounds[-1] if bounds else 0)
        across = [r.start for r in self.refs_in(sent.start, np_end) if r.start < np_start < r.end]
        if across:
            # "The Bureau of Alcohol, Tobacco, Firearms and Explosives said": a name read
            # whole reaches back past the comma
            np_start = min(across)
        if bounds and _TOWN_COMMA_BEFORE.search(m, max(sent.start, np_start - 40), np_start) \
                and _name_shape(m[np_start:np_end].strip())[0] == "place":
            # "Stacy Baker of Columbia, South Carolina says": the state closes the place
            # the speaker is from; the phrase before the comma speaks
            np_start = sent.start + (bounds[-2] if len(bounds) > 1 else 0)
        for v in reversed(self.verbs_in(np_start, vs)):
            if v[1] < vs and not self.in_quote(v[0]) and _CLAUSE_SUBJECT_ONLY.fullmatch(
                    m, v[1], vs):
                # "sources have said he said '...'": the last speech verb's clause opens
                # after it, and its own subject speaks
                np_start = v[1]
            break
        return self.np_speaker(np_start, np_end, vs)

    def _clause_doer(self, sent: _Sent, pre: str, link: int) -> _Ref | None:
        """The doer of a short clause after the sentence's last comma and before the "and"
        at ``pre[link:]`` (", he laughed and said", ", Jane Doe paused and added"): a
        pronoun or a person's name opening it, then one verb that is not a speech verb and
        at most one adverb; else None."""
        cut = sent.start + pre.rfind(",", 0, link) + 1
        refs = [r for r in self.refs_in(cut, sent.start + link) if not self.in_quote(r.start)]
        if len(refs) != 1 or refs[0].cls not in ("pronoun", "person") or \
                self.masked[cut:refs[0].start].strip():
            return None
        ref = refs[0]
        rest = self.masked[ref.end:sent.start + link].split()
        if not 1 <= len(rest) <= 2 or self.verbs_in(ref.end, sent.start + link):
            return None
        tags = [lexicon_tags().get(w.casefold(), "") for w in rest]
        return ref if tags[0] in ("VBD", "VBZ") and all(t == "RB" for t in tags[1:]) else None

    def _inverted_subject(self, sent: _Sent, vs: int, ve: int
                          ) -> tuple[str, str, str, tuple[int, int] | None] | None:
        """The speaker after a verb that opens its sentence: "Said Jane Doe, who ...:",
        "Continued Hale: '...'", "Added the senator, '...'"; None when no name or
        description follows before a comma, colon or quotation mark."""
        m = self.masked
        if not m[vs:vs + 1].isupper() or m[ve:ve + 4].startswith(("ing", " to", " that")):
            return None
        stop = re.search(r"[,:;.!?'\"“‘_]|\s[-–—]\s", m[ve:min(sent.end, ve + 120)])
        np_end = ve + (stop.start() if stop else min(sent.end, ve + 120) - ve)
        if np_end <= ve or len(m[ve:np_end].split()) > 8:
            return None
        refs = [r for r in self.refs_in(ve, np_end) if r.cls not in ("pronoun", "document")]
        if not refs:
            words = m[ve:np_end].split()
            if len(words) == 1 and re.fullmatch(r"[A-Z][a-z'’-]+[A-Za-z'’-]*", words[0]):
                s0 = m.find(words[0], ve)
                name, cls = self.names.canonical(words[0], s0)
                if not name:
                    name, cls = words[0], "person"
                    self.names.full.append((s0, name, set()))
                return name, "unknown", cls, (s0, s0 + len(words[0]))
            if words and words[0].casefold() in _DETERMINERS and len(words) <= 6:
                # "According to his personal physician, ...": a description speaks
                found = self.np_speaker(ve, np_end, vs)
                return found if found[0] else None
            return None
        return self.np_speaker(ve, np_end, vs)

    def np_speaker(self, np_start: int, np_end: int, vs: int
                   ) -> tuple[str, str, str, tuple[int, int] | None]:
        sent = self.sent_at(np_start)
        words = self.masked[np_start:np_end].lstrip()
        link = _LEADING_LINK.match(self.masked, np_end - len(words), np_end)
        if link is not None:
            np_start = link.end()   # "..., but majorities in all five say"
        refs = [r for r in self.refs_in(np_start, np_end) if not self.in_quote(r.start)]
        np_text = self.masked[np_start:np_end]
        group = _GROUP.match(np_text) if _may_name_group(np_text) else None
        if group and (not refs or refs[0].start >= np_start + group.end(1)) and not any(
                r.cls == "pronoun" for r in refs) and \
                len(self.masked[np_start:np_end].split()) <= 7:
            # "Traders on Harbour Road say": the group speaks, not the place named after it
            head = group.group(1)
            if head.split()[-1].casefold() not in _NOT_GROUP_HEAD:
                s0 = np_start + group.start(1)
                return head.casefold(), "group", "plural", (s0, s0 + len(head))
        if not refs:
            phrase = self.masked[np_start:np_end].strip(" ,;:-–—()")
            dateline = _DATELINE_DASH.match(phrase)
            if dateline is not None:
                phrase = phrase[dateline.end():]   # "WASHINGTON ― The administration"
            when = _TIME_AFTER_NOUN.search(phrase)
            if when is not None and when.start() > 0:
                phrase = phrase[:when.start()]     # "The Democratic mayor on Thursday"
            paper = _THE_BODY_WORD.fullmatch(phrase)
            if paper is not None and paper.group(1).casefold() in _ORG_WORDS:
                # "The Times on Saturday wrote": the paper or body of that name
                at = self.masked.find(phrase, np_start) + paper.start(1)
                return paper.group(1), "organisation", "org", (at, at + len(paper.group(1)))
            if not phrase:
                return self.coordinated(sent, vs)
            agent = _PARTICIPLE_BY.fullmatch(phrase)
            if agent is not None:
                phrase = agent.group(1)   # "driven in part by the media (declaring)"
            last = phrase.split()[-1] if phrase.split() else ""
            if last.islower() and " " in phrase and lexicon_tags().get(last) in _FINITE_TAGS \
                    and last not in _BE:
                # "A YouGov poll of American voters has (revealed)", "a trend that the
                # foundation predicts (will continue)": the subject is before the verb
                phrase = phrase.rsplit(None, 1)[0]
                last = phrase.split()[-1]
            if " " not in phrase and lexicon_tags().get(last.casefold()) in _NO_SUBJECT_TAGS \
                    or last.islower() and (last in _BE or lexicon_tags().get(last) == "MD"):
                # "a passion that almost suggested": an adverb alone is no one; "once the
                # report was (revealed)": a passive's subject does not speak
                return "", "unknown", "", None
            if phrase.split()[-1] in _PREPOSITION_END:
                # "legal history and articles from noted scholars": "noted" is no verb
                return "", "unknown", "", None
            own = _OWNER_PRONOUN_BODY.fullmatch(phrase)
            if own is not None:
                # "Her campaign also announced": the campaign speaks for its candidate
                at = self.masked.find(phrase, np_start) + own.start(1)
                spk, st, cls = self.resolve_pronoun(_Ref(
                    at, at + len(own.group(1)), "pronoun", "", "",
                    _POSSESSOR_PRONOUN[own.group(1).casefold()]))
                if spk:
                    return spk, st, cls, (at, at + len(own.group(1)))
            # ", and the F.B.I. has said", "advisers who have run the numbers argue": the
            # noun phrase after a linking word, before its relative clause, speaks
            subject = phrase
            lead = _LINK_BEFORE_SUBJECT.match(subject)
            if lead and lead.end() < len(subject) and _opens_noun_phrase(
                    subject[lead.end():].split()[0]):
                subject = subject[lead.end():]
            relative = _RELATIVE.search(subject)
            if relative and relative.start() > 0:
                subject = subject[:relative.start()]
            if subject != phrase and _plain_noun_phrase(subject.split()):
                phrase = subject
            words = phrase.split()
            bases = [re.sub(r"['’](?:s|re|m|ve|ll|d)$", "", w.casefold()) for w in words]
            if "_" in phrase or any(ch in '"“”' for ch in phrase) or \
                    phrase.casefold() in _FIRST_SECOND_PERSON or \
                    bases[0] in _FIRST_SECOND_PERSON or bases[0] in ("here", "there") or \
                    bases[:2] in (["let", "me"], ["let", "us"]):
                # "I would say ...", "we say", "I'd add", "Let me say", "Here we're told",
                # "Here's what each of the candidates said": the writer, or words of a
                # quotation whose marks went astray, not a source the article names ("all
                # the experts I interviewed said" is the experts)
                return "", "unknown", "", None
            clause = _after_clause(words)
            if words and (words[0].casefold() in _FUNCTION_NOT_DETERMINER
                          or clause is not None):
                # "That is why critics say", "is essentially what scientists have been
                # warning": the plain noun right before the verb speaks; "and", "which
                # some": no speaker named
                end = _verb_group_start(words)  # "scientists | have long"
                k = max((i for i, w in enumerate(words[:end]) if w.casefold() in _FUNCTION_OR_WH),
                        default=-1)
                k = max(k, -1 if clause is None else clause - 1)
                tail = words[k + 1:end]
                opens = words[k].casefold() if k >= 0 else ""
                if not 1 <= len(tail) <= 2 or not all(w.isalpha() and w.islower()
                                                      for w in tail) or not (
                        tail[-1] in _speaker_nouns() or _PLURAL_END.search(tail[-1])) or \
                        tail[-1] in _NOT_TAIL_NOUN or clause is not None and not (
                            opens in _OPENS_SUBJECT or _CLAUSE_VERB.fullmatch(opens)):
                    # after a clause the speaker opens a clause of its own ("what
                    # scientists", "have progressive environmentalists"); after a
                    # preposition or "and" it is an object, as in a quotation whose opening
                    # mark went astray ("in front of us", "chemistry and physics")
                    return "", "unknown", "", None
                desc = " ".join(tail)
                start = self.masked.rfind(desc, np_start, np_end)
                return desc, "unknown", "unknown", (start, start + len(desc))
            if len(words) >= 2 and words[-2].casefold() == "those" and \
                    lexicon_tags().get(words[-1].casefold()) in ("VBN", "VBD") and all(
                        w.casefold() in _DETERMINERS_QUANTIFIERS or w.casefold() in (
                            "of", "most", "all") for w in words[:-2]):
                # "those surveyed said", "many of those polled": the people the participle
                # names, not the participle ("31 percent of those surveyed" stays whole)
                desc = f"those {words[-1].casefold()}"
                start = self.masked.rfind(words[-2], np_start, np_end)
                return desc, "group", "plural", (start, start + len(desc))
            while words and (words[0].casefold() in _DETERMINERS_QUANTIFIERS
                             or words[0].casefold() == "of" and len(words) > 1):
                words = words[1:]                # "one of those advisers" -> advisers
            words = words[:_verb_group_start(words)]  # "media has always" -> media
            desc = " ".join(words)
            if not desc or len(words) > 6 or not any(
                    w[:1].isalpha() or w[:1].isdigit() and "-" in w for w in words):
                return "", "unknown", "", None
            titled = self.names.by_title(words[-1].casefold()) if len(words) <= 2 or \
                _name_shape(" ".join(words[:-1]))[0] == "place" else ""  # "the New Jersey governor"
            start = self.masked.find(phrase, np_start)
            span = (start, start + len(phrase)) if start >= 0 else None
            if titled:
                return titled, "unknown", "person", span
            if len(words) == 1 and _CAPITAL_WORD.fullmatch(words[0]) and \
                    _GROUP_NOUN.search(words[0]) and words[0] not in self.names.surnames:
                return words[0], "group", "plural", span     # "by Democrats": a group
            if len(words) == 1 and _CAPITAL_WORD.fullmatch(words[0]) and \
                    words[0].casefold() not in _NOT_SURNAME and not self._common_noun(words[0]):
                # "insists Burton": a surname after the verb ("Research suggests", where
                # the text has "new research", stays a description)
                self.names.full.append((np_start, words[0], set()))
                return words[0], "unknown", "person", span
            described = self._described_as(words, np_start) if re.match(
                r"(?:[Tt]he|[Tt]his|[Tt]hat)\s", phrase) else None
            if described is not None:
                # "the retired neurosurgeon said" after "retired neurosurgeon Ben Carson":
                # the person the article itself described so (a definite description: "a
                # friend said" brings in someone new)
                spk, st, cls = self.resolve(described)
                if spk:
                    return spk, st, cls, span
            return desc.casefold(), "unknown", "unknown", span
        head = self.masked[np_start:np_end]
        cut = _RELATIVE.search(head)
        if cut and cut.start() > 0:
            first = [r for r in refs if r.end <= np_start + cut.start()]
            if first:
                refs = first
        heads = [r for r in refs if r.cls in ("source", "spokes")]
        # "sources in the government", "a spokesman for the company": the source is the head
        last = heads[-1] if heads else max(refs, key=lambda r: (r.end, r.end - r.start))
        named = [r for r in refs if r.cls == "person" and 0 <= r.start - last.end <= 1]
        if last.cls == "spokes" and named:
            last = named[0]         # "ministry spokesman Jane Doe": the name after the title
        if (last.cls == "org" or last.cls == "person" and last is not refs[0]
                and " " not in last.speaker and " " in refs[0].speaker) and \
                refs[0].cls == "person" and _OF_A_BODY.match(self.masked, refs[0].end, np_end):
            # "Jeffrey Lewis of the X Center", "Edson Oliveira from southern Amazonas": the
            # person, not the body or the place (a lone word read as a surname)
            last = refs[0]
        if last.cls == "document" and any(r.cls != "document" for r in refs):
            last = max((r for r in refs if r.cls != "document"), key=lambda r: r.end)
        rest = _LETTERS.findall(self.masked[last.end:np_end])
        if last.cls == "org" and not self.in_quote(np_start):
            role = self._role_around(np_start, np_end, last, rest)
            if role is not None:
                return role
        if last.cls == "person" and _CAMPAIGN_OF.fullmatch(self.masked, last.end, np_end) \
                and not _NOT_A_LEAD_IN.search(self.masked, np_start, last.start):
            # "Hillary Clinton's campaign said", "the Sanders campaign says": the campaign
            # speaks for its candidate, as a spokesman does
            spk, st, cls = self.resolve(last, phrase_end=np_end)
            return spk, st, cls, (last.start, last.end)
        if rest and rest[-1].casefold() in _ORG_WORDS and rest[-1].islower():
            between = self.masked[last.end:np_end]
            cut = _after_clause(between.split())
            if cut is not None:
                # a clause before the organisation word, not a name modifying it ("It was
                # so unusual to have an agency say"): the phrase after its last verb speaks
                offset = [m.start() for m in re.finditer(r"\S+", between)][cut]
                return self.np_speaker(last.end + offset, np_end, vs)
            # the name only modifies the head: "the Hamas-run Gaza health ministry"
            phrase = self.masked[np_start:np_end].strip(" ,;:.!?")
            words = [w for w in phrase.split()]
            while words and words[0].casefold() in _DETERMINERS:
                words = words[1:]
            start = self.masked.find(phrase, np_start)
            return " ".join(words).casefold(), "organisation", "org", (start, start + len(phrase))
        spk, st, cls = self.resolve(last, phrase_end=np_end)
        return spk, st, cls, (last.start, last.end)

    def _role_around(self, np_start: int, np_end: int, org: _Ref, rest: list[str]
                     ) -> tuple[str, str, str, tuple[int, int] | None] | None:
        """The person a role noun names when a body or a place only modifies it: "the GOP
        presidential candidate", "the senator from Vermont", as that description (not the
        last senator named: the place or body says which one); None when the noun phrase is
        no such role."""
        m = self.masked
        before = _ROLE_OF_BEFORE.fullmatch(m, np_start, org.start)
        if before is not None:
            head = before.group(2).casefold()
        elif rest and rest[-1].islower() and len(rest) <= 3 and \
                _DETERMINER_ONLY.fullmatch(m, np_start, org.start):
            head = rest[-1]
        else:
            return None
        if not _person_role(head):
            return None
        phrase = m[np_start:np_end]
        start = np_start + len(phrase) - len(phrase.lstrip())
        span = (start, start + len(phrase.strip()))
        words = phrase.split()
        while words and words[0].casefold() in _DETERMINERS:
            words = words[1:]
        return " ".join(words), "unknown", "unknown", span

    def coordinated(self, sent: _Sent, vs: int
                    ) -> tuple[str, str, str, tuple[int, int] | None]:
        """Subject of a coordinated or participle verb: the subject of a speech verb right
        before it ("..., Doe said, adding"), else the sentence's subject."""
        prior = [v for v in self.verbs_in(sent.start, vs) if not self.in_quote(v[0])]
        if prior and vs - prior[-1][1] <= 40 and _SHORT_COMMA_GAP.fullmatch(
                self.masked[prior[-1][1]:vs]) and \
                not _FINITE.search(self.masked[prior[-1][1]:vs]):
            found = self.subject(prior[-1][0], prior[-1][1], vs)
            if found[0]:
                return found
        earlier = self.sentence_subject.get(sent.start)
        if earlier is not None:
            spk, st, cls = self.resolve(earlier)
            return spk, st, cls, (earlier.start, earlier.end)
        if prior and prior[0][2] in _INDIRECT_VERBS and not _OUTER_BREAK.search(
                self.masked, prior[0][1], vs):
            # "The senator from Vermont said ... , noting ...": the subject of the
            # sentence's first speech verb, in the same clause
            found = self.subject(prior[0][0], prior[0][1], vs)
            if found[0]:
                return found
        refs = [r for r in self.refs_in(sent.start, vs) if not self.in_quote(r.start)]
        # not a name inside an opening adverbial ("In an interview on local radio, Doe ...")
        # nor a possessive ("Jane Doe's proposal"), when another name follows
        lead = _LEADING_ADVERBIAL.match(self.masked[sent.start:vs])
        if lead:
            later = [r for r in refs if r.start >= sent.start + lead.end()]
            refs = later or refs
        plain = [r for r in refs if self.masked[r.end:r.end + 2] not in ("'s", "’s")]
        refs = plain or refs
        # a description opens the sentence ("The veteran coach opened with ..., saying"):
        # it is the subject, not a name further on
        start = sent.start + (lead.end() if lead else 0)
        head = _DESCRIPTION_SUBJECT.match(self.masked, start, vs)
        if head and not any(r.start < head.end() for r in refs):
            found = self.np_speaker(start, head.end(), vs)
            if found[0]:
                return found
        if refs:
            first = min(refs, key=lambda r: r.start)
            spk, st, cls = self.resolve(first)
            return spk, st, cls, (first.start, first.end)
        return "", "unknown", "", None

    # ---------------------------------------------------------------- items
    def quote_items(self) -> list[_Item]:
        items = []
        for q in self.quotes:
            start, end = q.parts[0][0], q.parts[-1][1]
            item = _Item(start, end, "", q.parts, q.paragraph, open_pos=q.open_pos,
                         close_pos=q.close_pos)
            if q.label is not None:
                # a transcript's turn: its words are the speaker its label names
                item.kind, item.attribution = "direct", "transcript label"
                item.speaker, item.mention = q.speaker, q.label
                items.append(item)
                continue
            sent = self.sent_at(q.open_pos)
            verbs = [v for v in self.verbs_in(sent.start, q.open_pos)
                     if not self.in_quote(v[0])]
            close = q.close_pos if q.close_pos is not None else end
            # a word never spans the line break that joins two parts
            n_words = len(_WORD.findall(self.text, start, end)) if len(q.parts) == 1 else \
                len(_WORD.findall(" ".join(self.text[s:e] for s, e in q.parts)))
            item.n_words = n_words
            if verbs:
                item.verb = (verbs[-1][0], verbs[-1][1])
                item.attribution = "before"
            else:
                after_sent = self.sent_at(max(close - 1, 0))
                if q.close_pos is not None and not self.masked[close + 1:after_sent.end].strip():
                    # '"I love cats!" insists Burton.': the splitter ended the sentence at
                    # the mark; a next sentence opening in lower case is its attribution
                    nxt = self.sent_at(after_sent.end + 1)
                    if nxt.start > after_sent.start and nxt.paragraph == after_sent.paragraph \
                            and (self.masked[nxt.start:nxt.start + 1].islower()
                                 or self._short_attribution(nxt)):
                        after_sent = nxt
                after = self.masked[close + 1:after_sent.end] if q.close_pos is not None \
                    else ""
                lead = re.match(r"\s*[,;:—–-]?\s*", after)
                rest_start = close + 1 + (lead.end() if lead else 0)
                tail_verbs = self.verbs_in(rest_start, min(after_sent.end, rest_start + 250))
                between = self.masked[rest_start:tail_verbs[0][0]] if tail_verbs else ""
                # only a quotation that ends a clause takes an attribution after it:
                # '"...," she said' / "'...' he said." but not "the 'X' crisis has spread"
                inner = self.text[q.open_pos + 1:close].rstrip("'’\"” ") \
                    if q.close_pos is not None else ""
                ends_clause = q.close_pos is not None and (
                    self.text[q.close_pos - 1:q.close_pos] in ",.!?…"
                    or inner[-1:] in (",", ".", "!", "?", "…")
                    # '"... of niches" Grubbs said.': a short named subject and its verb end
                    # the sentence right after the quotation
                    or tail_verbs and 0 < len(between.split()) <= 4
                    and (between.lstrip()[:1].isupper() or between.lstrip().startswith("the "))
                    and len(self.masked[tail_verbs[0][1]:after_sent.end].split()) <= 4
                    or re.match(r"\s*(?:[,;:—–]|-\s|$)", after)
                    # '"..." in the 2008 primary, said X.': a short phrase, a comma, then
                    # the inverted attribution ending the sentence
                    or tail_verbs and between.rstrip().endswith(",")
                    and not _FINITE.search(between) and len(between.split()) <= 8
                    and len(self.masked[tail_verbs[0][1]:after_sent.end].split()) <= 12
                    and self.masked[tail_verbs[0][1]:tail_verbs[0][1] + 1] == " "
                    and not self.masked[tail_verbs[0][1]:after_sent.end].lstrip()[:4]
                    .startswith(("that", "the ", "it "))
                    and bool(self.refs_in(tail_verbs[0][1], after_sent.end)))
                if tail_verbs and ends_clause and (len(between.split()) <= 6 or (
                        "," in between and len(between.split()) <= 14) or (
                        # '"...," Douglas Holtz-Eakin, an adviser to ... and former ..., said'
                        "," in between and len(between.split()) <= 30
                        and self.refs_in(rest_start, rest_start + between.find(","))
                        and not re.search(r"[.!?]\s", between)) or (
                        # '"...," former county clerk Noel Brand wrote'
                        len(between.split()) <= 11 and not _FINITE.search(between)
                        and any(r.cls == "person" and tail_verbs[0][0] - r.end <= 2
                                for r in self.refs_in(rest_start, tail_verbs[0][0])))):
                    vs, ve = tail_verbs[0][0], tail_verbs[0][1]
                    item.verb = (vs, ve)
                    item.after = True
                    item.attribution = "after"
                    inverted = between.rstrip().endswith(",") and not any(
                        r.cls in ("person", "org", "source", "spokes", "pronoun", "plural")
                        for r in self.refs_in(rest_start, vs))
                    if between.strip() and not inverted:
                        item.np = (rest_start, vs)
                        comma = between.find(",")
                        last = between.rfind(",")
                        if 0 < last and between[last + 1:].strip() and any(
                                r.cls in ("person", "org", "source", "spokes")
                                for r in self.refs_in(rest_start + last, vs)) and \
                                not _FINITE.search(between[last + 1:]) and \
                                _FINITE.search(between[:last]):
                            # '"...," just as Reed did last year, Varga added'
                            item.np = (rest_start + last + 1, vs)
                        elif comma > 0 and self.refs_in(rest_start, rest_start + comma):
                            item.np = (rest_start, rest_start + comma)
                    else:
                        m = _NP_AFTER_VERB.match(self.masked[ve:after_sent.end])
                        if m:
                            np_text = m.group(1)
                            np_text = re.split(r"\s(?:who|as|on|in|at|after|when)\s",
                                               np_text)[0]
                            item.np = (ve + m.start(1), ve + m.start(1) + len(np_text))
                            if len(np_text.split()) > 3 and _FINITE.search(np_text):
                                # ', said the candidate could be ...': a reported clause
                                # follows, so the speaker is the subject before the verb
                                item.np = None
                            elif m.group(1)[len(np_text):].startswith(" as ") and \
                                    self.verb_owner(vs, ve)[0] in _OBJECT_AS_VERBS:
                                # '"...," described the impact as "...": an object and its
                                # complement, not an inverted speaker
                                item.np = None
                            elif self.verb_owner(vs, ve)[0] == "tell":
                                # '"...," telling reporters ...': after "tell" comes the
                                # audience, never the speaker
                                item.np = None
                elif (named := self._subject_after_close(q, after_sent)) is not None:
                    # '"...?" Trump went on.', '"...," Hannity started.': a verb the list
                    # lacks, its subject right after the closing mark
                    item.np = named
                    item.after = True
                    item.attribution = "after"
                elif (colon := self._colon_intro(q.open_pos)) is not None:
                    item.colon = colon
                    item.attribution = "introduced by a colon"
                elif self._floating(q, sent, n_words):
                    item.floating = True
                    item.attribution = "previous speaker"
            prechar = self.masked[sent.start:q.open_pos].rstrip()[-1:]
            lead_in = self.masked[max(sent.start, q.open_pos - 120):q.open_pos]
            if not item.after and (_sign_text_before(lead_in) or items and items[-1].sign
                                   and items[-1].close_pos is not None
                                   and items[-1].close_pos >= sent.start
                                   and _SIGN_AND.fullmatch(
                                       self.masked, items[-1].close_pos + 1, q.open_pos)):
                item.sign = True
            if item.verb is not None and n_words <= 4 and not item.after:
                if self._label_use(q.open_pos, close, item.verb):
                    item.verb = None
                    item.attribution = ""
            if item.verb is None and item.np is not None:
                item.kind = "direct"
            elif item.colon is not None:
                item.kind = "direct" if n_words > 4 else "scare"
            elif item.verb is None and not item.floating:
                item.kind = "scare" if n_words <= 4 else ("direct" if prechar in ("", ":", ",")
                                                         else "mixed")
            elif item.after or item.floating or prechar in ("", ":", ","):
                item.kind = "direct"
            else:
                gap = len(self.masked[item.verb[1]:q.open_pos].split()) if item.verb else 99
                first = self.text[start:start + 1]
                item.kind = "direct" if (n_words >= 5 and first.isupper() and gap <= 4) \
                    else "mixed"
            if item.kind in ("direct", "mixed") and item.colon is None \
                    and not item.floating and _is_title(self.text[start:end]) and (
                        not item.after or _TITLE_LEAD.search(lead_in)):
                # 'the co-author of "Going Viral," ..., said': a title after a preposition
                # stays a title whatever verb follows it
                item.kind, item.verb, item.attribution = "scare", None, "title"
            if n_words <= 3 and q.open_pos in self.nicknames:
                # 'John "Tig" Tiegen': a nickname inside a name, no one's words
                item.kind, item.verb, item.attribution = "scare", None, "nickname"
                item.np, item.after = None, False
            if item.sign:
                # the words a sign shows: quoted text, but no one's speech
                item.kind, item.verb, item.colon, item.floating = "direct", None, None, False
                item.attribution = "sign or placard"
            if item.kind == "mixed" and item.verb is not None and not item.after:
                item.clause = self._clause(sent, item.verb, q.open_pos, close)
            items.append(item)
        return items

    def _subject_after_close(self, q: _Quote, after_sent: _Sent) -> tuple[int, int] | None:
        """The span of a person (or he/she) named right after a quotation that ends with
        a comma, question or exclamation mark, when a verb follows the name ('"...?" Trump
        went on', '"...," Hannity started'); None otherwise."""
        close = q.close_pos
        if close is None or self.text[close - 1:close] not in ",?!" and \
                self.text[q.open_pos + 1:close].rstrip("'’\"” ")[-1:] not in (",", "?", "!"):
            return None
        m = self.masked
        end = after_sent.end
        if not m[close + 1:end].strip():
            nxt = self.sent_at(end + 1)
            if nxt.start <= after_sent.start or nxt.paragraph != after_sent.paragraph:
                return None
            end = nxt.end
        lead = re.match(r"[\s,—–-]*", m[close + 1:end])
        at = close + 1 + lead.end()
        for r in self.refs_in(at, min(end, at + 80)):
            if r.start != at:
                break
            if r.cls == "pronoun" and r.variant not in ("he", "she") or \
                    r.cls not in ("person", "pronoun"):
                return None
            return (r.start, r.end) if _ACTS.match(m, r.end, end) else None
        return None

    def _short_attribution(self, sent: _Sent) -> bool:
        """A sentence that only says who spoke: at most six words, a speech verb among its
        first four, no quote mark ("Bush said.", "Mr. Trump told reporters on Monday.")."""
        words = self.masked[sent.start:sent.end].split()
        if len(words) < 2 or any(mark.start() not in self.nicknames
                                 and mark.start() not in self.nicknames.values()
                                 for mark in _QUOTE_MARK.finditer(
                                     self.masked, sent.start, sent.end)):
            return False               # a quotation of its own, not a nickname's marks
        verbs = self.verbs_in(sent.start, sent.end)
        if not verbs:
            return False
        if len(self.masked[sent.start:verbs[0][0]].split()) > (3 if len(words) <= 6 else 5):
            return self._described_attribution(sent, verbs[0])
        if len(words) <= 6:
            return True
        # longer: the verb ends the clause or an adverbial follows it ("State Senator Ann
        # Grimaldi said as she opened the session.")
        before = self.masked[sent.start:verbs[0][0]]
        return bool(self.refs_in(sent.start, verbs[0][0])) and not _FINITE.search(before) \
            and (verbs[0][2] == "tell"
                 or _AFTER_VERB.match(self.masked[verbs[0][1]:sent.end]) is not None)

    def _attributes_quotation_before(self, sent: _Sent) -> bool:
        """A sentence that only names the speaker, described between commas, of the
        quotation closing the sentence before it in the same paragraph ('"Not us!" Jane Doe,
        the head of the agency, said.'): it reports no clause of its own."""
        before = self.text[max(0, sent.start - 3):sent.start].rstrip()
        if not before.endswith(("”", '"', "’", "'")) or sent.start == 0:
            return False
        prev = self.sent_at(sent.start - 1)
        if prev.paragraph != sent.paragraph:
            return False
        verbs = self.verbs_in(sent.start, sent.end)
        return bool(verbs) and self._described_attribution(sent, verbs[0])

    def _described_attribution(self, sent: _Sent, verb: tuple[int, int, str, str]) -> bool:
        """A sentence that only says who spoke, the speaker described between commas
        ("Jane Doe, the head of the agency, said.", "Jane Doe, who runs the agency, said
        quietly."): a person opens it, then a description of at most 14 words (a noun phrase
        opening with an article, or a relative clause opening with "who"), a comma, the
        speech verb, and only an adverbial after it."""
        m = self.masked
        first = next((r for r in self.refs_in(sent.start, verb[0])
                      if r.cls == "person" and not m[sent.start:r.start].strip()), None)
        if first is None or not m.startswith(", ", first.end):
            return False
        description = m[first.end + 2:verb[0]].rstrip()
        words = description.split()
        return description.endswith(",") and 1 <= len(words) <= 14 and \
            (words[0].casefold() in _DESCRIPTION_ARTICLES
             and not _DESCRIPTION_VERB.search(description)
             or words[0] == "who" and "," not in description[:-1]) and (
                verb[2] == "tell" or _AFTER_DESCRIBED_VERB.match(m, verb[1], sent.end) is not None)

    def _opening_subject(self, sent: _Sent, before: int) -> _Ref | None:
        """The person (or pronoun) a sentence opens with, within its first three words and
        before ``before``; None when the sentence opens otherwise."""
        for r in self.refs_in(sent.start, before):
            if self.in_quote(r.start):
                continue
            r = self.title_head(r, before)
            lead = self.masked[sent.start:r.start]
            if "," in lead or len(lead.split()) > 3 or r.cls not in ("person", "pronoun"):
                return None
            if r.cls == "pronoun" and r.variant not in ("he", "she"):
                return None
            return r
        return None

    def title_head(self, ref: _Ref, limit: int) -> _Ref:
        """The person a title in lower case leads to ("Former state treasurer Maria
        Lopez", "club chairman Jo Marsh"), else ``ref`` itself."""
        for nxt in self.refs_in(ref.end, min(limit, ref.end + 60)):
            if nxt.start < ref.end:
                continue
            between = self.masked[ref.end:nxt.start]
            if nxt.cls == "person" and re.fullmatch(r"(?:\s+[a-z][\w-]*){1,5}\s+", between) \
                    and not _FINITE.search(between) and not any(
                        w in _FUNCTION_NOT_OF or w in _verb_index()[1]
                        for w in between.split()):
                return nxt
            break
        return ref

    def _colon_intro(self, open_pos: int) -> int | None:
        """Offset of a colon that introduces a quotation with no speech verb ("Trump leaned
        in and boomed: '...'", "Cruz continued:" ending the paragraph before), when the
        clause before it names someone; else None."""
        before = self.masked[max(0, open_pos - 3):open_pos]
        stripped = before.rstrip()
        if stripped.endswith(":"):
            colon = max(0, open_pos - 3) + len(stripped) - 1
        else:
            return None
        sent = self.sent_at(colon)
        if self.in_quote(colon) or not any(
                r.cls in ("person", "org", "plural", "pronoun", "source", "spokes", "document")
                and not (r.variant == "it" and not self.verbs_in(r.end, colon))
                for r in self.refs_in(sent.start, colon)):
            return None     # an "it" with no verb of saying names no one ("Wait, it gets
            # better:"; not "It reads:")
        return colon

    def _clause(self, sent: _Sent, verb: tuple[int, int], open_pos: int, close: int
                ) -> tuple[int, int] | None:
        """The reported clause a mixed quotation sits in: from after the speech verb (and
        its "that") to the end of the sentence, or to a new attribution after the quotation
        ('..., according to X' / '; ...')."""
        m = self.masked
        rest = m[verb[1]:open_pos]
        that = _THAT_CLAUSE.match(rest)
        cs = verb[1] + (that.end() if that and "," not in that.group(1) else 0)
        end = sent.end
        stop = _CLAUSE_END.search(m[close:end])
        if stop:
            end = close + stop.start()
        cs, ce = self._trim(cs, end)
        while ce < len(self.text) and ce < sent.end and self.text[ce] in "”\"’'":
            ce += 1                                   # keep a closing mark the trim left
        if not (cs <= open_pos and ce >= close) or len(m[cs:ce].split()) < 2:
            return None
        return cs, ce

    def agent_after(self, end: int) -> tuple[str, str, str, tuple[int, int]] | None:
        """The agent of a passive speech verb named right after the quotation: "was
        condemned as 'a betrayal' by union leaders"."""
        sent = self.sent_at(max(end - 1, 0))
        by = re.match(r"[\s'’\"”,]*by\s+", self.masked[end:sent.end])
        if not by:
            return None
        a_start = end + by.end()
        cands = self.refs_in(a_start, min(sent.end, a_start + 80))
        if not cands:
            # "by Democrats", "by union leaders": a group or description
            stop = re.search(r"[,;:.!?()]|\s[-–—]\s", self.masked[a_start:sent.end])
            a_end = a_start + (stop.start() if stop else sent.end - a_start)
            if not 0 < len(self.masked[a_start:a_end].split()) <= 4:
                return None
            spk, st, cls, mention = self.np_speaker(a_start, a_end, a_start)
            return (spk, st, cls, mention) if spk else None
        first = min(cands, key=lambda r: r.start)
        spk, st, cls = self.resolve(first)
        return (spk, st, cls, (first.start, first.end)) if spk else None

    def named_after(self, pos: int) -> tuple[str, str, str] | None:
        """The speaker named by the next sentence when it only identifies whoever spoke
        the quotation before it ("'...,' he said. The words came from Labour MP John
        Carter." / "Those were the words of ..." / "So said ..."); sentences that are all
        quotation in between are skipped. None when the next sentence is not of that
        form."""
        if not self.sents:
            return None
        i = max(0, bisect.bisect_right(self.sent_starts, pos) - 1)
        j = i + 1
        while j < len(self.sents) and not re.search(
                r"[^\W_]", self.masked[self.sents[j].start:self.sents[j].end]):
            j += 1                                     # 'Floating quotation.' in between
        if j >= len(self.sents) or self.sents[j].kind != "body" or \
                self.sents[j].paragraph - self.sents[i].paragraph > 1:
            return None
        sent = self.sents[j]
        found = _NAMED_AFTER.match(self.masked[sent.start:sent.end])
        if not found:
            return None
        np_start = sent.start + found.end()
        rest = self.masked[np_start:sent.end]
        stop = _NP_STOP.search(rest)
        np_end = np_start + (stop.start() if stop else len(rest))
        spk, st, cls, _ = self.np_speaker(np_start, np_end, np_start)
        if not spk or cls not in ("person", "org", "plural", "source"):
            return None
        return spk, st, cls

    def signed_after(self, item: _Item
                     ) -> tuple[str, str, str, tuple[int, int] | None] | None:
        """The name on the line after a quotation that is a paragraph of its own, as
        fact-checks and round-ups sign it ("- Jane Doe." / "— Sen. Jane Doe, in a tweet")."""
        last_part = item.parts[-1]
        k = bisect.bisect_right([p[0] for p in self.paragraphs], last_part[0])
        if k >= len(self.paragraphs):
            return None
        ps, pe = self.paragraphs[k]
        sign = _SIGNATURE.match(self.masked, ps, pe)
        if not sign:
            return None
        for r in self.refs_in(sign.end(), min(pe, sign.end() + 80)):
            if r.cls in ("person", "org", "plural") and r.start < sign.end() + 30:
                spk, st, cls = self.resolve(r)
                if spk:
                    return spk, st, cls, (r.start, r.end)
        return None

    def paragraph_opener(self, item: _Item
                         ) -> tuple[str, str, str, tuple[int, int] | None] | None:
        """For a quotation that is a sentence of its own after another sentence of the same
        paragraph, the person that sentence opens with ("Hale set out his plan. 'It will
        work.'"); None at a paragraph's start or when the
        sentence before opens otherwise."""
        k = bisect.bisect_right(self.sent_starts, item.open_pos) - 2
        if k < 0 or self.sents[k].paragraph != item.paragraph:
            return None
        prev = self.sents[k]
        if _QUOTE_MARK.search(self.masked, prev.start, prev.end):
            return None
        return self._named_opener(prev)

    def speaker_after(self, item: _Item
                      ) -> tuple[str, str, str, tuple[int, int] | None, tuple[int, int]] | None:
        """For a quotation no rule attributed, a speaker named with a speech verb in the rest
        of its sentence ('"...," the former senator said in a statement.', '"..." than
        ever before, Doe said.', '"...?" asked Doe.'): the words right before the verb
        (after the last comma), or the noun phrase right after a verb that follows the
        quotation directly, with the verb's span last; None when the rest of the sentence
        holds no such attribution."""
        close = item.close_pos
        if close is None:
            return None
        m = self.masked
        sent = self.sent_at(close)
        end = sent.end
        if not m[close + 1:end].strip():
            nxt = self.sent_at(end + 1)
            if nxt.start <= sent.start or nxt.paragraph != sent.paragraph or not (
                    m[nxt.start:nxt.start + 1].islower() or self._short_attribution(nxt)):
                return None
            end = nxt.end
        start = close + 1
        verbs = [v for v in self.verbs_in(start, min(end, start + 200))
                 if not self.in_quote(v[0])]
        if not verbs:
            return None
        vs, ve = verbs[0][0], verbs[0][1]
        rest = m[ve:end]
        if re.match(r"\s+(?:that|if|whether|how|what|why)\b|\s*[:'\"“‘]", rest):
            return None                       # a reported clause of its own follows
        between = m[start:vs]
        if "_" in between or any(ch in MARKS for ch in between):
            return None
        lead = re.match(r"[\s,;:—–-]*", between)
        if not between[lead.end():].strip():
            found = _NP_AFTER_VERB.match(m[ve:end])
            if not found:
                return None
            np_text = re.split(r"\s(?:who|as|on|in|at|after|when|to)\s", found.group(1))[0]
            if not np_text.strip() or len(np_text.split()) > 8 or _FINITE.search(np_text):
                return None
            np_start = ve + found.start(1)
            spk, st, cls, mention = self.np_speaker(np_start, np_start + len(np_text), vs)
        else:
            comma = between.rfind(",")
            seg_start = start + comma + 1 if comma >= 0 else start + lead.end()
            seg = m[seg_start:vs]
            words = seg.split()
            # a person of a body may take more words ("Jeffrey Lewis of the James Martin
            # Center for Nonproliferation Studies")
            longest = 14 if _PERSON_OF.match(seg.lstrip()) else 8
            if not 1 <= len(words) <= longest or _FINITE.search(seg) or \
                    words[0].casefold() in _FUNCTION_NOT_DETERMINER:
                return None
            spk, st, cls, mention = self.np_speaker(seg_start, vs, vs)
        if not spk or cls not in ("person", "org", "plural", "source", "spokes", "unknown"):
            return None
        return spk, st, cls, mention, (vs, ve)

    def section_of(self, paragraph: int) -> int:
        """How many headings in capitals open sections up to ``paragraph`` (0 before any)."""
        if paragraph < len(self.section):
            return self.section[paragraph]
        return self.section[-1] if self.section else 0

    def previous_paragraph_opener(self, item: _Item
                                  ) -> tuple[str, str, str, tuple[int, int] | None] | None:
        """For a quotation that opens its paragraph, the person the paragraph before opens
        with when that paragraph quotes nobody and reports no speech ("Doe visited the
        plant on Monday. ¶ '...'"); None otherwise."""
        if item.open_pos != self.paragraphs[item.paragraph][0] or item.paragraph == 0 or \
                self.section_of(item.paragraph - 1) != self.section_of(item.paragraph):
            return None
        ps, pe = self.paragraphs[item.paragraph - 1]
        if _QUOTE_MARK.search(self.masked, ps, pe) or any(
                ps <= h[0] < pe for h in self.history):
            return None
        first = self.sent_at(ps)
        if first.kind != "body":
            return None
        return self._named_opener(first)

    def _named_opener(self, sent: _Sent
                      ) -> tuple[str, str, str, tuple[int, int] | None] | None:
        """The resolved person (not a pronoun) ``sent`` opens with, with its span; None."""
        subject = self._opening_subject(sent, sent.end)
        if subject is None or subject.cls == "pronoun":
            return None
        spk, st, cls = self.resolve(subject)
        return (spk, st, cls, (subject.start, subject.end)) if spk else None

    def nearest_speaker(self, item: _Item, sent: _Sent,
                        last: tuple[str, str, str, str] | None
                        ) -> tuple[str, str, str, tuple[int, int] | None] | None:
        """A fallback for a quotation no attribution rule resolved: the person or group
        its sentence names outside quotation marks (before the quotation, else after
        it), else the previous speaker of the same or the previous paragraph, else the
        nearest person named before it in the two paragraphs before."""
        usable = ("person", "org", "plural", "source", "spokes", "pronoun")
        # "..., she said of Trump" with no woman named before: whoever is guessed must be
        # one "she" can mean (not Trump)
        unresolved = next((r.variant for r in self.refs_in(sent.start, sent.end)
                           if r.cls == "pronoun" and r.variant in ("he", "she")
                           and not self.in_quote(r.start) and not self.resolve(r)[0]), "")
        sex = _PRONOUN_SEX.get(unresolved, "")

        def fits(spk: str, cls: str) -> bool:
            return bool(spk) and (not sex or cls == "person"
                                  and self.names.sex_of(spk) in ("", sex))

        for lo, hi in ((sent.start, item.open_pos if item.open_pos >= 0 else item.start),
                       (item.end, sent.end)):
            refs = [r for r in self.refs_in(lo, hi)
                    if not self.in_quote(r.start) and r.cls in usable]
            lead = _LEADING_ADVERBIAL.match(self.masked, lo, hi) if lo == sent.start else None
            if lead:
                refs = [r for r in refs if r.start >= lead.end()] or refs
            refs = [r for r in refs if self.masked[r.end:r.end + 2] not in ("'s", "’s")] or refs
            # the subject of a verb ("Mr. Doe decried the '...'") before a name that is only
            # mentioned ("..., a testimonial to Jane Roe, ...")
            acting = [r for r in refs if _ACTS.match(self.masked, r.end, hi)]
            for r in acting[-1:] + refs:
                r = self.title_head(r, hi)
                spk, st, cls = self.resolve(r)
                if fits(spk, cls):
                    return spk, st, cls, (r.start, r.end)
        section = self.section_of(item.paragraph)
        if last is not None and fits(last[0], last[2]):
            prev = [h for h in self.history if h[0] < item.start]
            if prev and self.sent_at(prev[-1][0]).paragraph >= item.paragraph - 1 and \
                    self.section_of(self.sent_at(prev[-1][0]).paragraph) == section:
                return last[0], last[1], last[2], None
        first = max(0, item.paragraph - 2)
        while first < item.paragraph and self.section_of(first) != section:
            first += 1
        lo = self.paragraphs[first][0] if self.paragraphs else 0
        for r in reversed(self.refs_in(lo, item.start)):
            if self.in_quote(r.start) or r.cls != "person":
                continue
            spk, st, cls = self.resolve(r)
            if fits(spk, cls):
                return spk, st, cls, (r.start, r.end)
        return None

    def _floating(self, q: _Quote, sent: _Sent, n_words: int) -> bool:
        """A quotation with no verb of its own that makes up a whole paragraph, or a whole
        sentence of at least two words, continues the previous speaker."""
        if q.open_pos == self.paragraphs[q.paragraph][0] and n_words > 4:
            return True
        if self.masked[sent.start:q.open_pos].strip() or q.close_pos is None or n_words < 2:
            return False
        first = self.text[q.parts[0][0]:q.parts[0][0] + 1]
        # the sentence's own end, inside a quotation it closes ("... saying, 'Yes I am.'")
        inner = self.text[max(q.close_pos - 3, 0):q.close_pos].rstrip("'’\"”")
        inner_end = inner[-1:] if inner else ""
        rest = self.masked[q.close_pos + 1:self.sent_at(q.close_pos).end].strip()
        return first.isupper() and inner_end != "" and inner_end in ".!?…" and not rest

    def _label_use(self, open_pos: int, close: int, verb: tuple[int, int]) -> bool:
        """A short quotation used as a label: 'the 'openly Jewish' incident' (determiner
        before, noun after) is a scare quote unless the speech verb governs it directly."""
        before = _LAST_WORD.search(self.masked[max(0, open_pos - 20):open_pos])
        after = _FIRST_LOWER_WORD.match(self.masked[close + 1:close + 25])
        if not before or before.group(1).casefold() not in _LABEL_DETERMINERS:
            return False
        if not after or after.group(1) in _FUNCTION_WORDS:
            return False
        det_start = max(0, open_pos - 20) + before.start()
        between = self.masked[verb[1]:det_start].split()
        return len(between) > 1

    def indirect_items(self, taken: list[tuple[int, int]]) -> list[_Item]:
        items = []
        m = self.masked
        self.verbs_in(0, 0)                      # the article's verbs, found once
        all_verbs, verb_starts = self._all_verbs or [], self._verb_starts
        for sent in self.sents:
            # what verbs_in(sent.start, sent.end) gives, skipping a sentence without a verb
            lo = bisect.bisect_left(verb_starts, sent.start)
            hi = bisect.bisect_left(verb_starts, sent.end)
            if lo == hi:
                continue
            verbs = [v for v in all_verbs[lo:hi] if v[1] <= sent.end
                     and v[2] in _INDIRECT_VERBS and m[v[0]] != "_"]
            if not verbs:
                continue
            text = m[sent.start:sent.end]
            if self._attributes_quotation_before(sent):
                continue            # '"Not us!" Jane Doe, the head of the agency, said.'
            for vs, ve, lemma, _cls in verbs:
                item = self._indirect(sent, text, vs, ve, lemma, verbs)
                if item is None:
                    continue
                if any(s < item.end and item.start < e for s, e in taken):
                    continue
                items.append(item)
        return items

    def _indirect(self, sent: _Sent, text: str, vs: int, ve: int, lemma: str,
                  verbs: list) -> _Item | None:
        m = self.masked
        # attribution tail right after a quotation: '"...," said X' is not indirect
        before = m[sent.start:vs].rstrip(" ,")
        if before and (before[-1] in MARKS or before.endswith("_")):
            return None
        tail = self._tail_indirect(sent, vs, ve, lemma)
        if tail is not None or lemma == "according to":
            return tail
        rest = m[ve:sent.end]
        if _MARK_AFTER.match(rest):
            return None
        offset = ve
        after_that = False            # "that" opened the clause: any subject may follow
        that = _THAT_CLAUSE.match(rest) if "that" in rest else None
        question = None
        if lemma == "ask":
            # a reported question ("asked (voters) whether ..."), not a request ("asked
            # them to ...", "asked for ..."), nor the question put to the sentence's
            # subject ("Asked whether he would resign, Patel replied: ...")
            if not m[sent.start:vs].strip(" \"'“‘("):
                return None
            question = _ASKED.match(rest)
            if question is None:
                return None
            offset = ve + question.start(1)
        elif that and "," not in that.group(1) and not _has_finite(that.group(1).split()) \
                and not _verb_word(next_word := _first_word(m, ve + that.end())):
            offset = ve + that.end()
            # "that" after a noun phrase may open a relative clause ("says a violent hit
            # that used to be ..."); after the verb itself, a time or a place, or the
            # audience of "told", it opens the reported clause, unless a verb follows it
            # ("states that come later")
            between = that.group(1)
            after_that = (not between.strip() or lemma == "tell"
                          or _SETTING.fullmatch(between) is not None) and \
                lexicon_tags().get(next_word.casefold()) not in _VERB_TAGS
        else:
            offset = ve + _settings_end(rest)
            if offset > ve and _first_word(m, offset).casefold() == "that":
                return None     # "said in a documentary that showed ...": a relative clause
            if lemma == "tell":
                obj = _TELL_OBJECT.match(m[offset:sent.end])
                if not obj:
                    return None
                offset += obj.end()
        ce = sent.end
        clause = m[offset:sent.end]
        # every stop holds a comma, a semicolon, "and" or "but"
        stop = _CLAUSE_STOP.search(clause) if ";" in clause or "," in clause or \
            "and" in clause or "but" in clause else None
        if stop:
            ce = offset + stop.start()
        if "," in m[offset:ce]:
            ce = offset + _clause_end(m[offset:ce])
        content = m[offset:ce] if question is None else m[ve + question.end(1):ce]
        if not self._clausal(content, any_subject=after_that,
                             bare_subject=lemma in _CLAUSE_ONLY_VERBS, after_verb=True) or \
                not after_that and _described_name(content):
            return None
        cs, ce = self._trim(offset, ce)
        return _Item(cs, ce, "indirect", [(cs, ce)], sent.paragraph, verb=(vs, ve),
                     attribution="indirect")

    def _tail_indirect(self, sent: _Sent, vs: int, ve: int, lemma: str) -> _Item | None:
        """'CLAUSE, X said.' / 'CLAUSE, said X.' / 'CLAUSE, according to X.' /
        'According to X, CLAUSE.', and the same with the attribution inside the clause or
        the speaker described (:meth:`_aside_indirect`)."""
        m = self.masked
        after = m[ve:sent.end]
        leading = False
        if lemma == "according to" and _LINKING_ONLY.fullmatch(m, sent.start, vs):
            c2 = m.find(",", ve, sent.end)
            if c2 < 0:
                return None
            cs, ce, np = c2 + 1, sent.end, (ve, c2)
            leading = True
        elif lemma == "according to":
            return self._aside_indirect(sent, vs, ve, according=True)
        elif _TAIL_END.match(after) or (
                # a short tail holds at most 61 characters besides its outer spaces
                len(after.strip()) <= 61 and _SHORT_TAIL.match(after)
                and not _FINITE.search(after)
                # ", said he hadn't thought about it": a clause, not a speaker
                and not any(w[:1].islower() and _finite_word(w) for w in after.split())):
            comma = m.rfind(",", sent.start, vs)
            between = m[comma + 1:vs].split() if comma >= 0 else []
            first = _FIRST_WORD.match(after)
            appositive = None if between or comma < 0 or first and (
                first.group(1)[0].isupper() or first.group(1).casefold() in _tail_openers()) \
                else self._appositive_speaker(sent, comma)
            if appositive is not None:
                # "CLAUSE, Jane Doe, the county's treasurer, wrote in a memo."
                cs, ce, np = sent.start, appositive[0], appositive
            else:
                # a named speaker may run to ten words ("..., ministry spokesman Benali
                # Cherif Abdelaziz said"), a description to six
                limit = 10 if between and between[-1][:1].isupper() else 6
                if comma < 0 or len(between) > limit or len(after.split()) > 6 or (
                        between and between[0].casefold() in _NOT_SPEAKER_START):
                    return None
                if between and after.strip(" .!?") and not _ADVERBIAL_AFTER.match(after) \
                        and lemma != "tell":
                    return None          # "X denied wrongdoing": an object, not a tail
                if not between and first and not (
                        first.group(1)[0].isupper()
                        or first.group(1).casefold() in _tail_openers()):
                    return None          # ", denied wrongdoing.": no speaker after the verb
                cs, ce = sent.start, comma
                np = (comma + 1, vs) if m[comma + 1:vs].strip() else (
                    ve, _end_of_phrase(m, ve, sent.end))
        else:
            return self._aside_indirect(sent, vs, ve)
        # the tail shape ("..., X said.") marks the clause itself; no finite verb needed
        # after "According to X," any words may open the clause ("majorities of voters say")
        if not self._clausal(m[cs:ce], need_finite=False, any_subject=leading):
            return None
        cs, ce = self._trim(cs, ce)
        return _Item(cs, ce, "indirect", [(cs, ce)], sent.paragraph, verb=(vs, ve), np=np,
                     attribution="indirect")

    def _appositive_speaker(self, sent: _Sent, comma: int) -> tuple[int, int] | None:
        """The speaker of a tail whose verb follows a name and its description set off by
        commas ("CLAUSE, Jane Doe, the county's treasurer, wrote ..."): the name's span,
        when the words between the two commas before ``comma`` are a name of at most six
        words and those after it a description opening with "a", "an", "the" or "one".
        """
        m = self.masked
        c1 = m.rfind(",", sent.start, comma)
        c0 = m.rfind(",", sent.start, c1) if c1 >= 0 else -1
        if c0 < 0:
            return None
        name, description = m[c0 + 1:c1].split(), m[c1 + 1:comma].split()
        if not 1 <= len(name) <= 6 or not all(w[:1].isupper() for w in name) or \
                not 1 <= len(description) <= 10 or \
                description[0].casefold() not in _DESCRIPTION_ARTICLES:
            return None
        start = c0 + 1 + (len(m[c0 + 1:c1]) - len(m[c0 + 1:c1].lstrip()))
        return start, c1

    def _aside_indirect(self, sent: _Sent, vs: int, ve: int, according: bool = False
                        ) -> _Item | None:
        """An attribution set off by commas inside or after its clause.

        'A, X said, B.' / 'A, said X, B.' / 'A, according to X, B.': the clause is A and B
        when A has no finite verb of its own ("The plan, Smith said, would fail"), else A
        alone and what follows describes the speaker ('CLAUSE, said X, who ...',
        'CLAUSE, according to X, a professor at ...'). Also 'CLAUSE according to X' without
        a comma, and 'CLAUSE, according to X' with X described at any length.
        """
        m = self.masked
        if not according and m[ve - 3:ve] == "ing":
            return None                 # "..., telling Reuters, ...": the subject's act
        comma = m.rfind(",", sent.start, vs)
        if comma < 0:
            if not according:
                return None
            comma = vs                                   # "CLAUSE according to X"
        between = m[comma + 1:vs].split() if comma < vs else []
        if between and according:
            return None
        if between:
            # "A, X said, B": a short speaker before the verb, a comma right after it
            if len(between) > 6 or not _COMMA_NEXT.match(m, ve, sent.end) or not (
                    between[0][:1].isupper() or between[0].casefold() in _tail_openers()) \
                    or between[0].casefold() in _NOT_SPEAKER_START:
                return None
            np, c2 = (comma + 1, vs), m.find(",", ve, sent.end)
        else:
            # "A, said X, B" / "A, according to X, B": the speaker after the verb
            c2 = m.find(",", ve, sent.end)
            name = m[ve:c2] if c2 >= 0 else m[ve:sent.end]
            words = name.split()
            if not words or not according and not _named_after_verb(words):
                return None
            np = (ve, c2 if c2 >= 0 else _end_of_phrase(m, ve, sent.end))
        head = m[sent.start:comma]
        if not head.strip():
            return None                 # ", Smith said, ...": no clause before the aside
        rest = m[c2 + 1:sent.end] if c2 >= 0 else ""
        first = _FIRST_WORD.match(rest)
        lead_word = _FIRST_WORD.match(head)
        if rest.strip() and _has_finite(rest.split()) and first and \
                first.group(1).casefold() not in ("who", "whom", "whose", "which", "that") and (
                    not _has_finite(head.split()) or lead_word is not None
                    and lead_word.group(1).casefold() in _SUBORDINATORS):
            # the clause goes on after the aside: its subject or opening (or a clause of its
            # own that depends on it, "If the talks fail, she said, ...") before, the rest
            # after (a lone linking word before it, "However, she said, ...", is not its
            # subject)
            lead = head.split()
            parts = [self._trim(c2 + 1, sent.end)] if len(lead) <= 2 and (
                lead[0].casefold() in _LINKING_WORDS or _adverb(lead[0].casefold())) else \
                [self._trim(sent.start, comma), self._trim(c2 + 1, sent.end)]
            if not self._clausal(" ".join(m[s:e] for s, e in parts)):
                return None
        elif rest.strip()[:1] in ("_", *MARKS) or between and first and \
                first.group(1).casefold() == "that":
            return None                 # "In May, Smith said, '...'": the verb's own words
        else:
            # with words after the aside, the clause before it must be whole ("When asked,
            # Smith said, ..." is no reported clause)
            if not self._clausal(head, need_finite=bool(rest.strip())):
                return None
            parts = [self._trim(sent.start, comma)]
        return _Item(parts[0][0], parts[-1][1], "indirect", parts, sent.paragraph,
                     verb=(vs, ve), np=np, attribution="indirect")

    def _clausal(self, content: str, need_finite: bool = True, any_subject: bool = False,
                 bare_subject: bool = False, after_verb: bool = False) -> bool:
        """Whether the words after a speech verb open a reported clause: a subject first (a
        determiner, a pronoun, possibly contracted, "he'll", a quantity, "much", "two
        dozen", a capitalised word, a number, or a noun before a verb; after "that", any
        word: "argue that trading prisoners encourages ..."), then a verb in a tense.

        ``bare_subject``: the verb takes a clause, not a noun or an "-ing" object ("say",
        "argue"), so a clause may also open with a plural noun and its phrase ("said
        details of the plan will ...") or an "-ing" phrase ("says running for president
        is tough").

        ``after_verb``: the words follow the speech verb inside the sentence, so a capital
        on a function word is a headline's title case ("Responds To Question ...") and
        opens no subject."""
        words = content.split(maxsplit=40)        # the test reads 40 words at most
        if len(words) < 3:
            return False
        first = words[0].strip("(")
        low = first.casefold()
        contracted = _CONTRACTED_SUBJECT.fullmatch(low) is not None
        noun_first = first.isalpha() and low not in _FUNCTION_WORDS and _finite_word(words[1])
        if bare_subject and first.isalpha() and first.islower() and not noun_first:
            tags = lexicon_tags()
            tag = tags.get(low)
            if tag == "JJ" and tags.get(words[1].casefold()) == "NNS":
                tag, words = "NNS", words[1:]           # "long lines kept ..."
            following = [w for w in words[1:4] if not _adverb(w.casefold())][:1]
            noun_first = tag == "VBG" or tag == "NNS" and (
                words[1] in _NOUN_PHRASE_LINKS
                # "contractors eventually built ...": an adverb before the verb
                or bool(following) and _finite_word(following[0]))
        capital = first[:1].isupper() and not (after_verb and low in _FUNCTION_OR_WH)
        if not (any_subject or low in _DETERMINERS or low in _CLAUSE_OPENERS or contracted
                or capital or first[:1].isdigit() or noun_first):
            return False
        return not need_finite or contracted or _has_finite(words[1:40], before=first)

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        while s < e and self.text[s] in " ,;:":
            s += 1
        while e > s and self.text[e - 1] in " ,;:.":
            e -= 1
        return s, e

    # ---------------------------------------------------------------- run
    def run(self) -> list[tuple]:
        """One tuple per quotation: the values of :data:`QUOTE_COLUMNS` after
        ``article_id`` and ``outlet``."""
        items = self.quote_items()
        # reported speech may contain a scare quote, but not a quotation of its own
        taken = [(i.start, i.end) for i in items if i.kind != "scare"]
        items += self.indirect_items(taken)
        items.sort(key=lambda i: (i.start, i.end))
        rows = []
        last_speaker: tuple[str, str, str, str] | None = None
        # the verb of the last quotation that had one of its own: a quotation continuing its
        # speaker's statement is introduced by it too
        last_verb: tuple[str, str, str] = ("", "", "")
        by_verb: dict[tuple[int, int], tuple[str, str, str, tuple[int, int] | None]] = {}
        section = 0
        for item in items:
            sent = self.sent_at(item.start)
            pkind = self.pkinds[item.paragraph] if item.paragraph < len(self.pkinds) else "body"
            if self.section_of(item.paragraph) != section:
                section = self.section_of(item.paragraph)
                last_speaker = None
            verb_lemma = verb_text = verb_class = ""
            mention = None
            spk, st, cls = "", "unknown", ""
            as_put = _AS_PUT_IT.match(self.masked, sent.start, item.start) \
                if item.kind in ("direct", "mixed") and not item.after and not item.sign \
                else None
            if item.attribution == "transcript label":
                # a label naming no one ("VIDEO:") leaves the turn unattributed, unguessed
                spk, cls, mention = item.speaker, "person" if item.speaker else "label", \
                    item.mention if item.speaker else None
                st = next((r.speaker_type for r in self.refs if r.speaker == spk), "unknown")
            elif as_put is not None and not self.in_quote(as_put.start(1)):
                # "As Jane Doe put it, '...'": the speaker is named in the opening clause
                found = self.np_speaker(as_put.start(1), as_put.end(1), as_put.end(1))
                if found[0]:
                    spk, st, cls, mention = found
                    item.attribution = "as X put it"
                else:
                    as_put = None
            if as_put is not None:
                if item.verb is not None:
                    verb_lemma, verb_class, verb_text = self.verb_fields(*item.verb)
            elif item.sign:
                cls = "sign"                       # no one's words: credited to no one
            elif item.verb is not None:
                vs, ve = item.verb
                verb_lemma, verb_class, verb_text = self.verb_fields(vs, ve)
                if item.np is None and item.verb in by_verb:
                    # '"A," said X, "B."': the second part shares the first's verb and speaker
                    spk, st, cls, mention = by_verb[item.verb]
                elif item.np is not None:
                    spk, st, cls, mention = self.np_speaker(item.np[0], item.np[1], vs)
                else:
                    limit = item.open_pos if item.open_pos > vs else self.sent_at(vs).end
                    outer = self._outer_verb(vs) \
                        if not item.after and item.kind == "mixed" else None
                    if outer is not None:
                        # "Obama said he expected Americans would say 'no'": quoted words
                        # inside reported speech are the reporting speaker's
                        spk, st, cls, mention = self.subject(outer[0], outer[1], vs)
                        if not spk:
                            spk, st, cls, mention = self.subject(vs, ve, limit)
                    else:
                        spk, st, cls, mention = self.subject(vs, ve, limit)
                if cls != "passive" and not item.after and \
                        self.masked[ve - 2:ve] in _PARTICIPLE_ENDINGS and \
                        _PAST_PARTICIPLE_END.search(self.masked[vs:ve]) and _LABEL_MARK_AFTER.match(
                        self.masked[ve:ve + 12]) \
                        and self.agent_after(item.end) is not None:
                    cls = "passive"                # "often labeled a 'witch hunt' by X"
                if cls == "passive":
                    agent = self.agent_after(item.end)
                    if agent is not None:
                        spk, st, cls, mention = agent
                    else:
                        item.attribution = "passive, no agent"
                elif item.kind in ("direct", "mixed") and (
                        not spk and mention is None
                        or mention is not None
                        and self.text[mention[0]:mention[1]].casefold() in _PRONOUNS):
                    named = self.named_after(max(ve, item.end) - 1)
                    if named is not None:
                        spk, st, cls = named
                        item.attribution = "named after"
                vsent = self.sent_at(vs)
                if mention is not None and vsent.start not in self.sentence_subject:
                    for r in self.refs_in(mention[0], mention[1]):
                        if (r.start, r.end) == mention:
                            self.sentence_subject[vsent.start] = r
            elif item.np is not None:
                spk, st, cls, mention = self.np_speaker(item.np[0], item.np[1], item.np[1])
            elif item.colon is not None:
                csent = self.sent_at(item.colon)
                named = [r for r in self.refs_in(max(0, item.colon - 60), item.colon)
                         if item.colon - r.end <= 1 and r.cls in ("person", "org", "plural")
                         and _LINE_OPENER.search(self.masked[csent.start:r.start])]
                later = self._last_clause_subject(csent, item.colon)
                if named:
                    # "HEADLINE - Jane Doe: '...'": the name that opens the line
                    spk, st, cls = self.resolve(named[-1])
                    mention = (named[-1].start, named[-1].end)
                elif later is not None:
                    # "X made the claim, and Y responded: '...'": the last clause's subject
                    spk, st, cls = self.resolve(later)
                    mention = (later.start, later.end)
                else:
                    spk, st, cls, mention = self.coordinated(csent, item.colon)
                # the verb of the clause the colon closes ("Cruz continued:", "as the
                # website notes:"), when it has one
                lead_verbs = [v for v in self.verbs_in(csent.start, item.colon)
                              if not self.in_quote(v[0])]
                if lead_verbs:
                    verb_lemma, verb_class, verb_text = self.verb_fields(*lead_verbs[-1][:2])
            elif item.kind == "mixed" and not item.floating:
                # "Mr. Obama decried the 'spin masters who ...'": no speech verb, but the
                # quoted words belong to the person the sentence opens with
                subject = self._opening_subject(sent, item.open_pos)
                if subject is not None:
                    spk, st, cls = self.resolve(subject)
                    mention = (subject.start, subject.end)
                    item.attribution = "sentence subject"
            elif item.floating:
                signed = self.signed_after(item)
                if signed is not None:
                    spk, st, cls, mention = signed
                    item.attribution = "signed after"
                elif (tail := self.speaker_after(item)) is not None:
                    spk, st, cls, mention, tail_verb = tail
                    item.attribution = "named later in the sentence"
                    verb_lemma, verb_class, verb_text = self.verb_fields(*tail_verb)
                elif (opener := self.paragraph_opener(item)) is not None:
                    spk, st, cls, mention = opener
                    item.attribution = "sentence before"
                elif (opener := self.previous_paragraph_opener(item)) is not None:
                    spk, st, cls, mention = opener
                    item.attribution = "paragraph before"
                elif last_speaker is not None:
                    spk, st, cls, _ = last_speaker
                    if not verb_lemma:
                        verb_lemma, verb_class, verb_text = last_verb
            if item.verb is not None and not item.sign and cls != "passive" and \
                    (poll := self.poll_source(item.verb)) is not None:
                spk, st, cls, mention = poll
                item.attribution = "poll"
            if item.verb is not None and spk:
                by_verb.setdefault(item.verb, (spk, st, cls, mention))
            if item.kind in ("direct", "mixed") and not spk and \
                    cls not in ("passive", "sign", "label") \
                    and item.verb is None and (tail := self.speaker_after(item)) is not None:
                spk, st, cls, mention, tail_verb = tail
                item.attribution = "named later in the sentence"
                verb_lemma, verb_class, verb_text = self.verb_fields(*tail_verb)
            if item.kind in ("direct", "mixed") and not spk and \
                    cls not in ("passive", "sign", "label"):
                guess = self.nearest_speaker(item, sent, last_speaker)
                if guess is not None:
                    spk, st, cls, mention = guess
                    item.attribution = "nearest speaker"
            if spk.endswith(("'s", "’s")):
                # "Jane Doe's office said", "Doe's campaign said": the speaker is on Doe's
                # side; the name is Doe's, without the possessive
                spk = spk[:-2]
            if st == "unknown" and self.actors is not None and len(self.actors):
                # "Clinton said", read as the table's Hillary Clinton by the name reader
                # (the table lists no lone "Clinton"): the table's type
                st = _actor_classes(self.actors)[0].get(spk, "unknown")
            if "’" in spk and st == "unknown":
                # one name, whichever apostrophe an outlet prints ("O’Malley", "O'Malley")
                spk = spk.replace("’", "'")
            if item.kind != "scare" and spk:
                self.history.append((item.start, spk, st, cls, pkind))
            if item.kind in ("direct", "mixed") and (spk or item.verb is not None):
                last_speaker = (spk, st, cls, pkind)
                last_verb = (verb_lemma, verb_class, verb_text)
            parts = item.parts
            quote = self.text[parts[0][0]:parts[0][1]] if len(parts) == 1 else \
                "\n".join(self.text[s:e] for s, e in parts)
            # the columns of QUOTE_COLUMNS after article_id and outlet, in that order
            rows.append((
                quote, item.kind, item.start, item.end,
                self.text[mention[0]:mention[1]] if mention else "",       # speaker_mention
                mention[0] if mention else pd.NA, mention[1] if mention else pd.NA,
                spk if item.kind != "scare" else "",                          # speaker
                (st or "unknown") if item.kind != "scare" and spk else
                ("" if item.kind == "scare" else "unknown"),                  # speaker_type
                verb_lemma, verb_text, verb_class, item.paragraph, list(item.parts),
                # n_words: a word never spans the line break that joins two parts
                item.n_words if item.n_words >= 0 else len(_WORD.findall(quote)),
                item.attribution,
                item.clause[0] if item.clause else pd.NA,                     # clause_start
                item.clause[1] if item.clause else pd.NA,                     # clause_end
            ))
        return self._surnames_named_later(rows)

    def _surnames_named_later(self, rows: list[tuple]) -> list[tuple]:
        """Rows whose speaker is a lone surname that the article names in full only later
        ('"...," Mr Guterres said.' before "Secretary General António Guterres"), given
        that one full name: the only person of that surname the article names, first name
        and surname."""
        # "Mrs. Clinton" is not the "Bill Clinton" named later, nor "Mr. Obama" the
        # "Michelle Obama": a title the surname had, or a mention of it, gives a sex
        full: dict[str, set[str]] = {}
        titles: dict[str, set[str]] = {}
        for _, name, seen in self.names.full:
            words = name.split()
            if len(words) == 1:
                titles.setdefault(name, set()).update(seen)
            elif words and _given_name(words[0]):   # not "Six Trump", "Plus Democrats"
                full.setdefault(words[-1], set()).add(name)
        for row in rows:
            if row[7] and " " not in row[7]:
                titles.setdefault(row[7], set()).update(
                    w.casefold().rstrip(".") for w in str(row[4]).split()[:1])
        chosen = {}
        for surname, named in full.items():
            sex = honorific_sex(titles.get(surname, set()))
            named = {n for n in named if not sex or self.names.sex_of(n) in ("", sex)}
            if len(named) == 1:
                chosen[surname] = next(iter(named))
        return [row[:7] + (chosen[row[7]],) + row[8:] if row[7] in chosen else row
                for row in rows]


_FOLDED_ACTORS: dict[int, tuple[pd.DataFrame, pd.DataFrame]] = {}


def _folded_actors(table: pd.DataFrame | None) -> pd.DataFrame | None:
    """The actor table with its aliases folded like the text (:func:`fold_letters`), its
    canonical names as written; one copy per table."""
    if table is None:
        return None
    held = _FOLDED_ACTORS.get(id(table))
    if held is None or held[0] is not table:
        folded = table.copy()
        folded["aliases"] = [[fold_letters(a) for a in aliases] for aliases in table["aliases"]]
        _FOLDED_ACTORS.clear()
        held = _FOLDED_ACTORS[id(table)] = (table, folded)
    return held[1]


# positions in a row of _Article.run: quote, start, end, speaker_mention, speaker_start,
# speaker_end, speaker, verb_text, parts
_Q, _S, _E, _M, _MS, _ME, _SP, _VT, _PARTS = 0, 2, 3, 4, 5, 6, 7, 10, 13


def _unfolded(row: tuple, text: str, shadow: str, words: dict[str, str],
              canonical: frozenset[str]) -> tuple:
    """A row found in the folded text, with its quotation, mention, speaker and verb as the
    real text writes them (read back at their offsets where they are plain slices); a
    speaker among ``canonical`` (the actor table's names, as written) is kept as it is."""
    out = list(row)
    parts = row[_PARTS] if isinstance(row[_PARTS], list) and row[_PARTS] else \
        [(row[_S], row[_E])]
    if row[_Q] == "\n".join(shadow[s:e] for s, e in parts):
        out[_Q] = "\n".join(text[s:e] for s, e in parts)
    else:
        out[_Q] = restore_words(row[_Q], words)
    ms, me = row[_MS], row[_ME]
    if isinstance(ms, int) and isinstance(me, int) and shadow[ms:me] == row[_M]:
        out[_M] = text[ms:me]
    elif isinstance(row[_M], str):
        out[_M] = restore_words(row[_M], words)
    if isinstance(row[_SP], str) and row[_SP] not in canonical:
        out[_SP] = restore_words(row[_SP], words)
    if isinstance(row[_VT], str):
        out[_VT] = restore_words(row[_VT], words)
    return tuple(out)


def _empty_quotes() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in QUOTE_COLUMNS})
    return frame.astype({"start": "int64", "end": "int64", "speaker_start": "Int64",
                         "speaker_end": "Int64", "paragraph_id": "int64", "n_words": "int64",
                         "clause_start": "Int64", "clause_end": "Int64"})


def _one_per_clause(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per reported clause: two speech verbs of one sentence can claim the same
    clause ("X said ..., arguing that ..."); the row that names a speaker is kept, else
    the first.

    >>> f = pd.DataFrame({"article_id": ["1", "1", "1"], "start": [5, 5, 40], "end": [20, 20, 50],
    ...                   "kind": ["indirect"] * 3, "speaker": ["", "Obama", ""]})
    >>> _one_per_clause(f)["speaker"].tolist()
    ['Obama', '']
    """
    keys = ["article_id", "start", "end", "kind"]
    twice = frame.duplicated(keys, keep=False) & (frame["kind"] == "indirect")
    if not twice.any():
        return frame
    unnamed = (frame["speaker"].fillna("") == "").astype(int)
    keep = frame[twice].assign(_unnamed=unnamed[twice]).sort_values(
        "_unnamed", kind="stable").groupby(keys, sort=False).head(1).index
    return frame[~twice | frame.index.isin(keep)].reset_index(drop=True)


def extract_quotes(corpus: pd.DataFrame, actors: str | Path | pd.DataFrame | None = None
                   ) -> pd.DataFrame:
    """One row per quotation: the DESIGN.md columns plus ``verb_class`` (neutral /
    evaluative), ``paragraph_id``, ``parts`` (one (start, end) per paragraph of a
    multi-paragraph quotation), ``n_words`` and ``attribution`` (where the speaker was
    found: before / after the quotation, previous speaker (a floating quotation),
    indirect, named after (a pronoun the next sentence identifies: "The words came from
    X"), passive, no agent ("was slammed as '...'": speaker empty, type unknown),
    signed after (a quotation paragraph signed on the next line: "- Jane Doe"), sentence
    before (a quotation sentence after a sentence that opens with a person), named later
    in the sentence (a quotation no rule attributed whose sentence names its speaker after
    it: '"...?" the former senator said at the meeting.'), paragraph before (a quotation
    opening a paragraph after a paragraph that quotes nobody and opens with a person), as X
    put it (an opening "As Jane Doe put it," / "As X told the paper," names the speaker), sign
    or placard (words on a sign, banner or shirt: speaker and verb empty), poll (a share of
    a poll's respondents speaks: the poll is the speaker, type "document"), nearest
    speaker (no rule applied: the person its sentence names, else the previous speaker of
    the same or the previous paragraph, else the nearest person named before: a guess,
    less reliable than the rules before it)).

    ``start``/``end`` index the clean ``text``; for a one-paragraph quotation
    ``text[start:end] == quote``, for a longer one ``quote`` joins the ``parts`` with
    newlines. ``actors`` (path or table from :func:`analysis.actors.load_actors`) merges
    aliases into canonical names; without it names are merged by their forms ("Mr Falter"
    is the "Gideon Falter" named earlier).

    >>> corpus = pd.DataFrame({"article_id": ["1"], "outlet": ["Example"], "text": [
    ...     '"We will not back down," said Senator Jane Doe. "Never," the senator added.']})
    >>> extract_quotes(corpus)[["quote", "speaker", "verb"]].values.tolist()
    [['We will not back down', 'Jane Doe', 'say'], ['Never', 'Jane Doe', 'add']]
    """
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError("extract_quotes takes a corpus DataFrame (see load_corpus)")
    missing = {"article_id", "text"} - set(corpus.columns)
    if missing:
        raise ValueError(f"corpus lacks column(s) {sorted(missing)}")
    table = None
    if actors is not None:
        table = load_actors(actors) if not isinstance(actors, pd.DataFrame) or \
            not isinstance(actors["aliases"].iloc[0] if len(actors) else [], list) else actors
    rows = []
    canonical = frozenset(table["actor"]) if table is not None else frozenset()
    outlets = corpus["outlet"] if "outlet" in corpus else ["unknown"] * len(corpus)
    line_kinds = corpus["line_kinds"] if "line_kinds" in corpus else [None] * len(corpus)
    for aid, outlet, text, kinds in zip(corpus["article_id"], outlets, corpus["text"],
                                        line_kinds, strict=True):
        if not isinstance(text, str) or not text.strip():
            continue
        head = (str(aid), outlet)
        try:
            if needs_folding(text):  # accented names: the rules read a folded copy
                shadow = fold_letters(text)
                art = _Article(shadow, kinds if isinstance(kinds, str) else None,
                               _folded_actors(table))
                words = word_map(text)
                rows.extend(head + _unfolded(row, text, shadow, words, canonical)
                            for row in art.run())
                continue
            art = _Article(text, kinds if isinstance(kinds, str) else None, table)
            rows.extend(head + row for row in art.run())
        except Exception as exc:
            # a failure names the article it happened in
            exc.add_note(f"while extracting the quotations of article_id {aid!r}")
            raise
    if not rows:
        return _empty_quotes()
    frame = _one_per_clause(pd.DataFrame(rows, columns=QUOTE_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64", "speaker_start": "Int64",
                         "speaker_end": "Int64", "paragraph_id": "int64", "n_words": "int64",
                         "clause_start": "Int64", "clause_end": "Int64"})
