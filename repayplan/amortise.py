"""Rows of a schedule: a balance repaid over periods by a principal rule,
exact to the minor unit.

Rounding points: each period's interest is rounded once from the exact
product (balance × factor); principal = the rule's amount, never negative
and never more than the balance; the last period repays what is left.

The loops run in integer minor units where the amounts are whole units (the
rule's amounts, not Decimal arithmetic, decide the cents) and set each
frozen row's fields directly; the Decimal amounts stored are the same
objects of the same digits the plain rule gives.

>>> from datetime import date
>>> p = [Period(k, date(2025, k, 1), date(2025, k + 1, 1), 30, Fraction(1, 100), "1%") for k in (1, 2, 3)]
>>> rows = amortise(Decimal("100.00"), p, MoneyPolicy(), fixed_principal(Decimal("33.33")))
>>> [(str(r.payment), str(r.interest), str(r.closing_balance)) for r in rows]  # 1% of 100, 66.67, 33.34
[('34.33', '1.00', '66.67'), ('34.00', '0.67', '33.34'), ('33.67', '0.33', '0.00')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from itertools import islice
from operator import attrgetter

from .cents import RowCents
from .model import ROW_SLOTS, Period, Row, new_row
from .money import WORKING, ZERO, MoneyPolicy

#: Given (index, opening balance, interest) return the principal to repay.
PrincipalRule = Callable[[int, Decimal, Decimal], Decimal]
_new = object.__new__
#: Beyond this many minor units a Decimal sum could exceed 28 digits: the plain loop then.
_LARGEST = 10**24


@dataclass(frozen=True, slots=True)
class Columns:
    """Periods as the loops read them: numbers, due dates, days and interest
    factors, one sequence each (periods with one factor share its object)."""

    numbers: Sequence[int]
    dues: Sequence[date]
    days: Sequence[int]
    factors: Sequence[Fraction]

    def __len__(self) -> int:
        return len(self.factors)

    def rows(self) -> Iterator[tuple[int, date, int, Fraction]]:
        return zip(self.numbers, self.dues, self.days, self.factors, strict=True)


def columns_of(periods: Sequence[Period]) -> Columns:
    """The columns of period records."""
    return Columns(tuple(map(_NUMBER, periods)), tuple(map(_DUE, periods)), tuple(map(_DAYS, periods)),
                   tuple(map(_FACTOR, periods)))


_NUMBER, _DUE, _DAYS, _FACTOR = (attrgetter(name) for name in ("number", "due_date", "days", "factor"))


class Level:
    """Equal installments: principal = payment − interest."""

    __slots__ = ("payment",)

    def __init__(self, payment: Decimal) -> None:
        self.payment = payment

    def __call__(self, _index: int, _balance: Decimal, interest: Decimal) -> Decimal:
        return self.payment - interest


class FixedPrincipal:
    """The same principal part every period (等额本金; zero: interest only)."""

    __slots__ = ("part",)

    def __init__(self, part: Decimal) -> None:
        self.part = part

    def __call__(self, _index: int, _balance: Decimal, _interest: Decimal) -> Decimal:
        return self.part


def level(payment: Decimal) -> PrincipalRule:
    """Equal installments: principal = payment − interest."""
    return Level(payment)


def fixed_principal(part: Decimal) -> PrincipalRule:
    """Equal principal parts (等额本金)."""
    return FixedPrincipal(part)


#: Pay the interest, repay no principal until the last installment.
interest_only: PrincipalRule = FixedPrincipal(ZERO)


def whole_units(amount: Decimal, places: int) -> int | None:
    """An amount in integer minor units, or None when it is finer than the
    unit or too large for exact 28-digit sums.

    >>> whole_units(Decimal("5307.27"), 2), whole_units(Decimal("0.005"), 2)
    (530727, None)
    """
    scaled = amount.scaleb(places)
    if scaled != scaled.to_integral_value():
        return None
    units = int(scaled)
    return units if abs(units) < _LARGEST else None


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
    return amortise_columns(opening, columns_of(periods), policy, principal_rule, fee, settle_last)


def amortise_columns(opening: Decimal, periods: Columns, policy: MoneyPolicy, principal_rule: PrincipalRule,
                     fee: Decimal = ZERO, settle_last: bool = True) -> tuple[Row, ...]:
    """:func:`amortise` over periods given as columns."""
    if isinstance(principal_rule, Level | FixedPrincipal) and opening >= 0:
        rows = _rule_rows(opening, periods, policy, principal_rule, fee, settle_last)
        if rows is not None:
            return rows
    return _plain_rows(opening, periods, policy, principal_rule, fee, settle_last)


def _plain_rows(opening: Decimal, periods: Columns, policy: MoneyPolicy, principal_rule: PrincipalRule,
                fee: Decimal, settle_last: bool) -> tuple[Row, ...]:
    """Any principal rule, in Decimal: the reference the integer loops equal."""
    rows = []
    balance = opening
    zero = policy.round(ZERO)
    last = len(periods) - 1 if settle_last else -1
    for index, (number, due, days, factor) in enumerate(periods.rows()):
        interest = policy.interest(balance, factor)
        if index == last:
            principal = balance
        else:
            principal = min(max(principal_rule(index, balance, interest), zero), balance)
        closing = balance - principal
        rows.append(new_row(number, due, days, balance, principal + interest + fee, principal, interest, fee, zero,
                            closing))
        balance = closing
        if balance == 0 and principal > 0:
            break
    return tuple(rows)


def _rule_rows(opening: Decimal, periods: Columns, policy: MoneyPolicy, rule: Level | FixedPrincipal,
               fee: Decimal, settle_last: bool) -> tuple[Row, ...] | None:
    """:func:`_plain_rows` for a level or fixed rule on a balance of whole
    units (else None): interest and principal decided in integer minor
    units, the stored amounts by the same Decimal operations."""
    places = policy.minor_units
    balance = whole_units(opening, places)
    is_level = isinstance(rule, Level)
    amount = rule.payment if isinstance(rule, Level) else rule.part
    amount_units = whole_units(amount, places)
    if balance is None or amount_units is None:
        return None
    quantum, zero, even = policy.quantum, policy.round(ZERO), policy.rounding == "half-even"
    s_number, s_due, s_days, s_opening, s_paid, s_principal, s_interest, s_fees, s_penalty, s_closing = ROW_SLOTS
    rows: list[Row] = []
    append = rows.append
    last = len(periods) - 1 if settle_last else -1
    balance_dec = opening
    factor: Fraction | None = None
    half = twice_den = 1
    twice_num = 0
    for index, (number, due, days, f) in enumerate(periods.rows()):
        if f is not factor:  # most periods share one factor object
            factor, twice_num, half = f, 2 * f.numerator, f.denominator
            twice_den = 2 * half
        interest, rest = divmod(balance * twice_num + half, twice_den)  # ⌊x + ½⌋ of x = balance × factor
        if even and not rest and interest & 1:  # a tie: to the even unit
            interest -= 1
        interest_dec = quantum * interest
        if index == last:
            principal, principal_dec = balance, balance_dec
        else:
            principal = amount_units - interest if is_level else amount_units
            if principal < 0:
                principal, principal_dec = 0, zero
            elif principal > balance:
                principal, principal_dec = balance, balance_dec
            else:
                principal_dec = amount - interest_dec if is_level else amount
        closing_dec = balance_dec - principal_dec
        row = _new(Row)
        s_number(row, number)
        s_due(row, due)
        s_days(row, days)
        s_opening(row, balance_dec)
        s_paid(row, principal_dec + interest_dec + fee)
        s_principal(row, principal_dec)
        s_interest(row, interest_dec)
        s_fees(row, fee)
        s_penalty(row, zero)
        s_closing(row, closing_dec)
        append(row)
        balance -= principal
        balance_dec = closing_dec
        if balance == 0 and principal > 0:
            break
    return tuple(rows)


def fixed_cents(opening: Decimal, periods: Columns, policy: MoneyPolicy, part: Decimal,
                fee: Decimal) -> RowCents | None:
    """:func:`amortise_columns` with a fixed principal part (zero: interest
    only) as integer cents, made into rows when read; None unless the
    opening balance and the fee are written to the minor unit and the part
    is a whole, not negative, number of units (then the rows are made one by
    one)."""
    places, factors = policy.minor_units, periods.factors
    balance, part_units = whole_units(opening, places), whole_units(part, places)
    if (balance is None or part_units is None or balance < 0 or part_units < 0 or not factors
            or opening.as_tuple().exponent != -places or fee.as_tuple().exponent != -places
            or _exponent(part) < -places):
        return None
    opening_units, even = balance, policy.rounding == "half-even"
    interests: list[int] = []
    closings: list[int] = []
    odd: list[tuple[int, int]] = []  # (index, principal) of rows that repay another amount than the part
    add_interest, add_closing = interests.append, closings.append
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
        add_interest(interest)
        if part_units >= balance:  # the balance repaid
            principal = min(part_units, balance)
            if principal != part_units:
                odd.append((len(closings), principal))
            balance -= principal
            add_closing(balance)
            if balance == 0 and principal > 0:
                break
            continue
        balance -= part_units
        add_closing(balance)
    else:  # the last period repays what is left
        f = factors[last]
        interest, rest = divmod(balance * 2 * f.numerator + f.denominator, 2 * f.denominator)
        if even and not rest and interest & 1:
            interest -= 1
        odd.append((last, balance))
        add_interest(interest)
        add_closing(0)
    return RowCents(numbers=periods.numbers, dues=periods.dues, days=periods.days, opening=opening,
                    opening_units=opening_units, payment=part, fee=fee, fee_units=int(fee.scaleb(places)),
                    quantum=policy.quantum, interests=interests, closings=closings, odd=odd, fixed=True)


def _exponent(amount: Decimal) -> int:
    exponent = amount.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


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


def bullet_row(principal: Decimal, periods: Sequence[Period], policy: MoneyPolicy, fee: Decimal) -> Row:
    """Everything at maturity: simple interest over the whole term."""
    return bullet_row_columns(principal, columns_of(periods), policy, fee)


def bullet_row_columns(principal: Decimal, periods: Columns, policy: MoneyPolicy, fee: Decimal) -> Row:
    """:func:`bullet_row` over periods given as columns: the factors summed
    exactly, each distinct factor object once times its count.

    >>> from datetime import date
    >>> p = Columns((1, 2, 3), (date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)), (31, 28, 31),
    ...             (Fraction(31, 36500), Fraction(28, 36500), Fraction(31, 36500)))
    >>> row = bullet_row_columns(Decimal("1000.00"), p, MoneyPolicy(), Decimal("0.00"))
    >>> row.days, row.interest, row.payment  # 1,000 × 1% × 90/365 = 2.4657… → 2.47
    (90, Decimal('2.47'), Decimal('1002.47'))
    """
    objects: dict[int, Fraction] = {}
    counts: dict[int, int] = {}
    for f in periods.factors:
        key = id(f)
        if key in counts:
            counts[key] += 1
        else:
            objects[key], counts[key] = f, 1
    factor = sum((objects[key] * count for key, count in counts.items()), Fraction(0))
    interest = policy.round_exact(Fraction(principal) * factor)
    zero = policy.round(ZERO)
    return Row(1, periods.dues[-1], sum(periods.days), principal, principal + interest + fee, principal, interest,
               fee, zero, zero)
