"""Readings of a contract a collection notice may have used, and the
statement rebuilt under them.

A :class:`Reading` changes one term of the rebuild: the penalty base, the
compounding, the grace, whether the payment day is a penalty day, a payment
missing or credited on another date, the notice's figure dated another day,
or the interest of the rest of the term charged now (acceleration). A set of
readings is *replayed*: the whole statement is rebuilt under all of them at
once (:func:`rebuild`), so their interactions are exact; the result is read
on two bases, what is past due (逾期金额) and the payoff (一次性结清金额), each
by component (:class:`Figures`).

>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> from .policy import PenaltyPolicy
>>> loan = Loan(Decimal("10000"), parse_rate("0%"), 10, start=date(2024, 12, 15))
>>> policy = PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment")
>>> plain = rebuild(loan, [], policy, date(2025, 2, 14), ())
>>> plain.past_due.total, plain.payoff.total               # 1,000.00 + 1,000.00 × 0.05% × 30
(Decimal('1015.00'), Decimal('10015.00'))
>>> full = rebuild(loan, [], policy, date(2025, 2, 14), (Reading(kind="base", value="outstanding"),))
>>> full.past_due.penalty, full.payoff.total               # 10,000.00 × 0.05% × 30 = 150.00
(Decimal('150.00'), Decimal('10150.00'))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from ..model import Loan
from ..money import ZERO
from .engine import statement
from .policy import BASES, Payment, PenaltyPolicy
from .statement import Statement

#: What a claim may state: what is past due now (逾期金额), or everything to settle (一次性结清金额).
CLAIM_BASES = ("past-due", "payoff")

#: Kinds of reading. Policy kinds change one penalty term; payment kinds one payment; ``dated`` the date the
#: figure was computed on; ``accelerated`` charges the interest and installment fees of the rest of the term.
POLICY_KINDS = ("base", "compound", "payment-day", "no-grace", "grace-mode")
PAYMENT_KINDS = ("missing", "credited")
KINDS = (*POLICY_KINDS, *PAYMENT_KINDS, "dated", "accelerated")


@dataclass(frozen=True)
class Reading:
    """One changed term. ``value``: the base used (kind base), "on"/"off" (compound, payment-day), the grace
    mode used (grace-mode); ``payment``: index into the audit's payments with its ``amount`` and ``paid_on``
    (missing, credited); ``on``: the date credited (credited) or the figure's date (dated)."""

    kind: str
    value: str = ""
    payment: int | None = None
    amount: Decimal | None = None
    paid_on: date | None = None
    on: date | None = None


@dataclass(frozen=True)
class Figures:
    """A claim's parts: principal, interest (overdue + accrued, + the rest of the term when accelerated),
    penalty interest, fees (late fees + installment fees); ``credit`` (money paid ahead) is deducted."""

    principal: Decimal
    interest: Decimal
    penalty: Decimal
    fees: Decimal
    credit: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest + self.penalty + self.fees - self.credit


@dataclass(frozen=True)
class Rebuild:
    """The statement rebuilt under ``readings`` on ``on``, read on both bases."""

    readings: tuple[Reading, ...]
    on: date
    past_due: Figures
    payoff: Figures

    def figures(self, basis: str) -> Figures:
        return self.past_due if basis == "past-due" else self.payoff


def policy_readings(policy: PenaltyPolicy) -> list[Reading]:
    """Every single change of a penalty term, dearer ones first for each term.

    >>> from repayplan import parse_rate
    >>> [(r.kind, r.value) for r in policy_readings(PenaltyPolicy(parse_rate("0.05%/day"), grace_days=3))]
    [('base', 'outstanding'), ('base', 'overdue-installment'), ('compound', 'on'), ('payment-day', 'on'), \
('no-grace', ''), ('grace-mode', 'shift')]
    """
    out: list[Reading] = []
    if policy.rate is not None:
        out += [Reading(kind="base", value=b) for b in reversed(BASES) if b != policy.base]
        out.append(Reading(kind="compound", value="off" if policy.compound else "on"))
        out.append(Reading(kind="payment-day", value="off" if policy.count_payment_day else "on"))
    if policy.grace_days and (policy.rate is not None or policy.late_fee or policy.late_fee_rate is not None):
        out.append(Reading(kind="no-grace"))
        out.append(Reading(kind="grace-mode", value="waive" if policy.grace_mode == "shift" else "shift"))
    return out


def compatible(readings: Sequence[Reading], policy: PenaltyPolicy) -> bool:
    """Readings that can hold together, each changing something: one per kind (a payment once), no grace mode
    without grace, compounding only where the base has interest apart (not on the overdue amount)."""
    kinds = [r.kind if r.payment is None else f"payment{r.payment}" for r in readings]
    if len(set(kinds)) != len(kinds) or ("no-grace" in kinds and "grace-mode" in kinds):
        return False
    if "compound" in kinds:
        base = next((r.value for r in readings if r.kind == "base"), policy.base)
        return base != "overdue-installment"
    return True


