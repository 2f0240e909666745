"""What an HTML parser reads from a page: its elements, their attributes, its links."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_RICH_ID = re.compile(r"terminal-\d+")  # Rich names an SVG's classes after a hash of it
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Shape(HTMLParser):
    """The set of (element, attribute names) of a page, every link target, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: set[tuple[str, tuple[str, ...]]] = set()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.add((tag, tuple(sorted(a for a, _ in attrs))))
        for name, value in attrs:
            if name in ("href", "src", "xlink:href", "action", "formaction"):
                self.links.append(value or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def shape(page: str) -> Shape:
    parser = Shape()
    parser.feed(page)
    parser.close()
    return parser


def web_links(links: list[str]) -> list[str]:
    """The link targets that are not http(s) addresses (in-page `#` and `url(#...)` apart)."""
    return [x for x in links if not x.startswith(("http://", "https://", "#"))]
