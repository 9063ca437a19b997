"""Output that fits a terminal: at COLUMNS=80 every command's table fits 80 display columns (a CJK character
takes two); --wide, or output that is not a terminal with COLUMNS unset, prints the full table as before; JSON
and CSV never change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from wcwidth import wcswidth

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FITTED = [("build", "mortgage.toml"), ("build", "cash-loan.json"), ("status", "huabei-arrears.toml"),
          ("status", "card-full-balance.toml"), ("status", "hardship.toml"), ("compare", "hardship.toml"),
          ("compare", "card-full-balance.toml"), ("propose", "negotiation.toml"), ("propose", "hardship.toml"),
          ("plan", "three-debts.toml")]


def run(*args: str, columns: str | None = None) -> str:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    return result.stdout


def widest(text: str) -> int:
    """The widest line but a pasted entry's name, which is never cut (it is copied whole, whatever the width)."""
    return max(wcswidth(line) for line in text.splitlines() if not line.startswith("name = "))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("command", "example"), FITTED)
def test_every_table_fits_80_columns(command: str, example: str, lang: str) -> None:
    source = str(EXAMPLES / example)
    full = run(command, source, "--lang", lang)
    fitted = run(command, source, "--lang", lang, columns="80")
    assert widest(fitted) <= 80
    assert run(command, source, "--lang", lang, "--wide", columns="80") == full  # --wide: the full table


def test_the_full_table_was_wider_and_nothing_is_lost() -> None:
    source = str(EXAMPLES / "mortgage.toml")
    full, fitted = run("build", source, "--lang", "zh"), run("build", source, "--lang", "zh", columns="80")
    assert widest(full) > 80
    # the 360 rows are all there, with every amount of the last one; the all-zero fee and penalty columns go
    assert "5,307.27" in fitted and "2055-01-15" in fitted and "360" in fitted
    assert "费用" in full and "罚息" in full and "费用  " not in fitted.split("期次")[1]


def test_long_plan_names_become_short_labels_listed_once() -> None:
    out = run("compare", str(EXAMPLES / "hardship.toml"), "--lang", "zh", columns="80")
    assert "方案2：Interest freeze, 36 months" in out  # the full name, once, under 方案说明
    assert out.count("Interest freeze, 36 months") == 1


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_never_change(fmt: str) -> None:
    for command, example in FITTED:
        source = str(EXAMPLES / example)
        assert run(command, source, "--format", fmt, columns="40") == run(command, source, "--format", fmt)


def test_an_entry_to_paste_that_is_too_wide_is_still_a_case_file_entry(tmp_path: Path) -> None:
    # the paste block of a narrow terminal (one table per step) reads back to the same plan as the wide one
    source = EXAMPLES / "hardship.toml"
    narrow = run("propose", str(source), columns="80")
    block = "[[scenarios]]" + narrow.split("Paste into the case file:")[1].split("[[scenarios]]")[1].rstrip()
    assert "[[scenarios.steps]]" in block and widest(block) <= 80
    case = tmp_path / "case.toml"
    case.write_text(source.read_text(encoding="utf-8") + "\n" + block + "\n", encoding="utf-8")
    plans = json.loads(run("compare", str(case), "--format", "json"))["plans"]
    offered = json.loads(run("propose", str(source), "--format", "json"))["offers"][0]
    [plan] = [p for p in plans if p["name"] == offered["name"]]  # the same name as a wide terminal's
    assert plan["steps"] == offered["steps"] and offered["name"].startswith("Offer 1: ")
