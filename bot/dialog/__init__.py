"""The chat dialog, independent of any channel (WeChat, mini-program, web page).

Channels hand in an :class:`Incoming` and render the :class:`Reply`; the
conversation state lives in the database (:class:`SessionStore`), so any app
process continues any conversation. :func:`bot.dialog.setup.open_dialog`
builds a :class:`Dialog` from the settings.
"""

from bot.dialog._dialog import Dialog, DialogConfig, card_for
from bot.dialog.messages import Incoming, ItemCard, Link, Option, Reply, Upload, UploadHint
from bot.dialog.records import Records
from bot.dialog.review import JobView, Reviewer
from bot.dialog.sessions import SessionStore
from bot.dialog.state import Pending, State
from bot.dialog.tokens import Tokens, secret_key

__all__ = [
    "Dialog",
    "DialogConfig",
    "Incoming",
    "ItemCard",
    "JobView",
    "Link",
    "Option",
    "Pending",
    "Records",
    "Reply",
    "Reviewer",
    "SessionStore",
    "State",
    "Tokens",
    "Upload",
    "UploadHint",
    "card_for",
    "secret_key",
]
