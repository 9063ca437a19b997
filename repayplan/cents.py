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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import accumulate, islice, repeat
from operator import add, mul, sub

from .model import Row, rows_of_columns

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

    def total(self, column: str) -> Decimal | None:
        """The sum of an amount column (as ``sum(..., Decimal(0))`` of the rows gives it), or None for
        another column or a sum too large for exact Decimal addition."""
        count, closings = len(self.interests), self.closings
        if not count:
            return None
        repaid = self.opening_units - closings[-1]
        if column == "interest":
            units = sum(self.interests)
        elif column == "principal":
            units = repaid
        elif column == "fees":
            units = self.fee_units * count
        elif column == "penalty":
            units = 0
        elif column == "payment":
            units = repaid + sum(self.interests) + self.fee_units * count
        elif column == "closing_balance":
            units = sum(closings)
        elif column == "opening_balance":
            units = self.opening_units + sum(closings) - closings[-1]
        else:
            return None
        return self.quantum * units if abs(units) < _LARGEST_TOTAL else None
