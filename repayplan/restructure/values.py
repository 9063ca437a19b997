"""Checks and texts shared by the steps: percentages, amounts, counts.

>>> parse_share("12.5%", "percent"), parse_share("60%", "percent")
(Decimal('0.125'), Decimal('0.6'))
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import InputError, Problem, bad
from ..rates import parse_percentage, percent_text
from ..text import joined, msg


def to_text(value: Any, kind: str) -> Any:
    if kind == "percent":
        return percent_text(value)
    if kind == "amount":
        return f"{value:f}"
    if kind == "rate":
        return str(value)
    if kind == "what":
        return list(value)
    if kind == "date":
        return value.isoformat()
    if kind == "stages":
        return [{"installments": n, "amount": f"{a:f}"} if n else {"amount": f"{a:f}"} for n, a in value]
    return value


def parse_share(value: object, field: str) -> Decimal:
    """A share of an amount (a haircut, a settlement, a recovery floor) as a fraction, more than 0% and at
    most 100%: '20%' → 0.2.
    Written as text with a % sign (:func:`repayplan.rates.parse_percentage`,
    the one rule); a bare number is refused with the fix."""
    fraction = parse_percentage(value, field)
    if not 0 < fraction <= 1:
        raise bad(field, "err.share_range", value=value)
    return fraction


def amount_text(amount: Decimal) -> str:
    return f"{amount:,f}"


def share(percent: Decimal | None, amount: Decimal | None) -> str:
    if percent is not None:
        return f"{percent_text(percent)} of "
    if amount is not None:
        return f"{amount_text(amount)} of "
    return ""


def and_(items: tuple[str, ...]) -> str:
    """'penalty and fees' (罚息及费用): what a step names, in words."""
    words = [msg(f"what.{item}") for item in items]
    if len(words) == 1:
        return words[0]
    return msg("list.and", head=joined(words[:-1], "sep.comma"), last=words[-1])


def check_amount(value: Decimal | None, name: str) -> None:
    if value is not None and (not isinstance(value, Decimal) or not value.is_finite() or value <= 0):
        raise bad(name, "err.not_positive", value=value)


def check_count(value: int | None, name: str) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise bad(name, "err.whole_out_of_range", value=repr(value), span=msg("err.span_up", low=1))


def check_percent(value: Decimal | None, name: str) -> None:
    if value is not None and (not isinstance(value, Decimal) or not 0 < value <= 1):
        raise bad(name, "err.share_range", value=value)


def one_of(step: Any, *names: str, required: bool = True) -> None:
    given = [n for n in names if getattr(step, n) is not None]
    if len(given) > 1:
        raise bad(given[1], "err.not_both", names=joined(names, "sep.or"))
    if required and not given:
        raise InputError(Problem(path=names[0], message=msg("err.missing_value"),
                                 hint=msg("err.give_either", names=joined(names, "sep.or"))))


def check_what(what: tuple[str, ...], allowed: tuple[str, ...]) -> None:
    if isinstance(what, str) or not isinstance(what, tuple) or not what:
        raise bad("what", "err.what_list", example=", ".join(repr(a) for a in allowed[:2]))
    for item in what:
        if item not in allowed:
            raise bad("what", "err.unknown_choice", msg("err.use", choices=", ".join(allowed)), value=repr(item))
    if len(set(what)) != len(what):
        raise bad("what", "err.what_twice")
