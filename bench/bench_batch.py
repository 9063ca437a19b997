"""Benchmark: `repayplan batch` on 100,000 loans of 360 monthly installments.

Targets: 1,000,000 loans in under 10 s, whole process on a 2-core machine,
and at most 0.55x numpy-financial's in-process time on the same loans (the
batch's wall against numpy-financial's, and, on a shared machine, the wall
the batch's CPU of every process implies on idle cores); under 2 GB peak
memory. Also printed: the ratio against calling build_schedule in a
loop (a sample of loans timed and extrapolated, said so), and against
numpy-financial's vectorised pmt/ipmt on the same loans, which is not
cent-exact (the loans and cents that differ are counted).

    python bench/bench_batch.py [--loans 100000] [--sample 300] [--book mortgage|mixed|both]
    python bench/bench_batch.py --loans 1000 --per-case 300 --per-case-only --peer PREVIOUS_CHECKOUT
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np


def make_cases(path: Path, n: int, mixed: bool = False, seed: int = 6) -> None:
    """n loans of 360 monthly installments: principals 10,000-2,000,000, rates 2.5%-24%.

    The mortgage book is all annuity on the periodic basis; the mixed book
    also has equal-principal, interest-only and bullet loans, daily interest
    under act/365, act/360 and 30/360, irregular first periods, JPY and fees.
    """
    rng = random.Random(seed)
    with open(path, "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["case_id", "principal", "rate", "term", "method", "start", "first_due", "interest_basis",
                      "day_count", "currency", "rounding", "installment_fee"])
        for i in range(n):
            principal = Decimal(rng.randint(1_000_000, 200_000_000)).scaleb(-2)
            rate = f"{Decimal(rng.randint(250, 2400)).scaleb(-2)}%"
            start = date(2020, 1, 1) + timedelta(days=rng.randint(0, 2000))
            row = [f"L{i:07d}", f"{principal}", rate, 360, "annuity", start.isoformat(), "", "periodic", "act/365",
                   "CNY", "half-even" if i % 5 == 0 else "half-up", ""]
            if mixed:
                row[4] = rng.choice(["annuity", "annuity", "equal-principal", "interest-only", "bullet"])
                row[6] = (start + timedelta(days=rng.randint(20, 50))).isoformat() if i % 3 == 0 else ""
                row[7] = "daily" if i % 2 else "periodic"
                row[8] = rng.choice(["act/365", "act/360", "30/360"])
                row[9] = "JPY" if i % 10 == 0 else "CNY"
                row[11] = "15" if i % 4 == 0 else ""
                if row[9] == "JPY":
                    row[1] = str(int(principal))
            out.writerow(row)


def whole_process(cases: Path, out: Path, *extra: str, source: str | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, the command and its worker processes) and peak resident
    memory (MB, the largest process) of `repayplan batch` as a command (``source``: another tree's).

    CPU time is printed too because wall time on a shared machine also
    counts the time other processes hold the cores."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=source) if source else None  # another source tree: the peer
    subprocess.run([sys.executable, "-m", "repayplan", "batch", str(cases), "-o", str(out), "--no-progress",
                    "--force", *extra], check=False, stderr=subprocess.DEVNULL, env=env, cwd=source)
    seconds = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, after.ru_maxrss / 1024


def single_case_loop(cases: Path, out: Path, sample: int) -> tuple[float, int, int]:
    """Seconds per loan of build_schedule over the first `sample` loans, and how many batch rows agree."""
    import pandas as pd

    from repayplan.batch.cases import read_cases
    from repayplan.report.schedule import summary_dict
    from repayplan.schedule import build_schedule

    chunk = pd.read_csv(cases, dtype=str, keep_default_na=False, nrows=sample)
    parsed, _ = read_cases(chunk)
    loans = [parsed.loans(i) for i in range(len(parsed))]
    began = time.perf_counter()
    schedules = [build_schedule(loan) for loan in loans]
    seconds = (time.perf_counter() - began) / len(loans)
    batch = pd.read_csv(out, dtype=str, keep_default_na=False, nrows=sample)
    keys = ("installment", "total_payment", "total_interest", "total_fees", "periods", "first_due", "payoff_date")
    same = sum(all(str(summary_dict(s)[k]) == row[k] for k in keys)
               for s, (_, row) in zip(schedules, batch.iterrows(), strict=True))
    return seconds, len(loans), same


def numpy_financial(cases: Path, out: Path, batch_seconds: float, compare: bool = True,
                    batch_cpu: float | None = None) -> None:
    """numpy-financial's pmt/ipmt, vectorised over the same loans, against the exact summaries.

    On the mixed book only the time is printed: numpy-financial has neither
    daily interest, day counts, odd first periods nor the other methods."""
    import numpy_financial as npf
    import pandas as pd

    given = pd.read_csv(cases, dtype=str, keep_default_na=False)
    exact = pd.read_csv(out, dtype=str, keep_default_na=False)
    principal = given["principal"].astype(float).to_numpy()
    rate = given["rate"].str.rstrip("%").astype(float).to_numpy() / 100 / 12
    began, began_cpu = time.perf_counter(), time.process_time()
    payment = -npf.pmt(rate, 360, principal)
    interest = np.zeros(len(principal))
    periods = np.arange(1, 361)
    for lo in range(0, len(principal), 5_000):  # 5,000 × 360 at a time keeps memory low
        sl = slice(lo, lo + 5_000)
        interest[sl] = -npf.ipmt(rate[sl, None], periods[None, :], 360, principal[sl, None]).sum(axis=1)
    seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    cents = np.round(payment * 100).astype(np.int64)
    exact_payment = (exact["installment"].astype(float) * 100).round().astype(np.int64).to_numpy()
    interest_cents = np.round(interest * 100).astype(np.int64)
    exact_interest = (exact["total_interest"].astype(float) * 100).round().astype(np.int64).to_numpy()
    pay_diff = np.abs(cents - exact_payment)
    int_diff = np.abs(interest_cents - exact_interest)
    n = len(principal)
    print(f"  numpy-financial pmt + ipmt over 360 periods (vectorised, float64, in process, no I/O): "
          f"{seconds:.2f} s wall, {cpu:.2f} s CPU; the batch's whole-process wall is {batch_seconds / seconds:.2f}x "
          "its wall (target <= 0.55)")
    if batch_cpu is not None:
        cores = os.cpu_count() or 1
        print(f"  on {cores} idle cores the batch's CPU ({batch_cpu:.2f} s, every process) bounds its wall near "
              f"{batch_cpu / cores:.2f} s: {batch_cpu / cores / cpu:.2f}x numpy-financial's CPU; "
              f"all its CPU is {batch_cpu / cpu:.2f}x")
    if not compare:
        return
    print(f"    installment (pmt rounded to the cent): {int((pay_diff > 0).sum()):,} of {n:,} loans differ")
    print(f"    total interest (sum of ipmt): {int((int_diff > 0).sum()):,} of {n:,} loans differ, "
          f"{int(int_diff.sum()):,} cents in all, at most {int(int_diff.max()):,} cents on one loan "
          "(ipmt rounds neither the installment nor each month's interest, and has no last-installment residue)")


def per_case(cases: Path, tmp: Path, n: int, peer: str | None = None) -> None:
    """CPU a case of the case-by-case paths (--scenario, --payments), one process and every core; with
    ``peer`` (another source tree, e.g. the previous release's checkout) the same runs of it, and the ratio."""
    head = tmp / "head.csv"
    with open(cases) as source, open(head, "w") as out:
        for i, line in enumerate(source):
            if i > n:
                break
            out.write(line)
    paid = tmp / "paid.csv"
    with open(head) as source, open(paid, "w") as out:
        out.write("case_id,date,amount\n")
        for row in list(csv.DictReader(source))[::2]:
            start = date.fromisoformat(row["start"])
            out.write(f"{row['case_id']},{start + timedelta(days=45)},1000.00\n")
    again = tmp / "paid-again.csv"  # a delinquent book: half the cases paid once, a third of them paid again
    with open(head) as source, open(again, "w") as out:
        out.write("case_id,date,amount\n")
        for k, row in enumerate(list(csv.DictReader(source))[::2]):
            start = date.fromisoformat(row["start"])
            out.write(f"{row['case_id']},{start + timedelta(days=45)},1000.00\n")
            if k % 3 == 0:
                out.write(f"{row['case_id']},{start + timedelta(days=100)},600.00\n")
    history = ("--payments", str(again), "--as-of", "2026-01-31")
    # (name, arguments, the run its net CPU is counted beyond: None for the plain run)
    runs = (("--scenario 'rate=0%; term=36'", ("--scenario", "rate=0%; term=36", "--date", "2026-01-15"), None),
            ("--payments (half the cases paid once)", ("--payments", str(paid), "--as-of", "2026-01-31"), None),
            ("--payments with --scenario (half paid once, a third of those again)",
             (*history, "--scenario", "rate=0%; term=36", "--date", "2026-01-31"), history))
    trees = {"this": None, "peer": peer} if peer else {"this": None}
    this = scenario_in_process(head, again)
    print(f"  scenario_columns with payment histories (half paid once, a third of those again), in process: "
          f"{this * 1e3:.2f} ms CPU a case (median of 5; target <= 2 ms)")
    if peer:
        done = subprocess.run([sys.executable, __file__, "--scenario-in-process", str(head), str(again)],
                              capture_output=True, text=True, check=True, env=dict(os.environ, PYTHONPATH=peer))
        theirs = float(done.stdout.strip())
        print(f"    peer {peer}: {theirs * 1e3:.2f} ms CPU a case; {theirs / this:.2f}x this one's")
    for workers in ("1", str(os.cpu_count())):
        # the same command without the per-case work: start-up, reading, summaries (CPU not a case's)
        base = {tree: whole_process(head, tmp / f"plain-{tree}.csv", "--chunk-size", "250", "--workers", workers,
                                    source=source)[1] for tree, source in trees.items()}
        for name, extra, beyond in runs:
            args = ("--chunk-size", "250", "--workers", workers, *extra)
            under = base if beyond is None else {  # the scenario's own CPU: beyond the same run without it
                tree: whole_process(head, tmp / f"under-{tree}.csv", "--chunk-size", "250", "--workers", workers,
                                    *beyond, source=source)[1] for tree, source in trees.items()}
            seconds, cpu, _ = whole_process(head, tmp / "per-case-this.csv", *args)
            net = (cpu - under["this"]) / n
            print(f"  {name}, {n:,} cases, --workers {workers}: {seconds / n * 1e3:.2f} ms wall a case, "
                  f"{cpu / n * 1e3:.2f} ms CPU a case in all, {net * 1e3:.2f} ms beyond the "
                  f"{'plain' if beyond is None else '--payments'} run's {under['this'] / n * 1e3:.2f} "
                  "(target <= 2 ms)")
            if peer:
                _, peer_cpu, _ = whole_process(head, tmp / "per-case-peer.csv", *args, source=peer)
                peer_net = (peer_cpu - under["peer"]) / n
                same = (tmp / "per-case-this.csv").read_bytes() == (tmp / "per-case-peer.csv").read_bytes()
                print(f"    peer {peer}: {peer_cpu / n * 1e3:.2f} ms CPU a case in all, {peer_net * 1e3:.2f} ms "
                      f"beyond its {'plain' if beyond is None else '--payments'} run; {peer_net / net:.2f}x this "
                      f"one's; outputs {'byte-identical' if same else 'DIFFER'}")


def scenario_in_process(head: Path, paid: Path, repeats: int = 5) -> float:
    """CPU seconds a case of ``scenario_columns`` (``rate=0%; term=36`` on 2026-01-31) over the cases of
    ``head`` with the payment histories of ``paid``, their arrears statements made first (not timed): the
    median of ``repeats`` runs, in this process (whichever ``repayplan`` it imports)."""
    import pandas as pd

    from repayplan.batch.arrears import Arrears, arrears_columns, read_payments_file
    from repayplan.batch.cases import read_cases
    from repayplan.batch.engine import compute
    from repayplan.batch.scenario import parse_scenario, scenario_columns

    chunk = pd.read_csv(head, dtype=str, keep_default_na=False)
    cases, _ = read_cases(chunk)
    ok = compute(cases).problem == ""
    _, _, history = arrears_columns(chunk, cases, Arrears(read_payments_file(paid), date(2026, 1, 31)), ok)
    scenario = parse_scenario("rate=0%; term=36", date(2026, 1, 31))
    times = []
    for _ in range(repeats):
        began = time.process_time()
        scenario_columns(cases, scenario, ok, history)
        times.append((time.process_time() - began) / len(cases))
    return sorted(times)[len(times) // 2]


def main() -> None:
    if sys.argv[1:2] == ["--scenario-in-process"]:  # a peer's figure: this function under its PYTHONPATH
        print(scenario_in_process(Path(sys.argv[2]), Path(sys.argv[3])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--book", choices=["mortgage", "mixed", "both"], default="both")
    parser.add_argument("--per-case", type=int, default=300, help="cases timed on --scenario, --payments (0: none)")
    parser.add_argument("--dask", action="store_true", help="also time --dask local:N (needs repayplan[dask])")
    parser.add_argument("--peer", help="another source tree (a checkout of the previous release) timed on the "
                        "per-case runs beside this one")
    parser.add_argument("--per-case-only", action="store_true", help="only the --scenario and --payments runs")
    args = parser.parse_args()
    books = {"mortgage": (False,), "mixed": (True,), "both": (False, True)}[args.book]
    with tempfile.TemporaryDirectory() as tmp:
        for mixed in books:
            name = "mixed book (all methods, daily and periodic interest)" if mixed else "mortgage book (annuity)"
            cases, out = Path(tmp) / f"cases{mixed}.csv", Path(tmp) / f"summary{mixed}.csv"
            make_cases(cases, args.loans, mixed)
            if args.per_case_only:
                print(f"{name}: the first {args.per_case:,} of {args.loans:,} loans x 360 monthly installments")
                per_case(cases, Path(tmp), args.per_case, args.peer)
                continue
            print(f"{name}: {args.loans:,} loans x 360 monthly installments "
                  f"({cases.stat().st_size / 1e6:.1f} MB CSV)")
            one, one_cpu, one_peak = whole_process(cases, out, "--workers", "1")
            print(f"  repayplan batch --workers 1, whole process: {one:.2f} s wall ({one_cpu:.2f} s CPU), peak "
                  f"memory {one_peak:,.0f} MB; load average {os.getloadavg()[0]:.1f}")
            seconds, cpu, peak = whole_process(cases, out)
            print(f"  repayplan batch (every core: {os.cpu_count()}), whole process: {seconds:.2f} s wall "
                  f"({cpu:.2f} s CPU), peak memory {peak:,.0f} MB (the largest process; targets: 1,000,000 loans "
                  f"in < 10 s on 2 cores, < 2,048 MB); {one / seconds:.2f}x the one-process run")
            per_loan, sampled, same = single_case_loop(cases, out, args.sample)
            loop = per_loan * args.loans
            print(f"  build_schedule in a loop: {per_loan * 1e3:.2f} ms a loan, timed on {sampled} loans and "
                  f"extrapolated to {args.loans:,}: {loop:.0f} s; batch is {loop / seconds:.0f}x faster")
            print(f"  the same {sampled} loans: {same} of {sampled} batch summaries identical to build_schedule's")
            numpy_financial(cases, out, seconds, compare=not mixed, batch_cpu=cpu)
            if args.per_case:
                per_case(cases, Path(tmp), args.per_case, args.peer)
            if args.dask and not mixed:
                began = time.perf_counter()
                whole_process(cases, Path(tmp) / "dask-out", "--dask", f"local:{os.cpu_count()}")
                print(f"  repayplan batch --dask local:{os.cpu_count()}, whole process (cluster start-up included): "
                      f"{time.perf_counter() - began:.2f} s")


if __name__ == "__main__":
    main()
