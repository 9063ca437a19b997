"""Where a plan sheet puts things: the columns of its schedule, the rows it
starts on, the cells of its inputs, and :class:`PlanLayout`, a plan's
addresses for formulas on other sheets.

>>> layout = PlanLayout("Plan", rows=12, live=True)
>>> layout.last, layout.input("rate"), layout.total("interest")
(20, "'Plan'!$H$3", "'Plan'!$H$21")
"""

from __future__ import annotations

from dataclasses import dataclass

from .style import quote_sheet

#: column key -> letter on a plan sheet; extra columns (discount factors, or
#: a restructured plan's capitalised interest and interest-free balance) follow from L
COLUMNS = {"period": "A", "due_date": "B", "days": "C", "factor": "D", "opening_balance": "E", "payment": "F",
           "principal": "G", "interest": "H", "fees": "I", "penalty": "J", "closing_balance": "K"}
EXTRA = ("discount", "capitalised", "frozen_balance")
AMOUNTS = ("payment", "principal", "interest", "fees", "penalty")
HEADER_ROW = 8
FIRST_ROW = 9
#: input key -> cell; labels sit in the columns to the left of each value
INPUTS = {"opening": "E3", "rate": "H3", "term": "K3", "annual": "E4", "periodic": "H4", "daily": "K4",
          "installment": "E5", "fee": "H5", "rounding": "K5"}


def absolute(ref: str) -> str:
    """'E3' -> '$E$3'."""
    col = ref.rstrip("0123456789")
    return f"${col}${ref[len(col):]}"


@dataclass(frozen=True)
class PlanLayout:
    """Where a plan's figures are, for formulas on other sheets."""

    sheet: str
    rows: int
    live: bool
    extra: tuple[str, ...] = ()

    @property
    def first(self) -> int:
        return FIRST_ROW

    @property
    def last(self) -> int:
        return FIRST_ROW + self.rows - 1

    @property
    def total_row(self) -> int:
        return self.last + 1

    @property
    def columns(self) -> dict[str, str]:
        """Column key -> letter, the extra columns included."""
        out = dict(COLUMNS)
        out.update({key: chr(ord("L") + i) for i, key in enumerate(self.extra)})
        return out

    def ref(self, cell: str) -> str:
        """A reference to a cell of this sheet from another sheet."""
        return f"{quote_sheet(self.sheet)}!{absolute(cell)}"

    def input(self, key: str) -> str:
        return self.ref(INPUTS[key])

    def cell(self, column: str, index: int) -> str:
        """The cell of a column in the schedule's row `index` (0-based)."""
        return self.ref(f"{self.columns[column]}{FIRST_ROW + index}")

    def column(self, column: str) -> str:
        letter = self.columns[column]
        return f"{quote_sheet(self.sheet)}!${letter}${self.first}:${letter}${self.last}"

    def total(self, column: str) -> str:
        return self.ref(f"{self.columns[column]}{self.total_row}")
