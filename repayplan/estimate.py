"""The level installment in binary floating point, with a proved bound on
its error: it decides the unit of :func:`repayplan.level.level_payment`
unless the amount lies too near a rounding tie, where the 40-digit Decimal
computation decides (the daily basis, whose factors change period to
period, would otherwise take a 40-digit division a period).

>>> level_estimate(Decimal("1200.00"), [Fraction(0)] * 12, 2)  # 100.00, half a cent from any tie
10000
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

#: Factors (other than 0) the estimate takes: where the 40-digit computation's error is proved small below.
_SMALLEST_FACTOR, _LARGEST_FACTOR = 1e-12, 1e6
#: The float estimate takes at most this many periods (its error bound grows with the count).
_MOST_PERIODS = 100_000
#: Binary64 unit roundoff (round to nearest).
_UNIT_ROUNDOFF = 2.0**-53
#: A bound on the 40-digit computation's relative error, for the factors taken (see level_estimate).
_DECIMAL_ERROR = 1e-20


def level_estimate(balance: Decimal, factors: Sequence[Fraction | Decimal], places: int) -> int | None:
    """:func:`~repayplan.level.level_payment_decimal` in minor units, from a binary64
    estimate, or None when the estimate cannot prove which unit it rounds to
    (too near a tie between two units, or factors or amounts outside the
    range the bound covers): then the caller computes it in Decimal.

    Why the unit is the same. Let E be the exact amount in minor units,
    B·10^p ÷ Σₖ Πⱼ≤ₖ (1+fⱼ)^−1; D the 40-digit computation's; x this
    estimate. With u = 2^−53 every float operation has relative error ≤ u:
    fⱼ as a float (a correctly rounded integer or decimal conversion), 1+fⱼ,
    each division of the discount (3 roundings a period, so the k-th
    discount is within γ(3k) of exact, γ(m) = mu/(1−mu)), the running sum
    of positive terms (≤ n−1 more roundings each), B as a float, × 10^p and
    the final division: |x − E| ≤ γ(4n+3)·E ≤ εf·E with εf = (8n+16)·u (the
    factor 2 covers 1/(1−γ)). The 40-digit computation has η = ½·10^−39 a
    rounding: periods one at a time err as above with η for u; a run of m
    equal factors f is summed as d·(1−s^−m)/(s−1) with s = 1+f rounded
    (twice: f, then 1+f), where s−1 is exact but within 2η(1+f) of f, and
    1 − s^−m (the power within ten units of the 40th digit, which a test
    checks) is at least f/(1+f): each is within 2·10^−38·(1+f)/f +
    2mη(1+f)/f relative, ≤ 2·10^−22 for 10^−12 ≤ f ≤ 10^6 and m ≤ 100,000
    periods, so |D − E| ≤ εd·E with εd = 10^−20. Hence
    |x − D| ≤ (εf + εd)·E ≤ τ = 1.001·(εf + εd)·x. The rounding ties lie at
    k + ½; when x is farther than τ from the nearest one, D lies on the same
    side of every tie as x and rounds (half up or half even alike, D being
    no tie) to the unit x rounds to.

    >>> level_estimate(Decimal("1000000"), [Fraction(49, 12000)] * 360, 2)  # 5,307.27
    530727
    >>> level_estimate(Decimal("0.005"), [Fraction(0)], 2) is None  # half a cent: a tie, decided in Decimal
    True
    """
    n = len(factors)
    if not 0 < n <= _MOST_PERIODS or not balance > 0:
        return None
    growth: dict[int, float] = {}  # 1 + factor as a float, once per distinct factor object
    discount, present = 1.0, 0.0
    previous: object = None
    step = 1.0
    for factor in factors:
        if factor is not previous:
            previous = factor
            known = growth.get(id(factor))
            if known is None:
                if factor != 0 and not _SMALLEST_FACTOR <= factor <= _LARGEST_FACTOR:  # negative, tiny or huge
                    return None
                known = growth[id(factor)] = 1.0 + (factor.numerator / factor.denominator  # float ok: an estimate
                                                    if isinstance(factor, Fraction) else float(factor))  # float ok
            step = known
        discount /= step
        present += discount
    if not discount > 1e-300:  # an underflow (subnormal numbers lose the relative bound)
        return None
    x = float(balance) * 10.0**places / present  # float ok: the estimate, checked against the tie bound
    if not 0.0 <= x < 2.0**52:  # also not a number, or infinite
        return None
    whole = math.floor(x)
    fraction = x - whole  # exact below 2^52
    tolerance = 1.001 * ((8 * n + 16) * _UNIT_ROUNDOFF + _DECIMAL_ERROR) * x
    if abs(fraction - 0.5) <= tolerance:
        return None
    return whole + (fraction > 0.5)
