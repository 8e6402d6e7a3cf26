"""Document types: each standard document is known by its layout; materials link to types."""

from __future__ import annotations

import typing

import pytest

from knowledge import Material
from knowledge.schema import Recognize
from prereview.doctypes import TYPES, classify, material_kinds
from prereview.fields import extract_fields

# One realistic reading of each type, as OCR returns its rows (top first).
SAMPLES = {
    "id-card-front": [
        "姓名 张三", "性别 男 民族 汉", "出生 1988年6月15日", "住址 示范市梁溪区人民路12号",
        "公民身份号码 320202198806150134",
    ],
    "id-card-back": [
        "中华人民共和国", "居民身份证", "签发机关 示范市公安局梁溪分局",
        "有效期限 2016.03.01-2036.03.01",
    ],
    "business-licence": [
        "营业执照", "统一社会信用代码 91320200MA1MWQ8R6X", "名称 示范市禾丰投资有限公司",
        "类型 有限责任公司", "法定代表人 李四", "成立日期 2018年3月12日", "住所 示范市解放北路18号",
    ],
    "bank-card": ["示范市工商银行 借记卡", "6222 0212 3456 7890 123", "有效期 VALID THRU 08/30",
                  "银联 UnionPay"],
    "bank-account": ["个人银行结算账户信息", "户名 张三 账号 6222 0212 3456 7890 123",
                     "开户银行 示范市工商银行梁溪支行"],
    "hukou": ["常住人口登记卡", "姓名 张三 户主或与户主关系 户主", "曾用名 性别 男",
              "籍贯 江苏示范 民族 汉", "公民身份证件编号 320202198806150134"],
    "marriage": ["结婚证", "持证人 张三", "登记日期 2020年5月20日", "结婚证字号 J320202-2020-001234",
                 "姓名 张三 国籍 中国", "姓名 王芳 国籍 中国"],
    "social-security-card": ["中华人民共和国社会保障卡", "姓名 张三",
                             "社会保障号码 320202198806150134", "卡号 A12345678",
                             "发卡日期 2019年7月"],
    "driving-licence": ["中华人民共和国机动车驾驶证", "证号 320202198806150134", "姓名 张三 性别 男",
                        "住址 示范市梁溪区人民路12号", "初次领证日期 2010-07-01", "准驾车型 C1",
                        "有效期限 2016-07-01至2026-07-01"],
    "property-certificate": ["不动产权证书", "权利人 张三", "共有情况 单独所有",
                             "坐落 示范市梁溪区人民路100号501室", "不动产单元号 320202001001",
                             "权利类型 国有建设用地使用权/房屋所有权"],
    "birth-certificate": ["出生医学证明", "新生儿姓名 张小明 性别 男", "出生时间 2024年3月2日",
                          "出生地点 示范市", "母亲姓名 王芳", "父亲姓名 张三"],
    "lease": ["房屋租赁合同", "出租方（甲方）：李四", "承租方（乙方）：张三",
              "第二条 租赁期限自2025年3月1日起至2026年2月28日止", "第三条 租金每月3500元"],
    "power-of-attorney": ["授权委托书", "委托人 示范市青禾科技有限公司", "受托人 王芳",
                          "委托事项 办理公司设立登记", "委托期限 2025年5月25日至2025年7月25日"],
    "termination": ["解除劳动合同证明书", "兹证明张三同志自2021年7月1日起在我单位工作，",
                    "双方于2025年5月10日解除劳动合同。"],
    "health-certificate": ["食品从业人员健康证明", "姓名 赵六 性别 女", "体检单位 示范市疾病预防控制中心",
                           "体检日期 2025年3月1日", "有效期至 2026年2月28日"],
    "form": ["求职登记表", "申请人 张三", "联系电话 13912345678", "求职意向 仓储管理"],
    "residence-permit-front": ["示范市居住证", "姓名 张三", "性别 男",
                               "公民身份号码 320202198806150134", "居住地址 示范市梁溪区人民路12号"],
    "residence-permit-back": ["居住证", "签发机关 示范市公安局", "有效期限 2025.07.31-2026.07.31",
                              "签注记录"],
}  # fmt: skip
HOLDERS = {
    "id-card-front": "张三", "business-licence": "示范市禾丰投资有限公司", "bank-account": "张三",
    "hukou": "张三", "marriage": "张三", "social-security-card": "张三", "driving-licence": "张三",
    "property-certificate": "张三", "birth-certificate": "张小明", "lease": "张三",
    "power-of-attorney": "示范市青禾科技有限公司", "termination": "张三",
    "health-certificate": "赵六", "form": "张三", "residence-permit-front": "张三",
}  # fmt: skip


def test_every_type_has_a_sample():
    assert set(SAMPLES) == {t.id for t in TYPES}


@pytest.mark.parametrize("type_id", sorted(SAMPLES))
def test_each_type_is_recognised_by_its_layout(type_id):
    typed = classify(SAMPLES[type_id])
    assert typed is not None and typed.doctype.id == type_id


@pytest.mark.parametrize("type_id", sorted(HOLDERS))
def test_each_type_names_its_holder(type_id):
    doctype = next(t for t in TYPES if t.id == type_id)
    fields = extract_fields(SAMPLES[type_id], doctype.holder_labels)
    assert fields.holder == HOLDERS[type_id]


def test_id_front_needs_no_title():
    assert classify(SAMPLES["id-card-front"]).doctype.id == "id-card-front"
    assert classify(SAMPLES["id-card-front"][:2]) is None  # two labels are no card


