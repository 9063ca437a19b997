"""Where a plan meets the contract: its current period and its own installment.

A plan's first period is the contract's current period (from its last due
date on or before the restructuring date, or from the loan's start). The
interest of that period's days before the date accrued under the contract:
it is owed (the position's accrued interest) and falls due with the plan's
first installment. The plan charges its own rate for the days after the date
only: the period's interest at the plan's rate less the part of it accrued
before the date (pro rata by days, the arrears statement's rule). At the
contract's own rate the two parts add up to the contract's installment
interest, so a plan that changes nothing costs exactly the contract.

>>> from datetime import date
>>> from fractions import Fraction
>>> from repayplan.model import Period
>>> month = Period(2, date(2025, 2, 10), date(2025, 3, 10), 28, Fraction(3, 200), "18%/year ÷ 12")
>>> before_on(Decimal("1350.00"), month, date(2025, 3, 9), "act/365", MoneyPolicy())  # 1,350 × 27/28
Decimal('1301.79')
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from ..model import Loan, Period, Row
from ..money import ZERO, MoneyPolicy
from ..schedule import level_rows, loan_calendar, loan_periods, principal_part
from .position import contract_schedule


@dataclass
class Opening:
    """How the plan's first period meets the contract: ``before`` is the plan
    rate's interest of that period's days before the date ``on`` (not
    charged), ``due`` the interest accrued before it under the contract (owed;
    due with the first payment, then spent: zero)."""

    on: date
    before: Decimal = ZERO
    due: Decimal = ZERO


def opening(principal: Decimal, accrued: Decimal, periods: Sequence[Period], on: date, day_count: str,
            policy: MoneyPolicy) -> Opening:
    """The opening of a plan whose first period is ``periods[0]`` on a balance of ``principal``."""
    before = before_on(policy.interest(principal, periods[0].factor), periods[0], on, day_count, policy)
    return Opening(on, before, accrued)


def before_on(interest: Decimal, period: Period, on: date, day_count: str, policy: MoneyPolicy) -> Decimal:
    """The part of a period's interest accrued before ``on``: interest ×
    elapsed days ÷ the period's days, rounded once (the arrears statement's
    own rule, :func:`repayplan.arrears.accrual.pro_rata_interest`)."""
    from ..arrears.accrual import pro_rata_interest

    return pro_rata_interest(interest, period.start, period.due_date, on, day_count, policy)


def from_date(rows: Sequence[Row], before: Decimal, on: date, start: date) -> tuple[Row, ...]:
    """The rows, the first (whose period began on ``start``) charging only
    its interest after ``on``, its days counted from ``on``, its principal
    unchanged."""
    if not rows or on <= start:
        return tuple(rows)
    first = rows[0]
    return (replace(first, days=(first.due_date - on).days, interest=first.interest - before,
                    payment=first.payment - before), *rows[1:])


def remaining_periods(loan: Loan, on: date) -> int:
    """The contract's periods still to run after ``on`` (a bullet loan's
    one installment runs over all of them)."""
    dues = loan_calendar(loan).dues
    return len(dues) - bisect_right(dues, on)


def contract_installment(loan: Loan | None, on: date, method: str, balance: Decimal,
                         periods: Sequence[Period]) -> Decimal | None:
    """The contract's own level installment (fee excluded) or principal part
    when a plan re-amortises the contract's balance over the contract's
    remaining periods, at its rate, by its method: re-amortising would only
    move a cent of rounding. None when anything differs."""
    if loan is None or method != loan.method or method not in ("annuity", "equal-principal"):
        return None
    schedule = contract_schedule(loan)
    done = schedule.due_by(on)
    if done >= schedule.row_count or schedule.row(done).opening_balance != balance:
        return None
    cal = loan_calendar(loan)  # the contract's periods after `on` (its rows may end early, rounding aside)
    start = bisect_right(cal.dues, on)
    if len(periods) != len(cal.dues) - start or any(
            p.due_date != due or p.factor != factor
            for p, due, factor in zip(periods, cal.dues[start:], cal.factors[start:], strict=True)):
        return None
    if method == "annuity" and schedule.installment is not None:
        return schedule.installment  # the schedule engine's own level amount
    return _installment(loan)


@lru_cache(maxsize=256)
def _installment(loan: Loan) -> Decimal:
    """The contract's level installment or principal part, as the schedule engine sets it."""
    policy = loan.policy
    principal = policy.round(loan.principal)
    periods = loan_periods(loan)
    if loan.method == "annuity":
        return level_rows(principal, periods, policy)[0]
    return principal_part(principal, len(periods), policy)
