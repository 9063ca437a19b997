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
from .ladder import Context, Family, SettleFamily, TermFamily, estimate
from .payment import FineFamily, budget_units


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
        self.ceiling: Decimal | None = None  # the most an offer may cost the borrower (its reservation)
        self.top_up_floor = 0  # cents topped up on a rate rung below this are not worth tabling (0: any)
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
        if self.ceiling is not None and p.total > self.ceiling:
            return False
        return self.fits_cap(p)

    def reaches(self, p: Point | None, target: Decimal) -> bool:
        return p is not None and p.npv >= target

    # -- searches along one family's ladder ---------------------------------
    def least(self, family: Family, guess: int | None = None, budget: bool = True) -> int | None:
        """The fewest concessions that meet the borrower's means and the cap
        (the creditor's best in this family), or None."""
        if isinstance(family, SettleFamily) and family.n:
            return self._settle_least(family, budget)
        return first_true(lambda t: self.fits_means(self.point(family, t), budget), 0, family.size, guess)

    def most(self, family: Family, target: Decimal, start: int, guess: int | None = None) -> int | None:
        """The most concessions from ``start`` on that still give the creditor
        ``target`` (the borrower's best in this family), or None."""
        return last_true(lambda t: self.reaches(self.point(family, t), target), start, family.size, guess)

    def cheapest(self, family: Family, target: Decimal, least: int, guess: int | None = None,
                 budget: bool = True) -> Point | None:
        """The cheapest candidate of the family meeting every constraint and
        reaching ``target``; rounding can make a rung between ``least`` and the
        boundary fail by a cent, so the result is checked and walked back. A
        rung on the rate (whole basis points) is topped up cent by cent."""
        if isinstance(family, SettleFamily) and family.n:
            return self._settle_cheapest(family, target, least, guess, budget)
        p = self._cheapest(family, target, least, guess, budget)
        if p is None or not isinstance(family, TermFamily) or not family.state(p.t).rate_step:
            return p
        fine = FineFamily(family, p.t)
        if not fine.size:
            return p
        rung = float_rung(fine, estimate(target))
        q = self._cheapest(fine, target, 0, rung, budget)
        if q is None or q.total >= p.total or q.t < self.top_up_floor:
            return p
        return q

    def _cheapest(self, family: Family, target: Decimal, least: int, guess: int | None,
                  budget: bool) -> Point | None:
        t = self.most(family, target, least, guess)
        if t is None:
            return None
        for rung in range(t, max(least, t - 64) - 1, -1):
            p = self.point(family, rung)
            if self.reaches(p, target) and self.fits_means(p, budget):
                return p
        p = self.point(family, least)
        return p if self.reaches(p, target) and self.fits_means(p, budget) else None


    # -- a settlement in installments: exact, though its largest installment is not monotone ------------
    def _settle_budget(self, budget: bool) -> int | None:
        return budget_units(self.ctx) if budget else None

    def _settle_cap(self, family: SettleFamily) -> int | None:
        """The most the settlement can be within the legal cap (its cost rises with the sum), in minor units."""
        if self.ctx.constraints.cap is None:
            return family.owed
        t = first_true(lambda u: self.fits_cap_at(family, u), 0, family.size)
        return None if t is None else family.amount(t)

    def fits_cap_at(self, family: Family, t: int) -> bool:
        p = self.point(family, t)
        return p is not None and self.fits_cap(p)

    def _settle_least(self, family: SettleFamily, budget: bool) -> int | None:
        """The largest sum within the means: its installments equal parts rounded
        down, the last taking the rest, so the largest is each + (rest mod k)."""
        if not self.ctx.constraints.fits_lump(self.ctx.money(family.down)):
            return None
        top = self._settle_cap(family)
        if top is None:
            return None
        if self.ceiling is not None:
            top = min(top, self.ctx.units(self.ceiling))
        rest = settle_below(top - family.down, family.n, self._settle_budget(budget))
        if rest is None or rest < family.n:
            return None
        t = family.owed - family.down - rest
        return t if self.fits_means(self.point(family, t), budget) else None

    def _settle_cheapest(self, family: SettleFamily, target: Decimal, least: int, guess: int | None,
                         budget: bool) -> Point | None:
        """The smallest sum reaching ``target`` (its NPV rises with the sum) whose
        largest installment is within the budget."""
        t = self.most(family, target, least, guess)
        if t is None:
            return None
        rest = settle_above(family.amount(t) - family.down, family.n, self._settle_budget(budget))
        if rest is None:
            return None
        t = family.owed - family.down - rest
        if t < least:
            return None
        p = self.point(family, t)
        return p if self.reaches(p, target) and self.fits_means(p, budget) else None


def settle_below(rest: int, k: int, most: int | None) -> int | None:
    """The largest rest ≤ ``rest`` (minor units) whose k parts (rounded down,
    the last taking the remainder) are each at most ``most``.

    >>> settle_below(3001, 10, 300), settle_below(2909, 10, 300)  # 300 × 10; 290 × 9 + 299
    (3000, 2909)
    >>> settle_below(2999, 10, 300)  # 299 × 9 + 308 is too much: 299 × 9 + 300
    2991
    >>> settle_below(2995, 10, 295)  # parts of 299 are too much already: 295 × 10
    2950
    """
    if most is None or rest < 0:
        return rest if rest >= 0 else None
    each, left = divmod(rest, k)
    if each + left <= most:
        return rest
    if each <= most:
        return k * each + min(k - 1, most - each)
    return k * most


def settle_above(rest: int, k: int, most: int | None) -> int | None:
    """The smallest rest ≥ ``rest`` whose k parts are each at most ``most``, or None.

    >>> settle_above(2909, 10, 300), settle_above(2959, 10, 298), settle_above(3001, 10, 300)
    (2909, 2960, None)
    """
    if most is None:
        return rest
    each, left = divmod(rest, k)
    if each + left <= most:
        return rest
    return k * (each + 1) if each + 1 <= most else None


def float_rung(family: Family, target: float) -> int | None:
    """The float model's last rung reaching ``target`` (a guess for the exact search)."""
    from .frontier import float_last

    return float_last(family, lambda e: e.npv >= target)


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
