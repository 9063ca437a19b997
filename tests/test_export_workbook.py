"""The workbook's formula model and layout, checked without a spreadsheet
engine (test_export_recalc.py recalculates them with LibreOffice)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings

from repayplan.model import Loan, Position
from repayplan.rates import parse_rate
from repayplan.report.excel import BookPlan, CaseBook, sheet_names, write_workbook
from repayplan.report.excel.live import live_terms
from repayplan.schedule import build_schedule

from . import libreoffice
from .strategies import loans
from .test_export_cli import column


def plan_of(loan: Loan, name: str = "Plan") -> BookPlan:
    return BookPlan.from_schedule(name, build_schedule(loan))


def write(tmp_path: Path, *plans: BookPlan, lang: str = "en") -> openpyxl.Workbook:
    # a fixed creation time: two writes a second apart must still read back identically
    book = CaseBook("T-1", plans[0].policy.currency, plans, position=Position(date(2025, 1, 15), plans[0].opening),
                    lang=lang, created=datetime(2025, 1, 15, 9, 30))
    write_workbook(book, tmp_path / "t.xlsx")
    return openpyxl.load_workbook(tmp_path / "t.xlsx")


START = date(2025, 1, 10)


@pytest.mark.parametrize(("terms", "row1", "installment"), [
    # equal months: the textbook annuity over row 1's rate
    ({}, "=$H$4", "=ROUND(PMT($D$9,$K$3,-$E$3),2)"),
    # first due 25 Feb: a regular month from 25 Jan plus 15 odd days (10 → 25 Jan)
    ({"first_due": date(2025, 2, 25)}, "=$H$4+$K$4*15", "=ROUND($E$3/SUM($L$9:$L$32),2)"),
    # first due 1 Feb: 22 days, shorter than a month, charged at the daily rate × its days
    ({"first_due": date(2025, 2, 1)}, "=$K$4*C9", "=ROUND($E$3/SUM($L$9:$L$32),2)"),
    # daily interest: daily rate × days in every row; unequal months, so discount factors
    ({"interest_basis": "daily"}, "=$K$4*C9", "=ROUND($E$3/SUM($L$9:$L$32),2)"),
    # daily interest under 30/360: every month 30 days, equal rates, PMT again
    ({"interest_basis": "daily", "day_count": "30/360"}, "=$K$4*C9", "=ROUND(PMT($D$9,$K$3,-$E$3),2)"),
    ({"method": "equal-principal"}, "=$H$4", "=ROUND($E$3/$K$3,2)"),
    ({"method": "bullet"}, "=$H$4*$K$3", None),
    ({"method": "bullet", "first_due": date(2025, 2, 25)}, "=$H$4*$K$3+$K$4*15", None),
])
def test_each_rows_rate_is_a_formula_over_the_rate_cell(tmp_path: Path, terms: dict, row1: str,
                                                       installment: str | None) -> None:
    loan = Loan(Decimal("50000"), parse_rate("6%"), 24, start=START, **terms)
    ws = write(tmp_path, plan_of(loan))["Plan"]
    assert ws["D9"].value == row1
    assert ws["E5"].value == installment
    year = 360 if loan.day_count in ("act/360", "30/360") else 365
    assert ws["H3"].value == 0.06 and ws["H4"].value == "=$H$3/12" and ws["K4"].value == f"=$H$3/{year}"
    assert ws["H9"].value == "=ROUND(E9*D9,2)"
    last = 9 + len(build_schedule(loan).rows) - 1
    assert ws[f"G{last}"].value == f"=E{last}"  # the last row repays what is left
    if installment and "SUM($L" in installment:
        assert (ws["L9"].value, ws["L10"].value) == ("=1/(1+D9)", "=L9/(1+D10)")


def test_rates_in_their_own_units(tmp_path: Path) -> None:
    month = Loan(Decimal("12000"), parse_rate("1.5%/month"), 12, start=START, day_count="act/360")
    day = Loan(Decimal("12000"), parse_rate("0.05%/day"), 12, start=START, frequency="quarterly")
    wb = write(tmp_path, plan_of(month, "Month"), plan_of(day, "Day"))
    # 1.5%/month: per period itself; a year 1.5% × 12 = 18%; a day 18% ÷ 360
    assert [wb["Month"][c].value for c in ("E4", "H4", "K4")] == ["=$H$3*12", "=$H$3", "=$H$3*12/360"]
    # 0.05%/day, quarterly: 0.05% × 365 ÷ 4 per quarter
    assert [wb["Day"][c].value for c in ("E4", "H4", "K4")] == ["=$H$3*365", "=$H$3*365/4", "=$H$3"]
    assert wb["Month"]["F3"].value == "Contract rate (per month)"


def test_half_even_rounds_ties_to_even_in_the_formulas(tmp_path: Path) -> None:
    loan = Loan(Decimal("1000"), parse_rate("1.5%/month"), 12, start=START, rounding="half-even")
    ws = write(tmp_path, plan_of(loan))["Plan"]
    assert ws["H9"].value == "=IF(ROUND(MOD((E9*D9)*100,2),9)=0.5,ROUNDDOWN(E9*D9,2),ROUND(E9*D9,2))"
    assert ws["K5"].value == "half-even (banker's) to 0.01"


def test_rows_that_do_not_follow_the_loan_are_written_as_values(tmp_path: Path) -> None:
    loan = Loan(Decimal("1200"), parse_rate("12%"), 3, start=START)
    rows = build_schedule(loan).rows
    changed = (replace(rows[0], interest=rows[0].interest + Decimal("1.00"),
                       payment=rows[0].payment + Decimal("1.00")),) + rows[1:]
    plan = replace(plan_of(loan), rows=changed)
    assert live_terms(plan) is None
    ws = write(tmp_path, plan)["Plan"]
    assert ws["H9"].value == float(changed[0].interest) and ws["F9"].value == "=ROUND(G9+H9+I9+J9,2)"
    assert column(ws, "D").hidden  # no rate per row to show


@settings(max_examples=100, deadline=None)
@given(loans(max_term=120))
def test_every_contract_schedule_gets_live_formulas(loan: Loan) -> None:
    """Whatever the terms, the formula model covers the schedule (an annuity
    whose level amount is solved around interest-only periods keeps it as a value)."""
    terms = live_terms(plan_of(loan))
    assert terms is not None
    rows = build_schedule(loan).rows
    assert len(terms.factors) == len(rows)
    if loan.method == "annuity":
        assert terms.installment is not None or terms.installment_value == build_schedule(loan).installment


def test_sheet_names_are_valid_unique_and_translated() -> None:
    loan = Loan(Decimal("1000"), parse_rate("12%"), 3, start=START)
    plans = tuple(replace(plan_of(loan), name=n) for n in ("Summary", "a/b: [c]?", "x" * 40, "'quoted'", "History"))
    book = CaseBook("T", "CNY", plans)
    # Excel keeps "History" for itself; a long name is cut and says so
    assert sheet_names(book) == ["Summary", "Summary (2)", "a-b- (c)-", "x" * 30 + "…", "quoted", "History (2)",
                                 "Terms", "Charts"]
    assert sheet_names(replace(book, lang="zh"))[0] == "汇总"


def test_a_thousand_millions_never_shows_hashes(tmp_path: Path) -> None:
    loan = Loan(Decimal("987654321.99"), parse_rate("36%"), 360, start=START)
    ws = write(tmp_path, plan_of(loan))["Plan"]
    total = f"{build_schedule(loan).total_payment:,.2f}"
    assert all(column(ws, c).width >= len(total) + 2 for c in "EFGK")


def test_jpy_has_no_minor_digits(tmp_path: Path) -> None:
    loan = Loan(Decimal("1000000"), parse_rate("14.6%"), 12, start=START, currency="JPY")
    ws = write(tmp_path, plan_of(loan))["Plan"]
    assert ws["H9"].value == "=ROUND(E9*D9,0)" and ws["F9"].number_format == "#,##0;[Red]-#,##0"


def test_the_recalculation_helper_skips_here_but_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="LibreOffice \\(soffice\\) is not installed"):
        libreoffice.soffice()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        libreoffice.soffice()
    assert os.environ["CI"] == "true"
