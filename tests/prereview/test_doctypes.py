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
    "photo": ["居住证数码照片回执", "回执编号 HZ2025061200318", "姓名 张三",
              "公民身份号码 320202198806150134", "拍摄日期 2025-06-12", "采集点 示范市光明照相馆"],
    "passport": ["中华人民共和国护照", "PASSPORT", "护照号 Passport No. E12345678", "姓名 张三",
                 "出生地点 江苏", "签发日期 2024年3月1日", "有效期至 2034年2月28日",
                 "签发机关 中华人民共和国国家移民管理局"],
    "skill-certificate": ["职业技能等级证书", "姓名 张三", "证件类型 居民身份证",
                          "证件号码 320202198806150134", "职业名称 电工", "工种/职业方向 --",
                          "职业技能等级 四级/中级工", "证书编号 S000032020000254000123",
                          "发证日期 2025年5月20日", "评价机构：示范市职业技能鉴定中心"],
    "practising-certificate": ["执业药师注册证", "姓名 张三", "性别 男",
                               "身份证号 320202198806150134", "执业类别 药学", "执业范围 药品经营",
                               "执业单位 示范市康宁大药房有限公司", "注册证编号 3202202500123",
                               "有效期至 2028年6月30日"],
    "diploma": ["毕业证书", "学生 张三 ，性别 男 ，1988年6月15日生，",
                "于2006年9月至2010年6月在本校计算机科学与技术", "专业四年制本科学习，修完教学计划规定的全部课程，",
                "成绩合格，准予毕业。", "校名：示范大学", "校（院）长：郑国华",
                "证书编号：102851201005000123"],
    "education-report": ["教育部学籍在线验证报告", "姓名 张三 性别 男",
                         "证件号码 320202200306150134 民族 汉族", "院校 示范大学 层次 本科",
                         "专业 软件工程 学制 4年", "入学日期 2022年9月1日",
                         "学籍状态 在籍（注册学籍）", "在线验证码：A8K2M9Q4T7W1X3Z5"],
    "inspection-report": ["公共场所卫生检测报告", "报告编号：WJ2025-0318", "受检单位 示范市悦容美发店",
                          "受检地址 示范市梁溪区人民路12号", "检测依据 GB 37488-2019",
                          "检测日期 2025-03-18", "检测项目 检测结果 标准限值 单项结论",
                          "检测结论：所检项目均符合要求。"],
    "medical-record": ["示范市第一人民医院", "诊 断 证 明 书", "姓名 张三 性别 男 年龄 36岁",
                       "科别 骨科 门诊号 MZ250318037 就诊日期 2025-03-18", "诊断：右胫骨骨折",
                       "处理意见：建议休息治疗，定期复查。", "医师签名：李明"],
    "labour-contract": ["劳动合同", "用人单位（甲方）：示范市禾丰投资有限公司",
                        "劳动者（乙方）：张三 公民身份号码：320202198806150134",
                        "一、合同期限：固定期限，自2025年3月1日起至2028年2月29日止，其中试用期两个月。",
                        "二、工作内容和工作地点：乙方从事销售岗位工作。", "四、劳动报酬：乙方月工资6000元。"],
    "letter": ["在读证明", "兹证明张三（公民身份号码：320202200306150134）系我校软件工程专业",
               "2022级全日制本科学生，学制四年，现在校就读。", "特此证明。", "示范大学教务处",
               "2025年9月10日"],
    "consent": ["监护人意见书", "本人张三（公民身份号码：320202198806150134）系张小明的监护人，",
                "同意张小明申请办理出入境证件。", "监护人（签字）：张三", "2025年9月10日"],
    "floor-plan": ["经营场所平面布局图", "前台", "休息区", "操作间", "仓库", "卫生间", "比例 1:100 入口"],
}  # fmt: skip
HOLDERS = {
    "id-card-front": "张三", "business-licence": "示范市禾丰投资有限公司", "bank-account": "张三",
    "hukou": "张三", "marriage": "张三", "social-security-card": "张三", "driving-licence": "张三",
    "property-certificate": "张三", "birth-certificate": "张小明", "lease": "张三",
    "power-of-attorney": "示范市青禾科技有限公司", "termination": "张三",
    "health-certificate": "赵六", "form": "张三", "residence-permit-front": "张三", "photo": "张三",
    "passport": "张三", "skill-certificate": "张三", "practising-certificate": "张三",
    "diploma": "张三", "education-report": "张三", "inspection-report": "示范市悦容美发店",
    "medical-record": "张三", "labour-contract": "张三", "letter": "张三",
    "consent": "张三",
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
        ("居民身份证相片", {"photo"}),  # a portrait for the card, not the card
        ("居民身份证邮寄送达申请单", {"form"}),
        ("营业执照正本、副本", {"business-licence"}),
        ("本人社会保障卡金融账户或银行借记卡", {"bank-account", "social-security-card"}),
        ("社会保障卡（已激活金融账户）", {"social-security-card"}),
        ("居民户口簿（申领人本人页）", {"hukou"}),
        ("能证明监护关系的居民户口簿或出生医学证明", {"hukou", "birth-certificate"}),
        ("住所房屋产权证明（不动产权证书）", {"property-certificate"}),
        ("房屋租赁合同及租赁登记备案证明", {"lease", "letter"}),
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
        (["解除劳动合同证明书", "兹证明张三同志自2021年7月1日起在我单位工作，",
          "双方于2025年5月10日解除劳动合同。", "特此证明。"], "termination"),
        (["健康合格证明", "姓名 赵六 性别 女", "体检日期 2025-03-01", "有效期至 2026-02-28"],
         "health-certificate"),
        (["居住证数码照片回执", "回执编号 412345678901", "姓名 张三",
          "公民身份号码 320202198806150134", "拍摄日期 2025-06-12"], "photo"),
        (["集中空调通风系统卫生检测评价报告", "报告编号：KT2025-011", "受检单位 示范市悦容美发店",
          "检测日期 2025-03-18", "检测结论：合格"], "inspection-report"),
    ],
    ids=["statement-about-a-certificate", "application-about-a-licence", "form-about-a-lease",
         "licence-after-the-state-name", "certificate-about-a-contract",
         "specific-certificate-ending-in-zhengming", "photo-receipt-for-a-permit",
         "report-title-ending-in-report"],
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
