"""GUIDE_FORMAT.md's rules between statuses, on small generated text documents (no OCR)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge import Guide, parse_guide
from prereview import Limits, review
from prereview.recognise import rank_materials
from tests.prereview.make_docs import docx_form, text_pdf

TODAY = dt.date(2025, 6, 1)


def _guide(data: dict) -> Guide:
    guide, problems = parse_guide(data)
    assert guide is not None, problems
    return guide


PLAIN = _guide(
    {
        "id": "plain",
        "name": "示范事项",
        "department": "示范市某局",
        "materials": [
            {"id": "form", "name": "个体工商户登记（备案）申请书"},
            {"id": "hukou", "name": "居民户口簿"},
            {"id": "cert", "name": "房屋租赁合同", "one_of": "place"},
            {"id": "deed", "name": "不动产权证书", "one_of": "place", "shared": True},
            {"id": "later", "name": "从业人员名单", "deferrable": True},
            {"id": "extra", "name": "营业场所照片", "required": False},
        ],
    }
)


class NoOcr:
    name = "none"

    def read(self, image):
        raise AssertionError("text documents need no OCR")


def write(folder: Path, name: str, title: str, *rows: str) -> Path:
    path = folder / name
    path.write_bytes(docx_form(title, [], list(rows) or ["本文件内容由申请人填写，真实有效。"]))
    return path


def statuses(result) -> dict[str, str]:
    return {m.id: m.status for m in result.materials}


def test_guides_without_recognize_hints_work_from_material_names(tmp_path):
    files = [
        write(tmp_path, "a.docx", "个体工商户登记（备案）申请书", "经营者姓名：张三"),
        write(tmp_path, "b.docx", "居民户口簿", "户主姓名：张三"),
        write(tmp_path, "c.docx", "房屋租赁合同", "承租方：张三"),
    ]
    result = review(PLAIN, files, None, "张三", TODAY, NoOcr())
    assert statuses(result) == {
        "form": "ok",
        "hukou": "ok",
        "cert": "ok",
        "deed": "not_applicable",
        "later": "deferrable",
        "extra": "optional",
    }
    assert result.complete


def test_a_file_matching_nothing_is_never_forced_onto_a_material(tmp_path):
    receipt = write(tmp_path, "r.docx", "收据", "今收到张三交来办公用品款叁佰元整。")
    result = review(PLAIN, [receipt], None, None, TODAY, NoOcr())
    assert [n.name for n in result.unrecognised] == ["r.docx"]
    assert all(not m.files for m in result.materials)
    assert statuses(result)["cert"] == statuses(result)["deed"] == "missing"
    assert not result.complete


def test_unreadable_file_becomes_the_one_missing_material(tmp_path):
    files = [
        write(tmp_path, "a.docx", "个体工商户登记（备案）申请书"),
        write(tmp_path, "c.docx", "房屋租赁合同"),
    ]
    broken = tmp_path / "scan.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + b"\0" * 300)
    result = review(PLAIN, [*files, broken], None, None, TODAY, NoOcr())
    hukou = result.material("hukou")
    assert hukou.status == "defective" and hukou.files == ["scan.pdf"]
    assert "损坏" in hukou.problems[0]
    assert result.unrecognised == []


def test_unreadable_file_with_several_gaps_is_only_reported(tmp_path):
    broken = tmp_path / "scan.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + b"\0" * 300)
    result = review(PLAIN, [broken], None, None, TODAY, NoOcr())
    assert statuses(result)["form"] == statuses(result)["hukou"] == "missing"
    assert [n.name for n in result.unrecognised] == ["scan.pdf"]


def test_one_of_group(tmp_path):
    deed = write(tmp_path, "d.docx", "不动产权证书", "权利人：张三")
    result = review(PLAIN, [deed], None, None, TODAY, NoOcr())
    assert (statuses(result)["deed"], statuses(result)["cert"]) == ("ok", "not_applicable")


def test_limits_on_files_per_job(tmp_path):
    files = [write(tmp_path, f"{i}.docx", "居民户口簿") for i in range(3)]
    result = review(PLAIN, files, None, None, TODAY, NoOcr(), limits=Limits(max_files=2))
    assert [n.name for n in result.unrecognised] == ["2.docx"]
    assert "上限" in result.unrecognised[0].reason


def test_bundle_pdf_is_split_into_materials(tmp_path):
    bundle = tmp_path / "bundle.pdf"
    bundle.write_bytes(
        text_pdf(
            [
                ["材料目录", "本册共四页，由申请人按顺序装订，请窗口工作人员查收。"],
                ["个体工商户登记（备案）申请书", "经营者：张三", "经营场所：示范市人民路1号"],
                ["续页", "经营范围：日用百货零售。本页为申请书续页内容。"],
                ["居民户口簿", "户主姓名：张三", "与户主关系：户主"],
            ]
        )
    )
    result = review(PLAIN, [bundle], None, None, TODAY, NoOcr())
    assert result.material("form").files == ["bundle.pdf（第1-3页）"]  # cover page included
    assert result.material("hukou").files == ["bundle.pdf（第4页）"]
    assert result.unrecognised == []


def test_ranking_prefers_title_evidence():
    guide = _guide(
        {
            "id": "x",
            "name": "x",
            "department": "y",
            "materials": [
                {
                    "id": "id",
                    "name": "身份证",
                    "recognize": {"keywords": ["居民身份证", "公民身份号码"]},
                },
                {
                    "id": "lease",
                    "name": "租赁合同",
                    "recognize": {"keywords": ["租赁合同", "承租方"]},
                },
            ],
        }
    )
    rows = ["房屋租赁合同", "承租方：张三", "出租方：李四 公民身份号码：11010519491231002X"]
    assert [m.material_id for m in rank_materials(guide.materials, rows)] == ["lease"]


@pytest.mark.parametrize("value", [True, False])
def test_situations_add_or_drop_materials(tmp_path, value):
    guide = _guide(
        {
            "id": "s",
            "name": "s",
            "department": "d",
            "situations": [{"id": "agent", "label": "委托代办", "question": "是否委托他人代办？"}],
            "materials": [
                {"id": "form", "name": "申请表"},
                {"id": "poa", "name": "授权委托书", "situation": "agent"},
            ],
        }
    )
    form = write(tmp_path, "f.docx", "申请表", "申请人：张三")
    result = review(guide, [form], {"agent": value}, None, TODAY, NoOcr())
    assert result.material("poa").status == ("missing" if value else "not_applicable")
    assert result.questions == []
    unknown = review(guide, [form], None, None, TODAY, NoOcr())
    assert unknown.questions == [("agent", "是否委托他人代办？")] and not unknown.complete


AGENT_ITEM = _guide(
    {
        "id": "agent-item",
        "name": "示范事项",
        "department": "示范市某局",
        "situations": [{"id": "agent", "label": "委托他人代办", "question": "是否委托他人代办？"}],
        "materials": [
            {"id": "own-id", "name": "经营者居民身份证",
             "recognize": {"keywords": ["居民身份证", "公民身份号码", "签发机关"],
                           "fields": ["name", "id_number"]},
             "checks": ["names_match"]},
            {"id": "agent-id", "name": "委托代理人居民身份证", "situation": "agent",
             "recognize": {"keywords": ["居民身份证", "公民身份号码"],
                           "fields": ["name", "id_number"]}},
        ],
    }
)  # fmt: skip


def _id_front(folder: Path, name: str, person) -> Path:
    path = folder / name
    rows = ["居民身份证", f"姓名 {person.name}", f"性别 {person.sex} 民族 汉",
            f"出生 {person.birth:%Y年%m月%d日}", f"住址 {person.address}",
            f"公民身份号码 {person.id_number}"]  # fmt: skip
    path.write_bytes(text_pdf([rows]))
    return path


def _id_back(folder: Path, name: str, valid: tuple[str, str]) -> Path:
    path = folder / name
    rows = [
        "中华人民共和国",
        "居民身份证",
        "签发机关 示范市公安局",
        f"有效期限 {valid[0]}-{valid[1]}",
    ]
    path.write_bytes(text_pdf([rows]))
    return path


def test_the_card_of_someone_who_is_not_the_applicant_fills_the_agents_material(tmp_path):
    """Both cards score highest on the applicant's material (签发机关 is its keyword)."""
    from tests.prereview.make_docs import WANG_FANG, WANG_FANG_VALID, ZHANG, ZHANG_VALID

    files = [
        _id_front(tmp_path, "upload_1.pdf", ZHANG),
        _id_back(tmp_path, "upload_2.pdf", ZHANG_VALID),
        _id_front(tmp_path, "upload_3.pdf", WANG_FANG),
        _id_back(tmp_path, "upload_4.pdf", WANG_FANG_VALID),
    ]
    result = review(AGENT_ITEM, files, {"agent": True}, ZHANG.name, TODAY, NoOcr())
    by_id = {m.id: m for m in result.materials}
    assert by_id["own-id"].status == "ok"
    assert by_id["own-id"].files == ["upload_1.pdf", "upload_2.pdf"]
    assert by_id["agent-id"].status == "ok"
    assert by_id["agent-id"].files == ["upload_3.pdf", "upload_4.pdf"]


