"""Labels for people, in English and Chinese: one data module per language.

>>> label("total_payment", "zh")
'还款总额'
>>> label("no_such_key", "zh")
'no_such_key'
"""

from __future__ import annotations

from typing import Any

from ...text import fill
from .en import EN
from .zh import ZH

LANGS = ("en", "zh")

LABELS: dict[str, dict[str, str]] = {"en": EN, "zh": ZH}


def label(key: str, lang: str = "en") -> str:
    """The label of a key in a language; English, then the key, as fallbacks. A label with counted words
    formats them in the number their counts ask for (:func:`repayplan.text.fill`).

    >>> label("plan.n_months").format(n=1), label("plan.n_months").format(n=2), label("plan.n_months", "zh").format(n=1)
    ('1 month', '2 months', '1个月')
    """
    table = LABELS.get(lang, {})
    text = table[key] if key in table else LABELS["en"].get(key, key)  # "" is a label too (a separator)
    return Counted(text) if "|" in text else text


class Counted(str):
    """A label with counted words ({n|installment|installments}): ``format`` fills them (one helper for counts)."""

    def format(self, *args: Any, **values: Any) -> str:
        return fill(str(self), values) if not args else str(self).format(*args, **values)


def currency_name(code: str, lang: str = "en") -> str:
    """A currency as people read it: 'CNY', 人民币（CNY）.

    >>> currency_name("CNY", "zh"), currency_name("JPY", "zh"), currency_name("CNY")
    ('人民币（CNY）', '日元（JPY）', 'CNY')
    """
    return LABELS.get(lang, {}).get(f"currency.{code}") or code
