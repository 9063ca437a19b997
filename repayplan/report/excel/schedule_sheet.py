"""One plan on one sheet: its inputs on top, its schedule as an Excel table
with live formulas below.

Interest, principal, payment, closing balance and totals are formulas over
the input cells (opening balance, contract rate, fee), rounded to the minor
unit as the core rounds them, so editing the rate recalculates the plan and
the values match ``repayplan build`` to the cent:

* rate for the period: ``=$H$4`` (the periodic rate; period 1 of an irregular
  first period adds its odd days at the daily rate: ``=$H$4+$K$4*3``), or
  ``=$K$4*C9`` (daily rate × days) under daily interest;
* interest: ``=ROUND(E9*D9,2)``; the installment ``=ROUND(PMT($D$9,$K$3,-$E$3),2)``
  (or the opening balance ÷ the sum of the discount factors when the periods'
  rates differ, the same level payment the core solves);
* principal: installment − interest (never below 0 nor above the balance),
  the last row repays what is left; payment = principal + interest + fees +
  penalty; closing balance = opening − principal.

A plan whose rows do not follow one set of terms (a restructuring that
changes them midway) is written with the core's amounts as values; its
balances and totals are still formulas.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...model import Row
from ...money import MoneyPolicy
from ...rates import DAYS_PER_YEAR, Rate, percent_text
from ...text import joined, say
from ..labels import label
from . import formulas as fx
from .book import BookPlan
from .layout import AMOUNTS, FIRST_ROW, HEADER_ROW, INPUTS, PlanLayout, absolute
from .live import LiveTerms, factor_values, installment_value, live_terms
from .style import Formula, SheetWriter, amount_width, print_setup, set_widths


def write_plan_sheet(out: SheetWriter, plan: BookPlan, case_id: str, lang: str, copy: str = "",
                     schedule: PlanLayout | None = None) -> PlanLayout:
    """Write one plan; return where its figures are. A plan that is the rest
    of the contract schedule (``plan.linked_from``) links its amounts to the
    `schedule` sheet's cells, so it follows an edited contract rate."""
    ws = out.ws
    policy = plan.policy
    terms = live_terms(plan)
    rows = tuple(plan.rows)
    extra: tuple[str, ...] = ()
    if terms is not None and terms.uses_discount:
        extra = ("discount",)
    elif terms is None and any(getattr(r, "capitalised", 0) or getattr(r, "frozen_balance", 0) for r in rows):
        extra = ("capitalised", "frozen_balance")
    layout = PlanLayout(ws.name, len(rows), terms is not None, extra)
    keys = list(layout.columns)
    largest = max([plan.opening, plan.total_payment] + [r.payment for r in rows])
    money = amount_width(largest, policy, 13)
    widths = {"period": 7, "due_date": 11, "days": 6, "factor": 11, "interest": 12, "fees": 11, "penalty": 11,
              "discount": 12}
    column_widths = set_widths(ws, [widths.get(k, money) for k in keys])
    if terms is None:  # no rate formula per row: the column stays, hidden, so every plan has the same letters
        ws.set_column(3, 3, None, None, {"hidden": True})
        column_widths[3] = 0
    ws.freeze_panes(FIRST_ROW - 1, 0)
    print_setup(ws, case_id, lang, copy=copy, title_rows=(HEADER_ROW, HEADER_ROW))
    out.append((plan.name, "title"))
    out.paragraph(_description(plan, lang), sum(column_widths), len(keys))
    _write_inputs(out, plan, terms, lang)
    linked = schedule if plan.linked_from is not None and schedule is not None and schedule.live else None
    offset = plan.linked_from or 0
    rule = _rule_text(plan, terms, lang)
    if linked is not None:
        rule = label("wb.rule_linked", lang).format(sheet=linked.sheet, first=FIRST_ROW + offset,
                                                    last=FIRST_ROW + offset + len(rows) - 1)
    out.paragraph(rule, sum(column_widths), len(keys))
    out.blank()
    headers = [label(HEADER_KEYS.get(k, k), lang) for k in keys]
    out.height(27)
    out.append(*[(h, "header") for h in headers])
    if not rows:  # nothing to schedule: no empty table, no total over no rows
        out.append((label("wb.no_rows", lang), "note"))
        return layout
    values = factor_values(terms, rows) if terms is not None else []
    discount = 1.0
    for index, row in enumerate(rows):
        cells = _row_cells(index, row, rows, terms, policy, "capitalised" in extra)
        if linked is not None:
            for key in ("opening_balance", *AMOUNTS, "closing_balance"):
                cells[key] = (Formula(f"{linked.cell(key, offset + index)}", getattr(row, key)),
                              "amount")
        if terms is not None:
            cells["factor"] = (Formula(terms.factors[index], values[index]), "factor")
            if terms.uses_discount:
                discount = discount / (1 + float(values[index]))  # float ok: the cell's cached value
                cells["discount"] = (Formula(f"{'1' if index == 0 else f'L{FIRST_ROW + index - 1}'}"
                                             f"/(1+D{FIRST_ROW + index})", discount), "discount")
        out.append(*[cells.get(k) for k in keys])
    _write_totals(out, layout, plan, lang, len(keys))
    ws.autofilter(HEADER_ROW - 1, 0, layout.last - 1, len(keys) - 1)
    return layout

