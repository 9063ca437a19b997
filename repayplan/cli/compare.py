"""`repayplan compare`: the contract as it stands and restructurings, side by side."""

from __future__ import annotations

from typing import Any

import click

from .common import emit, format_option, handle_errors, lang_option, payments_option, with_history
from .dates import as_of_option

#: quick-scenario flag -> how it becomes a step table
QUICK_FLAGS = ("waive", "haircut", "rate", "term", "payment", "settle")


def quick_steps(flags: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """Steps from the quick-scenario flags, in the order they apply; problems
    name the flag (``--term: installments must be ...``)."""
    from ..casefile.scenarios import field_first
    from ..restructure import read_step

    tables: list[tuple[str, dict[str, Any]]] = []
    if flags.get("waive"):
        tables.append(("waive", {"op": "waive", "what": [w.strip() for w in flags["waive"].split(",") if w.strip()]}))
    for flag, op in (("haircut", "haircut"), ("settle", "settle")):
        value = flags.get(flag)
        if value:
            key = "percent" if value.strip().endswith("%") else "amount"
            tables.append((flag, {"op": op, key: value}))
    if flags.get("rate"):
        tables.append(("rate", {"op": "set-rate", "rate": flags["rate"]}))
    if flags.get("term"):
        tables.append(("term", {"op": "term", "installments": flags["term"]}))
    if flags.get("payment"):
        tables.append(("payment", {"op": "payment", "amount": flags["payment"]}))
    settle = next((i for i, (flag, _) in enumerate(tables) if flag == "settle"), None)
    if settle is not None:  # a settlement ends the plan
        tables.append(tables.pop(settle))
    steps, problems = [], []
    for flag, table in tables:
        step, errors = read_step(table)
        problems += [field_first(e).at(f"--{flag}") for e in errors]
        steps.append(step)
    return steps, problems


def quick_name(flags: dict[str, Any]) -> str:
    """A name that says what the flags ask: 'waive penalty,fees; rate 0%; 36 installments'."""
    parts = []
    for flag, text in (("waive", "waive {}"), ("haircut", "haircut {}"), ("rate", "rate {}"),
                       ("term", "{} installments"), ("payment", "pay {}"), ("settle", "settle for {}")):
        if flags.get(flag):
            parts.append(text.format(flags[flag]))
    return "; ".join(parts)


@click.command()
@click.argument("case", type=click.Path(dir_okay=False, path_type=str))
@click.option("--scenario", "names", multiple=True, help="Only the scenario of this name (repeat for several).")
@as_of_option("Restructuring date: the debt's position on it (default: [case] as_of, else today).", "on")
@click.option("--waive", default=None, help="Quick scenario: waive in full, e.g. penalty,fees,interest.")
@click.option("--haircut", default=None, help="Quick scenario: forgive principal, 20% or an amount.")
@click.option("--rate", default=None, help="Quick scenario: a new rate from the date, e.g. 0% (interest freeze).")
@click.option("--term", default=None, help="Quick scenario: re-amortise over N installments.")
@click.option("--payment", default=None, help="Quick scenario: a fixed installment; the term follows.")
@click.option("--settle", default=None, help="Quick scenario: settle for 60% or an amount, the rest forgiven.")
@click.option("--name", "quick", default=None, help="Name of the quick scenario.")
@click.option("--max-term", default=None, type=click.IntRange(1, 1200),
              help="Longest agreement in months (default [creditor] max_term, else 60).")
@click.option("--schedules", is_flag=True, help="Also print every plan's schedule.")
@payments_option
@format_option()
@lang_option
@handle_errors
def compare(case: str, names: tuple[str, ...], on: str | None, quick: str | None, max_term: int | None,
            schedules: bool, payments_file: str | None, fmt: str, lang: str, **flags: Any) -> None:
    """Put the contract as it stands and restructurings side by side.

    CASE is a TOML or JSON case file with [loan], optionally [[payments]] and
    [penalty] (the debt in arrears), [[scenarios]], [borrower], [creditor].
    Quick-scenario flags add one more plan.

    \b
    Examples:
      repayplan compare examples/hardship.toml
      repayplan compare examples/hardship.toml --scenario "Interest freeze, 36 months" --format json
      repayplan compare examples/hardship.toml --term 36 --rate 0%
      repayplan compare examples/hardship.toml --lang zh
      repayplan compare examples/hardship.toml --payments paid.xlsx
    """
    from dataclasses import replace

    from ..casefile import load_document
    from ..casefile.scenarios import read_compare_case, restructuring_date, select_scenarios
    from ..compare import compare as compare_plans
    from ..errors import CaseFileError, Problem
    from ..model import Scenario
    from ..report.compare import comparison_csv, comparison_json, comparison_table
    from ..text import msg

    data = with_history(read_compare_case(load_document(case), case), payments_file)
    scenarios, problems = select_scenarios(data.scenarios, names)
    steps, quick_problems = quick_steps(flags)
    problems += quick_problems
    if quick is not None:
        from ..inputs import text_problem

        problems += [p for p in [text_problem(quick, "--name")] if p]
    if steps and not quick_problems:
        scenarios.append(Scenario(quick or quick_name(flags), tuple(steps), label="quick scenario (flags)"))
    elif quick and not steps:
        problems.append(Problem(path="--name", message=msg("err.name_alone")))
    day, date_problems = restructuring_date(data, on, case)
    problems += date_problems
    if problems:
        raise CaseFileError(problems)
    creditor = replace(data.creditor, max_term=max_term) if max_term else data.creditor
    try:
        result = compare_plans(data.debt, scenarios, day, data.borrower, creditor)
    except CaseFileError as exc:  # a scenario that cannot be built: say which file it is in
        raise CaseFileError([p if str(p).startswith("quick scenario") else p.in_file(case) for p in exc.problems]) \
            from None
    if fmt == "json":
        emit(comparison_json(result))
    elif fmt == "csv":
        emit(comparison_csv(result, lang))
    else:
        emit(comparison_table(result, lang, schedules))
