"""`repayplan new KIND`: a commented starter case file the matching command reads; the examples ship with the
package, so the help's examples work from any folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main
from repayplan.cli.new import KINDS, starter_text


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_starter_file_is_read_by_its_command(kind: str, lang: str, tmp_path: Path) -> None:
    suffix, command = KINDS[kind]
    target = tmp_path / f"case.{suffix}"
    code, out = run("new", kind, "--lang", lang, "-o", str(target))
    assert code == 0, out
    text = target.read_text(encoding="utf-8")
    assert suffix == "csv" or text.startswith("# ")  # commented
    code, out = run(command, str(target), "--lang", lang)
    assert code == 0, out


def test_printed_without_output_and_never_overwritten_without_force(tmp_path: Path) -> None:
    code, printed = run("new", "arrears", "--lang", "zh")
    assert code == 0 and printed.startswith("# 逾期借款") and 'rate = "日万分之五"' in printed
    target = tmp_path / "mine.toml"
    target.write_text("mine", encoding="utf-8")
    code, out = run("new", "arrears", "-o", str(target))
    assert code == 2 and "--force" in out and target.read_text(encoding="utf-8") == "mine"
    assert run("new", "arrears", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == starter_text("arrears", "en")


def test_the_help_examples_work_from_any_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no examples/ folder here
    code, out = run("build", "examples/mortgage.toml", "--format", "json")
    assert code == 0 and '"installment": "5307.27"' in out  # 1,000,000 at 4.9% over 360 months
    code, out = run("batch", "examples/portfolio.csv")
    assert code == 0 and "MC-2025-0001" in out
    code, out = run("build", "examples/no-such.toml")
    assert code == 2 and "not found" in out
