"""Documents, not files: uploads cut into parts, parts assembled into documents.

A part is one region of one page (one card side, one contract page). Parts are
recognised by document type, then assembled across files: the two sides of one
ID card (even as two photos, back first), the pages of one contract in any
upload order; a part uploaded twice is kept once. Each assembled document is a
``Piece`` that may fill one material; one file may yield several pieces.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from knowledge import Material
from prereview._text import compact
from prereview.checks import READABLE_CHARS, same_name
from prereview.doctypes import DocType, Typed, classify, material_kinds
from prereview.document import LOW_CONFIDENCE, Document, Line, Page
from prereview.fields import Fields, extract_fields
from prereview.layout import layout_rows, signed_places, split_regions
from prereview.recognise import THRESHOLD, Match, is_sentence, score_material

MISMATCH = 2.0  # evidence taken away when the document is a type the material is not
_CONTRACT = re.compile(r"第[一二三四五六七八九十百\d]+条|[甲乙]方")
_ARTICLE = re.compile(r"第([一二三四五六七八九十百\d]+)条")
_CN = {c: i for i, c in enumerate("零一二三四五六七八九")}
SIDE_NAMES = {"front": "人像面", "back": "国徽面"}


@dataclass
class Part:
    """One region of one page of one upload."""

    file: str
    order: int  # position among all parts, in upload order
    page: Page
    lines: list[Line]
    rows: list[str] = field(default_factory=list)
    typed: Typed | None = None

    @property
    def doctype(self) -> DocType | None:
        return self.typed.doctype if self.typed else None


@dataclass
class Piece:
    """An assembled document: the parts of one card, contract or form, from any files."""

    file: str
    label: str
    pages: list[Page]
    rows: list[str] = field(default_factory=list)
    fields: Fields = field(default_factory=Fields)
    matches: list[Match] = field(default_factory=list)
    problem: str | None = None
    parts: list[Part] = field(default_factory=list)
    doctype: DocType | None = None
    labels: list[str] = field(default_factory=list)  # every upload it came from

    @property
    def lines(self) -> list[Line]:
        if self.parts:
            return [ln for part in self.parts for ln in part.lines]
        return [ln for page in self.pages for ln in page.lines]

    @property
    def readable_chars(self) -> int:
        return _readable(self.lines)

    @property
    def unsure_share(self) -> float:
        lines = self.lines
        total = sum(len(ln.text.strip()) for ln in lines)
        unsure = sum(len(ln.text.strip()) for ln in lines if ln.confidence < LOW_CONFIDENCE)
        return unsure / total if total else 1.0

    @property
    def sides(self) -> set[str]:
        """Card sides present (``front``/``back``) when the piece is a two-sided card."""
        return {p.doctype.side for p in self.parts if p.doctype and p.doctype.side}

    @property
    def titled(self) -> bool:
        return any(p.typed and p.typed.titled for p in self.parts)


# -- parts -----------------------------------------------------------------------------------


def _readable(lines: list[Line]) -> int:
    """Characters read with confidence: what a document, or a region of a page, can be judged on."""
    return sum(len(ln.text.strip()) for ln in lines if ln.confidence >= LOW_CONFIDENCE)


def page_regions(page: Page) -> list[list[Line]]:
    """The page cut into one region per document, unless a cut leaves a region too small to read.

    A region with fewer readable characters than any document can be judged on
    (``READABLE_CHARS``) is no document of its own: a form's column of labels
    (姓名 | 公民身份号码 | 现居住地址) cut from its values reads like a card's labels,
    yet it is half of the form, not a second, unreadable upload.
    """
    if page.source != "ocr":
        return [page.lines]
    regions = split_regions(page.lines)
    if len(regions) > 1 and any(_readable(region) < READABLE_CHARS for region in regions):
        return [page.lines]
    return [cut for region in regions for cut in title_cuts(region)]


_TITLE_SLACK = 6  # characters a title line may carry besides the title word (示范市…, （副本）)


def title_cuts(lines: list[Line]) -> list[list[Line]]:
    """A region showing two or more documents of one type, each under its own title, cut apart.

    Two staff members' health certificates photographed on one sheet carry no
    blank band wide enough to cut (they are not cards), but each starts with the
    same title. The region is cut before each title after the first when every
    part is, on its own, a complete document of that type; a contract, whose
    title a running header may repeat, is never cut this way.
    """
    if len(lines) < 4 or any(line.box is None for line in lines):
        return [lines]
    typed = classify(layout_rows(lines))
    if typed is None or not typed.titled or typed.doctype.multipage:
        return [lines]
    words = [compact(word) for word in typed.doctype.titles]
    heads = [
        ln for ln in lines
        if (text := compact(ln.text)) and any(
            w in text and len(text) <= len(w) + _TITLE_SLACK for w in words
        ) and not is_sentence(ln.text)
    ]  # fmt: skip
    if len(heads) < 2:
        return [lines]
    xs = [(ln.box[0] + ln.box[2]) / 2 for ln in heads]
    ys = [(ln.box[1] + ln.box[3]) / 2 for ln in heads]
    axis = 1 if max(ys) - min(ys) >= max(xs) - min(xs) else 0
    heads.sort(key=lambda ln: ln.box[axis])
    if axis == 1:
        cuts = [ln.box[1] for ln in heads[1:]]
    else:
        centres = [(ln.box[0] + ln.box[2]) / 2 for ln in heads]
        cuts = [(a + b) / 2 for a, b in itertools.pairwise(centres)]
    parts: list[list[Line]] = [[] for _ in range(len(cuts) + 1)]
    for line in lines:
        centre = (line.box[axis] + line.box[axis + 2]) / 2
        parts[sum(centre >= cut for cut in cuts)].append(line)
    for part in parts:
        own = classify(layout_rows(part)) if part else None
        if own is None or own.doctype.id != typed.doctype.id or not own.complete:
            return [lines]
    return parts


def document_parts(document: Document, start: int) -> list[Part]:
    """The regions of every page of a document, recognised by type."""
    parts: list[Part] = []
    for page in document.pages:
        regions = page_regions(page)
        for region in regions:
            rows = layout_rows(region)
            parts.append(
                Part(document.name, start + len(parts), page, region, rows, classify(rows))
            )
    return parts


# -- matching --------------------------------------------------------------------------------


def rank_piece(materials: list[Material], piece: Piece) -> list[Match]:
    """Materials the piece may be, best first: keyword evidence plus its document type."""
    doctype = piece.doctype
    found: list[Match] = []
    for material in materials:
        base = score_material(material, piece.rows)
        kinds = material_kinds(material)
        score, titled = base.score, base.titled
        if doctype and doctype.kind in kinds:
            score += doctype.link_weight
            titled = True
        elif doctype and kinds:
            score -= MISMATCH
        if score >= THRESHOLD:
            found.append(Match(material.id, score, titled, base.headline))
    return sorted(found, key=lambda m: -m.score)


# -- grouping within one upload --------------------------------------------------------------


def _runs(parts: list[Part], materials: list[Material]) -> list[list[Part]]:
    """Consecutive parts of one upload that belong together (pages of one document).

    A card is a document of its own, and so is each region a page was cut into;
    a new type, or a page whose title names another material, starts a new
    document; untitled pages continue the last.
    """
    runs: list[list[Part]] = []
    current_material: str | None = None
    for part in parts:
        doctype = part.doctype
        previous = runs[-1] if runs else None
        kind = _run_kind(previous) if previous else None
        matches = rank_piece(materials, Piece(part.file, part.file, [part.page], part.rows))
        best = matches[0] if matches else None
        starts = (
            previous is None
            or previous[-1].page is part.page  # a page is cut only between two documents
            or (doctype is not None and doctype.card)
            or _run_is_card(previous)
            or (doctype is not None and kind is not None and doctype.kind != kind)
            or (best is not None and best.headline and best.material_id != current_material)
        )
        cover = previous is not None and len(runs) == 1 and current_material is None
        if starts and cover and kind is None and not (doctype and doctype.card):
            previous.append(part)  # a cover page joins the first titled page
            current_material = best.material_id if best else None
            continue
        if starts:
            runs.append([part])
            current_material = best.material_id if best else current_material
        else:
            previous.append(part)
    return runs


def _run_kind(run: list[Part]) -> str | None:
    return next((p.doctype.kind for p in run if p.doctype), None)


def _run_is_card(run: list[Part]) -> bool:
    return any(p.doctype and p.doctype.card for p in run)


# -- ID card sides ---------------------------------------------------------------------------


def _birth(front: Piece) -> dt.date | None:
    for code in front.fields.id_numbers:
        if code.valid:
            v = code.value
            return dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    return None


def _validity_fits(front: Piece, back: Piece) -> bool:
    """The back's validity length fits the age the front shows (居民身份证法 第五条).

    Under 16 at issue: 5 years; 16–25: 10; 26–45: 20; 46 and over: long term.
    """
    born, validity = _birth(front), back.fields.validity
    if born is None or validity is None or validity.start is None:
        return True
    age = (validity.start - born).days / 365.25
    expected = 5 if age < 16 else 10 if age < 26 else 20 if age < 46 else None
    if validity.long_term or validity.end is None:
        return expected is None
    years = round((validity.end - validity.start).days / 365.25)
    return expected is not None and abs(years - expected) <= 1


UNFIT_VALIDITY = 0.5  # cost of a validity length that does not fit the front's age


def _centre(part: Part) -> tuple[float, float]:
    xs = [x for ln in part.lines for x in (ln.box[0], ln.box[2])] if part.lines else [0.0]
    ys = [y for ln in part.lines for y in (ln.box[1], ln.box[3])] if part.lines else [0.0]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _pair_cost(front: Piece, back: Piece) -> float:
    """Lower is likelier: near on one page, then neighbouring uploads; a validity that fits.

    On one page the distance counts in page sizes (below 1.5); across pages the
    gap in upload order counts from 1 up. A validity that does not fit the age
    weighs less than one step of upload order: it decides between equally near
    sides, but does not tear apart two sides uploaded one after the other, since
    a date misread, or a card issued around a birthday that moves the age band,
    makes it fail for the right pair too.
    """
    f, b = front.parts[0], back.parts[0]
    unfit = 0.0 if _validity_fits(front, back) else UNFIT_VALIDITY
    if f.page is b.page and f.lines and b.lines and f.lines[0].box and b.lines[0].box:
        (fx, fy), (bx, by) = _centre(f), _centre(b)
        size = max(f.page.width, f.page.height, 1.0)
        return ((fx - bx) ** 2 + (fy - by) ** 2) ** 0.5 / size + unfit
    return 1.0 + abs(f.order - b.order) + unfit


def pair_sides(pieces: list[Piece]) -> list[Piece]:
    """Fronts and backs of two-sided cards joined into one piece per card; the rest unchanged.

    Sides pair within one family only: an ID card's back never completes a
    residence permit's front.
    """
    joined: dict[int, Piece] = {}
    used: set[int] = set()
    families = {p.doctype.kind for p in pieces if p.doctype and p.sides}
    for family in sorted(families):
        of_family = [p for p in pieces if p.doctype and p.doctype.kind == family]
        fronts = [p for p in of_family if p.sides == {"front"}]
        backs = [p for p in of_family if p.sides == {"back"}]
        if not fronts or not backs:
            continue
        for front, back in _best_pairs(fronts, backs):
            joined[id(front)] = _join(front, back)
            used.add(id(back))
    return [joined.get(id(p), p) for p in pieces if id(p) not in used]


def _best_pairs(fronts: list[Piece], backs: list[Piece]) -> list[tuple[Piece, Piece]]:
    small, large, swap = (
        (fronts, backs, False) if len(fronts) <= len(backs) else (backs, fronts, True)
    )
    if len(large) > 7:  # greedy beyond a few cards: permutations would grow too fast
        chosen: list[tuple[Piece, Piece]] = []
        free = list(large)
        for piece in small:
            other = min(free, key=lambda o: _cost(piece, o, swap))
            free.remove(other)
            chosen.append((other, piece) if swap else (piece, other))
        return chosen
    best: tuple[float, list[tuple[Piece, Piece]]] | None = None
    for combo in itertools.permutations(large, len(small)):
        cost = sum(_cost(a, b, swap) for a, b in zip(small, combo, strict=True))
        if best is None or cost < best[0]:
            best = (cost, [(b, a) if swap else (a, b) for a, b in zip(small, combo, strict=True)])
    return best[1] if best else []


def _cost(piece: Piece, other: Piece, swapped: bool) -> float:
    return _pair_cost(other, piece) if swapped else _pair_cost(piece, other)


def _join(first: Piece, second: Piece) -> Piece:
    parts = first.parts + second.parts
    labels = list(dict.fromkeys(first.labels + second.labels))
    return Piece(first.file, "、".join(labels), _pages(parts), parts=parts,
                 doctype=first.doctype, labels=labels)  # fmt: skip


def _pages(parts: list[Part]) -> list[Page]:
    pages: list[Page] = []
    for part in parts:
        if not any(page is part.page for page in pages):
            pages.append(part.page)
    return pages


# -- duplicates and contract pages -----------------------------------------------------------


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _similar(a: Piece, b: Piece) -> float:
    x, y = _bigrams(compact("".join(a.rows))), _bigrams(compact("".join(b.rows)))
    return len(x & y) / len(x | y) if x and y else 0.0


def _same_document(a: Piece, b: Piece) -> bool:
    """The same document uploaded twice (the same photo, or two photos of it)."""
    if a.doctype is None or b.doctype is None or a.doctype.id != b.doctype.id:
        return False
    ids_a = {c.value for c in a.fields.id_numbers if c.valid}
    ids_b = {c.value for c in b.fields.id_numbers if c.valid}
    if ids_a and ids_b:
        return bool(ids_a & ids_b) and _similar(a, b) >= 0.5
    return _similar(a, b) >= 0.85


def drop_duplicates(pieces: list[Piece]) -> tuple[list[Piece], list[tuple[str, str]]]:
    """Pieces without repeats; (duplicate label, kept label) for each one dropped.

    A second ID card back is only a repeat while backs outnumber fronts: two
    people's backs can read alike.
    """
    kept: list[Piece] = []
    dropped: list[tuple[str, str]] = []
    fronts = sum(1 for p in pieces if p.sides == {"front"})
    backs = sum(1 for p in pieces if p.sides == {"back"})
    for piece in pieces:
        twin = next((k for k in kept if _same_document(k, piece)), None)
        if twin is not None and piece.sides == {"back"} and backs <= fronts:
            twin = None
        if twin is None:
            kept.append(piece)
            continue
        backs -= piece.sides == {"back"}
        twin.labels = list(dict.fromkeys(twin.labels + piece.labels))
        dropped.append((piece.label, twin.label))
    return kept, dropped


def _numeral(text: str) -> int:
    """An article number written in digits or Chinese numerals (十二 → 12)."""
    if text.isdigit():
        return int(text)
    value = 0
    for char in text:
        if char == "十":
            value = (value or 1) * 10
        elif char == "百":
            value = (value or 1) * 100
        else:
            value += _CN.get(char, 0)
    return value


def _article(rows: list[str]) -> int:
    """The first article number (第N条) on a page: pages of a contract sort by it."""
    for row in rows:
        if match := _ARTICLE.search(row):
            return _numeral(match.group(1))
    return 10_000


# A clause opening a row: 第五条 …, or 五、… as labour contracts number them.
_CLAUSE = re.compile(r"^\s*(?:第([一二三四五六七八九十百\d]+)条|([一二三四五六七八九十]+)[、．.])")


def _clauses(rows: list[str]) -> list[int]:
    """Numbers of the clauses that open rows, in reading order."""
    return [_numeral(m.group(1) or m.group(2)) for row in rows if (m := _CLAUSE.match(row))]


def _continues(host: Piece, page: Piece) -> bool:
    """``page`` opens with the clause after the last one ``host`` shows (四、 … then 五、 …)."""
    ours = _clauses([row for part in host.parts for row in part.rows])
    theirs = _clauses(page.rows)
    return bool(ours and theirs) and theirs[0] == max(ours) + 1


def _holders_agree(a: Piece, b: Piece) -> bool:
    """The holders two pages name are one, allowing a character OCR dropped (韩鸣 / 韩一鸣).

    A contract's last page names its parties at the signatures, often in
    handwriting that OCR reads short by a character.
    """
    x, y = a.fields.holder, b.fields.holder
    if x is None or y is None or same_name(x, y):
        return True
    shorter, longer = sorted((compact(x), compact(y)), key=len)
    return len(shorter) >= 2 and len(longer) == len(shorter) + 1 and _dropped_one(shorter, longer)


def _dropped_one(shorter: str, longer: str) -> bool:
    """``shorter`` is ``longer`` with one character left out."""
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def merge_pages(pieces: list[Piece]) -> list[Piece]:
    """Pages of one contract uploaded as separate files joined into one piece.

    A page of a multi-page type joins an earlier piece of that type when at most
    one of them carries the title and their holders agree; a page of no type
    taken for no material that carries a label of the multi-page document uploaded
    just before it joins that document; a page of no type
    that reads like a contract (第N条, 甲方/乙方) joins a contract: the one whose clause
    numbering it continues, else the one it shares the most words with, among
    those taken for its material when it was taken for one.
    """
    merged: list[Piece] = []
    for piece in pieces:
        target = None
        if piece.doctype and piece.doctype.multipage:
            target = next(
                (m for m in merged if m.doctype and m.doctype.id == piece.doctype.id
                 and not (m.titled and piece.titled) and _holders_agree(m, piece)),
                None,
            )  # fmt: skip
        if target is None:
            merged.append(piece)
        else:
            _absorb(target, piece)
    for piece in list(merged):
        if piece.doctype:
            continue
        if not _CONTRACT.search("".join(piece.rows)):
            if not piece.matches and (host := _carried_on(merged, piece)):
                _absorb(host, piece)
                merged.remove(piece)
            continue
        hosts = [m for m in merged if m is not piece and _hosts_pages(m, piece)]
        if piece.matches:  # a page taken for a material joins a contract taken for the same
            best = piece.matches[0].material_id
            hosts = [m for m in hosts if m.matches and m.matches[0].material_id == best]
        if hosts:
            # The clause numbering running on decides first (the 五、 page of a labour contract
            # follows its 四、 page, not the longer lease beside it); then shared words.
            _absorb(max(hosts, key=lambda m: (_continues(m, piece), _similar(m, piece))), piece)
            merged.remove(piece)
    return merged


def _carried_on(pieces: list[Piece], page: Piece) -> Piece | None:
    """The multi-page document uploaded just before ``page`` that ``page`` goes on with.

    A second page of a discharge record (出院情况… 医师签名) has no title and too few
    labels to be typed, and matches no material; uploaded right after the first page,
    and carrying a label of its type, it is that document's next page. Types known by
    their title alone (申请表) have no labels of their own to show it.
    """
    start = _order(page)
    host = next((m for m in pieces if any(p.order == start - 1 for p in m.parts)), None)
    if host is None or host is page or not host.doctype or not host.doctype.multipage:
        return None
    doctype = host.doctype
    if doctype.min_labels > len(doctype.labels):
        return None
    body = compact("".join(page.rows))
    return host if any(compact(label) in body for label in doctype.labels) else None


def _hosts_pages(host: Piece, page: Piece) -> bool:
    """``host`` may take an untyped contract page: a multi-page type, or a contract of a kind
    the type table does not know (存量房买卖合同) whose first rows name its material.

    A page that names a material in its own first rows starts a document of its own.
    """
    if host.doctype:  # a multi-page form (申请表) is no contract: it takes no 甲方/乙方 pages
        return host.doctype.multipage and bool(_CONTRACT.search("".join(host.rows)))
    if any(m.headline for m in page.matches[:1]):
        return False
    return bool(host.matches and host.matches[0].headline and _CONTRACT.search("".join(host.rows)))


def _is_cover(piece: Piece) -> bool:
    """A first page (户主页) of a type with one: its cover label and no member's own name."""
    doctype = piece.doctype
    if doctype is None or not doctype.cover_label:
        return False
    body = compact("".join(piece.rows))
    return doctype.cover_label in body and piece.fields.holder_label == doctype.cover_label


