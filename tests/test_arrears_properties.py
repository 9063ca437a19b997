"""Invariants of the arrears statement over any loan, policy and payment history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repayplan.arrears import Payment, PenaltyPolicy, scheduled_payments, statement
from repayplan.model import Loan
from repayplan.rates import Rate
from repayplan.schedule import build_schedule
from tests.strategies import loans, payment_histories, penalty_policies

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ZERO = Decimal(0)


@st.composite
def cases(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    loan = draw(loans(max_term=18))
    policy = draw(penalty_policies())
    payments = draw(payment_histories(loan))
    as_of = loan.start + timedelta(days=draw(st.integers(0, 900)))
    return loan, policy, payments, as_of


def total(values: object) -> Decimal:
    return sum(values, ZERO)  # type: ignore[call-overload, no-any-return]


@SETTINGS
@given(cases())
def test_allocation_never_creates_or_loses_money(case: tuple) -> None:  # type: ignore[type-arg]
    loan, policy, payments, as_of = case
    s = statement(loan, payments, policy, as_of)
    from_payments = total(a.amount for a in s.applications if a.source == "payment")
    from_credit = total(a.amount for a in s.applications if a.source == "credit")
    # payments = Σ allocated components + credit
    assert s.total_paid == from_payments + total(s.to_credit)
    assert s.credit == total(s.to_credit) - from_credit
    assert s.total_paid == total(a.amount for a in s.applications) + s.credit
    assert all(a.amount > 0 for a in s.applications)
    # and each component's payments + what is unpaid = what was charged
    paid = {c: total(a.amount for a in s.applications if a.component == c)
            for c in ("principal", "interest", "penalty", "fees")}
    due = [x for x in s.lines if x.is_due]
    assert paid["principal"] + s.outstanding_principal == loan.policy.round(loan.principal)
    assert paid["interest"] + s.overdue_interest == total(x.interest for x in due)
    assert paid["penalty"] + s.penalty_interest == s.penalty_charged
    assert paid["fees"] + s.fees == s.fees_charged + total(x.installment_fee for x in due)
    for x in due:  # each installment reconciles: due + penalty + fees − paid = what is unpaid
        assert x.due + x.penalty_interest + x.fees - x.paid == x.balance
        assert min(x.unpaid_principal, x.unpaid_interest, x.unpaid_penalty, x.unpaid_fees) >= 0
    assert s.payoff_amount == s.position.total


@SETTINGS
@given(loans(max_term=24), penalty_policies(), st.integers(0, 400))
def test_a_loan_paid_exactly_on_schedule_has_no_penalty(loan, policy, extra_days: int) -> None:  # type: ignore[no-untyped-def]
    rows = build_schedule(loan).rows
    s = statement(loan, scheduled_payments(loan), policy, rows[-1].due_date + timedelta(days=extra_days))
    assert s.penalty_charged == 0 and s.fees_charged == 0
    assert s.payoff_amount == 0 and s.credit == 0 and s.days_past_due == 0
    assert all(x.status == "paid" for x in s.lines)


@SETTINGS
@given(loans(max_term=24), penalty_policies(), st.data())
def test_paying_within_the_grace_days_costs_nothing_extra(loan, policy, data) -> None:  # type: ignore[no-untyped-def]
    grace = data.draw(st.integers(1, 6))  # shorter than the shortest period (a week)
    policy = replace(policy, grace_days=grace)
    rows = build_schedule(loan).rows
    # each installment paid in full some day between its due date and the end of its grace
    payments = [Payment(r.due_date + timedelta(days=data.draw(st.integers(0, grace))), r.payment) for r in rows]
    s = statement(loan, payments, policy, rows[-1].due_date + timedelta(days=grace + 30))
    assert s.penalty_charged == 0 and s.fees_charged == 0 and s.payoff_amount == 0


@st.composite
def pieces(draw: st.DrawFn, loan, earliest: int, latest: int) -> list[Payment]:  # type: ignore[no-untyped-def]
    """Each installment paid in one to three pieces, each dated `earliest` to `latest` days from its due date
    (never before the loan start), the last piece on day `latest`: money before the due date waits as credit
    and is applied on it."""
    policy = loan.policy
    out = []
    for r in build_schedule(loan).rows:
        units = int(r.payment.scaleb(policy.minor_units))
        cuts = sorted(draw(st.lists(st.integers(0, units), max_size=2)))
        parts = [b - a for a, b in zip([0, *cuts], [*cuts, units], strict=True)]
        offsets = [draw(st.integers(earliest, latest)) for _ in parts[:-1]] + [latest]
        out += [Payment(max(loan.start, r.due_date + timedelta(days=d)), policy.from_minor(u))
                for d, u in zip(offsets, parts, strict=True) if u]
    return out


@SETTINGS
@given(loans(max_term=24), penalty_policies(), st.data())
def test_paid_on_schedule_in_pieces_has_no_penalty_counting_the_payment_day_or_not(loan, policy, data) -> None:  # type: ignore[no-untyped-def]
    # every installment complete on its due date (pieces paid up to 20 days before wait as credit): on time,
    # so no penalty and no fee, whether or not a late payment's day would count
    payments = data.draw(pieces(loan, -20, 0))
    as_of = build_schedule(loan).rows[-1].due_date + timedelta(days=data.draw(st.integers(0, 60)))
    for count in (False, True):
        s = statement(loan, payments, replace(policy, count_payment_day=count), as_of)
        assert s.penalty_charged == 0 and s.fees_charged == 0 and s.payoff_amount == 0, count


@SETTINGS
@given(loans(max_term=24), penalty_policies(), st.data())
def test_paying_within_grace_in_pieces_has_no_penalty_counting_the_payment_day(loan, policy, data) -> None:  # type: ignore[no-untyped-def]
    grace = data.draw(st.integers(1, 6))  # shorter than the shortest period (a week)
    policy = replace(policy, grace_days=grace, count_payment_day=True)
    # the last piece of each installment on a day of its grace (0 = the due date itself)
    payments = data.draw(pieces(loan, -10, data.draw(st.integers(0, grace))))
    s = statement(loan, payments, policy, build_schedule(loan).rows[-1].due_date + timedelta(days=grace + 30))
    assert s.penalty_charged == 0 and s.fees_charged == 0 and s.payoff_amount == 0


@SETTINGS
@given(st.sampled_from(["0.05%/day", "0.1%/day", "18%/year", "24%/year"]),
       st.sampled_from(["overdue-principal", "overdue-installment", "outstanding"]),
       st.sampled_from(["waive", "shift"]), st.integers(2, 10**7), st.data())
def test_only_late_money_bears_the_payment_day(rate: str, base: str, mode: str, cents: int, data) -> None:  # type: ignore[no-untyped-def]
    # one bill of A due D; x paid on day G on time (the due date or within g grace days), the rest A − x late on
    # day P, the payment day counted. Independently: penalty runs from D (waive) or D + g (shift); the on-time
    # money bears the days before G only, the rest every day up to and including P:
    #   waive: round(A × r × (G − D)) + round((A − x) × r × (P − G + 1)); shift: round((A − x) × r × (P − D − g + 1))
    from repayplan.rates import parse_rate

    grace = data.draw(st.integers(0, 5))
    on_time = data.draw(st.integers(0, grace))
    late = data.draw(st.integers(grace + 1, 90))
    paid_cents = data.draw(st.integers(1, cents - 1))
    start = date(2024, 12, 15)
    loan = Loan(Decimal(cents).scaleb(-2), Rate(Decimal(0)), 1, start=start)
    due = date(2025, 1, 15)
    policy = PenaltyPolicy(parse_rate(rate), base=base, grace_days=grace, grace_mode=mode,
                           count_payment_day=True, allocation="principal-first")
    whole, rest = Fraction(cents, 100), Fraction(cents - paid_cents, 100)
    r = daily_rate(parse_rate(rate), "act/365")
    if mode == "waive":
        terms = [whole * r * on_time, rest * r * (late - on_time + 1)]
    else:
        terms = [rest * r * (late - grace + 1)]
    expected = sum((loan.policy.round_exact(t) for t in terms if t), Decimal("0.00"))
    payments = [Payment(due + timedelta(days=on_time), Decimal(paid_cents).scaleb(-2)),
                Payment(due + timedelta(days=late), Decimal(cents - paid_cents).scaleb(-2))]
    s = statement(loan, payments, policy, due + timedelta(days=120))
    assert s.penalty_charged == expected
    assert s.payoff_amount == expected  # the principal paid, the penalty left


@SETTINGS
@given(cases())
def test_paying_the_payoff_amount_settles_everything(case: tuple) -> None:  # type: ignore[type-arg]
    loan, policy, payments, as_of = case
    s = statement(loan, payments, policy, as_of)
    if s.payoff_amount > 0:
        settled = statement(loan, [*payments, Payment(as_of, s.payoff_amount)], policy, as_of)
        assert settled.payoff_amount == 0
        assert settled.total_due == 0


def daily_rate(rate: Rate, day_count: str) -> Fraction:
    """Independently of rates.py: a daily rate as written, a month × 12, over a 365- or 360-day year."""
    year = 365 if day_count == "act/365" else 360
    per_year = {"day": year, "month": 12, "year": 1}[rate.unit]
    return Fraction(rate.value) * per_year / year


@SETTINGS
@given(cases())
def test_every_trace_line_recomputes_by_hand_and_adds_up(case: tuple) -> None:  # type: ignore[type-arg]
    loan, policy, payments, as_of = case
    s = statement(loan, payments, policy, as_of)
    resolved = policy.resolved_rate(loan.rate)
    full_balance = policy.base == "outstanding"

    def recomputes(t) -> bool:  # type: ignore[no-untyped-def]
        exact = Fraction(t.base) * daily_rate(resolved, loan.day_count) * t.days
        return t.days == (t.end - t.start).days > 0 and t.base > 0 and t.amount == loan.policy.round_exact(exact)

    for x in s.lines:
        # on an overdue base each installment has its own terms; on the full balance it holds a share of the loan's
        assert x.terms == () if full_balance else total(t.amount for t in x.terms) == x.penalty_interest
        assert all(recomputes(t) for t in x.terms)
    assert all(recomputes(t) for t in s.penalty_terms) and (s.penalty_terms == () or full_balance)
    assert len(s.penalty_trace) == len(s.penalty_terms)
    # the loan's terms are consecutive intervals, never overlapping
    assert all(a.end <= b.start for a, b in zip(s.penalty_terms, s.penalty_terms[1:], strict=False))
    if full_balance:
        assert total(t.amount for t in s.penalty_terms) == s.penalty_charged
    assert total(x.penalty_interest for x in s.lines) == s.penalty_charged


@SETTINGS
@given(loans(max_term=12), penalty_policies(), st.integers(0, 400), st.integers(1, 400))
def test_without_payments_the_penalty_only_grows(loan, policy: PenaltyPolicy, a: int, b: int) -> None:  # type: ignore[no-untyped-def]
    first = statement(loan, [], policy, loan.start + timedelta(days=a))
    later = statement(loan, [], policy, loan.start + timedelta(days=a + b))
    assert later.penalty_charged >= first.penalty_charged
    assert later.fees_charged >= first.fees_charged
    assert later.payoff_amount >= first.payoff_amount - first.accrued_interest



@SETTINGS
@given(loans(max_term=24), penalty_policies(), st.integers(0, 900))
def test_full_balance_penalty_without_payments_is_one_product(loan, policy: PenaltyPolicy, days: int) -> None:  # type: ignore[no-untyped-def]
    # nothing paid, penalty on the full balance (not compounded): the whole principal × daily rate × the days from
    # the first missed due date (or the end of its grace, shift) to the statement date, rounded once
    policy = replace(policy, base="outstanding", compound=False)
    as_of = loan.start + timedelta(days=days)
    s = statement(loan, [], policy, as_of)
    resolved = policy.resolved_rate(loan.rate)
    first = next((r for r in build_schedule(loan).rows if r.payment > 0), None)
    expected = Fraction(0)
    if resolved is not None and first is not None and as_of > first.due_date + timedelta(days=policy.grace_days):
        start = first.due_date + timedelta(days=policy.grace_days if policy.grace_mode == "shift" else 0)
        end = as_of + timedelta(days=1 if policy.count_payment_day else 0)
        principal = Fraction(loan.policy.round(loan.principal))
        expected = principal * daily_rate(resolved, loan.day_count) * (end - start).days
    assert s.penalty_charged == loan.policy.round_exact(expected)
    assert len(s.penalty_terms) == (1 if expected else 0)  # one interval: the balance never changed


@SETTINGS
@given(st.lists(st.integers(0, 3), max_size=12), st.integers(-1, 40), st.booleans(), st.booleans())
def test_the_claim_audits_date_search_finds_the_day_a_scan_finds(steps: list[int], target: int, last: bool,
                                                                 low_first: bool) -> None:
    from itertools import accumulate

    from repayplan.arrears.search import find_day

    values = list(accumulate(steps))  # non-decreasing, with flat runs
    # independently: scan every position, the first (or last) that equals the target
    hits = [i for i, v in enumerate(values) if v == target]
    expected = (hits[-1] if last else hits[0]) if hits else None
    assert find_day(len(values), lambda i: Decimal(values[i]), Decimal(target), last, low_first) == expected
