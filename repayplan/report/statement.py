"""An arrears statement as JSON (a stable contract), CSV and a table for people.

JSON: ``{"currency", "as_of", "summary", "installments", "payments",
"credit_applied", "notes"}`` plus ``"claim"`` and ``"cap"`` when asked for;
amounts are strings with exactly the currency's minor digits. A full-balance
penalty is traced once for the loan (``summary.penalty_trace``, and field by
field in ``summary.penalty_terms``), not per installment.

CSV: one row per installment, then one row per line of a full-balance penalty
with ``period`` = ``loan`` and its calculation in the ``penalty_*`` columns
(from, to (not counted), balance, daily rate, days, amount), so a program can
recompute each amount: balance × daily rate × days, rounded once.
"""

from __future__ import annotations

from typing import Any

from ..arrears.audit import ClaimAudit
from ..arrears.statement import Statement
from ..legal import CapCheck
from ..money import ZERO
from ..rates import percent_text
from ..text import say
from .answer import status_answer
from .claim import claim_dict, claim_text
from .labels import currency_name, label
from .render import csv_text, fit_lines, json_text, key_values, table_text

LINE_COLUMNS = ("period", "due_date", "status", "due", "paid", "unpaid_principal", "unpaid_interest",
                "penalty_interest", "unpaid_penalty", "fees", "unpaid_fees", "days_overdue", "settled_on")
AMOUNTS = frozenset({"due", "paid", "unpaid_principal", "unpaid_interest", "penalty_interest", "unpaid_penalty",
                     "fees", "unpaid_fees"})
#: the CSV's columns for the full-balance penalty's lines (rows with period "loan"), after the trace
PENALTY_TERM_COLUMNS = ("penalty_from", "penalty_to", "penalty_balance", "penalty_daily_rate", "penalty_days",
                        "penalty_amount")
#: columns of the table for people
TABLE_COLUMNS = ("period", "due_date", "status", "due", "penalty_interest", "fees", "paid", "balance",
                 "days_overdue")
SUMMARY_AMOUNTS = ("outstanding_principal", "overdue_principal", "overdue_interest", "accrued_interest",
                   "penalty_interest", "fees", "credit", "total_due", "payoff_amount", "total_paid",
                   "penalty_charged", "fees_charged")
#: summary key -> label key, in the order people read them
SUMMARY_LABELS = (("outstanding_principal", "arrears.outstanding_principal"),
                  ("overdue_principal", "arrears.overdue_principal"),
                  ("overdue_interest", "arrears.overdue_interest"),
                  ("penalty_interest", "arrears.penalty_total"), ("fees", "arrears.fees_total"),
                  ("total_due", "arrears.total_due"), ("accrued_interest", "arrears.accrued_interest"),
                  ("credit", "arrears.credit"), ("payoff_amount", "arrears.payoff_amount"),
                  ("days_past_due", "arrears.days_past_due"), ("total_paid", "arrears.total_paid"),
                  ("penalty_charged", "arrears.penalty_charged"), ("fees_charged", "arrears.fees_charged"))


def summary_dict(st: Statement) -> dict[str, Any]:
    money = st.money.text
    p = st.penalty
    out: dict[str, Any] = {key: money(getattr(st, key)) for key in SUMMARY_AMOUNTS}
    out.update({
        "days_past_due": st.days_past_due,
        "penalty_rate": st.rate_text,
        "penalty_base": p.base,
        "compound": p.compound,
        "count_payment_day": p.count_payment_day,
        "grace_days": p.grace_days,
        "grace_mode": p.grace_mode,
        "late_fee": p.late_fee_text,
        "allocation": list(p.allocation),
        "allocation_scope": p.allocation_scope,
        "accrued_interest_trace": st.accrued_interest_trace,
        "penalty_trace": list(st.penalty_trace),  # full-balance penalty only; otherwise per installment
        "penalty_terms": penalty_term_dicts(st),  # the same lines, field by field
    })
    return out


