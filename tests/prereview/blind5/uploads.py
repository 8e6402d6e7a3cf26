"""Upload patterns: how applicants hand in ID cards, papers and certificates."""

from __future__ import annotations

from PIL import Image

from tests.prereview.blind.ident import Person

from . import photo
from .kit import Kit, id_fields
from .paper import Paper

A4_ID_W = 85.6


def _turn(im: Image.Image, rotate: int) -> Image.Image:
    return im.rotate(rotate, expand=True) if rotate else im


def card_shot(
    k: Kit,
    card: Image.Image,
    ground: str = "wood",
    sleeve: bool = False,
    glare: bool = False,
    rotate: int = 0,
    long_side: int = 1800,
) -> Image.Image:
    """One card photographed on the desk (or a newspaper), optionally in a plastic sleeve."""
    if sleeve:
        card = photo.in_sleeve(card, k.rng)
    im = photo.desk_photo(
        card, k.rng, ground, portrait=False, long_side=long_side, fill=0.7, tilt=6
    )
    if glare:
        im = photo.glare(im, k.rng)
    return _turn(im, rotate)


def id_photos(
    k: Kit,
    p: Person,
    material: str | None,
    status: str = "ok",
    back_first: bool = False,
    ground: str = "wood",
    sleeve: bool = False,
    rotate: int = 0,
    glare: bool = False,
) -> list[str]:
    """ID front and back as two photos, in either order."""
    front, back = k.id_images(p)
    shots = [("front", front), ("back", back)]
    if back_first:
        shots.reverse()
    names = []
    for i, (_, im) in enumerate(shots):
        names.append(
            k.jpg(card_shot(k, im, ground, sleeve, glare and i == 0, rotate if i == 1 else 0))
        )
    k.doc(names, material, id_fields(p), status)
    return names


def id_front_only(k: Kit, p: Person, material: str, ground: str = "wood") -> list[str]:
    """Only the portrait side: a material needing the validity is ``defective``."""
    front, _ = k.id_images(p)
    name = k.jpg(card_shot(k, front, ground))
    k.doc([name], material, id_fields(p, back=False), "defective")
    return [name]


def id_copy(
    k: Kit,
    entries: list[tuple[Person, str | None, str]],
    out: str = "photo",
    stamp: str | None = None,
) -> list[str]:
    """Front and back of one or two people on one A4 copy.

    ``out``: photo (phone photo of the copy on the desk), scan (image PDF with punch
    holes), grey150 (A4 at 150 dpi greyscale PNG), fax (binarised, header line).
    ``stamp``: the name signing beside a blue 与原件核对无误 stamp.
    """
    items = []
    for row, (p, _, _) in enumerate(entries):
        front, back = k.id_images(p, dpi=300)
        y = 34 + row * 74
        items += [(front, 16, y, A4_ID_W), (back, 108, y, A4_ID_W)]
    if len(entries) == 1:
        front, back = items[0][0], items[1][0]
        items = [(front, 62, 40, A4_ID_W), (back, 62, 112, A4_ID_W)]
    sign = (stamp, _today_text(k)) if stamp else None
    dpi = 150 if out == "grey150" else 200
    page = photo.copy_a4(items, dpi, k.rng, sign)
    if out == "photo":
        names = [k.jpg(photo.desk_photo(page, k.rng, "wood", long_side=2000))]
    elif out == "scan":
        names = [k.scan_pdf([photo.punch_scan(page, k.rng)], dpi)]
    elif out == "grey150":
        names = [k.png(photo.greyscale(page))]
    elif out == "fax":
        names = [k.jpg(photo.fax(page, k.rng, _fax_header(k, 1, 1)), quality=80)]
    else:
        raise ValueError(out)
    for p, material, status in entries:
        k.doc(names, material, id_fields(p), status)
    return names


def _today_text(k: Kit) -> str:
    d = k.today
    return f"{d.year}.{d.month}.{d.day}"


def _fax_header(k: Kit, n: int, total: int) -> str:
    return (
        f"{k.today:%Y-%m-%d} 08:{17 + n:02d}  FROM: 0578 8611{k.rng.randint(1000, 9999)}"
        f"  P.{n:03d}/{total:03d}"
    )


def id_collage(
    k: Kit, p: Person, material: str | None, status: str = "ok", extra: list[Image.Image] = ()
) -> str:
    """Front and back photos (and maybe more) joined in a phone gallery collage."""
    front, back = k.id_images(p, dpi=350)
    tiles = [
        card_shot(k, front, "wood", long_side=1200),
        card_shot(k, back, "wood", long_side=1200),
    ]
    tiles += list(extra)
    name = k.jpg(photo.collage(tiles, k.rng))
    k.doc([name], material, id_fields(p), status)
    return name


