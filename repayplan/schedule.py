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
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from functools import lru_cache

from . import calendar
from .model import Loan, Period, Row, Schedule, new_period, new_row
from .money import WORKING, ZERO, MoneyPolicy
from .rates import DAYS_PER_YEAR, Rate
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
    anchor = anchor_day or loan.anchor_day
    return list(_periods(loan.rate, str(loan.rate.value), loan.term, loan.frequency, loan.start,
                         loan.first_due_date, anchor, loan.day_count, loan.interest_basis))


@lru_cache(maxsize=256)
def _periods(rate: Rate, written: str, term: int, frequency: str, start: date, first_due: date, anchor: int,
             day_count: str, interest_basis: str) -> tuple[Period, ...]:
    """The periods of a calendar, computed once: a search builds dozens of plans on the same dates and
    rates (the periods are frozen and their texts are rendered in a language only when shown); ``written``
    keeps apart equal rates written differently (4.9% and 4.90%), whose texts differ."""
    loan = _Terms(rate, term, frequency, start, first_due, day_count, interest_basis)
    freq = calendar.frequency(loan.frequency)
    dues = calendar.due_dates(loan.first_due_date, loan.term, loan.frequency, anchor)
    periodic = loan.rate.periodic_exact(freq.periods_per_year, loan.day_count)
    daily = loan.rate.daily_exact(loan.day_count)
    daily_text = short_rate(Rate(loan.rate.daily(loan.day_count), "day"))
    day_count = msg(f"daycount.{loan.day_count}")
    periodic_text = _periodic_text(loan, freq.periods_per_year)
    daily_mode = loan.interest_basis == "daily"
    by_days: dict[int, tuple[Fraction, str]] = {}  # months have few distinct lengths
    periods = []
    previous = loan.start
    actual = loan.day_count in ("act/365", "act/360")
    for number, due in enumerate(dues, start=1):
        days = (due - previous).days if actual else calendar.day_count(previous, due, loan.day_count)
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
        periods.append(new_period(number, previous, due, days, factor, basis))
        previous = due
    return tuple(periods)


@dataclass(frozen=True)
class _Terms:
    """What the periods of a loan depend on (never its amounts)."""

    rate: Rate
    term: int
    frequency: str
    start: date
    first_due_date: date
    day_count: str
    interest_basis: str


