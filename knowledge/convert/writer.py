"""Write the drafts (``DIR/<id>.yaml``) and the review list (``DIR/review.md``) for staff."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from knowledge.convert.draft import Draft


def draft_yaml(draft: Draft) -> str:
    """The draft as a guide file, with a header saying it is a draft to review."""
    header = (
        f"# 导入草稿：来自 {draft.data.get('source', {}).get('file', '')}，"
        f"发布前请对照 review.md 逐项核对（{draft.review.open_points} 条待核对）\n"
    )
    body = yaml.dump(
        draft.data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return header + body


def review_markdown(drafts: list[Draft], failures: list[tuple[str, str]]) -> str:
    """Per item: doubts, lines not placed, values normalised — in that order of urgency."""
    total = sum(d.review.open_points for d in drafts)
    out = [
        "# 导入核对清单",
        "",
        f"{len(drafts)} 个事项，{total} 条待核对。草稿未发布：请逐个核对、修改后再发布。",
        "",
    ]
    if failures:
        out += ["## 未能读取的文件", ""]
        out += [f"- `{file}`：{message}" for file, message in failures]
        out.append("")
    for draft in drafts:
        review = draft.review
        source = draft.data.get("source", {})
        where = source.get("file", "") + (f"（{source['title']}）" if source.get("title") else "")
        out += [f"## {draft.name}（{draft.id}.yaml）", "", f"来源：{where}", ""]
        if draft.problems:
            out += ["**尚不能直接导入：**", ""]
            out += [f"- {problem}" for problem in draft.problems]
            out.append("")
        if review.doubts:
            out += ["### 待核对的疑点", ""]
            out += [f"- [ ] {field}：{message}" for field, message in review.doubts]
            out.append("")
        if review.unplaced:
            out += ["### 未能归入字段的内容（请放入合适字段或确认删除）", ""]
            out += [f"- [ ] {where}：{_one_line(text)}" for where, text in review.unplaced]
            out.append("")
        if review.normalised:
            out += ["### 已规范化的取值（请确认）", ""]
            out += [
                f"- {where}：“{_one_line(before)}” → “{_one_line(after)}”"
                for where, before, after in review.normalised
            ]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class _Dumper(yaml.SafeDumper):
    """Multi-line text as ``|`` blocks, as exported guides are written."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(dt.date, yaml.SafeDumper.represent_date)


def write_outputs(drafts: list[Draft], failures: list[tuple[str, str]], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    for draft in drafts:
        (out_dir / f"{draft.id}.yaml").write_text(draft_yaml(draft), encoding="utf-8")
    review = out_dir / "review.md"
    review.write_text(review_markdown(drafts, failures), encoding="utf-8")
    return review
