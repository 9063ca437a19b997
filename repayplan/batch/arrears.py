"""Arrears per case: payments from one file, penalty terms from the case list.

With ``--payments FILE`` (``case_id,date,amount``, any order) or ``--as-of``,
every case is rebuilt by :func:`repayplan.arrears.statement` as of a date,
one case at a time (exact, not vectorised). Penalty terms are optional
columns of the case list, the ``[penalty]`` keys prefixed ``penalty_``
(``penalty_rate``, ``penalty_base``, ``penalty_grace_days`` ...).

>>> import io
>>> payments = read_payments_file(io.StringIO("case_id,date,amount\\nA,2025-02-10,1066.19\\n"))
>>> [(p.date.isoformat(), p.amount) for p in payments["A"]]
[('2025-02-10', Decimal('1066.19'))]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from ..arrears import Payment, PenaltyPolicy, statement
from ..casefile.arrears import PENALTY_FIELDS, read_penalty
from ..casefile.fields import Reader, parse_date
from ..casefile.workbook_rows import is_workbook, workbook_rows
from ..csvrows import records
from ..errors import InputError
from ..inputs import brief
from ..money import to_decimal
from .cases import Cases

PENALTY_COLUMNS = tuple(f"penalty_{key}" for key in PENALTY_FIELDS)
ARREARS_COLUMNS = ("arrears_as_of", "arrears_total_paid", "arrears_outstanding_principal", "arrears_overdue_principal",
                   "arrears_overdue_interest", "arrears_accrued_interest", "arrears_penalty_total",
                   "arrears_fees_total", "arrears_total_due", "arrears_payoff_amount", "arrears_days_past_due")
ARREARS_AMOUNTS = ARREARS_COLUMNS[1:-1]
_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
SHOWN = 20


@dataclass(frozen=True)
class Arrears:
    """Payments by case_id, and the date statements are made as of (None: today)."""

    payments: dict[str, tuple[Payment, ...]] = field(default_factory=dict)
    as_of: date | None = None


def _payments_text(source: str | Path | IO[str], where: str) -> str:
    """The text of a payments CSV (a path or an open stream)."""
    try:
        if hasattr(source, "read"):
            return str(source.read())  # type: ignore[union-attr]
        return Path(source).read_text(encoding="utf-8-sig")  # type: ignore[arg-type]
    except FileNotFoundError:
        raise InputError(f"--payments: {where} not found; check the path") from None
    except IsADirectoryError:
        raise InputError(f"--payments: {where} is a directory; give a CSV file case_id,date,amount") from None
    except UnicodeDecodeError:
        raise InputError(f"--payments: {where} is not UTF-8 text; save it as CSV (UTF-8)") from None
    except OSError as exc:
        raise InputError(f"--payments: cannot read {where}: {exc.strerror}") from None


def read_payments_file(source: str | Path | IO[str]) -> dict[str, tuple[Payment, ...]]:
    """Payments by case_id from a ``case_id,date,amount`` CSV; every problem at once (at most 20 shown)."""
    where = str(source) if not hasattr(source, "read") else "payments"
    unit = "line"
    if not hasattr(source, "read") and is_workbook(source):  # type: ignore[arg-type]
        unit = "row"  # a workbook's first sheet, rows numbered as the spreadsheet numbers them
        if Path(source).is_dir():  # type: ignore[arg-type]
            raise InputError(f"--payments: {where} is a directory; give a CSV or .xlsx file case_id,date,amount")
        try:
            found = list(workbook_rows(source))  # type: ignore[arg-type]
        except InputError as exc:
            raise InputError(f"--payments: {exc}") from None
    else:
        found = list(records(_payments_text(source, where).splitlines(keepends=True)))
    rows = [(line, cells, problem) for line, cells, problem in found if problem or any(cell.strip() for cell in cells)]
    if not rows:
        raise InputError(f"--payments: {where} is empty; the first line must name the columns case_id,date,amount")
    from ..casefile.arrears import CSV_COLUMNS  # 日期/还款日期, 金额/还款金额 name the date and amount too

    aliases = {name: key for key, names in CSV_COLUMNS.items() for name in names}
    header = [aliases.get(c.strip().lower(), c.strip().lower()) for c in rows[0][1]]
    missing = [c for c in ("case_id", "date", "amount") if c not in header]
    if missing or rows[0][2]:
        raise InputError(f"--payments: {where} has no column {', '.join(map(repr, missing))}; "
                         "the first line must name the columns case_id,date,amount")
    twice = sorted({c for c in header if c and header.count(c) > 1})
    if twice:
        raise InputError(f"--payments: {where} names the column {brief(twice[0])} twice; keep one")
    index = [header.index(c) for c in ("case_id", "date", "amount")]
    problems: list[str] = []
    out: dict[str, list[Payment]] = {}
    for line, cells, problem in rows[1:]:
        at = f"--payments: {where} {unit} {line}"
        if problem:
            problems.append(f"{at}: {problem}")
            continue
        case_id, day, amount = (cells[i].strip() if i < len(cells) else "" for i in index)
        if not (case_id or day or amount):
            continue
        try:
            when = parse_date(day, "date")
            value = to_decimal(amount, "amount") if amount else None
            if value is None or value < 0:
                raise InputError(f"amount: must be an amount of 0 or more, got {amount!r}")
            if not case_id:
                raise InputError("case_id: missing; say whose payment it is")
        except InputError as exc:
            problems.append(f"{at}: {exc}")
            continue
        out.setdefault(case_id, []).append(Payment(when, value))
    if problems:
        more = [f"... and {len(problems) - SHOWN} more problems in {where}"] if len(problems) > SHOWN else []
        raise InputError("\n".join(problems[:SHOWN] + more))
    return {k: tuple(sorted(v, key=lambda p: p.date)) for k, v in out.items()}


def _penalty(cells: tuple[str, ...]) -> tuple[PenaltyPolicy | None, list[str]]:
    """A PenaltyPolicy from a row's penalty_* cells ("" = not given), problems named by column."""
    table: dict[str, Any] = {}
    for key, cell in zip(PENALTY_FIELDS, cells, strict=True):
        if cell == "":
            continue
        table[key] = _BOOLEANS.get(cell.lower(), cell) if key in ("compound", "count_payment_day") else cell
    reader = Reader()
    policy = read_penalty(reader, table or None)
    return policy, [p.replace("penalty.", "penalty_", 1) for p in reader.problems]


