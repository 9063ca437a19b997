"""What each side can live with, as frozen data: the borrower's means, the
creditor's limits, the levers it allows and the legal cap.

An offer is *acceptable* when every check of :meth:`Constraints.violations`
passes on the plan and the figures ``compare`` computes for it:

* the largest regular installment, as a monthly amount, is at most what the
  borrower can pay a month (``max_payment``);
* the cash needed now (a settlement's lump sum or down payment) is at most
  the ``lump_sum`` the borrower has;
* the creditor's NPV (its cost of funds as the discount rate) is at least
  ``min_recovery`` of what is owed (or of the principal), rounded to the cent
  as ``compare`` rounds it;
* the borrower's effective annual cost is at most the legal ``cap``;
* the plan ends within ``max_term`` months (``apply`` enforces it).

>>> from datetime import date
>>> from repayplan.model import Position
>>> owed = Position(date(2026, 1, 1), Decimal("24000.00"), interest=Decimal("400.00"), penalty=Decimal("600.00"))
>>> c = Constraints(max_payment=Decimal("700"), discount_rate=Decimal("0.06"), min_recovery=Decimal("0.7"))
>>> c.required_npv(owed)  # 70% of 25,000.00
Decimal('17500.00')
>>> replace(c, recovery_base="principal").required_npv(owed)  # 70% of 24,000.00
Decimal('16800.00')
>>> c.fits_budget(Decimal("700.00"), 12), c.fits_budget(Decimal("161.55"), 52)  # 161.55 × 52 ÷ 12 = 700.05
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import InputError, bad
from ..inputs import brief
from ..legal import Cap
from ..model import MAX_TERM, Position
from ..money import WORKING, ZERO
from ..plans import MAX_PLAN_MONTHS, Borrower, Creditor, Plan
from ..rates import percent_text

if TYPE_CHECKING:
    from ..compare import PlanMetrics

__all__ = ["LEVERS", "RECOVERY_BASES", "TERM_STEPS", "Constraints", "parse_levers", "replace"]

#: The concessions the search makes, in the order it reaches for them. The
#: term is not a concession: it is always searched, up to ``max_term``.
LEVERS = ("waive", "set-rate", "haircut", "settle")
#: Steps a creditor may list that the search covers anyway (a new term, or a
#: fixed payment with the term following).
TERM_STEPS = ("term", "payment")
RECOVERY_BASES = ("position", "principal")


@dataclass(frozen=True)
class Constraints:
    """The borrower's means and the creditor's limits (amounts exact, rates
    and shares as fractions: 0.06 for 6%)."""

    max_payment: Decimal | None = None  # a month; None: not limited
    lump_sum: Decimal = ZERO  # cash the borrower has now
    discount_rate: Decimal = ZERO  # creditor's cost of funds, annual effective
    min_recovery: Decimal | None = None  # share of the base, in present value
    recovery_base: str = "position"  # what min_recovery is a share of: position (all owed) or principal
    max_term: int = MAX_PLAN_MONTHS  # months
    levers: tuple[str, ...] = LEVERS
    cap: Cap | None = None  # legal ceiling on the borrower's effective annual cost
    monthly_income: Decimal | None = None  # for the payment-to-income ratio only
    ignored_levers: tuple[str, ...] = ()  # allowed by the creditor but not searched (moratorium, ...)
    min_concession: Decimal | None = None  # the least saving worth tabling; None: 1% of what is owed, at least 50.00

    def __post_init__(self) -> None:
        if self.recovery_base not in RECOVERY_BASES:
            raise InputError(f"min_recovery_of: {self.recovery_base!r} is unknown; use position or principal")
        if not 1 <= self.max_term <= MAX_TERM:
            raise InputError(f"max_term: must be a whole number of months from 1 to {MAX_TERM}, got {self.max_term}")
        unknown = [lever for lever in self.levers if lever not in LEVERS]
        if unknown:
            raise InputError(f"levers: {brief(unknown[0])} is not a concession the search makes; use "
                             f"{', '.join(LEVERS)}")

    @classmethod
    def from_parties(cls, borrower: Borrower, creditor: Creditor, cap: Cap | None = None) -> Constraints:
        """From compare's :class:`~repayplan.plans.Borrower` and
        :class:`~repayplan.plans.Creditor` (empty levers: all of them)."""
        levers, ignored = parse_levers(creditor.levers)
        return cls(max_payment=borrower.budget, lump_sum=borrower.lump_sum or ZERO,
                   discount_rate=creditor.discount_rate or ZERO, min_recovery=creditor.min_recovery,
                   recovery_base=creditor.recovery_base, max_term=creditor.max_term, levers=levers, cap=cap,
                   monthly_income=borrower.monthly_income, ignored_levers=ignored)

    def allows(self, lever: str) -> bool:
        return lever in TERM_STEPS or lever in self.levers

    @property
    def searched_levers(self) -> tuple[str, ...]:
        """The levers the search uses: haircuts and settlements only against a
        minimum recovery (without one, nothing bounds what they forgive)."""
        if self.min_recovery is None:
            return tuple(lever for lever in self.levers if lever not in ("haircut", "settle"))
        return self.levers

    def recovery_base_amount(self, position: Position) -> Decimal:
        return position.principal if self.recovery_base == "principal" else position.total

    def concession_floor(self, position: Position) -> Decimal:
        """The least an offer must save the borrower to be tabled as a concession,
        and the least two offers must differ by: ``min_concession``, else the
        larger of 1% of what is owed and 50.00 (a waiver of a few yuan is noise
        to both sides, and 1% keeps a large debt's offers apart).

        >>> from datetime import date
        >>> owed = Position(date(2026, 1, 1), Decimal("2306.02"))
        >>> larger = replace(owed, principal=Decimal("29030.17"))
        >>> Constraints().concession_floor(owed), Constraints().concession_floor(larger)
        (Decimal('50.00'), Decimal('290.30'))
        """
        money = position.policy
        if self.min_concession is not None:
            return money.round(self.min_concession)
        return max(money.round(position.total / 100), money.round(Decimal(50)))

    def required_npv(self, position: Position) -> Decimal:
        """The creditor's minimum NPV, rounded to the cent as compare rounds it."""
        money = position.policy
        if self.min_recovery is None:
            return money.round(ZERO)
        return money.round(self.recovery_base_amount(position) * self.min_recovery)

    def fits_budget(self, largest: Decimal | None, per_year: int) -> bool:
        """Whether an installment, as a monthly amount (× per_year ÷ 12), is within the budget."""
        return self.max_payment is None or largest is None or largest * per_year <= self.max_payment * 12

    def fits_lump(self, lump: Decimal) -> bool:
        return lump <= self.lump_sum

    def fits_cap(self, cost: Decimal | None) -> bool:
        return self.cap is None or cost is None or cost <= self.cap.rate

    def borrower(self) -> Borrower:
        """The borrower as compare's figures want it."""
        return Borrower(monthly_income=self.monthly_income, lump_sum=self.lump_sum, max_payment=self.max_payment)

    def creditor(self) -> Creditor:
        """The creditor as compare's figures want it."""
        return Creditor(self.discount_rate, self.min_recovery, self.max_term, self.levers, self.recovery_base)

    def violations(self, plan: Plan, metrics: PlanMetrics) -> list[str]:
        """Every constraint an offer breaks (``metrics``: compare's
        :class:`~repayplan.compare.PlanMetrics` of the plan); empty when it fits."""
        money = plan.policy
        per_year = plan.position.loan.periods_per_year if plan.position.loan else 12
        out = []
        largest, cost = metrics.largest_installment, metrics.annual_cost
        if largest is not None and not self.fits_budget(largest, per_year):
            out.append(f"borrower.max_payment: {money.grouped(largest)} an installment is "
                       f"more than {money.grouped(self.max_payment or ZERO)} a month")
        if not self.fits_lump(metrics.lump_sum):
            out.append(f"borrower.lump_sum: needs {money.grouped(metrics.lump_sum)} now, more than "
                       f"{money.grouped(self.lump_sum)}")
        required = self.required_npv(plan.position)
        if metrics.creditor_npv < required:
            out.append(f"creditor.min_recovery: NPV {money.grouped(metrics.creditor_npv)} is below "
                       f"{money.grouped(required)}")
        if cost is not None and not self.fits_cap(cost):
            out.append(f"creditor.cap: effective annual cost {percent_text(cost, 2)} is above "
                       f"{self.cap}")
        return out

    def monthly(self, installment: Decimal, per_year: int) -> Decimal:
        """An installment as a monthly amount (exact, unrounded)."""
        return WORKING.divide(installment * per_year, Decimal(12))


def parse_levers(levers: tuple[str, ...] | list[str] | str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The concessions allowed, in search order, and the steps allowed that
    the search does not use. Empty means every concession; ``term`` and
    ``payment`` are always searched.

    >>> parse_levers("set-rate, waive,term,moratorium")
    (('waive', 'set-rate'), ('moratorium',))
    >>> parse_levers(())[0]
    ('waive', 'set-rate', 'haircut', 'settle')
    """
    from ..restructure import STEPS

    items = [s.strip() for s in levers.split(",") if s.strip()] if isinstance(levers, str) else list(levers)
    if not items:
        return LEVERS, ()
    for item in items:
        if item not in STEPS:
            raise bad("levers", "err.not_lever", value=brief(item), steps=", ".join(STEPS))
    ignored = tuple(i for i in items if i not in LEVERS and i not in TERM_STEPS)
    return tuple(lever for lever in LEVERS if lever in items), ignored
