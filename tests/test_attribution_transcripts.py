"""Interview transcripts printed in an article: each turn's words go to the speaker its
capitalised label names. The texts were written for these tests."""

from __future__ import annotations

import re

import pandas as pd

from analysis.attribution import extract_quotes
from analysis.attribution.transcripts import transcript_turns


def _one(text: str) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": ["t"], "outlet": ["x"], "text": [text]}))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def test_unquoted_turns_go_to_their_labels():
    text = ("Host Dana Perino spoke with Senator Tom Reyes on Sunday.\n\n"
            "PERINO: Will you back the bill this week?\n\n"
            "REYES: I will back it, and so will most of my colleagues in the Senate.\n\n"
            "PERINO: Even after the vote in committee?\n\n"
            "Reyes later left for Ohio.")
    q = _one(text)
    turns = q[q["attribution"] == "transcript label"]
    assert turns["quote"].tolist() == [
        "Will you back the bill this week?",
        "I will back it, and so will most of my colleagues in the Senate.",
        "Even after the vote in committee?"]
    assert turns["speaker"].tolist() == ["Dana Perino", "Tom Reyes", "Dana Perino"]
    assert turns["kind"].eq("direct").all()
    assert turns["speaker_mention"].tolist() == ["PERINO", "REYES", "PERINO"]


def test_a_quoted_transcript_is_cut_at_each_label():
    text = ("The exchange went as follows:\n\n"
            "\u201cMARTIN: Did you sign the order that night?\n\n"
            "\u201cVIDEO: They told me nothing at all about it.\n\n"
            "\u201cMARTIN: So who did?\n\n"
            "\u201cKELLER: Nobody signed anything, and I said so at the time.\u201d\n\n"
            "Ann Keller has denied it since.")
    q = _one(text)
    direct = q[q["kind"] == "direct"]
    assert direct["quote"].tolist() == [
        "Did you sign the order that night?", "They told me nothing at all about it.",
        "So who did?", "Nobody signed anything, and I said so at the time."]
    # MARTIN labels two turns; VIDEO names no one, and its words are not guessed
    assert direct["speaker"].tolist() == ["Martin", "", "Martin", "Ann Keller"]


def test_kickers_and_one_off_capitals_are_no_turns():
    text = ("UPDATE: The vote was delayed until Friday, officials said.\n\n"
            "BREAKING NEWS: Another delay.\n\n"
            "FIX IS IN: The rules were changed overnight.\n\n"
            "HOLDEN: the plan explained in five charts.")
    assert [t.speaker for t in transcript_turns(text, _paragraphs(text))] == [""] * 4
    assert _one(text)["attribution"].ne("transcript label").all()


def test_a_full_label_names_the_person_and_a_later_surname_follows_it():
    text = ("JANE OKAFOR: We start with the budget.\n\n"
            "OKAFOR: And the vote is on Tuesday.")
    turns = transcript_turns(text, _paragraphs(text))
    assert [t.speaker for t in turns] == ["Jane Okafor", "Jane Okafor"]
    assert [text[t.start:t.end] for t in turns] == ["We start with the budget.",
                                                     "And the vote is on Tuesday."]


def test_a_printed_interview_gives_the_answers_to_the_person_the_headline_names():
    text = ("Five questions for Mayor Ana Lindqvist.\n\n"
            "Mayor Ana Lindqvist spoke to our reporter Tom Hale on Friday.\n\n"
            "Q: Will the bridge reopen this year?\n\n"
            "A: It will, and sooner than people think.\n\n"
            "The engineers have finished their survey.\n\n"
            "Q: What about the cost?\n\n"
            "A: The city has set aside the money.\n\n"
            "Tom Hale writes about the city.")
    q = _one(text)
    turns = q[q["attribution"] == "transcript label"]
    # an answer runs on to the next question; a question is no source's words
    assert turns["quote"].tolist() == [
        "It will, and sooner than people think.\nThe engineers have finished their survey.",
        "The city has set aside the money."]
    assert turns["speaker"].tolist() == ["Ana Lindqvist", "Ana Lindqvist"]


def test_one_answer_label_alone_is_no_interview():
    text = "A: B and C are the options.\n\nQ: Which one?"
    assert transcript_turns(text, _paragraphs(text)) == []


def test_a_label_with_a_title_is_the_name_as_the_text_writes_it():
    text = ("Sen. John McCain spoke to the host on Sunday.\n\n"
            "SEN. JOHN MCCAIN (R-AZ): We will not back this bill.\n\n"
            "MCCAIN: Not this year.")
    turns = transcript_turns(text, _paragraphs(text))
    assert [t.speaker for t in turns] == ["John McCain", "John McCain"]
