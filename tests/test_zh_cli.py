"""The language from the environment, and a mistyped command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main

MORTGAGE = str(Path(__file__).resolve().parent.parent / "examples" / "mortgage.toml")
NO_LOCALE = {"REPAYPLAN_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def first_line(env: dict[str, str | None], *flags: str) -> str:
    """The first line of the summary, after the answer."""
    result = CliRunner().invoke(main, ["build", MORTGAGE, *flags], env={**NO_LOCALE, **env})
    assert result.exit_code == 0, result.output
    return result.stdout.split("\n\n")[1].splitlines()[0]


@pytest.mark.parametrize(("env", "flags", "expected"), [
    ({}, (), "Currency"),
    ({"LANG": "zh_CN.UTF-8"}, (), "币种"),
    ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, (), "币种"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, (), "Currency"),  # LC_ALL wins over LANG
    ({"LANG": "zh_CN.UTF-8", "REPAYPLAN_LANG": "en"}, (), "Currency"),  # REPAYPLAN_LANG wins over the locale
    ({"LANG": "en_US.UTF-8", "REPAYPLAN_LANG": "zh"}, (), "币种"),
    ({"REPAYPLAN_LANG": "zh"}, ("--lang", "en"), "Currency"),  # --lang wins over both
    ({"LANG": "zh_CN.UTF-8"}, ("--lang", "en"), "Currency"),
])
def test_language_from_the_environment(env: dict[str, str | None], flags: tuple[str, ...], expected: str) -> None:
    assert first_line(env, *flags).startswith(expected)


def test_a_mistyped_command_gets_did_you_mean() -> None:
    result = CliRunner().invoke(main, ["stauts"], env=NO_LOCALE)
    assert result.exit_code == 2
    assert "Error: No such command 'stauts'. Did you mean 'status'?" in result.output
    result = CliRunner().invoke(main, ["biuld"], env={**NO_LOCALE, "LANG": "zh_CN.UTF-8"})
    assert result.exit_code == 2 and "您是想输入“build”吗？" in result.output
    result = CliRunner().invoke(main, ["frobnicate"], env=NO_LOCALE)
    assert result.exit_code == 2 and "Did you mean" not in result.output


def test_the_us_card_rule_is_cited_only_on_a_dollar_card(tmp_path: Path) -> None:
    three = Path(__file__).resolve().parent.parent / "examples" / "three-debts.toml"
    cny = CliRunner().invoke(main, ["plan", str(three)], env=NO_LOCALE)
    assert cny.exit_code == 0 and "Paying only the minimum" in cny.stdout and "Reg. Z" not in cny.stdout
    usd = tmp_path / "usd.toml"
    usd.write_text(three.read_text(encoding="utf-8").replace('currency = "CNY"', 'currency = "USD"'),
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["plan", str(usd)], env=NO_LOCALE)
    assert result.exit_code == 0, result.output
    assert "Reg. Z §1026.7(b)(12)" in result.stdout
