"""Interest accrued in the current period: one rule for the arrears statement
and for restructurings (``restructure.position``), so a loan kept on
schedule is the same debt to both.

A period's contractual interest accrues pro rata by days under the loan's
day count: interest × elapsed days ÷ the period's days, rounded once. The
current period is that of the first installment not yet due; it runs from
the previous due date (or the loan's start).

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, build_schedule, parse_rate
>>> loan = Loan(Decimal("1200"), parse_rate("12%"), 12, start=date(2025, 1, 10))
>>> rows = build_schedule(loan).rows
>>> accrual = accrued_interest(loan, rows, 2, date(2025, 3, 25))  # installments 1 and 2 due by then
>>> accrual.amount, accrual.trace
(Decimal('4.89'), 'installment 3 interest 10.10 × 15/31 days (2025-03-10 to 2025-03-25) = 4.89')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from .. import calendar
from ..model import Loan, Row
from ..money import ZERO, MoneyPolicy
from ..text import msg


@dataclass(frozen=True)
class Accrual:
    """Interest accrued and not yet due, and how it was reached ('' when none)."""

    amount: Decimal
    trace: str = ""


def pro_rata_interest(interest: Decimal, start: date, due: date, on: date, day_count: str,
                      policy: MoneyPolicy) -> Decimal:
    """The part of a period's ``interest`` accrued from ``start`` to ``on``
    (the period ends on ``due``): interest × elapsed ÷ days, rounded once,
    never more than the period's interest.

    >>> pro_rata_interest(Decimal("10.10"), date(2025, 3, 10), date(2025, 4, 10), date(2025, 3, 25), "act/365",
    ...                   MoneyPolicy())  # 10.10 × 15/31 = 4.887...
    Decimal('4.89')
    """
    if interest == 0 or on <= start:
        return policy.round(ZERO)
    elapsed = calendar.day_count(start, on, day_count)
    days = calendar.day_count(start, due, day_count)
    if days <= 0 or elapsed <= 0:
        return policy.round(ZERO)
    return policy.round_exact(Fraction(interest) * min(elapsed, days) / days)


def accrued_amount(loan: Loan, row: Row | None, start: date, on: date) -> Decimal:
    """The amount of :func:`accrued_interest`: the interest of ``row`` (the
    first installment not yet due on ``on``, None past maturity) accrued from
    ``start`` (the previous due date, or the loan's start) to ``on``."""
    if row is None:
        return loan.policy.round(ZERO)
    return pro_rata_interest(row.interest, start, row.due_date, on, loan.day_count, loan.policy)


def accrued_interest(loan: Loan, rows: Sequence[Row], index: int, on: date) -> Accrual:
    """Interest of installment ``rows[index]`` (the first not yet due on
    ``on``) accrued from its period's start to ``on``; zero past maturity."""
    policy = loan.policy
    if index >= len(rows):
        return Accrual(accrued_amount(loan, None, loan.start, on))
    row = rows[index]
    start = rows[index - 1].due_date if index else loan.start
    amount = accrued_amount(loan, row, start, on)
    if not amount:
        return Accrual(amount)
    elapsed = calendar.day_count(start, on, loan.day_count)
    days = calendar.day_count(start, row.due_date, loan.day_count)
    return Accrual(amount, msg("trace.accrued", period=row.period, interest=policy.grouped(row.interest),
                               elapsed=elapsed, days=days, start=start, on=on, amount=policy.grouped(amount)))
