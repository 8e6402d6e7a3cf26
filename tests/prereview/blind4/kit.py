"""One case under construction: files in upload order, documents, provided materials."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PIL import Image

from tests.prereview.blind4 import photo
from tests.prereview.blind4.papers import Paper, images_pdf, render_docx, render_pages, render_pdf
from tests.prereview.blind4.truth import expected

SEED = "onetrip-blind4-2026-12-01"


@dataclass
class Kit:
    id: str
    item: str
    today: date
    applicant: str
    situations: list[str] = field(default_factory=list)
    pattern: str = ""
    note: str = ""
    files: list[tuple[str, bytes]] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    provided: dict[str, str] = field(default_factory=dict)
    unreadable: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(f"{SEED}:{self.id}")

    # ---- files
    def add(self, data: bytes, ext: str) -> str:
        name = f"upload_{len(self.files) + 1}.{ext}"
        self.files.append((name, data))
        return name

    def jpg(self, im: Image.Image, quality: int | None = None) -> str:
        return self.add(photo.jpeg(im, quality or self.rng.randint(70, 86)), "jpg")

    def png(self, im: Image.Image) -> str:
        return self.add(photo.png(im), "png")

    def text_pdf(self, paper: Paper) -> str:
        return self.add(render_pdf(paper, self.rng), "pdf")

    def docx(self, paper: Paper) -> str:
        return self.add(render_docx(paper, self.rng), "docx")

    def pages(self, paper: Paper, dpi: int = 150) -> list[Image.Image]:
        return render_pages(paper, self.rng, dpi)

    def scan_pdf(self, pages: list[Image.Image], dpi: int) -> str:
        return self.add(images_pdf([photo.scan(p, self.rng) for p in pages], dpi), "pdf")

    # ---- truth
    def doc(self, files: list[str], material: str | None, fields: dict) -> None:
        self.documents.append({"files": list(files), "material": material, "fields": dict(fields)})

    def give(self, material: str, status: str = "ok") -> None:
        self.provided[material] = status

    def case(self) -> dict:
        materials, complete = expected(self.item, self.situations, self.provided, self.unreadable)
        return {
            "id": self.id,
            "item": self.item,
            "date": self.today.isoformat(),
            "situations": list(self.situations),
            "applicant": self.applicant,
            "files": [name for name, _ in self.files],
            "expect": {"materials": materials, "complete": complete},
            "pattern": self.pattern,
            "note": self.note,
            "documents": self.documents,
        }

    def write(self, root: Path) -> dict:
        folder = root / self.id
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.files:
            (folder / name).write_bytes(data)
        return self.case()
