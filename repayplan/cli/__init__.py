"""The `repayplan` command: a click group whose commands load on demand.

Each command lives in its own module and is imported only when it runs (or
when --help lists it), so `repayplan --help` never imports pandas or openpyxl.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from .common import LANGS

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
    "new": "repayplan.cli.new:new",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        """The group's context, the command line kept to say a usage error in its language (--lang, else the
        environment's)."""
        given = list(args)
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise _in_language(exc, given) from None
        ctx.meta[ARGS_KEY] = given
        return ctx

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _in_language(exc, ctx.meta.get(ARGS_KEY, [])) from None

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                              list[str]]:
        """A mistyped command gets the nearest one: 'repayplan stauts' → did you mean 'status'?"""
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            import difflib

            close = difflib.get_close_matches(name, list(COMMANDS), n=1, cutoff=0.6)
            if close:
                from ..report.labels import label
                from .common import prefix
                from .usage import UsageLine, language_of

                lang = language_of(ctx.meta.get(ARGS_KEY, []))
                raise UsageLine(label("cli.did_you_mean", lang).format(name=name, command=close[0]), prefix(lang))
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        for param in command.params:
            if isinstance(param, click.Argument) and param.name in ("case", "cases") and param.callback is None:
                param.callback = _packaged_example
        if not any(p.name == "wide" for p in command.params):
            command.params.append(click.Option(
                ["--wide"], is_flag=True, expose_value=False, callback=_fit_terminal,
                help="Print tables in full, however wide (default: fit COLUMNS or the terminal; "
                     "CSV and JSON never change)."))
        return command


#: the command line as given, kept in the context's meta
ARGS_KEY = "repayplan.args"


def _in_language(exc: click.UsageError, args: list[str]) -> click.UsageError:
    """Click's usage error in the command line's language (repayplan.cli.usage)."""
    from .usage import in_language, language_of

    named = next((a for a in args if a in COMMANDS), None)  # the command, past a --lang zh before it
    return in_language(exc, language_of(args), f"repayplan {named}" if named else "repayplan")


def _packaged_example(ctx: click.Context, param: click.Parameter, path: str | None) -> str | None:
    """examples/NAME when there is no such file here: the copy shipped with the package, so the examples in
    the help work from any folder."""
    import os

    if path is None or os.path.exists(path):
        return path
    parts = os.path.normpath(path).split(os.sep)
    if len(parts) == 2 and parts[0] == "examples":
        from importlib.resources import files

        shipped = files("repayplan") / "examples" / parts[1]
        if shipped.is_file():
            return str(shipped)
    return path


def _fit_terminal(ctx: click.Context, param: click.Parameter, wide: bool) -> None:
    """Tables fit the terminal unless --wide: COLUMNS, or the terminal's width when output is one."""
    from ..report.render import set_width, terminal_width

    set_width(terminal_width(wide))


def _lang_for_every_command(ctx: click.Context, param: click.Parameter, lang: str | None) -> None:
    """``repayplan --lang zh status …``: the language before the command is the command's default
    (its own --lang still wins)."""
    if lang:
        ctx.default_map = {name: {"lang": lang} for name in COMMANDS}


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="repayplan")
@click.option("--lang", type=click.Choice(LANGS), expose_value=False, is_eager=True,
              callback=_lang_for_every_command,
              help="Language of every command (the same as the command's own --lang; zh: 中文).")
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
      repayplan new arrears -o my-case.toml           a starter case file to fill in

    The examples/ files ship with the package: they work from any folder.
    """
