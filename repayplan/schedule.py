"""The contract schedule: exact cents for every repayment method.

The published example: 1,000,000 at 4.9% over 30 years, equal installments
of 5,307.27; equal principal starts at 6,861.11 and falls by 11.34 a month.

>>> from datetime import date
>>> from repayplan.rates import parse_rate
>>> loan = Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
>>> s = build_schedule(loan)
>>> s.rows[0].payment, s.rows[-1].closing_balance, s.total("principal")
(Decimal('5307.27'), Decimal('0.00'), Decimal('1000000.00'))
>>> from dataclasses import replace
>>> ep = build_schedule(replace(loan, method="equal-principal"))
>>> ep.rows[0].payment, ep.rows[0].payment - ep.rows[1].payment
(Decimal('6861.11'), Decimal('11.34'))

Rounding points: the installment (or the principal part) is rounded to the
minor unit once; each period's interest is rounded; principal = payment −
interest; the last installment takes whatever balance is left.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from . import periods as _calendar_module
from .amortise import (
    Columns,
    FixedPrincipal,
    Level,
    PrincipalRule,
    amortise,
    amortise_columns,
    bullet_row,
    bullet_row_columns,
    columns_of,
    fixed_cents,
    fixed_principal,
    interest_only,
    level,
    principal_part,
)
from .cents import RowCents
from .level import level_amortise, level_cents, level_payment, level_rows, level_rows_columns, solve_level
from .model import Loan, Period, Row, Schedule
from .money import ZERO, MoneyPolicy
from .periods import Calendar, loan_calendar, loan_periods
from .periods import _periods as _periods  # a benchmark's handle on the kept periods
from .periods import periodic_text as _periodic_text_of
from .rates import Rate
from .text import Msg, msg, short_rate

__all__ = [
    "Calendar", "Columns", "FixedPrincipal", "Level", "Period", "PrincipalRule", "Row", "RowCents", "Schedule",
    "amortise", "amortise_columns", "build_schedule", "bullet_row", "bullet_row_columns", "clear_caches",
    "columns_of", "fixed_cents", "fixed_principal", "interest_only", "level", "level_amortise", "level_cents",
    "level_payment", "level_rows", "level_rows_columns", "loan_calendar", "loan_periods", "principal_part",
    "solve_level",
]

_bullet_row = bullet_row  # the name restructure/shapes.py imported first


def build_schedule(loan: Loan) -> Schedule:
    """The contract schedule of a loan, reconciled to the minor unit."""
    policy = loan.policy
    principal = policy.round(loan.principal)
    cal = loan_calendar(loan)
    fee = policy.round(loan.installment_fee)
    count = len(cal.dues)
    rows: tuple[Row, ...]
    installment = None
    text = _interest_rule(loan, cal.bases[0], count, policy)
    periods = Columns(range(1, count + 1), cal.dues, cal.days, cal.factors)
    if loan.method == "bullet":
        rows = (bullet_row_columns(principal, periods, policy, fee),)
    elif loan.method == "annuity":
        installment, made = level_cents(principal, periods, policy, fee)
        if isinstance(made, RowCents):  # rows made from the cents when first read
            return Schedule.deferred(made, policy, principal, loan, interest_rule=text, installment=installment)
        rows = made
    else:
        part = principal_part(principal, count, policy) if loan.method == "equal-principal" else ZERO
        cents = fixed_cents(principal, periods, policy, part, fee)
        if cents is not None:  # rows made from the cents when first read
            return Schedule.deferred(cents, policy, principal, loan, interest_rule=text)
        rule = fixed_principal(part) if loan.method == "equal-principal" else interest_only
        rows = amortise_columns(principal, periods, policy, rule, fee)
    return Schedule(rows, policy, principal, loan, interest_rule=text, installment=installment)


def clear_caches() -> None:
    """Forget every kept calendar and rule text (a benchmark's first schedule of a loan)."""
    _calendar_module.clear_caches()
    _rule_text.cache_clear()


def _interest_rule(loan: Loan, first_basis: str, count: int, policy: MoneyPolicy) -> str:
    return _rule_text(loan.rate, str(loan.rate.value), loan.interest_basis, loan.day_count, loan.periods_per_year,
                      loan.method, first_basis, count, policy.rounding, policy.quantum)


@lru_cache(maxsize=256)
def _rule_text(rate: Rate, _written: str, interest_basis: str, day_count: str, per_year: int, method: str,
               first_basis: str, count: int, rounding: str, quantum: Decimal) -> str:
    """How each row's interest is computed, for people (the same text for the same terms, made once)."""
    mode = msg(f"round.{rounding}")
    basis: str
    odd: str | Msg
    if interest_basis == "daily":
        basis = msg("sched.daily_any", daily=short_rate(Rate(rate.daily(day_count), "day")),
                    day_count=msg(f"daycount.{day_count}"))
        odd = ""
    else:
        basis = _periodic_text_of(rate, day_count, per_year)
        odd = msg("sched.rule_odd", basis=first_basis) if first_basis != basis else ""
    if method == "bullet":
        return msg("sched.rule_bullet", basis=basis, n=count, mode=mode, quantum=quantum)
    return msg("sched.rule_level", basis=basis, mode=mode, quantum=quantum, odd=odd)
