"""``onetrip prereview --form OUT --typed KEY=VALUE``: the pre-filled form beside the notice."""

from __future__ import annotations

import io
import json

import pdfplumber
import pytest

from bot.cli import main as cli
from tests.prereview.make_docs import ZHANG


@pytest.mark.slow
def test_cli_writes_the_prefilled_form_and_reports_it_in_json(
    settings,
    sample_store,
    docs,
    tmp_path,
    capsys,
):
    out = tmp_path / "form.pdf"
    code = cli([
        "prereview", "--item", "rs-shiye-baoxianjin", "--date", "2025-06-01", "--json",
        "--typed", "phone=13912345678", "--form", str(out),
        str(docs["up_id_front.jpg"]), str(docs["up_id_back.jpg"]),
    ])  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert str(out) in captured.err
    (card,) = [d for d in data["documents"] if d["type"] == "id-card"]
    assert card["files"] == ["up_id_front.jpg", "up_id_back.jpg"]
    assert card["fields"]["id_number"] == ZHANG.id_number
    (form,) = data["prefill"]
    got = {f["label"]: f for f in form["fields"]}
    assert got["姓名"]["value"] == ZHANG.name
    assert got["姓名"]["source"] == "居民身份证（up_id_front.jpg、up_id_back.jpg）"
    assert got["联系电话"]["value"] == "13912345678" and got["联系电话"]["source"] == "申请人填写"

    with pdfplumber.open(io.BytesIO(out.read_bytes())) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert ZHANG.name in text and ZHANG.id_number in text and "13912345678" in text

    html = tmp_path / "form.html"
    assert cli(["prereview", "--item", "rs-shiye-baoxianjin", "--date", "2025-06-01",
                "--form", str(html), str(docs["up_id_front.jpg"])]) == 0  # fmt: skip
    assert ZHANG.name in html.read_text(encoding="utf-8")


def test_cli_refuses_an_unknown_typed_key(settings, sample_store, tmp_path, capsys):
    lease = tmp_path / "x.pdf"
    lease.write_bytes(b"%PDF-1.4")
    with pytest.raises(SystemExit) as exit_:
        cli(["prereview", "--item", "rs-shiye-baoxianjin", "--typed", "fax=1", str(lease)])
    assert exit_.value.code == 2 and "fax" in capsys.readouterr().err


def test_cli_writes_one_combined_form_for_a_bundle(settings, sample_store, docs, tmp_path):
    out = tmp_path / "form.html"
    code = cli([
        "prereview", "--bundle", "kai-fandian", "--situation", "getihu",
        "--situation", "xiaocanyin", "--date", "2025-06-01", "--typed", "phone=13912345678",
        "--form", str(out), str(docs["gjj_lease.pdf"]),
    ])  # fmt: skip
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert "开饭店“一件事”一表申请" in html
    shared, _, rest = html.partition("</table>")
    assert "共同信息" in shared and "13912345678" in shared and "13912345678" not in rest
    items = html.split("包含事项：")[1].split("<")[0]
    assert "个体工商户" in items and "小餐饮" in items and "食品经营许可" not in items
    assert "个体工商户登记（备案）申请书" in rest  # its own fields (性别, 民族) follow
