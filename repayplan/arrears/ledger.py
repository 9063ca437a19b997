"""Full-balance penalty interest (全额罚息): one ledger for the whole loan.

While any installment is in default, the loan's whole unpaid balance bears
penalty interest. The ledger charges it interval by interval (an interval
ends wherever the balance changes, a payment is made, or the default ends):
balance × daily rate × days, rounded once, one trace line each, so the
lines can be checked by hand and add up to the total.

Payments are still allocated installment by installment, so each rounded
amount is split over the installments in proportion to their part of the
balance, by largest remainder: every share is its exact part rounded down,
and the cents left go to the largest fractions (the oldest installment on a
tie). The shares add up to the rounded amount exactly, and a share once
split never changes.

Rounding point: the interval's amount, from the exact product (integer
minor units, :func:`repayplan.arrears.rules.penalty_units`).

>>> split_units(50, [33333, 33333, 33334], 1, 2000)  # 1,000.00 × 0.05%/day × 1 day = 0.50 over 3 installments
[17, 16, 17]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from operator import add
from typing import NamedTuple

from .rules import penalty_units
from .statement import PenaltyTerm, new_term


def split_units(total: int, weights: Sequence[int], num: int, den: int) -> list[int]:
    """``total`` minor units split over the exact parts weight × num ÷ den, by largest remainder.

    ``total`` is the rounded sum of the parts (half-up or half-even), so it lies
    between the sum of the parts rounded down and that sum plus the number of
    parts with a fraction: every part gets its floor or one unit more.
    """
    products = [w * num for w in weights]
    shares = [p // den for p in products]
    left = total - sum(shares)
    if left:
        remainders = [p % den for p in products]
        for i in sorted(range(len(shares)), key=remainders.__getitem__, reverse=True)[:left]:  # stable
            shares[i] += 1
    return shares


class LedgerState(NamedTuple):
    """A ledger's state at a snapshot: its bases, shares (a list never changed in place), and the lengths of its
    append-only terms and log."""

    units: tuple[int, ...]
    charged_units: list[int]
    active: bool
    start: date | None
    terms: int
    log: int


class Ledger:
    """The loan-level penalty of a replay (private, mutable).

    ``units[i]`` is installment i's base (unpaid principal, plus unpaid
    interest when compound) in minor units; ``charged_units[i]`` its share of
    the penalty so far. Base changes are logged, so a default found at the end
    of a grace can be charged from its start on the balance as it was.
    """

    def __init__(self, units: list[int], num: int, den: int, minor: int, rounding: str) -> None:
        self.units, self.num, self.den, self.minor, self.rounding = units, num, den, minor, rounding
        self.charged_units = [0] * len(units)
        self.active = False
        self.start: date | None = None
        self.terms: list[PenaltyTerm] = []
        self._log_days: list[date] = []  # non-decreasing: bases change as the replay moves on
        self._log: list[tuple[int, int, int]] = []  # (installment, old units, new units)

    def charged(self, index: int) -> Decimal:
        """Installment ``index``'s share of the penalty charged so far."""
        return Decimal(self.charged_units[index]).scaleb(-self.minor)

    def set_base(self, index: int, units: int, effective: date) -> None:
        """Installment ``index``'s base is ``units`` from ``effective``."""
        old = self.units[index]
        if units != old:
            self.close(effective)
            self.units[index] = units
            self._log_days.append(effective)
            self._log.append((index, old, units))

    def charge(self, start: date, end: date, weights: Sequence[int]) -> None:
        """Penalty on the balance Σ weights from ``start`` to ``end`` (exclusive), split over the installments."""
        days = (end - start).days
        balance = sum(weights)
        if days <= 0 or balance <= 0:
            return
        amount = penalty_units(balance, days, self.num, self.den, self.rounding)
        num = self.num * days
        self.terms.append(new_term(start=start, end=end, base=Decimal(balance).scaleb(-self.minor), days=days,
                                      amount=Decimal(amount).scaleb(-self.minor)))
        if amount:  # an installment with no base has no fraction: its share is 0
            self.charged_units = list(map(add, self.charged_units, split_units(amount, weights, num, self.den)))

    def close(self, end: date) -> None:
        """Charge the open interval up to ``end`` on the balance as it stands; the next starts at ``end``."""
        if self.active and self.start is not None and end > self.start:
            self.charge(self.start, end, self.units)
            self.start = end

    def activate(self, since: date) -> None:
        """Start charging from ``since``, possibly in the past, on the balance as it was then."""
        if self.active:
            return
        first = bisect_right(self._log_days, since)
        later = range(first, len(self._log))
        bases = list(self.units)
        for j in reversed(later):  # undo the changes after `since`
            index, old, _ = self._log[j]
            bases[index] = old
        start = since
        for j in later:
            day = self._log_days[j]
            if day > start:
                self.charge(start, day, bases)
                start = day
            index, _, new = self._log[j]
            bases[index] = new
        self.active, self.start = True, start

    def state(self) -> LedgerState:
        return LedgerState(tuple(self.units), self.charged_units, self.active, self.start, len(self.terms),
                           len(self._log))

    def restored(self, state: LedgerState) -> Ledger:
        """A new ledger in ``state`` (taken from this one, whose terms and log only grow)."""
        new = Ledger(list(state.units), self.num, self.den, self.minor, self.rounding)
        new.charged_units, new.active, new.start = state.charged_units, state.active, state.start
        new.terms = self.terms[:state.terms]
        new._log_days, new._log = self._log_days[:state.log], self._log[:state.log]
        return new

    def deactivate(self, end: date) -> None:
        self.close(end)
        self.active = False
