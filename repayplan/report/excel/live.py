"""A plan sheet's live formulas: whether a plan's rows are one loan's
schedule, and if so the formula of each row's rate for the period and of
its installment (:func:`live_terms`), with the values the core charges
(:func:`factor_values`, :func:`installment_value`) cached beside them.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan.model import Loan
>>> from repayplan.rates import parse_rate
>>> from repayplan.schedule import build_schedule
>>> loan = Loan(Decimal("12000"), parse_rate("12%"), 12, start=date(2025, 1, 1))
>>> plan = BookPlan.from_schedule("Contract", build_schedule(loan))
>>> terms = live_terms(plan)
>>> terms.factors[0], terms.installment, installment_value(plan, terms)  # 12,000 at 1% a month over 12
('$H$4', 'ROUND(PMT($D$9,$K$3,-$E$3),2)', Decimal('1066.19'))
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ...model import Loan, Period, Row
from ...schedule import build_schedule, level_payment, loan_periods
from . import formulas as fx
from .book import BookPlan
from .layout import FIRST_ROW, INPUTS, absolute


@dataclass(frozen=True)
class LiveTerms:
    """The formula model of a plan that follows one loan's terms."""

    loan: Loan
    factors: list[str]  # formula of each row's rate for the period
    installment: str | None  # formula (or None) of the installment / principal part
    uses_discount: bool
    odd_days: int = 0  # period 1's odd days under periodic interest (a long first period)
    short_days: int = 0  # period 1's days when it is short (charged at the daily rate)
    installment_value: Decimal | None = None  # the installment as an input, when no formula reproduces it


def live_terms(plan: BookPlan) -> LiveTerms | None:
    """The loan the rows follow, with each row's rate formula; None when the
    rows are not that loan's schedule or a rate cannot be written as a formula."""
    loan = plan.loan
    rows = tuple(plan.rows)
    if loan is None or not rows or any(not isinstance(r, Row) for r in rows):
        return None
    schedule = build_schedule(loan)
    if schedule.rows != rows:
        return None
    periods = loan_periods(loan)
    periodic = loan.rate.periodic_exact(loan.periods_per_year, loan.day_count)
    daily = loan.rate.daily_exact(loan.day_count)
    p, d, n = absolute(INPUTS["periodic"]), absolute(INPUTS["daily"]), absolute(INPUTS["term"])
    if loan.method == "bullet":
        wanted = sum((q.factor for q in periods), Fraction(0))
        first = periods[0]
        if loan.interest_basis == "daily" and daily * rows[0].days == wanted:
            return LiveTerms(loan, [f"{d}*C{FIRST_ROW}"], None, False)
        odd = _odd_days(wanted - periodic * len(periods), daily)
        if odd is not None:
            return LiveTerms(loan, [fx.plus_days(f"{p}*{n}", d, odd)], None, False, odd_days=odd)
        if periodic * (len(periods) - 1) + daily * first.days == wanted:
            return LiveTerms(loan, [f"{p}*({n}-1)+{d}*{first.days}"], None, False, short_days=first.days)
        return None
    factors: list[str] = []
    odd_days = short_days = 0
    for index, (row, period) in enumerate(zip(rows, periods, strict=False)):
        r = FIRST_ROW + index
        if loan.interest_basis == "daily" or (index == 0 and period.factor != periodic
                                              and period.factor == daily * row.days):
            if daily * row.days != period.factor:
                return None
            factors.append(f"{d}*C{r}")
            short_days = row.days if loan.interest_basis != "daily" else 0
        elif period.factor == periodic:
            factors.append(p)
        else:
            odd = _odd_days(period.factor - periodic, daily)
            if odd is None or index:
                return None
            factors.append(fx.plus_days(p, d, odd))
            odd_days = odd
    installment, uses_discount = _installment(loan, periods, len(rows))
    plain = level_payment(rows[0].opening_balance, [q.factor for q in periods], loan.policy)
    if loan.method == "annuity" and schedule.installment is not None and (
            installment is None or schedule.installment != plain):
        # interest-only periods: the core's solved level amount, as an input value
        return LiveTerms(loan, factors, None, False, odd_days, short_days, schedule.installment)
    return LiveTerms(loan, factors, installment, uses_discount, odd_days, short_days)


def _odd_days(extra: Fraction, daily: Fraction) -> int | None:
    if extra == 0:
        return 0
    if daily == 0:
        return None
    days = extra / daily
    return int(days) if days.denominator == 1 else None


def _installment(loan: Loan, periods: list[Period], rows: int) -> tuple[str | None, bool]:
    policy = loan.policy
    b, n = absolute(INPUTS["opening"]), absolute(INPUTS["term"])
    if loan.method == "equal-principal":
        return fx.rounded(f"{b}/{n}", policy), False
    if loan.method != "annuity":
        return None, False
    if len({q.factor for q in periods}) == 1:  # equal periods: the textbook annuity over row 1's rate
        return fx.rounded(f"PMT($D${FIRST_ROW},{n},-{b})", policy), False
    if rows != len(periods):
        return None, False
    last = FIRST_ROW + rows - 1
    return fx.rounded(f"{b}/SUM($L${FIRST_ROW}:$L${last})", policy), True


def factor_values(terms: LiveTerms, rows: tuple[Any, ...]) -> list[Fraction]:
    """Each row's rate for the period, exactly as the core charges it."""
    periods = loan_periods(terms.loan)
    if terms.loan.method == "bullet":
        return [sum((q.factor for q in periods), Fraction(0))]
    return [q.factor for q in periods[:len(rows)]]


def installment_value(plan: BookPlan, terms: LiveTerms) -> Decimal:
    """The installment (annuity) or principal part (equal principal) the core charges."""
    loan, policy = terms.loan, plan.policy
    opening = plan.opening
    if loan.method == "equal-principal":
        return policy.round(opening / loan.term)
    solved = build_schedule(loan).installment  # the level amount the schedule holds (its rule at the edges)
    return solved if solved is not None else level_payment(opening, [q.factor for q in loan_periods(loan)], policy)
