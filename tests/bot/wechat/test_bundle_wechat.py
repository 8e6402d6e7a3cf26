"""一件事 on the Official Account: the bundle's pre-review in text, and the pre-filled form's
link in the pushed notice (WeChat shows text only: the link is a tappable ``<a href>``).

The platform side is wechatpy (tests/bot/wechat_peer.py) against a real uvicorn; the
notice is pushed to the fake WeChat API once OCR has read the photo.
"""

from __future__ import annotations

import io
import re

import httpx
import pdfplumber
import pytest

from bot.app import create_app
from bot.cli.samples import BUNDLE_SAMPLES_DIR
from knowledge.bundles import load_bundles
from prereview.ids import mask_id_number
from tests.bot.conftest import wait_for
from tests.bot.wechat.test_channel import OPENID, fake_api, wechat_settings  # noqa: F401
from tests.bot.wechat_peer import Platform, Served, free_port, image_xml, text_xml
from tests.prereview.make_docs import ZHANG

pytestmark = pytest.mark.slow

ID_CARD = "qy_id_zhang.jpg"


def pushed_notice(fake_api) -> str:  # noqa: F811 (fixture name)
    """The pushed messages from the notice's first on, joined; empty until its last (with the
    links) came."""
    with fake_api.lock:
        texts = [m["text"]["content"] for m in fake_api.sent]
    first = next((i for i, t in enumerate(texts) if "一次性告知书" in t), None)
    joined = "" if first is None else "\n".join(texts[first:])
    return joined if "<a href=" in joined else ""


def test_a_bundle_pre_review_on_wechat_ends_with_the_form_link(
    home,
    sample_store,
    bundle_searcher,
    fake_api,  # noqa: F811 (fixture)
    docs,
):
    sample_store.import_bundles([b for _, b in load_bundles([BUNDLE_SAMPLES_DIR]).bundles], "tests")
    card = docs[ID_CARD]
    fake_api.images["media-id-card"] = card.read_bytes()
    port = free_port()
    settings = wechat_settings(home, fake_api).model_copy(
        update={"public_url": f"http://127.0.0.1:{port}"}
    )
    app = create_app(settings, searcher=bundle_searcher)
    with Served(app, port=port) as server:
        platform = Platform(server.url, safe=True)
        msg = iter(range(8100, 8200))

        def say(text: str) -> str:
            return platform.reply_text(platform.post(text_xml(OPENID, text, msg_id=next(msg))))

        assert "开饭店“一件事”" in say("开个小饭馆要跑哪些部门")
        reply = say("预审")
        asked = 0
        while re.search(r"\d+/\d+：", reply or ""):
            asked += 1
            assert asked <= 10, reply
            assert "1. 属于" in reply and "2. 不属于" in reply  # options as numbered lines
            yes = "个体工商户" in reply or "一般餐馆" in reply
            reply = say("1" if yes else "2")
        assert "开始预审【开饭店“一件事”】" in reply

        photo = image_xml(OPENID, f"{fake_api.url}/pic?name=none", "media-id-card", next(msg))
        assert "第1份" in platform.reply_text(platform.post(photo))
        assert "正在预审【开饭店“一件事”】的1份材料" in say("完成")

        # The long bundle answer went partly as pushed messages too: wait for the notice's.
        notice = wait_for(lambda: pushed_notice(fake_api), timeout=300)
        assert "一件事：开饭店“一件事”" in notice
        links = dict(
            (title, url) for url, title in re.findall(r'<a href="([^"]+)">([^<]+)</a>', notice)
        )
        form = links["预填好的申请表（一表申请，请核对后签字）"]
        assert form.startswith(f"{server.url}/api/v1/chat/jobs/") and "/form.html?sig=" in form
        pdf = httpx.get(form.replace("/form.html?", "/form.pdf?"))
        assert pdf.status_code == 200
        with pdfplumber.open(io.BytesIO(pdf.content)) as document:
            text = "\n".join(p.extract_text() or "" for p in document.pages)
        assert ZHANG.name in text and mask_id_number(ZHANG.id_number) in text
