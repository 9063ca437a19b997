"""A budget plan as a workbook (`repayplan plan --export FILE.xlsx`).

A summary sheet (budget, debts, the strategies side by side, the cheapest,
the minimum-payment warnings, any shortfall), then one sheet per strategy:
the month-by-month timeline (what each debt gets and still owes; the row and
column totals are live SUM formulas) with a line chart of the balance of each
debt beside the table (outside the print area, so it never shrinks the
table on paper). A4, one font, the case id in the footer. Written with
XlsxWriter (every formula with its value) through
:func:`~repayplan.report.files.atomic_write`: never a partial file, never an
overwrite without ``force``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..budget import BudgetPlan, StrategyResult
from ..text import say
from .excel.style import LINE_HEIGHT, Formula, SheetWriter, print_setup, set_widths, wrapped_lines
from .files import atomic_write
from .labels import currency_name
from .plan import L, minimum_text, months_text, penalty_words, shortfall_hint, source_text, strategy_text, warning_text
from .plan_answer import strategy_name
from .render import display_width


def write_plan_workbook(plan: BudgetPlan, target: str | Path, lang: str = "en", force: bool = False,
                        case_id: str = "") -> Path:
    """Write the workbook of a plan to ``target`` (refused if it exists, unless ``force``)."""

    def write(tmp: Path) -> None:
        build_plan_workbook(plan, lang, tmp, case_id)

    return atomic_write(target, write, force)


def sheet_name(name: str, lang: str) -> str:
    """A strategy's sheet: its name (in Chinese under --lang zh), at most 31 characters."""
    return L(f"sheet_{name}", lang)[:31]


def build_plan_workbook(plan: BudgetPlan, lang: str, path: str | Path, case_id: str = "") -> None:
    """Write the workbook (XlsxWriter, constant memory) to ``path``."""
    import xlsxwriter

    from .excel.style import Formats
    from .excel.workbook import OPTIONS

    book = xlsxwriter.Workbook(str(path), OPTIONS)
    formats = Formats(book, plan.policy)
    summary = book.add_worksheet(L("xl_summary", lang))
    sheets = [book.add_worksheet(sheet_name(r.name, lang)) for r in plan.results]
    _summary(SheetWriter(summary, formats, lang), plan, lang, case_id)
    for ws, result in zip(sheets, plan.results, strict=True):
        _timeline_sheet(book, SheetWriter(ws, formats, lang), plan, result, lang, case_id)
    start = plan.budget.start
    book.set_properties({"title": L("xl_doc_title", lang), "subject": L("xl_title", lang, n=len(plan.results)),
                         "author": "repayplan", "created": datetime(start.year, start.month, start.day)})
    book.close()


