"""The working state of each installment during a replay
(:mod:`repayplan.arrears.replay`): what it owes, its penalty terms, its
notes; and the events it brings (its due date, the day after its grace).

>>> from repayplan.model import Loan
>>> from repayplan.rates import parse_rate
>>> from repayplan.schedule import build_schedule
>>> loan = Loan(Decimal("1000"), parse_rate("0%"), 1, start=date(2025, 1, 1), installment_fee=Decimal("45"))
>>> line = InstallmentState(build_schedule(loan).rows[0], loan.start, grace_days=3, shift=False)
>>> line.contractual, line.grace_end, line_events([line])
(Decimal('1045.00'), datetime.date(2025, 2, 4), [(datetime.date(2025, 2, 1), 1, 0), (datetime.date(2025, 2, 5), 0, 0)])
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from ..model import Row
from ..money import ZERO
from .statement import PenaltyTerm

ONE_DAY = timedelta(days=1)
_GRACE = {days: timedelta(days=days) for days in range(32)}  # the usual grace periods, made once


class InstallmentState:
    """Working state of one installment during the replay (mutable; the statement's lines are made from it)."""

    __slots__ = ("period", "due_date", "start", "grace_end", "penalty_start", "principal", "interest",
                 "installment_fee", "unpaid_principal", "unpaid_interest", "unpaid_installment_fee",
                 "unpaid_late_fees", "late_fees", "penalty_paid", "paid", "is_due", "decided", "missed",
                 "settled_on", "terms", "closed", "active", "open_from", "open_base", "history", "notes", "index")

    def __init__(self, row: Row, start: date, grace_days: int, shift: bool, index: int = 0) -> None:
        self.period: int = row.period
        self.due_date: date = row.due_date
        self.start = self.open_from = start
        self.grace_end = grace_end = row.due_date + (_GRACE[grace_days] if grace_days in _GRACE
                                                     else timedelta(days=grace_days))
        self.penalty_start = grace_end if shift else row.due_date
        self.principal: Decimal = row.principal
        self.interest: Decimal = row.interest
        self.installment_fee: Decimal = row.fees
        self.unpaid_principal, self.unpaid_interest, self.unpaid_installment_fee = row.principal, row.interest, row.fees
        self.unpaid_late_fees = self.late_fees = self.penalty_paid = self.paid = self.closed = self.open_base = ZERO
        self.is_due = self.decided = self.missed = self.active = False
        self.settled_on: date | None = None
        self.terms: list[PenaltyTerm] = []
        self.history: list[tuple[date, Decimal]] = []
        self.notes: list[str] = []
        self.index = index  # position in the replay's lines (and the full-balance ledger)

    @property
    def contractual(self) -> Decimal:
        return self.unpaid_principal + self.unpaid_interest + self.unpaid_installment_fee

    def copy(self) -> InstallmentState:
        """A copy sharing nothing mutable (its trace lists are copied; their items are immutable)."""
        new = InstallmentState.__new__(InstallmentState)
        new.period, new.due_date, new.start, new.grace_end = self.period, self.due_date, self.start, self.grace_end
        new.penalty_start, new.principal = self.penalty_start, self.principal
        new.interest, new.installment_fee = self.interest, self.installment_fee
        new.unpaid_principal, new.unpaid_interest = self.unpaid_principal, self.unpaid_interest
        new.unpaid_installment_fee, new.unpaid_late_fees = self.unpaid_installment_fee, self.unpaid_late_fees
        new.late_fees, new.penalty_paid = self.late_fees, self.penalty_paid
        new.paid, new.is_due = self.paid, self.is_due
        new.decided, new.missed, new.settled_on, new.closed = self.decided, self.missed, self.settled_on, self.closed
        new.active, new.open_from, new.open_base, new.index = self.active, self.open_from, self.open_base, self.index
        new.terms, new.history, new.notes = list(self.terms), list(self.history), list(self.notes)
        return new


def line_events(lines: Sequence[InstallmentState]) -> list[tuple[date, int, int]]:
    """(day, kind, installment) of each due date (kind 1) and day after the grace (kind 0, the decision)."""
    out = []
    for i, line in enumerate(lines):
        out.append((line.due_date, 1, i))
        out.append((line.grace_end + ONE_DAY, 0, i))
    return out
