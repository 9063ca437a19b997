"""Incremental replay (:mod:`repayplan.arrears.incremental`): a history changed from a day onward, replayed
from the snapshot at that day, gives exactly the statement the full replay gives."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from repayplan.arrears import Payment, statement
from repayplan.arrears.engine import write_up
from repayplan.arrears.incremental import Track
from repayplan.arrears.snapshot import restore
from tests.strategies import loans, payment_histories, penalty_policies


@st.composite
def changed_histories(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    loan = draw(loans(max_term=18))
    payments = draw(payment_histories(loan))
    policy = draw(penalty_policies())
    as_of = loan.start + timedelta(days=draw(st.integers(0, 700)))
    n = len(payments)
    missing = draw(st.sets(st.integers(0, n - 1), max_size=3)) if n else set()
    credited = {}
    if n:
        for i in draw(st.sets(st.integers(0, n - 1), max_size=2)):
            credited[i] = payments[i].date + timedelta(days=draw(st.integers(-10, 120)))
            credited[i] = max(credited[i], loan.start)
    on = draw(st.one_of(st.none(), st.integers(0, 800).map(lambda d: loan.start + timedelta(days=d))))
    return loan, payments, policy, as_of, missing, credited, on


@settings(max_examples=150, deadline=None)
@given(changed_histories())
def test_resumed_from_a_snapshot_equals_the_full_replay(case: tuple) -> None:  # type: ignore[type-arg]
    loan, payments, policy, as_of, missing, credited, on = case
    track = Track(loan, payments, policy, as_of)
    changed = [Payment(credited.get(i, p.date), p.amount, p.note) for i, p in enumerate(payments) if i not in missing]
    day = on or as_of
    assert track.statement(missing, credited, on, applications=True) == statement(loan, changed, policy, day)
    # the track itself is left as it was: the unchanged history still gives the plain statement, twice
    assert track.statement(applications=True) == statement(loan, payments, policy, as_of)
    assert track.statement(applications=True) == statement(loan, payments, policy, as_of)


@settings(max_examples=60, deadline=None)
@given(changed_histories(), st.data())
def test_every_snapshot_resumes_to_the_full_replay(case: tuple, data: st.DataObject) -> None:  # type: ignore[type-arg]
    """From any snapshot (not only the first the change touches), playing the rest gives the full replay."""
    loan, payments, policy, as_of, *_ = case
    track = Track(loan, payments, policy, as_of)
    k = data.draw(st.integers(0, track.played))
    replay = restore(track.replay, track.snapshots[k], as_of)
    replay.play(track.events[k:], track.amounts)
    full = statement(loan, payments, policy, as_of)
    counted = [payments[i] if payments[i].date == d else Payment(d, payments[i].amount) for d, i, _ in replay.credited]
    got = write_up(replay, counted, [left for *_, left in replay.credited],
                   [p for p in payments if p.date > as_of], applications=False)
    assert got.lines == full.lines and got.credit == full.credit and got.penalty_terms == full.penalty_terms
