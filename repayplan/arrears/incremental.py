"""Incremental replay: one replay of a payment history, with a snapshot of its
state before each event, and any change of the history from a day D onward
(a payment missing, a payment credited on another day, the statement dated
another day) replayed from the snapshot at D only.

The claim audit (:mod:`repayplan.arrears.search`) replays one loan under
hundreds of such changes; each resumes from the first event the change can
touch, so a change near the statement date costs a few events, not the whole
history. The result is the statement the full replay gives (a test compares
them on random histories), without the payment applications unless asked.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> from .policy import Payment, PenaltyPolicy
>>> loan = Loan(Decimal("3000"), parse_rate("0%"), 3, start=date(2025, 1, 1))
>>> pays = [Payment(date(2025, 2, 1), Decimal("1000")), Payment(date(2025, 3, 11), Decimal("1000"))]
>>> policy = PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment", allocation="principal-first")
>>> track = Track(loan, pays, policy, date(2025, 3, 21))
>>> track.statement().payoff_amount                     # 1,000.00 × 0.05% × 10 = 5.00 for the second, paid late
Decimal('1005.00')
>>> track.statement(missing={1}).payoff_amount          # not credited: 1,000.00 × 0.05% × 20 = 10.00
Decimal('2010.00')
>>> track.statement(credited={1: date(2025, 3, 16)}).payoff_amount   # credited 5 days later: 15 days
Decimal('1007.50')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from ..errors import InputError
from ..model import Loan
from .engine import checked_payments, write_up
from .installments import line_events
from .policy import Payment, PenaltyPolicy
from .replay import Replay
from .snapshot import Snapshot, restore, take
from .statement import Statement


class Track:
    """A loan's payments (in their given order; ties on a day are played in that order) replayed under one
    penalty policy up to ``as_of``, a snapshot kept before each event played and one at the end (``checked``: the
    payments were checked already, :func:`~.engine.checked_payments`)."""

    def __init__(self, loan: Loan, payments: Sequence[Payment], policy: PenaltyPolicy, as_of: date,
                 checked: bool = False) -> None:
        if as_of < loan.start:
            raise InputError(f"as_of: {as_of} is before the loan start {loan.start}; give a date on or after it")
        self.loan, self.policy, self.as_of = loan, policy, as_of
        self.payments = list(payments) if checked else checked_payments(loan, payments)
        self.amounts = [p.amount for p in self.payments]
        self.replay = Replay(loan, policy, as_of)
        self.events = sorted(line_events(self.replay.lines) + [(p.date, 2, i) for i, p in enumerate(self.payments)])
        self.snapshots: list[Snapshot] = []
        self.played = self.replay.play(self.events, self.amounts, self.snapshot)
        self.snapshot()  # after the last event played

    def snapshot(self) -> None:
        self.snapshots.append(take(self.replay))

    def start(self, day: date) -> int:
        """The position of the first event on or after ``day`` (at most the end of what was played)."""
        return min(bisect_left(self.events, (day, -1, -1)), self.played)

    def statement(self, missing: Collection[int] = (), credited: Mapping[int, date] | None = None,
                  on: date | None = None, applications: bool = False) -> Statement:
        """The statement with the payments ``missing`` (by position) left out, those in ``credited`` moved to the
        day given, dated ``on`` (default ``as_of``), replayed from the first event the changes touch. Without
        ``applications``, a figures-only statement (for the claim audit): it lists neither the payments nor their
        applications, and has no note on payments after ``on``."""
        credited = credited or {}
        on = on or self.as_of
        if on < self.loan.start:
            raise InputError(f"as_of: {on} is before the loan start {self.loan.start}; give a date on or after it")
        changed = set(missing) | set(credited)
        k = self.played if on >= self.as_of else min(bisect_right(self.events, (on, 3, 0)), self.played)
        for i in changed:
            k = min(k, self.start(self.payments[i].date))
        for day in credited.values():
            k = min(k, self.start(day))
        tail = self.events[k:]
        if changed:
            tail = [e for e in tail if e[1] != 2 or e[2] not in changed]
            tail += [(day, 2, i) for i, day in credited.items() if i not in missing]
            tail.sort()
        replay = restore(self.replay, self.snapshots[k], on)
        replay.keep_applications = applications
        replay.play(tail, self.amounts)
        counted: list[Payment] = []
        to_credit: list[Decimal] = []
        later: list[Payment] = []
        if applications:  # numbered by position among the payments counted, as the full replay numbers them
            for day, i, left in replay.credited:
                p = self.payments[i]
                counted.append(p if p.date == day else Payment(day, p.amount, p.note))
                to_credit.append(left)
            later = [Payment(credited.get(i, p.date), p.amount, p.note) for i, p in enumerate(self.payments)
                     if i not in missing and credited.get(i, p.date) > on]
            position = {i: n for n, (_, i, _) in enumerate(replay.credited)}
            replay.applications = [a if a.payment is None else replace(a, payment=position[a.payment])
                                   for a in replay.applications]
        return write_up(replay, counted, to_credit, later, applications)
