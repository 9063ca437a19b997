"""The state of a restructuring while its steps replay, and the steps that
change what is owed on the restructuring date (waive, capitalise, haircut,
set-rate). Each returns a new :class:`Draft`; nothing is mutated.

>>> from datetime import date
>>> from repayplan.model import Position
>>> from .steps import Waive
>>> d = Draft.start(Position(date(2026, 1, 1), Decimal("1000.00"), penalty=Decimal("80.00"), fees=Decimal("20.00")))
>>> d = waive(d, Waive(("penalty", "fees"), percent=Decimal("0.5")))
>>> d.penalty, d.fees, d.forgiven.total
(Decimal('40.00'), Decimal('10.00'), Decimal('50.00'))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from ..model import Position
from ..money import ZERO, MoneyPolicy
from ..plans import Components
from ..rates import Rate
from .steps import Capitalise, Haircut, Step, Waive


class StepFailure(Exception):
    """A step cannot apply; the message says why and how to fix it (apply
    adds which scenario and which step: ``index``, 1-based, when known)."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


#: Draft attribute -> the component it belongs to.
COMPONENT_OF = {"principal": "principal", "interest": "interest", "accrued": "interest", "penalty": "penalty",
                "fees": "fees"}
#: What a name in a waive or capitalise list reaches, in order.
REACH = {"penalty": ("penalty",), "fees": ("fees",), "interest": ("interest", "accrued"), "accrued": ("accrued",)}
#: The allocation order when the case gives none: ``[penalty] allocation``'s default, the Civil Code's
#: (art. 561: costs, interest, then principal; penalty interest after the contractual interest).
DEFAULT_ALLOCATION = ("fees", "interest", "penalty", "principal")


def draft_order(allocation: tuple[str, ...]) -> tuple[str, ...]:
    """Draft attributes in allocation order (overdue interest before accrued).

    >>> draft_order(("fees", "interest", "penalty", "principal"))
    ('fees', 'interest', 'accrued', 'penalty', 'principal')
    """
    return tuple(a for c in allocation for a in (REACH[c] if c == "interest" else (c,)))


@dataclass(frozen=True)
class Draft:
    """What is owed now by component (``interest`` overdue, ``accrued`` not
    yet due), what has been forgiven and capitalised, and the plan's terms
    so far. ``allocation`` is the order payments pay the components (a
    tuple such as ("fees", "interest", "penalty", "principal"): the case's
    ``[penalty] allocation``), used by the credit, a settlement sum and the
    installments paying frozen arrears. ``installment_fee`` is the plan's own
    fee on every installment:
    none unless a term, payment or step-up step sets one (the contract's
    fee is not carried over)."""

    policy: MoneyPolicy
    principal: Decimal
    interest: Decimal
    accrued: Decimal
    penalty: Decimal
    fees: Decimal
    rate: Rate | None
    installment_fee: Decimal
    forgiven: Components = field(default_factory=Components)
    capitalised: Components = field(default_factory=Components)
    credit: Components = field(default_factory=Components)
    phases: tuple[Step, ...] = ()
    repay: Step | None = None
    repay_index: int = 0
    changed: bool = False
    notes: tuple[str, ...] = ()
    allocation: tuple[str, ...] = DEFAULT_ALLOCATION

    @classmethod
    def start(cls, position: Position, allocation: Sequence[str] | None = None) -> Draft:
        """The position's amounts, its credit paying them in the allocation
        order (as a payment on the day would; default the Civil Code's)."""
        from ..arrears import allocation_order

        order = allocation_order(list(allocation)) if allocation is not None else DEFAULT_ALLOCATION
        policy = position.policy
        loan = position.loan
        r = policy.round
        draft = cls(policy, r(position.principal), r(position.interest), r(position.accrued_interest),
                    r(position.penalty), r(position.fees), loan.rate if loan else None, r(ZERO), allocation=order)
        left = position.credit
        credit = Components()
        for attr in draft_order(order):
            take = min(left, getattr(draft, attr))
            if take > 0:
                draft = replace(draft, **{attr: getattr(draft, attr) - take})
                credit = credit.add(COMPONENT_OF[attr], take)
                left -= take
        if left > 0:
            raise StepFailure(f"the position's credit {policy.grouped(position.credit)} is more than everything "
                              "owed; there is nothing to restructure")
        return replace(draft, credit=credit)

    @property
    def owed(self) -> Decimal:
        return self.principal + self.interest + self.accrued + self.penalty + self.fees

    @property
    def frozen(self) -> Components:
        """Overdue interest, penalty and fees still on the books: carried into
        the plan interest-free unless waived or capitalised. (Interest accrued
        but not yet due is not frozen: it falls due with the plan's first
        payment, as it would under the contract.)"""
        return Components(ZERO, self.interest, self.penalty, self.fees)


def waive(draft: Draft, step: Waive) -> Draft:
    """Forgive in full, by a percentage of each named part, or an amount
    taken from the parts in the order named."""
    policy = draft.policy
    if "installment-fee" in step.what:
        draft = replace(draft, installment_fee=policy.round(ZERO), changed=True)
    names = [w for w in step.what if w != "installment-fee"]
    if not names:
        return draft
    if step.amount is not None:
        available = sum((getattr(draft, a) for w in names for a in REACH[w]), ZERO)
        if step.amount > available:
            money = policy.grouped
            raise StepFailure(f"amount {money(step.amount)} is more than the {money(available)} of "
                              f"{' and '.join(names)} owed; give at most {money(available)}, or waive in full")
        left = step.amount
        for w in names:
            for attr in REACH[w]:
                take = min(left, getattr(draft, attr))
                draft, left = _forgive(draft, attr, take), left - take
        return draft
    for w in names:
        owed = sum((getattr(draft, a) for a in REACH[w]), ZERO)
        left = owed if step.percent is None else policy.round(owed * step.percent)
        for attr in REACH[w]:
            take = min(left, getattr(draft, attr))
            draft, left = _forgive(draft, attr, take), left - take
    return draft


def _forgive(draft: Draft, attr: str, amount: Decimal) -> Draft:
    if amount <= 0:
        return draft
    return replace(draft, **{attr: getattr(draft, attr) - amount},
                   forgiven=draft.forgiven.add(COMPONENT_OF[attr], amount), changed=True)


def capitalise(draft: Draft, step: Capitalise) -> Draft:
    """Move owed interest (and fees) into principal."""
    for w in step.what:
        for attr in REACH[w]:
            amount = getattr(draft, attr)
            if amount > 0:
                cleared: dict[str, Any] = {attr: ZERO}
                draft = replace(draft, principal=draft.principal + amount, **cleared,
                                capitalised=draft.capitalised.add(COMPONENT_OF[attr], amount), changed=True)
    return draft


def haircut(draft: Draft, step: Haircut) -> Draft:
    """Forgive part of the principal."""
    if step.amount is not None:
        if step.amount > draft.principal:
            raise StepFailure(f"amount {draft.policy.grouped(step.amount)} is more than the principal "
                              f"{draft.policy.grouped(draft.principal)}; give at most that")
        cut = step.amount
    else:
        cut = draft.policy.round(draft.principal * (step.percent or ZERO))
    return _forgive(draft, "principal", cut)


def set_rate(draft: Draft, rate: Rate) -> Draft:
    return replace(draft, rate=rate, changed=True)
