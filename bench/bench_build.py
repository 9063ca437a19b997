"""Benchmark: building a 360-installment schedule, in process and as a whole command.

Targets: build_schedule under 0.5 ms in process for a 360-row annuity and at
most 4× a plain Decimal loop (no dates, no rows kept) measured in the same run
(in alternation, in CPU time);
`repayplan build` under 0.5 s as a whole process; `repayplan --help` under
0.15 s without pandas or openpyxl.

    python bench/bench_build.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import timeit
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from repayplan import Loan, build_schedule, parse_rate

ROOT = Path(__file__).resolve().parent.parent


def plain_loop() -> None:
    """The peer: 360 periods of interest rounded to the cent and principal = payment − interest, in Decimal."""
    balance, rate, payment, cent = Decimal("1000000.00"), Decimal(49) / Decimal(12000), Decimal("5307.27"), \
        Decimal("0.01")
    for _ in range(360):
        interest = (balance * rate).quantize(cent)
        balance -= payment - interest


def paired_ms(own: object, peer: object, number: int = 20, rounds: int = 15) -> tuple[float, float, float]:
    """Median ms of ``own`` and ``peer`` and the median of their per-round ratios, timed in alternation
    (round by round, so a load change on a shared machine moves both sides alike) in this process's CPU
    time (time other processes take on a shared machine is not counted)."""
    mine, theirs, ratios = [], [], []
    for _ in range(rounds):
        p = timeit.timeit(peer, number=number, timer=time.process_time) / number * 1000  # type: ignore[arg-type]
        o = timeit.timeit(own, number=number, timer=time.process_time) / number * 1000  # type: ignore[arg-type]
        mine.append(o)
        theirs.append(p)
        ratios.append(o / p)
    return statistics.median(mine), statistics.median(theirs), statistics.median(ratios)


def in_process() -> None:
    loan = Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
    build_schedule(loan)
    from repayplan.schedule import clear_caches

    def cold() -> None:
        clear_caches()
        build_schedule(loan)

    for label, fn, note in [
        ("annuity, periods kept", lambda: build_schedule(loan), "the loan's periods kept from the first call, "
                                                                  "as in a search"),
        ("annuity, first schedule", cold, "every cache cleared: a loan's first schedule"),
        ("annuity, built and read", lambda: [r.interest for r in build_schedule(loan).rows],
         "periods kept; every row's interest read"),
    ]:
        own, peer, ratio = paired_ms(fn, plain_loop)
        print(f"build_schedule 360 rows, {label:24s} median {own:6.3f} ms; plain Decimal loop (peer) "
              f"{peer:6.3f} ms; ratio {ratio:.1f}x  ({note})")
    print("targets: <= 0.5 ms and <= 4x the peer")
    for label, variant in [
        ("annuity, periodic", loan),
        ("equal-principal, periodic", replace(loan, method="equal-principal")),
        ("annuity, daily act/365", replace(loan, interest_basis="daily")),
        ("annuity, daily act/360", replace(loan, interest_basis="daily", day_count="act/360")),
        ("annuity, daily 30/360", replace(loan, interest_basis="daily", day_count="30/360")),
        ("equal-principal, daily", replace(loan, method="equal-principal", interest_basis="daily")),
        ("interest-only, periodic", replace(loan, method="interest-only")),
    ]:
        own, peer, ratio = paired_ms(lambda v=variant: build_schedule(v), plain_loop, rounds=7)
        print(f"build_schedule 360 rows, {label:26s} median {own:6.3f} ms  = {ratio:.1f}x the peer ({peer:.3f} ms)")


def whole_process(args: list[str], runs: int = 7) -> list[float]:
    times = []
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return times[1:]  # the first run warms the disk cache


def main() -> None:
    in_process()
    exe = [sys.executable, "-m", "repayplan"]
    for label, args in [
        ("repayplan build examples/mortgage.toml", [*exe, "build", str(ROOT / "examples" / "mortgage.toml")]),
        ("repayplan build ... --format json", [*exe, "build", str(ROOT / "examples" / "mortgage.toml"),
                                               "--format", "json"]),
        ("repayplan --help", [*exe, "--help"]),
    ]:
        t = whole_process(args)
        print(f"{label:42s} median {statistics.median(t) * 1000:6.0f} ms  (min {min(t) * 1000:.0f}, "
              f"max {max(t) * 1000:.0f}) whole process")


if __name__ == "__main__":
    main()
