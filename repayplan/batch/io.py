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
from pathlib import Path
from typing import IO, Any

import pandas as pd

from ..errors import InputError
from ..report.labels import label
from .arrears import ARREARS_AMOUNTS, PENALTY_COLUMNS
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
        if self.path is not None:
            if not self.path.exists():
                raise InputError(f"{self.path}: case list not found; check the path")
            if self.path.is_dir():
                raise InputError(f"{self.path}: is a directory; give a .csv or .parquet case list")
        self.size = self.path.stat().st_size if self.path is not None and not self.parquet else 0
        self.columns = self._parquet_columns() if self.parquet else self._csv_columns()
        self._check_columns(self.columns)

    def _csv_columns(self) -> list[str]:
        """The header line, read (and checked) before any row."""
        where = self.path or self.stream
        position = None if self.path else self.stream.tell()  # type: ignore[union-attr]
        try:
            header = pd.read_csv(where, nrows=0, dtype=object, encoding="utf-8-sig").columns  # type: ignore[arg-type]
        except pd.errors.EmptyDataError:
            raise InputError(f"{self.path or 'input'}: the case list is empty; "
                             "give a header line and rows") from None
        except (pd.errors.ParserError, UnicodeDecodeError) as exc:
            raise InputError(f"{self.path or 'input'}: cannot read the header line: {str(exc).strip()}") from None
        if position is not None:
            self.stream.seek(position)  # type: ignore[union-attr]
        return [str(c).strip().lower() for c in header]

    def _parquet_columns(self) -> list[str]:
        try:
            import pyarrow.parquet as pq
        except ImportError:  # pragma: no cover - pyarrow is optional
            raise InputError(f"{self.path}: reading Parquet needs pyarrow; "
                             "pip install pyarrow, or give a CSV") from None
        try:
            self._parquet_file = pq.ParquetFile(self.path)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds
            raise InputError(f"{self.path}: not a readable Parquet file ({exc})") from None
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
            if name not in COLUMNS + PENALTY_COLUMNS and name != "line":
                near = difflib.get_close_matches(name, COLUMNS + PENALTY_COLUMNS, n=1)
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
        lines: list[str] = []
        columns = tuple(self.columns)
        where = str(self.path or "input")

        def captured(source: Iterator[str]) -> Iterator[str]:  # progress in characters read (≈ bytes)
            for text in source:
                self.done += len(text)
                lines.append(text)
                yield text

        reader = csv.reader(captured(iter(handle)))
        try:
            next(reader, None)  # the header, read and checked before
            lines.clear()
            first, count = reader.line_num + 1, 0
            for _ in reader:
                count += 1
                if count == self.chunk_size:
                    yield CsvBlock("".join(lines), first, columns, where)
                    lines.clear()
                    first, count = reader.line_num + 1, 0
            if count:
                yield CsvBlock("".join(lines), first, columns, where)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"{where}: cannot read the case list near line {reader.line_num + 1}: "
                             f"{str(exc).strip()}") from None
        finally:
            if self.path:
                handle.close()

    def _parquet(self) -> Iterator[pd.DataFrame]:
        parquet = self._parquet_file
        self.size = parquet.metadata.num_rows
        columns = self.columns
        row = 1
        for batch in parquet.iter_batches(batch_size=self.chunk_size):
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

    A CSV block is parsed by the csv module (C-speed), so that a row with the
    wrong number of fields is that row's problem, with its line number, and
    never shifts or loses the rows around it (pandas' reader would take a
    first row's extra field as an index, or skip a later one).

    >>> block = CsvBlock('A,1\\n\\n"B\\nC",2,3\\n', 7, ("case_id", "x"), "c.csv")
    >>> cells_of(block)[["case_id", "x", "line"]].values.tolist()
    [['A', '1', 7], ['B\\nC', '2', 9]]
    """
    if isinstance(piece, pd.DataFrame):
        return piece
    columns = list(piece.columns)
    width = len(columns)
    reader = csv.reader(StringIO(piece.text, newline=""))
    rows: list[list[str]] = []
    lines: list[int] = []
    shapes: list[str] = []
    line = piece.first_line
    try:
        records = list(reader)
    except csv.Error as exc:
        line += reader.line_num
        raise InputError(f"{piece.where}: cannot read the case list near line {line}: {str(exc).strip()}") from None
    if reader.line_num == len(records) and all(len(r) == width and any(r) for r in records):
        # the usual block: a record a line, every one the header's width; no checks beyond these
        return _chunk(records, list(range(line, line + len(records))), [""] * len(records), columns)
    reader = csv.reader(StringIO(piece.text, newline=""))
    for record in reader:
        if len(record) == width and any(record):
            rows.append(record)
            shapes.append("")
            lines.append(line)
        elif any(cell.strip() for cell in record):  # short, long, or with a trailing comma
            extra = record[width:]
            shapes.append(f"the row has {len(record)} fields and the header {width}; quote a cell that "
                          "holds a comma" if any(cell.strip() for cell in extra) else "")
            rows.append((record + [""] * width)[:width])
            lines.append(line)
        line = piece.first_line + reader.line_num
    return _chunk(rows, lines, shapes, columns)


def _text(column: pd.Series) -> pd.Series:
    """A Parquet column as text cells: dates as ISO, numbers as written (floats by their shortest repr)."""
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        return column.dt.strftime("%Y-%m-%d").fillna("")
    return column.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v))


def headers(columns: tuple[str, ...], lang: str) -> list[str]:
    """Column keys for machines (en) or labels for people (zh), as `repayplan build --format csv`."""
    if lang == "en":
        return list(columns)
    return [label(c.replace("arrears_", "arrears.", 1) if c.startswith("arrears_") else c, lang) for c in columns]


class SummaryWriter:
    """Writes summary chunks to an open text stream (csv, json lines) or an XLSX file path."""

    def __init__(self, fmt: str, target: IO[str] | Path, lang: str = "en",
                 columns: tuple[str, ...] = SUMMARY_COLUMNS) -> None:
        self.fmt, self.target, self.lang, self.columns, self.count = fmt, target, lang, columns, 0
        if fmt == "xlsx":
            from openpyxl import Workbook

            self.book = Workbook(write_only=True)
            self.sheet = self.book.create_sheet("cases")
            self.sheet.append(headers(columns, lang))
        elif fmt == "csv":
            csv.writer(target, lineterminator="\n").writerow(headers(columns, lang))  # type: ignore[arg-type]

    def write(self, frame: pd.DataFrame | Rendered) -> None:
        """Append a chunk of summaries, or a chunk already rendered by :func:`render` (CSV, JSON lines)."""
        if isinstance(frame, Rendered):
            self.count += frame.rows
            self.target.write(frame.text)  # type: ignore[union-attr]
            return
        self.count += len(frame)
        if self.fmt != "xlsx":
            self.target.write(render(self.fmt, frame, self.columns).text)  # type: ignore[union-attr]
            return
        if self.count > XLSX_ROWS:
            raise InputError(f"output: an XLSX sheet holds at most {XLSX_ROWS:,} cases; write CSV or JSON")
        self._xlsx(zip(*(frame[c].tolist() for c in self.columns), strict=True))

    def _xlsx(self, rows: Any) -> None:
        from openpyxl.cell import WriteOnlyCell

        amounts = [i for i, c in enumerate(self.columns) if c in MONEY_COLUMNS]
        for row in rows:
            cells = list(row)
            places = len(cells[2].partition(".")[2])
            for i in amounts:
                if cells[i] in ("", None):
                    cells[i] = None
                    continue
                cell = WriteOnlyCell(self.sheet, Decimal(cells[i]))
                cell.number_format = "#,##0." + "0" * places if places else "#,##0"
                cells[i] = cell
            self.sheet.append(cells)

    def close(self) -> None:
        if self.fmt == "xlsx":
            self.book.save(self.target)


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
    rows = zip(*(frame[c].tolist() for c in columns), strict=True)
    if fmt == "csv":
        buffer = StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        return Rendered(buffer.getvalue(), len(frame))
    text = "".join(json.dumps({k: (None if v == "" else v) for k, v in zip(columns, row, strict=True)},
                              ensure_ascii=False) + "\n" for row in rows)
    return Rendered(text, len(frame))


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
