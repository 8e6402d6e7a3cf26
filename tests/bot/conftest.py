"""Chat fixtures: one real searcher for the session, a fresh app and database per test."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import func, select

from bot.app import create_app
from bot.dialog import Dialog, Incoming, Reply, Upload
from bot.settings import Settings
from knowledge import Store
from prereview.ids import id_check_char
from tests.conftest import copy_home

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _open_copy(template: Path, home: Path):
    """``open_searcher`` as the app calls it, on a copy of a template knowledge base: the
    saved index loads without embedding or self-calibration (built once per session)."""
    from bot.compose import open_searcher

    settings = Settings(home=copy_home(template, home), database_url=None)
    return open_searcher(settings, Store.from_url(settings.db_url))


@pytest.fixture(scope="session")
def searcher(tmp_path_factory, sample_index_template):
    """The real ``retrieval.Searcher`` over the sample guides, models loaded once."""
    return _open_copy(sample_index_template, tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="session")
def bundle_searcher(tmp_path_factory, bundle_index_template):
    """The real searcher over the sample guides and the sample 一件事 bundles, loaded once."""
    return _open_copy(bundle_index_template, tmp_path_factory.mktemp("bundle-kb"))


@pytest.fixture(autouse=True)
def shared_ocr(monkeypatch: pytest.MonkeyPatch, ocr) -> None:
    """Apps and CLI commands built here get the session's RapidOCR engine (``tests/conftest``)
    instead of loading their own: the same engine and models, each image read once a session.
    Another engine named in the settings is still made as the settings say."""
    from bot import compose

    make = compose.make_ocr

    def session_engine(engine: str = "rapidocr", model_dir=None):
        return ocr if engine == "rapidocr" and model_dir is None else make(engine, model_dir)

    monkeypatch.setattr(compose, "make_ocr", session_engine)


@pytest.fixture
def chat_app(settings, sample_store, searcher):
    return create_app(settings, searcher=searcher)


@pytest.fixture
def dialog(chat_app) -> Dialog:
    return chat_app.state.services.dialog


class Chat:
    """One citizen talking to the dialog, as a channel would pass the messages."""

    def __init__(self, dialog: Dialog, key: str = "web:citizen", can_send_files: bool = True):
        self.dialog = dialog
        self.key = key
        self.can_send_files = can_send_files

    def say(self, text: str) -> Reply:
        return self.dialog.handle(self.key, Incoming(text=text, can_send_files=self.can_send_files))

    def command(self, command: str) -> Reply:
        return self.dialog.handle(
            self.key, Incoming(command=command, can_send_files=self.can_send_files)
        )

    def send(self, *files: tuple[str, bytes]) -> Reply:
        uploads = tuple(Upload(name, data) for name, data in files)
        return self.dialog.handle(
            self.key, Incoming(files=uploads, can_send_files=self.can_send_files)
        )


@pytest.fixture
def chat(dialog) -> Chat:
    return Chat(dialog)


def count(store: Store, model, *where) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model).where(*where)) or 0


def valid_id(first17: str = "11010519900307123") -> str:
    """An ID number with a correct GB 11643 check digit."""
    return first17 + id_check_char(first17)


def id_card_png(name: str = "张伟", gender: str = "男") -> bytes:
    return document_png(
        [
            "中华人民共和国 居民身份证",
            f"姓名 {name}   性别 {gender}   民族 汉",
            "住址 示范市城东区建设路88号",
            f"公民身份号码 {valid_id()}",
            "有效期限 2020.01.01-2040.01.01",
        ]
    )


def id_card_back_png() -> bytes:
    """The other side of ``id_card_png``'s card (国徽面): issuing authority and validity."""
    return document_png(
        [
            "中华人民共和国",
            "居民身份证",
            "签发机关 示范市公安局城东分局",
            "有效期限 2020.01.01-2040.01.01",
        ]
    )


def document_pdf(lines: list[str]) -> bytes:
    """A scanned (image-only) one-page PDF of a document."""
    image = Image.open(io.BytesIO(document_png(lines)))
    buffer = io.BytesIO()
    image.save(buffer, format="PDF")
    return buffer.getvalue()


def document_png(lines: list[str], size: tuple[int, int] = (1100, 700)) -> bytes:
    """A clear photo-like scan of a document with the given lines of text."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 40)
    y = 50
    for line in lines:
        draw.text((60, y), line, fill="black", font=font)
        y += 70
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def wait_for(probe, timeout: float = 180.0, interval: float = 0.5):
    """``probe()`` once it returns something truthy (OCR jobs take seconds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("timed out waiting")
