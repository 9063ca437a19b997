"""Interest rates as contracts state them, and their conversions.

A :class:`Rate` keeps the figure and the unit the user wrote ("1.5%/month"),
so every trace can quote it back, and converts exactly (Decimal) to the
annual nominal rate, a periodic rate, or a daily rate under a day count.

>>> r = parse_rate("1.5%/month")
>>> r.annual == Decimal("0.18")
True
>>> str(r), r.annual_text()
('1.5%/month', '18%')
>>> parse_rate("0.05%/day").annual_text()
'18.25%'
>>> parse_rate("4.9%").periodic(12)
Decimal('0.004083333333333333333333333333333333333333')
>>> parse_rate("万分之五/日") == parse_rate("0.05%/day") == parse_rate("日息0.05%")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from .errors import InputError, bad
from .kinds import RATE_UNITS, RateUnit
from .money import WORKING
from .text import msg

UNITS: dict[str, RateUnit] = {
    "year": "year", "yr": "year", "y": "year", "annual": "year", "annually": "year",
    "pa": "year", "p.a.": "year", "a": "year", "年": "year", "年化": "year",
    "month": "month", "mo": "month", "m": "month", "monthly": "month", "月": "month",
    "day": "day", "d": "day", "daily": "day", "日": "day", "天": "day",
}

#: Days a daily rate is counted over in a year when converted for display.
DAYS_PER_YEAR = {"act/365": 365, "act/360": 360, "30/360": 360, "30E/360": 360}

_CHINESE_FRACTIONS = {"百分之": Decimal("0.01"), "千分之": Decimal("0.001"), "万分之": Decimal("0.0001")}
_SYMBOLS = {"%": Decimal("0.01"), "‰": Decimal("0.001"), "‱": Decimal("0.0001")}
_RATE_RE = re.compile(
    r"^\s*(?P<num>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(?P<sym>%|‰|‱)\s*"
    r"(?:(?:/|per\s+|p\.?\s*)?\s*(?P<unit>[a-z.]+|年化?|月|日|天))?\s*$",
    re.IGNORECASE,
)
#: a unit written before the figure, as Chinese contracts and apps do (日万分之五, 年化利率18%); longest first
_CHINESE_PREFIXES: dict[str, RateUnit] = {
                     "年化利率": "year", "每日利率": "day", "每月利率": "month", "年化": "year", "年利率": "year",
                     "年息": "year", "月利率": "month", "月息": "month", "日利率": "day", "日息": "day",
                     "每日": "day", "每天": "day", "每月": "month", "每年": "year", "日": "day", "月": "month",
                     "年": "year"}
#: full-width digits, ％, ．and ／ read as their ASCII forms
_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．／", "0123456789%./")
#: ‱, ‰ and 万分之/千分之 are day (or month) rates in Chinese usage: without a unit they are refused
_NEEDS_UNIT = ("‱", "‰", "万分之", "千分之")


@dataclass(frozen=True)
class Rate:
    """A rate per year, month or day, as a fraction (0.049 for 4.9%)."""

    value: Decimal
    unit: RateUnit = "year"

    def __post_init__(self) -> None:
        if self.unit not in RATE_UNITS:
            raise InputError(f"rate: unit {self.unit!r} must be year, month or day")
        if self.value < 0:
            raise InputError(f"rate: {self} is negative; a rate must be 0% or more")

    @property
    def annual(self) -> Decimal:
        """Annual nominal rate: month × 12, day × 365 (the Chinese simple convention)."""
        return self.annual_for("act/365")

    def annual_for(self, day_count: str) -> Decimal:
        """Annual nominal rate, a daily rate counted over the day count's year."""
        factor = {"year": 1, "month": 12, "day": DAYS_PER_YEAR[day_count]}[self.unit]
        return WORKING.multiply(self.value, Decimal(factor))

    def periodic(self, periods_per_year: int, day_count: str = "act/365") -> Decimal:
        """Rate per period of a schedule: a monthly rate on a monthly schedule is itself; a
        daily rate is counted over the day count's year (× 365, or × 360 under act/360 and 30/360)."""
        if self.unit == "month" and periods_per_year == 12:
            return self.value
        return WORKING.divide(self.annual_for(day_count), Decimal(periods_per_year))

    def daily(self, day_count: str) -> Decimal:
        """Rate per day: a daily rate as written, otherwise annual ÷ 365 or 360."""
        if self.unit == "day":
            return self.value
        return WORKING.divide(self.annual, Decimal(DAYS_PER_YEAR[day_count]))

    def periodic_exact(self, periods_per_year: int, day_count: str = "act/365") -> Fraction:
        """The periodic rate as an exact fraction: 4.9%/year monthly is 49/12000; a daily rate
        is counted over the day count's year: 0.05%/day under act/360 is 0.05% × 360 ÷ 12 = 1.5%.

        >>> Rate(Decimal("0.0005"), "day").periodic_exact(12, "act/360")
        Fraction(3, 200)
        """
        if self.unit == "month" and periods_per_year == 12:
            return Fraction(self.value)
        year = {"year": 1, "month": 12, "day": DAYS_PER_YEAR[day_count]}[self.unit]
        return Fraction(self.value) * year / periods_per_year

    def daily_exact(self, day_count: str) -> Fraction:
        """The daily rate as an exact fraction: a daily rate as written, else annual ÷ 365 or 360."""
        if self.unit == "day":
            return Fraction(self.value)
        annual = Fraction(self.value) * (12 if self.unit == "month" else 1)
        return annual / DAYS_PER_YEAR[day_count]

    def scaled(self, factor: Decimal) -> Rate:
        """This rate times a factor, same unit: contract+50% is scaled(1.5)."""
        return Rate(WORKING.multiply(self.value, factor), self.unit)

    def annual_text(self) -> str:
        """The annual nominal rate as a percentage: '18.25%'."""
        return percent_text(self.annual)

    def __str__(self) -> str:
        return f"{percent_text(self.value)}/{self.unit}"


