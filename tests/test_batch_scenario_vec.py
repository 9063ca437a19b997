"""`batch --scenario`'s vectorised path gives, text for text, the exact path's figures.

The reference is the exact path (:func:`repayplan.batch.scenario.scenario_columns` with
``vectorised=False``: :func:`repayplan.restructure.apply` and :func:`plan_figures` case by case,
itself held to compare's full costing in test_batch_scenario_figures.py); the one example is a
hand calculation written out below.
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

from repayplan.batch import summarise
from repayplan.batch.cases import read_cases
from repayplan.batch.run import run_batch
from repayplan.batch.scenario import SCENARIO_COLUMNS, parse_scenario, scenario_columns
from repayplan.model import Loan

from .strategies import loans
from .test_batch_engine import loan_row

#: The scenarios batch users write, and the edges: rate 0, term 1, a term over the maximum (60), a haircut
#: larger than many balances or finer than a yen, settling in full, steps the vectorised path leaves alone.
SCENARIOS = ("rate=0%; term=36", "waive=interest; haircut=20%; term=24", "settle=60%", "rate=3%",
             "waive=penalty,fees; rate=4.5%; term=60", "haircut=10%; settle=50%", "term=12", "waive=penalty",
             "haircut=1000", "haircut=100.5", "settle=100%", "settle=0.01%", "term=1", "term=61",
             "waive=accrued; rate=0.05%/day", "waive=interest", "haircut=33.3%; rate=1.2%/month; term=7",
             "waive=installment-fee", "payment=800")


def book(rng: random.Random, n: int, on: date) -> pd.DataFrame:
    """Cases around the date ``on``: starting after it, on it, a period or a few days before, years before
    (some matured); every rounding mode, CNY/USD/JPY, fees, given (odd) first due dates, 0% and daily rates,
    the frequencies, bases and day counts the vectorised path leaves to the exact one."""
    rows = []
    for i in range(n):
        start = on - timedelta(days=rng.choice([rng.randrange(-60, 2000), rng.randrange(0, 40), 0, 28, 30, 31]))
        first_due = (start + timedelta(days=rng.randint(5, 75))).isoformat() if rng.random() < 0.3 else ""
        rows.append({
            "case_id": f"C{i}", "principal": str(rng.choice([rng.randint(1, 10**7), rng.randint(100, 5000),
                                                             rng.randint(1, 10**12)])),
            "rate": rng.choice(["0%", "4.9%", "18%", "24%", "1.5%/month", "0.05%/day", "36%", "3.65%"]),
            "term": str(rng.choice([1, 2, 3, 12, 24, 36, 60, 120, 360, rng.randint(1, 400)])),
            "method": rng.choice(["annuity", "equal-principal", "annuity", "bullet", "interest-only"]),
            "frequency": rng.choice(["monthly"] * 8 + ["quarterly", "weekly"]),
            "interest_basis": rng.choice(["periodic"] * 3 + ["daily"] * 2),
            "start": start.isoformat(), "first_due": first_due, "currency": rng.choice(["CNY", "CNY", "JPY", "USD"]),
            "rounding": rng.choice(["half-up", "half-even"]),
            "day_count": rng.choice(["act/365", "act/360", "act/365", "30/360", "30E/360"]),
            "installment_fee": rng.choice(["", "", "5", "12"]),
        })
    return pd.DataFrame(rows)


def both(cases: Any, text: str, on: date | None) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], np.ndarray]:
    scenario = parse_scenario(text, on)
    ok = np.ones(len(cases), dtype=bool)
    slow = np.zeros(len(cases), dtype=bool)
    return (scenario_columns(cases, scenario, ok, vectorised=False),
            scenario_columns(cases, scenario, ok, exact=slow), slow)


def differences(exact: dict[str, np.ndarray], fast: dict[str, np.ndarray]) -> list[tuple[int, str, str, str]]:
    return [(i, key, str(exact[key][i]), str(fast[key][i])) for key in SCENARIO_COLUMNS
            for i in range(len(exact[key])) if str(exact[key][i]) != str(fast[key][i])]


@pytest.mark.parametrize("text", SCENARIOS)
def test_random_books_give_the_exact_paths_figures(text: str) -> None:
    rng = random.Random(f"{text}-book")
    on = date(2019, 1, 1) + timedelta(days=rng.randrange(3000))
    frame = book(rng, 30 if text.startswith("payment") else 240, on)  # (a payment's term is searched: slow)
    cases, _ = read_cases(frame)
    exact, fast, slow = both(cases, text, on)
    assert differences(exact, fast) == []
    covered = int((~slow).sum())
    if text in ("payment=800",):
        assert covered == 0  # not a covered step: every case the exact way
    elif text in ("term=61",):  # over the monthly maximum: every case the exact way (its problem text)
        assert covered == 0
        monthly = (frame["frequency"] == "monthly").to_numpy()[cases.index]
        assert all(exact["scenario_problem"][monthly])
    else:  # the monthly periodic cases not past maturity (about half of this book) are vectorised
        assert covered >= 60, covered


def test_on_due_dates_before_the_start_and_the_first_period() -> None:
    """Each case's own date (no --scenario date): max(today, start); then dates on due dates exactly."""
    rng = random.Random(7)
    frame = book(rng, 120, date.today())
    cases, _ = read_cases(frame)
    for text in ("rate=0%; term=36", "waive=interest; settle=60%", "haircut=5%"):
        exact, fast, _ = both(cases, text, None)
        assert differences(exact, fast) == []
    due = pd.DataFrame([loan_row(Loan(principal=Decimal(10000 + k), rate=parse("18%"),
                                      term=24, start=date(2024, 1, 31)), f"D{k}") for k in range(3)])
    cases, _ = read_cases(due)
    for on in (date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 30), date(2024, 3, 31), date(2025, 12, 31)):
        exact, fast, slow = both(cases, "waive=interest; rate=2%; term=12", on)
        assert differences(exact, fast) == [] and not slow.any()


