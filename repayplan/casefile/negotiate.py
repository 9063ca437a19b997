"""What ``propose`` reads from a case file: what ``compare`` reads, and the
legal cap of ``[creditor]`` (``cap = "24%"`` or ``"4xLPR"``, the LPR of the
loan's start).

>>> from repayplan.casefile import parse_document
>>> doc = parse_document('''
... [loan]
... principal = 12000
... rate = "12%"
... term = 12
... start = 2025-01-01
... [borrower]
... max_payment = 800
... [creditor]
... min_recovery = "90%"
... min_recovery_of = "principal"
... cap = "4xLPR"
... ''')
>>> case = read_negotiation_case(doc)
>>> case.constraints.max_payment, case.constraints.recovery_base, str(case.constraints.cap)
(Decimal('800'), 'principal', '4 × LPR 3.1% (published 2024-10-21) = 12.4%')
>>> bad = parse_document('[loan]\\nprincipal = 12000\\nrate = "12%"\\nterm = 12\\nstart = 2025-01-01\\n'
...                      '[creditor]\\ncap = "lots"\\nmin_recovery_of = "all"')
>>> read_negotiation_case(bad, "case.toml")
Traceback (most recent call last):
...
repayplan.errors.CaseFileError: case.toml: creditor.min_recovery_of: 'all' is unknown; use one of position, principal
case.toml: creditor.cap: 'lots' is not a cap; write it like 24% or 4xLPR
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import CaseFileError, InputError, problems_of
from .fields import Reader
from .scenarios import CompareCase, read_compare_case

if TYPE_CHECKING:
    from ..legal import Cap


@dataclass(frozen=True)
class NegotiationCase:
    """The case (loan, history, parties) and the constraints built from it."""

    case: CompareCase
    cap_text: str | None
    constraints: Any  # repayplan.negotiate.Constraints


def read_negotiation_case(doc: dict[str, Any], source: str = "") -> NegotiationCase:
    """Everything ``propose`` needs from a case; every problem at once (CaseFileError)."""
    from ..negotiate import Constraints

    reader = Reader(source)
    creditor = doc.get("creditor")
    table = creditor if isinstance(creditor, dict) else {}
    cap_text = reader.text(table, "cap", "creditor")
    try:
        case = read_compare_case(doc, source)
    except CaseFileError as exc:
        if cap_text is not None:  # its syntax at least (an LPR cap needs the loan's start)
            _cap(reader, cap_text, date.today())
        raise CaseFileError(exc.problems + reader.problems, source) from None
    cap = _cap(reader, cap_text, case.debt.loan.contract_date) if cap_text is not None else None
    reader.check()
    try:
        constraints = Constraints.from_parties(case.borrower, case.creditor, cap)
    except InputError as exc:
        raise CaseFileError([p.at(f"creditor.{p.path}") for p in problems_of(exc)], source) from None
    return NegotiationCase(case, cap_text, constraints)


def _cap(reader: Reader, text: str, contract_date: date) -> Cap | None:
    from ..legal import parse_cap

    try:
        return parse_cap(text, contract_date)
    except InputError as exc:
        reader.add(exc, "creditor")
        return None
