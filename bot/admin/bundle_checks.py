"""Checking a 一件事 bundle staff typed as YAML, exactly as an imported bundle file is checked.

The text goes through the same parser and lint as ``onetrip kb import``
(:func:`knowledge.bundles.parse_bundle_text`, :func:`knowledge.bundles.lint_bundle`),
against the guides and bundles in the knowledge base. Errors block saving; warnings
are shown and do not.
"""

from __future__ import annotations

from bot.admin.checks import Problems
from knowledge import Problem, Store
from knowledge.bundles import Bundle, lint_bundle, lint_bundles, parse_bundle_text

EDITOR = "编辑框"  # the "file" named in problems of the typed text

# The starting text of a new bundle: the required fields, each with what to write.
NEW_BUNDLE_YAML = """\
kind: bundle
id: xin-yijianshi            # 编号：小写字母、数字、连字符，不能与事项编号相同
name: 某某“一件事”
aliases:                     # 群众的说法，检索用
  - 办某某要跑哪些部门
department: 示范市某某局       # 牵头部门
window:                      # 综合窗口（首接受理的地方）
  name: 示范市政务服务中心 综合窗口
items:                       # 按办理顺序写事项编号
  - 事项编号
same_document: []            # 不同事项中其实是同一份文件的材料，如 [事项a:材料, 事项b:材料]
"""


def check_bundle(text: str, store: Store, editing: Bundle | None) -> tuple[Bundle | None, Problems]:
    """The bundle in ``text`` if it parses, and all its problems.

    ``editing`` is the stored bundle being edited (its id never changes), or None when
    creating (then an id already in use is an error).
    """
    bundle, problems = parse_bundle_text(text, EDITOR)
    if bundle is None:
        return None, Problems(tuple(problems))
    if editing is not None and bundle.id != editing.id:
        problems.append(
            Problem(EDITOR, "id", f"已有一件事的编号不能修改，应为 {editing.id}；需要新编号请新建")
        )
    if editing is None and (taken := store.get_bundle(bundle.id)) is not None:
        problems.append(Problem(EDITOR, "id", f"编号 {bundle.id} 已被一件事“{taken.name}”使用"))
    guides = {g.id: g for g in store.list()}
    bundles = {b.id: b for b in store.list_bundles()} | {bundle.id: bundle}
    problems += lint_bundle(bundle, EDITOR, guides, bundles)
    return bundle, Problems(tuple(problems))


def stored_problems(store: Store) -> dict[str, Problems]:
    """Each stored bundle's problems against the knowledge base, by bundle id."""
    bundles = store.list_bundles()
    found = lint_bundles([(b.id, b) for b in bundles], store.list())
    return {b.id: Problems(tuple(p for p in found if p.file == b.id)) for b in bundles}
