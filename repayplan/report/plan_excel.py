"""A budget plan as a workbook (`repayplan plan --export FILE.xlsx`).

A summary sheet (budget, debts, the strategies side by side, the cheapest,
the minimum-payment warnings, any shortfall), then one sheet per strategy:
the month-by-month timeline (what each debt gets and still owes; the row and
column totals are live SUM formulas) with a line chart of the balance of each
debt. Written through :func:`~repayplan.report.files.atomic_write`: never a
partial file, never an overwrite without ``force``. openpyxl is imported
only here, when a workbook is written.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ..budget import Plan, StrategyResult
from .files import atomic_write
from .plan import L, minimum_text, months_text, penalty_words, shortfall_hint, source_text, strategy_text, warning_text
from .plan_answer import strategy_name

TITLE_FONT = {"bold": True, "size": 14}


def write_plan_workbook(plan: Plan, target: str | Path, lang: str = "en", force: bool = False) -> Path:
    """Write the workbook of a plan to ``target`` (refused if it exists, unless ``force``)."""

    def write(tmp: Path) -> None:
        build_plan_workbook(plan, lang).save(tmp)

    return atomic_write(target, write, force)


def sheet_name(name: str, lang: str) -> str:
    """A strategy's sheet: its name (in Chinese under --lang zh), at most 31 characters."""
    return L(f"sheet_{name}", lang)[:31]


def build_plan_workbook(plan: Plan, lang: str = "en") -> Any:
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = L("xl_summary", lang)
    _summary(summary, plan, lang)
    for result in plan.results:
        _timeline_sheet(book.create_sheet(sheet_name(result.name, lang)), plan, result, lang)
    props = book.properties
    props.title = L("xl_doc_title", lang)
    props.subject = L("xl_title", lang, n=len(plan.results))
    props.creator = "repayplan"
    props.created = datetime(plan.budget.start.year, plan.budget.start.month, plan.budget.start.day)
    return book


def _money_format(plan: Plan) -> str:
    digits = plan.policy.minor_units
    return "#,##0" + ("." + "0" * digits if digits else "")


