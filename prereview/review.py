"""Pre-review of one application: files → materials → one status per material.

Follows GUIDE_FORMAT.md: a provided material that fails a check is defective
(even when deferrable or shared); an unreadable file is taken to be the one
required material left without a file, if there is exactly one; a file
recognised as nothing fills nothing; one ``ok`` member of a ``one_of`` group
makes the others not applicable. Unknown situations (办事情形) become questions.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from pathlib import Path

from knowledge import Guide, Material
from knowledge.charforms import simplified
from prereview.assemble import SIDE_NAMES, Piece, assemble
from prereview.checks import READABLE_CHARS, Evidence, dated_checks_each, run_checks, same_name
from prereview.dates import Validity
from prereview.doctypes import material_kinds
from prereview.document import Document
from prereview.extract import extract_text
from prereview.fields import Fields, find_named, is_organisation
from prereview.limits import MB, Limits
from prereview.ocr import Ocr
from prereview.prefill import fill_result, read_documents
from prereview.result import (
    DEFECTIVE,
    DEFERRABLE,
    MISSING,
    NOT_APPLICABLE,
    OK,
    OPTIONAL,
    WAIVED,
    FileNote,
    MaterialResult,
    ReviewResult,
)

UNREADABLE = (
    "无法识别文件中的文字（可能过于模糊、过暗、反光或拍摄不完整），请重新拍摄清晰的照片后上传"
)
DUPLICATE = "与“{kept}”内容相同，已按同一份材料计"
UNRECOGNISED = "未能识别为本事项所需的材料，请确认是否上传了正确的文件"
TIE = 0.5  # scores this close are treated as a tie between materials


def _applies(material: Material, situations: dict[str, bool | None]) -> bool | None:
    """True/False when the material's situations are known, None while unknown."""
    if not material.situations:
        return True
    values = [situations.get(s) for s in material.situations]
    if any(v is True for v in values):
        return True
    if all(v is False for v in values):
        return False
    return None


def _applicants(applicant: str | None, assigned: dict[str, list[Piece]], guide: Guide) -> list[str]:
    """The applicant, or the holder most documents name, then those who act for it.

    An organisation acts through its legal representative (法定代表人): the
    representative named on the applicant's own documents counts as the applicant
    on personal documents such as an ID card; and when the applicant is a person,
    an organisation whose documents name that person as its representative is
    the applicant on the organisation's documents (the company they apply for).
    """
    holders: list[str] = []
    if applicant:
        holders.append(applicant.strip())
    else:
        counts: Counter[str] = Counter()
        order: list[str] = []
        for material in guide.materials:
            if "names_match" not in material.checks:
                continue
            for piece in assigned.get(material.id, []):
                if piece.fields.holder:
                    counts[piece.fields.holder] += 1
                    order.append(piece.fields.holder)
        if counts:
            top = max(counts.values())
            holders.append(next(h for h in order if counts[h] == top))
    if not holders:
        return []
    for pieces in assigned.values():
        for piece in pieces:
            f = piece.fields
            acts_for_applicant = f.legal_rep and f.holder and same_name(f.holder, holders[0])
            if acts_for_applicant and not any(same_name(f.legal_rep, h) for h in holders):
                holders.append(f.legal_rep)
    if not is_organisation(holders[0]):
        for pieces in assigned.values():
            for f in (piece.fields for piece in pieces):
                represented = f.legal_rep and f.holder and same_name(f.legal_rep, holders[0])
                known = represented and any(same_name(f.holder, h) for h in holders)
                if represented and not known and is_organisation(f.holder):
                    holders.append(f.holder)
    return holders


def _likely_applicant(pieces: list[Piece]) -> str | None:
    """The holder named on the most recognised documents, when at least two name them."""
    holders = [p.fields.holder for p in pieces if p.matches and p.fields.holder]
    counts = Counter(next(h for h in holders if same_name(h, holder)) for holder in holders)
    top = counts.most_common(1)
    return top[0][0] if top and top[0][1] >= 2 else None


