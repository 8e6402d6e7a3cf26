"""The import structure: no cycles, and every import goes the way DESIGN.md says.

In the spirit of httpx's ``tests/test_exported_members.py``: the structure is a
contract, so a test keeps it. Every ``import`` in the project's packages is read
with :mod:`ast` — at module level, inside functions and under ``TYPE_CHECKING``
alike, since an import moved into a function to dodge a cycle is still a
dependency — and checked against two rules:

- the layers (DESIGN.md): ``knowledge`` ← ``retrieval`` ← ``bot`` and
  ``knowledge`` ← ``prereview`` ← ``bot``; ``prereview`` may use ``retrieval``'s
  text normalisation and encoders; nothing imports ``bot``;
- inside ``bot``, one way down: entry points (CLI, worker, app, HTTP channels,
  admin) → composition root → services → dialog / jobs → settings, and the
  dialog knows no web framework, channel or task queue.

The last tests show the checks failing on an injected cycle and breaches.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("knowledge", "retrieval", "prereview", "bot")

# DESIGN.md: which top-level packages each package may import.
LAYERS: dict[str, set[str]] = {
    "knowledge": set(),
    "retrieval": {"knowledge"},
    "prereview": {"knowledge", "retrieval"},
    "bot": {"knowledge", "retrieval", "prereview"},
}
# What prereview may use of retrieval: its text normalisation and encoders.
PREREVIEW_USES_OF_RETRIEVAL = ("retrieval", "retrieval.text", "retrieval.encoders")

# Inside bot: each part's rank; a module may import a lower rank, its own part, or an
# edge listed in BOT_SAME_RANK. Rank 5 runs a role, 4 builds it, 3 faces the outside
# world over HTTP, 2 are the services the faces use, 1 the dialog and the jobs.
BOT_RANKS: dict[str, int] = {
    "bot": 5,
    "bot.__main__": 5,
    "bot.cli": 5,
    "bot.worker": 5,
    "bot.app": 5,
    "bot.compose": 4,
    "bot.channels": 3,
    "bot.admin": 3,
    "bot.deps": 2,
    "bot.services": 2,
    "bot.wechat": 2,
    "bot.dialog": 1,
    "bot.jobs": 1,
    "bot.settings": 0,
    "bot.situations": 0,
    "bot.privacy": 0,
    "bot.links": 0,
    "bot.server_logging": 0,
    "bot.text_limits": 0,
    "bot.counters": 0,
    "bot.login_limit": 0,
    "bot._db": 0,
    "bot._redis": 0,
}
BOT_SAME_RANK = {
    ("bot", "bot.cli"),  # the package names its public surface
    ("bot", "bot.app"),
    ("bot", "bot.worker"),
    ("bot.__main__", "bot.cli"),
    ("bot.cli", "bot.app"),  # `onetrip serve` runs the app
    ("bot.deps", "bot.services"),  # the dependencies hand out the typed services
    ("bot.services", "bot.wechat"),  # the services hold the WeChat channel
}
# Third-party packages a part of bot must not import (FastAPI, channels, task queues).
BOT_FORBIDDEN_THIRD_PARTY: dict[str, tuple[str, ...]] = {
    "bot.dialog": ("fastapi", "starlette", "wechatpy", "rq", "redis", "uvicorn"),
    "bot.jobs": ("fastapi", "starlette", "wechatpy", "uvicorn"),
    "bot.services": ("fastapi", "starlette", "uvicorn"),
    "bot.wechat": ("fastapi", "starlette", "uvicorn"),
}
# The queue interface lives apart from its RQ implementation: only that module uses rq.
QUEUE_IMPLEMENTATIONS = ("bot.jobs.rq_queue",)
ALLOWED_CYCLES: list[set[str]] = []


def project_sources(root: Path = ROOT) -> dict[str, str]:
    """Module name → source, for every module of the project's packages."""
    sources = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            sources[".".join(parts)] = path.read_text(encoding="utf-8")
    return sources


def imports_of(name: str, source: str, is_package: bool, known: Iterable[str]) -> set[str]:
    """Every module ``name`` imports, wherever the import statement is.

    ``from a import b`` counts as importing ``a.b`` when that is a module of the
    project, else ``a``; relative imports are resolved against ``name``.
    """
    known = set(known)
    found: set[str] = set()
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
    return found


def import_graph(sources: Mapping[str, str]) -> dict[str, set[str]]:
    """Module → the modules it imports (project modules and third-party top names)."""
    packages = {n for n in sources if any(m.startswith(n + ".") for m in sources)}
    return {
        name: imports_of(name, source, name in packages or name in PACKAGES, sources)
        for name, source in sources.items()
    }


