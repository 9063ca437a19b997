"""The claim audit for people (text, both languages) and programs (JSON).

JSON ``claim``: ``claimed``, ``claimed_on``, ``basis`` ("past-due" or
"payoff"), ``rebuilt`` (the contract's figure on that basis), ``difference``,
``explained``, ``figures`` (the contract's figures on both bases, by
component), ``explanations`` (each: ``text``, ``basis``, ``readings``,
``figures``, ``difference``), ``singles`` (each reading alone, both bases),
``maximum`` and ``exceeds_maximum``, ``tried``, ``cut_short``, ``cap``.
"""

from __future__ import annotations

from typing import Any

from ..arrears.audit import ClaimAudit
from ..arrears.policy import PenaltyPolicy
from ..arrears.readings import CLAIM_BASES, Figures, Reading
from ..arrears.search import MAX_TRIPLE_POOL
from ..money import MoneyPolicy
from ..text import say
from .labels import label


def reading_text(r: Reading, policy: PenaltyPolicy, money: MoneyPolicy, lang: str = "en") -> str:
    """One reading in words.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> p = Reading(kind="missing", payment=0, amount=Decimal("500"), paid_on=date(2025, 4, 30))
    >>> reading_text(p, PenaltyPolicy(), MoneyPolicy(), "zh")
    '2025-04-30的还款500.00元未入账（并自该日起对其计收罚息）'
    """
    if r.kind == "base":
        return label("audit.r.base", lang).format(base=label(f"audit.base.{r.value}", lang),
                                                  contract=label(f"audit.base.{policy.base}", lang))
    if r.kind in ("compound", "payment-day", "grace-mode"):
        return label(f"audit.r.{r.kind}.{r.value}", lang)
    amount = money.grouped(r.amount) if r.amount is not None else ""
    return label(f"audit.r.{r.kind}", lang).format(amount=amount, paid_on=r.paid_on, on=r.on)


def readings_text(readings: tuple[Reading, ...], audit: ClaimAudit, lang: str) -> str:
    if not readings:
        return label("audit.contract", lang)
    return label("audit.and", lang).join(reading_text(r, audit.policy, audit.money, lang) for r in readings)


def figures_text(f: Figures, money: MoneyPolicy, lang: str) -> str:
    """'3,863.98 = principal 3,555.00 + interest 0.00 + penalty 173.98 + fees 135.00'."""
    g = money.grouped
    sep = label("audit.sep", lang)
    parts = [f"{label(f'audit.{part}', lang)}{sep}{g(getattr(f, part))}"
             for part in ("principal", "interest", "penalty", "fees")]
    text = f"{g(f.total)} = " + " + ".join(parts)
    return text + (f" − {label('audit.credit', lang)}{sep}{g(f.credit)}" if f.credit else "")


def figures_dict(f: Figures, money: MoneyPolicy) -> dict[str, str]:
    t = money.text
    return {"principal": t(f.principal), "interest": t(f.interest), "penalty": t(f.penalty), "fees": t(f.fees),
            "credit": t(f.credit), "total": t(f.total)}


def reading_dict(r: Reading, audit: ClaimAudit) -> dict[str, Any]:
    return {"kind": r.kind, "value": r.value, "payment": r.payment,
            "amount": audit.money.text(r.amount) if r.amount is not None else None,
            "paid_on": r.paid_on.isoformat() if r.paid_on else None, "on": r.on.isoformat() if r.on else None,
            "text": reading_text(r, audit.policy, audit.money)}


def claim_dict(audit: ClaimAudit) -> dict[str, Any]:
    """The JSON of an audit (amounts as strings with the currency's minor digits)."""
    t = audit.money.text
    basis = audit.basis
    data: dict[str, Any] = {
        "claimed": t(audit.claimed), "claimed_on": audit.claimed_on.isoformat(), "basis": basis,
        "rebuilt": t(audit.rebuilt.figures(basis).total), "difference": t(audit.difference),
        "explained": audit.explained,
        "figures": {b: figures_dict(audit.rebuilt.figures(b), audit.money) for b in CLAIM_BASES},
        "explanations": [{"text": readings_text(e.readings, audit, "en"), "basis": e.basis,
                          "readings": [reading_dict(r, audit) for r in e.readings],
                          "figures": figures_dict(e.figures, audit.money), "difference": t(e.difference)}
                         for e in audit.explanations],
        "singles": [{"text": readings_text(s.readings, audit, "en"),
                     "readings": [reading_dict(r, audit) for r in s.readings],
                     **{b: figures_dict(s.figures(b), audit.money) for b in CLAIM_BASES}} for s in audit.singles],
        "maximum": figures_dict(audit.maximum.payoff, audit.money) if audit.maximum is not None else None,
        "maximum_readings": [reading_dict(r, audit) for r in audit.maximum.readings] if audit.maximum else [],
        "exceeds_maximum": audit.exceeds_maximum, "tried": audit.tried, "cut_short": audit.cut_short,
        "complete": audit.complete, "bounded": audit.bounded,
        "cap": None,
    }
    if audit.cap is not None:
        data["cap"] = {"cap": str(audit.cap.cap), "ceiling": t(audit.cap.ceiling), "above": t(audit.cap.above),
                       "contract_above": t(audit.cap.contract_above)}
    return data