def test_without_the_agent_situation_a_strangers_card_is_not_the_applicants(tmp_path):
    from tests.prereview.make_docs import WANG_FANG, ZHANG

    files = [_id_front(tmp_path, "upload_1.pdf", WANG_FANG)]
    result = review(AGENT_ITEM, files, {"agent": False}, ZHANG.name, TODAY, NoOcr())
    assert statuses(result)["own-id"] == "defective"


def test_a_traditional_guide_s_notice_names_its_materials_in_simplified():
    from knowledge import Guide
    from prereview import review

    guide = Guide.model_validate(
        {"id": "t", "name": "排水許可", "department": "示範市水務局",
         "materials": [{"id": "sqs", "name": "排水許可申請書"}]}
    )  # fmt: skip
    result = review(guide, [])
    assert result.item_name == "排水许可" and result.department == "示范市水务局"
    assert result.materials[0].name == "排水许可申请书" and result.materials[0].status == "missing"


LICENCE_ITEM = _guide(
    {
        "id": "licence-item",
        "name": "营业执照遗失补领、损坏换发",
        "department": "示范市市场监督管理局",
        "situations": [
            {"id": "lost", "label": "营业执照遗失", "question": "营业执照是否遗失？"},
            {"id": "damaged", "label": "营业执照损坏", "question": "营业执照是否损坏？"},
        ],
        "materials": [
            {"id": "damaged-licence", "name": "损坏的营业执照原件", "situation": "damaged",
             "recognize": {"keywords": ["营业执照", "统一社会信用代码"],
                           "fields": ["name", "uscc"]}},
            {"id": "kept-licence", "name": "未遗失的营业执照正本或副本", "required": False,
             "situation": "lost"},
        ],
    }
)  # fmt: skip


