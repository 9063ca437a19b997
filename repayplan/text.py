"""Words for people as data: a message is a label key and its arguments.

The core writes notes and traces as :class:`Msg` values. A Msg *is* its English
text (a ``str``), so JSON, CSV and anything that joins text keep working and
stay English; the report layer renders it in the user's language with
:func:`say`, which looks the key up in ``report/labels`` and renders each
argument in the same language (a Rate as 年利率4.9%, a nested Msg, a list).

>>> from decimal import Decimal
>>> from repayplan.rates import Rate
>>> m = msg("trace.penalty_line", start="2025-04-10", end="2025-04-30", base="1,045.00",
...         rate=short_rate(Rate(Decimal("0.0005"), "day")), days=20, amount="10.45")
>>> m, say(Rate(Decimal("0.049")), "zh")
('2025-04-10 to 2025-04-30: 1,045.00 × 0.05%/day × 20 days = 10.45', '年利率4.9%')
>>> say(m, "zh")
'2025-04-10至2025-04-30：1,045.00 × 日0.05% × 20天 = 10.45'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any


class Msg(str):
    """English text that remembers its label key and arguments."""

    key: str
    args: dict[str, Any]

    def __new__(cls, key: str, args: dict[str, Any]) -> Msg:
        self = super().__new__(cls, _render(key, args, "en"))
        self.__dict__["key"] = key
        self.__dict__["args"] = dict(args)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Msg is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Msg, (self.key, self.args))


class Joined(tuple[Any, ...]):
    """Several texts joined by the language's list separator ('; ' or '；')."""

    sep: str = "sep.semicolon"

    def __new__(cls, items: Sequence[Any], sep: str = "sep.semicolon") -> Joined:
        self = super().__new__(cls, tuple(items))
        self.sep = sep
        return self

    def __str__(self) -> str:
        return say(self, "en")


def msg(key: str, **args: Any) -> Msg:
    """A message: ``msg("trace.days", days=3)``."""
    return Msg(key, args)


def short_rate(rate: Any) -> Msg:
    """A rate as a formula writes it: '0.05%/day' (日0.05%)."""
    return msg(f"rate.short_{rate.unit}", pct=_pct(rate))


def joined(items: Sequence[Any], sep: str = "sep.semicolon") -> Joined:
    return Joined(items, sep)


def say(value: Any, lang: str = "en") -> str:
    """Text for people in a language: a Msg from its label, a Rate in the
    language's wording, a Joined list with the language's separator."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if kind is Msg:
        if lang == "en":
            return str.__str__(value)
        return _render(value.key, value.args, lang)
    if kind is Joined:
        sep = _label(value.sep, lang) if value.sep.startswith("sep.") else value.sep
        return sep.join(say(v, lang) for v in value)
    if kind.__name__ == "Rate":
        return _render(f"rate.{value.unit}", {"pct": _pct(value)}, lang)
    if kind.__name__ == "Cap":  # a legal cap (repayplan.legal.Cap): how it was reached
        return say(value.text, lang)
    return str(value)


def _pct(rate: Any) -> str:
    from .rates import percent_text

    return percent_text(rate.value)


_LABELS: dict[str, dict[str, str]] = {}


def _label(key: str, lang: str) -> str:
    """The label of a key (the label data loaded once): the language's, else English, else the key."""
    if not _LABELS:
        from .report.labels import LABELS

        _LABELS.update(LABELS)
    return _LABELS.get(lang, {}).get(key) or _LABELS["en"].get(key) or key


def _render(key: str, args: dict[str, Any], lang: str) -> str:
    template = _label(key, lang)
    if not args:
        return template
    if lang == "en":  # every argument's own str() is its English (a Msg is its text, a Rate '4.9%/year')
        return fill(template, args)
    return fill(template, {k: say(v, lang) for k, v in args.items()})


#: a counted word in a template: {n|installment|installments}, the singular when n is 1
_COUNTED = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def fill(template: str, args: Mapping[str, Any]) -> str:
    """A template filled with its arguments, each counted word in the number its count asks for: English
    writes ``{n} {n|installment|installments}`` (1 installment, 36 installments); Chinese needs no plural,
    its counters (36期, 3笔, 2个月) are in the template.

    >>> fill("{n} {n|payment|payments} after {on}", {"n": 1, "on": "2025-05-01"})
    '1 payment after 2025-05-01'
    >>> fill("{n} {n|payment|payments}", {"n": "1,200"}), fill("{n}笔", {"n": 3})
    ('1,200 payments', '3笔')
    """
    if "|" in template:
        template = _COUNTED.sub(lambda m: _braced(m.group(2) if _one(args.get(m.group(1))) else m.group(3)),
                                template)
    return template.format(**args)


def _one(count: Any) -> bool:
    return str(count).strip() == "1"


def _braced(word: str) -> str:
    return word.replace("{", "{{").replace("}", "}}")
