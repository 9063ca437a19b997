"""Every command: help with an example; --help stays light; every example runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.casefile import load_document
from repayplan.cli import COMMANDS, main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"repayplan {name}" in result.stdout


def test_help_imports_neither_pandas_nor_openpyxl() -> None:
    code = ("import sys; from repayplan.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pandas', 'openpyxl', 'numpy', 'numpy_financial') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def command_for(path: Path) -> list[str]:
    """Which command an example file is for, from what it contains."""
    if path.suffix == ".csv":
        if path.read_text(encoding="utf-8").startswith("case_id,date,amount"):  # the payments of a case list
            return ["batch", str(EXAMPLES / "portfolio.csv"), "--payments", str(path), "--as-of", "2025-09-30"]
        return ["batch", str(path)]
    doc = load_document(path)
    if "debts" in doc:
        return ["plan", str(path)]
    if "scenarios" in doc:
        return ["compare", str(path)]
    if "payments" in doc or "penalty" in doc:
        return ["status", str(path)]
    return ["build", str(path)]


EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".toml", ".json", ".csv"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_every_example_runs(path: Path) -> None:
    args = command_for(path)
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    if path.suffix != ".csv":
        json.loads(result.stdout)
    table = CliRunner().invoke(main, args)
    assert table.exit_code == 0, table.stderr
    assert table.stdout.strip()


def test_every_english_label_has_a_chinese_one() -> None:
    # --lang zh promises Chinese labels; a key missing from zh.py would fall back to English silently
    from repayplan.report.labels import LABELS

    assert sorted(set(LABELS["en"]) - set(LABELS["zh"])) == []


@pytest.mark.parametrize("args", [
    ["build", "--principal", "1,5", "--rate", "abc", "--term", "12"],
    ["status", str(EXAMPLES / "huabei-arrears.toml"), "--as-of", "9999-01-01"],
    ["compare", str(EXAMPLES / "no-such-case.toml")],
])
def test_with_format_json_a_failure_is_data_too(args: list[str]) -> None:
    """Programs read the problems from stdout; people still get one line each on stderr; the exit code holds."""
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 2
    errors = json.loads(result.stdout)["errors"]
    lines = result.stderr.strip().splitlines()
    assert len(errors) == len(lines) >= 1
    for error, line in zip(errors, lines, strict=True):
        assert set(error) <= {"path", "message", "hint", "file"} and error["message"]
        # the line a person reads is the data put back together
        text = f"{error['message']}; {error['hint']}" if error["hint"] else error["message"]
        text = f"{error['path']}: {text}" if error["path"] else text
        assert line == "Error: " + (f"{error['file']}: {text}" if error.get("file") else text)
