"""Clauses and values in words: the one place an agreement's or a letter's
data becomes text, for documents and the workbook's Terms sheet alike.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan.agreement import Clause
>>> c = Clause("agr.acknowledge", (("date", date(2026, 3, 1)), ("owed", Decimal("55571.01"))))
>>> clause_text(c, "zh", "CNY")
'乙方确认：截至2026年3月1日，乙方尚欠甲方款项合计人民币55,571.01元（大写：人民币伍万伍仟伍佰柒拾壹元零壹分），其中：'
>>> clause_text(c, "en", "CNY")
'The Borrower acknowledges owing the Creditor CNY 55,571.01 in all on 1 March 2026, being:'
>>> article_number(12, "zh"), article_number(12, "en")
('第十二条', '12.')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ...agreement import Clause, Party, capital_rmb
from ...money import MoneyPolicy
from ...rates import Rate, percent_text
from ..labels import label

#: values written in figures and, in Chinese, in capital numerals too
IN_WORDS = frozenset({"owed", "total", "settlement", "forgiven", "claimed", "rebuilt", "difference"})
#: counts written in capital numerals in Chinese (一式叁份)
CAPITAL_COUNTS = frozenset({"copies"})


def clause_text(clause: Clause, lang: str, currency: str) -> str:
    """A clause's wording with its values filled in (blanks as lines to fill)."""
    values = {name: value_text(name, value, lang, currency) for name, value in clause.values}
    return label(clause.key, lang).format(**values)


def value_text(name: str, value: object, lang: str, currency: str) -> str:
    """One value as a document writes it; None or "" is a blank line."""
    if value is None or value == "":
        return label("agr.blank_date" if name in ("date", "signed", "start", "first", "last") else "agr.blank", lang)
    if isinstance(value, Decimal):
        return amount_text(value, currency, lang, words=name in IN_WORDS)
    if isinstance(value, date):
        return date_text(value, lang)
    if isinstance(value, Rate):
        return rate_text(value, lang)
    if isinstance(value, int) and name in CAPITAL_COUNTS and lang == "zh":
        import cn2an

        return str(cn2an.an2cn(str(value), "up"))
    return str(value)


def amount_text(amount: Decimal, currency: str, lang: str, words: bool = False) -> str:
    """人民币55,571.01元（大写：…） / CNY 55,571.01; capital numerals for CNY only.

    >>> amount_text(Decimal("3776.18"), "CNY", "zh"), amount_text(Decimal("3776.18"), "USD", "zh")
    ('人民币3,776.18元', 'USD 3,776.18')
    """
    figures = MoneyPolicy(currency).grouped(amount)
    if lang == "zh" and currency == "CNY":
        text = label("doc.amount_cny", lang).format(amount=figures)
        if words:
            text += label("doc.in_words", lang).format(words=capital_rmb(abs(amount)))
        return text
    return f"{currency} {figures}"


def date_text(day: date, lang: str) -> str:
    """2026年3月1日 / 1 March 2026."""
    return label("doc.date", lang).format(year=day.year, month=label(f"doc.month_{day.month}", lang), day=day.day)


def rate_text(rate: Rate, lang: str) -> str:
    """年利率18% / 18% a year (日利率0.05% / 0.05% a day)."""
    return label(f"doc.rate_{rate.unit}", lang).format(rate=percent_text(rate.value))


def article_number(n: int, lang: str) -> str:
    """第一条 … 第十二条 / 1. … 12."""
    if lang == "zh":
        import cn2an

        return label("agr.article", lang).format(n=cn2an.an2cn(str(n), "low"))
    return label("agr.article", lang).format(n=n)


def item_number(n: int, lang: str) -> str:
    """（一） / (1)."""
    if lang == "zh":
        import cn2an

        return label("agr.item", lang).format(n=cn2an.an2cn(str(n), "low"))
    return label("agr.item", lang).format(n=n)


def punctuate(items: list[str], lang: str) -> list[str]:
    """Items of a list as sentences do: each but the last ends in ；/;, the last in 。/.

    >>> punctuate(["本金100.00元", "罚息5.00元；"], "zh"), punctuate(["to waive fees;", "x"], "en")
    (['本金100.00元；', '罚息5.00元。'], ['to waive fees;', 'x.'])
    """
    more, last = ("；", "。") if lang == "zh" else (";", ".")
    bare = [item.rstrip("；;。.，, ") for item in items]
    return [text + (more if i < len(bare) - 1 else last) for i, text in enumerate(bare)]


def party_lines(party: Party, lang: str) -> list[tuple[str, str]]:
    """(field, value) lines of a party block; blanks as lines to fill in."""
    blank = label("agr.blank", lang)
    id_key = "agr.field_" + party.id_kind
    lines = [(label(f"agr.field_name_{party.id_kind}", lang), party.name or blank),
             (label(id_key, lang), party.id_number or blank),
             (label("agr.field_address", lang), party.address or blank),
             (label("agr.field_contact", lang), party.contact or blank)]
    if party.representative or party.role != "borrower":
        lines.append((label(f"agr.field_representative_{party.role}", lang), party.representative or blank))
    return lines
