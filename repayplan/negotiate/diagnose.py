"""When no offer fits: which constraint binds, and by how much.

Every way out is found with the search's own test of whether anything fits
(:meth:`~repayplan.negotiate.search.Search.feasible`), run again with that one
constraint moved: the value named is the least move (to the cent, the basis
point or the month) for which the search finds an offer, so passing it back
as its flag gives an offer and one unit short of it does not.

* **the borrower's budget** (``--max-payment``): the smallest monthly amount;
* **the creditor's minimum** (``--min-recovery``): the largest share of its
  base, to 0.01%, it can recover within the borrower's means;
* **the lump sum** (``--lump-sum``, when settlements are allowed): the least
  cash now;
* **the term** (``--max-term``): the fewest months beyond the creditor's
  longest (up to 30 years);
* **the legal cap** (``--cap``): the lowest cap, to 0.01%, under which a plan
  fits (the law does not move: the way out is a lower rate or waivers).

A float estimate says where to start, and the exact searches gallop from it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from ..errors import InputError
from ..legal import Cap
from ..money import WORKING
from ..plans import Plan
from ..rates import percent_text
from .constraints import Constraints
from .ladder import estimate
from .oracle import first_true, last_true
from .words import Say, english

if TYPE_CHECKING:
    from .search import Found, Search

#: How far the term is stretched to find one that fits, in months.
LONGEST_MONTHS = 360
#: The step of a share or a rate named as a way out: 0.01%.
BASIS = Decimal("0.0001")


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
    say: Say | None = None  # the text, to word in any language


@dataclass(frozen=True)
class Binding:
    """Why nothing fits: the constraints that bind and how far each must move."""

    constraints: tuple[str, ...]
    relaxations: tuple[Relaxation, ...]
    message: str
    say: Say | None = None  # the message, to word in any language


def diagnose(search: Search, richest: Found | None) -> Binding:
    """The binding constraints of a search that found no offer (``richest``:
    the creditor's best within the borrower's means, or None)."""
    found = [r for r in (_payment(search), _recovery(search, richest), _lump(search), _term(search),
                         _cap(search)) if r]
    money = search.ctx.policy.grouped
    if not found:
        minimum = Say("prop.w.minimum", {"amount": money(search.required)}) if search.required > 0 else ""
        say = Say("prop.w.none_at_all", {"minimum": minimum})
    else:
        say = Say("prop.w.none", {"ways": tuple(r.say for r in found if r.say is not None)}, sep="prop.w.or")
    return Binding(tuple(r.constraint for r in found), tuple(found), english(say), say)


def _way(constraint: str, have: Decimal | int, need: Decimal | int, shortfall: Decimal | int, say: Say,
         plan: Plan) -> Relaxation:
    return Relaxation(constraint, have, need, shortfall, english(say), plan, say)


def _relax(search: Search, change: Callable[[int], Constraints], lo: int, hi: int, guess: int | None,
           last: bool = False) -> tuple[int, Found] | None:
    """The least value in [lo, hi] (``last``: the greatest) at which a search
    under ``change(value)`` finds an offer, and that offer."""
    from .search import Search

    seen: dict[int, Found | None] = {}

    def fits(value: int) -> bool:
        if value not in seen:
            try:
                other = Search(search.ctx.position, search.ctx.on, change(value))
                seen[value] = other.feasible()
                search.oracle.builds += other.oracle.builds
            except InputError:
                seen[value] = None
        return seen[value] is not None

    value = (last_true if last else first_true)(fits, lo, hi, guess)
    if value is None:
        return None
    found = seen[value]
    return None if found is None else (value, found)


def _payment(search: Search) -> Relaxation | None:
    """The smallest monthly budget at which an offer fits."""
    ctx = search.ctx
    c = ctx.constraints
    if c.max_payment is None:
        return None
    have = ctx.units(c.max_payment)
    guess = None
    lowest = search.sweep.lowest(estimate(search.required))
    if lowest and lowest[0].largest is not None:
        guess = math.ceil(lowest[0].largest * ctx.per_year / 12 * 10**ctx.policy.minor_units)
    top = max(have + 1, ctx.units(ctx.position.total) * 2)
    found = _relax(search, lambda v: replace(c, max_payment=ctx.money(v)), have + 1, top, guess)
    if found is None:
        return None
    need = ctx.money(found[0])
    short = need - c.max_payment
    money = ctx.policy.grouped
    return _way("borrower.max_payment", c.max_payment, need, short,
                Say("prop.w.need_payment", {"short": money(short), "need": money(need), "have": money(c.max_payment)}),
                found[1].point.plan)


def _recovery(search: Search, richest: Found | None) -> Relaxation | None:
    """The largest share of its base the creditor can recover within the borrower's means."""
    ctx = search.ctx
    c = ctx.constraints
    if c.min_recovery is None:
        return None
    base = c.recovery_base_amount(ctx.position)
    if base <= 0:
        return None
    have = int((c.min_recovery / BASIS).to_integral_value(rounding=ROUND_CEILING))
    guess = None
    if richest is not None:
        guess = int(WORKING.divide(richest.point.npv, base * BASIS).to_integral_value(rounding=ROUND_FLOOR))
    found = _relax(search, lambda v: replace(c, min_recovery=v * BASIS), 0, have - 1, guess, last=True)
    if found is None:
        return None
    share = found[0] * BASIS
    money = ctx.policy.grouped
    of = Say("prop.w.of_principal" if c.recovery_base == "principal" else "prop.w.of_owed")
    return _way("creditor.min_recovery", c.min_recovery, share, c.min_recovery - share,
                Say("prop.w.need_recovery", {"share": percent_text(share, 2), "base": of,
                                             "npv": money(found[1].point.npv), "have": percent_text(c.min_recovery),
                                             "required": money(search.required)}), found[1].point.plan)


