"""The vectorised batch engine gives exactly the cents of the single-case engine.

The reference for every figure here is :func:`repayplan.build_schedule`
(itself checked against published examples in test_schedule.py), or a hand
calculation written out in the test.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repayplan import Loan, build_schedule, parse_rate
from repayplan.batch import read_cases, summarise
from repayplan.batch.dates import EPOCH
from repayplan.batch.engine import compute, round_div
from repayplan.errors import InputError
from repayplan.model import METHODS
from repayplan.money import round_units
from repayplan.rates import Rate

from .strategies import loans

D = Decimal
ROW_FIGURES = ("period", "due_date", "days", "opening_balance", "payment", "principal", "interest", "fees",
               "closing_balance")


def loan_row(loan: Loan, case_id: str) -> dict[str, str]:
    """A case-list row (text cells) with exactly the loan's terms."""
    return {
        "case_id": case_id, "principal": f"{loan.principal:f}",
        "rate": f"{(loan.rate.value * 100).normalize():f}%/{loan.rate.unit}", "term": str(loan.term),
        "method": loan.method, "start": loan.start.isoformat(), "frequency": loan.frequency,
        "first_due": loan.first_due.isoformat() if loan.first_due else "", "interest_basis": loan.interest_basis,
        "day_count": loan.day_count, "currency": loan.currency, "rounding": loan.rounding,
        "installment_fee": f"{loan.installment_fee:f}",
    }


def random_loan(rng: random.Random) -> Loan:
    """Every method, frequency, basis, day count, rounding mode; CNY/USD/JPY; 0% rates; fees; odd first periods."""
    currency = rng.choice(["CNY", "USD", "JPY"])
    places = 0 if currency == "JPY" else 2
    start = date(2000, 1, 1) + timedelta(days=rng.randrange(22000))
    unit = rng.choice(["year", "month", "day", "zero"])
    rate = {"zero": Rate(D(0)), "year": Rate(D(rng.randint(0, 3600)).scaleb(-4), "year"),
            "month": Rate(D(rng.randint(0, 300)).scaleb(-4), "month"),
            "day": Rate(D(rng.randint(0, 100)).scaleb(-5), "day")}[unit]
    units = rng.choice([rng.randint(1, 10**11), rng.randint(1, 10**8), rng.randint(1, 10**4)])
    return Loan(
        principal=D(units).scaleb(-places), rate=rate, term=rng.choice([rng.randint(1, 480), rng.randint(1, 36)]),
        method=rng.choice(METHODS), frequency=rng.choice(["monthly", "quarterly", "weekly", "biweekly"]),
        start=start, first_due=None if rng.random() < 0.5 else start + timedelta(days=rng.randint(1, 120)),
        interest_basis=rng.choice(["periodic", "daily"]),
        day_count=rng.choice(["act/365", "act/360", "30/360", "30E/360"]),
        currency=currency, rounding=rng.choice(["half-up", "half-even"]),
        installment_fee=D(rng.choice([0, 0, 0, 5, 1250])).scaleb(-places),
    )


def expected(loan: Loan) -> tuple[int, ...]:
    """The summary figures of build_schedule in minor units (dates as days since 1970-01-01)."""
    s = build_schedule(loan)
    units = s.policy.to_minor
    return (units(s.headline), units(s.total_interest), units(s.total_payment), units(s.total_fees),
            len(s.rows), s.rows[0].due_date.toordinal() - EPOCH, s.rows[-1].due_date.toordinal() - EPOCH)


def batch_figures(loans_: list[Loan], with_rows: bool = False) -> tuple[list[tuple[int, ...]], Any, Any]:
    chunk = pd.DataFrame([loan_row(loan, f"C{i}") for i, loan in enumerate(loans_)])
    cases, problems = read_cases(chunk)
    assert list(problems) == [""] * len(loans_)
    t = compute(cases, with_rows=with_rows)
    assert list(t.problem) == [""] * len(loans_)
    figures = list(zip(*(a.tolist() for a in (t.installment, t.total_interest, t.total_payment, t.total_fees,
                                              t.periods, t.first_due, t.payoff)), strict=True))
    return figures, t, cases


