"""A schedule as JSON (the stable contract), CSV and a table for people."""

from __future__ import annotations

from typing import Any

from ..model import Row, Schedule
from ..rates import percent_text
from ..text import say
from .answer import schedule_answer
from .labels import currency_name, label
from .render import csv_text, fit_lines, json_text, key_values, table_text

ROW_COLUMNS = ("period", "due_date", "days", "opening_balance", "payment", "principal", "interest", "fees",
               "penalty", "closing_balance")
AMOUNT_COLUMNS = frozenset(ROW_COLUMNS[3:])


def summary_dict(schedule: Schedule) -> dict[str, Any]:
    """Summary of a schedule; amounts as strings with the currency's minor digits."""
    money = schedule.policy.text
    out: dict[str, Any] = {
        "principal": money(schedule.principal),
        "periods": len(schedule.rows),
        "total_payment": money(schedule.total_payment),
        "total_interest": money(schedule.total_interest),
        "total_fees": money(schedule.total_fees),
        "total_penalty": money(schedule.total_penalty),
        "first_due": _iso(schedule.first_due),
        "payoff_date": _iso(schedule.payoff_date),
    }
    loan = schedule.loan
    if loan is not None:
        out.update({
            "annual_rate": percent_text(loan.rate.annual_for(loan.day_count)),
            "rate": str(loan.rate),
            "method": loan.method,
            "frequency": loan.frequency,
            "term": loan.term,
            "start": loan.start.isoformat(),
            "installment": money(schedule.headline),
            "interest_basis": loan.interest_basis,
            "day_count": loan.day_count,
            "rounding": loan.rounding,
        })
    differ = level_exceptions(schedule)
    if differ:
        out["installments_differ"] = [{"period": r.period, "payment": money(r.payment), "reason": why}
                                      for r, why in differ]
    out["interest_rule"] = schedule.interest_rule
    return out


def level_exceptions(schedule: Schedule) -> list[tuple[Row, str]]:
    """The rows of an annuity whose payment is not the level amount, and why:
    "interest_only" (the period's interest is more than the level amount) or
    "last" (the last row takes the rounding residue)."""
    level = schedule.installment
    if level is None:
        return []
    out = []
    for r in schedule.rows:
        paid = r.payment - r.fees
        if paid != level:
            out.append((r, "last" if r is schedule.rows[-1] else "interest_only"))
    return out


def differ_text(schedule: Schedule, lang: str = "en") -> str:
    """One line naming the installments that differ from the level amount and why.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from repayplan.model import Loan
    >>> from repayplan.rates import parse_rate
    >>> from repayplan.schedule import build_schedule
    >>> s = build_schedule(Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15),
    ...                         first_due=date(2025, 3, 1)))
    >>> for part in differ_text(s).split("; "):
    ...     print(part)
    installment 1 pays its interest only (more than the level amount)
    installment 360 is 5,314.67 (the last takes the rounding residue)
    """
    exceptions = level_exceptions(schedule)
    parts = []
    only = [r.period for r, why in exceptions if why == "interest_only"]
    if only:
        key = "sched.interest_only_one" if len(only) == 1 else "sched.interest_only_many"
        parts.append(label(key, lang).format(periods=period_ranges(only, sep=label("sched.list_sep", lang)),
                                             count=len(only)))
    for r, why in exceptions:
        if why == "last":
            parts.append(label("sched.last_residue", lang).format(period=r.period,
                                                                   amount=schedule.policy.grouped(r.payment)))
    return label("sched.sep", lang).join(parts)


def period_ranges(periods: list[int], most: int = 8, sep: str = ", ") -> str:
    """1, 3–8, 10 … : runs of periods, at most `most` runs then an ellipsis.

    >>> period_ranges([1, 3, 4, 5, 6, 10]), period_ranges(list(range(1, 40, 2)), most=3)
    ('1, 3–6, 10', '1, 3, 5, …')
    """
    runs: list[list[int]] = []
    for p in periods:
        if runs and p == runs[-1][1] + 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    shown = [f"{a}–{b}" if b > a else str(a) for a, b in runs[:most]]
    return sep.join(shown + (["…"] if len(runs) > most else []))


def row_dicts(schedule: Schedule) -> list[dict[str, Any]]:
    money = schedule.policy.text
    return [
        {c: (money(getattr(r, c)) if c in AMOUNT_COLUMNS else _cell(getattr(r, c))) for c in ROW_COLUMNS}
        for r in schedule.rows
    ]


def schedule_dict(schedule: Schedule) -> dict[str, Any]:
    """The JSON contract of `repayplan build`."""
    return {"currency": schedule.policy.currency, "summary": summary_dict(schedule), "rows": row_dicts(schedule)}


def schedule_json(schedule: Schedule) -> str:
    return json_text(schedule_dict(schedule))


def schedule_csv(schedule: Schedule, lang: str = "en") -> str:
    headers = [c if lang == "en" else label(c, lang) for c in ROW_COLUMNS]
    return csv_text(headers, [list(r.values()) for r in row_dicts(schedule)])


def schedule_table(schedule: Schedule, lang: str = "en") -> str:
    """Summary lines above an aligned table with a totals row."""
    grouped = schedule.policy.grouped
    summary = summary_dict(schedule)
    keys = ("principal", "annual_rate", "rate", "method", "frequency", "periods", "installment", "first_due",
            "payoff_date", "total_payment", "total_interest", "total_fees", "interest_rule")
    amounts = {"principal": schedule.principal, "installment": schedule.headline,
               "total_payment": schedule.total_payment, "total_interest": schedule.total_interest,
               "total_fees": schedule.total_fees}
    pairs = []
    for key in keys:
        if key not in summary:
            continue
        value = summary[key]
        if key in amounts:
            value = grouped(amounts[key])
        elif key == "method":
            value = f"{label(value, lang)} ({value})" if lang == "en" else label(value, lang)
        elif key == "frequency" and lang != "en":
            value = label(f"wb.freq_{value}", lang)
        elif key in ("rate", "interest_rule") and schedule.loan is not None:
            value = say(schedule.loan.rate if key == "rate" else schedule.interest_rule, lang)
        pairs.append((label("loan_amount" if key == "principal" else key, lang), value))
        if key == "installment" and level_exceptions(schedule):
            pairs.append((label("sched.differ", lang), differ_text(schedule, lang)))
    pairs.insert(0, (label("currency", lang), currency_name(schedule.policy.currency, lang)))
    body = [[r.period, r.due_date.isoformat(), r.days] + [grouped(getattr(r, c)) for c in ROW_COLUMNS[3:]]
            for r in schedule.rows]
    totals = [label("total", lang), "", sum(r.days for r in schedule.rows), "",
              grouped(schedule.total_payment), grouped(schedule.total("principal")), grouped(schedule.total_interest),
              grouped(schedule.total_fees), grouped(schedule.total_penalty), ""]
    headers = [label(c, lang) for c in ROW_COLUMNS]
    answer = fit_lines(schedule_answer(schedule, lang)) if schedule.rows else ""
    return (answer + "\n\n" if answer else "") + key_values(pairs) + "\n\n" + table_text(headers, body + [totals]) \
        + "\n"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _cell(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
