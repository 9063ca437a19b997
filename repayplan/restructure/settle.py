"""Settlements: a sum agreed, paid at once or in installments, the rest forgiven.

The sum pays the components in the allocation order (the case's
``[penalty] allocation``; by default the Civil Code's: fees, interest,
penalty, principal); what it does not reach is forgiven. Settlement installments bear no interest and no fee; they are
equal, rounded down to the minor unit, the last taking the rest.

>>> from datetime import date
>>> from repayplan.model import Position
>>> from .draft import Draft
>>> from .position import plan_calendar
>>> p = Position(date(2026, 1, 1), Decimal("9000.00"), interest=Decimal("600.00"), penalty=Decimal("400.00"))
>>> built, total, lump = settle_rows(Draft.start(p), Settle(percent=Decimal("0.6")), plan_calendar(p, p.as_of),
...                                  p.as_of, 60)
>>> total, built.forgiven  # 60% of 10,000.00; the 6,000.00 pays interest 600, penalty 400, principal 5,000
(Decimal('6000.00'), Components(principal=Decimal('4000.00'), interest=Decimal('0.00'), penalty=Decimal('0.00'), \
fees=Decimal('0.00')))
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .. import calendar
from ..money import ZERO
from ..plans import Components, PlanRow
from ..text import joined, msg
from .draft import COMPONENT_OF, Draft, StepFailure, draft_order
from .position import PlanCalendar
from .shapes import Built
from .steps import Settle


def dues_after(cal: PlanCalendar, day: date, count: int) -> list[date]:
    """``count`` due dates of the plan's calendar after ``day``."""
    freq = calendar.frequency(cal.frequency)
    first = cal.due_after(day)
    return [calendar.step(first, n, freq, cal.anchor_day) for n in range(count)]


def settle_rows(draft: Draft, step: Settle, cal: PlanCalendar, on: date,
                max_periods: int) -> tuple[Built, Decimal, Decimal]:
    """Rows of a settlement, the sum agreed and the cash needed at once."""
    policy = draft.policy
    owed = draft.owed
    if step.amount is not None:
        total = policy.round(step.amount)
        if total > owed:
            raise StepFailure(f"amount {policy.grouped(total)} is more than the {policy.grouped(owed)} owed; a "
                              "settlement is at most what is owed")
    else:
        total = policy.round(owed * (step.percent or ZERO))
    by = step.by or on
    if by < on:
        raise StepFailure(f"by {by} is before the restructuring date {on}; give a date on or after it")
    down = policy.round(step.down_payment) if step.down_payment is not None else policy.round(ZERO)
    if down > total:
        raise StepFailure(f"down_payment {policy.grouped(down)} is more than the settlement {policy.grouped(total)}")
    if step.installments is not None and step.installments > max_periods:
        raise StepFailure(f"installments {step.installments} is over the maximum {max_periods}; ask for "
                          f"{max_periods} or fewer, or raise [creditor] max_term")
    # what the sum pays, component by component; the rest is forgiven
    order = draft_order(draft.allocation)
    to_pay: dict[str, Decimal] = {}
    left = total
    built = Built()
    for attr in order:
        to_pay[attr] = min(left, getattr(draft, attr))
        left -= to_pay[attr]
        built.forgiven = built.forgiven.add(COMPONENT_OF[attr], getattr(draft, attr) - to_pay[attr])
    payments: list[tuple[date, Decimal]] = []
    if step.installments is None:
        payments.append((by, total))
    else:
        if down > 0:
            payments.append((by, down))
        units = policy.to_minor(total - down)
        each = units // step.installments
        amounts = [each] * (step.installments - 1) + [units - each * (step.installments - 1)]
        dues = dues_after(cal, by, step.installments)
        payments += [(d, policy.from_minor(a)) for d, a in zip(dues, amounts, strict=True)]
    zero = policy.round(ZERO)
    principal_left = to_pay["principal"]
    other_left = total - principal_left
    previous = on
    for when, amount in payments:
        got = dict.fromkeys(("principal", "interest", "penalty", "fees"), ZERO)
        rest = amount
        for attr in order:
            take = min(rest, to_pay[attr])
            to_pay[attr] -= take
            rest -= take
            got[COMPONENT_OF[attr]] += take
        parts = Components(**got)
        opening = principal_left
        principal_left -= parts.principal
        other_left -= parts.total - parts.principal
        built.rows.append(PlanRow(len(built.rows) + 1, when, (when - previous).days, opening, amount,
                                  parts.principal + zero, parts.interest + zero, parts.fees + zero,
                                  parts.penalty + zero, principal_left, zero, other_left))
        previous = when
    lump = payments[0][1] if step.installments is None or down > 0 else zero
    if step.installments is None:
        how = msg("settled.one", total=policy.grouped(total), by=by)
    else:
        parts_n, each_text = step.installments, policy.grouped(payments[-step.installments][1])
        how = (msg("settled.down", n=parts_n, each=each_text, down=policy.grouped(down), by=by) if down > 0
               else msg("settled.installments", n=parts_n, each=each_text))
    components = [msg(f"component.{c}") for c in draft.allocation]
    built.basis.append(msg("settled.basis", total=policy.grouped(total), owed=policy.grouped(owed), how=how,
                           head=joined(components[:-1], "sep.comma"), last=components[-1],
                           forgiven=policy.grouped(owed - total)))
    return built, total, lump
