"""Case files: exact numbers, every problem at once, each naming its field."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from repayplan.casefile import Reader, load_document, parse_document
from repayplan.casefile.loan import read_loan
from repayplan.errors import CaseFileError


def read(text: str, json_format: bool = False):  # type: ignore[no-untyped-def]
    reader = Reader("case.toml")
    loan = read_loan(reader, parse_document(text, "case.toml", json_format))
    return loan, [str(p) for p in reader.problems]


def test_numbers_are_read_exactly() -> None:
    loan, problems = read('[loan]\nprincipal = 1234.56\nrate = "4.9%"\nterm = 12\nstart = 2025-01-15\n')
    assert problems == []
    assert loan.principal == Decimal("1234.56") and isinstance(loan.principal, Decimal)
    loan, _ = read('{"loan": {"principal": 0.1, "rate": "1%", "term": 1, "start": "2025-01-01"}}', json_format=True)
    assert loan.principal == Decimal("0.1")  # not 0.1000000000000000055511151231257827


def test_every_problem_at_once() -> None:
    loan, problems = read('[case]\ncurrency = "XXX"\n[loan]\nprincipal = -5\nrate = "abc"\nterm = 0\n'
                          'method = "balloon"\nstart = "15/01/2025"\nprincipl = 3\n')
    assert loan is None
    assert problems == [
        "case.currency: 'XXX' is unknown; use one of " + ", ".join(__import__("repayplan.money").money.MINOR_UNITS),
        "loan.principl: unknown field; did you mean 'principal'?",
        "loan.principal: must be a positive amount, got -5",
        "loan.rate: 'abc' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day",
        "loan.term: must be a whole number from 1 to 1200, got 0",
        "loan.method: 'balloon' is unknown; use one of annuity, equal-principal, interest-only, bullet",
        "loan.start: '15/01/2025' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15",
    ]


def test_cross_field_problem_first_due_before_start() -> None:
    _, problems = read('[loan]\nprincipal = 100\nrate = "1%"\nterm = 1\nstart = 2025-02-01\nfirst_due = 2025-01-01\n')
    assert problems == ["loan.first_due: 2025-01-01 is not after the start 2025-02-01; give a later date"]


def test_wrong_types() -> None:
    _, problems = read('[loan]\nprincipal = "lots"\nrate = 4.9\nterm = "twelve"\nstart = 2025-01-01\n')
    assert problems == [
        "loan.principal: 'lots' is not a number; write it like 1000 or 1000.50",
        "loan.rate: 4.9 is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day (in quotes, with its"
        " unit)",
        "loan.term: must be a whole number, got 'twelve'",
    ]


def test_missing_table_and_fields() -> None:
    _, problems = read('[case]\nid = "X"\n')
    assert problems == ["loan: missing; add a [loan] table"]
    _, problems = read("[loan]\nterm = 3\n")
    assert problems == ["loan.principal: missing; give an amount such as 1000.00",
                        "loan.rate: missing; give a rate such as '4.9%/year'",
                        "loan.start: missing; give a date such as 2025-01-15"]


def test_syntax_errors_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match=r"^case.toml: not valid TOML: "):
        parse_document("[loan\n", "case.toml")
    with pytest.raises(CaseFileError, match=r"^c.json: not valid JSON: Expecting"):
        parse_document("{", "c.json", json_format=True)
    with pytest.raises(CaseFileError, match="case file not found"):
        load_document(tmp_path / "nope.toml")