def _summary(ws: Any, plan: Plan, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    money_fmt = _money_format(plan)
    bold = Font(bold=True)
    budget = plan.budget
    ws["A1"] = L("xl_title", lang, n=len(plan.results))
    ws["A1"].font = Font(**TITLE_FONT)
    row = 3

    def put(values: list[Any], money: tuple[int, ...] = (), font: Any = None) -> None:
        nonlocal row
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if col in money:
                cell.number_format = money_fmt
            if font is not None:
                cell.font = font
        row += 1

    put([L("budget_heading", lang)], font=bold)
    put([L("currency", lang), plan.policy.currency])
    put([L("start", lang), budget.start])
    ws.cell(row=row - 1, column=2).number_format = "yyyy-mm-dd"
    put([L("monthly", lang), budget.monthly, source_text(plan, lang)], money=(2,))
    if budget.lump_sum:
        put([L("lump_sum", lang), budget.lump_sum, L("lump_text", lang, lump=plan.policy.grouped(budget.lump_sum),
                                                       reserve=plan.policy.grouped(budget.reserve),
                                                       spent=plan.policy.grouped(budget.first_month
                                                                                 - budget.monthly))], money=(2,))
    put([L("order_of_month", lang), L("order_text", lang)])
    row += 1
    put([L("debts_heading", lang, date=budget.start.isoformat())], font=bold)
    put([L(k, lang) for k in ("debt", "kind", "balance", "rate", "minimum_rule", "if_overdue")], font=bold)
    for i, debt in enumerate(plan.debts):
        put([debt.name, L(debt.kind, lang), plan.results[0].debts[i].opening, str(debt.rate),
             minimum_text(debt, lang), penalty_words(debt, lang)], money=(3,))
    row += 1
    put([L("strategies_heading", lang)], font=bold)
    put([L("strategy", lang)] + [strategy_name(r.name, lang) for r in plan.results], font=bold)
    results = plan.results
    put([L("months", lang)] + [r.months if r.months is not None else L("not_repaid", lang) for r in results])
    put([L("debt_free_date", lang)] + [r.debt_free_date or L("not_repaid", lang) for r in results])
    for col in range(2, len(results) + 2):
        ws.cell(row=row - 1, column=col).number_format = "yyyy-mm-dd"
    amounts = tuple(range(2, len(results) + 2))
    for key, attr in (("total_paid", "total_paid"), ("of_interest", "total_interest"),
                      ("of_penalty", "total_penalty"), ("of_fees", "total_fees"), ("balance_left", "balance_left")):
        put([L(key, lang).strip()] + [getattr(r, attr) for r in results], money=amounts)
    for i, debt in enumerate(plan.debts):
        put([L("payoff", lang, debt=debt.name)] + [r.debts[i].payoff_date or L("not_repaid", lang) for r in results])
        for col in amounts:
            ws.cell(row=row - 1, column=col).number_format = "yyyy-mm-dd"
    for r in results:
        put([strategy_name(r.name, lang), strategy_text(r, lang)])
    row += 1
    put([L("cheapest_line", lang, name=strategy_name(plan.cheapest.name, lang),
           cost=plan.policy.grouped(plan.cheapest.cost))], font=bold)
    put([L("xl_differences", lang)], font=bold)
    put([L(k, lang) for k in ("xl_cheaper", "xl_dearer", "xl_saving", "xl_sooner")], font=bold)
    for d in plan.differences():
        put([strategy_name(d.cheaper, lang), strategy_name(d.dearer, lang), d.saving, d.months_sooner], money=(3,))
    if plan.warnings:
        row += 1
        put([L("xl_warnings", lang)], font=bold)
        for w in plan.warnings:
            put([warning_text(w, plan, lang)])
    if plan.shortfall is not None:
        row += 1
        put([L("shortfall_heading", lang)], font=bold)
        put([L("shortfall_gap", lang, gap=plan.policy.grouped(plan.shortfall.gap), period=plan.shortfall.period)])
        for r in results:
            event = r.first_arrears
            text = L("always_covered", lang) if event is None else L(
                "first_short", lang, date=event.date.isoformat(), period=event.period, debts=", ".join(event.debts),
                months=r.shortfall_months, penalty=plan.policy.grouped(r.total_penalty),
                fees=plan.policy.grouped(r.total_fees))
            put([strategy_name(r.name, lang), text])
        put([shortfall_hint(plan, lang)])
    ws.column_dimensions["A"].width = 30
    for letter in "BCDF":
        ws.column_dimensions[letter].width = 18
    ws.column_dimensions["E"].width = 36
    for line in ws.iter_rows(min_row=1, max_row=row):
        for cell in line:
            cell.alignment = Alignment(vertical="top")
    _print_setup(ws)


def _timeline_sheet(ws: Any, plan: Plan, result: StrategyResult, lang: str) -> None:
    from openpyxl.chart import LineChart, Reference
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    money_fmt = _money_format(plan)
    names = [d.name for d in plan.debts]
    n = len(names)
    headers = [L("col_period", lang), L("col_date", lang)]
    headers += [L("paid_to", lang, debt=x) for x in names] + [L("owed_on", lang, debt=x) for x in names]
    headers += [L("total_payment", lang), L("total_balance", lang)]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    paid_first, paid_last = 3, 2 + n
    owed_first, owed_last = 3 + n, 2 + 2 * n
    total_paid_col, total_owed_col = owed_last + 1, owed_last + 2
    pl, pr = get_column_letter(paid_first), get_column_letter(paid_last)
    ol, orr = get_column_letter(owed_first), get_column_letter(owed_last)
    for r, month in enumerate(result.timeline, start=2):
        ws.append([month.period, month.date, *month.payments, *month.balances,
                   f"=SUM({pl}{r}:{pr}{r})", f"=SUM({ol}{r}:{orr}{r})"])
        ws.cell(row=r, column=2).number_format = "yyyy-mm-dd"
        for col in range(paid_first, total_owed_col + 1):
            ws.cell(row=r, column=col).number_format = money_fmt
    last = len(result.timeline) + 1
    total_row = last + 1
    ws.cell(row=total_row, column=1, value=label_total(lang)).font = Font(bold=True)
    for col in [*range(paid_first, paid_last + 1), total_paid_col]:
        letter = get_column_letter(col)
        cell = ws.cell(row=total_row, column=col, value=f"=SUM({letter}2:{letter}{last})")
        cell.number_format = money_fmt
        cell.font = Font(bold=True)
    ws.freeze_panes = "C2"
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 12
    for col in range(paid_first, total_owed_col + 1):
        ws.column_dimensions[get_column_letter(col)].width = max(14, len(headers[col - 1]) + 2)
    if result.timeline:
        chart = LineChart()
        chart.title = L("xl_chart", lang, name=strategy_name(result.name, lang))
        chart.y_axis.title = L("xl_amount_axis", lang, currency=plan.policy.currency)
        chart.x_axis.title = L("xl_months_axis", lang)
        chart.height, chart.width = 9, 18
        data = Reference(ws, min_col=owed_first, max_col=owed_last, min_row=1, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
        ws.add_chart(chart, f"{get_column_letter(total_owed_col + 2)}2")
    _print_setup(ws)
    ws.print_title_rows = "1:1"


def label_total(lang: str) -> str:
    from .labels import label

    return label("total", lang)


def _print_setup(ws: Any) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "&P / &N"


__all__ = ["build_plan_workbook", "months_text", "sheet_name", "write_plan_workbook"]
