"""The exceptions the core raises, and problems as data; cli turns them into exit codes.

:class:`InputError` means the user gave something unusable (exit 2);
:class:`RepayplanError` otherwise means a plan cannot be computed (exit 1).
A :class:`Problem` is one thing wrong with an input, as data: where it is (a
case-file place or a flag), what is wrong and how to fix it (label messages,
:class:`repayplan.text.Msg`, that render in the user's language) and the
file it is in. The case-file reader collects them, :class:`CaseFileError`
carries them to the CLI, which names a flag's problems by the flag and
prints each as one line (``--format json``: as data, :func:`problems_of`).

>>> from repayplan.text import msg
>>> p = Problem(path="loan.rate", message=msg("err.not_rate", value="'abc'", hint=msg("err.rate_hint")))
>>> print(p)
loan.rate: 'abc' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day
>>> print(p.text("zh"))
loan.rate：'abc' 不是利率；请写成 '4.9%'（年利率）、'年4.9%'、'月1.5%' 或 '日0.05%' 的形式
>>> [q.as_json() for q in problems_of(CaseFileError([Problem(path="term", message="must be 1 or more")], "c.toml"))]
[{'path': 'term', 'message': 'must be 1 or more', 'hint': '', 'file': 'c.toml'}]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from .text import Msg, msg, say

#: A place in a case file (``loan.rate``, ``debts[2].penalty.rate``) or a flag (``--rate``), before ": ".
_PATH = re.compile(r"(--[A-Za-z][\w-]*|[A-Za-z_][\w-]*(?:\[\d+\])?(?:\.[\w-]+(?:\[\d+\])?)*): ")


@dataclass(frozen=True)
class Problem:
    """One problem with an input: where it is (a case-file place or a flag; empty for the file as a whole),
    what is wrong, how to fix it (each a label message or plain text), and the file it is in when known.
    ``str(problem)`` is its English line, :meth:`text` the line in a language."""

    path: str
    message: str
    hint: str = ""
    file: str = ""

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The line a person reads: ``file: path: message; hint``, in ``lang``.

        >>> print(Problem(path="--rate", message=msg("err.missing_value"), hint="give --rate", file="").text("zh"))
        --rate：缺少此项；give --rate
        """
        return say(self.as_msg(), lang)

    def as_msg(self) -> str:
        """The problem's line as one label message (:class:`repayplan.text.Msg`): English as ``str()``, any
        language by :func:`repayplan.text.say`, for text that travels as text (a batch's problem column)."""
        line = self.message
        if self.hint:
            line = msg("err.with_hint", message=line, hint=self.hint)
        if self.path:
            line = msg("err.at", where=self.path, message=line)
        if self.file:
            line = msg("err.in_file", path=self.file, message=line)
        return line

    def at(self, path: str) -> Problem:
        """The same problem at another place (a flag, a place inside a larger table)."""
        return replace(self, path=path)

    def in_file(self, file: str) -> Problem:
        """The problem in ``file``, unless it names its own."""
        return self if self.file or not file else replace(self, file=file)

    def as_json(self) -> dict[str, str]:
        """The problem for programs, in English: path, message, hint, and the file when known.

        A message whose label carries its own fix ("...; write it like 4.9%") gives it as the hint.
        """
        message, hint = str(self.message), str(self.hint)
        if not hint:
            text, _, hint = message.partition("; ")
            message = text if hint else message
        out = {"path": self.path, "message": message, "hint": hint}
        if self.file:
            out["file"] = self.file
        return out

    @classmethod
    def from_line(cls, line: str, file: str = "") -> Problem:
        """A problem from a line of text some part of the core still raises; ``str()`` gives the line back.

        >>> all(str(Problem.from_line(s)) == s for s in ["a: b; c; d", "--x: y", "no place", "p: "])
        True
        """
        if isinstance(line, Msg):
            if line.key == "err.at":
                return cls(path=line.args["where"], message=line.args["message"], file=file)
            return cls(path="", message=line, file=file)
        match = _PATH.match(line)
        path, rest = (match.group(1), line[match.end():]) if match else ("", line)
        return cls(path=path, message=rest, file=file)


def problem(item: Problem | str) -> Problem:
    """A problem as data: a :class:`Problem` as it is, a line of text read by :meth:`Problem.from_line`."""
    return item if isinstance(item, Problem) else Problem.from_line(item)


def problems_of(exc: BaseException) -> tuple[Problem, ...]:
    """The problems an error carries, as data: a case file's each with its file, else the problem raised, else
    one per line of its message.

    >>> [p.path for p in problems_of(InputError("--rate: bad\\n--term: worse"))]
    ['--rate', '--term']
    """
    if isinstance(exc, CaseFileError):
        return tuple(p.in_file(exc.source) for p in exc.problems)
    first = exc.args[0] if exc.args else ""
    if isinstance(first, Problem | Msg):
        return (problem(first),)
    return tuple(Problem.from_line(line) for line in str(exc).splitlines())


def lines(*items: str) -> str:
    """Problem texts one a line, each kept a label message (to be shown in the user's language); "" for none.

    >>> split_lines(lines("a: x", "", Problem(path="b", message="y").as_msg())) == ["a: x", "b: y"]
    True
    """
    given = [item for item in items if item]
    if not given:
        return ""
    out = given[0]
    for item in given[1:]:
        out = msg("err.lines", first=out, rest=item)
    return out


def split_lines(text: str) -> list[str]:
    """The lines of a text :func:`lines` joined, each as it was given (a label message stays one)."""
    if isinstance(text, Msg):
        if text.key == "err.lines":
            return split_lines(text.args["first"]) + split_lines(text.args["rest"])
        return [text]
    return text.splitlines()


def error_message(exc: BaseException) -> str:
    """An error's message as text that keeps its labels: its problems one a line (:func:`lines`).

    >>> error_message(ValueError("rate: bad"))
    'rate: bad'
    """
    return lines(*(p.as_msg() for p in problems_of(exc))) if isinstance(exc, RepayplanError) else str(exc)


class RepayplanError(Exception):
    """A failure the user can act on (exit 1)."""


class InputError(RepayplanError, ValueError):
    """Bad input: the message names the field and what is expected (exit 2); raised with a :class:`Problem`,
    the problem as data."""


def bad(path: str, key: str, fix: str = "", **args: Any) -> InputError:
    """Bad input at ``path``: an InputError carrying the problem, its message the label ``key`` with ``args``
    and its hint ``fix``.

    >>> print(bad("--term", "err.whole_too_large", value="1E+9", span=msg("err.span_to", low=1, high=1200)))
    --term: 1E+9 is too large; give a whole number from 1 to 1200
    """
    return InputError(Problem(path=path, message=msg(key, **args), hint=fix))


class CaseFileError(InputError):
    """Every problem found in a case file, each naming where it is (``problems``: :class:`Problem` data; a line
    of text is read as one)."""

    def __init__(self, problems: Iterable[Problem | str], source: str = "") -> None:
        self.problems = [problem(p) for p in problems]
        self.source = source
        super().__init__("\n".join(str(p.in_file(source)) for p in self.problems))
