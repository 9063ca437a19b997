"""The Terms sheet: the agreement both sides sign (调解协议书 / 分期还款协议,
a settlement agreement), set out from the agreement model
(:mod:`repayplan.agreement`) and the plan it is filled from.

Parties with their ID or credit code, address and contact (blank lines to
fill in by hand where the case does not say), the original contract, the
debt acknowledged by component, the concessions (conditional on
performance), the schedule with its total in figures and in capital
numerals, how to pay, prepayment, default, discharge, disputes, when it takes
effect, copies, and a signature block for each party and the mediator, kept
on one page. The schedule's amounts and the balance to repay are links to
the plan's sheet (one figure per fact, equal to the plan's); the wording is
label data (``agr.*``, ``wb.terms_*``) in both languages.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..labels import label
from .book import BookPlan, CaseBook, copy_label
from .layout import PlanLayout
from .style import LINE_HEIGHT, Formula, SheetWriter, amount_width, print_setup, set_widths, wrapped_lines

#: the schedule's columns: number, due date, amount, of which principal, of which interest and other charges
WIDTHS = (6, 12, 16, 16, 26, 16)


def write_terms(out: SheetWriter, book: CaseBook, layout: PlanLayout) -> None:
    lang = book.lang
    plan = book.terms
    policy = plan.policy
    money = amount_width(max(plan.total_payment, plan.opening), policy, 16)
    out.widths = set_widths(out.ws, [WIDTHS[0], WIDTHS[1], money, money, max(money, WIDTHS[4]), WIDTHS[5]])
    print_setup(out.ws, book.case_id, lang, copy=copy_label(book), portrait=True)
    out.paginate(portrait=True)
    agreement = book.agreement
    title = "wb.terms_title"
    if agreement is not None:
        title = "agr.title_mediated" if agreement.parties.mediator is not None else "agr.title"
    out.height(22)
    out.append((label(title, lang), "title"))
    out.append((copy_label(book), "copy"))
    out.paragraph(label("wb.terms_from", lang).format(plan=plan.name, case=book.case_id or "—"), sum(out.widths), 6)
    out.blank()
    if not book.nothing_owed:
        _parties(out, book)
    if book.nothing_owed:  # nothing to agree: said plainly, no lines to sign
        out.paragraph(label("wb.nothing_owed", lang).format(date=book.position.as_of.isoformat()
                                                            if book.position else ""), sum(out.widths), 6, "wrap")
        return
    if agreement is not None:
        _agreement(out, book, layout)
    else:
        _plain(out, book, layout)
    _signatures(out, book)


def _heading(out: SheetWriter, text: str, following: float = 3 * 15) -> None:
    """A heading kept with what follows it (never alone at the foot of a page)."""
    out.keep(18 + following)
    out.height(18)
    out.append((text, "heading"))


def _para(out: SheetWriter, text: str, number: str = "", style: str = "wrap") -> None:
    """A numbered paragraph over the sheet's width."""
    out.keep(LINE_HEIGHT * wrapped_lines(text, sum(out.widths[1:])) + 2)
    out.paragraph(text, sum(out.widths[1:]), 5, style, first=2, before=((number, "label"),) if number else ())


def _parties(out: SheetWriter, book: CaseBook) -> None:
    """Each party: its role, then name, ID or credit code, address, contact (blank lines to fill in)."""
    from ...agreement import Party
    from ..documents.wording import party_lines

    lang = book.lang
    _heading(out, label("wb.parties", lang), 6 * 15)
    agreement = book.agreement
    if agreement is not None:
        parties = [agreement.parties.creditor, agreement.parties.borrower]
        if agreement.parties.mediator is not None:
            parties.append(agreement.parties.mediator)
    else:
        parties = [Party(role="creditor", name=book.creditor), Party(role="borrower", name=book.borrower)]
    for party in parties:
        lines = party_lines(party, lang)
        out.keep((len(lines) + 2) * 15)
        out.append((label(f"agr.role_{party.role}", lang), "bold"))
        for field, value in lines:
            out.append(None, (field, "label"), None, None, (value, "text"))
        out.blank()


def _agreement(out: SheetWriter, book: CaseBook, layout: PlanLayout) -> None:
    """The clauses in order, worded as the agreement document words them, the schedule after its clause."""
    from ...agreement import clauses
    from ..documents.wording import article_number, clause_text, item_number, punctuate

    lang = book.lang
    a = book.agreement
    number = 0
    for clause in clauses(a):
        text = clause_text(clause, lang, a.currency)
        if clause.key.startswith("agr.recital"):  # the preamble is not an article
            _para(out, text)
            continue
        number += 1
        _para(out, text, article_number(number, lang))
        items = punctuate([clause_text(item, lang, a.currency) for item in clause.items], lang)
        for i, item in enumerate(items, start=1):
            _para(out, f"{item_number(i, lang)}{item}")
        if clause.key.startswith("agr.schedule"):
            _installments(out, book, layout)
    out.blank()


