"""The docs are run, not trusted: every command they show runs on the
examples (a transcript's shown first line is what the command prints), every
link resolves, and every command's page carries its current `--help` (as
sqlite-utils checks its docs against its CLI)."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"```(?:bash|sh|console)\n(.*?)```", re.S)
#: the files a docs command may name that the examples folder does not hold: written by an earlier command
MADE = ("my-case", "book.csv")


def shown() -> list[tuple[str, str, str | None]]:
    """(page, command line, the first line a transcript shows after it or None) for every `repayplan ...`."""
    found = []
    for page in PAGES:
        for block in FENCE.findall(page.read_text(encoding="utf-8")):
            lines = block.splitlines()
            for i, line in enumerate(lines):
                transcript = line.startswith("$ ")
                line = line.removeprefix("$ ").strip()
                if line.startswith("repayplan "):
                    after = lines[i + 1].strip() if transcript and i + 1 < len(lines) else None
                    found.append((str(page.relative_to(ROOT)), line, after or None))
    return found


def words(line: str) -> list[str]:
    """The arguments of a shown command line, its trailing comment dropped."""
    return shlex.split(line, comments=True)[1:]


def _missing_file(args: list[str], where: Path) -> str | None:
    """A file the command reads that the docs only describe (case.toml: any case file)."""
    for before, arg in zip(["", *args[:-1]], args, strict=True):
        if before in ("-o", "--output", "--export", "--errors"):
            continue
        if re.search(r"\.(toml|json|csv|parquet)$", arg) and not (where / arg).exists() \
                and not any(arg.startswith(m) for m in MADE):
            return arg
    return None


@pytest.mark.parametrize(("page", "line", "output"), shown())
def test_every_shown_command_runs(page: str, line: str, output: str | None, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    args = words(line)
    missing = _missing_file(args, tmp_path)
    if missing is not None:
        assert output is not None, f"{page}: {line!r} names {missing}, which is not among the examples"
        pytest.skip(f"{page} describes a case file of the reader's own ({missing})")
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (page, line, result.output)
    if output is not None and output.startswith("Error:"):  # a transcript of a refusal: that line, exit 2
        assert result.exit_code == 2, (page, line, result.output)
        assert result.stderr.splitlines()[0] == output, (page, line)
    else:
        assert result.exit_code == 0, (page, line, result.output)


def test_there_are_shown_commands_for_every_command() -> None:
    assert set(COMMANDS) <= {words(line)[0] for _, line, _ in shown()}


def test_every_link_resolves() -> None:
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" not in target:
                assert (page.parent / target).exists(), (str(page.relative_to(ROOT)), target)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_page_has_its_current_help(name: str) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import docs_help
    finally:
        sys.path.pop(0)
    page = docs_help.page(name)
    assert page.read_text(encoding="utf-8") == docs_help.updated(name), (
        f"{page.relative_to(ROOT)} is out of date: run python tools/docs_help.py")
