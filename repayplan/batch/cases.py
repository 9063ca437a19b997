"""A chunk of case rows (text cells) → validated column arrays for the engine.

Every cell is read with the same rules and messages as a case file's
``[loan]`` table (:class:`~repayplan.casefile.Reader`); a row with problems
gets all of them, one line each, and is left out of the arrays. Columns with
few distinct values (rates, dates, methods ...) are read once per distinct
value; principals take a vectorised fast path for plain amounts.

>>> import pandas as pd
>>> chunk = pd.DataFrame({"case_id": ["A", "B"], "principal": ["12000", "-5"], "rate": ["1.5%/month", "abc"],
...                       "term": ["12", "12"], "method": ["annuity"] * 2, "start": ["2025-03-10"] * 2})
>>> cases, problems = read_cases(chunk)
>>> cases.principal.tolist(), cases.index.tolist()
([1200000], [0])
>>> print(problems[1])
principal: must be a positive amount, got -5
rate: 'abc' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from math import lcm
from typing import Any

import numpy as np
import pandas as pd

from .. import calendar
from ..errors import Problem, lines
from ..inputs import CONTROL, MAX_NAME, text_problem
from ..model import INTEREST_BASES, MAX_TERM, METHOD_WORDS, METHODS, Loan
from ..money import MINOR_UNITS, ROUNDING_MODES, to_decimal
from ..rates import Rate, percent_text
from ..text import msg
from .cells import amount_column, coded_column, column_texts, per_code, read_cell

#: Columns a case list must have, and those it may have (the [loan] keys).
REQUIRED = ("case_id", "principal", "rate", "term", "method", "start")
OPTIONAL = ("frequency", "first_due", "interest_basis", "day_count", "currency", "rounding", "installment_fee",
            "upfront_fee")
COLUMNS = REQUIRED + OPTIONAL
#: A chunk column the CSV reader fills with a row's shape problem (too many fields).
SHAPE = "_shape"

EPOCH = date(1970, 1, 1).toordinal()
#: Amounts (minor units) and rate fractions above these go to the exact single-case engine.
BIG_AMOUNT = 2**50
BIG_FRACTION = 2**60
_CONTROL = re.compile(CONTROL)


@dataclass(frozen=True)
class Cases:
    """The valid rows of a chunk as arrays; ``index`` gives each one's position in the chunk.

    Amounts are integer minor units; dates are days since 1970-01-01 plus
    their month index ((year − 1970) × 12 + month − 1) and day of month.
    A rate is the exact pair of fractions periodic = pn / den and
    daily = qn / den; ``fits`` is False where a figure is too large for int64.
    """

    index: np.ndarray
    case_id: np.ndarray
    principal: np.ndarray
    fee: np.ndarray
    digits: np.ndarray
    half_even: np.ndarray
    method: np.ndarray  # index into METHODS
    term: np.ndarray
    months: np.ndarray  # months per period (0 for weekly and biweekly)
    step_days: np.ndarray  # days per period (0 for monthly and quarterly)
    daily: np.ndarray  # interest basis is daily
    d30: np.ndarray  # day count is 30/360 or 30E/360
    e30: np.ndarray  # day count is 30E/360
    start: np.ndarray
    start_midx: np.ndarray
    start_day: np.ndarray
    first_given: np.ndarray
    first: np.ndarray
    first_midx: np.ndarray
    first_day: np.ndarray
    pn: np.ndarray
    qn: np.ndarray
    den: np.ndarray
    fits: np.ndarray
    currency: np.ndarray
    method_name: np.ndarray
    annual_rate: np.ndarray
    loans: Callable[[int], Loan]  # the Loan of valid row i, for the exact fallback

    def __len__(self) -> int:
        return len(self.index)


_NO_DATE = -(2**40)


def _date_parts(value: date | None) -> tuple[int, int, int]:
    """(days since 1970-01-01, month index, day of month); a missing date has month index _NO_DATE."""
    if value is None:
        return 0, _NO_DATE, 0
    return value.toordinal() - EPOCH, (value.year - 1970) * 12 + value.month - 1, value.day


def _choice(key: str, choices: Any, default: str | None, upper: bool = False,
            aliases: dict[str, str] | None = None) -> Callable[[str], tuple[Any, str]]:
    spelled = {str(c).lower(): c for c in choices}  # 30E/360 as written, in any case

    def read(text: str) -> tuple[Any, str]:
        text = (aliases or {}).get(text, text)  # 等额本息 -> annuity, 按月 -> monthly
        text = text.upper() if upper else spelled.get(text.lower(), text.lower())
        return read_cell("choice", key, text, choices=choices, required=default is None, default=default)
    return read


def _case_id_problems(ids: np.ndarray) -> np.ndarray:
    """A case id's problem: missing, too long, a control character (as a case file's texts)."""
    missing = Problem(path="case_id", message=msg("err.missing_value"), hint=msg("err.hint_case_id")).as_msg()
    out = np.full(len(ids), "", dtype=object)
    out[ids == ""] = missing
    texts = ids.tolist()
    if not texts or (max(map(len, texts)) <= MAX_NAME and not _CONTROL.search("".join(texts))):
        return out  # the usual chunk: one scan of all ids at once
    for i, text in enumerate(texts):
        problem = text_problem(text, "case_id") if text else None
        if problem:
            out[i] = problem.as_msg()
    return out


def read_cases(chunk: pd.DataFrame) -> tuple[Cases, np.ndarray]:
    """Validate a chunk of text rows; (the valid rows as Cases, problems per row).

    ``problems[i]`` is "" for a good row, else its problems joined by newlines.
    """
    n = len(chunk)
    coded = {name: coded_column(chunk, name) for name in COLUMNS if name not in ("case_id", "principal")}
    cells = {name: texts[codes] for name, (codes, texts) in coded.items()}
    cells.update({name: column_texts(chunk, name) for name in ("case_id", "principal")})
    found: dict[str, np.ndarray] = {}
    problems: dict[str, np.ndarray] = {}

    def column(name: str, read: Callable[[str], tuple[Any, str]]) -> None:
        found[name], problems[name] = per_code(*coded[name], read, name=name)

    # a row with more fields than the header (from the CSV reader), its problem as given (a label message)
    problems["shape"] = np.array([c if isinstance(c, str) else "" for c in chunk[SHAPE].tolist()], dtype=object) \
        if SHAPE in chunk.columns else np.full(n, "", dtype=object)
    problems["case_id"] = _case_id_problems(cells["case_id"])
    column("rate", lambda t: read_cell("rate", "rate", t, required=True))
    column("term", lambda t: read_cell("integer", "term", t, required=True, minimum=1, maximum=MAX_TERM))
    column("method", _choice("method", METHODS, None, aliases=METHOD_WORDS))
    column("frequency", _choice("frequency", calendar.FREQUENCIES, "monthly", aliases=calendar.FREQUENCY_WORDS))
    found["start"], problems["start"], start_parts = per_code(
        *coded["start"], lambda t: read_cell("date", "start", t, required=True), _date_parts, "start")
    found["first_due"], problems["first_due"], first_parts = per_code(
        *coded["first_due"], lambda t: read_cell("date", "first_due", t), _date_parts, "first_due")
    column("interest_basis", _choice("interest_basis", INTEREST_BASES, "periodic"))
    column("day_count", _choice("day_count", calendar.DAY_COUNTS, "act/365"))
    column("rounding", _choice("rounding", ROUNDING_MODES, "half-up"))
    column("currency", _choice("currency", MINOR_UNITS, "CNY", upper=True))
    money_ok = (problems["currency"] == "") & (problems["rounding"] == "")
    codes, currencies = pd.factorize(found["currency"])
    digits = np.array([MINOR_UNITS.get(c, 2) for c in currencies] + [2], dtype=np.int64)[codes]
    rounding = found["rounding"]
    currency = found["currency"]
    principal, problems["principal"], principal_dec = amount_column(cells["principal"], digits, currency, rounding,
                                                               money_ok, "principal", True)
    fee, problems["installment_fee"], _ = amount_column(cells["installment_fee"], digits, currency, rounding, money_ok,
                                                   "installment_fee", False)
    _, problems["upfront_fee"], _ = amount_column(cells["upfront_fee"], digits, currency, rounding, money_ok,
                                             "upfront_fee", False)
    order = ("shape", "case_id", "principal", "rate", "term", "method", "frequency", "start", "first_due",
             "interest_basis", "day_count", "rounding", "currency", "installment_fee", "upfront_fee")
    first_given = first_parts[:, 1] != _NO_DATE
    late = first_given & (problems["start"] == "") & (problems["first_due"] == "") & \
        (first_parts[:, 0] <= start_parts[:, 0])
    cross = np.full(n, "", dtype=object)
    for i in np.flatnonzero(late):
        cross[i] = Problem(path="first_due", message=msg("err.first_due_not_after", first_due=found["first_due"][i],
                                                         start=found["start"][i]), hint=msg("err.later_date")).as_msg()
    joined = np.full(n, "", dtype=object)
    bad = np.zeros(n, dtype=bool)
    for name in (*order, "cross"):
        column_problems = cross if name == "cross" else problems[name]
        has = column_problems != ""
        bad |= has
        for i in np.flatnonzero(has):
            joined[i] = lines(joined[i], column_problems[i])
    # a line that could not be read as CSV has only that problem (its empty cells are not missing values)
    for row in np.flatnonzero(problems["shape"] != "").tolist():
        if not any(cells[name][row] for name in COLUMNS):
            joined[row] = problems["shape"][row]
    good = np.flatnonzero(~bad)
    rate_key = (coded["rate"][0] * len(coded["frequency"][1]) + coded["frequency"][0]) * len(coded["day_count"][1]) \
        + coded["day_count"][0]  # one exact rate pair per distinct (rate, frequency, day count) cells
    return _arrays(good, cells, found, principal, fee, digits, start_parts, first_parts, first_given,
                   principal_dec, rate_key[good]), joined


@lru_cache(maxsize=1 << 16)
def rate_fractions(rate: Rate, periods_per_year: int, day_count: str) -> tuple[int, int, int, str]:
    """(pn, qn, den, annual text): periodic = pn/den and daily = qn/den exactly."""
    periodic = rate.periodic_exact(periods_per_year, day_count)
    daily = rate.daily_exact(day_count)
    den = lcm(periodic.denominator, daily.denominator)
    return (periodic.numerator * (den // periodic.denominator), daily.numerator * (den // daily.denominator), den,
            percent_text(rate.annual_for(day_count)))


def _arrays(good: np.ndarray, cells: dict[str, np.ndarray], found: dict[str, np.ndarray], principal: np.ndarray,
            fee: np.ndarray, digits: np.ndarray, start_parts: np.ndarray, first_parts: np.ndarray,
            first_given: np.ndarray, principal_dec: np.ndarray, rate_key: np.ndarray) -> Cases:
    take = {name: values[good] for name, values in found.items()}
    n = len(good)
    codes, uniques = pd.factorize(rate_key)
    first_row = np.zeros(len(uniques), dtype=np.int64)
    first_row[codes[::-1]] = np.arange(n)[::-1]
    per_rate = [rate_fractions(take["rate"][i], calendar.FREQUENCIES[take["frequency"][i]].periods_per_year,
                                take["day_count"][i]) for i in first_row]
    rate_fits = np.array([max(abs(p), abs(q), d) < BIG_FRACTION for p, q, d, _ in per_rate], dtype=bool)

    def column(values: list[Any], dtype: Any) -> np.ndarray:
        return np.array(values, dtype=dtype)[codes] if n else np.zeros(0, dtype=dtype)

    principal, fee = principal[good], fee[good]
    amounts_fit = ((principal < BIG_AMOUNT) & (fee < BIG_AMOUNT)).astype(bool)
    fits = column(list(rate_fits), bool) & amounts_fit

    def ints(values: np.ndarray) -> np.ndarray:
        return np.where(fits, values, 0).astype(np.int64)

    def fraction(j: int) -> np.ndarray:
        return ints(column([r[j] if ok else 0 for r, ok in zip(per_rate, rate_fits, strict=True)], object))

    def loan(i: int) -> Loan:
        row = good[i]
        return Loan(principal=principal_dec[row] if principal_dec[row] is not None else
                    to_decimal(cells["principal"][row]), rate=found["rate"][row], term=found["term"][row],
                    method=found["method"][row], frequency=found["frequency"][row], start=found["start"][row],
                    first_due=found["first_due"][row], interest_basis=found["interest_basis"][row],
                    day_count=found["day_count"][row], currency=found["currency"][row],
                    rounding=found["rounding"][row],
                    installment_fee=to_decimal(cells["installment_fee"][row] or "0"),
                    upfront_fee=to_decimal(cells["upfront_fee"][row] or "0"))

    def per_value(values: np.ndarray, of: Callable[[Any], Any], dtype: Any) -> np.ndarray:
        codes, uniques = pd.factorize(values)
        return np.array([of(u) for u in uniques], dtype=dtype)[codes] if n else np.zeros(0, dtype=dtype)

    return Cases(
        index=good.astype(np.int64), case_id=cells["case_id"][good], principal=ints(principal), fee=ints(fee),
        digits=digits[good], half_even=take["rounding"] == "half-even",
        method=per_value(take["method"], METHODS.index, np.int8),
        term=take["term"].astype(np.int64),
        months=per_value(take["frequency"], lambda f: calendar.FREQUENCIES[f].months, np.int64),
        step_days=per_value(take["frequency"], lambda f: calendar.FREQUENCIES[f].days, np.int64),
        daily=take["interest_basis"] == "daily",
        d30=np.isin(take["day_count"], ("30/360", "30E/360")), e30=take["day_count"] == "30E/360",
        start=start_parts[good, 0], start_midx=start_parts[good, 1],
        start_day=start_parts[good, 2], first_given=first_given[good], first=first_parts[good, 0],
        first_midx=first_parts[good, 1], first_day=first_parts[good, 2], pn=fraction(0), qn=fraction(1),
        den=np.where(fits, fraction(2), 1), fits=fits, currency=take["currency"], method_name=take["method"],
        annual_rate=column([r[3] for r in per_rate], object), loans=loan,
    )
