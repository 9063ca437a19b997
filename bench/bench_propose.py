"""Benchmark: `repayplan propose` over the default levers (waive, set-rate, haircut, settle, and
every term up to 60 months) for typical cases.

Target: a search returns in under 1 s in process on the examples. Each search builds only the
candidates the closed forms point at (the count is printed), a few hundred exact plans, not the
thousands of combinations of term, payment, rate, waivers, haircut and settlement. The peer,
measured in the same run: a brute-force grid over those combinations built with the same
functions (`apply` and compare's `plan_metrics`), the way tests/test_negotiate_frontier.py checks
the offers; its time per plan gives what the search's plans would cost built blindly.

    python bench/bench_propose.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from repayplan import Loan, parse_rate
from repayplan.casefile import load_document
from repayplan.casefile.negotiate import read_negotiation_case
from repayplan.legal import parse_cap
from repayplan.model import LoanHistory
from repayplan.negotiate import Constraints, negotiate

ROOT = Path(__file__).resolve().parent.parent


def timed(func, repeat: int = 7) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    runs, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000, max(runs) * 1000, result


def example(name: str) -> tuple[LoanHistory, date, Constraints]:
    data = read_negotiation_case(load_document(ROOT / "examples" / name))
    return data.case.debt, data.case.info.as_of or date.today(), data.constraints


def in_process() -> None:
    cases = []
    for name in ("negotiation.toml", "hardship.toml"):
        debt, on, c = example(name)
        cases.append((f"{name} (arrears, default levers)", debt, on, c))
        cases.append((f"{name} with a 24% cap", debt, on, replace(c, cap=parse_cap("24%", debt.loan.start))))
    debt, on, c = example("negotiation.toml")
    cases.append(("negotiation.toml, nothing fits (diagnosis)", debt, on, replace(c, max_payment=Decimal("300"))))
    loan = Loan(Decimal("80000"), parse_rate("15.4%"), 36, start=date(2025, 1, 10))
    performing = Constraints(max_payment=Decimal("1800"), lump_sum=Decimal("10000"), discount_rate=Decimal("0.05"),
                             min_recovery=Decimal("0.8"))
    cases.append(("80,000 at 15.4%, performing, default levers", LoanHistory(loan), date(2025, 9, 10), performing))
    weekly = Loan(Decimal("20000"), parse_rate("20%"), 104, frequency="weekly", start=date(2025, 1, 6))
    cases.append(("20,000 weekly at 20% (260 installments max)", LoanHistory(weekly), date(2025, 6, 2), performing))
    print(f"{'search':<48} {'median':>8} {'max':>8} {'offers':>7} {'plans built':>12}")
    for label, debt, on, terms in cases:
        median, worst, proposal = timed(lambda debt=debt, on=on, terms=terms: negotiate(debt, on, terms))
        print(f"{label:<48} {median:6.0f} ms {worst:6.0f} ms {len(proposal.offers):7d} "  # type: ignore[attr-defined]
              f"{proposal.builds:12d}")  # type: ignore[attr-defined]


def brute_force() -> None:
    """The peer: a grid over every family, built and measured plan by plan."""
    import itertools

    from repayplan.compare import plan_metrics
    from repayplan.errors import InputError
    from repayplan.restructure import FixedPayment, Haircut, SetRate, Term, Waive, apply

    debt, on, c = example("negotiation.toml")
    position = debt.position(on)
    waives = [(), (Waive(("penalty", "fees")),), (Waive(("penalty", "fees", "interest")),)]
    rates = [(), (SetRate(parse_rate("0%")),), (SetRate(parse_rate("9%")),)]
    cuts = [(), (Haircut(amount=Decimal("3000")),)]
    repaying = [Term(n) for n in range(1, 61)] + [FixedPayment(Decimal(x)) for x in ("1100", "900")]
    grid = [(*w, *h, *r, t) for w, h, r, t in itertools.product(waives, cuts, rates, repaying)]
    start = time.perf_counter()
    built = 0
    for steps in grid:
        try:
            plan = apply(position, steps, on, max_months=c.max_term)
        except InputError:
            continue
        plan_metrics(plan, c.borrower(), c.creditor())
        built += 1
    elapsed = (time.perf_counter() - start) * 1000
    median, _, proposal = timed(lambda: negotiate(debt, on, c), repeat=3)
    builds = proposal.builds  # type: ignore[attr-defined]
    print(f"{'peer: brute-force grid, negotiation.toml':<48} {elapsed:6.0f} ms {'':>8} {'':>7} {built:12d}")
    print(f"  {elapsed / built:.2f} ms a plan; the search's {builds} plans built blindly: "
          f"{elapsed / built * builds:.0f} ms; the search: {median:.0f} ms "
          f"(ratio search ÷ grid-priced plans: {median / (elapsed / built * builds):.2f})")


def whole_command() -> None:
    args = [sys.executable, "-m", "repayplan", "propose", str(ROOT / "examples" / "negotiation.toml")]
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    print(f"{'repayplan propose examples/negotiation.toml (process)':<48} {statistics.median(runs) * 1000:6.0f} ms")


if __name__ == "__main__":
    in_process()
    brute_force()
    whole_command()