def parse_percentage(value: object, field: str) -> Decimal:
    """A percentage as a fraction: '20%' → 0.2 (callers check its range). The one rule for
    every percentage a user writes: text with a % sign. A bare number is
    refused (is 0.5 one half or half a percent?), with the fix spelled out.

    >>> parse_percentage("12.5%", "percent")
    Decimal('0.125')
    >>> parse_percentage(0.5, "percent")
    Traceback (most recent call last):
    ...
    repayplan.errors.InputError: percent: 0.5 is a bare number; a percentage is text with %: write it as '50%'
    """
    _bounded(value, field, "err.not_percentage")
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        try:
            number = Decimal(str(value))
        except InvalidOperation:  # pragma: no cover - str() of a number is a number
            number = Decimal("NaN")
        if number.is_finite():
            points = number * 100 if 0 < number <= 1 else number
            raise bad(field, "err.bare_percentage", value=value, fixed=f"'{points.normalize():f}%'")
    if isinstance(value, str):
        text = value.strip()
        if not text.endswith("%"):
            try:
                Decimal(text)
            except InvalidOperation:
                pass
            else:
                raise bad(field, "err.no_percent_sign", value=repr(value), fixed=f"'{text}%'")
        else:
            try:
                number = Decimal(text[:-1].strip())
            except InvalidOperation:
                number = Decimal("NaN")
            if number.is_finite() and number.adjusted() < 9:  # 1e999999999% is no percentage
                return WORKING.divide(number, Decimal(100)).normalize()
    raise bad(field, "err.not_percentage", value=repr(value))


def percent_text(fraction: Decimal, places: int | None = None) -> str:
    """0.049 -> '4.9%'; trailing zeros dropped unless places is given.

    >>> percent_text(Decimal("0.18")), percent_text(Decimal("0.1234567"), 2), percent_text(Decimal("-0.00001"), 2)
    ('18%', '12.35%', '0.00%')
    """
    pct = fraction * 100
    if places is not None:
        shown = pct.quantize(Decimal(1).scaleb(-places))
        return f"{shown.copy_abs() if not shown else shown:f}%"  # -0.001% shown as 0.00%, not -0.00%
    pct = pct.quantize(Decimal("1e-10")).normalize()
    return f"{pct:f}%"


