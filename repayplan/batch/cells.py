"""A chunk's text cells read for the case list: each distinct text of a
column read once (and remembered for the process's later chunks), amounts
in plain form converted with integer arithmetic, anything else through the
case-file :class:`~repayplan.casefile.Reader` with its rules and messages.

>>> units, plain = plain_units(["1000", "1,000"], np.full(2, 2))
>>> units[plain].tolist(), plain.tolist()
([100000], [True, False])
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from ..casefile.fields import Reader
from ..errors import lines
from ..money import MoneyPolicy

PLAIN = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,2})?", re.ASCII)


def read_cell(kind: str, key: str, text: str, **options: Any) -> tuple[Any, str]:
    """One cell through the case-file Reader: (value, problems as lines)."""
    reader = Reader()
    value = getattr(reader, kind)({key: text} if text != "" else {}, key, "", **options)
    return value, lines(*(p.as_msg() for p in reader.problems))


def per_value(cells: np.ndarray, read: Callable[[str], tuple[Any, str]],
               derive: Callable[[Any], tuple[int, ...]] | None = None) -> tuple[np.ndarray, ...]:
    """Read each distinct cell once; (values, problems[, derived int columns]) for every row."""
    codes, uniques = pd.factorize(cells)
    return per_code(codes, uniques, read, derive)


def per_code(codes: np.ndarray, texts: Any, read: Callable[[str], tuple[Any, str]],
              derive: Callable[[Any], tuple[int, ...]] | None = None, name: str = "") -> tuple[np.ndarray, ...]:
    """:func:`per_value` of a column already coded: row i holds ``texts[codes[i]]``. With a ``name``,
    the texts read are remembered (the process's later chunks read each text once)."""
    values = np.empty(len(texts), dtype=object)
    problems = np.empty(len(texts), dtype=object)
    seen = SEEN.setdefault(name, {}) if name else {}
    for i, text in enumerate(texts):
        got = seen.get(text)
        if got is None:
            if len(seen) >= SEEN_TEXTS:
                seen.clear()
            got = seen[text] = read(text)
        values[i], problems[i] = got
    if derive is None:
        return values[codes], problems[codes]
    derived = np.array([derive(v) for v in values] or [derive(None)], dtype=np.int64)[:len(texts)]
    return values[codes], problems[codes], derived[codes]


#: Texts read (value, problems) per column, kept for the chunks that follow (the reads are pure; values
#: are immutable: rates, dates, integers, names).
SEEN: dict[str, dict[str, tuple[Any, str]]] = {}
SEEN_TEXTS = 100_000


def cell_text(cell: Any) -> str:
    """A cell as stripped text, "" for an empty or missing one."""
    return cell.strip() if isinstance(cell, str) else ("" if cell is None or cell != cell else str(cell))


def column_texts(chunk: pd.DataFrame, name: str) -> np.ndarray:
    """A column as stripped text, "" for an empty or missing cell."""
    if name not in chunk.columns:
        return np.full(len(chunk), "", dtype=object)
    cells = chunk[name].tolist()
    try:  # the usual column: every cell text
        return np.fromiter(map(str.strip, cells), dtype=object, count=len(cells))
    except TypeError:
        return np.array([cell_text(c) for c in cells], dtype=object)


def coded_column(chunk: pd.DataFrame, name: str) -> tuple[np.ndarray, np.ndarray]:
    """A column of few distinct cells as (codes, texts): row i holds ``texts[codes[i]]``, stripped as
    :func:`column_texts` strips it (each distinct cell stripped once; two may strip to one text).

    >>> coded_column(pd.DataFrame({"m": [" annuity", "bullet", " annuity", None]}, dtype=object), "m")
    (array([0, 1, 0, 2]), array(['annuity', 'bullet', ''], dtype=object))
    """
    if name not in chunk.columns:
        return np.zeros(len(chunk), dtype=np.intp), np.array([""], dtype=object)
    column = chunk[name].to_numpy(dtype=object)
    if (len(column) and isinstance(column[0], str) and (column[::97] == column[0]).all()
            and column.tolist().count(column[0]) == len(column)):
        return np.zeros(len(column), dtype=np.intp), np.array([column[0].strip()], dtype=object)  # one value
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    if not all(isinstance(u, str) for u in uniques):  # numbers hash alike (1, 1.0, True): read each cell
        codes, uniques = pd.factorize(np.array([cell_text(c) for c in column], dtype=object))
    texts = np.empty(len(uniques), dtype=object)
    texts[:] = [cell_text(u) for u in uniques]
    return codes.astype(np.intp), texts


def amount_column(cells: np.ndarray, digits: np.ndarray, currency: np.ndarray, rounding: np.ndarray, usable: np.ndarray,
             key: str, required: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(minor units as Python ints, problems, parsed Decimals) of an amount column.

    Plain amounts ("1000", "1000.5", "1000.50") are converted with integer
    arithmetic; anything else (commas, exponents) is read by the case-file
    Reader. More decimals than the currency has is a row problem, as it is
    for `build` (rounding would create or lose money nobody lent).
    """
    n = len(cells)
    minor = np.zeros(n, dtype=object)
    fast = np.zeros(n, dtype=bool)
    empty = cells == ""
    given = np.flatnonzero(usable & ~empty)
    units, plain = plain_units(cells[given].tolist(), digits[given])
    fast[given[plain]] = True
    minor[given[plain]] = units[plain]
    problems = np.full(n, "", dtype=object)
    decimals = np.empty(n, dtype=object)
    slow = ~fast & ~(empty & (not required))  # an empty optional amount is 0, as the Reader's default
    if slow.any():
        read = (lambda t: read_cell("amount", key, t, required=True, positive=True)) if required else \
            (lambda t: read_cell("amount", key, t, default=Decimal(0)))
        values, problems[slow] = per_value(cells[slow], read)
        decimals[slow] = values
        for i in np.flatnonzero(slow & usable & (problems == "") & (cells != "")).tolist():  # written ones only
            finer = MoneyPolicy(currency[i], rounding[i]).finer_than_unit(decimals[i], key)
            problems[i] = finer.as_msg() if finer else ""
        rows = np.flatnonzero(slow & usable & (problems == ""))
        if len(rows):  # round each distinct (amount, currency, rounding) once
            keys = np.array([f"{cells[i]}|{currency[i]}|{rounding[i]}" for i in rows], dtype=object)
            codes, uniques = pd.factorize(keys)
            first = np.zeros(len(uniques), dtype=np.int64)
            first[codes[::-1]] = rows[::-1]
            rounded = np.empty(len(first), dtype=object)
            rounded[:] = [MoneyPolicy(currency[i], rounding[i]).to_minor(decimals[i]) for i in first]
            minor[rows] = rounded[codes]
    return minor, problems, decimals


def plain_units(texts: list[str], places: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(minor units, plain) of amount texts: plain where the text is a positive amount of the form
    [0-9]{1,15}(.[0-9]{1,2})? with no more decimals than ``places`` (all others go to the Reader).

    >>> units, plain = plain_units(["1000", "1000.5", "0.05", "1,000", "1.234", "0", "٣", "7."], np.full(8, 2))
    >>> units[plain].tolist(), plain.tolist()
    ([100000, 100050, 5], [True, True, True, False, False, False, False, False])
    """
    n = len(texts)
    if not n or not "".join(texts).isascii():  # other digits than 0-9: one by one, as the pattern reads them
        units = np.zeros(n, dtype=np.int64)
        plain = np.zeros(n, dtype=bool)
        for i, (text, digits) in enumerate(zip(texts, places.tolist(), strict=True)):
            whole, _, frac = text.partition(".")
            if PLAIN.fullmatch(text) and len(frac) <= digits:
                units[i] = int(whole + frac.ljust(digits, "0"))
                plain[i] = units[i] > 0
        return units, plain
    kind = np.dtypes.StringDType()
    whole, dot, frac = np.strings.partition(np.array(texts, dtype=kind), np.array(".", dtype=kind))
    whole_len, frac_len = np.strings.str_len(whole), np.strings.str_len(frac)
    plain = (np.strings.isdigit(whole) & (whole_len <= 15) & (frac_len <= places)
             & ((dot == "") | (np.strings.isdigit(frac) & (frac_len <= 2))))
    zero = np.array("0", dtype=kind)
    units = (np.where(plain, whole, zero).astype(np.int64) * 10 ** places
             + np.where(plain & (frac_len > 0), frac, zero).astype(np.int64) * 10 ** np.maximum(places - frac_len, 0))
    return units, plain & (units > 0)  # zero gets the Reader's message
