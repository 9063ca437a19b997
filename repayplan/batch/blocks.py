"""A CSV case list as blocks of whole records, and a block as a chunk of text cells.

The main process of a run only cuts the file into :class:`CsvBlock` pieces
(:func:`record_boundary` says where a block can end whatever follows it), or,
for the usual file (a record a line: no quote, no lone carriage return, no
NUL, UTF-8), into :class:`CsvRange` byte ranges found by :func:`line_ranges`,
which the worker reads itself; :func:`cells_of` reads a block record by
record where the chunk is computed, on a worker, with the same rules as one
reader over the whole file.
"""

from __future__ import annotations

import mmap
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd

from ..csvrows import MAX_RECORD_LINES, records
from ..text import msg
from .cases import SHAPE


@dataclass(frozen=True)
class CsvBlock:
    """Whole records of a CSV case list as the file has them, and the number of the first line."""

    text: str
    first_line: int
    columns: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class CsvRange:
    """Whole lines of a CSV case list as a byte range of its file (read where the chunk is computed)."""

    path: str
    start: int
    end: int
    first_line: int
    columns: tuple[str, ...]
    where: str

    def block(self) -> CsvBlock:
        with open(self.path, "rb") as handle:
            handle.seek(self.start)
            data = handle.read(self.end - self.start)
        return CsvBlock(data.decode("utf-8"), self.first_line, self.columns, self.where)


#: Bytes of a file scanned at once by :func:`line_ranges` (a line longer than this: the record reader).
SCAN_BYTES = 1 << 24


def line_ranges(path: Path, skip: int, lines: int) -> list[tuple[int, int, int]] | None:
    """(start, end, lines before) of each run of ``lines`` lines after the first ``skip`` lines, as byte
    offsets; None when the file is not a record a line (a quote, a lone carriage return or a NUL
    anywhere) or not UTF-8: the record reader then reads it (:func:`record_boundary`).

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".csv", delete=False) as f:
    ...     _ = f.write(b"h,x\\r\\na,1\\r\\nb,2\\nc,3\\nd,4")
    >>> line_ranges(Path(f.name), 1, 2), line_ranges(Path(f.name), 1, 9)
    ([(5, 14, 1), (14, 21, 3)], [(5, 21, 1)])
    >>> os.unlink(f.name)
    """
    cuts: list[tuple[int, int, int]] = []
    start = None if skip else 0
    seen = first = 0  # newlines before the window; lines before the range that starts at ``start``
    size = path.stat().st_size
    if not size:
        return cuts
    with open(path, "rb") as handle, _mapped(handle) as whole:
        everything = np.frombuffer(whole, dtype=np.uint8)
        found = np.empty(min(size, SCAN_BYTES), dtype=bool)
        low = 0
        while low < size:
            window = everything[low:low + SCAN_BYTES]
            ends = np.flatnonzero(np.equal(window, 10, out=found[:len(window)])) + (low + 1)
            high = size if low + SCAN_BYTES >= size else int(ends[-1]) if len(ends) else -1
            if high < 0 or not _one_record_a_line(whole, everything, low, high, ends, found):
                del window, everything
                return None
            while True:
                if start is None:  # the header (and the lines before it) ends at the skip-th newline
                    if seen + len(ends) < skip:
                        break
                    start, first = int(ends[skip - seen - 1]), skip
                    continue
                want = first + lines - seen  # the newline that closes this range's lines
                if want > len(ends):
                    break
                cuts.append((start, int(ends[want - 1]), first))
                start, first = cuts[-1][1], first + lines
            seen += len(ends)
            low = high
            if hasattr(mmap, "MADV_DONTNEED"):  # the pages scanned leave this process (not the page cache)
                whole.madvise(mmap.MADV_DONTNEED, 0, low - low % mmap.PAGESIZE)
        del window, everything  # the map closes only when no array views it
    if start is not None and size > start:  # the rest
        cuts.append((start, size, first))
    return cuts


