"""Tests for analysis.attribution: quotations, speakers, verbs, sources and travel."""

from __future__ import annotations

import math
import random

import numpy as np
import pandas as pd
import pytest

from analysis.attribution import (
    QUOTE_COLUMNS,
    _blocked_pairs,
    _tokens,
    compare_with_gold,
    evaluate_quotes,
    extract_quotes,
    in_spans,
    load_gold,
    match_quotes,
    quote_spans,
    sources_table,
    speech_verbs,
    token_overlap,
    verb_profile,
)
from tests.conftest import DATA, SEEDS

DESIGN_COLUMNS = ["article_id", "outlet", "quote", "kind", "start", "end", "speaker_mention",
                  "speaker_start", "speaker_end", "speaker", "speaker_type", "verb",
                  "verb_text"]


def _q(rows):
    return pd.DataFrame(rows, columns=["article_id", "kind", "start", "end"])


def _one(text: str, **kw) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": ["t"], "outlet": ["x"], "text": [text]}),
                          **kw)


@pytest.fixture(scope="module")
def quotes(corpus):
    return extract_quotes(corpus, actors=SEEDS / "actors.csv")


# ------------------------------------------------------------------ quote_spans / in_spans

def test_quote_spans_merges_and_filters_kinds():
    q = _q([("a", "direct", 30, 40), ("a", "mixed", 5, 12), ("a", "direct", 10, 20),
            ("a", "scare", 50, 55), ("b", "indirect", 0, 9), ("b", "direct", 3, 4)])
    assert quote_spans(q) == {"a": [(5, 20), (30, 40)], "b": [(3, 4)]}
    assert quote_spans(q, kinds=("scare",)) == {"a": [(50, 55)]}


def test_quote_spans_touching_spans_merge_and_empty_input():
    assert quote_spans(_q([("a", "direct", 0, 5), ("a", "direct", 5, 9)])) == {"a": [(0, 9)]}
    assert quote_spans(_q([])) == {}


def test_quote_spans_uses_parts_of_multi_paragraph_quotes():
    q = _q([("a", "direct", 1, 30)])
    q["parts"] = [[(1, 12), (15, 30)]]
    assert quote_spans(q) == {"a": [(1, 12), (15, 30)]}


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(12, 18, True), (15, 30, True), (19, 23, False), (38, 50, False), (14, 24, True),
     (0, 10, False), (5, 5, False), (9, 5, False), (0, 100, False)],
)
def test_in_spans(start, end, expected):
    assert in_spans([(10, 20), (22, 40)], start, end) is expected


def test_in_spans_exactly_half_is_not_mostly():
    assert in_spans([(0, 5)], 0, 10) is False
    assert in_spans([], 0, 10) is False
    assert in_spans(None, 0, 10) is False


def test_in_spans_rejects_the_whole_dict():
    with pytest.raises(TypeError):
        in_spans({"a": [(0, 5)]}, 0, 3)


def test_seed_quote_spans_cover_quoted_words_not_narration(corpus, quotes):
    spans = quote_spans(quotes)
    text = corpus.set_index("article_id").loc["000", "text"]
    inside = text.index("Being Jewish is not a provocation. Jewish Londoners")
    narration = text.index("Nine people were arrested")
    assert in_spans(spans["000"], inside, inside + 30)
    assert not in_spans(spans["000"], narration, narration + 25)


# ------------------------------------------------------------------ extract_quotes: contract

def test_columns_and_offsets(corpus, quotes):
    assert list(quotes.columns[:len(DESIGN_COLUMNS)]) == DESIGN_COLUMNS
    assert list(quotes.columns) == QUOTE_COLUMNS
    texts = corpus.set_index("article_id")["text"]
    for row in quotes.itertuples():
        text = texts[row.article_id]
        assert "\n".join(text[s:e] for s, e in row.parts) == row.quote
        if len(row.parts) == 1:
            assert text[row.start:row.end] == row.quote
        if row.speaker_mention:
            assert text[row.speaker_start:row.speaker_end] == row.speaker_mention
    assert set(quotes.kind) == {"direct", "mixed", "scare", "indirect"}
    assert quotes.loc[quotes.kind == "scare", "speaker"].eq("").all()