def cycles(graph: Mapping[str, set[str]]) -> list[set[str]]:
    """Strongly connected sets of project modules that import each other (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            members = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.add(member)
                if member == node:
                    break
            if len(members) > 1 or node in graph.get(node, ()):
                found.append(members)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _bot_part(module: str) -> str | None:
    """The entry of BOT_RANKS a bot module belongs to (the longest prefix)."""
    best = None
    for part in BOT_RANKS:
        if (module == part or module.startswith(part + ".")) and (
            best is None or len(part) > len(best)
        ):
            best = part
    return best


def breaches(graph: Mapping[str, set[str]]) -> list[str]:
    """Every import against the layer rules, as ``importer -> imported: why``."""
    found = []
    for source, targets in sorted(graph.items()):
        top = source.split(".")[0]
        for target in sorted(targets):
            target_top = target.split(".")[0]
            why = None
            if target_top in LAYERS and target_top != top and target_top not in LAYERS[top]:
                why = f"{top} may not import {target_top} (DESIGN.md layers)"
            elif (
                top == "prereview"
                and target_top == "retrieval"
                and target not in PREREVIEW_USES_OF_RETRIEVAL
            ):
                why = "prereview uses only retrieval's text normalisation and encoders"
            elif top == "bot":
                why = _bot_breach(source, target)
            if why:
                found.append(f"{source} -> {target}: {why}")
    return found


def _bot_breach(source: str, target: str) -> str | None:
    part = _bot_part(source)
    if part is None:
        return f"{source} has no rank in BOT_RANKS"
    target_top = target.split(".")[0]
    if target_top != "bot":
        forbidden = BOT_FORBIDDEN_THIRD_PARTY.get(part, ())
        if target_top in forbidden:
            return f"{part} must not depend on {target_top}"
        queue = target_top in ("rq", "redis") and part == "bot.jobs"
        if queue and not source.startswith(QUEUE_IMPLEMENTATIONS):
            return "only the RQ queue implementation imports rq/redis"
        return None
    target_part = _bot_part(target)
    if target_part is None:
        return f"{target} has no rank in BOT_RANKS"
    if target_part == part or (part, target_part) in BOT_SAME_RANK:
        return None
    if BOT_RANKS[part] == BOT_RANKS[target_part] == 0:
        return None  # the base modules are small utilities; the cycle check still applies
    if BOT_RANKS[target_part] < BOT_RANKS[part]:
        if part == "bot.jobs" and BOT_RANKS[target_part] != 0:
            return "jobs depend on nothing in bot but its base modules"
        return None
    return f"{part} (rank {BOT_RANKS[part]}) may not import {target_part} (rank {BOT_RANKS[target_part]})"


def _unexpected_cycles(graph: Mapping[str, set[str]]) -> list[set[str]]:
    return [c for c in cycles(graph) if c not in ALLOWED_CYCLES]


# -- the project --------------------------------------------------------------------


def test_the_project_has_no_import_cycles():
    assert _unexpected_cycles(import_graph(project_sources())) == []


def test_every_import_follows_the_layers():
    assert breaches(import_graph(project_sources())) == []


def test_every_bot_module_has_a_layer():
    """A new folder in bot gets a rank on purpose, not by accident."""
    sources = project_sources()
    assert [m for m in sources if m.startswith("bot") and _bot_part(m) is None] == []


def test_imports_inside_functions_are_seen():
    source = "def f():\n    from bot.app import create_app\n"
    graph = import_graph({"knowledge.x": source, "bot.app": ""})
    assert graph["knowledge.x"] == {"bot.app"}


# -- the test of the test -----------------------------------------------------------


def _with(sources: dict[str, str], module: str, line: str) -> dict[str, str]:
    changed = dict(sources)
    changed[module] = changed.get(module, "") + "\n" + line + "\n"
    return changed


def test_an_injected_cycle_fails():
    sources = project_sources()
    # The dialog imports bot.dialog.messages; make messages import the dialog back,
    # inside a function, the way cycles used to be dodged.
    looped = _with(
        sources, "bot.dialog.messages", "def later():\n    from bot.dialog import _dialog"
    )
    found = _unexpected_cycles(import_graph(looped))
    assert any({"bot.dialog.messages", "bot.dialog._dialog"} <= c for c in found)


def test_injected_layer_breaches_fail():
    sources = project_sources()
    cases = {
        ("knowledge.schema", "from bot.settings import Settings"): "knowledge may not import bot",
        ("retrieval.search", "import prereview"): "retrieval may not import prereview",
        ("bot.dialog._dialog", "from fastapi import Request"): "bot.dialog must not depend on",
        ("bot.dialog._dialog", "from bot.channels.http import chat"): "may not import bot.channels",
        ("bot.dialog._dialog", "from bot.jobs import PrereviewJobs"): "may not import bot.jobs",
        ("bot.jobs.service", "from rq import Queue"): "only the RQ queue implementation",
        ("bot.services.notices", "from bot.compose import build_worker"): "may not import",
    }
    for (module, line), message in cases.items():
        found = breaches(import_graph(_with(sources, module, line)))
        assert any(message in b for b in found if b.startswith(module)), (module, line, found)
