"""The knowledge base of service guides (办事指南): schema, storage, import/export, lint.

``knowledge`` imports none of the other layers; ``retrieval``, ``prereview`` and
``bot`` build on it.
"""

from knowledge.db import Base, create_tables, make_engine, sqlite_url
from knowledge.lint import lint_guide, lint_guides, lint_paths
from knowledge.loader import LoadResult, Problem, guide_yaml, load_guides, parse_guide
from knowledge.schema import Faq, Guide, Location, Material, Recognize, Situation, TimeLimit
from knowledge.store import (
    BundleHistoryEntry,
    Changes,
    HistoryEntry,
    ImportCounts,
    ItemNotFound,
    PublishBlocked,
    Store,
)

__all__ = [
    "Base",
    "BundleHistoryEntry",
    "Changes",
    "Faq",
    "Guide",
    "HistoryEntry",
    "ImportCounts",
    "ItemNotFound",
    "LoadResult",
    "Location",
    "Material",
    "Problem",
    "PublishBlocked",
    "Recognize",
    "Situation",
    "Store",
    "TimeLimit",
    "create_tables",
    "guide_yaml",
    "lint_guide",
    "lint_guides",
    "lint_paths",
    "load_guides",
    "make_engine",
    "parse_guide",
    "sqlite_url",
]
