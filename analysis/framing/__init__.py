"""Framing: how each outlet names, frames, weighs and words the same story.

Measures (each a function returning a pandas DataFrame):

* :func:`actor_labels` — what each outlet calls each actor, from the actor table and the text;
* :func:`label_usage` — the labels each outlet uses for actors and events (families from
  the actor table and the corpus, :func:`actor_label_families`, or a list of your own);
* :func:`frame_sentences`, :func:`article_frames` — Semetko & Valkenburg's five generic
  news frames, sentence by sentence;
* :func:`article_frame_scores` — a learned per-article probability for each frame, and
  :func:`score_cues`, the words behind it;
* :func:`sentence_loading` — a loaded-language score per sentence and the words behind it;
* :func:`loaded_language` — evaluative words, intensifiers, hedges, factive and assertive
  verbs (Recasens et al. 2013);
* :func:`passives` — passive voice and hidden agents;
* :func:`distinctive_terms` — Fightin' Words log-odds (Monroe et al. 2008);
* :func:`lede_emphasis` — who is in the headline and lede, and who comes last;
* :func:`text_reuse` — passages shared between articles.

Narration is told from quotation with :mod:`analysis.attribution` (``extract_quotes``,
``quote_spans``, ``in_spans``). Every word list is a CSV in ``analysis/data``.

>>> from analysis import load_corpus, framing
>>> usage = framing.label_usage(load_corpus("seeds"))  # doctest: +SKIP
"""

from analysis.framing.agency import find_passives, passive_summary, passives
from analysis.framing.emphasis import lede_emphasis, lede_text
from analysis.framing.frame_model import article_frame_scores, score_cues, top_cues
from analysis.framing.frames import (
    article_frames,
    cohen_kappa,
    frame_agreement,
    frame_examples,
    frame_sentences,
    load_frame_indicators,
    match_labels,
    outlet_frames,
)
from analysis.framing.labels import (
    actor_label_families,
    actor_labels,
    label_occurrences,
    label_table,
    label_usage,
    load_label_families,
)
from analysis.framing.loaded import (
    load_loaded_lexicon,
    loaded_language,
    loaded_rates,
    score_sentence,
    sentence_loading,
)
from analysis.framing.plots import (
    plot_distinctive_terms,
    plot_loaded_rates,
    plot_outlet_frames,
    plot_similarity_matrix,
)
from analysis.framing.reuse import shared_passages, similarity_matrix, text_reuse
from analysis.framing.vocabulary import distinctive_terms, fightin_words, top_terms

__all__ = [
    "actor_label_families", "actor_labels", "article_frame_scores", "article_frames",
    "cohen_kappa", "distinctive_terms", "fightin_words", "find_passives",
    "frame_agreement", "frame_examples", "frame_sentences", "label_occurrences",
    "label_table", "label_usage", "lede_emphasis", "lede_text", "load_frame_indicators",
    "load_label_families", "load_loaded_lexicon", "loaded_language", "loaded_rates",
    "match_labels", "outlet_frames", "passive_summary", "passives", "plot_distinctive_terms",
    "plot_loaded_rates", "plot_outlet_frames", "plot_similarity_matrix", "score_cues",
    "score_sentence", "sentence_loading", "shared_passages", "similarity_matrix",
    "text_reuse", "top_cues", "top_terms",
]
