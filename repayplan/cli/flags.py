"""Which flag gives which case-file place: the one table for every command.

A problem found in a value a flag gave is reported at the flag (``--rate``), one found in the case file at its
place in the file (``case.toml: loan.rate``):

>>> FLAGS["penalty.grace_days"], FLAGS["loan.first_due"]
('--grace-days', '--first-due')
>>> given_keys("penalty", {"grace_days": "5", "penalty_rate": None})
{'grace_days': '5'}
>>> from repayplan.errors import Problem
>>> [str(p) for p in at_flags([Problem(path="penalty.grace_days", message="must be a whole number"),
...                            Problem(path="penalty.rate", message="missing")], {"penalty.grace_days"}, "c.toml")]
['--grace-days: must be a whole number', 'c.toml: penalty.rate: missing']
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from ..errors import Problem

#: [loan] keys a flag of the same name gives (build, status)
LOAN_KEYS = ("principal", "rate", "term", "method", "frequency", "start", "first_due", "interest_basis",
             "day_count", "currency", "rounding", "installment_fee", "upfront_fee")

#: case-file place -> the flag that gives it
FLAGS: dict[str, str] = {
    **{f"loan.{key}": "--" + key.replace("_", "-") for key in LOAN_KEYS},
    "penalty.rate": "--penalty-rate",
    "penalty.base": "--penalty-base",
    "penalty.grace_days": "--grace-days",
    "penalty.allocation": "--allocation",
    "case.as_of": "--as-of",
    "case.claimed": "--claimed",
    "case.claimed_on": "--claimed-on",
    "budget.monthly": "--monthly",
    "budget.lump_sum": "--lump-sum",
    "budget.reserve": "--reserve",
    "budget.start": "--start",
    "borrower.max_payment": "--max-payment",
    "borrower.lump_sum": "--lump-sum",
    "creditor.min_recovery": "--min-recovery",
    "creditor.discount_rate": "--discount-rate",
    "creditor.levers": "--levers",
    "creditor.cap": "--cap",
    "creditor.max_term": "--max-term",
}


def param(flag: str) -> str:
    """'--grace-days' → 'grace_days', the name click gives the flag's value."""
    return flag[2:].replace("-", "_")


def given_keys(table: str, flags: Mapping[str, Any]) -> dict[str, Any]:
    """The keys of ``table`` that flags gave a value for, with those values."""
    prefix = f"{table}."
    return {path[len(prefix):]: flags[param(flag)] for path, flag in FLAGS.items()
            if path.startswith(prefix) and flags.get(param(flag)) is not None}


def at_flags(problems: Iterable[Problem], given: Collection[str], file: str = "") -> list[Problem]:
    """Problems at a place a flag gave (``given``: places) moved to the flag; the others, unless at a flag,
    placed in ``file``."""
    out = []
    for problem in problems:
        if problem.path in given and problem.path in FLAGS:
            out.append(problem.at(FLAGS[problem.path]))
        elif problem.path.startswith("--"):
            out.append(problem)
        else:
            out.append(problem.in_file(file))
    return out
