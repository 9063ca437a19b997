"""Fixed amounts: the shortest plan that repays them, and why none does.

A fixed payment (or a step-up with given amounts) sets what each
installment pays; the term follows. :func:`fixed_rows` finds the fewest
installments that repay, starting from the annuity formula's term
(:func:`estimate_term`, numpy-financial's ``nper``: a float guess) and
verifying every candidate exactly (:func:`attempt`, in minor units of the
plan's currency). When no term within the limit repays,
:func:`payment_failure` says so with the smallest amount that would, found
by an exact search.

1,000.00 at 1% a period, 300.00 an installment: four installments, the last
one smaller (1,000.00 × 1.01 − 300 = 710.00; 417.10; 121.27; 121.27 × 1.01
= 122.48):

>>> from datetime import date, timedelta
>>> from fractions import Fraction
>>> from repayplan.model import Period
>>> day = date(2025, 1, 1)
>>> periods = [Period(k + 1, day + timedelta(30 * k), day + timedelta(30 * k + 30), 30, Fraction(1, 100), "1%")
...            for k in range(12)]
>>> rows, _ = fixed_rows(Decimal("1000.00"), periods, MoneyPolicy(), lambda _k: Decimal("300.00"), ZERO,
...                      Components(), ZERO)
>>> [r.payment for r in rows]
[Decimal('300.00'), Decimal('300.00'), Decimal('300.00'), Decimal('122.48')]
>>> estimate_term(Decimal("1000.00"), periods, Decimal("300.00"), ZERO, ZERO)  # 3.41 periods, rounded up
4
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal

from ..model import Period, Row
from ..money import ZERO, MoneyPolicy
from ..plans import Components
from ..schedule import amortise
from .current import Opening, from_date
from .draft import StepFailure
from .shapes import PayRule, split, stage_rule
from .steps import FixedPayment, StepUp

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


def annuity_term(balance: float, payment: float, rate: float) -> float:
    """Periods of ``payment`` that repay ``balance`` at ``rate`` a period,
    the annuity formula n = −ln(1 − B·r/X) / ln(1 + r) (B/X at 0%): what
    numpy-financial's ``nper(rate, -payment, balance)`` computes (a test
    holds them equal), without the numpy import a single guess does not
    repay (+0.05-0.3 s per command).

    >>> round(annuity_term(1000.0, 300.0, 0.01), 6), annuity_term(1000.0, 250.0, 0.0)
    (3.407078, 4.0)
    """
    return balance / payment if rate == 0 else -math.log(1 - balance * rate / payment) / math.log1p(rate)


def estimate_term(balance: Decimal, periods: Sequence[Period], payment: Decimal, fee: Decimal,
                  frozen: Decimal) -> int | None:
    """The annuity formula's term for a payment (:func:`annuity_term`) at the
    mean rate of the first year's periods, the frozen share taken out of the
    payment: a float estimate that :func:`fixed_rows` verifies exactly."""
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
        n = annuity_term(b, x, r)
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
