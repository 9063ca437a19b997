"""The monthly step of an installment loan in a budget plan (the k-th
remaining installment falls in plan month k), in exact integer minor units.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan.budget.accounts import open_account
>>> from repayplan.budget.debts import InstallmentDebt
>>> from repayplan.model import Loan
>>> from repayplan.rates import parse_rate
>>> a = open_account(InstallmentDebt("loan", Loan(Decimal("1200"), parse_rate("0%"), 12, start=date(2025, 1, 1))),
...                  0, date(2025, 1, 1))
>>> a.accrue(0, 31)
>>> a.minimum, a.pay(5000), a.principal_due()        # 100.00 due; 50.00 paid
(10000, 5000, 5000)
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..arrears import rules
from ..money import ROUNDING_MODES, WORKING, round_units
from .account import Account, ratio
from .debts import InstallmentDebt
from .start import Opening


class InstallmentAccount(Account):
    """A loan on its contract periods: the k-th remaining installment falls in plan month k.

    Interest runs on the principal not yet overdue at the period's exact
    factor; overdue amounts bear penalty instead (as in the arrears statement).
    """

    __slots__ = ("factors", "n", "method", "level", "part", "fee", "reduce", "overdue_principal", "due_principal",
                 "_pv", "k", "late_unpaid", "acc_exact", "acc_rounded")

    def __init__(self, index: int, debt: InstallmentDebt, opening: Opening) -> None:
        super().__init__(index, debt)
        self.factors = [ratio(f) for f in opening.factors]
        self.n = len(self.factors)
        self.method = debt.loan.method
        self.level = self.units(opening.installment)
        self.part = self.units(opening.principal_part)
        self.fee = self.units(opening.fee)
        self.reduce = debt.prepay == "reduce-payment"
        self.principal = self.units(opening.principal)
        self.overdue_principal = self.units(opening.overdue_principal)
        self.interest = self.units(opening.interest)
        self.penalty = self.units(opening.penalty)
        self.fees = self.units(opening.fees)
        # a bullet's interest accrues exactly and is rounded once in all (as its contract row)
        self.acc_exact = opening.accrued_exact * self.policy.to_minor(Decimal(1))
        self.acc_rounded = self.accrued = round_units(self.acc_exact.numerator, self.acc_exact.denominator, self.mode)
        self.due_principal = 0
        self.late_unpaid = 0  # the part of ``fees`` that is late fees (never in a penalty base)
        if opening.credit:
            self.pay(self.units(opening.credit))
            self.paid = self.paid_now = self.paid_principal = self.paid_interest = 0
            self.paid_penalty = self.paid_fees = 0
        self.opening_principal = self.principal
        self.k = 0
        self.opening = self.balance
        self.in_arrears = self.overdue_principal > 0 or self.interest + self.fees + self.penalty > 0
        self._pv: list[Decimal] | None = None

    def accrue(self, k: int, days: int) -> None:
        self.paid_now = 0
        overdue = self.overdue_principal
        pen = 0
        if self.in_arrears:  # the penalty base: the overdue principal, or all of it (全额罚息)
            principal = self.principal if self.pen_base == "outstanding" else overdue
            pen = self.penalty_for(rules.penalty_base(self.pen_base, self.pen_compound, principal, self.interest,
                                                      self.fees - self.late_unpaid), days)
        current = self.principal - overdue
        interest = fee = scheduled = 0
        self.k = k
        if k < self.n:
            num, den = self.factors[k]
            fee = self.fee
            if self.method == "bullet":
                self.acc_exact += Fraction(current * num, den)
                total = round_units(self.acc_exact.numerator, self.acc_exact.denominator, self.mode)
                interest, self.acc_rounded = total - self.acc_rounded, total
                self.accrued += interest
            else:
                interest = round_units(current * num, den, self.mode)
                self.interest += interest
            if k == self.n - 1:
                scheduled = current
                self.interest += self.accrued
                self.accrued = 0
            elif self.method == "annuity":
                scheduled = min(max(self.level - interest, 0), current)
            elif self.method == "equal-principal":
                scheduled = min(self.part, current)
        self.fees += fee
        self.penalty += pen
        self._charge(interest, pen, fee)
        self.due_principal = overdue + scheduled
        self.minimum = self.penalty + self.fees + self.interest + self.due_principal

    def principal_due(self) -> int:
        return self.due_principal

    def recurring_fee(self) -> int:
        return self.fee if self.k < self.n - 1 else 0

    def _fees_paid(self, amount: int) -> None:
        self.late_unpaid -= min(amount, self.late_unpaid)

    def _late_charged(self, amount: int) -> None:
        self.late_unpaid += amount

    def _principal_paid(self, amount: int) -> None:
        self.due_principal -= min(amount, self.due_principal)

    def close(self, k: int) -> None:
        prepaid = self.paid_now > self.minimum
        if self.paid_now < self.minimum:
            self._missed(k, self.minimum - self.paid_now)
        self.overdue_principal = self.due_principal
        self.due_principal = 0
        self.in_arrears = self.overdue_principal > 0 or self.interest + self.fees + self.penalty > 0
        if prepaid and self.reduce and k + 1 < self.n - 1:
            self._reschedule(k + 1)
        if self.balance == 0:
            self.payoff = k

    def _reschedule(self, j: int) -> None:
        """reduce-payment: a new installment for the remaining periods j..n-1."""
        current = self.principal - self.overdue_principal
        if self.method == "annuity":
            level = WORKING.divide(Decimal(current), self._present_values()[j])
            self.level = int(level.quantize(Decimal(1), rounding=ROUNDING_MODES[self.mode], context=WORKING))
        elif self.method == "equal-principal":
            self.part = round_units(current, self.n - j, self.mode)

    def _present_values(self) -> list[Decimal]:
        """Σ of discount factors from each period to the end (the annuity's divisor), built once."""
        if self._pv is None:
            pv = [Decimal(0)] * (self.n + 1)
            for j in range(self.n - 1, -1, -1):
                num, den = self.factors[j]
                growth = WORKING.add(1, WORKING.divide(Decimal(num), Decimal(den)))
                pv[j] = WORKING.divide(WORKING.add(1, pv[j + 1]), growth)
            self._pv = pv
        return self._pv