def test_thousands_of_random_loans_exact_to_the_cent() -> None:
    rng = random.Random(20250115)
    sample = [random_loan(rng) for _ in range(2500)]
    figures, t, _ = batch_figures(sample, with_rows=True)
    mismatched = [(i, loan) for i, (loan, got) in enumerate(zip(sample, figures, strict=True))
                  if got != expected(loan)]
    assert mismatched == []
    # only loans with huge figures (here: bullets of 10^8 minor units and more over years) and annuities
    # with interest-only periods (their level amount is solved) take the single-case path; every other
    # loan was computed by the vectorised engine
    fell_back = np.flatnonzero(t.exact)
    assert len(fell_back) < 200
    assert all(sample[i].policy.to_minor(sample[i].principal) >= 10**8 or sample[i].method == "annuity"
               for i in fell_back)
    # every row of the first 300 loans
    rows = t.rows[t.rows["case"] < 300]
    for i, loan in enumerate(sample[:300]):
        s = build_schedule(loan)
        units = s.policy.to_minor
        want = [(r.period, r.due_date.toordinal() - EPOCH, r.days, *(units(getattr(r, c)) for c in ROW_FIGURES[3:]))
                for r in s.rows]
        got = [tuple(v) for v in rows[rows["case"] == i][list(ROW_FIGURES)].to_numpy().tolist()]
        assert got == want, (i, loan)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(loans(max_term=240), min_size=1, max_size=25))
def test_any_loans_from_the_shared_strategy(sample: list[Loan]) -> None:
    figures, _, _ = batch_figures(sample)
    assert figures == [expected(loan) for loan in sample]


