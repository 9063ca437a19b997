"""The agreement (调解协议书 / 分期还款协议) as a document: the same
:class:`~repayplan.agreement.Agreement` and clauses as the Terms sheet."""

from __future__ import annotations

from ...agreement import Agreement, Party, clauses
from ...money import MoneyPolicy
from ..labels import label
from .blocks import Block, Document, Para, SignatureBlock, Table
from .wording import article_number, clause_text, date_text, item_number, party_lines, punctuate

#: a schedule longer than this is printed in two halves side by side
FOLD = 12


def agreement_document(a: Agreement, lang: str, case_id: str = "") -> Document:
    """Title, parties, the numbered clauses with the schedule, signature lines."""
    mediated = a.parties.mediator is not None
    title = label("agr.title_mediated" if mediated else "agr.title", lang)
    blocks: list[Block] = [Para(title, "title")]
    for party in (a.parties.creditor, a.parties.borrower):
        blocks += _party(party, lang)
    if a.parties.mediator is not None:
        blocks += _party(a.parties.mediator, lang)
    n = 0
    for clause in clauses(a):
        text = clause_text(clause, lang, a.currency)
        if clause.key.startswith("agr.recital"):  # the preamble is not an article
            blocks.append(Para(text))
            continue
        n += 1
        blocks.append(Para(f"{article_number(n, lang)}{_gap(lang)}{text}"))
        items = punctuate([clause_text(item, lang, a.currency) for item in clause.items], lang)
        blocks += [Para(f"{item_number(i, lang)}{item}", "item") for i, item in enumerate(items, start=1)]
        if clause.key.startswith("agr.schedule"):
            blocks.append(schedule_table(a, lang))
            if a.total_capital is not None and lang == "zh":
                blocks.append(Para(label("agr.total_words", lang).format(capital=a.total_capital), "item"))
    blocks.append(Para(label("agr.no_more", lang), "closing"))
    blocks += signatures(a, lang)
    return Document(title=title, lang=lang, blocks=tuple(blocks), footer=case_id)


def schedule_table(a: Agreement, lang: str) -> Table:
    """Installment number, due date, amount, and the total; a long schedule
    in two halves side by side (1–18 | 19–36), so it fits on one page."""
    figures = MoneyPolicy(a.currency).grouped
    lines = [(str(i.number), i.due.isoformat(), figures(i.amount)) for i in a.schedule]
    header = (label("agr.col_number", lang), label("agr.col_due", lang), _amount_header(a.currency, lang))
    total = label("agr.total_row", lang)
    if len(lines) <= FOLD:
        return Table(header=header, rows=tuple(lines), total=(total, "", figures(a.total)),
                     numeric=(False, False, True), widths=(2.5, 4.5, 5.0))
    half = (len(lines) + 1) // 2
    right = lines[half:] + [("", "", "")] * (2 * half - len(lines))
    rows = tuple(left + other for left, other in zip(lines[:half], right, strict=True))
    return Table(header=header * 2, rows=rows, total=(total, "", "", "", "", figures(a.total)),
                 numeric=(False, False, True) * 2, widths=(1.3, 2.6, 3.4) * 2)


def signatures(a: Agreement, lang: str) -> list[Block]:
    """Signature, seal and date lines: the creditor, the borrower, the mediator."""
    blank, when = label("agr.blank", lang), label("agr.sign_date", lang) + label("agr.blank_date", lang)
    out: list[Block] = []
    if a.terms.place:
        out.append(Para(label("agr.signed_at", lang).format(place=a.terms.place), "party"))
    if a.terms.signed_on:
        out.append(Para(label("agr.signed_on", lang).format(date=date_text(a.terms.signed_on, lang)), "party"))
    out.append(SignatureBlock((label("agr.sign_creditor", lang) + blank,
                               label("agr.sign_representative", lang) + blank, when)))
    out.append(SignatureBlock((label("agr.sign_borrower", lang) + blank, when)))
    if a.parties.mediator is not None:
        out.append(SignatureBlock((label("agr.sign_mediator", lang) + blank,
                                   label("agr.sign_mediator_seal", lang) + blank, when)))
    return out


def _party(party: Party, lang: str) -> list[Block]:
    colon = "：" if lang == "zh" else ": "
    out: list[Block] = [Para(label(f"agr.role_{party.role}", lang), "heading")]
    out += [Para(f"{field}{colon}{value}", "party") for field, value in party_lines(party, lang)]
    return out


def _amount_header(currency: str, lang: str) -> str:
    text = label("agr.col_amount", lang)
    return text if lang == "zh" and currency == "CNY" else f"{text} ({currency})"


def _gap(lang: str) -> str:
    return "　" if lang == "zh" else " "