def _bases(bases: list[str], lang: str) -> str:
    return label("audit.same", lang).join(label(f"audit.basis.{b}", lang) for b in bases)


def claim_text(audit: ClaimAudit, lang: str = "en", as_of: Any = None) -> str:
    """The audit for people: the claim, the contract's figures on both bases, what explains the difference (each
    with its rebuilt figures by component), or the most the contract could produce."""
    g, money = audit.money.grouped, audit.money
    colon = label("audit.colon", lang)
    basis = audit.basis
    lines = [f"{label('arrears.claim', lang)}{colon.rstrip()}",
             "  " + label("audit.head", lang).format(claimed=g(audit.claimed), on=audit.claimed_on,
                                                     basis=label(f"audit.basis.{basis}", lang),
                                                     rebuilt=g(audit.rebuilt.figures(basis).total),
                                                     difference=g(audit.difference))]
    if as_of is not None and as_of != audit.claimed_on:
        lines.append("  " + label("audit.other_date", lang).format(on=audit.claimed_on, as_of=as_of))
    lines += [f"  {bases}{colon}{figures_text(figures, money, lang)}" for bases, figures in _by_figures(
        [(b, audit.rebuilt.figures(b)) for b in CLAIM_BASES], lang)]
    groups: dict[tuple[Reading, ...], list[tuple[str, Figures]]] = {}
    for e in audit.explanations:
        groups.setdefault(e.readings, []).append((e.basis, e.figures))
    contract = audit.rebuilt
    for readings, found in groups.items():
        if not readings:
            lines.append("  * " + label("audit.matches", lang).format(basis=_bases([b for b, _ in found], lang)))
            continue
        lines.append(f"  * {readings_text(readings, audit, lang)}")
        for bases, figures in _by_figures(found, lang):
            first = next(b for b, _ in found if label(f"audit.basis.{b}", lang) in bases)
            lines.append("    " + label("audit.explains", lang).format(
                basis=bases, figures=figures_text(figures, money, lang),
                difference=g(figures.total - contract.figures(first).total)))
    if audit.singles:
        lines.append(f"  {label('audit.singles', lang)}{colon.rstrip()}")
        for s in audit.singles:
            lines.append(f"  - {readings_text(s.readings, audit, lang)}{colon}" + label("audit.list", lang).join(
                f"{bases}{label('sep.figure', lang)}{g(figures.total)}" for bases, figures in _by_figures(
                    [(b, s.figures(b)) for b in CLAIM_BASES], lang)))
    if not audit.explained:
        lines.append("  " + label("audit.none", lang))
    if audit.maximum is not None:
        top = audit.maximum
        lines.append("  " + label("audit.maximum", lang).format(
            on=audit.claimed_on, readings=readings_text(top.readings, audit, lang),
            figures=figures_text(top.payoff, money, lang)))
        over = audit.claimed - top.payoff.total
        key = "audit.exceeds" if audit.exceeds_maximum else "audit.within"
        lines.append("  " + label(key, lang).format(amount=g(abs(over))))
    if audit.cut_short:
        lines.append("  " + label("audit.cut", lang).format(tried=audit.tried) + label(
            f"audit.complete.{audit.complete}", lang))
    elif audit.bounded:
        lines.append("  " + label("audit.bounded", lang).format(tried=audit.tried, pool=MAX_TRIPLE_POOL))
    if audit.cap is not None:
        c = audit.cap
        lines.append("  " + label("audit.cap", lang).format(cap=say(c.cap, lang), on=audit.claimed_on,
                                                           ceiling=g(c.ceiling)))
        lines.append("  " + (label("audit.cap_above", lang).format(amount=g(c.above)) if c.above
                             else label("audit.cap_within", lang)))
    return "\n".join(lines)


def _by_figures(pairs: list[tuple[str, Figures]], lang: str) -> list[tuple[str, Figures]]:
    """Bases with the same figures said once: 'past due now (逾期金额) = payoff (一次性结清金额)'."""
    out: list[tuple[list[str], Figures]] = []
    for basis, figures in pairs:
        same = next((x for x in out if x[1] == figures), None)
        if same is None:
            out.append(([basis], figures))
        else:
            same[0].append(basis)
    return [(_bases(bases, lang), figures) for bases, figures in out]
