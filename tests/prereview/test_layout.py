"""Layout rules: labels paired with values across table cells, regions of a page, DOCX cells."""

from __future__ import annotations

import io

import docx
from PIL import Image

from prereview.document import Line
from prereview.extract import docx_lines
from prereview.fields import extract_fields
from prereview.layout import layout_rows, signed_places, split_regions
from prereview.seal import has_seal
from tests.prereview.make_docs import (
    COMPANY,
    SHAREHOLDER,
    SHAREHOLDER_USCC,
    ZHANG,
    draw_seal,
    licence_image,
    resolution_image,
)


def cell(text: str, x0: float, y0: float, x1: float, y1: float) -> Line:
    return Line(text, (x0, y0, x1, y1))


def test_header_row_labels_take_the_values_below():
    lines = [
        cell("户名", 100, 100, 180, 140), cell("账号", 400, 100, 480, 140),
        cell("开户银行", 900, 100, 1060, 140),
        cell("张三", 100, 200, 180, 240), cell("6222 0212 3456 7890 123", 400, 200, 800, 240),
        cell("示范市工商银行梁溪支行", 900, 200, 1300, 240),
    ]  # fmt: skip
    assert layout_rows(lines) == [
        "户名 张三 账号 6222 0212 3456 7890 123 开户银行 示范市工商银行梁溪支行"
    ]
    assert extract_fields(layout_rows(lines), ("户名",)).holder == "张三"


def test_label_alone_takes_the_value_printed_under_it():
    lines = [cell("申请人", 100, 100, 220, 140), cell("张三", 110, 170, 190, 210)]
    assert extract_fields(layout_rows(lines[:2])).holder == "张三"


def test_heading_that_starts_with_a_label_is_no_label():
    lines = [
        cell("申请人声明", 100, 100, 300, 140),
        cell("本人承诺所填内容真实", 100, 170, 600, 210),
    ]
    assert layout_rows(lines) == ["申请人声明", "本人承诺所填内容真实"]
    assert extract_fields(layout_rows(lines)).holder is None


def test_values_beside_labels_stay_on_their_row():
    lines = [cell("姓名", 70, 70, 150, 110), cell("张三", 200, 66, 300, 114)]
    assert layout_rows(lines) == ["姓名 张三"]


def _card_lines(dx: float, dy: float, front: bool, name: str = "张三") -> list[Line]:
    if front:
        texts = [("姓名", name), ("性别", "男"), ("民族", "汉"), ("出生", "1988年6月15日"),
                 ("住址", "示范市梁溪区人民路12号"), ("公民身份号码", ZHANG.id_number)]  # fmt: skip
    else:
        texts = [("中华人民共和国", ""), ("居民身份证", ""), ("签发机关", "示范市公安局"),
                 ("有效期限", "2016.03.01-2036.03.01")]  # fmt: skip
    lines = []
    for row, (label, value) in enumerate(texts):
        y = dy + row * 60
        lines.append(cell(label, dx, y, dx + 120, y + 40))
        if value:
            lines.append(cell(value, dx + 150, y, dx + 500, y + 40))
    return lines


def test_a_page_with_both_sides_is_two_regions():
    lines = _card_lines(50, 50, True) + _card_lines(50, 600, False)
    regions = split_regions(lines)
    assert len(regions) == 2
    assert {ln.text for ln in regions[0]} >= {"姓名", "公民身份号码"}
    assert {ln.text for ln in regions[1]} >= {"签发机关", "有效期限"}


def test_a_copy_annotated_for_its_use_is_still_cut_into_both_sides():
    """ID copies carry a hand-written "仅供办理…登记使用" across the cards, broken up by OCR."""
    lines = _card_lines(50, 50, True) + _card_lines(50, 600, False)
    lines += [cell("仅供办理个体", 300, 200, 560, 260), cell("工商户设立登记使", 280, 650, 600, 720),
              cell("用 他用无效", 300, 740, 560, 790)]  # fmt: skip
    regions = split_regions(lines)
    assert len(regions) == 2
    assert {ln.text for ln in regions[1]} >= {"签发机关", "有效期限"}


def test_two_cards_side_by_side_are_two_regions():
    lines = _card_lines(50, 50, True) + _card_lines(800, 50, True, "王芳")
    regions = split_regions(lines)
    assert [sorted(ln.text for ln in r if ln.text in ("张三", "王芳")) for r in regions] == [
        ["张三"],
        ["王芳"],
    ]


def test_a_card_title_is_not_torn_from_its_card():
    back = _card_lines(50, 50, False)
    title, rest = (
        back[:2],
        [
            Line(ln.text, (ln.box[0], ln.box[1] + 300, ln.box[2], ln.box[3] + 300))
            for ln in back[2:]
        ],
    )
    assert len(split_regions(title + rest)) == 1


