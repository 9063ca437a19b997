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


# -- the tiny cases, worked by hand ----------------------------------------------------------------------

def test_clear_the_full_bill_card_first_by_hand() -> None:
    # Two cards at 0.05%/day, minimum 10% of the bill: "full" (6,000, interest on the whole bill unless paid in
    # full) and "card" (4,000, interest on what is unpaid); 5,000 a month from 1 January 2025.
    full = RevolvingDebt("full", D("6000"), parse_rate("0.05%/day"), D("0.10"), interest_on="full")
    card = RevolvingDebt("card", D("4000"), parse_rate("0.05%/day"), D("0.10"))
    p = plan([full, card], Budget(D("5000"), JAN1),
             ["optimal", "avalanche", strategy("custom", ["full"]), strategy("custom", ["card"])])
    # Month 1 (31 days): full 6,000 × 0.05% × 31 = 93.00 -> bill 6,093.00, minimum 609.30; card 4,000 × 0.05% × 31
    # = 62.00 -> 4,062.00, minimum 406.20; 5,000 − 1,015.50 = 3,984.50 extra.
    # Avalanche (equal rates; the card's rest 3,655.80 fits the extra and the full card's 5,483.70 does not): the
    # card is cleared (4,062.00), full gets 938.00 -> 5,155.00. Month 2 (28 days): full's interest runs on the whole
    # January bill: 6,093.00 × 0.05% × 28 = 85.302 -> 85.30; bill 5,240.30, 5,000 paid -> 240.30. Month 3 (31 days):
    # 5,240.30 × 0.05% × 31 = 81.22465 -> 81.22; 321.52 paid. Interest 93 + 62 + 85.30 + 81.22 = 321.52.
    avalanche = p.result("avalanche")
    assert [r.payments for r in avalanche.timeline] == [(D("938.00"), D("4062.00")), (D("5000.00"), D("0.00")),
                                                        (D("321.52"), D("0.00"))]
    assert avalanche.cost == D("93.00") + D("62.00") + D("85.30") + D("81.22") == D("321.52")
    # The full card first: 609.30 + 3,984.50 = 4,593.80 -> 1,499.20; card 3,655.80. Month 2: full 85.30 (whole
    # bill) -> 1,584.50 paid in full; card 3,655.80 × 1.4% = 51.1812 -> 51.18, 3,706.98; 5,000 − 1,584.50 =
    # 3,415.50 -> 291.48. Month 3: 291.48 × 1.55% = 4.51794 -> 4.52. Interest 93 + 62 + 85.30 + 51.18 + 4.52.
    assert p.result("custom").cost == D("93.00") + D("62.00") + D("85.30") + D("51.18") + D("4.52") == D("296.00")
    # The optimum: pay full only as much in month 1 as lets month 2's money clear its whole bill (its month-2
    # interest, 85.30, is owed on the whole January bill either way): full 1,205.42 -> 4,887.58; card 3,794.58
    # -> 267.42. Month 2: full 4,887.58 + 85.30 = 4,972.88 paid in full; card 267.42 × 1.4% = 3.74388 -> 3.74,
    # 271.16, minimum 27.116 -> 27.12 (4,972.88 + 27.12 = 5,000) -> 244.04. Month 3: 244.04 × 1.55% = 3.78262
    # -> 3.78. Interest 93 + 62 + 85.30 + 3.74 + 3.78 = 247.82: no interest on full in month 3 (81.22 above).
    best = p.result("optimal")
    assert [r.payments for r in best.timeline][1:] == [(D("4972.88"), D("27.12")), (D("0.00"), D("247.82"))]
    assert best.cost == D("93.00") + D("62.00") + D("85.30") + D("3.74") + D("3.78") == D("247.82")
    assert p.optimum is not None and p.optimum.status == "exact"
    assert p.optimum.bound is not None and p.optimum.bound <= best.cost <= p.optimum.bound + p.optimum.rounding
    found, how = exhaustive([full, card], Budget(D("5000"), JAN1))
    assert found[1] >= best.cost, how


