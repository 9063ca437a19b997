"""The monthly step of a revolving debt in a budget plan (a card, a Huabei
bill): interest on the whole balance, a minimum payment by the card's rule;
exact integer minor units.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan.budget.accounts import open_account
>>> from repayplan.budget.debts import RevolvingDebt, parse_rate
>>> a = open_account(RevolvingDebt("card", Decimal("1000"), parse_rate("1%/month"), Decimal(0),
...                                Decimal("100")), 0, date(2025, 1, 1))
>>> a.accrue(0, 31)     # 1,000.00 × 1% = 10.00 interest; minimum 100.00
>>> a.minimum, a.pay(a.minimum), a.balance
(10000, 10000, 91000)
"""

from __future__ import annotations

from fractions import Fraction

from ..money import round_units
from .account import Account, ratio
from .debts import RevolvingDebt


class RevolvingAccount(Account):
    """A card or Huabei bill: interest on the whole balance (it compounds
    monthly); under ``interest_on = "full"`` a bill not paid in full bears
    interest on all of it for the next month, the part paid included."""

    __slots__ = ("factor", "daily", "_cache", "pct", "floor", "plus", "full", "monthly_fee", "past_due",
                 "prev_bill", "since")

    def __init__(self, index: int, debt: RevolvingDebt) -> None:
        super().__init__(index, debt)
        rate = debt.rate
        self.daily = rate.daily_exact(debt.day_count) if rate.unit == "day" else None
        self.factor = ratio(rate.periodic_exact(12))
        self._cache: dict[int, tuple[int, int]] = {}
        self.pct = ratio(Fraction(debt.min_percent))
        self.floor = max(self.units(debt.min_floor), 1)
        self.plus = debt.min_plus_interest
        self.full = debt.interest_on == "full"
        self.monthly_fee = self.units(debt.monthly_fee)
        self.principal = self.units(debt.balance)
        self.past_due = self.units(debt.overdue)
        self.in_arrears = self.past_due > 0
        self.prev_bill = self.principal
        self.since = 0
        self.opening_principal = self.principal
        self.opening = self.balance

    def accrue(self, k: int, days: int) -> None:
        self.paid_now = 0
        balance = self.balance
        pen = 0
        if self.past_due:
            pen = self.penalty_for(balance if self.pen_base == "outstanding" else self.past_due, days)
        if self.daily is not None:
            factor = self._cache.get(days)
            if factor is None:
                factor = self._cache[days] = ratio(self.daily * days)
        else:
            factor = self.factor
        base = self.prev_bill if self.full and k > 0 else balance
        interest = round_units(base * factor[0], factor[1], self.mode)
        fee = self.monthly_fee
        self.interest += interest
        self.fees += fee
        self.penalty += pen
        self._charge(interest, pen, fee)
        bill = balance + interest + fee + pen
        rule = round_units(bill * self.pct[0], self.pct[1], self.mode)
        if self.plus:
            rule += interest + fee + pen + self.since
        self.minimum = min(bill, max(rule, self.floor) + self.past_due)
        self.prev_bill = bill

    def recurring_fee(self) -> int:
        return self.monthly_fee

    def payoff_saving(self) -> Fraction:
        """Full-bill interest: until the bill is paid in full, next month's
        interest runs on all of it, the part already paid included."""
        saving = Fraction(self.monthly_fee)
        if self.full:
            saving += self.cost / 12 * self.minimum
        return saving

    def close(self, k: int) -> None:
        short = self.minimum - self.paid_now
        self.since = 0
        if short > 0:
            self.since = self._missed(k, short)
        self.past_due = max(short, 0)
        self.in_arrears = self.past_due > 0
        if self.balance == 0:
            self.payoff = k

