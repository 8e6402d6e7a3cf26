"""Plain objects between the channels and the dialog: what came in, what goes out.

Channels (WeChat XML, mini-program JSON, the web page) translate their wire
format to :class:`Incoming` and render :class:`Reply` as they can: buttons
where there are buttons, numbered lines where there is only text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from bot.dialog.tables import RATING_LABELS


@dataclass(frozen=True)
class Upload:
    """A file the citizen sent (photo, scan, PDF), already read by the channel."""

    name: str
    data: bytes
    content_type: str | None = None


@dataclass(frozen=True)
class Incoming:
    """One message from a citizen.

    ``command`` is set by menus and buttons (welcome, prereview, human, rate,
    help); ``can_send_files`` is False where the chat cannot carry PDFs (an
    Official Account), so the dialog offers a personal upload link instead.
    """

    text: str = ""
    files: tuple[Upload, ...] = ()
    command: str | None = None
    can_send_files: bool = True


@dataclass(frozen=True)
class Option:
    """One entry of a numbered choice: reply ``number`` (or tap it) to pick it."""

    number: int
    label: str


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class ItemCard:
    """The guide an answer came from (named so that the citizen can check the source)."""

    id: str
    name: str
    department: str
    handling: str | None = None
    time_limit: str | None = None
    fees: str | None = None
    visits: int | None = None
    location: str | None = None
    hours: str | None = None
    phone: str | None = None
    online_url: str | None = None


@dataclass(frozen=True)
class UploadHint:
    """Pre-review is collecting files for ``item``.

    Files can be sent into the chat, or — a mini-program's native uploader —
    straight to the pre-review API with form fields ``item`` and ``situations``
    (already written as flags: ``agent=true``, see :mod:`bot.situations`).
    With ``bundle``, ``item`` is a 一件事 bundle's id (the API's field ``bundle``) and
    ``situations`` the keys that apply.
    """

    item: str
    name: str
    situations: tuple[str, ...] = ()
    received: int = 0
    bundle: bool = False


RATING_PROMPT = "请评价本次答复：" + " ".join(f"{s} {label}" for s, label in RATING_LABELS.items())


@dataclass
class Reply:
    """What the bot says: one or more texts plus whatever the channel can render richly.

    ``kind`` tells clients what the reply is for: answer, choose, situation,
    not_found, social, human, rating, prereview, pending, notice, error.
    ``job`` is a pre-review job whose notice comes later (pushed or polled).
    ``suggestions`` are example questions from the guides, for clients with buttons.
    """

    texts: list[str]
    kind: str = "text"
    options: list[Option] = field(default_factory=list)
    card: ItemCard | None = None
    links: list[Link] = field(default_factory=list)
    rate: bool = False
    job: str | None = None
    upload: UploadHint | None = None
    item: str | None = None
    bundle: str | None = None  # the 一件事 bundle a whole-event answer is about
    # Example questions a client may show as tappable chips (the texts already name some).
    suggestions: list[str] = field(default_factory=list)

    def plain_text(self, link_format: str = "{title}：{url}") -> str:
        """The whole reply as one text, for channels that only show text."""
        parts = [t for t in self.texts if t]
        if self.options:
            parts.append("\n".join(f"{o.number}. {o.label}" for o in self.options))
        if self.links:
            parts.append(
                "\n".join(link_format.format(title=k.title, url=k.url) for k in self.links)
            )
        if self.rate:
            parts.append(RATING_PROMPT)
        return "\n\n".join(parts)

    def to_json(self) -> dict:
        data = asdict(self)
        data["rating_levels"] = (
            [{"score": s, "label": label} for s, label in RATING_LABELS.items()]
            if self.rate
            else []
        )
        return data