def join_covers(pieces: list[Piece]) -> list[Piece]:
    """Each first page (户口簿 户主页) joined to the member page uploaded nearest to it.

    The first page names the household and its address; a member page names the
    person and the ID number. Uploaded together they are one document; a member
    page takes at most one first page, and a first page alone stays as it is.
    """
    covers = [p for p in pieces if _is_cover(p)]
    members = [
        p for p in pieces
        if p.doctype and p.doctype.cover_label and not _is_cover(p)
    ]  # fmt: skip
    taken: set[int] = set()
    for cover in covers:
        free = [m for m in members if m.doctype.kind == cover.doctype.kind and id(m) not in taken]
        if not free:
            continue
        member = min(free, key=lambda m: abs(_order(m) - _order(cover)))
        taken.add(id(member))
        _absorb(member, cover)
        member.parts.sort(key=lambda part: part.order)  # pages in upload order
        cover.parts = []
    return [p for p in pieces if p.parts or not _is_cover(p)]


def _order(piece: Piece) -> int:
    return min((part.order for part in piece.parts), default=0)


def _absorb(host: Piece, page: Piece) -> None:
    host.parts = sorted(host.parts + page.parts, key=lambda p: (not p.typed or not p.typed.titled,))
    host.labels = list(dict.fromkeys(host.labels + page.labels))
    host.label = "、".join(host.labels)
    host.pages = _pages(host.parts)  # matches stay the host's until it is finished again


