"""The case context: writes one case's uploads and records what they really contain.

Each writer returns the neutral file name it wrote (upload_N.ext); `doc()` records
one real-world document (which files, which material, which fields a reader
should read from it) and `mark()` what each material's upload amounts to.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

from . import cards, sheets
from . import draw as dr
from .people import Person, World

PDF_DATE = "D:20261130090000+00'00'"


class Ctx:
    def __init__(self, out: Path, case_id: str, on: date, rng: random.Random, world: World) -> None:
        self.dir = out / case_id
        self.dir.mkdir(parents=True, exist_ok=True)
        self.date, self.rng, self.w = on, rng, world
        self.files: list[str] = []
        self.documents: list[dict] = []
        self.provided: dict[str, str] = {}

    # ------------------------------------------------------------ bookkeeping

    def d(self, days: int) -> date:
        return self.date + timedelta(days=days)

    def _next(self, ext: str) -> tuple[str, Path]:
        name = f"upload_{len(self.files) + 1}.{ext}"
        self.files.append(name)
        return name, self.dir / name

    def doc(self, files: list[str] | str, material: str | None, **fields: object) -> None:
        files = [files] if isinstance(files, str) else files
        self.documents.append({"files": files, "material": material, "fields": fields})

    def mark(self, **status: str) -> None:
        """material id (with - written as _) -> ok / defective."""
        for k, v in status.items():
            self.provided[k.replace("_", "-")] = v

    # ------------------------------------------------------------ writers

    def photo(
        self,
        img: Image.Image,
        rot: int = 0,
        exif: int | None = None,
        quality: int | None = None,
        **kw,
    ) -> str:
        """A phone photo; rot turns the whole shot (the applicant held the phone sideways)."""
        shot = dr.phone_photo(img, self.rng, **kw)
        if rot:
            shot = shot.rotate(rot, expand=True)
        name, path = self._next("jpg")
        dr.save_jpeg(shot, path, quality or self.rng.randrange(62, 90), exif)
        return name

    def same_again(self, name: str) -> str:
        """The very same file uploaded a second time."""
        new, path = self._next(name.rsplit(".", 1)[1])
        path.write_bytes((self.dir / name).read_bytes())
        return new

    def scan(self, page: Image.Image, grey: bool = True, ext: str = "jpg") -> str:
        im = dr.scanner(page, self.rng, grey)
        name, path = self._next(ext)
        if ext == "png":
            dr.save_png(im, path)
        else:
            dr.save_jpeg(im, path, self.rng.randrange(70, 88))
        return name

    def scan_pdf(self, pages: list[Image.Image], grey: bool = True) -> str:
        """An image-only PDF as a copier's scan-to-email produces."""
        ims = [dr.scanner(p, self.rng, grey).convert("RGB") for p in pages]
        name, path = self._next("pdf")
        ims[0].save(
            path,
            "PDF",
            save_all=True,
            append_images=ims[1:],
            resolution=150,
            creationDate=PDF_DATE,
            modDate=PDF_DATE,
        )
        return name

    def pdf(self, blocks: list[tuple], font: str = "droid", footer: str = "") -> str:
        name, path = self._next("pdf")
        sheets.write_pdf(sheets.prepare(blocks, self.rng), path, font, footer)
        return name

    def docx(self, blocks: list[tuple]) -> str:
        name, path = self._next("docx")
        sheets.write_docx(sheets.prepare(blocks, self.rng), path)
        return name

    def screenshot(self, screen: Image.Image, title: str) -> str:
        name, path = self._next("png")
        dr.save_png(dr.screenshot(screen, self.rng, title), path)
        return name

    def pages(self, blocks: list[tuple], face: str | None = None) -> list[Image.Image]:
        return sheets.raster(
            sheets.prepare(blocks, self.rng), face or self.rng.choice(dr.BODY_FACES)
        )

    # ------------------------------------------------------------ ID cards

    def id_two(
        self,
        p: Person,
        material: str | None,
        back_first: bool = False,
        rots: tuple[int, int] = (0, 0),
        exif: int | None = None,
        dark: float = 1.0,
    ) -> list[str]:
        """Front and back as two phone photos."""
        face = self.rng.choice(["droid", "zen_sharp", "micro_mono"])
        sides = [cards.id_front(p, self.rng, face), cards.id_back(p, self.rng, face)]
        if back_first:
            sides.reverse()
            rots = (rots[1], rots[0])
        names = [
            self.photo(im, rot=r, exif=exif if k == 0 else None, dark=dark, fill=0.7)
            for k, (im, r) in enumerate(zip(sides, rots, strict=True))
        ]
        self.doc(names, material, **id_fields(p))
        return names

    def id_side(self, p: Person, material: str | None, side: str) -> str:
        im = cards.id_front(p, self.rng) if side == "front" else cards.id_back(p, self.rng)
        name = self.photo(im, fill=0.7)
        self.doc(name, material, **id_fields(p, front=side == "front", back=side == "back"))
        return name

    def a4_ids(self, people: list[tuple[Person, str | None]], stamp: str = "") -> Image.Image:
        """Both sides of each card copied onto one A4 sheet, with the usual 仅供…使用 note."""
        page = Image.new("RGB", sheets.A4, (255, 255, 255))
        card_w, card_h = 520, 328
        for k, (p, _m) in enumerate(people):
            y = 140 + k * 780
            for j, im in enumerate((cards.id_front(p, self.rng), cards.id_back(p, self.rng))):
                page.paste(
                    im.resize((card_w, card_h), Image.LANCZOS),
                    (
                        80 + j * 570 if len(people) > 1 else 360,
                        y + (0 if len(people) > 1 else j * 420),
                    ),
                )
        if stamp:
            mark = Image.new("RGBA", (900, 120), (0, 0, 0, 0))

            dr.text(ImageDraw.Draw(mark), (10, 20), stamp, "kai", 64, (30, 30, 120, 150))
            dr.paste(page, mark.rotate(12, expand=True), (160, 520))
        return page

    def record_a4(self, name: str, people: list[tuple[Person, str | None]]) -> None:
        for p, m in people:
            self.doc(name, m, **id_fields(p))


def id_fields(p: Person, front: bool = True, back: bool = True) -> dict:
    out: dict = {}
    if front:
        out.update(name=p.name, id_number=p.printed_id, address=p.address)
    if back:
        out["valid_until"] = p.valid_until
    return out
