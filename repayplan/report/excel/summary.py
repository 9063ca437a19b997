"""The Summary sheet: the case, the debt and its basis, the plans side by
side (the same figures as ``repayplan compare``), and the cap check.

Figures a plan sheet holds (totals, counts, first / largest / smallest
payment, payoff date) are formulas pointing at that sheet, so they follow an
edited rate; figures that need a solver (the effective annual cost, the
creditor's NPV, recovery) are the values ``compare`` computed at export.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from ..labels import label
from .book import CaseBook
from .schedule_sheet import PlanLayout
from .style import SheetWriter, amount_width, print_setup, set_widths, text_width

#: compare's metric keys, in the order the Summary lists them (unknown keys follow)
METRIC_ORDER = ("total_payment", "principal", "interest", "penalty", "fees", "forgiven", "payments",
                "first_payment", "largest_payment", "smallest_payment", "payoff_date", "apr", "npv",
                "recovery", "pti", "saving")
RATE_METRICS = frozenset({"apr", "recovery", "pti"})
COUNT_METRICS = frozenset({"payments"})


def formula_metric(key: str, plan: PlanLayout) -> str | None:
    """A formula over a plan sheet that yields the metric, or None.

    >>> formula_metric("largest_payment", PlanLayout("Plan A", 12, True))
    "=MAX('Plan A'!$F$9:$F$20)"
    """
    totals = {"total_payment": "payment", "principal": "principal", "interest": "interest",
              "penalty": "penalty", "fees": "fees"}
    if key in totals:
        return f"={plan.total(totals[key])}"
    payments = plan.column("payment")
    return {
        "payments": f'=COUNTIF({payments},">0")',
        "first_payment": f"={plan.cell('payment', 0)}",
        "largest_payment": f"=MAX({payments})",
        "smallest_payment": f"=MIN({payments})",
        "payoff_date": f"={plan.cell('due_date', plan.rows - 1)}",
    }.get(key)


def metric_label(key: str, lang: str) -> str:
    """compare's label of a metric; the workbook's own for the figures compare does not name.

    >>> metric_label("total_payment", "zh"), metric_label("largest_payment", "en")
    ('还款总额', 'Largest payment')
    """
    text = label(key, lang)
    return text if text != key else label(f"wb.metric_{key}", lang)


def metric_keys(book: CaseBook) -> list[str]:
    """Every metric any plan has, known ones first in METRIC_ORDER."""
    seen: list[str] = [k for k in METRIC_ORDER if any(k in p.metrics for p in book.plans)]
    for plan in book.plans:
        seen += [k for k in plan.metrics if k not in seen]
    if not seen:  # no figures from compare: what the sheets themselves hold
        seen = ["total_payment", "principal", "interest", "penalty", "fees", "payments", "first_payment",
                "largest_payment", "smallest_payment", "payoff_date"]
    return seen


def write_summary(ws: Any, book: CaseBook, layouts: Sequence[PlanLayout]) -> None:
    lang = book.lang
    policy = book.plans[0].policy
    keys = metric_keys(book)
    labels = [metric_label(k, lang) for k in keys] + [label(f"wb.{k}", lang) for k in ("debt_accrued", "debt_credit")]
    largest = max([p.total_payment for p in book.plans] + [p.opening for p in book.plans])
    plan_width = max(amount_width(largest, policy, 16), max(min(text_width([p.name]), 22) for p in book.plans))
    set_widths(ws, [text_width(labels, 24, 40)] + [plan_width] * max(2, len(book.plans)))
    print_setup(ws, book.case_id, None, lang)
    out = SheetWriter(ws)
    out.append((label("wb.summary_title", lang).format(case=book.case_id or "—"), "title"))
    if book.title:
        out.append((book.title, "note"))
    out.blank()
    _case_block(out, book)
    _debt_block(out, book)
    _comparison(out, book, layouts, keys)
    if book.cap is not None:
        _cap_block(out, book)


def _case_block(out: SheetWriter, book: CaseBook) -> None:
    lang = book.lang
    out.append((label("wb.case_heading", lang), "heading"))
    pairs: list[tuple[str, Any, str]] = [
        ("wb.case_id", book.case_id, "text"), ("wb.borrower", book.borrower, "text"),
        ("wb.creditor", book.creditor, "text"), ("wb.as_of", book.as_of, "date_left"),
        ("currency", book.currency, "text"),
        ("wb.prepared", book.created.replace(microsecond=0) if book.created else None, "datetime_left"),
    ]
    for key, value, style in pairs:
        out.append((label(key, lang), "label"), (value if value not in (None, "") else "—", style))
    out.blank()


def _debt_block(out: SheetWriter, book: CaseBook) -> None:
    position = book.position
    if position is None:
        return
    lang = book.lang
    when = position.as_of.isoformat()
    out.append((label("wb.debt_heading", lang).format(date=when), "heading"))
    first = out.row + 1
    lines: list[tuple[str, Decimal, str]] = [("wb.debt_principal", position.principal, "")]
    if position.overdue_principal:
        note = label("wb.of_which_overdue", lang).format(amount=position.policy.grouped(position.overdue_principal))
        lines[0] = ("wb.debt_principal", position.principal, note)
    lines += [("wb.debt_interest", position.interest, ""), ("wb.debt_accrued", position.accrued_interest, ""),
              ("wb.debt_penalty", position.penalty, ""), ("wb.debt_fees", position.fees, "")]
    for key, amount, note in lines:
        out.append((label(key, lang), "label"), (amount, "amount"), (note or None, "note"))
    last = out.row
    total = f"=ROUND(SUM(B{first}:B{last})"
    if position.credit:
        out.append((label("wb.debt_credit", lang), "label"), (position.credit, "amount"))
        total += f"-B{out.row}"
    out.append((label("wb.debt_total", lang), "total_label"), (f"{total},{position.policy.minor_units})", "total"))
    if book.basis:
        out.append((label("wb.basis_heading", lang), "bold"))
        for key, text in book.basis:
            out.append((label(key, lang), "label"), (text, "text"))
    out.blank()


def _comparison(out: SheetWriter, book: CaseBook, layouts: Sequence[PlanLayout], keys: list[str]) -> None:
    lang = book.lang
    out.append((label("wb.comparison_heading", lang), "heading"))
    out.append((label("wb.metric", lang), "header"), *[(p.name, "header") for p in book.plans])
    solved = False
    for key in keys:
        cells: list[Any] = [(metric_label(key, lang), "label")]
        for plan, layout in zip(book.plans, layouts, strict=True):
            formula = formula_metric(key, layout)
            value = formula if formula is not None else plan.metrics.get(key)
            solved = solved or (formula is None and key in plan.metrics)
            cells.append((_cell_value(value), _style(key, value)))
        out.append(*cells)
    out.append((label("wb.comparison_note_solved" if solved else "wb.comparison_note", lang), "note"))
    out.blank()


def _cell_value(value: Any) -> Any:
    if value is None:
        return "—"
    if isinstance(value, Decimal | int | float | str | date):
        return value
    return str(value)


def _style(key: str, value: Any) -> str:
    if isinstance(value, str) and not value.startswith("="):
        return "text"
    if key in RATE_METRICS:
        return "rate"
    if key in COUNT_METRICS:
        return "int"
    if key.endswith("_date") or isinstance(value, date):
        return "date"
    return "amount"


def _cap_block(out: SheetWriter, book: CaseBook) -> None:
    cap = book.cap
    if cap is None:
        return
    lang = book.lang
    out.append((label("wb.cap_heading", lang), "heading"))
    out.append((label("wb.cap", lang), "label"), (cap.cap_text, "text"))
    out.append((label("wb.cap_rate", lang), "label"), (cap.cap, "rate"))
    out.append((label("wb.cap_cost", lang), "label"), (cap.cost if cap.cost is not None else "—", "rate"))
    out.append((label("arrears.excess", lang), "label"), (cap.excess, "amount"))
    out.append((label("arrears.simple_excess", lang), "label"), (cap.simple_excess, "amount"))
    verdict = label("wb.cap_within" if cap.within else "wb.cap_over", lang)
    out.append((label("wb.cap_result", lang), "label"), (verdict, "bold"))
    for line in cap.trace:
        out.append((line, "note"))
