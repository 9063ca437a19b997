"""`repayplan plan`: several debts, one budget: which to pay first, and what
paying only the minimum costs."""

from __future__ import annotations

from typing import Any

import click

from .common import emit, format_option, handle_errors, lang_option
from .flags import at_flags, given_keys


def read_plan_inputs(case: str, strategies: tuple[str, ...], flags: dict[str, Any]) -> Any:
    """The PlanCase of a case file with [budget] overridden by flags; every problem at once."""
    from ..casefile import Reader, load_document
    from ..casefile.debts import read_plan_case
    from ..errors import CaseFileError

    doc = load_document(case)
    given = given_keys("budget", flags)
    if given:
        budget = doc.get("budget")
        doc = {**doc, "budget": {**(budget if isinstance(budget, dict) else {}), **given}}
    reader = Reader(case)
    plan_case = read_plan_case(reader, doc, strategies, strategies_where="--strategy")
    if reader.problems:
        raise CaseFileError(at_flags(reader.problems, {f"budget.{key}" for key in given}, case))
    return plan_case


@click.command()
@click.argument("case", type=click.Path(dir_okay=False, path_type=str))
@click.option("--strategy", "strategies", multiple=True, metavar="NAME",
              help="optimal, avalanche, snowball, minimum or custom (repeat for several); default: all of them "
                   "(custom when [budget] order is given).")
@click.option("--monthly", default=None, help="Money for debts each month (overrides [budget] monthly).")
@click.option("--lump-sum", default=None, help="Money available at the start (overrides [budget] lump_sum).")
@click.option("--reserve", default=None, help="Part of the lump sum kept for emergencies, never spent.")
@click.option("--start", default=None, help="Plan start, YYYY-MM-DD; month 1 is paid one month later.")
@click.option("--timeline", default=None, metavar="NAME|all|none",
              help="Month-by-month timeline to show: a strategy, all or none (default: the cheapest in the table, "
                   "all in CSV).")
@format_option()
@lang_option
@click.option("--export", "export", default=None, type=click.Path(dir_okay=False, path_type=str),
              metavar="FILE.xlsx", help="Also write a workbook: the timeline of each strategy and a chart of "
                                        "balances per debt.")
@click.option("--force", is_flag=True, help="Overwrite an existing --export file.")
@click.option("--time-limit", "time_limit", default=None, type=click.FloatRange(min=0.1), metavar="SECONDS",
              help="A safety bound on the optimal plan's search, in seconds (default 20). The search itself stops "
                   "after a fixed amount of work, so the answer does not depend on the machine's load; past either "
                   "limit the best plan found is given with its bound.")
@handle_errors
def plan(case: str, strategies: tuple[str, ...], timeline: str | None, fmt: str, lang: str, export: str | None,
         force: bool, time_limit: float | None, **flags: Any) -> None:
    """Plan several debts under one budget: the optimal plan (the cheapest
    allocation of each month's money, with the bound that proves it) first,
    then avalanche, snowball, minimum-only and a custom order against it, the
    cost of paying only the minimum, and what happens when the budget falls
    short.

    CASE is a TOML or JSON case file with [[debts]] and [budget] (or
    [borrower] monthly_income and monthly_expenses).

    \b
    Examples:
      repayplan plan examples/three-debts.toml
      repayplan plan examples/three-debts.toml --monthly 4000 --strategy avalanche --strategy snowball
      repayplan plan examples/three-debts.toml --format json
      repayplan plan examples/three-debts.toml --lang zh --export plan.xlsx
    """
    from ..budget import plan as make_plan
    from ..errors import bad
    from ..inputs import brief
    from ..report.plan import plan_csv, plan_json, plan_table

    if export is not None:  # a bad target is refused before any work
        from ..report.files import check_target, refuse_inputs

        if not export.lower().endswith(".xlsx"):
            raise bad("--export", "err.not_xlsx", target=export)
        refuse_inputs(export, "--export", [case])
        check_target(export, force)
    inputs = read_plan_inputs(case, strategies, flags)
    result = make_plan(inputs.debts, inputs.budget, inputs.strategies, currency=inputs.info.currency,
                       time_limit=time_limit)
    names = [r.name for r in result.results]
    if timeline not in (None, "all", "none", *names):
        raise bad("--timeline", "err.not_timeline", value=brief(timeline), names=", ".join(names))
    if export:
        from ..report.plan_excel import write_plan_workbook

        write_plan_workbook(result, export, lang, force, case_id=inputs.info.case_id)
    chosen = names if timeline == "all" else [] if timeline == "none" else [timeline] if timeline else None
    if fmt == "json":
        emit(plan_json(result))
    elif fmt == "csv":
        emit(plan_csv(result, lang, chosen))
    else:
        emit(plan_table(result, lang, [result.cheapest.name] if chosen is None else chosen))
    if export:
        from ..report.labels import label

        click.echo(label("wrote.file", lang).format(target=export, what=label("wrote.strategies", lang).format(
            n=len(result.results))), err=True)
