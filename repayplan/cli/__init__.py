"""The `repayplan` command: a click group whose commands load on demand.

Each command lives in its own module and is imported only when it runs (or
when --help lists it), so `repayplan --help` never imports pandas or openpyxl.
"""

from __future__ import annotations

import importlib

import click

#: command name -> "module:function"; one line per command.
COMMANDS: dict[str, str] = {  # in the order a user works: the contract, arrears, plans, the file
    "build": "repayplan.cli.build:build",
    "status": "repayplan.cli.status:status",
    "compare": "repayplan.cli.compare:compare",
    "propose": "repayplan.cli.propose:propose",
    "export": "repayplan.cli.export:export",
    "plan": "repayplan.cli.plan:plan",
    "letter": "repayplan.cli.letter:letter",
    "batch": "repayplan.cli.batch:batch",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="repayplan")
def main() -> None:
    """repayplan: what a debt really costs, and a repayment plan both sides accept.

    \b
    Examples:
      repayplan build examples/mortgage.toml          the contract schedule
      repayplan status examples/huabei-arrears.toml   what is really owed, and why
      repayplan compare examples/hardship.toml        restructurings side by side
      repayplan propose examples/negotiation.toml     offers both sides can accept
      repayplan export examples/hardship.toml -o case.xlsx
      repayplan plan examples/three-debts.toml        several debts, one budget
      repayplan letter dispute examples/huabei-arrears.toml -o dispute.docx   a letter from the figures
      repayplan batch examples/portfolio.csv          a whole case list
    """
