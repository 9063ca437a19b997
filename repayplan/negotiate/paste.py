"""Offers as ``[[scenarios]]`` entries, ready to paste into a case file.

>>> from datetime import date
>>> from repayplan.rates import parse_rate
>>> from repayplan.restructure import SetRate, Term, Waive
>>> print(scenario_toml("Offer 1", [Waive(("penalty", "fees")), SetRate(parse_rate("0%")), Term(36)],
...                     date(2026, 1, 15)))
[[scenarios]]
name = "Offer 1"
date = 2026-01-15
steps = [
  {op = "waive", what = ["penalty", "fees"]},
  {op = "set-rate", rate = "0%/year"},
  {op = "term", installments = 36},
]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from ..restructure import Step


def toml_value(value: Any) -> str:
    """A TOML literal: strings quoted and escaped, dates
    bare, numbers as written, lists inline.

    >>> toml_value("a \\"b\\""), toml_value(3), toml_value(["x", date(2026, 1, 1)])
    ('"a \\\\"b\\\\""', '3', '["x", 2026-01-01]')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return f"{value}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    return toml_string(str(value))


def toml_string(text: str) -> str:
    """A TOML basic string: quotes and backslashes escaped, control characters as \\uXXXX.

    >>> print(toml_string('say "hi"\\n\\x7f'))
    "say \\"hi\\"\\u000a\\u007f"
    """
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def step_tables(steps: Sequence[Step]) -> list[dict[str, Any]]:
    """Each step as its case-file table."""
    return [s.to_table() for s in steps]


def scenario_toml(name: str, steps: Sequence[Step], on: date | None = None) -> str:
    """A ``[[scenarios]]`` entry that ``compare`` (and ``read_step``) reads back
    to the same steps; ``on`` is its restructuring date."""
    lines = ["[[scenarios]]", f"name = {toml_value(name)}"]
    if on is not None:
        lines.append(f"date = {on.isoformat()}")
    if not steps:
        lines.append("steps = []")
    else:
        lines.append("steps = [")
        lines += [f"  {toml_value(table)}," for table in step_tables(steps)]
        lines.append("]")
    return "\n".join(lines)


def json_table(table: dict[str, Any]) -> dict[str, Any]:
    """A step table for JSON (dates as ISO strings)."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in table.items()}
