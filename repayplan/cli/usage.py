"""Click's own usage errors in the user's language.

Every language gets one line from the label data (no click banner), naming
the option or argument and the fix, exit 2 as before: a missing argument, an unknown option (with the
nearest one), a value outside its choices or range, an option without its
value, an extra argument, an unknown command.

>>> import click
>>> @click.command()
... @click.option("--format", "fmt", type=click.Choice(["table", "json"]))
... def cmd(fmt): pass
>>> try:
...     cmd.main(["--format", "xml"], prog_name="repayplan status", standalone_mode=False)
... except click.UsageError as exc:
...     print(usage_text(exc, "zh"))
--format：xml 无效；可选值：table、json
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import IO, Any

import click

from ..report.labels import label
from .common import LANGS, default_lang, prefix

#: where the language of the run is kept for the commands' contexts
LANG_KEY = "repayplan.lang"


def language_of(args: Sequence[str]) -> str:
    """The language a command line asks for: its --lang, else the environment's.

    >>> language_of(["status", "x.toml", "--lang", "zh"]), language_of(["--lang=zh"]), language_of(["--lang", "fr"])
    ('zh', 'zh', 'en')
    """
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.partition("=")[2] \
            if arg.startswith("--lang=") else None
        if value in LANGS:
            return value
    return default_lang()


class UsageLine(click.UsageError):
    """A usage error said in one line, without click's banner (exit 2)."""

    def __init__(self, text: str, lead: str) -> None:
        super().__init__(text)
        self.lead = lead

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"{self.lead}{self.message}", err=True, file=file or sys.stderr)


def in_language(exc: click.UsageError, lang: str, command: str = "repayplan") -> click.UsageError:
    """The error as one line in the user's language, naming the option or argument and the fix (the bare
    command's help as click has it). ``command``: the command line's command, for an error raised before its
    context was made."""
    if isinstance(exc, UsageLine | click.exceptions.NoArgsIsHelpError):
        return exc
    return UsageLine(usage_text(exc, lang, command), prefix(lang))


def _name(param: click.Parameter | None, hint: Any) -> str:
    """An option by its long name (--output), an argument by its name (CASE)."""
    if isinstance(param, click.Option):
        return next((o for o in param.opts if o.startswith("--")), param.opts[0])
    if param is not None and param.name:
        return param.name.upper()
    if isinstance(hint, str):
        return hint.strip("'\"")
    return str(hint[0]).strip("'\"") if hint else ""


#: the value a type's English message starts with: "'xml' is not one of ...", "0 is not in the range x>=1."
_VALUE = re.compile(r"^(?:'(?P<quoted>.*?)'|(?P<bare>\S+)) is not")
#: click's messages that carry no structure of their own
_EXTRA = re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$")
_COMMAND = re.compile(r"^No such command '(?P<name>.*)'\.$")
_NO_VALUE = re.compile(r"does not take a value")


def _fix_of(param: click.Parameter | None, lang: str) -> str:
    """What the parameter takes: its choices, its range, or its kind of number; "" when nothing is known."""
    kind = param.type if param is not None else None
    if isinstance(kind, click.Choice):
        return label("usage.choices", lang).format(choices=label("usage.sep", lang).join(map(str, kind.choices)))
    if isinstance(kind, click.IntRange | click.FloatRange):
        low, high = kind.min, kind.max
        if low is not None and high is not None:
            return label("usage.range", lang).format(low=low, high=high)
        if low is not None:
            return label("usage.at_least", lang).format(low=low)
        return label("usage.at_most", lang).format(high=high)
    if kind is click.INT:
        return label("usage.whole", lang)
    if kind is click.FLOAT:
        return label("usage.number", lang)
    return ""


def usage_text(exc: click.UsageError, lang: str, command: str = "repayplan") -> str:
    """One line: what is wrong, naming the option or argument, and the fix."""
    command = exc.ctx.command_path if exc.ctx is not None else command
    help_fix = label("usage.see_help", lang).format(command=command)
    if isinstance(exc, click.NoSuchOption):
        near = label("usage.sep", lang).join(exc.possibilities or ())
        what = label("usage.no_such_option", lang).format(name=exc.option_name)
        fix = label("usage.did_you_mean", lang).format(near=near) if near else help_fix
    elif isinstance(exc, click.MissingParameter):
        name = _name(exc.param, exc.param_hint)
        kind = "option" if isinstance(exc.param, click.Option) else "argument"
        what = label(f"usage.missing_{kind}", lang).format(name=name)
        fix = _fix_of(exc.param, lang) or help_fix
    elif isinstance(exc, click.BadParameter):
        name = _name(exc.param, exc.param_hint)
        found = _VALUE.match(exc.message)
        value = (found.group("quoted") if found.group("quoted") is not None else found.group("bare")) \
            if found else None
        what = label("usage.bad_value", lang).format(name=name, value=value) if value is not None else \
            label("usage.bad_value_of", lang).format(name=name)
        fix = _fix_of(exc.param, lang) or help_fix
    elif isinstance(exc, click.BadOptionUsage):
        key = "usage.takes_no_value" if _NO_VALUE.search(exc.message) else "usage.needs_value"
        what, fix = label(key, lang).format(name=exc.option_name), help_fix
    elif (extra := _EXTRA.match(exc.message)) is not None:
        what, fix = label("usage.extra", lang).format(args=extra.group("args")), help_fix
    elif (unknown := _COMMAND.match(exc.message)) is not None:
        what = label("usage.no_such_command", lang).format(name=unknown.group("name"))
        fix = label("usage.see_help", lang).format(command="repayplan")
    elif type(exc) is click.UsageError and exc.message != "Missing command.":  # a command's own, from the labels
        return exc.message
    else:
        what, fix = label("usage.wrong", lang), help_fix
    return label("usage.line", lang).format(what=what, fix=fix)
