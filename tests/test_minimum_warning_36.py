"""The 36-month figure of the minimum-payment warning: the level payment that pays the
balance off in 36 months at the debt's rate (Regulation Z §1026.7(b)(12)(i)(F)); said
plainly when it is below today's minimum; the US rule cited only for USD debts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from click.testing import CliRunner

from repayplan.budget.debts import RevolvingDebt, parse_rate
from repayplan.budget.warnings import minimum_warning
from repayplan.cli import main

D = Decimal


def test_an_8000_card_at_18_percent_pays_289_22_for_36_months() -> None:
    # 8,000 × r / (1 − (1 + r)^−36) with r = 1.5%: 289.2193… → 289.22 (not 257.82, the least payment that
    # clears it only because the 5% minimum pays more at first)
    r = Fraction(3, 200)
    annuity = 8000 * r / (1 - (1 + r) ** -36)
    assert D(int(annuity * 100 + Fraction(1, 2))) / 100 == D("289.22")
    card = RevolvingDebt("card", D("8000"), parse_rate("18%/year"), D("0.05"), D("25"), currency="USD")
    w = minimum_warning(card, date(2025, 1, 1))
    assert w is not None and w.payment_36 == D("289.22")
    # month 1's bill is 8,000 + 1.5% = 8,120.00, its 5% minimum 406.00: more than 289.22
    assert w.first_minimum == D("406.00")
    assert w.months_36 is not None and w.months_36 <= 36


CASE = """[case]
id = "CARD"
currency = "{currency}"

[budget]
monthly = 2000
start = 2025-01-01

[[debts]]
name = "card"
kind = "revolving"
balance = "8000.00"
rate = "18%"
min_percent = "5%"
min_floor = 25
"""


def test_the_sentence_says_when_the_figure_is_below_todays_minimum(tmp_path: Path) -> None:
    for currency in ("USD", "CNY"):
        path = tmp_path / f"{currency}.toml"
        path.write_text(CASE.format(currency=currency), encoding="utf-8")
        out = CliRunner().invoke(main, ["plan", str(path)])
        assert out.exit_code == 0, out.output
        assert "Paying 289.22 a month would clear it in 36 months, but that is below today's minimum of " \
               "406.00: you pay the minimum until it falls below 289.22" in out.stdout
        assert ("Reg. Z" in out.stdout) == (currency == "USD")
        zh = CliRunner().invoke(main, ["plan", str(path), "--lang", "zh"]).stdout
        assert "低于目前的最低还款额406.00" in zh
        assert ("Reg. Z" in zh) == (currency == "USD")
