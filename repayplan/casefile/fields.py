"""Typed field readers that collect problems instead of raising.

>>> r = Reader("case.toml")
>>> r.amount({"principal": "-5"}, "principal", "loan", positive=True)
>>> r.rate({"rate": "abc"}, "rate", "loan")
>>> print("\\n".join(map(str, r.problems)))
loan.principal: must be a positive amount, got -5
loan.rate: 'abc' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from ..errors import CaseFileError, InputError, Problem, problems_of
from ..inputs import MAX_NAME, brief, parse_whole, text_problem
from ..inputs import parse_date as parse_date
from ..money import to_decimal
from ..rates import Rate, parse_rate
from ..text import msg

_MISSING = object()


class Reader:
    """Reads fields out of plain tables, recording each problem once."""

    def __init__(self, source: str = "", currency: str | None = None) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.currency = currency  # the case's, once [case] is read: which currency marks (¥, 元) an amount may carry
        self.unknown_paths: set[str] = set()  # keys reported unknown, each once

    def schema(self, doc: dict[str, Any]) -> None:
        """Every table and key of the document the schema (:mod:`.schema`) does not know."""
        from .schema import unknown_keys

        for path, message in unknown_keys(doc):
            if path not in self.unknown_paths:
                self.unknown_paths.add(path)
                self.problem(path, message)

    def problem(self, where: str, message: str, hint: str = "") -> None:
        """A problem at ``where`` (a place in the case file, or a flag): what is wrong, and how to fix it."""
        self.problems.append(Problem(path=where, message=message, hint=hint))

    def add(self, exc: BaseException, where: str = "") -> None:
        """The problems an InputError carries, each placed under ``where`` when given (``debts[2]``)."""
        for found in problems_of(exc):
            self.problems.append(found.at(_join(where, found.path)) if where else found)

    def check(self) -> None:
        """Raise one CaseFileError with every problem so far, if any."""
        if self.problems:
            raise CaseFileError(self.problems, self.source)

    # -- tables ---------------------------------------------------------
    def table(self, data: dict[str, Any], key: str, where: str = "", required: bool = False) -> dict[str, Any] | None:
        path = _join(where, key)
        value = data.get(key, _MISSING)
        if value is _MISSING:
            misspelt = [p for p in self.unknown_paths if difflib.get_close_matches(p, [path], n=1)]
            if required and not misspelt:  # [lon] was said, with 'did you mean loan?'
                self.problem(path, msg("err.table_missing", path=path))
            return None
        if not isinstance(value, dict):
            self.problem(path, msg("err.not_a_table", got=_kind(value)))
            return None
        return value

    def tables(self, data: dict[str, Any], key: str, where: str = "") -> list[dict[str, Any]]:
        """An array of tables ([[payments]]); a non-table item is a problem."""
        path = _join(where, key)
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problem(path, msg("err.not_tables", table=key, got=_kind(value)))
            return []
        out = []
        for i, item in enumerate(value, start=1):
            if isinstance(item, dict):
                out.append(item)
            else:
                self.problem(f"{path}[{i}]", msg("err.not_a_table", got=_kind(item)))
        return out

    def unknown(self, table: dict[str, Any], allowed: Iterable[str], where: str) -> None:
        """Report keys nobody reads, with the nearest known name."""
        allowed = list(allowed)
        for key in table:
            if key not in allowed and _join(where, brief(key, bare=True)) not in self.unknown_paths:
                self.unknown_paths.add(_join(where, brief(key, bare=True)))
                near = difflib.get_close_matches(str(key), allowed, n=1)
                self.problem(_join(where, brief(key, bare=True)),
                             msg("err.unknown_field", hint=msg("err.did_you_mean", near=repr(near[0])) if near
                                 else msg("err.known_fields", known=", ".join(allowed))))

    # -- scalars --------------------------------------------------------
    def _get(self, table: dict[str, Any], key: str, where: str, required: bool, hint: str) -> Any:
        value = table.get(key, _MISSING)
        if value is _MISSING and required:
            self.problem(_join(where, key), msg("err.missing_value"), hint)
        return value

    def amount(self, table: dict[str, Any], key: str, where: str, *, required: bool = False,
               positive: bool = False, default: Decimal | None = None) -> Decimal | None:
        """An exact amount (string or number); never negative."""
        value = self._get(table, key, where, required, msg("err.hint_amount"))
        if value is _MISSING:
            return default
        path = _join(where, key)
        try:
            amount = to_decimal(value, path, self.currency)
        except InputError as exc:
            self.add(exc)
            return None
        if positive and amount <= 0:
            self.problem(path, msg("err.not_positive", value=amount))
            return None
        if amount < 0:
            self.problem(path, msg("err.negative", value=amount))
            return None
        return amount

    def rate(self, table: dict[str, Any], key: str, where: str, *, required: bool = False,
             default: Rate | None = None) -> Rate | None:
        value = self._get(table, key, where, required, msg("err.hint_rate"))
        if value is _MISSING:
            return default
        try:
            return parse_rate(value, _join(where, key))
        except InputError as exc:
            self.add(exc)
            return None

    def integer(self, table: dict[str, Any], key: str, where: str, *, required: bool = False,
                minimum: int | None = None, maximum: int | None = None, default: int | None = None) -> int | None:
        value = self._get(table, key, where, required, msg("err.hint_whole"))
        if value is _MISSING:
            return default
        try:
            return parse_whole(value, _join(where, key), minimum, maximum)
        except InputError as exc:
            self.add(exc)
            return None

    def date(self, table: dict[str, Any], key: str, where: str, *, required: bool = False,
             default: date | None = None) -> date | None:
        value = self._get(table, key, where, required, msg("err.hint_date"))
        if value is _MISSING:
            return default
        try:
            return parse_date(value, _join(where, key))
        except InputError as exc:
            self.add(exc)
            return None

    def choice(self, table: dict[str, Any], key: str, where: str, choices: Iterable[str], *,
               required: bool = False, default: str | None = None,
               aliases: dict[str, str] | None = None) -> str | None:
        """One of `choices`; `aliases` maps other wordings (等额本息) to a choice (annuity)."""
        choices = list(choices)
        value = self._get(table, key, where, required, msg("err.hint_choice", choices=", ".join(choices)))
        if value is _MISSING:
            return default
        if aliases and isinstance(value, str) and value.strip() in aliases:
            value = aliases[value.strip()]
        if not isinstance(value, str) or value not in choices:
            self.problem(_join(where, key), msg("err.unknown_choice", value=brief(value)),
                         msg("err.hint_choice", choices=", ".join(choices)))
            return None
        return str(value)

    def boolean(self, table: dict[str, Any], key: str, where: str, *, default: bool = False) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.problem(_join(where, key), msg("err.not_boolean", value=brief(value)))
            return default
        return value

    def text(self, table: dict[str, Any], key: str, where: str, *, required: bool = False,
             default: str | None = None, limit: int = MAX_NAME) -> str | None:
        """A text in quotes, without control characters, at most ``limit`` long
        (:func:`repayplan.inputs.text_problem`)."""
        value = self._get(table, key, where, required, msg("err.hint_text"))
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self.problem(_join(where, key), msg("err.not_text", value=brief(value)))
            return None
        problem = text_problem(value, _join(where, key), limit)
        if problem:
            self.problems.append(problem)
            return None
        return value


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _kind(value: object) -> str:
    kinds: dict[type, str] = {dict: "err.kind_a_table", list: "err.kind_a_list", str: "err.kind_a_text"}
    return msg(kinds[type(value)]) if type(value) in kinds else brief(value)
