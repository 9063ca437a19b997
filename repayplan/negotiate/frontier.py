"""Where to look: the float model swept over every family, and the frontier.

For a level term of n installments, what the creditor recovers is the
installment times the sum of the discount factors of its due dates, and
what the borrower pays is the installment times n. So for a recovery V the
installment is V ÷ Σ (the closed form), it is feasible when it lies between
the installment with every concession and the one with none (and within the
budget), and the cheapest term is the one with the smallest total. Other
families (a settlement, the contract's own term) are bisected in floats.

The sweep only ranks candidates; the search builds the best few exactly.

:func:`pareto` keeps the offers no other offer beats on both sides (less
paid by the borrower, more recovered by the creditor):

>>> pareto([(100, 90), (120, 95), (110, 89), (130, 95)], key=lambda x: x)
[(100, 90), (120, 95)]
>>> spread([1, 2, 3, 4, 5, 6, 7], 4)
[1, 3, 5, 7]

:func:`distinct` keeps offers at least ``gap`` apart, spread from the
cheapest to the last (the creditor's end), fewer when the band is narrow:

>>> distinct([100, 101, 130, 150, 190, 200], 4, 20, key=lambda x: x)
[100, 130, 150, 200]
>>> distinct([100, 101, 110], 5, 20, key=lambda x: x)  # nothing saves 20 on the last: only it
[110]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .ladder import Context, Estimate, Family, SettleFamily, TermFamily

T = TypeVar("T")
#: relative slack of float comparisons (the exact search decides)
SLACK = 1e-9


@dataclass(frozen=True)
class Candidate:
    """A family and where on its ladder the float model puts an offer."""

    family: Family
    cost: float  # total the borrower pays
    npv: float  # creditor's recovery
    largest: float | None
    least_guess: int | None = None  # first rung within the borrower's means
    target_guess: int | None = None  # last rung reaching the target


def float_first(family: Family, pred: Callable[[Estimate], bool], lo: int = 0) -> int | None:
    """The smallest rung from ``lo`` whose estimate satisfies ``pred`` (false then true)."""
    hi = family.size
    if lo > hi or not pred(family.estimate(hi)):
        return None
    if pred(family.estimate(lo)):
        return lo
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pred(family.estimate(mid)):
            hi = mid
        else:
            lo = mid
    return hi


def float_last(family: Family, pred: Callable[[Estimate], bool], lo: int = 0) -> int | None:
    """The largest rung from ``lo`` whose estimate satisfies ``pred`` (true then false)."""
    hi = family.size
    if lo > hi or not pred(family.estimate(lo)):
        return None
    if pred(family.estimate(hi)):
        return hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pred(family.estimate(mid)):
            lo = mid
        else:
            hi = mid
    return lo


class Sweep:
    """The float model over every family of a search."""

    def __init__(self, ctx: Context, families: Sequence[Family]) -> None:
        self.ctx = ctx
        self.families = list(families)
        self._bounds: dict[object, tuple[Estimate, Estimate]] = {}
        self.ceiling: float | None = None  # the most an offer may cost the borrower

    @staticmethod
    def level(family: Family) -> bool:
        return isinstance(family, TermFamily) and family.method == "annuity"

    def bounds(self, family: Family) -> tuple[Estimate, Estimate]:
        """A level family's estimates with no concession (or the fewest the cap
        asks) and with every concession."""
        if family.key not in self._bounds:
            self._bounds[family.key] = (family.estimate(0), family.estimate(family.size))
        return self._bounds[family.key]

    def within_means(self, e: Estimate, budget: bool = True) -> bool:
        """Within the lump sum, the legal cap and (``budget``) the monthly budget."""
        ctx = self.ctx
        if e.lump > ctx.lump * (1 + SLACK) + 1e-9 or not self.within_cap(e.at_cap):
            return False
        if self.ceiling is not None and e.total > self.ceiling * (1 + SLACK):
            return False
        return not budget or ctx.budget is None or e.largest is None or e.largest <= ctx.budget * (1 + SLACK)

    def within_cap(self, at_cap: float) -> bool:
        """The payments' value at the cap's rate is at most what is owed: the cost is within the cap."""
        return self.ctx.constraints.cap is None or at_cap <= self.ctx.owed * (1 + SLACK)

    def _generic(self, family: Family, target: float | None, budget: bool = True) -> Candidate | None:
        if isinstance(family, SettleFamily) and family.n:
            least = self._settle_least(family, budget)
        else:
            least = float_first(family, lambda e: self.within_means(e, budget))
        if least is None:
            return None
        if target is None:
            e = family.estimate(least)
            return Candidate(family, e.total, e.npv, e.largest, least, least)
        rung = float_last(family, lambda e: e.npv >= target * (1 - SLACK), least)
        if rung is None:
            return None
        e = family.estimate(rung)
        return Candidate(family, e.total, e.npv, e.largest, least, rung)

    def _settle_least(self, family: SettleFamily, budget: bool) -> int | None:
        """A settlement's largest installment is not monotone in its sum: the
        largest sum within the budget is computed (the cap, the lump sum and
        the reservation are monotone, and bisected)."""
        from .oracle import settle_below
        from .payment import budget_units

        least = float_first(family, lambda e: self.within_means(e, budget=False))
        most = budget_units(self.ctx) if budget else None
        if least is None or most is None:
            return least
        rest = settle_below(family.amount(least) - family.down, family.n, most)
        return None if rest is None or rest < family.n else family.owed - family.down - rest

    def _level(self, family: Family, target: float | None, budget: bool = True) -> Candidate | None:
        top, bottom = self.bounds(family)
        assert top.largest is not None and bottom.largest is not None
        high = top.largest
        if budget and self.ctx.budget is not None:
            high = min(high, self.ctx.budget)
        if self.ctx.constraints.cap is not None:  # level payments X are within the cap when X·Σv ≤ owed
            high = min(high, self.ctx.owed / self.ctx.capcum[family.n])
        if bottom.largest > high * (1 + SLACK):
            return None
        n = family.n
        if self.ceiling is not None:  # the total n × X within the borrower's reservation
            high = min(high, self.ceiling / n)
            if bottom.largest > high * (1 + SLACK):
                return None
        pay = high
        if target is not None:
            need = target / self.ctx.cum[n]
            if need > high * (1 + SLACK):
                return None
            pay = max(need, bottom.largest)
        return Candidate(family, pay * n, pay * self.ctx.cum[n], pay)

    def candidate(self, family: Family, target: float | None, budget: bool = True) -> Candidate | None:
        """Where the float model puts the family's offer reaching ``target``
        (None: its richest offer for the creditor) within the means."""
        if self.level(family):
            return self._level(family, target, budget)
        return self._generic(family, target, budget)

    def cheapest(self, target: float) -> list[Candidate]:
        """Families that can reach ``target`` within the means, cheapest for the borrower first."""
        found = [c for f in self.families if (c := self.candidate(f, target)) is not None]
        return sorted(found, key=lambda c: (round(c.cost, 2), -round(c.npv, 2), c.largest or 0.0))

    def richest(self) -> list[Candidate]:
        """Families within the means, most recovered by the creditor first."""
        found = [c for f in self.families if (c := self.candidate(f, None)) is not None]
        return sorted(found, key=lambda c: (-round(c.npv, 2), c.cost, c.family.n))

    def lowest(self, target: float) -> list[Candidate]:
        """Families that reach ``target`` whatever the budget, smallest installment first."""
        found = [c for f in self.families if (c := self.candidate(f, target, budget=False)) is not None]
        return sorted(found, key=lambda c: (c.largest or 0.0, c.cost))

    def guesses(self, c: Candidate, target: float | None, budget: bool = True) -> tuple[int | None, int | None]:
        """Rungs to start the exact searches from: the least concession within
        the means, and the most that still reaches ``target``."""
        f = c.family
        least = c.least_guess
        if least is None:
            least = float_first(f, lambda e: self.within_means(e, budget))
        if target is None:
            return least, least
        rung = c.target_guess
        if rung is None:
            rung = float_last(f, lambda e: e.npv >= target, least or 0)
        return least, rung


def pareto(items: Sequence[T], key: Callable[[T], tuple[Any, Any]]) -> list[T]:
    """Items not beaten on both sides: key(item) = (borrower pays, creditor recovers).
    Sorted by what the borrower pays."""
    ranked = sorted(items, key=lambda i: (key(i)[0], -key(i)[1]))
    out: list[T] = []
    for item in ranked:
        if not out or key(item)[1] > key(out[-1])[1]:
            out.append(item)
    return out


def spread(items: Sequence[T], count: int) -> list[T]:
    """``count`` items evenly spread from the first to the last (both kept)."""
    if len(items) <= count:
        return list(items)
    if count == 1:
        return [items[0]]
    last = len(items) - 1
    picks = sorted({round(i * last / (count - 1)) for i in range(count)})
    return [items[i] for i in picks]


def distinct(items: Sequence[T], count: int, gap: Any, key: Callable[[T], Any]) -> list[T]:
    """At most ``count`` of ``items`` (sorted by ``key``, what the borrower pays),
    the last always kept, each other one saving at least ``gap`` on the next:
    the cheapest first, the rest nearest to even steps between the ends."""
    last = items[-1]
    pool = [i for i in items[:-1] if key(last) - key(i) >= gap]
    if not pool:
        return [last]
    if count == 1:
        return [pool[0]]
    chosen = [pool[0]]
    low, high = key(pool[0]), key(last)
    for j in range(1, count - 1):
        ideal = low + (high - low) * j / (count - 1)
        near = [i for i in pool if key(i) - key(chosen[-1]) >= gap and high - key(i) >= gap]
        if not near:
            break
        chosen.append(min(near, key=lambda i: abs(key(i) - ideal)))
    return [*chosen, last]