# People a document names in a role besides its holder (受托人 on a power of attorney), and the
# words a material's name uses for each role: the agent's ID card goes to the agent's material.
_ROLE_LABELS = {"agent": ("受托人", "被委托人", "受委托人", "代理人", "代办人")}
_ROLE_WORDS = {
    "agent": ("代办人", "受托人", "代理人", "指定代表", "经办人"),
    "spouse": ("配偶", "男方", "女方"),
    "guardian": ("监护人",),
}


def named_roles(pieces: list[Piece]) -> list[tuple[str, str]]:
    """(name, role) for every person the uploads name in a role (受托人 王芳 → agent)."""
    found = []
    for piece in pieces:
        for role, labels in _ROLE_LABELS.items():
            if name := find_named(piece.rows, labels):
                found.append((name, role))
    return found


def _role_rank(material: Material, piece: Piece, roles: list[tuple[str, str]]) -> int:
    """0 when the piece's holder is named in the role the material asks for, 2 in another."""
    holder = piece.fields.holder
    held = {role for name, role in roles if holder and same_name(name, holder)}
    if not held:
        return 1
    wanted = {role for role, words in _ROLE_WORDS.items() if any(w in material.name for w in words)}
    return 0 if held & wanted else 2


_SEX_WORDS = {"男方": 1, "女方": 0}  # parity of the 17th digit of the ID number


def _sex_rank(material: Material, piece: Piece) -> int:
    """0 when the material names a sex (男方/女方) that the piece's ID number shows."""
    wanted = next((v for word, v in _SEX_WORDS.items() if word in material.name), None)
    numbers = [c.value for c in piece.fields.id_numbers if c.valid]
    if wanted is None or not numbers:
        return 1
    return 0 if int(numbers[0][16]) % 2 == wanted else 2


def _one_side(piece: Piece) -> str | None:
    """The side of a two-sided card when only that side was provided."""
    sides = piece.sides
    return next(iter(sides)) if len(sides) == 1 else None


def _merge_fields(pieces: list[Piece], applicants: list[str] | None = None) -> Fields:
    """Fields of a material shown across several pieces (户口簿 首页 and 本人页).

    The holder is the applicant's name when any piece names the applicant: the
    首页 names the head of household, the applicant's own page the applicant.
    """
    if len(pieces) == 1:
        return pieces[0].fields
    merged = Fields()
    own = [
        p.fields
        for p in pieces
        if p.fields.holder and any(same_name(p.fields.holder, a) for a in applicants or [])
    ]
    if own:
        merged.holder, merged.holder_label = own[0].holder, own[0].holder_label
    for piece in pieces:
        f = piece.fields
        merged.holder = merged.holder or f.holder
        merged.holder_label = merged.holder_label or f.holder_label
        merged.legal_rep = merged.legal_rep or f.legal_rep
        merged.operator = merged.operator or f.operator
        merged.id_numbers += f.id_numbers
        merged.usccs += f.usccs
        merged.dates = sorted(set(merged.dates) | set(f.dates))
        merged.phones += f.phones
        merged.address = merged.address or f.address
        merged.signature = merged.signature or f.signature
        merged.signed = merged.signed or f.signed
        merged.validity = _later(merged.validity, f.validity)
        if f.issue_date and (merged.issue_date is None or f.issue_date > merged.issue_date):
            merged.issue_date = f.issue_date
    return merged


def _later(a: Validity | None, b: Validity | None) -> Validity | None:
    if a is None or b is None:
        return a or b
    return a if (a.long_term or (a.end and b.end and a.end >= b.end)) else b


