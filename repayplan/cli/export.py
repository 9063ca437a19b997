"""`repayplan export`: the case-file workbook (.xlsx) of a negotiation."""

from __future__ import annotations

from typing import Any

import click

from .common import handle_errors, lang_option


@click.command()
@click.argument("case", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(path_type=str),
              help="The workbook to write, FILE.xlsx.")
@click.option("--scenario", "scenarios", multiple=True,
              help="A scenario of the case file to include (repeat for several); default all.")
@click.option("--terms", "terms_plan", default=None,
              help="The plan the Terms sheet is filled from; default the first scenario, else the contract.")
@click.option("--as-of", "as_of", default=None,
              help="Date of the debt's position, YYYY-MM-DD; default the case's as_of, else today.")
@click.option("--cap", default=None, help="Cost-of-credit cap to check: 24%, 4xLPR or any rate.")
@click.option("--force", is_flag=True, help="Overwrite FILE.xlsx if it exists.")
@lang_option
@handle_errors
def export(case: str, output: str, scenarios: tuple[str, ...], terms_plan: str | None, as_of: str | None,
           cap: str | None, force: bool, lang: str) -> None:
    """Write the case file as a workbook: Summary, one sheet per plan with
    live formulas, Arrears (with a payment history), Terms and Charts.

    The file is written beside FILE.xlsx and renamed into place, so a failure
    never leaves half a file; an existing FILE.xlsx is kept unless --force.

    \b
    Examples:
      repayplan export examples/mortgage.toml -o mortgage.xlsx
      repayplan export examples/huabei-arrears.toml -o huabei.xlsx --lang zh
      repayplan export case.toml -o case.xlsx --scenario "Interest freeze, 36 months" --force
    """
    from ..report.excel import export_workbook
    from ..report.excel.case import case_book, contract_plan
    from .status import read_inputs

    if not output.lower().endswith(".xlsx"):
        raise click.UsageError(f"--output: {output!r} must end in .xlsx", click.get_current_context())
    flags: dict[str, Any] = {"as_of": as_of, "cap": cap}
    inputs = read_inputs(case, _status_flags(flags))
    statement, check = _statement(inputs)
    info = _case_info(case)
    plans = [contract_plan(inputs.loan, lang=lang)]
    book = case_book(info, inputs.loan, plans, statement, check, lang)
    target = export_workbook(book, output, force=force)
    click.echo(f"Wrote {target}: {len(book.plans)} plan(s)")


def _status_flags(given: dict[str, Any]) -> dict[str, Any]:
    """The flags `status` reads, all unset but those given."""
    from .build import LOAN_FLAGS
    from .status import PENALTY_FLAGS

    flags: dict[str, Any] = dict.fromkeys(LOAN_FLAGS)
    flags.update(dict.fromkeys(PENALTY_FLAGS))
    flags.update({"payments_file": None, "claimed": None})
    flags.update(given)
    return flags


def _statement(inputs: Any) -> tuple[Any, Any]:
    """The arrears statement when the case has a payment history, and the cap check when asked for."""
    from ..arrears import scheduled_payments, statement
    from ..legal import check_cap

    st = statement(inputs.loan, inputs.payments, inputs.policy, inputs.as_of) if inputs.payments else None
    check = None
    if inputs.cap is not None:
        # without a history, the cap is checked on the contract kept to the letter
        basis = st if st is not None else statement(inputs.loan, scheduled_payments(inputs.loan), inputs.policy,
                                                    max(inputs.as_of, _payoff(inputs.loan)))
        check = check_cap(basis, inputs.cap)
    return st, check


def _payoff(loan: Any) -> Any:
    from ..schedule import build_schedule

    return build_schedule(loan).payoff_date


def _case_info(case: str) -> Any:
    from ..casefile import Reader, load_document
    from ..casefile.loan import read_case_info

    return read_case_info(Reader(case), load_document(case))
