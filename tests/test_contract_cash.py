"""The figures-only costing of the contract as it stands pays what the full costing's plan pays, to the cent."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repayplan import Loan, parse_rate
from repayplan.arrears import ALLOCATION_PRESETS, COMPONENTS, Payment, PenaltyPolicy, statement
from repayplan.arrears.engine import checked_payments
from repayplan.arrears.figures import figures, owed_total
from repayplan.restructure.contract import contract_cash, contract_plan
from repayplan.schedule import build_schedule
from tests.strategies import loans, payment_histories, penalty_policies
from tests.test_arrears_properties import cases


@st.composite
def contracts(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    """A loan, its terms and history, a date before, on or after maturity (on a due date or between), maybe
    an overpayment held as credit, and a horizon or none."""
    loan = draw(loans(max_term=18))
    policy = draw(penalty_policies())
    payments = draw(payment_histories(loan))
    rows = build_schedule(loan).rows
    where = draw(st.sampled_from(["between", "due date", "maturity", "after"]))
    if where == "between":
        on = loan.start + timedelta(days=draw(st.integers(0, (rows[-1].due_date - loan.start).days)))
    elif where == "due date":
        on = draw(st.sampled_from(rows)).due_date
    elif where == "maturity":
        on = rows[-1].due_date
    else:
        on = rows[-1].due_date + timedelta(days=draw(st.integers(1, 400)))
    if draw(st.booleans()):  # paid ahead: credit on the date
        extra = loan.policy.round(loan.principal * draw(st.integers(1, 150)) / 100)
        payments = [*payments, Payment(on - timedelta(days=draw(st.integers(0, 10))), extra)]
        payments = [p for p in payments if p.date >= loan.start]
    until = draw(st.one_of(st.none(), st.integers(-30, 900).map(lambda d: on + timedelta(days=d))))
    return loan, policy, payments, on, until


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(contracts())
def test_contract_cash_is_the_plans_total_payment(case: tuple) -> None:  # type: ignore[type-arg]
    loan, policy, payments, on, until = case
    expected = contract_plan(loan, payments, policy, on, until=until).total_payment
    assert str(contract_cash(loan, payments, policy, on, until=until)) == str(expected)
    # and with the date's position given, as batch --scenario passes the arrears statement's
    history = [p for p in payments if p.date <= on]
    position = figures(loan, history, policy, on).position
    assert str(contract_cash(loan, payments, policy, on, until=until, position=position)) == str(expected)


def _random_case(rng: random.Random) -> tuple:  # type: ignore[type-arg]
    """A seeded case outside hypothesis: a mortgage-like or card-like loan, each installment paid on time,
    late, partly, twice or not at all, under any allocation order, grace, late fee and compounding."""
    term = rng.choice([1, 3, 6, 12, 24, 36])
    start = date(2023, 1, 1) + timedelta(days=rng.randrange(365))
    loan = Loan(Decimal(rng.randrange(100_00, 500_000_00)) / 100, parse_rate(f"{rng.choice([0, 3.85, 12, 18, 24])}%"),
                term, start=start, method=rng.choice(["annuity", "equal-principal"]))
    allocation = rng.choice([*ALLOCATION_PRESETS, tuple(rng.sample(COMPONENTS, len(COMPONENTS)))])
    policy = PenaltyPolicy(parse_rate(rng.choice(["0.05%/day", "18%", "0%"])), base=rng.choice(
        ["overdue-installment", "overdue-principal", "outstanding"]), compound=rng.random() < 0.5,
        grace_days=rng.choice([0, 0, 3]), late_fee=Decimal(rng.choice([0, 0, 30])), allocation=allocation,
        count_payment_day=rng.random() < 0.3)
    rows = build_schedule(loan).rows
    payments = []
    for r in rows:
        kind = rng.choice(["on time", "late", "partial", "missed", "twice"])
        if kind == "missed":
            continue
        day = r.due_date + timedelta(days=rng.randrange(1, 60) if kind == "late" else 0)
        amount = r.payment if kind != "partial" else loan.policy.round(r.payment * rng.randrange(1, 99) / 100)
        payments += [Payment(day, amount)] * (2 if kind == "twice" else 1)
    span = (rows[-1].due_date - start).days
    on = start + timedelta(days=rng.randrange(0, span + 200))
    until = rng.choice([None, on + timedelta(days=rng.randrange(0, 700))])
    return loan, policy, payments, on, until


def test_contract_cash_on_seeded_random_histories() -> None:
    rng = random.Random(17)
    for _ in range(300):
        loan, policy, payments, on, until = _random_case(rng)
        expected = contract_plan(loan, payments, policy, on, until=until).total_payment
        assert contract_cash(loan, payments, policy, on, until=until) == expected, (loan, policy, payments, on)


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_owed_total_is_the_figures_total(case: tuple) -> None:  # type: ignore[type-arg]
    loan, policy, payments, as_of = case
    counted = sorted((p for p in checked_payments(loan, payments) if p.date <= as_of), key=lambda p: p.date)
    total, to_credit = owed_total(loan, counted, policy, as_of)
    assert str(total) == str(figures(loan, payments, policy, as_of).position.total)
    assert to_credit == list(statement(loan, payments, policy, as_of).to_credit)
