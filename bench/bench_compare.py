"""Benchmark: restructurings (apply) and their figures, the negotiator's inner loop.

Target: a 60-installment plan in well under a few milliseconds
(apply alone); plan_metrics (the actuarial rate and the NPV) shown apart;
`repayplan compare examples/hardship.toml` as a whole process.

    python bench/bench_compare.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import timeit
from datetime import date
from decimal import Decimal
from pathlib import Path

from repayplan import Loan, parse_rate
from repayplan.compare import Borrower, Creditor, plan_metrics
from repayplan.model import Position
from repayplan.restructure import FixedPayment, Moratorium, SetRate, Settle, StepUp, Term, Waive, apply

ROOT = Path(__file__).resolve().parent.parent
D = Decimal


def median_ms(func: object, number: int = 50) -> tuple[float, float]:
    """CPU time per call (process time: steadier than wall time on a busy machine)."""
    runs = timeit.repeat(func, number=number, repeat=7, timer=time.process_time)  # type: ignore[arg-type]
    per = [r / number * 1000 for r in runs]
    return statistics.median(per), min(per)


def in_process() -> None:
    loan = Loan(D("60000"), parse_rate("18%"), 36, start=date(2025, 1, 10))
    position = Position(date(2026, 3, 1), D("50614.94"), D("8683.47"), D("3479.62"), D("426.80"), D("799.65"),
                        D("250.00"), policy=loan.policy, loan=loan)
    plans = {
        "freeze: waive + 0% + term 60": [Waive(("penalty", "fees")), SetRate(parse_rate("0%")), Term(60)],
        "term 60 at the contract rate": [Term(60)],
        "payment 1,100 (term follows, 56)": [Waive(("penalty", "fees")), SetRate(parse_rate("6%")),
                                             FixedPayment(D("1100"))],
        "moratorium 3 + term 57": [Moratorium(3, "capitalise"), Term(57)],
        "step-up +5% a year over 60": [StepUp(increase=D("0.05"), installments=60)],
        "settle 80%: 10,000 down + 24": [Settle(percent=D("0.8"), down_payment=D("10000"), installments=24)],
    }
    borrower, creditor = Borrower(D("7500"), D("5600")), Creditor(D("0.05"), D("0.75"))
    for label, steps in plans.items():
        plan = apply(position, steps)
        med, low = median_ms(lambda s=steps: apply(position, s))
        mmed, _ = median_ms(lambda p=plan: plan_metrics(p, borrower, creditor), number=20)
        print(f"{label:34s} {len(plan.rows):3d} rows  apply {med:5.2f} ms CPU (min {low:.2f})  "
              f"+ metrics {mmed:5.2f} ms")


def whole_process() -> None:
    args = [sys.executable, "-m", "repayplan", "compare", str(ROOT / "examples" / "hardship.toml")]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    print(f"repayplan compare examples/hardship.toml (6 plans): median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f})")


if __name__ == "__main__":
    in_process()
    whole_process()
