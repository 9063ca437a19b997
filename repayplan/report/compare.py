"""Plans side by side: JSON (the stable contract), CSV and a table for people.

JSON: ``{"currency", "date", "position", "notes", "plans": [{"name",
"kind", "date", "steps", "basis", "metrics", "rows"}]}``; amounts are strings
with the currency's minor digits, rates and ratios percentages with two
decimals ("12.34%"), dates ISO strings, unknown figures null.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any

from ..compare import Comparison, PlanMetrics
from ..money import MoneyPolicy
from ..plans import ROW_FIELDS, Plan
from ..rates import grouped_percent, percent_text
from ..text import say
from .answer import compare_answer
from .labels import currency_name, label
from .render import csv_text, current_width, display_width, fit_lines, json_text, key_values, table_text

#: The rows of the table, in order (the JSON has every field of PlanMetrics).
TABLE_METRICS = ("total_payment", "total_principal", "total_interest", "total_penalty", "total_fees", "forgiven",
                 "payments", "first_payment", "largest_payment", "smallest_payment", "payoff_date", "annual_cost",
                 "creditor_npv", "recovery", "payment_to_income", "saving")
#: Shown only when some plan has them.
OPTIONAL_METRICS = ("settlement", "lump_sum", "payment_to_budget", "lump_sum_shortfall", "meets_min_recovery")
PERCENT_METRICS = frozenset({"annual_cost", "discount_rate", "recovery", "cash_recovery", "payment_to_income",
                             "payment_to_budget"})
METRIC_NAMES = tuple(f.name for f in fields(PlanMetrics))
#: Row labels of the table where they differ from the metric's own label.
TABLE_LABELS = {"total_interest": "cmp.of_interest", "total_penalty": "cmp.of_penalty", "total_fees": "cmp.of_fees"}
AMOUNT_ROW_FIELDS = frozenset(ROW_FIELDS[3:12])


def metric_text(key: str, value: Any, policy: MoneyPolicy, people: bool = False, lang: str = "en") -> Any:
    """A metric as JSON/CSV wants it (``people``: grouped amounts, '—' for none).

    >>> metric_text("annual_cost", Decimal("0.123456"), MoneyPolicy()), metric_text("saving", None, MoneyPolicy())
    ('12.35%', None)
    """
    if value is None:
        return "—" if people else None
    if isinstance(value, bool):
        return label("cmp.yes" if value else "cmp.no", lang) if people else value
    if key in PERCENT_METRICS:
        return grouped_percent(value) if people else percent_text(value, 2)
    if isinstance(value, Decimal):
        return policy.grouped(value) if people else policy.text(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def metrics_dict(metrics: PlanMetrics, policy: MoneyPolicy) -> dict[str, Any]:
    return {k: metric_text(k, getattr(metrics, k), policy) for k in METRIC_NAMES}


def rows_list(plan: Plan) -> list[dict[str, Any]]:
    money = plan.policy.text
    return [{k: (money(getattr(r, k)) if k in AMOUNT_ROW_FIELDS else
                 getattr(r, k).isoformat() if k == "due_date" else getattr(r, k)) for k in ROW_FIELDS}
            for r in plan.rows]


def comparison_dict(comp: Comparison) -> dict[str, Any]:
    """The JSON contract of `repayplan compare`."""
    policy = comp.position.policy
    p = comp.position
    return {
        "currency": comp.currency,
        "date": comp.on.isoformat(),
        "position": {"principal": policy.text(p.principal), "overdue_principal": policy.text(p.overdue_principal),
                     "interest": policy.text(p.interest), "accrued_interest": policy.text(p.accrued_interest),
                     "penalty": policy.text(p.penalty), "fees": policy.text(p.fees), "credit": policy.text(p.credit),
                     "total": policy.text(p.total)},
        "notes": list(comp.notes),
        "plans": [{"name": plan.name, "kind": plan.kind, "date": plan.on.isoformat(),
                   "steps": [s.to_table() for s in plan.steps], "basis": list(plan.basis),
                   "metrics": metrics_dict(m, policy), "rows": rows_list(plan)}
                  for plan, m in zip(comp.plans, comp.metrics, strict=True)],
    }


def comparison_json(comp: Comparison) -> str:
    return json_text(comparison_dict(comp))


def shown_metrics(comp: Comparison) -> list[str]:
    """The figures a comparison shows, in order: the table's, less payment to
    income without an income, plus the optional ones some plan has."""
    keys = list(TABLE_METRICS)
    if comp.borrower.monthly_income is None:
        keys.remove("payment_to_income")
    for key in OPTIONAL_METRICS:
        values = [getattr(m, key) for m in comp.metrics]
        if any(_worth_showing(v) for v in values):
            keys.append(key)
    return keys


def _worth_showing(value: Any) -> bool:
    """A figure some plan has: a yes/no answer (False too), or an amount other than none and zero.

    >>> _worth_showing(False), _worth_showing(Decimal("0.00")), _worth_showing(None)
    (True, False, False)
    """
    if value is None:
        return False
    return isinstance(value, bool) or value != 0


def comparison_csv(comp: Comparison, lang: str = "en") -> str:
    """One row per figure, one column per plan; machine text for the values."""
    policy = comp.position.policy
    headers = [label("cmp.figure", lang) if lang != "en" else "metric"] + [plan_name(p, lang) for p in comp.plans]
    body = [[key if lang == "en" else label(key, lang)]
            + [_csv(metric_text(key, getattr(m, key), policy), lang) for m in comp.metrics]
            for key in shown_metrics(comp)]
    return csv_text(headers, body)


def plan_name(plan: Plan, lang: str) -> str:
    """A plan's name for people: the contract's in the reader's language."""
    from ..restructure.contract import CONTRACT

    return label("cmp.contract", lang) if plan.kind == "contract" and plan.name == CONTRACT else plan.name


