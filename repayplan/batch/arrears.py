"""Arrears per case: payments from one file, penalty terms from the case list.

With ``--payments FILE`` (``case_id,date,amount``, any order) or ``--as-of``,
every case is rebuilt as of a date, one case at a time (exact, not
vectorised), to the figures of :func:`repayplan.arrears.statement`
(:func:`repayplan.arrears.figures.figures`, which makes no statement lines). Penalty terms are optional
columns of the case list, the ``[penalty]`` keys prefixed ``penalty_``
(``penalty_rate``, ``penalty_base``, ``penalty_grace_days`` ...). A
``claimed`` column (and ``claimed_on``) audits a collection notice's figure
per case (:func:`repayplan.arrears.audit.audit`, a shorter time budget per
case): the ``arrears_claim_*`` columns.

>>> import io
>>> payments = read_payments_file(io.StringIO("case_id,date,amount\\nA,2025-02-10,1066.19\\n"))
>>> [(p.date.isoformat(), p.amount) for p in payments["A"]]
[('2025-02-10', Decimal('1066.19'))]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, NamedTuple

import numpy as np
import pandas as pd

from ..arrears import Payment, PenaltyPolicy
from ..arrears.audit import Claim, ClaimAudit, audit
from ..arrears.figures import figures as statement_figures
from ..casefile.arrears import PENALTY_FIELDS, read_penalty
from ..casefile.fields import Reader, parse_date
from ..casefile.workbook_rows import is_workbook, workbook_rows
from ..csvrows import records
from ..errors import CaseFileError, InputError, Problem, bad, lines, problems_of
from ..inputs import brief
from ..model import Position
from ..money import to_decimal
from ..text import msg
from .cases import Cases

PENALTY_COLUMNS = tuple(f"penalty_{key}" for key in PENALTY_FIELDS)
#: optional case-list columns: a collection notice's figure and the day it states it for (default: the as-of date)
CLAIM_INPUTS = ("claimed", "claimed_on")
STATEMENT_COLUMNS = ("arrears_as_of", "arrears_total_paid", "arrears_outstanding_principal",
                     "arrears_overdue_principal", "arrears_overdue_interest", "arrears_accrued_interest",
                     "arrears_penalty_total", "arrears_fees_total", "arrears_total_due", "arrears_payoff_amount",
                     "arrears_days_past_due")
#: the claim audit of a case with a ``claimed`` figure (empty otherwise)
CLAIM_COLUMNS = ("arrears_claimed", "arrears_claimed_on", "arrears_claim_basis", "arrears_claim_difference",
                 "arrears_claim_explained", "arrears_claim_explanation", "arrears_claim_maximum",
                 "arrears_claim_exceeds_maximum", "arrears_claim_cut_short")
ARREARS_COLUMNS = STATEMENT_COLUMNS + CLAIM_COLUMNS
_FIGURES = STATEMENT_COLUMNS[1:-1]
ARREARS_AMOUNTS = _FIGURES + ("arrears_claimed", "arrears_claim_difference", "arrears_claim_maximum")
#: the time budget of one case's claim audit (a book has many cases; the audit says when it was cut short)
CLAIM_BUDGET = 0.15
_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
SHOWN = 20


class Known(NamedTuple):
    """A case's payment history and penalty terms, and what its statement says is owed ``on``."""

    payments: tuple[Payment, ...]
    penalty: PenaltyPolicy | None
    on: date
    position: Position


@dataclass(frozen=True)
class Arrears:
    """Payments by case_id, the date statements are made as of (None: today), the language of the claim audit's
    words."""

    payments: dict[str, tuple[Payment, ...]] = field(default_factory=dict)
    as_of: date | None = None
    lang: str = "en"


def _payments_text(source: str | Path | IO[str], where: str) -> str:
    """The text of a payments CSV (a path or an open stream)."""
    try:
        if hasattr(source, "read"):
            return str(source.read())  # type: ignore[union-attr]
        return Path(source).read_text(encoding="utf-8-sig")  # type: ignore[arg-type]
    except FileNotFoundError:
        raise bad("--payments", "err.pay_not_found", where=where) from None
    except IsADirectoryError:
        raise bad("--payments", "err.pay_is_directory", where=where) from None
    except UnicodeDecodeError:
        raise bad("--payments", "err.pay_not_utf8", where=where) from None
    except OSError as exc:
        raise bad("--payments", "err.pay_unreadable", where=where, reason=exc.strerror) from None