#: column key -> label key of its header
HEADER_KEYS = {"factor": "wb.factor", "discount": "wb.discount", "capitalised": "wb.capitalised",
               "frozen_balance": "wb.frozen_balance"}


def _write_inputs(out: SheetWriter, plan: BookPlan, terms: LiveTerms | None, lang: str) -> None:
    policy = plan.policy
    opening = (label("wb.with_unit", lang).format(name=label("opening_balance", lang), unit=policy.currency),
               (plan.opening, "input_amount" if terms is not None else "amount"))
    if terms is None:
        rate_text = _plan_rate_text(plan.rate, lang)
        out.append(opening[0], None, None, None, opening[1],
                   label("wb.plan_rate", lang), None, None, (rate_text, "text"))
        out.append(label("periods", lang), None, None, None, (len(plan.rows), "int"),
                   label("rounding", lang), None, None, (_rounding_text(policy, lang), "text"))
        out.blank()
        return
    loan = terms.loan
    rate = loan.rate
    unit = label(f"wb.per_{rate.unit}", lang)
    cell = absolute(INPUTS["rate"])
    inst_label = {"annuity": label("installment", lang),
                  "equal-principal": label("wb.principal_part", lang)}.get(loan.method)
    installment: Any = None
    if terms.installment:
        installment = (Formula(terms.installment, installment_value(plan, terms)), "amount")
    elif terms.installment_value is not None:
        installment = (terms.installment_value, "input_amount")
    annual = rate.value * {"year": 1, "month": 12, "day": DAYS_PER_YEAR[loan.day_count]}[rate.unit]
    out.append(opening[0], None, None, None, opening[1],
               label("wb.contract_rate", lang).format(unit=unit), None, (rate.value, "input_rate"),
               label("periods", lang), None, (loan.term, "int"))
    out.append(label("annual_rate", lang), None, None, None,
               (Formula(fx.annual_rate(cell, rate, loan.day_count), annual), "rate"),
               label("wb.period_rate", lang), None,
               (Formula(fx.periodic_rate(cell, rate, loan.periods_per_year, loan.day_count),
                        rate.periodic_exact(loan.periods_per_year, loan.day_count)), "rate"),
               label("wb.daily_rate", lang).format(day_count=label(f"daycount.{loan.day_count}", lang)), None,
               (Formula(fx.daily_rate(cell, rate, loan.day_count), rate.daily_exact(loan.day_count)), "rate"))
    out.append(inst_label, None, None, None, installment,
               label("wb.fee", lang), None, (policy.round(loan.installment_fee), "input_amount"),
               label("rounding", lang), None, (_rounding_text(policy, lang), "text"))

