"""Reading case lists in chunks (CSV, Parquet); the errors file's rows. Writing is in ``writer.py``.

Every cell is read as text, so amounts stay exact. Each row keeps the number
of the line it came from (CSV: the file's line, the header being line 1;
Parquet: the row number from 1), for the errors file.

>>> import io as _io
>>> source = CaseSource(_io.StringIO("case_id,principal,rate,term,method,start\\n\\nA,100,5%,2,annuity,2025-01-01\\n"))
>>> [chunk[["line", "case_id"]].values.tolist() for chunk in source.chunks()]
[[[3, 'A']]]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pandas as pd

from ..csvrows import records
from ..errors import CaseFileError, InputError, Problem, split_lines
from ..inputs import brief
from ..text import msg
from .arrears import CLAIM_INPUTS, PENALTY_COLUMNS
from .blocks import CsvBlock, CsvRange, cells_of, line_ranges, record_boundary
from .cases import COLUMNS, REQUIRED

FORMATS = ("csv", "json", "xlsx")


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
                raise _whole(self.path, "err.cases_not_found") from None
            except OSError as exc:  # a symbolic link that loops, a permission ...
                raise _whole(self.path, "err.cases_unreadable", reason=exc.strerror) from None
            if self.path.is_dir():
                raise _whole(self.path, "err.cases_is_directory")
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
                    raise _whole(name, "err.cases_header_unreadable", line=line, problem=problem)
                if any(cell.strip() for cell in cells):
                    header, self.header_line = cells, line
                    break
        except UnicodeDecodeError:
            raise _whole(name, "err.cases_not_utf8") from None
        finally:
            if self.path:
                handle.close()
        if header is None:
            raise _whole(name, "err.cases_empty")
        if position is not None:
            self.stream.seek(position)  # type: ignore[union-attr]
        columns = [c.strip().lower() for c in header]
        for i, column in enumerate(columns):
            if column and column in columns[:i]:
                raise _whole(name, "err.cases_column_twice", column=brief(column), first=columns.index(column) + 1,
                             second=i + 1)
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
        where = str(self.path) if self.path else ""
        problems = []
        for name in REQUIRED:
            if name not in columns:
                near = difflib.get_close_matches(name, [c for c in columns if c not in COLUMNS], n=1)
                hint = msg("err.meant", near=repr(near[0]), name=repr(name)) if near else ""
                problems.append(Problem(path="", file=where, message=msg("err.cases_missing_column", name=repr(name),
                                                                         hint=hint, required=", ".join(REQUIRED))))
        if problems:
            raise CaseFileError(problems)
        for name in columns:
            if name not in COLUMNS + PENALTY_COLUMNS + CLAIM_INPUTS and name != "line":
                near = difflib.get_close_matches(name, COLUMNS + PENALTY_COLUMNS + CLAIM_INPUTS, n=1)
                hint = msg("err.did_you_mean_after", near=repr(near[0])) if near else ""
                self.warnings.append(Problem(path="", file=where, message=msg("err.cases_ignored_column",
                                                                              name=repr(name), hint=hint)).as_msg())

    def chunks(self) -> Iterator[pd.DataFrame]:
        """Chunks of text cells with a ``line`` column; blank lines are skipped."""
        for piece in self.pieces():
            yield cells_of(piece)

    def pieces(self) -> Iterator[CsvBlock | CsvRange | pd.DataFrame]:
        """The list cut into chunks as cheaply as can be: a CSV as blocks of whole
        records (their text, parsed by :func:`cells_of` where the chunk is computed,
        on a worker), a Parquet file as chunks of text cells."""
        yield from (self._parquet() if self.parquet else self._csv())

    def _csv(self) -> Iterator[CsvBlock | CsvRange]:
        """Blocks of ``chunk_size`` records, cut where the csv module ends a record
        (never inside a quoted cell that holds a line break), each with the
        number of its first line; a file of a record a line as byte ranges
        of ``chunk_size`` lines (:func:`~repayplan.batch.blocks.line_ranges`)."""
        columns = tuple(self.columns)
        where = str(self.path or "input")
        ranges = line_ranges(self.path, self.header_line, self.chunk_size) if self.path else None
        if ranges is not None:  # the usual file: byte ranges, each read by the worker that computes it
            for start, end, before in ranges:
                yield CsvRange(str(self.path), start, end, before + 1, columns, where)
                self.done = end
            self.done = self.size
            return
        handle: Any = open(self.path, encoding="utf-8-sig", newline="") if self.path else self.stream  # noqa: SIM115

        def read(count: int) -> list[str]:
            try:
                got = list(islice(handle, count))
            except UnicodeDecodeError:
                raise _whole(where, "err.cases_not_utf8_after", line=first + len(pending)) from None
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
                cut = record_boundary(text, len(columns))
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


def _text(column: pd.Series) -> pd.Series:
    """A Parquet column as text cells: dates as ISO, numbers as written (floats by their shortest repr)."""
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        return column.dt.strftime("%Y-%m-%d").fillna("")
    return column.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v))


ERROR_COLUMNS = ("line", "case_id", "problem")


def error_rows(frame: pd.DataFrame) -> list[tuple[Any, str, str]]:
    """(line, case_id, problem) for each problem of each bad row, one problem a row."""
    bad = frame[frame["problem"] != ""]
    lines = bad["line"].tolist() if "line" in bad.columns else [""] * len(bad)
    return [(line, case_id, text) for line, case_id, problems in zip(lines, bad["case_id"], bad["problem"],
                                                                       strict=True)
            for text in split_lines(problems)]


def _whole(file: object, key: str, **args: Any) -> InputError:
    """A problem with the case list as a whole, in ``file``."""
    return InputError(Problem(path="", message=msg(key, **args), file=str(file)))


def format_for(path: str | None, fmt: str | None) -> str:
    """The output format: as given, else from the file's suffix, else csv."""
    if fmt:
        return fmt
    suffix = Path(path).suffix.lower() if path else ""
    return {".xlsx": "xlsx", ".json": "json", ".jsonl": "json", ".ndjson": "json"}.get(suffix, "csv")
