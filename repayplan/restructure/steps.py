"""The steps of a restructuring: small, named, documented pieces of data
(the concessions in :mod:`.concessions`, the ways of repaying in
:mod:`.repayments`, what every step is in :mod:`.step`), and their registry.

A plan is a position plus an ordered list of steps; :func:`apply` replays
them. Each step checks its own fields when it is made (an
:class:`~repayplan.errors.InputError` naming the field), turns back into the
table a case file holds (:meth:`Step.to_table`), and says what it does
(:meth:`Step.describe`).

>>> from decimal import Decimal
>>> from repayplan.rates import parse_rate
>>> steps = [Waive(("penalty", "fees")), SetRate(parse_rate("0%")), Term(36)]
>>> [s.describe() for s in steps]
['waive penalty and fees in full', 'rate 0%/year from the restructuring date', '36 installments (annuity)']
>>> Term(36).to_table()
{'op': 'term', 'installments': 36}
>>> FixedPayment(Decimal("-5"))
Traceback (most recent call last):
...
repayplan.errors.InputError: amount: must be a positive amount, got -5
"""

from __future__ import annotations

from .concessions import Capitalise, Haircut, SetRate, Waive
from .repayments import FixedPayment, InterestOnly, Moratorium, Settle, StepUp, Term
from .step import CAPITALISABLE, MORATORIUM_INTEREST, TERM_METHODS, WAIVABLE, Step, fee_text

__all__ = ["CAPITALISABLE", "MORATORIUM_INTEREST", "PHASES", "REPAYING", "STEPS", "TERM_METHODS", "WAIVABLE",
           "Capitalise", "FixedPayment", "Haircut", "InterestOnly", "Moratorium", "SetRate", "Settle", "Step",
           "StepUp", "Term", "Waive", "fee_text"]

#: op -> step class, in the order the README documents them.
STEPS: dict[str, type[Step]] = {cls.op: cls for cls in (
    Waive, Capitalise, Haircut, SetRate, Term, FixedPayment, Moratorium, InterestOnly, StepUp, Settle)}

#: Steps that say how the plan repays (a plan has at most one).
REPAYING = ("term", "payment", "step-up", "settle")
#: Steps that shape the first periods (before the repaying step).
PHASES = ("moratorium", "interest-only")
