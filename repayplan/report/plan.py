"""A budget plan (`repayplan plan`) as JSON (the stable contract), CSV and a
table for people, in English or Chinese.

JSON: ``{"currency", "start", "budget", "cheapest", "optimal": {"status",
"bound", "gap", "cost", "answer", "reasons", ...}, "vs_cheapest":
[{"strategy", "against", "extra_cost", "months_later"}], "differences",
"strategies": [{"name", "months", "debt_free_date", "total_paid",
"total_interest", "total_penalty", "total_fees", "debts": [{"name",
"payoff_date", "paid", "interest", "penalty", ...}], "timeline": [{"period",
"date", "payments": {name: amount}, "balances": {name: amount}}], ...}],
"warnings": [{"debt", "minimum_months", "minimum_total", "payment_36",
"saving_36"}], "shortfall"}``; amounts are strings with the currency's minor
digits, dates ISO strings.

CSV: the month-by-month timeline in long form, one row per strategy, month
and debt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..budget import BudgetPlan, StrategyResult
from ..budget.warnings import MinimumWarning
from ..money import ZERO
from ..rates import percent_text
from ..text import say
from .labels import currency_name, label
from .plan_answer import answer_lines, optimal_dict, strategy_name, versus_lines, versus_list
from .render import csv_text, fit_lines, json_text, key_values, table_text

TIMELINE_COLUMNS = ("strategy", "period", "date", "debt", "minimum", "payment", "interest", "penalty", "fees",
                    "balance")


def L(key: str, lang: str, **values: Any) -> str:  # noqa: N802 - a label with its blanks filled
    text = label(f"plan.{key}", lang)
    return text.format(**values) if values else text


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


# -- JSON ------------------------------------------------------------------------

def plan_dict(plan: BudgetPlan) -> dict[str, Any]:
    """The JSON contract of `repayplan plan`."""
    money = plan.policy.text
    names = [d.name for d in plan.debts]
    budget = plan.budget
    shortfall = plan.shortfall
    return {
        "currency": plan.policy.currency,
        "start": budget.start.isoformat(),
        "budget": {"monthly": money(budget.monthly), "lump_sum": money(budget.lump_sum),
                   "reserve": money(budget.reserve), "first_month": money(budget.first_month),
                   "source": budget.source},
        "cheapest": plan.cheapest.name,
        "optimal": optimal_dict(plan),
        "vs_cheapest": versus_list(plan),
        "differences": [{"cheaper": d.cheaper, "dearer": d.dearer, "saving": money(d.saving),
                         "months_sooner": d.months_sooner} for d in plan.differences()],
        "strategies": [_strategy_dict(r, names, money) for r in plan.results],
        "warnings": [_warning_dict(w, money) for w in plan.warnings],
        "shortfall": None if shortfall is None else {
            "gap": money(shortfall.gap), "period": shortfall.period, "debt": shortfall.debt,
            "hint": shortfall_hint(plan, "en"),
            "rule": label("plan.shortfall_rule", "en").format(name=plan.cheapest.name,
                                                                 cost=plan.policy.grouped(plan.cheapest.cost))},
    }


def _strategy_dict(r: StrategyResult, names: Sequence[str], money: Any) -> dict[str, Any]:
    arrears = r.first_arrears
    return {
        "name": r.name,
        "description": r.strategy.describe(),
        "months": r.months,
        "debt_free_date": _iso(r.debt_free_date),
        "total_paid": money(r.total_paid),
        "total_interest": money(r.total_interest),
        "total_penalty": money(r.total_penalty),
        "total_fees": money(r.total_fees),
        "balance_left": money(r.balance_left),
        "charged_penalty": money(r.charged_penalty),
        "charged_fees": money(r.charged_fees),
        "shortfall_months": r.shortfall_months,
        "first_arrears": None if arrears is None else {
            "period": arrears.period, "date": arrears.date.isoformat(), "gap": money(arrears.gap),
            "debts": list(arrears.debts)},
        "debts": [{"name": d.name, "payoff_date": _iso(d.payoff_date), "paid": money(d.paid),
                   "interest": money(d.interest), "penalty": money(d.penalty), "fees": money(d.fees),
                   "first_arrears_date": _iso(d.first_arrears_date), "balance_left": money(d.balance),
                   "charged_penalty": money(d.charged_penalty), "charged_fees": money(d.charged_fees)}
                  for d in r.debts],
        "timeline": [{"period": row.period, "date": row.date.isoformat(),
                      "payments": dict(zip(names, map(money, row.payments), strict=True)),
                      "balances": dict(zip(names, map(money, row.balances), strict=True))} for row in r.timeline],
    }


def _warning_dict(w: MinimumWarning, money: Any) -> dict[str, Any]:
    return {"debt": w.debt, "minimum_months": w.minimum_months, "minimum_total": money(w.minimum_total),
            "payment_36": None if w.payment_36 is None else money(w.payment_36),
            "saving_36": None if w.saving_36 is None else money(w.saving_36)}


def plan_json(plan: BudgetPlan) -> str:
    return json_text(plan_dict(plan))


# -- CSV ---------------------------------------------------------------------------

def plan_csv(plan: BudgetPlan, lang: str = "en", strategies: Sequence[str] | None = None) -> str:
    """The timeline of each strategy (all, or those named), one row per month and debt."""
    money = plan.policy.text
    rows = []
    for r in plan.results:
        if strategies is not None and r.name not in strategies:
            continue
        for row in r.timeline:
            for i, debt in enumerate(plan.debts):
                rows.append([strategy_name(r.name, lang), row.period, row.date.isoformat(), debt.name] + [
                    money(getattr(row, column)[i]) for column in ("minimums", "payments", "interest", "penalty",
                                                                  "fees", "balances")])
    headers = list(TIMELINE_COLUMNS) if lang == "en" else [L(f"col_{c}", lang) for c in TIMELINE_COLUMNS]
    return csv_text(headers, rows)


# -- words for people -------------------------------------------------------------

def minimum_text(debt: Any, lang: str) -> str:
    """A debt's minimum rule: '10% of the bill, at least 100.00'."""
    if debt.kind == "installment":
        return L("min_installment", lang, method=label(debt.loan.method, lang))
    text = L("min_revolving", lang, percent=percent_text(debt.min_percent))
    if debt.min_plus_interest:
        text += L("min_plus", lang)
    if debt.min_floor:
        text += L("min_floor", lang, floor=debt.policy.grouped(debt.min_floor))
    return text