def _summary(out: SheetWriter, plan: BudgetPlan, lang: str, case_id: str) -> None:
    budget = plan.budget
    results = plan.results
    n = len(results)
    out.widths = set_widths(out.ws, [30, 16, 16, 16, 30, 40] + [16] * max(0, n - 5))
    print_setup(out.ws, case_id, lang, title_rows=None)
    out.append((L("xl_title", lang, n=n), "title"))
    out.blank()
    out.append((L("budget_heading", lang), "heading"))
    out.append((L("currency", lang), "label"), (currency_name(plan.policy.currency, lang), "text"))
    out.append((L("start", lang), "label"), (budget.start, "date_left"))
    out.paragraph(source_text(plan, lang), sum(out.widths[2:]), len(out.widths) - 2, "wrap", first=3,
                  before=((L("monthly", lang), "label"), (budget.monthly, "amount")))
    if budget.lump_sum:
        text = L("lump_text", lang, lump=plan.policy.grouped(budget.lump_sum),
                 reserve=plan.policy.grouped(budget.reserve),
                 spent=plan.policy.grouped(budget.first_month - budget.monthly))
        out.paragraph(text, sum(out.widths[2:]), len(out.widths) - 2, "wrap", first=3,
                      before=((L("lump_sum", lang), "label"), (budget.lump_sum, "amount")))
    out.paragraph(L("order_text", lang), sum(out.widths[1:]), len(out.widths) - 1, "wrap", first=2,
                  before=((L("order_of_month", lang), "label"),))
    out.blank()
    out.append((L("debts_heading", lang, date=budget.start.isoformat()), "heading"))
    out.append(*[(L(k, lang), "header_right" if k in ("balance", "rate") else "header_left")
                 for k in ("debt", "kind", "balance", "rate", "minimum_rule", "if_overdue")])
    for i, debt in enumerate(plan.debts):
        texts = (minimum_text(debt, lang), penalty_words(debt, lang))
        lines = max(wrapped_lines(t, w) for t, w in zip(texts, out.widths[4:6], strict=True))
        if lines > 1:
            out.height(LINE_HEIGHT * lines + 2)
        out.append((debt.name, "text"), (L(debt.kind, lang), "text"), (results[0].debts[i].opening, "amount"),
                   (say(debt.rate, lang), "dash"), (texts[0], "wrap"), (texts[1], "wrap"))
    out.blank()
    out.append((L("strategies_heading", lang), "heading"))
    out.append((L("strategy", lang), "header_left"), *[(strategy_name(r.name, lang), "header_right") for r in results])
    not_repaid = L("not_repaid", lang)
    out.append((L("months", lang), "label"), *[(r.months, "int") if r.months is not None else (not_repaid, "dash")
                                               for r in results])
    out.append((L("debt_free_date", lang), "label"),
               *[(r.debt_free_date, "date_right") if r.debt_free_date else (not_repaid, "dash") for r in results])
    for key, attr in (("total_paid", "total_paid"), ("of_interest", "total_interest"),
                      ("of_penalty", "total_penalty"), ("of_fees", "total_fees"), ("balance_left", "balance_left")):
        out.append((L(key, lang).strip(), "label"), *[(getattr(r, attr), "amount") for r in results])
    for i, debt in enumerate(plan.debts):
        out.append((L("payoff", lang, debt=debt.name), "label"),
                   *[(r.debts[i].payoff_date, "date_right") if r.debts[i].payoff_date else (not_repaid, "dash")
                     for r in results])
    for r in results:
        out.paragraph(strategy_text(r, lang), sum(out.widths[1:]), len(out.widths) - 1, "wrap", first=2,
                      before=((strategy_name(r.name, lang), "label"),))
    out.blank()
    out.append((L("cheapest_line", lang, name=strategy_name(plan.cheapest.name, lang),
                  cost=plan.policy.grouped(plan.cheapest.cost)),
                "bold"))
    out.append((L("xl_differences", lang), "heading"))
    out.append(*[(L(k, lang), "header_right" if k in ("xl_saving", "xl_sooner") else "header_left")
                 for k in ("xl_cheaper", "xl_dearer", "xl_saving", "xl_sooner")])
    for d in plan.differences():
        out.append((strategy_name(d.cheaper, lang), "text"), (strategy_name(d.dearer, lang), "text"),
                   (d.saving, "amount"), (d.months_sooner, "int"))
    if plan.warnings:
        out.blank()
        out.append((L("xl_warnings", lang), "heading"))
        for w in plan.warnings:
            out.paragraph(warning_text(w, plan, lang), sum(out.widths), len(out.widths), "wrap")
    if plan.shortfall is not None:
        out.blank()
        out.append((L("shortfall_heading", lang), "heading"))
        out.append((L("shortfall_gap", lang, gap=plan.policy.grouped(plan.shortfall.gap),
                      period=plan.shortfall.period), "text"))
        for r in results:
            event = r.first_arrears
            text = L("always_covered", lang) if event is None else L(
                "first_short", lang, date=event.date.isoformat(), period=event.period, debts=", ".join(event.debts),
                months=r.shortfall_months, penalty=plan.policy.grouped(r.total_penalty),
                fees=plan.policy.grouped(r.total_fees))
            out.paragraph(text, sum(out.widths[1:]), len(out.widths) - 1, "wrap", first=2,
                          before=((strategy_name(r.name, lang), "label"),))
        out.paragraph(shortfall_hint(plan, lang), sum(out.widths), len(out.widths), "wrap")


