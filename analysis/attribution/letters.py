"""Accented Latin letters, folded to plain ones for the quotation rules and put back after.

The rules that find speakers read a name as capitalised words of ASCII letters
(``[A-Z][a-z]+``), so "António Guterres" was read as "Ant" and "José Manuel Barroso" as
"Manuel Barroso". Rather than rewrite every pattern, :func:`extract_quotes
<analysis.attribution.extract_quotes>` runs them on a copy of the text in which each
accented Latin letter is replaced by its base letter (:func:`fold_letters`: one character
for one, so every offset still points into the real text), then takes the quotations, the
speakers' mentions and their names back from the real text (:func:`restore_words`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Letters whose Unicode decomposition has no ASCII base, folded to the letter they read as.
_EXTRA = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
          "ß": "s", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "ı": "i", "ſ": "s", "þ": "t",
          "Þ": "T", "ħ": "h", "Ħ": "H"}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    out: dict[int, str] = {}
    for code in range(0xC0, 0x250):  # Latin-1 Supplement to Latin Extended-B
        ch = chr(code)
        if not ch.isalpha():
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        if base.isascii() and base.isalpha() and base != ch:
            out[code] = base
    for ch, base in _EXTRA.items():
        out[ord(ch)] = base
    out[0x130] = "I"     # İ
    out[0x212A] = "K"    # the Kelvin sign, a capital K to the patterns
    return out


def fold_letters(text: str) -> str:
    """``text`` with each accented Latin letter replaced by its base letter, one character
    for one (offsets are kept); other characters, quotation marks included, are unchanged.

    >>> fold_letters("António Guterres, José, Ségolène, Łukasz, Strauß: “Oui”")
    'Antonio Guterres, Jose, Segolene, Lukasz, Straus: “Oui”'
    """
    if text.isascii():
        return text
    return text.translate(_table())


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_table())) + "]")


def needs_folding(text: str) -> bool:
    """Whether :func:`fold_letters` changes ``text`` (one search for a foldable letter; most
    English text has none, only curly quotation marks).

    >>> needs_folding("Jose said"), needs_folding("José said"), needs_folding("“Yes”")
    (False, True, False)
    """
    return not text.isascii() and _foldable().search(text) is not None


def word_map(text: str) -> dict[str, str]:
    """Each folded word of ``text`` that differs from the word as written, mapped to it
    (the first spelling met, where two spellings fold alike).

    >>> word_map("António met Antonio and Zoë.")
    {'Antonio': 'António', 'Zoe': 'Zoë'}
    """
    out: dict[str, str] = {}
    for match in _WORD.finditer(text):
        word = match.group()
        folded = fold_letters(word)
        if folded != word:
            out.setdefault(folded, word)
    return out


def restore_words(value: str, words: dict[str, str]) -> str:
    """``value`` (read from the folded text) with its words spelt as the text spells them.

    >>> restore_words("Antonio Guterres", {"Antonio": "António"})
    'António Guterres'
    """
    if not words or not value:
        return value
    return _WORD.sub(lambda m: words.get(m.group(), m.group()), value)
