"""One line for people: what an offer is, why it is on the list, and what it sits on.

>>> from repayplan.rates import parse_rate
>>> from repayplan.restructure import SetRate, Term, Waive
>>> short_steps((Waive(("penalty", "fees")), SetRate(parse_rate("0%")), Term(36)))
'waive penalty and fees; rate 0%; 36 installments'
>>> short_steps(())
'keep the contract'
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..model import Position
from ..money import WORKING, ZERO
from ..rates import percent_text
from ..restructure import Haircut, SetRate, Settle, Step, Term, Waive
from ..restructure.values import and_
from .ladder import Context, SettleFamily

#: binds: the constraint an offer sits on
RECOVERY, BUDGET, LUMP, CAP, TERM, LEVERS, NONE = ("creditor.min_recovery", "borrower.max_payment",
                                                  "borrower.lump_sum", "creditor.cap", "creditor.max_term",
                                                  "creditor.levers", "none")


def short_steps(steps: Sequence[Step]) -> str:
    """The steps in a few words each."""
    parts = []
    for s in steps:
        if isinstance(s, Waive):
            what = and_(s.what)
            parts.append(f"waive {f'{s.amount:,f} of ' if s.amount is not None else ''}{what}")
        elif isinstance(s, SetRate):
            parts.append(f"rate {percent_text(s.rate.value)}" + ("" if s.rate.unit == "year" else f"/{s.rate.unit}"))
        elif isinstance(s, Term):
            parts.append(f"{s.installments} installments")
        elif isinstance(s, Haircut):
            parts.append(f"forgive {s.amount:,f} of principal" if s.amount is not None
                         else f"forgive {percent_text(s.percent or ZERO)} of principal")
        elif isinstance(s, Settle):
            total = f"{s.amount:,f}" if s.amount is not None else percent_text(s.percent or ZERO)
            how = ("" if s.installments is None else
                   f" ({s.down_payment:,f} down, {s.installments} installments)" if s.down_payment is not None
                   else f" in {s.installments} installments")
            parts.append(f"settle for {total}{how}")
        else:  # pragma: no cover - the search makes no other step
            parts.append(s.describe())
    return "; ".join(parts) or "keep the contract"


def name_offer(rank: int, steps: Sequence[Step], position: Position) -> str:
    """A name to paste into the case file: 'Offer 1: waive penalty; rate 0%; 36 installments'."""
    return f"Offer {rank}: {short_steps(steps)}"


def notes_for(ctx: Context) -> tuple[str, ...]:
    """The assumptions of a search, for people."""
    c = ctx.constraints
    money = ctx.policy.grouped
    notes = [f"position on {ctx.on}: {money(ctx.position.total)} owed; recovery is the creditor's NPV at "
             f"{percent_text(c.discount_rate)} a year (its cost of funds) as a share of "
             + ("the principal" if c.recovery_base == "principal" else "what is owed"),
             f"terms of 1 to {ctx.limit} installments (at most {c.max_term} months) are searched"
             + (f", and the contract's own {ctx.remaining} remaining installments" if ctx.remaining > ctx.limit
                else ""),
             "concessions in the order a creditor usually makes them: waive penalty and fees, lower the rate "
             "(never above the contract's), waive owed interest, forgive principal; or settle for less"]
    if c.max_payment is None:
        notes.append("no borrower budget given ([borrower] max_payment, or monthly_income and monthly_expenses): "
                     "installments are not limited")
    if c.min_recovery is None:
        dropped = [lever for lever in ("haircut", "settle") if lever in c.levers]
        notes.append("no [creditor] min_recovery: every offer is acceptable to the creditor"
                     + (f"; {' and '.join(dropped)} not searched (nothing would bound what they forgive)"
                        if dropped else ""))
    if c.ignored_levers:
        notes.append(f"levers allowed but not searched: {', '.join(c.ignored_levers)} (try them with compare)")
    if c.cap is not None:
        notes.append(f"legal cap on the borrower's effective annual cost: {c.cap}")
    return tuple(notes)


def reason(search: Any, found: Any, role: str, metrics: Any) -> tuple[str, tuple[str, ...]]:
    """Why an offer is on the list, and the constraints it sits on."""
    ctx = search.ctx
    c = ctx.constraints
    money = ctx.policy.grouped
    p = found.point
    recovery = _share(p.npv, c.recovery_base_amount(ctx.position))
    what = _what(p, metrics, ctx)
    binds: list[str] = []
    if role in ("borrower", "both"):
        if p.t < p.family.size and c.min_recovery is not None:
            binds.append(RECOVERY)
            head = (f"Cheapest for the borrower that the creditor accepts: it recovers {money(p.npv)} "
                    f"({recovery}), its minimum being {money(search.required)}")
        else:
            binds.append(LEVERS)
            head = (f"Cheapest for the borrower: every concession the creditor allows, and it still recovers "
                    f"{money(p.npv)} ({recovery})")
    if role in ("creditor", "both") and p is search.reservation:
        binds.append(BUDGET)
        tail = (f"The borrower's reservation, the most the creditor can recover without costing the borrower more: "
                f"what is owed repaid as fast as the budget allows, with no concession: {money(p.npv)} ({recovery})")
        head = tail if role == "creditor" else f"{head}; and the borrower's reservation"
    elif role in ("creditor", "both"):
        limit = _creditor_limit(search, found)
        binds.append(limit)
        text = {BUDGET: f"within the borrower's {money(c.max_payment or ZERO)} a month",
                LUMP: f"with the borrower's {money(c.lump_sum)} now", CAP: f"within the legal cap {c.cap}",
                NONE: "with no concession beyond the new term"}[limit]
        if p.family.n == ctx.limit and p.family.kind == "term":
            binds.append(TERM)
            text += f", over the longest term the creditor signs ({c.max_term} months)"
        tail = f"Most the creditor can recover {text}: {money(p.npv)} ({recovery})"
        head = tail if role == "creditor" else f"{head}; and the most the creditor can recover ({text})"
    if role == "between":
        head = (f"Between the two ends: the creditor recovers {money(p.npv)} ({recovery}) for "
                f"{money(p.total)} from the borrower")
    return f"{head}; {what}", tuple(binds)


def _creditor_limit(search: Any, found: Any) -> str:
    """What stops the creditor's best from conceding less."""
    if found.least == 0:
        return NONE
    oracle = search.oracle
    before = oracle.point(found.point.family, found.least - 1)
    if before is None or not oracle.fits_budget(before):
        return BUDGET
    if not search.ctx.constraints.fits_lump(before.lump):
        return LUMP
    return CAP


