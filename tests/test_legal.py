"""The legal cost check: LPR data, caps, effective annual cost and the excess over a cap."""

from __future__ import annotations

from datetime import date
from decimal import Context, Decimal

import numpy_financial as npf
import pytest

from repayplan import InputError, Loan, parse_rate
from repayplan.arrears import Payment, PenaltyPolicy, scheduled_payments, statement
from repayplan.legal import (
    check_cap,
    cost_flows,
    effective_annual_cost,
    lpr_confirmed_through,
    lpr_history,
    lpr_on,
    lpr_published,
    parse_cap,
)

D = Decimal


@pytest.mark.parametrize(("day", "rate"), [
    (date(2019, 8, 20), "0.0425"),   # the first reformed LPR (forexlive, 2019-08-20)
    (date(2019, 9, 19), "0.0425"),   # still in force the day before the September fixing
    (date(2019, 9, 20), "0.0420"),   # Xinhua via China Daily, 2019-09-20
    (date(2020, 4, 20), "0.0385"),   # cut by 20 bp (SCMP, 2020-04-20), unchanged for 20 months
    (date(2021, 12, 19), "0.0385"),
    (date(2023, 8, 21), "0.0345"),   # 中国外汇交易中心, 2023-08-21
    (date(2024, 10, 21), "0.0310"),  # Reuters, 2024-10-21
    (date(2025, 5, 20), "0.0300"),   # S&P Global, 2025-05-20
    (date(2026, 1, 20), "0.0300"),   # Xinhua, 2026-01-20: unchanged
])
def test_lpr_in_force_on_a_day(day: date, rate: str) -> None:
    assert lpr_on(day) == D(rate)


def test_lpr_history_is_data_with_its_dates() -> None:
    history = lpr_history()
    assert history[0] == (date(2019, 8, 20), D("0.0425")) and len(history) == 13
    assert all(a[0] < b[0] and a[1] > b[1] for a, b in zip(history, history[1:], strict=False))  # only cuts so far
    assert lpr_confirmed_through() == date(2026, 1, 20)
    assert lpr_published(date(2022, 8, 21)) == (date(2022, 1, 20), D("0.0370"))


def test_before_the_reform_there_is_no_lpr() -> None:
    with pytest.raises(InputError, match=r"^cap: the reformed one-year LPR starts on 2019-08-20, after 2019-08-19; "
                                         r"give the cap as a rate, e.g. --cap 24%$"):
        lpr_on(date(2019, 8, 19))


@pytest.mark.parametrize(("text", "rate", "shown"), [
    ("24%", "0.24", "24%"),
    ("24%/year", "0.24", "24%"),
    ("2%/month", "0.24", "2%/month = 24%/year"),
    ("4xLPR", "0.1380", "4 × LPR 3.45% (published 2023-08-21) = 13.8%"),   # 4 × 3.45% = 13.80%
    ("4×LPR", "0.1380", "4 × LPR 3.45% (published 2023-08-21) = 13.8%"),
    ("4 x lpr", "0.1380", "4 × LPR 3.45% (published 2023-08-21) = 13.8%"),
    ("LPR*4", "0.1380", "4 × LPR 3.45% (published 2023-08-21) = 13.8%"),
])
def test_parse_cap(text: str, rate: str, shown: str) -> None:
    cap = parse_cap(text, date(2023, 9, 1))
    assert cap.rate == D(rate) and str(cap) == shown and cap.note == ""


def test_cap_after_the_confirmed_data_says_so() -> None:
    assert "confirmed through 2026-01-20" in parse_cap("4xLPR", date(2026, 6, 1)).note
    with pytest.raises(InputError, match=r"^cap: 'lots' is not a cap; write it like 24% or 4xLPR$"):
        parse_cap("lots", date(2023, 9, 1))


def test_effective_cost_of_a_kept_weekly_loan_matches_numpy_financial() -> None:
    # 26%/year weekly is 0.5% a week; with 7-day periods the actuarial annual rate is (1 + weekly IRR)^(365/7) − 1,
    # the weekly IRR from numpy-financial on the same cash flows
    loan = Loan(D("10000"), parse_rate("26%"), 52, frequency="weekly", start=date(2025, 1, 6))
    st = statement(loan, scheduled_payments(loan), PenaltyPolicy(), date(2026, 1, 5))
    amounts = [float(a) for _, a in cost_flows(st)]
    expected = (1 + npf.irr(amounts)) ** (365 / 7) - 1
    assert float(effective_annual_cost(st)) == pytest.approx(expected, abs=1e-7)


