"""What a new user met: a file kept without --force is the user's input to fix (exit 2), counted nouns in
proper singular and plural, the paste block's names, nothing owed in propose, one date flag."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


WRITERS = [
    ("export", str(EXAMPLES / "hardship.toml"), "-o"),
    ("letter", "dispute", str(EXAMPLES / "huabei-arrears.toml"), "-o"),
    ("new", "arrears", "-o"),
    ("batch", str(EXAMPLES / "portfolio.csv"), "-o"),
    ("propose", str(EXAMPLES / "negotiation.toml"), "--export"),
    ("plan", str(EXAMPLES / "three-debts.toml"), "--export"),
]


@pytest.mark.parametrize("argv", WRITERS, ids=[a[0] for a in WRITERS])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_existing_file_is_the_users_input_to_fix(argv: tuple[str, ...], lang: str, tmp_path: Path) -> None:
    target = tmp_path / ("kept.csv" if argv[0] == "batch" else "kept.docx" if argv[0] == "letter"
                         else "kept.toml" if argv[0] == "new" else "kept.xlsx")
    target.write_bytes(b"keep me")
    code, out, err = run(*argv, str(target), "--lang", lang)
    expected = {"en": f"Error: {target} already exists; pass --force to overwrite it",
                "zh": f"错误：{target} 已存在；如需覆盖，请加 --force"}[lang]
    assert (code, out, err.splitlines()) == (2, "", [expected])
    assert target.read_bytes() == b"keep me"


@pytest.mark.parametrize("argv", [a for a in WRITERS if a[0] in ("propose", "plan", "batch")],
                         ids=lambda a: a[0])
def test_an_existing_file_as_json_problems(argv: tuple[str, ...], tmp_path: Path) -> None:
    target = tmp_path / ("kept.csv" if argv[0] == "batch" else "kept.xlsx")
    target.write_bytes(b"keep me")
    code, out, err = run(*argv, str(target), "--format", "json")
    assert code == 2 and err == f"Error: {target} already exists; pass --force to overwrite it\n"
    assert json.loads(out) == {"errors": [{"path": "", "message": f"{target} already exists",
                                           "hint": "pass --force to overwrite it"}]}
    assert target.read_bytes() == b"keep me"
