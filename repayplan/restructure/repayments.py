"""How a restructured plan repays: a term, a fixed payment, first periods
without principal (moratorium, interest only), a step-up, a settlement.

>>> Term(24, "equal-principal").describe(), FixedPayment(Decimal("800")).describe()
('24 installments (equal-principal)', 'pay 800 an installment until repaid')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar

from ..errors import InputError, Problem, bad
from ..rates import percent_text
from ..text import Msg, joined, msg
from .step import MORATORIUM_INTEREST, TERM_METHODS, Step, fee_text
from .values import (
    amount_text,
    check_amount,
    check_count,
    check_percent,
    one_of,
)


@dataclass(frozen=True)
class Term(Step):
    """Re-amortise what is owed over N installments: level installments
    (annuity) or equal principal parts; owed interest, penalty and fees not
    waived or capitalised are repaid interest-free in equal parts on top.
    ``fee``: a fee charged with every installment of the plan (default none:
    a restructured plan does not carry the contract's installment fee).

    >>> Term(24, "equal-principal").describe()
    '24 installments (equal-principal)'
    """

    op: ClassVar[str] = "term"
    KINDS: ClassVar[dict[str, str]] = {"installments": "int", "method": "choice:" + "|".join(TERM_METHODS),
                                       "fee": "amount"}
    REQUIRED: ClassVar[tuple[str, ...]] = ("installments",)
    installments: int
    method: str = "annuity"
    fee: Decimal | None = None

    def __post_init__(self) -> None:
        check_count(self.installments, "installments")
        if self.method not in TERM_METHODS:
            raise bad("method", "err.unknown_choice", msg("err.hint_choice", choices=", ".join(TERM_METHODS)),
                      value=repr(self.method))
        check_amount(self.fee, "fee")

    def describe(self) -> str:
        return msg("step.term", n=self.installments, method=msg(f"m.{self.method}"), fee=fee_text(self.fee))


@dataclass(frozen=True)
class FixedPayment(Step):
    """A fixed installment the borrower can afford; the term follows (the
    last installment is smaller). Too small a payment is an error that says
    the smallest one that repays within the maximum term. ``fee``: a fee
    each installment pays out of the amount (default none).

    >>> FixedPayment(Decimal("800")).describe()
    'pay 800 an installment until repaid'
    """

    op: ClassVar[str] = "payment"
    KINDS: ClassVar[dict[str, str]] = {"amount": "amount", "fee": "amount"}
    REQUIRED: ClassVar[tuple[str, ...]] = ("amount",)
    amount: Decimal
    fee: Decimal | None = None

    def __post_init__(self) -> None:
        check_amount(self.amount, "amount")
        check_amount(self.fee, "fee")

    def describe(self) -> str:
        return msg("step.payment", amount=amount_text(self.amount), fee=fee_text(self.fee, True))


@dataclass(frozen=True)
class Moratorium(Step):
    """N periods with no payment. Their interest is capitalised (added to
    principal each period), deferred (owed interest-free, paid with the last
    installment) or waived (forgiven).

    >>> Moratorium(3, "defer").describe()
    '3 periods without payment, interest deferred to the end'
    """

    op: ClassVar[str] = "moratorium"
    KINDS: ClassVar[dict[str, str]] = {"periods": "int", "interest": "choice:" + "|".join(MORATORIUM_INTEREST)}
    REQUIRED: ClassVar[tuple[str, ...]] = ("periods", "interest")
    periods: int
    interest: str

    def __post_init__(self) -> None:
        check_count(self.periods, "periods")
        if self.interest not in MORATORIUM_INTEREST:
            raise bad("interest", "err.unknown_choice", msg("err.moratorium_interest",
                                                            choices=", ".join(MORATORIUM_INTEREST)),
                      value=repr(self.interest))

    def describe(self) -> str:
        return msg("step.moratorium", n=self.periods, what=msg(f"moratorium.{self.interest}"))


@dataclass(frozen=True)
class InterestOnly(Step):
    """N periods paying only the interest (and the installment fee).

    >>> InterestOnly(6).describe()
    '6 periods of interest only'
    """

    op: ClassVar[str] = "interest-only"
    KINDS: ClassVar[dict[str, str]] = {"periods": "int"}
    REQUIRED: ClassVar[tuple[str, ...]] = ("periods",)
    periods: int

    def __post_init__(self) -> None:
        check_count(self.periods, "periods")

    def describe(self) -> str:
        return msg("step.interest_only", n=self.periods)


@dataclass(frozen=True)
class StepUp(Step):
    """Graduated installments. Either ``stages``: (installments, amount) pairs
    paid in turn, the last amount continuing until repaid; or ``increase``
    every ``every`` installments (default: a year's) from a first ``payment``
    (the term follows) or over ``installments`` (the first is solved).
    ``fee``: a fee with every installment (default none).

    >>> StepUp(stages=((12, Decimal("300")), (0, Decimal("500")))).describe()
    'graduated: 12 × 300, then 500 until repaid'
    >>> StepUp(increase=Decimal("0.05"), installments=48).describe()
    'graduated: +5% every year over 48 installments'
    """

    op: ClassVar[str] = "step-up"
    KINDS: ClassVar[dict[str, str]] = {"stages": "stages", "increase": "percent", "every": "int",
                                       "payment": "amount", "installments": "int", "fee": "amount"}
    stages: tuple[tuple[int, Decimal], ...] = ()
    increase: Decimal | None = None
    every: int | None = None
    payment: Decimal | None = None
    installments: int | None = None
    fee: Decimal | None = None

    def __post_init__(self) -> None:
        check_amount(self.fee, "fee")
        check_percent(self.increase, "increase")
        check_count(self.every, "every")
        check_amount(self.payment, "payment")
        check_count(self.installments, "installments")
        if self.stages:
            if self.increase is not None or self.payment is not None or self.installments is not None:
                raise bad("stages", "err.stages_or_increase")
            for i, (count, amount) in enumerate(self.stages, start=1):
                last = i == len(self.stages)
                if not (isinstance(count, int) and (count >= 1 or (last and count == 0))):
                    raise bad(f"stages[{i}].installments", "err.whole_out_of_range", value=repr(count),
                              span=msg("err.span_up", low=1))
                check_amount(amount, f"stages[{i}].amount")
        elif self.increase is None:
            raise InputError(Problem(path="stages", message=msg("err.missing_value"), hint=msg("err.stages_hint")))
        else:
            one_of(self, "payment", "installments")

    def describe(self) -> str:
        if self.stages:
            parts: list[Msg] = [msg("stage.times", n=n, amount=amount_text(a)) for n, a in self.stages[:-1]]
            n, a = self.stages[-1]
            parts.append(msg("stage.then" if parts else "stage.until", amount=amount_text(a)))
            if n:
                parts[-1] = msg("stage.last", n=n, amount=amount_text(a))
            return msg("step.graduated_stages", parts=joined(parts, "sep.bounds"), fee=fee_text(self.fee))
        every = msg("stage.every", n=self.every) if self.every else msg("stage.every_year")
        start = (msg("stage.from", amount=amount_text(self.payment)) if self.payment is not None
                 else msg("stage.over", n=self.installments))
        return msg("step.graduated", percent=percent_text(self.increase or Decimal(0)), every=every, start=start,
                   fee=fee_text(self.fee))


@dataclass(frozen=True)
class Settle(Step):
    """Settle for a sum (an amount, or a percentage of what is owed at this
    step) and forgive the rest: paid in one lump sum ``by`` a date (default:
    the restructuring date), or as a ``down_payment`` plus ``installments``
    equal interest-free installments. The sum pays fees, penalty, interest,
    then principal; what it does not reach is forgiven.

    >>> Settle(percent=Decimal("0.6")).describe()
    'settle for 60% of what is owed, in one payment, the rest forgiven'
    """

    op: ClassVar[str] = "settle"
    KINDS: ClassVar[dict[str, str]] = {"amount": "amount", "percent": "percent", "by": "date",
                                       "down_payment": "amount", "installments": "int"}
    amount: Decimal | None = None
    percent: Decimal | None = None
    by: date | None = None
    down_payment: Decimal | None = None
    installments: int | None = None

    def __post_init__(self) -> None:
        check_amount(self.amount, "amount")
        check_percent(self.percent, "percent")
        check_amount(self.down_payment, "down_payment")
        check_count(self.installments, "installments")
        one_of(self, "amount", "percent")
        if self.down_payment is not None and self.installments is None:
            raise InputError(Problem(path="installments", message=msg("err.missing_value"),
                                     hint=msg("err.down_payment_hint")))
        if self.down_payment is not None and self.amount is not None and self.down_payment > self.amount:
            raise bad("down_payment", "err.down_payment_above", down=self.down_payment, amount=self.amount)

    def describe(self) -> str:
        total = (msg("settle.percent", percent=percent_text(self.percent)) if self.percent is not None
                 else amount_text(self.amount or Decimal(0)))
        when = msg("settle.by", date=self.by.isoformat()) if self.by else ""
        if self.installments is None:
            how = msg("settle.one", when=when)
        elif self.down_payment is not None:
            how = msg("settle.down", down=amount_text(self.down_payment), when=when, n=self.installments)
        else:
            how = msg("settle.installments", n=self.installments)
        return msg("step.settle", total=total, how=how)
