"""Plans side by side: the contract as it stands, then each restructuring.

:func:`plan_metrics` computes the figures of one plan; :func:`evaluate` is
position + steps → (plan, metrics) in one call (the negotiator's inner
loop); :func:`compare` runs a case's scenarios and the contract.

The borrower's effective annual cost is the actuarial rate (XIRR) of the
cash flows with the position total on the restructuring date as the amount
financed; the creditor's NPV discounts the payments at its cost of funds
(an annual effective rate) to that date; recovery is NPV ÷ position total.

>>> from datetime import date
>>> from repayplan import Loan, parse_rate
>>> from repayplan.restructure import SetRate, Term
>>> loan = Loan(Decimal("12000"), parse_rate("12%"), 12, start=date(2025, 1, 1))
>>> debt = LoanHistory(loan)
>>> plan, m = evaluate(debt.position(loan.start), [SetRate(parse_rate("0%")), Term(24)],
...                    Borrower(Decimal("5000")), Creditor(Decimal("0.06")), debt.contract(loan.start))
>>> m.first_payment, m.total_interest, m.saving  # 12,000 ÷ 24; the contract's 11 × 1,066.19 + 1,066.14 − 12,000
(Decimal('500.00'), Decimal('0.00'), Decimal('794.23'))
>>> m.payment_to_income, m.annual_cost  # 500 ÷ 5,000; no interest: 0%
(Decimal('0.1'), Decimal('0E-8'))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from .errors import CaseFileError, InputError, Problem, problems_of
from .metrics import annual_rate, npv
from .model import LoanHistory, Position, Scenario
from .money import WORKING, ZERO
from .plans import Borrower, Creditor, Plan
from .text import joined, msg

if TYPE_CHECKING:
    from .restructure.steps import Step

__all__ = ["Borrower", "Comparison", "Creditor", "PlanMetrics", "annual_cost", "compare",
           "evaluate", "plan_metrics"]


@dataclass(frozen=True)
class PlanMetrics:
    """The figures of one plan (amounts exact; rates and ratios as fractions).

    ``annual_cost`` is None when the flows have no rate (everything paid on
    the restructuring date); ratios are None when their inputs are unknown.
    """

    total_payment: Decimal
    total_principal: Decimal
    total_interest: Decimal
    total_penalty: Decimal
    total_fees: Decimal
    forgiven: Decimal
    forgiven_principal: Decimal
    forgiven_interest: Decimal
    forgiven_penalty: Decimal
    forgiven_fees: Decimal
    payments: int
    first_payment: Decimal | None
    largest_payment: Decimal | None
    smallest_payment: Decimal | None
    first_due: date | None
    payoff_date: date | None
    settlement: Decimal | None
    lump_sum: Decimal
    position_total: Decimal
    annual_cost: Decimal | None
    discount_rate: Decimal
    creditor_npv: Decimal
    recovery: Decimal | None
    cash_recovery: Decimal | None
    largest_installment: Decimal | None
    payment_to_income: Decimal | None
    payment_to_budget: Decimal | None
    lump_sum_shortfall: Decimal | None
    meets_min_recovery: bool | None
    saving: Decimal | None


def plan_metrics(plan: Plan, borrower: Borrower | None = None, creditor: Creditor | None = None,
                 contract: Plan | None = None) -> PlanMetrics:
    """Every comparison figure of a plan; ``contract`` gives the saving."""
    borrower = borrower or Borrower()
    creditor = creditor or Creditor()
    money = plan.policy
    zero = money.round(ZERO)
    paid = plan.paid
    payments = plan.payments
    amounts = [r.payment for r in payments]
    total = plan.position.total
    flows = [(r.due_date, r.payment) for r in payments]
    cost = annual_cost(plan, flows)
    rate = creditor.discount_rate or ZERO
    value = money.round(npv(flows, rate, plan.on)) if flows else zero
    regular = [r.payment for r in payments[1:]] if plan.lump_sum > 0 else amounts
    largest = max(regular) if regular else None
    per_year = plan.position.loan.periods_per_year if plan.position.loan else 12
    monthly = WORKING.divide(largest * per_year, Decimal(12)) if largest is not None else None
    budget = borrower.budget
    return PlanMetrics(
        total_payment=plan.total_payment + zero, total_principal=paid.principal + zero,
        total_interest=paid.interest + zero, total_penalty=paid.penalty + zero, total_fees=paid.fees + zero,
        forgiven=plan.forgiven.total + zero, forgiven_principal=plan.forgiven.principal + zero,
        forgiven_interest=plan.forgiven.interest + zero, forgiven_penalty=plan.forgiven.penalty + zero,
        forgiven_fees=plan.forgiven.fees + zero,
        payments=len(payments), first_payment=amounts[0] if amounts else None,
        largest_payment=max(amounts) if amounts else None, smallest_payment=min(amounts) if amounts else None,
        first_due=payments[0].due_date if payments else None, payoff_date=plan.payoff_date,
        settlement=plan.settlement, lump_sum=plan.lump_sum + zero, position_total=total + zero,
        annual_cost=cost, discount_rate=rate, creditor_npv=value,
        recovery=_ratio(value, total), cash_recovery=_ratio(plan.total_payment, total),
        largest_installment=largest,
        payment_to_income=_ratio(monthly, borrower.monthly_income),
        payment_to_budget=_ratio(monthly, budget),
        lump_sum_shortfall=(max(zero, plan.lump_sum - borrower.lump_sum) + zero
                            if borrower.lump_sum is not None and plan.lump_sum > 0 else None),
        meets_min_recovery=(None if creditor.min_recovery is None or total <= 0
                            else value >= money.round(_recovery_base(plan, creditor) * creditor.min_recovery)),
        saving=contract.total_payment - plan.total_payment + zero if contract is not None else None,
    )


def annual_cost(plan: Plan, flows: Sequence[tuple[date, Decimal]] | None = None) -> Decimal | None:
    """The borrower's effective annual cost of a plan: the XIRR of the position total lent on the plan's
    date against its payments (``flows``: (due date, payment) of :attr:`Plan.payments`, when the caller
    has them); None when nothing owed or everything is paid on that date."""
    if flows is None:
        flows = [(r.due_date, r.payment) for r in plan.payments]
    total = plan.position.total
    if total > 0 and flows and any(day != plan.on for day, _ in flows):
        return annual_rate([(plan.on, -total), *flows])
    return None


def _recovery_base(plan: Plan, creditor: Creditor) -> Decimal:
    """What the creditor's minimum recovery is a share of: the position, or its principal."""
    return plan.position.principal if creditor.recovery_base == "principal" else plan.position.total