def changed_inputs(payments: Sequence[Payment], policy: PenaltyPolicy, on: date,
                   readings: Sequence[Reading]) -> tuple[list[Payment], PenaltyPolicy, date, bool]:
    """(payments counted, penalty policy, statement date, accelerated) under the readings."""
    changes: dict[str, object] = {}
    pays: list[Payment | None] = list(payments)
    accelerated = False
    for r in readings:
        if r.kind == "base":
            changes["base"] = r.value
        elif r.kind == "compound":
            changes["compound"] = r.value == "on"
        elif r.kind == "payment-day":
            changes["count_payment_day"] = r.value == "on"
        elif r.kind == "no-grace":
            changes["grace_days"] = 0
        elif r.kind == "grace-mode":
            changes["grace_mode"] = r.value
        elif r.kind == "missing" and r.payment is not None:
            pays[r.payment] = None
        elif r.kind == "credited" and r.payment is not None and r.on is not None:
            old = payments[r.payment]
            pays[r.payment] = Payment(r.on, old.amount, old.note)
        elif r.kind == "dated" and r.on is not None:
            on = r.on
        elif r.kind == "accelerated":
            accelerated = True
    counted = [p for p in pays if p is not None and p.date <= on]
    return counted, (replace(policy, **changes) if changes else policy), on, accelerated  # type: ignore[arg-type]


def rebuild(loan: Loan, payments: Sequence[Payment], policy: PenaltyPolicy, on: date,
            readings: Sequence[Reading]) -> Rebuild:
    """The statement replayed under the readings, read on both bases."""
    counted, changed, day, accelerated = changed_inputs(payments, policy, on, readings)
    return read(statement(loan, counted, changed, day), tuple(readings), accelerated)


def read(st: Statement, readings: tuple[Reading, ...], accelerated: bool = False) -> Rebuild:
    """A statement's figures on both bases; accelerated, everything is due now (both bases are the payoff
    with the interest and installment fees of the installments not yet due)."""
    zero = st.money.round(ZERO)
    payoff = Figures(principal=st.outstanding_principal, interest=st.overdue_interest + st.accrued_interest,
                     penalty=st.penalty_interest, fees=st.fees, credit=st.credit)
    if accelerated:
        ahead = [x for x in st.lines if not x.is_due]
        future_interest = sum((x.interest for x in ahead), zero) - st.accrued_interest
        future_fees = sum((x.installment_fee for x in ahead), zero)
        payoff = replace(payoff, interest=payoff.interest + future_interest, fees=payoff.fees + future_fees)
        return Rebuild(readings, st.as_of, payoff, payoff)
    past_due = Figures(principal=st.overdue_principal, interest=st.overdue_interest, penalty=st.penalty_interest,
                       fees=st.fees, credit=zero)
    return Rebuild(readings, st.as_of, past_due, payoff)


def extra_bound(policy: PenaltyPolicy, loan: Loan, st: Statement, amount: Decimal, paid_on: date,
                on: date) -> Decimal:
    """At most how much more than ``amount`` a payment made on ``paid_on`` can add to the payoff on ``on`` when
    it is not credited (or credited later): penalty on the money it leaves unpaid, growing at most by the daily
    rate compounded every day, plus a late fee on every installment still to be decided after it (full
    balance: on everything the loan owes), so a bound, never an estimate."""
    days = max(0, (on - paid_on).days) + 1
    rate = policy.resolved_rate(loan.rate)
    # float ok: this is the search's pruning bound (floats with a 1% + cents margin), never a stored amount
    daily = float(rate.daily(loan.day_count)) if rate is not None and rate.value else 0.0  # float ok
    base = float(amount)  # float ok
    if policy.base == "outstanding":
        owed = loan.principal + sum((x.interest + x.installment_fee for x in st.lines), ZERO)
        base += float(owed)  # float ok
    growth = math.expm1(days * math.log1p(daily)) if daily else 0.0
    fees = 0.0
    if policy.late_fee or policy.late_fee_rate is not None:
        late = [x for x in st.lines if paid_on - timedelta(days=policy.grace_days) <= x.due_date <= on]
        for x in late:
            fees += float(policy.late_fee)  # float ok
            if policy.late_fee_rate is not None:
                fee = max(float(x.due * policy.late_fee_rate), float(policy.late_fee_min))  # float ok
                fees += fee if policy.late_fee_max is None else min(fee, float(policy.late_fee_max))  # float ok
    # + 1% + one minor unit per day: room for the rounding of every term, never a reason to miss a match
    return Decimal(str(round(base * growth * 1.01 + fees + 0.01 * (days + 1) + 1, 2)))

