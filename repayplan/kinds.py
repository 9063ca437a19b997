"""The closed vocabularies of a contract, as types: one place for the words
a loan's method, frequency, day count, interest basis, rate unit and
rounding can take. Each is a ``Literal`` type for the type checker and a
tuple of its words (in the order help texts list them) for readers and
validators.

>>> METHODS
('annuity', 'equal-principal', 'interest-only', 'bullet')
>>> "30E/360" in DAY_COUNTS, RATE_UNITS
(True, ('year', 'month', 'day'))
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["DAY_COUNTS", "FREQUENCY_NAMES", "INTEREST_BASES", "METHODS", "RATE_UNITS", "ROUNDINGS", "DayCount",
           "FrequencyName", "InterestBasis", "Method", "RateUnit", "Rounding"]

#: how a contract repays: 等额本息, 等额本金, 先息后本, 到期还本付息
Method = Literal["annuity", "equal-principal", "interest-only", "bullet"]
#: how often installments fall due
FrequencyName = Literal["monthly", "quarterly", "biweekly", "weekly"]
#: how days are counted for a daily rate and a period's interest
DayCount = Literal["act/365", "act/360", "30/360", "30E/360"]
#: a period's interest at the periodic rate, or by its days at the daily rate
InterestBasis = Literal["periodic", "daily"]
#: what a rate is stated per
RateUnit = Literal["year", "month", "day"]
#: how amounts round to the minor unit
Rounding = Literal["half-up", "half-even"]

METHODS: tuple[Method, ...] = get_args(Method)
FREQUENCY_NAMES: tuple[FrequencyName, ...] = get_args(FrequencyName)
DAY_COUNTS: tuple[DayCount, ...] = get_args(DayCount)
INTEREST_BASES: tuple[InterestBasis, ...] = get_args(InterestBasis)
RATE_UNITS: tuple[RateUnit, ...] = get_args(RateUnit)
ROUNDINGS: tuple[Rounding, ...] = get_args(Rounding)
