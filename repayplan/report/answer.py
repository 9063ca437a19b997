"""The answer first: one or two sentences that open each command's table, in the user's language.

``build``: the installment and the total; ``status``: what is due now and what settles everything;
``compare``: which plan fits both sides and costs the borrower least; ``propose``: the offer that does.
(``plan`` opens with its own answer.)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..rates import percent_text
from .labels import label


def _say(key: str, lang: str, **values: Any) -> str:
    return label(f"answer.{key}", lang).format(**values)


def schedule_answer(schedule: Any, lang: str) -> str:
    """'360 installments of 5,307.27 from 2025-02-15 to 2055-01-15: 1,910,615.12 in all, 910,615.12 of it
    interest.' (a schedule whose installments differ gives its first and last)."""
    rows = schedule.rows
    g = schedule.policy.grouped
    common = {"n": len(rows), "first_due": rows[0].due_date.isoformat(), "last_due": rows[-1].due_date.isoformat(),
              "total": g(schedule.total_payment), "interest": g(schedule.total_interest)}
    if len(rows) == 1:
        return _say("build_one", lang, amount=g(rows[0].payment), **common)
    if len({r.payment for r in rows[:-1]}) == 1 and rows[-1].payment <= rows[0].payment:
        key = "build_level" if rows[-1].payment == rows[0].payment else "build_level_last"
        return _say(key, lang, amount=g(rows[0].payment), last=g(rows[-1].payment), **common)
    return _say("build_varying", lang, amount=g(rows[0].payment), last=g(rows[-1].payment), **common)


def status_answer(st: Any, lang: str, audit: Any = None) -> str:
    """What is due now (and of what), and what settles everything on the date."""
    g = st.money.grouped
    parts = [(label("answer.part_principal", lang), st.overdue_principal),
             (label("answer.part_interest", lang), st.overdue_interest),
             (label("answer.part_penalty", lang), st.penalty_interest), (label("answer.part_fees", lang), st.fees)]
    shown = label("sep.comma", lang).join(f"{k}{g(v)}" for k, v in parts if v)
    if st.total_due > 0:
        text = _say("status_due", lang, on=st.as_of.isoformat(), due=g(st.total_due), parts=shown,
                    payoff=g(st.payoff_amount))
    else:
        text = _say("status_nothing_due", lang, on=st.as_of.isoformat(), payoff=g(st.payoff_amount))
    if audit is not None and audit.difference:
        rebuilt = audit.rebuilt.figures(audit.basis).total  # the contract's figure on the claim's basis
        text += _say("status_claim", lang, claimed=g(audit.claimed), rebuilt=g(rebuilt))
    return text


def fits_both(m: Any) -> bool:
    """A plan both sides can accept: the creditor's minimum recovery (when given) and the borrower's budget
    (when given: no installment above it, no lump sum short)."""
    if m.meets_min_recovery is False:
        return False
    if m.payment_to_budget is not None and m.payment_to_budget > 1:
        return False
    return not m.lump_sum_shortfall


def compare_answer(comp: Any, names: list[str], lang: str) -> str:
    """Which plan fits both sides and costs the borrower least, of those compared; or why none does."""
    g = comp.position.policy.grouped
    metrics = list(comp.metrics)
    fitting = [i for i, m in enumerate(metrics) if fits_both(m)]
    if not fitting:
        short = sum(1 for m in metrics if m.meets_min_recovery is False)
        dear = sum(1 for m in metrics if (m.payment_to_budget is not None and m.payment_to_budget > 1)
                   or m.lump_sum_shortfall)
        if len(metrics) == 1:  # 'None of the 1 plan fits: 0 recover less ...' says nothing
            why = [label(f"answer.only_{k}", lang) for k, count in (("short", short), ("dear", dear)) if count]
            return _say("compare_only_none", lang, name=names[0], why=label("answer.only_and", lang).join(why))
        return _say("compare_none", lang, n=len(metrics), short=short, dear=dear)
    best = min(fitting, key=lambda i: (metrics[i].total_payment, i))
    m = metrics[best]
    key = "compare_best" if len(metrics) > 1 else "compare_only"  # 'Of the 1 plan, 1 fits' says nothing
    return _say(key, lang, n=len(metrics), k=len(fitting), name=names[best], total=g(m.total_payment),
                payments=m.payments, largest=g(m.largest_payment or Decimal(0)),
                recovery=percent_text(m.recovery, 2) if m.recovery is not None else "—")


#: offer numbers as Chinese documents write them: 方案一, 方案二 ...
_NUMERALS = "一二三四五六七八九十"


def rank_text(n: int, lang: str) -> str:
    """An offer's number as the language writes it after 方案/Offer: the glossary's 方案一 in Chinese.

    >>> rank_text(3, "en"), rank_text(3, "zh"), rank_text(10, "zh"), rank_text(12, "zh"), rank_text(20, "zh")
    ('3', '三', '十', '十二', '二十')
    """
    if lang != "zh":
        return str(n)
    if n <= 10:
        return _NUMERALS[n - 1]
    return ("" if n < 20 else _NUMERALS[n // 10 - 1]) + "十" + ("" if n % 10 == 0 else _NUMERALS[n % 10 - 1])


def propose_answer(proposal: Any, steps: str, lang: str) -> str:
    """The offer that fits both sides and costs the borrower least; or that none does."""
    if not proposal.offers:
        return _say("propose_none", lang)
    g = proposal.position.policy.grouped
    o = proposal.offers[0]
    m = o.metrics
    return _say("propose_best", lang, name=label("prop.offer_n", lang).format(n=rank_text(o.rank, lang)), steps=steps,
                total=g(m.total_payment), payments=m.payments, largest=g(m.largest_payment or Decimal(0)),
                npv=g(m.creditor_npv), recovery=percent_text(m.recovery, 2) if m.recovery is not None else "—",
                required=g(proposal.required))
