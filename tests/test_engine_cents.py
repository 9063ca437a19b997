"""The schedule engine's integer loops against the plain Decimal rule, and
deferred schedules (rows made from cents when read) against schedules made
with their rows.

The reference is the row-by-row Decimal loop (``MoneyPolicy.interest`` rounds
each period's interest from the exact product), so every row, every digit of
every amount (``str``), the order of rows and where a schedule ends must match.
"""

from __future__ import annotations

import copy
import pickle
from dataclasses import fields, replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repayplan.amortise import (
    Columns,
    _plain_rows,
    amortise,
    fixed_cents,
    fixed_principal,
    interest_only,
    level,
    principal_part,
)
from repayplan.level import level_amortise_columns
from repayplan.model import Loan, Row, Schedule
from repayplan.money import MoneyPolicy
from repayplan.rates import Rate
from repayplan.schedule import build_schedule, loan_periods
from tests.strategies import loans

policies = st.builds(MoneyPolicy, st.sampled_from(["CNY", "JPY"]), st.sampled_from(["half-up", "half-even"]))
#: Interest factors as periods have them: a few distinct fractions (one object per distinct factor, as a
#: calendar shares them), ties at half a unit included (1/200 of an odd number of cents is x.5 units).
factor_sets = st.lists(st.fractions(min_value=0, max_value=Fraction(3, 2), max_denominator=40000), min_size=1,
                       max_size=4).map(lambda fs: fs + [Fraction(1, 200)])


@st.composite
def columns(draw: st.DrawFn) -> Columns:
    distinct = draw(factor_sets)
    picks = draw(st.lists(st.integers(0, len(distinct) - 1), min_size=1, max_size=40))
    count = len(picks)
    dues = tuple(date(2025, 1, 1) + timedelta(days=30 * k) for k in range(1, count + 1))
    return Columns(range(1, count + 1), dues, tuple([30] * count), tuple(distinct[k] for k in picks))


def amounts(policy: MoneyPolicy, low: int = 0, high: int = 10**9) -> st.SearchStrategy[Decimal]:
    return st.integers(low, high).map(lambda units: Decimal(units).scaleb(-policy.minor_units))


def same(rows: tuple[Row, ...], reference: tuple[Row, ...]) -> None:
    """Equal rows with the same digits in every amount (a Decimal 1.0 equals 1.00 but prints otherwise)."""
    assert rows == reference
    assert [[str(getattr(r, f.name)) for f in fields(Row)] for r in rows] == \
        [[str(getattr(r, f.name)) for f in fields(Row)] for r in reference]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), policies, columns())
def test_level_rows_equal_the_decimal_rule(data: st.DataObject, policy: MoneyPolicy, periods: Columns) -> None:
    opening = data.draw(amounts(policy, 0))
    payment = data.draw(amounts(policy, 0, 2 * 10**9))
    fee = data.draw(amounts(policy, 0, 10**4))
    rows, uneven = level_amortise_columns(opening, periods, policy, payment, fee)
    reference = _plain_rows(opening, periods, policy, level(payment), policy.round(fee), True)
    same(rows, reference)
    assert uneven == any(r.interest >= payment for r in reference[:-1])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), policies, columns())
def test_rules_equal_the_decimal_rule(data: st.DataObject, policy: MoneyPolicy, periods: Columns) -> None:
    """Level, fixed principal and interest only, on amounts written to the unit or with more digits
    (1000.000): the same rows, digit for digit, as the rule applied in Decimal."""
    extra = data.draw(st.sampled_from([0, 1]))
    opening = data.draw(amounts(policy, 0)).quantize(Decimal(1).scaleb(-policy.minor_units - extra))
    amount = data.draw(amounts(policy, 0, 2 * 10**9))
    fee = data.draw(st.sampled_from([Decimal(0), Decimal("0.00"), Decimal(3)]))
    settle_last = data.draw(st.booleans())
    for rule in (level(amount), fixed_principal(amount), interest_only):
        rows = amortise(opening, [_period(n, d, days, f) for n, d, days, f in periods.rows()], policy, rule, fee,
                        settle_last)
        same(rows, _plain_rows(opening, periods, policy, lambda i, b, x, r=rule: r(i, b, x), fee, settle_last))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), policies, columns())
def test_fixed_cents_equal_the_decimal_rule(data: st.DataObject, policy: MoneyPolicy, periods: Columns) -> None:
    """Equal principal parts (written to the unit or in whole units) and interest only, as cents made into
    rows: the same rows, digit for digit, as the rule applied in Decimal."""
    opening = data.draw(amounts(policy, 0))
    part = data.draw(st.one_of(amounts(policy, 0, 2 * 10**9), st.integers(0, 10**7).map(Decimal),
                               st.just(Decimal(0))))
    fee = data.draw(amounts(policy, 0, 10**4))
    cents = fixed_cents(opening, periods, policy, part, fee)
    assert cents is not None
    reference = _plain_rows(opening, periods, policy, lambda _i, _b, _x: part, fee, True)
    for column in ("payment", "principal", "interest", "fees", "penalty", "opening_balance", "closing_balance"):
        assert str(cents.total(column)) == str(sum((getattr(r, column) for r in reference), Decimal(0)))
    same(cents.rows(), reference)


