"""CSV records with the physical line each starts on, a malformed line failing alone.

The csv module reads a quoted cell across line breaks, so one stray quote
would swallow every following line into one cell, and a cell over its size
limit stops the reader. Here records are read strictly (a quoted cell ends
at a comma or a line end), and a record that spans lines and breaks that
rule, does not have the header's number of cells, or spans more than
:data:`MAX_RECORD_LINES` lines, is taken as its first line's problem alone;
reading resumes on the next line. A csv error fails its own line. Where no cell may hold a line break
(a case list), ``multiline=False`` fails every record that spans lines.

>>> text = 'id,amount\\nA,"1,000.00"\\nB,"oops\\nC,5\\n\\n"D\\nd",7\\n'
>>> for line, cells, problem in records(text.splitlines(keepends=True), width=2):
...     print(line, cells, problem[:39])
1 ['id', 'amount'] 
2 ['A', '1,000.00'] 
3 [] a quote opens in this line and does not
4 ['C', '5'] 
5 [] 
6 ['D\\nd', '7'] 
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from .text import msg

#: Most physical lines one record (a cell with line breaks) may span.
MAX_RECORD_LINES = 50


class _TooLong(Exception):
    """A record runs over MAX_RECORD_LINES lines."""


def records(lines: Iterable[str], width: int | None = None, read: Callable[[int], None] | None = None,
            multiline: bool = True) -> Iterator[tuple[int, list[str], str]]:
    """(line number of the record's first line, cells, problem) for each
    record; a blank line is ``[]``; a malformed line has no cells and a
    problem. ``width``: the number of cells a record spanning lines must have
    (None: the first record's). ``read(n)`` is told the characters of each
    new line read (progress)."""
    source = iter(lines)
    pending: deque[tuple[int, str]] = deque()
    taken: list[tuple[int, str]] = []
    number = 0

    def feed() -> Iterator[str]:
        nonlocal number
        while True:
            if pending:
                item = pending.popleft()
            else:
                text = next(source, None)
                if text is None:
                    return
                number += 1
                if read is not None:
                    read(len(text))
                item = (number, text)
            taken.append(item)
            if len(taken) > MAX_RECORD_LINES:
                raise _TooLong
            yield item[1]

    reader = csv.reader(feed(), strict=True)
    while True:
        taken.clear()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except _TooLong:
            yield from _fail(taken, pending, _UNCLOSED)
            reader = csv.reader(feed(), strict=True)
            continue
        except csv.Error as exc:
            yield from _fail(taken, pending, _csv_problem(exc) if len(taken) == 1 else _UNCLOSED)
            reader = csv.reader(feed(), strict=True)
            continue
        if width is None and cells:
            width = len(cells)
        elif len(taken) > 1 and width is not None and (not multiline or len(cells) != width
                                 or sum(text.count('"') for _, text in taken) % 2):
            yield from _fail(taken, pending, _UNCLOSED if multiline else _SPANS)
            continue
        yield taken[0][0], cells, ""


_UNCLOSED = msg("err.csv_unclosed")


_SPANS = msg("err.csv_spans")


def _fail(taken: list[tuple[int, str]], pending: deque[tuple[int, str]],
          problem: str) -> Iterator[tuple[int, list[str], str]]:
    """The first line of a bad record fails; the lines after it are read again."""
    if not taken:
        return
    pending.extendleft(reversed(taken[1:]))
    yield taken[0][0], [], problem


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    if "field limit" in text:
        return msg("err.csv_cell_too_long", limit=f"{csv.field_size_limit():,}")
    if "expected after" in text:
        return msg("err.csv_after_quote")
    if "unexpected end of data" in text:
        return _UNCLOSED
    if "NUL" in text:
        return msg("err.csv_nul")
    return msg("err.csv_unreadable", detail=text[:60])
