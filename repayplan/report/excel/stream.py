"""Rows straight into a streamed (write-only) openpyxl sheet.

Without lxml, openpyxl builds and serialises an element per cell, which is
most of the time an export takes. The cells a workbook holds here are plain
(numbers, dates, text and formulas, each with a named style), so a row is
written as the XML openpyxl itself would write, in one string, into the
sheet's stream. openpyxl still writes everything around the rows (columns,
panes, print setup, tables, charts). When openpyxl's internals are not the
ones this was written for, :func:`open_rows` returns None and rows go
through ``worksheet.append`` as usual.

>>> row_xml(9, [(1, 3), ("=ROUND(E9*D9,2)", 4), None, ("A & B", None)], {})
'<row r="9"><c r="A9" s="3" t="n"><v>1</v></c><c r="B9" s="4"><f>ROUND(E9*D9,2)</f><v></v></c><c r="D9" \
t="inlineStr"><is><t>A &amp; B</t></is></c></row>'
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

#: a cell: (value, style id or None), or None for an empty cell
Cell = tuple[Any, int | None] | None


def open_rows(worksheet: Any) -> Callable[[str], None] | None:
    """Start a write-only sheet's rows (after its settings are final) and
    return a function that writes one row's XML; None if this openpyxl
    cannot be streamed into this way."""
    try:
        from openpyxl.worksheet._writer import WorksheetWriter
    except ImportError:  # pragma: no cover - another openpyxl
        return None
    if getattr(worksheet, "_writer", True) is not None or getattr(worksheet, "_rows", True) is not None:
        return None
    writer = WorksheetWriter(worksheet)
    writer.write_top()
    worksheet._writer = writer
    rows = _sheet_data(writer)
    sink = next(rows)
    if sink is None:  # pragma: no cover - another et_xmlfile
        return None
    worksheet._rows = rows  # closed by worksheet.close(), which ends <sheetData>
    return sink


def _sheet_data(writer: Any) -> Generator[Callable[[str], None] | None, None, None]:
    """Like openpyxl's own row generator: <sheetData> open while rows come."""
    xf = writer.xf.send(True)
    raw = getattr(xf, "_file", None)
    try:
        with xf.element("sheetData"):
            try:
                yield raw if callable(raw) else None
                while True:
                    yield None
            except GeneratorExit:
                pass
        writer.xf.send(None)
    except (ValueError, StopIteration):  # the stream was closed already: a workbook dropped unsaved
        return


@lru_cache(maxsize=256)
def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _escape(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def row_xml(row: int, cells: Sequence[Cell], attrs: dict[str, str]) -> str:
    """One row as openpyxl writes it: dates as serial numbers, text inline."""
    from openpyxl.utils.datetime import to_excel

    extra = "".join(f' {k}="{_escape(str(v))}"' for k, v in attrs.items())
    out = [f'<row r="{row}"{extra}>']
    for index, cell in enumerate(cells, start=1):
        if cell is None:
            continue
        value, style = cell
        if value is None and style is None:
            continue
        head = f'<c r="{column_letter(index)}{row}"' + (f' s="{style}"' if style else "")
        if value is None or value == "":
            out.append(head + "/>")
        elif isinstance(value, str) and value.startswith("="):
            out.append(f"{head}><f>{_escape(value[1:])}</f><v></v></c>")
        elif isinstance(value, str):
            space = ' xml:space="preserve"' if value != value.strip() else ""
            out.append(f'{head} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>')
        elif isinstance(value, bool):
            out.append(f'{head} t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, datetime | date):
            out.append(f'{head} t="n"><v>{to_excel(value)}</v></c>')
        elif isinstance(value, int | float | Decimal):
            out.append(f'{head} t="n"><v>{value}</v></c>')
        else:
            raise ValueError(f"cannot write {value!r} to a cell")
    out.append("</row>")
    return "".join(out)
