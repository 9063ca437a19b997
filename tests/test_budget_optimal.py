"""The optimal plan against exhaustive search, and the tiny cases worked by hand.

On small generated cases (two or three debts: cards at 0.05%/day or 18%/year,
full-bill or not, 0% plans with a monthly fee, cash loans at 1-2.2%/month,
some in arrears; budgets from just above the minimums to 3×), every plan of
three families is played through the exact month engine:

* every fixed pay-first order;
* every switch from one order to another at any month;
* a grid of splits: each month's extra shared in fixed tenths between the
  debts (what a share cannot take flows on in order);

and none may cost more than a cent less than ``optimal``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from itertools import permutations, product

import pytest

from repayplan import Loan, parse_rate
from repayplan.budget import Budget, InstallmentDebt, RevolvingDebt, plan, simulate, strategy
from repayplan.budget.debts import month_dates
from repayplan.money import MoneyPolicy

D = Decimal
JAN1 = date(2025, 1, 1)
CNY = MoneyPolicy("CNY")
CENT = D("0.01")


def ordered(order: tuple[int, ...]) -> Callable[[int, list, int], int]:
    """Pay the extra in a fixed order of debt indexes."""

    def direct(k: int, active: list, left: int) -> int:
        by_index = {a.index: a for a in active}
        for i in order:
            if i in by_index and left:
                left -= by_index[i].pay(left)
        return left

    return direct


def switched(first: tuple[int, ...], then: tuple[int, ...], month: int) -> Callable[[int, list, int], int]:
    a, b = ordered(first), ordered(then)
    return lambda k, active, left: a(k, active, left) if k < month else b(k, active, left)


def split(shares: tuple[int, ...], order: tuple[int, ...]) -> Callable[[int, list, int], int]:
    """Each month debt i gets shares[i] tenths of the extra (up to its payoff); the rest flows in order."""

    def direct(k: int, active: list, left: int) -> int:
        total = left
        for a in active:
            give = total * shares[a.index] // 10
            left -= a.pay(min(give, left))
        return ordered(order)(k, active, left)

    return direct


def cost(debts: list, budget: Budget, director: Callable[[int, list, int], int]) -> tuple[bool, Decimal]:
    r = simulate(debts, budget, strategy("custom", (debts[0].name,)), CNY, None, month_dates(budget.start, 1200),
                 director)
    return (not r.finished, r.cost)


def exhaustive(debts: list, budget: Budget) -> tuple[tuple[bool, Decimal], str]:
    """The cheapest plan of the three families, and which it is."""
    n = len(debts)
    orders = list(permutations(range(n)))
    best = (True, D(10**12)), ""
    horizon = max(simulate(debts, budget, strategy("avalanche"), CNY).months or 1, 1)
    candidates: list[tuple[str, Callable[[int, list, int], int]]] = [(f"order {o}", ordered(o)) for o in orders]
    candidates += [(f"switch {a}->{b} at {m}", switched(a, b, m)) for a in orders for b in orders if a != b
                   for m in range(1, horizon)]
    for shares in product(range(11), repeat=n):
        if sum(shares) == 10 and max(shares) < 10:
            candidates += [(f"split {shares} then {o}", split(shares, o)) for o in orders]
    for name, director in candidates:
        c = cost(debts, budget, director)
        if c < best[0]:
            best = c, name
    return best


def random_case(rng: random.Random) -> tuple[list, Budget]:
    debts: list = []
    for i in range(rng.choice((2, 2, 3))):
        kind = rng.choice(("card", "card", "plan", "cash"))
        if kind == "card":
            rate = rng.choice(("0.05%/day", "18%/year"))
            overdue = D(rng.choice((0, 0, 300)))
            debts.append(RevolvingDebt(f"card{i}", D(rng.randrange(2000, 9000, 100)), parse_rate(rate),
                                       D(rng.choice(("0.05", "0.10"))), D(rng.choice((0, 100))),
                                       interest_on=rng.choice(("full", "unpaid")), overdue=overdue))
        elif kind == "plan":
            loan = Loan(D(rng.randrange(1200, 4000, 100)), parse_rate("0%"), rng.choice((6, 12)), start=JAN1,
                        method="equal-principal", installment_fee=D(rng.choice(("20", "45"))))
            debts.append(InstallmentDebt(f"plan{i}", loan))
        else:
            loan = Loan(D(rng.randrange(3000, 12000, 500)), parse_rate(f"{rng.choice((1, 1.5, 2.2))}%/month"),
                        rng.choice((6, 12)), start=JAN1)
            debts.append(InstallmentDebt(f"cash{i}", loan))
    probe = simulate(debts, Budget(D(10**9), JAN1), strategy("minimum"), CNY)
    minimums = sum(probe.timeline[0].minimums, D(0))
    budget = Budget((minimums * D(rng.choice((105, 130, 180, 300))) / 100).quantize(CENT), JAN1)
    return debts, budget


@pytest.mark.parametrize("seed", range(14))
def test_no_order_switch_or_split_beats_optimal(seed: int) -> None:
    debts, budget = random_case(random.Random(seed))
    p = plan(debts, budget, ["optimal", "avalanche"])
    best = p.result("optimal")
    found, how = exhaustive(debts, budget)
    assert (not best.finished, best.cost) <= (found[0], found[1] + CENT), f"{how} costs {found[1]}"
    # and the bound is a bound: the exhaustive plans cost no less (to the cent of rounding)
    if p.optimum is not None and p.optimum.bound is not None and not found[0]:
        assert found[1] >= p.optimum.bound - CENT