def _period(number: int, due: date, days: int, factor: Fraction):  # type: ignore[no-untyped-def]
    from repayplan.model import Period
    return Period(number, due - timedelta(days=days), due, days, factor, "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loans(max_term=120, methods=("annuity", "equal-principal", "interest-only")))
def test_deferred_schedule_is_the_schedule_with_its_rows(loan: Loan) -> None:
    """A deferred schedule equals, prints, totals, pickles and copies as the schedule made with its rows
    (by the Decimal rule over the loan's periods: the schedule's installment, the principal part or none)."""
    schedule = build_schedule(loan)
    policy = loan.policy
    totals = {c: schedule.total(c) for c in ("payment", "principal", "interest", "fees", "penalty",
                                                 "opening_balance", "closing_balance")}
    principal = policy.round(loan.principal)
    if loan.method == "annuity":
        assert schedule.installment is not None
        rule = level(schedule.installment)
    elif loan.method == "equal-principal":
        rule = fixed_principal(principal_part(principal, loan.term, policy))
    else:
        rule = interest_only
    reference_rows = amortise(principal, loan_periods(loan), policy, lambda i, b, x: rule(i, b, x),
                              policy.round(loan.installment_fee))
    same(schedule.rows, reference_rows)
    made = Schedule(reference_rows, policy, schedule.principal, loan, schedule.interest_rule, schedule.installment)
    assert schedule == made and made == schedule and hash(schedule) == hash(made)
    assert repr(schedule) == repr(made)
    for column, amount in totals.items():  # taken before the rows were made
        assert str(amount) == str(sum((getattr(r, column) for r in reference_rows), Decimal(0)))
    assert pickle.loads(pickle.dumps(build_schedule(loan))) == made
    assert copy.deepcopy(build_schedule(loan)) == made
    assert replace(build_schedule(loan), interest_rule="x").rows == made.rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loans(max_term=120, methods=("annuity", "equal-principal", "interest-only", "bullet")), st.data())
def test_a_deferred_schedule_answers_rows_counts_and_sums_without_making_its_rows(loan: Loan,
                                                                                   data: st.DataObject) -> None:
    """``row(k)``, ``due_by(day)``, ``row_count`` and ``total(column, k)`` of a schedule whose rows are not
    made are, digit for digit, the made rows' own: ``rows[k]``, the count of due dates on or before the day
    (by a scan), ``len`` and the sum of the rows from k."""
    made = build_schedule(loan).rows
    schedule = build_schedule(loan)
    count = len(made)
    assert schedule.row_count == count
    for k in sorted({0, count - 1, data.draw(st.integers(0, count - 1))}):
        same((schedule.row(k),), (made[k],))
    first, last = made[0].due_date, made[-1].due_date
    for day in (first - timedelta(days=1), first, last, last + timedelta(days=1),
                data.draw(st.dates(first - timedelta(days=40), last + timedelta(days=40)))):
        assert schedule.due_by(day) == sum(1 for r in made if r.due_date <= day)
    for start in sorted({0, 1, count - 1, count, data.draw(st.integers(0, count))}):
        for column in ("payment", "principal", "interest", "fees", "penalty", "opening_balance",
                       "closing_balance"):
            assert str(schedule.total(column, start)) == str(sum((getattr(r, column) for r in made[start:]),
                                                                 Decimal(0)))
    assert "rows" not in schedule.__dict__ or loan.method == "bullet"  # answered from the cents
    assert schedule.due_by(last) == count and schedule.total("payment", 0) == sum(r.payment for r in made)


def test_deferred_schedule_hand_worked() -> None:
    """1,200.00 at 1%/month over 3 months: installment 1,200 × 0.01 / (1 − 1.01⁻³) = 408.0265… → 408.03;
    interest 12.00, then 1% of 803.97 = 8.0397 → 8.04, then 1% of 403.98 = 4.0398 → 4.04; the last row
    repays 403.98 + 4.04 = 408.02."""
    loan = Loan(Decimal("1200"), Rate(Decimal("0.01"), "month"), 3, start=date(2025, 1, 15))
    schedule = build_schedule(loan)
    assert schedule.total("interest") == Decimal("24.08") and str(schedule.total("payment")) == "1224.08"
    assert [(str(r.payment), str(r.interest), str(r.closing_balance)) for r in schedule.rows] == [
        ("408.03", "12.00", "803.97"), ("408.03", "8.04", "403.98"), ("408.02", "4.04", "0.00")]
    try:
        schedule.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("an unknown name is an AttributeError")
