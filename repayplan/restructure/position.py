"""Where a plan starts: the calendar it keeps and the contract's own remainder.

A restructured plan keeps the contract's calendar: its frequency, the day of
the month installments fall on, its interest basis and day count. Its first
installment is the contract's first due date after the restructuring date,
and its first period is the contract's current one (from the last due date,
or the loan's start): see :mod:`.current` for how its interest is shared
between the contract (before the date) and the plan (after).

A loan with no payment history is taken as *performing*: every installment
due on or before the date was paid on it, and the interest of the current
period has accrued pro rata by days (as the arrears statement counts it).

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> loan = Loan(Decimal("1200"), parse_rate("12%"), 12, start=date(2025, 1, 10))
>>> p = performing_position(loan, date(2025, 3, 25))
>>> p.principal, p.accrued_interest  # 2 of 106.62 paid; 10.10 interest × 15/31 days = 4.89
(Decimal('1009.81'), Decimal('4.89'))
>>> plan_calendar(p, date(2025, 3, 25)).start, plan_calendar(p, date(2025, 3, 25)).first_due
(datetime.date(2025, 3, 10), datetime.date(2025, 4, 10))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from .. import calendar
from ..arrears.accrual import accrued_amount
from ..kinds import DayCount, FrequencyName, InterestBasis, Rounding
from ..model import Loan, Period, Position, Row, Schedule
from ..money import ZERO
from ..rates import Rate
from ..schedule import build_schedule, loan_periods


@dataclass(frozen=True)
class PlanCalendar:
    """The dates and interest conventions of a plan: its first period runs
    from ``start`` (the contract's current period) to ``first_due``."""

    start: date
    first_due: date
    anchor_day: int
    frequency: FrequencyName = "monthly"
    interest_basis: InterestBasis = "periodic"
    day_count: DayCount = "act/365"
    currency: str = "CNY"
    rounding: Rounding = "half-up"

    @property
    def periods_per_year(self) -> int:
        return calendar.frequency(self.frequency).periods_per_year

    def due_after(self, day: date) -> date:
        """The first due date of this calendar strictly after ``day``."""
        freq = calendar.frequency(self.frequency)
        n = 0
        due = self.first_due
        while due <= day:
            n += 1
            due = calendar.step(self.first_due, n, freq, self.anchor_day)
        return due


def plan_calendar(position: Position, on: date) -> PlanCalendar:
    """The contract's calendar continued after ``on`` (monthly from ``on``
    when the position has no loan)."""
    loan = position.loan
    policy = position.policy
    if loan is None:
        freq = calendar.frequency("monthly")
        return PlanCalendar(on, calendar.step(on, 1, freq), on.day, currency=policy.currency,
                            rounding=policy.rounding)
    start, due = _current_period(loan, on)
    return PlanCalendar(start, due, loan.anchor_day, loan.frequency, loan.interest_basis,
                        loan.day_count, policy.currency, policy.rounding)


@lru_cache(maxsize=1024)
def _current_period(loan: Loan, on: date) -> tuple[date, date]:
    """The contract's period running on ``on``: from its last due date on or
    before ``on`` (or the loan's start) to the next (the calendar continues
    past maturity)."""
    freq = calendar.frequency(loan.frequency)
    first = loan.first_due_date
    if first > on:
        return loan.start, first
    per_year = freq.periods_per_year
    # jump close, then walk: a 30-year loan needs no 360 steps
    n = max(0, int((on - first).days * per_year / 366) - 1)
    due = calendar.step(first, n, freq, loan.anchor_day)
    while due <= on:
        n += 1
        due = calendar.step(first, n, freq, loan.anchor_day)
    return calendar.step(first, n - 1, freq, loan.anchor_day), due


def plan_periods(cal: PlanCalendar, rate: Rate, count: int) -> tuple[Period, ...]:
    """``count`` accrual periods of the plan at ``rate`` (the schedule
    engine's own periods, so conventions never differ from a contract's)."""
    return _periods(cal, rate, count)


@lru_cache(maxsize=4096)
def _periods(cal: PlanCalendar, rate: Rate, count: int) -> tuple[Period, ...]:
    loan = Loan(Decimal(1), rate, count, frequency=cal.frequency, start=cal.start, first_due=cal.first_due,
                interest_basis=cal.interest_basis, day_count=cal.day_count, currency=cal.currency,
                rounding=cal.rounding)
    return tuple(loan_periods(loan, cal.anchor_day))


@lru_cache(maxsize=256)
def contract_schedule(loan: Loan) -> Schedule:
    """The contract's schedule, made once per loan; its rows are made only when read
    (:meth:`~repayplan.model.Schedule.row`, ``due_by`` and ``total`` answer from its cents)."""
    return build_schedule(loan)


def remaining_rows(loan: Loan, on: date) -> tuple[Row, ...]:
    """The contract's rows due after ``on``."""
    schedule = contract_schedule(loan)
    return schedule.rows[schedule.due_by(on):]


def remaining_payments(loan: Loan, on: date) -> Decimal:
    """What the contract's rows due after ``on`` pay in all (``sum`` of their payments; 0 when none),
    without making its rows.

    >>> from repayplan import parse_rate
    >>> loan = Loan(Decimal("1200"), parse_rate("12%"), 12, start=date(2025, 1, 10))
    >>> remaining_payments(loan, date(2025, 3, 25)) == sum(r.payment for r in remaining_rows(loan, date(2025, 3, 25)))
    True
    """
    schedule = contract_schedule(loan)
    return schedule.total("payment", schedule.due_by(on))


def performing_position(loan: Loan, on: date) -> Position:
    """What a loan paid on schedule owes on ``on``: its principal balance and
    the interest accrued in the current period (pro rata by days)."""
    schedule = contract_schedule(loan)
    policy = loan.policy
    zero = policy.round(ZERO)
    if on <= loan.start:
        return Position(loan.start, policy.round(loan.principal), policy=policy, loan=loan)
    done = schedule.due_by(on)
    last = schedule.row(done - 1) if done else None
    balance = last.closing_balance if last is not None else policy.round(loan.principal)
    current = schedule.row(done) if done < schedule.row_count else None
    # the arrears statement's own rule
    accrued = accrued_amount(loan, current, last.due_date if last is not None else loan.start, on)
    return Position(on, balance, accrued_interest=accrued + zero, policy=policy, loan=loan)


def is_performing(position: Position) -> bool:
    """Whether a position is exactly its loan paid on schedule (nothing
    overdue, no penalty, fees or credit)."""
    loan = position.loan
    if loan is None or position.interest or position.penalty or position.fees or position.credit:
        return False
    if position.overdue_principal:
        return False
    expected = performing_position(loan, position.as_of)
    return (expected.principal, expected.accrued_interest) == (position.principal, position.accrued_interest)
