"""`batch --scenario` reads its figures from the plan without the comparison's full costing: its shortcuts are
held here to the full path (compare.plan_metrics against the contract plan) on generated loans, every method,
frequency, basis and day count, 0% rates, long first periods, dates before the first due date and past
maturity, and on the scenarios batch users write."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repayplan.batch.scenario import kept_schedule_cash, parse_scenario, plan_figures
from repayplan.compare import plan_metrics
from repayplan.errors import InputError
from repayplan.model import Loan, LoanHistory
from repayplan.plans import Creditor
from repayplan.rates import percent_text
from repayplan.restructure import apply
from repayplan.restructure.contract import contract_plan

from .strategies import loans

SCENARIOS = ("rate=0%; term=36", "waive=interest; haircut=20%; term=24", "settle=60%", "rate=3%",
             "waive=penalty,fees; rate=4.5%; term=60", "haircut=10%; settle=50%", "term=12")


def full_path(loan: Loan, on: date, text: str) -> dict[str, object] | str:
    """The figures as compare computes them: plan_metrics against the contract plan as it stands."""
    scenario = parse_scenario(text, on)
    debt = LoanHistory(loan)
    try:
        plan = apply(debt.position(on), scenario.steps, max_months=Creditor().max_term)
    except InputError as exc:
        return str(exc)
    m = plan_metrics(plan, None, Creditor(), debt.contract(on, until=plan.payoff_date))
    money = loan.policy.text
    return {
        "scenario_date": on.isoformat(), "scenario_owed": money(m.position_total),
        "scenario_installment": money(m.first_payment) if m.first_payment is not None else "",
        "scenario_payments": m.payments, "scenario_total_payment": money(m.total_payment),
        "scenario_total_interest": money(m.total_interest), "scenario_forgiven": money(m.forgiven),
        "scenario_saving": money(m.saving) if m.saving is not None else "",
        "scenario_annual_cost": percent_text(m.annual_cost, 2) if m.annual_cost is not None else "",
        "scenario_payoff_date": m.payoff_date.isoformat() if m.payoff_date else "",
    }


def batch_path(loan: Loan, on: date, text: str) -> dict[str, object] | str:
    scenario = parse_scenario(text, on)
    try:
        plan = apply(LoanHistory(loan).position(on), scenario.steps, max_months=Creditor().max_term)
    except InputError as exc:
        return str(exc)
    return plan_figures(plan, kept_schedule_cash(loan, on))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loans(max_term=120), st.integers(0, 4000), st.sampled_from(SCENARIOS))
def test_the_batch_figures_are_the_comparisons(loan: Loan, days: int, text: str) -> None:
    on = loan.start + timedelta(days=days)  # from the start to years past maturity
    assert batch_path(loan, on, text) == full_path(loan, on, text)


@settings(max_examples=80, deadline=None)
@given(loans(max_term=120), st.integers(0, 4000))
def test_a_kept_schedule_costs_its_remaining_installments(loan: Loan, days: int) -> None:
    on = loan.start + timedelta(days=days)
    assert kept_schedule_cash(loan, on) == contract_plan(loan, (), None, on).total_payment
