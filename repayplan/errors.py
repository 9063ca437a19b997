"""The exceptions the core raises, and problems as data; cli turns them into exit codes.

:class:`InputError` means the user gave something unusable (exit 2);
:class:`RepayplanError` otherwise means a plan cannot be computed (exit 1).
:func:`problems_of` gives an error's problems as :class:`Problem` data
(``path``, ``message``, ``hint``, ``file``), for programs (``--format json``).

>>> p = Problem.from_line("loan.rate: 'abc' is not a rate; write it like 4.9%")
>>> p.path, p.message, p.hint
('loan.rate', "'abc' is not a rate", 'write it like 4.9%')
>>> [q.as_json() for q in problems_of(CaseFileError(["term: must be 1 or more"], "case.toml"))]
[{'path': 'term', 'message': 'must be 1 or more', 'hint': '', 'file': 'case.toml'}]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A place in a case file (``loan.rate``, ``debts[2].penalty.rate``) or a flag (``--rate``), before ": ".
_PATH = re.compile(r"(--[A-Za-z][\w-]*|[A-Za-z_][\w-]*(?:\[\d+\])?(?:\.[\w-]+(?:\[\d+\])?)*): ")


@dataclass(frozen=True)
class Problem:
    """One problem with an input: where it is (a case-file place or a flag; empty for the file as a whole),
    what is wrong, how to fix it, and the case file it is in when known. ``str(problem)`` is its line."""

    path: str
    message: str
    hint: str = ""
    file: str = ""

    def __str__(self) -> str:
        text = f"{self.message}; {self.hint}" if self.hint else self.message
        text = f"{self.path}: {text}" if self.path else text
        return f"{self.file}: {text}" if self.file else text

    @classmethod
    def from_line(cls, line: str, file: str = "") -> Problem:
        """A problem from the line it is written as; ``str()`` gives the line back.

        >>> all(str(Problem.from_line(s)) == s for s in ["a: b; c; d", "--x: y", "no place", "p: "])
        True
        """
        match = _PATH.match(line)
        path, rest = (match.group(1), line[match.end():]) if match else ("", line)
        text, _, hint = rest.partition("; ")
        return cls(path=path, message=text if hint else rest, hint=hint, file=file)

    def as_json(self) -> dict[str, str]:
        """The problem for programs: path, message, hint, and the file when known."""
        out = {"path": self.path, "message": self.message, "hint": self.hint}
        if self.file:
            out["file"] = self.file
        return out


def problems_of(exc: BaseException) -> tuple[Problem, ...]:
    """The problems an error carries, as data: a case file's each with its file, else one per line.

    >>> [p.path for p in problems_of(InputError("--rate: bad\\n--term: worse"))]
    ['--rate', '--term']
    """
    if isinstance(exc, CaseFileError):
        return tuple(Problem.from_line(str(line), exc.source) for line in exc.problems)
    return tuple(Problem.from_line(line) for line in str(exc).splitlines())


class RepayplanError(Exception):
    """A failure the user can act on (exit 1)."""


class InputError(RepayplanError, ValueError):
    """Bad input: the message names the field and what is expected (exit 2)."""


def message(exc: BaseException) -> str:
    """An error's message as raised: a label message (repayplan.text.Msg) keeps its key, to be shown in the
    user's language.

    >>> message(ValueError("rate: bad")), message(ValueError())
    ('rate: bad', '')
    """
    first = exc.args[0] if exc.args else ""
    return first if isinstance(first, str) else str(exc)


class CaseFileError(InputError):
    """Every problem found in a case file, each naming where it is."""

    def __init__(self, problems: list[str], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(prefix + p for p in self.problems))
