"""Reading case lists in chunks (CSV, Parquet) and writing summaries (CSV, JSON lines, XLSX).

Every cell is read as text, so amounts stay exact. Each row keeps the number
of the line it came from (CSV: the file's line, the header being line 1;
Parquet: the row number from 1), for the errors file.

>>> import io as _io
>>> source = CaseSource(_io.StringIO("case_id,principal,rate,term,method,start\\n\\nA,100,5%,2,annuity,2025-01-01\\n"))
>>> [chunk[["line", "case_id"]].values.tolist() for chunk in source.chunks()]
[[[3, 'A']]]
"""

from __future__ import annotations

import csv
import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from io import StringIO
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pandas as pd

from ..csvrows import MAX_RECORD_LINES, records
from ..errors import InputError
from ..inputs import brief
from ..report.labels import label
from ..report.render import FORMULA_STARTS, csv_cell
from .arrears import ARREARS_AMOUNTS, CLAIM_INPUTS, PENALTY_COLUMNS
from .cases import COLUMNS, REQUIRED, SHAPE
from .scenario import SCENARIO_AMOUNTS
from .summary import AMOUNT_COLUMNS, SUMMARY_COLUMNS

#: The largest number of cases an XLSX sheet holds (1,048,576 rows less the header).
XLSX_ROWS = 1_048_575
FORMATS = ("csv", "json", "xlsx")
MONEY_COLUMNS = frozenset(AMOUNT_COLUMNS) | frozenset(SCENARIO_AMOUNTS) | frozenset(ARREARS_AMOUNTS)


