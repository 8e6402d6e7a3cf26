"""What of a guide is searched: a weighted text for BM25 and several texts to embed.

Lexical search sees the name and aliases more than once (they are what people
say), the material names, results, conditions and FAQ questions once. Vector
search gets one vector per name, alias, FAQ question and a short summary of
conditions and materials; an item scores as its best-matching vector.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from knowledge import Guide
from retrieval.text import normalize, normalize_form

KINDS = ("name", "alias", "faq", "summary")
_SUMMARY_CHARS = 60


@dataclass(frozen=True)
class VectorText:
    kind: str  # one of KINDS
    ref: int  # index within its kind (the FAQ number for "faq")
    text: str  # normalised


def lexical_text(guide: Guide) -> str:
    """The normalised text BM25 indexes; repetition weights the fields people name."""
    parts = [guide.name] * 3
    for alias in guide.aliases:
        parts += [alias, alias]
    parts += [m.name for m in guide.materials]
    parts += [s.label for s in guide.situations]
    parts += guide.results
    parts += [f.q for f in guide.faq]
    parts.append(guide.conditions or "")
    parts.append(guide.department)
    # Citizens name the office rather than the item ("出入境在哪", "社保中心"), so the
    # places where the item is handled are searchable too.
    parts += [loc.name for loc in guide.locations]
    return normalize("\n".join(parts))


def title_parts(guide: Guide) -> list[str]:
    return [guide.name] * 2 + list(guide.aliases) + guide.results + [f.q for f in guide.faq]


def written_title(guide: Guide) -> str:
    """The title texts with characters normalised but no synonym applied (for sounds)."""
    return normalize_form("\n".join(title_parts(guide)))


def title_text(guide: Guide) -> str:
    """The short texts the character n-gram view indexes: how an item is named.

    Material names stay out: "居民身份证" is a material of dozens of items but the
    subject of one, and the subject is what this view should find.
    """
    return normalize("\n".join(title_parts(guide)))


def summary_text(guide: Guide) -> str:
    """Name, conditions and materials in one short passage (truncated for the encoders)."""
    materials = "、".join(dict.fromkeys(m.name for m in guide.materials))
    conditions = (guide.conditions or "").strip().replace("\n", " ")
    text = f"{guide.name}。{conditions[:_SUMMARY_CHARS]} 申请材料：{materials}"
    return normalize(text)[: _SUMMARY_CHARS * 2]


def vector_texts(guide: Guide, max_aliases: int | None = None) -> list[VectorText]:
    """The texts embedded for an item, deduplicated; ``max_aliases`` bounds the cost."""
    texts = [VectorText("name", 0, normalize(guide.name))]
    aliases = guide.aliases if max_aliases is None else guide.aliases[:max_aliases]
    texts += [VectorText("alias", i, normalize(a)) for i, a in enumerate(aliases)]
    texts += [VectorText("faq", i, normalize(f.q)) for i, f in enumerate(guide.faq)]
    texts.append(VectorText("summary", 0, summary_text(guide)))
    seen: set[str] = set()
    unique = []
    for vt in texts:
        if vt.text and vt.text not in seen:
            seen.add(vt.text)
            unique.append(vt)
    return unique


def dictionary_phrases(guide: Guide) -> list[str]:
    """Names that should stay whole words for jieba (item, materials, results, situations)."""
    phrases = [guide.name, *(m.name for m in guide.materials), *guide.results]
    phrases += [s.label for s in guide.situations]
    return [normalize(p) for p in phrases]


def fingerprint(texts: list[VectorText]) -> str:
    """Changes exactly when the embedded texts change (then the item is re-embedded)."""
    digest = hashlib.sha256()
    for vt in texts:
        digest.update(f"{vt.kind}\x1f{vt.ref}\x1f{vt.text}\x1e".encode())
    return digest.hexdigest()[:20]
