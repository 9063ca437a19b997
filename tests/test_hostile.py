"""The hostile corpus (tests/hostile.py), run against every command in process.

Each run must end in bounded time with its exit code, and a refusal must be
exactly one clean line: ``Error: ...`` naming the field, never "internal
error", never a traceback, never an echo of megabytes of input.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main

from .hostile import (
    BATCH_ATTACKS,
    BATCH_FLAG_ATTACKS,
    BEFORE,
    COMMANDS,
    FLAG_ATTACKS,
    PAYMENT_ATTACKS,
    TOML_ATTACKS,
    Attack,
    field_attacks,
    structure_attacks,
    to_json,
)

#: Longest error line, and the most characters of input a message may quote.
LONGEST_LINE = 1000
QUOTED = 60
SECONDS = 20


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail (not hang) a run that takes longer than ``seconds``."""
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(args: list[str]) -> tuple[int, str, str]:
    with deadline(SECONDS):
        result = CliRunner().invoke(main, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def check_clean(code: int, err: str, expected: int, one_line: bool = True) -> None:
    assert code == expected, err[:2000]
    assert "internal error" not in err and "Traceback" not in err
    lines = err.splitlines()
    assert all(len(line) <= LONGEST_LINE for line in lines), max(lines, key=len)[:200]
    for run_of in ("x" * (QUOTED + 1), "1" * (QUOTED + 1), "9" * (QUOTED + 1)):  # the long inputs' characters
        assert run_of not in err, f"an error quotes over {QUOTED} characters of input: {err[:200]}"
    if expected == 2 and one_line:
        assert len(lines) == 1 and lines[0].startswith("Error: "), err[:2000]


def _unique(attacks: Iterator[Attack]) -> list[Attack]:
    """Each field path and value once (``loan.principal`` is attacked in the first command that has it)."""
    seen, out = set(), []
    for attack in attacks:
        key = attack.name.split(":", 1)[1]
        if key not in seen:
            seen.add(key)
            out.append(attack)
    return out


FIELD_ATTACKS = _unique(field_attacks())
STRUCTURE_ATTACKS = list(structure_attacks())


def _run_attack(attack: Attack, tmp_path: Path) -> tuple[int, str, str]:
    case = tmp_path / "case.json"
    case.write_text(attack.text, encoding="utf-8")
    args = [a.replace("{out}", str(tmp_path / "out")) for a in attack.args]
    return run([attack.command, *BEFORE.get(attack.command, []), str(case), *args])


@pytest.mark.parametrize("attack", FIELD_ATTACKS, ids=[a.name for a in FIELD_ATTACKS])
def test_a_hostile_field_is_refused_in_one_clean_line(attack: Attack, tmp_path: Path) -> None:
    code, _, err = _run_attack(attack, tmp_path)
    check_clean(code, err, attack.exit_code)
    if attack.exit_code == 2:
        assert not list(tmp_path.glob("out*")), "nothing is written when the input is refused"


@pytest.mark.parametrize("attack", STRUCTURE_ATTACKS, ids=[a.name for a in STRUCTURE_ATTACKS])
def test_a_hostile_structure_is_refused_in_one_clean_line(attack: Attack, tmp_path: Path) -> None:
    code, _, err = _run_attack(attack, tmp_path)
    check_clean(code, err, attack.exit_code)


def test_a_misspelt_table_is_named_with_the_nearest_one(tmp_path: Path) -> None:
    doc, _ = COMMANDS["status"]
    case = tmp_path / "case.json"
    case.write_text(to_json({**{k: v for k, v in doc.items() if k != "penalty"}, "penalti": doc["penalty"]}))
    code, out, err = run(["status", str(case)])
    assert (code, out) == (2, "")
    assert err == f"Error: {case}: penalti: unknown table; did you mean 'penalty'?\n"


@pytest.mark.parametrize("command,args,expected", FLAG_ATTACKS, ids=[f"{c}:{' '.join(a)[:40]}" for c, a, _ in
                                                                      FLAG_ATTACKS])
def test_a_hostile_flag_is_refused_in_one_clean_line(command: str, args: list[str], expected: int,
                                                     tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(to_json(COMMANDS[command][0]))
    args = [a.replace("{case}", str(case)).replace("{out}", str(tmp_path / "out")) for a in args]
    code, _, err = run([command, *BEFORE.get(command, []), *args])
    check_clean(code, err, expected)


@pytest.mark.parametrize("name,text,expected", BATCH_ATTACKS, ids=[b[0] for b in BATCH_ATTACKS])
def test_a_hostile_case_list_fails_only_its_bad_rows(name: str, text: str, expected: int, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_bytes(text.encode("utf-8", "surrogateescape"))
    out = tmp_path / "out.csv"
    code, _, err = run(["batch", str(cases), "-o", str(out)])
    check_clean(code, err, expected)
    good = text.count("\nA,") + text.count("\nC,") + text.count("\n=HYPERLINK")
    if expected != 2:
        written = out.read_text(encoding="utf-8").splitlines()
        assert len(written) - 1 == good, "every good row is written"
    if expected == 1:
        errors = (tmp_path / "out.errors.csv").read_text(encoding="utf-8").splitlines()
        assert len(errors) == 2, errors  # the header and the one bad line, with its physical line number
        assert errors[1].startswith("3,")


@pytest.mark.parametrize("args,expected", BATCH_FLAG_ATTACKS, ids=[" ".join(a)[:40] for a, _ in BATCH_FLAG_ATTACKS])
def test_a_hostile_batch_flag_is_refused_in_one_clean_line(args: list[str], expected: int, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(BATCH_ATTACKS[-2][1] + "A,1000,5%,12,annuity,2025-01-01\n")
    args = [a.replace("{cases}", str(cases)).replace("{folder}", str(tmp_path)) for a in args]
    code, _, err = run(["batch", *args])
    check_clean(code, err, expected)
    assert cases.read_text().endswith("2025-01-01\n"), "the input is untouched"


@pytest.mark.parametrize("name,text,expected", TOML_ATTACKS, ids=[t[0] for t in TOML_ATTACKS])
def test_a_hostile_toml_case_is_refused_in_one_clean_line(name: str, text: str, expected: int,
                                                          tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text(text, encoding="utf-8")
    code, _, err = run(["build", str(case)])
    check_clean(code, err, expected)


@pytest.mark.parametrize("name,text,expected,lines", PAYMENT_ATTACKS, ids=[p[0] for p in PAYMENT_ATTACKS])
def test_a_hostile_payments_file_names_its_lines(name: str, text: str, expected: int, lines: list[str],
                                                 tmp_path: Path) -> None:
    case, paid = tmp_path / "case.json", tmp_path / "paid.csv"
    case.write_text(to_json(COMMANDS["build"][0]))
    paid.write_text(text, encoding="utf-8")
    code, _, err = run(["status", str(case), "--payments", str(paid)])
    check_clean(code, err, expected, one_line=False)
    assert [line.split(": ")[2] for line in err.splitlines()] == lines, err[:500]