@pytest.mark.parametrize(
    "rows",
    [
        ["户口迁移申请表", "姓名 张三 性别 男 民族 汉", "出生日期 1988年6月15日", "住址 示范市",
         "公民身份号码 320202198806150134"],
        ["证件类型 居民身份证 公民身份号码 320202198806150134", "工作年限 3年"],
        ["收据", "今收到 张三 交来 办公用品款", "人民币 叁佰元整"],
    ],
    ids=["form-with-id-labels", "form-cell-naming-id-card", "receipt"],
)  # fmt: skip
def test_forms_and_receipts_are_no_cards(rows):
    typed = classify(rows)
    assert typed is None or not typed.doctype.card


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("居民身份证", {"id-card"}),
        ("法定代表人身份证明", {"id-card"}),
        ("指定代表或委托代理人身份证件", {"id-card"}),
        ("配偶居民身份证", {"id-card"}),
        ("居民身份证相片", set()),
        ("居民身份证邮寄送达申请单", {"form"}),
        ("营业执照正本、副本", {"business-licence"}),
        ("本人社会保障卡金融账户或银行借记卡", {"bank-account", "social-security-card"}),
        ("社会保障卡（已激活金融账户）", {"social-security-card"}),
        ("居民户口簿（申领人本人页）", {"hukou"}),
        ("能证明监护关系的居民户口簿或出生医学证明", {"hukou", "birth-certificate"}),
        ("住所房屋产权证明（不动产权证书）", {"property-certificate"}),
        ("房屋租赁合同及租赁登记备案证明", {"lease"}),
        ("解除或者终止劳动关系的证明", {"termination"}),
        ("直接为顾客服务的从业人员健康合格证明", {"health-certificate"}),
        ("驾驶证遗失情况书面声明", {"form"}),
        ("受傷害職工居民身份證", {"id-card"}),  # Traditional
        ("公司章程", set()),
    ],
)
def test_material_kind_inferred_from_its_name(name, kinds):
    assert material_kinds(Material(id="m", name=name)) == kinds


def test_material_kind_from_keywords_when_the_name_says_nothing():
    material = Material(
        id="m",
        name="股东主体资格证明（非自然人股东）",
        recognize=Recognize(keywords=["营业执照", "统一社会信用代码"]),
    )
    assert material_kinds(material) == {"business-licence"}


def test_explicit_type_wins_over_the_name():
    material = Material(id="m", name="身份证明材料", recognize=Recognize(type="hukou"))
    assert material_kinds(material) == {"hukou"}


def test_format_names_exactly_the_built_in_kinds():
    literal = typing.get_args(Recognize.model_fields["type"].annotation)[0]
    assert set(typing.get_args(literal)) == {t.kind for t in TYPES}


def test_a_title_word_inside_a_sentence_is_no_title():
    """A promise letter that mentions 健康证明 in its clauses is a form, not a health certificate."""
    rows = ["小餐饮食品安全承诺书", "本人作为示范面馆的经营者，郑重承诺：",
            "一、从业人员持有效健康证明上岗，保持个人卫生。", "二、不超范围经营。"]  # fmt: skip
    assert classify(rows).doctype.id == "form"


def test_a_clause_wrapped_inside_a_bracket_is_no_title():
    """A divorce agreement quoting the 结婚证字号 of the marriage is no marriage certificate."""
    rows = [
        "离婚协议书",
        "男方：张三，身份证号码：320202198806150134",
        "男女双方于2017年10月15日在示范市民政局办理结婚登记（结婚证字号：",
        "J320202-2017-001539）。现因感情不和，双方自愿离婚。",
    ]
    typed = classify(rows)
    assert typed is None or typed.doctype.id != "marriage"


@pytest.mark.parametrize(
    ("rows", "type_id"),
    [
        (["不动产权属证书遗失声明书", "本人张三（公民身份号码：320202198806150134），所有的坐落于"
          "示范市梁溪区人民路100号501室的不动产权证书不慎遗失。", "声明人（签字）：张三"], "form"),
        (["营业执照补领申请书", "企业名称 示范市禾丰投资有限公司",
          "统一社会信用代码 91320200MA1MWQ8R6X"], "form"),
        (["房屋租赁合同备案申请表", "出租方 李四", "承租方 张三", "房屋坐落 示范市人民路12号",
          "租赁期限 2025年3月1日至2026年2月28日"], "form"),
        (["中华人民共和国机动车驾驶证", "证号 320202198806150134", "姓名 张三 性别 男",
          "初次领证日期 2010-07-01", "准驾车型 C1"], "driving-licence"),
    ],
    ids=["statement-about-a-certificate", "application-about-a-licence", "form-about-a-lease",
         "licence-after-the-state-name"],
)  # fmt: skip
def test_a_title_naming_two_documents_is_the_one_it_ends_with(rows, type_id):
    """Chinese titles end in their head: 证书遗失声明书 is a statement, not a certificate."""
    assert classify(rows).doctype.id == type_id


def test_a_contract_heading_is_no_certificate_known_by_its_labels():
    """A sale contract lists 坐落, 面积, 用途; a lease under another title is still a lease."""
    sale = ["示范市存量房买卖合同", "出卖人：李四 买受人：张三", "房屋坐落 示范市人民路12号",
            "建筑面积 89.27平方米", "规划用途 住宅"]  # fmt: skip
    typed = classify(sale)
    assert typed is None or typed.doctype.id != "property-certificate"
    lease = ["房屋出租合同", "出租方：李四", "承租方：张三", "租赁期限 2025年3月1日至2026年2月28日",
             "租金 每月3500元"]  # fmt: skip
    assert classify(lease).doctype.id == "lease"