def penalty_words(debt: Any, lang: str) -> str:
    """What an overdue debt is charged: the arrears rules, or the assumed ones.

    >>> from repayplan.budget import Decimal, RevolvingDebt, parse_rate
    >>> penalty_words(RevolvingDebt("card", Decimal("1000"), parse_rate("0.05%/day")), "en")
    'contract×0.5: 0.05%/day × 0.5 = 0.025%/day on the overdue amount (assumed: no [debts.penalty] given)'
    """
    policy = debt.penalty_terms
    grouped = debt.policy.grouped
    if policy.resolved_rate(debt.rate) is None:
        text = L("pen_none", lang)
    else:
        text = L("pen_rate", lang, rate=say(policy.rate_text(debt.rate), lang), base=L(f"base_{policy.base}", lang))
        if policy.compound and policy.base != "overdue-installment":
            text += L("pen_compound", lang)
    fees = []
    if policy.late_fee:
        fees.append(L("pen_late_fixed", lang, fee=grouped(policy.late_fee)))
    if policy.late_fee_rate is not None:
        part = L("pen_late_rate", lang, percent=percent_text(policy.late_fee_rate))
        if policy.late_fee_min:
            part += L("pen_late_min", lang, amount=grouped(policy.late_fee_min))
        if policy.late_fee_max is not None:
            part += L("pen_late_max", lang, amount=grouped(policy.late_fee_max))
        fees.append(part)
    if fees:
        text += L("pen_late", lang, fee=" + ".join(fees))
    if debt.penalty is None:
        text += L("pen_assumed", lang)
    return text


def strategy_text(result: StrategyResult, lang: str) -> str:
    return L(f"desc_{result.name}", lang, order=label("sep.comma", lang).join(result.strategy.order))


def source_text(plan: BudgetPlan, lang: str) -> str:
    b = plan.budget
    if b.income is None:
        return L("src_budget", lang)
    grouped = plan.policy.grouped
    return L("src_borrower", lang, income=grouped(b.income), expenses=grouped(b.expenses or ZERO))


# -- table for people ------------------------------------------------------------

