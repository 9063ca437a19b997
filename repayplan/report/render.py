"""Generic text renderers: aligned tables, CSV, JSON; tables fit the terminal.

Columns are measured in display width (a CJK character takes two columns;
tabulate and :func:`display_width` use wcwidth). When a width is set
(:func:`set_width`: ``COLUMNS``, or the terminal when output is one; never
with ``--wide``) a table wider than it leaves out the columns that are zero on
every row, wraps its headers and long text, and is then cut into groups of
columns that fit, the first column(s) repeated in each; prose lines wrap.
With no width set, everything prints in full, as before. CSV and JSON never
change.

>>> print(table_text(["a", "b"], [["1", "2.00"]]))
  a     b
---  ----
  1  2.00
>>> set_width(24)
>>> print(table_text(["period", "interest", "fees"], [["1", "12.00", "0.00"], ["2", "11.00", "0.00"]]))
  period    interest
--------  ----------
       1       12.00
       2       11.00
>>> set_width(None)
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

_WIDTH: ContextVar[int | None] = ContextVar("repayplan_width", default=None)
#: a cell that counts as zero when leaving out empty columns
_ZERO = re.compile(r"^\s*(-?0+(\.0+)?%?|—|-)?\s*$")
#: lines of case-file syntax (an entry to paste) that must never be wrapped
_SYNTAX = re.compile(r"^\s*(\[\[?\w|\w+ = |\{op = |\]$)")


def terminal_width(wide: bool = False) -> int | None:
    """The width tables must fit: none with --wide; COLUMNS when set; the terminal's when output is one;
    otherwise none (the full table, as when piped to a file)."""
    if wide:
        return None
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if sys.stdout.isatty():
            import shutil

            return shutil.get_terminal_size().columns
    except (AttributeError, ValueError, OSError):
        pass
    return None


def set_width(width: int | None) -> None:
    """Set the width tables and text fit for this run (None: print everything in full)."""
    _WIDTH.set(width if width is None else max(width, 20))


def current_width() -> int | None:
    return _WIDTH.get()


def table_text(headers: Sequence[str], rows: Sequence[Sequence[Any]], first_left: bool = False,
               keep: int = 1) -> str:
    """An aligned plain-text table (tabulate), right-aligned; amounts arrive as
    text and are never re-parsed as floats. ``keep``: the columns repeated in
    every group when the table is cut to fit."""
    width = _WIDTH.get()
    text = _tabulate(headers, rows, first_left)
    if width is None or _text_width(text) <= width:
        return text
    cells = [[("" if v is None else str(v)) for v in r] for r in rows]
    shown = [i for i in range(len(headers)) if i < keep or not all(_ZERO.match(r[i]) for r in cells)]
    return _fit([headers[i] for i in shown], [[r[i] for i in shown] for r in cells], first_left, keep, width)


def _fit(headers: list[str], rows: list[list[str]], first_left: bool, keep: int, width: int) -> str:
    """Without its all-zero columns: headers and long text wrapped, then groups of columns that fit."""
    text = _tabulate(headers, rows, first_left)
    if _text_width(text) <= width:
        return text
    kept = sum(_column_width([headers[i]], [r[i] for r in rows]) + 2 for i in range(min(keep, len(headers))))
    limit = max(width - kept - 2, 8)
    rows = [[c if i < keep else "\n".join(wrap(c, limit)) for i, c in enumerate(r)] for r in rows]
    headers = [h if i < keep else _wrap_header(h, _cells_width([r[i] for r in rows]), limit)
               for i, h in enumerate(headers)]
    text = _tabulate(headers, rows, first_left)
    if _text_width(text) <= width:
        return text
    return "\n\n".join(_tabulate([headers[i] for i in group], [[r[i] for i in group] for r in rows], first_left)
                       for group in _groups(headers, rows, keep, width))


def _groups(headers: list[str], rows: list[list[str]], keep: int, width: int) -> list[list[int]]:
    widths = [_column_width([h], [r[i] for r in rows]) + 2 for i, h in enumerate(headers)]
    head = list(range(min(keep, len(headers))))
    base = sum(widths[i] for i in head)
    groups: list[list[int]] = []
    current: list[int] = []
    used = base
    for i in range(len(head), len(headers)):
        if current and used + widths[i] > width:
            groups.append(head + current)
            current, used = [], base
        current.append(i)
        used += widths[i]
    if current or not groups:
        groups.append(head + current)
    return groups


def _tabulate(headers: Sequence[str], rows: Sequence[Sequence[Any]], first_left: bool) -> str:
    from tabulate import tabulate

    align = ["right"] * len(headers)
    if first_left and align:
        align[0] = "left"
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True, colalign=align)


def _wrap_header(header: str, cells: int, limit: int) -> str:
    """A header over two or more lines when that makes its column narrower by more than a character or two;
    never a word cut (a CJK header breaks between characters, at least two a line)."""
    if display_width(header) - cells <= 2:
        return header
    width = min(limit, max(cells, _longest_word(header), (display_width(header) + 1) // 2, 4))
    return "\n".join(wrap(header, width))


def _longest_word(text: str) -> int:
    return max((display_width(w) for w in re.findall(r"[A-Za-z0-9%().,'-]+", text)), default=0)


def _cells_width(cells: Sequence[str]) -> int:
    return max((display_width(line) for c in cells for line in str(c).split("\n")), default=0)


def _column_width(header: Sequence[str], cells: Sequence[str]) -> int:
    """A column's width as tabulate draws it: the widest cell, or the header and its padding of two."""
    return max(_cells_width(header) + 2, _cells_width(cells))


