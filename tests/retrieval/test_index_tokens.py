"""Index build tokenises each distinct run once, with exactly the tokens of a whole text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.documents import dictionary_phrases, lexical_text, title_text, written_title
from retrieval.index import RunTokens
from retrieval.tokens import WordTokenizer, domain_terms, sound_view


@pytest.fixture(scope="module")
def tokenizer(sample_guides) -> WordTokenizer:
    return WordTokenizer(domain_terms(p for g in sample_guides for p in dictionary_phrases(g)))


def test_guides_get_the_tokens_of_their_whole_texts(tokenizer, sample_guides) -> None:
    runs = RunTokens(tokenizer)
    for guide in sample_guides:
        text, title = lexical_text(guide), title_text(guide)
        assert runs.words(text) == tokenizer.tokens(text)
        assert runs.sounds(title, written_title(guide)) == sound_view(title, written_title(guide))


# Chinese words, a-z0-9 words with dots and dashes, and the punctuation between them.
_WORDS = [
    "居民身份证",
    "户口簿",
    "营业执照",
    "不动产",
    "的",
    "了",
    "1.5",
    "a-b",
    "app",
    "20",
    "v2.0",
]
_PIECES = st.sampled_from([*_WORDS, ",", " ", "(", ")", "-", ".", "\n", ":", "?", "、", '"'])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_any_text_gets_the_tokens_of_the_whole_text(tokenizer, pieces) -> None:
    text = "".join(pieces)
    runs = RunTokens(tokenizer)
    assert runs.words(text) == tokenizer.tokens(text)
    assert runs.words(text) == tokenizer.tokens(text)  # from the memo the second time
    written = text.replace("户口簿", "户口本")
    assert runs.sounds(text, written) == sound_view(text, written)
