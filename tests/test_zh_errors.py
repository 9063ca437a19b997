"""Input errors in the user's language: the case-file reader's common problems (a missing or unknown key, not
a number, not a date, not a rate) are label messages, shown in Chinese under ``--lang zh`` or a zh locale and
word for word as before in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main

from .test_zh_words import english_words

CASE = """\
[loam]
x = 1

[loan]
principal = "12x00"
rat = "4.9%"
rate = "5 pct"
start = "2025-13-01"
term = "abc"
"""

#: the English lines, written out: they must not change
ENGLISH = [
    "Error: {p}: loam: unknown table; did you mean 'loan'?",
    "Error: {p}: loan.rat: unknown field; did you mean 'rate'?",
]
ENGLISH_VALUES = [
    "Error: {p}: loan.principal: '12x00' is not a number; write it like 1000 or 1000.50",
    "Error: {p}: loan.rate: '5 pct' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day",
    "Error: {p}: loan.term: must be a whole number, got 'abc'",
    "Error: {p}: loan.start: '2025-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15",
]


def errors(path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["build", str(path), *args], env=env)
    return result.exit_code, result.stderr.splitlines()


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case.toml"
    path.write_text(CASE, encoding="utf-8")
    return path


def test_english_unchanged(case: Path) -> None:
    code, lines = errors(case, "--lang", "en")
    assert code == 2
    assert lines == [line.format(p=case) for line in ENGLISH]
    fixed = case.with_name("fixed.toml")
    fixed.write_text(CASE.replace("[loam]\nx = 1\n", "").replace('rat = "4.9%"\n', ""), encoding="utf-8")
    code, lines = errors(fixed, "--lang", "en")
    assert code == 2
    assert sorted(lines) == sorted(line.format(p=fixed) for line in ENGLISH_VALUES)


@pytest.mark.parametrize("how", [("--lang", "zh"), ("env",)])
def test_chinese(case: Path, how: tuple[str, ...]) -> None:
    env = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "REPAYPLAN_LANG": ""} if how == ("env",) else None
    args = () if env else how
    code, lines = errors(case, *args, env=env)
    assert code == 2
    assert lines == [f"错误：{case}: loam：无法识别的表；是否应为 'loan'？",
                     f"错误：{case}: loan.rat：无法识别的字段；是否应为 'rate'？"]
    fixed = case.with_name("fixed.toml")
    fixed.write_text(CASE.replace("[loam]\nx = 1\n", "").replace('rat = "4.9%"\n', ""), encoding="utf-8")
    code, lines = errors(fixed, *args, env=env)
    assert code == 2 and len(lines) == 4
    assert all(line.startswith(f"错误：{fixed}: loan.") for line in lines)
    assert english_words("\n".join(line.replace(str(fixed), "") for line in lines), fixed) == []
    assert any("不是数字" in line for line in lines) and any("不是日期" in line for line in lines)
    assert any("不是利率" in line for line in lines) and any("应为整数" in line for line in lines)


def test_missing_and_flags_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_text('[loan]\nprincipal = 1000\nrate = "5%"\nterm = 12\n', encoding="utf-8")
    code, lines = errors(path, "--lang", "zh")
    assert (code, lines) == (2, [f"错误：{path}: loan.start：缺少此项；请填写日期，例如 2025-01-15"])
    result = CliRunner().invoke(main, ["build", "--principal", "1000", "--rate", "5pct", "--term", "12",
                                       "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：--rate：'5pct' 不是利率；")
