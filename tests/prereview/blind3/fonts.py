"""Installed CJK fonts, by role, so every document picks a face the way its issuer would.

The roles differ from the first two sets on purpose: ID cards use Noto Serif CJK for values
and Noto Sans CJK Bold for labels; forms use Noto Sans CJK or WenQuanYi Zen Hei Sharp; contracts
use AR PL UMing; hand filling uses AR PL UKai with per-character jitter (see ``draw.hand``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

_NOTO = Path("/usr/share/fonts/opentype/noto")
_ARPHIC = Path("/usr/share/fonts/truetype/arphic")
_WQY = Path("/usr/share/fonts/truetype/wqy")
_DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")

# role -> (file, index in the collection); index 2 of the Noto collections is the SC face.
ROLES: dict[str, tuple[Path, int]] = {
    "sans": (_NOTO / "NotoSansCJK-Regular.ttc", 2),
    "sansb": (_NOTO / "NotoSansCJK-Bold.ttc", 2),
    "mono": (_NOTO / "NotoSansCJK-Regular.ttc", 7),
    "serif": (_NOTO / "NotoSerifCJK-Regular.ttc", 2),
    "serifb": (_NOTO / "NotoSerifCJK-Bold.ttc", 2),
    "ming": (_ARPHIC / "uming.ttc", 0),
    "kai": (_ARPHIC / "ukai.ttc", 0),
    "sharp": (_WQY / "wqy-zenhei.ttc", 2),
    "zen": (_WQY / "wqy-zenhei.ttc", 0),
}


def font_file(role: str) -> tuple[Path, int]:
    """The file of a role, or Droid Sans Fallback when that face is not installed."""
    path, index = ROLES[role]
    if path.exists():
        return path, index
    if _DROID.exists():
        return _DROID, 0
    raise SystemExit(
        "blind3 needs CJK fonts: apt-get install fonts-noto-cjk fonts-arphic-uming "
        "fonts-arphic-ukai fonts-wqy-zenhei"
    )


@lru_cache(maxsize=256)
def font(role: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = font_file(role)
    return ImageFont.truetype(str(path), max(int(px), 6), index=index)
