"""Frozen records: loan terms, schedule periods, rows and schedules; what is
owed on a date (:class:`Position`), a loan with its payment history
(:class:`LoanHistory`) and a named restructuring (:class:`Scenario`).

Records are immutable; change one by copying with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol

from . import calendar
from .errors import InputError, Problem
from .kinds import INTEREST_BASES, METHODS, DayCount, FrequencyName, InterestBasis, Method, Rounding
from .money import ZERO, MoneyPolicy
from .rates import Rate
from .records import fast_constructor
from .text import msg

if TYPE_CHECKING:
    from .arrears.policy import Payment, PenaltyPolicy
    from .plans import Plan
    from .restructure.steps import Step

#: repayment methods as Chinese contracts and apps write them
METHOD_WORDS = {"等额本息": "annuity", "等额本息还款法": "annuity", "等额本金": "equal-principal",
                "等额本金还款法": "equal-principal", "先息后本": "interest-only",
                "按期付息、到期还本": "interest-only",
                "按月付息、到期还本": "interest-only",
                "按期付息到期还本": "interest-only",
                "到期还本付息": "bullet", "到期一次还本付息": "bullet", "一次性还本付息": "bullet",
                "利随本清": "bullet"}
MAX_TERM = 1200


@dataclass(frozen=True)
class Loan:
    """A contract's terms.

    >>> loan = Loan(Decimal("1000000"), Rate(Decimal("0.049")), 360, start=date(2025, 1, 15))
    >>> loan.first_due_date, loan.policy.currency
    (datetime.date(2025, 2, 15), 'CNY')
    """

    principal: Decimal
    rate: Rate
    term: int
    method: Method = "annuity"
    frequency: FrequencyName = "monthly"
    start: date = field(default_factory=date.today)
    first_due: date | None = None
    interest_basis: InterestBasis = "periodic"
    day_count: DayCount = "act/365"
    currency: str = "CNY"
    rounding: Rounding = "half-up"
    installment_fee: Decimal = ZERO
    upfront_fee: Decimal = ZERO
    signed: date | None = None  # the contract date (合同成立日), when it is not the start

    def __post_init__(self) -> None:
        problems = loan_problems(self)
        if problems:
            raise InputError(problems[0])

    @property
    def policy(self) -> MoneyPolicy:
        return MoneyPolicy(self.currency, self.rounding)

    @property
    def contract_date(self) -> date:
        """The date the contract was formed: ``signed``, else the start (the LPR of a cap is taken on it)."""
        return self.signed or self.start

    @property
    def first_due_date(self) -> date:
        return self.first_due or calendar.default_first_due(self.start, self.frequency)

    @property
    def anchor_day(self) -> int:
        """Day of the month installments fall on: the first due date's, else the start's."""
        return (self.first_due or self.start).day

    @property
    def periods_per_year(self) -> int:
        return calendar.frequency(self.frequency).periods_per_year


def loan_problems(loan: Loan, where: str = "") -> list[str | Problem]:
    """Every problem with a loan's terms, each naming its field."""
    p = f"{where}." if where else ""
    problems: list[str | Problem] = []
    if not isinstance(loan.principal, Decimal) or loan.principal <= 0:
        problems.append(f"{p}principal: must be a positive amount, got {loan.principal}")
    if not isinstance(loan.term, int) or isinstance(loan.term, bool) or not 1 <= loan.term <= MAX_TERM:
        problems.append(f"{p}term: must be a whole number of installments from 1 to {MAX_TERM}, got {loan.term!r}")
    if loan.method not in METHODS:
        problems.append(f"{p}method: {loan.method!r} is unknown; use one of {', '.join(METHODS)}")
    if loan.frequency not in calendar.FREQUENCIES:
        problems.append(f"{p}frequency: {loan.frequency!r} is unknown; use one of {', '.join(calendar.FREQUENCIES)}")
    if loan.interest_basis not in INTEREST_BASES:
        problems.append(f"{p}interest_basis: {loan.interest_basis!r} is unknown; use periodic or daily")
    if loan.day_count not in calendar.DAY_COUNTS:
        problems.append(f"{p}day_count: {loan.day_count!r} is unknown; use one of {', '.join(calendar.DAY_COUNTS)}")
    if loan.signed is not None and loan.signed > loan.start:
        problems.append(Problem(path=f"{p}signed", message=msg("err.signed_after_start", signed=loan.signed,
                                                               start=loan.start), hint=msg("err.signed_hint")))
    if loan.first_due is not None and loan.first_due <= loan.start:
        problems.append(Problem(path=f"{p}first_due", hint=msg("err.later_date"),
                                message=msg("err.first_due_not_after", first_due=loan.first_due, start=loan.start)))
    for name in ("installment_fee", "upfront_fee"):
        if getattr(loan, name) < 0:
            problems.append(f"{p}{name}: must be 0 or more, got {getattr(loan, name)}")
    try:
        policy = MoneyPolicy(loan.currency, loan.rounding)
    except InputError as exc:
        problems.append(f"{p}{exc}")
        return problems
    for name in ("principal", "installment_fee", "upfront_fee"):
        amount = getattr(loan, name)
        if isinstance(amount, Decimal) and (problem := policy.finer_than_unit(amount, f"{p}{name}")):
            problems.append(problem)
    return problems