def test_a_document_goes_to_the_material_of_its_type_whose_situation_applies(tmp_path):
    """The keywords point at the damaged licence; the licence was lost, so it is the kept one."""
    licence = tmp_path / "upload_1.pdf"
    licence.write_bytes(
        text_pdf(
            [["营业执照", "统一社会信用代码 91320211MA1X2Y3Z44", "名称 示范市宏图商贸有限公司",
              "类型 有限责任公司", "法定代表人 韦嘉禾", "成立日期 2013年07月15日",
              "住所 示范市锡山区鸿山街36号"]]
        )
    )  # fmt: skip
    result = review(LICENCE_ITEM, [licence], {"lost": True, "damaged": False}, None, TODAY,
                    NoOcr())  # fmt: skip
    assert statuses(result) == {"damaged-licence": "not_applicable", "kept-licence": "ok"}


def test_a_check_character_is_judged_only_where_the_material_asks_for_the_number(tmp_path):
    """The form repeats a wrong number; only the material asking for id_number is defective."""
    from prereview.ids import id_check_char

    body = "32020219880615013"
    wrong = body + ("0" if id_check_char(body) != "0" else "1")
    guide = _guide(
        {"id": "codes", "name": "示范事项", "department": "示范市某局",
         "materials": [
             {"id": "form", "name": "待遇申领表"},
             {"id": "card", "name": "参保人员信息登记表",
              "recognize": {"keywords": ["参保人员信息登记表"], "fields": ["name", "id_number"]}},
         ]}
    )  # fmt: skip
    files = [
        write(tmp_path, "upload_1.docx", "待遇申领表", f"申请人：张三 公民身份号码：{wrong}"),
        write(tmp_path, "upload_2.docx", "参保人员信息登记表", f"姓名：张三 公民身份号码：{wrong}"),
    ]
    result = review(guide, files, None, "张三", TODAY, NoOcr())
    assert statuses(result) == {"form": "ok", "card": "defective"}
    assert "校验位不正确" in result.material("card").problems[0]


