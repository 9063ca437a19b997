"""Property tests of the negotiator: every offer, rebuilt with compare, fits every constraint.

The checks here are written out again from the issue's wording (not taken
from repayplan.negotiate.constraints), and the offers are rebuilt from their
steps with ``repayplan.compare.evaluate``, so a search that measured
anything differently from compare would fail them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from repayplan.compare import evaluate
from repayplan.legal import Cap
from repayplan.metrics import npv
from repayplan.model import LoanHistory
from repayplan.negotiate import Constraints, search
from repayplan.negotiate.oracle import first_true, last_true
from repayplan.restructure import REPAYING, max_installments
from tests.strategies import loans, payment_histories, penalty_policies

LEVER_SETS = st.lists(st.sampled_from(["waive", "set-rate", "haircut", "settle"]), unique=True).map(
    lambda items: tuple(lever for lever in ("waive", "set-rate", "haircut", "settle") if lever in items))


@st.composite
def cases(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    """A debt (performing, or with a payment history and penalty terms) on a date, and both sides' limits."""
    loan = draw(loans(max_term=36).filter(lambda x: x.principal <= 10**7 and x.start.year < 2058))
    history = draw(st.booleans())
    payments = tuple(draw(payment_histories(loan))) if history else ()
    penalty = draw(penalty_policies()) if history else None
    on = loan.start + timedelta(days=draw(st.integers(0, 400)))
    debt = LoanHistory(loan, payments, penalty)
    position = debt.position(on)
    assume(position.total > 0)
    money = position.policy
    total = position.total

    def share(low: int, high: int) -> Decimal:
        return money.round(total * draw(st.integers(low, high)) / 1000)

    c = Constraints(
        max_payment=draw(st.one_of(st.none(), st.integers(5, 500).map(lambda x: money.round(total * x / 1000)))),
        lump_sum=draw(st.one_of(st.just(money.round(Decimal(0))), st.builds(lambda: share(0, 1000)))),
        discount_rate=Decimal(draw(st.integers(0, 1500))) / 10000,
        min_recovery=draw(st.one_of(st.none(), st.integers(100, 1000).map(lambda x: Decimal(x) / 1000))),
        recovery_base=draw(st.sampled_from(["position", "principal"])),
        max_term=draw(st.integers(1, 72)),
        levers=draw(LEVER_SETS),
        cap=draw(st.one_of(st.none(), st.integers(500, 3600).map(lambda bp: Cap(Decimal(bp) / 10000, f"{bp}bp")))),
    )
    return debt, on, position, c


def broken(c: Constraints, plan: object, m: object, position: object) -> list[str]:
    """Every constraint of the issue an offer breaks, checked from compare's figures."""
    out = []
    loan = plan.position.loan  # type: ignore[attr-defined]
    per_year = loan.periods_per_year
    if c.max_payment is not None and m.largest_installment is not None:  # type: ignore[attr-defined]
        if m.largest_installment * per_year / 12 > c.max_payment:  # type: ignore[attr-defined]
            out.append("payment over the budget")
    if m.lump_sum > c.lump_sum:  # type: ignore[attr-defined]
        out.append("lump sum over what the borrower has")
    if c.min_recovery is not None:
        base = position.principal if c.recovery_base == "principal" else position.total  # type: ignore[attr-defined]
        if m.creditor_npv < position.policy.round(base * c.min_recovery):  # type: ignore[attr-defined]
            out.append("recovery under the minimum")
    if c.cap is not None and m.annual_cost is not None and m.annual_cost > c.cap.rate:  # type: ignore[attr-defined]
        out.append("cost over the cap")
    if any(s.op in REPAYING for s in plan.steps):  # type: ignore[attr-defined]
        if len(plan.payments) - (1 if plan.lump_sum > 0 else 0) > max_installments(c.max_term, loan.frequency):  # type: ignore[attr-defined]
            out.append("longer than the maximum term")
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(cases())
def test_every_offer_rebuilt_with_compare_fits_every_constraint(case: tuple) -> None:  # type: ignore[type-arg]
    debt, on, position, c = case
    proposal = search(position, on, c, top=3)
    totals = [o.metrics.total_payment for o in proposal.offers]
    values = [o.metrics.creditor_npv for o in proposal.offers]
    assert totals == sorted(totals) and all(a < b for a, b in zip(values, values[1:], strict=False))
    for offer in proposal.offers:
        plan, m = evaluate(position, offer.steps, c.borrower(), c.creditor())
        assert plan.problems() == []
        assert broken(c, plan, m, position) == [], (offer.name, m)
        assert (m.total_payment, m.creditor_npv, m.largest_installment, m.annual_cost) == (
            offer.metrics.total_payment, offer.metrics.creditor_npv, offer.metrics.largest_installment,
            offer.metrics.annual_cost)
        assert m.meets_min_recovery in (None, True)
    if not proposal.offers:
        binding = proposal.binding
        assert binding is not None and binding.message.startswith("No offer fits")
        for r in binding.relaxations:  # each way out, once taken, makes its plan acceptable
            relaxed = {"borrower.max_payment": {"max_payment": r.need}, "borrower.lump_sum": {"lump_sum": r.need},
                       "creditor.min_recovery": {"min_recovery": r.need}, "creditor.max_term": {"max_term": r.need},
                       "creditor.cap": {"cap": Cap(r.need, "relaxed")}}[r.constraint]
            wider = replace(c, **relaxed)
            assert r.plan is not None
            _, m = evaluate(position, r.plan.steps, wider.borrower(), wider.creditor())
            assert broken(wider, r.plan, m, position) == [], r.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4000), st.integers(-10**8, 10**8)), min_size=1, max_size=30),
       st.integers(0, 3000), st.integers(0, 40))
def test_the_oracles_npv_is_compares_npv(flows: list, rate_bp: int, offset: int) -> None:  # type: ignore[type-arg]
    from repayplan.model import Position
    from repayplan.negotiate.ladder import Context
    from repayplan.negotiate.oracle import Oracle

    on = date(2025, 1, 1) + timedelta(days=offset)
    pairs = [(on + timedelta(days=d), Decimal(units).scaleb(-2)) for d, units in flows]
    rate = Decimal(rate_bp) / 10000
    position = Position(on, Decimal("100.00"))
    oracle = Oracle(Context.build(position, on, Constraints(discount_rate=rate)))
    assert oracle.npv(pairs) == position.policy.round(npv(pairs, rate, on))


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 200), st.integers(0, 200), st.integers(-10, 250), st.integers(-10, 250))
def test_boundary_searches_agree_with_a_scan(lo: int, span: int, boundary: int, guess: int) -> None:
    hi = lo + span
    first = next((t for t in range(lo, hi + 1) if t >= boundary), None)
    assert first_true(lambda t: t >= boundary, lo, hi, guess) == first
    last = next((t for t in range(hi, lo - 1, -1) if t <= boundary), None)
    assert last_true(lambda t: t <= boundary, lo, hi, guess) == last
