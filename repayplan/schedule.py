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

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

from . import calendar
from .model import Loan, Period, Row, Schedule
from .money import WORKING, ZERO, MoneyPolicy
from .rates import Rate
from .text import Msg, msg, short_rate

#: Given (index, opening balance, interest) return the principal to repay.
PrincipalRule = Callable[[int, Decimal, Decimal], Decimal]


def loan_periods(loan: Loan, anchor_day: int | None = None) -> list[Period]:
    """The accrual periods of a loan: dates, days and interest factors.

    Periodic basis: factor = annual ÷ periods a year; a long first period
    adds its odd days at the daily rate, a short one charges its actual days
    at the daily rate. Daily basis:
    factor = daily rate × days under the day count. ``anchor_day`` keeps the
    due dates on another day of the month than the first due date's (a plan
    from 28 Feb of a loan due on the 31st); default: the loan's own.
    """
    freq = calendar.frequency(loan.frequency)
    anchor = anchor_day or loan.anchor_day
    dues = calendar.due_dates(loan.first_due_date, loan.term, loan.frequency, anchor)
    periodic = loan.rate.periodic_exact(freq.periods_per_year)
    daily = loan.rate.daily_exact(loan.day_count)
    daily_text = short_rate(Rate(loan.rate.daily(loan.day_count), "day"))
    day_count = msg(f"daycount.{loan.day_count}")
    periodic_text = _periodic_text(loan, freq.periods_per_year)
    daily_mode = loan.interest_basis == "daily"
    by_days: dict[int, tuple[Fraction, str]] = {}  # months have few distinct lengths
    periods = []
    previous = loan.start
    for number, due in enumerate(dues, start=1):
        days = calendar.day_count(previous, due, loan.day_count)
        if daily_mode:
            if days not in by_days:
                by_days[days] = (daily * days, msg("sched.daily_days", daily=daily_text, days=days,
                                                   day_count=day_count))
            factor, basis = by_days[days]
        else:
            factor, basis = periodic, periodic_text
            if number == 1:
                regular_start = calendar.step(due, -1, freq, anchor)
                odd = calendar.day_count(loan.start, regular_start, loan.day_count)
                if odd > 0:  # a long first period: a regular period plus its odd days
                    factor = factor + daily * odd
                    basis = msg("sched.odd_add", basis=basis, daily=daily_text, odd=odd)
                elif odd < 0:  # a short first period: its actual days at the daily rate
                    factor = daily * days
                    basis = msg("sched.short_first", daily=daily_text, days=days)
        periods.append(Period(number, previous, due, days, factor, basis))
        previous = due
    return periods


def _periodic_text(loan: Loan, per_year: int) -> str:
    if loan.rate.unit == "month" and per_year == 12:
        return msg("rate.as_is", rate=loan.rate)
    annual = loan.rate if loan.rate.unit == "year" else Rate(loan.rate.annual, "year")
    return msg("rate.divided", rate=annual, n=per_year)


def level_payment(balance: Decimal, factors: Sequence[Fraction | Decimal], policy: MoneyPolicy) -> Decimal:
    """The level installment that repays `balance` over periods with these
    interest factors, rounded to the minor unit.

    With equal factors r this is the annuity formula B·r / (1 − (1+r)^−n):

    >>> level_payment(Decimal("1000000"), [Fraction(49, 12000)] * 360, MoneyPolicy())
    Decimal('5307.27')
    >>> level_payment(Decimal("100"), [Decimal(0)] * 3, MoneyPolicy())
    Decimal('33.33')
    """
    discount, present = Decimal(1), ZERO
    growth: dict[int, Decimal] = {}  # 1 + factor, computed once per distinct factor object
    for factor in factors:
        step = growth.get(id(factor))
        if step is None:
            if isinstance(factor, Fraction):
                step = WORKING.add(1, WORKING.divide(Decimal(factor.numerator), Decimal(factor.denominator)))
            else:
                step = WORKING.add(1, factor)
            growth[id(factor)] = step
        discount = WORKING.divide(discount, step)
        present = WORKING.add(present, discount)
    return policy.round(WORKING.divide(balance, present))


