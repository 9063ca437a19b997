"""Which debt gets the money first: the strategies of a budget plan.

Each month every debt gets its minimum while the budget covers the
minimums; what is left goes to the debts in the strategy's order, each paid
off before the next gets anything (a debt paid off frees its minimum for the
next). When the budget does not cover the minimums there is no extra to
direct, and every strategy pays them by one rule (:func:`shortfall_order`):
the debt dearest to fall behind on first, so the one left short is the one
whose arrears cost least.

* ``avalanche``: the highest marginal saving of the next unit of money
  first (:meth:`~repayplan.budget.accounts.Account.saving_rate`): the
  contract rate (a day × 365, a month × 12); arrears are not counted, as the
  minimum paid before any extra clears them; what only a payoff saves (a
  fee that runs until the debt is repaid, a full-bill card's interest on the
  whole bill) counts when the month's extra can clear the debt, per unit of
  what clearing takes. Ranked afresh each month. Ties: smaller balance.
* ``snowball``: the smallest balance first. Ties: higher cost.
* ``minimum``: only the minimums; nothing extra is paid. When the budget is
  short, the minimums are paid in the order the debts are listed.
* ``custom``: the debts named in ``order`` first, in that order; the others
  after them in avalanche order.
* ``optimal``: not a rule: the allocation of each month's extra that costs
  least, found by exact optimisation (:mod:`repayplan.budget.optimal`).

>>> strategy("avalanche").describe()[:60]
'avalanche: the highest saving of the next unit of money firs'
>>> strategy("custom", ("cash", "card")).describe()
'custom: cash, card, then the rest by cost'
>>> strategy("payday")
Traceback (most recent call last):
...
repayplan.errors.InputError: strategy: 'payday' is unknown; use optimal, avalanche, snowball, minimum or custom
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import InputError, bad
from ..inputs import brief
from ..text import msg

__all__ = ["STRATEGIES", "Strategy", "rank", "shortfall_order", "strategy"]

STRATEGIES = ("optimal", "avalanche", "snowball", "minimum", "custom")

_TEXT = {
    "avalanche": "the highest saving of the next unit of money first (rate; a fee or full-bill interest when it "
                 "can be cleared)",
    "optimal": "the cheapest allocation of each month's extra, found by exact optimisation",
    "snowball": "the smallest balance first",
    "minimum": "only the minimums, nothing extra",
}


@dataclass(frozen=True)
class Strategy:
    """A named ordering; ``order`` lists debt names for ``custom``."""

    name: str
    order: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.name not in STRATEGIES:
            raise bad("strategy", "err.unknown_strategy", value=brief(self.name))
        if self.name == "custom" and not self.order:
            raise InputError('strategy: custom needs an order of debt names, e.g. [budget] order = ["card", "cash"]')

    @property
    def pays_extra(self) -> bool:
        return self.name != "minimum"

    def describe(self) -> str:
        if self.name == "custom":
            return f"custom: {', '.join(self.order)}, then the rest by cost"
        return f"{self.name}: {_TEXT[self.name]}"

    def problems(self, names: Iterable[str]) -> list[str]:
        """Names in a custom order that are no debt, or named twice."""
        known = list(names)
        out: list[str] = []
        seen: set[str] = set()
        for name in self.order:
            if name not in known:
                out.append(msg("err.at", where="budget.order", message=msg("err.not_a_debt", name=brief(name),
                                                                            known=", ".join(known))))
            elif name in seen:
                out.append(msg("err.at", where="budget.order", message=msg("err.debt_named_twice", name=repr(name))))
            seen.add(name)
        return out


def strategy(name: str, order: Sequence[str] = ()) -> Strategy:
    """A strategy by name (``order`` only for custom)."""
    return Strategy(name, tuple(order) if name == "custom" else ())


def rank(chosen: Strategy, accounts: Sequence[Any], left: int = 0) -> list[Any]:
    """The accounts in the order the strategy funds them this month (``left``:
    the extra after the minimums)."""
    if chosen.name == "minimum":
        return sorted(accounts, key=lambda a: a.index)
    if chosen.name == "snowball":
        return sorted(accounts, key=lambda a: (a.balance, -a.effective_cost(), a.index))
    avalanche = sorted(accounts, key=lambda a: (-a.saving_rate(left), a.balance, a.index))
    if chosen.name == "avalanche":
        return avalanche
    first = {name: i for i, name in enumerate(chosen.order)}
    return sorted(avalanche, key=lambda a: first.get(a.name, len(first)))


def shortfall_order(accounts: Sequence[Any]) -> list[Any]:
    """A month short of the minimums: the order in which they are paid (the
    same for every strategy). The dearest debt to fall behind on comes first:
    its annual cost once overdue, i.e. its contract cost plus its penalty rate
    (whether or not it is overdue yet, so the same debt stays short rather than
    the debts taking turns in arrears, each turn a new late fee and penalty);
    ties in the order of the case file. A rule of thumb, not an optimum (late
    fees, for one, are not in it): the plan names the cheapest by actual cost.

    >>> from types import SimpleNamespace as Debt
    >>> cheap, dear = Debt(name="cheap", cost_overdue=0.30, index=0), Debt(name="dear", cost_overdue=0.42, index=1)
    >>> [a.name for a in shortfall_order([cheap, dear])]
    ['dear', 'cheap']
    """
    return sorted(accounts, key=lambda a: (-a.cost_overdue, a.index))
