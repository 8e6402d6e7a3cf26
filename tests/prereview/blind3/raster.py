"""Blocks → page images (A4 by default), with hand-filled values and seals drawn in."""

from __future__ import annotations

from PIL import Image

from .blocks import Break, Doc, Fields, Hand, Para, Picture, Sign, Space, Table, Title
from .draw import INK, Sheet, hand, seal


class _Flow:
    def __init__(self, doc: Doc, dpi: int, size: tuple[float, float]) -> None:
        self.doc, self.dpi, self.size = doc, dpi, size
        self.pages: list[Image.Image] = []
        self.n = 0
        self._new()

    def _new(self) -> None:
        if getattr(self, "sheet", None) is not None:
            self.pages.append(self.sheet.img)
        self.sheet = Sheet(self.size[0], self.size[1], self.dpi)
        self.y = self.doc.margin

    def need(self, mm: float) -> None:
        if self.y + mm > self.size[1] - self.doc.margin:
            self._new()

    @property
    def left(self) -> float:
        return self.doc.margin

    @property
    def tw(self) -> float:
        return self.size[0] - 2 * self.doc.margin

    def hand_at(self, x: float, y: float, text: str, size: float) -> float:
        self.n += 1
        img = hand(text, self.sheet.pt(size * 1.25), self.doc.seed * 97 + self.n)
        self.sheet.paste(img, x, y - size * 0.12)
        return img.width * 25.4 / self.dpi

    def cell(self, x: float, y: float, w: float, value, size: float) -> float:
        """Writes a cell value wrapped in ``w``; returns the height used."""
        if value is None or value == "":
            return size * 0.5
        if isinstance(value, Hand):
            self.hand_at(x, y, value.text, size)
            return size * 0.62
        lines = []
        for part in str(value).split("\n"):
            lines += self.sheet.wrap(part, w, size, self.doc.role)
        for i, line in enumerate(lines):
            self.sheet.text(x, y + i * size * 0.55, line, size, self.doc.role)
        return len(lines) * size * 0.55

    def title(self, b: Title) -> None:
        self.need(b.size)
        self.sheet.text(self.size[0] / 2, self.y, b.text, b.size, self.doc.title_role, anchor="ma")
        self.y += b.size * 0.6 + 4

    def para(self, b: Para) -> None:
        lines = self.sheet.wrap(
            ("\u3000\u3000" if b.indent else "") + b.text, self.tw, b.size, self.doc.role
        )
        for line in lines:
            self.need(b.size * 0.6)
            x = self.left if b.align == "left" else self.size[0] - self.doc.margin
            anchor = "la" if b.align == "left" else "ra"
            self.sheet.text(x, self.y, line, b.size, self.doc.role, anchor=anchor)
            self.y += b.size * 0.62
        self.y += 1.5

    def table(self, b: Table) -> None:
        widths = b.widths or [1 / len(b.rows[0])] * len(b.rows[0])
        for row in b.rows:
            heights = []
            for w, value in zip(widths, row, strict=False):
                lines = 1
                if isinstance(value, str) and value:
                    lines = sum(
                        len(self.sheet.wrap(p, w * self.tw - 3, b.size, self.doc.role))
                        for p in value.split("\n")
                    )
                heights.append(lines * b.size * 0.55 + 4)
            h = max([*heights, b.size * 0.55 + 5])
            self.need(h)
            x = self.left
            for w, value in zip(widths, row, strict=False):
                cw = w * self.tw
                self.sheet.rect(x, self.y, x + cw, self.y + h, 0.25)
                self.cell(x + 1.5, self.y + 2, cw - 3, value, b.size)
                x += cw
            self.y += h
        self.y += 3

    def fields(self, b: Fields) -> None:
        cw = self.tw / b.cols
        h = 15.0
        for i in range(0, len(b.pairs), b.cols):
            self.need(h)
            for j, (label, value) in enumerate(b.pairs[i : i + b.cols]):
                x = self.left + j * cw
                self.sheet.rect(x, self.y, x + cw, self.y + h, 0.25)
                self.sheet.text(x + 1.5, self.y + 1.2, label, 8.5, self.doc.role, fill=(70, 70, 70))
                self.cell(x + 4, self.y + 7, cw - 6, value, 11)
            self.y += h
        self.y += 3

    def sign(self, b: Sign) -> None:
        self.need(26)
        x = self.size[0] / 2 - 5
        w = self.sheet.text(x, self.y, b.label + "：", 10.5, self.doc.role)
        if b.seal:
            self.n += 1
            stamp = seal(self.dpi, 40, b.seal, "", self.doc.seed * 31 + self.n)
            self.sheet.paste(stamp, x + w - 8, self.y - 14)
        if isinstance(b.signer, Hand):
            self.hand_at(x + w + 1, self.y, b.signer.text, 12)
        elif b.signer:
            self.sheet.text(x + w, self.y, b.signer, 10.5, self.doc.role)
        self.y += 9
        if b.date:
            self.sheet.text(x, self.y, b.date, 10.5, self.doc.role)
            self.y += 8
        self.y += 3

    def picture(self, b: Picture) -> None:
        h = b.width_mm * b.img.height / b.img.width
        self.need(h + 2)
        img = b.img.resize((self.sheet.px(b.width_mm), self.sheet.px(h)))
        self.sheet.paste(img, self.left + (self.tw - b.width_mm) / 2, self.y)
        self.y += h + 4

    def run(self) -> list[Image.Image]:
        for b in self.doc.blocks:
            if isinstance(b, Title):
                self.title(b)
            elif isinstance(b, Para):
                self.para(b)
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, Fields):
                self.fields(b)
            elif isinstance(b, Sign):
                self.sign(b)
            elif isinstance(b, Picture):
                self.picture(b)
            elif isinstance(b, Space):
                self.y += b.mm
            elif isinstance(b, Break):
                self._new()
        self.pages.append(self.sheet.img)
        return self.pages


def render(
    doc: Doc, dpi: int = 150, size: tuple[float, float] = (210.0, 297.0)
) -> list[Image.Image]:
    """The pages of ``doc`` as RGB images."""
    return _Flow(doc, dpi, size).run()


__all__ = ["INK", "render"]
