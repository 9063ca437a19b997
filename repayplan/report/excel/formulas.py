"""Spreadsheet formulas that reproduce the core's arithmetic.

Rounding follows the plan's :class:`~repayplan.money.MoneyPolicy`. Half-up is
Excel's ``ROUND`` (half away from zero, the same for the positive amounts of
a schedule). Spreadsheets have no half-even rounding, so half-even is written
as "a true tie on an even digit rounds down, everything else as ROUND":

>>> rounded("E9*D9", MoneyPolicy())
'ROUND(E9*D9,2)'
>>> rounded("E9*D9", MoneyPolicy("CNY", "half-even"))
'IF(ROUND(MOD((E9*D9)*100,2),9)=0.5,ROUNDDOWN(E9*D9,2),ROUND(E9*D9,2))'

``MOD(x·100, 2) = 0.5`` holds exactly when x·100 = 2k + 0.5, a tie whose
lower neighbour is even; the ``ROUND(…, 9)`` absorbs binary noise (the exact
interest of a cent balance is never within 10⁻⁹ of a tie without being one at
the rates people meet). Amounts in a schedule are never negative, where this
form would not apply.

Rates: the contract rate sits in one input cell, in its own unit; the rate
per period and per day are formulas over it, exactly as
:meth:`~repayplan.rates.Rate.periodic_exact` and ``daily_exact`` convert:

>>> from repayplan.rates import parse_rate
>>> periodic_rate("$H$3", parse_rate("4.9%"), 12), periodic_rate("$H$3", parse_rate("1.5%/month"), 12)
('$H$3/12', '$H$3')
>>> daily_rate("$H$3", parse_rate("1.5%/month"), "act/360"), annual_rate("$H$3", parse_rate("0.05%/day"), "act/365")
('$H$3*12/360', '$H$3*365')
"""

from __future__ import annotations

from ...money import MoneyPolicy
from ...rates import DAYS_PER_YEAR, Rate


def rounded(expr: str, policy: MoneyPolicy) -> str:
    """`expr` rounded to the minor unit with the policy's mode."""
    d = policy.minor_units
    if policy.rounding == "half-up":
        return f"ROUND({expr},{d})"
    scale = f"*{10 ** d}" if d else ""
    return f"IF(ROUND(MOD(({expr}){scale},2),9)=0.5,ROUNDDOWN({expr},{d}),ROUND({expr},{d}))"


def requantize(expr: str, policy: MoneyPolicy) -> str:
    """Sums and differences of whole minor units, cleared of binary noise (never a tie)."""
    return f"ROUND({expr},{policy.minor_units})"


def periodic_rate(cell: str, rate: Rate, per_year: int, day_count: str = "act/365") -> str:
    """The rate per period: a monthly rate on a monthly schedule is itself; a daily
    rate × the day count's year (365, or 360 under act/360 and 30/360)."""
    if rate.unit == "month" and per_year == 12:
        return cell
    times = {"year": "", "month": "*12", "day": f"*{DAYS_PER_YEAR[day_count]}"}[rate.unit]
    return f"{cell}{times}/{per_year}"


def daily_rate(cell: str, rate: Rate, day_count: str) -> str:
    """The rate per day: a daily rate as written, else the annual rate ÷ 365 or 360."""
    if rate.unit == "day":
        return cell
    times = "*12" if rate.unit == "month" else ""
    return f"{cell}{times}/{DAYS_PER_YEAR[day_count]}"


def annual_rate(cell: str, rate: Rate, day_count: str) -> str:
    """The annual nominal rate shown to people (a day × 365, or 360 under act/360 and 30/360)."""
    times = {"year": "", "month": "*12", "day": f"*{DAYS_PER_YEAR[day_count]}"}[rate.unit]
    return f"{cell}{times}"


def plus_days(base: str, daily: str, days: int) -> str:
    """`base` plus (or minus) `days` at the daily rate: period 1's odd days.

    >>> plus_days("$H$4", "$K$4", 3), plus_days("$H$4", "$K$4", -2), plus_days("$H$4", "$K$4", 0)
    ('$H$4+$K$4*3', '$H$4-$K$4*2', '$H$4')
    """
    if not days:
        return base
    return f"{base}{'+' if days > 0 else '-'}{daily}*{abs(days)}"
