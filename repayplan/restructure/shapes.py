"""The rows of a plan: first periods (moratorium, interest only), then one
way of repaying, on the schedule engine's periods and amortisation loop.

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
from ..plans import COMPONENT_FIELDS, Components, PlanRow
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
from .current import Opening, from_date
from .draft import StepFailure
from .steps import FixedPayment, Moratorium, Step, StepUp, Term

#: index within the repaying installments -> what the borrower pays then
PayRule = Callable[[int], Decimal]


@dataclass
class Built:
    """Rows and accounts of a plan under construction (private to one build)."""

    rows: list[PlanRow] = field(default_factory=list)
    charged: Components = field(default_factory=Components)
    forgiven: Components = field(default_factory=Components)
    capitalised: Components = field(default_factory=Components)
    basis: list[str] = field(default_factory=list)


def split(amounts: Components, n: int, policy: MoneyPolicy,
          order: Sequence[str] = ("fees", "interest", "penalty", "principal")) -> list[Components]:
    """Equal parts of the total over n installments, rounded down, the last
    taking the rest; each part pays the components in the allocation ``order``."""
    left = {c: policy.to_minor(amounts.get(c)) for c in COMPONENT_FIELDS}
    total = sum(left.values())
    each = total // n
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
    for row, part, total in zip(rows, parts, totals, strict=True):
        interest += row.interest
        fees += row.fees
        penalty += row.penalty
        left -= total
        number += 1
        built.rows.append(PlanRow(
            number, row.due_date, row.days, row.opening_balance, row.payment + total, row.principal,
            row.interest + part.interest, row.fees + part.fees, row.penalty + part.penalty, row.closing_balance,
            zero, left))
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
FROZEN_ORDER = ("fees", "interest", "penalty")


def _take(left: Components, amount: Decimal, order: Sequence[str] = FROZEN_ORDER) -> tuple[Components, Components]:
    """Up to ``amount`` of what is left, in the allocation ``order``; returns (taken, left)."""
    taken = Components()
    for c in order:
        if c == "principal":
            continue
        part = min(amount, left.get(c))
        if part > 0:
            taken, left, amount = taken.add(c, part), left.add(c, -part), amount - part
    return taken, left


def attempt(n: int, balance: Decimal, periods: Sequence[Period], policy: MoneyPolicy, pay: PayRule, fee: Decimal,
            frozen: Components, deferred: Decimal, opening: Opening | None = None,
            order: Sequence[str] = FROZEN_ORDER) -> tuple[list[Row], list[Components]] | None:
    """Rows paying ``pay(k)`` in at most n installments, the last one no more
    than its amount, and each row's part of the frozen amounts; None when an
    installment cannot cover its interest, fee and share, or n do not repay.

    Each installment pays its interest and fee, an equal share of the frozen
    amounts (frozen ÷ n), then principal; the first also pays the interest
    accrued before the date (``opening``). Once the principal is repaid, the
    whole installment pays what is still frozen, in the allocation ``order``,
    and the deferred interest comes last."""
    if not 1 <= n <= len(periods):
        return None
    before = opening.before if opening is not None else ZERO
    first = Components(interest=opening.due) if opening is not None and opening.due else Components()
    shares = split(frozen, n, policy, order)
    each = shares[0].total
    short = False

    def rule(i: int, _balance: Decimal, interest: Decimal) -> Decimal:
        nonlocal short
        principal = pay(i) - fee - each - interest - (first.total - before if i == 0 else ZERO)
        if principal < 0:
            short = True
        return principal

    rows = list(amortise(balance, periods[:n], policy, rule, fee)) if balance > 0 else []
    if short:
        return None
    on = opening.on if opening is not None else periods[0].start
    rows = list(from_date(rows, before, on, periods[0].start))
    zero = policy.round(ZERO)
    left = frozen.add("interest", ZERO)
    end = Components(zero, deferred + zero, zero, zero)
    parts: list[Components] = []
    for k in range(len(rows) - 1):
        parts.append(shares[k] + first if k == 0 else shares[k])
        left = left - shares[k]
    k = len(rows) - 1
    while k < len(rows) or left.total + end.total > 0:
        if k < 0:  # no principal to repay: the installments pay frozen amounts only
            k = 0
        if k >= len(rows):  # the principal is repaid: the installment pays frozen amounts only
            if k >= n:
                return None
            p = periods[k]
            days = (p.due_date - on).days if k == 0 and on > p.start else p.days
            rows.append(Row(p.number, p.due_date, days, zero, fee, zero, zero, fee, zero, zero))
        room = pay(k) - rows[k].payment
        if room < 0:
            return None
        head = Components()
        if k == 0 and not parts and first.total:  # the accrued interest falls due with the first installment
            if room < first.total:
                return None
            head, room = first, room - first.total
        part, left = _take(left, room, order)
        if left.total == 0 and room > part.total:
            tail, end = _take(end, room - part.total)
            part = part + tail
        part = head + part
        if part.total == 0 and rows[k].principal == 0 and left.total + end.total > 0:
            return None  # nothing moves: the installment only pays its fee
        parts.append(part)
        k += 1
    return rows, parts


def fixed_rows(balance: Decimal, periods: Sequence[Period], policy: MoneyPolicy, pay: PayRule, fee: Decimal,
               frozen: Components, deferred: Decimal, guess: int | None = None, opening: Opening | None = None,
               order: Sequence[str] = FROZEN_ORDER) -> tuple[list[Row], list[Components]] | None:
    """The shortest plan paying ``pay(k)`` at each installment (the last one
    less), or None when no number of these periods repays. ``guess`` (an
    estimate of the term) saves most of the search."""
    def run(n: int) -> tuple[list[Row], list[Components]] | None:
        return attempt(n, balance, periods, policy, pay, fee, frozen, deferred, opening, order)

    if not periods:
        return None
    lo, hi = 1, len(periods)
    best, step = None, 1
    if guess is not None:  # walk from the estimate; it is rarely more than one installment off
        n = min(max(guess, lo), hi)
        best = run(n)
        step = -1 if best is not None else 1
        for _ in range(3):
            nxt = run(n + step)
            if step < 0 and nxt is None:
                return best
            if step < 0:
                best, n = nxt, n - 1
            elif nxt is not None:
                return nxt
            else:
                n += 1
            if not lo <= n + step <= hi:
                break
        lo, hi = (lo, n) if step < 0 else (n + 1, hi)
    if best is None or step > 0:
        best = run(hi)
        if best is None:
            return None
    while lo < hi:  # the fewest installments that repay (more installments, smaller shares: monotone)
        mid = (lo + hi) // 2
        found = run(mid)
        if found is None:
            lo = mid + 1
        else:
            best, hi = found, mid
    return best


def estimate_term(balance: Decimal, periods: Sequence[Period], payment: Decimal, fee: Decimal,
                  frozen: Decimal) -> int | None:
    """The annuity formula's term for a payment (a float estimate for the
    exact search): n = −ln(1 − B·r/X) / ln(1 + r)."""
    import math

    if not periods:
        return None
    # float ok: a starting guess for the exact search in apply(); nothing here is stored
    b, pay, held, r = map(float, (balance, payment - fee, frozen, sum(p.factor for p in periods[:12])))
    r /= min(12, len(periods))
    n: float = len(periods)
    for _ in range(3):
        x = pay - held / max(n, 1.0)
        if x <= 0 or (r > 0 and b * r >= x):
            return None
        n = b / x if r == 0 else -math.log(1 - b * r / x) / math.log1p(r)
    return max(1, math.ceil(n - 1e-9))


def smallest(feasible: Callable[[Decimal], bool], high: Decimal, policy: MoneyPolicy) -> Decimal:
    """The smallest amount (to the minor unit) for which ``feasible`` holds,
    ``high`` being one for which it does."""
    lo, hi = 0, policy.to_minor(high)
    while lo < hi:
        mid = (lo + hi) // 2
        if feasible(policy.from_minor(mid)):
            hi = mid
        else:
            lo = mid + 1
    return policy.from_minor(hi)


def payment_failure(step: FixedPayment | StepUp, balance: Decimal, periods: Sequence[Period], policy: MoneyPolicy,
                    fee: Decimal, frozen: Components, deferred: Decimal, per_year: int, limit: str,
                    opening: Opening | None = None, order: Sequence[str] = FROZEN_ORDER) -> StepFailure:
    """Why fixed amounts do not repay, with the smallest that would (found by
    an exact search, so the advice works and a minor unit less does not)."""
    owed = balance + frozen.total + deferred + (opening.due if opening is not None else ZERO)
    high = owed + policy.interest(balance, periods[0].factor) + fee + policy.quantum
    top = high * len(periods)

    def works(amount: Decimal, floor: Decimal | None = None) -> bool:
        rule = ((lambda _k: amount) if isinstance(step, FixedPayment)
                else stage_rule(step, per_year, policy, amount, floor))
        return attempt(len(periods), balance, periods, policy, rule, fee, frozen, deferred, opening,
                       order) is not None

    money = policy.grouped
    if isinstance(step, FixedPayment):
        need = money(smallest(works, high, policy))
        # a regular period's interest (the least of a year's periods): a payment no larger never repays
        cost = policy.interest(balance, min(p.factor for p in periods[:13])) + fee
        if step.amount <= cost:
            return StepFailure(f"payment {money(step.amount)} does not cover the {money(cost)} of interest "
                               f"and fees of an installment, so it never repays; the smallest payment that repays "
                               f"{money(owed)} {limit} is {need}")
        return StepFailure(f"payment {money(step.amount)} does not repay {money(owed)} {limit}; the smallest "
                           f"payment that would is {need}")
    if step.stages and not works(top):
        floor = smallest(lambda x: works(top, x), top, policy)
        last = smallest(lambda a: works(a, floor), top, policy)
        also = (f", and the last stage's amount to at least {money(last)}" if last > step.stages[-1][1] else "")
        return StepFailure(f"the first stages do not cover an installment's interest, fees and share of the frozen "
                           f"arrears; raise every stage below {money(floor)} to at least {money(floor)}{also}")
    what = "last stage's amount" if step.stages else "first payment"
    need = money(smallest(works, top, policy))
    return StepFailure(f"these installments do not repay {money(owed)} {limit}; the smallest {what} that would "
                       f"is {need}")
