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

from ...text import say
from ..labels import currency_name, label
from ..render import display_width
from .book import BookPlan, CaseBook, copy_label
from .layout import PlanLayout
from .style import LINE_HEIGHT, Formula, SheetWriter, amount_width, print_setup, set_widths, text_width, wrapped_lines

#: what the Summary shows without compare's figures: what the plan sheets hold
DEFAULT_METRICS = ("total_payment", "total_principal", "total_interest", "total_penalty", "total_fees", "payments",
                   "first_payment", "largest_payment", "smallest_payment", "payoff_date")
#: metric -> plan-sheet column whose total it is
TOTALS = {"total_payment": "payment", "total_principal": "principal", "total_interest": "interest",
          "total_penalty": "penalty", "total_fees": "fees"}
PERCENT_METRICS = frozenset({"annual_cost", "discount_rate", "recovery", "cash_recovery", "payment_to_income",
                             "payment_to_budget"})
COUNT_METRICS = frozenset({"payments"})


def metric_label(key: str, lang: str) -> str:
    """compare's row label of a metric; the workbook's own for figures compare does not name.

    >>> metric_label("total_payment", "zh"), metric_label("total_interest", "en")
    ('还款总额', 'of which interest')
    """
    from ..compare import TABLE_LABELS

    text = label(TABLE_LABELS.get(key, key), lang)
    return text if text != key else label(f"wb.metric_{key}", lang)


def formula_metric(key: str, plan: BookPlan, layout: PlanLayout,
                   contract: tuple[BookPlan, PlanLayout] | None = None) -> Formula | None:
    """A formula over the plan's sheet that yields the metric (with its value),
    or None when none does. When the plan carries compare's figure, the formula
    is used only if it gives exactly that figure from the plan's rows.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from repayplan.model import Loan
    >>> from repayplan.rates import parse_rate
    >>> from repayplan.schedule import build_schedule
    >>> s = build_schedule(Loan(Decimal("1200"), parse_rate("0%"), 12, start=date(2025, 1, 1)))
    >>> plan = BookPlan.from_schedule("A", s, metrics={"largest_payment": Decimal("100.00")})
    >>> formula_metric("largest_payment", plan, PlanLayout("Plan A", 12, True))
    Formula(text="MAX('Plan A'!$F$9:$F$20)", value=Decimal('100.00'))
    >>> from dataclasses import replace
    >>> formula_metric("largest_payment", replace(plan, metrics={"largest_payment": Decimal("99.99")}),
    ...                PlanLayout("Plan A", 12, True)) is None
    True
    """
    rows = plan.rows
    if not rows:
        return None
    amounts = [r.payment for r in rows]
    paying = [a for a in amounts if a > 0]
    column = layout.column("payment")
    candidates: dict[str, tuple[str, Any]] = {
        "payments": (f'COUNTIF({column},">0")', len(paying)),
        "largest_payment": (f"MAX({column})", max(amounts)),
        "payoff_date": (f"{layout.cell('due_date', len(rows) - 1)}", rows[-1].due_date),
    }
    for metric, col in TOTALS.items():
        candidates[metric] = (f"{layout.total(col)}", plan.total(col))
    if amounts[0] > 0:
        candidates["first_payment"] = (f"{layout.cell('payment', 0)}", amounts[0])
    if len(paying) == len(amounts):
        candidates["smallest_payment"] = (f"MIN({column})", min(amounts))
    if contract is not None:
        other, where = contract
        digits = plan.policy.minor_units
        if other is plan:
            candidates["saving"] = (f"ROUND({layout.total('payment')}-{layout.total('payment')},{digits})",
                                    Decimal(0))
        else:
            candidates["saving"] = (f"ROUND({where.total('payment')}-{layout.total('payment')},{digits})",
                                    other.total_payment - plan.total_payment)
    if key not in candidates:
        return None
    formula, value = candidates[key]
    if key in plan.metrics and plan.metrics[key] != value:
        return None
    return Formula(formula, value)


def metric_keys(book: CaseBook) -> list[str]:
    """The figures the comparison lists (compare's order, else what the sheets hold), less those this copy omits."""
    return [k for k in (list(book.metric_order) or list(DEFAULT_METRICS)) if book.shows(k)]


#: plans a comparison block holds: a landscape A4 page's width at a readable size
GROUP = 5


