"""The optimal plan's solver: HiGHS run by work, not seconds; the decided
yes/no choices; the answer's runs of where the extra goes.

The exhaustive comparison of the optimal plan lives in test_budget_optimal.py;
these check the parts this file's modules add, against hand calculations.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from repayplan import Loan, parse_rate
from repayplan.budget import Budget, InstallmentDebt, RevolvingDebt, highs, plan
from repayplan.budget.program import soonest
from repayplan.report.plan_answer import answer_lines, bound_text, optimal_dict, run_lines

D = Decimal
JAN1 = date(2025, 1, 1)


def small_program() -> highs.Program:
    """min 3a + 2b + x, a and b binary, x ≥ 0: a + b ≥ 1, x + 2a ≥ 1.5.

    By hand: a = 1 costs 3 (x = 0); b = 1 costs 2 + 1.5 = 3.5; both 5: the
    optimum is 3. Relaxed, a = t, b = 1 − t, x = max(0, 1.5 − 2t) costs
    t + 2 + max(0, 1.5 − 2t), least at t = 0.75: 2.75."""
    return highs.Program(np.array([3.0, 2.0, 1.0]), np.zeros(3), np.array([1.0, 1.0, np.inf]),
                         np.array([1, 1, 0]), ([0, 0, 1, 1], [0, 1, 0, 2], [1.0, 1.0, 2.0, 1.0]),
                         [1.0, 1.5], [np.inf, np.inf])


def test_highs_solves_the_hand_solved_program_and_its_relaxation() -> None:
    best = highs.run(small_program(), time_limit=5.0)
    assert best.status == "optimal" and best.objective == pytest.approx(3.0)
    assert best.x.round(6).tolist() == [1.0, 0.0, 0.0] and best.dual_bound == pytest.approx(3.0)
    relaxed = highs.run(small_program(), time_limit=5.0, relax=True)
    assert relaxed.status == "optimal" and relaxed.objective == pytest.approx(2.75)


def test_the_public_milp_gives_the_same_answer_as_the_bundled_binding() -> None:
    # the fallback when scipy's binding cannot be loaded from its file: the same solver through milp
    fallback = highs._milp(small_program(), np.array([1, 1, 0]), 5.0, highs.NODE_LIMIT, 1e-9)
    assert fallback.status == "optimal" and fallback.objective == pytest.approx(3.0)
    assert fallback.x.round(6).tolist() == [1.0, 0.0, 0.0]


def test_a_debt_is_not_cleared_before_all_the_money_could_clear_it() -> None:
    # 10,000 at 0% (no minimum beyond 10%), 3,000 a month: 7,000, 4,000, 1,000 owed after months 1-3; cleared
    # in month 4 at the soonest (index 3). At 3,334 a month it still needs 4 months (3 × 3,334 = 10,002 clears
    # it in month 3: index 2).
    card = RevolvingDebt("card", D("10000"), parse_rate("0%"), D("0.10"))
    days = [31, 28, 31, 30, 31, 30]
    assert soonest(card, 0, JAN1, None, days, 6, (300000, 300000)) == 3
    assert soonest(card, 0, JAN1, None, days, 6, (333400, 333400)) == 2
    # a month-1 lump sum that covers it: cleared in month 1
    assert soonest(card, 0, JAN1, None, days, 6, (1000000, 300000)) == 0


def five_debts() -> list:
    """The 5-debt bench case (bench/bench_plan.py), built in Python."""
    return [
        RevolvingDebt("card", D("18000"), parse_rate("0.05%/day"), D("0.05"), D("100"), interest_on="full"),
        RevolvingDebt("card2", D("9000"), parse_rate("18%/year"), D("0.05"), D("100")),
        InstallmentDebt("huabei", Loan(D("6000"), parse_rate("0%"), 12, method="equal-principal",
                                       installment_fee=D("45"), start=JAN1)),
        InstallmentDebt("cash", Loan(D("20000"), parse_rate("1.5%/month"), 60, start=JAN1)),
        InstallmentDebt("cash2", Loan(D("8000"), parse_rate("1%/month"), 36, start=JAN1), prepay="reduce-payment"),
    ]


def test_the_answer_does_not_depend_on_the_time_given() -> None:
    # the search stops by work (branch-and-bound nodes), so a short and a long safety limit give one answer
    budget = Budget(D("3200"), JAN1)
    quick, slow = plan(five_debts(), budget, time_limit=15), plan(five_debts(), budget, time_limit=60)
    assert quick.optimum is not None and slow.optimum is not None
    assert quick.optimum.status != "time-limit"
    assert (quick.result("optimal").cost, quick.optimum.bound, quick.optimum.nodes) == (
        slow.result("optimal").cost, slow.optimum.bound, slow.optimum.nodes)
    assert quick.result("optimal").timeline == slow.result("optimal").timeline
    assert quick.optimum.bound is not None and quick.optimum.bound <= quick.result("optimal").cost


def test_past_the_work_limit_the_plan_says_so_with_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highs, "NODE_LIMIT", 1)
    p = plan(five_debts(), Budget(D("3200"), JAN1), time_limit=60)
    o = p.optimum
    assert o is not None and o.status == "node-limit" and o.nodes == 1
    assert o.bound is not None and o.gap == p.result("optimal").cost - o.bound >= 0
    assert bound_text(p, "en").startswith("Best plan found within the search's work limit (1 branch-and-bound")
    assert bound_text(p, "zh").startswith("在搜索的工作量上限内（1个分支定界节点")


def test_the_answer_says_where_each_months_extra_goes() -> None:
    # Two cards at 0.05%/day, 6,000 charging interest on the whole bill and 4,000, minimum 10%, 5,000 a
    # month (docs/plan.md, worked by hand): month 1's bills are 6,093.00 and 4,062.00, minimums 609.30 and
    # 406.20, so 3,984.50 is extra. The optimum pays the full-bill card down to 4,887.58 only (its extra:
    # 6,093.00 − 609.30 − 4,887.58 = 596.12), the other card the rest (3,984.50 − 596.12 = 3,388.38), so that
    # February's money clears the full-bill card: 4,887.58 + 6,093.00 × 0.05% × 28 = 4,972.88, less its
    # minimum 497.29 = 4,475.59 extra, and the other card's minimum (267.42 + 3.74) × 10% = 27.12 makes
    # 5,000.00. March: the other card owes 244.04 + 3.78 = 247.82, less its minimum 24.78 = 223.04 extra.
    full = RevolvingDebt("full", D("6000"), parse_rate("0.05%/day"), D("0.10"), interest_on="full")
    other = RevolvingDebt("other", D("4000"), parse_rate("0.05%/day"), D("0.10"))
    p = plan([full, other], Budget(D("5000"), JAN1))
    lines = run_lines(p, "en", None)
    assert lines == ["* Month 1: extra 3,388.38 to other, 596.12 to full (full is repaid sooner than under "
                     "avalanche: until it is paid in full, interest runs on the whole bill)",
                     "* Month 2: extra 4,475.59 to full, clearing full",
                     "* Month 3: extra 223.04 to other, clearing other"]
    zh = run_lines(p, "zh", None)
    assert zh == ["* 第1个月：余款3,388.38还other，596.12还full（full比雪崩法早还清：未全额还清前，整笔账单计息）",
                  "* 第2个月：余款4,475.59还full，还清full", "* 第3个月：余款223.04还other，还清other"]
    answer = answer_lines(p, "en")
    assert answer[0].startswith("Answer: debt-free in 3 months") and answer[1:1 + len(lines)] == lines
    data = optimal_dict(p)
    assert data is not None and data["extra_lines"] == [line[2:] for line in lines]
    assert data["extra_runs"][0]["shares"][0] == {"debt": "other", "least": "3388.38", "most": "3388.38",
                                                  "total": "3388.38"}


def test_at_a_terminal_the_runs_are_cut_and_counted() -> None:
    p = plan(five_debts(), Budget(D("3200"), JAN1))
    every, shown = run_lines(p, "en", None), run_lines(p, "en")
    assert len(every) > 8 and shown[:8] == every[:8]
    assert shown[8] == f"  … and {len(every) - 8} more (every month: the month-by-month table, --timeline)"


def plus_and_fee_case(seed: int) -> tuple[list, Budget]:
    """Two or three cards whose minimum adds the interest and fee (``min_plus_interest``), some with a monthly
    fee, full-bill or not: the rows whose big-M is cents (program.py)."""
    import random

    rng = random.Random(seed)
    debts = [RevolvingDebt(f"card{i}", D(rng.randrange(2000, 8000, 100)), parse_rate(rng.choice(("0.05%/day",
                                                                                                  "18%/year"))),
                           D(rng.choice(("0.05", "0.10"))), D(rng.choice((0, 50))),
                           min_plus_interest=rng.choice((True, False)), monthly_fee=D(rng.choice((0, 0, 15))),
                           interest_on=rng.choice(("full", "unpaid")))
             for i in range(rng.choice((2, 3)))]
    minimums = sum(plan(debts, Budget(D(10**9), JAN1), ["minimum"]).result("minimum").timeline[0].minimums, D(0))
    return debts, Budget((minimums * D(rng.choice((110, 150, 250))) / 100).quantize(D("0.01")), JAN1)


@pytest.mark.parametrize("seed", range(6))
def test_cards_whose_minimum_adds_interest_and_fees_are_not_cut_off(seed: int) -> None:
    # every fixed order, switch and split of the extra costs no less than optimal, nor less than its bound
    from tests.test_budget_optimal import exhaustive

    debts, budget = plus_and_fee_case(seed)
    p = plan(debts, budget, ["optimal", "avalanche"])
    best = p.result("optimal")
    found, how = exhaustive(debts, budget)
    assert (not best.finished, best.cost) <= (found[0], found[1] + D("0.01")), f"{how} costs {found[1]}"
    if p.optimum is not None and p.optimum.bound is not None and not found[0]:
        assert found[1] >= p.optimum.bound - D("0.01")
        assert p.optimum.bound <= best.cost
