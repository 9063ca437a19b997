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


# -- arrears: penalty policies and payment histories ------------------------------------

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


# -- budget plans: several debts in one currency ----------------------------------------------

@st.composite
def revolving_debts(draw: st.DrawFn, name: str, currency: str = "CNY") -> object:
    """A card or Huabei bill whose minimum rule repays it: a minimum of at least 5% and a floor above the fee."""
    from repayplan.budget import RevolvingDebt

    rate = draw(st.one_of(
        st.integers(0, 300).map(lambda bp: Rate(Decimal(bp).scaleb(-4), "month")),
        st.integers(0, 100).map(lambda x: Rate(Decimal(x).scaleb(-5), "day")),
        st.integers(0, 3600).map(lambda bp: Rate(Decimal(bp).scaleb(-4), "year")),
    ))
    places = 0 if currency in ("JPY", "KRW") else 2
    balance = Decimal(draw(st.integers(10**places, 5 * 10**(4 + places)))).scaleb(-places)
    fee = Decimal(draw(st.integers(0, 10)))
    overdue = (balance * draw(st.integers(0, 20)) / 100).quantize(Decimal(1).scaleb(-places))
    return RevolvingDebt(
        name, balance, rate, Decimal(draw(st.integers(5, 30))) / 100, fee + draw(st.integers(20, 300)),
        min_plus_interest=draw(st.booleans()), interest_on=draw(st.sampled_from(["unpaid", "full"])),
        monthly_fee=fee, overdue=overdue, penalty=draw(st.one_of(st.none(), penalty_policies())), currency=currency)


@st.composite
def installment_debts(draw: st.DrawFn, name: str, plan_start: date, currency: str = "CNY") -> object:
    """A monthly loan still running on the plan's start date, taken as paid on schedule or from a payment
    history (then its arrears statement is the start)."""
    from datetime import timedelta

    from repayplan.budget import InstallmentDebt
    from repayplan.calendar import add_months

    term = draw(st.integers(1, 48))
    elapsed = draw(st.integers(0, term - 1))
    start = add_months(plan_start, -elapsed) - timedelta(days=draw(st.integers(0, 20)))
    loan = Loan(principal=draw(principals(currency)).min(Decimal(500000)).max(Decimal(100)), rate=draw(rates),
                term=term, method=draw(st.sampled_from(METHODS)), start=start,
                interest_basis=draw(st.sampled_from(["periodic", "daily"])), currency=currency,
                rounding=draw(st.sampled_from(["half-up", "half-even"])),
                installment_fee=Decimal(draw(st.integers(0, 20))))
    history = draw(st.booleans())
    payments = None
    penalty = draw(st.one_of(st.none(), penalty_policies()))
    if history:
        payments = tuple(p for p in draw(payment_histories(loan)) if p.date <= plan_start)
    return InstallmentDebt(name, loan, draw(st.sampled_from(["shorten", "reduce-payment"])), penalty, payments)


@st.composite
def debt_sets(draw: st.DrawFn, max_debts: int = 4) -> tuple[list, date]:  # type: ignore[type-arg]
    """One to ``max_debts`` debts (revolving and installment) in one currency, and the plan's start date."""
    currency = draw(currencies)
    plan_start = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)))
    count = draw(st.integers(1, max_debts))
    debts = []
    for i in range(count):
        if draw(st.booleans()):
            debts.append(draw(revolving_debts(f"card{i}", currency)))
        else:
            debts.append(draw(installment_debts(f"loan{i}", plan_start, currency)))
    return debts, plan_start


# -- restructurings: positions and step lists ---------------------------------------------

@st.composite
def positions(draw: st.DrawFn, max_term: int = 60) -> object:
    """What a loan's borrower owes on a date after its start: any principal, overdue and accrued
    interest, penalty, fees and a credit, in the loan's currency."""
    from datetime import timedelta

    from repayplan.model import Position

    loan = draw(loans(max_term=max_term))
    on = loan.start + timedelta(days=draw(st.integers(0, 800)))
    money = loan.policy

    def amount(high: int) -> object:
        return draw(st.one_of(st.just(0), st.integers(0, high))) if money.minor_units else draw(st.integers(0, high))

    principal = money.from_minor(draw(st.integers(0, 10**8)))
    parts = [money.from_minor(amount(10**6)) for _ in range(4)]
    credit = money.from_minor(draw(st.one_of(st.just(0), st.integers(0, 10**4))))
    return Position(on, principal, min(principal, parts[0]), parts[1], parts[2], parts[3],
                    money.from_minor(amount(10**5)), credit, money, loan)


