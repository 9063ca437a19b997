"""Generic text renderers: aligned tables, CSV, JSON.

>>> print(table_text(["a", "b"], [["1", "2.00"]]))
  a     b
---  ----
  1  2.00
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any


def table_text(headers: Sequence[str], rows: Sequence[Sequence[Any]], first_left: bool = False) -> str:
    """An aligned plain-text table (tabulate), right-aligned; amounts arrive as
    text and are never re-parsed as floats."""
    from tabulate import tabulate

    align = ["right"] * len(headers)
    if first_left and align:
        align[0] = "left"
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True, colalign=align)


def key_values(pairs: Sequence[tuple[str, Any]]) -> str:
    """'label: value' lines, labels padded to one width (CJK counted double)."""
    width = max((display_width(k) for k, _ in pairs), default=0)
    return "\n".join(f"{k}{' ' * (width - display_width(k))}  {v}" for k, v in pairs)


def display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two."""
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