def test_each_members_card_in_a_shared_material_must_be_in_date(tmp_path):
    """Three members' cards fill one material; one expired card is not hidden by the others'."""
    from tests.prereview.make_docs import WANG_FANG, WANG_WU, ZHANG, ZHANG_VALID

    guide = _guide(
        {"id": "family", "name": "示范事项", "department": "示范市民政局",
         "materials": [
             {"id": "cards", "name": "共同生活家庭成员的居民身份证",
              "recognize": {"keywords": ["居民身份证", "公民身份号码"],
                            "fields": ["name", "id_number", "valid_until"]},
              "checks": ["not_expired"]},
         ]}
    )  # fmt: skip
    files = [
        _id_front(tmp_path, "upload_1.pdf", ZHANG),
        _id_back(tmp_path, "upload_2.pdf", ZHANG_VALID),
        _id_front(tmp_path, "upload_3.pdf", WANG_FANG),
        _id_back(tmp_path, "upload_4.pdf", ("2013.01.10", "2023.01.10")),  # expired
        _id_front(tmp_path, "upload_5.pdf", WANG_WU),
        _id_back(tmp_path, "upload_6.pdf", ("2019.05.02", "2039.05.02")),
    ]
    result = review(guide, files, None, ZHANG.name, TODAY, NoOcr())
    cards = result.material("cards")
    assert cards.status == "defective"
    assert cards.problems == ["王芳：身份证已于2023年1月10日过期，请先到公安机关换领"]


PARENTS_ITEM = _guide(
    {
        "id": "parents-item",
        "name": "出生登记",
        "department": "示范市公安局",
        "situations": [{"id": "agent", "label": "委托他人代办", "question": "是否委托他人代办？"}],
        "materials": [
            {"id": "parents-id", "name": "父母双方居民身份证",
             "recognize": {"keywords": ["居民身份证", "公民身份号码"],
                           "fields": ["name", "id_number", "valid_until"]},
             "checks": ["not_expired"]},
            {"id": "agent-id", "name": "代办人居民身份证", "situation": "agent",
             "recognize": {"keywords": ["居民身份证", "公民身份号码"],
                           "fields": ["name", "id_number", "valid_until"]},
             "checks": ["not_expired"]},
        ],
    }
)  # fmt: skip


def test_a_second_card_joins_the_filled_material_rather_than_one_that_does_not_apply(tmp_path):
    from tests.prereview.make_docs import WANG_FANG, WANG_FANG_VALID, ZHANG, ZHANG_VALID

    files = [
        _id_front(tmp_path, "upload_1.pdf", ZHANG),
        _id_back(tmp_path, "upload_2.pdf", ZHANG_VALID),
        _id_front(tmp_path, "upload_3.pdf", WANG_FANG),
        _id_back(tmp_path, "upload_4.pdf", WANG_FANG_VALID),
    ]
    result = review(PARENTS_ITEM, files, {"agent": False}, ZHANG.name, TODAY, NoOcr())
    assert statuses(result) == {"parents-id": "ok", "agent-id": "not_applicable"}
    assert result.material("parents-id").files == [f"upload_{n}.pdf" for n in range(1, 5)]


def test_a_lone_side_beside_a_whole_card_is_the_other_persons(tmp_path):
    """The agent uploaded only the back: it is not a third side of the applicant's card."""
    from tests.prereview.make_docs import ZHANG, ZHANG_VALID

    files = [
        _id_front(tmp_path, "upload_1.pdf", ZHANG),
        _id_back(tmp_path, "upload_2.pdf", ZHANG_VALID),
        _id_back(tmp_path, "upload_3.pdf", ("2023.07.26", "2043.07.26")),
    ]
    result = review(AGENT_ITEM, files, {"agent": True}, ZHANG.name, TODAY, NoOcr())
    assert statuses(result) == {"own-id": "ok", "agent-id": "defective"}
    assert "只有身份证国徽面" in result.material("agent-id").problems[0]


