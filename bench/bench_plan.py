"""Benchmark: `repayplan plan`, whole process (a subprocess each run), the
optimal plan against the rules of thumb measured in the same run.

Two cases, written as case files into a temporary folder:

* 5 debts (two cards, one full-bill, a Huabei plan with a fee, two cash
  loans) that take about 60 months at a budget just above the minimums:
  target under 1 s for the default run (optimal + avalanche, snowball,
  minimum);
* 20 debts (10 loans up to 30 years, both prepay modes; 10 cards) at a
  budget just above the first month's minimums: target under 5 s.

The peer is the same command with ``--strategy avalanche --strategy snowball
--strategy minimum`` (the rules of thumb alone). Prints the median of 3 runs
(wall and the child's CPU), the ratio to the peer, and the optimal plan's
status, bound and gap. Run by hand: python bench/bench_plan.py
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ["--strategy", "avalanche", "--strategy", "snowball", "--strategy", "minimum"]


def five_debts() -> str:
    return '''[budget]
monthly = 3200
start = 2025-01-01

[[debts]]
name = "card"
kind = "revolving"
balance = "18000"
rate = "0.05%/day"
min_percent = "5%"
min_floor = 100
interest_on = "full"

[[debts]]
name = "card2"
kind = "revolving"
balance = "9000"
rate = "18%/year"
min_percent = "5%"
min_floor = 100

[[debts]]
name = "huabei"
kind = "installment"
principal = 6000
rate = "0%"
term = 12
method = "equal-principal"
installment_fee = "45"
start = 2025-01-01

[[debts]]
name = "cash"
kind = "installment"
principal = 20000
rate = "1.5%/month"
term = 60
start = 2025-01-01

[[debts]]
name = "cash2"
kind = "installment"
principal = 8000
rate = "1%/month"
term = 36
start = 2025-01-01
prepay = "reduce-payment"
'''


def twenty_debts() -> str:
    """The in-process bench's 20 debts (10 loans, terms up to 30 years; 10 cards), as a case file."""
    methods = ["annuity", "equal-principal", "annuity", "interest-only", "annuity"]
    parts = ['[budget]\nmonthly = 23600\nlump_sum = 20000\nreserve = 5000\nstart = 2025-01-01\n']
    for i in range(10):
        term = 360 if i == 0 else 12 * (3 + 3 * i)
        parts.append(f'''[[debts]]
name = "loan{i}"
kind = "installment"
principal = {20000 + 37000 * i}
rate = "{3 + i}.5%"
term = {term}
method = "{methods[i % 5]}"
start = 2024-{1 + i % 12:02d}-{1 + i:02d}
prepay = "{'reduce-payment' if i % 2 else 'shorten'}"
''')
    for i in range(10):
        parts.append(f'''[[debts]]
name = "card{i}"
kind = "revolving"
balance = {3000 + 1500 * i}
rate = "0.0{3 + i % 5}%/day"
min_percent = "{3 + i % 4}%"
min_floor = {50 + 10 * i}
min_plus_interest = {"true" if i % 2 else "false"}
interest_on = "{'full' if i % 3 == 0 else 'unpaid'}"
''')
    return "\n".join(parts)


def run(case: Path, extra: list[str]) -> tuple[float, float, dict]:
    """One whole process: wall seconds, the child's CPU seconds, its JSON."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "repayplan", "plan", str(case), "--format", "json", *extra],
                         capture_output=True, text=True, env=env, check=True).stdout
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, json.loads(out)


def bench(name: str, case: Path, target: float) -> None:
    mine, peer = [], []
    data: dict = {}
    for _ in range(3):  # interleaved, so both see the same load
        w, c, data = run(case, [])
        mine.append((w, c))
        w, c, _ = run(case, RULES)
        peer.append((w, c))
    wall = statistics.median(w for w, _ in mine)
    cpu = statistics.median(c for _, c in mine)
    pwall = statistics.median(w for w, _ in peer)
    pcpu = statistics.median(c for _, c in peer)
    o = data["optimal"]
    months = {s["name"]: s["months"] for s in data["strategies"]}
    print(f"{name}: optimal + rules {wall:.2f} s wall, {cpu:.2f} s CPU (median of 3); rules of thumb alone "
          f"{pwall:.2f} s wall, {pcpu:.2f} s CPU; ratio {wall / pwall:.1f}x wall, {cpu / pcpu:.1f}x CPU; "
          f"target < {target:g} s: {'OK' if wall < target else 'MISSED'} (CPU: {'OK' if cpu < target else 'MISSED'})")
    print(f"  optimal: {o['status']}, cost {o['cost']}, bound {o['bound']}, gap {o['gap']} (rounding "
          f"{o['rounding']}), {o['horizon_months']} months in the model; months {months}; cheapest {data['cheapest']}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        five, twenty = Path(tmp, "five.toml"), Path(tmp, "twenty.toml")
        five.write_text(five_debts(), encoding="utf-8")
        twenty.write_text(twenty_debts(), encoding="utf-8")
        bench("5 debts", five, 1.0)
        bench("20 debts, 30 years", twenty, 5.0)


if __name__ == "__main__":
    main()
