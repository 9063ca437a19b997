"""`repayplan new`: a commented starter case file to fill in, in the user's language."""

from __future__ import annotations

import click

from .common import emit, handle_errors, lang_option

#: kind -> (the starter's file suffix, the command that reads it)
KINDS = {"arrears": ("toml", "status"), "hardship": ("toml", "compare"), "negotiation": ("toml", "propose"),
         "plan": ("toml", "plan"), "portfolio": ("csv", "batch")}


def starter_text(kind: str, lang: str) -> str:
    """The starter file of a kind in a language (package data, so it works without a checkout).

    >>> starter_text("arrears", "zh").splitlines()[0]
    '# 逾期借款：截至某日到底欠多少，以及怎么算出来的。'
    """
    from importlib.resources import files

    suffix = KINDS[kind][0]
    return (files("repayplan") / "starters" / f"{kind}.{lang}.{suffix}").read_text(encoding="utf-8")


@click.command()
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False, path_type=str),
              help="The file to write; default: print it.")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@lang_option
@handle_errors
def new(kind: str, output: str | None, force: bool, lang: str) -> None:
    """Write a commented starter case file to fill in: arrears (for status),
    hardship (compare), negotiation (propose), plan (several debts) or
    portfolio (a CSV for batch). The comments are in --lang; the keys are
    the case file's own.

    \b
    Examples:
      repayplan new arrears -o my-case.toml             then: repayplan status my-case.toml
      repayplan new plan --lang zh -o 我的债务.toml
      repayplan new portfolio -o book.csv               then: repayplan batch book.csv
    """
    text = starter_text(kind, lang)
    if output is None:
        emit(text)
        return
    from pathlib import Path

    from ..report.files import atomic_write

    def write(tmp: Path) -> None:
        Path(tmp).write_text(text, encoding="utf-8")

    target = atomic_write(output, write, force=force)
    click.echo(f"{target}: repayplan {KINDS[kind][1]} {target}", err=True)
