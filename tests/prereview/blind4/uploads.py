"""Upload patterns: how one real document becomes one or more files of a case.

Each helper writes the files into the kit and records the document's truth (files, material,
fields); the case decides what the material's status is.
"""

from __future__ import annotations

from PIL import Image

from tests.prereview.blind.ident import Person
from tests.prereview.blind4 import cards, photo
from tests.prereview.blind4.kit import Kit
from tests.prereview.blind4.papers import Paper, images_pdf, render_pages


def scene(k: Kit, im: Image.Image, how: str, long_side: int = 2200) -> Image.Image:
    """A flat document as the phone sees it."""
    r = k.rng
    if how == "table":
        return photo.on_table(im, r, long_side, fill=r.uniform(0.6, 0.78))
    if how == "shadow":
        return photo.hand_shadow(
            photo.on_table(im, r, long_side, fill=0.7), r, r.uniform(0.35, 0.5)
        )
    if how == "curl":
        return photo.on_table(photo.curl(im, r, r.uniform(0.02, 0.045)), r, long_side, fill=0.8)
    if how == "upright":  # a landscape card held upright: the photo is portrait, text runs down
        return photo.on_table(im, r, long_side, fill=0.7).rotate(
            90 * r.choice((1, -1)), expand=True
        )
    if how == "screen":
        return photo.screen_photo(im, r, min(long_side, 2000))
    if how == "wechat":
        inner = photo.on_table(im, r, 1600, fill=0.86)
        return photo.wechat_screenshot(
            inner,
            r,
            r.choice(["家人群", "老妈", "小舅子", "文件传输助手"]),
            f"{r.randint(8, 21)}:{r.randint(10, 59)}",
            r.choice(["你要的照片", "发你了", "看看清楚吗"]),
        )
    raise ValueError(how)


def id_card(
    k: Kit,
    p: Person,
    material: str | None,
    how: str = "table",
    order: str = "fb",
    sides: str = "both",
) -> list[str]:
    """An ID card as one photo per side (in ``order``) or a single side."""
    names = []
    imgs = {"f": cards.id_front(p, k.rng), "b": cards.id_back(p, k.rng)}
    wanted = order if sides == "both" else ("f" if sides == "front" else "b")
    for s in wanted:
        names.append(k.jpg(scene(k, imgs[s], how, k.rng.randint(1600, 2000))))
    k.doc(names, material, cards.id_fields(p, "f" in wanted, "b" in wanted))
    return names


def id_copy(
    k: Kit,
    people: list[tuple[Person, str | None]],
    certify: str | None,
    date_text: str,
    as_pdf: bool = False,
    dpi: int = 200,
) -> str:
    """One A4 photocopy holding the front and back of one or two people's cards."""
    items = []
    for p, _ in people:
        items += [cards.id_front(p, k.rng, dpi), cards.id_back(p, k.rng, dpi)]
    page = photo.a4_with(items, dpi) if len(people) == 1 else photo.a4_grid(items, dpi)
    if certify:
        page = photo.certified_copy(page, certify, date_text, k.rng, dpi)
    page = photo.copier(page, k.rng)
    if as_pdf:
        name = k.add(images_pdf([page], dpi), "pdf")
    else:
        name = k.jpg(photo.on_table(page, k.rng, 2400, fill=0.86), 84)
    for p, material in people:
        k.doc([name], material, cards.id_fields(p))
    return name


def paper(
    k: Kit,
    papers: list[Paper],
    how: str,
    material: str | None,
    fields: dict,
    order: list[int] | None = None,
    dpi: int = 150,
) -> list[str]:
    """A paper document of one or more pages as uploaded (``how``), pages in ``order``."""
    pages: list[Image.Image] = []
    for pp in papers:
        pages += render_pages(pp, k.rng, dpi)
    order = order or list(range(len(pages)))
    names: list[str] = []
    if how == "text_pdf":
        merged = Paper(
            [b for pp in papers for b in pp.blocks],
            body_role=papers[0].body_role,
            header=papers[0].header,
            footer=True,
            qr_text=papers[0].qr_text,
            size=papers[0].size,
        )
        names.append(k.text_pdf(merged))
    elif how == "docx":
        merged = Paper(
            [b for pp in papers for b in pp.blocks],
            body_role=papers[0].body_role,
            header=papers[0].header,
        )
        names.append(k.docx(merged))
    elif how == "scan_pdf":
        names.append(k.scan_pdf([pages[i] for i in order], dpi))
    elif how == "copy_pdf":
        names.append(k.add(images_pdf([photo.copier(pages[i], k.rng) for i in order], dpi), "pdf"))
    else:
        for i in order:
            names.append(k.jpg(scene(k, pages[i], how, k.rng.randint(1800, 2200))))
    k.doc(names, material, fields)
    return names


def picture(
    k: Kit, im: Image.Image, how: str, material: str | None, fields: dict, as_png: bool = False
) -> str:
    """A card or certificate page photographed (or a screenshot saved as PNG)."""
    if how == "flat":
        name = k.png(im) if as_png else k.jpg(im, 88)
    else:
        name = k.jpg(scene(k, im, how, k.rng.randint(1700, 2100)))
    k.doc([name], material, fields)
    return name