def _what(p: Any, metrics: Any, ctx: Context) -> str:
    money = ctx.policy.grouped
    if isinstance(p.family, SettleFamily) and p.family.n == 0:
        return f"{money(p.total)} paid now, {money(metrics.forgiven)} forgiven"
    n = p.installments
    each = money(metrics.largest_installment) if metrics.largest_installment is not None else "—"
    now = f"{money(p.lump)} now, then " if p.lump > 0 else ""
    return f"{now}{n} installments of at most {each}, {money(p.total)} in all"


def _share(part: Decimal, whole: Decimal) -> str:
    if whole <= 0:
        return "—"
    return percent_text(WORKING.divide(part, whole), 2)


def reservation_note(search: Any) -> tuple[str, ...]:
    """What the borrower would do alone, which bounds every offer."""
    r = search.reservation
    if r is None:
        return ("no reservation: the budget does not repay what is owed within the creditor's longest term "
                "without a concession, so offers are not bounded by it",)
    money = search.ctx.policy.grouped
    how = (f"{money(r.largest)} an installment until repaid" if search.payment is not None
           else "everything in one installment")
    return (f"the borrower's reservation: what is owed repaid as fast as the budget allows, with no concession "
            f"({how}, {r.installments} installments, {money(r.total)} in all); no offer costs the borrower more",)


def narrow_note(search: Any, kept: Sequence[Any], chosen: Sequence[Any], top: int, gap: Decimal) -> str:
    """Why fewer offers than asked."""
    money = search.ctx.policy.grouped
    return (f"{len(chosen)} offer{'s' if len(chosen) != 1 else ''} instead of {top}: the offers that fit cost the "
            f"borrower from {money(kept[0].point.total)} to {money(kept[-1].point.total)}, and offers that save "
            f"less than {money(gap)} on one another (or on the last) are not distinct concessions (--min-concession)")