def months_text(months: int | None, lang: str) -> str:
    """'98 (8 y 2 m)' for a table cell; 'not repaid' when never."""
    if months is None:
        return L("not_repaid", lang)
    years, rest = divmod(months, 12)
    return label("paren", lang).format(text=months, inner=L('years_months', lang, years=years, months=rest)) \
        if years else str(months)


def months_words(months: int, lang: str) -> str:
    """'98 months (8 y 2 m)' in a sentence."""
    years, rest = divmod(months, 12)
    text = L("n_months", lang, n=months)
    return label("paren", lang).format(text=text, inner=L('years_months', lang, years=years, months=rest)) \
        if years else text


def warning_text(w: MinimumWarning, plan: BudgetPlan, lang: str) -> str:
    grouped = plan.policy.grouped
    text = L("warning_minimum", lang, debt=w.debt, months=months_words(w.minimum_months, lang),
             total=grouped(w.minimum_total), charges=grouped(w.minimum_charges))
    if w.payment_36 is not None and w.saving_36 is not None:
        sep = "" if lang == "zh" else " "
        if w.payment_36 >= w.first_minimum:
            text += sep + L("warning_36", lang, payment=grouped(w.payment_36), saving=grouped(w.saving_36))
        else:  # below today's minimum: the minimum is paid until it falls below the figure
            text += sep + L("warning_36_below", lang, payment=grouped(w.payment_36),
                            minimum=grouped(w.first_minimum), months=months_words(w.months_36 or 0, lang),
                            saving=grouped(w.saving_36))
    else:
        text += ("" if lang == "zh" else " ") + L("warning_within_36", lang)
    return text


def shortfall_hint(plan: BudgetPlan, lang: str) -> str:
    shortfall = plan.shortfall
    if shortfall is None:
        return ""
    return L("shortfall_hint", lang, debt=shortfall.debt)


def plan_table(plan: BudgetPlan, lang: str = "en", timeline: Sequence[str] = ()) -> str:
    """Budget, debts, strategies side by side, the cheapest, warnings, any
    shortfall, then the month-by-month timeline of the strategies named."""
    grouped = plan.policy.grouped
    budget = plan.budget
    answer = answer_lines(plan, lang)
    parts = (["\n".join(answer)] if answer else []) + [_budget_text(plan, lang)]
    debts_rows = []
    for debt in plan.debts:
        outcome = plan.results[0].debts[[d.name for d in plan.debts].index(debt.name)]
        debts_rows.append([debt.name, L(debt.kind, lang), grouped(outcome.opening), say(debt.rate, lang),
                           minimum_text(debt, lang), penalty_words(debt, lang)])
    parts.append(L("debts_heading", lang, date=budget.start.isoformat()) + "\n" + table_text(
        [L(k, lang) for k in ("debt", "kind", "balance", "rate", "minimum_rule", "if_overdue")], debts_rows,
        first_left=True))
    parts.append(_strategies_text(plan, lang))
    parts.append(_cheapest_text(plan, lang))
    if plan.warnings:
        # the US card rule is cited only where it applies: a card in US dollars
        rule = L("warnings_us_rule", lang) if plan.policy.currency == "USD" else ""
        parts.append(L("warnings_heading", lang) + rule + "\n" + "\n".join(f"* {warning_text(w, plan, lang)}"
                                                                       for w in plan.warnings))
    if plan.shortfall is not None:
        parts.append(_shortfall_text(plan, lang))
    for name in timeline:
        parts.append(_timeline_text(plan, plan.result(name), lang))
    return fit_lines("\n\n".join(parts)) + "\n"


def _budget_text(plan: BudgetPlan, lang: str) -> str:
    grouped = plan.policy.grouped
    b = plan.budget
    pairs = [(L("currency", lang), currency_name(plan.policy.currency, lang)), (L("start", lang), b.start.isoformat()),
             (L("monthly", lang), label("paren", lang).format(text=grouped(b.monthly), inner=source_text(plan, lang)))]
    if b.lump_sum:
        pairs.append((L("lump_sum", lang), L("lump_text", lang, lump=grouped(b.lump_sum), reserve=grouped(b.reserve),
                                             spent=grouped(b.lump_sum - b.reserve))))
    pairs.append((L("order_of_month", lang), L("order_text", lang)))
    return L("budget_heading", lang) + "\n" + key_values(pairs)


