"""The media framing workbook: how different outlets cover the same story.

The pipeline: :func:`load_corpus` (load and clean) → :func:`split_sentences` → the
measures in :mod:`analysis.sentiment`, :mod:`analysis.readability`,
:mod:`analysis.attribution` and :mod:`analysis.framing`, all pandas DataFrames in and out.

>>> from analysis import load_corpus, split_sentences
>>> corpus = load_corpus("seeds")
>>> sentences = split_sentences(corpus)
"""

from analysis._offline import patch_textstat
from analysis.cleaning import removal_report
from analysis.corpus import load_corpus, load_report
from analysis.errors import CorpusError
from analysis.sentences import split_sentences

patch_textstat()

__all__ = ["CorpusError", "load_corpus", "load_report", "removal_report", "split_sentences"]
__version__ = "0.1.0"
