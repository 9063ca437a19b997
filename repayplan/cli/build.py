"""`repayplan build`: the contract schedule of one loan."""

from __future__ import annotations

from typing import Any

import click

from .common import case_argument, emit, format_option, handle_errors, lang_option
from .flags import LOAN_KEYS, at_flags, given_keys

#: the loan flags' parameter names, each the [loan] key it gives
LOAN_FLAGS = LOAN_KEYS


def loan_options(func: Any) -> Any:
    """The loan flags, shared by commands that take a loan from flags."""
    specs = [
        ("--principal", "Amount borrowed, e.g. 12000 or 12000.00."),
        ("--rate", "Contract rate: 4.9%, 4.9%/year, 1.5%/month, 0.05%/day."),
        ("--term", "Number of installments."),
        ("--method", "annuity (等额本息), equal-principal (等额本金), interest-only (先息后本), bullet."),
        ("--frequency", "monthly (default), biweekly, weekly, quarterly."),
        ("--start", "Loan start (disbursement) date, YYYY-MM-DD; default today."),
        ("--first-due", "First due date, if not one period after the start."),
        ("--interest-basis", "periodic (rate ÷ periods a year, default) or daily (actual days)."),
        ("--day-count", "act/365 (default), act/360, 30/360 (ISDA) or 30E/360, for daily interest."),
        ("--currency", "CNY (default), USD, EUR, JPY, KRW, ..."),
        ("--rounding", "half-up (default) or half-even."),
        ("--installment-fee", "A fee charged with every installment."),
        ("--upfront-fee", "A fee charged at the start (counts in the cost of credit)."),
    ]
    for flag, text in reversed(specs):
        func = click.option(flag, default=None, help=text)(func)
    return func


def loan_from_inputs(case: str | None, flags: dict[str, Any]) -> tuple[Any, Any]:
    """A Loan from a case file's [loan] overridden by flags; every problem at once.

    Problems in a flag's value name the flag (``--rate: ...``).
    """
    from datetime import date

    from ..casefile import Reader, load_document
    from ..casefile.loan import read_case_info, read_loan_table
    from ..errors import CaseFileError
    from ..text import msg

    reader = Reader(case or "")
    doc: dict[str, Any] = load_document(case) if case else {}
    info = read_case_info(reader, doc)
    table = dict(reader.table(doc, "loan", required=not any(flags.values()) and bool(case)) or {})
    given = given_keys("loan", flags)
    table.update(given)
    if not case:
        table.setdefault("start", date.today().isoformat())
        for key in ("principal", "rate", "term"):
            if key not in table:
                reader.problem(f"--{key}", msg("err.missing_value"), msg("err.give_flag_or_case", flag=f"--{key}"))
    loan = read_loan_table(reader, table, "loan", info.currency) if not reader.problems else None
    problems = at_flags(reader.problems, {f"loan.{key}" for key in given}, case or "")
    if problems:
        raise CaseFileError(problems)
    return loan, info


@click.command()
@case_argument
@loan_options
@format_option()
@lang_option
@handle_errors
def build(case: str | None, fmt: str, lang: str, **flags: Any) -> None:
    """Print the contract schedule of a loan, exact to the cent.

    CASE is a TOML or JSON case file with a [loan] table; flags override it.

    \b
    Examples:
      repayplan build examples/mortgage.toml
      repayplan build --principal 1000000 --rate 4.9% --term 360 --start 2025-01-15
      repayplan build --principal 12000 --rate 1.5%/month --term 12 --format json
    """
    from ..report.schedule import schedule_csv, schedule_json, schedule_table
    from ..schedule import build_schedule

    loan, _info = loan_from_inputs(case, flags)
    schedule = build_schedule(loan)
    if fmt == "json":
        emit(schedule_json(schedule))
    elif fmt == "csv":
        emit(schedule_csv(schedule, lang))
    else:
        emit(schedule_table(schedule, lang))
