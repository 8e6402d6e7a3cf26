"""Acts (办理类型): what a question asks to do, and what an item's guide provides for.

A service's name pairs an object with one act (导游证核发, 取水许可注销, 防雷装置竣工
验收), so a question asking for an act its item's guide never provides for is about
a sibling service the knowledge base may not have; ``retrieval.fusion`` then offers
choices instead of answering. The acts and their wordings are a general table
(``data/acts.yaml``); what an item provides for is read from its own guide.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

from knowledge import Guide
from retrieval.concepts import phrase_table
from retrieval.text import normalize

# A guide's sentence that sends a case elsewhere ("……另按末端网点备案办理，不适用本事项")
# names an act the item does *not* provide; so does an act right after a negation
# ("未缴销已逾期发票", "无未还清的贷款": a state of the applicant, not what the item does).
_ELSEWHERE = re.compile(
    r"不适用|不属于本|不在本事项|另按|(?<!无需)(?<!无须)(?<!不需)(?<!不用)"
    r"另行(?:办理|申请|提出|取得|备案|报批|审批|登记)"
)
_SENTENCE = re.compile(r"[^.;!?\n。；！？]+")
_NEGATED = re.compile(r"(?:未|不|无|没|禁止|严禁|不得)$")


@cache
def _table() -> tuple[re.Pattern[str], dict[str, str]]:
    return phrase_table(Path(__file__).resolve().parent / "data" / "acts.yaml")


def acts(text: str) -> frozenset[str]:
    """The acts ``text`` asks for (replace, change, cancel, transfer, record …)."""
    pattern, owner = _table()
    return frozenset(owner[m.group(0)] for m in pattern.finditer(normalize(text)))


def guide_acts(texts: list[str]) -> frozenset[str]:
    """The acts these texts of a guide provide for.

    Sentences that send a case to another service, and acts right after a negation,
    do not count.
    """
    pattern, owner = _table()
    found = set()
    for text in texts:
        for sentence in _SENTENCE.findall(normalize(text)):
            if _ELSEWHERE.search(sentence):
                continue
            for m in pattern.finditer(sentence):
                if not _NEGATED.search(sentence[max(0, m.start() - 2) : m.start()]):
                    found.add(owner[m.group(0)])
    return frozenset(found)


def excluded_acts(texts: list[str]) -> frozenset[str]:
    """The acts these texts send elsewhere ("年检不适用本事项", "延续另行申请")."""
    pattern, owner = _table()
    found = set()
    for text in texts:
        for sentence in _SENTENCE.findall(normalize(text)):
            if _ELSEWHERE.search(sentence):
                found.update(owner[m.group(0)] for m in pattern.finditer(sentence))
    return frozenset(found)


def _act_texts(guide: Guide) -> tuple[str, ...]:
    """What an item does, in its guide's own words: its name, aliases, situations,
    results, FAQ and conditions. Material names, the department and the places are
    left out: "户籍注销证明" as a material or "不动产登记中心" as an office says
    nothing about the act the item performs."""
    texts = [guide.name, *guide.aliases, *guide.results, guide.conditions or ""]
    texts += [f"{s.label} {s.question or ''}" for s in guide.situations]
    texts += [f.q for f in guide.faq]
    return tuple(texts)


@lru_cache(maxsize=65536)
def _provided(texts: tuple[str, ...], titles: tuple[str, ...], aside: tuple[str, ...]) -> frozenset:
    return (guide_acts(list(texts)) - excluded_acts(list(aside))) | guide_acts(list(titles))


def item_acts(guide: Guide) -> frozenset[str]:
    """The acts an item provides for (cached by the texts they are read from).

    An act that a sentence of the guide sends elsewhere (its conditions, situations or an
    FAQ answer: "期满前办理年检；年检不适用本事项") is not provided, even where another
    sentence mentions it in passing, unless the item's name or aliases name it.
    """
    aside = (*_act_texts(guide), *(f.a for f in guide.faq))
    return _provided(_act_texts(guide), (guide.name, *guide.aliases), aside)


def _all_texts(guide: Guide) -> list[str]:
    """Every text of a guide a citizen's words could come from."""
    texts = [*_act_texts(guide), *(f.a for f in guide.faq), *guide.process, guide.department]
    texts += [guide.refusal_conditions or "", guide.quantity_limit or "", guide.fees or ""]
    texts += [guide.special_procedures or "", *(loc.name for loc in guide.locations)]
    texts += [f"{m.name} {m.notes or ''}" for m in guide.materials]
    return texts


def aside_words(guide: Guide, tokens: Callable[[str], list[str]]) -> frozenset[str]:
    """Words the guide uses only in sentences that send a case elsewhere.

    "申请出境旅游业务的……不适用本事项", "需要延缓入学的，应另行提出延缓入学申请": 出境 and
    延缓 name cases another service handles; a question about doing them is about
    that service. ``tokens``: the index's word tokenizer.

    An FAQ whose answer sends the asked case elsewhere ("开拖拉机还要驾驶证吗？——驾驶证另行
    申请考试，不在本事项内") names that case in its question too: the words its question
    shares with the sending sentence do not count as used there.
    """
    aside: set[str] = set()
    rest: list[str] = []
    faq_questions = {f.q for f in guide.faq}
    for text in _all_texts(guide):
        if text in faq_questions:
            continue
        for sentence in _SENTENCE.findall(normalize(text)):
            if _ELSEWHERE.search(sentence):
                aside.update(w for w in tokens(sentence) if len(w) >= 2)
            else:
                rest.append(sentence)
    for faq in guide.faq:
        sent = [s for s in _SENTENCE.findall(normalize(faq.a)) if _ELSEWHERE.search(s)]
        sent_words = {w for s in sent for w in tokens(s) if len(w) >= 2}
        question = normalize(faq.q)
        for word in sorted(sent_words, key=len, reverse=True):
            question = question.replace(word, "\n")
        rest.append(question)
    # the rest is searched as text, not tokenised: cheaper, and a word written inside
    # a longer one there counts as used (so fewer words are read as aside)
    other = "\n".join(rest)
    return frozenset(w for w in aside if w not in other)
