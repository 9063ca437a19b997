"""The exceptions the core raises; cli.py turns them into exit codes.

:class:`InputError` means the user gave something unusable (exit 2);
:class:`RepayplanError` otherwise means a plan cannot be computed (exit 1).
"""

from __future__ import annotations


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