class CaseSource:
    """A case list, read chunk by chunk; ``size`` and ``done`` measure progress."""

    def __init__(self, source: str | Path | IO[str], chunk_size: int = 50_000) -> None:
        self.chunk_size = chunk_size
        self.path = None if hasattr(source, "read") else Path(source)  # type: ignore[arg-type]
        self.stream = source if self.path is None else None
        self.parquet = self.path is not None and self.path.suffix.lower() in (".parquet", ".pq")
        self.warnings: list[str] = []
        self.done = 0
        self.header_line = 1
        if self.path is not None:
            try:
                self.path.stat()
            except FileNotFoundError:
                raise InputError(f"{self.path}: case list not found; check the path") from None
            except OSError as exc:  # a symbolic link that loops, a permission ...
                raise InputError(f"{self.path}: cannot read the case list ({exc.strerror})") from None
            if self.path.is_dir():
                raise InputError(f"{self.path}: is a directory; give a .csv or .parquet case list")
        self.size = self.path.stat().st_size if self.path is not None and not self.parquet else 0
        self.columns = self._parquet_columns() if self.parquet else self._csv_columns()
        self._check_columns(self.columns)

    def _csv_columns(self) -> list[str]:
        """The header line, read (and checked) before any row: the first line
        that is not blank; a column named twice is refused."""
        name = self.path or "input"
        position = None if self.path else self.stream.tell()  # type: ignore[union-attr]
        handle: Any = open(self.path, encoding="utf-8-sig", newline="") if self.path else self.stream  # noqa: SIM115
        header: list[str] | None = None
        try:
            for line, cells, problem in records(handle, multiline=False):
                if problem:
                    raise InputError(f"{name}: cannot read the header line {line}: {problem}")
                if any(cell.strip() for cell in cells):
                    header, self.header_line = cells, line
                    break
        except UnicodeDecodeError:
            raise InputError(f"{name}: is not UTF-8 text; save the case list as CSV (UTF-8) or Parquet") from None
        finally:
            if self.path:
                handle.close()
        if header is None:
            raise InputError(f"{name}: the case list is empty; give a header line and rows")
        if position is not None:
            self.stream.seek(position)  # type: ignore[union-attr]
        columns = [c.strip().lower() for c in header]
        for i, column in enumerate(columns):
            if column and column in columns[:i]:
                raise InputError(f"{name}: column {brief(column)} is named twice in the header (columns "
                                 f"{columns.index(column) + 1} and {i + 1}); keep one")
        return columns

    def _parquet_columns(self) -> list[str]:
        try:
            import pyarrow.parquet as pq
        except ImportError:  # pragma: no cover - pyarrow is optional
            raise InputError(f"{self.path}: reading Parquet needs pyarrow; "
                             "pip install pyarrow, or give a CSV") from None
        try:
            self._parquet_file = pq.ParquetFile(self.path)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds
            reason = " ".join(str(exc).split())  # pyarrow's message may run over several lines
            raise InputError(f"{self.path}: not a readable Parquet file ({brief(reason, bare=True)})") from None
        return [str(c).strip().lower() for c in self._parquet_file.schema_arrow.names]

    def _check_columns(self, columns: list[str]) -> None:
        where = f"{self.path}: " if self.path else ""
        problems = []
        for name in REQUIRED:
            if name not in columns:
                near = difflib.get_close_matches(name, [c for c in columns if c not in COLUMNS], n=1)
                hint = f" (is {near[0]!r} meant to be {name!r}?)" if near else ""
                problems.append(f"{where}missing column {name!r}{hint}; a case list needs the columns "
                                f"{', '.join(REQUIRED)}")
        if problems:
            raise InputError("\n".join(problems))
        for name in columns:
            if name not in COLUMNS + PENALTY_COLUMNS + CLAIM_INPUTS and name != "line":
                near = difflib.get_close_matches(name, COLUMNS + PENALTY_COLUMNS + CLAIM_INPUTS, n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                self.warnings.append(f"{where}column {name!r} is not a loan field and is ignored{hint}")

    def chunks(self) -> Iterator[pd.DataFrame]:
        """Chunks of text cells with a ``line`` column; blank lines are skipped."""
        for piece in self.pieces():
            yield cells_of(piece)

    def pieces(self) -> Iterator[CsvBlock | pd.DataFrame]:
        """The list cut into chunks as cheaply as can be: a CSV as blocks of whole
        records (their text, parsed by :func:`cells_of` where the chunk is computed,
        on a worker), a Parquet file as chunks of text cells."""
        yield from (self._parquet() if self.parquet else self._csv())

    def _csv(self) -> Iterator[CsvBlock]:
        """Blocks of ``chunk_size`` records, cut where the csv module ends a record
        (never inside a quoted cell that holds a line break), each with the
        number of its first line."""
        handle: Any = open(self.path, encoding="utf-8-sig", newline="") if self.path else self.stream  # noqa: SIM115
        columns = tuple(self.columns)
        where = str(self.path or "input")

        def read(count: int) -> list[str]:
            try:
                got = list(islice(handle, count))
            except UnicodeDecodeError:
                raise InputError(f"{where}: is not UTF-8 text after line {first + len(pending)}; "
                                 "save the case list as CSV (UTF-8)") from None
            self.done += sum(map(len, got))  # progress in characters read (≈ bytes)
            return got

        first = self.header_line + 1
        pending: list[str] = []
        try:
            read(self.header_line)  # the header (and blank lines before it), read and checked before
            while True:
                got = read(self.chunk_size)
                text = pending + got
                if not got:  # the end: what is left is one block
                    if any(line.strip() for line in text):
                        yield CsvBlock("".join(text), first, columns, where)
                    break
                cut = _record_boundary(text, len(columns))
                if cut:
                    yield CsvBlock("".join(text[:cut]), first, columns, where)
                    first += cut
                pending = text[cut:]
            self.done = self.size
        finally:
            if self.path:
                handle.close()

    def _parquet(self) -> Iterator[pd.DataFrame]:
        parquet = self._parquet_file
        self.size = parquet.metadata.num_rows
        columns = self.columns
        row = 1
        batches = parquet.iter_batches(batch_size=self.chunk_size)
        while True:
            try:
                batch = next(batches, None)
            except Exception as exc:  # noqa: BLE001 - a damaged row group: pyarrow raises several kinds
                reason = " ".join(str(exc).split())
                raise InputError(f"{self.path}: cannot read the Parquet file after row {row - 1} "
                                 f"({brief(reason, bare=True)})") from None
            if batch is None:
                break
            chunk = batch.to_pandas()
            chunk.columns = columns
            chunk = pd.DataFrame({c: _text(chunk[c]) for c in columns}, dtype=object)
            chunk["line"] = range(row, row + len(chunk))
            row += len(chunk)
            self.done = row - 1
            yield chunk


@dataclass(frozen=True)
class CsvBlock:
    """Whole records of a CSV case list as the file has them, and the number of the first line."""

    text: str
    first_line: int
    columns: tuple[str, ...]
    where: str


def cells_of(piece: CsvBlock | pd.DataFrame) -> pd.DataFrame:
    """A chunk of text cells from a piece of a case list (a Parquet chunk already is one).

    A CSV block is read record by record (:func:`repayplan.csvrows.records`):
    a malformed line fails alone, with its line number, and a row with the
    wrong number of fields is that row's problem, never shifting or losing
    the rows around it.

    >>> block = CsvBlock('A,1\\n\\n"B\\nC",2\\nD,"x\\n', 7, ("case_id", "x"), "c.csv")
    >>> [(r[0], r[1], r[2], r[3][:20]) for r in cells_of(block)[["case_id", "x", "line", SHAPE]].values.tolist()]
    [('A', '1', 7, ''), ('B\\nC', '2', 9, ''), ('', '', 11, 'a quote opens in thi')]
    """
    if isinstance(piece, pd.DataFrame):
        return piece
    columns = list(piece.columns)
    width = len(columns)
    text = list(StringIO(piece.text, newline=""))  # lines as the file gives them (\n, \r\n or \r ends one)
    if '"' not in piece.text and "\x00" not in piece.text:  # the usual block: a record a line
        records_ = [line.rstrip("\r\n").split(",") for line in text]
        if all(len(r) == width for r in records_) and all(any(r) for r in records_):
            return _chunk(records_, list(range(piece.first_line, piece.first_line + len(records_))),
                          [""] * len(records_), columns)
    rows: list[list[str]] = []
    lines: list[int] = []
    shapes: list[str] = []
    for local, record, problem in records(text, width):
        line = piece.first_line + local - 1
        if problem:  # a malformed line fails alone, with its line number
            rows.append([""] * width)
            shapes.append(problem)
            lines.append(line)
        elif len(record) == width and any(record):  # the usual row: no checks beyond these
            rows.append(record)
            shapes.append("")
            lines.append(line)
        elif any(cell.strip() for cell in record):  # short, long, or with a trailing comma
            extra = record[width:]
            shapes.append(f"the row has {len(record)} fields and the header {width}; quote a cell that "
                          "holds a comma" if any(cell.strip() for cell in extra) else "")
            rows.append((record + [""] * width)[:width])
            lines.append(line)
    return _chunk(rows, lines, shapes, columns)


def _record_boundary(lines: list[str], width: int) -> int:
    """How many of these lines make whole records whatever follows them: all of
    them when no line holds a quote (a record is then a line); else up to the
    start of the last record that begins at least MAX_RECORD_LINES lines before
    the end (no record is longer, so what came before it is settled); 0: read on.

    >>> _record_boundary(["a,1\\n", "b,2\\n"], 2)
    2
    >>> _record_boundary(['a,"1\\n', '2",3\\n'] + ["c,4\\n"] * 60, 2)
    11
    """
    if not any('"' in line for line in lines):
        return len(lines)
    limit = len(lines) - MAX_RECORD_LINES
    starts = [local for local, _, _ in records(lines, width) if local <= limit]
    return starts[-1] - 1 if starts else 0


def _text(column: pd.Series) -> pd.Series:
    """A Parquet column as text cells: dates as ISO, numbers as written (floats by their shortest repr)."""
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        return column.dt.strftime("%Y-%m-%d").fillna("")
    return column.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v))


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
                    ws.write_number(r, c, float(value), self._money(places))
                elif kind == "rate":
                    ws.write_number(r, c, float(value), formats["rate"])
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


