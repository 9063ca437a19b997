"""The concessions of a restructuring: what the creditor gives up or changes
on what is owed (waive, capitalise, haircut, a new rate).

>>> Waive(("penalty",)).describe(), Haircut(amount=Decimal("500")).describe()
('waive penalty in full', 'forgive 500 of principal')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ..errors import bad
from ..rates import Rate, percent_text
from ..text import msg
from .step import CAPITALISABLE, WAIVABLE, Step
from .values import (
    amount_text,
    and_,
    check_amount,
    check_percent,
    check_what,
    one_of,
)


@dataclass(frozen=True)
class Waive(Step):
    """Forgive owed penalty, fees and/or interest: in full, by a percentage of
    each, or by an amount taken from them in the order listed.
    ``installment-fee`` drops a fee that a term, payment or step-up step set
    (a plan charges none unless a step says so).

    >>> Waive(("penalty",), percent=Decimal("0.5")).describe()
    'waive 50% of penalty'
    """

    op: ClassVar[str] = "waive"
    KINDS: ClassVar[dict[str, str]] = {"what": "what", "percent": "percent", "amount": "amount"}
    REQUIRED: ClassVar[tuple[str, ...]] = ("what",)
    what: tuple[str, ...]
    percent: Decimal | None = None
    amount: Decimal | None = None

    def __post_init__(self) -> None:
        check_what(self.what, WAIVABLE)
        check_percent(self.percent, "percent")
        check_amount(self.amount, "amount")
        one_of(self, "percent", "amount", required=False)
        if "installment-fee" in self.what and (self.percent is not None or self.amount is not None):
            raise bad("what", "err.fee_waived_in_full")

    def describe(self) -> str:
        what = and_(self.what)
        if self.percent is not None:
            return msg("step.waive_percent", percent=percent_text(self.percent), what=what)
        if self.amount is not None:
            return msg("step.waive_amount", amount=amount_text(self.amount), what=what)
        return msg("step.waive_full", what=what)


@dataclass(frozen=True)
class Capitalise(Step):
    """Roll owed interest (and optionally accrued interest or fees) into
    principal; from then on it bears interest.

    >>> Capitalise(("interest", "fees")).describe()
    'capitalise interest and fees into principal'
    """

    op: ClassVar[str] = "capitalise"
    KINDS: ClassVar[dict[str, str]] = {"what": "what"}
    what: tuple[str, ...] = ("interest",)

    def __post_init__(self) -> None:
        check_what(self.what, CAPITALISABLE)

    def describe(self) -> str:
        return msg("step.capitalise", what=and_(self.what))


@dataclass(frozen=True)
class Haircut(Step):
    """Reduce principal by a percentage or an amount (forgiven).

    >>> Haircut(percent=Decimal("0.2")).describe()
    'forgive 20% of principal'
    """

    op: ClassVar[str] = "haircut"
    KINDS: ClassVar[dict[str, str]] = {"percent": "percent", "amount": "amount"}
    percent: Decimal | None = None
    amount: Decimal | None = None

    def __post_init__(self) -> None:
        check_percent(self.percent, "percent")
        check_amount(self.amount, "amount")
        one_of(self, "percent", "amount")

    def describe(self) -> str:
        if self.percent is not None:
            return msg("step.haircut_percent", percent=percent_text(self.percent))
        return msg("step.haircut_amount", amount=amount_text(self.amount or Decimal(0)))


@dataclass(frozen=True)
class SetRate(Step):
    """A new contract rate from the restructuring date; ``0%`` freezes
    interest (停息).

    >>> from repayplan.rates import parse_rate
    >>> SetRate(parse_rate("0%")).describe()
    'rate 0%/year from the restructuring date'
    """

    op: ClassVar[str] = "set-rate"
    KINDS: ClassVar[dict[str, str]] = {"rate": "rate"}
    REQUIRED: ClassVar[tuple[str, ...]] = ("rate",)
    rate: Rate

    def __post_init__(self) -> None:
        if not isinstance(self.rate, Rate):
            raise bad("rate", "err.step_not_rate", value=repr(self.rate))

    def describe(self) -> str:
        return msg("step.set_rate", rate=self.rate)
