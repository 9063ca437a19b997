"""Frozen records: loan terms, schedule periods, rows and schedules.

Records are immutable; change one by copying with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from fractions import Fraction

from . import calendar
from .errors import InputError, Problem
from .money import ZERO, MoneyPolicy
from .rates import Rate
from .text import msg

METHODS = ("annuity", "equal-principal", "interest-only", "bullet")
#: repayment methods as Chinese contracts and apps write them
METHOD_WORDS = {"等额本息": "annuity", "等额本息还款法": "annuity", "等额本金": "equal-principal",
                "等额本金还款法": "equal-principal", "先息后本": "interest-only",
                "按期付息、到期还本": "interest-only",
                "按月付息、到期还本": "interest-only",
                "按期付息到期还本": "interest-only",
                "到期还本付息": "bullet", "到期一次还本付息": "bullet", "一次性还本付息": "bullet",
                "利随本清": "bullet"}
INTEREST_BASES = ("periodic", "daily")
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
    method: str = "annuity"
    frequency: str = "monthly"
    start: date = field(default_factory=date.today)
    first_due: date | None = None
    interest_basis: str = "periodic"
    day_count: str = "act/365"
    currency: str = "CNY"
    rounding: str = "half-up"
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


def fast_constructor(cls: type) -> Callable[..., object]:
    """A positional constructor of a frozen, slotted dataclass that sets its
    slots directly: the same object as ``cls(*values)`` (no defaults, no
    ``__post_init__``), some twice as fast, for the rows of a schedule.

    >>> make = fast_constructor(Period)
    >>> make(1, date(2025, 1, 1), date(2025, 2, 1), 31, Fraction(1, 100), "1%") == Period(
    ...     1, date(2025, 1, 1), date(2025, 2, 1), 31, Fraction(1, 100), "1%")
    True
    """
    names = [f.name for f in fields(cls)]
    lines = [f"    _set{i}(row, {name})" for i, name in enumerate(names)]
    source = f"def make({', '.join(names)}):\n    row = _new(_cls)\n" + "\n".join(lines) + "\n    return row\n"
    scope: dict[str, object] = {"_new": object.__new__, "_cls": cls}
    scope.update({f"_set{i}": cls.__dict__[name].__set__ for i, name in enumerate(names)})
    exec(source, scope)  # noqa: S102 - generated from the class's own field names, as dataclasses does
    return scope["make"]  # type: ignore[return-value]


#: Positional constructors of the two records a schedule makes by the hundred.
new_period: Callable[..., Period] = fast_constructor(Period)  # type: ignore[assignment]
new_row: Callable[..., Row] = fast_constructor(Row)  # type: ignore[assignment]


@dataclass(frozen=True)
class Schedule:
    """Rows of a plan and the policy their amounts are rounded with."""

    rows: tuple[Row, ...]
    policy: MoneyPolicy
    principal: Decimal
    loan: Loan | None = None
    interest_rule: str = ""  # how each row's interest is computed, for people
    installment: Decimal | None = None  # the level amount of an annuity (a row may differ from it)

    def total(self, column: str) -> Decimal:
        return sum((getattr(r, column) for r in self.rows), ZERO)

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
