"""From core objects (case info, loan, statement, plans, cap check) to the
records a workbook shows.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan.casefile.loan import CaseInfo
>>> from repayplan.model import Loan
>>> from repayplan.rates import parse_rate
>>> loan = Loan(Decimal("12000"), parse_rate("1.5%/month"), 12, start=date(2025, 3, 10))
>>> book = case_book(CaseInfo("EX-1"), loan, [contract_plan(loan)])
>>> book.position.total, book.plans[0].name, [k for k, _ in book.basis][:2]
(Decimal('12000.00'), 'Contract schedule', ['rate', 'method'])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...model import Loan, Position
from ...rates import percent_text
from ...schedule import build_schedule
from ...text import say
from ..labels import label
from .book import ArrearsBook, ArrearsLine, BalancePenalty, BookPlan, CapBook, CaseBook


def contract_plan(loan: Loan, name: str = "", lang: str = "en", compared: bool = True) -> BookPlan:
    """The contract schedule as signed, from the loan's start (live formulas)."""
    return BookPlan.from_schedule(name or label("wb.contract", lang), build_schedule(loan), compared=compared,
                                  rate=loan.rate, kind="schedule")


def comparison_plans(comparison: Any, lang: str = "en") -> list[BookPlan]:
    """The plans of ``repayplan compare`` (a :class:`~repayplan.compare.Comparison`)
    with the figures it shows for each."""
    from dataclasses import fields

    from ..compare import plan_name

    out = []
    for plan, metrics in zip(comparison.plans, comparison.metrics, strict=True):
        figures = {f.name: getattr(metrics, f.name) for f in fields(metrics)}
        charged = {c: plan.charged.get(c) for c in ("interest", "penalty", "fees")}
        out.append(BookPlan(plan_name(plan, lang), tuple(plan.rows), plan.policy, None, figures,
                            tuple(plan.basis), rate=plan.rate, kind=plan.kind, charged=charged))
    return out


def shown_metrics(comparison: Any) -> tuple[str, ...]:
    """The figures compare's table shows for this comparison, in its order."""
    from ..compare import shown_metrics

    return tuple(shown_metrics(comparison))


def loan_basis(loan: Loan, lang: str) -> list[tuple[str, str]]:
    """How the contract computes interest, for the Summary's calculation basis."""
    rule = say(build_schedule(loan).interest_rule, lang)
    annual = percent_text(loan.rate.annual_for(loan.day_count))
    day_count = label(f"daycount.{loan.day_count}", lang)
    if lang == "en":  # the case file's own words beside the label
        return [
            ("rate", f"{loan.rate} ({label('annual_rate', lang)} {annual})"),
            ("method", f"{label(loan.method, lang)} ({loan.method}), {label('wb.freq_' + loan.frequency, lang)}"),
            ("interest_basis", f"{loan.interest_basis}, {loan.day_count}"),
            ("rounding", label(f"wb.round_{loan.rounding}", lang).format(quantum=loan.policy.quantum)),
            ("interest_rule", rule),
        ]
    rate = say(loan.rate, lang)
    return [
        ("rate", rate if loan.rate.unit == "year" else f"{rate}（{label('annual_rate', lang)}{annual}）"),
        ("method", f"{label(loan.method, lang)}，{label('wb.freq_' + loan.frequency, lang)}"),
        ("interest_basis", f"{label('wb.basis_' + loan.interest_basis, lang)}，{day_count}"),
        ("rounding", label(f"wb.round_{loan.rounding}", lang).format(quantum=loan.policy.quantum)),
        ("interest_rule", rule),
    ]


def statement_basis(st: Any, lang: str) -> list[tuple[str, str]]:
    """The penalty terms and how the accrued interest was reached, as ``status`` states them."""
    p = st.penalty
    if lang == "en":
        out = [("arrears.penalty_rate", st.rate_text or "—"),
               ("arrears.penalty_base", p.base + (" + unpaid interest (compound)" if p.compound else "")),
               ("arrears.grace_days", f"{p.grace_days} ({p.grace_mode})" if p.grace_days else "0"),
               ("arrears.late_fee", p.late_fee_text),
               ("arrears.allocation", " → ".join(p.allocation) + f" (by {p.allocation_scope})")]
    else:
        from ..statement import allocation_text

        out = [("arrears.penalty_rate", say(st.rate_text, lang) or "—"),
               ("arrears.penalty_base", label(f"base.{p.base}", lang)
                + (label("base.compound", lang) if p.compound else "")),
               ("arrears.grace_days",
                label(f"grace.{p.grace_mode}", lang).format(days=p.grace_days) if p.grace_days else "0"),
               ("arrears.late_fee", say(p.late_fee_text, lang)),
               ("arrears.allocation", allocation_text(p.allocation, p.allocation_scope, lang))]
    if st.accrued_interest_trace:
        out.append(("arrears.accrued_interest", say(st.accrued_interest_trace, lang)))
    return out


