"""The Arrears sheet (when the case has a payment history): the payments
made, each installment with what was due, paid and left unpaid, penalty
interest and fees with the trace a person can check by hand, and the totals
as ``repayplan status`` shows them.
"""

from __future__ import annotations

from typing import Any

from ..labels import label
from ..render import display_width
from .book import ArrearsBook, CaseBook
from .style import SheetWriter, amount_width, print_setup, set_widths, text_width

#: installment columns: (label key, ArrearsLine attribute, style)
LINE_COLUMNS = (("period", "period", "int"), ("due_date", "due_date", "date"), ("arrears.status", "status", "text"),
                ("arrears.due", "due", "amount"),
                ("arrears.paid", "paid", "amount"), ("arrears.unpaid_principal", "unpaid_principal", "amount"),
                ("arrears.unpaid_interest", "unpaid_interest", "amount"),
                ("arrears.penalty_interest", "penalty", "amount"), ("arrears.fees", "fees", "amount"),
                ("arrears.days_overdue", "days_overdue", "int"))


#: characters of the calculation column
TRACE_WIDTH = 76


def write_arrears(ws: Any, book: CaseBook, arrears: ArrearsBook) -> None:
    lang = book.lang
    policy = book.plans[0].policy
    largest = max([line.due for line in arrears.lines] + [amount for _, amount in arrears.payments] + [0])
    money = amount_width(largest, policy, 13)
    statuses = [label(f"arrears.status.{line.status}", lang) for line in arrears.lines]
    set_widths(ws, [8, 11, text_width(statuses, 10, 16), money, money, money, money, money, 11, 9, TRACE_WIDTH])
    print_setup(ws, book.case_id, None, lang)
    out = SheetWriter(ws)
    out.append((label("wb.arrears_title", lang).format(date=arrears.as_of.isoformat()), "title"))
    out.blank()
    _settings(out, arrears, lang)
    _payments(out, arrears, lang)
    header = out.row + 2
    ws.print_title_rows = f"{header}:{header}"
    _lines(out, arrears, policy.minor_units, lang)
    _totals(out, arrears, lang)


def _settings(out: SheetWriter, arrears: ArrearsBook, lang: str) -> None:
    if not arrears.settings:
        return
    out.append((label("wb.arrears_settings", lang), "heading"))
    for key, text in arrears.settings:
        out.append((label(key, lang), "label"), None, None, (text, "text"))
    out.blank()


def _payments(out: SheetWriter, arrears: ArrearsBook, lang: str) -> None:
    out.append((label("wb.arrears_payments", lang), "heading"))
    if not arrears.payments:
        out.append((label("wb.none", lang), "note"))
        out.blank()
        return
    out.append((label("wb.number", lang), "header"), (label("wb.payment_date", lang), "header"), None,
               (label("wb.amount", lang), "header"))
    first = out.row + 1
    for number, (when, amount) in enumerate(arrears.payments, start=1):
        out.append((number, "int"), (when, "date"), None, (amount, "amount"))
    out.append((label("total", lang), "total_label"), (None, "total_label"), None,
               (f"=SUM(D{first}:D{out.row})", "total"))
    out.blank()


def _lines(out: SheetWriter, arrears: ArrearsBook, digits: int, lang: str) -> None:
    out.append((label("wb.arrears_installments", lang), "heading"))
    out.ws.row_dimensions[out.row + 1].height = 27
    out.append(*[(label(key, lang), "header") for key, _, _ in LINE_COLUMNS], (label("arrears.trace", lang), "header"))
    width = out.ws.column_dimensions["K"].width or TRACE_WIDTH
    first = out.row + 1
    for line in arrears.lines:
        lines = sum(max(1, -(-display_width(text) // int(width - 2))) for text in line.trace)
        if lines > 1:
            out.ws.row_dimensions[out.row + 1].height = 13 * lines + 2
        cells = [(getattr(line, attr), style) for _, attr, style in LINE_COLUMNS]
        cells[2] = (label(f"arrears.status.{line.status}", lang), "text")
        out.append(*cells, ("\n".join(line.trace) or None, "wrap"))
    last = out.row
    sums = [(f"=ROUND(SUM({c}{first}:{c}{last}),{digits})", "total") for c in "DEFGHI"]
    out.append((label("total", lang), "total_label"), (None, "total_label"), (None, "total_label"), *sums,
               (None, "total_label"), (None, "total_label"))
    out.blank()


def _totals(out: SheetWriter, arrears: ArrearsBook, lang: str) -> None:
    if arrears.totals:
        out.append((label("wb.arrears_totals", lang), "heading"))
        for key, amount in arrears.totals:
            style = "int" if isinstance(amount, int) else "amount"
            out.append((label(key, lang), "label"), None, None, (amount, style))
        out.blank()
    if arrears.notes:
        out.append((label("arrears.notes", lang), "heading"))
        for note in arrears.notes:
            out.append((note, "note"))