def _text_width(text: str) -> int:
    return max((display_width(line) for line in text.split("\n")), default=0)


def key_values(pairs: Sequence[tuple[str, Any]]) -> str:
    """'label: value' lines, labels padded to one width (CJK counted double);
    a value too long for the width wraps under itself."""
    width = max((display_width(k) for k, _ in pairs), default=0)
    limit = _WIDTH.get()
    lines = []
    for k, v in pairs:
        pad = f"{k}{' ' * (width - display_width(k))}  "
        parts = wrap(str(v), limit - width - 2) if limit and limit - width - 2 >= 16 else [str(v)]
        lines.append(pad + parts[0])
        lines += [" " * (width + 2) + p for p in parts[1:]]
    return "\n".join(lines)


def fit_lines(text: str) -> str:
    """Prose lines wider than the width wrap, continuing under their own indent (after a '- ' or '* ' mark);
    tables (already fitted) and lines of case-file syntax are left as they are."""
    limit = _WIDTH.get()
    if limit is None:
        return text
    out = []
    for line in text.split("\n"):
        if display_width(line) <= limit or _SYNTAX.match(line):
            out.append(line)
            continue
        mark = re.match(r"^(\s*(?:[-*] |\d+\. |# )?)", line)
        indent = " " * display_width(mark.group(1) if mark else "")
        if mark and mark.group(1).strip() == "#":  # a comment continues as a comment
            indent = mark.group(1)
        parts = wrap(line[len(mark.group(1)) if mark else 0:], limit - len(indent))
        out.append((mark.group(1) if mark else "") + parts[0])
        out += [indent + p for p in parts[1:]]
    return "\n".join(out)


#: Chinese line-breaking rules: these never start a line ...
_NO_START = set("，。、；：！？）」』》〉】”’％…,.;:!?)%")
#: ... and these never end one
_NO_END = set("（「『《〈【“‘(")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` display columns: Latin text breaks at spaces, CJK text between characters,
    never with a closing mark (，。）…) at the start of a line or an opening one (（「…) at its end.

    >>> wrap("the quick brown fox", 10), wrap("全额减免罚息及费用", 8)
    (['the quick', 'brown fox'], ['全额减免', '罚息及费', '用'])
    >>> wrap("按年折现率0%（债权人资金成本）计算", 28), wrap("回收21,772.63（75.00%）", 22)
    (['按年折现率0%（债权人资金成', '本）计算'], ['回收21,772.63', '（75.00%）'])
    """
    width = max(width, 2)
    tokens = re.findall(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af"
                        r"\uf900-\ufaff\uff00-\uffef]+|\s+", text)
    lines: list[str] = []
    current: list[str] = []  # the tokens of the line being filled, a space as " "

    for token in tokens:
        if token.isspace():
            if current:
                current.append(" ")
            continue
        if display_width("".join(current) + token) <= width:
            current.append(token)
            continue
        carry: list[str] = []
        if token[0] in _NO_START:  # the mark takes the token before it along to the next line
            while current and current[-1] == " ":
                current.pop()
            while len(current) > 1:  # a run of marks (）；) moves as one, with the token before it
                carry.insert(0, current.pop())
                if carry[0][0] not in _NO_START:
                    break
        while len(current) > 1 and current[-1][-1] in _NO_END:
            carry.insert(0, current.pop())
        if "".join(current).strip():
            lines.append("".join(current).rstrip())
        current = carry
        if current and display_width("".join(current) + token) > width:  # the carry does not fit with it
            lines.append("".join(current).rstrip())
            current = []
        while display_width(token) > width:  # a word longer than a line: cut it
            cut = 1
            while display_width(token[:cut + 1]) <= width:
                cut += 1
            lines.append(token[:cut])
            token = token[cut:]
        current.append(token)
    if "".join(current).strip() or not lines:
        lines.append("".join(current).rstrip())
    return lines


def display_width(text: str) -> int:
    """Terminal columns (wcwidth): wide (CJK) characters take two."""
    from wcwidth import wcswidth

    width = wcswidth(text)
    if width >= 0:
        return int(width)
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: A text cell starting with one of these is a formula to a spreadsheet (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9][0-9,]*(?:\.[0-9]+)?%?")


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula: a text beginning with
    ``= + - @``, a tab or a carriage return gets a leading ``'`` (OWASP's rule);
    numbers, negative ones too, are untouched.

    >>> [csv_cell(v) for v in ("=HYPERLINK(1)", "@SUM(A1)", "-1,045.00", "+5%", "2025-01-15", "A-1", 7)]
    ["'=HYPERLINK(1)", "'@SUM(A1)", '-1,045.00', '+5%', '2025-01-15', 'A-1', 7]
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """CSV with every cell through :func:`csv_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([csv_cell(h) for h in headers])
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return out.getvalue()


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