def penalty_term_dicts(st: Statement) -> list[dict[str, Any]]:
    """The full-balance penalty's lines, field by field: ``to`` is not counted (days = to − from), the daily rate
    is a decimal fraction (0.0005 for 0.05%/day; to 40 significant digits when it does not terminate, like
    18%/year ÷ 365), and amount = balance × daily rate × days, rounded once.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from repayplan import Loan, parse_rate
    >>> from repayplan.arrears import PenaltyPolicy, statement
    >>> loan = Loan(Decimal("10000"), parse_rate("0%"), 10, start=date(2024, 12, 15))
    >>> st = statement(loan, [], PenaltyPolicy(parse_rate("0.05%/day"), base="outstanding"), date(2025, 2, 14))
    >>> penalty_term_dicts(st)  # 10,000.00 × 0.05%/day × 30 days = 150.00
    [{'from': '2025-01-15', 'to': '2025-02-14', 'balance': '10000.00', 'daily_rate': '0.0005', 'days': 30, \
'amount': '150.00'}]
    """
    rate = st.penalty.resolved_rate(st.loan.rate)
    if rate is None or not st.penalty_terms:
        return []
    money = st.money.text
    daily = f"{rate.daily(st.loan.day_count).normalize():f}"
    return [{"from": t.start.isoformat(), "to": t.end.isoformat(), "balance": money(t.base), "daily_rate": daily,
             "days": t.days, "amount": money(t.amount)} for t in st.penalty_terms]


def line_dicts(st: Statement) -> list[dict[str, Any]]:
    money = st.money.text
    rows = []
    for line in st.lines:
        row: dict[str, Any] = {}
        for c in LINE_COLUMNS:
            value = getattr(line, c)
            row[c] = money(value) if c in AMOUNTS else value.isoformat() if hasattr(value, "isoformat") else value
        row["trace"] = list(line.trace)
        rows.append(row)
    return rows


def payment_dicts(st: Statement) -> list[dict[str, Any]]:
    money = st.money.text
    applied: list[list[dict[str, Any]]] = [[] for _ in st.payments]
    for a in st.applications:
        if a.payment is not None:
            applied[a.payment].append({"period": a.period, "component": a.component, "amount": money(a.amount)})
    return [{"date": p.date.isoformat(), "amount": money(p.amount), "note": p.note, "applied": applied[i],
             "to_credit": money(st.to_credit[i])} for i, p in enumerate(st.payments)]


def statement_dict(st: Statement, audit: ClaimAudit | None = None, cap: CapCheck | None = None) -> dict[str, Any]:
    """The JSON contract of `repayplan status`."""
    money = st.money.text
    data: dict[str, Any] = {
        "currency": st.money.currency,
        "as_of": st.as_of.isoformat(),
        "summary": summary_dict(st),
        "installments": line_dicts(st),
        "payments": payment_dicts(st),
        "credit_applied": [{"date": a.date.isoformat(), "period": a.period, "component": a.component,
                            "amount": money(a.amount)} for a in st.applications if a.payment is None],
        "notes": list(st.notes),
    }
    if audit is not None:
        data["claim"] = claim_dict(audit)
    if cap is not None:
        data["cap"] = {
            "cap": str(cap.cap), "cap_rate": percent_text(cap.cap.rate), "rule": label(cap.cap.rule, "en"),
            "nominal_annual_rate": percent_text(cap.nominal_rate, 4) if cap.nominal_rate is not None else None,
            "decided_by": "nominal_annual_rate",
            "effective_annual_cost": percent_text(cap.effective_rate, 4) if cap.effective_rate is not None else None,
            "charged": money(cap.charged), "allowed": money(cap.allowed), "excess": money(cap.excess),
            "simple_allowed": money(cap.simple_allowed), "simple_excess": money(cap.simple_excess),
            "above_cap": cap.above, "trace": list(cap.trace),
        }
    return data