def test_a_contract_page_is_never_cut():
    rows = ["房屋租赁合同", "出租方（甲方）：李四", "承租方（乙方）：张三", "第一条 房屋坐落：示范市",
            "第二条 租赁期限自2025年3月1日起至2026年2月28日止", "第三条 租金每月3500元"]  # fmt: skip
    lines = [cell(text, 100, 100 + i * 200, 900, 140 + i * 200) for i, text in enumerate(rows)]
    assert len(split_regions(lines)) == 1


def _docx(build) -> list[Line]:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return docx_lines(docx.Document(io.BytesIO(out.getvalue())))


def test_docx_table_keeps_its_cells_and_body_order():
    def build(document):
        document.add_paragraph("申请人声明")
        table = document.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "企业名称", "法定代表人"
        table.rows[1].cells[0].text, table.rows[1].cells[1].text = COMPANY, ZHANG.name
        document.add_paragraph("日期：2025年5月20日")

    rows = layout_rows(_docx(build))
    assert rows == [
        "申请人声明",
        f"企业名称 {COMPANY} 法定代表人 {ZHANG.name}",
        "日期：2025年5月20日",
    ]
    fields = extract_fields(rows)
    assert (fields.holder, fields.legal_rep) == (COMPANY, ZHANG.name)


def test_docx_merged_cells_are_read_once():
    def build(document):
        table = document.add_table(rows=1, cols=3)
        table.rows[0].cells[0].text = "委托人"
        merged = table.rows[0].cells[1].merge(table.rows[0].cells[2])
        merged.text = COMPANY

    assert layout_rows(_docx(build)) == [f"委托人 {COMPANY}"]


def test_docx_number_wrapped_in_a_cell_is_joined():
    number = ZHANG.id_number

    def build(document):
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text = "受托人身份证号"
        table.rows[0].cells[1].text = f"{number[:10]}\n{number[10:]}"

    fields = extract_fields(layout_rows(_docx(build)))
    assert [(c.value, c.valid) for c in fields.id_numbers] == [(number, True)]


def test_red_round_seal_is_found():
    assert has_seal(resolution_image(sealed=True))
    assert not has_seal(resolution_image(sealed=False))


def test_red_title_and_border_are_no_seal():
    assert not has_seal(licence_image(SHAREHOLDER, SHAREHOLDER_USCC, "李四", "2018年3月12日"))


def test_small_red_mark_is_no_seal():
    page = Image.new("RGB", (1654, 2339), "white")
    draw_seal(page, (800, 800), 20, "示范")  # a red dot, not a company seal
    assert not has_seal(page)


def test_tilted_photo_rows_are_levelled_before_pairing():
    import numpy as np

    from prereview.layout import visual_rows
    from prereview.ocr import level_boxes

    angle = np.radians(6)
    turn = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    boxes = [
        (100, 100, 700, 140),
        (750, 100, 1100, 140),
        (100, 170, 700, 210),
        (750, 170, 1100, 210),
    ]
    polygons = [
        np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float) @ turn.T
        for x0, y0, x1, y1 in boxes
    ]
    texts = ["姓名", "张三", "住址", "示范市梁溪区人民路12号"]
    tilted = [
        Line(t, tuple(float(v) for v in (*p.min(0), *p.max(0))))
        for t, p in zip(texts, polygons, strict=True)
    ]
    level = [Line(t, b) for t, b in zip(texts, level_boxes(polygons), strict=True)]
    assert [[ln.text for ln in row] for row in visual_rows(level)] == [
        ["姓名", "张三"],
        ["住址", "示范市梁溪区人民路12号"],
    ]
    assert [[ln.text for ln in row] for row in visual_rows(tilted)] != [
        ["姓名", "张三"],
        ["住址", "示范市梁溪区人民路12号"],
    ]


def test_electronic_seal_on_a_text_pdf_is_found(tmp_path):
    from fpdf import FPDF

    from prereview.extract import extract_text
    from tests.prereview.make_docs import font_path

    def pdf_with(seal: bool) -> bytes:
        pdf = FPDF(format="A4")
        pdf.add_font("cjk", "", str(font_path()))
        pdf.add_page()
        pdf.set_font("cjk", size=12)
        for text in ["解除劳动合同证明书", "兹证明张三同志自2021年7月1日起在我单位工作。"]:
            pdf.cell(0, 10, text, new_x="LMARGIN", new_y="NEXT")
        image = Image.new("RGB", (600, 600), "white")
        if seal:
            draw_seal(image, (300, 300), 200, "示范市远航物流有限公司")
        pdf.image(image, x=120, y=60, w=50)
        return bytes(pdf.output())

    for seal in (True, False):
        path = tmp_path / f"{seal}.pdf"
        path.write_bytes(pdf_with(seal))
        page = extract_text(path).pages[0]
        assert (page.source, page.seal) == ("text", seal)