def paper_photos(
    k: Kit,
    paper: Paper,
    material: str | None,
    fields: dict,
    status: str = "ok",
    order: list[int] | None = None,
    ground: str = "wood",
    fold: bool = False,
    glare: bool = False,
    rotate: int = 0,
    dup: bool = False,
) -> list[str]:
    """Each page photographed on the desk; ``order`` shuffles pages, ``dup`` repeats one."""
    n = len(paper.pages)
    order = list(range(n)) if order is None else order
    shots = {}
    names = []
    for i in order:
        if i not in shots:
            pg = k.page(paper, i, bg=(250, 249, 245))
            if fold:
                pg = photo.fold_thirds(pg, k.rng)
            im = photo.desk_photo(pg, k.rng, ground, long_side=2000)
            if glare:
                im = photo.glare(im, k.rng)
            shots[i] = _turn(im, rotate)
        names.append(k.jpg(shots[i]))
    if dup:
        names.append(k.jpg(shots[order[0]]))
    k.doc(names, material, fields, status)
    return names


def paper_scan(
    k: Kit,
    paper: Paper,
    material: str | None,
    fields: dict,
    status: str = "ok",
    punch: bool = True,
    grey: bool = False,
    order: list[int] | None = None,
) -> str:
    """Pages scanned into one image-only PDF (binder punch holes, 150 dpi)."""
    pages = k.pages(paper, dpi=150)
    if order is not None:
        pages = [pages[i] for i in order]
    if punch:
        pages = [photo.punch_scan(p, k.rng) for p in pages]
    if grey:
        pages = [photo.greyscale(p) for p in pages]
    name = k.scan_pdf(pages, 150)
    k.doc([name], material, fields, status)
    return name


def paper_fax(
    k: Kit, paper: Paper, material: str | None, fields: dict, status: str = "ok"
) -> list[str]:
    pages = k.pages(paper, dpi=200)
    names = [
        k.jpg(photo.fax(p, k.rng, _fax_header(k, i + 1, len(pages))), quality=82)
        for i, p in enumerate(pages)
    ]
    k.doc(names, material, fields, status)
    return names


def paper_grey(
    k: Kit, paper: Paper, material: str | None, fields: dict, status: str = "ok"
) -> list[str]:
    """A4 at 150 dpi greyscale, one PNG per page (a home printer-scanner's default)."""
    names = [k.png(photo.greyscale(p)) for p in k.pages(paper, dpi=150)]
    k.doc(names, material, fields, status)
    return names


def paper_docx(
    k: Kit, paper: Paper, material: str | None, fields: dict, signed: bool, status: str = "ok"
) -> str:
    name = k.docx(paper, signed)
    k.doc([name], material, fields, status)
    return name


def paper_text_pdf(
    k: Kit, paper: Paper, material: str | None, fields: dict, header: str, status: str = "ok"
) -> str:
    name = k.text_pdf(paper, header)
    k.doc([name], material, fields, status)
    return name


def image_shot(
    k: Kit,
    im: Image.Image,
    material: str | None,
    fields: dict,
    status: str = "ok",
    ground: str = "wood",
    sleeve: bool = False,
    glare: bool = False,
    rotate: int = 0,
) -> str:
    """A certificate page or booklet photographed on the desk."""
    if sleeve:
        im = photo.in_sleeve(im, k.rng)
    shot = photo.desk_photo(im, k.rng, ground, long_side=2000, fill=0.78)
    if glare:
        shot = photo.glare(shot, k.rng)
    name = k.jpg(_turn(shot, rotate))
    k.doc([name], material, fields, status)
    return name


def screenshot(
    k: Kit, im: Image.Image, material: str | None, fields: dict, title: str, status: str = "ok"
) -> str:
    name = k.png(
        photo.app_screen(im, k.rng, title, f"{k.rng.randint(8, 17)}:{k.rng.randint(10, 59)}")
    )
    k.doc([name], material, fields, status)
    return name


def dark_photo(k: Kit, paper: Paper) -> str:
    """A photo taken in a dim corridor, shaking: nothing can be read from it."""
    pg = k.page(paper, 0)
    im = photo.dark_blur(photo.desk_photo(pg, k.rng, "wood", long_side=1600), k.rng)
    name = k.jpg(im)
    k.unreadable_file([name])
    return name