def parse(text: str) -> Any:
    from repayplan.rates import parse_rate

    return parse_rate(text)


def test_a_hand_calculated_plan() -> None:
    """1,200 at 12% over 12 months from 10 Jan 2025, restructured on 25 Mar 2025 to 0% over 3 installments.

    Paid on schedule: 2 installments of 106.62 leave 1,009.81; the current period (10 Mar – 10 Apr,
    31 days) has 10.10 of interest (1,009.81 × 1%), 15 days of it accrued: 10.10 × 15/31 = 4.89.
    Owed 1,014.70. At 0% the plan's installments are 1,009.81 ÷ 3 = 336.60 (the last 336.61), the
    first also paying the 4.89 accrued: 341.49; total 1,014.70, interest 4.89, paid off 10 Jun 2025.
    """
    frame = pd.DataFrame([loan_row(Loan(principal=Decimal(1200), rate=parse("12%"), term=12,
                                        start=date(2025, 1, 10)), "H")])
    cases, _ = read_cases(frame)
    exact, fast, slow = both(cases, "rate=0%; term=3", date(2025, 3, 25))
    assert not slow.any()
    got = {key: str(fast[key][0]) for key in SCENARIO_COLUMNS}
    assert got["scenario_owed"] == "1014.70" and got["scenario_installment"] == "341.49"
    assert got["scenario_payments"] == "3" and got["scenario_total_payment"] == "1014.70"
    assert got["scenario_total_interest"] == "4.89" and got["scenario_forgiven"] == "0.00"
    assert got["scenario_payoff_date"] == "2025-06-10" and got["scenario_problem"] == ""
    assert differences(exact, fast) == []


def test_the_run_counts_the_cases_that_went_the_exact_way(tmp_path: Any) -> None:
    """summarise's attrs (and batch's report) count the cases computed one by one."""
    frame = pd.DataFrame([
        {"case_id": "V", "principal": "10000", "rate": "12%", "term": "24", "method": "annuity",
         "start": "2025-01-10"},
        {"case_id": "Q", "principal": "10000", "rate": "12%", "term": "8", "method": "annuity",
         "start": "2025-01-10", "frequency": "quarterly"},
        {"case_id": "M", "principal": "10000", "rate": "12%", "term": "3", "method": "annuity",
         "start": "2024-01-10"}])
    scenario = parse_scenario("rate=0%; term=12", date(2025, 6, 1))
    assert summarise(frame, scenario).attrs["scenario_exact"] == 2  # quarterly; matured
    assert summarise(frame, parse_scenario("payment=800", date(2025, 6, 1))).attrs["scenario_exact"] == 3
    source = tmp_path / "book.csv"
    frame.to_csv(source, index=False)
    report = run_batch(str(source), str(tmp_path / "out.csv"), scenario=scenario, workers=1)
    assert (report.cases, report.scenario_exact) == (3, 2)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loans(max_term=120), st.integers(-30, 4000),
       st.sampled_from(SCENARIOS[:8] + ("term=1", "settle=100%", "waive=interest")))
def test_any_loan(loan: Loan, days: int, text: str) -> None:
    cases, _ = read_cases(pd.DataFrame([loan_row(loan, "X")]))
    exact, fast, _ = both(cases, text, loan.start + timedelta(days=days))
    assert differences(exact, fast) == []


def test_a_nil_rate_prints_as_the_exact_solver_prints_it() -> None:
    """Flows repaying exactly what was lent: the '0.00%' the search ends on (from either side), without it."""
    from repayplan.metrics import rate_per_unit
    from repayplan.rates import percent_text

    rng = random.Random(3)
    signs = set()
    for _ in range(400):
        count, unit = rng.choice([1, 2, 3, 12, 36, 360]), rng.choice([1, 100])
        owed = rng.randint(1, 10**9)
        pays = [owed // count] * count
        pays[-1] += owed - sum(pays)
        if count > 1:
            moved = rng.randint(0, pays[1])
            pays[0], pays[1] = pays[0] + moved, pays[1] - moved
        pays = [p for p in pays if p > 0]
        amounts = [-owed / unit, *(p / unit for p in pays)]
        times = [0.0, *((rng.randint(1, 40) + 30 * k) / 365 for k in range(len(pays)))]
        cost = rate_per_unit(amounts, times)
        assert cost is not None
        assert abs(cost) < Decimal("0.00005") and percent_text(cost, 2) == "0.00%"
        signs.add(cost.is_signed())
    assert signs == {True, False}  # the search ends on both sides of zero: the text must not show it
