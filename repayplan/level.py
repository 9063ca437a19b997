"""The level installment and its rows: the amount that repays a balance
over periods with these interest factors, by the annuity formula
(:func:`level_payment`) or, when a period's interest exceeds it, solved
(:func:`solve_level`); its rows decided in integer minor units
(:func:`level_rows`), the schedule's hot path.

>>> level_payment(Decimal("1000000"), [Fraction(49, 12000)] * 360, MoneyPolicy())
Decimal('5307.27')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import compress, islice

from .amortise import Columns, _plain_rows, columns_of, level, whole_units
from .cents import RowCents
from .estimate import level_estimate
from .model import Period, Row, new_row
from .money import WORKING, ZERO, MoneyPolicy


def level_payment(balance: Decimal, factors: Sequence[Fraction | Decimal], policy: MoneyPolicy) -> Decimal:
    """The level installment that repays `balance` over periods with these
    interest factors, rounded to the minor unit.

    With equal factors r this is the annuity formula B·r / (1 − (1+r)^−n):

    >>> level_payment(Decimal("1000000"), [Fraction(49, 12000)] * 360, MoneyPolicy())
    Decimal('5307.27')
    >>> level_payment(Decimal("100"), [Decimal(0)] * 3, MoneyPolicy())
    Decimal('33.33')

    The amount is :func:`level_payment_decimal`'s, to the digit: where the
    factors change from period to period (the daily basis) it is estimated
    in binary floating point first (:func:`level_estimate`), which decides
    the unit unless the amount is too near a rounding tie to tell.
    """
    units = None if _few_runs(factors) else level_estimate(balance, factors, policy.minor_units)
    if units is not None:
        return policy.quantum * units  # the unit times a whole number: quantize's digits and exponent
    return level_payment_decimal(balance, factors, policy)


def _few_runs(factors: Sequence[Fraction | Decimal]) -> bool:
    """Whether the periods after the first look like one run of one factor object (a periodic loan, the Decimal
    computation's fast case: one power a run), judged from nine of them; either way the amount is the same."""
    n = len(factors)
    if n < 3:
        return True
    second = factors[1]
    return all(factors[n * k // 8 - (k == 8)] is second for k in range(1, 9))


def level_payment_decimal(balance: Decimal, factors: Sequence[Fraction | Decimal], policy: MoneyPolicy) -> Decimal:
    """:func:`level_payment` in 40-digit Decimal arithmetic: the reference the estimate is proved to equal.

    >>> level_payment_decimal(Decimal("1000000"), [Fraction(49, 12000)] * 360, MoneyPolicy())
    Decimal('5307.27')
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
    steps, growth = _decimal_steps(factors)
    last = len(steps) - 1
    divide, add, multiply, subtract = WORKING.divide, WORKING.add, WORKING.multiply, WORKING.subtract

    def root(skip: frozenset[int]) -> Decimal:
        discount, present = Decimal(1), ZERO
        for g in compress(growth, [index not in skip for index in range(len(growth))]) if skip else growth:
            discount = divide(discount, g)
            present = add(present, discount)
        return divide(balance, present)

    def interest_only_at(payment: Decimal) -> frozenset[int]:
        skip, b = set(), balance
        for index, f in enumerate(islice(steps, last)):
            interest = multiply(b, f)
            if interest > payment:
                skip.add(index)
            else:
                b = subtract(add(b, interest), payment)
        return frozenset(skip)

    skip: frozenset[int] = frozenset()
    payment = root(skip)
    for _ in range(len(steps)):
        found = interest_only_at(payment)
        if found == skip:
            break
        skip, payment = found, root(found)
    return payment


def _decimal_steps(factors: Sequence[Fraction | Decimal]) -> tuple[list[Decimal], list[Decimal]]:
    """Each factor in 40-digit Decimal, and 1 + it, computed once per distinct factor object."""
    known: dict[int, tuple[Decimal, Decimal]] = {}
    steps, growth = [], []
    for f in factors:
        pair = known.get(id(f))
        if pair is None:
            step = _decimal(f)
            pair = known[id(f)] = (step, WORKING.add(1, step))
        steps.append(pair[0])
        growth.append(pair[1])
    return steps, growth


def _decimal(factor: Fraction | Decimal) -> Decimal:
    if isinstance(factor, Fraction):
        return WORKING.divide(Decimal(factor.numerator), Decimal(factor.denominator))
    return factor


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
    >>> from repayplan.model import Loan
    >>> from repayplan.periods import loan_periods
    >>> from repayplan.rates import parse_rate
    >>> loan = Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15),
    ...             first_due=date(2025, 3, 1))
    >>> level, rows = level_rows(Decimal("1000000.00"), loan_periods(loan), MoneyPolicy())
    >>> level, rows[0].payment, rows[0].principal, rows[1].payment, len(rows)
    (Decimal('5313.77'), Decimal('6365.53'), Decimal('0.00'), Decimal('5313.77'), 360)
    """
    return level_rows_columns(principal, columns_of(periods), policy, fee)


def level_rows_columns(principal: Decimal, periods: Columns, policy: MoneyPolicy,
                       fee: Decimal = ZERO) -> tuple[Decimal, tuple[Row, ...]]:
    """:func:`level_rows` over periods given as columns."""
    payment, made = level_cents(principal, periods, policy, fee)
    return payment, made if isinstance(made, tuple) else made.rows()


def level_cents(principal: Decimal, periods: Columns, policy: MoneyPolicy,
                fee: Decimal = ZERO) -> tuple[Decimal, RowCents | tuple[Row, ...]]:
    """:func:`level_rows_columns` with the rows kept as integer cents (made when read), where they can be."""
    count, factors = len(periods), periods.factors
    payment = level_payment(principal, factors, policy)
    made, uneven = _level_made(principal, periods, policy, payment, fee)
    if uneven:
        payment = policy.round(solve_level(principal, factors))
        made, _ = _level_made(principal, periods, policy, payment, fee)
    while len(made) < count and payment > 0:  # rounded up too far: repaid before the last row
        payment -= policy.quantum
        made, _ = _level_made(principal, periods, policy, payment, fee)
    if len(made) < count:  # pragma: no cover - a zero level amount never repays early
        raise AssertionError("level installment repays early")
    return payment, made


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
    return level_amortise_columns(opening, columns_of(periods), policy, payment, fee)


def level_amortise_columns(opening: Decimal, periods: Columns, policy: MoneyPolicy, payment: Decimal,
                           fee: Decimal = ZERO) -> tuple[tuple[Row, ...], bool]:
    """:func:`level_amortise` over periods given as columns."""
    made, uneven = _level_made(opening, periods, policy, payment, fee)
    return made if isinstance(made, tuple) else made.rows(), uneven


def _level_made(opening: Decimal, periods: Columns, policy: MoneyPolicy, payment: Decimal,
                fee: Decimal) -> tuple[RowCents | tuple[Row, ...], bool]:
    """The level rows as cents decided by a loop over integers, where every amount is written to the minor
    unit (else rows made one by one, keeping the digits they are written with)."""
    places = policy.minor_units
    balance = whole_units(opening, places)
    level_units = whole_units(payment, places)
    if balance is None or level_units is None:  # pragma: no cover - finer than the unit, or beyond 28 digits
        plain = _plain_rows(opening, periods, policy, level(payment), fee, True)
        return plain, any(r.interest >= payment for r in plain[:-1])
    factors = periods.factors
    if not factors:
        return (), False
    if opening.as_tuple().exponent != -places or payment.as_tuple().exponent != -places:
        return _level_rows_by_row(opening, balance, periods, policy, payment, level_units, fee)
    opening_units, even = balance, policy.rounding == "half-even"
    interests: list[int] = []
    closings: list[int] = []
    odd: list[tuple[int, int]] = []  # (index, principal) of rows whose principal is not level − interest
    add_interest, add_closing = interests.append, closings.append
    uneven = False
    factor: Fraction | None = None
    terms: dict[int, tuple[int, int, int]] = {}  # (2 × numerator, denominator, 2 × denominator) by factor object
    half = twice_den = 1
    twice_num = 0
    last = len(factors) - 1
    for f in islice(factors, last):
        if f is not factor:  # most periods share one factor object; the daily basis has one a month length
            factor = f
            known = terms.get(id(f))
            if known is None:
                known = terms[id(f)] = (2 * f.numerator, f.denominator, 2 * f.denominator)
            twice_num, half, twice_den = known
        interest, rest = divmod(balance * twice_num + half, twice_den)  # ⌊x + ½⌋ of x = balance × factor
        if even and not rest and interest & 1:  # a tie: to the even unit
            interest -= 1
        principal = level_units - interest
        if principal <= 0 or principal >= balance:  # interest only, or the balance repaid
            if principal <= 0:
                uneven = True
                principal = 0
            elif principal > balance:
                principal = balance
            if principal + interest != level_units:
                odd.append((len(interests), principal))
            add_interest(interest)
            balance -= principal
            add_closing(balance)
            if balance == 0 and principal > 0:
                break
            continue
        add_interest(interest)
        balance -= principal
        add_closing(balance)
    else:  # the last period repays what is left
        f = factors[last]
        interest, rest = divmod(balance * 2 * f.numerator + f.denominator, 2 * f.denominator)
        if even and not rest and interest & 1:
            interest -= 1
        if balance + interest != level_units:
            odd.append((last, balance))
        add_interest(interest)
        add_closing(0)
    fee = policy.round(fee)
    cents = RowCents(numbers=periods.numbers, dues=periods.dues, days=periods.days, opening=opening,
                       opening_units=opening_units, payment=payment, fee=fee,
                       fee_units=int(fee.scaleb(places)), quantum=policy.quantum, interests=interests,
                       closings=closings, odd=odd)
    return cents, uneven


def _level_rows_by_row(opening: Decimal, balance: int, periods: Columns, policy: MoneyPolicy, payment: Decimal,
                       level_units: int, fee: Decimal) -> tuple[tuple[Row, ...], bool]:
    """:func:`level_amortise_columns` a row at a time, for amounts written with more digits than the unit's
    (their Decimals keep those digits as the plain rule's do)."""
    quantum, zero, even = policy.quantum, policy.round(ZERO), policy.rounding == "half-even"
    fee = policy.round(fee)
    level_paid = payment + fee
    rows: list[Row] = []
    last = len(periods) - 1
    uneven = False
    opening_dec = opening
    for index, (number, due, days, factor) in enumerate(periods.rows()):
        interest, rest = divmod(balance * 2 * factor.numerator + factor.denominator, 2 * factor.denominator)
        if even and not rest and interest & 1:
            interest -= 1
        interest_dec = quantum * interest
        principal = level_units - interest
        if index == last:
            principal = balance
        elif principal <= 0:
            uneven = True
            principal = 0
        elif principal > balance:
            principal = balance
        if principal + interest == level_units:
            principal_dec = payment - interest_dec
            paid = level_paid
        else:
            principal_dec = quantum * principal
            paid = principal_dec + interest_dec + fee
        closing_dec = opening_dec - principal_dec
        rows.append(new_row(number, due, days, opening_dec, paid, principal_dec, interest_dec, fee, zero, closing_dec))
        balance -= principal
        opening_dec = closing_dec
        if balance == 0 and principal > 0:
            break
    return tuple(rows), uneven