def test_a_company_represented_by_the_inferred_applicant_is_the_applicant_on_its_form(tmp_path):
    """No applicant given: most documents name 张三, the company's 法定代表人 on its form."""
    from tests.prereview.make_docs import ZHANG, ZHANG_VALID

    guide = _guide(
        {"id": "company", "name": "公司设立登记", "department": "示范市市场监督管理局",
         "materials": [
             {"id": "form", "name": "公司登记（备案）申请书",
              "recognize": {"keywords": ["公司登记", "申请书"], "fields": ["name"]},
              "checks": ["names_match"]},
             {"id": "rep-id", "name": "法定代表人身份证件",
              "recognize": {"keywords": ["居民身份证", "公民身份号码"], "fields": ["name"]},
              "checks": ["names_match"]},
             {"id": "deed", "name": "住所不动产权证书",
              "recognize": {"keywords": ["不动产权证书", "权利人"], "fields": ["name"]},
              "checks": ["names_match"]},
         ]}
    )  # fmt: skip
    files = [
        write(tmp_path, "upload_1.docx", "公司登记（备案）申请书",
              "企业名称：示范市青禾科技有限公司", f"法定代表人：{ZHANG.name}"),
        _id_front(tmp_path, "upload_2.pdf", ZHANG),
        _id_back(tmp_path, "upload_3.pdf", ZHANG_VALID),
        write(tmp_path, "upload_4.docx", "不动产权证书", f"权利人：{ZHANG.name}",
              "坐落：示范市人民路12号", "不动产单元号：320202001001"),
    ]  # fmt: skip
    result = review(guide, files, None, None, TODAY, NoOcr())
    assert statuses(result) == {"form": "ok", "rep-id": "ok", "deed": "ok"}


def test_the_legal_representative_named_on_a_later_placed_form_decides_between_two_cards(tmp_path):
    """The cards are placed before the form, yet the form's 法定代表人 tells whose card is whose."""
    from tests.prereview.make_docs import WANG_FANG, WANG_FANG_VALID, ZHANG, ZHANG_VALID

    company = "示范市青禾科技有限公司"
    guide = _guide(
        {"id": "company", "name": "公司设立登记", "department": "示范市市场监督管理局",
         "materials": [
             {"id": "form", "name": "公司登记（备案）申请书"},
             {"id": "rep-id", "name": "法定代表人身份证件",
              "recognize": {"keywords": ["居民身份证", "公民身份号码"], "fields": ["name"]},
              "checks": ["names_match"]},
             {"id": "agent-id", "name": "经办人身份证件",
              "recognize": {"keywords": ["居民身份证", "公民身份号码"], "fields": ["name"]}},
         ]}
    )  # fmt: skip
    files = [
        _id_front(tmp_path, "upload_1.pdf", ZHANG),
        _id_back(tmp_path, "upload_2.pdf", ZHANG_VALID),
        _id_front(tmp_path, "upload_3.pdf", WANG_FANG),
        _id_back(tmp_path, "upload_4.pdf", WANG_FANG_VALID),
        write(tmp_path, "upload_5.docx", "公司登记（备案）申请书", f"企业名称：{company}",
              f"法定代表人：{ZHANG.name}"),
    ]  # fmt: skip
    result = review(guide, files, None, company, TODAY, NoOcr())
    assert statuses(result) == {"form": "ok", "rep-id": "ok", "agent-id": "ok"}
    assert result.material("rep-id").files == ["upload_1.pdf", "upload_2.pdf"]


def test_the_person_a_letter_names_as_agent_fills_a_material_named_for_the_clerk():
    # Centres call the agent 经办人 as often as 代办人: 经办人身份证 is the agent's material.
    from knowledge import Material
    from prereview.assemble import Piece
    from prereview.fields import Fields
    from prereview.review import _role_rank

    card = Piece("2.jpg", "2.jpg", [], fields=Fields(holder="王芳"))
    roles = [("王芳", "agent")]
    clerk = Material(id="jbr", name="经办人身份证")
    own = Material(id="sqr", name="申请人身份证")
    assert _role_rank(clerk, card, roles) == 0
    assert _role_rank(own, card, roles) == 2
