"""The figures of a plan and the comparison of a case, checked against hand
calculations and independent formulas (a float NPV written out here)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repayplan import Loan, parse_rate
from repayplan.casefile import Reader, load_document, parse_document
from repayplan.casefile.scenarios import read_compare_case, read_parties, read_scenarios
from repayplan.compare import Borrower, Creditor, compare, evaluate, plan_metrics
from repayplan.errors import CaseFileError
from repayplan.metrics import npv
from repayplan.model import LoanHistory, Position
from repayplan.restructure import FixedPayment, SetRate, Settle, Term, Waive, apply

D = Decimal
ON = date(2026, 1, 1)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "hardship.toml"


def float_npv(flows: list[tuple[date, Decimal]], rate: float, on: date) -> float:
    """An independent present value: Σ amount / (1 + rate)^(days / 365)."""
    return sum(float(a) / (1 + rate) ** ((d - on).days / 365) for d, a in flows)


def test_metrics_of_an_interest_free_plan_by_hand() -> None:
    position = Position(ON, D("10000.00"))
    plan, m = evaluate(position, [SetRate(parse_rate("0%")), Term(10)],
                       Borrower(D("5000"), D("4000"), D("0")), Creditor(D("0.06"), D("0.9")))
    # 10,000 / 10 = 1,000.00 on the 1st of each month from February to November
    assert (m.total_payment, m.payments, m.first_payment, m.largest_payment, m.smallest_payment) == (
        D("10000.00"), 10, D("1000.00"), D("1000.00"), D("1000.00"))
    assert (m.first_due, m.payoff_date) == (date(2026, 2, 1), date(2026, 11, 1))
    assert m.total_interest == 0 and m.forgiven == 0 and m.position_total == D("10000.00")
    # paying back exactly what is owed costs nothing a year
    assert m.annual_cost == 0
    # the creditor discounts each 1,000 at 6% a year by its days from 1 Jan
    expected = float_npv([(r.due_date, r.payment) for r in plan.rows], 0.06, ON)
    assert abs(float(m.creditor_npv) - expected) < 0.006
    assert m.recovery == (m.creditor_npv / D("10000")).quantize(D("1e-6")).normalize()
    assert m.meets_min_recovery is True  # about 97.4% ≥ 90%
    assert m.payment_to_income == D("0.2")  # 1,000 / 5,000
    assert m.payment_to_budget == D("1")  # 1,000 / (5,000 − 4,000)
    assert m.lump_sum_shortfall is None and m.saving is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3650), st.integers(1, 10**9)), min_size=1, max_size=60),
       st.integers(0, 3000))
def test_the_npv_agrees_with_float_discounting_to_far_below_a_cent(flows: list, bp: int) -> None:  # type: ignore[type-arg]
    on = date(2026, 1, 1)
    cash = [(date.fromordinal(on.toordinal() + d), Decimal(c) / 100) for d, c in flows]
    rate = Decimal(bp) / 10000
    assert abs(float(npv(cash, rate, on)) - float_npv(cash, bp / 10000, on)) < 1e-4


def test_annual_cost_solves_the_flows() -> None:
    # 10,000 at 1% a month over 12: the rate makes the present value of the payments 10,000
    loan = Loan(D("20000"), parse_rate("12%"), 36, start=date(2025, 1, 1))
    position = Position(ON, D("10000.00"), policy=loan.policy, loan=loan)
    plan, m = evaluate(position, [Term(12)])
    flows = [(r.due_date, r.payment) for r in plan.rows]
    assert m.annual_cost is not None
    assert abs(float_npv(flows, float(m.annual_cost), ON) - 10000) < 0.01
    # and it lies near (1.01)^12 − 1 = 12.68% (months of unequal days move it a little)
    assert abs(m.annual_cost - D("0.1268")) < D("0.002")


def test_settlement_figures_and_the_lump_sum_shortfall() -> None:
    position = Position(ON, D("10000.00"), interest=D("500.00"), penalty=D("300.00"), fees=D("200.00"))
    contract = apply(position, [SetRate(parse_rate("0%")), Term(10)])  # a stand-in contract: 11,000 over 10
    plan = apply(position, [Settle(percent=D("0.6"))])
    m = plan_metrics(plan, Borrower(lump_sum=D("5000")), Creditor(min_recovery=D("0.75")), contract)
    # 60% of 11,000 = 6,600 now; 5,000 available: 1,600 short; 4,400 forgiven; 11,000 − 6,600 saved
    assert (m.settlement, m.lump_sum, m.lump_sum_shortfall) == (D("6600.00"), D("6600.00"), D("1600.00"))
    assert (m.forgiven, m.forgiven_principal, m.saving) == (D("4400.00"), D("4400.00"), D("4400.00"))
    assert m.annual_cost is None  # everything on the day: no rate to speak of
    assert m.creditor_npv == D("6600.00") and m.recovery == D("0.6") and m.meets_min_recovery is False
    assert m.payment_to_income is None  # no installments, no income given


def test_payment_to_income_leaves_out_the_down_payment() -> None:
    position = Position(ON, D("10000.00"))
    plan = apply(position, [Settle(amount=D("7000"), down_payment=D("4000"), installments=3)])
    m = plan_metrics(plan, Borrower(D("4000")))
    # installments of (7,000 − 4,000) / 3 = 1,000.00: 1,000 / 4,000 = 25%; the 4,000 down is the lump sum
    assert m.largest_installment == D("1000.00") and m.payment_to_income == D("0.25")
    assert m.largest_payment == D("4000.00") and m.lump_sum == D("4000.00")


def test_compare_puts_the_contract_first_and_every_scenario_after() -> None:
    loan = Loan(D("12000"), parse_rate("12%"), 12, start=date(2025, 1, 1))
    debt = LoanHistory(loan)
    result = compare(debt, read_scenarios(Reader(), parse_document(
        '[[scenarios]]\nname = "Freeze"\nsteps = [{op = "set-rate", rate = "0%"}, {op = "term", installments = 12}]'
    )), date(2025, 1, 1))
    assert [p.name for p in result.plans] == ["Contract as it stands", "Freeze"]
    contract, freeze = result.metrics
    # the contract: 11 × 1,066.19 + 1,066.14 = 12,794.23; the freeze: 12,000.00
    assert (contract.total_payment, freeze.total_payment) == (D("12794.23"), D("12000.00"))
    assert freeze.saving == D("794.23") and contract.saving == 0


def test_every_scenario_problem_is_reported_at_once() -> None:
    loan = Loan(D("12000"), parse_rate("12%"), 12, start=date(2025, 1, 1))
    scenarios = read_scenarios(Reader(), parse_document(
        '[[scenarios]]\nname = "Long"\nsteps = [{op = "term", installments = 72}]\n'
        '[[scenarios]]\nname = "Small"\nsteps = [{op = "payment", amount = 10}]'))
    with pytest.raises(CaseFileError) as err:
        compare(LoanHistory(loan), scenarios, date(2025, 1, 1))
    lines = str(err.value).splitlines()
    assert lines[0] == ('scenarios[1] "Long" step 1 (term): installments 72 is over the maximum 60; ask for at most '
                        '60, or raise [creditor] max_term')
    assert lines[1].startswith('scenarios[2] "Small" step 1 (payment): payment 10.00 does not cover the 120.00 of '
                               'interest and fees of an installment, so it never repays')


def test_case_file_scenario_problems_name_the_scenario_and_the_step() -> None:
    reader = Reader()
    read_scenarios(reader, parse_document('''
[[scenarios]]
name = "Freeze"
steps = [{op = "waive"}, {op = "set-rate", rate = "abc"}, {op = "term", installments = 36, metod = "annuity"},
         {op = "frezze"}, {op = "payment", amount = "-5"}]
[[scenarios]]
name = "Freeze"
dates = 2026-01-01
steps = "term 36"
'''))
    assert [str(p) for p in reader.problems] == [
        'scenarios[1] "Freeze" step 1 (waive): what missing; give a list such as [\'penalty\', \'fees\']',
        'scenarios[1] "Freeze" step 2 (set-rate): rate \'abc\' is not a rate; write it like 4.9%, 4.9%/year, '
        '1.5%/month or 0.05%/day',
        'scenarios[1] "Freeze" step 3 (term): unknown field metod; did you mean \'method\'?',
        'scenarios[1] "Freeze" step 4: \'frezze\' is not a step; use one of waive, capitalise, haircut, set-rate, '
        'term, payment, moratorium, interest-only, step-up, settle',
        'scenarios[1] "Freeze" step 5 (payment): amount must be a positive amount, got -5',
        "scenarios[2].dates: unknown field; did you mean 'date'?",
        "scenarios[2].name: 'Freeze' is also the name of scenarios[1]; give each scenario its own name",
        'scenarios[2] "Freeze": steps must be a list of tables, got \'term 36\'',
    ]


def test_borrower_and_creditor_tables() -> None:
    reader = Reader()
    borrower, creditor = read_parties(reader, parse_document('''
[borrower]
monthly_income = 8000
monthly_expenses = "6,500.00"
lump_sum = 20000
[creditor]
discount_rate = "5%"
min_recovery = "70%"
max_term = 48
levers = ["waive", "term"]
'''))
    assert reader.problems == []
    assert borrower == Borrower(D("8000"), D("6500.00"), D("20000"))
    assert borrower.budget == D("1500.00")
    assert creditor == Creditor(D("0.05"), D("0.7"), 48, ("waive", "term"))
    reader = Reader()
    read_parties(reader, parse_document('[borrower]\nincome = 1\n[creditor]\nmin_recovery = "170%"\n'
                                        'levers = ["freeze"]\nmax_term = 0'))
    assert [str(p) for p in reader.problems] == [
        "borrower.income: unknown field; did you mean 'monthly_income'?",
        "creditor.min_recovery: must be more than 0% and at most 100%, got 170%",
        "creditor.max_term: must be a whole number from 1 to 1200, got 0",
        "creditor.levers: give a list of steps from waive, capitalise, haircut, set-rate, term, payment, moratorium, "
        "interest-only, step-up, settle, got ['freeze']",
    ]


def test_the_creditors_max_term_caps_every_plan() -> None:
    position = Position(ON, D("10000.00"))
    with pytest.raises(Exception, match="installments 36 is over the maximum 24"):
        evaluate(position, [SetRate(parse_rate("0%")), Term(36)], creditor=Creditor(max_term=24))


# -- the example ---------------------------------------------------------------------

def test_the_hardship_example() -> None:
    case = read_compare_case(load_document(EXAMPLE), str(EXAMPLE))
    names = [s.name for s in case.scenarios]
    assert names[:4] == ["Interest freeze, 36 months", "Penalty waived, 24 months", "Lump-sum settlement",
                         "What the borrower can afford"]
    result = compare(case.debt, case.scenarios, case.info.as_of, case.borrower, case.creditor)  # type: ignore[arg-type]
    by_name = {p.name: (p, m) for p, m in zip(result.plans, result.metrics, strict=True)}
    owed = result.position
    assert owed.total == owed.principal + owed.interest + owed.accrued_interest + owed.penalty + owed.fees
    for plan in result.plans:
        assert plan.problems() == []
    # the freeze: penalty and fees forgiven, no interest: the borrower pays exactly what else was owed;
    # 50,614.94 / 36 = 1,405.97 principal + 3,479.62 / 36 = 96.65 frozen overdue interest a month, and the
    # 426.80 of interest accrued since 10 February falls due with the first installment (it is not frozen)
    freeze, fm = by_name["Interest freeze, 36 months"]
    assert (owed.principal, owed.interest, owed.accrued_interest) == (D("50614.94"), D("3479.62"), D("426.80"))
    assert fm.forgiven == owed.penalty + owed.fees
    assert fm.total_payment == owed.total - owed.penalty - owed.fees
    assert fm.first_payment == D("1405.97") + D("96.65") + D("426.80")
    assert [r.payment for r in freeze.rows[1:-1]] == [D("1405.97") + D("96.65")] * 34
    # what the borrower can afford: no more than 1,500 a month, within the budget of 7,500 − 5,600
    afford, am = by_name["What the borrower can afford"]
    assert am.largest_payment == D("1500.00") and am.payment_to_budget is not None and am.payment_to_budget < 1
    # the lump-sum settlement: 45% of what is owed, 31 March
    settle, sm = by_name["Lump-sum settlement"]
    assert sm.settlement == (owed.total * D("0.45")).quantize(D("0.01")) and sm.payoff_date == date(2026, 3, 31)
    # the contract as it stands charges penalty on to maturity, so every restructuring saves
    contract = result.metrics[0]
    assert contract.total_penalty > owed.penalty
    assert all(m.saving is not None and m.saving > 0 for m in result.metrics[1:])


def test_a_fresh_loan_without_history_is_taken_as_paid_on_schedule() -> None:
    loan = Loan(D("1200"), parse_rate("12%"), 12, start=date(2025, 1, 10))
    debt = LoanHistory(loan)
    position = debt.position(date(2025, 3, 25))
    # two installments of 106.62 paid: 1,009.81 left; 10.10 interest × 15/31 days accrued = 4.89
    assert (position.principal, position.accrued_interest) == (D("1009.81"), D("4.89"))
    contract = debt.contract(date(2025, 3, 25))
    assert len(contract.rows) == 10 and contract.rows[0].due_date == date(2025, 4, 10)
    assert contract.charged.interest == sum(r.interest for r in contract.rows) - D("4.89")


def test_payment_plans_never_pay_below_the_agreed_amount_but_the_last() -> None:
    position = Position(ON, D("1000.00"), penalty=D("600.00"))
    plan = apply(position, [SetRate(parse_rate("0%")), FixedPayment(D("300"))])
    # shares of 600 over 6 installments: 100 + 200 principal each; after 5 the principal is repaid and
    # the sixth pays the last 100 of penalty
    assert [r.payment for r in plan.rows] == [D("300.00")] * 5 + [D("100.00")]
    assert plan.problems() == []
    assert [r.penalty for r in plan.rows] == [D("100.00")] * 6
    plan = apply(position, [Waive(("penalty",)), SetRate(parse_rate("0%")), FixedPayment(D("300"))])
    assert [r.payment for r in plan.rows] == [D("300.00")] * 3 + [D("100.00")]


def test_min_recovery_is_a_percentage_like_every_other() -> None:
    reader = Reader()
    _, creditor = read_parties(reader, parse_document('[creditor]\nmin_recovery = "75%"'))
    assert creditor.min_recovery == D("0.75") and reader.problems == []
    reader = Reader()
    read_parties(reader, parse_document("[creditor]\nmin_recovery = 0.75"))  # was read as 0.75%
    assert [str(p) for p in reader.problems] == [
        "creditor.min_recovery: 0.75 is a bare number; a percentage is text with %: write it as '75%'"]


def _advice(error: str) -> D:
    """The amount an error advises: the last figure in it."""
    import re

    return D(re.findall(r"(\d[\d,]*\.\d\d)", error)[-1].replace(",", ""))


def test_the_smallest_payment_advised_really_is_the_smallest_that_repays() -> None:
    from repayplan.errors import InputError
    from repayplan.restructure import StepUp

    case = read_compare_case(load_document(EXAMPLE), str(EXAMPLE))
    position = case.debt.position(case.info.as_of)  # type: ignore[arg-type]
    waive = Waive(("penalty", "fees"))
    with pytest.raises(InputError) as err:
        apply(position, [waive, FixedPayment(D("10"))])
    # a regular month's interest: 50,614.94 × 18% / 12 = 759.2241 → 759.22 (not the short first period's)
    assert "does not cover the 759.22 of interest and fees of an installment" in str(err.value)
    need = _advice(str(err.value))
    assert apply(position, [waive, FixedPayment(need)]).problems() == []
    with pytest.raises(InputError, match="the smallest payment that would is"):
        apply(position, [waive, FixedPayment(need - D("0.01"))])
    # step-up: 12 × 300 do not cover the interest; the advised floor works, a cent less does not
    with pytest.raises(InputError) as err:
        apply(position, [waive, StepUp(stages=((12, D("300")), (0, D("2000"))))])
    assert "the first stages do not cover" in str(err.value)
    floor = _advice(str(err.value))
    assert apply(position, [waive, StepUp(stages=((12, floor), (0, D("2000"))))]).problems() == []
    with pytest.raises(InputError):
        apply(position, [waive, StepUp(stages=((12, floor - D("0.01")), (0, D("2000"))))])


def test_compare_takes_the_allocation_order_from_the_cases_penalty_terms() -> None:
    from repayplan.arrears import PenaltyPolicy

    loan = Loan(D("12000"), parse_rate("12%"), 12, start=date(2025, 1, 1))
    scenario = read_scenarios(Reader(), parse_document(
        '[[scenarios]]\nname = "Settle"\nsteps = [{op = "settle", amount = "300"}]'))
    on = date(2025, 4, 15)  # installments of 1 Feb, 1 Mar and 1 Apr unpaid
    for allocation, paid_principal in (("civil-code", D("0")), ("principal-first", D("300.00"))):
        debt = LoanHistory(loan, (), PenaltyPolicy(parse_rate("0.05%/day"), allocation=allocation))
        owed = debt.position(on)
        assert owed.interest + owed.penalty > D("300")  # over 300 of interest and penalty is owed
        settle = compare(debt, scenario, on).plans[1]
        # civil code: the 300.00 pays interest and penalty, no principal; principal first: principal only
        assert settle.rows[0].principal == paid_principal
        assert settle.problems() == []


# -- scenarios with their own dates ---------------------------------------------------------

def _dated(name: str, day: str, steps: str) -> list:  # type: ignore[type-arg]
    return read_scenarios(Reader(), parse_document(f'[[scenarios]]\nname = "{name}"\ndate = {day}\nsteps = {steps}'))


FREEZE = ('[{op = "waive", what = ["penalty", "fees"]}, {op = "set-rate", rate = "0%"}, '
          '{op = "term", installments = 36}]')


def test_a_later_scenario_is_measured_against_the_contract_shown_and_discounted_to_the_common_date() -> None:
    case = read_compare_case(load_document(EXAMPLE), str(EXAMPLE))
    on = case.info.as_of
    assert on == date(2026, 3, 1)
    result = compare(case.debt, _dated("Later", "2026-06-01", FREEZE), on, case.borrower, case.creditor)
    contract, later = result.metrics
    plan = result.plans[1]
    # the saving is against the contract in the first column (from 1 March), not one costed from 1 June
    assert later.saving == contract.total_payment - later.total_payment
    assert later.saving != case.debt.contract(date(2026, 6, 1)).total_payment - later.total_payment
    # its NPV is discounted to 1 March at 5%, like the contract's: Σ payment / 1.05^(days/365)
    expected = float_npv([(r.due_date, r.payment) for r in plan.rows], 0.05, on)
    assert abs(float(later.creditor_npv) - expected) < 0.01
    assert later.recovery == (later.creditor_npv / result.position.total).quantize(D("1e-6")).normalize()
    assert any("measured from 2026-03-01" in n and "Later from 2026-06-01" in n for n in result.notes)


def test_an_earlier_scenario_moves_the_measuring_date_for_every_plan() -> None:
    case = read_compare_case(load_document(EXAMPLE), str(EXAMPLE))
    on, early = date(2026, 3, 1), date(2025, 10, 1)  # after the last payment (25 September 2025)
    result = compare(case.debt, _dated("Early", "2025-10-01", FREEZE), on, case.borrower, case.creditor)
    contract = result.plans[0]
    expected = float_npv([(r.due_date, r.payment) for r in contract.rows], 0.05, early)
    assert abs(float(result.metrics[0].creditor_npv) - expected) < 0.01
    owed_then = case.debt.position(early).total
    assert result.metrics[0].recovery == (result.metrics[0].creditor_npv / owed_then).quantize(
        D("1e-6")).normalize()
    assert any("measured from 2025-10-01" in n for n in result.notes)


def test_a_scenario_before_the_last_payment_is_refused_by_name() -> None:
    case = read_compare_case(load_document(EXAMPLE), str(EXAMPLE))
    with pytest.raises(CaseFileError) as err:
        compare(case.debt, _dated("Too early", "2025-09-01", FREEZE), date(2026, 3, 1))
    assert str(err.value).splitlines() == [
        'scenarios[1] "Too early": date 2025-09-01 is before the last payment in the history, on 2025-09-25; a plan '
        'starts from what is owed after every payment made, so give a date on or after it']


def test_a_later_scenario_on_a_loan_without_history_counts_the_installments_paid_before_it() -> None:
    loan = Loan(D("12000"), parse_rate("12%"), 12, start=date(2025, 1, 1))
    steps = '[{op = "set-rate", rate = "0%"}, {op = "term", installments = 9}]'
    result = compare(LoanHistory(loan), _dated("Later", "2025-04-01", steps), date(2025, 1, 1),
                     creditor=Creditor(D("0.06")))
    later = result.metrics[1]
    # 3 installments of 1,066.19 paid on schedule first: 12,000 − (1,066.19 − 120.00) − (1,066.19 − 110.54)
    # − (1,066.19 − 100.98) = 9,132.95 left, repaid at 0%; saving 12,794.23 − 3 × 1,066.19 − 9,132.95 = 462.71
    assert later.total_payment == D("9132.95") and later.saving == D("462.71")
    flows = [(date(2025, m, 1), D("1066.19")) for m in (2, 3, 4)] + [
        (r.due_date, r.payment) for r in result.plans[1].rows]
    assert abs(float(later.creditor_npv) - float_npv(flows, 0.06, date(2025, 1, 1))) < 0.01
