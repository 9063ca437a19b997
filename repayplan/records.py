"""Frozen, slotted records made by the hundred: constructors that set their slots directly.

A schedule makes hundreds of rows; a dataclass's ``__init__`` (one setter call
a field, through the frozen guard) is most of that cost. These make the very
same objects, faster.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True, slots=True)
... class Pair:
...     a: int
...     b: int
>>> fast_constructor(Pair)(1, 2) == Pair(1, 2)
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any


def fast_constructor(cls: type) -> Callable[..., object]:
    """A positional constructor of a frozen, slotted dataclass that sets its
    slots directly: the same object as ``cls(*values)`` (no defaults, no
    ``__post_init__``), some twice as fast, for the rows of a schedule.

    >>> from datetime import date
    >>> from fractions import Fraction
    >>> from repayplan.model import Period
    >>> make = fast_constructor(Period)
    >>> make(1, date(2025, 1, 1), date(2025, 2, 1), 31, Fraction(1, 100), "1%") == Period(
    ...     1, date(2025, 1, 1), date(2025, 2, 1), 31, Fraction(1, 100), "1%")
    True
    """
    names = [f.name for f in fields(cls)]
    lines = [f"    _set{i}(row, {name})" for i, name in enumerate(names)]
    source = f"def make({', '.join(names)}):\n    row = _new(_cls)\n" + "\n".join(lines) + "\n    return row\n"
    scope: dict[str, object] = {"_new": object.__new__, "_cls": cls}
    slots = {name: next(k.__dict__[name] for k in cls.__mro__ if name in k.__dict__) for name in names}  # inherited too
    scope.update({f"_set{i}": slots[name].__set__ for i, name in enumerate(names)})
    exec(source, scope)  # noqa: S102 - generated from the class's own field names, as dataclasses does
    return scope["make"]  # type: ignore[return-value]


def drafting(cls: type) -> tuple[type, Callable[..., Any]]:
    """A plain class of the same slots as a frozen slotted dataclass, and a function that fills a bare object of
    it with the fields (positional, in field order) and returns it as an object of ``cls``."""
    names = [f.name for f in fields(cls)]
    slots = cls.__dict__.get("__slots__")
    if tuple(names) != slots:  # pragma: no cover - a class's layout is fixed when it is written
        raise TypeError(f"{cls.__name__}: slots differ from its fields")
    source = (f"def fill(self, {', '.join(names)}):\n" + "".join(f"    self.{n} = {n}\n" for n in names)
              + "    self.__class__ = _cls\n    return self\n")
    scope: dict[str, object] = {"_cls": cls}
    exec(source, scope)  # noqa: S102 - generated from the class's own field names, as dataclasses does
    return type(f"_{cls.__name__}Draft", (), {"__slots__": slots}), scope["fill"]  # type: ignore[return-value]
