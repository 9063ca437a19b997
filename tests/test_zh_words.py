"""Every command on every example with ``--lang zh`` writes Chinese: no English word of three letters or more
that is neither in the input file nor an allowed acronym (CNY, LPR, IRR, NPV, CSV, JSON), in the table, the
CSV and the workbook.

Names the user wrote (debts, scenarios, parties) come from the input file and so are allowed; so are the lines
of a case-file entry to paste (``[[scenarios]]``, ``steps = [...]``): they are the file's syntax. A command
that does not apply to an example (exit 2: ``plan`` on a single loan; exit 1: nothing owed to negotiate) is
skipped. ``status``, ``propose`` and ``export`` run again with a legal cap (``--cap 24%``, ``--cap 4xLPR``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ALLOWED = {"cny", "lpr", "irr", "npv", "csv", "json"}
WORD = re.compile(r"[A-Za-z]{3,}")
#: case-file syntax a message tells the user to write: [creditor], discount_rate, --lang
SYNTAX = re.compile(r"\[[\w.]+\]|\b\w+_\w+\b|--[\w-]+")
#: the lines of a [[scenarios]] entry printed to paste into a case file
PASTE = re.compile(r"^\s*(\[\[scenarios\]\]|name = |date = |steps = \[|\{op = |\]$)")
COMMANDS = ("build", "status", "compare", "propose", "plan", "batch")


def english_words(text: str, source: Path) -> list[str]:
    """The words of three letters or more in `text` that are neither in the input file nor allowed.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
    ...     _ = f.write('name = "card"')
    >>> english_words("card 还清日 CNY 2025-01-01 as of today", Path(f.name))
    ['today']
    >>> os.unlink(f.name)
    """
    own = {w.lower() for w in WORD.findall(source.read_text(encoding="utf-8", errors="replace"))}
    found = []
    for line in text.splitlines():
        if PASTE.match(line):
            continue
        found += [w for w in WORD.findall(SYNTAX.sub(" ", line)) if w.lower() not in ALLOWED | own]
    return found


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout


def cases() -> list[object]:
    out = []
    for command in COMMANDS:
        for example in sorted(p.name for p in EXAMPLES.iterdir()):
            out.append(pytest.param(command, example, id=f"{command}-{example}"))
    return out


@pytest.mark.parametrize(("command", "example"), cases())
def test_chinese_table_and_csv(command: str, example: str, extra: tuple[str, ...] = ()) -> None:
    source = EXAMPLES / example
    code, table = run(command, str(source), "--lang", "zh", *extra)
    assert "internal error" not in table
    if code != 0:  # errors are another change's: exit 2 does not apply, exit 1 nothing to do (nothing owed)
        pytest.skip(f"{command} does not apply to {example}")
    assert english_words(table, source) == []
    code, text = run(command, str(source), "--lang", "zh", "--format", "csv", *extra)
    if code == 0:
        assert english_words(text, source) == []


#: a legal cap as a rate and as a multiple of the LPR: its rule, its traces and the negotiator's notes
CAPS = ("24%", "4xLPR")
WORKBOOKS = sorted(p.name for p in EXAMPLES.glob("*.toml")) + ["cash-loan.json"]


@pytest.mark.parametrize("cap", CAPS)
@pytest.mark.parametrize(("command", "example"), [(c, e) for c in ("status", "propose") for e in WORKBOOKS])
def test_chinese_with_a_cap(command: str, example: str, cap: str) -> None:
    test_chinese_table_and_csv(command, example, ("--cap", cap))


@pytest.mark.parametrize("cap", CAPS)
@pytest.mark.parametrize("example", WORKBOOKS)
def test_chinese_workbook_with_a_cap(example: str, cap: str, tmp_path: Path) -> None:
    test_chinese_workbook(example, tmp_path, ("--cap", cap))


@pytest.mark.parametrize("example", WORKBOOKS)
def test_chinese_workbook(example: str, tmp_path: Path, extra: tuple[str, ...] = ()) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    source = EXAMPLES / example
    out = tmp_path / "case.xlsx"
    code, text = run("export", str(source), "-o", str(out), "--lang", "zh", *extra)
    if code == 2:
        pytest.skip(f"export does not apply to {example}")
    assert code == 0, text
    book = openpyxl.load_workbook(out)
    cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
             if isinstance(c, str) and not c.startswith("=")]
    cells += list(book.sheetnames)
    assert english_words("\n".join(cells), source) == []
