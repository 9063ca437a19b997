"""The Arrears sheet (when the case has a payment history): the payments
made, each installment with what was due, paid and left unpaid, penalty
interest and fees with the trace a person can check by hand, and the totals
as ``repayplan status`` shows them.

A full-balance penalty (全额罚息) is charged on the loan's whole balance, not
per installment, so it has its own block, "Penalty on the whole balance":
one line per interval with live formulas over the penalty rate cell, days =
to − from and amount = ROUND(balance × daily rate × days) (the core's
rounding policy, :func:`~repayplan.report.excel.formulas.rounded`).
"""

from __future__ import annotations

from decimal import Decimal

from ...money import MoneyPolicy
from ...text import say
from ..labels import label
from .book import ArrearsBook, BalancePenalty, CaseBook, copy_label
from .formulas import daily_rate, rounded
from .style import LINE_HEIGHT, Formula, SheetWriter, amount_width, print_setup, set_widths, text_width, wrapped_lines

#: installment columns: (label key, ArrearsLine attribute, style)
LINE_COLUMNS = (("period", "period", "int"), ("due_date", "due_date", "date"), ("arrears.status", "status", "text"),
                ("arrears.due", "due", "amount"),
                ("arrears.paid", "paid", "amount"), ("arrears.unpaid_principal", "unpaid_principal", "amount"),
                ("arrears.unpaid_interest", "unpaid_interest", "amount"),
                ("arrears.penalty_interest", "penalty", "amount"), ("arrears.fees", "fees", "amount"),
                ("arrears.days_overdue", "days_overdue", "int"))


#: characters of the calculation column (wrapped, so the sheet prints near full size)
TRACE_WIDTH = 44
#: the full-balance penalty block's columns (A to G), label keys
BALANCE_PENALTY_COLUMNS = ("wb.number", "wb.from", "wb.to", "wb.balance", "wb.daily_rate_column", "days",
                           "arrears.penalty_interest")


def write_arrears(out: SheetWriter, book: CaseBook, arrears: ArrearsBook) -> None:
    ws = out.ws
    lang = book.lang
    policy = book.plans[0].policy
    largest = max([line.due for line in arrears.lines] + [amount for _, amount in arrears.payments] + [0])
    money = amount_width(largest, policy, 13)
    statuses = [label(f"arrears.status.{line.status}", lang) for line in arrears.lines]
    narrowest = 11 if arrears.balance_penalty else 10  # column C holds the dates of the full-balance block
    out.widths = set_widths(ws, [8, 11, text_width(statuses, narrowest, 16), money, money, money, money, money, 11,
                                 9, TRACE_WIDTH])
    print_setup(ws, book.case_id, lang, copy=copy_label(book))
    out.paginate()
    out.append((label("wb.arrears_title", lang).format(date=arrears.as_of.isoformat()), "title"))
    out.blank()
    _settings(out, arrears, lang)
    _payments(out, arrears, lang)
    ws.repeat_rows(out.row + 1)  # the installments' header, on every printed page
    _lines(out, arrears, policy.minor_units, lang)
    if arrears.balance_penalty is not None:
        _balance_penalty(out, arrears.balance_penalty, policy, lang)
    _totals(out, arrears, lang)


def _settings(out: SheetWriter, arrears: ArrearsBook, lang: str) -> None:
    if not arrears.settings:
        return
    out.keep(5 * 15)
    out.append((label("wb.arrears_settings", lang), "heading"))
    for key, text in arrears.settings:
        out.append((label(key, lang), "label"), None, None, (text, "text"))
    out.blank()


def _payments(out: SheetWriter, arrears: ArrearsBook, lang: str) -> None:
    out.keep(5 * 15)
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
               (Formula(f"SUM(D{first}:D{out.row})", sum(a for _, a in arrears.payments)), "total"))
    out.blank()


