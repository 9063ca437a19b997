"""The minimum-payment warning of a revolving debt, as US card statements
print it since the CARD Act (Regulation Z §1026.7(b)(12)): paying only the
minimum takes N months and costs X in all; paying Y a month clears it in 36
months and saves Z.

The minimum-only figure is an exact month-by-month run of the debt's own
terms: its rate over each month's days, its minimum rule, its fees, to the
cent. The 36-month payment is what the regulation asks for
(§1026.7(b)(12)(i)(F)): the level monthly payment that pays the balance off
in 36 months at the debt's rate, the annuity over its 36 months' interest
factors (1.5% a month for 18% a year), rounded to the cent. When it is
below today's minimum the borrower cannot pay just that: they pay the
minimum until it falls below it, and the total and saving are of that run
(each month the larger of the two). As in the regulation, it is given only
when the minimum alone takes longer than 36 months.

An 8,000.00 card at 18% a year with a 5% minimum (at least 25.00): the
36-month payment is 8,000 × 1.5% ÷ (1 − 1.015^−36) = 289.22, below the
first minimum of 406.00 (5% of the first bill, 8,000 + 120.00 interest):

>>> from datetime import date
>>> from repayplan.budget.debts import RevolvingDebt, parse_rate
>>> card = RevolvingDebt("card", Decimal("8000"), parse_rate("18%/year"), Decimal("0.05"), Decimal("25"),
...                      currency="USD")
>>> w = minimum_warning(card, date(2025, 1, 1))
>>> w.payment_36, w.first_minimum, w.months_36 <= 36
(Decimal('289.22'), Decimal('406.00'), True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..text import msg
from .accounts import RevolvingAccount
from .debts import RevolvingDebt, month_dates

__all__ = ["HORIZON_MONTHS", "MinimumWarning", "minimum_only", "minimum_warning", "payment_for", "repayment_problem"]

#: The longest a plan runs: 100 years (a debt not repaid by then never is).
HORIZON_MONTHS = 1200
WARNING_MONTHS = 36


@dataclass(frozen=True)
class MinimumWarning:
    """What paying only the minimum costs, against clearing the debt in 36 months."""

    debt: str
    minimum_months: int
    minimum_total: Decimal
    minimum_charges: Decimal  # interest + fees (+ penalty) paid on the way
    payment_36: Decimal | None  # None when the minimum alone clears it within 36 months
    total_36: Decimal | None
    saving_36: Decimal | None
    first_minimum: Decimal  # the minimum of month 1 (more than payment_36 under a steep minimum rule)
    months_36: int | None = None  # months to clear paying the larger of payment_36 and the minimum


def _run(debt: RevolvingDebt, dates: Sequence[date], start: date, payment: int = 0) -> tuple[int | None, int, int]:
    """Months to clear the debt paying max(payment, minimum) each month, what
    was paid, and what was charged beyond principal (None months: not cleared)."""
    account = RevolvingAccount(0, debt)
    previous = start
    for k, when in enumerate(dates):
        account.accrue(k, (when - previous).days)
        previous = when
        account.pay(max(payment, account.minimum))
        account.close(k)
        if account.balance == 0:
            return k + 1, account.paid, account.charged_interest + account.charged_fees + account.charged_penalty
    return None, account.paid, account.charged_interest + account.charged_fees + account.charged_penalty


def level_payment_36(debt: RevolvingDebt, start: date, months: int = WARNING_MONTHS) -> int:
    """The level monthly payment (minor units) that pays the balance off in ``months`` at the
    debt's rate: the annuity over its months' interest factors (a daily rate over each month's
    days), rounded once. 8,000 at 1.5% a month: 289.22.
    """
    from ..schedule import level_payment

    dates = month_dates(start, months)
    if debt.rate.unit == "day":
        daily = debt.rate.daily_exact(debt.day_count)
        factors = [daily * (b - a).days for a, b in zip((start, *dates), dates, strict=False)]
    else:
        factors = [debt.rate.periodic_exact(12)] * months
    return debt.policy.to_minor(level_payment(debt.balance, factors, debt.policy))


def payment_for(debt: RevolvingDebt, start: date, months: int = WARNING_MONTHS) -> tuple[int, int]:
    """The smallest monthly payment (minor units) that clears the debt within
    ``months``, and the total it pays. Paying more never takes longer, so a
    bisection over whole minor units finds it exactly."""
    dates = month_dates(start, months)
    account = RevolvingAccount(0, debt)
    account.accrue(0, (dates[0] - start).days)
    low, high = 0, account.balance  # high: everything in month 1
    while low < high:
        mid = (low + high) // 2
        if _run(debt, dates, start, mid)[0] is not None:
            high = mid
        else:
            low = mid + 1
    _, total, _ = _run(debt, dates, start, low)
    return low, total


def minimum_only(debt: RevolvingDebt, start: date) -> tuple[int | None, int, int]:
    """Paying only the minimum: months to clear (None: never), total paid and
    charges, in minor units."""
    return _run(debt, month_dates(start, HORIZON_MONTHS), start)


def minimum_warning(debt: RevolvingDebt, start: date,
                    run: tuple[int | None, int, int] | None = None) -> MinimumWarning | None:
    """The warning for a revolving debt; None if the minimum never repays it."""
    months, total, charges = run or minimum_only(debt, start)
    if months is None:
        return None
    money = debt.policy.from_minor
    account = RevolvingAccount(0, debt)
    account.accrue(0, (month_dates(start, 1)[0] - start).days)
    first = money(account.minimum)
    if months <= WARNING_MONTHS:
        return MinimumWarning(debt.name, months, money(total), money(charges), None, None, None, first)
    payment = level_payment_36(debt, start)
    months_36, total_36, _ = _run(debt, month_dates(start, HORIZON_MONTHS), start, payment)
    return MinimumWarning(debt.name, months, money(total), money(charges), money(payment), money(total_36),
                          money(total - total_36), first, months_36)


def repayment_problem(debt: RevolvingDebt, start: date,
                      run: tuple[int | None, int, int] | None = None) -> str | None:
    """A clear line when paying only the minimum never repays the debt (within
    100 years), naming the payment that would; None when it does."""
    months, _, _ = run or minimum_only(debt, start)
    if months is not None:
        return None
    account = RevolvingAccount(0, debt)
    account.accrue(0, (month_dates(start, 1)[0] - start).days)
    charges = account.month_interest + account.month_fees + account.month_penalty
    grouped = debt.policy.grouped
    money = debt.policy.from_minor
    payment, _ = payment_for(debt, start)
    if account.minimum <= charges:
        why = msg("err.minimum_below_charges", charges=grouped(money(charges)), minimum=grouped(money(account.minimum)))
    else:
        why = msg("err.minimum_century")
    return msg("err.at", where=f"debts[{debt.name}].min_percent", message=msg(
        "err.minimum_never_repays", rule=debt.minimum_rule(), balance=grouped(debt.balance), why=why,
        payment=grouped(money(payment))))
