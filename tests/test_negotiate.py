"""The negotiator where the right answer is known by construction or computed here by hand."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repayplan import Loan, parse_rate
from repayplan.calendar import add_months
from repayplan.casefile import Reader, load_document, parse_document
from repayplan.casefile.negotiate import read_negotiation_case
from repayplan.casefile.scenarios import read_scenarios
from repayplan.compare import compare, evaluate
from repayplan.errors import InputError
from repayplan.legal import Cap
from repayplan.model import Position, Scenario
from repayplan.negotiate import Constraints, negotiate, parse_levers, scenario_toml, search
from repayplan.rates import Rate
from repayplan.restructure import Haircut, SetRate, Settle, Term, Waive, performing_position

D = Decimal
ON = date(2025, 1, 1)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CENT = D("0.01")


def fresh(principal: str, rate: str, term: int = 12) -> Position:
    return performing_position(Loan(D(principal), parse_rate(rate), term, start=ON), ON)


def pv(amounts: list[Decimal], rate: Decimal) -> Decimal:
    """Σ amount ÷ (1 + rate)^(days ÷ 365), monthly dues from 1 Feb 2025, rounded to the cent (40 digits)."""
    with localcontext() as ctx:
        ctx.prec = 40
        total = sum((a / (1 + rate) ** (D((add_months(ON, k + 1) - ON).days) / 365) for k, a in enumerate(amounts)),
                    D(0))
    return total.quantize(CENT, ROUND_HALF_UP)


def annuity(principal: Decimal, monthly: Decimal, n: int) -> list[Decimal]:
    """The textbook schedule: B·r ÷ (1 − (1 + r)^−n) rounded half-up, interest rounded each month,
    the last installment takes what is left."""
    with localcontext() as ctx:
        ctx.prec = 40
        level = principal / n if monthly == 0 else principal * monthly / (1 - (1 + monthly) ** -n)
    level = level.quantize(CENT, ROUND_HALF_UP)
    balance, out = principal, []
    for k in range(n):
        interest = (balance * monthly).quantize(CENT, ROUND_HALF_UP)
        pay = balance + interest if k == n - 1 else level
        balance -= pay - interest
        out.append(pay)
    return out


# -- known by construction -----------------------------------------------------------

def test_a_borrower_who_can_pay_the_36_month_interest_free_installment_gets_that_plan() -> None:
    position = fresh("24000", "12%", 24)
    budget = annuity(D("24000.00"), D(0), 36)[0]  # 24,000 ÷ 36 = 666.666… → 666.67
    assert budget == D("666.67")
    terms = Constraints(max_payment=budget, discount_rate=D("0.05"), min_recovery=D("0.9"), levers=("set-rate",))
    best = search(position, ON, terms).offers[0]
    assert best.steps == (SetRate(Rate(D(0))), Term(36))
    # 35 × 666.67 + 666.55: the largest is the budget; its NPV at 5% is well above 90% of 24,000
    assert best.metrics.largest_installment == budget and best.metrics.total_payment == D("24000.00")
    assert best.metrics.creditor_npv == pv(annuity(D("24000.00"), D(0), 36), D("0.05")) >= D("21600.00")
    # a cent less a month and 36 months no longer fit: 24,000 ÷ 37 = 648.65
    tighter = search(position, ON, replace(terms, max_payment=budget - CENT)).offers[0]
    assert tighter.steps == (SetRate(Rate(D(0))), Term(37))


def test_a_creditor_whose_minimum_equals_the_lump_sum_accepts_the_settlement() -> None:
    position = fresh("10000", "12%")  # 10,000.00 owed on the loan's first day
    terms = Constraints(max_payment=D("0"), lump_sum=D("6000.00"), discount_rate=D("0.08"), min_recovery=D("0.6"),
                        levers=("settle",))
    offers = search(position, ON, terms).offers
    assert [o.steps for o in offers] == [(Settle(amount=D("6000.00")),)]  # 60% of 10,000.00, paid on the day
    assert offers[0].metrics.creditor_npv == D("6000.00") and offers[0].metrics.forgiven == D("4000.00")
    assert offers[0].role == "both" and "creditor.min_recovery" in offers[0].binds
    # a cent less in hand and nothing fits: a cent short, or a minimum of 5,999.99 ÷ 10,000 = 59.99%
    nothing = search(position, ON, replace(terms, lump_sum=D("5999.99")))
    assert nothing.offers == ()
    ways = {r.constraint: r for r in nothing.binding.relaxations}
    assert ways["borrower.lump_sum"].shortfall == CENT and ways["borrower.lump_sum"].need == D("6000.00")
    assert ways["creditor.min_recovery"].need == D("0.5999")


def test_too_small_a_budget_reports_the_installment_needed_and_the_term() -> None:
    """No concession allowed, at most 24 months: the smallest installments are the contract
    rate's (1% a month) over 24 months."""
    position = fresh("12000", "12%")
    terms = Constraints(max_payment=D("500"), discount_rate=D("0.06"), min_recovery=D("0.95"), max_term=24,
                        levers=())
    binding = search(position, ON, terms).binding
    # paying a fixed amount, the last one less, repays in 24 months from 12,000 × 1% ÷ (1 − 1.01^−24) = 564.8817 up
    need = (D(12000) * D("0.01") / (1 - D("1.01") ** -24)).quantize(CENT, ROUND_CEILING)
    assert need == D("564.89")
    longest = next(n for n in range(24, 60) if max(annuity(D("12000.00"), D("0.01"), n)) <= 500)
    assert longest == 28
    ways = {r.constraint: r for r in binding.relaxations}
    assert ways["borrower.max_payment"].need == need and ways["borrower.max_payment"].shortfall == need - 500
    assert ways["creditor.max_term"].need == longest
    assert binding.message.startswith(f"No offer fits: the borrower would need {need - 500} more a month")
    assert "creditor.min_recovery" not in ways  # no plan within 500 a month exists at all


