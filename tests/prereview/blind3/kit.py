"""One case under construction: its files in upload order, its documents and what it provides.

Upload helpers here are the patterns of this set (ID cards on a desk with a keyboard, A4 copies
portrait / side by side / three people, reversed PDFs, leases split over two PDFs, ...), so the
case modules read as a list of what the applicant did.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from PIL import Image

from tests.prereview.blind.ident import Person

from . import cards, export, photo, raster
from .blocks import Doc
from .people import Town, ymd


class Case:
    def __init__(
        self, cid: str, item: str, situations: list[str], today: date, folder: Path, seed: str
    ) -> None:
        self.id, self.item, self.situations, self.today = cid, item, situations, today
        self.folder = folder
        self.rng = random.Random(seed)
        self.town = Town(self.rng, today)
        self.applicant: str | None = None
        self.files: list[str] = []
        self.documents: list[dict] = []
        self.provided: dict[str, str] = {}
        self.pattern = ""
        self.note = ""
        self.n = 0

    # -- files ------------------------------------------------------------------------------
    def _name(self, ext: str) -> tuple[str, Path]:
        name = f"upload_{len(self.files) + 1}.{ext}"
        self.files.append(name)
        return name, self.folder / name

    def jpg(self, img: Image.Image, quality: int | None = None) -> str:
        name, path = self._name("jpg")
        export.save_jpeg(img, path, quality or self.rng.randint(70, 90))
        return name

    def png(self, img: Image.Image) -> str:
        name, path = self._name("png")
        export.save_png(img, path)
        return name

    def scan_pdf(self, pages: list[Image.Image], dpi: int = 150) -> str:
        name, path = self._name("pdf")
        export.image_pdf(pages, path, dpi)
        return name

    def text_pdf(self, doc: Doc, header: str = "", footer: str = "") -> str:
        name, path = self._name("pdf")
        export.text_pdf(doc, path, header, footer)
        return name

    def docx(self, doc: Doc) -> str:
        name, path = self._name("docx")
        export.docx_file(doc, path)
        return name

    def same_file_again(self, name: str) -> str:
        """The applicant picks the same photo twice in the upload dialog."""
        ext = name.rsplit(".", 1)[1]
        new, path = self._name(ext)
        path.write_bytes((self.folder / name).read_bytes())
        return new

    # -- truth ------------------------------------------------------------------------------
    def doc(self, files: list[str], material: str | None, fields: dict) -> None:
        self.documents.append(
            {
                "files": sorted(set(files), key=self.files.index),
                "material": material,
                "fields": fields,
            }
        )

    def provide(self, material: str, status: str = "ok") -> None:
        if self.provided.get(material) == "defective":
            return
        self.provided[material] = status

    def seed(self) -> int:
        self.n += 1
        return self.rng.randrange(1 << 20) + self.n

    # -- common uploads ---------------------------------------------------------------------
    def person(self, **kw) -> Person:
        return self.town.person(**kw)

    def pages(self, doc: Doc, dpi: int = 150) -> list[Image.Image]:
        return raster.render(doc, dpi)


def id_fields(p: Person, front: bool = True, back: bool = True) -> dict:
    """What an ID card shows: front 姓名 号码 住址; back the validity (start = issue date)."""
    out: dict = {}
    if front:
        out |= {"name": p.name, "id_number": p.printed_id, "address": p.address}
    if back:
        out |= {
            "issue_date": ymd(p.valid_from),
            "valid_until": "长期" if p.valid_to is None else ymd(p.valid_to),
        }
    return out


def id_desk_photos(
    c: Case, p: Person, material: str | None, order: str = "fb", keyboard: bool = True
) -> list[str]:
    """Front and back photographed on the office desk, turned 5–15°, lamp glare."""
    faces = {"f": cards.id_front(p, 300, c.seed()), "b": cards.id_back(p, 300, c.seed())}
    names = [c.jpg(photo.on_desk(faces[k], c.rng, keyboard=keyboard)) for k in order]
    c.doc(names, material, id_fields(p, "f" in order, "b" in order))
    return names


def id_a4(
    c: Case,
    people: list[tuple[Person, str | None]],
    layout: str = "side",
    note: str = "",
    scan: bool = True,
) -> Image.Image:
    """A4 copy of one or more cards: ``side`` = front | back per row; ``stack`` = front above back."""
    rows: list[list[Image.Image]] = []
    for p, _ in people:
        f, b = cards.id_front(p, 300, c.seed()), cards.id_back(p, 300, c.seed())
        rows += [[f, b]] if layout == "side" else [[f], [b]]
    page = photo.a4_with_cards(rows, 150, note)
    return photo.copier(page, c.rng, grey=c.rng.random() < 0.6) if scan else page