def read_payments_file(source: str | Path | IO[str]) -> dict[str, tuple[Payment, ...]]:
    """Payments by case_id from a ``case_id,date,amount`` CSV; every problem at once (at most 20 shown)."""
    where = str(source) if not hasattr(source, "read") else "payments"
    unit = "line"
    if not hasattr(source, "read") and is_workbook(source):  # type: ignore[arg-type]
        unit = "row"  # a workbook's first sheet, rows numbered as the spreadsheet numbers them
        if Path(source).is_dir():  # type: ignore[arg-type]
            raise bad("--payments", "err.pay_is_directory_xlsx", where=where)
        try:
            found = list(workbook_rows(source))  # type: ignore[arg-type]
        except InputError as exc:
            raise CaseFileError([Problem(path="--payments", message=p.as_msg()) for p in problems_of(exc)]) from None
    else:
        found = list(records(_payments_text(source, where).splitlines(keepends=True)))
    rows = [(line, cells, problem) for line, cells, problem in found if problem or any(cell.strip() for cell in cells)]
    if not rows:
        raise bad("--payments", "err.pay_empty", where=where)
    from ..casefile.arrears import CSV_COLUMNS  # 日期/还款日期, 金额/还款金额 name the date and amount too

    aliases = {name: key for key, names in CSV_COLUMNS.items() for name in names}
    header = [aliases.get(c.strip().lower(), c.strip().lower()) for c in rows[0][1]]
    missing = [c for c in ("case_id", "date", "amount") if c not in header]
    if missing or rows[0][2]:
        raise bad("--payments", "err.pay_no_column", where=where, columns=", ".join(map(repr, missing)))
    twice = sorted({c for c in header if c and header.count(c) > 1})
    if twice:
        raise bad("--payments", "err.pay_column_twice", where=where, column=brief(twice[0]))
    index = [header.index(c) for c in ("case_id", "date", "amount")]
    problems: list[Problem] = []
    out: dict[str, list[Payment]] = {}
    for line, cells, problem in rows[1:]:
        at = msg("err.pay_place", where=where, place=msg(f"err.place_{unit}", number=line))
        if problem:
            problems.append(Problem(path=at, message=problem))
            continue
        case_id, day, amount = (cells[i].strip() if i < len(cells) else "" for i in index)
        if not (case_id or day or amount):
            continue
        try:
            when = parse_date(day, "date")
            value = to_decimal(amount, "amount") if amount else None
            if value is None or value < 0:
                raise bad("amount", "err.pay_amount", value=repr(amount))
            if not case_id:
                raise InputError(Problem(path="case_id", message=msg("err.missing_value"), hint=msg("err.whose")))
        except InputError as exc:
            problems.extend(Problem(path=at, message=p.as_msg()) for p in problems_of(exc))
            continue
        out.setdefault(case_id, []).append(Payment(when, value))
    if problems:
        more = [Problem(path="", message=msg("err.pay_more", count=len(problems) - SHOWN, where=where))] \
            if len(problems) > SHOWN else []
        raise CaseFileError(problems[:SHOWN] + more)
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
    return policy, [p.at(p.path.replace("penalty.", "penalty_", 1)).as_msg() for p in reader.problems]


