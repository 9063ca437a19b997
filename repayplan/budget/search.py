"""The optimal plan: the solver's allocation replayed through the exact
month engine (cents), against the rules of thumb played in cents, so the
plan named optimal never costs more than any rule played.

The solver's plan is followed by its balances (:func:`~repayplan.budget.
optimal.replay_director`); where the cents leave a planned payoff short
(a minimum a cent higher than the model's), the replay is repeated with that
debt kept the missing cents ahead. Up to four debts every fixed pay-first
order is played too, and up to three debts and three years every switch from
one order to another: plans the model prices the same can differ by the
cents of rounding, and these settle such a tie in cents.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from ..money import MoneyPolicy
from .accounts import Account
from .debts import Debt
from .optimal import TIME_LIMIT, Optimum, Solution, replay_director, solve_allocation
from .results import Budget, StrategyResult
from .start import Opening

__all__ = ["find_optimal"]


def find_optimal(debts: Sequence[Debt], budget: Budget, policy: MoneyPolicy, openings: Sequence[Opening | None],
                 dates: Sequence[date], known: Sequence[StrategyResult],
                 time_limit: float = TIME_LIMIT) -> tuple[StrategyResult, Optimum]:
    """The cheapest plan: the solver's, replayed through the exact engine, or
    a rule of thumb when the replay's cents make that one cheaper (so the
    optimal plan never costs more than any rule played); with its bound."""
    from dataclasses import replace
    from itertools import permutations

    from .simulate import simulate
    from .strategies import strategy

    optimal = strategy("optimal")
    candidates = {r.strategy: r for r in known}
    names = [d.name for d in debts]
    rules = [strategy("avalanche"), strategy("snowball"), strategy("minimum")]
    if len(debts) <= ORDERS_UP_TO:
        rules += [strategy("custom", order) for order in permutations(names)]
    for rule in rules:
        if rule not in candidates:
            candidates[rule] = simulate(debts, budget, rule, policy, openings, dates)
    best = min(candidates.values(), key=_key)
    if len(debts) <= SWITCHES_UP_TO and best.finished and (best.months or 0) <= SWITCH_MONTHS:
        best = min([best, *_switches(debts, budget, policy, openings, dates, best.months or 0)], key=_key)
    solutions: list[Solution] = []
    optimum = Optimum("no-bound", None, None, 0.0, "", reason="unfinished")
    if best.shortfall_months:
        optimum = Optimum("no-bound", None, None, 0.0, "", reason="short")
    elif best.finished:
        payoffs = [None if d.payoff_period is None else d.payoff_period - 1 for d in best.debts]
        solutions, optimum = solve_allocation(debts, budget, policy, openings, dates, best.cost, time_limit, payoffs)
    for solution in solutions:
        ahead: dict[int, int] = {}
        for _ in range(REPAIRS):
            replayed = simulate(debts, budget, optimal, policy, openings, dates,
                                replay_director(solution, policy, ahead))
            if _key(replayed) <= _key(best):
                best = replayed
            short = _short_of_payoff(solution, replayed)
            if not short:
                break
            for i, units in short.items():
                ahead[i] = ahead.get(i, 0) + units + len(debts)
    source = "milp" if best.strategy == optimal else best.strategy.describe()
    result = replace(best, strategy=optimal)
    gap = None if optimum.bound is None else result.cost - optimum.bound
    status = optimum.status
    if gap is not None and gap <= optimum.rounding + policy.from_minor(1):
        status = "exact"  # within the cents of rounding of a lower bound for every allocation: proven
    elif status == "exact":
        status = "bound"  # the solver's optimum, but the replay in cents lost more than the rounding to it
    return result, replace(optimum, source=source, gap=gap, status=status, order=best.strategy.order)


#: up to this many debts every fixed pay-first order is also played (a safety net below the solver)
ORDERS_UP_TO = 4
#: up to this many debts and months every switch from one order to another is played too: plans the
#: model prices the same can differ by the cents of rounding, and these settle the tie in cents
SWITCHES_UP_TO, SWITCH_MONTHS = 3, 36


def _switches(debts: Sequence[Debt], budget: Budget, policy: MoneyPolicy, openings: Sequence[Opening | None],
              dates: Sequence[date], months: int) -> list[StrategyResult]:
    """Every plan paying the extra in one order up to a month and another after it."""
    from itertools import permutations

    from .simulate import simulate
    from .strategies import strategy

    def by(order: tuple[int, ...], left: int, active: list[Account]) -> int:
        for i in order:
            for acc in active:
                if acc.index == i and left:
                    left -= acc.pay(left)
        return left

    orders = list(permutations(range(len(debts))))
    out = []
    for first in orders:
        for then in orders:
            for month in range(1, months) if first != then else ():
                def direct(k: int, active: list[Account], left: int, f: tuple[int, ...] = first,
                           t: tuple[int, ...] = then, m: int = month) -> int:
                    return by(f if k < m else t, left, active)

                out.append(simulate(debts, budget, strategy("optimal"), policy, openings, dates, direct))
    return out


#: replays of a solver plan, each keeping the debts a replay left short of their payoff that much ahead
REPAIRS = 4


def _short_of_payoff(solution: Solution, replayed: StrategyResult) -> dict[int, int]:
    """Debts the replay left owing after the month the plan clears them: what they still owed (minor units)."""
    out = {}
    for i, month in enumerate(solution.payoffs()):
        if month < len(replayed.timeline) and month < len(solution.alive[i]):
            owed = replayed.timeline[month].balance_units[i]
            if owed > 0:
                out[i] = owed
    return out


def _key(r: StrategyResult) -> tuple[bool, Decimal, int]:
    return (not r.finished, r.cost, r.months or 0)
