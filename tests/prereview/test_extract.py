"""Reading files: text layers, OCR of photos and scans, DOCX, and every way a file can be bad."""

from __future__ import annotations

import datetime as dt
import io
import socket
import zipfile

import docx
import numpy as np
import pytest
from PIL import Image

from prereview import Limits, extract_text, make_ocr
from prereview.extract import docx_body, sniff
from prereview.fields import extract_fields
from prereview.layout import layout_rows, signed_places
from tests.prereview.make_docs import ZHANG, docx_form, font_path, text_pdf


def test_type_is_sniffed_from_content_not_extension(docs, tmp_path):
    disguised = tmp_path / "photo.jpg"
    disguised.write_bytes(docs["qy_lease.pdf"].read_bytes())
    assert sniff(disguised) == "pdf"
    document = extract_text(disguised)
    assert document.kind == "pdf" and "房屋租赁合同" in document.text
    word = tmp_path / "form.pdf"
    word.write_bytes(docs["qy_application.docx"].read_bytes())
    assert sniff(word) == "docx"


def test_text_layer_pdf_is_read_without_ocr(docs):
    class NoOcr:
        name = "none"

        def read(self, image):
            raise AssertionError("a text-layer PDF must not be OCR'd")

    document = extract_text(docs["qy_lease.pdf"], NoOcr())
    assert [p.source for p in document.pages] == ["text", "text"]
    assert all(line.box is not None for line in document.pages[0].lines)
    assert "租赁期限自2025年1月1日起至2027年12月31日止" in document.text


def test_scanned_pdf_pages_are_ocred(docs, ocr):
    document = extract_text(docs["qy_charter_scan.pdf"], ocr)
    assert [p.source for p in document.pages] == ["ocr", "ocr"]
    assert "示范市青禾科技有限公司章程" in document.pages[0].text.replace(" ", "")
    line = document.pages[0].lines[0]
    assert 0 < line.confidence <= 1 and len(line.box) == 4


@pytest.mark.parametrize(
    ("name", "rotation"),
    [("qy_id_zhang.jpg", 270), ("qy_id_wangfang.jpg", 180), ("qy_id_wangwu.jpg", 0)],
)
def test_sideways_and_upside_down_photos_are_turned(docs, ocr, name, rotation):
    page = extract_text(docs[name], ocr).pages[0]
    assert page.rotation == rotation
    assert page.rows()[0].replace(" ", "").startswith("姓名")


def test_exif_orientation_is_applied(docs, ocr):
    page = extract_text(docs["qy_shareholder_licence.jpg"], ocr).pages[0]
    assert page.rotation == 0  # EXIF already made it upright
    assert page.width > page.height
    assert "营业执照" in page.rows()[0].replace(" ", "")


def test_docx_paragraphs_and_tables(docs):
    document = extract_text(docs["qy_application.docx"])
    assert document.kind == "docx"
    assert "企业名称 示范市青禾科技有限公司" in document.text


def test_encrypted_pdf_is_a_clear_problem(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "locked")
    path = tmp_path / "locked.pdf"
    path.write_bytes(bytes(pdf.output()))
    document = extract_text(path)
    assert "加密" in document.problem and document.pages == []


def test_corrupt_and_unsupported_files_are_clear_problems(tmp_path, docs):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(docs["qy_lease.pdf"].read_bytes()[:400])
    assert "损坏" in extract_text(broken).problem
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    assert "空" in extract_text(empty).problem
    text = tmp_path / "notes.pdf"
    text.write_text("就是一段文字", encoding="utf-8")
    assert "不支持" in extract_text(text).problem
    archive = tmp_path / "bundle.docx"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "x")
    assert "压缩包" in extract_text(archive).problem
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(docs["qy_receipt.jpg"].read_bytes()[:300])
    assert "损坏" in extract_text(cut, make_ocr()).problem


def test_decompression_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.png"
    Image.new("1", (12000, 12000)).save(path)  # tiny file, 144 million pixels
    assert path.stat().st_size < 200_000
    document = extract_text(path, make_ocr(), limits=Limits(max_pixels=50_000_000))
    assert "像素过大" in document.problem


def test_size_and_page_limits(tmp_path):
    pages = [[f"第{i}页", "正文内容足够长，可以作为文字层读取。"] for i in range(5)]
    path = tmp_path / "long.pdf"
    path.write_bytes(text_pdf(pages))
    document = extract_text(path, limits=Limits(max_pages=3))
    assert len(document.pages) == 3 and "只读取了前 3 页" in document.warnings[0]
    assert "超过" in extract_text(path, limits=Limits(max_file_mb=0.001)).problem