class _Assigner:
    """Puts recognised pieces onto materials, preferring free, applicable, name-matching ones."""

    def __init__(self, guide: Guide, situations: dict[str, bool | None], applicant: str | None):
        self.guide = guide
        self.situations = situations
        self.applicant = applicant  # given, or the person most documents name
        self.assigned: dict[str, list[Piece]] = {}
        self.roles: list[tuple[str, str]] = []  # (name, role) the uploads name
        self.pieces: list[Piece] = []  # every recognised piece, placed or not

    def _name_rank(self, material: Material, piece: Piece) -> int:
        if "names_match" not in material.checks or not piece.fields.holder:
            return 1
        # Who acts for a known applicant shows on any upload (the form naming the legal
        # representative), whether it is placed before or after the card being placed.
        known = {"": self.pieces} if self.applicant else self.assigned
        names = _applicants(self.applicant, known, self.guide)
        if not names:
            return 1
        return 0 if any(same_name(piece.fields.holder, n) for n in names) else 2

    def _complements(self, material: Material, piece: Piece) -> bool:
        """Another side or page of a material already filled (ID card back, contract page)."""
        if piece.sides and not _one_side(piece):
            return False  # a whole card is a document of its own
        filled = self.assigned.get(material.id)
        if not filled:
            return False
        holder = piece.fields.holder
        if holder and not any(
            p.fields.holder and same_name(holder, p.fields.holder) for p in filled
        ):
            return False
        wanted = material.recognize.fields if material.recognize else []
        merged = _merge_fields(filled)
        return not wanted or any(not merged.has(f) and piece.fields.has(f) for f in wanted)

    def _holds_whole_card(self, material: Material) -> bool:
        return any(len(p.sides) == 2 for p in self.assigned.get(material.id, []))

    def _same_type_for_person(self, piece: Piece, candidates: list[Material]) -> list[Material]:
        """Other materials of the piece's type that its holder fits better than the best one.

        The person decides between materials of one type, not the keywords: a card
        whose holder a letter names as the agent (受托人) fills the agent's material;
        a card of someone who is not the applicant, where the best material asks for
        the applicant's own card, fills a material of that type that applies.
        The situation decides too: when every best material belongs to a situation
        that does not apply (损坏的营业执照 while the licence was lost), a material of
        the same type that applies (未遗失的营业执照) is a candidate as well.
        So does a card already there: a lone side, where every best material holds a
        whole card already (both sides), is another person's card (the agent's back).
        """
        if piece.doctype is None:
            return []
        stranger = self._name_rank(candidates[0], piece) == 2
        elsewhere = all(_applies(m, self.situations) is False for m in candidates) or (
            _one_side(piece) is not None
            and all(
                self._holds_whole_card(m) and not self._complements(m, piece) for m in candidates
            )
        )
        return [
            material
            for m in piece.matches
            if (material := self.guide.material(m.material_id)) not in candidates
            and piece.doctype.kind in material_kinds(material)
            and (
                _role_rank(material, piece, self.roles) == 0
                or (elsewhere and _applies(material, self.situations) is not False)
                or (
                    stranger
                    and self._name_rank(material, piece) != 2
                    and _applies(material, self.situations) is True
                )
            )
        ]

    def place(self, piece: Piece) -> str:
        best = piece.matches[0].score
        tied = [m for m in piece.matches if best - m.score <= TIE]
        candidates = [self.guide.material(m.material_id) for m in tied]
        candidates += self._same_type_for_person(piece, candidates)
        order = {m.id: i for i, m in enumerate(self.guide.materials)}
        for material in candidates:
            if self._complements(material, piece):
                return self._put(material, piece)
        applicability = {True: 0, None: 1, False: 2}

        def rank(material: Material) -> tuple:
            # A material whose situation does not apply comes last, even when the others are
            # filled already: a second parent's card joins 父母双方居民身份证, not the agent's.
            return (
                _applies(material, self.situations) is False,
                material.id in self.assigned,
                _role_rank(material, piece, self.roles),
                applicability[_applies(material, self.situations)],
                self._name_rank(material, piece),
                _sex_rank(material, piece),
                order[material.id],
            )

        return self._put(min(candidates, key=rank), piece)

    def _put(self, material: Material, piece: Piece) -> str:
        self.assigned.setdefault(material.id, []).append(piece)
        if _applies(material, self.situations) is None:
            for sid in material.situations:  # providing it answers the question
                if self.situations.get(sid) is None:
                    self.situations[sid] = True
                    break
        return material.id


