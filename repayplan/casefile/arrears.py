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
from ..errors import CaseFileError, InputError
from ..inputs import MAX_NOTE, brief
from ..model import Loan
from ..money import to_decimal
from ..rates import parse_percentage
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
            reader.problem(f"{where}.allocation", f"must be a preset name or a list of component names, got {value!r}")
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
        reader.problems.extend(problems)
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
        if _check_payment(reader, at, day, amount, loan) and day is not None and amount is not None:
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
        raise CaseFileError([f"payments file not found; check the path {str(path)!r}"], str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError([f"cannot read the payments file: {exc}"], str(path)) from None
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
        raise CaseFileError([str(exc).removeprefix(f"{path}: ")], str(path)) from None
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
        raise CaseFileError([f"the payments file is empty; its first {unit} must be the header date,amount, then "
                             f"one payment a {unit}, e.g. 2025-03-01,1000.00"], source)
    first, head, problem = rows[0]
    header = [cell.strip().lower() for cell in head]
    if problem:
        reader.problem(f"{unit} {first}", problem)
    columns = {}
    for key, names in CSV_COLUMNS.items():
        found = [i for i, name in enumerate(header) if name in names]
        if not found and not problem:
            reader.problem(f"{unit} {first}", f"no {key!r} column; the first row must name the columns, e.g. "
                                              f"date,amount (found {brief(','.join(header))})")
        elif len(found) > 1:
            reader.problem(f"{unit} {first}", f"two {key!r} columns (columns {found[0] + 1} and {found[1] + 1}); "
                                              "keep one")
        columns[key] = found[0] if found else None
    reader.check()
    payments = []
    for number, row, problem in rows[1:]:
        at = f"{unit} {number}"
        if problem:
            reader.problem(at, problem)
            continue
        cells: dict[str, str] = {key: row[i].strip() if i is not None and i < len(row) else ""
                                 for key, i in columns.items()}
        try:
            day = parse_date(cells["date"], f"{at}: date")
        except InputError as exc:
            reader.problems.append(str(exc))
            day = None
        amount = None
        try:
            currency = loan.currency if loan is not None else None
            amount = to_decimal(cells["amount"], f"{at}: amount", currency) if cells["amount"] else None
        except InputError as exc:
            reader.problems.append(str(exc))
        if not cells["amount"]:
            reader.problem(f"{at}: amount", "missing; give an amount such as 1000.00")
        elif amount is not None and amount < 0:
            reader.problem(f"{at}: amount", f"must be 0 or more, got {amount}")
            amount = None
        if _check_payment(reader, at, day, amount, loan, sep=": ") and day is not None and amount is not None:
            payments.append(Payment(day, amount))
    reader.check()
    return payments


def _check_payment(reader: Reader, at: str, day: Any, amount: Any, loan: Loan | None, sep: str = ".") -> bool:
    """A payment against the loan: not before its start, no more decimals than its currency."""
    ok = day is not None and amount is not None
    if loan is not None and day is not None and day < loan.start:
        reader.problem(f"{at}{sep}date", f"{day} is before the loan start {loan.start}; check the date")
        ok = False
    if loan is not None and amount is not None and loan.policy.round(amount) != amount:
        reader.problem(f"{at}{sep}amount", f"{amount} has more decimals than {loan.currency} allows; "
                                           f"give it to {loan.policy.quantum}")
        ok = False
    return ok


def _fee_rate(value: Any, field: str) -> Decimal:
    """A late-fee rate: a percentage by the one rule (:func:`repayplan.rates.parse_percentage`), 0% or more."""
    fraction = parse_percentage(value, field)
    if fraction < 0:
        raise InputError(f"{field}: must be 0% or more, got {value!r}")
    return fraction


def _parse(reader: Reader, parse: Any, value: Any, field: str) -> Any:
    try:
        return parse(value, field)
    except InputError as exc:
        reader.problems.append(str(exc))
        return None
