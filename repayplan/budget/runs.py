"""Where a plan's extra money goes, month by month, in runs: the answer's words as data.

The extra of a debt in a month is what it was paid above its minimum (the
month's money after every minimum). A run is a stretch of months in which
the same debts get the extra; each share is given as the least and most of
the run's months (one amount for a run of one month), and the debts the run
clears. Shares under :data:`NOISE` minor units, or under :data:`SHARE` of
the month's extra, are left out: the cents by which the exact replay follows
the solver's balances, not a choice (the month-by-month table has them).

>>> from datetime import date
>>> from repayplan.budget import Budget, Decimal, RevolvingDebt, parse_rate, plan
>>> a = RevolvingDebt("a", Decimal("1000"), parse_rate("1%/month"), Decimal(0), Decimal("100"))
>>> b = RevolvingDebt("b", Decimal("2000"), parse_rate("2%/month"), Decimal(0), Decimal("100"))
>>> p = plan([a, b], Budget(Decimal("500"), date(2025, 1, 1)), ["avalanche"])
>>> for r in extra_runs(p.result("avalanche"), 2):
...     print(r.first, r.last, [(s.debt, s.least, s.most) for s in r.shares], r.cleared)
1 5 [(1, 30000, 30000)] ()
6 6 [(0, 27092, 27092), (1, 2908, 2908)] (1,)
7 7 [(0, 7715, 7715)] (0,)

By hand: 500.00 less the minimums (100.00 each) leaves 300.00 a month for b
(2%/month): 2,040.00 − 400.00 = 1,640.00, then 1,272.80, 898.26, 516.23,
126.55; in month 6 b's bill is 129.08, so 29.08 above its minimum clears it
and the other 270.92 goes to a (546.32 owed); in month 7 a owes
(546.32 − 370.92) × 1.01 = 177.15: 77.15 above its minimum clears it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .results import StrategyResult

__all__ = ["NOISE", "SHARE", "Run", "Share", "extra_runs"]

#: shares of a month's extra below this many minor units, or below this part of the month's extra, are
#: the replay's cents, not a choice
NOISE, SHARE = 100, 0.01


@dataclass(frozen=True)
class Share:
    """One debt's extra over a run: the least and most of its months (minor units) and their sum."""

    debt: int  # the debt's index in the case
    least: int
    most: int
    total: int


@dataclass(frozen=True)
class Run:
    """Plan months ``first`` to ``last`` (1-based): the same debts get the extra."""

    first: int
    last: int
    shares: tuple[Share, ...]  # the largest total first
    cleared: tuple[int, ...] = ()  # debts repaid within the run


def extra_runs(result: StrategyResult, size: int) -> tuple[Run, ...]:
    """The runs of a strategy's months, in order; a month with no extra ends a run and starts none."""
    runs: list[Run] = []
    months: list[tuple[int, dict[int, int], tuple[int, ...]]] = []

    def close() -> None:
        if not months:
            return
        debts = months[0][1].keys()
        shares = [Share(i, min(m[1][i] for m in months), max(m[1][i] for m in months), sum(m[1][i] for m in months))
                  for i in debts]
        shares.sort(key=lambda s: (-s.total, s.debt))
        cleared = tuple(i for m in months for i in m[2])
        runs.append(Run(months[0][0], months[-1][0], tuple(shares), cleared))
        months.clear()

    owed_before = [1] * size
    for row in result.timeline:
        above = [row.payment_units[i] - row.minimum_units[i] for i in range(size)]
        least = max(NOISE, SHARE * sum(x for x in above if x > 0))
        extra = {i: x for i, x in enumerate(above) if x >= least}
        cleared = tuple(i for i in range(size) if owed_before[i] > 0 and row.balance_units[i] == 0)
        owed_before = list(row.balance_units)
        if months and set(extra) != set(months[-1][1]):
            close()
        if extra:
            months.append((row.period, extra, cleared))
    close()
    return tuple(runs)