@dataclass(frozen=True, slots=True)
class Period:
    """One accrual period: interest = opening balance × factor, rounded once.

    The factor is an exact fraction (4.9%/year ÷ 12 = 49/12000), so interest
    is rounded from the exact product, never from a truncated decimal.
    """

    number: int
    start: date
    due_date: date
    days: int
    factor: Fraction
    basis: str  # how the factor was reached, e.g. "4.9%/year ÷ 12"


@dataclass(frozen=True, slots=True)
class Row:
    """One installment; payment == principal + interest + fees + penalty."""

    period: int
    due_date: date
    days: int
    opening_balance: Decimal
    payment: Decimal
    principal: Decimal
    interest: Decimal
    fees: Decimal
    penalty: Decimal
    closing_balance: Decimal


#: Positional constructors of the two records a schedule makes by the hundred.
new_period: Callable[..., Period] = fast_constructor(Period)  # type: ignore[assignment]
new_row: Callable[..., Row] = fast_constructor(Row)  # type: ignore[assignment]
#: The slot setters of a Row in field order, for loops that make rows by the hundred without a call each:
#: ``row = object.__new__(Row)`` then every setter once (the same object as ``new_row``).
ROW_SLOTS: tuple[Callable[[Row, object], None], ...] = tuple(Row.__dict__[f.name].__set__ for f in fields(Row))


class RowSource(Protocol):
    """Rows kept in another form (integer cents), made into rows when read."""

    def __len__(self) -> int: ...

    def rows(self) -> tuple[Row, ...]: ...

    def row(self, index: int) -> Row: ...

    def due_by(self, day: date) -> int: ...

    def total(self, column: str, start: int = 0) -> Decimal | None: ...


def _due_date(row: Row) -> date:
    return row.due_date


@dataclass(frozen=True)
class Schedule:
    """Rows of a plan and the policy their amounts are rounded with.

    A schedule made by :meth:`deferred` keeps its rows as cents and makes
    them the first time ``rows`` is read; it equals, prints and copies as the
    same schedule made with its rows.
    """

    rows: tuple[Row, ...]
    policy: MoneyPolicy
    principal: Decimal
    loan: Loan | None = None
    interest_rule: str = ""  # how each row's interest is computed, for people
    installment: Decimal | None = None  # the level amount of an annuity (a row may differ from it)

    @classmethod
    def deferred(cls, source: RowSource, policy: MoneyPolicy, principal: Decimal, loan: Loan | None = None,
                 interest_rule: str = "", installment: Decimal | None = None) -> Schedule:
        """A schedule whose rows are ``source.rows()``, made when first read."""
        schedule = object.__new__(cls)
        schedule.__dict__.update(policy=policy, principal=principal, loan=loan, interest_rule=interest_rule,
                                 installment=installment, _source=source)
        return schedule

    if not TYPE_CHECKING:  # only a deferred schedule lacks ``rows``; every other name is looked up as usual

        def __getattr__(self, name: str) -> tuple[Row, ...]:
            source = self.__dict__.get("_source") if name == "rows" else None
            if source is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            rows = source.rows()
            object.__setattr__(self, "rows", rows)
            return rows

    def total(self, column: str, start: int = 0) -> Decimal:
        """The sum of a column over the rows from ``start`` (from a deferred schedule's cents, without
        making its rows)."""
        source = self._unmade()
        if source is not None and start >= len(source):
            return ZERO  # no rows from there: the empty sum
        if source is not None:
            amount = source.total(column, start)
            if amount is not None:
                return amount
        rows = self.rows
        return sum((getattr(r, column) for r in (rows[start:] if start else rows)), ZERO)

    @property
    def row_count(self) -> int:
        """``len(rows)``, without making them."""
        source = self._unmade()
        return len(source) if source is not None else len(self.rows)

    def row(self, index: int) -> Row:
        """``rows[index]`` (from 0), made alone when the rows are not yet made."""
        source = self._unmade()
        return source.row(index) if source is not None else self.rows[index]

    def due_by(self, day: date) -> int:
        """How many rows fall due on or before ``day``: the rows after ``day`` are ``rows[due_by(day):]``
        (due dates run in order)."""
        source = self._unmade()
        if source is not None:
            return source.due_by(day)
        return bisect_right(self.rows, day, key=_due_date)

    def _unmade(self) -> RowSource | None:
        """The kept cents of a deferred schedule whose rows are not made yet."""
        return self.__dict__.get("_source") if "rows" not in self.__dict__ else None

    @property
    def total_payment(self) -> Decimal:
        return self.total("payment")

    @property
    def total_interest(self) -> Decimal:
        return self.total("interest")

    @property
    def total_fees(self) -> Decimal:
        return self.total("fees")

    @property
    def total_penalty(self) -> Decimal:
        return self.total("penalty")

    @property
    def first_due(self) -> date | None:
        return self.rows[0].due_date if self.rows else None

    @property
    def headline(self) -> Decimal:
        """The installment a summary shows: an annuity's level amount (with its
        fee), else the first payment."""
        if self.installment is not None:
            return self.installment + self.rows[0].fees
        return self.rows[0].payment

    @property
    def payoff_date(self) -> date | None:
        return self.rows[-1].due_date if self.rows else None