def _csv(value: Any, lang: str = "en") -> Any:
    """A CSV cell: blank for none; yes/no in the reader's language (True/False in English, as always)."""
    if isinstance(value, bool) and lang != "en":
        return label("cmp.yes" if value else "cmp.no", lang)
    return "" if value is None else value


#: a plan name wider than this becomes Plan 1, 方案1 in a table that must fit (the full name listed below it)
SHORT_NAME = 14


def comparison_table(comp: Comparison, lang: str = "en", schedules: bool = False) -> str:
    """Who owes what, the plans side by side, how each was reached, and the
    assumptions; with ``schedules`` every plan's rows too."""
    policy = comp.position.policy
    p = comp.position
    owed = [(label("owedline.principal", lang), p.principal), (label("owedline.interest", lang), p.interest),
            (label("cmp.accrued", lang), p.accrued_interest), (label("penalty", lang), p.penalty),
            (label("fees", lang), p.fees), (label("cmp.credit", lang), -p.credit)]
    gap = label("sep.figure", lang)
    breakdown = " + ".join(f"{k}{gap}{policy.grouped(v)}" for k, v in owed if v)
    colon = label("sep.colon", lang)
    pairs = [(label("currency", lang), currency_name(comp.currency, lang)),
             (label("cmp.date", lang), comp.on.isoformat()),
             (label("cmp.owed", lang), f"{policy.grouped(p.total)}" + (f" = {breakdown}" if breakdown else ""))]
    if p.total <= 0:  # said plainly, not a table of zeros
        said = label("cmp.nothing_owed", lang).format(date=comp.on.isoformat())
        return fit_lines(key_values(pairs) + "\n\n" + said) + "\n"
    names = [plan_name(plan, lang) for plan in comp.plans]
    width = current_width()
    short = width is not None and any(display_width(n) > SHORT_NAME for n in names)
    headers = [label("cmp.figure", lang)] + (
        [label("cmp.plan_n", lang).format(n=i) for i in range(1, len(names) + 1)] if short else names)
    body = [[label(TABLE_LABELS.get(key, key), lang)]
            + [metric_text(key, getattr(m, key), policy, True, lang) for m in comp.metrics]
            for key in shown_metrics(comp)]
    out = [compare_answer(comp, names, lang), "", key_values(pairs), "", table_text(headers, body, first_left=True), "",
           label("cmp.plans", lang) + colon.rstrip()]
    for i, plan in enumerate(comp.plans, start=1):
        out.append(f"  {label('cmp.plan_n', lang).format(n=i)}{colon}{plan_name(plan, lang)}" if short
                   else f"  {i}. {plan_name(plan, lang)}")
        out += [f"     - {say(line, lang)}" for line in plan.basis if line]
    out += ["", label("cmp.notes", lang) + colon.rstrip()] + [f"  - {say(note, lang)}" for note in comp.notes]
    if schedules:
        for plan in comp.plans:
            out += ["", label("cmp.schedule", lang).format(name=plan_name(plan, lang)), plan_table(plan, lang)]
    return fit_lines("\n".join(out)) + "\n"


def plan_table(plan: Plan, lang: str = "en") -> str:
    """A plan's rows with a totals line; capitalised interest and the
    interest-free balance only when the plan has them."""
    money = plan.policy.grouped
    columns = ["period", "due_date", "days", "opening_balance", "payment", "principal", "interest", "fees",
               "penalty", "closing_balance"]
    extra = [c for c in ("capitalised", "frozen_balance") if any(getattr(r, c) for r in plan.rows)]
    notes = any(r.note for r in plan.rows)
    headers = [label(c, lang) for c in columns] + [label(f"cmp.{c}", lang) for c in extra]
    headers += [label("cmp.note", lang)] if notes else []
    body = []
    for r in plan.rows:
        line = [r.period, r.due_date.isoformat(), r.days] + [money(getattr(r, c)) for c in columns[3:]]
        line += [money(getattr(r, c)) for c in extra] + ([say(r.note, lang)] if notes else [])
        body.append(line)
    totals = [label("total", lang), "", "", ""] + [money(plan.total(c)) for c in columns[4:9]] + [""]
    totals += [money(plan.total("capitalised")) if c == "capitalised" else "" for c in extra] + ([""] if notes else [])
    return table_text(headers, body + [totals])
