from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

BASE_GUIDE = {
    "id": "test-item",
    "name": "测试事项",
    "department": "示范市测试局",
    "category": "社会民生类",
    "handling": "承诺件",
    "situations": [{"id": "agent", "label": "委托他人代办", "question": "是否委托他人代办？"}],
    "materials": [
        {"id": "idcard", "name": "申请人居民身份证", "form": "原件"},
        {"id": "proxy", "name": "授权委托书", "situation": "agent"},
    ],
    "time_limit": {"statutory": 20, "promised": 5},
    "locations": [{"name": "示范市政务服务中心", "hours": "周一至周五 9:00-17:00"}],
}


@pytest.fixture
def guide_data() -> dict:
    """A valid guide as a mapping; tests change one thing and see what lint says."""
    return copy.deepcopy(BASE_GUIDE)


@pytest.fixture
def write_guide(tmp_path: Path):
    """Write a mapping (or raw text) to a YAML file and return its path."""

    def write(data: dict | str, name: str = "guide.yaml", folder: Path | None = None) -> Path:
        path = (folder or tmp_path) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write
