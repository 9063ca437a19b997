"""Claim audit: a creditor's stated total against the rebuilt one, and the
usual ways a collection notice arrives at a higher (or lower) figure.

Each explanation is a recomputation under another reading of the contract
(penalty on the full balance, compounding, counting the payment day, no
grace ...) or an amount a notice may add (future interest charged now, a
payment not credited). Those that account for the difference exactly, alone
or together, are marked.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> from repayplan.arrears import PenaltyPolicy, statement
>>> loan = Loan(Decimal("10000"), parse_rate("0%"), 10, start=date(2024, 12, 15))
>>> st = statement(loan, [], PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment"), date(2025, 2, 14))
>>> audit = audit_claim(st, Decimal("10150.00"))   # rebuilt: 10,000.00 + 15.00 penalty
>>> audit.difference, [e.text for e in audit.explanations if e.explains]
(Decimal('135.00'), ['penalty on the whole outstanding balance (全额罚息) instead of overdue-installment'])
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import combinations

from ..money import ZERO
from .engine import statement
from .statement import Statement


@dataclass(frozen=True)
class Explanation:
    """A possible source of the difference and how much it would add."""

    text: str
    amount: Decimal
    explains: bool = False


@dataclass(frozen=True)
class ClaimAudit:
    claimed: Decimal
    rebuilt: Decimal
    explanations: tuple[Explanation, ...]
    together: tuple[str, ...] = ()  # a combination that accounts for the difference exactly

    @property
    def difference(self) -> Decimal:
        """Claimed minus rebuilt: positive when the creditor asks for more."""
        return self.claimed - self.rebuilt

    @property
    def explained(self) -> bool:
        return self.difference == 0 or any(e.explains for e in self.explanations) or bool(self.together)


def audit_claim(st: Statement, claimed: Decimal) -> ClaimAudit:
    """Compare a claimed total with the statement's payoff amount."""
    rebuilt = st.payoff_amount
    difference = claimed - rebuilt
    candidates = _candidates(st)
    explanations = tuple(Explanation(text, amount, amount == difference and difference != 0)
                         for text, amount in candidates)
    together: tuple[str, ...] = ()
    if difference and not any(e.explains for e in explanations):
        useful = [e for e in explanations if e.amount and (e.amount > 0) == (difference > 0)]
        for size in (2, 3):
            match = next((combo for combo in combinations(useful, size)
                          if sum((e.amount for e in combo), ZERO) == difference), None)
            if match:
                together = tuple(e.text for e in match)
                break
    return ClaimAudit(claimed, rebuilt, explanations, together)


def _candidates(st: Statement) -> list[tuple[str, Decimal]]:
    loan, policy, payments, as_of = st.loan, st.penalty, list(st.payments), st.as_of
    base = st.payoff_amount
    out: list[tuple[str, Decimal]] = []

    def variant(text: str, **changes: object) -> None:
        other = statement(loan, payments, replace(policy, **changes), as_of)  # type: ignore[arg-type]
        out.append((text, other.payoff_amount - base))

    future = [x for x in st.lines if not x.is_due]
    future_interest = sum((x.interest for x in future), ZERO) - st.accrued_interest
    if future_interest > 0:
        out.append(("interest of installments not yet due charged now (acceleration without discount)",
                    future_interest))
    future_fees = sum((x.installment_fee for x in future), ZERO)
    if future_fees > 0:
        out.append(("installment fees of installments not yet due charged now", future_fees))
    if st.total_due != base:
        out.append(("the claim is only what is past due, not the payoff", st.total_due - base))
    if policy.rate is not None:
        if policy.base != "outstanding":
            variant(f"penalty on the whole outstanding balance (全额罚息) instead of {policy.base}", base="outstanding")
        if policy.base == "overdue-principal" and not policy.compound:
            variant("penalty also on unpaid interest (compound interest, 复利)", compound=True)
        if not policy.count_payment_day:
            variant("the payment day counted as a penalty day too", count_payment_day=True)
        if policy.grace_days:
            variant("no grace days", grace_days=0)
        if policy.grace_mode == "shift" and policy.grace_days:
            variant("penalty from the due date rather than after the grace days", grace_mode="waive")
    for p in payments:
        if p.amount:
            out.append((f"the payment of {st.money.grouped(p.amount)} on {p.date} not credited", p.amount))
    return [(text, amount) for text, amount in out if amount]
