"""When no offer fits: which constraint binds, and by how much.

Each way out is computed exactly, with the plan that would then fit:

* **the borrower's budget**: the smallest installment of any plan that
  reaches the creditor's minimum (within the lump sum and the cap), built
  and measured; the shortfall is that installment (a month) − the budget;
* **the creditor's minimum**: the most it can recover within the borrower's
  means, as a share of its base rounded down to 0.01% (so accepting that
  share makes the plan acceptable);
* **the lump sum** (when settlements are allowed): the smallest down
  payment that, with installments at the budget over the longest term,
  reaches the minimum;
* **the term**: the shortest term beyond the creditor's maximum at which a
  plan fits (up to 30 years);
* **the legal cap**: when every plan the levers allow costs the borrower
  more than the cap, the least any of them costs (the law does not move:
  the way out is a lower rate or waivers).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from ..money import WORKING
from ..plans import Plan
from ..rates import percent_text
from .frontier import Sweep
from .ladder import SettleFamily, TermFamily, estimate
from .oracle import Point, first_true

if TYPE_CHECKING:
    from .search import Found, Search

#: How far the term is stretched to find one that fits, in months.
LONGEST_MONTHS = 360


@dataclass(frozen=True)
class Relaxation:
    """One way out: the constraint, what it is, what it would need to be,
    the difference, and the plan that would then fit."""

    constraint: str  # borrower.max_payment, creditor.min_recovery, borrower.lump_sum, creditor.max_term
    have: Decimal | int | None
    need: Decimal | int
    shortfall: Decimal | int
    text: str
    plan: Plan | None = None


@dataclass(frozen=True)
class Binding:
    """Why nothing fits: the constraints that bind and how far each must move."""

    constraints: tuple[str, ...]
    relaxations: tuple[Relaxation, ...]
    message: str


def diagnose(search: Search, richest: Found | None) -> Binding:
    """The binding constraints of a search that found no offer (``richest``:
    the creditor's best within the borrower's means, or None)."""
    found = [r for r in (_payment(search), _recovery(search, richest), _lump(search), _term(search),
                         _cap(search)) if r]
    money = search.ctx.policy.grouped
    if not found:
        minimum = f"recovers the creditor's minimum {money(search.required)} and " if search.required > 0 else ""
        message = (f"No offer fits: no plan the creditor's levers allow {minimum}fits the borrower's means and "
                   "the cap; allow more levers")
    else:
        message = "No offer fits: " + ", or ".join(r.text for r in found) + "."
    return Binding(tuple(r.constraint for r in found), tuple(found), message)


def _payment(search: Search) -> Relaxation | None:
    """The smallest installment of a plan the creditor accepts."""
    c = search.ctx.constraints
    if c.max_payment is None:
        return None
    best = None
    for cand in search.sweep.lowest(estimate(search.required))[:3]:
        least_guess, rung_guess = search.sweep.guesses(cand, estimate(search.required), budget=False)
        least = search.oracle.least(cand.family, least_guess, budget=False)
        if least is None:
            continue
        p = search.oracle.cheapest(cand.family, search.required, least, rung_guess, budget=False)
        if p is not None and p.largest is not None and (best is None or best.largest is None
                                                        or p.largest < best.largest):
            best = p
    if best is None or best.largest is None:
        return None
    per_year = search.ctx.per_year
    need = c.monthly(best.largest, per_year).quantize(search.ctx.policy.quantum, rounding=ROUND_CEILING)
    short = need - c.max_payment
    money = search.ctx.policy.grouped
    return Relaxation("borrower.max_payment", c.max_payment, need, short,
                      f"the borrower would need {money(short)} more a month ({money(need)} instead of "
                      f"{money(c.max_payment)})", best.plan)


def _recovery(search: Search, richest: Found | None) -> Relaxation | None:
    """The most the creditor can recover within the borrower's means, as a share it could accept."""
    c = search.ctx.constraints
    if c.min_recovery is None or richest is None:
        return None
    base = c.recovery_base_amount(search.ctx.position)
    if base <= 0:
        return None
    share = WORKING.divide(richest.point.npv, base).quantize(Decimal("0.0001"), rounding=ROUND_FLOOR)
    money = search.ctx.policy.grouped
    of = "of the principal" if c.recovery_base == "principal" else "of what is owed"
    return Relaxation("creditor.min_recovery", c.min_recovery, share, c.min_recovery - share,
                      f"the creditor to accept {percent_text(share, 2)} {of} (NPV {money(richest.point.npv)}) "
                      f"instead of {percent_text(c.min_recovery)} ({money(search.required)})", richest.point.plan)


