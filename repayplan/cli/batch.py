"""`repayplan batch`: the contract summary of every case in a case list."""

from __future__ import annotations

import sys
from typing import Any

import click

from .common import Failure, handle_errors, lang_option


@click.command()
@click.argument("cases", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", default=None, metavar="FILE",
              help="Write here (.csv, .jsonl, .xlsx); default: CSV on standard output.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx"]), default=None,
              help="csv, json (JSON lines: one object a case) or xlsx; default from the output's suffix, else csv.")
@click.option("--errors", default=None, metavar="FILE",
              help="Where bad rows go (line, case_id, problem); default OUTPUT.errors.csv beside the output.")
@click.option("--force", is_flag=True, help="Overwrite existing output and errors files.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=50_000, show_default=True,
              help="Rows read and computed at a time (memory stays bounded).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr; default: when stderr is a terminal.")
@lang_option
@handle_errors
def batch(cases: str, output: str | None, fmt: str | None, errors: str | None, force: bool, chunk_size: int,
          progress: bool | None, lang: str) -> None:
    """Summarise every case of a case list (CSV or Parquet), exact to the cent.

    CASES has one case per row with the columns case_id, principal, rate,
    term, method, start and optionally frequency, first_due, interest_basis,
    day_count, currency, rounding, installment_fee, upfront_fee (the [loan]
    keys of a case file). Each output row has the installment, total
    payment, total interest, total fees, number of installments, first due
    and payoff dates and the annual nominal rate, with the same cents as
    `repayplan build`. Bad rows go to the errors file with their line number
    and are skipped; the exit code is 1 if any row failed.

    \b
    Examples:
      repayplan batch examples/portfolio.csv
      repayplan batch cases.csv -o summary.xlsx
      repayplan batch cases.parquet -o summary.jsonl --errors rejected.csv
    """
    from ..batch.run import run_batch

    show = sys.stderr.isatty() if progress is None else progress
    bar: Any = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=max(total, 1), label="cases", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        report = run_batch(cases, output, fmt, errors, force, chunk_size, lang,
                           stdout=click.get_text_stream("stdout"), progress=advance if show else None)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if report.errors is None:
        for line, case_id, problem in report.shown:
            click.echo(f"line {line} ({case_id or 'no case_id'}): {problem}", err=True)
        if report.problems > len(report.shown):
            click.echo(f"... and {report.problems - len(report.shown)} more problems; "
                       "give --errors FILE to keep them all", err=True)
    written = f"{report.cases} case{'' if report.cases == 1 else 's'} written to {report.output}"
    if report.failed:
        where = f"see {report.errors}" if report.errors else "listed above"
        raise Failure(f"{report.failed} of {report.cases + report.failed} rows failed and were skipped ({where}); "
                      f"{written}")
    if output is not None:
        click.echo(written, err=True)
