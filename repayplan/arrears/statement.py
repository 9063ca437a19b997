"""The arrears statement: what is owed on a date, per installment and in
total, with the calculation of every penalty and fee.

Records only; :mod:`repayplan.arrears.engine` builds them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from ..model import Loan, Position
from ..money import ZERO, MoneyPolicy
from ..records import fast_constructor
from ..text import msg
from .policy import Payment, PenaltyPolicy, daily_rate_text


@dataclass(frozen=True, slots=True)
class PenaltyTerm:
    """Penalty interest over days when its base did not change:
    base × daily rate × days, rounded once (``end`` is exclusive)."""

    start: date
    end: date
    base: Decimal
    days: int
    amount: Decimal

    def text(self, rate_text: str, money: MoneyPolicy) -> str:
        """'2025-01-15 to 2025-02-08: 1,000.00 × 0.05%/day × 24 days = 12.00'."""
        return msg("trace.penalty_line", start=self.start, end=self.end, base=money.grouped(self.base),
                   rate=rate_text, days=self.days, amount=money.grouped(self.amount))


@dataclass(frozen=True, slots=True)
class Application:
    """Part of a payment (or of credit held from earlier payments) that paid
    one component of one installment."""

    date: date
    source: str  # "payment" or "credit"
    payment: int | None  # index into Statement.payments, None for credit
    period: int
    component: str
    amount: Decimal


#: Constructors of the two records a replay makes by the thousand (called with keywords: the same object as the
#: class's own, some twice as fast).
new_term: Callable[..., PenaltyTerm] = fast_constructor(PenaltyTerm)  # type: ignore[assignment]
new_application: Callable[..., Application] = fast_constructor(Application)  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One installment as of the statement date.

    ``due`` is what the contract asked for (principal + interest +
    installment fee); ``penalty_interest`` and ``fees`` (late fees) are what
    lateness added; ``paid`` is everything allocated to the installment. For
    an installment that has fallen due: due + penalty_interest + fees − paid
    = unpaid_principal + unpaid_interest + unpaid_penalty + unpaid_fees.
    """

    period: int
    due_date: date
    status: str  # paid, paid late, overdue, partly paid, due today, in grace, not due
    due: Decimal
    principal: Decimal
    interest: Decimal
    installment_fee: Decimal
    paid: Decimal
    unpaid_principal: Decimal
    unpaid_interest: Decimal
    penalty_interest: Decimal
    unpaid_penalty: Decimal
    fees: Decimal
    unpaid_fees: Decimal
    days_overdue: int
    settled_on: date | None
    terms: tuple[PenaltyTerm, ...]
    notes: tuple[str, ...]  # late fees, grace, in words
    rate_text: str = field(default="", repr=False, compare=False)
    money: MoneyPolicy = field(default_factory=MoneyPolicy, repr=False, compare=False)

    @property
    def trace(self) -> tuple[str, ...]:
        """How the penalty and fees were reached, one line each, to check by hand."""
        return tuple(t.text(self.rate_text, self.money) for t in self.terms) + self.notes

    @property
    def is_due(self) -> bool:
        return self.status != "not due"

    @property
    def balance(self) -> Decimal:
        """Unpaid on this installment now (only penalty, if not yet due)."""
        if not self.is_due:
            return self.unpaid_penalty
        return self.unpaid_principal + self.unpaid_interest + self.unpaid_penalty + self.unpaid_fees


@dataclass(frozen=True)
class Statement:
    """A debt rebuilt from its contract and the payments made, as of a date.

    ``credit`` is money paid beyond everything due so far; it pays the next
    installments as they fall due and is never lost. ``accrued_interest`` is
    the contractual interest of the current period up to the statement date
    (due with the next installment; part of the payoff amount).
    """

    loan: Loan
    penalty: PenaltyPolicy
    as_of: date
    lines: tuple[StatementLine, ...]
    payments: tuple[Payment, ...]
    applications: tuple[Application, ...]
    to_credit: tuple[Decimal, ...]  # per payment: what went to credit
    credit: Decimal
    accrued_interest: Decimal
    accrued_interest_trace: str
    rate_text: str
    notes: tuple[str, ...]
    money: MoneyPolicy
    #: full-balance penalty (base outstanding): the loan's own terms, on the whole balance; the lines hold shares
    penalty_terms: tuple[PenaltyTerm, ...] = ()

    @property
    def penalty_trace(self) -> tuple[str, ...]:
        """The full-balance penalty, one line per interval: balance × daily rate × days = amount."""
        rate = self.penalty.resolved_rate(self.loan.rate)
        if rate is None:
            return ()
        daily = daily_rate_text(rate, self.loan.day_count)
        return tuple(t.text(daily, self.money) for t in self.penalty_terms)

    @cached_property
    def _totals(self) -> tuple[Decimal, ...]:
        """The lines' sums, in one pass (line by line, from a zero of the currency's quantum): unpaid principal,
        of it overdue, overdue interest, unpaid penalty, penalty charged, overdue fees, late fees charged."""
        principal = overdue = interest = unpaid_penalty = penalty = fees = late = self.money.round(ZERO)
        for x in self.lines:
            principal += x.unpaid_principal
            unpaid_penalty += x.unpaid_penalty
            penalty += x.penalty_interest
            late += x.fees
            if x.status != "not due":
                overdue += x.unpaid_principal
                interest += x.unpaid_interest
                fees += x.unpaid_fees
        return principal, overdue, interest, unpaid_penalty, penalty, fees, late

    @property
    def outstanding_principal(self) -> Decimal:
        return self._totals[0]

    @property
    def overdue_principal(self) -> Decimal:
        return self._totals[1]

    @property
    def overdue_interest(self) -> Decimal:
        return self._totals[2]

    @property
    def penalty_interest(self) -> Decimal:
        """Penalty interest accrued and not yet paid."""
        return self._totals[3]

    @property
    def penalty_charged(self) -> Decimal:
        """All penalty interest accrued to the statement date, paid or not."""
        return self._totals[4]

    @property
    def fees(self) -> Decimal:
        """Unpaid late fees and installment fees of installments that fell due."""
        return self._totals[5]

    @property
    def fees_charged(self) -> Decimal:
        """All late fees charged (paid or not)."""
        return self._totals[6]

    @property
    def total_due(self) -> Decimal:
        """What must be paid now to clear everything past due."""
        return self.overdue_principal + self.overdue_interest + self.penalty_interest + self.fees

    @property
    def payoff_amount(self) -> Decimal:
        """Everything to settle in full on the statement date (== position.total)."""
        return self.position.total

    @property
    def total_paid(self) -> Decimal:
        return sum((p.amount for p in self.payments), self.money.round(ZERO))

    @property
    def days_past_due(self) -> int:
        """Days since the due date of the oldest installment still unpaid."""
        return max((x.days_overdue for x in self.lines if x.settled_on is None and x.status != "not due"), default=0)

    @property
    def position(self) -> Position:
        """What is owed, by component: the starting point of restructurings."""
        return Position(self.as_of, self.outstanding_principal, self.overdue_principal, self.overdue_interest,
                        self.accrued_interest, self.penalty_interest, self.fees, self.credit, self.money, self.loan)
