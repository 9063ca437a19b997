"""A document as plain blocks of text, in reading order: what a letter says,
apart from how Word lays it out (``docx.py``).

>>> doc = Document(title="协商还款申请书", lang="zh", blocks=(Para("致：某公司", "address"),))
>>> [b.text for b in doc.blocks if isinstance(b, Para)]
['致：某公司']
"""

from __future__ import annotations

from dataclasses import dataclass

#: paragraph styles the writer knows: title, address, heading, body, item, quote, party, closing, signature, note
STYLES = ("title", "address", "heading", "body", "item", "quote", "party", "closing", "signature", "note")


@dataclass(frozen=True)
class Para:
    """A paragraph of finished text in one of :data:`STYLES`."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Table:
    """A table: header, rows, an optional total row; ``numeric`` marks right-aligned columns."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None
    numeric: tuple[bool, ...] = ()
    widths: tuple[float, ...] = ()  # in centimetres


@dataclass(frozen=True)
class SignatureBlock:
    """Lines to sign on (label, then a blank or a value), kept together on one page."""

    lines: tuple[str, ...]


Block = Para | Table | SignatureBlock


@dataclass(frozen=True)
class Document:
    """A letter or an agreement, ready to write."""

    title: str
    lang: str
    blocks: tuple[Block, ...]
    footer: str = ""
