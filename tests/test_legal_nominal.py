"""Which figure decides a Chinese cap: the nominal annualised IRR (the IRR per
repayment period × periods a year, PBoC announcement [2021] No. 3); the
courts' simple arithmetic and the effective annual cost (XIRR) beside it; the
LPR on the contract's `signed` date. Expected figures are worked here."""

from __future__ import annotations

import json
from datetime import date
from decimal import Context, Decimal
from fractions import Fraction
from pathlib import Path

from click.testing import CliRunner

from repayplan import Loan, parse_rate
from repayplan.arrears import Payment, PenaltyPolicy, statement
from repayplan.cli import main
from repayplan.legal import check_cap, parse_cap
from repayplan.schedule import build_schedule

D = Decimal


def on_schedule(loan: Loan) -> object:
    rows = build_schedule(loan).rows
    return statement(loan, [Payment(r.due_date, r.payment) for r in rows], PenaltyPolicy(), rows[-1].due_date)


def test_23_percent_paid_on_schedule_is_within_a_24_percent_cap() -> None:
    # 10,000 at 23%/year over 36 months, every installment paid on its date: the IRR per month is the
    # contract's 23%/12 (but for the installments' rounding), × 12 = 23.00% < 24%: within, nothing above.
    # The compounded cost is (1 + 0.23/12)^12 − 1 = 25.586…%: reported for information, it does not decide.
    loan = Loan(D("10000"), parse_rate("23%"), 36, start=date(2025, 1, 15))
    check = check_cap(on_schedule(loan), parse_cap("24%", loan.start))
    assert check.nominal_rate is not None and abs(check.nominal_rate - D("0.23")) < D("0.00001")
    assert (check.excess, check.simple_excess, check.above) == (D("0.00"), D("0.00"), False)
    effective = (1 + Fraction(23, 1200)) ** 12 - 1  # 0.25586…
    assert check.effective_rate is not None and abs(Fraction(check.effective_rate) - effective) < Fraction(1, 1000)
    assert check.effective_rate > D("0.24")  # above 24% compounded, and still within a nominal 24% cap


def test_25_percent_paid_on_schedule_is_above_a_24_percent_cap() -> None:
    loan = Loan(D("10000"), parse_rate("25%"), 36, start=date(2025, 1, 15))
    check = check_cap(on_schedule(loan), parse_cap("24%", loan.start))
    assert check.nominal_rate is not None and abs(check.nominal_rate - D("0.25")) < D("0.00001")
    assert check.above and check.excess > 0


def test_a_cap_says_which_rule_it_stands_for() -> None:
    assert parse_cap("4xLPR", date(2023, 9, 1)).rule == "cap.rule_lpr4"
    assert parse_cap("24%", date(2023, 9, 1)).rule == "cap.rule_24"
    assert parse_cap("2%/month", date(2023, 9, 1)).rule == "cap.rule_24"  # 2% × 12 = 24%
    assert parse_cap("36%", date(2023, 9, 1)).rule == "cap.rule_36"
    assert parse_cap("20%", date(2023, 9, 1)).rule == "cap.rule_other"
    assert parse_cap("3xLPR", date(2023, 9, 1)).rule == "cap.rule_other"


CASE = """[case]
id = "SIGNED"
as_of = 2025-03-01

[loan]
principal = 10000
rate = "15%"
term = 12
start = 2024-10-25
{signed}
"""


def test_the_lpr_is_taken_on_the_signed_date(tmp_path: Path) -> None:
    # signed 2024-10-18: the LPR then was 3.35% (published 2024-07-22), 4 × 3.35% = 13.4%; the money was lent
    # 2024-10-25, after the 3.10% of 2024-10-21 (4 × 3.10% = 12.4%), which would apply without `signed`.
    path = tmp_path / "case.toml"
    path.write_text(CASE.format(signed="signed = 2024-10-18"), encoding="utf-8")
    out = CliRunner().invoke(main, ["status", str(path), "--cap", "4xLPR", "--format", "json"])
    assert out.exit_code == 0, out.output
    cap = json.loads(out.stdout)["cap"]
    assert cap["cap"] == "4 × LPR 3.35% (published 2024-07-22) = 13.4%"
    assert "private lending" in cap["rule"] and cap["decided_by"] == "nominal_annual_rate"
    path.write_text(CASE.format(signed=""), encoding="utf-8")
    out = CliRunner().invoke(main, ["status", str(path), "--cap", "4xLPR", "--format", "json"])
    assert json.loads(out.stdout)["cap"]["cap"] == "4 × LPR 3.1% (published 2024-10-21) = 12.4%"
    text = CliRunner().invoke(main, ["status", str(path), "--cap", "4xLPR", "--lang", "zh"]).stdout
    assert "IRR折算名义年化利率（据此判断）" in text and "民间借贷" in text


def test_a_signed_date_after_the_start_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_text(CASE.format(signed="signed = 2024-11-01"), encoding="utf-8")
    out = CliRunner().invoke(main, ["status", str(path), "--cap", "4xLPR"])
    assert out.exit_code == 2
    assert "loan.signed: 2024-11-01 is after the start 2024-10-25" in out.output
    assert len(out.output.strip().splitlines()) == 1


def test_the_solver_handles_a_century_of_monthly_flows() -> None:
    loan = Loan(D("100000"), parse_rate("6%"), 1000, start=date(2025, 1, 10))
    check = check_cap(on_schedule(loan), parse_cap("24%", loan.start))
    assert check.nominal_rate is not None and abs(check.nominal_rate - D("0.06")) < D("0.00001")
    ctx = Context(prec=30)
    assert check.effective_rate is not None
    assert abs(check.effective_rate - ctx.subtract(ctx.power(D("1.005"), 12), 1)) < D("0.001")
