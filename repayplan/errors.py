"""The exceptions the core raises; cli.py turns them into exit codes.

:class:`InputError` means the user gave something unusable (exit 2);
:class:`RepayplanError` otherwise means a plan cannot be computed (exit 1).
"""

from __future__ import annotations


class RepayplanError(Exception):
    """A failure the user can act on (exit 1)."""


class InputError(RepayplanError, ValueError):
    """Bad input: the message names the field and what is expected (exit 2)."""


class CaseFileError(InputError):
    """Every problem found in a case file, each naming where it is."""

    def __init__(self, problems: list[str], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(prefix + p for p in self.problems))
