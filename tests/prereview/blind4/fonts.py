"""Installed CJK faces by role; a missing face falls back to Droid Sans Fallback.

The roles differ from the earlier sets on purpose (see README, *Fonts*).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

NOTO = "/usr/share/fonts/opentype/noto/"
FACES: dict[str, tuple[str, int]] = {
    # role: (file, index inside a .ttc)
    "card_label": (NOTO + "NotoSansCJK-Regular.ttc", 2),  # Noto Sans CJK SC
    "card_value": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # AR PL UMing CN
    "card_number": (NOTO + "NotoSansCJK-Bold.ttc", 7),  # Noto Sans Mono CJK SC Bold
    "title": (NOTO + "NotoSerifCJK-Bold.ttc", 2),  # Noto Serif CJK SC Bold
    "body": (NOTO + "NotoSerifCJK-Regular.ttc", 2),  # Noto Serif CJK SC
    "form": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),  # WenQuanYi Micro Hei Mono
    "sans": (NOTO + "NotoSansCJK-Regular.ttc", 2),
    "sans_bold": (NOTO + "NotoSansCJK-Bold.ttc", 2),
    "tc": (NOTO + "NotoSansCJK-Regular.ttc", 3),  # Noto Sans CJK TC
    "hand": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),  # AR PL UKai CN
    "mono": (NOTO + "NotoSansCJK-Regular.ttc", 7),  # Noto Sans Mono CJK SC
}
FALLBACK = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"


def face_path(role: str) -> tuple[str, int]:
    """File and index of a role's face (fallback when the face is not installed)."""
    path, index = FACES[role]
    if Path(path).exists():
        return path, index
    return FALLBACK, 0


def missing_faces() -> list[str]:
    return sorted({path for path, _ in FACES.values() if not Path(path).exists()})


@lru_cache(maxsize=256)
def font(role: str, size_px: int) -> ImageFont.FreeTypeFont:
    path, index = face_path(role)
    return ImageFont.truetype(path, max(6, int(size_px)), index=index)
