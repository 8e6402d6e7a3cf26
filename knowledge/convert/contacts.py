"""办理地点, 办理时间 and 电话: tied together by the labels a guide gives them.

"番禺办理点：020-84881099" under 咨询电话 goes to the place named 番禺办理点; a single
place takes the single phone; a line under 电话 without a number is not a phone
and goes to review.
"""

from __future__ import annotations

import re

from knowledge.convert.review import Ledger
from knowledge.convert.sections import Entry
from knowledge.convert.vocabulary import Vocabulary, squeeze, strip_numbering

_PHONE = re.compile(r"(?:\d{3,4}[-－—]?)?\d{7,8}|1[3-9]\d{9}|12345|12333|\d{5,}")
_HOURS = re.compile(r"[0-9]{1,2}\s*[:：时点]|周[一二三四五六日]|星期|工作日|上午|下午|全天")
_KV = re.compile(r"^(?P<key>[^:：]{2,20})[:：]\s*(?P<value>.+)$")
_ADDRESS_LABELS = {"地址", "联系地址", "办理地址"}


def contacts(by: dict[str, list[Entry]], ledger: Ledger, vocabulary: Vocabulary) -> dict:
    """``locations``, ``phone`` and ``complaint_phone`` of a draft (only those found)."""
    return _Contacts(ledger, vocabulary).read(by)


class _Contacts:
    def __init__(self, ledger: Ledger, vocabulary: Vocabulary) -> None:
        self.ledger = ledger
        self.v = vocabulary
        self.data: dict = {}

    def place(self, entry: Entry, field_name: str) -> None:
        self.ledger.place(entry.line, field_name)

    def unplace(self, entry: Entry, text: str) -> None:
        self.ledger.unplace(entry.line, text)

    def read(self, by: dict[str, list[Entry]]) -> dict:
        """办理地点, 办理时间 and 电话, tied together by their labels where the guide gives them."""
        locations: list[dict] = []
        phones: list[str] = []
        ordered = sorted(
            (
                e
                for el in ("locations", "hours", "phone", "complaint_phone")
                for e in by.get(el, [])
            ),
            key=lambda e: e.line.index,
        )
        complaint: list[str] = []
        for entry in ordered:
            if entry.heading:
                self.place(entry, entry.element)
                continue
            for value in (v.strip() for v in entry.value.split("\n") if v.strip()):
                value = strip_numbering(self.v, value)
                if entry.element == "locations":
                    self.location(entry, value, locations)
                elif entry.element == "hours":
                    self.hours(entry, value, locations)
                elif not _PHONE.search(value):
                    self.unplace(entry, value)
                elif entry.element == "complaint_phone":
                    complaint.append(value)
                    self.place(entry, "complaint_phone")
                elif not self.labelled_phone(value, locations):
                    phones.append(value)
                    self.place(entry, "phone")
                else:
                    self.place(entry, "locations")
        if len(locations) == 1 and len(phones) == 1 and not locations[0].get("phone"):
            locations[0]["phone"] = phones.pop()
        if phones:
            self.data["phone"] = "；".join(phones)
        if complaint:
            self.data["complaint_phone"] = "；".join(complaint)
        for location in locations:
            location.pop("_open", None)
        if locations:
            self.data["locations"] = locations
        return self.data

    def location(self, entry: Entry, value: str, locations: list[dict]) -> None:
        self.place(entry, "locations")
        is_address = squeeze(entry.label) in _ADDRESS_LABELS
        listed = "\n" in entry.value  # several places, each "name: address"
        kv = _KV.match(value)
        if kv and (listed or not is_address) and self.v.element(kv.group("key")) is None:
            locations.append({"name": kv.group("key"), "address": kv.group("value")})
            return
        if value.isdigit():
            value = f"{value}号窗口"
        if is_address and locations and not locations[-1].get("address"):
            locations[-1]["address"] = value
            return
        if locations and locations[-1].get("_open") is entry.line.index - 1 and not entry.label:
            locations[-1]["name"] += f" {value}"
            locations[-1]["_open"] = entry.line.index
            return
        locations.append({"name": value, "_open": entry.line.index})

    def hours(self, entry: Entry, value: str, locations: list[dict]) -> None:
        if not _HOURS.search(value):
            self.unplace(entry, value)
            return
        target = next((loc for loc in reversed(locations) if not loc.get("hours")), None)
        if target is None:
            self.unplace(entry, f"{entry.label}：{value}" if entry.label else value)
            self.ledger.review.doubt("locations", f"有办理时间“{value}”但没有办理地点，请补上地点")
            return
        target["hours"] = value
        self.place(entry, "locations")

    def labelled_phone(self, value: str, locations: list[dict]) -> bool:
        """ "番禺办理点：020-84881099" goes to the location named 番禺办理点."""
        kv = _KV.match(value)
        if not kv:
            return False
        key = squeeze(kv.group("key"))
        for location in locations:
            if key and (key in squeeze(location["name"]) or squeeze(location["name"]) in key):
                location["phone"] = kv.group("value")
                return True
        return False
