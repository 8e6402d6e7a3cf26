"""What ``onetrip serve`` writes to its output: uvicorn's lines and the app's own, masked.

uvicorn configures only its own loggers, so the app's INFO lines (a job queued,
jobs requeued at start-up, what the purge deleted) went nowhere. This
configuration sends the project's loggers to the same handler as uvicorn's, at
INFO, and passes every record — access lines included, whose paths may carry
what a citizen typed — through :class:`bot.privacy.MaskPersonal` first.
"""

from __future__ import annotations

import copy
from typing import Any

from uvicorn.config import LOGGING_CONFIG

APP_LOGGERS = ("bot", "knowledge", "prereview", "retrieval")


def log_config(level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` mapping for uvicorn's ``log_config``."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"mask_personal": {"()": "bot.privacy.MaskPersonal"}}
    for handler in config["handlers"].values():
        handler["filters"] = ["mask_personal"]
    for name in APP_LOGGERS:
        config["loggers"][name] = {"handlers": ["default"], "level": level, "propagate": False}
    return config