def _row_cells(index: int, row: Row, rows: tuple[Row, ...], terms: LiveTerms | None, policy: MoneyPolicy,
               capitalised: bool = False) -> dict[str, Any]:
    """The cells of one schedule row, by column key (the rate and discount factor are added by the caller)."""
    r = FIRST_ROW + index
    last = index == len(rows) - 1
    opening: Any = Formula(absolute(INPUTS["opening"]) if index == 0 else f"K{r - 1}", row.opening_balance)
    closing = f"E{r}-G{r}"
    if terms is None:
        if index and rows[index - 1].closing_balance != row.opening_balance:
            opening = row.opening_balance
        cells: dict[str, Any] = {
            "interest": (row.interest, "amount"), "principal": (row.principal, "amount"),
            "fees": (row.fees, "amount"), "penalty": (row.penalty, "amount"),
            "capitalised": (getattr(row, "capitalised", 0), "amount"),
            "frozen_balance": (getattr(row, "frozen_balance", 0), "amount")}
        if capitalised:
            closing = f"E{r}-G{r}+L{r}"
    else:
        method = terms.loan.method
        if last or method == "bullet":
            principal: Any = Formula(f"E{r}", row.principal)
        elif method == "annuity":
            principal = Formula(fx.requantize(f"MIN(MAX($E$5-H{r},0),E{r})", policy), row.principal)
        elif method == "equal-principal":
            principal = Formula(f"MIN($E$5,E{r})", row.principal)
        else:
            principal = row.principal
        cells = {
            "interest": (Formula(fx.rounded(f"E{r}*D{r}", policy), row.interest), "amount"),
            "principal": (principal, "amount"),
            "fees": (Formula("$H$5", row.fees), "amount"),
            "penalty": (row.penalty, "amount"),
        }
    cells.update({
        "period": (row.period, "int"), "due_date": (row.due_date, "date"), "days": (row.days, "int"),
        "opening_balance": (opening, "amount"),
        "payment": (Formula(fx.requantize(f"G{r}+H{r}+I{r}+J{r}", policy), row.payment), "amount"),
        "closing_balance": (Formula(fx.requantize(closing, policy), row.closing_balance), "amount"),
    })
    return cells


def _write_totals(out: SheetWriter, layout: PlanLayout, plan: BookPlan, lang: str, width: int) -> None:
    policy = plan.policy
    first, last = layout.first, layout.last
    cells: list[Any] = [(None, "total_label")] * width
    cells[0] = (label("total", lang), "total_label")
    cells[2] = (Formula(f"SUM(C{first}:C{last})", sum(r.days for r in plan.rows)), "total_int")
    columns = layout.columns
    for key in AMOUNTS + (("capitalised",) if "capitalised" in layout.extra else ()):
        letter = columns[key]
        total = sum((getattr(r, key, 0) for r in plan.rows), Decimal(0))
        cells[ord(letter) - ord("A")] = (Formula(fx.requantize(f"SUM({letter}{first}:{letter}{last})", policy),
                                                 total), "total")
    out.append(*cells)


def _plan_rate_text(rate: Rate | None, lang: str) -> str:
    """A plan's rate and its annual equivalent: '1.5%/month (18%/year)' (月利率1.5%（年利率18%）)."""
    if rate is None:
        return "—"
    if lang == "en":
        return f"{rate} ({percent_text(rate.annual)}/year)"
    text = say(rate, lang)
    return text if rate.unit == "year" else f"{text}（{label('annual_rate', lang)}{percent_text(rate.annual)}）"


def _rounding_text(policy: MoneyPolicy, lang: str) -> str:
    return label(f"wb.round_{policy.rounding}", lang).format(quantum=policy.quantum)


def _description(plan: BookPlan, lang: str) -> str:
    parts = [say(plan.note, lang)] if plan.note else []
    loan = plan.loan
    if loan is not None:
        parts.append(f"{label(loan.method, lang)} · {label('wb.freq_' + loan.frequency, lang)} · "
                     f"{label('start', lang)}{label('sep.figure', lang)}{loan.start.isoformat()}")
    if plan.steps:
        parts.append(label("wb.steps", lang) + label("sep.colon", lang) + say(joined(plan.steps), lang))
    return " · ".join(parts)


def _rule_text(plan: BookPlan, terms: LiveTerms | None, lang: str) -> str:
    """How the columns are computed, in the reader's language."""
    if terms is None:
        return label("wb.rule_values", lang)
    loan = terms.loan
    mode = _rounding_text(plan.policy, lang)
    rate = label("wb.rule_daily" if loan.interest_basis == "daily" else "wb.rule_periodic", lang)
    parts = [label("wb.rule_interest", lang).format(rate=rate, rounding=mode)]
    if terms.odd_days:
        parts.append(label("wb.rule_odd_add", lang).format(days=terms.odd_days))
    if terms.short_days:
        parts.append(label("wb.rule_short", lang).format(days=terms.short_days))
    parts.append(label(f"wb.rule_{loan.method}", lang))
    return " ".join(parts)