def test_too_high_a_minimum_reports_the_recovery_the_budget_allows() -> None:
    """An interest-free 12,000 at most 600 a month: 20 installments; the creditor's 10% cost of funds
    makes that worth less than its 95% minimum."""
    position = fresh("12000", "0%")
    terms = Constraints(max_payment=D("600"), discount_rate=D("0.10"), min_recovery=D("0.95"), max_term=24,
                        levers=())
    binding = search(position, ON, terms).binding
    best = pv([D("600.00")] * 20, D("0.10"))  # 20 × 600 is the most within the budget
    share = (best / 12000).quantize(D("0.0001"), ROUND_FLOOR)
    ways = {r.constraint: r for r in binding.relaxations}
    assert ways["creditor.min_recovery"].need == share and ways["creditor.min_recovery"].plan.steps == (Term(20),)
    assert f"accept {share * 100:.2f}% of what is owed (NPV {best:,.2f})" in binding.message
    # the installment the minimum needs: the smallest fixed amount (the last one less) whose stream is still
    # worth 95% of 12,000; scanned cent by cent below 12 × 1,000.00, the level 12 installments' amount

    def stream(x: Decimal) -> list[Decimal]:
        k = int(D(12000) // x)
        return [x] * k + ([D(12000) - k * x] if D(12000) > k * x else [])

    need = next(D(c) / 100 for c in range(99000, 100001) if pv(stream(D(c) / 100), D("0.10")) >= D("11400.00"))
    assert D("990.00") < need < D("1000.00")
    assert ways["borrower.max_payment"].need == need


def test_the_creditors_best_sits_on_the_budget_to_the_basis_point() -> None:
    position = fresh("24000", "12%", 24)
    terms = Constraints(max_payment=D("500"), levers=("set-rate",))
    best = search(position, ON, terms).offers[-1]
    rate, term = best.steps
    assert isinstance(rate, SetRate) and term == Term(60) and best.role == "creditor"
    assert "borrower.max_payment" in best.binds
    # rebuilt with compare: within 500 a month; one basis point more is not
    assert evaluate(position, best.steps)[1].largest_installment <= 500
    higher = SetRate(Rate(rate.rate.value + D("0.0001")))
    assert evaluate(position, (higher, term))[1].largest_installment > 500
    # and the textbook annuity agrees on the rate
    assert max(annuity(D("24000.00"), rate.rate.value / 12, 60)) <= 500
    assert max(annuity(D("24000.00"), (rate.rate.value + D("0.0001")) / 12, 60)) > 500


def test_the_borrowers_best_sits_on_the_creditors_minimum_to_the_cent() -> None:
    data = read_negotiation_case(load_document(EXAMPLES / "negotiation.toml"))
    proposal = negotiate(data.case.debt, data.case.info.as_of, data.constraints)
    best = proposal.offers[0]
    assert proposal.required == (proposal.position.total * D("0.75")).quantize(CENT, ROUND_HALF_UP)
    assert best.metrics.creditor_npv >= proposal.required and best.binds == ("creditor.min_recovery",)
    (settle,) = best.steps
    assert isinstance(settle, Settle)
    cent_less = replace(settle, amount=settle.amount - CENT)
    assert evaluate(proposal.position, [cent_less], creditor=data.constraints.creditor())[1].creditor_npv \
        < proposal.required


def test_offers_run_along_the_frontier_and_fit_every_constraint() -> None:
    data = read_negotiation_case(load_document(EXAMPLES / "negotiation.toml"))
    proposal = negotiate(data.case.debt, data.case.info.as_of, data.constraints)
    assert [o.role for o in proposal.offers] == ["borrower", "between", "between", "between", "creditor"]
    totals = [o.metrics.total_payment for o in proposal.offers]
    npvs = [o.metrics.creditor_npv for o in proposal.offers]
    assert totals == sorted(totals) and npvs == sorted(npvs) and len(set(npvs)) == 5
    for o in proposal.offers:
        assert data.constraints.violations(o.plan, o.metrics) == []
        assert o.metrics.largest_installment <= D("1100.00") and o.metrics.lump_sum <= D("3000.00")


def test_the_legal_cap_bounds_every_offer() -> None:
    data = read_negotiation_case(load_document(EXAMPLES / "negotiation.toml"))
    terms = replace(data.constraints, cap=Cap(D("0.10"), "10%"))
    proposal = negotiate(data.case.debt, data.case.info.as_of, terms)
    assert proposal.offers
    assert all(o.metrics.annual_cost is None or o.metrics.annual_cost <= D("0.10") for o in proposal.offers)
    assert "creditor.cap" in proposal.offers[-1].binds  # 18% is over the cap: the rate must come down


def test_a_minimum_of_the_principal() -> None:
    data = read_negotiation_case(load_document(EXAMPLES / "negotiation.toml"))
    terms = replace(data.constraints, recovery_base="principal")
    proposal = negotiate(data.case.debt, data.case.info.as_of, terms)
    assert proposal.required == (proposal.position.principal * D("0.75")).quantize(CENT, ROUND_HALF_UP)
    assert proposal.offers[0].metrics.creditor_npv >= proposal.required
    assert all(o.metrics.meets_min_recovery for o in proposal.offers)


def test_levers_limit_the_steps() -> None:
    data = read_negotiation_case(load_document(EXAMPLES / "negotiation.toml"))
    debt, on = data.case.debt, data.case.info.as_of
    only_term = negotiate(debt, on, replace(data.constraints, levers=()))
    assert {s.op for o in only_term.offers for s in o.steps} <= {"term", "payment"}  # no concession
    no_minimum = negotiate(debt, on, replace(data.constraints, min_recovery=None))
    assert not {s.op for o in no_minimum.offers for s in o.steps} & {"haircut", "settle"}
    assert any("haircut and settle not searched" in note for note in no_minimum.notes)


def test_nothing_owed_is_nothing_to_negotiate() -> None:
    proposal = search(Position(ON, D("0.00")), ON, Constraints())
    assert (proposal.offers, proposal.binding, proposal.builds) == ((), None, 0)
    assert proposal.notes == ("Nothing is owed on 2025-01-01: the loan is repaid; there is nothing to compare or "
                              "agree.",)


def test_levers_and_constraints_are_checked() -> None:
    assert parse_levers(["settle", "moratorium", "term"]) == (("settle",), ("moratorium",))
    with pytest.raises(InputError, match="levers: 'freeze' is not a step"):
        parse_levers("waive,freeze")
    with pytest.raises(InputError, match="min_recovery_of: 'all' is unknown"):
        Constraints(recovery_base="all")


def test_a_matured_loans_savings_are_against_penalty_running_to_the_longest_offer() -> None:
    """Huabei: all 6 bills fell due by 2025-07-10; on 2025-07-20 (as_of) 3,776.18 is owed (the example's
    statement): 3,555.45 principal + 85.73 penalty + 135.00 fees. With nothing agreed, penalty runs at
    0.05%/day on the unpaid bills (overdue-installment base: principal + fee, no penalty on penalty) until
    the longest offer is paid off, and the contract pays everything then."""
    data = read_negotiation_case(load_document(EXAMPLES / "huabei-arrears.toml"))
    on = data.case.info.as_of
    proposal = negotiate(data.case.debt, on, data.constraints, top=3)
    # the longest offer: 60 installments (the default max_term), due on the 10th from 2025-08-10 to 2030-07-10
    longest = max(o.metrics.payoff_date for o in proposal.offers)
    assert longest == date(2030, 7, 10)
    # The engine rounds each bill's penalty once over its whole overdue run (the trace's rule). Unpaid bills:
    # bill 3's 555.45 principal from 2025-04-30 (its 500.00 paid 45.00 fee, 10.45 penalty = 1,045 × 0.05% ×
    # 20 days, 444.55 principal) and bills 4-6 (1,045.00 each: principal + fee) from their due dates.
    run = {  # bill: (base, first day, days to 2025-07-20, days to 2030-07-10)
        3: (D("555.45"), date(2025, 4, 30), 81, 1897),
        4: (D("1045.00"), date(2025, 5, 10), 71, 1887),
        5: (D("1045.00"), date(2025, 6, 10), 40, 1856),
        6: (D("1045.00"), date(2025, 7, 10), 10, 1826),  # five years, 29 Feb 2028 among them
    }
    for _, first, now, then in run.values():
        assert ((on - first).days, (longest - first).days) == (now, then)

    def penalty(column: int) -> Decimal:  # Σ per bill: base × 0.05% × days, rounded half-up
        return sum(((base * D("0.0005") * run[bill][column]).quantize(CENT, ROUND_HALF_UP)
                    for bill, (base, *_) in run.items()), D(0))

    # on 2025-07-20: 22.50 + 37.10 + 20.90 + 5.23 = 85.73, the example's statement
    assert penalty(2) == D("85.73") == proposal.position.penalty
    # on 2030-07-10: 526.84 + 985.96 + 969.76 + 954.09 = 3,436.65; the contract pays the principal, the fees
    # and that: 3,555.45 + 135.00 + 3,436.65 = 7,127.10 (3,776.18 owed now + 3,350.92 more penalty)
    assert penalty(3) == D("3436.65")
    contract_total = D("3555.45") + D("135.00") + penalty(3)
    assert contract_total == D("7127.10")
    assert proposal.contract is not None and proposal.contract.total_payment == contract_total
    assert proposal.contract_metrics.saving == 0
    for offer in proposal.offers:
        assert offer.metrics.saving == contract_total - offer.metrics.total_payment
    assert proposal.offers[-1].metrics.saving == D("3350.92")  # 3 installments repaying 3,776.18: no concession
    assert any("2030-07-10" in note and "penalty keeps running" in note for note in proposal.notes)
    # compare costs the same plans alike: the contract to the longest payoff, the same savings
    side_by_side = compare(data.case.debt, [Scenario(o.name, o.steps) for o in proposal.offers], on)
    assert side_by_side.plans[0].total_payment == contract_total
    assert [m.saving for m in side_by_side.metrics[1:]] == [o.metrics.saving for o in proposal.offers]


# -- offers to paste -----------------------------------------------------------------

def read_back(text: str) -> list[tuple[object, ...]]:
    reader = Reader()
    scenarios = read_scenarios(reader, parse_document(text))
    assert reader.problems == []
    return [s.steps for s in scenarios]


def test_every_offer_pastes_back_as_the_same_scenario() -> None:
    data = read_negotiation_case(load_document(EXAMPLES / "negotiation.toml"))
    proposal = negotiate(data.case.debt, data.case.info.as_of, data.constraints)
    text = "\n\n".join(scenario_toml(o.name, o.steps, proposal.on) for o in proposal.offers)
    assert read_back(text) == [o.steps for o in proposal.offers]
    assert [s["date"] for s in tomllib.loads(text)["scenarios"]] == [proposal.on] * 5


amounts = st.integers(1, 10**9).map(lambda units: D(units).scaleb(-2))
percents = st.integers(1, 10000).map(lambda bp: D(bp).scaleb(-4))
steps = st.one_of(
    st.builds(lambda what, amount: Waive(tuple(what), amount=amount),
              st.lists(st.sampled_from(["penalty", "fees", "interest"]), min_size=1, max_size=3, unique=True),
              st.one_of(st.none(), amounts)),
    st.builds(lambda bp: SetRate(Rate(D(bp).scaleb(-4))), st.integers(0, 3600)),
    st.builds(Term, st.integers(1, 600)),
    st.one_of(st.builds(lambda a: Haircut(amount=a), amounts), st.builds(lambda p: Haircut(percent=p), percents)),
    st.builds(lambda a, k: Settle(amount=a, installments=k), amounts, st.one_of(st.none(), st.integers(1, 60))),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(steps, max_size=5),  # a name is text without control characters, not blank (refused at input)
       st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30).filter(str.strip))
def test_any_steps_round_trip_through_read_step(items: list[object], name: str) -> None:
    text = scenario_toml(name or "x", items, ON)  # type: ignore[arg-type]
    assert read_back(text) == [tuple(items)]
    assert tomllib.loads(text)["scenarios"][0]["name"] == (name or "x")


def test_case_files_give_the_cap_and_the_base() -> None:
    doc = parse_document('[loan]\nprincipal = 1000\nrate = "12%"\nterm = 6\nstart = 2025-01-01\n'
                         '[creditor]\nmin_recovery = "80%"\nmin_recovery_of = "principal"\ncap = "24%"\n'
                         'levers = ["set-rate", "moratorium"]\n')
    c = read_negotiation_case(doc).constraints
    assert (c.recovery_base, c.cap.rate, c.levers, c.ignored_levers) == ("principal", D("0.24"), ("set-rate",),
                                                                         ("moratorium",))