def _read_all(
    files: list[Path], names: list[str], ocr: Ocr | None, limits: Limits
) -> tuple[list[Document], list[FileNote]]:
    documents: list[Document] = []
    skipped: list[FileNote] = []
    pages_left = limits.max_pages
    total = 0
    for index, (path, name) in enumerate(zip(files, names, strict=True)):
        if index >= limits.max_files:
            skipped.append(FileNote(name, f"{limits.too_many_files()}，未读取"))
            continue
        size = path.stat().st_size if path.exists() else 0
        total += size
        if total > limits.max_job_mb * MB:
            skipped.append(FileNote(name, f"{limits.job_too_big()}，未读取"))
            continue
        document = extract_text(path, ocr, name=name, limits=limits, max_pages=pages_left)
        pages_left -= len(document.pages)
        documents.append(document)
    return documents, skipped


def _sort_pieces(pieces: list[Piece]) -> tuple[list[Piece], list[Piece], list[FileNote]]:
    """(recognised, unreadable, notes on unrecognised): too little text is never a wrong file."""
    recognised: list[Piece] = []
    unreadable: list[Piece] = []
    unrecognised: list[FileNote] = []
    for piece in pieces:
        if piece.problem:
            unreadable.append(piece)
        elif piece.matches:
            recognised.append(piece)
        elif piece.readable_chars < READABLE_CHARS or piece.unsure_share > 0.5:
            piece.problem = UNREADABLE
            unreadable.append(piece)
        else:
            unrecognised.append(FileNote(piece.label, UNRECOGNISED))
    return recognised, unreadable, unrecognised


def _no_file_status(material: Material) -> str:
    if not material.required:
        return OPTIONAL
    if material.shared:
        return WAIVED
    if material.deferrable:
        return DEFERRABLE
    return MISSING


def _advice(material: Material, status: str) -> str:
    notes = material.notes or ""
    if status == MISSING:
        amount = "".join(
            part
            for part in (material.form or "", f"{material.copies}份" if material.copies else "")
        )
        return "；".join(p for p in (f"请提交{amount}" if amount else "请提交此材料", notes) if p)
    if status == DEFERRABLE:
        if "容缺" in notes:
            return notes
        return "；".join(p for p in ("可容缺受理：可先办理，之后补交此材料", notes) if p)
    if status == WAIVED:
        return notes or "由办理部门通过数据共享或电子证照获取，无需提交"
    if status == DEFECTIVE:
        return "请按上述问题补正后重新提交"
    return notes if status == OPTIONAL else ""


def _time_limit(guide: Guide) -> str | None:
    limit = guide.time_limit
    if limit is None:
        return None
    parts = []
    if limit.promised is not None:
        parts.append(f"承诺{limit.promised}个{limit.unit}内办结")
    if limit.statutory is not None:
        parts.append(f"法定{limit.statutory}个{limit.unit}")
    return "，".join(parts) or None


def china_today() -> dt.date:
    """Today's date in China (UTC+8), whatever the server's time zone: expiry is judged by it."""
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=8)).date()


def new_number(today: dt.date) -> str:
    """A notice number (告知书编号): date plus random digits, unique enough to quote."""
    return f"YS{today:%Y%m%d}{secrets.randbelow(10**6):06d}"


