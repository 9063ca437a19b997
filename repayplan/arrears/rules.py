"""Arrears rules both engines share: the statement's replay (Decimal, with
traces) and the budget's accounts (integer minor units) call these.

>>> late_fee_kept(3, 10, None), late_fee_kept(30, 10, 25), late_fee_kept(Decimal("12.50"), Decimal("10"), None)
(10, 25, Decimal('12.50'))
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

N = TypeVar("N", int, Decimal)


def late_fee_kept(raw: N, least: N, most: N | None) -> N:
    """A late fee charged as a rate of the unpaid amount, kept within the
    contract's ``late_fee_min`` and ``late_fee_max`` (the maximum wins when
    the two cross; the case-file reader refuses that)."""
    kept = raw if raw > least else least
    return kept if most is None or kept < most else most
