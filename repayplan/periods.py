"""A loan's accrual periods: due dates, days and exact interest factors.

The calendar of a loan is computed once per set of terms and kept (a search
builds dozens of plans on the same dates and rates). The schedule's hot loop
reads it as columns (:class:`Calendar`); :func:`loan_periods` gives the same
periods as :class:`~repayplan.model.Period` records.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan.model import Loan
>>> from repayplan.rates import parse_rate
>>> loan = Loan(Decimal("1000"), parse_rate("4.9%"), 3, start=date(2025, 1, 15))
>>> [(p.due_date.isoformat(), p.days, str(p.factor)) for p in loan_periods(loan)]
[('2025-02-15', 31, '49/12000'), ('2025-03-15', 28, '49/12000'), ('2025-04-15', 31, '49/12000')]
>>> cal = loan_calendar(loan)
>>> cal.days, cal.factors[0] is cal.factors[1]
((31, 28, 31), True)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import lru_cache

from . import calendar
from .model import Loan, Period, new_period
from .rates import DAYS_PER_YEAR, Rate
from .text import msg, short_rate


@dataclass(frozen=True, slots=True)
class Calendar:
    """A loan's periods as columns: period k (from 1) starts on ``starts[k-1]``,
    falls due on ``dues[k-1]`` after ``days[k-1]`` days and charges
    ``factors[k-1]`` (periods with the same factor share one object) of its
    opening balance, reached as ``bases[k-1]`` says."""

    starts: tuple[date, ...]
    dues: tuple[date, ...]
    days: tuple[int, ...]
    factors: tuple[Fraction, ...]
    bases: tuple[str, ...]


def loan_periods(loan: Loan, anchor_day: int | None = None) -> list[Period]:
    """The accrual periods of a loan: dates, days and interest factors.

    Periodic basis: factor = annual ÷ periods a year; a long first period
    adds its odd days at the daily rate, a short one charges its actual days
    at the daily rate. Daily basis:
    factor = daily rate × days under the day count. ``anchor_day`` keeps the
    due dates on another day of the month than the first due date's (a plan
    from 28 Feb of a loan due on the 31st); default: the loan's own.
    """
    return list(_periods(*_terms(loan, anchor_day)))


def loan_calendar(loan: Loan, anchor_day: int | None = None) -> Calendar:
    """The periods of :func:`loan_periods` as columns, computed once per set of terms."""
    return _calendar(*_terms(loan, anchor_day))


def _terms(loan: Loan, anchor_day: int | None) -> tuple[Rate, str, int, str, date, date, int, str, str]:
    """What a loan's periods depend on (never its amounts); ``str(rate.value)`` keeps apart equal rates
    written differently (4.9% and 4.90%), whose texts differ."""
    return (loan.rate, str(loan.rate.value), loan.term, loan.frequency, loan.start, loan.first_due_date,
            anchor_day or loan.anchor_day, loan.day_count, loan.interest_basis)


def clear_caches() -> None:
    """Forget every kept calendar (a benchmark's first schedule of a loan)."""
    _periods.cache_clear()
    _calendar.cache_clear()


@lru_cache(maxsize=256)
def _periods(rate: Rate, written: str, term: int, frequency: str, start: date, first_due: date, anchor: int,
             day_count: str, interest_basis: str) -> tuple[Period, ...]:
    """The periods of a calendar as frozen records, made once."""
    cal = _calendar(rate, written, term, frequency, start, first_due, anchor, day_count, interest_basis)
    return tuple(map(new_period, range(1, len(cal.dues) + 1), cal.starts, cal.dues, cal.days, cal.factors,
                     cal.bases))


@lru_cache(maxsize=256)
def _calendar(rate: Rate, written: str, term: int, frequency: str, start: date, first_due: date, anchor: int,
              day_count: str, interest_basis: str) -> Calendar:
    """The columns of a calendar, computed once (their texts are rendered in a language only when shown)."""
    freq = calendar.frequency(frequency)
    dues = calendar.due_dates(first_due, term, frequency, anchor)
    starts = [start, *dues[:-1]]
    if day_count in ("act/365", "act/360"):
        days = [(due - previous).days for previous, due in zip(starts, dues, strict=True)]
    else:
        days = calendar.day_counts(starts, dues, day_count)
    daily = rate.daily_exact(day_count)
    daily_text = short_rate(Rate(rate.daily(day_count), "day"))
    factors: list[Fraction]
    bases: list[str]
    if interest_basis == "daily":
        by_days: dict[int, tuple[Fraction, str]] = {}  # months have few distinct lengths
        count_text = msg(f"daycount.{day_count}")
        for n in days:
            if n not in by_days:
                by_days[n] = (daily * n, msg("sched.daily_days", daily=daily_text, days=n, day_count=count_text))
        factors = [by_days[n][0] for n in days]
        bases = [by_days[n][1] for n in days]
    else:
        periodic = rate.periodic_exact(freq.periods_per_year, day_count)
        text = periodic_text(rate, day_count, freq.periods_per_year)
        factors, bases = [periodic] * term, [text] * term
        regular_start = calendar.step(dues[0], -1, freq, anchor)
        odd = calendar.day_count(start, regular_start, day_count)
        if odd > 0:  # a long first period: a regular period plus its odd days
            factors[0] = periodic + daily * odd
            bases[0] = msg("sched.odd_add", basis=text, daily=daily_text, odd=odd)
        elif odd < 0:  # a short first period: its actual days at the daily rate
            factors[0] = daily * days[0]
            bases[0] = msg("sched.short_first", daily=daily_text, days=days[0])
    return Calendar(tuple(starts), tuple(dues), tuple(days), tuple(factors), tuple(bases))


def periodic_text(rate: Rate, day_count: str, per_year: int) -> str:
    """How a periodic factor is reached from the rate as written: '4.9%/year ÷ 12'."""
    if rate.unit == "month" and per_year == 12:
        return msg("rate.as_is", rate=rate)
    if rate.unit == "year":
        return msg("rate.divided", rate=rate, n=per_year)
    year = DAYS_PER_YEAR[day_count] if rate.unit == "day" else 12  # a day rate × 360 under act/360
    annual = Rate(rate.annual_for(day_count), "year")
    return msg("rate.times_year", rate=rate, year=year, annual=annual, n=per_year)
