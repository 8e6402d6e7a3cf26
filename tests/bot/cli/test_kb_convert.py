"""``onetrip kb convert FILE... --out DIR``: every format reaches the CLI, exit codes say
whether drafts were written, and an unreadable or missing file is named on stderr."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from tests.conftest import DATA

FILES = DATA / "real_guides" / "files"
SUMMARY = re.compile(r"^(\d+) 个事项，(\d+) 条待核对$")
ROAD = FILES / "g05-nanning-zhandao.docx"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def drafts(folder: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in sorted(folder.glob("*.yaml"))}


@pytest.mark.parametrize(
    ("file", "name"),
    [
        ("g01-kunming-getihu.docx", "个体工商户注册登记"),
        ("g03-huimin-zhandao.pdf", "临时占用城市道路审批"),
        ("g02-nanyang-zhandao.html", "临时占用城市道路许可"),
        ("g06-guangzhou-weisheng.htm", "公共场所卫生许可证"),
        ("g07-ziyang-weisheng.xlsx", "公共场所卫生许可"),
        ("g04-chengdu-zhandao.txt", "临时占用城市道路"),
        ("g08-guangzhou-laodongnengli.json", "劳动能力复查鉴定"),
    ],
)
def test_every_format_reaches_the_cli(capsys, home, tmp_path, file, name):
    out = tmp_path / "drafts"
    code, stdout, stderr = run(capsys, "kb", "convert", str(FILES / file), "--out", str(out))
    assert code == 0, stderr
    summary = SUMMARY.match(stdout.strip().splitlines()[-1])
    assert summary and summary.group(1) == "1"
    (draft,) = drafts(out).values()
    assert name in draft["name"] and draft["source"]["file"] == file
    review = (out / "review.md").read_text("utf-8")
    assert name in review and str(out / "review.md") in stdout


def test_a_folder_of_guides_gives_one_draft_per_item(capsys, home, tmp_path):
    out = tmp_path / "drafts"
    code, stdout, _ = run(capsys, "kb", "convert", str(FILES), "--out", str(out))
    assert code == 0
    items, open_points = map(int, SUMMARY.match(stdout.strip().splitlines()[-1]).groups())
    files = list(FILES.iterdir())
    assert items == len(files) + 1  # the 实施清单 spreadsheet holds two items
    assert len(drafts(out)) == items and open_points > 0
    assert "待核对的疑点" in (out / "review.md").read_text("utf-8")


def test_a_missing_file_is_named_and_nothing_written_exits_1(capsys, home, tmp_path):
    missing = tmp_path / "没有这个.docx"
    code, stdout, stderr = run(capsys, "kb", "convert", str(missing), "--out", str(tmp_path / "o"))
    assert code == 1
    assert f"{missing}: 文件或文件夹不存在" in stderr
    assert stdout.strip().endswith("0 个事项，0 条待核对")


def test_unreadable_files_are_named_and_the_rest_converted(capsys, home, tmp_path):
    old_word = tmp_path / "旧指南.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0" + b"0" * 64)
    out = tmp_path / "o"
    code, stdout, stderr = run(
        capsys,
        "kb",
        "convert",
        str(old_word),
        str(tmp_path / "gone.pdf"),
        str(ROAD),
        "--out",
        str(out),
    )
    assert code == 0  # a draft was written
    assert f"{old_word}: 不支持的文件类型" in stderr and "gone.pdf: 文件或文件夹不存在" in stderr
    assert SUMMARY.match(stdout.strip().splitlines()[-1]).group(1) == "1"
    assert "旧指南.doc" in (out / "review.md").read_text("utf-8")  # on the review list as well


def test_only_unreadable_files_exit_1(capsys, home, tmp_path):
    scan = tmp_path / "照片.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    code, _, stderr = run(capsys, "kb", "convert", str(scan), "--out", str(tmp_path / "o"))
    assert code == 1 and "照片.png: 不支持的文件类型" in stderr


def test_reviewed_draft_imports_and_a_new_conversion_never_takes_its_id(capsys, home, tmp_path):
    first = tmp_path / "first"
    assert run(capsys, "kb", "convert", str(ROAD), "--out", str(first))[0] == 0
    (path,) = first.glob("*.yaml")
    fixed = path.read_text("utf-8").replace("department: ''", "department: 南宁市城市管理局")
    path.write_text(fixed, "utf-8")
    code, stdout, stderr = run(capsys, "kb", "import", str(path))
    assert code == 0 and "新增 1 项" in stdout, stderr

    second = tmp_path / "second"
    assert run(capsys, "kb", "convert", str(ROAD), "--out", str(second))[0] == 0
    (again,) = drafts(second)
    assert again != path.stem  # importing this draft would add an item, not replace one
    code, shown, _ = run(capsys, "kb", "show", path.stem)
    assert code == 0 and "南宁市城市管理局" in shown