def test_outlets_come_from_the_manifest(quotes):
    assert quotes.set_index("article_id").loc["004", "outlet"].eq("unknown").all()


# ------------------------------------------------------------------ accuracy on the seeds

def test_gold_file_is_well_formed():
    gold = load_gold()
    assert set(gold.kind) == {"direct", "mixed", "scare", "indirect"}
    assert set(gold.article_id) == {"000", "001", "002", "003", "004"}
    assert gold.loc[gold.kind == "scare", "speaker"].eq("").all()
    # every quotation has a speaker, but the words on a sign, which are no one's speech
    sign = gold.note.str.contains("sign text")
    assert gold.loc[(gold.kind != "scare") & ~sign, "speaker"].ne("").all()
    assert gold.loc[sign, "speaker"].eq("").all() and sign.sum() == 2
    assert not gold.quote.str.contains(r"^['\"“”‘’]|['\"“”‘’]$").any()


def test_seed_accuracy_quotations(corpus, quotes):
    scores = evaluate_quotes(quotes, load_gold(), corpus)
    assert scores["n_gold"] >= 60
    assert scores["precision"] >= 0.9
    assert scores["recall"] >= 0.9
    assert scores["speaker_accuracy"] >= 0.9


def test_seed_accuracy_all_kinds(corpus, quotes):
    kinds = ("direct", "mixed", "scare", "indirect")
    scores = evaluate_quotes(quotes, load_gold(), corpus, kinds=kinds)
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9
    assert scores["speaker_accuracy"] >= 0.9
    assert evaluate_quotes(quotes, load_gold(), corpus, kinds=("scare",))["recall"] >= 0.8


def test_evaluation_counts_misses_and_extras(corpus, quotes):
    gold = load_gold()
    fewer = quotes[quotes.article_id != "004"]
    scores = evaluate_quotes(fewer, gold, corpus)
    n_004 = int(((gold.article_id == "004") & gold.kind.isin(["direct", "mixed"])).sum())
    assert n_004 == 5
    assert scores["n_matched"] == evaluate_quotes(quotes, gold, corpus)["n_matched"] - n_004
    empty = evaluate_quotes(quotes.iloc[0:0], gold, corpus)
    assert math.isnan(empty["precision"]) and empty["recall"] == 0
    table = compare_with_gold(quotes, gold.iloc[0:0], corpus)
    assert set(table.status) == {"extra"}


def test_token_overlap():
    assert token_overlap("a b c d", "a b c d") == 1.0
    assert token_overlap("a b", "a b c d") == 0.5
    assert token_overlap("", "a") == 0.0


# ------------------------------------------------------------------ what the seeds do

def _row(quotes, article_id, starts_with):
    rows = quotes[(quotes.article_id == article_id) & quotes.quote.str.startswith(starts_with)]
    assert len(rows) >= 1, starts_with
    return rows.iloc[0]


def test_five_paragraph_statement_with_nested_quote(quotes):
    row = _row(quotes, "000", 'The use of the term "openly Jewish" by one of our officers')
    assert len(row.parts) == 5
    assert row.quote.endswith("than they did today.")
    assert (row.kind, row.speaker, row.verb) == ("direct", "Metropolitan Police", "read")
    # the nested "openly Jewish" is part of the statement, not a quotation of its own
    inner = quotes[(quotes.article_id == "000") & (quotes.start > row.start)
                   & (quotes.end < row.end)]
    assert inner.empty


def test_apostrophes_inside_british_single_quotes(quotes):
    row = _row(quotes, "000", "I'm sure there are an awful lot")
    assert row.quote.endswith("today is different.")
    row = _row(quotes, "001", "The sergeant at the scene")
    assert "we’ve apologised" in row.quote and len(row.parts) == 3


def test_plural_possessive_inside_a_quotation(quotes):
    row = _row(quotes, "000", "Commissioner Sir Mark Rowley has sent")
    assert "Jewish Londoners' confidence in the Met" in row.quote
    assert row.speaker == "Campaign Against Antisemitism"   # "It said:" -> the CAA


def test_quotation_continues_across_captions(quotes):
    row = _row(quotes, "001", "We will continue our dialogue")
    assert row.quote.endswith("on the demonstrations.") and len(row.parts) == 2
    assert row.speaker == "Community Security Trust"


