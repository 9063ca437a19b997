"""The one place a letter reads the claim audit and the legal-cap check
(``arrears.audit``, ``legal``): their results, by attribute, as the plain
facts a dispute letter states. Adapt this module, and only it, when the
audit's public result changes.

A reading is data (``kind``, ``value``, ``amount``, ``paid_on``), worded by
the letter from the labels (``dl.reading_*``), in the kinds of the audit:
base, compound, payment-day, no-grace, grace-mode, accelerated,
accelerated-fees, past-due, missing.

>>> reading_of("penalty on the whole outstanding balance (全额罚息) instead of overdue-installment", Decimal("87.80"))
Reading(kind='base', value='outstanding', amount=Decimal('87.80'), paid_on=None, payment=None, on=None)
>>> reading_of("the payment of 1,045.00 on 2025-02-10 not credited", Decimal("1045.00")).paid_on
datetime.date(2025, 2, 10)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Reading:
    """A way of reading the contract (or the payments) that changes the figure: ``amount`` is what it adds
    (None when it acts only together with others), ``payment`` / ``paid_on`` a payment it concerns, ``on`` a
    date it uses (credited on, computed for)."""

    kind: str
    value: str = ""
    amount: Decimal | None = None
    paid_on: date | None = None
    payment: Decimal | None = None
    on: date | None = None


@dataclass(frozen=True)
class ClaimFacts:
    """The claim against the rebuilt figure, the rebuilt figure's ``parts`` ((component, amount), as
    ``agr.owed_*`` / ``dl.owed_*`` label keys name them), and the ``readings`` that account for the
    difference exactly (together)."""

    claimed: Decimal
    rebuilt: Decimal
    parts: tuple[tuple[str, Decimal], ...]
    readings: tuple[Reading, ...]

    @property
    def difference(self) -> Decimal:
        return self.claimed - self.rebuilt


@dataclass(frozen=True)
class CapFacts:
    """The cost of credit against a legal cap: the rule (an annual ``rate``; for an LPR cap its ``multiple``,
    the ``lpr`` and the day it was ``published``), what the rebuilt debt exceeds it by, simple and
    compound (IRR), and the most that may be claimed (``ceiling``)."""

    rate: Decimal
    multiple: Decimal | None
    lpr: Decimal | None
    published: date | None
    simple_excess: Decimal
    excess: Decimal
    ceiling: Decimal

    @property
    def above(self) -> bool:
        return self.excess > 0 or self.simple_excess > 0


def claim_facts(st: Any, claimed: Decimal) -> ClaimFacts:
    """The audit of ``claimed`` against the statement ``st``: the audit's result read by attribute, in either of
    its shapes (explanations with ``text`` and ``amount``, or with ``readings`` as data and a ``basis``)."""
    from ...agreement.build import owed_components
    from ...arrears.audit import audit_claim

    audit = audit_claim(st, claimed)
    if hasattr(audit.rebuilt, "figures"):  # readings as data, the figure on the basis the claim is stated on
        return _facts_of_readings(audit)
    parts = tuple((f"agr.owed_{c.name}", c.amount) for c in owed_components(st.position))
    exact = [e for e in audit.explanations if e.explains]
    readings: tuple[Reading, ...]
    if exact:
        readings = (reading_of(exact[0].text, exact[0].amount),)
    else:
        amounts = {e.text: e.amount for e in audit.explanations}
        readings = tuple(reading_of(text, amounts.get(text, _amount_in(text))) for text in audit.together)
    return ClaimFacts(audit.claimed, audit.rebuilt, parts, readings)


def _facts_of_readings(audit: Any) -> ClaimFacts:
    """An audit whose explanations carry ``readings`` (kind, value, amount, paid_on, on) and a ``difference``."""
    figures = audit.rebuilt.figures(audit.basis)
    names = (("principal", "agr.owed_principal"), ("interest", "dl.owed_interest"), ("penalty", "agr.owed_penalty"),
             ("fees", "agr.owed_fees"), ("credit", "agr.owed_credit"))
    parts = tuple((key, getattr(figures, name)) for name, key in names
                  if getattr(figures, name) or name == "principal")
    readings: tuple[Reading, ...] = ()
    if audit.explanations:
        first = audit.explanations[0]
        alone = len(first.readings) == 1
        readings = tuple(Reading(r.kind, r.value, first.difference if alone else None, r.paid_on, r.amount, r.on)
                         for r in first.readings)
    return ClaimFacts(audit.claimed, audit.claimed - audit.difference, parts, readings)


def cap_facts(st: Any, cap: Any, contract_date: date) -> CapFacts:
    """The legal-cap check of the statement ``st`` against ``cap``; the LPR of ``contract_date`` for an LPR cap."""
    from ...legal import check_cap, lpr_published

    check = check_cap(st, cap)
    multiple = lpr = published = None
    if "LPR" in cap.text:
        published, lpr = lpr_published(contract_date)
        multiple = (cap.rate / lpr).quantize(Decimal("0.01")).normalize()
    return CapFacts(cap.rate, multiple, lpr, published, check.simple_excess, check.excess,
                    st.payoff_amount - check.excess)


_KINDS = (("penalty on the whole outstanding balance", "base", "outstanding"),
          ("penalty also on unpaid interest", "compound", "on"),
          ("the payment day counted", "payment-day", "on"),
          ("no grace days", "no-grace", ""),
          ("penalty from the due date rather than", "grace-mode", "waive"),
          ("interest of installments not yet due", "accelerated", ""),
          ("installment fees of installments not yet due", "accelerated-fees", ""),
          ("the claim is only what is past due", "past-due", ""))
_PAID_ON = re.compile(r" on (\d{4}-\d{2}-\d{2}) not credited")


def reading_of(text: str, amount: Decimal) -> Reading:
    """The audit's reading as data (its text names it)."""
    for start, kind, value in _KINDS:
        if text.startswith(start):
            return Reading(kind, value, amount)
    match = _PAID_ON.search(text)
    return Reading("missing", "", amount, date.fromisoformat(match.group(1)) if match else None, amount)


def _amount_in(text: str) -> Decimal:
    match = re.search(r"of ([\d,]+\.\d+)", text)
    return Decimal(match.group(1).replace(",", "")) if match else Decimal(0)
