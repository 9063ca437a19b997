"""The debts of one borrower, as a budget plan sees them (frozen terms).

Two kinds, each with a name:

* :class:`InstallmentDebt`: a contract loan (:class:`~repayplan.model.Loan`);
  its scheduled installment is its minimum. Extra money prepays principal and
  shortens the term (``prepay="shorten"``) or lowers the installment
  (``"reduce-payment"``). With a payment history it starts from its arrears
  statement on the plan's start date.
* :class:`RevolvingDebt`: a card or a Huabei bill: a balance, a rate and a
  minimum payment rule (``min_percent`` of the bill, at least ``min_floor``,
  plus the period's interest and fees when ``min_plus_interest``).

A debt in arrears is charged under the arrears rules
(:class:`~repayplan.arrears.PenaltyPolicy`): penalty interest on a base (the
overdue amount, the overdue principal, or everything outstanding), day by day
over each month's days, and a late fee for each month its minimum is missed.
Grace days do not apply in a plan: a minimum missed in one month is not paid
until a later month, well past any grace.

>>> card = RevolvingDebt("card", Decimal("10000"), parse_rate("0.05%/day"), min_percent=Decimal("0.10"))
>>> card.minimum_rule()
'10% of the bill'
>>> card.annual_cost() == Decimal("0.1825")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import ClassVar

from ..arrears.policy import Payment, PenaltyPolicy, RelativeRate
from ..errors import InputError, bad
from ..kinds import DayCount, Rounding
from ..model import Loan
from ..money import ZERO, MoneyPolicy
from ..rates import Rate, parse_rate, percent_text
from ..text import msg

__all__ = ["ASSUMED_PENALTY", "Debt", "InstallmentDebt", "RevolvingDebt", "parse_rate", "penalty_daily"]

PREPAY_MODES = ("shorten", "reduce-payment")
INTEREST_ON = ("unpaid", "full")

#: The penalty terms assumed when a debt gives none ([debts.penalty] missing):
#: an overdue installment stops bearing contract interest and bears 1.5 × the
#: contract rate instead (contract+50%, the usual Chinese bank rule); a
#: revolving balance keeps bearing its interest, so its overdue part bears a
#: further 0.5 × (1.5 × in all).
ASSUMED_PENALTY: dict[str, PenaltyPolicy] = {
    "installment": PenaltyPolicy(RelativeRate(Decimal("1.5"), "contract+50%"), base="overdue-installment"),
    "revolving": PenaltyPolicy(RelativeRate(Decimal("0.5"), "contract×0.5"), base="overdue-installment"),
}


def penalty_daily(policy: PenaltyPolicy, contract: Rate, day_count: str) -> Fraction:
    """The daily penalty rate of a policy, exact (0 when it charges none).

    >>> penalty_daily(ASSUMED_PENALTY["installment"], parse_rate("0.05%/day"), "act/365")
    Fraction(3, 4000)
    """
    rate = policy.resolved_rate(contract)
    return rate.daily_exact(day_count) if rate is not None else Fraction(0)


@dataclass(frozen=True)
class InstallmentDebt:
    """A contract loan in the plan. ``payments`` is its history: given (even
    empty) it starts from its arrears statement on the plan's start date, under
    ``penalty`` (the arrears rules); None: it is taken as paid on schedule up
    to that date. Without ``penalty`` the assumed terms apply."""

    name: str
    loan: Loan
    prepay: str = "shorten"
    penalty: PenaltyPolicy | None = None
    payments: tuple[Payment, ...] | None = None
    kind: ClassVar[str] = "installment"

    def __post_init__(self) -> None:
        _check_name(self.name)
        if self.prepay not in PREPAY_MODES:
            raise InputError(f"prepay: {self.prepay!r} is unknown; use one of {', '.join(PREPAY_MODES)}")
        if self.loan.frequency != "monthly":
            raise bad("frequency", "err.plan_monthly_only", value=repr(self.loan.frequency))

    @property
    def rate(self) -> Rate:
        return self.loan.rate

    @property
    def policy(self) -> MoneyPolicy:
        return self.loan.policy

    @property
    def penalty_terms(self) -> PenaltyPolicy:
        return self.penalty or ASSUMED_PENALTY["installment"]

    @property
    def day_count(self) -> str:
        return self.loan.day_count

    @property
    def has_history(self) -> bool:
        return self.payments is not None

    def annual_cost(self) -> Decimal:
        """Annual nominal contract rate (a day × 365, a month × 12)."""
        return self.loan.rate.annual_for(self.loan.day_count)

    def minimum_rule(self) -> str:
        return f"the contract installment ({self.loan.method})"


@dataclass(frozen=True)
class RevolvingDebt:
    """A card or Huabei bill: ``balance`` owed on the plan's start date, of
    which ``overdue`` is already past due; interest at ``rate`` (a daily rate
    runs over the actual days of each month; a monthly or annual one is the
    rate per month); ``monthly_fee`` is charged each month a balance is owed.

    The minimum each month is ``min_percent`` of the bill (plus the month's
    interest, penalty and fees when ``min_plus_interest``), at least
    ``min_floor`` and one minor unit, at most the bill, plus anything past due.
    """

    name: str
    balance: Decimal
    rate: Rate
    min_percent: Decimal = Decimal("0.10")
    min_floor: Decimal = ZERO
    min_plus_interest: bool = False
    interest_on: str = "unpaid"
    monthly_fee: Decimal = ZERO
    overdue: Decimal = ZERO
    penalty: PenaltyPolicy | None = None
    day_count: DayCount = "act/365"
    currency: str = "CNY"
    rounding: Rounding = "half-up"
    kind: ClassVar[str] = "revolving"
    policy: MoneyPolicy = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _check_name(self.name)
        object.__setattr__(self, "policy", MoneyPolicy(self.currency, self.rounding))
        if self.balance <= 0:
            raise InputError(f"balance: must be a positive amount, got {self.balance}")
        if not 0 <= self.min_percent <= 1:
            raise InputError(f"min_percent: must be from 0% to 100%, got {percent_text(self.min_percent)}")
        for key in ("min_floor", "monthly_fee", "overdue"):
            if getattr(self, key) < 0:
                raise InputError(f"{key}: must be 0 or more, got {getattr(self, key)}")
        if self.overdue > self.balance:
            raise bad("overdue", "err.overdue_above_balance", overdue=self.overdue, balance=self.balance)
        if self.interest_on not in INTEREST_ON:
            raise InputError(f"interest_on: {self.interest_on!r} is unknown; use unpaid or full")

    @property
    def penalty_terms(self) -> PenaltyPolicy:
        return self.penalty or ASSUMED_PENALTY["revolving"]

    def annual_cost(self) -> Decimal:
        return self.rate.annual_for(self.day_count)

    def minimum_rule(self) -> str:
        """The minimum rule in words (a label message: English as text, any language by ``say``)."""
        return msg("plan.min_rule", base=msg("plan.min_revolving", percent=percent_text(self.min_percent)),
                   plus=msg("plan.min_plus") if self.min_plus_interest else "",
                   floor=msg("plan.min_floor", floor=self.policy.grouped(self.min_floor)) if self.min_floor else "")


Debt = InstallmentDebt | RevolvingDebt


def _check_name(name: object) -> None:
    if not isinstance(name, str) or not name.strip():
        raise InputError("name: every debt needs a name, e.g. name = \"card\"")


@lru_cache(maxsize=64)
def month_dates(start: date, months: int) -> tuple[date, ...]:
    """The plan's payment dates: one month apart from the start, on its day
    (clamped at month end).

    >>> [d.isoformat() for d in month_dates(date(2025, 1, 31), 3)]
    ['2025-02-28', '2025-03-31', '2025-04-30']
    """
    from ..calendar import add_months

    return tuple(add_months(start, k, start.day) for k in range(1, months + 1))
