"""The ``[penalty]`` table, ``[[payments]]``, and payments from a CSV file.

>>> from repayplan.casefile import Reader, parse_document
>>> doc = parse_document('''
... [penalty]
... rate = "0.05%/day"
... base = "overdue-installment"
... grace_days = 3
... allocation = "fees-penalty-interest-principal"
... [[payments]]
... date = 2025-02-20
... amount = "1,000.00"
... ''')
>>> policy, payments = read_arrears(Reader(), doc, None)
>>> str(policy.rate), policy.grace_days, policy.allocation[:2], payments[0].amount
('0.05%/day', 3, ('fees', 'penalty'), Decimal('1000.00'))
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..arrears.policy import (
    ALLOCATION_SCOPES,
    BASES,
    GRACE_MODES,
    Payment,
    PenaltyPolicy,
    allocation_order,
    parse_penalty_rate,
    policy_problems,
)
from ..csvrows import records
from ..errors import CaseFileError, InputError, Problem, bad, problem, problems_of
from ..inputs import MAX_NOTE, brief
from ..model import Loan
from ..money import to_decimal
from ..rates import parse_percentage
from ..text import msg
from . import schema
from .fields import Reader, parse_date

PENALTY_FIELDS = schema.PENALTY
PAYMENT_FIELDS = schema.PAYMENT
#: CSV header names accepted for each column (case-insensitive).
CSV_COLUMNS = {"date": ("date", "日期", "还款日期"), "amount": ("amount", "金额", "还款金额")}


def read_penalty(reader: Reader, table: dict[str, Any] | None, where: str = "penalty") -> PenaltyPolicy | None:
    """A PenaltyPolicy from a [penalty] table; the default policy if there is none."""
    if table is None:
        return PenaltyPolicy()
    reader.unknown(table, PENALTY_FIELDS, where)
    before = len(reader.problems)
    values: dict[str, Any] = {}
    if "rate" in table:
        values["rate"] = _parse(reader, parse_penalty_rate, table["rate"], f"{where}.rate")
    values["base"] = reader.choice(table, "base", where, BASES, default="overdue-principal")
    values["compound"] = reader.boolean(table, "compound", where)
    values["count_payment_day"] = reader.boolean(table, "count_payment_day", where)
    values["grace_days"] = reader.integer(table, "grace_days", where, minimum=0, maximum=365, default=0)
    values["grace_mode"] = reader.choice(table, "grace_mode", where, GRACE_MODES, default="waive")
    values["late_fee"] = reader.amount(table, "late_fee", where, default=to_decimal(0))
    if "late_fee_rate" in table:
        values["late_fee_rate"] = _parse(reader, _fee_rate, table["late_fee_rate"], f"{where}.late_fee_rate")
    values["late_fee_min"] = reader.amount(table, "late_fee_min", where, default=to_decimal(0))
    values["late_fee_max"] = reader.amount(table, "late_fee_max", where)
    if "allocation" in table:
        value = table["allocation"]
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(v, str) for v in names):
            reader.problem(f"{where}.allocation", msg("err.not_allocation", value=repr(value)))
        else:
            values["allocation"] = _parse(reader, allocation_order, value, f"{where}.allocation")
    values["allocation_scope"] = reader.choice(table, "allocation_scope", where, ALLOCATION_SCOPES,
                                               default="installment")
    if len(reader.problems) > before:
        return None
    draft = object.__new__(PenaltyPolicy)
    for key, value in {**PenaltyPolicy().__dict__, **values}.items():
        object.__setattr__(draft, key, value)
    problems = policy_problems(draft, where)
    if problems:
        reader.problems.extend(problem(p) for p in problems)
        return None
    return PenaltyPolicy(**values)


def read_payments(reader: Reader, doc: dict[str, Any], loan: Loan | None, where: str = "payments") -> list[Payment]:
    """The [[payments]] array: date and amount each, checked against the loan."""
    payments = []
    for i, table in enumerate(reader.tables(doc, where), start=1):
        at = f"{where}[{i}]"
        reader.unknown(table, PAYMENT_FIELDS, at)
        day = reader.date(table, "date", at, required=True)
        amount = reader.amount(table, "amount", at, required=True)
        note = reader.text(table, "note", at, default="", limit=MAX_NOTE) or ""
        if _check_payment(reader, functools.partial(_join_place, at), day, amount, loan) and day is not None \
                and amount is not None:
            payments.append(Payment(day, amount, note))
    return payments


def read_arrears(reader: Reader, doc: dict[str, Any], loan: Loan | None) -> tuple[PenaltyPolicy, list[Payment]]:
    """The [penalty] table and [[payments]] of a case; problems go to the reader."""
    policy = read_penalty(reader, reader.table(doc, "penalty"))
    payments = read_payments(reader, doc, loan)
    return policy or PenaltyPolicy(), payments


def read_payments_csv(path: str | Path, loan: Loan | None) -> list[Payment]:
    """Payments from a CSV file with ``date,amount`` columns (a header row
    first; other columns are ignored). Every problem at once, by line. An
    empty file is an error (it is more likely the wrong file than a history
    of no payments); a header alone is a history of no payments.

    >>> from datetime import date
    >>> [(str(p.date), p.amount) for p in parse_payments_csv("date,amount\\n2025-03-01,\\"1,000.00\\"\\n", None)]
    [('2025-03-01', Decimal('1000.00'))]
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _whole(path, "err.payments_not_found", path=repr(str(path))) from None
    except UnicodeDecodeError as exc:
        raise _whole(path, "err.payments_not_utf8", detail=str(exc)) from None
    except OSError as exc:
        raise _whole(path, "err.payments_unreadable", detail=str(exc)) from None
    return parse_payments_csv(text, loan, str(path))