def _no_nan(column: pd.Series) -> pd.Series:
    """A column whose missing cells are None (an empty CSV cell, JSON null), never the float NaN pandas may
    turn them into ('nan' in a CSV, invalid JSON).

    >>> _no_nan(pd.Series([True, None, float("nan")], dtype=object)).tolist()
    [True, None, None]
    """
    if not column.hasnans:
        return column
    return column.astype(object).where(column.notna(), None)


ERROR_COLUMNS = ("line", "case_id", "problem")


def error_rows(frame: pd.DataFrame) -> list[tuple[Any, str, str]]:
    """(line, case_id, problem) for each problem of each bad row, one problem a row."""
    bad = frame[frame["problem"] != ""]
    lines = bad["line"].tolist() if "line" in bad.columns else [""] * len(bad)
    return [(line, case_id, text) for line, case_id, problems in zip(lines, bad["case_id"], bad["problem"],
                                                                       strict=True)
            for text in problems.splitlines()]


def format_for(path: str | None, fmt: str | None) -> str:
    """The output format: as given, else from the file's suffix, else csv."""
    if fmt:
        return fmt
    suffix = Path(path).suffix.lower() if path else ""
    return {".xlsx": "xlsx", ".json": "json", ".jsonl": "json", ".ndjson": "json"}.get(suffix, "csv")


def _chunk(rows: list[list[str]], lines: list[int], shapes: list[str], columns: list[str]) -> pd.DataFrame:
    """A chunk of text cells with its ``line`` numbers and each row's shape problem ("" when none)."""
    chunk = pd.DataFrame(rows, columns=columns, dtype=object)
    chunk["line"] = lines
    chunk[SHAPE] = shapes
    return chunk