def _lump(search: Search) -> Relaxation | None:
    """The least cash now at which an offer fits (settlements use it)."""
    ctx = search.ctx
    c = ctx.constraints
    if "settle" not in c.searched_levers or search.required <= 0:
        return None
    have = ctx.units(c.lump_sum)
    owed = ctx.units(ctx.position.total)
    if have >= owed:
        return None
    guess = None
    if ctx.budget is not None:
        guess = max(have + 1, int((estimate(search.required) - ctx.budget * ctx.cum[ctx.limit])
                                  * 10**ctx.policy.minor_units))
    found = _relax(search, lambda v: replace(c, lump_sum=ctx.money(v)), have + 1, owed, guess)
    if found is None:
        return None
    need = ctx.money(found[0])
    short = need - c.lump_sum
    money = ctx.policy.grouped
    return _way("borrower.lump_sum", c.lump_sum, need, short,
                Say("prop.w.need_lump", {"short": money(short), "need": money(need), "have": money(c.lump_sum)}),
                found[1].point.plan)


def _term(search: Search) -> Relaxation | None:
    """The fewest months beyond the creditor's longest at which an offer fits."""
    c = search.ctx.constraints
    longest = min(LONGEST_MONTHS, 1200 * 12 // search.ctx.per_year)  # the float tables hold 1,200 periods
    if longest <= c.max_term:
        return None
    found = _relax(search, lambda v: replace(c, max_term=v), c.max_term + 1, longest, c.max_term + 1)
    if found is None:
        return None
    months = found[0]
    return _way("creditor.max_term", c.max_term, months, months - c.max_term,
                Say("prop.w.need_term", {"need": months, "have": c.max_term}), found[1].point.plan)


def _cap(search: Search) -> Relaxation | None:
    """When the cap rules out every plan the borrower could pay: the lowest cap,
    to 0.01%, under which one fits."""
    c = search.ctx.constraints
    if c.cap is None:
        return None
    have = int((c.cap.rate / BASIS).to_integral_value(rounding=ROUND_FLOOR))
    guess = _cap_guess(search)
    if guess is None:
        return None
    found = _relax(search, lambda v: replace(c, cap=Cap(v * BASIS, percent_text(v * BASIS, 2))), have + 1,
                   max(have + 1, 100 * 10000), guess)
    if found is None:
        return None
    need = found[0] * BASIS
    return _way("creditor.cap", c.cap.rate, need, need - c.cap.rate,
                Say("prop.w.need_cap", {"need": percent_text(need, 2), "cap": c.cap.text}), found[1].point.plan)


def _cap_guess(search: Search) -> int | None:
    """Where to start: the least any plan within the borrower's means reaching the
    minimum costs, in basis points rounded up; None when the cap is not what binds."""
    c = search.ctx.constraints
    oracle = search.oracle
    cost = None
    for family in search.families:
        p = oracle.point(family, family.size)  # every concession: the least it can cost
        if p is None or not oracle.reaches(p, search.required) or not oracle.fits_budget(p) or not c.fits_lump(p.lump):
            continue
        figure = oracle.cost(p)
        if figure is None or (c.cap is not None and figure <= c.cap.rate):
            return None  # the cap is not what rules the plans out
        cost = figure if cost is None else min(cost, figure)
    if cost is None:
        return None
    return int((cost / BASIS).to_integral_value(rounding=ROUND_CEILING))
