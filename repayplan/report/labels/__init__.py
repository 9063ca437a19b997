"""Labels for people, in English and Chinese: one data module per language.

>>> label("total_payment", "zh")
'还款总额'
>>> label("no_such_key", "zh")
'no_such_key'
"""

from __future__ import annotations

from .en import EN
from .zh import ZH

LANGS = ("en", "zh")

LABELS: dict[str, dict[str, str]] = {"en": EN, "zh": ZH}


def label(key: str, lang: str = "en") -> str:
    """The label of a key in a language; English, then the key, as fallbacks."""
    return LABELS.get(lang, {}).get(key) or LABELS["en"].get(key) or key


def currency_name(code: str, lang: str = "en") -> str:
    """A currency as people read it: 'CNY', 人民币（CNY）.

    >>> currency_name("CNY", "zh"), currency_name("JPY", "zh"), currency_name("CNY")
    ('人民币（CNY）', '日元（JPY）', 'CNY')
    """
    return LABELS.get(lang, {}).get(f"currency.{code}") or code
