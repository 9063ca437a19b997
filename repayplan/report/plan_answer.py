"""The answer of a budget plan, first: the optimal plan in one or two
sentences (the order debts are cleared in, months to debt-free, cost, against
paying only the minimums), what proves it cheapest (its bound), why it
departs from the rule of thumb, and each strategy's difference against it.

>>> from datetime import date
>>> from repayplan.budget import Budget, Decimal, RevolvingDebt, parse_rate, plan
>>> full = RevolvingDebt("huabei", Decimal("6000"), parse_rate("0.05%/day"), Decimal("0.10"), interest_on="full")
>>> card = RevolvingDebt("card", Decimal("4000"), parse_rate("0.05%/day"), Decimal("0.10"))
>>> p = plan([full, card], Budget(Decimal("5000"), date(2025, 1, 1)))
>>> print(answer_lines(p, "en")[0])  # doctest: +NORMALIZE_WHITESPACE
Answer: clear huabei (month 2), then card (month 3); debt-free in 3 months (on 2025-04-01),
costing 247.82 in interest, penalty and fees, 1,635.36 less than paying only the minimums.
>>> print(answer_lines(p, "zh")[-1])
* 提前还清huabei：未全额还清前，整笔账单计息（第 2 个月还清，而非第 3 个月）
"""

from __future__ import annotations

from typing import Any

from ..budget import BudgetPlan, StrategyResult
from ..budget.explain import departures
from ..money import ZERO
from .labels import label


def L(key: str, lang: str, **values: Any) -> str:  # noqa: N802 - a label with its blanks filled
    text = label(f"plan.{key}", lang)
    return text.format(**values) if values else text


def strategy_name(name: str, lang: str) -> str:
    """A strategy's name in the language (雪崩法, 最优 ...)."""
    return L(f"name_{name}", lang)


def months_phrase(months: int, lang: str) -> str:
    from .plan import months_words

    return months_words(months, lang)


def answer_lines(plan: BudgetPlan, lang: str) -> list[str]:
    """The optimal plan's answer, its bound and the reasons; empty without the optimal strategy."""
    if plan.optimum is None or "optimal" not in [r.name for r in plan.results]:
        return []
    best = plan.result("optimal")
    grouped = plan.policy.grouped
    if not best.finished:
        lines = [L("answer_unfinished", lang, months=len(best.timeline))]
    else:
        paid = sorted((d.payoff_period or 0, i, d.name) for i, d in enumerate(best.debts))
        items = L("answer_then", lang).join(L("answer_item", lang, debt=name, n=n) for n, _, name in paid)
        base = plan.baseline
        vs = (L("vs_minimum", lang, saving=grouped(base.cost - best.cost)) if base is not None and base.finished
              else L("vs_minimum_never", lang))
        lines = [L("answer", lang, order=L("answer_clear", lang, items=items),
                   months=months_phrase(best.months or 0, lang), date=_iso(best.debt_free_date),
                   cost=grouped(best.cost), vs=vs)]
    lines.append(bound_text(plan, lang))
    why = departures(plan)
    if why:
        lines.append(L("why_heading", lang))
        for d in why:
            rule = str(d.rule_months) if d.rule_months is not None else L("never_month", lang)
            debt = L("answer_then", lang).join(d.order) if d.order else d.debt
            lines.append("* " + L(f"why_{d.cause}", lang, debt=debt, months=d.months, rule=rule, fee=grouped(d.fee)))
    return lines


def bound_text(plan: BudgetPlan, lang: str) -> str:
    """What proves the optimal plan cheapest, or how close it is, or why there is no bound."""
    o = plan.optimum
    assert o is not None
    grouped = plan.policy.grouped
    cost = grouped(plan.result("optimal").cost)
    seconds = f"{o.seconds:.1f}"
    if o.bound is None:
        return L(f"nobound_{o.reason or 'unfinished'}", lang, seconds=seconds)
    gap = grouped(max(o.gap or ZERO, ZERO))
    if o.status == "exact":
        return L("bound_exact", lang, bound=grouped(o.bound), cost=cost)
    if o.status == "too-large":
        return L("bound_large", lang, bound=grouped(o.bound), cost=cost, gap=gap, months=o.horizon)
    if o.status == "time-limit":
        return L("bound_time", lang, seconds=seconds, bound=grouped(o.bound), cost=cost, gap=gap)
    if not o.relaxed:
        return L("bound_gap", lang, bound=grouped(o.bound), cost=cost, gap=gap)
    return L("bound_relaxed", lang, bound=grouped(o.bound), cost=cost, gap=gap, debts=", ".join(o.relaxed))


def versus_lines(plan: BudgetPlan, lang: str) -> list[str]:
    """Each other strategy against the cheapest (the optimal plan when it is in the plan)."""
    grouped = plan.policy.grouped
    top = plan.cheapest
    lines = [L("vs_heading", lang, name=strategy_name(top.name, lang))]
    for r in plan.results:
        if r is top:
            continue
        extra = r.cost - top.cost
        text = (L("vs_more", lang, name=strategy_name(r.name, lang), extra=grouped(extra)) if extra
                else L("vs_equal", lang, name=strategy_name(r.name, lang)))
        lines.append("  " + text + _months_against(r, top, lang))
    return lines


def _months_against(r: StrategyResult, top: StrategyResult, lang: str) -> str:
    if r.months is None:
        return L("vs_never", lang)
    if top.months is None:
        return ""
    later = r.months - top.months
    if later > 0:
        return L("vs_later", lang, months=later)
    if later < 0:
        return L("vs_sooner", lang, months=-later)
    return L("vs_same", lang)


def optimal_dict(plan: BudgetPlan) -> dict[str, Any] | None:
    """The JSON of the optimal plan: status, bound, gap, the answer and the reasons."""
    o = plan.optimum
    if o is None:
        return None
    money = plan.policy.text
    return {
        "status": o.status, "method": "milp", "found_by": o.source, "rounding": money(o.rounding),
        "cost": money(plan.result("optimal").cost), "bound": None if o.bound is None else money(o.bound),
        "gap": None if o.gap is None else money(o.gap), "no_bound_reason": o.reason or None,
        "relaxed": list(o.relaxed), "horizon_months": o.horizon,
        "answer": answer_lines(plan, "en")[0],
        "reasons": [{"debt": d.debt or None, "cause": d.cause, "payoff_period": d.months,
                     "rule_payoff_period": d.rule_months, "order": list(d.order) or None} for d in departures(plan)],
    }


def versus_list(plan: BudgetPlan) -> list[dict[str, Any]]:
    """Each strategy against the cheapest: what it costs more, how many months later."""
    money = plan.policy.text
    top = plan.cheapest
    return [{"strategy": r.name, "against": top.name, "extra_cost": money(r.cost - top.cost),
             "months_later": None if r.months is None or top.months is None else r.months - top.months}
            for r in plan.results if r is not top]


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else ""