@dataclass(frozen=True)
class Position:
    """What is owed on a date, by component: the common ground of the arrears
    statement (which produces it) and restructurings (which start from it).

    ``principal`` is all outstanding principal, of which ``overdue_principal``
    is past due; ``interest`` is contractual interest past due and unpaid;
    ``accrued_interest`` has accrued since the last due date but is not yet
    due; ``penalty`` is penalty interest; ``fees`` are late fees and other
    charges; ``credit`` is money paid beyond what was owed (it reduces the
    total, never lost).

    >>> p = Position(date(2026, 1, 1), Decimal("1000.00"), Decimal("200.00"), Decimal("30.00"),
    ...              Decimal("5.00"), Decimal("12.00"), Decimal("20.00"))
    >>> p.total
    Decimal('1067.00')
    """

    as_of: date
    principal: Decimal
    overdue_principal: Decimal = ZERO
    interest: Decimal = ZERO
    accrued_interest: Decimal = ZERO
    penalty: Decimal = ZERO
    fees: Decimal = ZERO
    credit: Decimal = ZERO
    policy: MoneyPolicy = field(default_factory=MoneyPolicy)
    loan: Loan | None = None

    @property
    def total(self) -> Decimal:
        """Everything needed to settle in full on ``as_of``."""
        return (self.principal + self.interest + self.accrued_interest + self.penalty + self.fees
                - self.credit)

    @classmethod
    def fresh(cls, loan: Loan, on: date | None = None) -> Position:
        """A loan with no history: all of its principal, nothing else, on its start."""
        policy = loan.policy
        return cls(on or loan.start, policy.round(loan.principal), policy=policy, loan=loan)


@dataclass(frozen=True)
class LoanHistory:
    """A loan and what happened to it: the payments made and the penalty
    terms, when there are any (then positions and the contract's costing
    come from the arrears statement); without either the loan is taken as
    paid on schedule. What :func:`repayplan.compare.compare` and the
    negotiator start from.

    >>> loan = Loan(Decimal("12000"), Rate(Decimal("0.12")), 12, start=date(2025, 1, 1))
    >>> history = LoanHistory(loan)
    >>> history.has_history, history.position(date(2025, 1, 1)).total
    (False, Decimal('12000.00'))
    """

    loan: Loan
    payments: tuple[Payment, ...] = ()
    penalty: PenaltyPolicy | None = None

    @property
    def has_history(self) -> bool:
        return bool(self.payments) or self.penalty is not None

    @property
    def allocation(self) -> tuple[str, ...] | None:
        """The order payments pay the components: the penalty terms' (``[penalty]
        allocation``), or None for the default (the Civil Code's)."""
        order = self.penalty.allocation if self.penalty is not None else None
        return tuple(order) if order else None

    def position(self, on: date) -> Position:
        """What is owed on ``on``."""
        if on < self.loan.start:
            raise InputError(f"date: {on} is before the loan start {self.loan.start}; give a date on or after it")
        if not self.has_history:
            from .restructure import performing_position

            return performing_position(self.loan, on)
        from .arrears import statement

        history = [p for p in self.payments if p.date <= on]
        return statement(self.loan, history, self.penalty, on).position

    def contract(self, on: date, until: date | None = None) -> Plan:
        """The contract as it stands from ``on``; ``until``: for a loan past
        its maturity, the day it is paid in full, penalty running until then
        (default ``on``)."""
        from .restructure.contract import contract_plan

        return contract_plan(self.loan, self.payments, self.penalty, on, until=until)


@dataclass(frozen=True)
class Scenario:
    """A named restructuring: its steps and, optionally, its own date.

    >>> Scenario("Freeze", ()).on is None
    True
    """

    name: str
    steps: tuple[Step, ...]
    on: date | None = None
    label: str = ""
