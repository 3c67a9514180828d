"""The target-aware tone of one mention: clause rules first, a small learned model on top.

:func:`mention_tone` is what :func:`analysis.sentiment.actor_mentions` (and so
``actor_sentiment``) calls for every mention, and what the NewsMTSC evaluation scores. It
reads at most ``WINDOW`` characters either side of the mention (cut at a space), so a
run-on sentence of thousands of names costs the same per mention as a normal one.

>>> t = mention_tone("Critics slammed Ann for her appalling failure.", (16, 19))
>>> t["label"]
'negative'
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.sentiment.model import load_weights, mention_features, predict_proba
from analysis.sentiment.scores import CUT, LABELS
from analysis.sentiment.stance import mention_stance

#: Characters read either side of a mention (a long news sentence is about 300).
WINDOW = 400


def _window(
    sentence: str, mention: tuple[int, int], spans: Sequence[tuple[int, int]], others:
    Sequence[tuple[int, int]],
) -> tuple[str, tuple[int, int], list[tuple[int, int]], list[tuple[int, int]]]:
    """The stretch of ``sentence`` within ``WINDOW`` characters of the mention (cut at a
    space), with the mention and the spans moved to its offsets and clipped to it."""
    start, end = mention
    lo, hi = max(0, start - WINDOW), min(len(sentence), end + WINDOW)
    if lo > 0:
        space = sentence.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(sentence):
        space = sentence.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    if lo == 0 and hi == len(sentence):
        return sentence, mention, list(spans), list(others)

    def clip(items: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(max(a, lo) - lo, min(b, hi) - lo) for a, b in items if b > lo and a < hi]

    return sentence[lo:hi], (start - lo, end - lo), clip(spans), clip(others)


def tone_features(
    sentence: str,
    mention: tuple[int, int],
    own_quotes: Sequence[tuple[int, int]] = (),
    other_mentions: Sequence[tuple[int, int]] = (),
    negation: bool = True,
) -> tuple[dict[str, object], dict[str, float]]:
    """The rules' result and the model's features for one mention, read within ``WINDOW``
    characters of it: what :func:`mention_tone` weighs and what training fits.

    >>> rule, feats = tone_features("Ann was praised.", (0, 3))
    >>> rule["cue"], feats["rule:positive"]
    ('passive praised', 1.0)
    """
    text, span, own, others = _window(sentence, mention, own_quotes, other_mentions)
    rule = mention_stance(text, span, own, others, negation=negation)
    return rule, mention_features(text, span, own, others, rule)


def mention_tone(
    sentence: str,
    mention: tuple[int, int],
    own_quotes: Sequence[tuple[int, int]] = (),
    other_mentions: Sequence[tuple[int, int]] = (),
    negation: bool = True,
) -> dict[str, object]:
    """The tone a sentence takes toward one mentioned actor.

    Arguments as for :func:`analysis.sentiment.stance.mention_stance`, whose rules run
    first. When one of their role cues fires at the mention, their label stands (probability
    1), and so does their neutral for an organisation named only in another person's title
    ("Ann Lee, chief executive of X"); when the mention is the subject of an evaluative verb
    or of a call for someone's removal ("X accused Y", "X called for Y to resign"), it is
    neutral (an accusation is about its object, not its author). Otherwise the rules' result and the
    readable features of :func:`analysis.sentiment.model.mention_features` go into the
    shipped model. Returns
    ``label`` (the most probable of negative / neutral / positive), ``p_negative``,
    ``p_neutral``, ``p_positive``, ``tone`` (``p_positive - p_negative``, -1..1), and the
    rules' ``stance``, ``cue`` and ``clause``. Without a model file the label is the rules'
    (VADER's +-0.05 cut on ``stance``).

    >>> t = mention_tone("The mayor praised Ann for her courage.", (18, 21))
    >>> t["label"], t["p_positive"] > t["p_negative"]
    ('positive', True)
    >>> mention_tone("The union accused Ann of lying.", (4, 9))["label"]
    'neutral'
    >>> mention_tone("The union called for Ann to resign over her failure.", (4, 9))["label"]
    'neutral'
    """
    rule, feats = tone_features(sentence, mention, own_quotes, other_mentions, negation)
    stance = float(rule["stance"])  # type: ignore[arg-type]
    rule_label = "positive" if stance >= CUT else "negative" if stance <= -CUT else "neutral"
    if rule["cue"] or not load_weights():
        # A role cue aimed at the mention ("X was criticised", "calls for X to resign") names
        # who is judged, which a bag of nearby words cannot: the rules decide.
        proba = {lab: float(lab == rule_label) for lab in LABELS}
    elif rule.get("agent"):
        # "X accused Y of Z": the accusation is about Y; it says nothing good or bad about X.
        proba = {lab: float(lab == "neutral") for lab in LABELS}
    else:
        proba = predict_proba(feats)
    label = max(LABELS, key=lambda lab: proba[lab])
    return {"label": label, "p_negative": proba["negative"], "p_neutral": proba["neutral"],
            "p_positive": proba["positive"], "tone": proba["positive"] - proba["negative"],
            "agent": rule.get("agent", False),
            "stance": rule["stance"], "cue": rule["cue"], "clause": rule["clause"]}
