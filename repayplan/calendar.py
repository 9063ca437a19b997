"""Due dates, frequencies and day counts.

Monthly and quarterly due dates keep the anchor day and clamp at month end,
so they never drift:

>>> [d.isoformat() for d in due_dates(date(2024, 1, 31), 4, "monthly")]
['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']
>>> day_count(date(2024, 1, 31), date(2024, 2, 29), "30/360")
29
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import InputError
from .kinds import DAY_COUNTS


@dataclass(frozen=True)
class Frequency:
    """How often installments fall due: by whole months or by days."""

    name: str
    periods_per_year: int
    months: int = 0
    days: int = 0


FREQUENCIES: dict[str, Frequency] = {
    "monthly": Frequency("monthly", 12, months=1),
    "quarterly": Frequency("quarterly", 4, months=3),
    "biweekly": Frequency("biweekly", 26, days=14),
    "weekly": Frequency("weekly", 52, days=7),
}

#: frequencies as Chinese contracts write them
FREQUENCY_WORDS = {"按月": "monthly", "每月": "monthly", "按季": "quarterly", "按季度": "quarterly",
                   "每季": "quarterly",
                   "按周": "weekly", "每周": "weekly", "双周": "biweekly", "每两周": "biweekly", "按双周": "biweekly"}



def frequency(name: str) -> Frequency:
    try:
        return FREQUENCIES[name]
    except KeyError:
        raise InputError(f"frequency: {name!r} is unknown; use one of {', '.join(FREQUENCIES)}") from None


def add_months(start: date, months: int, anchor_day: int | None = None) -> date:
    """The date `months` later on the anchor day, clamped to the month's end.

    >>> add_months(date(2025, 1, 31), 1), add_months(date(2025, 1, 31), 2)
    (datetime.date(2025, 2, 28), datetime.date(2025, 3, 31))
    """
    day = anchor_day or start.day
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day, month_days(year, month + 1)))


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_days(year: int, month: int) -> int:
    """Days in a month (the Gregorian calendar of ``datetime``).

    >>> month_days(2024, 2), month_days(1900, 2), month_days(2025, 4)
    (29, 28, 30)
    """
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]


def step(anchor: date, n: int, freq: Frequency, anchor_day: int | None = None) -> date:
    """The n-th date after the anchor (n = 0 is the anchor itself), on
    `anchor_day` (default: the anchor's own day) clamped to month end."""
    if freq.months:
        return add_months(anchor, n * freq.months, anchor_day or anchor.day)
    return anchor + timedelta(days=n * freq.days)


def due_dates(first_due: date, count: int, freq_name: str, anchor_day: int | None = None) -> list[date]:
    """`count` due dates from the first, keeping the anchor day of the month.

    >>> [d.day for d in due_dates(date(2025, 2, 28), 3, "monthly", anchor_day=31)]
    [28, 31, 30]
    """
    freq = frequency(freq_name)
    if not freq.months:
        return [first_due + timedelta(days=n * freq.days) for n in range(count)]
    day, months = anchor_day or first_due.day, freq.months
    year, month = first_due.year, first_due.month
    out: list[date] = []
    append = out.append
    for _ in range(count):
        append(date(year, month, day if day <= 28 else min(day, month_days(year, month))))
        month += months
        if month > 12:
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return out


def default_first_due(start: date, freq_name: str) -> date:
    """One period after the start: 15 Jan monthly → 15 Feb."""
    return step(start, 1, frequency(freq_name))


def day_counts(starts: Iterable[date], ends: Iterable[date], convention: str) -> list[int]:
    """:func:`day_count` of each (start, end) pair, in one loop (a calendar's periods).

    >>> day_counts([date(2025, 1, 31), date(2025, 2, 28)], [date(2025, 2, 28), date(2025, 3, 31)], "30/360")
    [28, 33]
    """
    if convention not in ("30/360", "30E/360"):
        return [day_count(start, end, convention) for start, end in zip(starts, ends, strict=True)]
    eurobond = convention == "30E/360"
    out: list[int] = []
    append = out.append
    for start, end in zip(starts, ends, strict=True):
        d1, d2 = start.day, end.day
        if d1 > 30:
            d1 = 30
        if d2 == 31 and (d1 == 30 or eurobond):
            d2 = 30
        append(360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1))
    return out


def day_count(start: date, end: date, convention: str) -> int:
    """Days between two dates: actual days; 30/360, the ISDA bond basis (a 31st
    start counts as the 30th, a 31st end as the 30th only when the start is
    the 30th or 31st); or 30E/360, the Eurobond basis (every 31st is the 30th).

    >>> a, b = date(2025, 1, 15), date(2025, 3, 31)
    >>> day_count(a, b, "30/360"), day_count(a, b, "30E/360")
    (76, 75)
    >>> day_count(date(2025, 1, 31), b, "30/360"), day_count(date(2025, 2, 28), b, "30/360")
    (60, 33)
    """
    if convention in ("30/360", "30E/360"):
        d1, d2 = min(start.day, 30), end.day
        if d2 == 31 and (d1 == 30 or convention == "30E/360"):
            d2 = 30
        return 360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1)
    if convention not in DAY_COUNTS:
        raise InputError(f"day_count: {convention!r} is unknown; use one of {', '.join(DAY_COUNTS)}")
    return (end - start).days
