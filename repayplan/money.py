"""Exact money: currencies, their minor units, and the one rounding policy.

Every stored amount in repayplan is a :class:`~decimal.Decimal` quantized to
the currency's minor unit by :meth:`MoneyPolicy.round`. Nothing else rounds.

>>> cny = MoneyPolicy("CNY")
>>> cny.round(Decimal("5307.265"))
Decimal('5307.27')
>>> MoneyPolicy("CNY", "half-even").round(Decimal("5307.265"))
Decimal('5307.26')
>>> MoneyPolicy("JPY").round(Decimal("1234.5"))
Decimal('1235')
>>> cny.text(Decimal("12"))
'12.00'
>>> cny.grouped(Decimal("1234567.5"))
'1,234,567.50'
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

from .errors import InputError, Problem, bad
from .inputs import brief
from .kinds import Rounding
from .text import msg

#: ISO 4217 minor units of the currencies users meet in consumer credit.
MINOR_UNITS: dict[str, int] = {
    "CNY": 2, "HKD": 2, "TWD": 2, "MOP": 2, "USD": 2, "EUR": 2, "GBP": 2,
    "SGD": 2, "MYR": 2, "THB": 2, "PHP": 2, "INR": 2, "AUD": 2, "CAD": 2,
    "CHF": 2, "NZD": 2, "JPY": 0, "KRW": 0, "VND": 0, "IDR": 2,
}

#: The smallest amount of each currency (0.01, 1), made once.
_QUANTA: dict[str, Decimal] = {currency: Decimal(1).scaleb(-places) for currency, places in MINOR_UNITS.items()}

ROUNDING_MODES: dict[str, str] = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN}

#: Precision of intermediate (unrounded) arithmetic: rates, factors, powers.
WORKING = decimal.Context(prec=40, rounding=ROUND_HALF_EVEN)

ZERO = Decimal(0)


#: Amounts are below this (10**18, a million million million) and written with at most
#: ``MAX_DECIMALS`` decimals: larger or finer figures are typing mistakes, and
#: bounding them before any arithmetic keeps every computation exact and quick.
MAX_AMOUNT = Decimal(10) ** 18
MAX_DECIMALS = 12
#: Longest text read as an amount (``-999,999,999,999,999,999.99 元`` is 31).
MAX_AMOUNT_TEXT = 40
#: Full-width digits and signs (as typed with a Chinese input method) → ASCII.
_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "，": ",", "．": ".", "－": "-",
                             "＋": "+", "￥": "¥", "\u3000": " ", "Ｅ": "E", "ｅ": "e"})
_AMOUNT = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)?(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?", re.ASCII)
_CNY_MARKS = ("¥", "元")


def to_decimal(value: object, field: str = "amount", currency: str | None = None) -> Decimal:
    """Read an amount exactly: str, int or Decimal; a float is refused. The one
    amount parser: every amount a user gives (case file, CSV cell, flag) comes
    through here, bounded (:data:`MAX_AMOUNT`, :data:`MAX_DECIMALS`) before it
    is converted.

    Text may group thousands with commas in threes (``1,000.50``), use
    full-width digits, and, for a CNY amount (``currency`` CNY or not given),
    carry ``¥``/``￥`` before or ``元`` after it. A comma anywhere else is
    refused, never guessed.

    >>> to_decimal("1,000.50"), to_decimal("￥１，２００．５０"), to_decimal("3500元")
    (Decimal('1000.50'), Decimal('1200.50'), Decimal('3500'))
    >>> to_decimal(7)
    Decimal('7')
    >>> to_decimal("1,5", "--principal")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    repayplan.errors.InputError: --principal: '1,5' has a comma that does not group thousands; write ...
    >>> to_decimal("1e38", "principal")
    Traceback (most recent call last):
    ...
    repayplan.errors.InputError: principal: 1e38 is too large; amounts are below 1,000,000,000,000,000,000
    """
    if isinstance(value, bool):
        raise bad(field, "err.expected_number", value=repr(value))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        if abs(value) >= MAX_AMOUNT:  # before Decimal(value): a 4,000-digit int is refused, not converted
            raise bad(field, "err.amount_too_large", value=brief(value), limit=f"{MAX_AMOUNT:,.0f}")
        result = Decimal(value)
    elif isinstance(value, str):
        result = _amount_text(value, field, currency)
    elif isinstance(value, float):
        raise InputError(f"{field}: binary float {value!r} is not exact; pass a string or Decimal")
    else:
        kind = type(value).__name__
        raise bad(field, "err.expected_number", value=msg(f"err.kind_{kind}") if kind in ("list", "dict") else kind)
    if not result.is_finite():
        raise bad(field, "err.not_finite", value=brief(value))
    if result.adjusted() >= 18 and result != 0:  # exponent first: never compares a 10**999999 figure digit by digit
        raise bad(field, "err.amount_too_large", value=brief(value, bare=True), limit=f"{MAX_AMOUNT:,.0f}")
    exponent = result.as_tuple().exponent
    finest = Decimal(1).scaleb(-MAX_DECIMALS)
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS and result != result.quantize(finest, context=WORKING):
        raise bad(field, "err.too_many_decimals", value=brief(value, bare=True), places=MAX_DECIMALS)
    return result


def _amount_text(value: str, field: str, currency: str | None) -> Decimal:
    if len(value) > MAX_AMOUNT_TEXT:
        raise bad(field, "err.amount_too_long", value=brief(value))
    text = value.translate(_FULL_WIDTH).strip()
    marked = text.startswith("¥") or text.endswith("元")
    if marked and currency not in (None, "CNY"):
        raise bad(field, "err.wrong_currency_mark", value=repr(value), currency=currency)
    if text.startswith("¥"):
        text = text[1:].lstrip()
    if text.endswith("元"):
        text = text[:-1].rstrip()
    if not _AMOUNT.fullmatch(text) or not any(c.isdigit() for c in text):
        if "," in text and _AMOUNT.fullmatch(text.replace(",", "")):
            raise bad(field, "err.bad_comma", value=repr(value))
        raise bad(field, "err.not_number", value=repr(value))
    return Decimal(text.replace(",", ""))


@dataclass(frozen=True)
class MoneyPolicy:
    """A currency and how amounts in it are rounded (half-up by default)."""

    currency: str = "CNY"
    rounding: Rounding = "half-up"

    def __post_init__(self) -> None:
        if self.currency not in MINOR_UNITS:
            known = ", ".join(sorted(MINOR_UNITS))
            raise InputError(f"currency: unknown currency {self.currency!r}; use one of {known}")
        if self.rounding not in ROUNDING_MODES:
            raise InputError(f"rounding: {self.rounding!r} is not a rounding mode; use half-up or half-even")

    @property
    def minor_units(self) -> int:
        return MINOR_UNITS[self.currency]

    @property
    def quantum(self) -> Decimal:
        """The smallest amount: 0.01 for CNY, 1 for JPY."""
        return _QUANTA[self.currency]

    def finer_than_unit(self, amount: Decimal, field: str) -> Problem | None:
        """The problem with an amount written finer than the minor unit
        (rounding it would create or lose money nobody lent), else None.

        >>> print(MoneyPolicy().finer_than_unit(Decimal("1000.005"), "principal"))
        principal: 1000.005 is finer than the smallest CNY unit (0.01); write it with at most 2 decimals
        >>> MoneyPolicy().finer_than_unit(Decimal("1000.50"), "principal") is None
        True
        """
        if not amount.is_finite() or amount == amount.quantize(self.quantum, context=WORKING):
            return None
        fix = msg("err.at_most_decimals", places=self.minor_units) if self.minor_units else msg("err.whole_amount")
        return Problem(path=field, message=msg("err.finer_than_unit", amount=amount, currency=self.currency,
                                               quantum=self.quantum), hint=fix)

    def round(self, amount: Decimal) -> Decimal:
        """Round to the minor unit with this policy's mode; the only rounding point."""
        return amount.quantize(self.quantum, rounding=ROUNDING_MODES[self.rounding], context=WORKING)

    def round_exact(self, value: Fraction) -> Decimal:
        """Round an exact rational (balance × interest factor) once, with no
        intermediate decimal truncation: ties are true ties.

        >>> tie = Fraction(100005, 1000)
        >>> MoneyPolicy().round_exact(tie), MoneyPolicy("CNY", "half-even").round_exact(tie)
        (Decimal('100.01'), Decimal('100.00'))
        >>> MoneyPolicy().round_exact(Fraction(49, 12000) * 45617)  # 186.2694... -> 186.27
        Decimal('186.27')
        """
        if value < 0:
            return -self.round_exact(-value)
        return Decimal(round_units(value.numerator * 10**self.minor_units, value.denominator,
                                   self.rounding)).scaleb(-self.minor_units)

    def interest(self, balance: Decimal, factor: Fraction) -> Decimal:
        """round(balance × factor) from the exact product, in integer minor
        units: the same result as ``round_exact(Fraction(balance) * factor)``,
        several times faster (the schedule's hot path).

        >>> MoneyPolicy().interest(Decimal("45617.00"), Fraction(49, 12000))
        Decimal('186.27')
        """
        scaled = balance.scaleb(MINOR_UNITS[self.currency])
        if scaled != scaled.to_integral_value():
            return self.round_exact(Fraction(balance) * factor)
        units = int(scaled)
        sign = -1 if units < 0 else 1
        rounded = round_units(abs(units) * factor.numerator, factor.denominator, self.rounding)
        return _QUANTA[self.currency] * (sign * rounded)  # exact: the unit times a whole number

    def text(self, amount: Decimal) -> str:
        """Machine text with exactly the minor digits: '5307.27' (JSON, CSV)."""
        return f"{self.round(amount):f}"

    def grouped(self, amount: Decimal) -> str:
        """People's text with thousands separators: '1,234,567.50'."""
        return f"{self.round(amount):,.{self.minor_units}f}"

    def to_minor(self, amount: Decimal) -> int:
        """Integer minor units (cents) of a rounded amount, for vectorised code."""
        return int(self.round(amount).scaleb(self.minor_units))

    def from_minor(self, units: int) -> Decimal:
        """Back from integer minor units: from_minor(530727) == Decimal('5307.27')."""
        return Decimal(units).scaleb(-self.minor_units)


def round_units(numerator: int, denominator: int, rounding: str = "half-up") -> int:
    """numerator / denominator rounded to a whole number of minor units.

    Integer arithmetic only, so the vectorised engine can do the same:

    >>> round_units(5, 2), round_units(5, 2, "half-even"), round_units(7, 2, "half-even")
    (3, 2, 4)
    """
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and (rounding == "half-up" or quotient % 2)):
        quotient += 1
    return quotient