def review(
    guide: Guide,
    files: list[Path],
    situations: dict[str, bool] | None = None,
    applicant: str | None = None,
    today: dt.date | None = None,
    ocr: Ocr | None = None,
    *,
    names: list[str] | None = None,
    limits: Limits | None = None,
    number: str | None = None,
) -> ReviewResult:
    """Review ``files`` against ``guide``; ``names`` are the files' names as uploaded."""
    guide = simplified(guide)  # a Traditional guide's names are printed in Simplified
    today = today or china_today()
    limits = limits or Limits()
    files = [Path(f) for f in files]
    names = names or [f.name for f in files]
    known: dict[str, bool | None] = {s.id: None for s in guide.situations}
    for sid, value in (situations or {}).items():
        if sid in known:
            known[sid] = bool(value)

    documents, skipped = _read_all(files, names, ocr, limits)
    pieces, dropped = assemble(documents, guide.materials)
    assigner = _Assigner(guide, known, applicant or _likely_applicant(pieces))
    assigner.roles = named_roles([p for p in pieces if not p.problem])
    recognised, unreadable, unrecognised = _sort_pieces(pieces)
    assigner.pieces = recognised
    unrecognised = skipped + unrecognised
    warnings = [FileNote(d.name, w) for d in documents for w in d.warnings]
    warnings += [FileNote(label, DUPLICATE.format(kept=kept)) for label, kept in dropped]
    for piece in sorted(recognised, key=lambda p: -p.matches[0].score):
        assigner.place(piece)
    assigned = assigner.assigned
    applicants = _applicants(applicant, assigned, guide)

    results = {
        m.id: _material_result(guide, m, assigned.get(m.id, []), known, today, applicants)
        for m in guide.materials
    }
    _settle_groups(guide, results, known)
    _place_unreadable(results, unreadable, unrecognised)
    for result in results.values():
        material = guide.material(result.id)
        result.advice = _advice(material, result.status)

    questions = [
        (s.id, s.asked)
        for s in guide.situations
        if known.get(s.id) is None and any(s.id in m.situations for m in guide.materials)
    ]
    ordered = [results[m.id] for m in guide.materials]
    complete = not questions and not any(r.status in (MISSING, DEFECTIVE) for r in ordered)
    result = ReviewResult(
        item=guide.id,
        item_name=guide.name,
        department=guide.department,
        date=today,
        number=number or new_number(today),
        applicant=applicant or (applicants[0] if applicants else None),
        complete=complete,
        materials=ordered,
        unrecognised=unrecognised,
        questions=questions,
        situations=dict(known),
        file_warnings=warnings,
        locations=[loc.model_dump(exclude_none=True) for loc in guide.locations],
        time_limit=_time_limit(guide),
        fees=guide.fees,
        online_url=guide.online_url,
        documents=read_documents(pieces, assigned, names, ordered),
    )
    return fill_result(result, guide)


def _material_result(
    guide: Guide,
    material: Material,
    pieces: list[Piece],
    known: dict[str, bool | None],
    today: dt.date,
    applicants: list[str],
) -> MaterialResult:
    """One material's status from the pieces that fill it (before one_of groups are settled)."""
    applies = _applies(material, known)
    result = MaterialResult(
        material.id, material.name, OK, group=material.one_of, situations=material.situations
    )
    result.files = list(dict.fromkeys(label for p in pieces for label in (p.labels or [p.label])))
    if pieces and applies is False:
        result.status = NOT_APPLICABLE
        result.problems = ["已上传，但按您选择的办事情形，本次无需提交此材料"]
    elif pieces:
        evidence = Evidence(
            _merge_fields(pieces, applicants),
            sum(p.readable_chars for p in pieces),
            max(p.unsure_share for p in pieces),
        )
        result.problems = run_checks(_demandable(material, pieces), evidence, today, applicants)
        people = [_merge_fields(group, applicants) for group in _by_holder(pieces)]
        if failed := dated_checks_each(material, people, today):  # say whose card it is
            own = {problem for _, problem in failed}
            result.problems = [p for p in result.problems if p not in own]
            result.problems += [f"{holder}：{problem}" for holder, problem in failed]
        result.problems = _other_side(material, pieces, result.problems)
        result.status = DEFECTIVE if result.problems else OK
    elif applies is False:
        result.status = NOT_APPLICABLE
    elif applies is None:
        result.status = NOT_APPLICABLE
        labels = "、".join(s.label for s in guide.situations if s.id in material.situations)
        result.problems = [f"如属于“{labels}”情形，还需提交此材料"]
    else:
        result.status = _no_file_status(material)
    return result


