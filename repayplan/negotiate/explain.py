"""One line for people: what an offer is, why it is on the list, and what it sits on.

>>> from repayplan.rates import parse_rate
>>> from repayplan.restructure import SetRate, Term, Waive
>>> short_steps((Waive(("penalty", "fees")), SetRate(parse_rate("0%")), Term(36)))
'waive penalty and fees; rate 0%; 36 installments'
>>> short_steps(())
'keep the contract'

Everything here is said as :class:`~.words.Say` sentences: the core words them
in English, the report in the reader's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Position
from ..money import WORKING, ZERO
from ..rates import percent_text
from ..restructure import FixedPayment, Haircut, SetRate, Settle, Step, Term, Waive
from .ladder import Context, SettleFamily
from .words import Say, english, listed

if TYPE_CHECKING:
    from ..compare import PlanMetrics
    from .oracle import Point
    from .search import Found, Search

#: binds: the constraint an offer sits on
RECOVERY, BUDGET, LUMP, CAP, TERM, LEVERS, NONE = ("creditor.min_recovery", "borrower.max_payment",
                                                  "borrower.lump_sum", "creditor.cap", "creditor.max_term",
                                                  "creditor.levers", "none")


def step_says(steps: Sequence[Step]) -> tuple[Say, ...]:
    """The steps in a few words each, as sentences to word."""
    parts = []
    for s in steps:
        if isinstance(s, Waive):
            what = listed(tuple(Say(f"prop.w.{w}") for w in s.what))
            parts.append(Say("prop.w.waive_amount", {"amount": f"{s.amount:,f}", "what": what})
                         if s.amount is not None else Say("prop.w.waive", {"what": what}))
        elif isinstance(s, SetRate):
            rate = percent_text(s.rate.value) + ("" if s.rate.unit == "year" else f"/{s.rate.unit}")
            parts.append(Say("prop.w.rate", {"rate": rate}))
        elif isinstance(s, Term):
            parts.append(Say("prop.w.term", {"n": s.installments}))
        elif isinstance(s, FixedPayment):
            parts.append(Say("prop.w.payment", {"amount": f"{s.amount:,f}"}))
        elif isinstance(s, Haircut):
            parts.append(Say("prop.w.haircut", {"amount": f"{s.amount:,f}"}) if s.amount is not None
                         else Say("prop.w.haircut_percent", {"percent": percent_text(s.percent or ZERO)}))
        elif isinstance(s, Settle):
            total = f"{s.amount:,f}" if s.amount is not None else percent_text(s.percent or ZERO)
            if s.installments is None:
                parts.append(Say("prop.w.settle", {"amount": total}))
            elif s.down_payment is not None:
                parts.append(Say("prop.w.settle_down", {"amount": total, "down": f"{s.down_payment:,f}",
                                                        "n": s.installments}))
            else:
                parts.append(Say("prop.w.settle_in", {"amount": total, "n": s.installments}))
        else:  # pragma: no cover - the search makes no other step
            parts.append(Say("prop.w.step", {"text": s.describe()}))
    return tuple(parts) or (Say("prop.w.keep"),)


def short_steps(steps: Sequence[Step]) -> str:
    """The steps in a few words each."""
    return english(Say("prop.w.join", {"parts": step_says(steps)}))


def offer_say(rank: int, steps: Sequence[Step]) -> Say:
    return Say("prop.w.offer", {"rank": rank, "steps": Say("prop.w.join", {"parts": step_says(steps)})})


def name_offer(rank: int, steps: Sequence[Step], position: Position) -> str:
    """A name to paste into the case file: 'Offer 1: waive penalty; rate 0%; 36 installments'."""
    return english(offer_say(rank, steps))


def notes_for(ctx: Context) -> tuple[Say, ...]:
    """The assumptions of a search, for people."""
    c = ctx.constraints
    money = ctx.policy.grouped
    base = Say("prop.w.base_principal" if c.recovery_base == "principal" else "prop.w.base_owed")
    notes = [Say("prop.w.note_position", {"on": ctx.on.isoformat(), "owed": money(ctx.position.total),
                                          "rate": percent_text(c.discount_rate), "base": base})]
    terms = Say("prop.w.note_terms", {"n": ctx.limit, "months": c.max_term})
    if ctx.remaining > ctx.limit:
        terms = Say("prop.w.note_contract", {"text": terms, "n": ctx.remaining})
    notes += [terms, Say("prop.w.note_order")]
    if c.max_payment is None:
        notes.append(Say("prop.w.note_no_budget"))
    if c.min_recovery is None:
        dropped = [lever for lever in ("haircut", "settle") if lever in c.levers]
        note = Say("prop.w.note_no_minimum")
        if dropped:
            levers = listed(tuple(Say(f"prop.w.lever.{lever}") for lever in dropped))
            note = Say("prop.w.note_not_searched", {"text": note, "levers": levers})
        notes.append(note)
    if c.ignored_levers:
        notes.append(Say("prop.w.note_ignored", {"levers": ", ".join(c.ignored_levers)}))
    if c.cap is not None:
        notes.append(Say("prop.w.note_cap", {"cap": c.cap.text}))
    return tuple(notes)


def reason(search: Search, found: Found, role: str, metrics: PlanMetrics) -> tuple[Say, tuple[str, ...]]:
    """Why an offer is on the list, and the constraints it sits on."""
    ctx = search.ctx
    c = ctx.constraints
    money = ctx.policy.grouped
    p = found.point
    figures = {"npv": money(p.npv), "share": _share(p.npv, c.recovery_base_amount(ctx.position))}
    what = _what(p, metrics, ctx)
    binds: list[str] = []
    head = Say("prop.w.keep")
    if role in ("borrower", "both"):
        if p.t < p.family.size and c.min_recovery is not None:
            binds.append(RECOVERY)
            head = Say("prop.w.cheapest", {**figures, "required": money(search.required)})
        else:
            binds.append(LEVERS)
            head = Say("prop.w.cheapest_all", figures)
    if role in ("creditor", "both") and p is search.reservation:
        binds.append(BUDGET)
        head = (Say("prop.w.reservation", figures) if role == "creditor"
                else Say("prop.w.and_reservation", {"head": head}))
    elif role in ("creditor", "both"):
        limit = _creditor_limit(search, found)
        binds.append(limit)
        text = {BUDGET: Say("prop.w.in_budget", {"amount": money(c.max_payment or ZERO)}),
                LUMP: Say("prop.w.with_lump", {"amount": money(c.lump_sum)}),
                CAP: Say("prop.w.in_cap", {"cap": c.cap.text if c.cap is not None else ""}),
                NONE: Say("prop.w.no_concession")}[limit]
        if p.family.n == ctx.limit and p.family.kind == "term":
            binds.append(TERM)
            text = Say("prop.w.longest", {"limit": text, "months": c.max_term})
        head = (Say("prop.w.most", {"limit": text, **figures}) if role == "creditor"
                else Say("prop.w.and_most", {"head": head, "limit": text}))
    if role == "between":
        head = Say("prop.w.between", {**figures, "total": money(p.total)})
    return Say("prop.w.reason", {"head": head, "what": what}), tuple(binds)


def _creditor_limit(search: Search, found: Found) -> str:
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


def _what(p: Point, metrics: PlanMetrics, ctx: Context) -> Say:
    money = ctx.policy.grouped
    if isinstance(p.family, SettleFamily) and p.family.n == 0:
        return Say("prop.w.paid_now", {"total": money(p.total), "forgiven": money(metrics.forgiven)})
    figures = {"n": p.installments, "total": money(p.total),
               "each": money(metrics.largest_installment) if metrics.largest_installment is not None else "—"}
    if p.lump > 0:
        return Say("prop.w.now_then", {"lump": money(p.lump), **figures})
    return Say("prop.w.installments", figures)


def _share(part: Decimal, whole: Decimal) -> str:
    if whole <= 0:
        return "—"
    return percent_text(WORKING.divide(part, whole), 2)


def reservation_note(search: Search) -> tuple[Say, ...]:
    """What the borrower would do alone, which bounds every offer."""
    r = search.reservation
    if r is None:
        return (Say("prop.w.note_no_reservation"),)
    money = search.ctx.policy.grouped
    how = (Say("prop.w.how_budget", {"amount": money(r.largest)})
           if search.payment is not None and r.largest is not None else Say("prop.w.how_once"))
    return (Say("prop.w.note_reservation", {"how": how, "n": r.installments, "total": money(r.total)}),)


def narrow_note(search: Search, kept: Sequence[Found], chosen: Sequence[Found], top: int, gap: Decimal) -> Say:
    """Why fewer offers than asked."""
    money = search.ctx.policy.grouped
    return Say("prop.w.note_narrow", {"count": len(chosen), "top": top, "low": money(kept[0].point.total),
                                      "high": money(kept[-1].point.total), "gap": money(gap)})
