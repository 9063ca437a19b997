"""What a contract says happens when a payment is late: payments, penalty
interest (罚息), grace days (宽限期), late fees (违约金/滞纳金) and the order in
which money pays the parts of a debt.

Allocation order is data: a tuple of component names, from a preset or a list.

>>> PenaltyPolicy(parse_penalty_rate("0.05%/day"), base="overdue-installment").allocation
('fees', 'interest', 'penalty', 'principal')
>>> PenaltyPolicy(allocation="principal-first").allocation
('principal', 'interest', 'penalty', 'fees')
>>> str(parse_penalty_rate("contract+50%")), parse_penalty_rate("contract+50%").resolve(parse_rate("4.9%"))
('contract+50%', Rate(value=Decimal('0.07350'), unit='year'))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from ..errors import InputError, Problem, bad, problems_of
from ..inputs import brief
from ..money import WORKING, ZERO, to_decimal
from ..rates import DAYS_PER_YEAR, Rate, parse_rate, percent_text
from ..text import Msg, joined, msg, short_rate

#: The parts of a debt a payment can go to.
COMPONENTS = ("fees", "penalty", "interest", "principal")

#: Allocation presets: the order in which a payment pays each installment's parts.
ALLOCATION_PRESETS: dict[str, tuple[str, ...]] = {
    # Civil Code art. 561: costs, then interest, then principal; penalty interest counts with interest
    # (after the contractual interest).
    "civil-code": ("fees", "interest", "penalty", "principal"),
    "fees-penalty-interest-principal": ("fees", "penalty", "interest", "principal"),
    "principal-first": ("principal", "interest", "penalty", "fees"),
}

#: What penalty interest is charged on.
BASES = ("overdue-principal", "overdue-installment", "outstanding")
GRACE_MODES = ("waive", "shift")
#: installment: the oldest installment is cleared first (components in order within it);
#: component: each component across all installments (oldest first) before the next.
ALLOCATION_SCOPES = ("installment", "component")

_RELATIVE_RE = re.compile(r"^\s*contract\s*(?:(?P<op>[+×x*])\s*(?P<num>[0-9]+(?:\.[0-9]*)?)\s*(?P<pct>%?)\s*)?$",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Payment:
    """Money the borrower paid on a date.

    >>> Payment(date(2025, 3, 1), "1,000.00").amount
    Decimal('1000.00')
    """

    date: date
    amount: Decimal
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            object.__setattr__(self, "amount", to_decimal(self.amount, "payment.amount"))


@dataclass(frozen=True)
class RelativeRate:
    """A penalty rate relative to the contract rate: contract × factor.

    >>> RelativeRate(Decimal("1.5")).resolve(parse_rate("1.5%/month"))
    Rate(value=Decimal('0.0225'), unit='month')
    """

    factor: Decimal
    text: str = ""

    def resolve(self, contract: Rate) -> Rate:
        return contract.scaled(self.factor)

    def __str__(self) -> str:
        return self.text or f"contract×{self.factor}"

    def words(self) -> Msg:
        """The rule in words: 'contract+50%' (在合同利率基础上加收50%)."""
        if self.text.startswith("contract+"):
            return msg("rate.contract_plus", percent=self.text[len("contract+"):])
        if self.text == "contract":
            return msg("rate.contract")
        return msg("rate.contract_times", factor=f"{self.factor.normalize():f}")


def parse_penalty_rate(value: object, field: str = "penalty.rate") -> Rate | RelativeRate:
    """'0.05%/day', '18%/year', 'contract+50%' (1.5 × the contract rate),
    'contract×1.5' or 'contract' (the contract rate itself)."""
    if isinstance(value, Rate | RelativeRate):
        return value
    if isinstance(value, str):
        match = _RELATIVE_RE.match(value)
        if match:
            if match["op"] is None:
                return RelativeRate(Decimal(1), "contract")
            try:
                number = Decimal(match["num"])
            except InvalidOperation:  # pragma: no cover - the regex admits only digits
                raise bad(field, "err.not_rate", value=brief(value), hint=msg("err.penalty_rate_hint")) from None
            if match["op"] == "+":
                if not match["pct"]:
                    raise bad(field, "err.relative_needs_percent", value=brief(value))
                return RelativeRate(1 + WORKING.multiply(number, Decimal("0.01")), f"contract+{number}%")
            if match["pct"]:
                raise bad(field, "err.relative_mixed", value=brief(value))
            return RelativeRate(number, f"contract×{number}")
    try:
        return parse_rate(value, field)
    except InputError as exc:
        (found,) = problems_of(exc)
        raise InputError(replace(found, message=msg("err.or_relative", message=found.message))) from None


def daily_rate_text(rate: Rate, day_count: str) -> str:
    """The daily rate as a trace writes it, with the year it uses (rates.DAYS_PER_YEAR).

    >>> daily_rate_text(parse_rate("18%"), "act/360"), daily_rate_text(parse_rate("2%/month"), "act/365")
    ('18%/year ÷ 360', '2%/month × 12 ÷ 365')
    """
    if rate.unit == "day":
        return msg("rate.as_is", rate=short_rate(rate))
    year = DAYS_PER_YEAR[day_count]
    if rate.unit == "month":
        return msg("rate.month_to_day", rate=short_rate(rate), year=year)
    return msg("rate.year_to_day", rate=short_rate(rate), year=year)


def allocation_order(value: str | Sequence[str], field: str = "penalty.allocation") -> tuple[str, ...]:
    """A preset name, or a list naming each component once, in order.

    >>> allocation_order(["penalty", "fees", "interest", "principal"])
    ('penalty', 'fees', 'interest', 'principal')
    """
    if isinstance(value, str):
        try:
            return ALLOCATION_PRESETS[value]
        except KeyError:
            raise bad(field, "err.not_preset", value=brief(value), presets=", ".join(ALLOCATION_PRESETS),
                      example=list(COMPONENTS)) from None
    order = tuple(value)
    unknown = [c for c in order if c not in COMPONENTS]
    if unknown or len(order) != len(COMPONENTS) or len(set(order)) != len(COMPONENTS):
        what = msg("err.unknown_component", value=brief(unknown[0])) if unknown else msg("err.component_once")
        raise InputError(Problem(path=field, message=what,
                                 hint=msg("err.list_components", components=", ".join(COMPONENTS))))
    return order


@dataclass(frozen=True)
class PenaltyPolicy:
    """How lateness is charged, and in which order payments pay.

    ``rate`` None means no penalty interest. ``base``: overdue-principal
    (each overdue installment's unpaid principal, plus its unpaid interest when
    ``compound``), overdue-installment (its unpaid principal + interest +
    installment fee: the Huabei/Jiebei "overdue amount"), or outstanding (the
    whole unpaid principal while any installment is overdue, 全额罚息).
    ``grace_days``: an installment paid in full within that many days of its
    due date bears no penalty and no late fee; paid later, penalty runs from
    the due date (``grace_mode`` waive) or from the end of the grace (shift).
    A late fee is charged once per missed installment: ``late_fee`` fixed, plus
    ``late_fee_rate`` × its unpaid amount kept within ``late_fee_min`` and
    ``late_fee_max``.

    The default (a case without a [penalty] table) charges nothing extra and
    allocates by the civil code: fees → interest → principal.

    >>> PenaltyPolicy().rate is None, PenaltyPolicy().allocation[0]
    (True, 'fees')
    """

    rate: Rate | RelativeRate | None = None
    base: str = "overdue-principal"
    compound: bool = False
    count_payment_day: bool = False
    grace_days: int = 0
    grace_mode: str = "waive"
    late_fee: Decimal = ZERO
    late_fee_rate: Decimal | None = None
    late_fee_min: Decimal = ZERO
    late_fee_max: Decimal | None = None
    allocation: tuple[str, ...] | str = ALLOCATION_PRESETS["civil-code"]
    allocation_scope: str = "installment"

    def __post_init__(self) -> None:
        if isinstance(self.rate, str):
            object.__setattr__(self, "rate", parse_penalty_rate(self.rate))
        object.__setattr__(self, "allocation", allocation_order(self.allocation))
        problems = policy_problems(self)
        if problems:
            raise InputError(problems[0])

    def resolved_rate(self, contract: Rate) -> Rate | None:
        """The absolute penalty rate for a contract rate (None: no penalty interest)."""
        if self.rate is None:
            return None
        return self.rate.resolve(contract) if isinstance(self.rate, RelativeRate) else self.rate

    def rate_text(self, contract: Rate) -> str:
        """'0.05%/day', or 'contract+50%: 4.9%/year × 1.5 = 7.35%/year'."""
        rate = self.resolved_rate(contract)
        if rate is None:
            return msg("word.none")
        if isinstance(self.rate, RelativeRate):
            return msg("rate.relative", rule=self.rate.words(), contract=contract,
                       factor=f"{self.rate.factor.normalize():f}", rate=rate)
        return msg("rate.as_is", rate=rate)

    @property
    def late_fee_text(self) -> str:
        parts: list[Msg] = []
        if self.late_fee:
            parts.append(msg("fee.fixed", amount=self.late_fee))
        if self.late_fee_rate is not None:
            bounds = [msg("fee.at_least", amount=self.late_fee_min)] if self.late_fee_min else []
            bounds += [msg("fee.at_most", amount=self.late_fee_max)] if self.late_fee_max is not None else []
            percent = percent_text(self.late_fee_rate)
            parts.append(msg("fee.of_unpaid_bounded", percent=percent, bounds=joined(bounds, "sep.bounds"))
                         if bounds else msg("fee.of_unpaid", percent=percent))
        return msg("fee.sum", parts=joined(parts, "sep.plus")) if parts else msg("word.none")


def policy_problems(policy: PenaltyPolicy, where: str = "penalty") -> list[str | Problem]:
    """Every problem with a penalty policy, each naming its field."""
    p = f"{where}."
    problems: list[str | Problem] = []
    if policy.base not in BASES:
        problems.append(f"{p}base: {policy.base!r} is unknown; use one of {', '.join(BASES)}")
    if policy.grace_mode not in GRACE_MODES:
        problems.append(f"{p}grace_mode: {policy.grace_mode!r} is unknown; use waive or shift")
    if policy.allocation_scope not in ALLOCATION_SCOPES:
        problems.append(f"{p}allocation_scope: {policy.allocation_scope!r} is unknown; use installment or component")
    days = policy.grace_days
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 365:
        problems.append(f"{p}grace_days: must be a whole number of days from 0 to 365, got {policy.grace_days!r}")
    for name in ("late_fee", "late_fee_min", "late_fee_max", "late_fee_rate"):
        value = getattr(policy, name)
        if value is not None and value < 0:
            problems.append(f"{p}{name}: must be 0 or more, got {value}")
    if policy.late_fee_max is not None and policy.late_fee_max < policy.late_fee_min:
        problems.append(Problem(path=f"{p}late_fee_max", message=msg("err.max_below_min", high=policy.late_fee_max,
                                                                     low=policy.late_fee_min)))
    return problems
