"""The borrower's letters: ``hardship`` (协商还款申请书) and ``dispute``
(欠款金额异议及提供还款明细申请书), every figure from the statement
(``status``), the plan (``compare`` / ``propose``) and the claim audit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...agreement import Agreement, build_agreement
from ...agreement.build import concession_clause, owed_components, schedule_clause
from ..labels import label
from .agreement_doc import schedule_table
from .blocks import Block, Document, Para, SignatureBlock
from .case import LetterCase
from .claim import Reading, cap_facts, claim_facts
from .wording import amount_text, clause_text, date_text, item_number, party_lines, punctuate, rate_text, value_text

#: days the creditor is asked to reply within
REPLY_DAYS = 15


def hardship_letter(case: LetterCase, lang: str, reply_days: int = REPLY_DAYS) -> Document:
    """What is owed, the hardship, what the borrower can pay, the plan asked for, the basis, the request."""
    st, cur = case.statement, case.loan.currency
    a = _agreement(case)
    blocks = _head(case, "hl.title", lang)
    blocks.append(Para(_loan(case, lang)))
    blocks.append(Para(_fill("hl.owed", lang, cur, date=st.as_of, paid=st.total_paid, owed=a.owed,
                             items=_items(case, lang))))
    if case.claimed is not None and case.claimed != a.owed and case.claimed_on in (None, case.as_of):
        key = "hl.claimed_more" if case.claimed > a.owed else "hl.claimed_less"
        blocks.append(Para(_fill(key, lang, cur, claimed=case.claimed, difference=abs(case.claimed - a.owed))))
    hardship = case.parts.hardship
    intro = "hl.hardship_since" if hardship.since else "hl.hardship"
    blocks.append(Para(_fill(intro, lang, cur, since=hardship.since)))
    blocks.append(Para(hardship.text or label("hl.hardship_blank", lang), "quote"))
    blocks += _means(case, lang)
    if case.product == "credit-card":  # the issuer's personalised-installment rule; no rule is cited for other debts
        blocks.append(Para(label("hl.basis_card", lang)))
    blocks.append(Para(label("hl.plan_ask", lang)))
    items = [clause_text(c, lang, cur) for c in _concession_clauses(a)]
    schedule = schedule_clause(a, "hl.plan")
    items.append(clause_text(schedule, lang, cur))
    blocks += [Para(f"{item_number(i, lang)}{text}", "item") for i, text in enumerate(punctuate(items, lang), 1)]
    blocks.append(schedule_table(a, lang))
    if a.total_capital is not None and lang == "zh":
        blocks.append(Para(label("agr.total_words", lang).format(capital=a.total_capital), "item"))
    blocks.append(Para(_fill("hl.reply", lang, cur, days=reply_days)))
    blocks += _enclosures(hardship.evidence, lang)
    blocks += _close(case, lang)
    return Document(title=label("hl.title", lang), lang=lang, blocks=tuple(blocks), footer=case.info.case_id)


def dispute_letter(case: LetterCase, lang: str, reply_days: int = REPLY_DAYS, third_parties: bool = False) -> Document:
    """The claim against the rebuilt figure, the readings that explain it, the cap, the requests."""
    st, cur = case.statement, case.loan.currency
    assert case.claimed is not None
    facts = claim_facts(st, case.claimed)
    blocks = _head(case, "dl.title", lang)
    blocks.append(Para(_loan(case, lang)))
    items = label("lt.list_sep", lang).join(label(key, lang).format(amount=amount_text(amount, cur, lang))
                                            for key, amount in facts.parts)
    blocks.append(Para(_fill("dl.claim", lang, cur, date=st.as_of, claimed=facts.claimed) + _gap(lang)
                       + _fill("dl.rebuilt", lang, cur, rebuilt=facts.rebuilt, items=items, paid=st.total_paid)))
    difference = facts.difference
    key = "dl.more" if difference > 0 else "dl.less" if difference < 0 else "dl.same"
    blocks.append(Para(_fill(key, lang, cur, difference=abs(difference))))
    if difference:
        if facts.readings:
            blocks.append(Para(label("dl.readings", lang).format(count=len(facts.readings))))
            texts = punctuate([_reading(r, case, lang) for r in facts.readings], lang)
            blocks += [Para(f"{item_number(i, lang)}{text}", "item") for i, text in enumerate(texts, start=1)]
        else:
            blocks.append(Para(label("dl.readings_none", lang)))
    if case.cap is not None:
        cap = cap_facts(st, case.cap, case.parts.contract.signed or case.loan.start)
        if cap.above:
            blocks.append(Para(_fill("dl.cap", lang, cur, rule=_cap_rule(cap, lang), simple=cap.simple_excess,
                                     excess=cap.excess, ceiling=cap.ceiling, date=st.as_of)))
    blocks.append(Para(label("dl.requests", lang)))
    requests = [_fill("dl.req_statement", lang, cur, days=reply_days), label("dl.req_payments", lang),
                label("dl.req_correct", lang)]
    if third_parties:
        requests.append(label("dl.req_third", lang))
    blocks += [Para(f"{item_number(i, lang)}{text}", "item") for i, text in enumerate(punctuate(requests, lang), 1)]
    blocks += _close(case, lang)
    return Document(title=label("dl.title", lang), lang=lang, blocks=tuple(blocks), footer=case.info.case_id)


def _agreement(case: LetterCase) -> Agreement:
    return build_agreement(case.plan, case.parts.parties, case.parts.contract, case.parts.terms)


def _concession_clauses(a: Agreement) -> list[Any]:
    return [concession_clause(c, a) for c in a.concessions]


def _head(case: LetterCase, title: str, lang: str) -> list[Block]:
    parties = case.parts.parties
    colon = label("lt.colon", lang)
    blocks: list[Block] = [Para(label(title, lang), "title"),
                           Para(label("lt.to", lang).format(creditor=parties.creditor.name or label("agr.blank", lang)),
                                "heading"),
                           Para(label("lt.applicant", lang), "heading")]
    blocks += [Para(f"{field}{colon}{value}", "party") for field, value in party_lines(parties.borrower, lang)]
    return blocks


def _loan(case: LetterCase, lang: str) -> str:
    loan, contract, cur = case.loan, case.parts.contract, case.loan.currency
    key = "lt.loan_card" if case.product == "credit-card" else "lt.loan" if loan.rate.value else "lt.loan_norate"
    return label(key, lang).format(
        signed=value_text("signed", contract.signed, lang, cur),
        contract_no=value_text("contract_no", contract.number, lang, cur),
        principal=amount_text(case.statement.money.round(loan.principal), cur, lang),
        term=loan.term, start=date_text(loan.start, lang), rate=rate_text(loan.rate, lang))


def _items(case: LetterCase, lang: str) -> str:
    cur = case.loan.currency
    parts = [label(f"agr.owed_{c.name}", lang).format(amount=amount_text(c.amount, cur, lang))
             for c in owed_components(case.statement.position)]
    return label("lt.list_sep", lang).join(parts)


def _means(case: LetterCase, lang: str) -> list[Block]:
    b, cur = case.borrower, case.loan.currency
    out = []
    if b.monthly_income is not None and b.monthly_expenses is not None and b.budget is not None:
        out.append(_fill("hl.means", lang, cur, income=b.monthly_income, expenses=b.monthly_expenses,
                         budget=max(b.budget, Decimal(0))))
    elif b.max_payment is not None:
        out.append(_fill("hl.means_max", lang, cur, amount=b.max_payment))
    if b.lump_sum:
        out.append(_fill("hl.means_lump", lang, cur, amount=b.lump_sum))
    return [Para(_gap(lang).join(out))] if out else []


def _reading(r: Reading, case: LetterCase, lang: str) -> str:
    cur = case.loan.currency
    text = label(f"dl.reading_{r.kind}", lang).format(
        paid_on=value_text("date", r.paid_on, lang, cur), on=value_text("date", r.on, lang, cur),
        payment=amount_text(r.payment, cur, lang) if r.payment is not None else "",
        base=label(f"dl.base_{r.value}", lang) if r.kind == "base" else "",
        contract_base=label(f"dl.base_{case.statement.penalty.base}", lang))
    if r.amount is not None and r.kind not in ("missing", "credited"):
        text += label("dl.reading_amount", lang).format(amount=amount_text(abs(r.amount), cur, lang))
    return text


def _cap_rule(cap: Any, lang: str) -> str:
    rate = rate_text(_annual(cap.rate), lang)
    if cap.multiple is None:
        return label("dl.cap_rule_rate", lang).format(rate=rate)
    from ...rates import percent_text

    return label("dl.cap_rule_lpr", lang).format(multiple=f"{cap.multiple:f}", lpr=percent_text(cap.lpr, 2),
                                                 published=date_text(cap.published, lang), rate=rate)


def _annual(value: Decimal) -> Any:
    from ...rates import Rate

    return Rate(value, "year")


def _enclosures(evidence: tuple[str, ...], lang: str) -> list[Block]:
    if not evidence:
        return []
    return [Para(label("lt.enclosures", lang), "closing"),
            *(Para(label("lt.enclosure", lang).format(n=i, text=text), "item") for i, text in enumerate(evidence, 1))]


def _close(case: LetterCase, lang: str) -> list[Block]:
    creditor = case.parts.parties.creditor.name or label("agr.blank", lang)
    out: list[Block] = [Para(label("lt.closing", lang), "closing")]
    to = label("lt.closing_to", lang)
    if to != "-":  # "-": a language whose letters name the addressee only at the top
        out.append(Para(to.format(creditor=creditor), "party"))
    out.append(SignatureBlock((label("lt.sign_applicant", lang) + label("agr.blank", lang),
                               label("lt.sign_date", lang) + label("agr.blank_date", lang))))
    return out


def _fill(key: str, lang: str, currency: str, **values: object) -> str:
    """A label with its values in words (amounts in capital numerals where :data:`wording.IN_WORDS` says)."""
    return label(key, lang).format(**{k: value_text(k, v, lang, currency) for k, v in values.items()})


def _gap(lang: str) -> str:
    return "" if lang == "zh" else " "
