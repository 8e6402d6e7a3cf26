"""Type inference from material names: a new centre's guides come without ``recognize``.

The names are those of the development knowledge bases and the sample guides
(realistic names as centres write them). Each name maps to the document kinds
that can stand for it, or to none when no built-in type fits. The checks are
properties of Chinese noun phrases, not a list of expected answers: a name
ends in its head, so a name ending in a type's printed title asks for that
type; a single document (no 或/及/、 list) is one kind at most; a statement or
application about a certificate is a form. ``pytest -s`` prints the table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import Material
from knowledge.loader import load_guides
from prereview._text import compact
from prereview.doctypes import TYPES, material_kinds
from prereview.recognise import score_material

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [
    ROOT / "tests/data/heldout_kb",
    ROOT / "tests/data/heldout_kb2",
    ROOT / "tests/data/heldout_kb3",
    ROOT / "tests/data/heldout_kb4",
    ROOT / "knowledge/samples",
]
# How names list several documents, and what they say about the copy (not the document).
LIST_WORDS = re.compile(r"或|及|和|与|、|/|,|;")
BRACKETS = re.compile(r"[(（][^)）]*[)）]|《|》")
COPY_WORDS = re.compile(r"(?:复印件|原件|正本|副本|扫描件|电子版|正反面)+$")
FORM = next(t for t in TYPES if t.kind == "form")


def _names() -> list[str]:
    loaded = load_guides([str(p) for p in CORPUS if p.exists()])
    return sorted({m.name for _, guide in loaded.guides for m in guide.materials})


NAMES = _names()


def _kinds(name: str) -> frozenset[str]:
    return material_kinds(Material(id="m", name=name))


def _head(name: str) -> str:
    """The name without brackets and copy words: its head noun is at the end."""
    return COPY_WORDS.sub("", BRACKETS.sub("", compact(name)))


def test_corpus_is_large():
    assert len(NAMES) > 1000


def test_mapping_table(capsys):
    """Print every name with its kinds (``pytest -s``) and the share mapped to a type."""
    rows = [(",".join(sorted(_kinds(n))) or "none", n) for n in NAMES]
    with capsys.disabled():
        for kinds, name in sorted(rows):
            print(f"{kinds:40} {name}")
    assert any(kinds != "none" for kinds, _ in rows)


def test_a_name_ending_in_a_type_title_asks_for_that_type():
    """配偶居民身份证, 单位营业执照, 游泳池水质检测报告: the head is the document."""
    wrong = []
    for name in NAMES:
        head, kinds = _head(name), _kinds(name)
        for doctype in TYPES:
            titles = [compact(t) for t in doctype.titles if len(compact(t)) >= 2]
            if not any(head.endswith(t) for t in titles) or doctype.kind in kinds:
                continue
            # A catch-all type (证明 letter) stands back for a specific one (健康证明).
            if not (doctype.generic and kinds - {t.kind for t in TYPES if t.generic}):
                wrong.append((name, doctype.kind))
    assert not wrong


def test_a_single_document_is_one_kind_at_most():
    """A name listing no alternatives (no 或/及/、, no bracket) names one document."""
    several = [
        (name, sorted(_kinds(name)))
        for name in NAMES
        if not LIST_WORDS.search(compact(name))
        and not BRACKETS.search(compact(name))
        and len(_kinds(name)) > 1
    ]
    assert not several


def test_an_application_or_statement_about_a_certificate_is_a_form():
    """营业执照补领申请书, 驾驶证遗失情况书面声明: the head is 申请书 / 声明, not the licence."""
    titles = [compact(t) for t in FORM.titles]
    wrong = [
        (name, sorted(_kinds(name)))
        for name in NAMES
        if not LIST_WORDS.search(_head(name))
        and any(_head(name).endswith(t) for t in titles)
        and _kinds(name) != {"form"}
    ]
    assert not wrong


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        # either-or names: every alternative that is a known type
        ("房屋权属证明或租赁合同", {"property-certificate", "lease"}),
        ("申请人身份证或户口簿", {"id-card", "hukou"}),
        # 和 and 与 list documents as 及 does
        ("申请人身份证和户口簿", {"id-card", "hukou"}),
        # copy words and page words say how, not what
        ("户口本首页及本人页复印件", {"hukou"}),
        ("营业执照副本", {"business-licence"}),
        ("毕业证书原件", {"diploma"}),
        # people and qualifiers before the head
        ("申请人有效身份证件", {"id-card"}),
        ("经办人身份证明", {"id-card"}),
        ("近期免冠彩色照片", {"photo"}),
        ("出入境证件电子照片", {"photo"}),
        # pictures of things are no portraits
        ("经营场所门头及店内照片", set()),
        ("车辆左前45度彩色照片", set()),
        # a bracket lists what a vaguer document may be
        ("亲属关系证明（户口簿或结婚证）", {"letter", "hukou", "marriage"}),
        # a unit's 证明 is a letter unless a specific type ends the name
        ("学校出具的在读证明", {"letter"}),
        ("从业人员健康证明", {"health-certificate"}),
        # ... but does not add to a document already known
        ("社会保障卡（金融账户已激活）", {"social-security-card"}),
        # the head decides: a contract for a licence, a statement about a certificate
        ("营业执照补领申请书", {"form"}),
        ("劳动合同", {"labour-contract"}),
        ("解除劳动合同证明", {"termination"}),
        ("公共场所卫生检测报告", {"inspection-report"}),
        ("二级以上医院出具的病历或诊断证明", {"medical-record"}),
        ("学生证或学信网学籍在线验证报告", {"education-report"}),
        ("职业资格证书或职业技能等级证书", {"skill-certificate"}),
        ("执业药师注册证", {"practising-certificate"}),
        ("营业场所、仓库平面布置图", {"floor-plan"}),
        ("监护人同意迁移的书面意见", {"consent"}),
        ("商业银行贷款审批意见", set()),
        ("中华人民共和国护照", {"passport"}),
        # no built-in type fits
        ("公司章程", set()),
        ("创业项目计划书", set()),
    ],
)
def test_inference_mechanism(name, kinds):
    assert _kinds(name) == kinds


def test_the_head_after_de_is_the_title_a_document_is_printed_under():
    """用人单位出具的在职证明 is printed as 在职证明: who issues it is no part of the title."""
    material = Material(id="m", name="劳动合同或用人单位出具的在职证明")
    match = score_material(material, ["在职证明", "兹证明张三同志自2020年3月起在我单位工作。"])
    assert match.titled and match.score >= 3.0
