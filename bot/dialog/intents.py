"""Pure functions that read the short control replies of a chat.

These recognise what the *bot* asked for — a number from a list, 是/否, 完成, a
rating, a phone number — and the few commands it offers (人工, 预审, 评价,
取消). Questions about services are never matched here: they go to retrieval.
Input may be Traditional or full-width; it is folded first.
"""

from __future__ import annotations

import re
import unicodedata

import zhconv

from bot.dialog import lexicon
from bot.dialog.tables import RATING_LABELS

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHOICE = re.compile(r"^(?:第|选|选择)?([0-9]{1,2}|[一二两三四五六七八九])(?:个|项|号|条)?$")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3}-?\d{7,8})(?!\d)")


def fold(text: str) -> str:
    """Simplified, half-width, lower-case, without spaces and punctuation."""
    text = zhconv.convert(unicodedata.normalize("NFKC", text or ""), "zh-cn").lower()
    return _PUNCT.sub("", text)


def parse_choice(text: str, count: int) -> int | None:
    """The 1-based number picked from a list of ``count`` options ("2", "第二个", "２")."""
    match = _CHOICE.match(fold(text))
    if not match:
        return None
    raw = match.group(1)
    number = int(raw) if raw.isdigit() else _CN_DIGITS[raw]
    return number if 1 <= number <= count else None


def parse_yes_no(text: str) -> bool | None:
    """是 → True, 否 → False, anything else → None (negative words are checked first)."""
    folded = fold(text)
    if not folded or len(folded) > 8:
        return None
    if folded in lexicon.NO or any(folded.startswith(w) for w in lexicon.NO_PREFIXES):
        return False
    if folded in lexicon.YES or any(folded.startswith(w) for w in lexicon.YES_PREFIXES):
        return True
    return None


def parse_rating(text: str, allow_digit: bool) -> int | None:
    """A 好差评 score 5..1 from its label (非常满意 … 非常不满意) or, when allowed, a digit."""
    folded = fold(text)
    for score, label in sorted(RATING_LABELS.items(), key=lambda kv: -len(kv[1])):
        if folded == label or folded == f"{score}{label}":
            return score
    if allow_digit and folded in {"1", "2", "3", "4", "5"}:
        return int(folded)
    return None


def extract_phone(text: str) -> str | None:
    """A mainland mobile (11 digits) or landline number written in the text."""
    plain = unicodedata.normalize("NFKC", text or "").replace(" ", "")
    match = _MOBILE.search(plain) or _LANDLINE.search(plain)
    return match.group(1) if match else None


def command_of(text: str) -> str | None:
    """The bot command a short message asks for: human | prereview | done | cancel | rate | help.

    Only whole short messages count, so that "人工服务态度不好" stays a sentence.
    """
    folded = fold(text)
    if not folded or len(folded) > 8:
        return None
    for command, words in lexicon.COMMANDS.items():
        if folded in words:
            return command
    return None


def social_kind(text: str) -> str | None:
    """greeting | thanks | bye | identity | ack for small talk; None for anything else."""
    folded = fold(text)
    if not folded or len(folded) > 12:
        return None
    stripped = folded.rstrip("啊呀呢吧哦哈啦嘛呗")
    for kind, words in lexicon.SOCIAL.items():
        if folded in words or stripped in words:
            return kind
    return None
