"""`repayplan batch`: the contract summary of every case in a case list."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..text import msg, say
from .common import Failure, handle_errors, lang_option, prefix


def shown_id(case_id: str) -> str:
    """A case id as an error line shows it: as written, or quoted with escapes
    when it holds a control character, cut to a readable length.

    >>> shown_id("C-1"), shown_id("D\\nx"), shown_id("")
    ('C-1', "'D\\\\nx'", 'no case_id')
    """
    from ..inputs import brief, text_problem

    if not case_id:
        return "no case_id"
    return brief(case_id, bare=not text_problem(case_id, "case_id", limit=len(case_id)))


@click.command()
@click.argument("cases", type=click.Path(path_type=str))
@click.option("-o", "--output", default=None, metavar="FILE",
              help="Write here (.csv, .jsonl, .xlsx); default: CSV on standard output.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx", "parquet"]), default=None,
              help="csv, json (JSON lines: one object a case) or xlsx; default from the output's suffix, else csv. "
                   "With --dask: parquet (a folder of partitions, the default) or csv (one file).")
@click.option("--errors", default=None, metavar="FILE",
              help="Where bad rows go (line, case_id, problem); default OUTPUT.errors.csv beside the output.")
@click.option("--force", is_flag=True, help="Overwrite existing output and errors files.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=50_000, show_default=True,
              help="Rows read and computed at a time (memory stays bounded).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr; default: when stderr is a terminal.")
@click.option("--payments", "payments_file", default=None, metavar="FILE",
              help="Payments made (CSV: case_id,date,amount): adds each case's arrears statement.")
@click.option("--as-of", default=None, metavar="YYYY-MM-DD",
              help="The date of the figures: the arrears statements (default today; implies the arrears columns), "
                   "and with --scenario the restructuring date, the plan starting from that arrears position.")
@click.option("--scenario", default=None, metavar="STEPS",
              help="Also a restructured plan per case, e.g. 'rate=0%; term=36' (keys: waive, haircut, rate, "
                   "term, payment, settle, as the quick flags of repayplan compare).")
@click.option("--date", "on", default=None, hidden=True,  # before --as-of: the date of --scenario, paid on schedule
              help="Restructuring date of --scenario, the case taken as paid on schedule up to it.")
@click.option("--max-term", default=None, type=click.IntRange(1, 1200),
              help="Longest agreement of --scenario in months (default 60).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes computing chunks side by side; default: every core (1 for a list of one chunk).")
@click.option("--dask", "dask_address", default=None, metavar="local[:N]|tcp://HOST:PORT",
              help="Compute on a Dask cluster: local:N starts N worker processes here, tcp://HOST:PORT joins a "
                   "running scheduler. CASES may then be a glob or a folder of Parquet files; -o names the output "
                   "folder. Needs pip install 'repayplan[dask]'.")
@lang_option
@handle_errors
def batch(cases: str, output: str | None, fmt: str | None, errors: str | None, force: bool, chunk_size: int,
          progress: bool | None, payments_file: str | None, as_of: str | None, scenario: str | None, on: str | None,
          max_term: int | None, workers: int | None, dask_address: str | None, lang: str) -> None:
    """Summarise every case of a case list (CSV or Parquet), exact to the cent.

    CASES has one case per row with the columns case_id, principal, rate,
    term, method, start and optionally frequency, first_due, interest_basis,
    day_count, currency, rounding, installment_fee, upfront_fee (the [loan]
    keys of a case file). Each output row has the installment, total
    payment, total interest, total fees, number of installments, first due
    and payoff dates and the annual nominal rate, with the same cents as
    `repayplan build`. Bad rows go to the errors file with their line number
    and are skipped; the exit code is 1 if any row failed.

    With --payments (or --as-of) each case also gets its arrears statement
    as of that date (arrears_* columns), with the penalty terms of optional
    penalty_* columns (penalty_rate, penalty_base, penalty_grace_days ...,
    the [penalty] keys). With --scenario each case also gets a restructured
    plan's figures (scenario_* columns): from its arrears position with
    --payments or --as-of, else the case taken as paid on schedule up to
    today; a case the scenario cannot be applied to says why in
    scenario_problem.

    \b
    Examples:
      repayplan batch examples/portfolio.csv
      repayplan batch cases.csv -o summary.xlsx
      repayplan batch cases.parquet -o summary.jsonl --errors rejected.csv
      repayplan batch examples/portfolio.csv --scenario "rate=0%; term=36"
      repayplan batch cases.csv --payments paid.csv --as-of 2026-01-31 -o arrears.xlsx
      repayplan batch 'book/*.parquet' --dask local:4 -o summaries/
    """
    from ..batch.arrears import Arrears, read_payments_file
    from ..batch.parallel import default_workers
    from ..batch.run import run_batch
    from ..batch.scenario import parse_scenario
    from ..casefile.fields import parse_date
    from ..report.files import refuse_inputs

    for flag, target in (("--output", output), ("--errors", errors)):
        refuse_inputs(target, flag, [cases, payments_file])
    history = None
    if payments_file is not None or as_of is not None:
        history = Arrears(read_payments_file(payments_file) if payments_file else {},
                          parse_date(as_of, "--as-of") if as_of else None, lang)
    plan = None
    if scenario is not None:
        plan = parse_scenario(scenario, parse_date(on, "--date") if on else None, max_term, lang)
    elif on is not None or max_term is not None:
        raise click.UsageError(say(msg("usage.with_scenario", flag="--date" if on is not None else "--max-term"),
                                   lang))
    show = sys.stderr.isatty() if progress is None else progress
    if dask_address is not None:
        _on_dask(cases, output, fmt, errors, force, dask_address, plan, history, show, lang)
        return
    if fmt == "parquet":
        raise click.UsageError(say(msg("usage.parquet_dask"), lang))
    bar: Any = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=max(total, 1), label="cases", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        report = run_batch(cases, output, fmt, errors, force, chunk_size, lang,
                           stdout=sys.stdout, progress=advance if show else None,
                           scenario=plan, arrears=history,
                           workers=workers or default_workers())
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for warning in report.warnings:
        click.echo(say(msg("err.warning", message=warning), lang), err=True)
    if report.errors is None:
        for line, case_id, problem in report.shown:
            click.echo(say(msg("err.batch_line", line=line, case_id=shown_id(case_id), problem=problem), lang),
                       err=True)
        if report.problems > len(report.shown):
            click.echo(say(msg("err.batch_more", count=report.problems - len(report.shown)), lang), err=True)
    written = msg("err.batch_written_one" if report.cases == 1 else "err.batch_written", count=report.cases,
                  output=output or msg("err.stdout"))
    if report.failed:
        where = msg("err.batch_see", errors=report.errors) if report.errors else msg("err.batch_above")
        raise Failure(say(msg("err.batch_failed", failed=report.failed, rows=report.cases + report.failed,
                              where=where, written=written), lang), prefix(lang))
    if output is not None:
        click.echo(say(written, lang), err=True)


def _on_dask(cases: str, output: str | None, fmt: str | None, errors: str | None, force: bool, address: str,
             plan: Any, history: Any, show: bool, lang: str = "en") -> None:
    """The same run on a Dask cluster: a folder of Parquet partitions (or one CSV) and an errors file."""
    from ..batch.distributed import connect, run_dask

    if output is None:
        raise click.UsageError(say(msg("usage.dask_output"), lang))
    if fmt in ("json", "xlsx"):
        raise click.UsageError(say(msg("usage.dask_format", fmt=fmt), lang))
    kind = fmt or ("csv" if output.lower().endswith(".csv") else "parquet")
    client = connect(address)
    try:
        watch: Any = None
        if show:
            import distributed

            watch = distributed.progress
        report = run_dask(cases, output, client, kind, errors, force, plan, history, progress=watch)
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:  # the one `local` started
            cluster.close()
    written = f"{report.cases} case{'' if report.cases == 1 else 's'} written to {report.output}"
    if report.failed:
        raise Failure(f"{report.failed} of {report.cases + report.failed} rows failed and were skipped "
                      f"(see {report.errors}); {written}")
    click.echo(written, err=True)
