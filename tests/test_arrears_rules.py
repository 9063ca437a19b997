"""The late-fee bounds both engines share (the statement's replay in Decimal,
the budget's accounts in minor units) against the contract's wording written
out: at least late_fee_min, then at most late_fee_max."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from repayplan.arrears.rules import late_fee_kept

cents = st.integers(min_value=0, max_value=10**9)


@given(cents, cents, st.none() | cents)
def test_the_fee_is_kept_within_the_contract_bounds_in_cents_and_in_decimal(raw: int, least: int,
                                                                           most: int | None) -> None:
    expected = max(raw, least) if most is None else min(max(raw, least), most)
    assert late_fee_kept(raw, least, most) == expected
    as_money = late_fee_kept(Decimal(raw) / 100, Decimal(least) / 100, None if most is None else Decimal(most) / 100)
    assert as_money == Decimal(expected) / 100


def test_a_worked_fee() -> None:
    # 5% of 1,045.00 unpaid = 52.25, at least 10.00, at most 50.00: 50.00
    assert late_fee_kept(Decimal("1045.00") * Decimal("0.05"), Decimal("10.00"), Decimal("50.00")) == Decimal("50.00")
