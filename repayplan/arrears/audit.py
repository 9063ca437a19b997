"""Claim audit: a collection notice's figure against the statement rebuilt
from the contract, and the readings of the contract that produce it.

Public shape (stable; the dispute letter is built from it):

* :func:`audit` ``(loan, payments, policy, claim, *, cap=None, budget=0.35) -> ClaimAudit``,
  :func:`audit_claim` ``(statement, amount, on=None, ...)`` the same from a statement;
* :class:`Claim` ``(amount, on)``: the notice's figure and the date it was stated on (``claimed_on``);
* :class:`ClaimAudit`: ``claimed``, ``claimed_on``, ``rebuilt`` (a :class:`~.readings.Rebuild`: the
  contract's figures on ``claimed_on``, ``past_due`` and ``payoff``, each a :class:`~.readings.Figures`
  with ``principal``, ``interest``, ``penalty``, ``fees``, ``credit``, ``total``), ``explanations`` (each an
  :class:`Explanation`: ``readings``, ``basis`` "past-due" or "payoff", the rebuilt ``figures`` by component
  and ``difference`` from the contract's figures), ``singles`` (every single penalty reading and the
  acceleration, rebuilt, whether it explains or not), ``maximum`` (when nothing explains: the payoff with
  every penalty reading at its dearest) and ``exceeds_maximum``, the search's budget (``tried`` rebuilds,
  ``cut_short``, ``complete``: every set of up to that many readings was tried; ``bounded``: three payments
  missing together were not tried, more than 40 could be missing), ``cap`` (a
  :class:`CapView` when a legal cap is given), ``money`` and ``policy`` (the contract's penalty terms,
  which each reading departs from);
* a :class:`~.readings.Reading` is data (``kind``, ``value``, ``payment``, ``amount``, ``paid_on``,
  ``on``); the words are in the labels (``report/statement.py`` renders them in both languages).

Every reading is *replayed*: the statement is rebuilt under it (and under
each combination of up to three), never an amount added to the contract's.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> from repayplan.arrears import PenaltyPolicy, statement
>>> loan = Loan(Decimal("10000"), parse_rate("0%"), 10, start=date(2024, 12, 15))
>>> st = statement(loan, [], PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment"), date(2025, 2, 14))
>>> a = audit_claim(st, Decimal("10150.00"))   # rebuilt: 10,000.00 + 1,000.00 × 0.05% × 30 = 10,015.00
>>> e = a.explanations[0]                       # full balance: 10,000.00 × 0.05% × 30 = 150.00
>>> [(r.kind, r.value) for r in e.readings], e.basis, e.figures.penalty, e.difference
([('base', 'outstanding')], 'payoff', Decimal('150.00'), Decimal('135.00'))
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..legal import Cap, check_cap, cost_flows
from ..metrics import npv
from ..model import Loan
from ..money import MoneyPolicy
from .policy import Payment, PenaltyPolicy
from .readings import CLAIM_BASES, Figures, Reading, Rebuild
from .search import MAX_EXPLANATIONS, Claim, Explanation, Search
from .statement import Statement


@dataclass(frozen=True)
class CapView:
    """The claim against a legal cap on the cost of credit: ``ceiling`` is the most that may be claimed on the
    claim's date (the payoff at which the cost of credit is exactly the cap); ``above`` what the claim exceeds
    it by (0 when within); ``contract_above`` what the contract's own payoff exceeds the cap by (actuarial)."""

    cap: Cap
    ceiling: Decimal
    above: Decimal
    contract_above: Decimal


@dataclass(frozen=True)
class ClaimAudit:
    claimed: Decimal
    claimed_on: date
    rebuilt: Rebuild
    explanations: tuple[Explanation, ...]
    singles: tuple[Rebuild, ...]
    maximum: Rebuild | None
    tried: int
    cut_short: bool
    complete: int  # every set of up to this many readings was tried (3, or less when cut short or bounded)
    cap: CapView | None
    money: MoneyPolicy
    policy: PenaltyPolicy  # the contract's penalty terms (what each reading departs from)
    bounded: bool = False  # three payments missing together not tried: more than MAX_TRIPLE_POOL could be missing

    @property
    def explained(self) -> bool:
        return bool(self.explanations)

    @property
    def basis(self) -> str:
        """The basis of the first explanation, else the basis whose figure is nearer the claim."""
        if self.explanations:
            return self.explanations[0].basis
        return min(CLAIM_BASES, key=lambda b: abs(self.claimed - self.rebuilt.figures(b).total))

    @property
    def difference(self) -> Decimal:
        """Claimed minus the contract's figure on :attr:`basis`: positive when the creditor asks for more."""
        return self.claimed - self.rebuilt.figures(self.basis).total

    @property
    def exceeds_maximum(self) -> bool:
        return self.maximum is not None and self.claimed > self.maximum.payoff.total


def audit_claim(st: Statement, claimed: Decimal, on: date | None = None, *, payments: Sequence[Payment] | None = None,
                cap: Cap | None = None, budget: float = 0.35) -> ClaimAudit:
    """:func:`audit` with the statement's loan, policy and payments (or ``payments``, e.g. with those after the
    statement date), the claim stated on ``on`` (default the statement's date)."""
    return audit(st.loan, st.payments if payments is None else payments, st.penalty,
                 Claim(claimed, on or st.as_of), cap=cap, budget=budget)


def audit(loan: Loan, payments: Sequence[Payment], policy: PenaltyPolicy, claim: Claim, *, cap: Cap | None = None,
          budget: float = 0.35) -> ClaimAudit:
    """Rebuild the debt on the claim's date under every reading and every combination of up to three, within
    ``budget`` seconds (singles first), and keep those whose figure equals the claim on either basis."""
    start = time.perf_counter()
    search = Search(loan, list(payments), policy, claim, start + budget)
    base = search.rebuild(())
    assert base is not None  # the first replay is never cut
    # keep room for the three replays of the maximum (and the cap check) inside the budget
    search.deadline -= 4 * (time.perf_counter() - start)
    found = search.matches(())
    singles: list[Rebuild] = []
    if not found:
        singles = search.run()
    explanations = sorted(search.found, key=lambda e: (len(e.readings), CLAIM_BASES.index(e.basis)))
    maximum = None if explanations else search.maximum()
    view = _cap_view(search, cap) if cap is not None else None
    return ClaimAudit(claim.amount, claim.on, base, tuple(explanations[:MAX_EXPLANATIONS]), tuple(singles), maximum,
                      search.tried, search.cut,
                      search.complete if search.cut or search.bounded else 3, view, loan.policy, policy,
                      bounded=search.bounded and not search.cut)


def _cap_view(search: Search, cap: Cap) -> CapView:
    """The claim at which the cost of credit (the actuarial annual rate of the loan, the payments and the claim,
    :mod:`repayplan.legal`) is exactly the cap: the contract's payoff plus the flows' value at the cap rate."""
    st = search.statements[()]
    ceiling = st.money.round(st.payoff_amount + npv(cost_flows(st), cap.rate, st.as_of))
    zero = st.money.round(Decimal(0))
    return CapView(cap, ceiling, max(search.claim.amount - ceiling, zero), check_cap(st, cap).excess)


__all__ = ["CLAIM_BASES", "CapView", "Claim", "ClaimAudit", "Explanation", "Figures", "Reading", "Rebuild", "audit",
           "audit_claim"]
