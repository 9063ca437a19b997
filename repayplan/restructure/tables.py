"""Steps from case-file tables: ``{op = "term", installments = 36}`` → :class:`Term`.

Every problem of a step is reported, each naming its field, so a case file
is fixed in one pass.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..inputs import brief
from ..rates import parse_rate
from .steps import STEPS, Step
from .values import parse_share


def read_step(table: object) -> tuple[Step | None, list[str]]:
    """A step from a case-file table, or None and every problem (``field: ...``).

    >>> read_step({"op": "term", "installments": 36})
    (Term(installments=36, method='annuity', fee=None), [])
    >>> read_step({"op": "trem"})[1]
    ["op: 'trem' is not a step; did you mean 'term'?"]
    >>> read_step({"op": "waive", "what": ["penalty"], "percnt": "50%"})[1]
    ["percnt: unknown field; did you mean 'percent'?"]
    """
    import difflib

    if not isinstance(table, dict):
        return None, [f"must be a table such as {{op = \"term\", installments = 36}}, got {brief(table)}"]
    op = table.get("op")
    if op is None:
        return None, [f"op: missing; give one of {', '.join(STEPS)}"]
    cls = STEPS.get(op) if isinstance(op, str) else None
    if cls is None:
        near = difflib.get_close_matches(str(op), list(STEPS), n=1)
        hint = f"did you mean {near[0]!r}?" if near else f"use one of {', '.join(STEPS)}"
        return None, [f"op: {brief(op)} is not a step; {hint}"]
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "op":
            continue
        kind = cls.KINDS.get(key)
        if kind is None:
            near = difflib.get_close_matches(str(key), list(cls.KINDS), n=1)
            known = ", ".join(cls.KINDS) or "none"
            problems.append(f"{key}: unknown field; " + (f"did you mean {near[0]!r}?" if near
                                                       else f"{cls.op} takes {known}"))
            continue
        try:
            values[key] = _read_field(value, key, kind)
        except InputError as exc:
            problems.append(str(exc))
    for key in cls.REQUIRED:
        if key not in table:
            problems.append(f"{key}: missing; {_HINTS.get(cls.KINDS[key], 'give a value')}")
    if problems:
        return None, problems
    try:
        return cls(**values), []
    except InputError as exc:
        return None, [str(exc)]


_HINTS = {"amount": "give an amount such as 800.00", "int": "give a whole number", "rate": "give a rate such as '0%'",
          "what": "give a list such as ['penalty', 'fees']", "percent": "give a percentage such as '20%'"}


#: The largest whole number a step takes (installments, months): any real one is far below.
MAX_WHOLE = 100_000


def _read_field(value: Any, key: str, kind: str) -> Any:
    from ..inputs import parse_date, parse_whole
    from ..money import to_decimal

    if kind == "amount":
        return to_decimal(value, key)
    if kind == "percent":
        return parse_share(value, key)
    if kind == "rate":
        return parse_rate(value, key)
    if kind == "int":
        return parse_whole(value, key, maximum=MAX_WHOLE)
    if kind == "date":
        return parse_date(value, key)
    if kind == "what":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise InputError(f"{key}: give a list of names such as ['penalty', 'fees'], got {brief(value)}")
        return tuple(items)
    if kind.startswith("choice:"):
        choices = kind[len("choice:"):].split("|")
        if value not in choices:
            raise InputError(f"{key}: {brief(value)} is unknown; use one of {', '.join(choices)}")
        return value
    return _read_stages(value, key)


def _read_stages(value: Any, key: str) -> tuple[tuple[int, Decimal], ...]:
    hint = "give a list such as [{installments = 12, amount = 300}, {amount = 500}]"
    if not isinstance(value, list) or not value:
        raise InputError(f"{key}: {hint}")
    stages = []
    for i, item in enumerate(value, start=1):
        if not isinstance(item, dict) or "amount" not in item or set(item) - {"installments", "amount"}:
            raise InputError(f"{key}[{i}]: {hint}")
        count = _read_field(item.get("installments", 0), f"{key}[{i}].installments", "int")
        stages.append((count, _read_field(item["amount"], f"{key}[{i}].amount", "amount")))
    return tuple(stages)