def _lines(out: SheetWriter, arrears: ArrearsBook, digits: int, lang: str) -> None:
    out.keep(5 * 15)
    out.append((label("wb.arrears_installments", lang), "heading"))
    out.height(27)
    out.append(*[(label(key, lang), "header") for key, _, _ in LINE_COLUMNS], (label("arrears.trace", lang), "header"))
    width = out.widths[10]
    first = out.row + 1
    for line in arrears.lines:
        trace = "\n".join(say(t, lang) for t in line.trace)
        lines = wrapped_lines(trace, width)
        if lines > 1:
            out.height(LINE_HEIGHT * lines + 2)
        cells = [(getattr(line, attr), style) for _, attr, style in LINE_COLUMNS]
        cells[2] = (label(f"arrears.status.{line.status}", lang), "text")
        out.append(*cells, (trace or None, "wrap"))
    last = out.row
    attrs = ("due", "paid", "unpaid_principal", "unpaid_interest", "penalty", "fees")
    sums = [(Formula(f"ROUND(SUM({c}{first}:{c}{last}),{digits})", sum(getattr(x, a) for x in arrears.lines)),
             "total") for c, a in zip("DEFGHI", attrs, strict=True)]
    out.append((label("total", lang), "total_label"), (None, "total_label"), (None, "total_label"), *sums,
               (None, "total_label"), (None, "total_label"))
    out.blank()


def _balance_penalty(out: SheetWriter, penalty: BalancePenalty, policy: MoneyPolicy, lang: str) -> None:
    """One line per interval: from, to, balance, daily rate, days (= to − from), amount (a formula), its trace."""
    out.keep(5 * 15)
    out.append((label("wb.balance_penalty", lang), "heading"))
    width = sum(out.widths)
    out.paragraph(label("wb.balance_penalty_note", lang), width, 11)
    rate = penalty.rate
    unit = label(f"wb.per_{rate.unit}", lang)
    row = out.append((label("wb.penalty_rate_unit", lang).format(unit=unit), "label"), None, None,
                     (rate.value, "rate"))
    daily = f"$D${row}"
    if rate.unit != "day":  # the daily rate as the core converts it: ÷ 365 (or 360), a monthly rate × 12 first
        row = out.append((label("wb.daily_rate", lang).format(
            day_count=label(f"daycount.{penalty.day_count}", lang)), "label"), None, None,
                         (Formula(daily_rate(daily, rate, penalty.day_count), rate.daily_exact(penalty.day_count)),
                          "rate"))
        daily = f"$D${row}"
    out.height(27)  # "To (not counted)" on two lines
    out.append(*[(label(key, lang), "header") for key in BALANCE_PENALTY_COLUMNS], *[(None, "header")] * 3,
               (label("arrears.trace", lang), "header"))
    first = out.row + 1
    day_rate = rate.daily_exact(penalty.day_count)
    for number, (term, text) in enumerate(zip(penalty.terms, penalty.trace, strict=True), start=1):
        r = out.row + 1
        text = say(text, lang)
        lines = wrapped_lines(text, out.widths[10])
        if lines > 1:
            out.height(LINE_HEIGHT * lines + 2)
        out.append((number, "int"), (term.start, "date"), (term.end, "date"), (term.base, "amount"),
                   (Formula(daily, day_rate), "rate"), (Formula(f"C{r}-B{r}", term.days), "int"),
                   (Formula(rounded(f"D{r}*E{r}*F{r}", policy), term.amount), "amount"), *[None] * 3, (text, "wrap"))
    out.append((label("total", lang), "total_label"), *[(None, "total_label")] * 5,
               (Formula(f"ROUND(SUM(G{first}:G{out.row}),{policy.minor_units})",
                        sum((t.amount for t in penalty.terms), Decimal(0))), "total"))
    out.blank()


def _totals(out: SheetWriter, arrears: ArrearsBook, lang: str) -> None:
    if arrears.totals:
        out.keep(5 * 15)
        out.append((label("wb.arrears_totals", lang), "heading"))
        for key, amount in arrears.totals:
            style = "int" if isinstance(amount, int) else "amount"
            out.append((label(key, lang), "label"), None, None, (amount, style))
        out.blank()
    if arrears.notes:
        out.append((label("arrears.notes", lang), "heading"))
        for note in arrears.notes:
            out.paragraph(note, sum(out.widths), len(out.widths))
