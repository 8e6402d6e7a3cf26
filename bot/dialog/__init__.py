"""The chat dialog, independent of any channel (WeChat, mini-program, web page).

Channels hand in an :class:`Incoming` and render the :class:`Reply`; the
conversation state lives in the database (:class:`SessionStore`), so any app
process continues any conversation. Pre-review goes through the small
:class:`PrereviewIntake` port. The dialog imports no web framework, channel or
task queue (``tests/test_imports.py``); ``bot.compose`` builds it.
"""

from bot.dialog._dialog import Dialog, DialogConfig
from bot.dialog.cards import card_for
from bot.dialog.intake import PrereviewIntake, SubmitRefused
from bot.dialog.messages import Incoming, ItemCard, Link, Option, Reply, Upload, UploadHint
from bot.dialog.records import Records
from bot.dialog.sessions import SessionStore
from bot.dialog.state import Pending, State
from bot.dialog.tokens import Tokens, secret_key

__all__ = [
    "Dialog",
    "DialogConfig",
    "Incoming",
    "ItemCard",
    "Link",
    "Option",
    "Pending",
    "PrereviewIntake",
    "Records",
    "Reply",
    "SessionStore",
    "State",
    "SubmitRefused",
    "Tokens",
    "Upload",
    "UploadHint",
    "card_for",
    "secret_key",
]
