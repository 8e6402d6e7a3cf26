"""HTML → lines and table rows, including HTML pasted from Word (MsoNormal, <o:p>, <!--[if]-->).

The standard library parser is enough: guides are paragraphs and tables, and a
page that is not well-formed (Word's output rarely is) must still be read.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd",
    "section", "article", "header", "footer", "blockquote", "pre", "caption", "title",
}  # fmt: skip
_SKIP = {"script", "style", "head", "noscript", "xml", "template"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, list[str]]] = []  # ("p", [text]) or ("tr", cells)
        self._text: list[str] = []
        self._skip = 0
        self._rows: list[list[str]] = []  # open table rows, innermost last
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        tag = tag.lower()
        if tag in _SKIP:
            self._skip += 1
        elif tag == "tr":
            self._flush()
            self._rows.append([])
        elif tag in ("td", "th"):
            self._flush()
            self._cell = []
        elif tag == "br":
            (self._cell if self._cell is not None else self._text).append("\n")
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th") and self._cell is not None and self._rows:
            self._rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._rows:
            cells = self._rows.pop()
            if any(cells):
                self.blocks.append(("tr", cells))
        elif tag in _BLOCKS and self._cell is None:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        data = data.replace("\xa0", " ")
        if self._cell is not None:
            self._cell.append(data)
        else:
            self._text.append(data)

    def _flush(self) -> None:
        text = "".join(self._text)
        self._text = []
        for line in text.split("\n"):
            if line.strip():
                self.blocks.append(("p", [line.strip()]))

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks(html: str) -> list[tuple[str, list[str]]]:
    """Paragraph lines and table rows in document order."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.blocks
