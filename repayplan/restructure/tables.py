"""Steps from case-file tables: ``{op = "term", installments = 36}`` → :class:`Term`.

Every problem of a step is reported, each naming its field, so a case file
is fixed in one pass.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import InputError, Problem, bad, problems_of
from ..inputs import brief
from ..rates import parse_rate
from ..text import msg
from .steps import STEPS, Step
from .values import parse_share


def read_step(table: object) -> tuple[Step | None, list[Problem]]:
    """A step from a case-file table, or None and every problem (each at its field in the step).

    >>> read_step({"op": "term", "installments": 36})
    (Term(installments=36, method='annuity', fee=None), [])
    >>> [str(p) for p in read_step({"op": "trem"})[1]]
    ["op: 'trem' is not a step; did you mean 'term'?"]
    >>> [str(p) for p in read_step({"op": "waive", "what": ["penalty"], "percnt": "50%"})[1]]
    ["percnt: unknown field; did you mean 'percent'?"]
    """
    import difflib

    if not isinstance(table, dict):
        return None, [Problem(path="", message=msg("err.step_not_table", value=brief(table)))]
    op = table.get("op")
    if op is None:
        return None, [Problem(path="op", message=msg("err.missing_value"),
                              hint=msg("err.give_one_of", choices=", ".join(STEPS)))]
    cls = STEPS.get(op) if isinstance(op, str) else None
    if cls is None:
        near = difflib.get_close_matches(str(op), list(STEPS), n=1)
        hint = msg("err.did_you_mean", near=repr(near[0])) if near else msg("err.hint_choice", choices=", ".join(STEPS))
        return None, [Problem(path="op", message=msg("err.not_a_step", value=brief(op)), hint=hint)]
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "op":
            continue
        kind = cls.KINDS.get(key)
        if kind is None:
            near = difflib.get_close_matches(str(key), list(cls.KINDS), n=1)
            known = ", ".join(cls.KINDS) or "none"
            problems.append(Problem(path=str(key), message=msg("err.unknown_field_bare"),
                                    hint=msg("err.did_you_mean", near=repr(near[0])) if near
                                    else msg("err.step_takes", op=cls.op, known=known)))
            continue
        try:
            values[key] = _read_field(value, key, kind)
        except InputError as exc:
            problems.extend(problems_of(exc))
    for key in cls.REQUIRED:
        if key not in table:
            problems.append(Problem(path=key, message=msg("err.missing_value"),
                                    hint=msg(_HINTS.get(cls.KINDS[key], "err.step_hint_value"))))
    if problems:
        return None, problems
    try:
        return cls(**values), []
    except InputError as exc:
        return None, list(problems_of(exc))


_HINTS = {"amount": "err.step_hint_amount", "int": "err.hint_whole", "rate": "err.step_hint_rate",
          "what": "err.step_hint_what", "percent": "err.step_hint_percent"}


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
            raise bad(key, "err.step_not_names", value=brief(value))
        return tuple(items)
    if kind.startswith("choice:"):
        choices = kind[len("choice:"):].split("|")
        if value not in choices:
            raise bad(key, "err.unknown_choice", msg("err.hint_choice", choices=", ".join(choices)), value=brief(value))
        return value
    return _read_stages(value, key)


def _read_stages(value: Any, key: str) -> tuple[tuple[int, Decimal], ...]:
    if not isinstance(value, list) or not value:
        raise bad(key, "err.step_stages")
    stages = []
    for i, item in enumerate(value, start=1):
        if not isinstance(item, dict) or "amount" not in item or set(item) - {"installments", "amount"}:
            raise bad(f"{key}[{i}]", "err.step_stages")
        count = _read_field(item.get("installments", 0), f"{key}[{i}].installments", "int")
        stages.append((count, _read_field(item["amount"], f"{key}[{i}].amount", "amount")))
    return tuple(stages)
