"""The arrears rules, as pure functions both engines call: the statement's
replay (:mod:`repayplan.arrears.replay`, Decimal, which adds the traces) and
the budget's accounts (:mod:`repayplan.budget.account`, integer minor units).

* **Penalty interest** on a base for a run of days: base × daily rate × days,
  rounded once to the minor unit from the exact product — the one rounding
  point (:func:`penalty_units`); what the base is (:func:`penalty_base`).
* **Late fee** (违约金) when an installment is missed: a fixed fee plus a rate
  of what is unpaid, that part rounded once and kept within the contract's
  minimum and maximum (:func:`late_fee`).
* **Allocation**: a payment goes to what is owed in the allocation order,
  each item taking what it is owed as far as the money goes
  (:func:`allocate`); installment by installment or component by component
  across them (:func:`allocation_pairs`); within ``fees``, late fees first
  (:func:`fees_split`).

A missed Huabei installment of 1,045.00 (1,000.00 principal + 45.00 fee),
20 days at 0.05%/day on the overdue installment, a 5% late fee of at least
10.00 and at most 50.00, then 80.00 paid fees → penalty → interest →
principal:

>>> base = penalty_base("overdue-installment", False, 100000, 0, 4500)
>>> base, penalty_units(base, 20, 1, 2000, "half-up")        # 1,045.00 × 0.05% × 20 = 10.45
(104500, 1045)
>>> late_fee(base, 0, Fraction(5, 100), 1000, 5000, "half-up")  # 5% × 1,045.00 = 52.25, at most 50.00
LateFee(fixed=0, raw=5225, kept=5000)
>>> allocate(8000, [("fees", 5000 + 4500), ("penalty", 1045)])  # late fee first, then the installment fee
([('fees', 8000)], 0)
>>> fees_split(8000, 5000)
(5000, 3000)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import product
from typing import NamedTuple, TypeVar

from ..money import round_units

N = TypeVar("N", int, Decimal)
K = TypeVar("K")
L = TypeVar("L")


# -- penalty interest -------------------------------------------------------

def penalty_base(base: str, compound: bool, principal: N, interest: N, installment_fees: N) -> N:
    """What penalty interest runs on, from the unpaid amounts it covers
    (late fees and penalty never: penalty does not compound on penalty).

    ``overdue-installment`` (逾期金额): principal + contractual interest +
    installment fees; otherwise the principal (``overdue-principal``: the
    overdue part; ``outstanding``, 全额罚息: all of it — the caller passes
    which), plus the unpaid interest that has fallen due when ``compound``.

    >>> penalty_base("overdue-installment", True, 100000, 0, 4500), penalty_base("overdue-principal", True, 900, 15, 7)
    (104500, 915)
    """
    if base == "overdue-installment":
        return principal + interest + installment_fees
    if compound:
        return principal + interest
    return principal


def penalty_units(base: int, days: int, daily_num: int, daily_den: int, rounding: str) -> int:
    """Penalty interest in minor units: ``base`` × (daily_num ÷ daily_den) ×
    ``days``, rounded once from the exact product (0 on no base, no days or
    no rate).

    >>> penalty_units(104500, 20, 1, 2000, "half-up"), penalty_units(100000, 0, 1, 2000, "half-up")
    (1045, 0)
    >>> penalty_units(5, 1, 1, 10, "half-up"), penalty_units(5, 1, 1, 10, "half-even")  # 0.5 of a cent
    (1, 0)
    """
    if base <= 0 or days <= 0 or not daily_num:
        return 0
    return round_units(base * daily_num * days, daily_den, rounding)


# -- late fee -----------------------------------------------------------------

class LateFee(NamedTuple):
    """A late fee in minor units: the ``fixed`` fee; the rate's part as
    computed (``raw``, None without a rate) and as ``kept`` within the bounds."""

    fixed: int
    raw: int | None
    kept: int

    @property
    def total(self) -> int:
        return self.fixed + self.kept


def late_fee(unpaid: int, fixed: int, rate: Fraction | None, least: int, most: int | None,
             rounding: str) -> LateFee:
    """The late fee of an installment missed with ``unpaid`` minor units
    unpaid: ``fixed`` plus ``rate`` × ``unpaid`` rounded once and kept within
    ``least`` and ``most`` (:func:`late_fee_kept`).

    >>> late_fee(104500, 2000, None, 0, None, "half-up").total, late_fee(10000, 0, Fraction(1, 20), 1000, None,
    ...                                                                   "half-up")
    (2000, LateFee(fixed=0, raw=500, kept=1000))
    """
    if rate is None:
        return LateFee(fixed=fixed, raw=None, kept=0)
    raw = round_units(unpaid * rate.numerator, rate.denominator, rounding)
    return LateFee(fixed=fixed, raw=raw, kept=late_fee_kept(raw, least, most))


def late_fee_kept(raw: N, least: N, most: N | None) -> N:
    """A late fee charged as a rate of the unpaid amount, kept within the
    contract's ``late_fee_min`` and ``late_fee_max`` (the maximum wins when
    the two cross; the case-file reader refuses that).

    >>> late_fee_kept(3, 10, None), late_fee_kept(30, 10, 25), late_fee_kept(Decimal("12.50"), Decimal("10"), None)
    (10, 25, Decimal('12.50'))
    """
    kept = raw if raw > least else least
    return kept if most is None or kept < most else most


# -- allocation ---------------------------------------------------------------

def allocate(amount: N, owed: Iterable[tuple[K, N]]) -> tuple[list[tuple[K, N]], N]:
    """``amount`` paid to what is ``owed``, in that order: each item takes
    what it owes as far as the money goes (items owing nothing take nothing).
    Returns the parts paid and what is left over. ``owed`` is read only as far
    as the money lasts.

    >>> allocate(100, [("fees", 30), ("interest", 0), ("penalty", 50), ("principal", 400)])
    ([('fees', 30), ('penalty', 50), ('principal', 20)], 0)
    >>> allocate(Decimal("5.00"), [("fees", Decimal("3.00"))])
    ([('fees', Decimal('3.00'))], Decimal('2.00'))
    """
    parts: list[tuple[K, N]] = []
    if amount <= 0:
        return parts, amount
    for key, due in owed:
        if due <= 0:
            continue
        part = due if due < amount else amount
        parts.append((key, part))
        amount -= part
        if amount <= 0:
            break
    return parts, amount


def allocation_pairs(lines: Iterable[L], order: Sequence[str], by_component: bool) -> Iterator[tuple[L, str]]:
    """The (installment, component) pairs a payment goes to, in order: each
    installment in full, oldest first (``allocation_scope = "installment"``),
    or each component across all the installments (``"component"``).

    >>> list(allocation_pairs([1, 2], ["interest", "principal"], False))
    [(1, 'interest'), (1, 'principal'), (2, 'interest'), (2, 'principal')]
    >>> list(allocation_pairs([1, 2], ["interest", "principal"], True))
    [(1, 'interest'), (2, 'interest'), (1, 'principal'), (2, 'principal')]
    """
    if by_component:
        listed = list(lines)
        return ((line, c) for c in order for line in listed)
    if isinstance(lines, Sequence):
        return product(lines, order)
    return ((line, c) for line in lines for c in order)  # read only as far as needed


def fees_split(part: N, late_unpaid: N) -> tuple[N, N]:
    """A part paid to ``fees``: late fees first, then installment fees.

    >>> fees_split(80, 50), fees_split(30, 50)
    ((50, 30), (30, 0))
    """
    late = part if part < late_unpaid else late_unpaid
    return late, part - late
