"""Pre-review of application materials (材料预审) and the one-time notice (一次性告知书).

Files → text (PDF text layer, OCR, DOCX) → pages cut into regions, each
recognised as a document type (``doctypes``) → documents assembled across files
(card sides, contract pages; ``assemble``) → which material each is → fields
read by layout (ID numbers, USCCs, dates, names, seals) → checks → one status
per material → notice. docs/prereview.md describes the rules.
"""

from prereview.bundle_notice import render_bundle_html, render_bundle_pdf, render_bundle_text
from prereview.bundle_review import (
    BundleItemResult,
    BundleReviewResult,
    CombinedMaterialResult,
    bundle_sources,
    is_bundle_json,
    review_bundle,
    situation_keys,
)
from prereview.document import Document, Line, Page
from prereview.extract import extract_text
from prereview.fields import Fields, extract_fields
from prereview.ids import check_id_number, check_uscc, mask_id_number
from prereview.limits import Limits, UploadRejected, sniff
from prereview.notice import render_html, render_pdf, render_text
from prereview.ocr import Ocr, OcrUnavailable, make_ocr
from prereview.result import STATUSES, FileNote, MaterialResult, ReviewResult, mask_text
from prereview.review import review
from prereview.reviewer import Reviewer

__all__ = [
    "STATUSES",
    "BundleItemResult",
    "BundleReviewResult",
    "CombinedMaterialResult",
    "Document",
    "Fields",
    "FileNote",
    "Limits",
    "Line",
    "MaterialResult",
    "Ocr",
    "OcrUnavailable",
    "Page",
    "ReviewResult",
    "Reviewer",
    "UploadRejected",
    "bundle_sources",
    "check_id_number",
    "check_uscc",
    "extract_fields",
    "extract_text",
    "is_bundle_json",
    "make_ocr",
    "mask_id_number",
    "mask_text",
    "render_bundle_html",
    "render_bundle_pdf",
    "render_bundle_text",
    "render_html",
    "render_pdf",
    "render_text",
    "review",
    "review_bundle",
    "situation_keys",
    "sniff",
]