def test_published_examples() -> None:
    # 1,000,000 at 4.9% over 30 years: 5,307.27; equal principal 6,861.11; 200,000 at 6.5% USD: 1,264.14;
    # 1,000万円 at 1.5% over 35 years: 30,618 JPY
    rows = [
        Loan(D("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15)),
        Loan(D("1000000"), parse_rate("4.9%"), 360, method="equal-principal", start=date(2025, 1, 15)),
        Loan(D("200000"), parse_rate("6.5%"), 360, start=date(2025, 1, 1), currency="USD"),
        Loan(D("10000000"), parse_rate("1.5%"), 420, start=date(2025, 1, 1), currency="JPY"),
    ]
    figures, _, _ = batch_figures(rows)
    assert [f[0] for f in figures] == [530727, 686111, 126414, 30618]


def test_zero_rate_ties_take_the_exact_path_and_both_rounding_modes() -> None:
    # 0%: the installment is 1,000.04 / 8 = 125.005 exactly, a true tie: half-up 125.01, half-even 125.00.
    # The float payment is exactly 12500.5 cents, so the engine must recompute it with level_payment.
    base = Loan(D("1000.04"), Rate(D(0)), 8, start=date(2025, 1, 10))
    half_even = Loan(D("1000.04"), Rate(D(0)), 8, start=date(2025, 1, 10), rounding="half-even")
    figures, _, _ = batch_figures([base, half_even])
    assert [f[0] for f in figures] == [12501, 12500]
    # the last installment takes the rest: 1,000.04 − 7 × 125.01 = 124.97 (half-up); 1,000.04 − 7 × 125 = 125.04
    assert [f[2] for f in figures] == [100004, 100004] == [expected(base)[2], expected(half_even)[2]]


def test_round_div_matches_round_units_by_hand() -> None:
    # 7/2 = 3.5 -> 4 either way (4 is even); 5/2 = 2.5 -> 3 half-up, 2 half-even; 10/4 = 2.5 likewise; 11/4 = 2.75 -> 3
    num, den = np.array([7, 7, 5, 5, 10, 10, 11]), np.array([2, 2, 2, 2, 4, 4, 4])
    even = np.array([False, True, False, True, False, True, True])
    assert round_div(num, den, even).tolist() == [4, 4, 3, 2, 3, 2, 3]
    assert [round_units(int(a), int(b), "half-even" if e else "half-up")
            for a, b, e in zip(num, den, even, strict=True)] == [4, 4, 3, 2, 3, 2, 3]


def test_loans_that_would_overflow_int64_are_detected_and_stay_exact() -> None:
    # 4.123456789%/year monthly is the fraction 4123456789 / 1,200,000,000,000 per month; on 10^12 (10^14 cents)
    # balance × numerator is about 4 × 10^23, past int64's 9.2 × 10^18: the engine must not multiply it in int64.
    big = Loan(D("1000000000000"), parse_rate("4.123456789%"), 24, start=date(2025, 1, 31))
    huge = Loan(D("10000000000000000"), parse_rate("5%"), 12, start=date(2025, 1, 31))  # 10^18 cents
    # a contract rate with 4 decimals on 10^9 (10^11 cents) is well inside int64: 4.1235%/12 = 8247/2400000
    usual = Loan(D("1000000000"), parse_rate("4.1235%"), 360, start=date(2025, 1, 31))
    figures, t, cases = batch_figures([big, huge, usual])
    assert t.exact.tolist() == [True, True, False]
    assert figures == [expected(big), expected(huge), expected(usual)]
    # the product really wraps in int64
    numerator = 4123456789 * 365  # of 4.123456789%/12 over the common denominator with the daily rate
    wrapped = (np.array([10**14], dtype=np.int64) * np.array([numerator], dtype=np.int64))[0]
    assert int(wrapped) != 10**14 * numerator


def test_amounts_finer_than_the_currency_unit_are_row_problems_as_in_build() -> None:
    # "1000.005" CNY and "1000.5" JPY are refused, not rounded, exactly as `build` refuses them (rounding would
    # create or lose money nobody lent); "1,000" keeps its comma; the Loan's own check says the same words
    chunk = pd.DataFrame({"case_id": ["a", "b", "c", "d"], "principal": ["1000.005", "1000.005", "1,000", "1000.5"],
                          "rate": ["12%"] * 4, "term": ["10"] * 4, "method": ["equal-principal"] * 4,
                          "start": ["2025-01-01"] * 4, "rounding": ["half-up", "half-even", "half-up", "half-up"],
                          "currency": ["CNY", "CNY", "CNY", "JPY"]})
    out = summarise(chunk)
    assert out["principal"].tolist()[2] == "1000.00"
    cny = "principal: 1000.005 is finer than the smallest CNY unit (0.01); write it with at most 2 decimals"
    jpy = "principal: 1000.5 is finer than the smallest JPY unit (1); write it as a whole number"
    assert out["problem"].tolist() == [cny, cny, "", jpy]
    with pytest.raises(InputError) as err:
        Loan(D("1000.005"), parse_rate("12%"), 10, start=date(2025, 1, 1))
    assert str(err.value) == cny


def test_due_dates_clamp_at_month_end() -> None:
    # start 31 Jan 2024 monthly: 29 Feb (leap year), 31 Mar, 30 Apr; payoff after 4 installments 31 May
    loan = Loan(D("4000"), parse_rate("12%"), 4, start=date(2024, 1, 31), method="equal-principal")
    _, t, _ = batch_figures([loan], with_rows=True)
    dues = [str(np.datetime64(int(d), "D")) for d in t.rows["due_date"]]
    assert dues == ["2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"]


def test_every_row_reconciles() -> None:
    rng = random.Random(7)
    sample = [random_loan(rng) for _ in range(200)]
    _, t, cases = batch_figures(sample, with_rows=True)
    rows = t.rows
    assert (rows["payment"] == rows["principal"] + rows["interest"] + rows["fees"]).all()
    assert (rows["closing_balance"] == rows["opening_balance"] - rows["principal"]).all()
    assert (rows["closing_balance"] >= 0).all() and (rows["principal"] >= 0).all()
    last = rows.groupby("case").tail(1)
    assert (last["closing_balance"] == 0).all()
    assert (rows.groupby("case")["principal"].sum().to_numpy() == cases.principal).all()


@pytest.mark.parametrize("split", [1, 3, 7])
def test_summarise_is_a_pure_function_of_its_chunk(split: int) -> None:
    # the dask map_partitions property: the summaries of the parts are the parts of the summary
    rng = random.Random(split)
    chunk = pd.DataFrame([loan_row(random_loan(rng), f"C{i}") for i in range(21)])
    chunk.loc[4, "rate"] = "abc"
    whole = summarise(chunk)
    bounds = np.linspace(0, len(chunk), split + 1).astype(int)
    parts = pd.concat([summarise(chunk.iloc[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)])
    pd.testing.assert_frame_equal(whole, parts)
    assert whole.loc[4, "problem"].startswith("rate: 'abc' is not a rate")