def statement_json(st: Statement, audit: ClaimAudit | None = None, cap: CapCheck | None = None) -> str:
    return json_text(statement_dict(st, audit, cap))


def statement_csv(st: Statement, lang: str = "en") -> str:
    """One row per installment, the calculation in the trace column (lines joined by ' | '); then one row per
    line of a full-balance penalty, ``period`` "loan", the line in words in ``trace`` and field by field in the
    ``penalty_*`` columns (empty on installment rows)."""
    columns = LINE_COLUMNS + ("trace",) + PENALTY_TERM_COLUMNS
    headers = list(columns) if lang == "en" else [label(_column_key(c), lang) for c in columns]
    blank = [""] * len(PENALTY_TERM_COLUMNS)
    rows = [[*(_csv_cell(c, row[c], lang) for c in LINE_COLUMNS), " | ".join(say(t, lang) for t in row["trace"]),
             *blank] for row in line_dicts(st)]
    for term, text in zip(penalty_term_dicts(st), st.penalty_trace, strict=True):
        rows.append([_word("loan", lang), "", _word("full-balance penalty", lang), *[""] * (len(LINE_COLUMNS) - 3),
                     say(text, lang), *term.values()])
    return csv_text(headers, rows)


def _word(code: str, lang: str) -> str:
    """A CSV code word: as is in English (programs read it), in words otherwise."""
    return code if lang == "en" else label(f"csv.{code}", lang)


def _csv_cell(column: str, value: Any, lang: str) -> Any:
    if value is None:
        return ""
    return label(f"arrears.status.{value}", lang) if column == "status" and lang != "en" else value


def statement_table(st: Statement, audit: ClaimAudit | None = None, cap: CapCheck | None = None,
                    lang: str = "en") -> str:
    """Summary, the installments with totals, then every calculation in words."""
    g = st.money.grouped
    p = st.penalty
    loan = st.loan
    base = label(f"base.{p.base}", lang) + (label("base.compound", lang) if p.compound else "") \
        + (label("base.payment_day", lang) if p.count_payment_day else "")
    head = [
        (label("currency", lang), currency_name(st.money.currency, lang)),
        (label("arrears.as_of", lang), st.as_of.isoformat()),
        (label("loan_amount", lang), g(loan.principal)),
        (label("rate", lang), say(loan.rate, lang)),
        (label("arrears.penalty_rate", lang), say(st.rate_text, lang)),
        (label("arrears.penalty_base", lang), base),
        (label("arrears.grace_days", lang),
         label(f"grace.{p.grace_mode}", lang).format(days=p.grace_days) if p.grace_days else "0"),
        (label("arrears.late_fee", lang), say(p.late_fee_text, lang)),
        (label("arrears.allocation", lang), allocation_text(p.allocation, p.allocation_scope, lang)),
    ]
    for key, label_key in SUMMARY_LABELS:
        value = getattr(st, key)
        if key in ("credit", "accrued_interest") and not value:
            continue
        head.append((label(label_key, lang), g(value) if key != "days_past_due" else
                     label("arrears.days_value", lang).format(days=value)))
    body = []
    for line in st.lines:
        body.append([line.period, line.due_date.isoformat(), label(f"arrears.status.{line.status}", lang),
                     g(line.due), g(line.penalty_interest), g(line.fees), g(line.paid), g(line.balance),
                     line.days_overdue])
    zero = st.money.round(ZERO)
    totals = [label("total", lang), "", "", g(sum((x.due for x in st.lines), zero)), g(st.penalty_charged),
              g(st.fees_charged), g(sum((x.paid for x in st.lines), zero)),
              g(sum((x.balance for x in st.lines), zero)), ""]
    headers = [label(_column_key(c), lang) for c in TABLE_COLUMNS]
    parts = [status_answer(st, lang, audit), key_values(head), table_text(headers, body + [totals])]
    colon = label("sep.colon", lang)
    calc = [f"  {label('arrears.full_balance', lang)}{colon}{say(text, lang)}" for text in st.penalty_trace]
    calc += [f"  {label('trace.installment', lang).format(period=line.period)}{colon}{say(text, lang)}"
             for line in st.lines for text in line.trace]
    if st.accrued_interest_trace:
        calc.append(f"  {label('arrears.accrued_interest', lang)}{colon}{say(st.accrued_interest_trace, lang)}")
    if calc:
        parts.append(f"{label('arrears.calculation', lang)}{colon.rstrip()}\n" + "\n".join(calc))
    if st.payments:
        parts.append(f"{label('arrears.payments', lang)}{colon.rstrip()}\n" + "\n".join(_payment_lines(st, lang)))
    if st.notes:
        parts.append(f"{label('arrears.notes', lang)}{colon.rstrip()}\n"
                     + "\n".join(f"  {say(n, lang)}" for n in st.notes))
    if audit is not None:
        parts.append(claim_text(audit, lang, st.as_of))
    if cap is not None:
        parts.append(_cap_text(st, cap, lang))
    return fit_lines("\n\n".join(parts)) + "\n"


