"""`repayplan export`: the case-file workbook (.xlsx) of a negotiation."""

from __future__ import annotations

from typing import Any

import click

from ..text import msg, say
from .common import handle_errors, lang_option, payments_option, with_history
from .dates import as_of_option


@click.command()
@click.argument("case", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(path_type=str),
              help="The workbook to write, FILE.xlsx.")
@click.option("--scenario", "names", multiple=True,
              help="Only the scenario of this name (repeat for several); default every scenario.")
@click.option("--terms", "terms_plan", default=None,
              help="The plan the Terms sheet is filled from; default the first scenario, else the contract.")
@as_of_option("Restructuring date: the debt's position on it (default: [case] as_of, else today).", "on")
@click.option("--cap", default=None, help="Cost-of-credit cap to check: 24%, 4xLPR or any rate.")
@click.option("--for", "audience", type=click.Choice(["mediator", "borrower", "creditor"]), default="mediator",
              show_default=True, help="Whose copy: the mediator's has every figure; the borrower's leaves out the "
              "creditor's limits (minimum recovery, discount rate, NPV, recovery), the creditor's the borrower's "
              "income, expenses and budget.")
@click.option("--force", is_flag=True, help="Overwrite FILE.xlsx if it exists.")
@payments_option
@lang_option
@handle_errors
def export(case: str, output: str, names: tuple[str, ...], terms_plan: str | None, on: str | None,
           cap: str | None, audience: str, force: bool, payments_file: str | None, lang: str) -> None:
    """Write a case as a workbook: Summary, one sheet per plan, the contract
    schedule with live formulas, Arrears (with a payment history), Terms and
    Charts. The figures are those of `repayplan compare` and `status`.

    The file is written beside FILE.xlsx and renamed into place, so a failure
    never leaves half a file; an existing FILE.xlsx is kept unless --force.

    \b
    Examples:
      repayplan export examples/mortgage.toml -o mortgage.xlsx
      repayplan export examples/huabei-arrears.toml -o huabei.xlsx --lang zh --cap 24%
      repayplan export examples/hardship.toml -o hardship.xlsx --scenario "Interest freeze, 36 months" --force
      repayplan export examples/hardship.toml -o borrower.xlsx --for borrower --lang zh
      repayplan export examples/hardship.toml -o case.xlsx --payments paid.xlsx
    """
    from ..compare import compare
    from ..report.excel import export_workbook
    from ..report.excel.case import case_book, comparison_plans, contract_plan
    from ..report.files import check_target, refuse_inputs

    if not output.lower().endswith(".xlsx"):
        raise click.UsageError(say(msg("usage.end_xlsx", flag="--output", value=repr(output)), lang),
                               click.get_current_context())
    refuse_inputs(output, "--output", [case])
    check_target(output, force)  # refused before any work, and again when written (atomic_write)
    data, scenarios, day, ceiling = _read(case, names, on, cap, payments_file)
    comparison = compare(data.debt, scenarios, day, data.borrower, data.creditor)
    plans = comparison_plans(comparison, lang)
    loan = data.debt.loan
    schedule = contract_plan(loan, lang=lang, compared=False)
    plans.append(replace_note(schedule, lang))
    if comparison.position.total <= 0:  # nothing owed: no plan to compare; the contract schedule for the record
        plans = [p for p in plans if p.kind == "schedule"]
    terms_index = _terms_index(plans, terms_plan, len(scenarios) if len(plans) > 1 else 0)
    statement = _statement(data.debt, day)
    check = _cap_check(data.debt, day, statement, ceiling) if ceiling is not None else None
    agreement = agreement_of(case, comparison, plans[terms_index])
    book = case_book(data.info, loan, plans, statement, check, lang, terms_index, comparison, audience, agreement)
    target = export_workbook(book, output, force=force)
    from ..report.labels import label

    if comparison.position.total <= 0:
        click.echo(label("wrote.file", lang).format(target=target, what=label("cmp.nothing_owed", lang).format(
            date=day.isoformat())))
        return
    click.echo(label("wrote.file", lang).format(target=target, what=label("wrote.compared", lang).format(
        n=len(comparison.plans), name=plans[terms_index].name)))


def agreement_of(case: str, comparison: Any, chosen: Any) -> Any:
    """The agreement the Terms sheet sets out: the chosen plan with the case's parties, original contract
    and ``[agreement]`` terms (None for the contract schedule, which is no agreement)."""
    from ..agreement import build_agreement
    from ..casefile import load_document
    from ..casefile.agreement import read_agreement_case
    from ..report.compare import plan_name

    if chosen.kind == "schedule" or comparison.position.total <= 0:
        return None
    plan = next((p for p in comparison.plans if plan_name(p, "en") == chosen.name or plan_name(p, "zh") ==
                 chosen.name), None)
    if plan is None:
        return None
    parts = read_agreement_case(load_document(case), case)
    return build_agreement(plan, parts.parties, parts.contract, parts.terms)


def replace_note(plan: Any, lang: str) -> Any:
    from dataclasses import replace

    from ..report.labels import label

    return replace(plan, note=label("wb.contract_note", lang))


def _read(case: str, names: tuple[str, ...], on: str | None, cap: str | None,
          payments_file: str | None = None) -> tuple[Any, list[Any], Any, Any]:
    """The case, the scenarios asked for, the date and the cap; every problem at once."""
    from ..casefile import load_document
    from ..casefile.scenarios import read_compare_case, restructuring_date, select_scenarios
    from ..errors import CaseFileError, InputError, problems_of
    from ..legal import parse_cap

    data = with_history(read_compare_case(load_document(case), case), payments_file)
    scenarios, problems = select_scenarios(data.scenarios, names)
    day, date_problems = restructuring_date(data, on, case)
    problems += date_problems
    loan = data.debt.loan
    ceiling = None
    if cap is not None:
        try:
            ceiling = parse_cap(cap, loan.contract_date)
        except InputError as exc:
            problems.extend(p.at(f"--{p.path}") for p in problems_of(exc))
    if problems:
        raise CaseFileError(problems)
    return data, scenarios, day, ceiling


def _cap_check(debt: Any, day: Any, st: Any, ceiling: Any) -> Any:
    """The cap check of ``status --cap`` on the statement; without a history,
    on the contract kept to the letter (paid on schedule to maturity)."""
    from ..arrears import scheduled_payments, statement
    from ..legal import check_cap
    from ..schedule import build_schedule

    if st is None:
        loan = debt.loan
        st = statement(loan, scheduled_payments(loan), debt.penalty, max(day, build_schedule(loan).payoff_date or day))
    return check_cap(st, ceiling)


def _statement(debt: Any, day: Any) -> Any:
    """The arrears statement on the date when the case has a payment history or penalty terms."""
    if not debt.has_history:
        return None
    from ..arrears import statement

    return statement(debt.loan, [p for p in debt.payments if p.date <= day], debt.penalty, day)


def _terms_index(plans: list[Any], wanted: str | None, scenarios: int) -> int:
    """Which plan fills the Terms sheet: the one named, else the first scenario, else the contract."""
    from ..errors import bad
    from ..inputs import brief

    if wanted is None:
        return 1 if scenarios else 0
    for index, plan in enumerate(plans):
        if plan.name == wanted:
            return index
    listed = ", ".join(repr(p.name) for p in plans)
    raise bad("--terms", "err.no_plan", value=brief(wanted), listed=listed)
