"""Benchmark: `repayplan plan` core, 20 debts over 30 years, every strategy.

Target: under 0.3 s in-process for the four strategies (avalanche, snowball,
minimum, custom), warnings included. Run by hand: python bench/bench_plan.py
"""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

from repayplan import Loan, parse_rate
from repayplan.budget import Budget, InstallmentDebt, RevolvingDebt, plan, strategy

START = date(2025, 1, 1)


def debts() -> list[InstallmentDebt | RevolvingDebt]:
    """10 installment loans (terms up to 30 years, both prepay modes, all methods) and 10 cards."""
    out: list[InstallmentDebt | RevolvingDebt] = []
    methods = ["annuity", "equal-principal", "annuity", "interest-only", "annuity"]
    for i in range(10):
        term = 360 if i == 0 else 12 * (3 + 3 * i)
        loan = Loan(Decimal(20000 + 37000 * i), parse_rate(f"{3 + i}.5%"), term, method=methods[i % 5],
                    start=date(2024, 1 + i % 12, 1 + i))
        out.append(InstallmentDebt(f"loan{i}", loan, "reduce-payment" if i % 2 else "shorten"))
    for i in range(10):
        out.append(RevolvingDebt(f"card{i}", Decimal(3000 + 1500 * i), parse_rate(f"0.0{3 + i % 5}%/day"),
                                 Decimal("0.03") + Decimal(i % 4) / 100, Decimal(50 + 10 * i),
                                 min_plus_interest=bool(i % 2), interest_on="full" if i % 3 == 0 else "unpaid"))
    return out


def main() -> None:
    all_debts = debts()
    # just above the first month's minimums (23,536.49): every strategy runs for years, `minimum` for 30
    budget = Budget(Decimal("23600"), START, Decimal("20000"), Decimal("5000"))
    strategies = [strategy("avalanche"), strategy("snowball"), strategy("minimum"),
                  strategy("custom", ("card9", "loan3"))]
    plan(all_debts, budget, strategies)  # warm up imports
    runs, cpu = [], []
    for _ in range(5):
        t0, c0 = time.perf_counter(), time.process_time()
        result = plan(all_debts, budget, strategies)
        runs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    best = min(runs)
    months = {r.name: r.months for r in result.results}
    cells = sum(len(r.timeline) for r in result.results) * len(all_debts)
    print(f"20 debts, 4 strategies: {best * 1000:.1f} ms best of 5 (median {sorted(runs)[2] * 1000:.1f} ms, "
          f"CPU {min(cpu) * 1000:.1f} ms); target < 300 ms: {'OK' if best < 0.3 else 'MISSED'}")
    print(f"months to debt-free: {months}; {cells:,} debt-months simulated; cheapest: {result.cheapest.name}")
    short = Budget(Decimal("20000"), START)  # below the first month's minimums: arrears, penalties, late fees
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        result = plan(all_debts, short, strategies)
        runs.append(time.perf_counter() - t0)
    months = {r.name: (r.months, r.shortfall_months) for r in result.results}
    print(f"budget below the minimums: {min(runs) * 1000:.1f} ms best of 3; (months, months short): {months}")

if __name__ == "__main__":
    main()
