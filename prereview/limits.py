"""Upload limits that keep one job from exhausting the server (sizes, pages, pixels)."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_mb: float = 20
    max_job_mb: float = 60
    max_files: int = 20
    max_pages: int = 30  # pages read per job, all files together
    max_pixels: int = 60_000_000  # decompression-bomb guard for images (≈ 8000×7500)
    max_unzipped_mb: float = 100  # DOCX (a ZIP) expanded size
    ocr_max_side: int = 1600  # photos are scaled down to this before OCR
    render_dpi: int = 200  # scanned PDF pages are rendered at this resolution
