"""The date of the figures, one flag in every command: ``--as-of YYYY-MM-DD``.

``--date``, its name in earlier releases of compare, propose, export and
batch, is still accepted (scripts keep working) but not shown in help.

>>> @click.command()
... @as_of_option("The date of the figures.")
... def show(as_of: str | None) -> None:
...     click.echo(as_of)
>>> from click.testing import CliRunner
>>> CliRunner().invoke(show, ["--date", "2026-01-15"]).output
'2026-01-15\\n'
>>> "--date" in CliRunner().invoke(show, ["--help"]).output
False
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

#: the one documented name, then the accepted old name
NAMES = ("--as-of", "--date")


class _FirstNameShown(click.Option):
    """An option that accepts all its names and shows only the first in help."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        names = self.opts
        self.opts = names[:1]
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = names


def as_of_option(help: str, dest: str = "as_of") -> Callable[[F], F]:
    """``--as-of YYYY-MM-DD`` (also ``--date``) into the parameter ``dest``."""
    return click.option(*NAMES, dest, cls=_FirstNameShown, default=None, metavar="YYYY-MM-DD", help=help)
