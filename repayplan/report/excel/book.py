"""What a case-file workbook shows, as plain records (no openpyxl here).

A :class:`BookPlan` is any plan: a name, its rows, and (optionally) the
figures ``compare`` shows for it. When ``loan`` holds the terms the rows
follow, the plan's sheet is written with live formulas; otherwise the amounts
are written as the core computed them and balances and totals are formulas.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan.model import Loan
>>> from repayplan.rates import parse_rate
>>> from repayplan.schedule import build_schedule
>>> loan = Loan(Decimal("12000"), parse_rate("1.5%/month"), 12, start=date(2025, 3, 10))
>>> book = CaseBook("EX-1", "CNY", (BookPlan.from_schedule("Contract", build_schedule(loan)),))
>>> book.terms.name, book.plans[0].opening
('Contract', Decimal('12000.00'))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Any

from ...model import Loan, Position, Schedule
from ...money import MoneyPolicy
from ...rates import Rate


@dataclass(frozen=True)
class BookPlan:
    """One plan on its own sheet: its rows (:class:`~repayplan.model.Row`, or
    any record with the same fields, such as a restructured plan's rows) and
    the policy they are rounded with. ``loan``: the terms the rows follow,
    when they follow one set (then the sheet has live formulas)."""

    name: str
    rows: tuple[Any, ...]
    policy: MoneyPolicy
    loan: Loan | None = None
    #: compare's figures for this plan, by metric key (see summary.METRIC_ORDER)
    metrics: Mapping[str, Any] = field(default_factory=dict)
    #: how the plan was made from the position, one line per step, for people
    steps: tuple[str, ...] = ()
    #: a one-line description (e.g. "the contract as it stands")
    note: str = ""
    #: the rate the plan charges from its start, when it has one (for people; formulas use ``loan``)
    rate: Rate | None = None
    #: whether the plan is a column of the Summary's comparison (the contract schedule as signed is not)
    compared: bool = True
    #: "contract" for the contract as it stands, else "scenario"
    kind: str = "scenario"
    #: what arises under the plan by component (interest, fees, penalty); owed amounts repaid are not in it
    charged: Mapping[str, Decimal] = field(default_factory=dict)
    #: the contract schedule's row (0-based) this plan's first row is, when the plan is the rest of that
    #: schedule (a loan in good standing): its amounts are then links into the live contract schedule
    linked_from: int | None = None

    @classmethod
    def from_schedule(cls, name: str, schedule: Schedule, **extra: Any) -> BookPlan:
        """A plan from a contract schedule (its loan gives the live formulas)."""
        return cls(name, schedule.rows, schedule.policy, schedule.loan, **extra)

    def total(self, column: str) -> Decimal:
        if column not in self._totals:
            self._totals[column] = sum((getattr(r, column) for r in self.rows), Decimal(0))
        return self._totals[column]

    @cached_property
    def _totals(self) -> dict[str, Decimal]:
        return {}

    @property
    def total_payment(self) -> Decimal:
        return self.total("payment")

    @property
    def opening(self) -> Decimal:
        """The balance the plan repays (its first row's opening balance)."""
        return self.rows[0].opening_balance if self.rows else self.policy.round(Decimal(0))


@dataclass(frozen=True)
class CapBook:
    """A legal-cap check as ``status --cap`` reports it: the effective annual
    cost against a ceiling, and the amount above it."""

    cap_text: str  # how the cap was reached, e.g. "4 × LPR 3.45% (published 2024-05-20) = 13.8%"
    cap: Decimal  # the ceiling, an annual rate as a fraction
    cost: Decimal | None  # the effective annual cost found, a fraction
    excess: Decimal  # actuarial amount above the cap
    simple_excess: Decimal  # the court's simple-interest figure
    trace: tuple[str, ...] = ()
    nominal: Decimal | None = None  # the nominal annualised IRR, which decides (legal.CapCheck.nominal_rate)
    rule: str = ""  # label key of the rule the cap stands for

    @property
    def within(self) -> bool:
        """Within by the nominal annualised IRR, the figure that decides a Chinese cap
        (``excess``); the simple-interest figure is shown beside it."""
        return self.excess <= 0


@dataclass(frozen=True)
class ArrearsLine:
    """One installment of an arrears statement, with the trace of its penalty and fees."""

    period: int
    due_date: date
    status: str
    due: Decimal
    paid: Decimal
    unpaid_principal: Decimal
    unpaid_interest: Decimal
    penalty: Decimal
    fees: Decimal
    days_overdue: int
    trace: tuple[str, ...] = ()


@dataclass(frozen=True)
class BalancePenalty:
    """A full-balance penalty (全额罚息, base ``outstanding``): one line per
    interval on the loan's whole unpaid balance, balance × daily rate × days."""

    rate: Rate  # the penalty rate in its own unit (the sheet's input cell)
    day_count: str
    terms: tuple[Any, ...]  # arrears.PenaltyTerm: start, end (exclusive), base, days, amount
    trace: tuple[str, ...] = ()  # the same lines in words, as status prints them


@dataclass(frozen=True)
class ArrearsBook:
    """The arrears sheet: payments made, the installments, and the totals as of a date."""

    as_of: date
    lines: tuple[ArrearsLine, ...]
    payments: tuple[tuple[date, Decimal], ...] = ()
    totals: tuple[tuple[str, Decimal | int], ...] = ()  # (label key, amount), as status shows them
    notes: tuple[str, ...] = ()
    settings: tuple[tuple[str, str], ...] = ()  # (label key, text): penalty rate, base, grace ...
    balance_penalty: BalancePenalty | None = None  # the loan-level penalty lines of a full-balance penalty


#: figures each party's copy leaves out: the creditor's limits from the borrower's copy, the borrower's
#: budget from the creditor's
HIDDEN = {"borrower": frozenset({"discount_rate", "creditor_npv", "recovery", "cash_recovery", "meets_min_recovery",
                                 "min_recovery"}),
          "creditor": frozenset({"payment_to_income", "payment_to_budget", "lump_sum_shortfall", "monthly_income",
                                 "monthly_expenses", "budget"})}
AUDIENCES = ("mediator", "borrower", "creditor")


def copy_label(book: CaseBook) -> str:
    """Whose copy this is, for every page's footer and the Summary's head."""
    from ..labels import label

    return label(f"wb.copy_{book.audience}", book.lang)


@dataclass(frozen=True)
class CaseBook:
    """Everything one workbook shows."""

    case_id: str
    currency: str
    plans: tuple[BookPlan, ...]
    title: str = ""
    borrower: str = ""
    creditor: str = ""
    as_of: date | None = None
    #: the debt on the as-of date, by component (None: the loan's principal)
    position: Position | None = None
    #: calculation basis lines shown under the debt: (label key or text, text)
    basis: tuple[tuple[str, str], ...] = ()
    #: index into plans of the plan the Terms sheet is filled from
    terms_index: int = 0
    arrears: ArrearsBook | None = None
    cap: CapBook | None = None
    lang: str = "en"
    created: datetime | None = None
    #: compare's figures in the order it shows them (default: what the plan sheets hold)
    metric_order: tuple[str, ...] = ()
    #: the assumptions behind the comparison, for people
    notes: tuple[str, ...] = ()
    #: whose copy: "mediator" (everything), "borrower" (no creditor limits), "creditor" (no borrower budget)
    audience: str = "mediator"
    #: the agreement the Terms sheet sets out (repayplan.agreement), when the case has one
    agreement: Any = None

    @property
    def nothing_owed(self) -> bool:
        """Nothing is owed on the date: the loan is repaid (or not yet drawn)."""
        return self.position is not None and self.position.total <= 0

    def shows(self, metric: str) -> bool:
        """Whether this copy shows a figure (the other side's limits are left out)."""
        return metric not in HIDDEN.get(self.audience, frozenset())

    @property
    def terms(self) -> BookPlan:
        return self.plans[self.terms_index]