def _strategies_text(plan: BudgetPlan, lang: str) -> str:
    grouped = plan.policy.grouped
    results = plan.results
    headers = [L("strategy", lang)] + [strategy_name(r.name, lang) for r in results]
    rows: list[list[str]] = [
        [L("months", lang)] + [months_text(r.months, lang) for r in results],
        [L("debt_free_date", lang)] + [_iso(r.debt_free_date) or L("not_repaid", lang) for r in results],
        [L("total_paid", lang)] + [grouped(r.total_paid) for r in results],
        [L("of_interest", lang)] + [grouped(r.total_interest) for r in results],
        [L("of_penalty", lang)] + [grouped(r.total_penalty) for r in results],
        [L("of_fees", lang)] + [grouped(r.total_fees) for r in results],
    ]
    if any(r.balance_left for r in results):
        rows.append([L("balance_left", lang)] + [grouped(r.balance_left) for r in results])
    if any(r.unspent for r in results):
        rows.append([L("unspent", lang)] + [grouped(r.unspent) for r in results])
    for i, debt in enumerate(plan.debts):
        rows.append([L("payoff", lang, debt=debt.name)] + [_iso(r.debts[i].payoff_date) or L("not_repaid", lang)
                                                           for r in results])
    if any(r.first_arrears for r in results):
        rows.append([L("first_arrears", lang)] + [
            f"{r.first_arrears.date} {label('sep.comma', lang).join(r.first_arrears.debts)}" if r.first_arrears
            else "—"
            for r in results])
    legend = "\n".join(f"  {strategy_text(r, lang)}" for r in results)
    return L("strategies_heading", lang) + "\n" + table_text(headers, rows, first_left=True) + "\n" + legend


def _cheapest_text(plan: BudgetPlan, lang: str) -> str:
    grouped = plan.policy.grouped
    cheapest = plan.cheapest
    lines = [L("cheapest_line", lang, name=strategy_name(cheapest.name, lang), cost=grouped(cheapest.cost))]
    if len(plan.results) > 1:
        lines += versus_lines(plan, lang)
    return "\n".join(lines)


def _shortfall_text(plan: BudgetPlan, lang: str) -> str:
    grouped = plan.policy.grouped
    shortfall = plan.shortfall
    assert shortfall is not None
    lines = [L("shortfall_heading", lang),
             L("shortfall_gap", lang, gap=grouped(shortfall.gap), period=shortfall.period)]
    for r in plan.results:
        event = r.first_arrears
        if event is None:
            lines.append(f"  {strategy_name(r.name, lang)}{label('sep.colon', lang)}{L('always_covered', lang)}")
            continue
        # what falling behind costs: the penalty and fees CHARGED (paid or still owed), not only those paid
        end = L("owed_at_end", lang, balance=grouped(r.balance_left), months=len(r.timeline)) if r.balance_left else ""
        end += L("growing", lang) if r.growing else ""
        lines.append(f"  {strategy_name(r.name, lang)}{label('sep.colon', lang)}" + L(
            "first_short", lang, date=event.date.isoformat(), period=event.period,
            debts=label("sep.comma", lang).join(event.debts), months=r.shortfall_months,
                                         penalty=grouped(r.charged_penalty), fees=grouped(r.charged_fees)) + end)
    lines.append(L("shortfall_rule", lang, name=strategy_name(plan.cheapest.name, lang),
                   cost=grouped(plan.cheapest.cost)))
    lines.append(shortfall_hint(plan, lang))
    return "\n".join(lines)


def _timeline_text(plan: BudgetPlan, r: StrategyResult, lang: str) -> str:
    grouped = plan.policy.grouped
    names = [d.name for d in plan.debts]
    headers = [L("col_period", lang), L("col_date", lang)]
    headers += [L("paid_to", lang, debt=n) for n in names] + [L("owed_on", lang, debt=n) for n in names]
    headers += [L("total_payment", lang), L("total_balance", lang)]
    body = [[str(row.period), row.date.isoformat()] + [grouped(x) for x in row.payments]
            + [grouped(x) for x in row.balances] + [grouped(row.total_payment), grouped(row.total_balance)]
            for row in r.timeline]
    title = L("timeline_heading", lang, name=strategy_name(r.name, lang))
    return title + "\n" + table_text(headers, body)
