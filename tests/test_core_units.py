"""money, rates and calendar: hand-checked conversions and edge cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repayplan.calendar import add_months, day_count, due_dates
from repayplan.errors import InputError
from repayplan.money import MoneyPolicy, round_units, to_decimal
from repayplan.rates import Rate, parse_rate

D = Decimal


@pytest.mark.parametrize(
    ("text", "value", "unit", "annual"),
    [
        ("4.9%", "0.049", "year", "0.049"),
        ("4.9%/year", "0.049", "year", "0.049"),
        ("4.9% p.a.", "0.049", "year", "0.049"),
        ("1.5%/month", "0.015", "month", "0.18"),  # × 12
        ("0.05%/day", "0.0005", "day", "0.1825"),  # × 365
        ("5‱/day", "0.0005", "day", "0.1825"),
        ("万分之五/日", "0.0005", "day", "0.1825"),
        ("日息0.05%", "0.0005", "day", "0.1825"),
        ("月息1.5%", "0.015", "month", "0.18"),
        ("年化24%", "0.24", "year", "0.24"),
        ("0%", "0", "year", "0"),
    ],
)
def test_parse_rate(text: str, value: str, unit: str, annual: str) -> None:
    r = parse_rate(text)
    assert (r.value, r.unit, r.annual) == (D(value), unit, D(annual))


@pytest.mark.parametrize("text", ["abc", "4.9", "-1%", "%", "4.9%/fortnight", "", "1e5%"])
def test_bad_rates_say_how_to_write_one(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_rate(text, "loan.rate")
    assert str(err.value).startswith("loan.rate: ")
    assert "4.9%" in str(err.value) or "/year" in str(err.value)


def test_rate_conversions_are_exact() -> None:
    assert parse_rate("4.9%").periodic_exact(12) == Fraction(49, 12000)
    assert parse_rate("1.5%/month").periodic_exact(12) == Fraction(3, 200)
    assert parse_rate("0.05%/day").daily_exact("act/360") == Fraction(1, 2000)
    assert parse_rate("18%").daily_exact("act/360") == Fraction(18, 36000)
    assert parse_rate("0.05%/day").annual_for("act/360") == D("0.18")
    assert str(Rate(D("0.015"), "month")) == "1.5%/month"


def test_money_policy_rounding_and_text() -> None:
    assert MoneyPolicy().round(D("2.345")) == D("2.35")
    assert MoneyPolicy(rounding="half-even").round(D("2.345")) == D("2.34")
    assert MoneyPolicy("KRW").round(D("1500.5")) == D("1501")
    assert MoneyPolicy("JPY").text(D("30618")) == "30618"
    assert MoneyPolicy("USD").grouped(D("-1234.5")) == "-1,234.50"
    assert MoneyPolicy().to_minor(D("5307.27")) == 530727
    assert MoneyPolicy().from_minor(530727) == D("5307.27")


def test_money_refuses_floats_and_unknown_currencies() -> None:
    with pytest.raises(InputError, match="binary float"):
        to_decimal(0.1, "loan.principal")
    with pytest.raises(InputError, match="currency: unknown currency 'XYZ'"):
        MoneyPolicy("XYZ")
    assert to_decimal("1,000.10") == D("1000.10")


@given(st.integers(-10**12, 10**12), st.integers(1, 10**6))
def test_round_units_matches_decimal_rounding(numerator: int, denominator: int) -> None:
    # an independent implementation: Decimal's own quantize on the exact quotient (exact at 60 digits)
    import decimal

    ctx = decimal.Context(prec=60)
    exact = ctx.divide(D(numerator), D(denominator))
    if numerator >= 0:
        for mode, dmode in (("half-up", decimal.ROUND_HALF_UP), ("half-even", decimal.ROUND_HALF_EVEN)):
            assert round_units(numerator, denominator, mode) == int(exact.quantize(D(1), rounding=dmode))


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 1, 31), 3, date(2025, 4, 30)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
    ],
)
def test_add_months_clamps(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_anchor_day_survives_short_months() -> None:
    assert due_dates(date(2025, 1, 31), 4, "monthly") == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31),
                                                          date(2025, 4, 30)]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # 30/360 US (bond basis) examples
        (date(2007, 1, 31), date(2007, 2, 28), 28),
        (date(2007, 1, 30), date(2007, 3, 31), 60),  # D1=30 so D2=31 becomes 30
        (date(2007, 1, 15), date(2007, 3, 31), 76),  # D1<30 so D2 stays 31
        (date(2007, 12, 31), date(2008, 1, 31), 30),
    ],
)
def test_30_360(start: date, end: date, expected: int) -> None:
    assert day_count(start, end, "30/360") == expected


def test_actual_days() -> None:
    assert day_count(date(2024, 2, 1), date(2024, 3, 1), "act/365") == 29
    assert day_count(date(2025, 2, 1), date(2025, 3, 1), "act/360") == 28


def test_annual_rate_has_no_answer_when_no_time_passes() -> None:
    from repayplan.metrics import annual_rate

    day = date(2025, 1, 10)
    assert annual_rate([(day, D("-1000")), (day, D("1000.50"))]) is None
    # one year apart it is simply 0.05%: 1,000.50 / 1,000 − 1
    assert annual_rate([(day, D("-1000")), (date(2026, 1, 10), D("1000.50"))]) == D("0.00050000")
