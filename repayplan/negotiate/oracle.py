"""Exact evaluation of candidates, and exact searches along a ladder.

Every candidate the search keeps is built with
:func:`repayplan.restructure.apply` and measured as ``compare`` measures it:
the largest regular installment, the cash needed now, the total paid, the
creditor's NPV (the same arithmetic as :func:`repayplan.metrics.npv`, with
the discount factor of each date computed once) and, when a cap is given,
the borrower's effective annual cost.

Searches along a ladder gallop from the float model's guess and then bisect,
so a boundary to the cent costs a handful of exact builds:

>>> first_true(lambda t: t * t >= 50, 0, 100, guess=3)
8
>>> last_true(lambda t: t * t <= 50, 0, 100, guess=20)
7
>>> first_true(lambda t: t > 500, 0, 100, guess=50) is None
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..errors import InputError
from ..metrics import YEAR_DAYS, annual_rate, npv
from ..plans import Plan
from ..restructure import Step, apply
from .ladder import Context, Family, estimate


@dataclass(frozen=True)
class Point:
    """One exactly built candidate: its plan and the figures the constraints check."""

    family: Family
    t: int
    plan: Plan
    largest: Decimal | None  # largest regular installment (a settlement's lump sum aside)
    lump: Decimal  # cash needed on the date
    total: Decimal  # everything the borrower pays
    npv: Decimal  # creditor's NPV, rounded as compare rounds it

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(self.plan.steps)

    @property
    def installments(self) -> int:
        return len(self.plan.payments) - (1 if self.plan.lump_sum > 0 else 0)


class Oracle:
    """Builds and measures candidates exactly, once each."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.builds = 0
        self._points: dict[tuple[object, int], Point | None] = {}
        self._costs: dict[tuple[object, int], Decimal | None] = {}
        self._at_cap: dict[date, float] = {}

    def point(self, family: Family, t: int) -> Point | None:
        """The candidate at rung ``t``, or None when its steps cannot apply."""
        key = (family.key, t)
        if key not in self._points:
            self._points[key] = self._build(family, t)
        return self._points[key]

    def _build(self, family: Family, t: int) -> Point | None:
        ctx = self.ctx
        self.builds += 1
        months = max(ctx.constraints.max_term, family.max_months)
        try:
            plan = apply(ctx.position, family.steps(t), ctx.on, max_months=months)
        except InputError:
            return None
        payments = plan.payments
        amounts = [r.payment for r in payments]
        regular = amounts[1:] if plan.lump_sum > 0 else amounts
        return Point(family, t, plan, max(regular) if regular else None, plan.lump_sum, plan.total_payment,
                     self.npv([(r.due_date, r.payment) for r in payments]))

    def npv(self, flows: list[tuple[date, Decimal]]) -> Decimal:
        """:func:`repayplan.metrics.npv` (the one NPV, as ``compare`` reports it), rounded to the cent."""
        return self.ctx.policy.round(npv(flows, self.ctx.constraints.discount_rate, self.ctx.on))

    def cost(self, p: Point) -> Decimal | None:
        """The borrower's effective annual cost, as compare computes it."""
        key = (p.family.key, p.t)
        if key not in self._costs:
            plan = p.plan
            flows = [(r.due_date, r.payment) for r in plan.payments]
            total = plan.position.total
            cost = None
            if total > 0 and flows and any(day != plan.on for day, _ in flows):
                cost = annual_rate([(plan.on, -total), *flows])
            self._costs[key] = cost
        return self._costs[key]

    # -- the checks, on one candidate --------------------------------------
    def fits_budget(self, p: Point) -> bool:
        return self.ctx.constraints.fits_budget(p.largest, self.ctx.per_year)

    def fits_cap(self, p: Point) -> bool:
        """The borrower's effective annual cost is at most the cap: the payments'
        present value at the cap's rate is at most what is owed (the rate that
        makes them equal is the cost, and the value falls as the rate rises;
        the 1e-12 of slack is far below the cost's 1e-8 precision)."""
        cap = self.ctx.constraints.cap
        if cap is None:
            return True
        on, base = self.ctx.on, 1.0 + estimate(cap.rate)
        value = 0.0
        for r in p.plan.payments:
            factor = self._at_cap.get(r.due_date)
            if factor is None:
                factor = self._at_cap[r.due_date] = base ** (-(r.due_date - on).days / YEAR_DAYS)
            value += estimate(r.payment) * factor
        return value <= self.ctx.owed * (1 + 1e-12)

    def fits_means(self, p: Point | None, budget: bool = True) -> bool:
        """The borrower can pay it (``budget``: the monthly limit too), and it is within the cap."""
        c = self.ctx.constraints
        if p is None or not c.fits_lump(p.lump) or (budget and not self.fits_budget(p)):
            return False
        return self.fits_cap(p)

    def reaches(self, p: Point | None, target: Decimal) -> bool:
        return p is not None and p.npv >= target

    # -- searches along one family's ladder ---------------------------------
    def least(self, family: Family, guess: int | None = None, budget: bool = True) -> int | None:
        """The fewest concessions that meet the borrower's means and the cap
        (the creditor's best in this family), or None."""
        return first_true(lambda t: self.fits_means(self.point(family, t), budget), 0, family.size, guess)

    def most(self, family: Family, target: Decimal, start: int, guess: int | None = None) -> int | None:
        """The most concessions from ``start`` on that still give the creditor
        ``target`` (the borrower's best in this family), or None."""
        return last_true(lambda t: self.reaches(self.point(family, t), target), start, family.size, guess)

    def cheapest(self, family: Family, target: Decimal, least: int, guess: int | None = None,
                 budget: bool = True) -> Point | None:
        """The cheapest candidate of the family meeting every constraint and
        reaching ``target``; rounding can make a rung between ``least`` and the
        boundary fail by a cent, so the result is checked and walked back."""
        t = self.most(family, target, least, guess)
        if t is None:
            return None
        for rung in range(t, max(least, t - 64) - 1, -1):
            p = self.point(family, rung)
            if self.reaches(p, target) and self.fits_means(p, budget):
                return p
        p = self.point(family, least)
        return p if self.reaches(p, target) and self.fits_means(p, budget) else None


def first_true(pred: Callable[[int], bool], lo: int, hi: int, guess: int | None = None) -> int | None:
    """The smallest t in [lo, hi] with pred(t), pred being false then true; None if none."""
    if hi < lo:
        return None
    g = min(max(guess if guess is not None else lo, lo), hi)
    if pred(g):
        good, step = g, 1
        bad = lo - 1
        while good > lo:
            probe = max(lo, good - step)
            if pred(probe):
                good, step = probe, step * 2
            else:
                bad = probe
                break
        if good == lo:
            return lo
    else:
        bad, step = g, 1
        while True:
            if bad == hi:
                return None
            probe = min(hi, bad + step)
            if pred(probe):
                good = probe
                break
            bad, step = probe, step * 2
    while good - bad > 1:
        mid = (good + bad) // 2
        if pred(mid):
            good = mid
        else:
            bad = mid
    return good


def last_true(pred: Callable[[int], bool], lo: int, hi: int, guess: int | None = None) -> int | None:
    """The largest t in [lo, hi] with pred(t), pred being true then false; None if none."""
    found = first_true(lambda u: pred(hi - u), 0, hi - lo, None if guess is None else hi - guess)
    return None if found is None else hi - found


__all__ = ["Oracle", "Point", "first_true", "last_true"]