def allocation_text(order: tuple[str, ...] | str, scope: str, lang: str) -> str:
    """'fees → penalty → interest → principal (by installment)' (费用 → 罚息 → 利息 → 本金（逐期冲抵）)."""
    return " → ".join(label(f"component.{c}", lang) for c in order) + label(f"scope.{scope}", lang)


def _column_key(column: str) -> str:
    return column if column in ("period", "due_date") else f"arrears.{column}"


def _payment_lines(st: Statement, lang: str) -> list[str]:
    g = st.money.grouped
    by_payment: dict[int, list[str]] = {}
    credit: list[str] = []
    colon = label("sep.colon", lang)
    for a in st.applications:
        text = label("pay.part", lang).format(period=a.period, component=label(f"component.{a.component}", lang),
                                              amount=g(a.amount))
        if a.payment is None:
            credit.append(f"  {a.date}{label('sep.figure', lang)}{label('arrears.from_credit', lang)}{colon}{text}")
        else:
            by_payment.setdefault(a.payment, []).append(text)
    lines = []
    for i, p in enumerate(st.payments):
        parts = by_payment.get(i, [])
        if st.to_credit[i]:
            parts.append(label("pay.to_credit", lang).format(what=label("arrears.to_credit", lang),
                                                             amount=g(st.to_credit[i])))
        lines.append("  " + label("pay.line", lang).format(date=p.date, amount=g(p.amount),
                                                          parts=label("sep.comma", lang).join(parts) or "-"))
    return sorted(lines + credit)


def _cap_text(st: Statement, cap: CapCheck, lang: str) -> str:
    g = st.money.grouped
    rate = percent_text(cap.effective_rate, 2) if cap.effective_rate is not None else label("word.na", lang)
    nominal = percent_text(cap.nominal_rate, 2) if cap.nominal_rate is not None else label("word.na", lang)
    verdict = label("cap.above" if cap.above else "cap.within", lang)
    colon = label("sep.colon", lang)
    lines = [f"{label('arrears.legal', lang)}{colon.rstrip()}",
             f"  {label('arrears.cap', lang)}{colon}{say(cap.cap, lang)}",
             f"  {label('cap.rule', lang)}{colon}{label(cap.cap.rule, lang)}",
             f"  {label('cap.nominal_irr', lang)}{colon}{nominal} — {verdict}",
             f"  {label('cap.irr_excess', lang)}{colon}{g(cap.excess)}",
             f"  {label('arrears.simple_excess', lang)}{colon}{g(cap.simple_excess)}",
             f"  {label('cap.effective', lang)}{colon}{rate}"]
    lines += [f"  {say(t, lang)}" for t in cap.trace]
    return "\n".join(lines)