# -- the whole upload ------------------------------------------------------------------------


def _piece_label(document: Document, parts: list[Part]) -> str:
    numbers = sorted({p.page.number for p in parts})
    if len(document.pages) <= 1 or len(numbers) == len(document.pages):
        return document.name
    if len(numbers) == 1:
        return f"{document.name}（第{numbers[0]}页）"
    return f"{document.name}（第{numbers[0]}-{numbers[-1]}页）"


def finish(piece: Piece, materials: list[Material]) -> Piece:
    """Rows, fields and matches of an assembled piece (sides front first, pages in order)."""
    parts = piece.parts
    if piece.sides:
        parts = sorted(parts, key=lambda p: p.doctype.side != "front" if p.doctype else True)
    elif len({p.file for p in parts}) > 1:
        titled = [p for p in parts if p.typed and p.typed.titled]
        rest = sorted((p for p in parts if p not in titled), key=lambda p: _article(p.rows))
        parts = titled + rest
    piece.parts = parts
    files = list(dict.fromkeys(p.file for p in parts))
    piece.labels = sorted(
        piece.labels,
        key=lambda label: next((i for i, f in enumerate(files) if label.startswith(f)), 0),
    )
    piece.label = "、".join(piece.labels) if len(files) > 1 else piece.label
    piece.rows = [row for part in parts for row in part.rows]
    holder_labels = piece.doctype.holder_labels if piece.doctype else ()
    piece.fields = extract_fields(piece.rows, holder_labels)
    piece.fields.signature = piece.fields.signature or any(p.seal for p in piece.pages)
    # A seal signs for an organisation; on a card it is the issuer's, not the holder's.
    piece.fields.signed = any(
        (p.page.seal and not (p.doctype and p.doctype.card)) or signed_places(p.lines, p.page.marks)
        for p in parts
    )
    piece.matches = rank_piece(materials, piece)
    return piece


def assemble(
    documents: list[Document], materials: list[Material]
) -> tuple[list[Piece], list[tuple[str, str]]]:
    """Every document found in the uploads, and the repeats dropped (label, kept label)."""
    pieces: list[Piece] = []
    order = 0
    for document in documents:
        if document.problem and not document.pages:
            pieces.append(Piece(document.name, document.name, [], problem=document.problem,
                                labels=[document.name]))  # fmt: skip
            continue
        parts = document_parts(document, order)
        order += len(parts)
        for run in _runs(parts, materials):
            label = _piece_label(document, run)
            doctype = next((p.doctype for p in run if p.doctype), None)
            piece = Piece(document.name, label, _pages(run), parts=run, doctype=doctype,
                          labels=[label])  # fmt: skip
            pieces.append(finish(piece, materials))
    readable = [p for p in pieces if not p.problem]
    readable, dropped = drop_duplicates(readable)
    readable = [finish(p, materials) for p in pair_sides(readable)]
    readable = [finish(p, materials) for p in merge_pages(readable)]
    readable = [finish(p, materials) for p in join_covers(readable)]
    return [p for p in pieces if p.problem] + readable, dropped
