"""The level installment: the amount that repays a balance over periods
with these interest factors, by the annuity formula (:func:`level_payment`)
or, when a period's interest exceeds it, solved (:func:`solve_level`).

>>> level_payment(Decimal("1000000"), [Fraction(49, 12000)] * 360, MoneyPolicy())
Decimal('5307.27')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from .money import WORKING, ZERO, MoneyPolicy


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