def test_a_plan_with_a_fee_is_cleared_a_month_early_by_hand() -> None:
    # A card 5,000 at 18%/year (1.5% a month), minimum 10% of the bill, and a Huabei 0% plan of 1,800 over 6 months
    # with a 45.00 fee each month; 1,000 a month.
    card = RevolvingDebt("card", D("5000"), parse_rate("18%/year"), D("0.10"))
    huabei = InstallmentDebt("huabei", Loan(D("1800"), parse_rate("0%"), 6, method="equal-principal",
                                            installment_fee=D("45"), start=JAN1))
    p = plan([card, huabei], Budget(D("1000"), JAN1), ["optimal", "avalanche", strategy("custom", ["huabei"])])
    # Month 1: card 5,000 × 1.5% = 75.00, minimum 507.50; huabei 300 + 45 = 345.00; 147.50 extra to the card
    # (18% beats 0%; the Huabei's 1,545 − 345 = 1,200 left is beyond the extra, so its fee is not yet in reach).
    avalanche, huabei_first, best = p.result("avalanche"), p.result("custom"), p.result("optimal")
    assert avalanche.timeline[0].payments == (D("655.00"), D("345.00"))
    # Avalanche clears the Huabei in month 5 (five fees, 225.00); the Huabei first clears it in month 4 (180.00)
    # but leaves the card at 4,567.50 after month 1 instead of 4,420.00.
    assert (avalanche.debts[1].payoff_period, avalanche.total_fees) == (5, D("225.00"))
    assert (huabei_first.debts[1].payoff_period, huabei_first.total_fees) == (4, D("180.00"))
    # The optimum: the card first in month 1 (as avalanche), then just enough to the Huabei to clear it in month 4.
    # Month 2: card 4,420 × 1.5% = 66.30, 4,486.30, minimum 448.63; the Huabei 387.33 (345 + 42.33) -> 1,545 −
    # 345 − 42.33 = 1,157.67; card 1,000 − 387.33 = 612.67 -> 3,873.63. Month 3: card 3,873.63 × 1.5% = 58.10445
    # -> 58.10, 3,931.73, minimum 393.17; Huabei 1,000 − 393.17 = 606.83 -> 1,157.67 + 45 − 606.83 = 595.84.
    # Month 4: card 3,538.56 × 1.5% = 53.0784 -> 53.08, minimum 359.16; Huabei 595.84 + 45 = 640.84, paid off.
    assert [r.payments for r in best.timeline[1:4]] == [(D("612.67"), D("387.33")), (D("393.17"), D("606.83")),
                                                        (D("359.16"), D("640.84"))]
    assert (best.debts[1].payoff_period, best.total_fees) == (4, D("180.00"))
    # one fee fewer than avalanche (45.00) for 12.86 more card interest: 572.07 − 539.93 = 32.14
    assert best.total_interest - avalanche.total_interest == D("12.86")
    assert avalanche.cost - best.cost == D("45.00") - D("12.86") == D("32.14")
    assert huabei_first.cost > best.cost
    found, how = exhaustive([card, huabei], Budget(D("1000"), JAN1))
    assert found[1] >= best.cost, how


def test_past_the_time_budget_the_plan_says_so_with_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    # a model larger than the exact search takes on: the linear relaxation's bound, the best rule's payoffs
    from repayplan.budget import optimal as model
    from repayplan.report.plan_answer import answer_lines, bound_text

    monkeypatch.setattr(model, "MILP_UP_TO", 0)
    card = RevolvingDebt("card", D("5000"), parse_rate("18%/year"), D("0.10"))
    huabei = InstallmentDebt("huabei", Loan(D("1800"), parse_rate("0%"), 6, method="equal-principal",
                                            installment_fee=D("45"), start=JAN1))
    p = plan([card, huabei], Budget(D("1000"), JAN1))
    o, best = p.optimum, p.result("optimal")
    assert o is not None and o.status == "too-large" and o.bound is not None and o.gap is not None
    # the relaxation bounds every plan: the exact optimum found by the full search (539.93) is above it
    assert o.bound <= D("539.93") <= best.cost <= p.result("avalanche").cost
    assert o.gap == best.cost - o.bound
    assert bound_text(p, "en").startswith("The exact search is beyond its work limit")
    assert bound_text(p, "zh").startswith("精确搜索超出其工作量上限")
    assert bound_text(p, "en") in answer_lines(p, "en") and bound_text(p, "zh") in answer_lines(p, "zh")


def test_below_the_minimums_there_is_no_bound_and_it_is_said() -> None:
    # 150 a month against two minimums of 100: no extra to direct; the cheapest rule is the answer, no bound
    from repayplan.report.plan_answer import answer_lines

    a = RevolvingDebt("a", D("1000"), parse_rate("1%/month"), D(0), D("100"))
    b = RevolvingDebt("b", D("2000"), parse_rate("2%/month"), D(0), D("100"))
    p = plan([a, b], Budget(D("150"), JAN1))
    assert p.optimum is not None and (p.optimum.status, p.optimum.reason, p.optimum.bound) == ("no-bound", "short",
                                                                                                 None)
    assert p.result("optimal").cost <= min(r.cost for r in p.results if r.name != "optimal")
    assert any(line.startswith("No bound: the budget falls short of the minimums") for line in answer_lines(p, "en"))
