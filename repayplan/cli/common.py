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

from ..errors import InputError, RepayplanError, problems_of
from ..text import msg, say

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


def prefix(lang: str) -> str:
    """What an error line starts with: 'Error: ' (错误：)."""
    return say(msg("err.prefix"), lang)


def handle_errors(func: F) -> F:
    """Turn core exceptions into exit codes with one clear line each."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except click.ClickException:
            raise
        except InputError as exc:
            _json_errors(exc, kwargs)
            raise InputProblem(error_text(exc, lang := kwargs.get("lang") or default_lang()), prefix(lang)) from None
        except RepayplanError as exc:
            _json_errors(exc, kwargs)
            raise Failure(error_text(exc, lang := kwargs.get("lang") or default_lang()), prefix(lang)) from None
        except RecursionError:
            lang = kwargs.get("lang") or default_lang()
            raise InputProblem(say(msg("err.input_too_deep"), lang), prefix(lang)) from None
        except OverflowError as exc:  # a date or a count past what the calendar holds: bounded at input, the backstop
            lang = kwargs.get("lang") or default_lang()
            raise InputProblem(say(msg("err.out_of_range", detail=str(exc)), lang), prefix(lang)) from None
        except OSError as exc:
            lang = kwargs.get("lang") or default_lang()
            raise Failure(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc), prefix(lang)) \
                from None
        except Exception as exc:  # noqa: BLE001 - the promise is "never a traceback"
            if os.environ.get("REPAYPLAN_DEBUG"):
                raise
            lang = kwargs.get("lang") or default_lang()
            raise Failure(say(msg("err.internal", kind=type(exc).__name__, detail=str(exc)), lang), prefix(lang)) \
                from None

    return wrapper  # type: ignore[return-value]


def _json_errors(exc: Exception, kwargs: dict[str, Any]) -> None:
    """With --format json, the problems also go to standard output as data, for programs that call repayplan:
    {"errors": [{"path", "message", "hint", "file"?}]} (stderr keeps its lines; the exit code is unchanged)."""
    if kwargs.get("fmt") == "json":
        click.echo(json.dumps({"errors": [p.as_json() for p in problems_of(exc)]}, ensure_ascii=False))


def error_text(exc: BaseException, lang: str) -> str:
    """An error's problems in the user's language, one line each (a message without a label stays as written).

    >>> from repayplan.errors import CaseFileError, Problem
    >>> print(error_text(CaseFileError([Problem(path="loan.rate", message=msg("err.missing_value"),
    ...       hint=msg("err.hint_rate"))], "case.toml"), "zh"))
    case.toml: loan.rate：缺少此项；请填写利率，例如 '年4.9%'
    """
    return "\n".join(p.text(lang) for p in problems_of(exc))


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
