"""Why the optimal plan departs from the rule of thumb, as data for the words.

Each debt the optimal plan repays sooner than the rule (avalanche) gets the
cause that makes clearing it worth more than its rate says:

* ``full_bill``: a card charging interest on the whole bill until it is paid
  in full (``interest_on = "full"``);
* ``fee``: a fee that runs every month until the debt is repaid (a card's
  ``monthly_fee``, an installment fee);
* ``freed``: a plain rate: once repaid, its minimum goes to the other debts.

When no debt is repaid sooner but the plan costs less, the cause is
``split``: the month's extra is shared between debts rather than poured into
one at a time; or ``order``: a fixed pay-first order (``debt`` names it)
costs less than the ranking.

>>> from datetime import date
>>> from repayplan.budget import Budget, Decimal, RevolvingDebt, parse_rate, plan
>>> full = RevolvingDebt("full", Decimal("6000"), parse_rate("0.05%/day"), Decimal("0.10"), interest_on="full")
>>> other = RevolvingDebt("other", Decimal("4000"), parse_rate("0.05%/day"), Decimal("0.10"))
>>> p = plan([full, other], Budget(Decimal("5000"), date(2025, 1, 1)), ["optimal", "avalanche"])
>>> [(d.debt, d.cause, d.months, d.rule_months) for d in departures(p)]
[('full', 'full_bill', 2, 3)]
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..money import ZERO
from .debts import InstallmentDebt, RevolvingDebt

if TYPE_CHECKING:
    from .simulate import BudgetPlan

__all__ = ["Departure", "departures", "RULE"]

#: the rule of thumb the optimal plan is explained against
RULE = "avalanche"


@dataclass(frozen=True)
class Departure:
    """One reason: ``debt`` is repaid in plan month ``months`` instead of ``rule_months``."""

    debt: str
    cause: str  # full_bill | fee | freed | split | order
    months: int | None
    rule_months: int | None
    fee: Decimal = ZERO  # the monthly fee a payoff stops (cause fee)
    order: tuple[str, ...] = ()  # the pay-first order (cause order)


def departures(plan: BudgetPlan) -> tuple[Departure, ...]:
    """The reasons, debts in the order the optimal plan repays them; empty
    when the optimal plan costs what the rule costs (or either is missing)."""
    names = [r.name for r in plan.results]
    if "optimal" not in names or RULE not in names:
        return ()
    best, rule = plan.result("optimal"), plan.result(RULE)
    if best.cost >= rule.cost:
        return ()
    out = []
    for debt, mine, theirs in zip(plan.debts, best.debts, rule.debts, strict=True):
        if mine.payoff_period is None or (theirs.payoff_period is not None
                                          and mine.payoff_period >= theirs.payoff_period):
            continue
        fee = _fee(debt)
        cause = ("full_bill" if isinstance(debt, RevolvingDebt) and debt.interest_on == "full"
                 else "fee" if fee else "freed")
        out.append(Departure(debt.name, cause, mine.payoff_period, theirs.payoff_period, fee))
    if not out:
        optimum = plan.optimum
        if optimum is not None and optimum.order:  # a fixed pay-first order played cheaper than the ranking
            return (Departure("", "order", best.months, rule.months, order=optimum.order),)
        return (Departure("", "split", best.months, rule.months),)
    return tuple(sorted(out, key=lambda d: (d.months or 0, d.debt)))


def _fee(debt: object) -> Decimal:
    if isinstance(debt, RevolvingDebt):
        return debt.monthly_fee
    if isinstance(debt, InstallmentDebt):
        return debt.loan.installment_fee
    return ZERO