def _by_holder(pieces: list[Piece]) -> list[list[Piece]]:
    """The pieces of one material grouped by the person or organisation each names.

    Pieces that name no one (a card's back not paired with its front) stay out:
    they are judged with the rest, never as somebody's own document.
    """
    groups: list[list[Piece]] = []
    for piece in pieces:
        holder = piece.fields.holder
        if not holder:
            continue
        group = next((g for g in groups if same_name(g[0].fields.holder, holder)), None)
        if group is None:
            groups.append([piece])
        else:
            group.append(piece)
    return groups


def _settle_groups(
    guide: Guide, results: dict[str, MaterialResult], known: dict[str, bool | None]
) -> None:
    """one_of: one ok member suffices; a provided member stands for the group; none → missing."""
    groups: dict[str, list[Material]] = {}
    for material in guide.materials:
        if material.one_of and _applies(material, known) is not False:
            groups.setdefault(material.one_of, []).append(material)
    for members in groups.values():
        states = [results[m.id] for m in members]
        ok = [r for r in states if r.status == OK]
        provided = [r for r in states if r.files]
        if ok or provided:
            chosen = ok[0] if ok else provided[0]
            for r in states:
                if r is not chosen and (ok or not r.files):
                    r.status = NOT_APPLICABLE
                    r.problems = [f"已提供“{chosen.name}”，此项无需提交"] if r.files else []
        else:
            all_deferrable = all(m.deferrable for m in members)
            for r, m in zip(states, members, strict=True):
                if m.required:
                    r.status = DEFERRABLE if all_deferrable else MISSING


def _place_unreadable(
    results: dict[str, MaterialResult], unreadable: list[Piece], notes: list[FileNote]
) -> None:
    """An unreadable file fills the one required material left without a file, if only one."""
    open_slots = [r for r in results.values() if r.status == MISSING and not r.group]
    grouped = {r.group for r in results.values() if r.status == MISSING and r.group}
    if len(unreadable) == 1 and len(open_slots) + len(grouped) == 1 and open_slots:
        piece, slot = unreadable[0], open_slots[0]
        slot.status = DEFECTIVE
        slot.files = [piece.label]
        slot.problems = [f"{slot.name}（{piece.label}）：{piece.problem}"]
        return
    notes.extend(FileNote(p.label, p.problem or UNREADABLE) for p in unreadable)


def _demandable(material: Material, pieces: list[Piece]) -> Material:
    """The material asking only for fields its cards can show (a bank card shows no name).

    Applies when every piece is a fixed-layout card type; other documents are
    asked for every field the guide lists.
    """
    parts = [part for piece in pieces for part in piece.parts]
    wanted = material.recognize.fields if material.recognize else []
    if not wanted or not parts or not all(p.doctype and p.doctype.card for p in parts):
        return material
    carried = {name for part in parts for name in part.doctype.fields}
    if all(name in carried for name in wanted):
        return material
    recognize = material.recognize.model_copy(
        update={"fields": [name for name in wanted if name in carried]}
    )
    return material.model_copy(update={"recognize": recognize})


# Fields of an ID card found only on one side: what a missing side leaves unread.
_SIDE_FIELDS = {"front": {"name", "id_number", "address"}, "back": {"valid_until"}}
_SIDE_CHECKS = {"front": {"names_match"}, "back": {"not_expired"}}


def _other_side(material: Material, pieces: list[Piece], problems: list[str]) -> list[str]:
    """One side of an ID card only: ask for the other side when the material needs it.

    The problems the missing side causes (a field not found, validity unread)
    are replaced by one request to add the other side.
    """
    if "id-card" not in material_kinds(material):
        return problems
    sides = set().union(*(p.sides for p in pieces))
    missing = [side for side in ("front", "back") if side not in sides]
    if len(missing) != 1 or not sides:
        return problems
    side = missing[0]
    wanted = set(material.recognize.fields if material.recognize else [])
    needed = wanted & _SIDE_FIELDS[side] or set(material.checks) & _SIDE_CHECKS[side]
    if not needed:
        return problems
    kept = [p for p in problems if "未能识别到" not in p]
    have = SIDE_NAMES[next(iter(sides))]
    return [
        f"{material.name}只有身份证{have}，请补充身份证另一面（{SIDE_NAMES[side]}）",
        *kept,
    ]
