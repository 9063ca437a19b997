"""Rows of a workbook's first sheet as text cells, the shape the CSV record
reader gives (number, cells, problem), so a payment history exported by a
bank or a payment app as .xlsx goes through the same row rules as a CSV.

A cell becomes the text a CSV would hold: a date as ISO (2025-03-01), a
number as its shortest exact decimal (1066.19, never 1066.1900000000001), a
text as written. Rows are numbered as the spreadsheet numbers them.

>>> cell_text(1066.19), cell_text(3000), cell_text(None), cell_text(" 1,000.00 ")
('1066.19', '3000', '', ' 1,000.00 ')
>>> from datetime import datetime
>>> cell_text(datetime(2025, 3, 1)), cell_text(datetime(2025, 3, 1, 14, 30))
('2025-03-01', '2025-03-01')
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..text import msg

#: the suffixes read as workbooks
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def is_workbook(path: str | Path) -> bool:
    return Path(path).suffix.lower() in WORKBOOK_SUFFIXES


def cell_text(value: Any) -> str:
    """A cell's value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        text = repr(value)
        return format(Decimal(text), "f") if "e" in text or "E" in text else text.removesuffix(".0")
    return str(value)


def workbook_rows(path: str | Path) -> Iterator[tuple[int, list[str], str]]:
    """(row number, cells as text, "") for each row of the first sheet (values as last saved; formulas'
    cached values). A file that is not a workbook is an InputError naming it."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InputError(Problem(path="", message=msg("err.workbook_not_found"), file=str(path))) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(Problem(path="", message=msg("err.not_workbook", detail=exc), file=str(path))) from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [cell_text(v) for v in row], ""
    finally:
        book.close()
