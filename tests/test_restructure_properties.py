"""Invariants of every restructuring over random loans, positions and step lists:
every plan reconciles to the minor unit, forgiven + paid equals the position plus
what the plan charged, and no steps reproduces the contract."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from repayplan.errors import InputError
from repayplan.model import Position
from repayplan.plans import COMPONENT_FIELDS
from repayplan.restructure import FixedPayment, apply, max_installments, performing_position, remaining_rows
from repayplan.restructure.contract import contract_plan
from repayplan.schedule import build_schedule
from tests.strategies import loans, payment_histories, penalty_policies, positions, step_lists

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reconciles(plan: object, position: Position) -> None:
    assert plan.problems() == []  # type: ignore[attr-defined]
    paid = sum((r.payment for r in plan.rows), Decimal(0))  # type: ignore[attr-defined]
    # the identity, written out: forgiven + paid == position total + interest, fees, penalty charged
    # (+ a credit beyond everything owed, which goes back to the borrower)
    assert plan.forgiven.total + paid == position.total + plan.refund + plan.charged.total  # type: ignore[attr-defined]
    assert plan.refund == 0 or position.total <= 0  # type: ignore[attr-defined]
    for r in plan.rows:  # type: ignore[attr-defined]
        assert r.payment == r.principal + r.interest + r.fees + r.penalty
        assert all(position.policy.round(getattr(r, c)) == getattr(r, c) for c in COMPONENT_FIELDS)
    if plan.rows:  # type: ignore[attr-defined]
        assert plan.rows[-1].closing_balance == 0 and plan.rows[-1].frozen_balance == 0  # type: ignore[attr-defined]


@SETTINGS
@given(positions(), step_lists())
def test_every_plan_reconciles_or_says_why_not(position: Position, steps: list) -> None:  # type: ignore[type-arg]
    try:
        plan = apply(position, steps, label='scenarios[1] "P"')
    except InputError as exc:
        text = str(exc)
        assert text.startswith('scenarios[1] "P"') and "\n" not in text
        return
    reconciles(plan, position)
    assert plan.rows or position.total - plan.forgiven.total == 0 or not steps
    # the term cap counts months: 60 months is 60 monthly, 130 biweekly or 260 weekly installments
    frequency = position.loan.frequency if position.loan else "monthly"
    assert len([r for r in plan.rows if r.payment > 0]) <= max_installments(60, frequency) or not any(
        s.op in ("term", "payment", "step-up", "settle") for s in steps)


@SETTINGS
@given(loans(max_term=120), st.integers(0, 4000))
def test_no_steps_reproduces_the_contract(loan: object, days: int) -> None:
    on = loan.start + timedelta(days=days)  # type: ignore[attr-defined]
    position = performing_position(loan, on)  # type: ignore[arg-type]
    plan = apply(position, [])
    contract = remaining_rows(loan, on)  # type: ignore[arg-type]
    fields = ("due_date", "payment", "principal", "interest", "fees", "penalty", "closing_balance")
    assert [tuple(getattr(r, f) for f in fields) for r in plan.rows] == [
        tuple(getattr(r, f) for f in fields) for r in contract]
    reconciles(plan, position)


@SETTINGS
@given(loans(max_term=120))
def test_no_steps_on_a_fresh_loan_is_its_schedule(loan: object) -> None:
    plan = apply(Position.fresh(loan), [])  # type: ignore[arg-type]
    schedule = build_schedule(loan)  # type: ignore[arg-type]
    assert [(r.due_date, r.payment, r.interest, r.closing_balance) for r in plan.rows] == [
        (r.due_date, r.payment, r.interest, r.closing_balance) for r in schedule.rows]


@SETTINGS
@given(positions(), st.integers(1, 10**7))
def test_a_payment_plan_pays_exactly_the_payment_and_is_the_shortest(position: Position, cents: int) -> None:
    amount = Decimal(cents) / 100
    assume(position.policy.minor_units == 2 and position.credit == 0)
    try:
        plan = apply(position, [FixedPayment(amount)])
    except InputError as exc:
        assert "the smallest payment that" in str(exc)
        return
    reconciles(plan, position)
    if not plan.rows:  # nothing owed
        assert position.total == 0
        return
    assert all(r.payment == amount for r in plan.rows[:-1]) or position.principal == 0
    assert plan.rows[-1].payment <= amount
    if len(plan.rows) > 1:  # one installment fewer does not repay
        from repayplan.restructure.current import opening
        from repayplan.restructure.draft import Draft
        from repayplan.restructure.fixed import attempt
        from repayplan.restructure.position import plan_calendar, plan_periods

        draft = Draft.start(position)
        cal = plan_calendar(position, position.as_of)
        periods = plan_periods(cal, draft.rate, len(plan.rows))  # type: ignore[arg-type]
        first = opening(draft.principal, draft.accrued, periods, position.as_of, cal.day_count, position.policy)
        assert attempt(len(plan.rows) - 1, draft.principal, periods, position.policy, lambda _k: amount,
                       draft.installment_fee, draft.frozen, Decimal(0), first) is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_contract_as_it_stands_reconciles_with_the_arrears_statement(data: st.DataObject) -> None:
    loan = data.draw(loans(max_term=18))
    policy = data.draw(penalty_policies())
    payments = data.draw(payment_histories(loan))
    on = loan.start + timedelta(days=data.draw(st.integers(0, 700)))
    plan = contract_plan(loan, payments, policy, on)
    reconciles(plan, plan.position)
    assert plan.forgiven.total == 0  # nothing is agreed, nothing forgiven
    assert all(r.due_date > on for r in plan.rows) or plan.rows[0].due_date == on


@SETTINGS
@given(loans(max_term=120, methods=("annuity", "equal-principal")), st.integers(0, 4000))
def test_the_contracts_own_rate_and_term_reproduce_the_contract_on_any_date(loan: object, days: int) -> None:
    """SetRate(the contract's rate) + Term(the contract's remaining periods, its method and fee), on any day,
    between due dates too, is the contract's remaining schedule to the cent."""
    from repayplan.restructure import SetRate, Term
    from repayplan.restructure.current import remaining_periods

    on = loan.start + timedelta(days=days)  # type: ignore[attr-defined]
    left = remaining_periods(loan, on)  # type: ignore[arg-type]
    assume(left > 0)
    fee = loan.installment_fee or None  # type: ignore[attr-defined]
    position = performing_position(loan, on)  # type: ignore[arg-type]
    plan = apply(position, [SetRate(loan.rate), Term(left, loan.method, fee=fee)],  # type: ignore[attr-defined]
                 max_months=10**4)
    contract = remaining_rows(loan, on)  # type: ignore[arg-type]
    assert plan.total_payment == sum((r.payment for r in contract), Decimal(0))
    assert [(r.due_date, r.payment, r.interest) for r in plan.rows] == [
        (r.due_date, r.payment, r.interest) for r in contract]
    reconciles(plan, position)


