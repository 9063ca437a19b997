"""Benchmark: arrears statements of a 360-installment loan with 360 payments.

Target (issue 7): a statement in well under 50 ms in process, so restructurings and
budgets can cost "the contract as it stands" with hypothetical payments; the replay is
event-driven (due dates, grace ends, payments), never a loop over calendar days.

    python bench/bench_status.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from repayplan import Loan, build_schedule, parse_rate
from repayplan.arrears import Payment, PenaltyPolicy, parse_penalty_rate, scheduled_payments, statement

ROOT = Path(__file__).resolve().parent.parent


def timed(func, repeat: int = 15) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def in_process() -> None:
    loan = Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
    on_time = scheduled_payments(loan)
    late = [Payment(p.date + timedelta(days=5), p.amount) for p in on_time]
    half = [Payment(p.date + timedelta(days=40), loan.policy.round(p.amount / 2)) for p in on_time]
    relative = PenaltyPolicy(parse_penalty_rate("contract+50%"), compound=True, grace_days=3, late_fee=Decimal(50))
    full = PenaltyPolicy(parse_rate("0.05%/day"), base="outstanding", late_fee_rate=Decimal("0.05"))
    end = date(2056, 1, 1)
    print(f"build_schedule (360 rows)                         {timed(lambda: build_schedule(loan)):7.1f} ms")
    cases = [
        ("360 payments on time, contract+50%", on_time, relative),
        ("360 payments 5 days late (past grace)", late, relative),
        ("360 payments 5 days late, full-balance penalty", late, full),
        ("360 half payments 40 days late, full balance", half, full),
        ("no payments at all, full balance, 31 years on", [], full),
    ]
    for label, payments, policy in cases:
        ms = timed(lambda payments=payments, policy=policy: statement(loan, payments, policy, end))
        print(f"statement: {label:<44} {ms:7.1f} ms")


def claim_audit() -> None:
    """audit_claim with 300 payments and a claim nothing explains (pairs and triples all tried): was 3-7 s with
    itertools.combinations over every payment; now one reading per payment amount and look-ups."""
    from repayplan.arrears.audit import audit_claim

    loan = Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
    policy = PenaltyPolicy(parse_penalty_rate("contract+50%"))
    on_time = scheduled_payments(loan)[:300]
    varied = [Payment(p.date + timedelta(days=i % 7), p.amount - i) for i, p in enumerate(on_time)]  # 300 amounts
    end = date(2050, 1, 20)
    for label, payments in (("300 equal payments", on_time), ("300 different payments", varied)):
        st = statement(loan, payments, policy, end)
        claimed = st.payoff_amount + Decimal("0.01")
        ms = timed(lambda st=st, claimed=claimed: audit_claim(st, claimed), repeat=3)
        print(f"audit_claim: {label + ', unexplained claim':<42} {ms:7.1f} ms")


def whole_command() -> None:
    args = [sys.executable, "-m", "repayplan", "status", str(ROOT / "examples" / "huabei-arrears.toml")]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    print(f"`repayplan status examples/huabei-arrears.toml`   {statistics.median(runs) * 1000:7.1f} ms (process)")


if __name__ == "__main__":
    in_process()
    claim_audit()
    whole_command()
