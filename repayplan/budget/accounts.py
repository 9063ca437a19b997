"""The monthly step of each debt: exact integer minor units, no floats.

An account is the mutable scratch state of one debt inside one simulation
run (never exposed; results are frozen). Each month the engine calls
:meth:`Account.accrue` (interest on the opening balance, penalty on what is
past due, fees; sets ``minimum``), then :meth:`Account.pay` (any number of
times), then :meth:`Account.close` (what is left of the minimum falls past
due; a late fee; a lower installment after a prepayment under
``reduce-payment``).

Inside a debt a payment settles what is due in the order of its arrears
rules (``PenaltyPolicy.allocation``, e.g. fees → interest → penalty →
principal; principal only as far as it is due), late fees before other
fees, then prepays accrued interest and principal. Every amount is an ``int`` of minor
units; interest is an exact fraction of the balance rounded once with
:func:`~repayplan.money.round_units`, exactly as ``MoneyPolicy.round_exact``.

>>> from datetime import date
>>> from repayplan.budget.debts import RevolvingDebt, parse_rate
>>> a = open_account(RevolvingDebt("card", Decimal("1000"), parse_rate("1%/month"), Decimal(0),
...                                Decimal("100")), 0, date(2025, 1, 1))
>>> a.accrue(0, 31)     # 1,000.00 × 1% = 10.00 interest; minimum 100.00
>>> a.minimum, a.pay(a.minimum), a.balance
(10000, 10000, 91000)
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..arrears.rules import late_fee_kept
from ..errors import InputError
from ..money import ROUNDING_MODES, WORKING, round_units
from ..rates import DAYS_PER_YEAR
from .debts import Debt, InstallmentDebt, RevolvingDebt, penalty_daily
from .start import Opening, installment_start

__all__ = ["Account", "InstallmentAccount", "RevolvingAccount", "open_account"]


def _ratio(value: Fraction) -> tuple[int, int]:
    return value.numerator, value.denominator


class Account:
    """What every debt shares: its components, its totals, its payment order."""

    __slots__ = ("index", "name", "mode", "principal", "interest", "accrued", "fees", "penalty", "opening",
                 "minimum", "paid_now", "month_interest", "month_penalty", "month_fees", "charged_interest",
                 "charged_penalty", "charged_fees", "paid", "paid_principal", "paid_interest", "paid_penalty",
                 "paid_fees", "first_miss", "payoff", "in_arrears", "late", "order", "pen_base", "pen_daily",
                 "_pen_cache", "cost", "cost_overdue", "policy", "opening_principal")

    def __init__(self, index: int, debt: Debt) -> None:
        policy = debt.policy
        self.index, self.name, self.mode = index, debt.name, policy.rounding
        self.policy = policy
        self.principal = self.interest = self.accrued = self.fees = self.penalty = 0
        self.opening = self.opening_principal = self.minimum = self.paid_now = 0
        self.month_interest = self.month_penalty = self.month_fees = 0
        self.charged_interest = self.charged_penalty = self.charged_fees = 0
        self.paid = self.paid_principal = self.paid_interest = self.paid_penalty = self.paid_fees = 0
        self.first_miss: int | None = None
        self.payoff: int | None = None
        self.in_arrears = False
        terms = debt.penalty_terms
        self.order = tuple(terms.allocation)
        self.late = terms
        self.pen_base = terms.base if not (terms.base == "overdue-principal" and terms.compound) else "compound"
        self.pen_daily = penalty_daily(terms, debt.rate, debt.day_count)
        self._pen_cache: dict[int, tuple[int, int]] = {}
        self.cost = Fraction(debt.annual_cost())
        self.cost_overdue = self.cost + self.pen_daily * DAYS_PER_YEAR[debt.day_count]

    @property
    def balance(self) -> int:
        return self.principal + self.interest + self.accrued + self.fees + self.penalty

    def effective_cost(self) -> Fraction:
        """The annual cost a strategy ranks by: the contract rate as an annual
        nominal rate, plus the penalty rate while in arrears, plus recurring
        fees a year as a share of the principal (a 0% loan with fees is not free)."""
        cost = self.cost_overdue if self.in_arrears else self.cost
        fee = self.recurring_fee()
        if fee and self.principal > 0:
            cost += Fraction(12 * fee, self.principal)
        return cost

    def recurring_fee(self) -> int:
        return 0

    def payoff_saving(self) -> Fraction:
        """What clearing the debt this month saves next month beyond its rate
        on the money paid: the recurring fee (only a payoff stops it)."""
        return Fraction(self.recurring_fee())

    def saving_rate(self, left: int) -> Fraction:
        """The marginal saving a year of the next unit of extra money (the
        avalanche's rank): paid after the minimum, which clears anything past
        due, so the contract cost without the penalty rate; plus, when
        ``left`` clears the debt this month, what only a payoff saves (a fee,
        a full-bill card's interest on the part already paid) per unit of
        what clearing takes.

        >>> from datetime import date
        >>> from repayplan.budget.debts import RevolvingDebt, parse_rate
        >>> a = open_account(RevolvingDebt("plan", Decimal("400"), parse_rate("0%"), Decimal("0.25"),
        ...                                monthly_fee=Decimal("45")), 0, date(2025, 1, 1))
        >>> a.accrue(0, 31)      # bill 445.00, minimum 25% = 111.25: clearing takes 333.75 and saves 45.00
        >>> a.saving_rate(10000), float(a.saving_rate(40000))  # 100.00 left: no payoff; 400.00: 12 × 45 / 333.75
        (Fraction(0, 1), 1.6179775280898876)
        """
        rest = self.balance - self.minimum
        if rest <= 0 or rest > left:
            return self.cost
        return self.cost + 12 * self.payoff_saving() / rest

    def units(self, amount: Decimal) -> int:
        """An amount in minor units, rounded by the debt's policy."""
        return self.policy.to_minor(amount)

    def penalty_for(self, base: int, days: int) -> int:
        if base <= 0 or not self.pen_daily:
            return 0
        factor = self._pen_cache.get(days)
        if factor is None:
            factor = self._pen_cache[days] = _ratio(self.pen_daily * days)
        return round_units(base * factor[0], factor[1], self.mode)

    def accrue(self, k: int, days: int) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def pay(self, amount: int) -> int:
        """Apply up to ``amount``: what is due, in the debt's allocation order
        (principal only as far as it is due), then any rest prepays: accrued
        interest, then principal. Returns what was taken."""
        balance = self.balance
        take = amount if amount < balance else balance
        if take <= 0:
            return 0
        rest = take
        for component in self.order:
            if component == "principal":
                part = min(rest, self.principal_due())
                self.principal -= part
                self.paid_principal += part
                self._principal_paid(part)
            elif component == "interest":
                part = min(rest, self.interest)
                self.interest -= part
                self.paid_interest += part
            elif component == "penalty":
                part = min(rest, self.penalty)
                self.penalty -= part
                self.paid_penalty += part
            else:  # fees: late fees first
                part = min(rest, self.fees)
                self.fees -= part
                self.paid_fees += part
                self._fees_paid(part)
            rest -= part
            if not rest:
                break
        if rest:  # beyond what is due: a prepayment
            part = min(rest, self.accrued)
            self.accrued -= part
            self.paid_interest += part
            rest -= part
            self.principal -= rest
            self.paid_principal += rest
            self._principal_paid(rest)
        self.paid += take
        self.paid_now += take
        return take

    def principal_due(self) -> int:
        return self.principal

    def _principal_paid(self, amount: int) -> None:
        pass

    def _fees_paid(self, amount: int) -> None:
        pass

    def _late_charged(self, amount: int) -> None:
        pass

    def _charge(self, interest: int, penalty: int, fees: int) -> None:
        self.month_interest, self.month_penalty, self.month_fees = interest, penalty, fees
        self.charged_interest += interest
        self.charged_penalty += penalty
        self.charged_fees += fees

    def _missed(self, k: int, short: int) -> int:
        """A minimum missed by ``short``: the month is the debt's first in
        arrears (if none before), and a late fee is charged; returns the fee."""
        if self.first_miss is None:
            self.first_miss = k
        terms = self.late
        fee = self.policy.to_minor(terms.late_fee) if terms.late_fee else 0
        if terms.late_fee_rate is not None:
            scaled = Fraction(terms.late_fee_rate) * short
            most = None if terms.late_fee_max is None else self.policy.to_minor(terms.late_fee_max)
            fee += late_fee_kept(round_units(scaled.numerator, scaled.denominator, self.mode),
                                 self.policy.to_minor(terms.late_fee_min), most)
        if fee:
            self.fees += fee
            self.charged_fees += fee
            self.month_fees += fee
            self._late_charged(fee)
        return fee

    def close(self, k: int) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class InstallmentAccount(Account):
    """A loan on its contract periods: the k-th remaining installment falls in plan month k.

    Interest runs on the principal not yet overdue at the period's exact
    factor; overdue amounts bear penalty instead (as in the arrears statement).
    """

    __slots__ = ("factors", "n", "method", "level", "part", "fee", "reduce", "overdue_principal", "due_principal",
                 "_pv", "k", "late_unpaid", "acc_exact", "acc_rounded")

    def __init__(self, index: int, debt: InstallmentDebt, opening: Opening) -> None:
        super().__init__(index, debt)
        self.factors = [_ratio(f) for f in opening.factors]
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
        if self.in_arrears:
            if self.pen_base == "overdue-principal":
                base = overdue
            elif self.pen_base == "outstanding":
                base = self.principal
            elif self.pen_base == "compound":  # overdue-principal, compounding on overdue interest
                base = overdue + self.interest
            else:  # overdue-installment: principal, interest and installment fees overdue
                base = overdue + self.interest + self.fees - self.late_unpaid
            pen = self.penalty_for(base, days)
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
        self.factor = _ratio(rate.periodic_exact(12))
        self._cache: dict[int, tuple[int, int]] = {}
        self.pct = _ratio(Fraction(debt.min_percent))
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
                factor = self._cache[days] = _ratio(self.daily * days)
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


def open_account(debt: Debt, index: int, start: date, opening: Opening | None = None) -> Account:
    """The account of a debt on the plan's start date (``opening``: an
    installment debt's :func:`~repayplan.budget.start.installment_start`, when
    already computed)."""
    if isinstance(debt, InstallmentDebt):
        return InstallmentAccount(index, debt, opening or installment_start(debt, start))
    if isinstance(debt, RevolvingDebt):
        return RevolvingAccount(index, debt)
    raise InputError(f"debt {debt!r}: not an installment or revolving debt")
