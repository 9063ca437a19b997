"""A statement's figures without its lines: what a batch reports a case.

:func:`figures` replays the history as :func:`~repayplan.arrears.engine.statement`
does and sums the same amounts, but writes up only the installments that
fell due (or bear penalty); one not yet due adds what it holds as it stands
(its principal alone when the penalty is on overdue amounts: no installment
state is even made for it), with no statement line, trace or payment
application made. The figures are
the statement's, to the cent (a test compares them on random histories).

>>> from repayplan.rates import parse_rate
>>> loan = Loan(Decimal("1000"), parse_rate("0%"), 2, start=date(2024, 12, 15))
>>> policy = PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment", allocation="principal-first")
>>> f = figures(loan, [Payment(date(2025, 2, 8), Decimal("100"))], policy, date(2025, 3, 1))
>>> f.position.overdue_principal, f.position.penalty, f.total_due, f.days_past_due
(Decimal('900.00'), Decimal('13.70'), Decimal('913.70'), 45)

By hand: 500.00 × 0.05% × 24 days = 6.00 to the payment, then 400.00 × 0.05% ×
21 days = 4.20 to the statement date; the second 500.00 × 0.05% × 14 days =
3.50; 6.00 + 4.20 + 3.50 = 13.70, owed since 2025-01-15 (45 days).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..errors import InputError
from ..model import Loan, Position
from ..money import ZERO
from .accrual import accrued_interest
from .engine import checked_payments, finish_line
from .policy import Payment, PenaltyPolicy
from .replay import Replay


@dataclass(frozen=True)
class Figures:
    """What a statement says in total: its ``position``, ``total_paid``, ``total_due`` and ``days_past_due``."""

    position: Position
    total_paid: Decimal
    total_due: Decimal
    days_past_due: int


def figures(loan: Loan, payments: Sequence[Payment], penalty: PenaltyPolicy | None = None,
            as_of: date | None = None) -> Figures:
    """The figures of ``statement(loan, payments, penalty, as_of)``, without its lines."""
    penalty = penalty or PenaltyPolicy()
    as_of = as_of or date.today()
    if as_of < loan.start:
        raise InputError(f"as_of: {as_of} is before the loan start {loan.start}; give a date on or after it")
    counted = sorted((p for p in checked_payments(loan, payments) if p.date <= as_of), key=lambda p: p.date)
    replay = Replay(loan, penalty, as_of, due_only=True)
    replay.keep_applications = False
    replay.run(counted)
    lines = replay.lines
    due = next((i for i, line in enumerate(lines) if not line.is_due), len(lines))
    accrual = accrued_interest(loan, replay.schedule.rows, due, as_of)
    zero = replay.money.round(ZERO)
    replay.ledger.deactivate(replay.horizon(as_of))
    principal = overdue = interest = unpaid_penalty = fees = zero
    days = 0
    ledger = replay.ledger if replay.outstanding else None
    for line in lines:
        if line.is_due or line.active:  # as the statement writes it up
            x = finish_line(replay, line, zero)
            principal += x.unpaid_principal
            unpaid_penalty += x.unpaid_penalty
            if x.status != "not due":
                overdue += x.unpaid_principal
                interest += x.unpaid_interest
                fees += x.unpaid_fees
                if x.settled_on is None and x.days_overdue > days:
                    days = x.days_overdue
        else:  # not due: what it holds, as its statement line would say
            principal += line.unpaid_principal
            charged = ledger.charged(line.index) if ledger is not None else line.closed
            unpaid_penalty += charged - line.penalty_paid + zero
    for row in replay.schedule.rows[len(lines):]:  # not due, left out of the replay: nothing paid, no penalty
        principal += row.principal
    owed = Position(as_of, principal, overdue, interest, accrual.amount, unpaid_penalty, fees, replay.credit,
                    replay.money, loan)
    return Figures(position=owed, total_paid=sum((p.amount for p in counted), zero),
                   total_due=overdue + interest + unpaid_penalty + fees, days_past_due=days)


def owed_total(loan: Loan, counted: Sequence[Payment], penalty: PenaltyPolicy,
               as_of: date) -> tuple[Decimal, list[Decimal]]:
    """``figures(loan, counted, penalty, as_of).position.total`` (everything needed to settle on ``as_of``)
    and what each payment left over as credit (the statement's ``to_credit``), summed as :func:`figures` sums
    the lines, without writing any line up. ``counted``: payments checked already (``checked_payments``), in
    date order, none after ``as_of``."""
    replay = Replay(loan, penalty, as_of, due_only=True)
    replay.keep_applications = False
    to_credit = replay.run(counted)
    lines = replay.lines
    due = next((i for i, line in enumerate(lines) if not line.is_due), len(lines))
    total = accrued_interest(loan, replay.schedule.rows, due, as_of).amount - replay.credit
    horizon = replay.horizon(as_of)
    replay.ledger.deactivate(horizon)
    for line in lines:
        if line.active:  # as finish_line: the open term closed on the statement date
            replay.deactivate(line, horizon)
        total += line.unpaid_principal + replay.charged(line) - line.penalty_paid
        if line.is_due:
            total += line.unpaid_interest + line.unpaid_late_fees + line.unpaid_installment_fee
    for row in replay.schedule.rows[len(lines):]:  # not due, left out of the replay: nothing paid
        total += row.principal
    return total + replay.money.round(ZERO), to_credit
