"""Acts (办理类型): what a question asks to do, and what an item's guide provides for.

A service's name pairs an object with one act (导游证核发, 取水许可注销, 防雷装置竣工
验收), so a question asking for an act its item's guide never provides for is about
a sibling service the knowledge base may not have; ``retrieval.fusion`` then offers
choices instead of answering. The acts and their wordings are a general table
(``data/acts.yaml``); what an item provides for is read from its own guide.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from knowledge import Guide
from retrieval.concepts import phrase_table
from retrieval.text import normalize

# A guide's sentence that sends a case elsewhere ("……另按末端网点备案办理，不适用本事项")
# names an act the item does *not* provide; so does an act right after a negation
# ("未缴销已逾期发票", "无未还清的贷款": a state of the applicant, not what the item does).
_ELSEWHERE = re.compile(r"不适用|不属于本|不在本事项|另按|另行办理|另行申请")
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
def _provided(texts: tuple[str, ...]) -> frozenset[str]:
    return guide_acts(list(texts))


def item_acts(guide: Guide) -> frozenset[str]:
    """The acts an item provides for (cached by the texts they are read from)."""
    return _provided(_act_texts(guide))
