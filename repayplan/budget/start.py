"""Where an installment debt stands on the plan's start date.

Without a payment history the debt is taken as paid on schedule: every
installment due on or before the start is paid, and the rest of the contract
schedule lies ahead. With a history (``payments``, under its penalty terms:
the arrears rules) the position comes from the arrears statement as of the
start: overdue principal, overdue interest, penalty interest and fees
included.

Either way, the k-th installment still due falls in plan month k, with its
contract interest factor; the interest of the period running on the start
date covers the whole period (the interest accrued before the start is part
of it, so the statement's accrued interest is not added twice).

>>> from datetime import date
>>> from repayplan import Loan, parse_rate
>>> loan = Loan(Decimal("12000"), parse_rate("1.5%/month"), 12, start=date(2025, 1, 10))
>>> o = installment_start(InstallmentDebt("cash", loan), date(2025, 3, 1))
>>> len(o.factors), o.principal, o.installment   # 10 Feb paid: 12,000 − (1,100.16 − 180.00 interest)
(11, Decimal('11079.84'), Decimal('1100.16'))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..errors import InputError
from ..money import ZERO
from ..schedule import build_schedule, loan_periods
from .debts import InstallmentDebt

__all__ = ["Opening", "installment_start"]


@dataclass(frozen=True)
class Opening:
    """An installment debt on the plan's start date, and what lies ahead of it."""

    factors: tuple[Fraction, ...]  # interest factor of each remaining contract period
    installment: Decimal  # the contract's level installment (annuity), fee excluded
    principal_part: Decimal  # the contract's equal principal part (equal-principal)
    fee: Decimal  # installment fee
    principal: Decimal  # all principal outstanding, overdue included
    overdue_principal: Decimal = ZERO
    interest: Decimal = ZERO  # overdue contractual interest
    penalty: Decimal = ZERO
    fees: Decimal = ZERO
    credit: Decimal = ZERO
    source: str = "contract schedule"


def installment_start(debt: InstallmentDebt, start: date) -> Opening:
    """The opening of an installment debt on ``start`` (see the module notes)."""
    loan = debt.loan
    if loan.start > start:
        raise InputError(f"debts[{debt.name}].start: the loan starts on {loan.start}, after the plan's start "
                         f"{start}; start the plan on or after it")
    policy = loan.policy
    schedule = build_schedule(loan)
    periods = loan_periods(loan)
    fee = policy.round(loan.installment_fee)
    installment = schedule.rows[0].payment - fee if loan.method == "annuity" else ZERO
    part = policy.round(schedule.principal / len(periods)) if loan.method == "equal-principal" else ZERO
    ahead = tuple(p.factor for p in periods if p.due_date > start)
    if debt.has_history:
        return _from_statement(debt, start, ahead, installment, part, fee)
    done = [r for r in schedule.rows if r.due_date <= start]
    principal = done[-1].closing_balance if done else schedule.principal
    if principal == 0:
        raise InputError(f"debts[{debt.name}]: repaid under its contract by {done[-1].due_date}, before the plan's "
                         f"start {start}; remove it or give its payments")
    return Opening(ahead, installment, part, fee, principal)


def _from_statement(debt: InstallmentDebt, start: date, ahead: tuple[Fraction, ...], installment: Decimal,
                    part: Decimal, fee: Decimal) -> Opening:
    from ..arrears import statement as arrears_statement

    statement = arrears_statement(debt.loan, list(debt.payments or ()), debt.penalty_terms, start)
    p = statement.position
    if p.principal + p.interest + p.penalty + p.fees - p.credit <= 0:
        raise InputError(f"debts[{debt.name}]: nothing is owed on {start} under its payments; remove it")
    return Opening(ahead, installment, part, fee, p.principal, p.overdue_principal, p.interest, p.penalty, p.fees,
                   p.credit, source=f"arrears statement as of {start}")
