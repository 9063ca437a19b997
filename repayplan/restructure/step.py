"""What every restructuring step is: a frozen record with an ``op``, the
kinds of its fields (how a case file writes them), a table form and a
sentence for people; and the words its fields may take.

>>> Step.from_table({"op": "term", "installments": 12}).to_table()
{'op': 'term', 'installments': 12}
"""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal
from typing import Any, ClassVar

from ..errors import InputError
from ..text import msg
from .values import (
    amount_text,
    to_text,
)

#: What ``waive`` may forgive: owed penalty, owed fees, owed interest (overdue
#: and accrued), accrued interest only, and the plan's installment fee.
WAIVABLE = ("penalty", "fees", "interest", "accrued", "installment-fee")
#: What ``capitalise`` may roll into principal.
CAPITALISABLE = ("interest", "accrued", "fees")
#: What happens to interest during a moratorium.
MORATORIUM_INTEREST = ("capitalise", "defer", "waive")
TERM_METHODS = ("annuity", "equal-principal")

class Step:
    """A step of a restructuring (base class)."""

    op: ClassVar[str] = ""
    #: field name -> kind: amount, percent, int, rate, date, what, choice:a|b, stages
    KINDS: ClassVar[dict[str, str]] = {}
    REQUIRED: ClassVar[tuple[str, ...]] = ()

    def to_table(self) -> dict[str, Any]:
        """The step as a case-file table: ``{op = "term", installments = 36}``."""
        out: dict[str, Any] = {"op": self.op}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is None or value == f.default:
                if f.name not in self.REQUIRED:
                    continue
            out[f.name] = to_text(value, self.KINDS.get(f.name, ""))
        return out

    def describe(self) -> str:  # pragma: no cover - every step overrides it
        return self.op

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Step:
        """A step from its case-file table; every problem in one InputError.

        >>> Step.from_table({"op": "set-rate", "rate": "0%"}).describe()
        'rate 0%/year from the restructuring date'
        """
        from .tables import read_step

        step, problems = read_step(table)
        if step is None or (cls is not Step and not isinstance(step, cls)):
            if problems:
                from ..errors import CaseFileError

                raise CaseFileError(problems)
            raise InputError(f"op: expected {cls.op!r}")
        return step


def fee_text(fee: Decimal | None, of_it: bool = False) -> str:
    """', a fee of 45 with each' (a step's installment fee), or nothing."""
    if fee is None:
        return ""
    return msg("step.fee_of_it" if of_it else "step.fee", amount=amount_text(fee))
