"""Source attribution: who is quoted, how much, with what verb, and how quotations travel.

The extractor reads each article's clean text paragraph by paragraph, the way a copy editor
would (general news practice, British and American):

1. **Quotation marks.** Straight and curly, single and double marks are paired by their
   context, not their shape: a mark between two letters is an apostrophe (I'm, Falter's);
   an opening mark follows the start, a space or punctuation; a closing mark is followed by
   a space, punctuation or the end. Quotes inside quotes stay part of the outer quotation.
   A paragraph that opens a quotation and does not close it continues into the next
   paragraph that opens with a quote mark (captions in between are skipped). A closing
   mark after a full stop closes even when a capital follows without a space
   ("...blood.'All the ...").
2. **Attribution.** The nearest speech verb before the quotation in its sentence ("He said:
   '...'", "X told the Guardian '...'", "X added:", "according to X"; an opening "As X put
   it," or "As X told the paper," names X), else an attribution
   after it ("'...,' the senator said", "'...,' said X", "'...,' former county clerk Noel
   Brand wrote", or a next sentence that only says who spoke: "X said as he left."), else,
   for a quotation that is a paragraph or sentence of its own, the name that signs it on
   the next line ("- Jane Doe"), the person the sentence before opens with, a speaker named
   later in the quotation's sentence ("'...' rather than in spring, Doe said."), the person
   the paragraph before opens with when that paragraph quotes nobody, or the previous
   speaker (a floating quotation). A passive speech verb takes its agent ("was condemned
   as '...' by X") or no speaker at all ("was slammed as '...'"). When no rule applies, a
   speaker named later in the sentence, else the person the quotation's sentence names
   (the subject of a verb before a name only mentioned), else the previous or nearest
   speaker (``attribution`` says "nearest speaker": a guess). None of these goes back past a
   heading in capitals ("WHAT'S BREWING", a digest item's "ROLL TIDE"): it opens a new
   section, and no heading speaks. A name and any verb right
   after a closing comma, question or exclamation mark attribute the quotation ('"...?"
   Hale interrupted'); after a colon, the subject of the clause that ends in it ("..., and
   Acme responded:"). Quoted words inside reported speech are the reporting speaker's
   ("Doe said she expected voters would say 'no'" is Doe's). Words on a sign, banner or
   shirt ("signs that read '...'") are no one's speech: credited to no one (``attribution``
   "sign or placard"). A share of a poll's respondents ("55 percent of voters said '...'")
   is the poll speaking (``attribution`` "poll").
3. **Speakers.** The subject of the verb: a name or alias from the actor table (a
   different given name before a listed surname is someone else: "Ivanka Trump" is not the
   table's "Trump"; "Jane Doe of the University of Leeds" is Jane Doe), a pronoun
   resolved to the nearest compatible speaker (he/she: a person; it: an organisation; they:
   a group or organisation; a pronoun that speaks goes to the person its sentence opens
   with), a description ("the officer", "the 61-year-old", "a spokesman for Mr Khan",
   "government sources"; "the senator" is the person last named with that title, "Sen."
   included), or a statement (its owner, "the campaign's statement"; its sender, "a letter
   from X"; the subject that issued it, "Doe issued a statement saying"; else the nearest
   organisation). A verb that opens its
   sentence takes the name after it ("Said Jane Doe, ...", "Continued Hale: '...'", "According
   to her physician, ..."); in an apposition the first segment that opens with a person's
   name is the head ("Jane Doe, editor of the Daily Planet, said"); a
   participle ("..., saying") or infinitive takes the subject of a speech verb right before
   it ("..., Doe said, adding") or else the sentence's subject, skipping an opening
   adverbial ("In an interview on local radio, Doe ..."; a lone surname there is a name),
   possessives and places.
   Places ("in Leeds, West Yorkshire"), datelines and wire credits ("(AFP)") are never
   speakers; groups ("Traders on Harbour Road") stay groups. A pronoun the next sentence
   identifies ("The words came from X", "Those were the words of X") takes that name.
4. **Kinds.** ``direct`` (a quoted utterance), ``mixed`` (quoted words inside reported
   speech), ``scare`` (a short quoted label of 1-4 words with no speech verb attached to a
   speaker) and ``indirect`` (reported speech without quote marks: "X said (that) ...",
   "..., X said", "..., according to X", an attribution set off by commas inside its
   clause, "The plan, X said, would fail", whose ``parts`` are then the clause's two
   halves, and a reported question, "X asked whether ..."). A reported clause may follow
   a time or a setting ("said in a statement Thursday night they ..."), and, after a verb
   that takes no noun object ("say", "argue"), open with a plural noun and its phrase or
   an "-ing" phrase ("said details of the plan will ...", "says closing the bridge is
   ..."); it ends where the sentence goes on with a clause of its own (", and he voted
   ...") or describes its last noun (", who runs ..."). In a headline in title case the
   capitalised verb is the verb ("Tom Reyes Says Bridge Will Reopen").

The package, one module per job: :mod:`~analysis.attribution.marks` (where quotations
open and close), :mod:`~analysis.attribution.verbs` (speech verbs),
:mod:`~analysis.attribution.speakers` (mentions and who they refer to),
:mod:`~analysis.attribution.clauses` (where a reported clause opens and ends),
:mod:`~analysis.attribution.transcripts` (the turns of a printed interview, "TAPPER: ...",
"Q: ..." / "A: ...", and whose they are),
:mod:`~analysis.attribution.extract` (the extractor, :func:`extract_quotes`),
:mod:`~analysis.attribution.spans` (quoted stretches for other measures),
:mod:`~analysis.attribution.tables` (:func:`sources_table`, :func:`verb_profile`),
:mod:`~analysis.attribution.travel` (:func:`match_quotes`) and
:mod:`~analysis.attribution.gold` (the seeds' hand annotations and the scores against them).

>>> import pandas as pd
>>> corpus = pd.DataFrame({"article_id": ["1"], "outlet": ["Example"],
...     "text": ["Jane Doe told reporters: 'I'm not going anywhere.'"]})
>>> q = extract_quotes(corpus)
>>> q.loc[0, ["quote", "kind", "speaker", "verb"]].tolist()
["I'm not going anywhere.", 'direct', 'Jane Doe', 'tell']
"""

from __future__ import annotations

__all__ = [
    "BLOCK_ABOVE",
    "DOUBLE",
    "MARKS",
    "QUOTE_COLUMNS",
    "SINGLE",
    "compare_with_gold",
    "merge_spans",
    "token_overlap",
    "evaluate_quotes",
    "extract_quotes",
    "in_no_other_outlet",
    "in_spans",
    "load_gold",
    "match_quotes",
    "quote_spans",
    "sources_table",
    "speech_verbs",
    "verb_profile",
]

from analysis.attribution.extract import QUOTE_COLUMNS, extract_quotes
from analysis.attribution.gold import (
    _tokens as _tokens,
)
from analysis.attribution.gold import (
    compare_with_gold,
    evaluate_quotes,
    load_gold,
    token_overlap,
)
from analysis.attribution.marks import DOUBLE, MARKS, SINGLE
from analysis.attribution.mentions import resolve_mentions as resolve_mentions
from analysis.attribution.spans import in_spans, merge_spans, quote_spans
from analysis.attribution.tables import sources_table, verb_profile
from analysis.attribution.travel import BLOCK_ABOVE, in_no_other_outlet, match_quotes
from analysis.attribution.travel import _blocked_pairs as _blocked_pairs
from analysis.attribution.verbs import speech_verbs
