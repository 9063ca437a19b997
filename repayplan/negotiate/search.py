"""The search: offers both sides can accept, from the borrower's best to the creditor's.

1. The creditor's end: of every family, the offer with the fewest
   concessions the borrower can pay (budget, lump sum, legal cap); the one
   recovering most. If even that recovers less than the creditor's minimum,
   nothing fits and :mod:`.diagnose` says which constraint binds, by how much.
2. The borrower's end: the cheapest offer reaching the creditor's minimum.
3. Between them, for recoveries spaced evenly from one end to the other,
   the cheapest offer reaching each.

The float sweep says which families to build; each is then searched exactly
(to the cent, or the basis point of a rate) and built with ``apply``. The
offers kept are those no other offer beats on both sides.

>>> from datetime import date
>>> from repayplan import Loan, parse_rate
>>> from repayplan.restructure import performing_position
>>> loan = Loan(Decimal("24000"), parse_rate("12%"), 24, start=date(2025, 1, 1))
>>> owed = performing_position(loan, loan.start)
>>> terms = Constraints(max_payment=Decimal("666.67"), discount_rate=Decimal("0.05"),
...                     min_recovery=Decimal("0.9"), levers=("set-rate",))
>>> best = search(owed, loan.start, terms).offers[0]
>>> [s.describe() for s in best.steps], best.metrics.largest_installment  # 24,000 ÷ 36, rounded half-up
(['rate 0%/year from the restructuring date', '36 installments (annuity)'], Decimal('666.67'))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ..compare import Comparison, PlanMetrics, plan_metrics
from ..errors import RepayplanError
from ..model import Position
from ..plans import Plan
from ..restructure import Step
from .constraints import Constraints
from .diagnose import Binding
from .frontier import Candidate, Sweep, distinct, pareto
from .ladder import Context, Family, SettleFamily, TermFamily, estimate
from .oracle import Oracle, Point
from .payment import PaymentFamily, budget_units
from .words import Say, english


@dataclass(frozen=True)
class Found:
    """An exactly built offer, where it sits on its ladder, and what it was asked for."""

    point: Point
    least: int  # the fewest concessions of its family within the borrower's means
    target: Decimal | None  # the recovery it was the cheapest to reach (None: the creditor's best)


@dataclass(frozen=True)
class Offer:
    """One offer: its plan (steps and rows), compare's figures, and why it is here.

    ``role``: ``borrower`` (the cheapest the creditor accepts), ``creditor``
    (the most the borrower can pay) or ``between``; ``binds``: the
    constraints it sits on (``creditor.min_recovery``, ``borrower.max_payment``, ...).
    """

    rank: int
    name: str
    plan: Plan
    metrics: PlanMetrics
    reason: str
    role: str
    binds: tuple[str, ...] = ()
    title: Say | None = None  # the name, to word in any language
    why: Say | None = None  # the reason, to word in any language

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(self.plan.steps)


@dataclass(frozen=True)
class Proposal:
    """What ``repayplan propose`` reports: the offers, best for the borrower
    first, or (when none fits) the binding constraint."""

    on: date
    position: Position
    constraints: Constraints
    required: Decimal  # the creditor's minimum NPV
    offers: tuple[Offer, ...]
    binding: Binding | None  # when nothing fits: what binds, and by how much
    notes: tuple[str, ...] = ()
    builds: int = 0  # plans built exactly
    contract: Plan | None = None  # the contract as it stands, when known
    contract_metrics: PlanMetrics | None = None
    said: tuple[Say, ...] = ()  # the notes, to word in any language

    @property
    def currency(self) -> str:
        return self.position.policy.currency

    def comparison(self, short_names: bool = False) -> Comparison:
        """The contract as it stands (when known) and the offers, as ``compare``
        puts plans side by side (for its table and the case-file workbook);
        ``short_names``: "Offer 1", ... (a sheet name has at most 31 characters)."""
        plans = [replace(o.plan, name=f"Offer {o.rank}") if short_names else o.plan for o in self.offers]
        metrics = [o.metrics for o in self.offers]
        if self.contract is not None and self.contract_metrics is not None:
            plans.insert(0, self.contract)
            metrics.insert(0, self.contract_metrics)
        c = self.constraints
        return Comparison(self.on, self.position, tuple(plans), tuple(metrics), c.borrower(), c.creditor(),
                          self.notes)


def families(ctx: Context) -> list[Family]:
    """Every shape of offer the creditor's levers allow: a new term of 1 to the
    maximum installments (with and without the installment fee, if waiving
    is allowed), the whole budget each month with the term following, the
    contract's own remaining term, and settlements (now, or a down payment
    of the borrower's lump sum and k installments)."""
    fees = (False, True) if "waive" in ctx.constraints.levers and ctx.draft.installment_fee > 0 else (False,)
    out: list[Family] = [TermFamily(ctx, n, True, fee) for n in range(1, ctx.limit + 1) for fee in fees]
    most = budget_units(ctx)
    if most is not None and most > 0:
        out.append(PaymentFamily(ctx, most))
    if ctx.remaining and (ctx.method != "annuity" or ctx.remaining > ctx.limit):
        out += [TermFamily(ctx, ctx.remaining, False, fee) for fee in fees]
    if "settle" in ctx.constraints.searched_levers:
        lump = ctx.units(ctx.constraints.lump_sum)
        owed = ctx.units(ctx.draft.owed)
        if lump > 0:
            out.append(SettleFamily(ctx, 0))
        for k in range(1, ctx.limit + 1):
            down = min(lump, owed - k - 1)
            if down >= 0 and owed - down - k >= 0:
                out.append(SettleFamily(ctx, k, down))
    return [f for f in out if f.size >= 0]


