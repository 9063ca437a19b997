"""One pure function replays a restructuring's steps on a position.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> from repayplan.model import Position
>>> from .steps import SetRate, Term, Waive
>>> loan = Loan(Decimal("36000"), parse_rate("18%"), 36, start=date(2025, 1, 1))
>>> owed = Position(date(2026, 1, 1), Decimal("24000.00"), Decimal("3000.00"), interest=Decimal("400.00"),
...                 penalty=Decimal("250.00"), fees=Decimal("60.00"), policy=loan.policy, loan=loan)
>>> plan = apply(owed, [Waive(("penalty", "fees")), SetRate(parse_rate("0%")), Term(24)])
>>> plan.rows[0].payment, plan.rows[0].principal, plan.rows[0].interest  # 24,000/24 + 400/24 (16.66 down)
(Decimal('1016.66'), Decimal('1000.00'), Decimal('16.66'))
>>> plan.rows[-1].payment, plan.forgiven.total, plan.payoff_date  # the last takes 400 − 23 × 16.66 = 16.82
(Decimal('1016.82'), Decimal('310.00'), datetime.date(2028, 1, 1))
>>> plan.problems()
[]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import partial

from .. import calendar
from ..errors import InputError
from ..model import Loan, Period, Position, Row
from ..money import ZERO, MoneyPolicy
from ..plans import MAX_PLAN_MONTHS, Components, Later, Plan, PlanRow
from ..rates import Rate
from ..text import joined, msg
from .current import Opening, contract_installment, from_date, remaining_periods
from .current import opening as opening_of
from .draft import Draft, StepFailure, capitalise, haircut, set_rate, waive
from .fixed import estimate_term, fixed_rows, payment_failure
from .position import PlanCalendar, is_performing, plan_calendar, plan_periods, remaining_rows
from .settle import settle_rows
from .shapes import (
    Built,
    finish,
    graduated_rows,
    method_rows,
    phase_rows,
    spread,
    stage_rule,
    term_rows,
)
from .steps import PHASES, REPAYING, Capitalise, FixedPayment, Haircut, SetRate, Settle, Step, StepUp, Term, Waive


def max_installments(max_months: int, frequency: str) -> int:
    """Installments that fit in ``max_months``: 60 months is 60 monthly, 20
    quarterly or 260 weekly installments."""
    return max(1, max_months * calendar.frequency(frequency).periods_per_year // 12)


def apply(position: Position, steps: Sequence[Step], on: date | None = None, *, name: str = "", label: str = "",
          max_months: int = MAX_PLAN_MONTHS, allocation: Sequence[str] | None = None) -> Plan:
    """Replay ``steps`` in order on what is owed on ``on`` (the position's
    date) and build the plan's exact schedule.

    With no steps a loan in good standing keeps its contract schedule
    exactly; otherwise, without a term, payment, step-up or settle step, the
    plan keeps the contract's method over its remaining installments.
    ``label`` names the plan in errors (``scenarios[2] "Freeze"``); every
    error is one :class:`~repayplan.errors.InputError` line naming the step.
    ``allocation``: the order payments pay the components (the case's
    ``[penalty] allocation``; default the Civil Code's, fees, interest,
    penalty, principal): the position's credit, a settlement sum and
    installments paying frozen arrears follow it.
    """
    on = on or position.as_of
    where = label or (f'"{name}"' if name else "plan")
    if on != position.as_of:
        raise InputError(f"{where}: the position is as of {position.as_of}, not {on}; build the position on the "
                         "restructuring date")

    def failure(exc: StepFailure, index: int | None) -> InputError:
        index = exc.index or index
        step = f" step {index} ({steps[index - 1].op})" if index else ""
        return InputError(f"{where}{step}: {exc}")

    try:
        draft = Draft.start(position, allocation)
    except StepFailure as exc:
        raise failure(exc, None) from None
    effects: list[Callable[[], str]] = []
    for index, step in enumerate(steps, start=1):
        try:
            before = draft
            draft = _replay(draft, step, index)
        except StepFailure as exc:
            raise failure(exc, index) from None
        effects.append(partial(_effect, index, step, before, draft))  # its text made when read
    cal = plan_calendar(position, on)
    limit = max_installments(max_months, cal.frequency)
    try:
        if isinstance(draft.repay, Settle):
            built, total, lump = settle_rows(draft, draft.repay, cal, on, limit)
            settlement: Decimal | None = total
        else:
            built, settlement, lump = _build(draft, position, cal, on, limit), None, position.policy.round(ZERO)
    except StepFailure as exc:
        raise failure(exc, exc.index or draft.repay_index or None) from None
    owed = partial(_owed_text, position, draft)
    return Plan(name, position, on, tuple(steps), tuple(built.rows),
                forgiven=draft.forgiven + built.forgiven, capitalised=draft.capitalised + built.capitalised,
                charged=built.charged, credit=draft.credit, settlement=settlement, lump_sum=lump, rate=draft.rate,
                basis=Later((owed, *effects, *built.basis)))


def _replay(draft: Draft, step: Step, index: int) -> Draft:
    if not isinstance(step, Step):
        raise StepFailure(f"{step!r} is not a step")
    _check_minor_units(step, draft.policy)
    if isinstance(draft.repay, Settle):
        raise StepFailure(f"comes after step {draft.repay_index} (settle); settle ends the plan, so put it last")
    if isinstance(step, Waive):
        return waive(draft, step)
    if isinstance(step, Capitalise):
        return capitalise(draft, step)
    if isinstance(step, Haircut):
        return haircut(draft, step)
    if isinstance(step, SetRate):
        return set_rate(draft, step.rate)
    if step.op in PHASES:
        if draft.repay is not None:
            raise StepFailure(f"comes after step {draft.repay_index} ({draft.repay.op}); put moratorium and "
                              "interest-only periods before it")
        return replace(draft, phases=draft.phases + (step,), changed=True)
    if step.op in REPAYING:
        if draft.repay is not None:
            raise StepFailure(f"step {draft.repay_index} ({draft.repay.op}) already says how the plan repays; "
                              "keep one term, payment, step-up or settle step")
        if isinstance(step, Settle) and draft.phases:
            raise StepFailure("a settlement has no moratorium or interest-only periods; remove them")
        fee = getattr(step, "fee", None)
        if fee is not None:
            draft = replace(draft, installment_fee=fee)
        return replace(draft, repay=step, repay_index=index, changed=True)
    raise StepFailure(f"{step.op!r} is not a step")  # pragma: no cover - every Step subclass is handled


def _check_minor_units(step: Step, policy: MoneyPolicy) -> None:
    """Amounts of a step must be whole minor units of the currency (0.02 yen is no amount)."""
    for name, kind in step.KINDS.items():
        value = getattr(step, name)
        amounts = [a for _, a in value] if kind == "stages" else [value] if kind == "amount" else []
        for amount in amounts:
            if amount is not None and policy.round(amount) != amount:
                raise StepFailure(f"{name} {amount} has more decimals than {policy.currency} allows; give it to "
                                  f"{policy.quantum}")


def _build(draft: Draft, position: Position, cal: PlanCalendar, on: date, limit: int) -> Built:
    policy = draft.policy
    loan = position.loan
    if not draft.changed and is_performing(position):
        return _continuation(position, on)
    rate = draft.rate
    if rate is None:
        raise StepFailure("no rate to charge: the position has no loan; add a set-rate step")
    repay = draft.repay
    phased = sum(p.periods for p in draft.phases)  # type: ignore[attr-defined]
    if repay is None:
        if loan is None:
            raise StepFailure("no term: the position has no loan; add a term, payment, step-up or settle step")
        count = remaining_periods(loan, on)
        if count == 0:
            raise StepFailure(f"the contract has no installments left after {on}; add a term, payment, step-up "
                              "or settle step")
    elif isinstance(repay, Term) or (isinstance(repay, StepUp) and repay.installments):
        count = repay.installments or 0
        if phased + count > limit and phased < limit:  # (at or over the limit: no installment fits, below)
            before = f" after {phased} periods of moratorium and interest only" if phased else ""
            raise StepFailure(f"installments {count}{before} is over the maximum {limit}; ask for at most "
                              f"{limit - phased}, or raise [creditor] max_term")
    else:
        count = limit - phased
    if count <= 0 or phased >= limit:
        raise StepFailure(f"moratorium and interest-only periods ({phased}) leave no installment within the "
                          f"maximum {limit}; shorten them, or raise [creditor] max_term")
    periods = plan_periods(cal, rate, phased + count)
    first: Sequence[Period] = periods
    if repay is None and loan is not None and loan.method == "bullet" and not phased:
        # a bullet loan's one installment runs from its start: its interest accrues over the whole term
        periods = plan_periods(replace(cal, start=loan.start, first_due=loan.first_due_date), rate, loan.term)
        first = [Period(1, loan.start, periods[-1].due_date, sum(p.days for p in periods),
                        sum((p.factor for p in periods), Fraction(0)), "the whole term")]
    built = Built()
    frozen = draft.frozen
    fee = draft.installment_fee
    # the first period is the contract's current one: the plan charges its days after `on` only, and the
    # interest accrued before `on` falls due with the first payment
    opening = opening_of(draft.principal, draft.accrued, first, on, cal.day_count, policy)
    not_charged = opening.before
    balance, deferred, used = phase_rows(built, draft.phases, draft.principal, periods, policy, fee, frozen.total,
                                         opening)
    rest = periods[used:]
    first_due = opening.due
    if used:
        opening = Opening(on, ZERO, first_due)
    if balance == 0 and frozen.total == 0 and deferred == 0 and first_due == 0:
        return built
    within = f"within the maximum {limit} installments" + (f" ({phased} used by the first periods)" if phased else "")
    parts: list[Components] | None = None
    rows: Sequence[Row]
    method = loan.method if loan and repay is None else repay.method if isinstance(repay, Term) else ""
    keep = contract_installment(loan, on, method, balance, rest) if not used else None
    if repay is None:
        rows, text = method_rows(loan.method if loan else "annuity", balance, rest, policy, fee, keep)
    elif isinstance(repay, Term):
        rows, text = term_rows(repay, balance, rest, policy, fee, keep)
    elif isinstance(repay, StepUp) and repay.installments:
        rows, text = graduated_rows(repay, balance, rest, policy, fee, cal.periods_per_year)
    else:
        assert isinstance(repay, (FixedPayment, StepUp))
        rule = (lambda _k: repay.amount) if isinstance(repay, FixedPayment) else stage_rule(
            repay, cal.periods_per_year, policy)
        guess = (estimate_term(balance, rest, repay.amount, fee, frozen.total + first_due)
                 if isinstance(repay, FixedPayment) else None)
        found = fixed_rows(balance, rest, policy, rule, fee, frozen, deferred, guess, opening, draft.allocation)
        if found is None:
            raise payment_failure(repay, balance, rest, policy, fee, frozen, deferred, cal.periods_per_year, within,
                                  opening, draft.allocation)
        (rows, parts), text = found, msg("shape.as_agreed")
    if parts is None:
        rows = from_date(rows, opening.before, on, rest[0].start)
        parts = spread(frozen, deferred, len(rows), policy, draft.allocation)
        parts[0] = parts[0].add("interest", first_due)
    finish(built, rows, parts, policy)
    # the texts are made when the plan's basis is read (of hundreds of plans a search builds, a few are shown)
    each = frozen.total / len(rows) if frozen.total else ZERO  # (a share of nothing raises here, as ever)
    built.basis.append(partial(_lines_text, rows[0].due_date if rows else None, len(rows), text, balance, rate,
                               frozen.total, each, deferred, policy))
    if on > first[0].start and (not_charged or draft.accrued):
        built.basis.append(partial(_first_period_text, first[0], on, not_charged, draft.accrued, rate, policy))
    built.basis.append(partial(_fee_text, loan, fee, built.charged.fees, policy))
    return built


def _lines_text(first: date | None, count: int, text: str, balance: Decimal, rate: Rate, frozen: Decimal,
                each: Decimal, deferred: Decimal, policy: MoneyPolicy) -> str:
    """The plan's repaying rows, its frozen and its deferred amounts, in words ('' when none)."""
    lines: list[str] = []
    if count:
        lines.append(msg("plan.line", n=count, first=first, text=text, balance=policy.grouped(balance), rate=rate))
    if frozen:
        lines.append(msg("plan.frozen", total=policy.grouped(frozen), each=policy.grouped(each)))
    if deferred:
        lines.append(msg("plan.deferred", amount=policy.grouped(deferred)))
    return msg("plan.joined", lines=joined(lines)) if lines else ""


