"""Benchmark: arrears statements of a 360-installment loan with 360 payments.

Target: a statement in well under 50 ms in process, so restructurings and
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


def timed(func, repeat: int = 15, clock=time.perf_counter) -> float:  # type: ignore[no-untyped-def]
    """Median ms of ``func`` (``clock`` time.process_time: the CPU time, steadier on a shared machine)."""
    runs = []
    for _ in range(repeat):
        start = clock()
        func()
        runs.append(clock() - start)
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


def bench_loan() -> tuple[Loan, list[Payment], PenaltyPolicy, date]:
    """The claim audit's long history: 36 installments at 18%, 300 payments (ten a month, each a tenth of the
    installment less k, three days apart; every fourth month five days later), audited on 2027-08-01."""
    loan = Loan(Decimal("36000"), parse_rate("18%"), 36, start=date(2025, 1, 15))
    policy = PenaltyPolicy(parse_rate("0.05%/day"), grace_days=3)
    payments = [Payment(p.date + timedelta(days=3 * k + (5 if i % 4 == 0 else 0)),
                        loan.policy.round(p.amount / 10) - k)
                for i, p in enumerate(scheduled_payments(loan)[:30]) for k in range(10)]  # 300 payments
    return loan, payments, policy, date(2027, 8, 1)


def claim_audit() -> None:
    """The claim audit of a 36-installment loan with 300 payments (target: under 0.5 s). Peer, in the same run:
    one plain replay of the same history (no audit). Each claim is audited twice: with no time budget (the whole
    search: singles, pairs and triples, stopping after the size at which something explains the claim; how long
    it takes), and within the default budget of 0.35 s (what it finds in that time)."""
    from repayplan.arrears.audit import audit_claim
    from repayplan.arrears.readings import Reading, rebuild

    loan, payments, policy, on = bench_loan()
    st = statement(loan, payments, policy, on)
    peer = timed(lambda: statement(loan, payments, policy, on), repeat=5)
    peer_cpu = timed(lambda: statement(loan, payments, policy, on), repeat=5, clock=time.process_time)
    print(f"peer: one replay, {len(payments)} payments, 36 installments       {peer:7.1f} ms "
          f"(cpu {peer_cpu:.1f} ms)")
    full = rebuild(loan, payments, policy, on, (Reading(kind="base", value="outstanding"),)).payoff.total
    missing = rebuild(loan, payments, policy, on, (Reading(kind="missing", payment=200),)).payoff.total
    cases = (("claim = full-balance penalty", full), ("claim = payment #200 not credited", missing),
             ("claim = payoff + 0.01", st.payoff_amount + Decimal("0.01")),
             ("claim nothing explains (payoff - 0.01)", st.payoff_amount - Decimal("0.01")))
    for label, claimed in cases:
        for budget in (None, 0.35):
            start, cpu = time.perf_counter(), time.process_time()
            audit = audit_claim(st, claimed, budget=600 if budget is None else budget)
            ms, cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
            how = "no budget " if budget is None else f"budget {budget}"
            print(f"audit_claim: {label:<40} {how} {ms:8.1f} ms = {ms / peer:6.1f} × peer (cpu {cpu:7.1f} ms = "
                  f"{cpu / peer_cpu:6.1f} × peer); {audit.tried:5d} rebuilds, "
                  f"{'cut short' if audit.cut_short else 'complete'} (sets of up to {audit.complete} readings"
                  f"{'; three payments missing not tried, too many could be' if audit.bounded else ''}), "
                  f"explained: {audit.explained}")
    # the same loan with one late payment a month (30 payments): how long the whole search takes, no budget
    monthly = payments[::10]
    st = statement(loan, monthly, policy, on)
    peer = timed(lambda: statement(loan, monthly, policy, on), repeat=5)
    start = time.perf_counter()
    audit = audit_claim(st, st.payoff_amount + Decimal("0.01"), budget=600)
    ms = (time.perf_counter() - start) * 1000
    print(f"audit_claim: 30 payments, payoff + 0.01, no budget       {ms:7.1f} ms = {ms / peer:4.1f} × peer "
          f"({peer:.1f} ms); {audit.tried} rebuilds, complete: {not audit.cut_short}")


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