def test_letter_spaced_labels_read_as_labels():
    lines = [cell("姓    名", 100, 100, 260, 140), cell("张三", 300, 100, 380, 140),
             cell("户  名", 100, 200, 200, 240), cell("李四", 300, 200, 380, 240)]  # fmt: skip
    assert layout_rows(lines) == ["姓名 张三", "户名 李四"]
    assert extract_fields(layout_rows(lines[:2])).holder == "张三"


def test_an_address_wrapped_under_its_value_is_one_value():
    lines = [
        cell("住址", 380, 600, 450, 650),
        cell("示范市梁溪区人民", 470, 600, 890, 650),
        cell("路12号3幢", 472, 655, 760, 705),
        cell("201室", 474, 710, 540, 760),
        cell("公民身份号码", 390, 830, 570, 880),
        cell(ZHANG.id_number, 600, 830, 1170, 880),
    ]
    rows = layout_rows(lines)
    assert "住址 示范市梁溪区人民路12号3幢201室" in rows
    assert extract_fields(rows).address == "示范市梁溪区人民路12号3幢201室"


def test_a_line_under_the_label_is_no_continuation_of_the_address():
    lines = [
        cell("住址 示范市梁溪区人民路12号", 380, 600, 890, 650),
        cell("公民身份号码", 380, 660, 560, 710),
    ]
    assert layout_rows(lines) == ["住址 示范市梁溪区人民路12号", "公民身份号码"]


def test_the_lower_half_of_a_register_card_is_not_cut_off_as_an_id_card():
    upper = [("常住人口登记卡", ""), ("姓名", "张小明"), ("户主或与户主关系", "子"),
             ("曾用名", ""), ("籍贯", "江苏示范")]  # fmt: skip
    lower = [("性别", "男"), ("民族", "汉"), ("出生日期", "2017年07月17日"),
             ("公民身份号码", ZHANG.id_number), ("婚姻状况", "未婚"), ("服务处所", "")]  # fmt: skip
    lines = []
    for top, texts in ((50, upper), (500, lower)):
        for row, (label, value) in enumerate(texts):
            y = top + row * 60
            lines.append(cell(label, 50, y, 300, y + 40))
            if value:
                lines.append(cell(value, 330, y, 700, y + 40))
    assert len(split_regions(lines)) == 1


def test_an_address_read_in_one_box_with_its_label_wraps_onto_the_next_line():
    # A card leaves a gap between label and value; OCR reads both as one box, so the
    # second line starts right of where the value is estimated to start.
    lines = [
        cell("住址 示范省示范市东湖区滨江路254", 202, 512, 754, 552),
        cell("号25栋3单元1604室", 315, 554, 609, 591),
        cell("公民身份号码", 220, 735, 387, 772),
    ]
    rows = layout_rows(lines)
    assert extract_fields(rows).address == "示范省示范市东湖区滨江路254号25栋3单元1604室"


def test_a_line_far_below_the_address_is_no_continuation():
    lines = [
        cell("住址 示范省示范市东湖区滨江路254号", 202, 512, 754, 552),
        cell("备注 已核验", 300, 700, 500, 740),
    ]
    assert extract_fields(layout_rows(lines)).address == "示范省示范市东湖区滨江路254号"


def test_qualified_labels_in_a_header_row_take_the_values_below():
    """A form's own labels (申请人姓名, 户籍地址) qualify a field name; they pair like 姓名."""
    lines = [
        cell("申请人姓名", 100, 100, 260, 140), cell("公民身份号码", 600, 100, 800, 140),
        cell("欧阳德胜", 100, 200, 240, 240), cell("320214196511167955", 600, 200, 900, 240),
        cell("联系电话", 100, 300, 240, 340), cell("户籍地址", 600, 300, 740, 340),
        cell("13288873345", 100, 400, 300, 440), cell("示范市梁溪区蠡溪路62号", 600, 400, 1000, 440),
    ]  # fmt: skip
    rows = layout_rows(lines)
    assert rows[0] == "申请人姓名 欧阳德胜 公民身份号码 320214196511167955"
    f = extract_fields(rows)
    assert (f.holder, f.address) == ("欧阳德胜", "示范市梁溪区蠡溪路62号")


def test_two_peoples_cards_stacked_front_back_front_back_are_four_regions():
    """One A4 copy: person A's front over A's back, then B's front over B's back.

    The widest blank is under A's front; cut there, the rest carries the back's labels
    twice, yet it is no other half of one form: it holds B's whole card and is cut again.
    """
    lines = (
        _card_lines(50, 50, True)
        + _card_lines(50, 600, False)
        + _card_lines(50, 900, True, name="李四")
        + _card_lines(50, 1300, False)
    )
    regions = split_regions(lines)
    assert len(regions) == 4
    assert ["张三" in {ln.text for ln in r} for r in regions] == [True, False, False, False]
    assert ["李四" in {ln.text for ln in r} for r in regions] == [False, False, True, False]


