"""One case under construction: people, files in upload order, truth of documents."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

from PIL import Image

from tests.prereview.blind.ident import Person

from . import cards, exports, people, photo
from .paper import Paper, render_page
from .truth import complete, expected

CARD_DPI = 500
PAGE_DPI = 200


def id_fields(p: Person, front: bool = True, back: bool = True) -> dict:
    f: dict = {}
    if front:
        f.update(name=p.name, id_number=p.printed_id, address=p.address)
    if back:
        f.update(
            issue_date=p.valid_from.isoformat(),
            valid_until="长期" if p.valid_to is None else p.valid_to.isoformat(),
        )
    return f


class Kit:
    """Collects the uploads of one case; ``finish`` returns its cases.json entry."""

    def __init__(
        self,
        root: Path,
        cid: str,
        item: str,
        today: date,
        situations: list[str],
        pattern: str,
        note: str,
    ) -> None:
        self.root = root
        self.id = cid
        self.item = item
        self.today = today
        self.situations = situations
        self.pattern = pattern
        self.note = note
        self.dir = root / cid
        self.dir.mkdir(parents=True, exist_ok=True)
        self.rng = random.Random(f"blind5:{cid}")
        self.used: set[str] = set()
        self.files: list[str] = []
        self.docs: list[dict] = []
        self.provided: dict[str, str] = {}
        self.unreadable = 0
        self.applicant: str | None = None

    # people -----------------------------------------------------------------
    def person(self, **kw) -> Person:
        return people.person(self.rng, self.used, self.today, **kw)

    # files ------------------------------------------------------------------
    def _name(self, ext: str) -> tuple[str, Path]:
        name = f"upload_{len(self.files) + 1}.{ext}"
        self.files.append(name)
        return name, self.dir / name

    def jpg(self, im: Image.Image, quality: int = 86) -> str:
        name, path = self._name("jpg")
        exports.save_jpg(photo.fit(im, photo.MAX_SIDE), path, quality)
        return name

    def png(self, im: Image.Image) -> str:
        name, path = self._name("png")
        exports.save_png(photo.fit(im, photo.MAX_SIDE), path)
        return name

    def repeat(self, name: str) -> str:
        """The same file selected again (a duplicate upload)."""
        new, path = self._name(name.rsplit(".", 1)[1])
        shutil.copyfile(self.dir / name, path)
        return new

    def scan_pdf(self, pages: list[Image.Image], dpi: int = 150) -> str:
        name, path = self._name("pdf")
        exports.image_pdf([photo.fit(p, photo.MAX_SIDE) for p in pages], path, dpi)
        return name

    def text_pdf(
        self,
        paper: Paper,
        header: str,
        then: list[Paper] = (),
        images: list[Image.Image] | None = None,
    ) -> str:
        name, path = self._name("pdf")
        exports.text_pdf(paper, path, self.rng, header, images, list(then))
        return name

    def docx(self, paper: Paper, signed: bool) -> str:
        name, path = self._name("docx")
        exports.docx_file(paper, path, self.rng, signed)
        return name

    # truth ------------------------------------------------------------------
    def doc(self, files: list[str], material: str | None, fields: dict, status: str = "ok") -> None:
        self.docs.append({"files": list(files), "material": material, "fields": dict(fields)})
        if material is not None and self.provided.get(material) != "defective":
            self.provided[material] = status

    def unreadable_file(self, files: list[str]) -> None:
        """A file nothing can be read from (no material, no fields)."""
        self.unreadable += 1
        self.docs.append({"files": list(files), "material": None, "fields": {}})

    # renderings -------------------------------------------------------------
    def page(self, paper: Paper, i: int = 0, dpi: int = PAGE_DPI, bg=(255, 255, 255)):
        return render_page(paper, i, dpi, self.rng, bg)

    def pages(self, paper: Paper, dpi: int = PAGE_DPI) -> list[Image.Image]:
        return [self.page(paper, i, dpi) for i in range(len(paper.pages))]

    def id_images(self, p: Person, dpi: int = CARD_DPI) -> tuple[Image.Image, Image.Image]:
        return cards.id_front(p, dpi, self.rng), cards.id_back(p, dpi, self.rng)

    def finish(self) -> dict:
        statuses = expected(self.item, self.situations, self.provided, self.unreadable)
        return {
            "id": self.id,
            "item": self.item,
            "date": self.today.isoformat(),
            "situations": self.situations,
            "applicant": self.applicant,
            "files": self.files,
            "expect": {"materials": statuses, "complete": complete(statuses)},
            "pattern": self.pattern,
            "note": self.note,
            "documents": self.docs,
        }
