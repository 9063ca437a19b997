"""The hostile corpus (tests/hostile.py) in Chinese: every refusal a zh user can meet is Chinese.

Each run of the corpus is made again with ``--lang zh``; it must end with the same exit code as in English,
each error line must be one line starting 错误：, and no line (nor a row of a batch's errors file) may hold an
English word of three letters or more except the allowed acronyms (CNY, LPR, IRR, NPV, CSV, JSON; UTF of
UTF-8), words of the text the user wrote (the case file, the flags' values, the paths given) and the case
file's own vocabulary (its table and key names and the values a key takes, which the user must write as they
are: ``[penalty]``, ``overdue-principal``, ``contract+50%``).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from .hostile import (
    BATCH_ATTACKS,
    BATCH_FLAG_ATTACKS,
    BEFORE,
    COMMANDS,
    FLAG_ATTACKS,
    PAYMENT_ATTACKS,
    TOML_ATTACKS,
    Attack,
    to_json,
)
from .test_hostile import FIELD_ATTACKS, STRUCTURE_ATTACKS, run

ALLOWED = {"cny", "lpr", "irr", "npv", "csv", "json", "utf", "xlsx"}
WORD = re.compile(r"[A-Za-z]{3,}")


def _vocabulary() -> set[str]:
    """The case file's words: table and key names, and the values its keys take."""
    from repayplan import calendar
    from repayplan.arrears.policy import ALLOCATION_PRESETS, ALLOCATION_SCOPES, BASES, GRACE_MODES
    from repayplan.batch.scenario import KEYS
    from repayplan.budget.strategies import STRATEGIES
    from repayplan.casefile.debts import KINDS
    from repayplan.casefile.schema import TABLES
    from repayplan.model import INTEREST_BASES, METHODS
    from repayplan.money import MINOR_UNITS, ROUNDING_MODES
    from repayplan.restructure.steps import STEPS

    names: list[str] = ["contract", "all", "none"]  # contract+50%; --timeline all or none
    for table, spec in TABLES.items():
        names += [table, *spec.keys]
        for nested, inner in spec.nested.items():
            names += [nested, *inner.keys]
    for values in (ALLOCATION_PRESETS, ALLOCATION_SCOPES, BASES, GRACE_MODES, KEYS, KINDS, INTEREST_BASES, METHODS,
                   MINOR_UNITS, ROUNDING_MODES, STEPS, STRATEGIES, calendar.FREQUENCIES, calendar.DAY_COUNTS):
        names += list(values)
    for parts in ALLOCATION_PRESETS.values():
        names += list(parts)
    return {word.lower() for name in names for word in WORD.findall(name)}


VOCABULARY = _vocabulary()


def english(text: str, written: str) -> list[str]:
    """The English words of ``text`` that are neither allowed, nor in what the user wrote, nor case-file words.

    >>> english("错误：loan.rate：'abc' 不是利率；--rate", "abc")
    []
    >>> english("错误：already exists", "")
    ['already', 'exists']
    """
    text = re.sub(r"--[\w-]+", " ", text)  # a flag is the command's syntax
    text = re.sub(r"/[\w./-]+", " ", text)  # a file's path: the user's, or made from it (OUTPUT.errors.csv)
    own = written.lower()
    return [w for w in WORD.findall(text) if w.lower() not in ALLOWED | VOCABULARY and w.lower() not in own]


def check_chinese(code: int, err: str, expected: int, written: str, one_line: bool = True) -> None:
    assert code == expected, err[:2000]
    lines = err.splitlines()
    if expected != 0:
        assert lines and all(line.startswith("错误：") for line in lines), err[:2000]
    if expected == 2 and one_line:
        assert len(lines) == 1, err[:2000]
    for line in lines:
        assert english(line, written) == [], line[:300]


def _written(tmp_path: Path, *texts: str) -> str:
    return "\n".join((str(tmp_path), *texts))


def _run_attack(attack: Attack, tmp_path: Path) -> tuple[int, str, str]:
    case = tmp_path / "case.json"
    case.write_text(attack.text, encoding="utf-8")
    args = [a.replace("{out}", str(tmp_path / "out")) for a in attack.args]
    return run([attack.command, *BEFORE.get(attack.command, []), str(case), *args, "--lang", "zh"])


@pytest.mark.parametrize("attack", FIELD_ATTACKS + STRUCTURE_ATTACKS,
                         ids=[a.name for a in FIELD_ATTACKS + STRUCTURE_ATTACKS])
