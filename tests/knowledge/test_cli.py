"""``onetrip kb``: atomic import, lossless export, lint exit codes, list and show."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.cli import main
from knowledge import Store, load_guides
from tests.conftest import SAMPLES


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_is_atomic(capsys, home, write_guide, guide_data, tmp_path):
    folder = tmp_path / "guides"
    write_guide(guide_data, "a.yaml", folder)
    write_guide({**guide_data, "id": "b"}, "b.yaml", folder)
    bad = write_guide({**guide_data, "id": "c", "colour": "red"}, "c.yaml", folder)
    broken = write_guide("id: [", "d.yaml", folder)

    code, out, err = run(capsys, "kb", "import", str(folder))
    assert code == 1
    assert f"{bad}: colour: 未知字段（是否拼写错误？）" in err
    assert f"{broken}: 第 " in err
    assert "未写入任何事项" in err
    code, out, _ = run(capsys, "kb", "list")
    assert "共 0 个事项" in out


def test_import_reports_added_changed_unchanged(capsys, home, write_guide, guide_data, tmp_path):
    folder = tmp_path / "guides"
    write_guide(guide_data, "a.yaml", folder)
    write_guide({**guide_data, "id": "b"}, "b.yaml", folder)
    assert (
        run(capsys, "kb", "import", str(folder))[1]
        .strip()
        .endswith("新增 2 项，修改 0 项，未变 0 项。")
    )
    write_guide({**guide_data, "id": "b", "fees": "不收费"}, "b.yaml", folder)
    write_guide({**guide_data, "id": "new"}, "n.yaml", folder)
    code, out, _ = run(capsys, "kb", "import", str(folder))
    assert code == 0
    assert "新增 1 项，修改 1 项，未变 1 项" in out


def test_import_strict_refuses_quality_errors(capsys, home, write_guide, guide_data):
    guide_data["materials"][0]["name"] = "其他材料"
    path = write_guide(guide_data)
    code, _, err = run(capsys, "kb", "import", "--strict", str(path))
    assert code == 1
    assert "兜底" in err
    code, out, err = run(capsys, "kb", "import", str(path))
    assert code == 0 and "警告" in err and "新增 1 项" in out


def test_export_import_round_trip_of_samples(capsys, home, tmp_path):
    assert run(capsys, "kb", "import", str(SAMPLES))[0] == 0
    out_dir = tmp_path / "export"
    code, out, _ = run(capsys, "kb", "export", str(out_dir))
    assert code == 0
    exported = sorted(out_dir.glob("*.yaml"))
    original = load_guides([SAMPLES])
    assert len(exported) == len(original.guides)
    assert {g.id: g for _, g in load_guides([out_dir]).guides} == {
        g.id: g for _, g in original.guides
    }
    code, out, _ = run(capsys, "kb", "import", str(out_dir))
    assert f"新增 0 项，修改 0 项，未变 {len(exported)} 项" in out


def test_export_is_readable_yaml(capsys, home, write_guide, guide_data, tmp_path):
    guide_data["conditions"] = "本市户籍居民。\n年满十六周岁。\n"
    run(capsys, "kb", "import", str(write_guide(guide_data)))
    run(capsys, "kb", "export", str(tmp_path / "out"))
    text = (tmp_path / "out" / "test-item.yaml").read_text(encoding="utf-8")
    assert "name: 测试事项" in text  # Chinese kept as Chinese, not \u escapes
    assert "conditions: |" in text
    assert yaml.safe_load(text)["materials"][1]["situation"] == ["agent"]


def test_traditional_file_imports(capsys, home, write_guide, guide_data):
    guide_data.update(name="營業執照遺失補領", category="市場準入類", handling="即辦件")
    guide_data["materials"][0].update(name="營業執照正本", form="原件及複印件")
    code, out, err = run(capsys, "kb", "import", str(write_guide(guide_data)))
    assert code == 0, err
    code, out, _ = run(capsys, "kb", "show", "test-item")
    assert "營業執照遺失補領" in out
    assert "综合窗口分类：市场准入类" in out
    assert "办件类型：即办件" in out


def test_lint_exit_codes(capsys, home, write_guide, guide_data):
    good = write_guide(guide_data, "good.yaml")
    code, out, _ = run(capsys, "kb", "lint", str(good))
    assert code == 0 and "0 个错误" in out
    guide_data["locations"] = []
    warn_only = write_guide(guide_data, "warn.yaml")
    code, out, _ = run(capsys, "kb", "lint", str(warn_only))
    assert code == 0 and "警告" in out
    guide_data["materials"][0]["name"] = "有关材料"
    bad = write_guide(guide_data, "bad.yaml")
    code, out, _ = run(capsys, "kb", "lint", str(bad))
    assert code == 1
    assert f"{bad}: materials[0].name: " in out


def test_show_labels_and_unknown_item(capsys, home, write_guide, guide_data):
    guide_data["materials"][0]["deferrable"] = True
    run(capsys, "kb", "import", str(write_guide(guide_data)))
    code, out, _ = run(capsys, "kb", "show", "test-item")
    assert code == 0
    for label in (
        "实施主体：示范市测试局",
        "申请材料：",
        "容缺后补",
        "适用情形：委托他人代办",
        "承诺办结时限：5个工作日",
    ):
        assert label in out
    code, _, err = run(capsys, "kb", "show", "nope")
    assert code == 1 and "没有事项 nope" in err


def test_list_filters(capsys, home, write_guide, guide_data):
    write_guide(guide_data, "a.yaml")
    path = write_guide({**guide_data, "id": "m", "category": "市场准入类"}, "m.yaml")
    run(capsys, "kb", "import", str(path.parent))
    _, out, _ = run(capsys, "kb", "list", "--category", "市场准入类")
    assert out.splitlines()[0].startswith("m\t") and "共 1 个事项" in out


def test_database_under_home(capsys, home, write_guide, guide_data):
    run(capsys, "kb", "import", str(write_guide(guide_data)))
    assert (Path(home) / "onetrip.db").exists()
    assert Store.from_url(f"sqlite:///{home}/onetrip.db").count() == 1
