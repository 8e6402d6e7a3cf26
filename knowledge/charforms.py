"""Traditional guide text shown in Simplified characters, and nothing else changed.

Centres may write guides (and bundles) in Traditional characters; citizens are
answered, and notices and forms printed, in Simplified. The conversion is
character by character (``zh-hans``), not word by word: the regional word mapping
of ``zh-cn`` would rewrite official names quoted from forms (民族成份 → 民族成分).
Ids and URLs are ASCII and pass through unchanged.
"""

from __future__ import annotations

from typing import TypeVar

import zhconv
from pydantic import BaseModel

Model = TypeVar("Model", bound=BaseModel)


def to_simplified(text: str) -> str:
    """Traditional characters converted to Simplified; Simplified text is returned as it is."""
    return zhconv.convert(text, "zh-hans")


def simplified(model: Model) -> Model:
    """A guide or bundle with every text in Simplified characters (a new object)."""
    data = model.model_dump_json(by_alias=True, exclude_unset=True)
    converted = to_simplified(data)
    return model if converted == data else type(model).model_validate_json(converted)
