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

from ..errors import bad
from ..money import ZERO
from ..schedule import level_payment, loan_periods
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
    accrued_exact: Fraction = Fraction(0)  # interest accrued and not yet due (a bullet's), exact
    source: str = "contract schedule"


def installment_start(debt: InstallmentDebt, start: date) -> Opening:
    """The opening of an installment debt on ``start`` (see the module notes)."""
    loan = debt.loan
    if loan.start > start:
        raise bad(f"debts[{debt.name}].start", "err.loan_after_plan", loan_start=loan.start, start=start)
    policy = loan.policy
    periods = loan_periods(loan)
    factors = tuple(p.factor for p in periods)
    principal = policy.round(loan.principal)
    fee = policy.round(loan.installment_fee)
    # the contract's installment and principal part, exactly as build_schedule computes them
    installment = level_payment(principal, factors, policy) if loan.method == "annuity" else ZERO
    part = policy.round(principal / len(periods)) if loan.method == "equal-principal" else ZERO
    elapsed = sum(1 for p in periods if p.due_date <= start)
    if debt.has_history:
        return _from_statement(debt, start, factors, elapsed, installment, part, fee)
    contract = Opening(factors, installment, part, fee, principal)
    if not elapsed:
        return contract
    from .accounts import InstallmentAccount

    account = InstallmentAccount(0, debt, contract)  # the contract kept: every installment paid when due
    for k in range(elapsed):
        account.accrue(k, 0)
        account.pay(account.minimum)
        account.close(k)
    if account.balance == 0:
        raise bad(f"debts[{debt.name}]", "err.repaid_before_plan", day=periods[elapsed - 1].due_date, start=start)
    money = policy.from_minor
    return Opening(factors[elapsed:], installment, part, fee, money(account.principal),
                   accrued_exact=account.acc_exact / policy.to_minor(Decimal(1)))


def _from_statement(debt: InstallmentDebt, start: date, factors: tuple[Fraction, ...], elapsed: int,
                    installment: Decimal, part: Decimal, fee: Decimal) -> Opening:
    from ..arrears import statement as arrears_statement

    statement = arrears_statement(debt.loan, list(debt.payments or ()), debt.penalty_terms, start)
    p = statement.position
    if p.principal + p.interest + p.penalty + p.fees - p.credit <= 0:
        raise bad(f"debts[{debt.name}]", "err.nothing_owed", start=start)
    accrued = Fraction(0)
    if debt.loan.method == "bullet":  # interest of the periods already run, due at maturity with the rest
        accrued = Fraction(p.principal - p.overdue_principal) * sum(factors[:elapsed], Fraction(0))
    return Opening(factors[elapsed:], installment, part, fee, p.principal, p.overdue_principal, p.interest, p.penalty,
                   p.fees, p.credit, accrued_exact=accrued, source=f"arrears statement as of {start}")