@SETTINGS
@given(loans(max_term=120), st.integers(0, 4000))
def test_the_contracts_own_rate_alone_reproduces_the_contract_for_every_method(loan: object, days: int) -> None:
    """SetRate(the contract's rate) and nothing else keeps the contract's method over its remaining periods:
    for annuity, equal principal, interest only and bullet alike, on any day, the contract's cost to the cent
    (no installment fee, as a plan charges none unless a step says so)."""
    from dataclasses import replace

    from repayplan.restructure import SetRate

    loan = replace(loan, installment_fee=Decimal(0))  # type: ignore[type-var]
    on = loan.start + timedelta(days=days)  # type: ignore[attr-defined]
    contract = remaining_rows(loan, on)  # type: ignore[arg-type]
    assume(len(contract) > 0)
    position = performing_position(loan, on)  # type: ignore[arg-type]
    plan = apply(position, [SetRate(loan.rate)], max_months=10**4)  # type: ignore[attr-defined]
    assert [(r.due_date, r.payment) for r in plan.rows] == [(r.due_date, r.payment) for r in contract]
    reconciles(plan, position)


def test_a_contract_with_a_zero_level_amount_keeps_its_last_row() -> None:
    """Found by hypothesis: 0.42 at 0% over 43 weekly installments: 0.42 / 43 = 0.00977 rounds to 0.01,
    which would repay everything by the 42nd installment, so the level amount is 0.00 and the 43rd row
    takes the 0.42 (every contract has exactly its term of rows). From day 287 (after the 41st, on
    2000-10-14) two rows are left: 0.00 on 21 Oct and 0.42 on 28 Oct; the contract's own rate alone must
    keep them (re-amortising 0.42 over two periods would pay 0.21 twice)."""
    from datetime import date

    from repayplan import Loan, parse_rate
    from repayplan.restructure import SetRate

    loan = Loan(Decimal("0.42"), parse_rate("0%"), 43, frequency="weekly", start=date(2000, 1, 1),
                rounding="half-even")
    on = loan.start + timedelta(days=287)
    plan = apply(performing_position(loan, on), [SetRate(loan.rate)], max_months=10**4)
    assert [(r.due_date, r.payment) for r in plan.rows] == [(date(2000, 10, 21), Decimal("0.00")),
                                                           (date(2000, 10, 28), Decimal("0.42"))]