def test_an_upfront_fee_counts_in_the_cost() -> None:
    # 10,000.00 lent, 500.00 fee taken at the start, 10,000.00 repaid a year later: 10000 / 9500 − 1 = 5.263%
    loan = Loan(D("10000"), parse_rate("0%"), 1, start=date(2025, 1, 1), first_due=date(2026, 1, 1),
                upfront_fee=D("500"))
    st = statement(loan, [Payment(date(2026, 1, 1), D("10000"))], PenaltyPolicy(), date(2026, 1, 1))
    assert effective_annual_cost(st) == D("0.05263158")


def test_excess_over_24_percent_on_one_year_of_penalty() -> None:
    # 1,000.00 due 2025-01-15 never paid, 0.1%/day on the principal: 334 days to 2025-12-15 = 334.00 penalty.
    # Simple (court arithmetic): 24% allows 1000 × 365 principal-days × 24% / 365 = 240.00; excess 94.00.
    # IRR method (decides): one repayment period of 31 days (15 Dec → 15 Jan), 365/31 periods a year; at the
    # cap's rate per period, 24% × 31/365, the 365 days (365/31 periods) allow
    # 1000 × (1 + 0.24 × 31/365)^(365/31) − 1000 = 268.18 (monthly compounding), so 334.00 − 268.18 = 65.82.
    ctx = Context(prec=50)
    allowed = ctx.subtract(ctx.multiply(D(1000), ctx.power(ctx.add(1, ctx.divide(D("0.24") * 31, D(365))),
                                                           ctx.divide(D(365), D(31)))), D(1000))
    assert allowed.quantize(D("0.01")) == D("268.18")
    loan = Loan(D("1000"), parse_rate("0%"), 1, start=date(2024, 12, 15))
    st = statement(loan, [], PenaltyPolicy(parse_rate("0.1%/day")), date(2025, 12, 15))
    check = check_cap(st, parse_cap("24%", loan.start))
    assert st.payoff_amount == D("1334.00")
    assert (check.charged, check.allowed, check.excess) == (D("334.00"), D("268.18"), D("65.82"))
    assert (check.simple_allowed, check.simple_excess) == (D("240.00"), D("94.00"))
    # nominal: (1.334^(31/365) − 1) × 365/31 = 29.17…%; effective (XIRR over exactly a year): 33.4%
    nominal = ctx.multiply(ctx.subtract(ctx.power(D("1.334"), ctx.divide(D(31), D(365))), 1),
                           ctx.divide(D(365), D(31)))
    assert check.nominal_rate is not None and abs(check.nominal_rate - nominal) < D("1e-8")
    assert check.effective_rate == D("0.33400000") and check.above


def test_simple_method_counts_principal_days() -> None:
    # 2,000.00 in two bills of 1,000.00 (2025-01-15, 2025-02-15), 0.05%/day on overdue principal; bill 1 paid
    # 2025-03-01 with its penalty (45 days: 22.50); as of 2025-03-17: bill 2 is 30 days late: 15.00.
    # principal-days: 2000 × 76 (2024-12-15 → 03-01) + 1000 × 16 (→ 03-17) = 168,000;
    # 4xLPR on 2024-12-15 = 4 × 3.10% = 12.4%: allowed 168000 × 0.124 / 365 = 57.0739... → 57.07 ≥ 37.50 charged
    loan = Loan(D("2000"), parse_rate("0%"), 2, start=date(2024, 12, 15))
    policy = PenaltyPolicy(parse_rate("0.05%/day"), allocation="principal-first")
    st = statement(loan, [Payment(date(2025, 3, 1), D("1022.50"))], policy, date(2025, 3, 17))
    check = check_cap(st, parse_cap("4xLPR", loan.start))
    assert st.penalty_charged == D("37.50") and check.charged == D("37.50")
    assert (check.simple_allowed, check.simple_excess, check.above) == (D("57.07"), D("0.00"), False)
    assert check.excess == D("0.00")