def level(payment: Decimal) -> PrincipalRule:
    """Equal installments: principal = payment − interest."""
    return lambda _index, _balance, interest: payment - interest


def fixed_principal(part: Decimal) -> PrincipalRule:
    """Equal principal parts (等额本金)."""
    return lambda _index, _balance, _interest: part


def interest_only(_index: int, _balance: Decimal, _interest: Decimal) -> Decimal:
    """Pay the interest, repay no principal until the last installment."""
    return ZERO


def amortise(
    opening: Decimal,
    periods: Sequence[Period],
    policy: MoneyPolicy,
    principal_rule: PrincipalRule,
    fee: Decimal = ZERO,
    settle_last: bool = True,
) -> tuple[Row, ...]:
    """Rows for a balance over periods; the last period repays what is left.

    A principal part is never negative (an installment covers at least the
    period's interest) and never exceeds the balance (no balance goes
    negative); a schedule whose balance reaches zero early ends there.
    """
    rows = []
    balance = opening
    zero = policy.round(ZERO)
    last = len(periods) - 1
    for index, period in enumerate(periods):
        interest = policy.interest(balance, period.factor)
        if index == last and settle_last:
            principal = balance
        else:
            principal = min(max(principal_rule(index, balance, interest), zero), balance)
        closing = balance - principal
        rows.append(Row(period.number, period.due_date, period.days, balance, principal + interest + fee,
                        principal, interest, fee, zero, closing))
        balance = closing
        if balance == 0 and principal > 0:
            break
    return tuple(rows)


def build_schedule(loan: Loan) -> Schedule:
    """The contract schedule of a loan, reconciled to the minor unit."""
    policy = loan.policy
    principal = policy.round(loan.principal)
    periods = loan_periods(loan)
    fee = policy.round(loan.installment_fee)
    rows: tuple[Row, ...]
    if loan.method == "bullet":
        rows = (bullet_row(principal, periods, policy, fee),)
    else:
        if loan.method == "annuity":
            rule = level(level_payment(principal, [p.factor for p in periods], policy))
        elif loan.method == "equal-principal":
            rule = fixed_principal(policy.round(principal / len(periods)))
        else:
            rule = interest_only
        rows = amortise(principal, periods, policy, rule, fee)
    return Schedule(rows, policy, principal, loan, interest_rule=_interest_rule(loan, periods, policy))


def bullet_row(principal: Decimal, periods: Sequence[Period], policy: MoneyPolicy, fee: Decimal) -> Row:
    """Everything at maturity: simple interest over the whole term."""
    factor = sum((p.factor for p in periods), Fraction(0))
    interest = policy.round_exact(Fraction(principal) * factor)
    days = sum(p.days for p in periods)
    zero = policy.round(ZERO)
    return Row(1, periods[-1].due_date, days, principal, principal + interest + fee, principal, interest, fee,
               zero, zero)


_bullet_row = bullet_row  # the name restructure/shapes.py imported first


def _interest_rule(loan: Loan, periods: Sequence[Period], policy: MoneyPolicy) -> str:
    mode = msg(f"round.{policy.rounding}")
    basis: str
    odd: str | Msg
    if loan.interest_basis == "daily":
        basis = msg("sched.daily_any", daily=short_rate(Rate(loan.rate.daily(loan.day_count), "day")),
                    day_count=msg(f"daycount.{loan.day_count}"))
        odd = ""
    else:
        basis = _periodic_text(loan, loan.periods_per_year)
        odd = msg("sched.rule_odd", basis=periods[0].basis) if periods[0].basis != basis else ""
    if loan.method == "bullet":
        return msg("sched.rule_bullet", basis=basis, n=len(periods), mode=mode, quantum=policy.quantum)
    return msg("sched.rule_level", basis=basis, mode=mode, quantum=policy.quantum, odd=odd)