class Search:
    """One search: the context, the exact oracle and the float sweep."""

    def __init__(self, position: Position, on: date, constraints: Constraints) -> None:
        if position.total <= 0:
            raise RepayplanError(f"nothing is owed on {on} (the position totals "
                                 f"{position.policy.grouped(position.total)}); there is nothing to negotiate")
        self.ctx = Context.build(position, on, constraints)
        self.families = families(self.ctx)
        self.oracle = Oracle(self.ctx)
        self.sweep = Sweep(self.ctx, self.families)
        self.required = constraints.required_npv(position)
        self._richest: tuple[Found | None] | None = None
        self.payment = next((f for f in self.families if isinstance(f, PaymentFamily)), None)
        self.reservation = self._reservation()
        if self.reservation is not None:
            self.oracle.ceiling = self.reservation.total
            self.sweep.ceiling = estimate(self.reservation.total)

    def _reservation(self) -> Point | None:
        """The borrower's reservation: what is owed repaid as fast as the budget
        allows (the whole budget each month; without a budget, one installment),
        with no concession; None when the budget does not repay it within the
        creditor's longest term."""
        family = self.payment if self.payment is not None else TermFamily(self.ctx, 1)
        if self.ctx.constraints.max_payment is not None and self.payment is None:
            return None
        return self.oracle.point(family, 0)

    def reservation_notes(self) -> tuple[Say, ...]:
        """The borrower's reservation, for people."""
        from .explain import reservation_note

        return reservation_note(self)

    def feasible(self) -> Found | None:
        """The creditor's best offer within the borrower's means if it reaches the
        creditor's minimum, else None: whether anything fits, for the search and
        for every way out the diagnosis names."""
        richest = self.creditor_end()
        return richest if richest is not None and richest.point.npv >= self.required else None

    def realise(self, c: Candidate, target: Decimal | None) -> Found | None:
        """The candidate's family searched exactly: its creditor's best
        (``target`` None), or its cheapest offer reaching ``target``."""
        least_guess, rung_guess = self.sweep.guesses(c, None if target is None else estimate(target))
        least = self.oracle.least(c.family, least_guess)
        if least is None:
            return None
        if target is None:
            p = self.oracle.point(c.family, least)
            return Found(p, least, None) if p is not None else None
        p = self.oracle.cheapest(c.family, target, least, rung_guess)
        return Found(p, least, target) if p is not None else None

    def best(self, candidates: Sequence[Candidate], target: Decimal | None, tries: int = 3) -> Found | None:
        """The best of the first few candidates, built exactly: the most
        recovered (no target) or the cheapest reaching the target."""
        tried = list(candidates[:tries])
        if self.payment is not None and all(c.family is not self.payment for c in tried):
            extra = self.sweep.candidate(self.payment, None if target is None else estimate(target))
            if extra is not None:
                tried.append(extra)
        found = [f for c in tried if (f := self.realise(c, target)) is not None]
        if not found:
            return None
        if target is None:
            return max(found, key=lambda f: (f.point.npv, -f.point.total))
        return min(found, key=lambda f: (f.point.total, -f.point.npv, f.point.largest or 0))

    def creditor_end(self) -> Found | None:
        """The most the creditor can recover within the borrower's means (and the reservation)."""
        if self._richest is None:
            self._richest = (self._creditor_end(),)
        return self._richest[0]

    def _creditor_end(self) -> Found | None:
        found = self.best(self.sweep.richest(), None, tries=2 if self.reservation is not None else 4)
        if self.reservation is not None and self.oracle.fits_means(self.reservation):
            own = Found(self.reservation, 0, None)
            if found is None or (own.point.npv, -own.point.total) > (found.point.npv, -found.point.total):
                found = own
        if found is None:  # the float model sees none (rounding can matter on tiny amounts): probe a few exactly
            step = max(1, len(self.families) // 8)
            probes = [Candidate(f, 0.0, 0.0, None, f.size, f.size) for f in self.families[::-step]]
            found = self.best(probes, None, tries=len(probes))
        return found

    def borrower_end(self, richest: Found) -> Found:
        found = self.best(self.sweep.cheapest(estimate(self.required)), self.required)
        if found is None or found.point.total > richest.point.total:
            # the float model missed; the creditor's best family reaches the minimum by construction
            p = self.oracle.cheapest(richest.point.family, self.required, richest.least, None)
            assert p is not None
            found = Found(p, richest.least, self.required)
        return found

    def between(self, low: Decimal, high: Decimal, count: int) -> list[Found]:
        """The cheapest offers reaching ``count`` recoveries spaced evenly between two ends
        (a rate rung is topped up with cents only when they add up to a concession
        worth tabling: these targets are only where to look)."""
        self.oracle.top_up_floor = self.ctx.units(self.ctx.constraints.concession_floor(self.ctx.position))
        try:
            return self._between(low, high, count)
        finally:
            self.oracle.top_up_floor = 0

    def _between(self, low: Decimal, high: Decimal, count: int) -> list[Found]:
        out = []
        for j in range(1, count + 1):
            target = self.ctx.policy.round(low + (high - low) * j / (count + 1))
            found = self.best(self.sweep.cheapest(estimate(target)), target, tries=2)
            if found is not None:
                out.append(found)
        return out


def search(position: Position, on: date, constraints: Constraints, top: int = 5,
           contract: Plan | Callable[[date | None], Plan] | None = None) -> Proposal:
    """Offers for a position on a date under the constraints, best for the
    borrower first, at most ``top``; ``contract`` (the contract as it
    stands) gives each offer's saving. Given as a function of the horizon
    (``until`` -> the contract, e.g. ``lambda until: debt.contract(on, until)``),
    it is costed once the offers exist, to the payoff date of the longest
    (as ``compare`` does: a matured loan's penalty runs as long as any plan)."""
    from .diagnose import diagnose
    from .explain import narrow_note, notes_for, offer_say, reason

    if position.total <= 0:  # said plainly, as compare says it: nothing to negotiate, no offer, nothing binding
        from ..text import msg

        nothing = Say("cmp.nothing_owed", {"date": on.isoformat()})
        costed, contract_metrics = _contract(contract, None, constraints)
        return Proposal(on, position, constraints, constraints.required_npv(position), (), None,
                        (str(msg("cmp.nothing_owed", date=on.isoformat())),), 0, costed, contract_metrics, (nothing,))
    s = Search(position, on, constraints)
    notes = notes_for(s.ctx)
    richest = s.feasible()
    if richest is None:
        binding = diagnose(s, s.creditor_end())
        costed, contract_metrics = _contract(contract, None, constraints)
        return Proposal(on, position, constraints, s.required, (), binding, _english(notes), s.oracle.builds,
                        costed, contract_metrics, notes)
    cheapest = s.borrower_end(richest)
    gap = constraints.concession_floor(position)
    found = [cheapest, richest]
    if top > 2 and richest.point.npv > cheapest.point.npv:
        found += s.between(cheapest.point.npv, richest.point.npv, top - 2)
        if len(_distinct(_frontier(found), top, gap)) < top:
            found += s.between(cheapest.point.npv, richest.point.npv, 2 * top)
    kept = _frontier(found)
    chosen = _distinct(kept, max(1, top), gap)
    notes = (*notes, *s.reservation_notes())
    if len(chosen) < top and len(kept) > 1:
        notes = (*notes, narrow_note(s, kept, chosen, top, gap))
    titles = [offer_say(rank, f.point.steps) for rank, f in enumerate(chosen, start=1)]
    plans = [replace(f.point.plan, name=english(title)) for f, title in zip(chosen, titles, strict=True)]
    longest = max((plan.payoff_date for plan in plans if plan.payoff_date is not None), default=None)
    costed, contract_metrics = _contract(contract, longest, constraints)
    if costed is not None:
        notes = (*notes, Say("prop.w.note_savings", {"basis": costed.basis[-1]}))
    offers = []
    for rank, (f, plan) in enumerate(zip(chosen, plans, strict=True), start=1):
        role = ("both" if len(kept) == 1 else "creditor" if f is chosen[-1] else "borrower" if f is chosen[0]
                else "between")
        name = plan.name
        metrics = plan_metrics(plan, constraints.borrower(), constraints.creditor(), costed)
        problems = constraints.violations(plan, metrics)
        if problems:  # pragma: no cover - the oracle measures as compare does; a guard, not a path
            raise RepayplanError(f"internal error: offer {rank} breaks {problems[0]}")
        why, binds = reason(s, f, role, metrics)
        offers.append(Offer(rank, name, plan, metrics, english(why), role, binds, titles[rank - 1], why))
    return Proposal(on, position, constraints, s.required, tuple(offers), None, _english(notes), s.oracle.builds,
                    costed, contract_metrics, notes)


def _contract(contract: Plan | Callable[[date | None], Plan] | None, until: date | None,
              constraints: Constraints) -> tuple[Plan | None, PlanMetrics | None]:
    """The contract as it stands (costed to ``until`` when given as a function) and its figures."""
    if contract is None:
        return None, None
    plan = contract if isinstance(contract, Plan) else contract(until)
    return plan, plan_metrics(plan, constraints.borrower(), constraints.creditor(), plan)


def _frontier(found: Sequence[Found]) -> list[Found]:
    unique: dict[tuple[object, ...], Found] = {}
    for f in found:
        unique.setdefault(tuple(s.to_table().__repr__() for s in f.point.steps), f)
    return pareto(list(unique.values()), key=lambda f: (f.point.total, f.point.npv))


def _english(says: Sequence[Say]) -> tuple[str, ...]:
    return tuple(english(say) for say in says)


def _distinct(kept: Sequence[Found], top: int, gap: Decimal) -> list[Found]:
    return distinct(kept, top, gap, key=lambda f: f.point.total)


__all__ = ["Found", "Offer", "Proposal", "Search", "families", "search"]