def _first_period_text(period: Period, on: date, before: Decimal, accrued: Decimal, rate: Rate,
                       policy: MoneyPolicy) -> str:
    """How the first period is shared between the contract and the plan, in words."""
    money = policy.grouped
    text = msg("plan.first_period", start=period.start, due=period.due_date, rate=rate, on=on, before=money(before))
    if accrued:
        return msg("plan.first_period_accrued", text=text, accrued=money(accrued), on=on)
    return text


def _fee_text(loan: Loan | None, fee: Decimal, charged: Decimal, policy: MoneyPolicy) -> str:
    """The plan's installment fee (``charged`` in all), in words (the contract's too when the plan drops it)."""
    if fee > 0:
        return msg("plan.fee", fee=policy.grouped(fee), total=policy.grouped(charged))
    if loan is not None and loan.installment_fee > 0:
        return msg("plan.no_fee_contract", fee=policy.grouped(loan.installment_fee))
    return msg("plan.no_fee")


def _continuation(position: Position, on: date) -> Built:
    """The contract's own remaining rows (a loan in good standing, nothing changed)."""
    assert position.loan is not None
    policy = position.policy
    zero = policy.round(ZERO)
    built = Built()
    rows = remaining_rows(position.loan, on)
    for r in rows:
        built.rows.append(PlanRow(len(built.rows) + 1, r.due_date, r.days if built.rows else (r.due_date - on).days,
                                  r.opening_balance, r.payment, r.principal, r.interest, r.fees, r.penalty,
                                  r.closing_balance, zero, zero))
    interest = sum((r.interest for r in rows), zero) - position.accrued_interest
    built.charged = Components(zero, interest, sum((r.penalty for r in rows), zero), sum((r.fees for r in rows), zero))
    built.basis.append(msg("plan.remaining_accrued", n=len(rows), accrued=policy.grouped(position.accrued_interest),
                           on=on) if position.accrued_interest else msg("plan.remaining", n=len(rows)))
    return built


def _owed_text(position: Position, draft: Draft) -> str:
    p = position
    money = p.policy.grouped
    parts = [("principal", p.principal), ("interest", p.interest), ("accrued", p.accrued_interest),
             ("penalty", p.penalty), ("fees", p.fees), ("credit", -p.credit)]
    shown = [msg(f"owed.{k}", amount=money(v)) for k, v in parts if v]
    return msg("owed.line", on=p.as_of, parts=joined(shown, "sep.bounds") if shown else msg("owed.nothing"),
               total=money(p.total))


def _effect(index: int, step: Step, before: Draft, after: Draft) -> str:
    amount_text = after.policy.grouped
    forgiven = after.forgiven.total - before.forgiven.total
    moved = after.capitalised.total - before.capitalised.total
    effects = ([msg("effect.forgives", amount=amount_text(forgiven))] if forgiven else []) \
        + ([msg("effect.moves", amount=amount_text(moved))] if moved else [])
    return msg("effect.step", index=index, text=step.describe(), effects=joined(effects, ""))