def test_closing_curly_mark_used_as_opener(quotes):
    row = _row(quotes, "003", "We will continue our dialogue")
    assert (row.speaker, row.verb, len(row.parts)) == ("communal leaders", "add", 2)


def test_pronouns_titles_and_aliases(quotes):
    assert _row(quotes, "000", "The fact that those who do").speaker == "Matt Twist"  # He
    assert _row(quotes, "000", "Your presence here").speaker == \
        "another police officer at the scene"
    assert _row(quotes, "001", "The public would be horrified").speaker == "Sir Mark Rowley"
    assert _row(quotes, "001", "clumsy and offensive").speaker == "Sir Mark Rowley"  # Met boss
    assert _row(quotes, "002", "must earn the trust").speaker == "Sadiq Khan"  # spokesman


def test_scare_quotes_and_labels(quotes):
    scare = quotes[quotes.kind == "scare"]
    assert set(scare.quote) == {"openly Jewish", "public relations"}
    row = _row(quotes, "001", "professional")
    assert (row.kind, row.speaker, row.verb) == ("mixed", "Sir Mark Rowley", "defend")


def test_anonymous_sources_and_indirect_speech(quotes):
    row = _row(quotes, "002", "his job was not in danger")
    assert (row.kind, row.speaker, row.speaker_type) == \
        ("indirect", "government sources", "anonymous source")
    row = _row(quotes, "003", "frank but friendly")
    assert (row.speaker, row.speaker_type) == ("source who attended the meeting",
                                               "anonymous source")
    row = _row(quotes, "000", "One man was arrested")
    assert (row.kind, row.speaker, row.verb) == ("indirect", "Metropolitan Police", "say")


def test_american_style_in_seed_004(quotes):
    q = quotes[quotes.article_id == "004"]
    assert list(q.kind) == ["direct"] * 5
    assert list(q.speaker) == ["Gideon Falter", "Suella Braverman", "Oliver Dowden",
                               "Sir Mark Rowley", "Sadiq Khan"]
    assert list(q.verb) == ["say", "state", "add", "state", "say"]


def test_without_actor_table_names_merge_by_form(corpus):
    q = extract_quotes(corpus[corpus.article_id == "000"])
    assert _row(q, "000", "So basically").speaker == "Gideon Falter"  # "Mr Falter"
    assert _row(q, "000", "It is the right").speaker == "Campaign Against Antisemitism"  # CAA


# ------------------------------------------------------------------ own sample sentences