def _lump(search: Search) -> Relaxation | None:
    """The smallest lump sum now that, with installments at the budget, reaches the minimum."""
    ctx, oracle = search.ctx, search.oracle
    c = ctx.constraints
    if "settle" not in c.searched_levers or c.max_payment is None or search.required <= 0:
        return None
    k = ctx.limit
    owed = ctx.units(ctx.draft.owed)
    each = ctx.units(WORKING.divide(c.max_payment * 12, Decimal(ctx.per_year)).quantize(
        ctx.policy.quantum, rounding=ROUND_FLOOR))
    required = ctx.units(search.required)
    if required > owed:
        return None

    def point(down: int) -> Point | None:
        if each <= 0 or down + k > owed:  # nothing (or nothing left) to pay in installments: a settlement now
            return oracle.point(SettleFamily(ctx, 0), owed - down)
        return oracle.point(SettleFamily(ctx, k, down), max(0, owed - min(owed, down + k * each)))

    def fits(down: int) -> bool:
        """Reaches the minimum, each installment within the budget, within the cap."""
        p = point(down)
        return p is not None and oracle.reaches(p, search.required) and oracle.fits_budget(p) and oracle.fits_cap(p)

    guess = max(0, int(required - each * ctx.cum[k]))
    down = first_true(fits, 0, required, guess)
    if down is None:
        return None
    need = ctx.money(down)
    short = need - c.lump_sum
    if short <= 0:
        return None
    money = ctx.policy.grouped
    found = point(down)
    return Relaxation("borrower.lump_sum", c.lump_sum, need, short,
                      f"a lump sum of {money(short)} more now ({money(need)} instead of {money(c.lump_sum)})",
                      found.plan if found is not None else None)


def _term(search: Search) -> Relaxation | None:
    """The shortest term beyond the creditor's maximum at which a plan fits."""
    ctx = search.ctx
    c = ctx.constraints
    longest = max(ctx.limit, min(1200, math.ceil(LONGEST_MONTHS * ctx.per_year / 12)))
    if longest <= ctx.limit:
        return None
    ctx.extend(longest)
    families = [TermFamily(ctx, n) for n in range(ctx.limit + 1, longest + 1)]
    sweep = Sweep(ctx, families)
    target = estimate(search.required)
    for family in families:
        cand = sweep.candidate(family, target)
        if cand is None:
            continue
        for n in range(family.n, min(longest, family.n + 3) + 1):
            found = search.realise(sweep.candidate(TermFamily(ctx, n), target) or cand, search.required)
            if found is not None:
                months = math.ceil(n * 12 / ctx.per_year)
                return Relaxation("creditor.max_term", c.max_term, months, months - c.max_term,
                                  f"the creditor to allow {months} months instead of {c.max_term}",
                                  found.point.plan)
        return None
    return None


def _cap(search: Search) -> Relaxation | None:
    """When the cap rules out every plan the borrower could pay: the least any
    plan within the borrower's means reaching the minimum costs the borrower."""
    c = search.ctx.constraints
    if c.cap is None:
        return None
    oracle = search.oracle
    best, cost = None, None
    for family in search.families:
        p = oracle.point(family, family.size)  # every concession: the least it can cost
        if p is None or not oracle.reaches(p, search.required) or not oracle.fits_budget(p) or not c.fits_lump(p.lump):
            continue
        figure = oracle.cost(p)
        if figure is None or figure <= c.cap.rate:
            return None  # the cap is not what rules the plans out
        if cost is None or figure < cost:
            best, cost = p, figure
    if best is None or cost is None:
        return None
    return Relaxation("creditor.cap", c.cap.rate, cost, cost - c.cap.rate,
                      f"the cost of credit to be allowed up to {percent_text(cost, 2)}: every plan the creditor's "
                      f"levers allow costs the borrower more than the legal cap {c.cap}, so the way out is a lower "
                      "rate (set-rate) or waivers", best.plan)
