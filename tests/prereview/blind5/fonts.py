"""Installed faces by role; a missing face falls back to Droid Sans Fallback."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FALLBACK = ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0)
NOTO = "/usr/share/fonts/opentype/noto/"

# role -> (file, index in the collection); SC faces sit at index 2 of the Noto collections
ROLES: dict[str, tuple[str, int]] = {
    "label": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "value": (NOTO + "NotoSansCJK-Regular.ttc", 2),
    "bold": (NOTO + "NotoSansCJK-Bold.ttc", 2),
    "digits": ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 0),
    "title": (NOTO + "NotoSerifCJK-Bold.ttc", 2),
    "body": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "form": (NOTO + "NotoSerifCJK-Regular.ttc", 2),
    "hand": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "system": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "tc": (NOTO + "NotoSansCJK-Regular.ttc", 3),
}


def path_of(role: str) -> tuple[str, int]:
    """(file, index) of a role, or the fallback when the face is not installed."""
    file, index = ROLES[role]
    return (file, index) if Path(file).exists() else FALLBACK


@lru_cache(maxsize=512)
def font(role: str, px: int) -> ImageFont.FreeTypeFont:
    file, index = path_of(role)
    return ImageFont.truetype(file, max(6, int(px)), index=index)
