"""The answer of a budget plan, first: the optimal plan in a sentence (months
to debt-free, cost, against paying only the minimums), where each month's
extra goes in runs of months (and in words why a debt gets it sooner than
under avalanche), what proves it cheapest (its bound), and each strategy's
difference against it.

>>> from datetime import date
>>> from repayplan.budget import Budget, Decimal, RevolvingDebt, parse_rate, plan
>>> full = RevolvingDebt("huabei", Decimal("6000"), parse_rate("0.05%/day"), Decimal("0.10"), interest_on="full")
>>> card = RevolvingDebt("card", Decimal("4000"), parse_rate("0.05%/day"), Decimal("0.10"))
>>> p = plan([full, card], Budget(Decimal("5000"), date(2025, 1, 1)))
>>> for line in answer_lines(p, "en")[:3]:  # doctest: +NORMALIZE_WHITESPACE
...     print(line)
Answer: debt-free in 3 months (on 2025-04-01), costing 247.82 in interest, penalty and fees, 1,635.36 less
than paying only the minimums. Each month's extra (the money left after the minimums) goes:
* Month 1: extra 3,388.38 to card, 596.12 to huabei (huabei is repaid sooner than under avalanche: until it
is paid in full, interest runs on the whole bill)
* Month 2: extra 4,475.59 to huabei, clearing huabei
>>> print(answer_lines(p, "zh")[3])
* 第3个月：余款223.04还card，还清card
"""

from __future__ import annotations

from typing import Any

from ..budget import BudgetPlan, StrategyResult
from ..budget.explain import departures
from ..budget.runs import extra_runs
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


#: runs of months shown at a terminal; the rest are counted (JSON carries every run)
MAX_RUNS = 8


def answer_lines(plan: BudgetPlan, lang: str, most: int | None = MAX_RUNS) -> list[str]:
    """The optimal plan's answer: debt-free when and at what cost, where each
    month's extra goes (in runs of months, with why a debt gets it sooner than
    under avalanche), then its bound and any reason that names no debt;
    empty without the optimal strategy. ``most``: runs shown (None: all)."""
    if plan.optimum is None or "optimal" not in [r.name for r in plan.results]:
        return []
    best = plan.result("optimal")
    grouped = plan.policy.grouped
    why = departures(plan)
    if not best.finished:
        lines = [L("answer_unfinished", lang, months=len(best.timeline))]
    else:
        base = plan.baseline
        vs = (L("vs_minimum", lang, saving=grouped(base.cost - best.cost)) if base is not None and base.finished
              else L("vs_minimum_never", lang))
        lines = [L("answer_lead", lang, months=months_phrase(best.months or 0, lang), date=_iso(best.debt_free_date),
                   cost=grouped(best.cost), vs=vs)]
        lines += run_lines(plan, lang, most)
    lines.append(bound_text(plan, lang))
    general = [d for d in why if not d.debt]  # the per-debt reasons are in the runs
    if general:
        lines.append(L("why_heading", lang))
        for d in general:
            rule = str(d.rule_months) if d.rule_months is not None else L("never_month", lang)
            debt = L("answer_then", lang).join(d.order)
            lines.append("* " + L(f"why_{d.cause}", lang, debt=debt, months=d.months, rule=rule, fee=grouped(d.fee)))
    return lines


def run_lines(plan: BudgetPlan, lang: str, most: int | None = MAX_RUNS) -> list[str]:
    """One line a run: "Months 1–5: extra 510.72–812.89 a month to card (sooner than avalanche: ...)"."""
    grouped = plan.policy.grouped
    names = [d.name for d in plan.debts]
    reasons = {d.debt: d for d in departures(plan) if d.debt}
    runs = extra_runs(plan.result("optimal"), len(names))
    told: set[str] = set()
    lines = []
    for run in runs[:most]:
        when = (L("run_month", lang, first=run.first) if run.first == run.last
                else L("run_months", lang, first=run.first, last=run.last))
        shares = []
        for share in run.shares:
            money = plan.policy.from_minor
            amount = (grouped(money(share.least)) if share.least == share.most
                      else L("run_range", lang, least=grouped(money(share.least)), most=grouped(money(share.most))))
            key = "run_share" if run.first == run.last else "run_share_monthly"
            shares.append(L(key, lang, amount=amount, debt=names[share.debt]))
        cleared = (L("run_cleared", lang, debts=L("answer_then", lang).join(names[i] for i in run.cleared))
                   if run.cleared else "")
        why = ""
        for share in run.shares:
            reason = reasons.get(names[share.debt])
            if reason is not None and reason.debt not in told:
                told.add(reason.debt)
                why += L("run_why", lang, debt=reason.debt,
                         why=L(f"run_why_{reason.cause}", lang, fee=grouped(reason.fee)))
        key = "run_line" if run.first == run.last else "run_line_monthly"
        lines.append("* " + L(key, lang, when=when, shares=L("run_sep", lang).join(shares), cleared=cleared, why=why))
    if most is not None and len(runs) > most:
        lines.append("  " + L("run_more", lang, n=len(runs) - most))
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
    if o.status == "node-limit":
        return L("bound_nodes", lang, nodes=f"{o.nodes:,}", bound=grouped(o.bound), cost=cost, gap=gap)
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
    names = [d.name for d in plan.debts]
    return {
        "status": o.status, "method": "milp", "found_by": o.source, "rounding": money(o.rounding),
        "cost": money(plan.result("optimal").cost), "bound": None if o.bound is None else money(o.bound),
        "gap": None if o.gap is None else money(o.gap), "no_bound_reason": o.reason or None,
        "relaxed": list(o.relaxed), "horizon_months": o.horizon,
        "answer": answer_lines(plan, "en")[0], "nodes": o.nodes,
        "reasons": [{"debt": d.debt or None, "cause": d.cause, "payoff_period": d.months,
                     "rule_payoff_period": d.rule_months, "order": list(d.order) or None} for d in departures(plan)],
        "extra_runs": [{"from_period": r.first, "to_period": r.last, "cleared": [names[i] for i in r.cleared],
                        "shares": [{"debt": names[s.debt], "least": money(plan.policy.from_minor(s.least)),
                                    "most": money(plan.policy.from_minor(s.most)),
                                    "total": money(plan.policy.from_minor(s.total))} for s in r.shares]}
                       for r in extra_runs(plan.result("optimal"), len(names))],
        "extra_lines": [line.removeprefix("* ") for line in run_lines(plan, "en", None)],
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
