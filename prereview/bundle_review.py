"""Pre-review of one set of uploads for a whole 一件事 bundle.

An applicant opening a restaurant hands in one ID card, one lease and one licence
for three items; the clerk at the 综合窗口 (首接受理) checks each document once and
tells what is missing per item. So the files are read once — every page is OCRed
once however many items look at it (``_ReadOnce``) — and every applicable item is
reviewed by the single-item rules (``prereview.review``); then the materials the
bundle's ``same_document`` declares identical become one combined material,
judged once: a document handed in for one item serves every item that needs it.
Which items apply comes from the bundle's situations (``docs/bundles.md``): the
bundle's own situation ids, and ``item:situation`` for an item's own that no
bundle situation covers; ``fixed`` situations are settled without asking.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from knowledge import Guide
from knowledge.bundles import (
    Bundle,
    BundleError,
    CombinedMaterial,
    Composition,
    TotalTime,
    VisitCount,
    compose,
    item_situations,
)
from knowledge.charforms import simplified
from knowledge.situation_flags import read_flags
from prereview.document import Line
from prereview.limits import Limits
from prereview.ocr import Ocr
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
    mask_text,
)
from prereview.review import UNRECOGNISED, china_today, new_number, review

BUNDLE_UNRECOGNISED = "未能识别为本件事任一事项所需的材料，请确认是否上传了正确的文件"
# A shared document without a file: the strictest need of the items it serves wins —
# missing for one item is missing; 容缺 only if no item needs it now; 免提交 only if
# every item obtains it itself (docs/bundles.md, "同一份文件").
_NO_FILE_ORDER = (MISSING, DEFERRABLE, WAIVED, OPTIONAL, NOT_APPLICABLE)
_WAITING = (MISSING, DEFERRABLE, WAIVED, OPTIONAL)  # statuses a document handed in settles


class _ReadOnce:
    """An OCR engine that reads the same pixels once.

    Each item's review reads the uploads again (PDF text layers and image decoding
    are cheap); recognition is the cost — seconds a page — so it is done once per
    page per bundle, whatever the number of items.
    """

    def __init__(self, inner: Ocr) -> None:
        self.inner = inner
        self.name = inner.name
        self.reads = 0  # pages actually recognised, for tests and logs
        self._seen: dict[str, list[Line]] = {}

    def read(self, image: np.ndarray) -> list[Line]:
        key = f"{image.shape}:{hashlib.blake2b(image.tobytes(), digest_size=16).hexdigest()}"
        if key not in self._seen:
            self.reads += 1
            self._seen[key] = self.inner.read(image)
        return self._seen[key]


@dataclass
class BundleItemResult:
    """One item of the bundle: whether it applies and, when reviewed, its own result."""

    item: str
    item_name: str
    applies: bool | None  # None: depends on a situation not yet answered
    conditions: list[str] = field(default_factory=list)  # labels of the situations it needs
    notes: str | None = None
    result: ReviewResult | None = None  # None when the item does not apply


@dataclass
class CombinedMaterialResult:
    """One document of the bundle, judged once, naming every item it serves."""

    name: str
    status: str
    items: list[str]
    item_names: list[str]
    uses: list[str]  # "item:material" of every item's material it stands for
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    advice: str = ""
    form: str | None = None
    copies: int | None = None
    applies: bool | None = True
    group: str | None = None  # one_of alternatives it belongs to ("item:group", joined)

    @property
    def shared(self) -> bool:
        return len(self.items) > 1


@dataclass
class BundleReviewResult:
    bundle: str
    bundle_name: str
    department: str  # 牵头部门
    window: dict  # 综合窗口: name, address, hours, phone
    date: dt.date
    number: str  # 告知书编号, one for the whole bundle
    applicant: str | None
    complete: bool
    items: list[BundleItemResult]
    materials: list[CombinedMaterialResult]
    situations: list[str] | None = None  # the situations that apply; None: not asked
    questions: list[tuple[str, str]] = field(default_factory=list)  # (situation key, question)
    unrecognised: list[FileNote] = field(default_factory=list)
    file_warnings: list[FileNote] = field(default_factory=list)
    time: TotalTime | None = None
    visits: VisitCount | None = None
    missing_items: list[str] = field(default_factory=list)  # named but not in the knowledge base

    def reviewed(self) -> list[ReviewResult]:
        return [i.result for i in self.items if i.result is not None]

    def to_json(self, mask: bool = False) -> dict:
        """A JSON-able dict; ``mask`` hides ID numbers (for storage and logs)."""
        data = {
            "bundle": self.bundle,
            "bundle_name": self.bundle_name,
            "department": self.department,
            "window": dict(self.window),
            "date": self.date.isoformat(),
            "number": self.number,
            "applicant": self.applicant,
            "complete": self.complete,
            "situations": self.situations,
            "items": [
                {**asdict(i), "result": i.result.to_json(mask) if i.result else None}
                for i in self.items
            ],
            "materials": [{**asdict(m), "shared": m.shared} for m in self.materials],
            "questions": [{"situation": s, "question": q} for s, q in self.questions],
            "unrecognised": [asdict(f) for f in self.unrecognised],
            "file_warnings": [asdict(f) for f in self.file_warnings],
            "time": asdict(self.time) if self.time else None,
            "visits": asdict(self.visits) if self.visits else None,
            "missing_items": list(self.missing_items),
        }
        return _masked(data) if mask else data

    @classmethod
    def from_json(cls, data: dict) -> BundleReviewResult:
        items = [
            BundleItemResult(
                **{k: v for k, v in i.items() if k != "result"},
                result=ReviewResult.from_json(i["result"]) if i.get("result") else None,
            )
            for i in data["items"]
        ]
        materials = [
            CombinedMaterialResult(**{k: v for k, v in m.items() if k != "shared"})
            for m in data["materials"]
        ]
        time, visits = data.get("time"), data.get("visits")
        return cls(
            bundle=data["bundle"],
            bundle_name=data["bundle_name"],
            department=data["department"],
            window=data.get("window") or {},
            date=dt.date.fromisoformat(data["date"]),
            number=data["number"],
            applicant=data.get("applicant"),
            complete=data["complete"],
            items=items,
            materials=materials,
            situations=data.get("situations"),
            questions=[(q["situation"], q["question"]) for q in data.get("questions", [])],
            unrecognised=[FileNote(**f) for f in data.get("unrecognised", [])],
            file_warnings=[FileNote(**f) for f in data.get("file_warnings", [])],
            time=TotalTime(**{**time, "unknown": tuple(time["unknown"])}) if time else None,
            visits=VisitCount(**{**visits, "unknown": tuple(visits["unknown"])})
            if visits
            else None,
            missing_items=list(data.get("missing_items", [])),
        )


def is_bundle_json(data: dict) -> bool:
    """Whether a stored result is a bundle's (``"bundle"``) rather than one item's."""
    return "bundle" in data


def _masked(value: object) -> object:
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, list):
        return [_masked(v) for v in value]
    if isinstance(value, dict):
        return {k: _masked(v) for k, v in value.items()}
    return value


def bundle_sources(
    bundle: Bundle,
    get_guide: Callable[[str], Guide | None],
    get_bundle: Callable[[str], Bundle | None],
) -> tuple[dict[str, Guide], dict[str, Bundle]]:
    """The guides and nested bundles a bundle names, looked up once each (store.get …).

    Ids not found are left out: ``compose`` lists missing items and refuses a
    missing nested bundle with a clear message.
    """
    guides: dict[str, Guide] = {}
    bundles: dict[str, Bundle] = {bundle.id: bundle}
    pending = [bundle]
    while pending:
        for entry in pending.pop().items:
            if entry.item and entry.item not in guides and (guide := get_guide(entry.item)):
                guides[entry.item] = guide
            if entry.bundle and entry.bundle not in bundles and (inner := get_bundle(entry.bundle)):
                bundles[entry.bundle] = inner
                pending.append(inner)
    return guides, bundles


def situation_keys(values: Iterable[str]) -> list[str]:
    """The situation keys that apply, from flags as people write them (``agent``,
    ``agent=true``, ``agent=false``; several per value, comma-separated).

    A bundle's answers are all-or-nothing (``compose``): a key not named does not
    apply, so ``=false`` only restates that; ``=unknown`` cannot be said per key.
    Unknown keys are left for ``compose`` to refuse with the list of known ones.
    """
    keys: list[str] = []
    for flag in read_flags(values):
        if flag.applies is None:
            raise BundleError(f"一件事的办事情形须明确回答，不能写 {flag.text}")
        if flag.situation and flag.applies:
            keys.append(flag.situation)
    return list(dict.fromkeys(keys))


def review_bundle(
    bundle: Bundle,
    guides: Mapping[str, Guide],
    files: list[Path],
    situations: Iterable[str] | None = None,
    applicant: str | None = None,
    today: dt.date | None = None,
    ocr: Ocr | None = None,
    *,
    bundles: Mapping[str, Bundle] | None = None,
    names: list[str] | None = None,
    limits: Limits | None = None,
    number: str | None = None,
) -> BundleReviewResult:
    """Review ``files`` against every applicable item of ``bundle``; ``names`` as uploaded.

    ``situations`` are the keys that apply (see module docstring); ``None`` means not
    asked yet: items that depend on one are reviewed, marked pending, and the
    questions are listed once. Raises ``knowledge.bundles.BundleError`` for an
    unknown situation or nested bundle.
    """
    # A Traditional bundle or guide is printed in Simplified (knowledge.charforms).
    bundle = simplified(bundle)
    guides = {key: simplified(guide) for key, guide in guides.items()}
    bundles = {key: simplified(b) for key, b in bundles.items()} if bundles else bundles
    today = today or china_today()
    number = number or new_number(today)
    answers = None if situations is None else list(dict.fromkeys(situations))
    composition = compose(bundle, guides, answers, bundles=bundles)
    settled = item_situations(bundle, guides, answers, bundles=bundles)
    once = _ReadOnce(ocr) if ocr is not None else None
    items: list[BundleItemResult] = []
    for planned in composition.items:
        outcome = BundleItemResult(
            planned.id,
            planned.name,
            planned.applies,
            [composition.label(k) for k in planned.situations],
            planned.notes,
        )
        if planned.applies is not False:
            outcome.result = review(
                planned.guide,
                files,
                settled[planned.id],
                applicant,
                today,
                once,
                names=names,
                limits=limits,
                number=number,
            )
        items.append(outcome)
    return _assembled(composition, items, answers, applicant, today, number)


def _assembled(
    composition: Composition,
    items: list[BundleItemResult],
    answers: list[str] | None,
    applicant: str | None,
    today: dt.date,
    number: str,
) -> BundleReviewResult:
    """The per-item results joined: shared documents once, file notes once, complete."""
    results = {i.item: i.result for i in items if i.result is not None}
    materials = [
        found
        for combined in composition.materials
        if (found := _combined_result(combined, results)) is not None
    ]
    for result in results.values():
        _settle_alternatives(result)
        result.complete = not result.questions and not any(
            m.status in (MISSING, DEFECTIVE) for m in result.materials
        )
    unrecognised, warnings = _file_notes(list(results.values()))
    questions = [] if answers is not None else [(q.key, q.question) for q in composition.questions]
    complete = (
        not questions
        and not composition.missing
        and all(i.applies is not None for i in items)
        and all(r.complete for r in results.values())
    )
    bundle = composition.bundle
    return BundleReviewResult(
        bundle=bundle.id,
        bundle_name=bundle.name,
        department=bundle.department,
        window=bundle.window.model_dump(exclude_none=True),
        date=today,
        number=number,
        applicant=applicant or next((r.applicant for r in results.values() if r.applicant), None),
        complete=complete,
        items=items,
        materials=materials,
        situations=answers,
        questions=questions,
        unrecognised=unrecognised,
        file_warnings=warnings,
        time=composition.time,
        visits=composition.visits,
        missing_items=list(composition.missing),
    )


def _combined_result(
    combined: CombinedMaterial, results: Mapping[str, ReviewResult]
) -> CombinedMaterialResult | None:
    """One document judged once: handed in for any item, it serves all of them.

    A file given for one item fills the same document of the others (their
    results are updated, so each item's list agrees with the combined one); with
    no file, the strictest need among the items decides.
    """
    found = [
        (use, r)
        for use in combined.uses
        if use.item in results and (r := results[use.item].material(use.material.id))
    ]
    if not found:
        return None
    provided = [r for _, r in found if r.files and r.status in (OK, DEFECTIVE)]
    if provided:
        defective = [r for r in provided if r.status == DEFECTIVE]
        status = DEFECTIVE if defective else OK
        files = list(dict.fromkeys(f for r in provided for f in r.files))
        problems = list(dict.fromkeys(p for r in defective for p in r.problems))
        advice = (defective or provided)[0].advice
        for _, r in found:
            if not r.files and r.status in _WAITING:
                r.status, r.files, r.problems, r.advice = status, files, problems, advice
    else:
        states = {r.status for _, r in found}
        status = next((s for s in _NO_FILE_ORDER if s in states), NOT_APPLICABLE)
        files = list(dict.fromkeys(f for _, r in found for f in r.files))
        leading = next(r for _, r in found if r.status == status) if status in states else None
        problems = list(leading.problems) if leading else []
        advice = leading.advice if leading else ""
    serving = [use for use, r in found if r.status != NOT_APPLICABLE or r.files]
    serving = serving or [use for use, _ in found]
    return CombinedMaterialResult(
        name=combined.name,
        status=status,
        items=list(dict.fromkeys(u.item for u in serving)),
        item_names=list(dict.fromkeys(u.item_name for u in serving)),
        uses=[f"{u.item}:{u.material.id}" for u in serving],
        files=files,
        problems=problems,
        advice=advice,
        form=combined.form,
        copies=combined.copies,
        applies=combined.applies,
        group="、".join(combined.one_of) or None,
    )


def _settle_alternatives(result: ReviewResult) -> None:
    """A one_of member filled by a shared document makes its waiting alternatives unneeded."""
    chosen: dict[str, MaterialResult] = {
        m.group: m for m in result.materials if m.group and m.status == OK
    }
    for m in result.materials:
        waiting = not m.files and m.status in (MISSING, DEFERRABLE)
        if waiting and m.group in chosen and m is not chosen[m.group]:
            m.status, m.problems, m.advice = NOT_APPLICABLE, [], ""


def _file_notes(results: list[ReviewResult]) -> tuple[list[FileNote], list[FileNote]]:
    """Files no item used, and file warnings, each once.

    A file one item does not recognise may be another item's document: it is
    unrecognised for the bundle only when no item used it, and each item's own
    list drops it too.
    """
    used = {f for r in results for m in r.materials for f in m.files}
    unrecognised: dict[str, FileNote] = {}
    for result in results:
        result.unrecognised = [n for n in result.unrecognised if n.name not in used]
        for note in result.unrecognised:
            reason = BUNDLE_UNRECOGNISED if note.reason == UNRECOGNISED else note.reason
            unrecognised.setdefault(note.name, FileNote(note.name, reason))
    warnings: dict[tuple[str, str], FileNote] = {}
    for result in results:
        for note in result.file_warnings:
            warnings.setdefault((note.name, note.reason), note)
    return list(unrecognised.values()), list(warnings.values())
