"""``statement()``: replay the payments and write the statement up.

The replay itself (events, penalty terms, allocation) is in
:mod:`repayplan.arrears.replay`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from ..errors import InputError
from ..model import Loan
from ..money import ZERO
from ..records import fast_constructor
from ..schedule import build_schedule
from ..text import joined, msg
from .accrual import accrued_interest
from .installments import InstallmentState
from .policy import Payment, PenaltyPolicy
from .replay import Replay
from .statement import Statement, StatementLine

#: The statement's lines, positionally (the same object as the class's own constructor, faster: one per installment).
new_line: Callable[..., StatementLine] = fast_constructor(StatementLine)  # type: ignore[assignment]


def statement(loan: Loan, payments: Sequence[Payment], penalty: PenaltyPolicy | None = None,
              as_of: date | None = None) -> Statement:
    """Rebuild a debt from its contract and the payments made, as of a date.

    A bill of 1,000.00 due 2025-01-15, 100.00 paid 24 days late and the rest
    13 days after that, at 0.05%/day on the overdue installment:

    >>> from repayplan.rates import parse_rate
    >>> loan = Loan(Decimal("1000"), parse_rate("0%"), 1, start=date(2024, 12, 15))
    >>> policy = PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment", allocation="principal-first")
    >>> s = statement(loan, [Payment(date(2025, 2, 8), Decimal("100")), Payment(date(2025, 2, 21), Decimal("917.85"))],
    ...               policy, date(2025, 3, 1))
    >>> for line in s.lines[0].trace:
    ...     print(line)
    2025-01-15 to 2025-02-08: 1,000.00 × 0.05%/day × 24 days = 12.00
    2025-02-08 to 2025-02-21: 900.00 × 0.05%/day × 13 days = 5.85
    >>> s.penalty_charged, s.payoff_amount
    (Decimal('17.85'), Decimal('0.00'))
    """
    penalty = penalty or PenaltyPolicy()
    as_of = as_of or date.today()
    if as_of < loan.start:
        raise InputError(f"as_of: {as_of} is before the loan start {loan.start}; give a date on or after it")
    checked = checked_payments(loan, payments)
    return replayed(loan, checked, penalty, as_of)


def replayed(loan: Loan, checked: Sequence[Payment], penalty: PenaltyPolicy, as_of: date) -> Statement:
    """:func:`statement` of payments checked already (:func:`checked_payments`)."""
    later = [p for p in checked if p.date > as_of]
    counted = sorted((p for p in checked if p.date <= as_of), key=lambda p: p.date)
    replay = Replay(loan, penalty, as_of)
    to_credit = replay.run(counted)
    return write_up(replay, counted, to_credit, later)


def checked_payments(loan: Loan, payments: Sequence[Payment]) -> list[Payment]:
    """The payments, each checked (a date on or after the loan's start, an amount of 0 or more in whole minor
    units); the first bad one is an :class:`InputError` naming it."""
    checked = []
    policy = loan.policy
    for i, payment in enumerate(payments, start=1):
        if not isinstance(payment.date, date):
            raise InputError(f"payments[{i}].date: {payment.date!r} is not a date; write it as YYYY-MM-DD")
        if payment.date < loan.start:
            raise InputError(f"payments[{i}].date: {payment.date} is before the loan start {loan.start}; "
                             "check the date")
        if payment.amount < 0:
            raise InputError(f"payments[{i}].amount: must be 0 or more, got {payment.amount}")
        if policy.round(payment.amount) != payment.amount:
            raise InputError(f"payments[{i}].amount: {payment.amount} has more decimals than {loan.currency} "
                             f"allows; give it to {policy.quantum}")
        checked.append(Payment(payment.date, policy.round(payment.amount), payment.note))
    return checked


def write_up(replay: Replay, counted: Sequence[Payment], to_credit: Sequence[Decimal], later: Sequence[Payment],
             applications: bool = True) -> Statement:
    """The statement of a replay played up to its date (this closes its open terms: write up a replay once).
    Without ``applications`` the statement lists none (a figures-only statement, for the claim audit)."""
    loan, penalty, as_of = replay.loan, replay.penalty, replay.as_of
    notes: list[str] = []
    if later:
        notes.append(msg("note.payments_after", count=len(later), as_of=as_of,
                         dates=joined([str(p.date) for p in later[:3]] + (["..."] if len(later) > 3 else []),
                                      "sep.comma")))
    if replay.credit > 0:
        notes.append(_credit_note(replay))
    due = next((i for i, line in enumerate(replay.lines) if not line.is_due), len(replay.lines))
    accrual = accrued_interest(loan, replay.schedule.rows, due, as_of)
    zero = replay.money.round(ZERO)
    replay.ledger.deactivate(replay.horizon(as_of))
    finish = finish_line
    lines = tuple([finish(replay, line, zero) for line in replay.lines])
    if replay.ledger.terms:
        notes.append(msg("note.full_balance_compound" if penalty.compound else "note.full_balance"))
    applied = tuple(replay.applications) if applications else ()
    return Statement(loan=loan, penalty=penalty, as_of=as_of, lines=lines, payments=tuple(counted),
                     applications=applied, to_credit=tuple(to_credit), credit=replay.credit,
                     accrued_interest=accrual.amount, accrued_interest_trace=accrual.trace,
                     rate_text=penalty.rate_text(loan.rate), notes=tuple(notes), money=replay.money,
                     penalty_terms=tuple(replay.ledger.terms))


def scheduled_payments(loan: Loan) -> list[Payment]:
    """Every installment paid in full on its due date (the contract kept).

    >>> from repayplan.rates import parse_rate
    >>> [(p.date.isoformat(), str(p.amount)) for p in scheduled_payments(
    ...     Loan(Decimal("1000"), parse_rate("0%"), 2, start=date(2025, 1, 1)))]
    [('2025-02-01', '500.00'), ('2025-03-01', '500.00')]
    """
    return [Payment(r.due_date, r.payment) for r in build_schedule(loan).rows]


def _credit_note(replay: Replay) -> str:
    """Credit is the contract's rule for money paid ahead: it waits for the next installments and does not
    reduce the principal, so contractual interest runs on as scheduled (a prepayment is not a restructuring)."""
    amount = replay.money.grouped(replay.credit)
    coming = [x for x in replay.lines if not x.is_due]
    if not coming:
        return msg("note.credit_owed_back", amount=amount)
    if any(x.interest for x in coming):
        return msg("note.credit_next_interest", amount=amount)
    return msg("note.credit_next", amount=amount)


def finish_line(replay: Replay, line: InstallmentState, zero: Decimal) -> StatementLine:
    as_of = replay.as_of
    due = line.principal + line.interest + line.installment_fee
    charged = replay.ledger.charged(line.index) if replay.outstanding else line.closed  # replay.charged
    if not line.is_due and not line.active:  # not due: no status to weigh, no days overdue, its penalty share stands
        return new_line(line.period, line.due_date, "not due", due, line.principal, line.interest,
                        line.installment_fee, line.paid + zero, line.unpaid_principal, line.unpaid_interest,
                        charged + zero, charged - line.penalty_paid + zero, line.late_fees + zero,
                        line.unpaid_late_fees + line.unpaid_installment_fee + zero, 0, line.settled_on,
                        tuple(line.terms), tuple(line.notes), replay.rate_text, replay.money)
    if line.active:
        replay.deactivate(line, replay.horizon(as_of))
        charged = replay.charged(line)
    notes = line.notes
    grace = replay.penalty.grace_days
    if line.is_due and not line.decided:
        if line.due_date == as_of:  # paying today is on time, whatever the grace
            notes.append(msg("note.due_on_date_grace" if grace else "note.due_on_date",
                             grace=grace, s="s" if grace > 1 else "", grace_end=line.grace_end))
        else:
            notes.append(msg("note.in_grace", grace=grace, s="s" if grace > 1 else "", grace_end=line.grace_end))
    if not line.is_due:
        status = "not due"
    elif line.settled_on is not None:
        status = "paid late" if line.settled_on > line.due_date else "paid"
    elif not line.decided:
        status = "due today" if line.due_date == as_of else "in grace"
    else:
        status = "partly paid" if line.contractual < due else "overdue"
    if line.settled_on is not None:
        days = max(0, (line.settled_on - line.due_date).days)
    else:
        days = max(0, (as_of - line.due_date).days) if line.is_due else 0
    return new_line(line.period, line.due_date, status, due, line.principal, line.interest, line.installment_fee,
                    line.paid + zero, line.unpaid_principal, line.unpaid_interest, charged + zero,
                    charged - line.penalty_paid + zero, line.late_fees + zero,
                    line.unpaid_late_fees + line.unpaid_installment_fee + zero, days, line.settled_on,
                    tuple(line.terms), tuple(notes), replay.rate_text, replay.money)
