"""Writing summaries: CSV and JSON-lines rows rendered where a chunk is computed, XLSX with typed cells.

Text from the input (case ids, problems) never becomes a formula: CSV text
cells that begin with = + - @, tab or CR get a leading ' (OWASP), and XLSX
cells are written as strings.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import IO, Any

import pandas as pd

from ..errors import InputError
from ..report.labels import label
from ..report.render import FORMULA_STARTS, csv_cell
from .arrears import ARREARS_AMOUNTS
from .scenario import SCENARIO_AMOUNTS
from .summary import AMOUNT_COLUMNS, SUMMARY_COLUMNS

MONEY_COLUMNS = frozenset(AMOUNT_COLUMNS) | frozenset(SCENARIO_AMOUNTS) | frozenset(ARREARS_AMOUNTS)
#: The largest number of cases an XLSX sheet holds (1,048,576 rows less the header).
XLSX_ROWS = 1_048_575

#: Output columns that can carry text from the input.
TEXT_COLUMNS = ("case_id", "problem", "scenario", "scenario_problem")


def formula_safe(column: pd.Series) -> pd.Series:
    """A text column with :func:`repayplan.report.render.csv_cell` applied (one pass when no cell needs it).

    >>> formula_safe(pd.Series(["=1+1", "A-1", "-5.00", ""])).tolist()
    ["'=1+1", 'A-1', '-5.00', '']
    """
    starts = frozenset(FORMULA_STARTS)
    if not any(isinstance(v, str) and v[:1] in starts for v in column.tolist()):  # the usual chunk: one pass
        return column
    return column.map(csv_cell)


def headers(columns: tuple[str, ...], lang: str) -> list[str]:
    """Column keys for machines (en) or labels for people (zh), as `repayplan build --format csv`."""
    if lang == "en":
        return list(columns)
    return [label(c.replace("arrears_", "arrears.", 1) if c.startswith("arrears_") else c, lang) for c in columns]


#: columns written as dates, rates (percentages), whole numbers in a workbook
DATE_COLUMNS = frozenset({"first_due", "payoff_date", "arrears_as_of", "scenario_date", "scenario_payoff_date"})
RATE_COLUMNS = frozenset({"annual_rate", "scenario_annual_cost"})
COUNT_COLUMNS = frozenset({"term", "periods", "scenario_payments", "arrears_days_past_due"})


def typed_cell(column: str, text: Any) -> tuple[Any, str]:
    """A summary cell's text as the value a workbook holds and its kind; text that is not what its column
    holds stays text (never lost, never a formula).

    >>> typed_cell("annual_rate", "4.9%"), typed_cell("first_due", "2025-02-15"), typed_cell("term", "360")
    ((Decimal('0.049'), 'rate'), (datetime.date(2025, 2, 15), 'date'), (360, 'int'))
    >>> typed_cell("case_id", "=1+1"), typed_cell("annual_rate", "")
    (('=1+1', 'text'), (None, 'blank'))
    """
    from datetime import date

    if text is None or text == "":
        return None, "blank"
    value = str(text)
    try:
        if column in MONEY_COLUMNS:
            return Decimal(value), "money"
        if column in RATE_COLUMNS and value.endswith("%"):
            return Decimal(value[:-1]) / 100, "rate"
        if column in DATE_COLUMNS:
            return date.fromisoformat(value), "date"
        if column in COUNT_COLUMNS:
            return int(value), "int"
    except (ArithmeticError, ValueError):
        pass
    return value, "text"


class SummaryWriter:
    """Writes summary chunks to an open text stream (csv, json lines) or an XLSX file path (XlsxWriter,
    constant memory: typed amounts, rates and dates, column widths, header row frozen)."""

    def __init__(self, fmt: str, target: IO[str] | Path, lang: str = "en",
                 columns: tuple[str, ...] = SUMMARY_COLUMNS) -> None:
        self.fmt, self.target, self.lang, self.columns, self.count = fmt, target, lang, columns, 0
        if fmt == "xlsx":
            import xlsxwriter

            self.book = xlsxwriter.Workbook(str(target), {"constant_memory": True, "strings_to_formulas": False,
                                                          "strings_to_numbers": False, "strings_to_urls": False})
            self.sheet = self.book.add_worksheet("cases")
            font = {"font_name": "Calibri", "font_size": 10}
            self.formats = {
                "header": self.book.add_format({**font, "bold": True, "bg_color": "#DCE6F1", "text_wrap": True,
                                                "valign": "top", "border": 1, "border_color": "#A6A6A6"}),
                "rate": self.book.add_format({**font, "num_format": "0.00####%"}),
                "date": self.book.add_format({**font, "num_format": "yyyy-mm-dd"}),
                "int": self.book.add_format({**font, "num_format": "0"}),
                "text": self.book.add_format(font),
                "money0": self.book.add_format({**font, "num_format": "#,##0"}),
            }
            names = headers(columns, lang)
            for i, (column, name) in enumerate(zip(columns, names, strict=True)):
                width = 16 if column in MONEY_COLUMNS else 12 if column in DATE_COLUMNS else 10
                if column in ("case_id", "scenario", "scenario_problem"):
                    width = 18 if column != "scenario_problem" else 40
                self.sheet.set_column(i, i, max(width, min(30, len(name) + 2)))
            self.sheet.set_row(0, 30)
            for i, name in enumerate(names):
                self.sheet.write_string(0, i, name, self.formats["header"])
            self.sheet.freeze_panes(1, 1)
            self.sheet.set_landscape()
            self.sheet.set_paper(9)
            self.sheet.fit_to_pages(1, 0)
            self.sheet.repeat_rows(0)
        elif fmt == "csv":
            csv.writer(target, lineterminator="\n").writerow(headers(columns, lang))  # type: ignore[arg-type]

    def write(self, frame: pd.DataFrame | Rendered) -> None:
        """Append a chunk of summaries, or a chunk already rendered by :func:`render` (CSV, JSON lines)."""
        if isinstance(frame, Rendered):
            self.count += frame.rows
            self.target.write(frame.text)  # type: ignore[union-attr]
            return
        if self.fmt != "xlsx":
            self.write(render(self.fmt, frame, self.columns))
            return
        if self.count + len(frame) > XLSX_ROWS:
            raise InputError(f"output: an XLSX sheet holds at most {XLSX_ROWS:,} cases; write CSV or JSON")
        self._xlsx(zip(*(frame[c].tolist() for c in self.columns), strict=True))

    def _money(self, places: int) -> Any:
        key = f"money{places}"
        if key not in self.formats:
            self.formats[key] = self.book.add_format({"font_name": "Calibri", "font_size": 10,
                                                      "num_format": "#,##0." + "0" * places})
        return self.formats[key]

    def _xlsx(self, rows: Any) -> None:
        from datetime import datetime

        ws, formats = self.sheet, self.formats
        for row in rows:
            self.count += 1
            r = self.count
            places = len(str(row[2]).partition(".")[2]) if len(row) > 2 else 2
            for c, (column, text) in enumerate(zip(self.columns, row, strict=True)):
                value, kind = typed_cell(column, text)
                if kind == "blank":
                    continue
                if kind == "money":
                    ws.write_number(r, c, float(value), self._money(places))  # float ok
                elif kind == "rate":
                    ws.write_number(r, c, float(value), formats["rate"])  # float ok
                elif kind == "int":
                    ws.write_number(r, c, value, formats["int"])
                elif kind == "date":
                    ws.write_datetime(r, c, datetime(value.year, value.month, value.day), formats["date"])
                else:
                    ws.write_string(r, c, value, formats["text"])

    def close(self) -> None:
        if self.fmt == "xlsx":
            self.book.close()


@dataclass(frozen=True)
class Rendered:
    """A chunk of summaries as the text of its CSV or JSON-lines rows."""

    text: str
    rows: int


def render(fmt: str, frame: pd.DataFrame, columns: tuple[str, ...]) -> Rendered:
    """The rows of a summary chunk as CSV or JSON-lines text (no header), as the writer writes them.

    Rendering is part of the pure kernel, so it runs on the worker that computed the chunk.

    >>> render("csv", pd.DataFrame({"a": ["1", "x,y"], "b": ["", "2"]}), ("a", "b")).text
    '1,\\n"x,y",2\\n'
    >>> render("json", pd.DataFrame({"a": ["1"], "b": [""]}), ("a", "b")).text
    '{"a": "1", "b": null}\\n'
    """
    values = {c: _no_nan(frame[c]) for c in columns}
    if fmt == "csv":  # texts from the input (case ids, problems) never become formulas
        for c in TEXT_COLUMNS:
            if c in values:
                values[c] = formula_safe(values[c])
    rows = zip(*(values[c].tolist() for c in columns), strict=True)
    if fmt == "csv":
        buffer = StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        return Rendered(buffer.getvalue(), len(frame))
    text = "".join(json.dumps({k: (None if v == "" else v) for k, v in zip(columns, row, strict=True)},
                              ensure_ascii=False) + "\n" for row in rows)
    return Rendered(text, len(frame))


def render_columns(columns: list[list[str]]) -> Rendered:
    """CSV rows (no header) from column lists of texts, byte for byte as :func:`render` writes them:
    cells joined by commas where no cell needs quoting (the usual chunk), else by the csv module; the
    first column's texts (the case ids, from the input) are made formula-safe.

    >>> render_columns([["=1+1", "A"], ["5.00", "6.00"]]).text
    "'=1+1,5.00\\nA,6.00\\n"
    >>> render_columns([["x,y"], ["5.00"]]).text
    '"x,y",5.00\\n'
    """
    first = columns[0]
    if any(cell[:1] in _FORMULA for cell in first):
        columns = [[csv_cell(cell) for cell in first], *columns[1:]]
    rows = len(first)
    if not rows:
        return Rendered("", 0)
    joined = "".join("".join(column) for column in columns)
    if any(mark in joined for mark in (",", '"', "\n", "\r")):
        buffer = StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(zip(*columns, strict=True))
        return Rendered(buffer.getvalue(), rows)
    return Rendered("\n".join(map(",".join, zip(*columns, strict=True))) + "\n", rows)


_FORMULA = frozenset(FORMULA_STARTS)


def _no_nan(column: pd.Series) -> pd.Series:
    """A column whose missing cells are None (an empty CSV cell, JSON null), never the float NaN pandas may
    turn them into ('nan' in a CSV, invalid JSON).

    >>> _no_nan(pd.Series([True, None, float("nan")], dtype=object)).tolist()  # float ok
    [True, None, None]
    """
    if not column.hasnans:
        return column
    return column.astype(object).where(column.notna(), None)
