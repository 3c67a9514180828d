"""Sentiment of news sentences with VADER, and the tone a text takes toward each actor.

One module per job:

- :mod:`~analysis.sentiment.scores`: VADER per sentence (``sentence_sentiment``), per
  article and per outlet;
- :mod:`~analysis.sentiment.voice`: the outlet's narration apart from the speech it quotes;
- :mod:`~analysis.sentiment.negation`: negators before a cue;
- :mod:`~analysis.sentiment.stance`: the clause around a mention and role cues aimed at it
  (``mention_stance``);
- :mod:`~analysis.sentiment.tone`: the target-aware tone of one mention (``mention_tone``):
  the rules' stance plus a small learned model (:mod:`~analysis.sentiment.model`, trained
  by :mod:`~analysis.sentiment.train` on NewsMTSC);
- :mod:`~analysis.sentiment.pronouns`: the kind of each actor, and the pronouns the
  attribution package's resolver links to it
  (:func:`analysis.attribution.mentions.resolve_mentions`);
- :mod:`~analysis.sentiment.mentions`: every actor mention, aggregated per article and
  outlet (``actor_sentiment``, ``outlet_actor_sentiment``);
- :mod:`~analysis.sentiment.agreement`: agreement with the seed labels.

>>> from analysis import load_corpus
>>> corpus = load_corpus("seeds")
>>> round(float(article_sentiment(corpus)["mean_compound"].iloc[0]), 3) < 0
True
"""

from __future__ import annotations

from analysis.actors import find_mentions, load_actors
from analysis.sentiment.agreement import agreement, cohen_kappa, evaluate_actor_labels
from analysis.sentiment.mentions import (
    METHODS,
    SMALL_N,
    TOO_FEW,
    actor_mentions,
    actor_sentiment,
    outlet_actor_sentiment,
)
from analysis.sentiment.negation import negated
from analysis.sentiment.pronouns import actor_kind, pronoun_links
from analysis.sentiment.scores import (
    CUT,
    LABELS,
    article_sentiment,
    label_compound,
    outlet_sentiment,
    score_text,
    sentence_sentiment,
)
from analysis.sentiment.scores import _analyzer as _analyzer  # noqa: F401 (tests)
from analysis.sentiment.stance import CUE_WEIGHT, mention_stance
from analysis.sentiment.tone import mention_tone
from analysis.sentiment.voice import sentence_voice, voice_sentiment

__all__ = [
    "CUT",
    "CUE_WEIGHT",
    "LABELS",
    "METHODS",
    "SMALL_N",
    "TOO_FEW",
    "actor_kind",
    "actor_mentions",
    "actor_sentiment",
    "agreement",
    "article_sentiment",
    "cohen_kappa",
    "evaluate_actor_labels",
    "find_mentions",
    "label_compound",
    "load_actors",
    "mention_stance",
    "mention_tone",
    "negated",
    "outlet_actor_sentiment",
    "outlet_sentiment",
    "pronoun_links",
    "score_text",
    "sentence_sentiment",
    "sentence_voice",
    "voice_sentiment",

]
