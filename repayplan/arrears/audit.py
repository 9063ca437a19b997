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

from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal

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
    """Compare a claimed total with the statement's payoff amount.

    Readings that account for the difference alone are marked; otherwise the
    first pair, then the first triple of them (in the order listed) that adds
    up to it exactly is reported. Repeated payments of one amount are listed
    once, and count up to three times in a combination.
    """
    rebuilt = st.payoff_amount
    difference = claimed - rebuilt
    candidates, copies = _candidates(st)
    explanations = tuple(Explanation(text, amount, amount == difference and difference != 0)
                         for text, amount in candidates)
    together: tuple[str, ...] = ()
    if difference and not any(e.explains for e in explanations):
        pool = [(text, amount) for e in explanations for text, amount in copies.get(e.text, [(e.text, e.amount)])
                if amount and (amount > 0) == (difference > 0)]
        match = _first_combination([amount for _, amount in pool], difference)
        together = tuple(pool[i][0] for i in match)
    return ClaimAudit(claimed, rebuilt, explanations, together)


def _first_combination(amounts: list[Decimal], target: Decimal) -> tuple[int, ...]:
    """The first pair, else the first triple, of positions (in itertools.combinations order) whose amounts add up
    to ``target``; () if none. Each amount is tried once per place (a later equal one cannot come first), and
    the last place is a look-up, so this is O(n²) in the number of distinct amounts, not O(n³).

    >>> _first_combination([Decimal(5), Decimal(3), Decimal(4), Decimal(2)], Decimal(10))  # 5 + 3 + 2
    (0, 1, 3)
    """
    where: dict[Decimal, list[int]] = {}
    for i, amount in enumerate(amounts):
        where.setdefault(amount, []).append(i)

    def after(amount: Decimal, j: int) -> int | None:
        places = where.get(amount)
        if not places:
            return None
        k = bisect_right(places, j)
        return places[k] if k < len(places) else None

    firsts = [places[0] for places in where.values()]  # each distinct amount at its first position
    for i in firsts:
        j = after(target - amounts[i], i)
        if j is not None:
            return (i, j)
    for i in sorted(firsts):
        seen: set[Decimal] = set()
        for j in range(i + 1, len(amounts)):
            if amounts[j] in seen:
                continue
            seen.add(amounts[j])
            k = after(target - amounts[i] - amounts[j], j)
            if k is not None:
                return (i, j, k)
    return ()


def _candidates(st: Statement) -> tuple[list[tuple[str, Decimal]], dict[str, list[tuple[str, Decimal]]]]:
    """Every reading with what it adds; a payment amount paid more than once is one reading, and ``copies``
    names its first three payments one by one, for combinations (which take up to three)."""
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
    by_amount: dict[Decimal, list[str]] = {}
    for p in payments:
        if p.amount:
            by_amount.setdefault(p.amount, []).append(str(p.date))
    copies: dict[str, list[tuple[str, Decimal]]] = {}
    for amount, dates in by_amount.items():
        money = st.money.grouped(amount)
        if len(dates) == 1:
            text = f"the payment of {money} on {dates[0]} not credited"
        else:
            listed = ", ".join(dates[:3]) + (", ..." if len(dates) > 3 else "")
            text = f"a payment of {money} not credited ({len(dates)} payments of that amount: {listed})"
            copies[text] = [(f"the payment of {money} on {day} not credited", amount) for day in dates[:3]]
        out.append((text, amount))
    return [(text, amount) for text, amount in out if amount], copies