def write_summary(out: SheetWriter, book: CaseBook, layouts: Sequence[PlanLayout]) -> None:
    ws = out.ws
    lang = book.lang
    policy = book.plans[0].policy
    keys = metric_keys(book)
    labels = [metric_label(k, lang) for k in keys] + [label(f"wb.{k}", lang) for k in ("debt_accrued", "debt_credit")]
    compared = [p for p in book.plans if p.compared]
    largest = max([p.total_payment for p in book.plans] + [p.opening for p in book.plans])
    plan_width = max(amount_width(largest, policy, 16), max((min(text_width([p.name]), 22) for p in compared),
                                                            default=16))
    columns = max(2, -(-len(compared) // -(-len(compared) // GROUP)) if compared else 2)
    out.widths = set_widths(ws, [text_width(labels, 24, 40)] + [plan_width] * columns)
    print_setup(ws, book.case_id, lang, copy=copy_label(book), label_columns=True)
    out.paginate()
    out.append((label("wb.summary_title", lang).format(case=book.case_id or "—"), "title"))
    out.append((copy_label(book), "copy"))
    if book.title:
        out.append((book.title, "note"))
    out.blank()
    _case_block(out, book)
    _debt_block(out, book)
    if book.nothing_owed:
        _nothing_owed(out, book)
    elif compared:
        _comparison(out, book, layouts, keys)
    if book.cap is not None:
        _cap_block(out, book)


def _nothing_owed(out: SheetWriter, book: CaseBook) -> None:
    when = book.position.as_of.isoformat() if book.position is not None else ""
    out.append((label("wb.nothing_owed_heading", book.lang), "heading"))
    out.paragraph(label("wb.nothing_owed", book.lang).format(date=when), sum(out.widths), len(out.widths), "wrap")
    out.blank()


def _case_block(out: SheetWriter, book: CaseBook) -> None:
    lang = book.lang
    out.keep(8 * 15)
    out.append((label("wb.case_heading", lang), "heading"))
    pairs: list[tuple[str, Any, str]] = [
        ("wb.case_id", book.case_id, "text"), ("wb.borrower", book.borrower, "text"),
        ("wb.creditor", book.creditor, "text"), ("wb.as_of", book.as_of, "date_left"),
        ("currency", currency_name(book.currency, lang) if book.currency else book.currency, "text"),
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
    out.keep(8 * 15)
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
    total = f"ROUND(SUM(B{first}:B{last})"
    if position.credit:
        out.append((label("wb.debt_credit", lang), "label"), (position.credit, "amount"))
        total += f"-B{out.row}"
    out.append((label("wb.debt_total", lang), "total_label"),
               (Formula(f"{total},{position.policy.minor_units})", position.total), "total"))
    if book.basis:
        out.keep((len(book.basis) + 1) * 15)
        out.append((label("wb.basis_heading", lang), "bold"))
        for key, text in book.basis:
            out.append((label(key, lang), "label"), (text, "text"))
    out.blank()


def _comparison(out: SheetWriter, book: CaseBook, layouts: Sequence[PlanLayout], keys: list[str]) -> None:
    """The plans side by side, in blocks of at most GROUP plans (a page wide), each with its row labels."""
    lang = book.lang
    pairs = [(p, lay) for p, lay in zip(book.plans, layouts, strict=True) if p.compared]
    contract = next(((p, lay) for p, lay in pairs if p.kind == "contract"), None)
    width = out.widths[1] if len(out.widths) > 1 else 16
    solved = False
    size = -(-len(pairs) // -(-len(pairs) // GROUP))  # groups as even as can be: 6 plans as 3 + 3
    for start in range(0, len(pairs), size):
        group = pairs[start:start + size]
        heading = label("wb.comparison_heading", lang)
        if len(pairs) > size:
            heading += " " + label("wb.plans_range", lang).format(first=start + 1, last=start + len(group),
                                                                 count=len(pairs))
        lines = max(-(-display_width(p.name) // max(1, int(width) - 2)) for p, _ in group)
        out.keep(15 * (len(keys) + 1) + LINE_HEIGHT * lines + 2)
        out.append((heading, "heading"))
        if lines > 1:
            out.height(LINE_HEIGHT * lines + 2)
        out.append((label("wb.metric", lang), "header_left"), *[(p.name, "header") for p, _ in group])
        for key in keys:
            cells: list[Any] = [(metric_label(key, lang), "label_wrap")]
            for plan, layout in group:
                formula = formula_metric(key, plan, layout, contract)
                value = formula if formula is not None else plan.metrics.get(key)
                solved = solved or (formula is None and key in plan.metrics)
                cells.append((_cell_value(value, lang), _style(key, value)))
            out.append(*cells)
        out.blank()
    total = sum(out.widths)
    columns = len(out.widths)
    notes = [n for n in book.notes if not (book.audience == "borrower" and "NPV" in n)]  # the creditor's cost
    note = "wb.comparison_note"
    if solved:
        note = "wb.comparison_note_solved_cost" if book.audience == "borrower" else "wb.comparison_note_solved"
    texts = [label(note, lang)] + ["· " + say(n, lang) for n in notes]
    out.keep(sum(LINE_HEIGHT * wrapped_lines(t, total) + 1 for t in texts))  # the notes stay together
    for text in texts:
        out.paragraph(text, total, columns)
    out.blank()


def _cell_value(value: Any, lang: str) -> Any:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return label("cmp.yes" if value else "cmp.no", lang)
    if isinstance(value, Formula | Decimal | int | float | str | date):
        return value
    return str(value)


def _style(key: str, value: Any) -> str:
    if value is None or isinstance(value, bool | str):
        return "dash"
    if key in PERCENT_METRICS:
        return "percent"
    if key in COUNT_METRICS:
        return "int"
    if key.endswith("_date") or key == "first_due" or isinstance(value, date) or (
            isinstance(value, Formula) and isinstance(value.value, date)):
        return "date_right"
    return "amount"


def _cap_block(out: SheetWriter, book: CaseBook) -> None:
    cap = book.cap
    if cap is None:
        return
    lang = book.lang
    out.keep(15 * (7 + len(cap.trace)))
    out.append((label("wb.cap_heading", lang), "heading"))
    out.append((label("wb.cap", lang), "label"), (cap.cap_text, "text"))
    out.append((label("wb.cap_rate", lang), "label"), (cap.cap, "percent"))
    out.append((label("cap.nominal_irr", lang), "label"), (cap.nominal if cap.nominal is not None else "—", "percent"))
    out.append((label("wb.cap_cost", lang), "label"), (cap.cost if cap.cost is not None else "—", "percent"))
    out.append((label("arrears.excess", lang), "label"), (cap.excess, "amount"))
    out.append((label("arrears.simple_excess", lang), "label"), (cap.simple_excess, "amount"))
    verdict = label("wb.cap_within" if cap.within else "wb.cap_over", lang)
    out.append((label("wb.cap_result", lang), "label"), (verdict, "bold"))
    if cap.rule:
        out.append((f"{label('cap.rule', lang)}{label('sep.colon', lang)}{label(cap.rule, lang)}", "note"))
    for line in cap.trace:
        out.append((line, "note"))