#: the timeline's header row (after the title); data rows follow
HEADER = 3


def _timeline_sheet(book: Any, out: SheetWriter, plan: BudgetPlan, result: StrategyResult, lang: str,
                    case_id: str) -> None:
    from xlsxwriter.utility import xl_col_to_name

    ws = out.ws
    names = [d.name for d in plan.debts]
    n = len(names)
    headers = [L("col_period", lang), L("col_date", lang)]
    headers += [L("paid_to", lang, debt=x) for x in names] + [L("owed_on", lang, debt=x) for x in names]
    headers += [L("total_payment", lang), L("total_balance", lang)]
    widths = [8, 12] + [max(14, min(24, display_width(h) + 2)) for h in headers[2:]]
    out.widths = set_widths(ws, widths)
    paid_first, owed_first = 2, 2 + n  # 0-based columns
    last_col = 1 + 2 * n + 2
    pl, pr = xl_col_to_name(paid_first), xl_col_to_name(paid_first + n - 1)
    ol, orr = xl_col_to_name(owed_first), xl_col_to_name(owed_first + n - 1)
    rows = result.timeline
    last = HEADER + len(rows)  # 1-based row of the last month
    print_setup(ws, case_id, lang, title_rows=(HEADER, HEADER))
    ws.print_area(0, 0, last, last_col)  # the table only: the chart beside it never shrinks it on paper
    ws.freeze_panes(HEADER, 2)
    out.append((L("xl_timeline_title", lang, name=sheet_name(result.name, lang)), "title"))
    out.blank()
    out.height(30)
    out.append(*[(h, "header" if i < 2 else "header_right") for i, h in enumerate(headers)])
    for r, month in enumerate(rows, start=HEADER + 1):
        out.append((month.period, "int_center"), (month.date, "date"), *[(v, "amount") for v in month.payments],
                   *[(v, "amount") for v in month.balances],
                   (Formula(f"SUM({pl}{r}:{pr}{r})", sum(month.payments, Decimal(0))), "amount"),
                   (Formula(f"SUM({ol}{r}:{orr}{r})", sum(month.balances, Decimal(0))), "amount"))
    totals: list[Any] = [(label_total(lang), "total_label"), (None, "total_label")]
    for i in range(n):
        letter = xl_col_to_name(paid_first + i)
        totals.append((Formula(f"SUM({letter}{HEADER + 1}:{letter}{last})",
                               sum((m.payments[i] for m in rows), Decimal(0))), "total"))
    totals += [(None, "total_label")] * n
    letter = xl_col_to_name(last_col - 1)
    totals.append((Formula(f"SUM({letter}{HEADER + 1}:{letter}{last})",
                           sum((sum(m.payments, Decimal(0)) for m in rows), Decimal(0))), "total"))
    out.append(*totals)
    if rows:
        chart = book.add_chart({"type": "line"})
        chart.set_title({"name": L("xl_chart", lang, name=sheet_name(result.name, lang)), "name_font": {"size": 11}})
        chart.set_y_axis({"name": L("xl_amount_axis", lang, currency=plan.policy.currency), "num_format": "#,##0",
                          "min": 0})
        chart.set_x_axis({"name": L("xl_months_axis", lang)})
        chart.set_legend({"position": "bottom"})
        for i in range(n):
            chart.add_series({"name": [ws.name, HEADER - 1, owed_first + i],
                              "categories": [ws.name, HEADER, 0, last - 1, 0],
                              "values": [ws.name, HEADER, owed_first + i, last - 1, owed_first + i]})
        chart.set_size({"width": 620, "height": 340})
        ws.insert_chart(HEADER - 1, last_col + 2, chart)


def label_total(lang: str) -> str:
    from .labels import label

    return label("total", lang)


__all__ = ["build_plan_workbook", "months_text", "sheet_name", "write_plan_workbook"]