def arrears_book(st: Any, lang: str = "en") -> ArrearsBook:
    """An arrears statement (``repayplan.arrears.statement``) for the Arrears sheet."""
    from ..statement import SUMMARY_LABELS

    lines = tuple(ArrearsLine(x.period, x.due_date, x.status, x.due, x.paid, x.unpaid_principal,
                              x.unpaid_interest, x.penalty_interest, x.fees, x.days_overdue, tuple(x.trace))
                  for x in st.lines)
    totals = tuple((key, getattr(st, attr)) for attr, key in SUMMARY_LABELS
                   if attr not in ("credit", "accrued_interest") or getattr(st, attr))
    rate = st.penalty.resolved_rate(st.loan.rate)
    balance = None
    if st.penalty_terms and rate is not None:  # full-balance penalty: the loan's own lines
        balance = BalancePenalty(rate, st.loan.day_count, tuple(st.penalty_terms), tuple(st.penalty_trace))
    return ArrearsBook(st.as_of, lines, payments=tuple((p.date, p.amount) for p in st.payments), totals=totals,
                       settings=tuple(statement_basis(st, lang)), notes=tuple(st.notes), balance_penalty=balance)


def cap_book(check: Any) -> CapBook:
    """A cap check (``repayplan.legal.check_cap``) for the Summary."""
    return CapBook(check.cap.text, check.cap.rate, check.effective_rate, check.excess, check.simple_excess,
                   tuple(check.trace), check.nominal_rate, check.cap.rule)


def in_arrears(st: Any) -> bool:
    """Whether a statement shows the debt in arrears on its date (something overdue, penalty or fees owed),
    paid or not: then its penalty calculation belongs in the case file."""
    if st is None:
        return False
    p = st.position
    return bool(st.payments) or any(x.status in ("overdue", "partly paid", "in grace") for x in st.lines) or bool(
        p.overdue_principal or p.interest or p.penalty or p.fees)


def link_contract(plans: list[BookPlan]) -> list[BookPlan]:
    """The contract as it stands of a loan in good standing is the rest of the contract schedule: mark it
    so that its sheet links to the live schedule (same due dates and amounts from some row on)."""
    from dataclasses import replace

    schedule = next((p for p in plans if p.kind == "schedule"), None)
    if schedule is None:
        return plans
    fields = ("due_date", "opening_balance", "payment", "principal", "interest", "fees", "penalty",
              "closing_balance")

    def key(row: Any) -> tuple[Any, ...]:
        return tuple(getattr(row, f) for f in fields)

    whole = [key(r) for r in schedule.rows]
    out = []
    for plan in plans:
        if plan.kind == "contract" and plan.rows and not any(getattr(r, "capitalised", 0) or getattr(
                r, "frozen_balance", 0) for r in plan.rows):
            mine = [key(r) for r in plan.rows]
            start = len(whole) - len(mine)
            if start >= 0 and whole[start:] == mine:
                plan = replace(plan, linked_from=start)
        out.append(plan)
    return out


def case_book(info: Any, loan: Loan, plans: Sequence[BookPlan], statement: Any = None, cap: Any = None,
              lang: str = "en", terms_index: int = 0, comparison: Any = None, audience: str = "mediator",
              agreement: Any = None) -> CaseBook:
    """Everything a workbook shows for a case. ``info``: the ``[case]`` table
    (:class:`~repayplan.casefile.loan.CaseInfo`); ``statement``: the arrears
    statement when there is a payment history; ``cap``: a cap check;
    ``comparison``: what ``compare`` computed (its position, order of figures
    and notes)."""
    if comparison is not None:
        position, as_of = comparison.position, comparison.on
    elif statement is not None:
        position, as_of = statement.position, statement.as_of
    else:
        position, as_of = Position.fresh(loan), info.as_of or loan.start
    basis = loan_basis(loan, lang) + (statement_basis(statement, lang) if statement is not None else [])
    return CaseBook(
        case_id=info.case_id, currency=loan.currency, plans=tuple(link_contract(list(plans))), title=info.title,
        borrower=info.borrower, creditor=info.creditor, as_of=as_of,
        position=position, basis=tuple(basis), terms_index=terms_index,
        arrears=arrears_book(statement, lang) if in_arrears(statement) else None,
        audience=audience, agreement=agreement,
        cap=cap_book(cap) if cap is not None else None, lang=lang,
        metric_order=shown_metrics(comparison) if comparison is not None else (),
        notes=tuple(comparison.notes) if comparison is not None else (),
    )
