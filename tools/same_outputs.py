"""Run every command × format × language on every example against two source
trees and compare the bytes of stdout, stderr and the exit code.

    python tools/same_outputs.py /work/main .          # before, after
    python tools/same_outputs.py /work/main . --quick  # English, table and json only

Failing invocations (bad flags, a missing file) are part of the run: their
error lines must stay byte-identical too; with ``--format json`` the
after-tree may add ``{"errors": [...]}`` on stdout, one entry per error line.  ``status --claimed`` runs a
time-budgeted audit, so its output may differ between runs on a busy
machine; the examples do not set a claim, so none is given here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
COMMANDS = ("build", "status", "compare", "propose", "plan")
BAD = [
    ["build", "--principal", "-5", "--rate", "abc", "--term", "12"],
    ["build", "--principal", "1000", "--rate", "5%", "--term", "x", "--start", "2025-13-01"],
    ["build", "no-such-file.toml"],
    ["status", "examples/huabei-arrears.toml", "--penalty-rate", "lots", "--grace-days", "-1", "--as-of", "20x"],
    ["status", "examples/huabei-arrears.toml", "--allocation", "whatever", "--claimed", "-1", "--cap", "zz"],
    ["compare", "examples/card-full-balance.toml", "--term", "0", "--rate", "x", "--haircut", "200%"],
    ["propose", "examples/negotiation.toml", "--max-payment", "-1", "--min-recovery", "x", "--discount-rate", "q"],
    ["plan", "examples/three-debts.toml", "--monthly", "-3", "--start", "nope"],
    ["plan", "examples/three-debts.toml", "--strategy", "nonsense"],
]


def runs(quick: bool) -> list[list[str]]:
    out = []
    langs = ("en",) if quick else ("en", "zh")
    fmts = ("table", "json") if quick else ("table", "csv", "json")
    for command in COMMANDS:
        for example in sorted(EXAMPLES.iterdir()):
            if example.suffix not in (".toml", ".json"):
                continue
            for fmt in fmts:
                for lang in langs:
                    out.append([command, f"examples/{example.name}", "--format", fmt, "--lang", lang])
    for bad in BAD:
        for fmt in fmts:
            out.append(bad + ["--format", fmt, "--lang", "en"])
    out.append(["batch", "examples/portfolio.csv", "--format", "json", "--lang", "en"])
    return out


def run(root: str, argv: list[str]) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(root).resolve()), "COLUMNS": "100"}
    # -P: the tree on PYTHONPATH, not the working folder (with -m, Python would import the cwd's repayplan)
    done = subprocess.run([sys.executable, "-P", "-m", "repayplan", *argv], capture_output=True, env=env,
                          cwd=EXAMPLES.parent, timeout=300)
    return done.returncode, done.stdout, done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    argvs = runs(args.quick)

    def both(argv: list[str]) -> tuple[list[str], bool]:
        before, after = run(args.before, argv), run(args.after, argv)
        if before[0] != 0 and "json" in argv and before[1] == b"":
            # a failure with --format json now also prints its problems as data on stdout
            try:
                errors = json.loads(after[1])["errors"]
            except (ValueError, KeyError, TypeError):
                return argv, False
            lines = after[2].decode().count("Error: ")
            return argv, before[0] == after[0] and before[2] == after[2] and len(errors) == lines
        return argv, before == after

    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(both, argvs))
    differ = [argv for argv, same in results if not same]
    for argv in differ:
        print("DIFFERS:", " ".join(argv))
    print(f"{len(results) - len(differ)} of {len(results)} runs byte-identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
