"""The one place a letter reads the claim audit and the legal-cap check
(``arrears.audit``, ``legal``): their results, by attribute, as the plain
facts a dispute letter states. Adapt this module, and only it, when the
audit's public result changes.

A reading is data (``kind``, ``value``, ``amount``, ``paid_on``), worded by
the letter from the labels (``dl.reading_*``), in the kinds of the audit
(:data:`repayplan.arrears.readings.KINDS`).
"""

from __future__ import annotations

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
    """The audit of ``claimed`` against the statement ``st``, read by attribute: the contract's figure on the
    basis the claim is stated on, by component, and the readings of the simplest explanation."""
    from ...arrears.audit import audit_claim

    return _facts_of_readings(audit_claim(st, claimed))


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