def _ratio(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or whole is None or whole <= 0:
        return None
    return WORKING.divide(part, whole).quantize(Decimal("1e-6"), context=WORKING).normalize()


def evaluate(position: Position, steps: Sequence[Step], borrower: Borrower | None = None,
             creditor: Creditor | None = None, contract: Plan | None = None, name: str = "",
             label: str = "", allocation: Sequence[str] | None = None) -> tuple[Plan, PlanMetrics]:
    """Apply steps to a position and compute the plan's figures (errors are
    one-line InputErrors naming the step). The creditor's ``max_term``
    caps the plan; ``allocation`` is the case's allocation order
    (:attr:`LoanHistory.allocation`)."""
    from .restructure import apply

    creditor = creditor or Creditor()
    plan = apply(position, steps, name=name, label=label, max_months=creditor.max_term, allocation=allocation)
    return plan, plan_metrics(plan, borrower, creditor, contract)


@dataclass(frozen=True)
class Comparison:
    """The contract and the scenarios, each with its figures, and the
    assumptions behind them (for people)."""

    on: date
    position: Position
    plans: tuple[Plan, ...]
    metrics: tuple[PlanMetrics, ...]
    borrower: Borrower = field(default_factory=Borrower)
    creditor: Creditor = field(default_factory=Creditor)
    notes: tuple[str, ...] = ()

    @property
    def currency(self) -> str:
        return self.position.policy.currency


def compare(debt: LoanHistory, scenarios: Sequence[Scenario], on: date, borrower: Borrower | None = None,
            creditor: Creditor | None = None) -> Comparison:
    """The contract as it stands on ``on``, then every scenario (each on its
    own date, default ``on``), with their figures. Every scenario's problem
    is reported at once.

    Plans are measured alike from the earliest plan date: every NPV is
    discounted to it, recovery is a share of what was owed then, and every
    saving is against the contract shown (from ``on``). A plan starting
    later counts the installments a loan without history pays on schedule
    before it starts. A scenario may not start before the last payment in
    the history (that payment would drop out)."""
    from .restructure import apply

    borrower = borrower or Borrower()
    creditor = creditor or Creditor()
    positions: dict[date, Position] = {on: debt.position(on)}
    plans: list[Plan] = []
    problems: list[Problem] = []
    latest = max((p.date for p in debt.payments), default=None)
    for scenario in scenarios:
        day = scenario.on or on
        label = scenario.label or f'"{scenario.name}"'
        if day < debt.loan.start:
            problems.append(Problem(path=label, message=msg("err.scenario_before_start", day=day,
                                                            start=debt.loan.start), hint=msg("err.on_or_after")))
            continue
        if scenario.on is not None and latest is not None and day < latest:
            problems.append(Problem(path=label, message=msg("err.scenario_before_payment", day=day, last=latest)))
            continue
        try:
            if day not in positions:
                positions[day] = debt.position(day)
            plans.append(apply(positions[day], scenario.steps, name=scenario.name, label=label,
                               max_months=creditor.max_term, allocation=debt.allocation))
        except InputError as exc:
            problems.extend(problems_of(exc))
    if problems:
        raise CaseFileError(problems)
    longest = max((plan.payoff_date for plan in plans if plan.payoff_date is not None), default=None)
    contract = debt.contract(on, until=longest)  # a matured loan's penalty runs as long as the longest plan
    plans.insert(0, contract)
    ref = min(plan.on for plan in plans)
    if ref not in positions:
        positions[ref] = debt.position(ref)
    leads = [_paid_before(debt, ref, plan.on) for plan in plans]
    contract_cash = contract.total_payment + sum((a for _, a in leads[0]), ZERO)
    metrics = [_measured(plan, plan_metrics(plan, borrower, creditor), ref, positions[ref], lead, contract_cash,
                         creditor) for plan, lead in zip(plans, leads, strict=True)]
    return Comparison(on, positions[on], tuple(plans), tuple(metrics), borrower, creditor,
                      _notes(debt, positions[on], contract, creditor, on, ref, positions[ref], plans))


def _paid_before(debt: LoanHistory, ref: date, day: date) -> list[tuple[date, Decimal]]:
    """What a plan starting on ``day`` takes as paid after ``ref``: a loan
    without history is paid on schedule up to its date; with a history,
    nothing is paid but what it records (all on or before ``ref``)."""
    if day <= ref or debt.has_history:
        return []
    from .restructure import remaining_rows

    return [(r.due_date, r.payment) for r in remaining_rows(debt.loan, ref) if r.due_date <= day]


def _measured(plan: Plan, figures: PlanMetrics, ref: date, owed: Position, lead: Sequence[tuple[date, Decimal]],
              contract_cash: Decimal, creditor: Creditor) -> PlanMetrics:
    """A plan's NPV, recovery and saving measured from ``ref`` (what was
    ``owed`` then), counting the payments ``lead`` made before it starts."""
    from dataclasses import replace

    money = plan.policy
    zero = money.round(ZERO)
    cash = plan.total_payment + sum((a for _, a in lead), ZERO)
    saving = contract_cash - cash + zero
    if not lead and ref == plan.on:  # measured from its own date already: plan_metrics' figures stand
        return replace(figures, saving=saving)
    flows = [*lead, *((r.due_date, r.payment) for r in plan.payments)]
    rate = creditor.discount_rate or ZERO
    value = money.round(npv(flows, rate, ref)) if flows else zero
    total = owed.total
    base = owed.principal if creditor.recovery_base == "principal" else total
    meets = (None if creditor.min_recovery is None or total <= 0
             else value >= money.round(base * creditor.min_recovery))
    return replace(figures, creditor_npv=value, recovery=_ratio(value, total), meets_min_recovery=meets,
                   saving=saving)


def _notes(debt: LoanHistory, position: Position, contract: Plan, creditor: Creditor, on: date, ref: date,
           owed_then: Position, plans: Sequence[Plan]) -> tuple[str, ...]:
    from .rates import percent_text

    money = position.policy.grouped
    notes: list[str] = [msg("cmpnote.position", on=on, total=money(position.total)),
                        msg("cmpnote.contract", basis=contract.basis[-1])]
    if creditor.discount_rate is None:
        notes.append(msg("cmpnote.npv_zero"))
    else:
        notes.append(msg("cmpnote.npv", rate=percent_text(creditor.discount_rate), ref=ref))
    if any(plan.on != on for plan in plans):
        dated = joined([msg("cmpnote.plan_from", name=plan.name, on=plan.on) for plan in plans if plan.on != on],
                       "sep.comma")
        notes.append(msg("cmpnote.dates_later" if not debt.has_history else "cmpnote.dates", dated=dated, ref=ref,
                         owed=money(owed_then.total), on=on))
    notes.append(msg("cmpnote.frozen"))
    return tuple(notes)