def grouped_percent(fraction: Decimal, places: int = 2) -> str:
    """A percentage for people: :func:`percent_text` with its whole part grouped by thousands.

    >>> grouped_percent(Decimal("12.868912")), grouped_percent(Decimal("-0.2941")), grouped_percent(Decimal("1000"))
    ('1,286.89%', '-29.41%', '100,000.00%')
    """
    text = percent_text(fraction, places)
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, rest = digits.partition(".")
    return f"{sign}{int(whole):,}{dot}{rest}" if dot else f"{sign}{int(whole[:-1]):,}%"


def parse_rate(text: object, field: str = "rate") -> Rate:
    """Parse a contract rate: '4.9%', '4.9%/year', '1.5%/month', '0.05%/day',
    '5‱/day' or Chinese '万分之五/日'; a bare percentage is annual."""
    if isinstance(text, Rate):
        return text
    _bounded(text, field, "err.not_rate", hint=msg("err.rate_hint"))
    if not isinstance(text, str):
        shown = text if isinstance(text, int | Decimal) else repr(text)
        raise bad(field, "err.not_rate_quoted", value=shown, hint=msg("err.rate_hint"))
    source = text.strip().translate(_FULL_WIDTH).lower().replace("per annum", "pa").replace("p. a.", "p.a.")
    source = source.replace("（", "(").replace("）", ")")
    bare = any(mark in source for mark in _NEEDS_UNIT) and not _has_unit(source)
    if bare:
        raise bad(field, "err.rate_no_period", value=repr(text))
    for word, prefix_unit in _CHINESE_PREFIXES.items():
        if source.startswith(word) and "/" not in source:
            source = f"{source[len(word):].strip()}/{prefix_unit}"
            break
    for word, scale in _CHINESE_FRACTIONS.items():
        if source.startswith(word):
            return _parse_chinese(source[len(word):], scale, text, field)
    match = _RATE_RE.match(source)
    if not match:
        raise bad(field, "err.not_rate", value=repr(text), hint=msg("err.rate_hint"))
    written: str = match["unit"] or "year"
    unit: RateUnit | None = UNITS.get(written.rstrip(".")) or UNITS.get(written)
    if unit is None:
        raise bad(field, "err.unknown_period", unit=repr(match["unit"]), text=repr(text))
    try:
        value = WORKING.multiply(Decimal(match["num"]), _SYMBOLS[match["sym"]])
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        raise bad(field, "err.not_rate", value=repr(text), hint=msg("err.rate_hint")) from None
    return Rate(value, unit)


def _bounded(value: object, field: str, key: str, **args: Any) -> None:
    """Refuse a text too long to be a rate or a percentage, or a number of absurd size, before parsing it."""
    from .inputs import brief

    if isinstance(value, str) and len(value) > 40 or isinstance(value, Decimal) and value.is_finite() \
            and value.adjusted() > 9:
        raise bad(field, key, value=brief(value), **args)


def _has_unit(source: str) -> bool:
    """Whether a rate says its period: a prefix (日, 年化, 月息 …) or a suffix (/day, /日, per month …)."""
    if any(source.startswith(word) for word in _CHINESE_PREFIXES):
        return True
    match = re.search(r"(?:/|per\s+|p\.?\s*)\s*([a-z.]+|年化?|月|日|天)\s*$", source)
    if match is None:
        return False
    return (UNITS.get(match.group(1).rstrip(".")) or UNITS.get(match.group(1))) is not None


_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10}


def _parse_chinese(rest: str, scale: Decimal, original: str, field: str) -> Rate:
    number, _, unit_text = rest.partition("/")
    unit: RateUnit | None
    number = number.strip()
    if number and all(ch in _CN_DIGITS for ch in number) and len(number) == 1:
        value = Decimal(_CN_DIGITS[number])
    else:
        try:
            value = Decimal(number)
        except InvalidOperation:
            raise bad(field, "err.not_rate", value=repr(original), hint=msg("err.rate_hint")) from None
    unit = UNITS.get(unit_text.strip() or "年")
    if unit is None:
        raise bad(field, "err.unknown_period_zh", unit=repr(unit_text), text=repr(original))
    return Rate(WORKING.multiply(value, scale), unit)
