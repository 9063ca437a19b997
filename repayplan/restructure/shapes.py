"""The rows of a plan: first periods (moratorium, interest only), then one
way of repaying, on the schedule engine's periods and amortisation loop
(a method over a term, or a step-up; fixed amounts whose term follows are
:mod:`.fixed`'s).

Overdue interest, penalty and fees that were neither waived nor
capitalised are *frozen* (停息挂账): they bear no interest and are repaid in
equal parts with every repaying installment (the parts are rounded down to
the minor unit; the last installment takes the rest), each part paying the
components in the allocation order (default: fees, interest, penalty), as
every other payment does. Interest accrued but not yet due is not frozen:
it falls due with the first payment (see :mod:`.current`). Interest
deferred by a moratorium is paid with the last installment.

30.00 of fees and 70.00 of interest frozen over 3 installments: 33.33 each
(the last 33.34), the fees first:

>>> [(p.fees, p.interest) for p in split(Components(interest=Decimal("70.00"), fees=Decimal("30.00")), 3,
...                                        MoneyPolicy())]
[(Decimal('30.00'), Decimal('3.33')), (Decimal('0.00'), Decimal('33.33')), (Decimal('0.00'), Decimal('33.34'))]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Period, Row
from ..money import WORKING, ZERO, MoneyPolicy
from ..plans import COMPONENT_FIELDS, Components, PlanRow, new_plan_row
from ..schedule import (
    PrincipalRule,
    amortise,
    fixed_principal,
    interest_only,
    level,
    level_rows,
    principal_part,
)
from ..text import msg
from .current import Opening
from .steps import Moratorium, Step, StepUp, Term

#: index within the repaying installments -> what the borrower pays then
PayRule = Callable[[int], Decimal]


@dataclass
class Built:
    """Rows and accounts of a plan under construction (private to one build)."""

    rows: list[PlanRow] = field(default_factory=list)
    charged: Components = field(default_factory=Components)
    forgiven: Components = field(default_factory=Components)
    capitalised: Components = field(default_factory=Components)
    basis: list[str | Callable[[], str]] = field(default_factory=list)  # a function: its text, made when read


def split(amounts: Components, n: int, policy: MoneyPolicy,
          order: Sequence[str] = ("fees", "interest", "penalty", "principal")) -> list[Components]:
    """Equal parts of the total over n installments, rounded down, the last
    taking the rest; each part pays the components in the allocation ``order``."""
    left = {c: policy.to_minor(amounts.get(c)) for c in COMPONENT_FIELDS}
    total = sum(left.values())
    each = total // n
    zero = policy.round(ZERO)
    if not any(left.values()):  # nothing to share: every part is nothing
        return [Components(zero, zero, zero, zero)] * n
    if any(v < 0 for v in left.values()) or any(c not in left for c in order):
        return _split_by_part(left, total, each, n, policy, order)
    # the parts take the components one after the other in the order: part k takes the units from k × each
    # to (k + 1) × each (the last to the total) of the components laid end to end
    ends: dict[str, tuple[int, int]] = {}
    start = 0
    for c in dict.fromkeys([*order, *COMPONENT_FIELDS]):
        ends[c] = (start, start + left[c])
        start += left[c]
    spans = [ends[c] for c in COMPONENT_FIELDS]
    made: dict[tuple[int, ...], Components] = {}
    parts = []
    for k in range(n):
        low = k * each
        high = low + each if k < n - 1 else total
        taken = tuple(max(0, min(high, end) - max(low, begin)) for begin, end in spans)
        part = made.get(taken)
        if part is None:
            part = made[taken] = Components(*(policy.from_minor(t) if t else zero for t in taken))
        parts.append(part)
    return parts


def _split_by_part(left: dict[str, int], total: int, each: int, n: int, policy: MoneyPolicy,
                   order: Sequence[str]) -> list[Components]:
    """:func:`split` a part at a time, each taking what its room allows from the components in order."""
    zero = policy.round(ZERO)
    parts = []
    for k in range(n):
        room = each if k < n - 1 else total - each * (n - 1)
        taken = dict.fromkeys(COMPONENT_FIELDS, 0)
        for c in [*order, *(c for c in COMPONENT_FIELDS if c not in order)]:
            take = min(room, left[c])
            taken[c], left[c], room = taken[c] + take, left[c] - take, room - take
        parts.append(Components(*(policy.from_minor(taken[c]) if taken[c] else zero for c in COMPONENT_FIELDS)))
    return parts


def phase_rows(built: Built, steps: Sequence[Step], balance: Decimal, periods: Sequence[Period],
               policy: MoneyPolicy, fee: Decimal, frozen: Decimal, opening: Opening) -> tuple[Decimal, Decimal, int]:
    """Rows of the moratorium and interest-only periods; returns the balance,
    the deferred interest and the number of periods used. The first
    interest-only row pays the interest accrued before the date
    (``opening.due``, which is then spent); until then it is owed interest-free."""
    deferred, k = ZERO, 0
    for step in steps:
        count: int = step.periods  # type: ignore[attr-defined]
        for _ in range(count):
            p = periods[k]
            interest = policy.interest(balance, p.factor) - (opening.before if k == 0 else ZERO)
            days = (p.due_date - opening.on).days if k == 0 and opening.on > p.start else p.days
            k += 1
            built.charged = built.charged.add("interest", interest)
            zero = policy.round(ZERO)
            start_balance = balance
            if isinstance(step, Moratorium):
                capitalised = zero
                if step.interest == "capitalise":
                    balance += interest
                    capitalised = interest
                    built.capitalised = built.capitalised.add("interest", interest)
                elif step.interest == "defer":
                    deferred += interest
                else:
                    built.forgiven = built.forgiven.add("interest", interest)
                built.rows.append(PlanRow(len(built.rows) + 1, p.due_date, days, start_balance, zero, zero, zero,
                                          zero, zero, balance, capitalised, frozen + opening.due + deferred,
                                          msg("row.moratorium", interest=interest,
                                              what=msg(f"done.{step.interest}"))))
            else:
                built.charged = built.charged.add("fees", fee)
                due, opening.due = opening.due, zero
                built.rows.append(PlanRow(len(built.rows) + 1, p.due_date, days, start_balance,
                                          interest + due + fee, zero, interest + due, fee, zero, balance, zero,
                                          frozen + deferred, msg("row.interest_only")))
    return balance, deferred, k




def finish(built: Built, rows: Sequence[Row], parts: Sequence[Components], policy: MoneyPolicy) -> None:
    """Add the repaying rows, each with its part of the frozen amounts (and of
    deferred interest, which counts as interest)."""
    zero = policy.round(ZERO)
    totals = [p.principal + p.interest + p.penalty + p.fees for p in parts]
    left = sum(totals, zero)
    number = len(built.rows)
    interest = fees = penalty = zero
    add = built.rows.append
    for row, part, total in zip(rows, parts, totals, strict=True):
        interest += row.interest
        fees += row.fees
        penalty += row.penalty
        left -= total
        number += 1
        add(new_plan_row(number, row.due_date, row.days, row.opening_balance, row.payment + total, row.principal,
                         row.interest + part.interest, row.fees + part.fees, row.penalty + part.penalty,
                         row.closing_balance, zero, left, ""))
    built.charged = built.charged + Components(zero, interest, penalty, fees)


def spread(frozen: Components, deferred: Decimal, n: int, policy: MoneyPolicy,
           order: Sequence[str] = ("fees", "interest", "penalty", "principal")) -> list[Components]:
    """Equal parts of the frozen amounts over n installments, each in the
    allocation ``order``, the deferred interest in the last."""
    parts = split(frozen, n, policy, order)
    parts[-1] = parts[-1].add("interest", deferred)
    return parts


def method_rows(method: str, balance: Decimal, periods: Sequence[Period], policy: MoneyPolicy,
                fee: Decimal, keep: Decimal | None = None) -> tuple[tuple[Row, ...], str]:
    """A contract method over these periods (the engine's own rules);
    ``keep``: the contract's own level installment or principal part, when
    the plan's terms are the contract's."""
    from ..schedule import bullet_row  # the engine's bullet rule, reused as is

    n = len(periods)
    if method == "bullet":
        return (bullet_row(balance, periods, policy, fee),), msg("shape.bullet", on=periods[-1].due_date)
    rule: PrincipalRule
    text: str
    kept = msg("shape.kept") if keep is not None else ""
    if method == "annuity":
        if keep is None:  # the engine's level rule: interest-only periods, solved level amount, every period
            payment, rows = level_rows(balance, periods, policy, fee)
            return rows, msg("shape.level", amount=policy.grouped(payment), kept="")
        rule, text = level(keep), msg("shape.level", amount=policy.grouped(keep), kept=kept)
    elif method == "equal-principal":
        part = keep if keep is not None else principal_part(balance, n, policy)
        rule, text = fixed_principal(part), msg("shape.principal", amount=policy.grouped(part), kept=kept)
    else:
        rule, text = interest_only, msg("shape.interest_only")
    return amortise(balance, periods, policy, rule, fee), text


def term_rows(step: Term, balance: Decimal, periods: Sequence[Period], policy: MoneyPolicy,
              fee: Decimal, keep: Decimal | None = None) -> tuple[tuple[Row, ...], str]:
    return method_rows(step.method, balance, periods, policy, fee, keep)


def graduated_rows(step: StepUp, balance: Decimal, periods: Sequence[Period], policy: MoneyPolicy, fee: Decimal,
                   per_year: int) -> tuple[tuple[Row, ...], str]:
    """Step-up over a given number of installments: the first installment
    solved so the graduated stream repays the balance."""
    every = step.every or per_year
    growth = WORKING.add(1, step.increase or ZERO)
    weights = [WORKING.power(growth, k // every) for k in range(len(periods))]
    discount, present = Decimal(1), ZERO
    for p, w in zip(periods, weights, strict=True):
        factor = WORKING.divide(Decimal(p.factor.numerator), Decimal(p.factor.denominator))
        discount = WORKING.divide(discount, WORKING.add(1, factor))
        present = WORKING.add(present, WORKING.multiply(discount, w))
    first = policy.round(WORKING.divide(balance, present)) if present else balance
    amounts = [policy.round(first * w) for w in weights]
    rows = amortise(balance, periods, policy, lambda i, _b, interest: amounts[i] - interest, fee)
    return rows, msg("shape.graduated", first=policy.grouped(first), growth=f"{growth.normalize()}", every=every)


def stage_rule(step: StepUp, per_year: int, policy: MoneyPolicy, scale: Decimal | None = None,
               floor: Decimal | None = None) -> PayRule:
    """What the borrower pays at each repaying installment of a step-up
    with given amounts (``scale`` replaces the last stage's amount, or the
    first payment, and ``floor`` raises the other stages to at least it,
    when searching for the smallest amounts that repay)."""
    if step.stages:
        bounds: list[tuple[int, Decimal]] = []
        end = 0
        for i, (count, amount) in enumerate(step.stages):
            end += count
            last = i == len(step.stages) - 1
            bounds.append((end, scale if scale is not None and last else
                           max(amount, floor) if floor is not None and not last else amount))

        def staged(k: int) -> Decimal:
            return next((a for e, a in bounds if k < e), bounds[-1][1])
        return staged
    every = step.every or per_year
    growth = WORKING.add(1, step.increase or ZERO)
    first = scale if scale is not None else (step.payment or ZERO)
    return lambda k: policy.round(first * WORKING.power(growth, k // every))


#: The order a payment's room pays frozen amounts when none is given (the Civil Code's, principal aside).
