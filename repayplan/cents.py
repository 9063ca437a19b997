"""A schedule's rows as integer minor units, made into frozen rows when read.

The level and fixed-principal loops decide every cent with integers; making
360 Decimal rows
costs more than deciding them, so a schedule keeps the cents and makes its
rows the first time they are read (:meth:`RowCents.rows`). Totals come
from the integers without making rows. Every amount of a row has the
currency's exponent, so each is the same Decimal whichever exact operation
makes it.

>>> from datetime import date
>>> cents = RowCents(numbers=(1, 2), dues=(date(2025, 2, 1), date(2025, 3, 1)), days=(31, 28),
...                    opening=Decimal("100.00"), opening_units=10000, payment=Decimal("50.75"),
...                    fee=Decimal("0.00"), fee_units=0, quantum=Decimal("0.01"), interests=[100, 50],
...                    closings=[5025, 0], odd=[])
>>> [(str(r.payment), str(r.principal), str(r.interest)) for r in cents.rows()]
[('50.75', '49.75', '1.00'), ('50.75', '50.25', '0.50')]
>>> cents.total("interest"), cents.total("payment"), cents.total("principal")
(Decimal('1.50'), Decimal('101.50'), Decimal('100.00'))
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import accumulate, islice, repeat
from operator import add, mul, sub

from .model import Row, new_row
from .records import drafting

#: Totals beyond this many minor units could lose digits in a 28-digit Decimal sum: summed from the rows then.
_LARGEST_TOTAL = 10**26


@dataclass(frozen=True, slots=True, eq=False)
class RowCents:
    """Rows in minor units: row k (from 0) charges ``interests[k]`` and
    closes at ``closings[k]``; it pays the level installment ``payment``
    (principal = installment − interest), or with ``fixed`` the principal part
    ``payment`` (and the interest), unless ``odd`` lists it with its principal
    (an interest-only row, the balance repaid, the last row)."""

    numbers: Sequence[int]
    dues: Sequence[date]
    days: Sequence[int]
    opening: Decimal
    opening_units: int
    payment: Decimal
    fee: Decimal
    fee_units: int
    quantum: Decimal
    interests: list[int]
    closings: list[int]
    odd: list[tuple[int, int]]
    fixed: bool = False

    def __len__(self) -> int:
        return len(self.interests)

    def rows(self) -> tuple[Row, ...]:
        """The frozen rows, a column at a time: interest from the cents, the
        balances by subtracting each principal from the opening (Decimal from
        Decimal, cheaper than from an integer; the same exact amounts as the
        cents, every one with the currency's exponent)."""
        count, quantum, fee = len(self.interests), self.quantum, self.fee
        interests = list(map(mul, repeat(quantum, count), self.interests))
        paid: list[Decimal]
        if self.fixed:
            principals = [self.payment] * count
            for index, principal in self.odd:
                principals[index] = quantum * principal
            paid = list(map(add, map(add, principals, interests), repeat(fee)))
        else:
            principals = list(map(sub, repeat(self.payment, count), interests))
            paid = [self.payment + fee] * count
            for index, principal in self.odd:
                principals[index] = quantum * principal
                paid[index] = principals[index] + interests[index] + fee
        balances = list(accumulate(principals, sub, initial=self.opening))  # the opening, then each closing
        zero = quantum * 0
        return rows_of_columns(count, self.numbers, self.dues, self.days, balances, paid, principals, interests,
                               repeat(fee), repeat(zero), islice(balances, 1, None))

    def row(self, index: int) -> Row:
        """Row ``index`` (from 0) alone: the same row as ``rows()[index]``, without making the others.

        >>> cents = RowCents(numbers=(1, 2), dues=(date(2025, 2, 1), date(2025, 3, 1)), days=(31, 28),
        ...                  opening=Decimal("100.00"), opening_units=10000, payment=Decimal("50.75"),
        ...                  fee=Decimal("0.00"), fee_units=0, quantum=Decimal("0.01"), interests=[100, 50],
        ...                  closings=[5025, 0], odd=[(1, 5025)])
        >>> [cents.row(k) for k in range(2)] == list(cents.rows())
        True
        """
        if not 0 <= index < len(self.interests):
            raise IndexError(index)
        quantum, fee = self.quantum, self.fee
        interest = quantum * self.interests[index]
        principals = [quantum * principal for at, principal in self.odd if at == index]
        if principals:
            principal = principals[-1]
            paid = principal + interest + fee
        elif self.fixed:
            principal = self.payment
            paid = principal + interest + fee
        else:
            principal = self.payment - interest
            paid = self.payment + fee
        opening = self.opening if index == 0 else quantum * self.closings[index - 1]
        return new_row(self.numbers[index], self.dues[index], self.days[index], opening, paid, principal, interest,
                       fee, quantum * 0, quantum * self.closings[index])

    def due_by(self, day: date) -> int:
        """How many rows fall due on or before ``day`` (due dates run in order)."""
        return bisect_right(self.dues, day, 0, len(self.interests))

    def total(self, column: str, start: int = 0) -> Decimal | None:
        """The sum of an amount column over the rows from ``start`` (as ``sum(..., Decimal(0))`` of the rows
        gives it), or None for another column, no rows, or a sum too large for exact Decimal addition.

        >>> cents = RowCents(numbers=(1, 2), dues=(date(2025, 2, 1), date(2025, 3, 1)), days=(31, 28),
        ...                  opening=Decimal("100.00"), opening_units=10000, payment=Decimal("50.75"),
        ...                  fee=Decimal("0.00"), fee_units=0, quantum=Decimal("0.01"), interests=[100, 50],
        ...                  closings=[5025, 0], odd=[])
        >>> cents.total("payment", 1), cents.total("opening_balance", 1), cents.total("payment", 2)
        (Decimal('50.75'), Decimal('50.25'), None)
        """
        count, closings = len(self.interests), self.closings
        if not 0 <= start < count:
            return None
        opening = self.opening_units if start == 0 else closings[start - 1]
        rows = count - start
        repaid = opening - closings[-1]
        if column == "interest":
            units = sum(self.interests[start:]) if start else sum(self.interests)
        elif column == "principal":
            units = repaid
        elif column == "fees":
            units = self.fee_units * rows
        elif column == "penalty":
            units = 0
        elif column == "payment":
            units = repaid + (sum(self.interests[start:]) if start else sum(self.interests)) + self.fee_units * rows
        elif column == "closing_balance":
            units = sum(closings[start:]) if start else sum(closings)
        elif column == "opening_balance":
            units = opening + (sum(closings[start:]) if start else sum(closings)) - closings[-1]
        else:
            return None
        return self.quantum * units if abs(units) < _LARGEST_TOTAL else None


def rows_of_columns(count: int, *columns: Iterable[object]) -> tuple[Row, ...]:
    """``count`` rows from their fields given as columns (one iterable per
    field, in field order): the same rows as ``new_row`` makes one by one,
    without a Python call per field.

    Each row is made as a draft, a bare object of a plain class with the
    row's own slot layout; one generated function stores its fields as
    ordinary attribute stores and then makes it a :class:`Row` by setting
    its class (allowed between classes of one layout): the result is a
    frozen ``Row`` like any other.

    >>> d, one, zero = date(2025, 2, 1), Decimal("1.00"), Decimal("0.00")
    >>> rows = rows_of_columns(2, [1, 2], [d, d], [31, 28], [one, zero], [one, zero], [one, zero], [zero, zero],
    ...                        repeat(zero), repeat(zero), [zero, zero])
    >>> rows == (Row(1, d, 31, one, one, one, zero, zero, zero, zero), Row(2, d, 28, zero, zero, zero, zero, zero,
    ...          zero, zero)), type(rows[0]) is Row
    (True, True)
    >>> rows[0].interest = one
    Traceback (most recent call last):
    ...
    dataclasses.FrozenInstanceError: cannot assign to field 'interest'
    """
    return tuple(map(_fill_row, map(_new_object, repeat(_RowDraft, count)), *columns))


_RowDraft, _fill_row = drafting(Row)
_new_object = object.__new__
