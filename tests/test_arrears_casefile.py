"""[penalty], [[payments]] and payment CSV files: exact values, every problem at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from repayplan.arrears import ALLOCATION_PRESETS, Payment, PenaltyPolicy, RelativeRate
from repayplan.casefile import Reader, parse_document
from repayplan.casefile.arrears import parse_payments_csv, read_arrears, read_payments_csv
from repayplan.casefile.loan import read_loan
from repayplan.errors import CaseFileError
from repayplan.rates import Rate

LOAN = '[loan]\nprincipal = 6000\nrate = "0%"\nterm = 6\nstart = 2025-01-10\n'


def read(text: str) -> tuple[PenaltyPolicy, list[Payment], list[str]]:
    reader = Reader("case.toml")
    doc = parse_document(LOAN + text, "case.toml")
    loan = read_loan(reader, doc)
    policy, payments = read_arrears(reader, doc, loan)
    return policy, payments, [str(p) for p in reader.problems]


def test_a_full_penalty_table() -> None:
    policy, payments, problems = read('''
[penalty]
rate = "contract+50%"
base = "outstanding"
compound = true
count_payment_day = true
grace_days = 3
grace_mode = "shift"
late_fee = 20
late_fee_rate = "5%"
late_fee_min = "10.00"
late_fee_max = 100
allocation = ["penalty", "fees", "interest", "principal"]
allocation_scope = "component"
[[payments]]
date = 2025-02-10
amount = 1045.5
note = "bill 1"
[[payments]]
date = "2025-03-12"
amount = "1,045.00"
''')
    assert problems == []
    assert policy == PenaltyPolicy(RelativeRate(Decimal("1.50"), "contract+50%"), "outstanding", True, True, 3,
                                   "shift", Decimal("20"), Decimal("0.05"), Decimal("10.00"), Decimal("100"),
                                   ("penalty", "fees", "interest", "principal"), "component")
    assert payments == [Payment(date(2025, 2, 10), Decimal("1045.5"), "bill 1"),
                        Payment(date(2025, 3, 12), Decimal("1045.00"))]


def test_no_penalty_table_means_the_default_policy() -> None:
    policy, payments, problems = read("")
    assert (policy, payments, problems) == (PenaltyPolicy(), [], [])
    assert policy.rate is None and policy.late_fee == 0 and policy.allocation == ALLOCATION_PRESETS["civil-code"]


def test_absolute_rates_and_presets() -> None:
    policy, _, problems = read('[penalty]\nrate = "万分之五/日"\nallocation = "principal-first"\n')
    assert problems == [] and policy.rate == Rate(Decimal("0.0005"), "day")
    assert policy.allocation == ("principal", "interest", "penalty", "fees")


def test_every_problem_at_once() -> None:
    _, payments, problems = read('''
[penalty]
rate = "lots"
base = "everything"
grace_days = -1
late_fee_rate = 5
late_fee_min = 50
late_fee_max = 10
allocation = "bank"
compund = true
[[payments]]
date = 2024-12-01
amount = 100
[[payments]]
date = "yesterday"
amount = -5
[[payments]]
amount = "1.005"
date = 2025-03-01
[[payments]]
date = 2025-03-02
''')
    assert payments == []
    assert problems == [
        "penalty.compund: unknown field; did you mean 'compound'?",
        "penalty.rate: 'lots' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day, or relative to "
        "the contract like contract+50%",
        "penalty.base: 'everything' is unknown; use one of overdue-principal, overdue-installment, outstanding",
        "penalty.grace_days: must be a whole number from 0 to 365, got -1",
        "penalty.late_fee_rate: 5 is a bare number; a percentage is text with %: write it as '5%'",
        "penalty.allocation: 'bank' is not a preset; use one of civil-code, fees-penalty-interest-principal, "
        "principal-first, or a list such as ['fees', 'penalty', 'interest', 'principal']",
        "payments[1].date: 2024-12-01 is before the loan start 2025-01-10; check the date",
        "payments[2].date: 'yesterday' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15",
        "payments[2].amount: must be 0 or more, got -5",
        "payments[3].amount: 1.005 has more decimals than CNY allows; give it to 0.01",
        "payments[4].amount: missing; give an amount such as 1000.00",
    ]


@pytest.mark.parametrize(("written", "problem"), [
    # the one rule for percentages (rates.parse_percentage): text with a % sign, the field named
    ("0.05", "penalty.late_fee_rate: 0.05 is a bare number; a percentage is text with %: write it as '5%'"),
    ('"5"', "penalty.late_fee_rate: '5' has no % sign; write it as '5%'"),
    ('"five %"', "penalty.late_fee_rate: 'five %' is not a percentage; write it like '20%'"),
    ('"-5%"', "penalty.late_fee_rate: must be 0% or more, got '-5%'"),
])
def test_late_fee_rate_is_a_percentage_by_the_one_rule(written: str, problem: str) -> None:
    _, _, problems = read(f"[penalty]\nlate_fee_rate = {written}\n")
    assert problems == [problem]


def test_late_fee_rate_in_json_and_its_fee() -> None:
    # 2.5% -> 2.5 ÷ 100 = 0.025; a JSON number 0.025 is refused like a TOML one
    policy, _, problems = read('[penalty]\nlate_fee_rate = "2.5%"\n')
    assert problems == [] and policy.late_fee_rate == Decimal("0.025")
    reader = Reader("case.json")
    doc = parse_document('{"penalty": {"late_fee_rate": 0.025}}', "case.json", json_format=True)
    read_arrears(reader, doc, None)
    assert [str(p) for p in reader.problems] == [
        "penalty.late_fee_rate: 0.025 is a bare number; a percentage is text with %: write it as '2.5%'"]


def test_cross_field_problem_in_the_penalty_table() -> None:
    _, _, problems = read('[penalty]\nlate_fee_min = 50\nlate_fee_max = 10\n')
    assert problems == ["penalty.late_fee_max: 10 is below late_fee_min 50"]


def test_allocation_list_must_name_each_component_once() -> None:
    _, _, problems = read('[penalty]\nallocation = ["fees", "interest"]\n')
    assert problems == ["penalty.allocation: each component must appear once; list fees, penalty, interest, "
                        "principal in the order payments pay them"]


def test_payments_csv(tmp_path: Path) -> None:
    path = tmp_path / "paid.csv"
    path.write_text("\ufeffDate, Amount ,note\n2025-02-10,\"1,045.00\",bill 1\n\n2025-03-12,1045\n", encoding="utf-8")
    assert read_payments_csv(path, None) == [Payment(date(2025, 2, 10), Decimal("1045.00")),
                                             Payment(date(2025, 3, 12), Decimal("1045"))]
    assert parse_payments_csv("日期,金额\n2025-02-10,100\n", None) == [Payment(date(2025, 2, 10), Decimal("100"))]


def test_payments_csv_problems_by_line(tmp_path: Path) -> None:
    reader = Reader()
    loan = read_loan(reader, parse_document(LOAN))
    path = tmp_path / "paid.csv"
    path.write_text("date,amount\n2025-13-01,100\n2025-02-01,abc\n2024-01-01,-3\n2025-02-02,\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as exc:
        read_payments_csv(path, loan)
    assert str(exc.value).splitlines() == [
        f"{path}: line 2: date: '2025-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15",
        f"{path}: line 3: amount: 'abc' is not a number; write it like 1000 or 1000.50",
        f"{path}: line 4: amount: must be 0 or more, got -3",
        f"{path}: line 4: date: 2024-01-01 is before the loan start 2025-01-10; check the date",
        f"{path}: line 5: amount: missing; give an amount such as 1000.00",
    ]
    with pytest.raises(CaseFileError, match="no 'amount' column; the first row must name the columns"):
        parse_payments_csv("date,value\n2025-02-01,3\n", None, "x.csv")
    with pytest.raises(CaseFileError, match="payments file not found"):
        read_payments_csv(tmp_path / "missing.csv", None)


def test_payments_csv_empty_or_header_only(tmp_path: Path) -> None:
    path = tmp_path / "paid.csv"
    path.write_bytes(b"")
    with pytest.raises(CaseFileError) as exc:
        read_payments_csv(path, None)
    assert str(exc.value) == (f"{path}: the payments file is empty; its first line must be the header date,amount, "
                              "then one payment a line, e.g. 2025-03-01,1000.00")
    path.write_text("\ufeffdate,amount\n\n", encoding="utf-8")  # a header (after a byte-order mark) and nothing
    assert read_payments_csv(path, None) == []
