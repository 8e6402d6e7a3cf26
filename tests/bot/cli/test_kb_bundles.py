"""``onetrip kb`` with 一件事 bundles beside the guides: import, lint, export, list.

Staff keep bundle files in the same folder as guides; what they notice is that one
command takes both, that a bundle naming a missing item stops the whole import with
``file: field: message``, and that an export imports back unchanged.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from knowledge import load_guides
from knowledge.bundles import load_bundles
from tests.conftest import REPO, SAMPLES
from tests.knowledge.conftest import BASE_GUIDE

BUNDLE_SAMPLES = REPO / "knowledge" / "bundle-samples"
BUNDLE_COUNT = len(list(BUNDLE_SAMPLES.glob("*.yaml")))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """The sample guides and sample bundles in one folder, as staff would keep them."""
    folder = tmp_path / "kb"
    shutil.copytree(SAMPLES, folder / "guides")
    shutil.copytree(BUNDLE_SAMPLES, folder / "bundles")
    return folder


def test_one_import_takes_guides_and_bundles(capsys, home, mixed_folder):
    code, out, err = run(capsys, "kb", "import", str(mixed_folder))
    assert code == 0, err
    guide_count = len(load_guides([SAMPLES]).guides)
    assert f"新增 {guide_count} 项" in out
    assert f"一件事：新增 {BUNDLE_COUNT} 个，修改 0 个，未变 0 个。" in out

    code, out, _ = run(capsys, "kb", "list")
    guides_part, bundles_part = out.split("\n一件事：\n")
    assert f"共 {guide_count} 个事项" in guides_part
    assert "chusheng-yijianshi\t新生儿出生“一件事”" in bundles_part
    assert f"共 {BUNDLE_COUNT} 个一件事" in bundles_part

    code, out, _ = run(capsys, "kb", "import", str(mixed_folder))
    assert f"一件事：新增 0 个，修改 0 个，未变 {BUNDLE_COUNT} 个。" in out


def test_a_bundle_naming_an_unknown_item_blocks_the_whole_import(capsys, home, mixed_folder):
    path = mixed_folder / "bundles" / "kai-fandian.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["items"][1] = "item-x"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    code, out, err = run(capsys, "kb", "import", str(mixed_folder))
    assert code == 1
    assert f"{path}: items[1].item: 事项 item-x 不存在" in err
    assert "未写入任何事项" in err
    _, out, _ = run(capsys, "kb", "list")
    assert "共 0 个事项" in out and "共 0 个一件事" in out  # the guides were not written either


def test_a_bundle_may_name_items_already_in_the_knowledge_base(capsys, home, tmp_path):
    assert run(capsys, "kb", "import", str(SAMPLES))[0] == 0
    code, out, err = run(capsys, "kb", "import", str(BUNDLE_SAMPLES / "chusheng-yijianshi.yaml"))
    assert code == 0, err
    assert "一件事：新增 1 个" in out


def test_a_guide_change_that_breaks_a_stored_bundle_is_refused(capsys, home, mixed_folder):
    assert run(capsys, "kb", "import", str(mixed_folder))[0] == 0
    path = mixed_folder / "guides" / "shehui-minsheng" / "gongan-hukou-chusheng.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["materials"] = [m for m in data["materials"] if m["id"] != "parents-id"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    code, _, err = run(capsys, "kb", "import", str(path))
    assert code == 1
    assert "一件事 chusheng-yijianshi: same_document[1]: " in err
    assert "gongan-hukou-chusheng:parents-id: 事项 gongan-hukou-chusheng 没有材料 parents-id" in err
    assert "未写入任何事项" in err


def test_export_writes_bundles_beside_guides_and_imports_back(capsys, home, mixed_folder, tmp_path):
    assert run(capsys, "kb", "import", str(mixed_folder))[0] == 0
    out_dir = tmp_path / "export"
    code, out, _ = run(capsys, "kb", "export", str(out_dir))
    assert code == 0
    assert f"{BUNDLE_COUNT} 个一件事" in out
    originals = {b.id: b for _, b in load_bundles([BUNDLE_SAMPLES]).bundles}
    assert {b.id: b for _, b in load_bundles([out_dir]).bundles} == originals
    assert (out_dir / "kai-fandian.yaml").read_text(encoding="utf-8").startswith("kind: bundle")

    code, out, err = run(capsys, "kb", "import", str(out_dir))
    assert code == 0, err
    assert f"一件事：新增 0 个，修改 0 个，未变 {BUNDLE_COUNT} 个。" in out
    assert "修改 0 项" in out


def test_lint_reports_files_guides_and_bundles(capsys, home, tmp_path):
    guide_data = copy.deepcopy(BASE_GUIDE)
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "broken.yaml").write_text("id: [", encoding="utf-8")
    (folder / "guide.yaml").write_text(
        yaml.safe_dump({**guide_data, "colour": "red"}, allow_unicode=True), encoding="utf-8"
    )
    (folder / "item-b.yaml").write_text(
        yaml.safe_dump({**guide_data, "id": "item-b"}, allow_unicode=True), encoding="utf-8"
    )
    bundle = {
        "kind": "bundle",
        "id": "test-bundle",
        "name": "测试一件事",
        "department": "示范市牵头局",
        "window": {"name": "综合窗口"},
        "items": ["item-b", "item-x"],
    }
    (folder / "bundle.yaml").write_text(yaml.safe_dump(bundle, allow_unicode=True), "utf-8")

    code, out, _ = run(capsys, "kb", "lint", str(folder))
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith(f"{folder / 'broken.yaml'}: 第 ") for line in lines)
    assert f"{folder / 'guide.yaml'}: colour: 未知字段（是否拼写错误？）" in lines
    assert f"{folder / 'bundle.yaml'}: items[1].item: 事项 item-x 不存在" in lines
    assert not any("kind" in line for line in lines)  # the bundle is not read as a guide
