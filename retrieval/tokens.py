"""Tokens for lexical search: jieba words (with the guides' own terms) and character n-grams.

Item and material names are added to a private jieba dictionary so that
"户口簿" or "不动产权证书" stay whole; every sub-word of such a term that jieba
knows is emitted too, so a question naming only part of it still matches.
Character bigrams make the second lexical view, robust to typos and to
words jieba splits differently; syllable (pinyin) bigrams the third, for the
commonest typing error in Chinese: a homophone picked from the input method
("居著证" for 居住证, "底保" for 低保).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from functools import cache
from itertools import pairwise
from pathlib import Path

import jieba
from pypinyin import lazy_pinyin

_WORD = re.compile(r"[\u3400-\u9fff]+|[a-z0-9]+(?:[.\-][a-z0-9]+)*")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_TERM_SPLIT = re.compile(r"[^\u3400-\u9fffa-z0-9]+")
_MAX_TERM = 12


@cache
def stopwords() -> frozenset[str]:
    path = Path(__file__).resolve().parent / "data" / "stopwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def domain_terms(phrases: Iterable[str]) -> set[str]:
    """Dictionary words from normalised names: split at punctuation, 2–12 characters."""
    terms = set()
    for phrase in phrases:
        for part in _TERM_SPLIT.split(phrase):
            if 2 <= len(part) <= _MAX_TERM and _CJK_RUN.fullmatch(part):
                terms.add(part)
    return terms


class WordTokenizer:
    """A private jieba dictionary (the global one is left alone) plus stop words."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        logging.getLogger("jieba").setLevel(logging.WARNING)
        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self._stop = stopwords()
        self.terms: set[str] = set()
        self.add_terms(terms)

    def add_terms(self, terms: Iterable[str]) -> bool:
        """Add words to the dictionary; True when any was new (documents need re-tokenising)."""
        new = [t for t in terms if t not in self.terms]
        for term in new:
            self._jieba.add_word(term, freq=max(self._jieba.suggest_freq(term), 20))
            self.terms.add(term)
        return bool(new)

    def _subwords(self, word: str) -> list[str]:
        """Known words of 4+ characters inside ``word`` (jieba's search mode gives 2 and 3)."""
        freq = self._jieba.FREQ
        n = len(word)
        return [
            word[i : i + k]
            for k in range(4, n)
            for i in range(n - k + 1)
            if freq.get(word[i : i + k])
        ]

    def tokens(self, text: str) -> list[str]:
        """Word tokens of a normalised text, stop words dropped, sub-words of long words added."""
        out: list[str] = []
        for chunk in _WORD.findall(text):
            if not _CJK_RUN.fullmatch(chunk):
                out.append(chunk)
                continue
            for word in self._jieba.cut_for_search(chunk, HMM=True):
                if word in self._stop or len(word) < 1:
                    continue
                out.append(word)
                if len(word) > 4:
                    out.extend(self._subwords(word))
        # Interned: 10 000 items repeat the same few thousand tokens millions of times.
        return [sys.intern(t) for t in out if t not in self._stop]


def char_ngrams(text: str, n: int = 2) -> list[str]:
    """Character n-grams inside each run of Chinese characters (single characters kept)."""
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        if len(run) < n:
            out.append(run)
        else:
            out.extend(run[i : i + n] for i in range(len(run) - n + 1))
    out.extend(w for w in _WORD.findall(text) if not _CJK_RUN.fullmatch(w))
    return [sys.intern(t) for t in out]


def sound_grams(text: str) -> list[str]:
    """Toneless syllable bigrams of each run of Chinese characters (one syllable kept)."""
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        syllables = lazy_pinyin(run)
        if len(syllables) < 2:
            out.extend(syllables)
        else:
            out.extend(f"{a}_{b}" for a, b in pairwise(syllables))
    return [sys.intern(t) for t in out]


def sound_view(normalised: str, written: str) -> list[str]:
    """Syllable bigrams of a text as normalised and as written (before the synonym table).

    The synonym table rewrites 低保 to 最低生活保障 on both sides, so a homophone of
    the short form ("低宝") would find nothing; the written form keeps its sounds.
    """
    grams = sound_grams(normalised)
    seen = set(grams)
    return grams + [g for g in sound_grams(written) if g not in seen]