SAMPLES = pd.read_csv(DATA / "quotes_samples.csv", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("sample_id", sorted(set(SAMPLES.sample_id)))
def test_sample_sentences(sample_id):
    expected = SAMPLES[SAMPLES.sample_id == sample_id]
    got = _one(expected.text.iloc[0])
    assert len(got) == len(expected)
    for exp in expected.itertuples():
        match = got[[token_overlap(q, exp.quote) >= 0.5 for q in got.quote]]
        assert len(match) == 1, exp.quote
        row = match.iloc[0]
        assert row.kind == exp.kind
        if exp.note.startswith("known miss"):
            continue                     # a documented limitation: found, speaker not
        assert row.speaker.casefold() == exp.speaker.casefold()
        if exp.verb:
            assert row.verb == exp.verb


def test_american_attribution_after_the_quote():
    q = _one('"We will not back down," said Senator Jane Doe. "Never," the senator added.')
    assert q[["quote", "speaker", "verb", "kind"]].values.tolist() == [
        ["We will not back down", "Jane Doe", "say", "direct"],
        ["Never", "Jane Doe", "add", "direct"]]
    assert q.speaker_mention.tolist() == ["Senator Jane Doe", "the senator"]


def test_floating_paragraph_continues_previous_speaker():
    q = _one("Mr Green told the BBC: 'We are ready.'\n'Nothing will stop us now, whatever "
             "happens next.'\nThe vote is on Monday.")
    assert q.speaker.tolist() == ["Green", "Green"]
    assert q.attribution.tolist() == ["before", "previous speaker"]


# ------------------------------------------------------------------ bad input

@pytest.mark.parametrize("text", [
    "He said: 'This never ends. And then he left.\nNext paragraph is narration.",  # unbalanced
    "She said \"hello and goodbye.\nThe end.'",                                     # unbalanced
    "The minister said '",                                    # quote mark as the last character
    'Quote at the end"',
    "'" + " ".join(["This is one long quotation that never stops."] * 300),   # one long quote
    "'" * 10_000,                                                             # 10,000 apostrophes
    "It's " * 10_000,
    "s' " * 3_000 + "'x'",
    "“'\"’‘”" * 500,
    "!!! ??? ... '''",
])
def test_bad_input_never_crashes_or_leaves_the_text(text):
    q = _one(text)
    for row in q.itertuples():
        assert 0 <= row.start < row.end <= len(text)
        assert all(0 <= s < e <= len(text) for s, e in row.parts)
        assert row.quote.strip()


def test_unbalanced_quote_ends_with_its_paragraph():
    q = _one("He said: 'This never ends. And then he left.\nNext paragraph is narration.")
    assert q.quote.tolist() == ["This never ends. And then he left."]


def test_one_long_quotation_article():
    text = "'" + " ".join(["This is one long quotation that never stops."] * 300)
    q = _one(text)
    assert len(q) == 1 and q.start.iloc[0] == 1 and q.end.iloc[0] == len(text)


def test_apostrophes_only_give_no_quotation():
    assert _one("'" * 10_000).empty
    assert _one("It's " * 10_000).empty


@pytest.mark.parametrize("text", ["", "   ", np.nan, None])
def test_empty_or_missing_article_gives_no_rows(text):
    q = _one(text)
    assert q.empty and list(q.columns) == QUOTE_COLUMNS


def test_bad_corpus_is_a_clear_error():
    with pytest.raises(ValueError, match="text"):
        extract_quotes(pd.DataFrame({"article_id": ["1"]}))
    with pytest.raises(TypeError):
        extract_quotes("seeds")


# ------------------------------------------------------------------ sources and verbs

def test_sources_table_by_speaker(quotes):
    table = sources_table(quotes)
    shares = table.groupby("outlet")["share_of_voice"].sum()
    assert np.allclose(shares, 1.0, atol=1e-3)
    unknown = table[table.outlet == "unknown"].set_index("speaker")
    # seed 004: five speakers, one direct quotation each; words counted by hand
    assert unknown["quotations"].to_dict() == {s: 1 for s in unknown.index}
    assert unknown.loc["Gideon Falter", "words_quoted"] == 17
    assert unknown.loc["Sadiq Khan", "words_quoted"] == 14
    assert "(unattributed)" not in set(table.speaker) or \
        table.loc[table.speaker == "(unattributed)", "words_quoted"].sum() < 20


def test_sources_table_counts_the_guessed_speakers():
    # a quotation no rule attributes goes to the nearest name: the table says how many
    corpus = pd.DataFrame({"article_id": ["t"], "outlet": ["x"], "text": [
        'Jane Doe spoke at the rally. "We will win," she said.\n'
        'Later, the "final push for the seat" began.']})
    quotes = extract_quotes(corpus)
    assert quotes["attribution"].tolist() == ["after", "nearest speaker"]
    row = sources_table(quotes).set_index("speaker").loc["Jane Doe"]
    assert (row["quotations"], row["guessed"]) == (2, 1)
    assert sources_table(quotes.drop(columns="attribution"))["guessed"].isna().all()


def test_sources_table_by_type_and_bad_argument(quotes):
    table = sources_table(quotes, by="speaker_type")
    assert {"police", "campaign group"} <= set(table.speaker_type)
    assert sources_table(quotes.iloc[0:0]).empty
    with pytest.raises(ValueError):
        sources_table(quotes, by="verb")


def test_speech_verb_file():
    verbs = speech_verbs()
    assert verbs.verb.is_unique
    assert set(verbs["class"]) == {"neutral", "evaluative"}
    for lemma, forms in zip(verbs.verb, verbs.forms, strict=True):
        assert forms and (lemma in forms or lemma == "post")
    cls = verbs.set_index("verb")["class"]
    assert (cls["say"], cls["claim"], cls["admit"]) == ("neutral", "evaluative", "evaluative")


def test_verb_profile(quotes):
    profile = verb_profile(quotes)
    mail = profile[profile.outlet == "MailOnline"].set_index("verb")
    assert mail.loc["claim", "verb_class"] == "evaluative"
    assert mail.loc["say", "n"] == quotes[(quotes.outlet == "MailOnline")
                                          & (quotes.verb == "say")].shape[0]
    summary = verb_profile(quotes, summary=True).set_index("outlet")
    assert summary.loc["unknown", "share_evaluative"] == 0.0
    assert 0 < summary.loc["MailOnline", "share_evaluative"] < 1


# ------------------------------------------------------------------ quotations that travel

def test_match_quotes_on_the_seeds(quotes):
    m = match_quotes(quotes)
    assert m[m.article_id == "004"].status.eq("not found in any other outlet").all()
    cst = m[m.quote.str.startswith("We will continue our dialogue")]
    assert set(cst.article_id) == {"001", "003"}
    assert cst.cluster.nunique() == 1 and not cst.same_speaker.any()
    assert set(cst["diff"]) == {"-[press] +[express]", "-[express] +[press]"}
    damaged = m[m.quote == "should know their presence is provocative"].iloc[0]
    assert damaged.status == "altered" and damaged.articles == "000, 002"
    assert damaged["diff"].startswith("-[must] +[should]")


def test_match_quotes_verbatim_and_alone():
    q = pd.DataFrame({"article_id": ["1", "2", "3"], "outlet": ["A", "B", "C"],
                      "kind": ["direct", "mixed", "direct"], "speaker": ["X", "X", "Y"],
                      "n_words": [9, 5, 6],
                      "quote": ["we will not stand by while this happens again",
                                "stand by while this happens",
                                "the weather was lovely all week"]})
    m = match_quotes(q).set_index("article_id")
    assert m.loc["1", "status"] == "verbatim" and m.loc["2", "status"] == "verbatim"
    assert m.loc["3", "status"] == "not found in any other outlet"
    assert m.loc["1", "same_speaker"]
    assert match_quotes(q.iloc[0:0]).empty


# ------------------------------------------------------------------ matching at scale: blocking

def _planted_copies(quotes: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The seeds' quotations, two edited copies of each in other articles (a word swapped,
    dropped or added, a typo, an 8-word excerpt, American spelling) and as many word salads
    of the same vocabulary, so that near misses exist too."""
    rng = random.Random(seed)
    base = quotes[quotes.kind.isin(["direct", "mixed"]) & (quotes.n_words >= 4)]
    vocab = sorted({w for t in base.quote for w in t.split()})

    def typo(w: str) -> str:
        i = rng.randrange(1, len(w) - 2) if len(w) >= 4 else 0
        return w[:i] + w[i + 1] + w[i] + w[i + 2:] if len(w) >= 4 else w + "s"

    def at(ws: list[str], f) -> list[str]:  # type: ignore[no-untyped-def]
        return f(rng.randrange(len(ws)))

    edits = {
        "substitute": lambda ws: at(ws, lambda i: ws[:i] + [rng.choice(vocab)] + ws[i + 1:]),
        "delete": lambda ws: at(ws, lambda i: ws[:i] + ws[i + 1:]),
        "insert": lambda ws: at(ws, lambda i: ws[:i] + [rng.choice(vocab)] + ws[i:]),
        "typo": lambda ws: at(ws, lambda i: ws[:i] + [typo(ws[i])] + ws[i + 1:]),
        "excerpt": lambda ws: ws[rng.randrange(0, max(1, len(ws) - 8)):][:8],
        "spelling": lambda ws: [w.replace("ise", "ize").replace("our", "or") for w in ws],
    }
    rows = []
    for n, row in enumerate(base.itertuples()):
        rows.append((f"o{n:03d}", "Original", row.speaker, row.quote))
        for k, name in enumerate(rng.sample(sorted(edits), 2)):
            rows.append((f"v{n:03d}{k}", f"Copy {k}", row.speaker,
                         " ".join(edits[name](row.quote.split()))))
        rows.append((f"f{n:03d}", "Filler", "",
                     " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 25)))))
    frame = pd.DataFrame(rows, columns=["article_id", "outlet", "speaker", "quote"])
    frame["kind"] = "direct"
    frame["n_words"] = [len(q.split()) for q in frame.quote]
    return frame


def test_blocked_matching_equals_all_pairs_on_the_seeds(quotes):
    exact = match_quotes(quotes, blocking=False)
    pd.testing.assert_frame_equal(match_quotes(quotes, blocking=True), exact)
    pd.testing.assert_frame_equal(match_quotes(quotes, block_above=0), exact)


@pytest.mark.parametrize("seed", [1])
def test_blocked_matching_equals_all_pairs_on_planted_copies(quotes, seed):
    planted = _planted_copies(quotes, seed)
    exact = match_quotes(planted, blocking=False)
    pd.testing.assert_frame_equal(match_quotes(planted, blocking=True), exact)
    # the set is not trivial: almost every edited copy joins its original's cluster
    cluster = dict(zip(exact.article_id, exact.cluster, strict=True))
    copies = [a for a in exact.article_id if a.startswith("v")]
    joined = sum(cluster[a] == cluster[f"o{a[1:4]}"] for a in copies)
    assert joined >= 0.9 * len(copies)
    assert {"verbatim", "altered"} <= set(exact.status)


def test_blocking_compares_far_fewer_pairs(quotes):
    planted = _planted_copies(quotes, 3)
    norm = [" ".join(_tokens(t)) for t in planted.quote]
    pairs = _blocked_pairs(norm)
    n = len(norm)
    assert len(pairs) < 0.2 * n * (n - 1) / 2
    # a quotation inside another shares all its bigrams, however common they are
    assert _blocked_pairs(["a b c d"] * 60 + ["x a b c d y"]) == \
        [(i, j) for i in range(61) for j in range(i + 1, 61)]


# ------------------------------------------------------------ delayed identification, passives

@pytest.mark.parametrize(("text", "speaker"), [
    ("'This is a farce,' he said. The words came from Labour MP John Carter, speaking in "
     "the Commons.", "John Carter"),
    ('"We will not fold," she said. "Not now." Those were the words of Mary Quinn, the '
     "union's general secretary.", "Mary Quinn"),
    ("'The system is broken,' she said.\nSo said Dr Anna Bell, who runs the clinic.",
     "Anna Bell"),
    ('"It is over," he said. The remarks were made by Senator Tom Reed on Tuesday.',
     "Tom Reed"),
])
def test_speaker_named_in_the_next_sentence(text, speaker):
    q = _one(text)
    assert set(q.speaker) == {speaker}
    assert q.speaker_mention.iloc[0] in ("he", "she")       # the words where they stand
    assert "named after" in set(q.attribution)


@pytest.mark.parametrize("text", [
    # the next sentence names no one, or a named speaker needs no help
    "Tom Reed was furious. 'It is a farce,' he said. The words came from the heart.",
    "Tom Reed was furious. 'It is a farce,' said Mr Reed. The words came from Jane Doe.",
    # an identifying sentence two sentences later, with narration in between, is too far
    "Tom Reed was furious. 'It is a farce,' he said. The vote is on Monday. "
    "The words came from Jane Doe.",
])
def test_named_after_only_when_the_next_sentence_identifies(text):
    q = _one(text)
    assert q.speaker.tolist() == ["Tom Reed"]


@pytest.mark.parametrize("text", [
    "The plan was slammed as 'a disaster for every family in the town'.",
    "Jane Doe backed the plan. But it was criticised as 'reckless and unfunded' in the "
    "Commons.",
    "The proposal has been condemned as 'an insult to nurses' and withdrawn.",
    "Mr Falter was told: 'You are openly Jewish and you must leave.'",
])
def test_passive_without_agent_names_no_speaker(text):
    q = _one(text)
    assert len(q) == 1
    row = q.iloc[0]
    assert (row.speaker, row.speaker_type, row.attribution) == ("", "unknown",
                                                                "passive, no agent")
    assert row.kind in ("direct", "mixed") and row.verb


def test_passive_with_agent_names_the_agent():
    q = _one("The decision was condemned as 'a betrayal of patients' by nurse Ann Lee.")
    assert (q.speaker.iloc[0], q.attribution.iloc[0]) == ("Ann Lee", "before")
    q = _one("Mr Falter was told by an officer: 'You are openly Jewish.'")
    assert q.speaker.iloc[0] != "Falter" and q.speaker_mention.iloc[0] == "officer"
