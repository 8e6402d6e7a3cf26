"""``onetrip kb show ID`` with a 一件事 bundle id: what staff check before applicants see it.

The bundle's name, lead department and window; its items in the order they are done,
each with the situation it depends on; the documents several items share, handed in
once; the questions asked once; the total time and the visits — the figures
``knowledge.bundles.compose`` gives, so the staff view and the citizens' reply agree.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from knowledge import load_guides
from knowledge.bundles import compose, load_bundles
from tests.conftest import REPO, SAMPLES

BUNDLE_SAMPLES = REPO / "knowledge" / "bundle-samples"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def imported(capsys, home, tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    shutil.copytree(SAMPLES, folder / "guides")
    shutil.copytree(BUNDLE_SAMPLES, folder / "bundles")
    code, _, err = run(capsys, "kb", "import", str(folder))
    assert code == 0, err


def _composition(bundle_id: str):
    guides = {g.id: g for _, g in load_guides([SAMPLES]).guides}
    bundles = {b.id: b for _, b in load_bundles([BUNDLE_SAMPLES]).bundles}
    return compose(bundles[bundle_id], guides, bundles=bundles)


def test_show_a_bundle_lists_items_in_order_shared_documents_and_totals(capsys, imported):
    code, out, err = run(capsys, "kb", "show", "chusheng-yijianshi")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "【新生儿出生“一件事”】（chusheng-yijianshi）一件事"
    assert "牵头部门：示范市卫生健康委员会" in lines
    assert any(line.startswith("综合窗口：示范市政务服务中心二楼") for line in lines)

    composition = _composition("chusheng-yijianshi")
    numbered = [f"  {i}. {item.name}（{item.id}；" for i, item in enumerate(composition.items, 1)]
    positions = [next(n for n, line in enumerate(lines) if line.startswith(p)) for p in numbered]
    assert positions == sorted(positions)  # in the order they are done
    allowance = next(line for line in lines if "yb-shengyu-jintie；" in line)
    assert allowance.endswith("——母亲参加职工生育保险时办理")  # depends on a situation
    assert "本件事中已确定：未满16周岁由监护人代办：是" in out  # settled by the event

    ids = next(line for line in lines if line.startswith("  - 父母双方居民身份证"))
    assert ids.endswith("——事项1、2、3共用")  # one document for three items
    shared = [m for m in composition.materials if len(m.items) > 1]
    assert f"共 {len(composition.materials)} 份，其中 {len(shared)} 份由多个事项共用" in out

    assert "  - 母亲参加职工生育保险（insured-mother）" in out  # asked once
    time = composition.time
    assert f"合计不超过{time.days}个{time.unit}" in out
    assert f"最多跑{composition.visits.visits}次" in out


def test_show_a_nested_bundle_includes_the_inner_items(capsys, imported):
    code, out, _ = run(capsys, "kb", "show", "kai-fandian")
    assert code == 0
    company = next(line for line in out.splitlines() if "（scjg-qiye-sheli；" in line)
    assert company.endswith("——以公司形式经营时办理")  # from 企业开办一件事, nested
    assert "（任选其一组：zhuti）" in out


def test_show_still_shows_a_guide_and_names_an_unknown_id(capsys, imported):
    code, out, _ = run(capsys, "kb", "show", "gongan-hukou-chusheng")
    assert code == 0 and out.startswith("【出生登记】（gongan-hukou-chusheng）")
    code, _, err = run(capsys, "kb", "show", "no-such-bundle")
    assert code == 1 and "没有事项 no-such-bundle，也没有此编号的一件事" in err
