"""Benchmark: the case-file workbook.

Targets: `repayplan export` of a case with 5 plans × 360 rows under 1 s as
a whole process, measured beside its peer in the same run — `repayplan
compare --format json` of the same case, the same figures without the
workbook — so the ratio is the workbook's own cost; and the peak memory of a
workbook of 100 plans × 360 rows (XlsxWriter in constant memory: rows go to
disk as they are written, so memory should stay flat).

    python bench/bench_export.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: a loan of 360 monthly installments and four restructurings of 360 installments each
CASE = """
[case]
id = "BENCH-EXPORT"
as_of = 2025-01-15
[loan]
principal = 1000000
rate = "4.9%"
term = 360
start = 2025-01-15
[creditor]
max_term = 360
[[scenarios]]
name = "Rate 3.5%"
steps = [{op = "set-rate", rate = "3.5%"}, {op = "term", installments = 360}]
[[scenarios]]
name = "Rate 0%"
steps = [{op = "set-rate", rate = "0%"}, {op = "term", installments = 360}]
[[scenarios]]
name = "Equal principal"
steps = [{op = "term", installments = 360, method = "equal-principal"}]
[[scenarios]]
name = "Haircut 10%"
steps = [{op = "haircut", percent = "10%"}, {op = "term", installments = 360}]
"""

#: peak memory of writing `n` plans of 360 rows, in a fresh process (RSS, MiB)
MEMORY = """
import resource, sys, tempfile
from dataclasses import replace
from datetime import date
from decimal import Decimal
from repayplan import Loan, build_schedule, parse_rate
from repayplan.model import Position
from repayplan.report.excel import BookPlan, CaseBook, write_workbook
import xlsxwriter  # imported before the baseline is taken
n = int(sys.argv[1])
loan = Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
plans = tuple(BookPlan.from_schedule(f"Plan {i}", build_schedule(replace(loan, rate=parse_rate(f"{2 + i / 25}%"))))
              for i in range(n))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
book = CaseBook("BENCH", "CNY", plans, position=Position.fresh(loan))
with tempfile.TemporaryDirectory() as folder:
    write_workbook(book, f"{folder}/bench.xlsx")
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(before / 1024, after / 1024)
"""


def whole_process(args: list[str], runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return times[1:]  # the first run warms the disk cache


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder, "case.toml")
        case.write_text(CASE, encoding="utf-8")
        out = Path(folder, "case.xlsx")
        args = [sys.executable, "-m", "repayplan", "export", str(case), "-o", str(out), "--force"]
        peer = [sys.executable, "-m", "repayplan", "compare", str(case), "--format", "json"]
        t, p = [], []
        for _ in range(3):  # interleaved, so both see the same machine load
            t += whole_process(args, 1)
            p += whole_process(peer, 1)
        size = out.stat().st_size / 1024
        print(f"repayplan export, 5 plans × 360 rows (+ the contract schedule): median "
              f"{statistics.median(t):.2f} s (min {min(t):.2f}, max {max(t):.2f}) whole process, "
              f"{size:.0f} KiB  [target < 1 s]")
        print(f"peer: repayplan compare --format json, same case: median {statistics.median(p):.2f} s; "
              f"export / compare = {statistics.median(t) / statistics.median(p):.2f}")
    for n in (5, 100):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", MEMORY, str(n)], check=True, capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        before, after = (float(x) for x in done.stdout.split())
        print(f"workbook of {n:3d} plans × 360 rows: peak RSS {after:.0f} MiB ({after - before:+.0f} MiB while "
              f"writing), {elapsed:.1f} s")


if __name__ == "__main__":
    main()
