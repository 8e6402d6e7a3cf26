"""The words a bundle is told in: the same totals, window and conditions in every channel."""

from __future__ import annotations

from knowledge import Location
from knowledge.bundles import (
    TotalTime,
    VisitCount,
    item_condition,
    served_text,
    time_line,
    visits_line,
    when_text,
    window_lines,
)

NAMES = {"item-b": "租赁备案", "item-c": "税务登记"}


def test_published_promise_is_said_as_the_bundles_own():
    line = time_line(TotalTime(5, "工作日", None, published=True), NAMES)
    assert line == "办理时限：5个工作日（一件事承诺时限）。"


def test_sum_with_the_fastest_when_departments_work_at_once():
    line = time_line(TotalTime(15, "工作日", 10), NAMES)
    assert line == "办理时限：合计不超过15个工作日（各部门同时办理时，最快约10个工作日）。"
    assert "最快" not in time_line(TotalTime(10, "工作日", 10), NAMES)  # one item: no range


def test_items_without_a_limit_are_named_not_guessed():
    line = time_line(TotalTime(5, "自然日", 5, unknown=("item-b", "item-x")), NAMES)
    assert "合计不超过5个自然日" in line and "租赁备案、item-x未公布时限，未计入" in line
    assert time_line(TotalTime(0, "工作日", 0), NAMES) == "办理时限：各事项均当场办结。"
    assert "请咨询综合窗口" in time_line(TotalTime(None, "工作日", None), NAMES)


def test_visits_are_one_trip_or_none():
    assert visits_line(VisitCount(1), NAMES) == "到现场次数：最多跑1次。"
    assert visits_line(VisitCount(0, published=True), NAMES) == (
        "到现场次数：全程网上办理，无需到现场。"
    )
    assert "税务登记未公布到现场次数" in visits_line(VisitCount(1, unknown=("item-c",)), NAMES)
    assert visits_line(VisitCount(None), NAMES) == "到现场次数：请咨询综合窗口。"


def test_conditions_read_as_when_any_applies():
    assert when_text(["租用场所", "委托他人代办", "租用场所"]) == "租用场所或委托他人代办时"
    assert item_condition(["以公司形式经营"]) == "——以公司形式经营时办理"
    assert item_condition([]) == ""  # always done: nothing added to the item's line


def test_a_document_names_the_items_it_serves():
    assert served_text([1, 2, 3]) == "——事项1、2、3共用"
    assert served_text([2]) == "——事项2"


def test_window_lines_leave_out_what_is_not_known():
    full = Location(
        name="示范市政务服务中心", address="人民路1号", hours="9:00-17:00", phone="12345"
    )
    assert window_lines(full) == [
        "综合窗口：示范市政务服务中心",
        "地址：人民路1号",
        "办公时间：9:00-17:00",
        "咨询电话：12345",
    ]
    assert window_lines(Location(name="综合窗口一")) == ["综合窗口：综合窗口一"]
