"""The contract as it stands: what the debt costs if nothing is agreed.

A loan in good standing simply keeps its schedule. A loan in arrears is
costed with the arrears engine under this assumption: from the date on, the
borrower pays every remaining installment in full on its due date (the
allocation order decides what each payment clears first, so old arrears
are paid before the new installment and penalty keeps running on what is
left), and at maturity pays everything still owed, penalty accrued to that
day included. A loan past its maturity has no installments left: penalty
keeps running under the penalty terms until it is paid in full on a horizon
(``until``: in ``compare``, the payoff date of the longest plan compared, so
doing nothing is costed over as long as any plan runs); without a horizon it
is settled in full on the date.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> from repayplan.arrears import PenaltyPolicy
>>> loan = Loan(Decimal("3000"), parse_rate("0%"), 3, start=date(2025, 1, 1))
>>> penalty = PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment")
>>> plan = contract_plan(loan, [], penalty, date(2025, 2, 11))  # installment 1 (1,000.00) is 10 days late
>>> [(str(r.due_date), str(r.payment)) for r in plan.rows]
[('2025-03-01', '1000.00'), ('2025-04-01', '2029.72')]

By hand (civil-code order: oldest installment first, penalty before
principal): on 1 Mar the 1,000.00 pays installment 1's penalty 1,000 ×
0.05% × 28 days = 14.00 and 986.00 of its principal; on 1 Apr it pays
14.00 × 0.05% × 31 = 0.22 and the 14.00 left, then installment 2's penalty
1,000 × 0.05% × 31 = 15.50 and 970.28 of its principal; 29.72 + 1,000.00
are still owed at maturity.

>>> plan.position.penalty, plan.charged.penalty  # 10 days (5.00) owed on 11 Feb; 29.72 − 5.00 more after
(Decimal('5.00'), Decimal('24.72'))
>>> plan.problems()
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import RepayplanError
from ..model import Loan, Position
from ..money import ZERO
from ..plans import COMPONENT_FIELDS, Components, Plan, PlanRow
from ..text import msg
from .apply import apply
from .position import performing_position, remaining_rows

if TYPE_CHECKING:
    from ..arrears.policy import Payment, PenaltyPolicy

CONTRACT = "Contract as it stands"

ASSUMPTION = msg("contract.assumption")
MATURED = "contract.matured"  # a label key: the day everything is paid is its argument


def contract_plan(loan: Loan, payments: Sequence[Payment] = (), penalty: PenaltyPolicy | None = None,
                  on: date | None = None, name: str = CONTRACT, *, until: date | None = None) -> Plan:
    """The contract as it stands from ``on``: the schedule of a loan in good
    standing, or the arrears engine's costing of one in arrears (see the
    module's note). ``payments`` and ``penalty`` as for
    :func:`repayplan.arrears.statement`; none of either means the loan is
    taken as paid on schedule up to ``on``. ``until``: for a loan past its
    maturity, the day everything is paid, penalty running until then
    (``compare`` gives the payoff date of the longest plan; default ``on``)."""
    from ..arrears import Payment, statement
    from ..arrears.figures import figures  # the statement's figures, to the cent, without its lines

    on = on or loan.start
    if not payments and penalty is None:
        plan = apply(performing_position(loan, on), [], name=name)
        return _as_contract(plan, msg("contract.no_history", on=on))
    costing = _to_maturity(loan, payments, penalty, on, until)
    policy, history, position, planned, future, maturity = (
        costing.policy, costing.history, costing.position, costing.planned, costing.future, costing.maturity)
    if maturity is None:
        return _settled_now(position, on, name, policy.allocation)
    money = loan.policy
    zero = money.round(ZERO)
    left = figures(loan, history + planned, policy, maturity).position.total
    final = [Payment(maturity, left, "everything still owed")] if left > 0 else []
    end = statement(loan, history + planned + final, policy, maturity)
    if end.position.total != 0:  # pragma: no cover - the engine settles what it says is owed
        raise RepayplanError(f"internal error: the contract costing leaves {end.position.total} unpaid")
    parts: dict[date, Components] = {}
    used = Components()
    for a in end.applications:
        if a.date <= on:
            continue
        if a.source == "credit":
            used = used.add(a.component, a.amount)
        else:
            parts[a.date] = parts.get(a.date, Components()).add(a.component, a.amount)
    rows: list[PlanRow] = []
    balance = position.principal - used.principal
    previous = on
    for day in sorted(parts):
        c = parts[day]
        rows.append(PlanRow(len(rows) + 1, day, (day - previous).days, balance, c.total + zero, c.principal + zero,
                            c.interest + zero, c.fees + zero, c.penalty + zero, balance - c.principal, zero, zero))
        balance -= c.principal
        previous = day
    paid = Components(*(sum((getattr(r, k) for r in rows), zero) for k in COMPONENT_FIELDS))
    owed = Components(position.principal, position.interest + position.accrued_interest, position.penalty,
                      position.fees)
    charged = paid + used - owed
    how = (msg("contract.how", n=len(planned), left=money.grouped(left), maturity=maturity) if future
           else msg("contract.how_matured", left=money.grouped(left), maturity=maturity))
    plan = Plan(name, position, on, (), tuple(rows), credit=used, rate=loan.rate, kind="contract",
                charged=Components(zero, *(charged.get(c) for c in COMPONENT_FIELDS[1:])),
                basis=(msg("contract.owed_statement", on=on, total=money.grouped(position.total)), how,
                       ASSUMPTION if future else msg(MATURED, until=maturity)))
    return plan


def contract_cash(loan: Loan, payments: Sequence[Payment] = (), penalty: PenaltyPolicy | None = None,
                  on: date | None = None, *, until: date | None = None, position: Position | None = None) -> Decimal:
    """``contract_plan(loan, payments, penalty, on, until=until).total_payment``, to the cent, without its
    rows: one figures-only replay to maturity of the history and the installments paid on their due dates
    (what each left over as credit is not paid to the debt: it pays later installments as credit, which the
    plan does not count as cash either), plus everything still owed then. ``position``: the statement's
    position on ``on`` when known already (``figures(loan, history, penalty, on).position``).

    >>> from repayplan import parse_rate
    >>> from repayplan.arrears import PenaltyPolicy
    >>> loan = Loan(Decimal("3000"), parse_rate("0%"), 3, start=date(2025, 1, 1))
    >>> penalty = PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment")
    >>> contract_cash(loan, [], penalty, date(2025, 2, 11))  # 1,000.00 + 2,029.72, as in the module's note
    Decimal('3029.72')
    """
    from ..arrears.engine import checked_payments
    from ..arrears.figures import owed_total

    on = on or loan.start
    if not payments and penalty is None:
        return contract_plan(loan, payments, penalty, on, until=until).total_payment
    costing = _to_maturity(loan, payments, penalty, on, until, position)
    policy, history, planned, maturity = costing.policy, costing.history, costing.planned, costing.maturity
    if maturity is None:
        return _settled_now(costing.position, on, CONTRACT, policy.allocation).total_payment
    zero = loan.policy.round(ZERO)
    left, to_credit = owed_total(loan, checked_payments(loan, history) + planned, policy, maturity)
    paid = sum((p.amount for p in planned), zero) - sum(to_credit[len(history):], zero)
    return paid + left + zero if left > 0 else paid + zero


@dataclass(frozen=True)
class _Costing:
    """What the contract as it stands is costed from: the penalty terms, the history up to the date, the
    position then, the installments the borrower pays from it (credit held pays the first ones), whether
    the contract has installments left, and the day everything left is paid (None: settled on the date,
    nothing owed or nothing left to wait for)."""

    policy: PenaltyPolicy
    history: list[Payment]
    position: Position
    planned: list[Payment] = field(default_factory=list)
    future: bool = False
    maturity: date | None = None


def _to_maturity(loan: Loan, payments: Sequence[Payment], penalty: PenaltyPolicy | None, on: date,
                 until: date | None, position: Position | None = None) -> _Costing:
    """The :class:`_Costing` of a loan with a history on ``on``."""
    from ..arrears import Payment, PenaltyPolicy
    from ..arrears.figures import figures

    policy = penalty if isinstance(penalty, PenaltyPolicy) else PenaltyPolicy()
    history = sorted((p for p in payments if p.date <= on), key=lambda p: p.date)
    if position is None:
        position = figures(loan, history, policy, on).position
    future = remaining_rows(loan, on)
    if position.total <= 0 or (not future and (until is None or until <= on)):
        return _Costing(policy, history, position)
    credit = position.credit
    planned = []
    for r in future:
        use = min(credit, r.payment)
        credit -= use
        if r.payment - use > 0:
            planned.append(Payment(r.due_date, r.payment - use, "installment"))
    return _Costing(policy, history, position, planned, bool(future), future[-1].due_date if future else until)


def _as_contract(plan: Plan, note: str) -> Plan:
    from dataclasses import replace

    return replace(plan, kind="contract", basis=plan.basis + (note,))


def _settled_now(position: object, on: date, name: str, allocation: Sequence[str]) -> Plan:
    """A loan past its maturity (or owing nothing): everything paid on the
    date, the credit applied in the allocation order."""
    from ..model import Position

    assert isinstance(position, Position)
    money = position.policy
    zero = money.round(ZERO)
    credit = position.credit
    owed = {"fees": position.fees, "penalty": position.penalty,
            "interest": position.interest + position.accrued_interest, "principal": position.principal}
    used = Components()
    for k in allocation:
        take = min(credit, owed[k])
        credit -= take
        owed[k] -= take
        used = used.add(k, take)
    total = sum(owed.values(), zero)
    rows = () if total <= 0 else (PlanRow(1, on, 0, owed["principal"] + zero, total, owed["principal"] + zero,
                                          owed["interest"] + zero, owed["fees"] + zero, owed["penalty"] + zero,
                                          zero, zero, zero),)
    return Plan(name, position, on, (), rows, credit=used, rate=position.loan.rate if position.loan else None,
                kind="contract", basis=(msg("contract.owed", on=on, total=money.grouped(position.total)),
                                        msg("contract.matured_now", on=on)))

