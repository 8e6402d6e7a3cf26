"""The jobs' logger, which never writes an ID number (DESIGN.md: masked in logs)."""

from __future__ import annotations

import logging

from prereview import mask_text


class MaskIds(logging.Filter):
    """Masks ID-number-like runs in a record's message and traceback before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = mask_text(record.getMessage()), None
        if record.exc_info:
            record.exc_text = mask_text(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


log = logging.getLogger("bot.jobs")
log.addFilter(MaskIds())
