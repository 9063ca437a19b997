"""The replay: a contract schedule and a payment history, event by event.

Events are due dates, grace ends and payments (and the statement date);
penalty interest is accrued over the intervals between them, never day by
day. Rounding point: each penalty *term* (a run of days at one base) is
rounded once from the exact product base × daily rate × days, so every trace
line can be recomputed by hand and the lines add up to the totals. On an
overdue base each installment has its own terms; on the full balance
(``outstanding``) the loan has one ledger (:mod:`repayplan.arrears.ledger`),
whose terms are charged on the whole balance and split over installments.

Timing rules:

* On a date, grace decisions come first (an installment still unpaid at the
  end of its last grace day is *missed*), then installments falling due,
  then payments. A payment on the due date is on time.
* Penalty days run from the due date (or the end of the grace, ``shift``)
  up to, not including, the payment day; ``count_payment_day`` counts it too
  for a *late* payment only (after the last grace day, or after the due date
  without grace). Money paid on the due date or within the grace days, from
  a payment or from credit, is on time and bears no penalty day.
* Money paid beyond what is due is held as credit and pays installments as
  they fall due. Contractual interest is what the schedule says; after a due
  date, lateness costs penalty interest, not more contractual interest.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from itertools import chain
from operator import attrgetter

from ..model import Loan, Schedule
from ..money import ZERO, MoneyPolicy
from ..rates import Rate, percent_text
from ..schedule import build_schedule
from ..text import joined, msg
from .installments import ONE_DAY, InstallmentState, line_events
from .ledger import Ledger
from .policy import Payment, PenaltyPolicy, daily_rate_text
from .rules import allocate, allocation_pairs, fees_split, late_fee, penalty_base, penalty_units
from .statement import Application, new_application, new_term

_due_date = attrgetter("due_date")


@functools.lru_cache(maxsize=16)
def contract_schedule(loan: Loan) -> Schedule:
    """The loan's schedule, built once for the replays of one loan (the claim audit replays it hundreds of
    times); a Loan and its Schedule are frozen, so sharing it is safe."""
    return build_schedule(loan)


class Replay:
    def __init__(self, loan: Loan, penalty: PenaltyPolicy, as_of: date, due_only: bool = False) -> None:
        """A replay up to ``as_of``. With ``due_only`` (a figures-only replay, run once up to ``as_of``) and a
        penalty on overdue amounts, ``lines`` holds only the installments due by then: no event, payment or
        credit reaches the others (on the full balance every line is kept: each bears a share of the penalty)."""
        self.loan, self.penalty, self.as_of = loan, penalty, as_of
        self.money: MoneyPolicy = loan.policy
        self.schedule = contract_schedule(loan)
        rate = penalty.resolved_rate(loan.rate)
        self.rate: Rate | None = rate
        self.daily: Fraction | None = rate.daily_exact(loan.day_count) if rate is not None and rate.value else None
        self.rate_text = daily_rate_text(rate, loan.day_count) if rate is not None else ""
        self.daily_num, self.daily_den = (self.daily.numerator, self.daily.denominator) if self.daily else (0, 1)
        self.minor, self.rounding = self.money.minor_units, self.money.rounding
        self.count = penalty.count_payment_day
        self.base_kind = penalty.base
        self.outstanding = penalty.base == "outstanding"
        self.order = penalty.allocation
        self.by_component = penalty.allocation_scope == "component"
        shift = penalty.grace_mode == "shift"
        rows, grace = self.schedule.rows, penalty.grace_days
        if due_only and not self.outstanding:
            rows = rows[:bisect_right(rows, as_of, key=_due_date)]
        starts = ([loan.start] + [r.due_date for r in rows[:-1]])[:len(rows)]
        self.lines = [InstallmentState(r, s, grace, shift, i)
                      for i, (r, s) in enumerate(zip(rows, starts, strict=True))]
        self.open: list[InstallmentState] = []  # lines fallen due and not cleared, oldest first
        self.next_due = 0
        self.credit = self.money.round(ZERO)
        self.applications: list[Application] = []
        self.keep_applications = True  # off for a figures-only replay (the claim audit's)
        self.missed_unpaid = 0  # outstanding base: missed installments still unpaid
        self.default_off = loan.start  # outstanding base: when the default last ended
        self.ever_default = False
        bases = ([int(line.unpaid_principal.scaleb(self.minor)) for line in self.lines] if self.outstanding
                 else [0] * len(self.lines))
        self.ledger = Ledger(bases, self.daily_num, self.daily_den, self.minor, self.rounding)
        money = self.money
        self.zero = money.round(ZERO)
        self.late_fixed = money.round(penalty.late_fee)
        self.late_fixed_units = money.to_minor(penalty.late_fee) if penalty.late_fee else 0
        self.late_min = money.to_minor(penalty.late_fee_min)
        self.late_max = money.to_minor(penalty.late_fee_max) if penalty.late_fee_max is not None else None
        self.late_rate = Fraction(penalty.late_fee_rate) if penalty.late_fee_rate is not None else None
        self.late_rate_text = percent_text(penalty.late_fee_rate or ZERO)
        self.credited: list[tuple[date, int, Decimal]] = []  # (day, payment, left over as credit), played order
        self.dirty: set[int] = set(range(len(self.lines)))  # lines changed since the last snapshot (snapshot.py)
        self.last: list[InstallmentState] = []  # the last snapshot's frozen lines

    def text(self, amount: Decimal) -> str:
        """An amount already in minor units, for people: '1,045.00'."""
        return f"{amount:,.{self.minor}f}"

    # -- penalty accrual ---------------------------------------------------
    def horizon(self, day: date, late: bool = True) -> date:
        """The first day not yet charged when paying on `day`: the day after it when the payment day counts,
        which it does only for a late payment."""
        return day + ONE_DAY if self.count and late else day

    def line_horizon(self, line: InstallmentState, day: date) -> date:
        """:meth:`horizon` for money paid to `line` on `day`: late only after its last grace day."""
        return self.horizon(day, day > line.grace_end)

    def units(self, amount: Decimal) -> int:
        """A whole amount in integer minor units (amounts here are always whole minor units)."""
        return int(amount.scaleb(self.minor))

    def decimal(self, units: int) -> Decimal:
        return Decimal(units).scaleb(-self.minor)

    def amount(self, base: Decimal, days: int) -> Decimal:
        """Penalty on ``base`` for ``days`` (:func:`repayplan.arrears.rules.penalty_units`)."""
        return Decimal(penalty_units(int(base.scaleb(self.minor)), days, self.daily_num, self.daily_den,
                                     self.rounding)).scaleb(-self.minor)

    def base_of(self, line: InstallmentState) -> Decimal:
        """A line's penalty base (:func:`repayplan.arrears.rules.penalty_base`): interest compounds once due."""
        return penalty_base(self.base_kind, self.penalty.compound and line.is_due, line.unpaid_principal,
                                  line.unpaid_interest, line.unpaid_installment_fee)

    def close_term(self, line: InstallmentState, start: date, end: date, base: Decimal) -> None:
        days = (end - start).days
        if days > 0 and base > 0:
            amount = self.amount(base, days)
            line.terms.append(new_term(start=start, end=end, base=base, days=days, amount=amount))
            line.closed += amount

    def activate(self, line: InstallmentState, since: date) -> None:
        """Start charging a line from `since` (possibly in the past: its base history says on what)."""
        if line.active or not line.history:
            return
        history = line.history
        k = len(history) - 1
        while k > 0 and history[k][0] > since:
            k -= 1
        for j in range(k, len(history) - 1):
            self.close_term(line, max(since, history[j][0]), history[j + 1][0], history[j][1])
        line.open_from, line.open_base, line.active = max(since, history[-1][0]), history[-1][1], True

    def deactivate(self, line: InstallmentState, at: date) -> None:
        if line.active:
            self.close_term(line, line.open_from, at, line.open_base)
            line.active = False

    def rebase(self, line: InstallmentState, effective: date) -> None:
        new = self.base_of(line)
        if self.outstanding:  # the loan's balance changes (the ledger closes its interval on the old one)
            self.ledger.set_base(line.index, int(new.scaleb(self.minor)), effective)
            return
        history = line.history
        if history and history[-1][0] == effective:
            history[-1] = (effective, new)
        elif not history or history[-1][1] != new:
            history.append((effective, new))
        if line.active and new != line.open_base:
            self.close_term(line, line.open_from, effective, line.open_base)
            line.open_from, line.open_base = max(line.open_from, effective), new

    def charged(self, line: InstallmentState) -> Decimal:
        """Penalty charged on a line so far (full balance: its share of the ledger's closed intervals)."""
        return self.ledger.charged(line.index) if self.outstanding else line.closed

    def penalty_owed(self, line: InstallmentState, horizon: date) -> Decimal:
        """Penalty on a line up to `horizon` not yet paid (full balance: as split, the ledger closed first)."""
        accrued = self.charged(line)
        if line.active and line.open_base > 0 and horizon > line.open_from:
            accrued += self.amount(line.open_base, (horizon - line.open_from).days)
        return accrued - line.penalty_paid

    # -- events ------------------------------------------------------------
    def fall_due(self, line: InstallmentState, day: date) -> None:
        line.is_due = True
        if not self.outstanding:
            line.history.append((day, self.base_of(line)))
        elif self.penalty.compound:
            self.rebase(line, day)
        self.open.append(line)
        if line.contractual == 0:  # nothing to pay (a zero row)
            self.settle(line, day)

    def decide(self, line: InstallmentState, day: date) -> None:
        """End of the grace: an installment still unpaid is missed."""
        if line.decided:
            return
        line.decided = True
        if line.contractual == 0:
            return
        line.missed = True
        self.charge_late_fee(line, day)
        if self.outstanding:
            self.missed_unpaid += 1
            if self.missed_unpaid == 1 and self.daily is not None:
                self.ever_default = True
                self.ledger.activate(max(line.penalty_start, self.default_off))
        elif self.daily is not None:
            self.activate(line, line.penalty_start)

    def charge_late_fee(self, line: InstallmentState, day: date) -> None:
        """The late fee of a missed line (:func:`repayplan.arrears.rules.late_fee`), with its trace."""
        p, text, decimal = self.penalty, self.text, self.decimal
        if not p.late_fee and self.late_rate is None:
            return
        unpaid = line.contractual
        charged = late_fee(self.units(unpaid), self.late_fixed_units, self.late_rate, self.late_min, self.late_max,
                           self.rounding)
        parts = []
        if p.late_fee:
            parts.append(msg("fee.fixed", amount=text(self.late_fixed)))
        if charged.raw is not None:
            raw, kept = charged.raw, charged.kept
            formula = msg("fee.formula", percent=self.late_rate_text, base=text(unpaid), amount=text(decimal(raw)))
            if kept != raw:
                formula = msg("fee.raised" if kept > raw else "fee.capped", formula=formula,
                              amount=text(decimal(kept)))
            parts.append(formula)
        fee = decimal(charged.total)
        if fee > 0:
            line.unpaid_late_fees += fee
            line.late_fees += fee
            line.notes.append(msg("trace.late_fee", day=day, grace_end=line.grace_end, parts=joined(parts, "sep.plus"),
                                  total=msg("trace.equals", amount=text(fee)) if len(parts) > 1 else ""))

    def settle(self, line: InstallmentState, day: date) -> None:
        """The contractual amount is paid in full on `day`."""
        line.settled_on = day
        if not line.decided:  # within the grace days: no penalty, no late fee
            line.decided = True
            if day > line.due_date:
                line.notes.append(msg("trace.paid_in_grace", day=day, grace=self.penalty.grace_days))
        if self.outstanding and line.missed:
            self.missed_unpaid -= 1
            if self.missed_unpaid == 0:
                end = self.horizon(day)
                self.default_off = end
                self.ledger.deactivate(end)

    # -- allocation --------------------------------------------------------
    def buckets(self) -> Iterable[InstallmentState]:
        """Lines a payment can go to, oldest first: those fallen due, then (full-balance penalty only)
        installments not yet due that bear penalty interest (read as the money goes)."""
        if self.outstanding and self.ever_default:
            return chain(list(self.open), (x for x in self.lines[self.next_due:] if self.charged(x) > x.penalty_paid))
        return list(self.open)

    def owing(self, day: date) -> Iterator[tuple[tuple[InstallmentState, str], Decimal]]:
        """Each (line, component) a payment on ``day`` can go to, in allocation order
        (:func:`repayplan.arrears.rules.allocation_pairs`), with what it owes (nothing before the line falls due
        but its full-balance penalty); those owing nothing are left out. Paying one never changes what another
        owes, so they are read as the money goes."""
        for pair in allocation_pairs(self.buckets(), self.order, self.by_component):
            line, component = pair
            if component == "penalty":
                if not (line.active or self.charged(line)):
                    continue
                owed = self.penalty_owed(line, self.line_horizon(line, day))
            elif not line.is_due:
                continue
            elif component == "principal":
                owed = line.unpaid_principal
            elif component == "interest":
                owed = line.unpaid_interest
            else:
                owed = line.unpaid_late_fees + line.unpaid_installment_fee
            if owed > 0:
                yield pair, owed

    def allocate(self, amount: Decimal, day: date, source: str, index: int | None) -> Decimal:
        """Pay what is owed in allocation order (:func:`repayplan.arrears.rules.allocate`); return what is left
        over."""
        if amount <= 0:
            return amount
        # full balance: the penalty to this payment is split before it is paid; the payment is late (its day
        # counted) only while the loan is in default, i.e. some installment's grace has run out unpaid
        loan_horizon = self.horizon(day, self.ledger.active)
        self.ledger.close(loan_horizon)
        parts, amount = allocate(amount, self.owing(day))
        touched: dict[int, InstallmentState] = {}
        record, keep = self.applications.append, self.keep_applications
        for (line, component), pay in parts:
            line.paid += pay
            if component == "penalty":
                line.penalty_paid += pay
            elif component == "principal":
                line.unpaid_principal -= pay
            elif component == "interest":
                line.unpaid_interest -= pay
            else:
                late, fee = fees_split(pay, line.unpaid_late_fees)
                line.unpaid_late_fees -= late
                line.unpaid_installment_fee -= fee
            if keep:
                record(new_application(date=day, source=source, payment=index, period=line.period, component=component,
                                   amount=pay))
            touched[line.period] = line
        cleared = []
        for line in touched.values():
            self.dirty.add(line.index)
            horizon = loan_horizon if self.outstanding else self.line_horizon(line, day)
            self.rebase(line, horizon)
            if line.is_due and line.settled_on is None and line.contractual == 0:
                self.settle(line, day)
            if line.is_due and not (line.contractual or line.unpaid_late_fees or self.penalty_owed(line, horizon)
                                    or (line.active and line.open_base)):
                cleared.append(line)
        if cleared:
            self.open = [x for x in self.open if x not in cleared]
        return amount

    # -- the replay ----------------------------------------------------------
    def run(self, payments: Sequence[Payment]) -> list[Decimal]:
        """Replay the payments (in date order) up to the statement date; what each left over as credit."""
        as_of, lines = self.as_of, self.lines  # lines due later bring no event played: left out
        reach = bisect_right(lines, as_of, key=_due_date)
        events = sorted(line_events(lines[:reach]) + [(p.date, 2, i) for i, p in enumerate(payments)])
        self.play(events, [p.amount for p in payments])
        to_credit = [ZERO] * len(payments)
        for _, i, left in self.credited:
            to_credit[i] = left
        return to_credit

    def play(self, events: Sequence[tuple[date, int, int]], amounts: Sequence[Decimal],
             before: Callable[[], object] | None = None) -> int:
        """Play the sorted events up to the statement date (a payment event names its amount in ``amounts``),
        calling ``before`` before each (to take a snapshot, :mod:`repayplan.arrears.snapshot`). Returns how many
        were played."""
        as_of = self.as_of
        for k, (day, kind, i) in enumerate(events):
            if day > as_of:
                return k
            if before is not None:
                before()
            if kind == 0:
                self.dirty.add(i)
                self.decide(self.lines[i], day)
            elif kind == 1:
                self.dirty.add(i)
                self.fall_due(self.lines[i], day)
                self.next_due = i + 1
            else:
                left = self.allocate(amounts[i], day, "payment", i)
                self.credited.append((day, i, left))
                self.credit += left
                continue
            if self.credit > 0:
                self.credit = self.allocate(self.credit, day, "credit", None)
        return len(events)
