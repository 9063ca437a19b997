"""The minimum-payment warning of a revolving debt, as US card statements
print it since the CARD Act (Regulation Z §1026.7(b)(12)): paying only the
minimum takes N months and costs X in all; paying Y a month clears it in 36
months and saves Z.

Unlike Appendix M1's estimate (an average rate over 365/12-day months,
rounded to the dollar), both figures here are exact month-by-month runs of
the debt's own terms: its rate over each month's days, its minimum rule, its
fees, to the cent. The 36-month payment is the smallest amount that, paid
every month (or the minimum when that is more, so no minimum is ever
missed), clears the debt within 36 months. As in the regulation, it is given
only when the minimum alone takes longer than 36 months.

>>> from datetime import date
>>> from repayplan.budget.debts import RevolvingDebt, parse_rate
>>> card = RevolvingDebt("card", Decimal("1000"), parse_rate("18%/year"), Decimal("0.02"), Decimal("20"),
...                      currency="USD")
>>> w = minimum_warning(card, date(2025, 1, 1))
>>> w.minimum_months, w.minimum_total, w.payment_36, w.saving_36
(93, Decimal('1860.40'), Decimal('36.16'), Decimal('559.00'))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .accounts import RevolvingAccount
from .debts import RevolvingDebt, month_dates

__all__ = ["MAX_MONTHS", "MinimumWarning", "minimum_only", "minimum_warning", "payment_for", "repayment_problem"]

#: The longest a plan runs: 100 years (a debt not repaid by then never is).
MAX_MONTHS = 1200
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
    return _run(debt, month_dates(start, MAX_MONTHS), start)


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
    payment, total_36 = payment_for(debt, start)
    return MinimumWarning(debt.name, months, money(total), money(charges), money(payment), money(total_36),
                          money(total - total_36), first)


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
        why = (f"a month's interest and fees ({grouped(money(charges))}) are at least the minimum "
               f"({grouped(money(account.minimum))}), so the balance never falls")
    else:
        why = "it would take more than 100 years"
    return (f"debts[{debt.name}].min_percent: paying only the minimum ({debt.minimum_rule()}) never repays "
            f"{grouped(debt.balance)}: {why}; {grouped(money(payment))} a month would clear it in 36 months "
            f"(raise min_percent or min_floor, or set min_plus_interest = true)")
