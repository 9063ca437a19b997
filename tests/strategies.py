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


# -- arrears (issue 7): penalty policies and payment histories ------------------------------------

@st.composite
def penalty_policies(draw: st.DrawFn) -> object:
    """Any PenaltyPolicy: absolute or relative rate (or none), every base, grace, late fee and allocation."""
    from repayplan.arrears import ALLOCATION_PRESETS, BASES, COMPONENTS, PenaltyPolicy, RelativeRate

    rate = draw(st.one_of(st.none(), rates, st.integers(100, 300).map(lambda pct: RelativeRate(Decimal(pct) / 100))))
    allocation = draw(st.one_of(st.sampled_from(list(ALLOCATION_PRESETS)), st.permutations(COMPONENTS)))
    fee_rate = draw(st.one_of(st.none(), st.integers(0, 1000).map(lambda bp: Decimal(bp).scaleb(-4))))
    fee_min = Decimal(draw(st.integers(0, 20)))
    return PenaltyPolicy(
        rate=rate, base=draw(st.sampled_from(BASES)), compound=draw(st.booleans()),
        count_payment_day=draw(st.booleans()), grace_days=draw(st.integers(0, 5)),
        grace_mode=draw(st.sampled_from(["waive", "shift"])), late_fee=Decimal(draw(st.integers(0, 50))),
        late_fee_rate=fee_rate, late_fee_min=fee_min,
        late_fee_max=draw(st.one_of(st.none(), st.integers(20, 200).map(Decimal))),
        allocation=allocation, allocation_scope=draw(st.sampled_from(["installment", "component"])),
    )


@st.composite
def payment_histories(draw: st.DrawFn, loan: Loan) -> list:  # type: ignore[type-arg]
    """Payments on or after the loan start: some installments on time, some late, partial or missed,
    some extra; amounts in the loan's currency."""
    from datetime import timedelta

    from repayplan.arrears import Payment
    from repayplan.schedule import build_schedule

    policy = loan.policy
    out = []
    for row in build_schedule(loan).rows:
        kind = draw(st.sampled_from(["on time", "late", "partial", "missed", "early"]))
        if kind == "missed":
            continue
        delay = {"on time": 0, "late": draw(st.integers(1, 90)), "partial": draw(st.integers(0, 60)),
                 "early": -draw(st.integers(1, 20))}[kind]
        day = max(loan.start, row.due_date + timedelta(days=delay))
        amount = row.payment if kind != "partial" else policy.round(row.payment * draw(st.integers(1, 99)) / 100)
        out.append(Payment(day, amount))
    extra = draw(st.lists(st.tuples(st.integers(0, 400), st.integers(0, 10**6)), max_size=3))
    out += [Payment(loan.start + timedelta(days=d), policy.from_minor(units)) for d, units in extra]
    return out
