"""Frozen results of a budget plan: per month, per debt, per strategy.

The month-by-month timeline is stored in integer minor units (a 30-year
plan of 20 debts under four strategies holds ~150,000 amounts) and read
through properties that return exact Decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..errors import bad
from ..money import ZERO, MoneyPolicy
from ..text import msg
from .strategies import Strategy

__all__ = ["Budget", "DebtOutcome", "Difference", "FirstArrears", "MonthRow", "StrategyResult"]


@dataclass(frozen=True)
class Budget:
    """What the borrower can pay: ``monthly`` from ``start`` (month 1 is one
    month after it), plus ``lump_sum`` less ``reserve`` spent in month 1; the
    reserve is kept for emergencies and never spent.

    >>> Budget(Decimal("3000"), date(2025, 1, 1), Decimal("5000"), Decimal("2000")).first_month
    Decimal('6000')
    """

    monthly: Decimal
    start: date
    lump_sum: Decimal = ZERO
    reserve: Decimal = ZERO
    income: Decimal | None = None  # when the monthly budget is [borrower] income − expenses
    expenses: Decimal | None = None

    def __post_init__(self) -> None:
        for key in ("monthly", "lump_sum", "reserve"):
            if getattr(self, key) < 0:
                raise bad(f"budget.{key}", "err.negative", value=getattr(self, key))
        if self.reserve > self.lump_sum:
            raise bad("budget.reserve", "err.reserve_above_lump", msg("err.reserve_hint"), reserve=self.reserve,
                      lump=self.lump_sum)

    @property
    def first_month(self) -> Decimal:
        return self.monthly + self.lump_sum - self.reserve

    @property
    def source(self) -> str:
        """Where the monthly figure comes from."""
        if self.income is None:
            return "[budget] monthly"
        return f"[borrower] monthly_income {self.income} − monthly_expenses {self.expenses or 0}"


@dataclass(frozen=True, slots=True)
class MonthRow:
    """One month of a strategy: per debt (in case order) what it was charged,
    what it got and what it still owes after the payment, in minor units."""

    period: int
    date: date
    available_units: int
    minimum_units: tuple[int, ...]
    payment_units: tuple[int, ...]
    interest_units: tuple[int, ...]
    penalty_units: tuple[int, ...]
    fees_units: tuple[int, ...]
    balance_units: tuple[int, ...]
    policy: MoneyPolicy

    def _dec(self, units: tuple[int, ...]) -> tuple[Decimal, ...]:
        return tuple(self.policy.from_minor(u) for u in units)

    @property
    def available(self) -> Decimal:
        return self.policy.from_minor(self.available_units)

    @property
    def minimums(self) -> tuple[Decimal, ...]:
        return self._dec(self.minimum_units)

    @property
    def payments(self) -> tuple[Decimal, ...]:
        return self._dec(self.payment_units)

    @property
    def interest(self) -> tuple[Decimal, ...]:
        return self._dec(self.interest_units)

    @property
    def penalty(self) -> tuple[Decimal, ...]:
        return self._dec(self.penalty_units)

    @property
    def fees(self) -> tuple[Decimal, ...]:
        return self._dec(self.fees_units)

    @property
    def balances(self) -> tuple[Decimal, ...]:
        return self._dec(self.balance_units)

    @property
    def total_payment(self) -> Decimal:
        return self.policy.from_minor(sum(self.payment_units))

    @property
    def total_balance(self) -> Decimal:
        return self.policy.from_minor(sum(self.balance_units))


@dataclass(frozen=True)
class DebtOutcome:
    """One debt under one strategy. ``paid`` = ``principal`` + ``interest`` +
    ``penalty`` + ``fees`` (the parts of the payments); the ``charged_*``
    amounts are what the plan's months added, and ``opening`` + charges −
    ``paid`` = ``balance`` left at the end. ``opening_principal`` is the
    principal owed on the start date (all of a revolving balance)."""

    name: str
    kind: str
    opening: Decimal
    opening_principal: Decimal
    paid: Decimal
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    fees: Decimal
    charged_interest: Decimal
    charged_penalty: Decimal
    charged_fees: Decimal
    balance: Decimal
    payoff_period: int | None
    payoff_date: date | None
    first_arrears_period: int | None
    first_arrears_date: date | None


@dataclass(frozen=True)
class FirstArrears:
    """The first month a strategy cannot pay every minimum."""

    period: int
    date: date
    gap: Decimal  # minimums due that month less the money available
    debts: tuple[str, ...]  # the debts whose minimum went unpaid (fell into arrears)


@dataclass(frozen=True)
class StrategyResult:
    """A strategy played out month by month until every debt is repaid (or the horizon)."""

    strategy: Strategy
    months: int | None  # to debt-free; None when not debt-free within the horizon
    debt_free_date: date | None
    total_paid: Decimal  # = principal + interest + penalty + fees paid, over every debt
    total_interest: Decimal  # paid (the start's overdue interest included)
    total_penalty: Decimal  # paid (penalty owed on the start date included)
    total_fees: Decimal  # paid
    balance_left: Decimal
    unspent: Decimal  # budget left over: not needed for payments (the minimum strategy's extra, the last month's rest)
    shortfall_months: int
    first_arrears: FirstArrears | None
    debts: tuple[DebtOutcome, ...]
    timeline: tuple[MonthRow, ...]
    growing: bool = False  # stopped early: short of the minimums and the debts no longer falling

    @property
    def name(self) -> str:
        return self.strategy.name

    @property
    def cost(self) -> Decimal:
        """What the debts cost beyond the principal owed at the start: paid,
        plus still owed at the end, less that principal (for a strategy that
        repays everything: the interest, penalty and fees paid)."""
        return self.total_paid + self.balance_left - sum((d.opening_principal for d in self.debts), ZERO)

    @property
    def finished(self) -> bool:
        return self.months is not None

    @property
    def charged_penalty(self) -> Decimal:
        """Penalty interest the plan's months added, paid or not (``total_penalty`` is what was paid)."""
        return sum((d.charged_penalty for d in self.debts), ZERO)

    @property
    def charged_fees(self) -> Decimal:
        """Fees the plan's months added (late fees included), paid or not."""
        return sum((d.charged_fees for d in self.debts), ZERO)


@dataclass(frozen=True)
class Difference:
    """A cheaper strategy against a dearer one."""

    cheaper: str
    dearer: str
    saving: Decimal  # less interest + penalty + fees
    months_sooner: int | None  # None when either is not debt-free within the horizon