def test_a_hostile_case_is_refused_in_chinese(attack: Attack, tmp_path: Path) -> None:
    code, _, err = _run_attack(attack, tmp_path)
    check_chinese(code, err, attack.exit_code, _written(tmp_path, attack.text, *attack.args))


@pytest.mark.parametrize("command,args,expected", FLAG_ATTACKS,
                         ids=[f"{c}:{' '.join(a)[:40]}" for c, a, _ in FLAG_ATTACKS])
def test_a_hostile_flag_is_refused_in_chinese(command: str, args: list[str], expected: int, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(to_json(COMMANDS[command][0]))
    args = [a.replace("{case}", str(case)).replace("{out}", str(tmp_path / "out")) for a in args]
    code, _, err = run([command, *BEFORE.get(command, []), *args, "--lang", "zh"])
    check_chinese(code, err, expected, _written(tmp_path, case.read_text(), *args))


@pytest.mark.parametrize("name,text,expected", TOML_ATTACKS, ids=[t[0] for t in TOML_ATTACKS])
def test_a_hostile_toml_case_is_refused_in_chinese(name: str, text: str, expected: int, tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text(text, encoding="utf-8")
    code, _, err = run(["build", str(case), "--lang", "zh"])
    check_chinese(code, err, expected, _written(tmp_path, text))


@pytest.mark.parametrize("name,text,expected,lines", PAYMENT_ATTACKS, ids=[p[0] for p in PAYMENT_ATTACKS])
def test_a_hostile_payments_file_is_refused_in_chinese(name: str, text: str, expected: int, lines: list[str],
                                                       tmp_path: Path) -> None:
    case, paid = tmp_path / "case.json", tmp_path / "paid.csv"
    case.write_text(to_json(COMMANDS["build"][0]))
    paid.write_text(text, encoding="utf-8")
    code, _, err = run(["status", str(case), "--payments", str(paid), "--lang", "zh"])
    check_chinese(code, err, expected, _written(tmp_path, case.read_text(), str(paid), text), one_line=False)
    numbers = [line.removeprefix("line ") for line in lines]
    assert [re.search(r"第(\d+)行", line)[1] for line in err.splitlines()] == numbers  # type: ignore[index]


@pytest.mark.parametrize("name,text,expected", BATCH_ATTACKS, ids=[b[0] for b in BATCH_ATTACKS])
def test_a_hostile_case_list_is_refused_in_chinese(name: str, text: str, expected: int, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_bytes(text.encode("utf-8", "surrogateescape"))
    code, _, err = run(["batch", str(cases), "-o", str(tmp_path / "out.csv"), "--lang", "zh"])
    written = _written(tmp_path, text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    check_chinese(code, err, expected, written)
    errors = tmp_path / "out.errors.csv"
    if expected == 1:
        rows = list(csv.reader(io.StringIO(errors.read_text(encoding="utf-8"))))
        assert len(rows) == 2 and rows[1][0] == "3"
        assert english(rows[1][2], written) == [], rows[1][2]  # the problem column


@pytest.mark.parametrize("args,expected", BATCH_FLAG_ATTACKS, ids=[" ".join(a)[:40] for a, _ in BATCH_FLAG_ATTACKS])
def test_a_hostile_batch_flag_is_refused_in_chinese(args: list[str], expected: int, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(BATCH_ATTACKS[-2][1] + "A,1000,5%,12,annuity,2025-01-01\n")
    args = [a.replace("{cases}", str(cases)).replace("{folder}", str(tmp_path)) for a in args]
    code, _, err = run(["batch", *args, "--lang", "zh"])
    check_chinese(code, err, expected, _written(tmp_path, cases.read_text(), *args))


def test_an_english_word_in_a_chinese_error_is_caught() -> None:
    """The check itself: an English message fails it, a Chinese one with the user's words passes."""
    with pytest.raises(AssertionError):
        check_chinese(2, "错误：loan.rate: 'abc' is not a rate\n", 2, "abc")
    with pytest.raises(AssertionError):
        check_chinese(2, "Error: loan.rate：'abc' 不是利率\n", 2, "abc")
    with pytest.raises(AssertionError):
        check_chinese(2, "错误：一\n错误：二\n", 2, "")
    check_chinese(2, "错误：loan.rate：'abc' 不是利率\n", 2, "abc")