def arrears_columns(chunk: pd.DataFrame, cases: Cases, arrears: Arrears,
                    ok: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray, list[Any]]:
    """(figures by column, problems per valid case, (payments, penalty) per valid case) for the cases where ``ok``."""
    n = len(cases)
    out = {key: np.full(n, "", dtype=object) for key in ARREARS_COLUMNS}
    for column in ("arrears_days_past_due", "arrears_claim_explained", "arrears_claim_exceeds_maximum",
                   "arrears_claim_cut_short"):
        out[column] = np.full(n, None, dtype=object)
    claims = [np.array([str(c).strip() for c in chunk[name].tolist()], dtype=object) if name in chunk.columns
              else np.full(len(chunk), "", dtype=object) for name in CLAIM_INPUTS]
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
        errors = errors + [msg("err.at", where=f"payments: {p.date} {p.amount}", message=why)
                           for p in payments for why in _check(p, loan)]
        if on < loan.start:
            errors.append(Problem(path="--as-of", message=msg("err.before_loan_start", day=on, start=loan.start),
                                  hint=msg("err.later_date")).as_msg())
        claim = _claim(claims[0][row], claims[1][row], on, loan.start, errors)
        if errors:
            problems[i] = lines(*errors)
            continue
        st = statement_figures(loan, [p for p in payments if p.date <= on], policy, on)  # the statement's, no lines
        owed = st.position
        history[i] = Known(payments, policy, on, owed)
        money = loan.policy.text
        figures = (st.total_paid, owed.principal, owed.overdue_principal, owed.interest, owed.accrued_interest,
                   owed.penalty, owed.fees, st.total_due, owed.total)
        out["arrears_as_of"][i] = on.isoformat()
        for column, value in zip(_FIGURES, figures, strict=True):
            out[column][i] = money(value)
        out["arrears_days_past_due"][i] = st.days_past_due
        if claim is not None:
            _audit_columns(out, i, audit(loan, payments, policy or PenaltyPolicy(), claim, budget=CLAIM_BUDGET),
                           arrears.lang)
    return out, problems, history


def _claim(amount: str, day: str, on: date, start: date, errors: list[str]) -> Claim | None:
    """The row's claim, if it has one; problems named by column."""
    if not amount:
        if day:
            errors.append("claimed_on: given without a claimed figure; add the notice's figure in 'claimed'")
        return None
    try:
        value = to_decimal(amount, "claimed")
        if value < 0:
            raise InputError(Problem(path="claimed", message=msg("err.negative", value=amount)))
        when = parse_date(day, "claimed_on") if day else on
    except InputError as exc:
        errors.extend(p.as_msg() for p in problems_of(exc))
        return None
    if when < start:
        errors.append(f"claimed_on: {when} is before the loan start {start}; give a later date")
        return None
    return Claim(value, when)


def _audit_columns(out: dict[str, np.ndarray], i: int, result: ClaimAudit, lang: str) -> None:
    """One case's audit in the arrears_claim_* columns: the first explanation (fewest readings) in words."""
    from ..report.claim import readings_text
    from ..report.labels import label

    money = result.money.text
    out["arrears_claimed"][i] = money(result.claimed)
    out["arrears_claimed_on"][i] = result.claimed_on.isoformat()
    out["arrears_claim_basis"][i] = result.basis if lang == "en" else label(f"audit.basis.{result.basis}", lang)
    out["arrears_claim_difference"][i] = money(result.difference)
    out["arrears_claim_explained"][i] = result.explained
    if result.explanations:
        more = len(result.explanations) - 1
        out["arrears_claim_explanation"][i] = readings_text(result.explanations[0].readings, result, lang) + (
            label("audit.more", lang).format(count=more) if more else "")
    if result.maximum is not None:
        out["arrears_claim_maximum"][i] = money(result.maximum.payoff.total)
        out["arrears_claim_exceeds_maximum"][i] = result.exceeds_maximum
    out["arrears_claim_cut_short"][i] = result.cut_short


def _check(payment: Payment, loan: Any) -> list[str]:
    """A payment against its loan: not before the start, no more decimals than the currency has."""
    why: list[str] = []
    if payment.date < loan.start:
        why.append(msg("err.with_hint", message=msg("err.before_start_only", start=loan.start),
                       hint=msg("err.check_date")))
    if loan.policy.round(payment.amount) != payment.amount:
        why.append(msg("err.with_hint", message=msg("err.more_decimals_only", currency=loan.currency),
                       hint=msg("err.give_it_to", quantum=loan.policy.quantum)))
    return why


__all__ = ["ARREARS_AMOUNTS", "ARREARS_COLUMNS", "CLAIM_COLUMNS", "CLAIM_INPUTS", "PENALTY_COLUMNS", "Arrears",
           "Known", "arrears_columns", "read_payments_file"]