def read_payment_history(path: str | Path, loan: Loan | None) -> list[Payment]:
    """A payment history file, CSV or a workbook (.xlsx: its first sheet), with ``date,amount`` columns
    (日期/还款日期, 金额/还款金额); the same rules and messages for both, a workbook's by row number."""
    from .workbook_rows import is_workbook, workbook_rows

    if not is_workbook(path):
        return read_payments_csv(path, loan)
    try:
        rows = list(workbook_rows(path))
    except InputError as exc:
        raise CaseFileError(problems_of(exc), str(path)) from None
    return payments_from_rows(rows, loan, str(path), "row")


def parse_payments_csv(text: str, loan: Loan | None, source: str = "payments.csv") -> list[Payment]:
    """Payments from CSV text (see :func:`read_payments_csv`)."""
    return payments_from_rows(list(records(text.splitlines(keepends=True))), loan, source)


def payments_from_rows(records_: list[tuple[int, list[str], str]], loan: Loan | None, source: str,
                       unit: str = "line") -> list[Payment]:
    """Payments from (number, cells, problem) records, a header first: the rules a payment history
    follows, whichever file it came from; ``unit`` names where a problem is ("line" or "row")."""
    reader = Reader(source)
    rows = [(line, cells, problem) for line, cells, problem in records_
            if problem or any(cell.strip() for cell in cells)]
    if not rows:
        raise _whole(source, "err.payments_empty", unit=unit)
    first, head, problem = rows[0]
    header = [cell.strip().lower() for cell in head]
    place = _places(unit)
    if problem:
        reader.problem(place(first), problem)
    columns = {}
    for key, names in CSV_COLUMNS.items():
        found = [i for i, name in enumerate(header) if name in names]
        if not found and not problem:
            reader.problem(place(first), msg("err.no_column", name=repr(key), column=msg(f"err.col_{key}"),
                                             found=brief(",".join(header))))
        elif len(found) > 1:
            reader.problem(place(first), msg("err.two_columns", name=repr(key), column=msg(f"err.col_{key}"),
                                             first=found[0] + 1, second=found[1] + 1))
        columns[key] = found[0] if found else None
    reader.check()
    payments = []
    for number, row, problem in rows[1:]:
        at = place(number)
        if problem:
            reader.problem(at, problem)
            continue

        def cell(column: str, row: Any = at) -> str:
            return msg("err.place_cell", place=row, column=msg(f"err.col_{column}"), name=column)

        cells: dict[str, str] = {key: row[i].strip() if i is not None and i < len(row) else ""
                                 for key, i in columns.items()}
        try:
            day = parse_date(cells["date"], cell("date"))
        except InputError as exc:
            reader.add(exc)
            day = None
        amount = None
        try:
            currency = loan.currency if loan is not None else None
            amount = to_decimal(cells["amount"], cell("amount"), currency) if cells["amount"] else None
        except InputError as exc:
            reader.add(exc)
        if not cells["amount"]:
            reader.problem(cell("amount"), msg("err.missing_value"), msg("err.hint_amount"))
        elif amount is not None and amount < 0:
            reader.problem(cell("amount"), msg("err.negative", value=amount))
            amount = None
        if _check_payment(reader, cell, day, amount, loan) and day is not None and amount is not None:
            payments.append(Payment(day, amount))
    reader.check()
    return payments


def _check_payment(reader: Reader, at: Callable[[str], str], day: Any, amount: Any, loan: Loan | None) -> bool:
    """A payment against the loan: not before its start, no more decimals than its currency; ``at`` names
    the place of a column ("date", "amount")."""
    ok = day is not None and amount is not None
    if loan is not None and day is not None and day < loan.start:
        reader.problem(at("date"), msg("err.before_loan_start", day=day, start=loan.start), msg("err.check_date"))
        ok = False
    if loan is not None and amount is not None and loan.policy.round(amount) != amount:
        reader.problem(at("amount"), msg("err.more_decimals_than_currency", amount=amount, currency=loan.currency),
                       msg("err.give_it_to", quantum=loan.policy.quantum))
        ok = False
    return ok


def _join_place(at: str, column: str) -> str:
    return f"{at}.{column}"


def _places(unit: str) -> Callable[[int], str]:
    """Where a row of a payment history is: ``line 3`` of a CSV, ``row 3`` of a workbook."""
    return lambda number: msg(f"err.place_{unit}", number=number)


def _whole(file: str | Path, key: str, **args: object) -> CaseFileError:
    """A problem with a payment history file as a whole."""
    return CaseFileError([Problem(path="", message=msg(key, **args))], str(file))


def _fee_rate(value: Any, field: str) -> Decimal:
    """A late-fee rate: a percentage by the one rule (:func:`repayplan.rates.parse_percentage`), 0% or more."""
    fraction = parse_percentage(value, field)
    if fraction < 0:
        raise bad(field, "err.percent_negative", value=repr(value))
    return fraction


def _parse(reader: Reader, parse: Any, value: Any, field: str) -> Any:
    try:
        return parse(value, field)
    except InputError as exc:
        reader.add(exc)
        return None
