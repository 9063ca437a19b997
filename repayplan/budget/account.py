"""The monthly step shared by every debt of a budget plan: its components,
its totals, its payment order, its penalty and late fee — exact integer minor
units, no floats.

An account is the mutable scratch state of one debt inside one simulation
run (never exposed; results are frozen). Each month the engine calls
:meth:`Account.accrue` (interest on the opening balance, penalty on what is
past due, fees; sets ``minimum``), then :meth:`Account.pay` (any number of
times), then :meth:`Account.close` (what is left of the minimum falls past
due; a late fee; a lower installment after a prepayment under
``reduce-payment``). The kinds of debt are
:class:`~repayplan.budget.installment_account.InstallmentAccount` and
:class:`~repayplan.budget.revolving_account.RevolvingAccount`.

The arrears rules are those of the statement's replay, called from
:mod:`repayplan.arrears.rules`: inside a debt a payment settles what is due
in the order of its arrears rules (``PenaltyPolicy.allocation``, e.g. fees →
interest → penalty → principal; principal only as far as it is due), late
fees before other fees (:func:`~repayplan.arrears.rules.allocate`), then
prepays accrued interest and principal; penalty interest is
:func:`~repayplan.arrears.rules.penalty_units` on the base of
:func:`~repayplan.arrears.rules.penalty_base`, a missed minimum's late fee
:func:`~repayplan.arrears.rules.late_fee`.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..arrears import rules
from ..rates import DAYS_PER_YEAR
from .debts import Debt, penalty_daily


def ratio(value: Fraction) -> tuple[int, int]:
    """A fraction as (numerator, denominator), for integer arithmetic."""
    return value.numerator, value.denominator


class Account:
    """What every debt shares: its components, its totals, its payment order."""

    __slots__ = ("index", "name", "mode", "principal", "interest", "accrued", "fees", "penalty", "opening",
                 "minimum", "paid_now", "month_interest", "month_penalty", "month_fees", "charged_interest",
                 "charged_penalty", "charged_fees", "paid", "paid_principal", "paid_interest", "paid_penalty",
                 "paid_fees", "first_miss", "payoff", "in_arrears", "late", "order", "pen_base", "pen_compound",
                 "pen_daily", "pen_num", "pen_den", "cost", "cost_overdue", "policy", "opening_principal")

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
        self.pen_base, self.pen_compound = terms.base, terms.compound
        self.pen_daily = penalty_daily(terms, debt.rate, debt.day_count)
        self.pen_num, self.pen_den = ratio(self.pen_daily)
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
        >>> from repayplan.budget.accounts import open_account
        >>> from repayplan.budget.debts import RevolvingDebt, parse_rate
        >>> a = open_account(RevolvingDebt("plan", Decimal("400"), parse_rate("0%"), Decimal("0.25"),
        ...                                monthly_fee=Decimal("45")), 0, date(2025, 1, 1))
        >>> a.accrue(0, 31)      # bill 445.00, minimum 25% = 111.25: clearing takes 333.75 and saves 45.00
        >>> a.saving_rate(10000), float(a.saving_rate(40000))  # float ok. 100.00: no payoff; 400.00: 12 × 45 / 333.75
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
        """Penalty interest on ``base`` for ``days`` (:func:`~repayplan.arrears.rules.penalty_units`)."""
        return rules.penalty_units(base, days, self.pen_num, self.pen_den, self.mode)

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
        parts, rest = rules.allocate(take, [(c, self.owed(c)) for c in self.order])
        for component, part in parts:
            if component == "principal":
                self.principal -= part
                self.paid_principal += part
                self._principal_paid(part)
            elif component == "interest":
                self.interest -= part
                self.paid_interest += part
            elif component == "penalty":
                self.penalty -= part
                self.paid_penalty += part
            else:  # fees: late fees first
                self.fees -= part
                self.paid_fees += part
                self._fees_paid(part)
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

    def owed(self, component: str) -> int:
        """What is due of a component (principal only as far as it is due)."""
        if component == "principal":
            return self.principal_due()
        if component == "interest":
            return self.interest
        if component == "penalty":
            return self.penalty
        return self.fees

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
        terms, to_minor = self.late, self.policy.to_minor
        rate = Fraction(terms.late_fee_rate) if terms.late_fee_rate is not None else None
        most = None if terms.late_fee_max is None else to_minor(terms.late_fee_max)
        fee = rules.late_fee(short, to_minor(terms.late_fee) if terms.late_fee else 0, rate,
                             to_minor(terms.late_fee_min), most, self.mode).total
        if fee:
            self.fees += fee
            self.charged_fees += fee
            self.month_fees += fee
            self._late_charged(fee)
        return fee

    def close(self, k: int) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

