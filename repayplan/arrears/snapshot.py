"""Snapshots of a replay (:mod:`repayplan.arrears.replay`): its state before
an event, taken cheaply and restored into a new replay that runs on from
there (:mod:`repayplan.arrears.incremental`).

A snapshot holds frozen copies of the installments' working state, copied
only when changed since the previous snapshot (the replay marks the lines
each event touches) and shared otherwise; the replay's applications, the
ledger's terms and log only grow, so a snapshot keeps their lengths. A
restored replay copies the lines again, so neither the snapshot nor the
replay it came from is ever changed by it.

A bill of 1,000.00 due 2025-02-01, paid 10 days late; the state before the
payment, restored and played on, gives what the replay itself gave:

>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> from .policy import PenaltyPolicy
>>> from .installments import line_events
>>> loan = Loan(Decimal("1000"), parse_rate("0%"), 1, start=date(2025, 1, 1))
>>> replay = Replay(loan, PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment"), date(2025, 3, 1))
>>> events = sorted(line_events(replay.lines) + [(date(2025, 2, 11), 2, 0)])  # due, end of grace, payment
>>> snapshots: list[Snapshot] = []
>>> replay.play(events, [Decimal("1005.00")], lambda: snapshots.append(take(replay)))
3
>>> again = restore(replay, snapshots[2], date(2025, 3, 1))   # before the payment
>>> first = again.lines[0]
>>> first.unpaid_principal, again.play(events[2:], [Decimal("1005.00")]), first.unpaid_principal, first.penalty_paid
(Decimal('1000.00'), 1, Decimal('0.00'), Decimal('5.00'))
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .installments import InstallmentState
from .ledger import LedgerState
from .replay import Replay


@dataclass(frozen=True)
class Snapshot:
    """The replay's state before one event: frozen copies of the installments (shared between snapshots where
    unchanged; copied again on restoring), and the lengths of its append-only lists."""

    lines: tuple[InstallmentState, ...]
    open: tuple[int, ...]
    next_due: int
    credit: Decimal
    missed_unpaid: int
    default_off: date
    ever_default: bool
    applications: int
    credited: int
    ledger: LedgerState


def take(replay: Replay) -> Snapshot:
    """The state now; only the lines changed since the last snapshot are copied."""
    lines = list(replay.last) if replay.last else list(replay.lines)  # at first every line is dirty
    for i in replay.dirty:
        lines[i] = replay.lines[i].copy()
    replay.dirty.clear()
    replay.last = lines
    return Snapshot(lines=tuple(lines), open=tuple(x.index for x in replay.open), next_due=replay.next_due,
                    credit=replay.credit, missed_unpaid=replay.missed_unpaid, default_off=replay.default_off,
                    ever_default=replay.ever_default, applications=len(replay.applications),
                    credited=len(replay.credited), ledger=replay.ledger.state())


def restore(replay: Replay, snap: Snapshot, as_of: date) -> Replay:
    """A new replay in the state of ``snap`` (taken from ``replay``), to run on up to ``as_of``; ``replay`` is
    left as it is."""
    new = copy.copy(replay)
    new.as_of = as_of
    new.lines = [x.copy() for x in snap.lines]
    new.open = [new.lines[i] for i in snap.open]
    new.next_due, new.credit, new.missed_unpaid = snap.next_due, snap.credit, snap.missed_unpaid
    new.default_off, new.ever_default = snap.default_off, snap.ever_default
    new.applications = replay.applications[:snap.applications]
    new.credited = replay.credited[:snap.credited]
    new.ledger = replay.ledger.restored(snap.ledger)
    new.dirty, new.last = set(), list(snap.lines)
    return new
