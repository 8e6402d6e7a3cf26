"""Probe questions: realistic first messages a knowledge base asks itself."""

from __future__ import annotations

from knowledge import Guide
from retrieval.probes import _shared_labels, _unnamed


def _guide(gid: str, name: str, labels: list[str]) -> Guide:
    return Guide.model_validate(
        {
            "id": gid,
            "name": name,
            "department": "市住房公积金管理中心",
            "materials": [],
            "situations": [{"id": f"s{k}", "label": label} for k, label in enumerate(labels)],
        }
    )


def test_an_unnamed_probe_describes_the_case_without_the_item_name() -> None:
    loan = _guide("gjj-daikuan", "住房公积金贷款", ["购买二手房", "委托他人代办"])
    seal = _guide("gz-zhuxiao", "公章注销", ["委托他人代办"])
    shared = _shared_labels([loan, seal])
    assert shared == {"委托他人代办"}
    probe = _unnamed(loan, shared)
    assert probe is not None and probe.startswith("购买二手房")
    assert "公积金" not in probe and "贷款" not in probe


def test_no_unnamed_probe_from_labels_every_item_shares_or_too_short() -> None:
    seal = _guide("gz-zhuxiao", "公章注销", ["委托他人代办", "遗失"])
    other = _guide("hk-qianchu", "户口迁出", ["委托他人代办"])
    assert _unnamed(seal, _shared_labels([seal, other])) is None


def test_a_bracketed_note_is_not_part_of_the_circumstance() -> None:
    g = _guide("ljs-hezhun", "建筑垃圾处置核准", ["工地排放建筑垃圾（产生核准）"])
    probe = _unnamed(g, _shared_labels([g]))
    assert probe is not None and probe.startswith("工地排放建筑垃圾") and "核准" not in probe
