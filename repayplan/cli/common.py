"""What every command shares: options, error handling, output.

Domain errors become exit 1 and input errors exit 2, each as one
``Error: ...`` line per problem, never a traceback.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import CaseFileError, InputError, RepayplanError, message
from ..text import Msg, msg, say

F = TypeVar("F", bound=Callable[..., Any])


class InputProblem(click.ClickException):
    """Bad input in a case file or a flag's value: exit 2, no usage banner."""

    exit_code = 2

    def __init__(self, message: str, prefix: str = "Error: ") -> None:
        super().__init__(message)
        self.prefix = prefix  # 错误： in Chinese

    def show(self, file: Any = None) -> None:
        file = file or sys.stderr
        for line in self.message.splitlines():
            click.echo(f"{self.prefix}{cut(line)}", err=True, file=file)


class Failure(InputProblem):
    """A plan that cannot be computed: exit 1."""

    exit_code = 1


#: Longest error line shown; messages quote at most ~60 characters of input, this is the backstop.
LONGEST_LINE = 1000


def cut(line: str, width: int = LONGEST_LINE) -> str:
    """An error line cut to ``width`` characters with an ellipsis.

    >>> cut("x" * 10, 5)
    'xxxx…'
    """
    return line if len(line) <= width else line[:width - 1] + "…"


def handle_errors(func: F) -> F:
    """Turn core exceptions into exit codes with one clear line each."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except click.ClickException:
            raise
        except InputError as exc:
            lang = kwargs.get("lang") or default_lang()
            _json_errors(exc, kwargs)
            raise InputProblem(error_text(exc, lang), say(msg("err.prefix"), lang)) from None
        except RepayplanError as exc:
            _json_errors(exc, kwargs)
            raise Failure(str(exc)) from None
        except RecursionError:
            raise InputProblem("the input is nested too deeply to be read") from None
        except OverflowError as exc:  # a date or a count past what the calendar holds: bounded at input, the backstop
            raise InputProblem(f"a date or a number is out of range ({exc}); check the dates and the term") from None
        except OSError as exc:
            raise Failure(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - the promise is "never a traceback"
            if os.environ.get("REPAYPLAN_DEBUG"):
                raise
            raise Failure(f"internal error ({type(exc).__name__}: {exc}); set REPAYPLAN_DEBUG=1 "
                          "for the traceback and please report it") from None

    return wrapper  # type: ignore[return-value]


def _json_errors(exc: Exception, kwargs: dict[str, Any]) -> None:
    """With --format json, the problems also go to standard output as data, for programs that call repayplan:
    {"errors": [{"path", "message", "hint", "file"?}]} (stderr keeps its lines; the exit code is unchanged)."""
    if kwargs.get("fmt") == "json":
        from ..errors import problems_of

        click.echo(json.dumps({"errors": [p.as_json() for p in problems_of(exc)]}, ensure_ascii=False))


def error_text(exc: InputError, lang: str) -> str:
    """An input error in the user's language: each problem of a case file, or the message raised; a message
    without a label (repayplan.text.Msg) stays as written.

    >>> from repayplan.errors import CaseFileError
    >>> print(error_text(CaseFileError([msg("err.at", where="loan.rate", message=msg("err.missing",
    ...       hint=msg("err.hint_rate")))], "case.toml"), "zh"))
    case.toml: loan.rate：缺少此项；请填写利率，例如 '年4.9%'
    """
    if isinstance(exc, CaseFileError):
        prefix = f"{exc.source}: " if exc.source else ""
        return "\n".join(prefix + say(p, lang) for p in exc.problems)
    return say(message(exc), lang)


def as_flag(line: str, given: Any, table: str, case: str | None) -> str:
    """A reader's problem in a value a flag gave, named by the flag (``--rate: ...``), else in the case file
    (``case.toml: loan.rate: ...``); a label message stays one, to be shown in the user's language.

    >>> as_flag(msg("err.at", where="loan.rate", message="bad"), {"rate": "x"}, "loan", "c.toml")
    '--rate: bad'
    >>> print(say(as_flag(msg("err.at", where="loan.term", message="bad"), {}, "loan", "c.toml"), "zh"))
    c.toml: loan.term：bad
    """
    flag = next((k for k in given if line.startswith(f"{table}.{k}:")), None)
    if flag:
        name = f"--{flag.replace('_', '-')}"
        if isinstance(line, Msg) and line.key == "err.at":
            return msg("err.at", where=name, message=line.args["message"])
        if isinstance(line, Msg) and line.args.get("field") == f"{table}.{flag}":
            return msg(line.key, **{**line.args, "field": name})
        return f"{name}:" + line[len(f"{table}.{flag}:"):]
    if case and not line.startswith("--"):
        return msg("err.in_file", path=case, message=line)
    return line


def format_option(*choices: str) -> Callable[[F], F]:
    choices = choices or ("table", "csv", "json")
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True,
                        help="table for people; csv and json for machines (amounts as exact strings).")


LANGS = ("en", "zh")


def default_lang(environ: Any = None) -> str:
    """The language when --lang is not given: REPAYPLAN_LANG, else the locale (LC_ALL, then LC_MESSAGES, then
    LANG, the first one set) starting with zh gives Chinese, anything else English.

    >>> default_lang({"LANG": "zh_CN.UTF-8"}), default_lang({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"})
    ('zh', 'en')
    >>> default_lang({"LANG": "zh_TW.UTF-8", "REPAYPLAN_LANG": "en"}), default_lang({})
    ('en', 'en')
    """
    env = os.environ if environ is None else environ
    chosen = (env.get("REPAYPLAN_LANG") or "").strip().lower()
    if chosen in LANGS:
        return chosen
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    return "zh" if locale.lower().startswith("zh") else "en"


lang_option = click.option("--lang", type=click.Choice(LANGS), default=lambda: default_lang(),
                           show_default="REPAYPLAN_LANG, else the locale",
                           help="Language of everything a person reads: tables, traces, notes, CSV headers "
                                "(zh: 中文).")

case_argument = click.argument("case", required=False, type=click.Path(dir_okay=False, path_type=str))


def emit(text: str) -> None:
    """Print a rendered result; a trailing newline once."""
    click.echo(text.rstrip("\n"))


payments_option = click.option(
    "--payments", "payments_file", default=None, type=click.Path(dir_okay=False, path_type=str),
    help="Payment history: CSV, or .xlsx as banks and payment apps export it (the first sheet), with columns "
         "date,amount (日期/还款日期, 金额/还款金额); replaces the case file's [[payments]].")


def with_history(data: Any, path: str | None) -> Any:
    """A compare case with its payment history read from `path` (CSV or .xlsx) instead of [[payments]]."""
    if path is None:
        return data
    from dataclasses import replace

    from ..arrears import PenaltyPolicy
    from ..casefile.arrears import read_payment_history

    payments = read_payment_history(path, data.debt.loan)
    return replace(data, debt=replace(data.debt, payments=tuple(payments),
                                      penalty=data.debt.penalty or PenaltyPolicy()))