@st.composite
def step_lists(draw: st.DrawFn) -> list:  # type: ignore[type-arg]
    """Restructurings: waivers, capitalisation, a haircut and a new rate in any order, then perhaps a
    moratorium or interest-only periods, then one way of repaying (or none)."""
    from repayplan.restructure import (
        Capitalise,
        FixedPayment,
        Haircut,
        InterestOnly,
        Moratorium,
        SetRate,
        Settle,
        StepUp,
        Term,
        Waive,
    )

    percent = st.integers(1, 100).map(lambda p: Decimal(p) / 100)
    waive = st.builds(Waive, st.lists(st.sampled_from(["penalty", "fees", "interest", "accrued"]), min_size=1,
                                      max_size=4, unique=True).map(tuple),
                      percent=st.one_of(st.none(), percent))
    balance_steps = st.lists(st.one_of(
        waive, st.just(Waive(("installment-fee",))),
        st.builds(Capitalise, st.lists(st.sampled_from(["interest", "accrued", "fees"]), min_size=1, max_size=3,
                                       unique=True).map(tuple)),
        st.builds(Haircut, percent=percent), st.builds(SetRate, rates)), max_size=4)
    steps = draw(balance_steps)
    repay = draw(st.sampled_from(["none", "term", "payment", "step-up", "settle"]))
    if repay != "settle":
        steps += draw(st.lists(st.one_of(
            st.builds(Moratorium, st.integers(1, 6), st.sampled_from(["capitalise", "defer", "waive"])),
            st.builds(InterestOnly, st.integers(1, 6))), max_size=2))
    amount = st.integers(1, 10**7).map(lambda c: Decimal(c) / 100)
    if repay == "term":
        steps.append(draw(st.builds(Term, st.integers(1, 48), st.sampled_from(["annuity", "equal-principal"]))))
    elif repay == "payment":
        steps.append(draw(st.builds(FixedPayment, amount)))
    elif repay == "step-up":
        stages = st.lists(st.tuples(st.integers(1, 12), amount), min_size=1, max_size=3).map(
            lambda s: tuple(s[:-1]) + ((0, s[-1][1]),))
        steps.append(draw(st.one_of(
            st.builds(StepUp, stages=stages),
            st.builds(StepUp, increase=percent, installments=st.integers(1, 48), every=st.integers(1, 12)),
            st.builds(StepUp, increase=percent, payment=amount))))
    elif repay == "settle":
        installments = draw(st.one_of(st.none(), st.integers(1, 24)))
        down = draw(st.none() if installments is None else st.one_of(st.none(), st.integers(1, 10**4)))
        steps.append(Settle(percent=draw(percent), installments=installments,
                            down_payment=None if down is None else Decimal(down) / 100))
    return steps


# -- hostile case files (tests/test_fuzz_casefiles.py) ------------------------------------------------------------

#: Any JSON value a careless or hostile user could put in a case file: numbers of any size and precision (as
#: bare tokens, so 1e999999999 arrives as it would from a file), texts with control characters, nulls, nesting.
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-10**30, 10**30).map(str),
    st.decimals(allow_nan=False, allow_infinity=False).map(lambda d: f"\x00raw:{d}"),
    st.sampled_from(["\x00raw:1e999999999", "\x00raw:-1e-999999", "\x00raw:1e38", "9e999999", "1,5", "1,000.00",
                     "￥１，２００元", "9999-12-31", "2025-02-29", "0%", "1e999%", "contract+50%", "=1+1", ""]),
    st.text(max_size=40), st.dates().map(str),
)
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=12), inner, max_size=3)), max_leaves=8)


def _paths(doc: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every place in a document a value can be put (a key of a table, an item of a list)."""
    out = [path] if path else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _paths(value, (*path, key))
        out.append((*path, "misspelt_or_new"))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += _paths(value, (*path, i))
    return out


@st.composite
def mutated_cases(draw: st.DrawFn, doc: dict[str, object], changes: int = 3) -> dict[str, object]:
    """``doc`` with up to ``changes`` places given hostile values."""
    import json

    doc = json.loads(json.dumps(doc))
    for _ in range(draw(st.integers(1, changes))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        target: object = doc
        for step in path[:-1]:
            target = target[step]  # type: ignore[index]
        value = draw(json_values)
        if isinstance(target, dict):
            target[path[-1]] = value
        elif isinstance(target, list) and isinstance(path[-1], int) and path[-1] < len(target):
            target[path[-1]] = value
    return doc


# -- the level installment at every edge: rates up to 48%/year, long and short first periods ------

#: Rates up to 48% a year in each unit a contract writes (4%/month, 0.13%/day).
high_rates = st.one_of(
    st.builds(Rate, st.integers(0, 4800).map(lambda bp: Decimal(bp).scaleb(-4)), st.just("year")),
    st.builds(Rate, st.integers(0, 400).map(lambda bp: Decimal(bp).scaleb(-4)), st.just("month")),
    st.builds(Rate, st.integers(0, 130).map(lambda x: Decimal(x).scaleb(-5)), st.just("day")),
)


@st.composite
def level_loans(draw: st.DrawFn, max_term: int = 360) -> Loan:
    """Annuities at rates up to 48%/year, with long and short first periods (1–120 days to the first
    due date), daily and periodic bases, every day count, random principals from one minor unit up."""
    currency = draw(st.sampled_from(["CNY", "JPY"]))
    start = draw(dates)
    first_due = draw(st.one_of(st.none(), st.integers(1, 120).map(lambda d: date.fromordinal(start.toordinal() + d))))
    return Loan(
        principal=draw(st.one_of(principals(currency), st.integers(1, 10**6).map(Decimal))),
        rate=draw(high_rates), term=draw(st.integers(1, max_term)), method="annuity",
        frequency=draw(st.sampled_from(["monthly", "monthly", "quarterly", "weekly", "biweekly"])), start=start,
        first_due=first_due, interest_basis=draw(st.sampled_from(["periodic", "daily"])),
        day_count=draw(st.sampled_from(DAY_COUNTS)), currency=currency,
        rounding=draw(st.sampled_from(["half-up", "half-even"])),
    )


# -- arrears rules shared by the replay and the budget ---------------------------------------------------

#: What one overdue installment owes, in minor units: principal, contractual interest, installment fee, late fees,
#: penalty.
owed_amounts = st.tuples(*[st.integers(0, 10**7)] * 5)
