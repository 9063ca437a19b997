"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from repayplan.calendar import DAY_COUNTS, FREQUENCIES
from repayplan.model import METHODS, Loan
from repayplan.rates import Rate

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))

#: Rates as contracts state them: per year up to 36%, per month up to 3%, per day up to 0.1%; 0% included.
rates = st.one_of(
    st.just(Rate(Decimal(0))),
    st.builds(Rate, st.integers(0, 3600).map(lambda bp: Decimal(bp).scaleb(-4)), st.just("year")),
    st.builds(Rate, st.integers(0, 300).map(lambda bp: Decimal(bp).scaleb(-4)), st.just("month")),
    st.builds(Rate, st.integers(0, 100).map(lambda x: Decimal(x).scaleb(-5)), st.just("day")),
)

currencies = st.sampled_from(["CNY", "USD", "JPY"])


def principals(currency: str = "CNY") -> st.SearchStrategy[Decimal]:
    places = 0 if currency in ("JPY", "KRW") else 2
    return st.integers(1, 10**9).map(lambda units: Decimal(units).scaleb(-places))


@st.composite
def loans(draw: st.DrawFn, max_term: int = 480, methods: tuple[str, ...] = METHODS) -> Loan:
    """Any valid loan: every method, frequency, basis, day count, rounding; 0% included."""
    currency = draw(currencies)
    start = draw(dates)
    frequency = draw(st.sampled_from(list(FREQUENCIES)))
    first_due = draw(st.one_of(st.none(), st.integers(1, 120).map(lambda d: date.fromordinal(start.toordinal() + d))))
    return Loan(
        principal=draw(principals(currency)),
        rate=draw(rates),
        term=draw(st.integers(1, max_term)),
        method=draw(st.sampled_from(methods)),
        frequency=frequency,
        start=start,
        first_due=first_due,
        interest_basis=draw(st.sampled_from(["periodic", "daily"])),
        day_count=draw(st.sampled_from(DAY_COUNTS)),
        currency=currency,
        rounding=draw(st.sampled_from(["half-up", "half-even"])),
    )
