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
