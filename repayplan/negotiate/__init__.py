"""The negotiator: offers the borrower can pay and the creditor accepts.

:func:`negotiate` takes a debt (its loan and, when there is one, its payment
history), a restructuring date and both sides' :class:`Constraints`, and
returns a :class:`Proposal`: a short list of offers on the frontier between
what the borrower pays and what the creditor recovers, best for the borrower
first, each a list of restructuring steps with its exact plan, compare's
figures and a one-line reason; or, when nothing fits, the binding constraint
and how far it must move (:class:`Binding`).

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> from repayplan.model import LoanHistory
>>> loan = Loan(Decimal("12000"), parse_rate("12%"), 12, start=date(2025, 1, 1))
>>> terms = Constraints(max_payment=Decimal("500"), discount_rate=Decimal("0.06"), min_recovery=Decimal("0.95"),
...                     max_term=24, levers=())
>>> print(negotiate(LoanHistory(loan), loan.start, terms).binding.message)  # doctest: +NORMALIZE_WHITESPACE
No offer fits: the borrower would need 64.89 more a month (564.89 instead of 500.00), or the creditor to allow
28 months instead of 24.

(No concession is allowed, so the smallest installments are the contract rate's over 24 months: 12,000 × 1% ÷
(1 − 1.01^−24) = 564.88; paying 564.89 a month, the last one less, repays it in 24, and 564.88 does not; at
500.00 a month 28 installments repay it.)
"""

from __future__ import annotations

from datetime import date

from ..model import LoanHistory
from .constraints import LEVERS, Constraints, parse_levers
from .diagnose import Binding, Relaxation
from .paste import scenario_toml, step_tables
from .search import Offer, Proposal, search

__all__ = ["LEVERS", "Binding", "Constraints", "Offer", "Proposal", "Relaxation", "negotiate",
           "parse_levers", "scenario_toml", "search", "step_tables"]


def negotiate(debt: LoanHistory, on: date, constraints: Constraints, top: int = 5) -> Proposal:
    """Offers for a debt on a date: its position then (from the payment
    history, else the loan paid on schedule), searched under the constraints;
    each offer's saving is against the contract as it stands, costed (for a
    loan past its maturity) until the longest offer is paid off, as
    ``compare`` costs it against the longest plan compared."""
    return search(debt.position(on), on, constraints, top, contract=lambda until: debt.contract(on, until=until))