def test_docx_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    data = docx_form("申请书", [("姓名", ZHANG.name)], [])
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as out:
        for info in source.infolist():
            out.writestr(info, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
        out.writestr(
            "word/padding.bin", b"\0" * (3 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED
        )
    document = extract_text(path, limits=Limits(max_unzipped_mb=2))
    assert "解压后过大" in document.problem


def test_rapidocr_never_downloads(monkeypatch, docs):
    def refuse(*args, **kwargs):
        raise AssertionError("OCR tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    fresh = make_ocr("rapidocr")  # a new engine loads its models now
    document = extract_text(docs["sp_health_ok.jpg"], fresh)
    assert "健康证明" in document.text


@pytest.mark.parametrize(
    ("fmt", "options"), [("PNG", {}), ("WEBP", {"lossless": True}), ("BMP", {}), ("TIFF", {})]
)
def test_every_photo_format_is_read(docs, ocr, tmp_path, fmt, options):
    path = tmp_path / "upload.bin"  # no extension: the content says what it is
    Image.open(docs["sp_health_ok.jpg"]).save(path, fmt, **options)
    document = extract_text(path, ocr)
    assert document.kind == "image" and document.problem is None
    assert "健康证明" in document.text.replace(" ", "")


def test_table_row_of_a_text_pdf_is_read_cell_by_cell(tmp_path):
    """A bank page exported as PDF: 户名 | 账号 over 张三 | 6222…; the holder is under 户名."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("cjk", "", str(font_path()))
    pdf.add_page()
    pdf.set_font("cjk", size=11)
    pdf.cell(0, 10, "个人银行结算账户信息", align="C", new_x="LMARGIN", new_y="NEXT")
    for row in (("户名", "账号"), (ZHANG.name, "6217003541633425743")):
        for text in row:
            pdf.cell(80, 10, text, border=1)
        pdf.ln()
    path = tmp_path / "upload_1.pdf"
    path.write_bytes(bytes(pdf.output()))
    page = extract_text(path).pages[0]
    assert layout_rows(page.lines)[1] == f"户名 {ZHANG.name} 账号 6217003541633425743"
    assert extract_fields(layout_rows(page.lines), ("户名",)).holder == ZHANG.name


# -- rules added on document set #3 (2026-12-01) ---------------------------------------------


def _dated_page_with_seal_over_the_date() -> Image.Image:
    """An office's letter end: the date printed in black, the red seal stamped across it."""
    from PIL import ImageDraw, ImageFont

    from tests.prereview.make_docs import COMPANY, draw_seal

    page = Image.new("RGB", (1240, 900), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path()), 36)
    draw.text((120, 300), "2026年11月27日", fill="black", font=font)
    draw.text((120, 700), "营业执照", fill=(205, 30, 35), font=font)  # red print, no seal
    draw_seal(page, (300, 400), 150, COMPANY)  # the seal's name runs across the date
    return page


def test_a_seals_red_ink_is_taken_out_and_nothing_else():
    from prereview.seal import red_mask, red_seals, without_seals

    page = _dated_page_with_seal_over_the_date()
    seals = red_seals(page)
    assert len(seals) == 1
    clean = np.asarray(without_seals(page, seals))
    x0, y0, x1, y1 = (int(v) for v in seals[0])
    assert not red_mask(clean[y0:y1, x0:x1]).any()  # the ring and its text are gone
    assert (clean[y0:y1, x0:x1] < 80).all(axis=2).sum() > 500  # the black date stays
    assert red_mask(clean[680:760, 100:400]).any()  # red print away from the seal stays


def test_the_date_under_a_seal_is_read(tmp_path, ocr):
    path = tmp_path / "upload_1.png"
    _dated_page_with_seal_over_the_date().save(path)
    page = extract_text(path, ocr).pages[0]
    assert page.seal
    assert extract_fields(layout_rows(page.lines)).issue_date == dt.date(2026, 11, 27)


def test_a_signature_picture_in_a_docx_signs_its_place():
    from docx.shared import Mm

    word = docx.Document()
    word.add_paragraph("承诺书")
    signed = word.add_paragraph("承诺人（签字）：")
    picture = io.BytesIO()
    Image.new("RGB", (120, 40), "white").save(picture, format="PNG")
    signed.add_run().add_picture(picture, height=Mm(9))
    word.add_paragraph("2026年11月20日")
    out = io.BytesIO()
    word.save(out)
    lines, marks = docx_body(docx.Document(io.BytesIO(out.getvalue())))
    assert signed_places(lines, marks)
    unsigned = docx.Document()
    unsigned.add_paragraph("承诺人（签字）：")
    assert not signed_places(*docx_body(unsigned))
