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

from datetime import date
from decimal import Decimal
from typing import Any

from ...money import MoneyPolicy
from ...rates import Rate, percent_text
from ..labels import label
from .book import BookPlan, CaseBook, copy_label
from .schedule_sheet import PlanLayout
from .style import LINE_HEIGHT, Formula, SheetWriter, amount_width, print_setup, set_widths, wrapped_lines

#: a line to fill in by hand
BLANK = "________________"
#: the schedule's columns: number, due date, amount, of which principal, of which interest and other charges
WIDTHS = (6, 12, 16, 16, 16, 26)


def value_text(value: Any, lang: str, policy: MoneyPolicy) -> str:
    """A clause's value in words people read: amounts grouped, dates and rates in the language.

    >>> value_text(Decimal("54521.36"), "zh", MoneyPolicy()), value_text(date(2026, 3, 10), "zh", MoneyPolicy())
    ('54,521.36', '2026年3月10日')
    >>> value_text(None, "en", MoneyPolicy()), value_text(Rate(Decimal("0.18"), "year"), "zh", MoneyPolicy())
    ('________________', '年利率18%')
    """
    if value is None or value == "":
        return BLANK
    if isinstance(value, bool):
        return label("wb.yes" if value else "wb.no", lang)
    if isinstance(value, Decimal):
        return policy.grouped(value)
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日" if lang == "zh" else value.isoformat()
    if isinstance(value, Rate):
        return label(f"wb.rate_words_{value.unit}", lang).format(rate=percent_text(value.value))
    return str(value)


def clause_text(clause: Any, lang: str, policy: MoneyPolicy) -> str:
    """A clause (:class:`repayplan.agreement.Clause`) worded from the label data."""
    values = {name: value_text(v, lang, policy) for name, v in clause.values}
    return label(clause.key, lang).format(**values)


def write_terms(out: SheetWriter, book: CaseBook, layout: PlanLayout) -> None:
    lang = book.lang
    plan = book.terms
    policy = plan.policy
    money = amount_width(max(plan.total_payment, plan.opening), policy, 16)
    out.widths = set_widths(out.ws, [WIDTHS[0], WIDTHS[1], money, money, money, WIDTHS[5]])
    print_setup(out.ws, book.case_id, lang, copy=copy_label(book), portrait=True)
    out.paginate(portrait=True)
    agreement = book.agreement
    title = "wb.terms_title_mediated" if agreement is not None and agreement.parties.mediator else "wb.terms_title"
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
    lang = book.lang
    _heading(out, label("wb.parties", lang), 6 * 15)
    agreement = book.agreement
    roles: list[tuple[str, Any]] = []
    if agreement is not None:
        parties = agreement.parties
        roles = [("creditor", parties.creditor), ("borrower", parties.borrower)]
        if parties.mediator is not None:
            roles.append(("mediator", parties.mediator))
    else:
        roles = [("creditor", None), ("borrower", None)]
    for role, party in roles:
        name = (party.name if party is not None else "") or (book.creditor if role == "creditor" else
                                                              book.borrower if role == "borrower" else "")
        out.keep(5 * 15)
        out.append((label(f"wb.party_{role}", lang), "bold"), None, None,
                   (name or None, "text" if name else "signature"), *([(None, "signature")] * 2 if not name else []))
        kind = party.id_kind if party is not None else ("id_card" if role == "borrower" else "credit_code")
        fields = [(f"wb.party_{kind}", party.id_number if party is not None else ""),
                  ("wb.party_address", party.address if party is not None else ""),
                  ("wb.party_contact", party.contact if party is not None else "")]
        if party is not None and party.representative:
            fields.append(("wb.party_representative", party.representative))
        for key, value in fields:
            if value:
                out.append(None, (label(key, lang), "label"), None, (value, "text"))
            else:  # a line to fill in by hand
                out.append(None, (label(key, lang), "label"), None, (None, "signature"), (None, "signature"),
                           (None, "signature"))
        out.blank()


