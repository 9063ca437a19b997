"""The Terms sheet: what the agreement must say, filled from the chosen plan.

Parties, the balance and its structure, whether interest and fees run during
repayment, each installment's date and amount, and room for signatures. The
amounts are formulas pointing at the plan's sheet, so the terms never
disagree with the schedule they come from.
"""

from __future__ import annotations

from typing import Any

from ..labels import label
from .book import CaseBook
from .schedule_sheet import PlanLayout
from .style import SheetWriter, amount_width, print_setup, set_widths

#: the schedule columns an installment line shows, in order
LINE_COLUMNS = ("payment", "principal", "interest", "fees", "penalty")


def write_terms(ws: Any, book: CaseBook, layout: PlanLayout) -> None:
    lang = book.lang
    plan = book.terms
    policy = plan.policy
    money = amount_width(max(plan.total_payment, plan.opening), policy, 14)
    set_widths(ws, [10, 14] + [money] * len(LINE_COLUMNS))
    print_setup(ws, book.case_id, None, lang)
    out = SheetWriter(ws)
    out.append((label("wb.terms_title", lang), "title"))
    out.append((label("wb.terms_from", lang).format(plan=plan.name), "note"))
    out.blank()
    out.append((label("wb.parties", lang), "heading"))
    for key, value in (("wb.case_id", book.case_id), ("wb.borrower", book.borrower),
                       ("wb.creditor", book.creditor)):
        out.append((label(key, lang), "label"), None, None, (value or "—", "text"))
    out.blank()
    _balance(out, book, layout)
    _repayment(out, book, layout)
    header = out.row + 2
    ws.print_title_rows = f"{header}:{header}"
    _installments(out, book, layout)
    _signatures(out, book)


def _balance(out: SheetWriter, book: CaseBook, layout: PlanLayout) -> None:
    lang = book.lang
    position = book.position
    plan = book.terms
    if position is not None:
        out.append((label("wb.terms_debt", lang).format(date=position.as_of.isoformat()), "heading"))
        parts = (("wb.debt_principal", position.principal), ("wb.debt_interest", position.interest),
                 ("wb.debt_accrued", position.accrued_interest), ("wb.debt_penalty", position.penalty),
                 ("wb.debt_fees", position.fees), ("wb.debt_credit", -position.credit))
        first = out.row + 1
        for key, amount in parts:
            if amount or key == "wb.debt_principal":
                out.append((label(key, lang), "label"), None, None, (amount, "amount"))
        out.append((label("wb.debt_total", lang), "bold"), None, None,
                   (f"=ROUND(SUM(D{first}:D{out.row}),{policy_digits(book)})", "amount_bold"))
    else:
        out.append((label("wb.terms_balance_heading", lang), "heading"))
    forgiven = plan.metrics.get("forgiven")
    if forgiven:
        out.append((label("wb.terms_forgiven", lang), "label"), None, None, (forgiven, "amount"))
    out.append((label("wb.terms_to_repay", lang), "bold"), None, None, (f"={layout.input('opening')}", "amount_bold"))
    out.blank()


def policy_digits(book: CaseBook) -> int:
    return book.terms.policy.minor_units


def _repayment(out: SheetWriter, book: CaseBook, layout: PlanLayout) -> None:
    lang = book.lang
    plan = book.terms
    yes, no = label("wb.yes", lang), label("wb.no", lang)
    out.append((label("wb.terms_repayment", lang), "heading"))
    out.append((label("wb.plan", lang), "label"), None, None, (plan.name, "text"))
    width = sum(out.ws.column_dimensions[c].width or 10 for c in "DEFG")
    for step in plan.steps:
        out.paragraph("· " + step, width, 4, "wrap", first=4)
    out.append((label("wb.terms_installments", lang), "label"), None, None,
               (f'=COUNTIF({layout.column("payment")},">0")', "int"))
    loan = plan.loan if layout.live else None
    rate: Any = None
    unit: Any = None
    if loan is not None:  # the contract schedule: what its sheet charges, live
        interest: Any = f'=IF({layout.total("interest")}>0,"{yes}","{no}")'
        fees: Any = f'=IF({layout.total("fees")}>0,"{yes}","{no}")'
        rate, unit = (f"={layout.input('rate')}", "rate"), (label(f"wb.per_{loan.rate.unit}", lang), "text")
    else:  # a restructuring: what arises under the plan (owed interest repaid is not charged anew)
        interest = yes if plan.charged.get("interest", 0) > 0 else no
        fees = yes if plan.charged.get("fees", 0) > 0 else no
        if plan.rate is not None:
            rate, unit = (plan.rate.value, "rate"), (label(f"wb.per_{plan.rate.unit}", lang), "text")
    out.append((label("wb.terms_interest", lang), "label"), None, None, (interest, "text"), rate, unit)
    out.append((label("wb.terms_fees", lang), "label"), None, None, (fees, "text"))
    out.blank()


def _installments(out: SheetWriter, book: CaseBook, layout: PlanLayout) -> None:
    lang = book.lang
    policy = book.terms.policy
    out.append((label("wb.terms_schedule", lang), "heading"))
    out.ws.row_dimensions[out.row + 1].height = 27
    out.append((label("period", lang), "header"), (label("due_date", lang), "header"),
               *[(label(k, lang), "header") for k in LINE_COLUMNS])
    first = out.row + 1
    for index in range(layout.rows):
        out.append((f"={layout.cell('period', index)}", "int"), (f"={layout.cell('due_date', index)}", "date"),
                   *[(f"={layout.cell(k, index)}", "amount") for k in LINE_COLUMNS])
    last = out.row
    digits = policy.minor_units
    sums = [(f"=ROUND(SUM({c}{first}:{c}{last}),{digits})", "total") for c in "CDEFG"]
    out.append((label("total", lang), "total_label"), (None, "total_label"), *sums)
    out.blank()


def _signatures(out: SheetWriter, book: CaseBook) -> None:
    lang = book.lang
    out.append((label("wb.terms_signatures", lang), "heading"))
    out.blank()
    for key in ("wb.borrower", "wb.creditor", "wb.mediator"):
        out.append((label(key, lang), "label"), None, (None, "signature"), (None, "signature"),
                   (label("wb.date", lang), "label"), (None, "signature"))
        out.blank()
