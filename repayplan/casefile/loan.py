"""The ``[case]`` and ``[loan]`` tables → :class:`~repayplan.model.Loan`.

>>> from repayplan.casefile import Reader, parse_document
>>> doc = parse_document('[loan]\\nprincipal = 12000\\nrate = "1.5%/month"\\nterm = 12\\nstart = 2025-03-10')
>>> loan = read_loan(Reader(), doc)
>>> loan.principal, str(loan.rate), loan.first_due_date.isoformat()
(Decimal('12000'), '1.5%/month', '2025-04-10')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .. import calendar
from ..errors import InputError, problem
from ..inputs import MAX_NOTE
from ..model import INTEREST_BASES, METHOD_WORDS, METHODS, Loan, loan_problems
from ..money import MINOR_UNITS, ROUNDING_MODES
from . import schema
from .fields import Reader

LOAN_FIELDS = schema.LOAN


@dataclass(frozen=True)
class CaseInfo:
    """The ``[case]`` table: who, which currency, as of when."""

    case_id: str = ""
    currency: str = "CNY"
    as_of: date | None = None
    borrower: str = ""
    creditor: str = ""
    claimed: Decimal | None = None
    title: str = ""
    claimed_on: date | None = None  # the day the notice states its figure for (default: as_of)


CASE_FIELDS = schema.CASE


def read_case_info(reader: Reader, doc: dict[str, Any]) -> CaseInfo:
    table = reader.table(doc, "case") or {}
    reader.unknown(table, CASE_FIELDS, "case")
    currency = reader.choice(table, "currency", "case", MINOR_UNITS, default="CNY") or "CNY"
    reader.currency = currency
    case_id = table.get("id", "")
    if isinstance(case_id, int) and not isinstance(case_id, bool):  # id = 1042: a number as written
        case_id = str(reader.integer(table, "id", "case", minimum=0, maximum=10**18 - 1) or "")
    else:
        case_id = reader.text(table, "id", "case", default="") or ""
    info = CaseInfo(
        case_id=case_id,
        currency=currency,
        as_of=reader.date(table, "as_of", "case"),
        borrower=reader.text(table, "borrower", "case", default="") or "",
        creditor=reader.text(table, "creditor", "case", default="") or "",
        claimed=reader.amount(table, "claimed", "case"),
        title=reader.text(table, "title", "case", default="") or "",
        claimed_on=reader.date(table, "claimed_on", "case"),
    )
    reader.text(table, "notes", "case", limit=MAX_NOTE)  # not shown by every command, but checked by all
    reader.schema(doc)  # every command reads [case] first: misspelt tables and keys are found whatever it reads
    return info


def read_loan_table(reader: Reader, table: dict[str, Any], where: str, currency: str,
                    extra_fields: tuple[str, ...] = ()) -> Loan | None:
    """A loan from any table with the [loan] keys (also [[debts]] entries)."""
    reader.unknown(table, LOAN_FIELDS + extra_fields, where)
    before = len(reader.problems)
    values = {
        "principal": reader.amount(table, "principal", where, required=True, positive=True),
        "rate": reader.rate(table, "rate", where, required=True),
        "term": reader.integer(table, "term", where, required=True, minimum=1, maximum=1200),
        "method": reader.choice(table, "method", where, METHODS, default="annuity", aliases=METHOD_WORDS),
        "frequency": reader.choice(table, "frequency", where, calendar.FREQUENCIES, default="monthly",
                                   aliases=calendar.FREQUENCY_WORDS),
        "start": reader.date(table, "start", where, required=True),
        "first_due": reader.date(table, "first_due", where),
        "interest_basis": reader.choice(table, "interest_basis", where, INTEREST_BASES, default="periodic"),
        "day_count": reader.choice(table, "day_count", where, calendar.DAY_COUNTS, default="act/365"),
        "rounding": reader.choice(table, "rounding", where, ROUNDING_MODES, default="half-up"),
        "currency": reader.choice(table, "currency", where, MINOR_UNITS, default=currency),
        "installment_fee": reader.amount(table, "installment_fee", where, default=Decimal(0)),
        "upfront_fee": reader.amount(table, "upfront_fee", where, default=Decimal(0)),
        "signed": reader.date(table, "signed", where),
    }
    if len(reader.problems) > before:
        return None
    return make_loan(reader, where, **values)


def make_loan(reader: Reader, where: str, **values: Any) -> Loan | None:
    """Build a Loan, recording every cross-field problem (first_due before start ...)."""
    try:
        return Loan(**values)
    except InputError:
        draft = object.__new__(Loan)
        for key, value in values.items():
            object.__setattr__(draft, key, value)
        reader.problems.extend(problem(p) for p in loan_problems(draft, where))
        return None


def read_loan(reader: Reader, doc: dict[str, Any], info: CaseInfo | None = None) -> Loan | None:
    """The [loan] table of a case document (required)."""
    info = info or read_case_info(reader, doc)
    table = reader.table(doc, "loan", required=True)
    if table is None:
        return None
    return read_loan_table(reader, table, "loan", info.currency)
