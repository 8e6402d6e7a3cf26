"""一件事 bundles: the items of one life or business event, served together.

A bundle names its items in order, the lead department (牵头部门) and the one
window (综合窗口) that receives everything (首接受理), the situations (办事情形)
asked once for the whole event, and which materials of different items are the
same document, so that an applicant hands in an ID card once, not four times.
File format: ``docs/bundles.md``; a bundle file is marked by ``kind: bundle``.

This module is the public surface; the parts live in private modules:
the model (``_bundle_model``), files (``_bundle_files``), the pure composition
(``_bundle_compose``), the wording every channel tells it in (``_bundle_text``) and
the lint (``_bundle_lint``).
"""

from knowledge._bundle_compose import (
    BundleItem,
    CombinedMaterial,
    Composition,
    MaterialUse,
    SituationQuestion,
    TotalTime,
    VisitCount,
    applicable_items,
    combined_materials,
    compose,
    item_situations,
    situation_questions,
    total_time,
    total_visits,
)
from knowledge._bundle_files import (
    BundleLoadResult,
    bundle_yaml,
    is_bundle_data,
    load_bundles,
    parse_bundle,
    parse_bundle_text,
    split_files,
    write_bundles,
)
from knowledge._bundle_lint import lint_bundle, lint_bundle_paths, lint_bundles
from knowledge._bundle_model import (
    BUNDLE_KIND,
    Bundle,
    BundleEntry,
    BundleError,
    BundleSituation,
)
from knowledge._bundle_text import (
    item_condition,
    served_text,
    time_line,
    visits_line,
    when_text,
    window_lines,
)

__all__ = [
    "BUNDLE_KIND",
    "Bundle",
    "BundleEntry",
    "BundleError",
    "BundleItem",
    "BundleLoadResult",
    "BundleSituation",
    "CombinedMaterial",
    "Composition",
    "MaterialUse",
    "SituationQuestion",
    "TotalTime",
    "VisitCount",
    "applicable_items",
    "bundle_yaml",
    "combined_materials",
    "compose",
    "is_bundle_data",
    "item_condition",
    "item_situations",
    "lint_bundle",
    "lint_bundle_paths",
    "lint_bundles",
    "load_bundles",
    "parse_bundle",
    "parse_bundle_text",
    "served_text",
    "situation_questions",
    "split_files",
    "time_line",
    "total_time",
    "total_visits",
    "visits_line",
    "when_text",
    "window_lines",
    "write_bundles",
]