def _plain(out: SheetWriter, book: CaseBook, layout: PlanLayout) -> None:
    """Without an agreement model: the debt, the plan and its schedule."""
    lang = book.lang
    position = book.position
    if position is not None:
        _heading(out, label("wb.terms_debt", lang).format(date=position.as_of.isoformat()))
        parts = (("principal", position.principal), ("interest", position.interest),
                 ("accrued_interest", position.accrued_interest), ("penalty", position.penalty),
                 ("fees", position.fees), ("credit", -position.credit))
        first = out.row + 1
        for key, amount in parts:
            if amount or key == "principal":
                out.append(None, (label(f"wb.owed_{key}", lang), "label"), None, (amount, "amount"))
        out.append(None, (label("wb.debt_total", lang), "bold"), None,
                   (Formula(f"ROUND(SUM(D{first}:D{out.row}),{book.terms.policy.minor_units})", position.total),
                    "amount_bold"))
        out.blank()
    _heading(out, label("wb.terms_repayment", lang))
    _installments(out, book, layout)


def _installments(out: SheetWriter, book: CaseBook, layout: PlanLayout) -> None:
    """The schedule: each installment's date and amount (links to the plan's sheet), the total in figures
    (the balance to repay: one figure, the plan's) and in capital numerals."""
    lang = book.lang
    plan: BookPlan = book.terms
    policy = plan.policy
    frozen = any(getattr(r, "frozen_balance", 0) for r in plan.rows)
    other = "wb.terms_other_frozen" if frozen else "agr.col_other"
    out.keep(27 + 4 * 15)
    out.height(27)
    out.append((label("agr.col_number", lang), "header"), (label("agr.col_due", lang), "header"),
               (label("agr.col_amount", lang), "header"), (label("agr.col_principal", lang), "header"),
               (label(other, lang), "header"))
    first = out.row + 1
    number = 0
    for index, row in enumerate(plan.rows):
        if row.payment <= 0:
            continue
        number += 1
        r = out.row + 1
        out.append((number, "int_center"), (Formula(layout.cell("due_date", index), row.due_date), "date"),
                   (Formula(layout.cell("payment", index), row.payment), "amount"),
                   (Formula(layout.cell("principal", index), row.principal), "amount"),
                   (Formula(f"ROUND(C{r}-D{r},{policy.minor_units})", row.payment - row.principal), "amount"))
    last = out.row
    total = plan.total_payment
    out.append((label("agr.total_row", lang), "total_label"), (None, "total_label"),
               (Formula(layout.total("payment"), total), "total"),
               (Formula(f"ROUND(SUM(D{first}:D{last}),{policy.minor_units})",
                        sum((r.principal for r in plan.rows if r.payment > 0), Decimal(0))), "total"),
               (Formula(f"ROUND(SUM(E{first}:E{last}),{policy.minor_units})",
                        sum((r.payment - r.principal for r in plan.rows if r.payment > 0), Decimal(0))), "total"))
    if lang == "zh" and plan.policy.currency == "CNY" and total >= 0:  # in capital numerals, as 协议 write it
        from ...agreement import capital_rmb

        _para(out, label("agr.total_words", lang).format(capital=capital_rmb(total)))
    if frozen:
        _para(out, label("wb.terms_frozen_note", lang), style="note_wrap")
    out.blank()


def _signatures(out: SheetWriter, book: CaseBook) -> None:
    """Signature, seal and date lines for each party and the mediator, kept together on one page."""
    from ..documents.agreement_doc import signatures
    from ..documents.blocks import Para, SignatureBlock

    lang = book.lang
    blank, when = label("agr.blank", lang), label("agr.sign_date", lang) + label("agr.blank_date", lang)
    blocks: list[Any] = []
    if book.agreement is not None:
        blocks = signatures(book.agreement, lang)
    else:
        blocks = [SignatureBlock((label("agr.sign_creditor", lang) + blank,
                                  label("agr.sign_representative", lang) + blank, when)),
                  SignatureBlock((label("agr.sign_borrower", lang) + blank, when))]
    if book.agreement is None or book.agreement.parties.mediator is None:  # the mediator signs the case file
        blocks.append(SignatureBlock((label("agr.sign_mediator", lang) + blank,
                                      label("agr.sign_mediator_seal", lang) + blank, when)))
    lines = sum(len(b.lines) + 1 if isinstance(b, SignatureBlock) else 1 for b in blocks)
    out.keep(18 + 15 + lines * 22)
    out.height(18)
    out.append((label("wb.terms_signatures", lang), "heading"))
    out.blank()
    for block in blocks:
        if isinstance(block, Para):
            out.append((block.text, "text"))
        if not isinstance(block, SignatureBlock):
            continue
        for line in block.lines:
            out.height(22)
            out.append((line, "text"))
        out.blank()