def _agreement(out: SheetWriter, book: CaseBook, layout: PlanLayout) -> None:
    from ...agreement import clauses

    lang = book.lang
    policy = book.terms.policy
    number = 0
    for clause in clauses(book.agreement):
        number += 1
        mark = label("wb.clause_number", lang).format(n=number)
        _para(out, clause_text(clause, lang, policy), mark)
        if clause.key == "agr.acknowledge":
            _components(out, book, clause)
        elif clause.key == "agr.concessions":
            for item in clause.items:
                _para(out, "· " + clause_text(item, lang, policy))
            _para(out, label("wb.terms_conditional", lang), style="note_wrap")
        elif clause.key.startswith("agr.schedule"):
            _installments(out, book, layout)
        else:
            for item in clause.items:
                _para(out, "· " + clause_text(item, lang, policy))
    out.blank()


def _components(out: SheetWriter, book: CaseBook, clause: Any) -> None:
    """The debt acknowledged, one line a component, and its total."""
    lang = book.lang
    first = out.row + 1
    for item in clause.items:
        amount = dict(item.values)["amount"]
        if item.key == "agr.owed_credit":
            amount = -amount
        out.append(None, (label(f"wb.owed_{item.key.removeprefix('agr.owed_')}", lang), "label"), None,
                   (amount, "amount"))
    out.append(None, (label("wb.debt_total", lang), "bold"), None,
               (Formula(f"ROUND(SUM(D{first}:D{out.row}),{book.terms.policy.minor_units})",
                        book.agreement.owed), "amount_bold"))


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
    other = "wb.terms_other_frozen" if frozen else "wb.terms_other"
    out.keep(27 + 4 * 15)
    out.height(27)
    out.append((label("period", lang), "header"), (label("due_date", lang), "header"),
               (label("wb.terms_amount", lang), "header"), (label("wb.terms_principal", lang), "header"),
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
    out.append((label("total", lang), "total_label"), (None, "total_label"),
               (Formula(layout.total("payment"), total), "total"),
               (Formula(f"ROUND(SUM(D{first}:D{last}),{policy.minor_units})",
                        sum((r.principal for r in plan.rows if r.payment > 0), Decimal(0))), "total"),
               (Formula(f"ROUND(SUM(E{first}:E{last}),{policy.minor_units})",
                        sum((r.payment - r.principal for r in plan.rows if r.payment > 0), Decimal(0))), "total"))
    words = _capital(total, plan.policy.currency)
    if words:
        _para(out, label("wb.terms_total_words", lang).format(words=words, total=policy.grouped(total)))
    if frozen:
        _para(out, label("wb.terms_frozen_note", lang), style="note_wrap")
    out.blank()


def _capital(amount: Decimal, currency: str) -> str:
    """The total in Chinese capital numerals (人民币…元…角…分) for an amount in CNY."""
    if currency != "CNY" or amount < 0:
        return ""
    import cn2an

    return "人民币" + str(cn2an.an2cn(f"{amount.quantize(Decimal('0.01')):f}", "rmb"))


def _signatures(out: SheetWriter, book: CaseBook) -> None:
    """A signature, seal and date line for each party and the mediator, kept together on one page."""
    lang = book.lang
    roles = ["creditor", "borrower", "mediator"]
    out.keep(18 + 15 + len(roles) * 4 * 15)
    out.height(18)
    out.append((label("wb.terms_signatures", lang), "heading"))
    out.blank()
    for role in roles:
        out.append((label(f"wb.sign_{role}", lang), "bold"), None, None, (None, "signature"), (None, "signature"))
        out.append(None, (label("wb.sign_seal", lang), "label"), None, (None, "signature"), (None, "signature"))
        out.append(None, (label("wb.date", lang), "label"), None, (None, "signature"))
        out.blank()