def test_an_address_wraps_beside_the_next_field_of_another_column():
    """A licence prints 住所 in its right column; its second line shares a row with 法定代表人."""
    lines = [
        cell("住所", 700, 600, 760, 640),
        cell("示范省示范市西湖区朝阳中路81号", 800, 600, 1200, 640),
        cell("法定代表人", 100, 650, 240, 690),
        cell("诸紫萱", 280, 650, 380, 690),
        cell("20号商铺", 802, 650, 920, 690),
    ]
    rows = layout_rows(lines)
    assert rows == ["住所 示范省示范市西湖区朝阳中路81号20号商铺", "法定代表人 诸紫萱"]
    f = extract_fields(rows)
    assert (f.address, f.legal_rep) == ("示范省示范市西湖区朝阳中路81号20号商铺", "诸紫萱")
    # A value of the same column (营业期限 under 住所) is another field, never a continuation.
    same_column = [
        *lines[:2],
        cell("营业期限", 700, 650, 800, 690),
        cell("长期", 802, 650, 860, 690),
    ]
    assert layout_rows(same_column)[0] == "住所 示范省示范市西湖区朝阳中路81号"


def test_an_address_under_its_label_wraps_onto_the_line_below_it():
    """A form with labels over values: 现居住地址's value runs on under itself."""
    lines = [
        cell("户籍所在地", 139, 230, 254, 265), cell("现居住地址", 427, 231, 541, 266),
        cell("示范省示范市", 138, 279, 275, 315), cell("示范省示范市青山湖区湖滨东", 426, 281, 701, 314),
        cell("路27号1栋2单元2401室", 426, 322, 650, 356),
    ]  # fmt: skip
    f = extract_fields(layout_rows(lines))
    assert f.address == "示范省示范市青山湖区湖滨东路27号1栋2单元2401室"
    # The next header row (申请救助类别 | 家庭人口) right under the value is the next field.
    next_fields = [
        *lines[:4],
        cell("申请救助类别", 139, 322, 254, 356), cell("家庭人口", 426, 322, 520, 356),
        cell("最低生活保障", 139, 365, 270, 398), cell("3人", 426, 365, 470, 398),
    ]  # fmt: skip
    assert extract_fields(layout_rows(next_fields)).address == "示范省示范市青山湖区湖滨东"


def test_a_speck_read_in_a_letter_spaced_label_is_no_part_of_it():
    rows = layout_rows([cell("姓．名", 100, 100, 200, 140), cell("连晓东", 260, 100, 380, 140)])
    assert rows == ["姓名 连晓东"]
    assert extract_fields(rows).holder == "连晓东"


def test_a_partys_label_with_a_picture_beside_it_is_signed_but_a_date_signs_nothing():
    """承诺人： followed by a pasted signature picture (DOCX) and the date on the same line."""
    party = Line("承诺人： 2026年12月11日", (0.0, 60.0, 1000.0, 72.0))
    assert signed_places([party], [(1000.0, 60.0, 1060.0, 72.0)])
    assert not signed_places([party])  # the label prints a name on forms: a mark is needed
    dated = Line("申请人（签字）： 2026年11月13日", (0.0, 60.0, 1000.0, 72.0))
    assert not signed_places([dated])
    assert signed_places([Line("申请人（签字）：张三", (0.0, 60.0, 1000.0, 72.0))])


def test_a_change_forms_field_named_as_a_value_is_no_header_row():
    """变更事项 | 法定代表人 is a label and its value (the field changed), not two labels."""
    lines = [
        cell("变更事项", 100, 100, 220, 140), cell("法定代表人", 400, 100, 540, 140),
        cell("原登记内容", 100, 160, 250, 200), cell("孙若曦", 400, 160, 490, 200),
        cell("申请变更登记内容", 100, 220, 330, 260), cell("苏海燕", 400, 220, 490, 260),
    ]  # fmt: skip
    assert extract_fields(layout_rows(lines)).legal_rep == "苏海燕"


def test_a_blank_date_under_an_empty_signature_place_signs_nothing():
    """A DOCX form: 法定代表人签字： then 年  月  日 to fill in, each a whole-width paragraph."""
    lines = [
        Line("法定代表人签字：", (0.0, 220.0, 1000.0, 232.0)),
        Line("年   月   日", (0.0, 240.0, 1000.0, 252.0)),
        Line("公司盖章：", (0.0, 260.0, 1000.0, 272.0)),
    ]
    assert not signed_places(lines)