def _periodic_text(loan: Loan | _Terms, per_year: int) -> str:
    if loan.rate.unit == "month" and per_year == 12:
        return msg("rate.as_is", rate=loan.rate)
    if loan.rate.unit == "year":
        return msg("rate.divided", rate=loan.rate, n=per_year)
    year = DAYS_PER_YEAR[loan.day_count] if loan.rate.unit == "day" else 12  # a day rate × 360 under act/360
    annual = Rate(loan.rate.annual_for(loan.day_count), "year")
    return msg("rate.times_year", rate=loan.rate, year=year, annual=annual, n=per_year)


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
    count, n = 0, len(factors)
    while count < n:
        factor = factors[count]
        run = count + 1  # a run of the same factor object: one geometric sum
        while run < n and factors[run] is factor:
            run += 1
        step = growth.get(id(factor))
        if step is None:
            if isinstance(factor, Fraction):
                step = WORKING.add(1, WORKING.divide(Decimal(factor.numerator), Decimal(factor.denominator)))
            else:
                step = WORKING.add(1, factor)
            growth[id(factor)] = step
        m = run - count
        if m == 1 or step == 1:
            for _ in range(m):
                discount = WORKING.divide(discount, step)
                present = WORKING.add(present, discount)
        else:  # Σ_{j=1..m} d·g^−j = d·(1 − g^−m)/(g − 1)
            tail = WORKING.power(step, -m)
            present = WORKING.add(present, WORKING.divide(WORKING.multiply(discount, WORKING.subtract(1, tail)),
                                                          WORKING.subtract(step, 1)))
            discount = WORKING.multiply(discount, tail)
        count = run
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
        rows.append(new_row(period.number, period.due_date, period.days, balance, principal + interest + fee,
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
    installment = None
    if loan.method == "bullet":
        rows = (bullet_row(principal, periods, policy, fee),)
    elif loan.method == "annuity":
        installment, rows = level_rows(principal, periods, policy, fee)
    else:
        if loan.method == "equal-principal":
            rule = fixed_principal(principal_part(principal, len(periods), policy))
        else:
            rule = interest_only
        rows = amortise(principal, periods, policy, rule, fee)
    return Schedule(rows, policy, principal, loan, interest_rule=_interest_rule(loan, periods, policy),
                    installment=installment)


def principal_part(principal: Decimal, count: int, policy: MoneyPolicy) -> Decimal:
    """Equal principal parts: principal ÷ count rounded, or rounded down when
    rounding up would repay everything before the last installment.

    >>> principal_part(Decimal("100.00"), 360, MoneyPolicy())  # 0.2777… → 0.28 × 359 > 100, so 0.27
    Decimal('0.27')
    >>> principal_part(Decimal("1000.00"), 3, MoneyPolicy())
    Decimal('333.33')
    """
    part = policy.round(principal / count)
    if count > 1 and part * (count - 1) >= principal:
        part = (principal / count).quantize(policy.quantum, rounding=ROUND_DOWN, context=WORKING)
    return part


def level_rows(principal: Decimal, periods: Sequence[Period], policy: MoneyPolicy,
               fee: Decimal = ZERO) -> tuple[Decimal, tuple[Row, ...]]:
    """The level installment and its rows: exactly one row per period.

    Each installment is the level amount unless its period's interest is
    larger; then it pays that interest and no principal. The level amount is
    solved (:func:`solve_level`) so the balance ends at zero; the last row
    takes the rounding residue. When rounding up would repay everything
    before the last row, the level amount is a unit less.

    A 45-day first period of a 4.9% mortgage charges more interest than the
    level amount, so row 1 pays interest only and the other 359 share the
    principal (row 1: 1,000,000 × (4.9% ÷ 12 + 4.9% ÷ 365 × 17 odd days) =
    4,083.33… + 2,282.19… = 6,365.53):

    >>> from datetime import date
    >>> from repayplan.rates import parse_rate
    >>> loan = Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15),
    ...             first_due=date(2025, 3, 1))
    >>> level, rows = level_rows(Decimal("1000000.00"), loan_periods(loan), MoneyPolicy())
    >>> level, rows[0].payment, rows[0].principal, rows[1].payment, len(rows)
    (Decimal('5313.77'), Decimal('6365.53'), Decimal('0.00'), Decimal('5313.77'), 360)
    """
    factors = [p.factor for p in periods]
    payment = level_payment(principal, factors, policy)
    rows, uneven = level_amortise(principal, periods, policy, payment, fee)
    if uneven:
        payment = policy.round(solve_level(principal, factors))
        rows, _ = level_amortise(principal, periods, policy, payment, fee)
    while len(rows) < len(periods) and payment > 0:  # rounded up too far: repaid before the last row
        payment -= policy.quantum
        rows, _ = level_amortise(principal, periods, policy, payment, fee)
    if len(rows) < len(periods):  # pragma: no cover - a zero level amount never repays early
        raise AssertionError("level installment repays early")
    return payment, rows


def level_amortise(opening: Decimal, periods: Sequence[Period], policy: MoneyPolicy, payment: Decimal,
                   fee: Decimal = ZERO) -> tuple[tuple[Row, ...], bool]:
    """:func:`amortise` with :func:`level` (the same rows), in integer minor
    units: the schedule's hot path. Also says whether a row before the last
    has interest at or above the installment (its level amount must be solved).

    >>> from datetime import date
    >>> p = [Period(k, date(2025, k, 1), date(2025, k + 1, 1), 30, Fraction(1, 100), "1%") for k in (1, 2)]
    >>> rows, uneven = level_amortise(Decimal("100.00"), p, MoneyPolicy(), Decimal("50.75"))
    >>> [(str(r.payment), str(r.principal), str(r.interest)) for r in rows], uneven  # the last repays 50.25
    ([('50.75', '49.75', '1.00'), ('50.75', '50.25', '0.50')], False)
    """
    places = policy.minor_units
    scaled, level_scaled = opening.scaleb(places), payment.scaleb(places)
    if (scaled != scaled.to_integral_value() or level_scaled != level_scaled.to_integral_value()
            or abs(scaled) >= 10**24):  # pragma: no cover - finer than the unit, or beyond 28 digits
        plain = amortise(opening, periods, policy, level(payment), fee)  # amounts finer than the unit
        return plain, any(r.interest >= payment for r in plain[:-1])
    even = policy.rounding == "half-even"
    level_units = int(level_scaled)
    balance = int(scaled)
    zero = policy.round(ZERO)
    fee = policy.round(fee)
    level_paid = payment + fee
    opening_dec = opening
    last = len(periods) - 1
    uneven = False
    rows: list[Row] = []
    quantum = policy.quantum
    factor: Fraction | None = None
    num = den = 1
    for index, period in enumerate(periods):
        if period.factor is not factor:  # most periods share one factor object
            factor = period.factor
            num, den = factor.numerator, factor.denominator
        interest, rest = divmod(balance * num, den)
        if rest:
            twice = rest + rest
            if twice > den or (twice == den and (not even or interest & 1)):
                interest += 1
        principal = level_units - interest
        if index == last:
            principal = balance
        elif principal <= 0:
            uneven = True
            principal = 0
        elif principal > balance:
            principal = balance
        closing = balance - principal
        interest_dec = quantum * interest  # exact: fewer than 28 digits
        if principal + interest == level_units:
            principal_dec = payment - interest_dec
            paid = level_paid
        else:
            principal_dec = quantum * principal
            paid = principal_dec + interest_dec + fee
        closing_dec = opening_dec - principal_dec
        rows.append(new_row(period.number, period.due_date, period.days, opening_dec, paid, principal_dec,
                            interest_dec, fee, zero, closing_dec))
        balance, opening_dec = closing, closing_dec
        if closing == 0 and principal > 0:
            break
    return tuple(rows), uneven


def solve_level(balance: Decimal, factors: Sequence[Fraction | Decimal]) -> Decimal:
    """The exact level amount L (unrounded) when a period whose interest
    exceeds L pays that interest only.

    The balance after a period is min(B·(1+f) − L, B), so the balance left
    after the last period is the least, over the sets S of interest-only
    periods, of an annuity's; its root is the least root of those annuities
    (each the annuity over the periods outside S). Newton's method from the
    plain annuity walks down to it through at most one set per step.

    A first period at 100% charges 1,000 interest on 1,000; the plain annuity
    (1,000 ÷ 1.5 = 666.67) is less, so period 1 pays interest only and the
    other two share the principal:

    >>> solve_level(Decimal("1000"), [Fraction(1), Fraction(0), Fraction(0)]).normalize()
    Decimal('5E+2')
    >>> solve_level(Decimal("300"), [Fraction(0)] * 3).normalize()
    Decimal('1E+2')
    """
    steps = [_decimal(f) for f in factors]
    last = len(steps) - 1

    def root(skip: frozenset[int]) -> Decimal:
        discount, present = Decimal(1), ZERO
        for index, f in enumerate(steps):
            if index not in skip:
                discount = WORKING.divide(discount, WORKING.add(1, f))
                present = WORKING.add(present, discount)
        return WORKING.divide(balance, present)

    def interest_only_at(payment: Decimal) -> frozenset[int]:
        skip, b = set(), balance
        for index, f in enumerate(steps[:last]):
            interest = WORKING.multiply(b, f)
            if interest > payment:
                skip.add(index)
            else:
                b = WORKING.subtract(WORKING.add(b, interest), payment)
        return frozenset(skip)

    skip: frozenset[int] = frozenset()
    payment = root(skip)
    for _ in range(len(steps)):
        found = interest_only_at(payment)
        if found == skip:
            break
        skip, payment = found, root(found)
    return payment


def _decimal(factor: Fraction | Decimal) -> Decimal:
    if isinstance(factor, Fraction):
        return WORKING.divide(Decimal(factor.numerator), Decimal(factor.denominator))
    return factor


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