def arrears_columns(chunk: pd.DataFrame, cases: Cases, arrears: Arrears,
                    ok: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray, list[Any]]:
    """(figures by column, problems per valid case, (payments, penalty) per valid case) for the cases where ``ok``."""
    n = len(cases)
    out = {key: np.full(n, "", dtype=object) for key in ARREARS_COLUMNS}
    out["arrears_days_past_due"] = np.full(n, None, dtype=object)
    problems = np.full(n, "", dtype=object)
    history: list[Any] = [None] * n
    cells = [np.array([str(c).strip() for c in chunk[name].tolist()], dtype=object) if name in chunk.columns
             else np.full(len(chunk), "", dtype=object) for name in PENALTY_COLUMNS]
    policies: dict[tuple[str, ...], tuple[PenaltyPolicy | None, list[str]]] = {}
    today = date.today()
    for i in np.flatnonzero(ok).tolist():
        row = int(cases.index[i])
        key = tuple(c[row] for c in cells)
        if key not in policies:
            policies[key] = _penalty(key)
        policy, errors = policies[key]
        loan = cases.loans(i)
        on = arrears.as_of or today
        payments = arrears.payments.get(str(cases.case_id[i]), ())
        errors = errors + [f"payments: {p.date} {p.amount}: {why}" for p in payments for why in _check(p, loan)]
        if on < loan.start:
            errors.append(f"--as-of: {on} is before the loan start {loan.start}; give a later date")
        if errors:
            problems[i] = "\n".join(errors)
            continue
        st = statement(loan, [p for p in payments if p.date <= on], policy, on)
        history[i] = (payments, policy)
        money = loan.policy.text
        figures = (st.total_paid, st.outstanding_principal, st.overdue_principal, st.overdue_interest,
                   st.position.accrued_interest, st.penalty_interest, st.fees, st.total_due, st.payoff_amount)
        out["arrears_as_of"][i] = on.isoformat()
        for column, value in zip(ARREARS_AMOUNTS, figures, strict=True):
            out[column][i] = money(value)
        out["arrears_days_past_due"][i] = st.days_past_due
    return out, problems, history


def _check(payment: Payment, loan: Any) -> list[str]:
    """A payment against its loan: not before the start, no more decimals than the currency has."""
    why = []
    if payment.date < loan.start:
        why.append(f"before the loan start {loan.start}; check the date")
    if loan.policy.round(payment.amount) != payment.amount:
        why.append(f"more decimals than {loan.currency} allows; give it to {loan.policy.quantum}")
    return why


__all__ = ["ARREARS_AMOUNTS", "ARREARS_COLUMNS", "PENALTY_COLUMNS", "Arrears", "arrears_columns", "read_payments_file"]
