"""Hypothesis fuzzing of case files, for every command that reads one.

Each command's valid case (tests/hostile.py) gets up to three places changed
to any JSON value (strategies.mutated_cases). Whatever the value, the run
ends in bounded time with exit 0, 1 or 2, and a failure is said in clean
lines: never "internal error", never a traceback. In CI the examples are
derandomized (tests/conftest.py), so a landing never fails on a new draw.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .hostile import BEFORE, COMMANDS, to_json
from .strategies import mutated_cases
from .test_hostile import LONGEST_LINE, run


def _check(command: str, doc: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / "case.json"
        case.write_text(to_json(doc), encoding="utf-8")
        args = [a.replace("{out}", str(Path(folder) / "out")) for a in COMMANDS[command][1]]
        code, _, err = run([command, *BEFORE.get(command, []), str(case), *args])
    assert code in (0, 1, 2), err
    assert "internal error" not in err and "Traceback" not in err, err
    assert all(len(line) <= LONGEST_LINE for line in err.splitlines())
    if code:
        assert err.startswith("Error: "), err


def _fuzz(command: str) -> Any:
    @settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")), deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(mutated_cases(COMMANDS[command][0]))
    def fuzz(doc: dict[str, Any]) -> None:
        _check(command, doc)

    return fuzz


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_any_case_file_ends_cleanly(command: str) -> None:
    _fuzz(command)()


GOOD_ROW = "GOOD{},1000,5%,12,annuity,2025-01-01"
HEADER = "case_id,principal,rate,term,method,start"
garbage = st.text(st.characters(blacklist_characters="\r\n\x00", blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.just(None), garbage), min_size=1, max_size=12), st.booleans())
def test_any_case_list_keeps_every_good_row(lines: list[str | None], quotes: bool) -> None:
    """Good rows between arbitrary lines. Without quotes in the other lines every good row is written; with
    them (a quote may legitimately join lines into one record) the run still ends cleanly."""
    body = [GOOD_ROW.format(i) if line is None else (line if quotes else line.replace('"', "'"))
            for i, line in enumerate(lines)]
    with tempfile.TemporaryDirectory() as folder:
        cases, out = Path(folder) / "cases.csv", Path(folder) / "out.csv"
        cases.write_text("\n".join([HEADER, *body]) + "\n", encoding="utf-8")
        code, _, err = run(["batch", str(cases), "-o", str(out)])
        assert code in (0, 1), err
        assert "internal error" not in err and "Traceback" not in err
        written = out.read_text(encoding="utf-8") if out.exists() else ""
    if not quotes:
        for i, line in enumerate(lines):
            if line is None:
                assert f"\nGOOD{i},CNY,1000.00," in written