@contextmanager
def _mapped(handle: BinaryIO) -> Iterator[mmap.mmap]:
    """The file mapped for reading, closed after. When an exception (a signal's, say) unwinds while an
    array still views the map, closing it would raise BufferError over that exception: the map is then
    left to close with its last view."""
    whole = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        yield whole
    finally:
        with suppress(BufferError):
            whole.close()


def _one_record_a_line(whole: mmap.mmap, everything: np.ndarray, low: int, high: int, ends: np.ndarray,
                       spare: np.ndarray) -> bool:
    """Bytes low..high hold no quote, no NUL, no carriage return but before a newline, and are UTF-8
    (``spare``: a scratch array at least as long)."""
    if whole.find(b'"', low, high) >= 0 or whole.find(b"\x00", low, high) >= 0:
        return False
    window = everything[low:high]
    if whole.find(b"\r", low, high) >= 0:
        before = everything[ends[ends >= 2] - 2]
        if np.count_nonzero(np.equal(window, 13, out=spare[:len(window)])) != np.count_nonzero(before == 13):
            return False
    if window.max(initial=0) >= 128:
        try:
            whole[low:high].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def cells_of(piece: CsvBlock | CsvRange | pd.DataFrame) -> pd.DataFrame:
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
    if isinstance(piece, CsvRange):
        piece = piece.block()
    columns = list(piece.columns)
    width = len(columns)
    plain = _plain_block(piece.text, columns, piece.first_line)
    if plain is not None:
        return plain
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
            shapes.append(msg("err.row_fields", fields=len(record), width=width)
                          if any(cell.strip() for cell in extra) else "")
            rows.append((record + [""] * width)[:width])
            lines.append(line)
    return _chunk(rows, lines, shapes, columns)


def record_boundary(lines: list[str], width: int) -> int:
    """How many of these lines make whole records whatever follows them: all of
    them when no line holds a quote (a record is then a line); else up to the
    start of the last record that begins at least MAX_RECORD_LINES lines before
    the end (no record is longer, so what came before it is settled); 0: read on.

    >>> record_boundary(["a,1\\n", "b,2\\n"], 2)
    2
    >>> record_boundary(['a,"1\\n', '2",3\\n'] + ["c,4\\n"] * 60, 2)
    11
    """
    if not any('"' in line for line in lines):
        return len(lines)
    limit = len(lines) - MAX_RECORD_LINES
    starts = [local for local, _, _ in records(lines, width) if local <= limit]
    return starts[-1] - 1 if starts else 0


def _plain_block(text: str, columns: list[str], first_line: int) -> pd.DataFrame | None:
    """The usual block read column-wise in one split, or None when it is not the usual block: every
    line ends with \\n or \\r\\n, holds no other \\r, no quote, no NUL, has exactly the header's number
    of fields and a character beyond its commas (a line of empty fields is skipped by the record
    reader), and the header names each column once.

    >>> _plain_block("A,1\\nB,2\\n", ["case_id", "x"], 7).values.tolist()
    [['A', '1', 7, ''], ['B', '2', 8, '']]
    >>> _plain_block("A,1\\n,\\n", ["case_id", "x"], 7) is None
    True
    """
    width = len(columns)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if (not text.endswith("\n") or '"' in text or "\r" in text or "\x00" in text
            or len(set(columns)) != width):
        return None
    lines = text[:-1].split("\n")
    if min(map(len, lines)) < width or {line.count(",") for line in lines} != {width - 1}:
        return None
    cells = np.array(text[:-1].replace("\n", ",").split(","), dtype=object).reshape(len(lines), width)
    chunk = pd.DataFrame(cells, columns=columns, dtype=object, copy=False)
    chunk["line"] = range(first_line, first_line + len(lines))
    chunk[SHAPE] = ""
    return chunk


def _chunk(rows: list[list[str]], lines: list[int], shapes: list[str], columns: list[str]) -> pd.DataFrame:
    """A chunk of text cells with its ``line`` numbers and each row's shape problem ("" when none)."""
    chunk = pd.DataFrame(rows, columns=columns, dtype=object)
    chunk["line"] = lines
    chunk[SHAPE] = pd.Series(shapes, index=chunk.index, dtype=object)  # a label message stays one
    return chunk
