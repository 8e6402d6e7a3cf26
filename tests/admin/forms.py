"""Read a rendered HTML form the way a browser without JavaScript submits it."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlencode


class _FormReader(HTMLParser):
    def __init__(self, action: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action = action
        self.inside = False
        self.skip = 0  # depth inside <template>: content a browser does not submit
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._option: tuple[str | None, bool] | None = None
        self._option_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.inside = a.get("action") == self.action
            return
        if not self.inside:
            return
        if tag == "template":
            self.skip += 1
        if self.skip:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "file"):
                self.fields.append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._options = name, []
        elif tag == "option" and self._select:
            self._option = (a.get("value"), "selected" in a)
            self._option_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "template" and self.skip:
            self.skip -= 1
        elif tag == "textarea" and self._textarea:
            text = "".join(self._text)
            self.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "option" and self._option:
            value, selected = self._option
            self._options.append(
                (value if value is not None else "".join(self._option_text), selected)
            )
            self._option = None
        elif tag == "select" and self._select:
            chosen = next(
                (v for v, s in self._options if s), self._options[0][0] if self._options else ""
            )
            self.fields.append((self._select, chosen))
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)
        if self._option is not None:
            self._option_text.append(data)


def form_fields(html: str, action: str) -> list[tuple[str, str]]:
    """The (name, value) pairs the form posting to ``action`` sends, in document order."""
    reader = _FormReader(action)
    reader.feed(html)
    return reader.fields


def replace(fields: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    assert any(n == name for n, _ in fields), f"no field {name}"
    return [(n, value if n == name else v) for n, v in fields]


def without(fields: list[tuple[str, str]], name: str) -> list[tuple[str, str]]:
    return [(n, v) for n, v in fields if n != name]


def post_form(client, url: str, fields: list[tuple[str, str]]):
    """POST fields as a browser does (urlencoded, repeated names kept, in order)."""
    return client.post(
        url,
        content=urlencode(fields).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
