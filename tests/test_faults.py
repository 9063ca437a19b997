"""Files under faults: a killed run, a target taken meanwhile, a full disk, a read-only folder.

Nothing may be lost: no half-written file, no temporary file left behind by
a run that could clean up, no new output beside an old errors file, no file
of someone else's overwritten without --force.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from repayplan.cli import main
from repayplan.errors import RepayplanError
from repayplan.report import files
from repayplan.report.files import Staging, atomic_write, remove_stale

ROOT = Path(__file__).resolve().parent.parent
HEADER = "case_id,principal,rate,term,method,start\n"


def case_list(path: Path, rows: int, bad_every: int = 0) -> Path:
    lines = [HEADER]
    for i in range(rows):
        principal = "x" if bad_every and i % bad_every == 0 else str(1000 + i)
        lines.append(f"C{i},{principal},5%,12,annuity,2025-01-01\n")
    path.write_text("".join(lines))
    return path


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_sigterm_during_batch_removes_the_temporary_file(tmp_path: Path) -> None:
    cases = case_list(tmp_path / "cases.csv", 40_000)
    out = tmp_path / "out.csv"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "repayplan", "batch", str(cases), "-o", str(out),
                             "--chunk-size", "50"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not temporaries(tmp_path) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if proc.poll() is not None:
        pytest.skip("the run ended before it could be interrupted")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert temporaries(tmp_path) == [] and not out.exists()
    assert b"Traceback" not in err


def test_a_killed_runs_temporary_files_are_removed_by_the_next_run(tmp_path: Path) -> None:
    # SIGKILL cannot be caught: its temporary file stays, and the next run writing the target removes it
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    stale = tmp_path / f".out.csv.{dead}.k3x9.tmp"
    stale.write_text("half")
    live = tmp_path / f".out.csv.{os.getppid()}.a1b2.tmp"  # a run still going: kept
    live.write_text("being written")
    other = tmp_path / ".notes.txt.123.tmp"  # not ours
    other.write_text("x")
    cases = case_list(tmp_path / "cases.csv", 3)
    result = CliRunner().invoke(main, ["batch", str(cases), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.stderr
    assert not stale.exists() and live.exists() and other.exists()
    assert remove_stale(tmp_path / "out.csv") == []


def test_a_target_created_during_the_run_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"

    def write(tmp: Path) -> None:
        tmp.write_text("ours")
        target.write_text("someone else's")  # appears while we write

    with pytest.raises(RepayplanError, match="created by someone else while this run was writing"):
        atomic_write(target, write)
    assert target.read_text() == "someone else's" and temporaries(tmp_path) == []


def test_a_batch_output_created_during_the_run_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from repayplan.batch import writer as io

    out = tmp_path / "out.csv"
    close = io.SummaryWriter.close

    def close_and_race(self: Any) -> None:
        close(self)
        out.write_text("someone else's")

    monkeypatch.setattr(io.SummaryWriter, "close", close_and_race)
    cases = case_list(tmp_path / "cases.csv", 5, bad_every=2)
    result = CliRunner().invoke(main, ["batch", str(cases), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {out} was created by someone else while this run was writing; it is kept: "
                             "pass --force to overwrite it\n")
    assert out.read_text() == "someone else's"
    assert not (tmp_path / "out.errors.csv").exists() and temporaries(tmp_path) == []


def test_a_full_disk_leaves_the_previous_output_and_errors_file_together(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from repayplan.batch import run

    out, errors = tmp_path / "out.csv", tmp_path / "out.errors.csv"
    out.write_text("previous output")
    errors.write_text("previous errors")
    real_open = open

    def full(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode and Path(path).name.startswith(".out.errors.csv."):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(run, "open", full, raising=False)
    cases = case_list(tmp_path / "cases.csv", 6, bad_every=3)
    result = CliRunner().invoke(main, ["batch", str(cases), "-o", str(out), "--force"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {errors}: not written (No space left on device); nothing was left behind\n"
    # the new output was complete, but it is not moved in beside the old errors file
    assert out.read_text() == "previous output" and errors.read_text() == "previous errors"
    assert temporaries(tmp_path) == []


def test_a_read_only_folder_is_named_not_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".out.csv.1.x.tmp"))

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    cases = case_list(tmp_path / "cases.csv", 2)
    result = CliRunner().invoke(main, ["batch", str(cases), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'out.csv'}: not written (Permission denied in the folder "
                             f"{tmp_path.resolve()})\n")


def test_staged_files_are_discarded_when_the_second_fails(tmp_path: Path) -> None:
    def broken(tmp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp))

    with pytest.raises(RepayplanError, match="No space left"), Staging() as staged:
        staged.add(tmp_path / "a.txt", lambda tmp: tmp.write_text("a"))
        staged.add(tmp_path / "b.txt", broken)
        staged.commit()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("flag", ["-o", "--errors"])
def test_batch_refuses_to_write_over_its_input(tmp_path: Path, flag: str) -> None:
    cases = case_list(tmp_path / "cases.csv", 2)
    before = cases.read_text()
    args = ["batch", str(cases), flag, str(cases), "--force"] + (["-o", str(tmp_path / "o.csv")] if flag != "-o"
                                                                  else [])
    result = CliRunner().invoke(main, args)
    name = "--output" if flag == "-o" else "--errors"
    assert (result.exit_code, result.stderr) == (2, f"Error: {name}: {cases} is an input of this run; write to "
                                                    "another file\n")
    assert cases.read_text() == before


def test_batch_refuses_to_write_over_its_payments_file_by_another_path(tmp_path: Path) -> None:
    cases = case_list(tmp_path / "cases.csv", 2)
    paid = tmp_path / "paid.csv"
    paid.write_text("case_id,date,amount\nC0,2025-02-01,10\n")
    link = tmp_path / "link.csv"
    link.symlink_to(paid)
    result = CliRunner().invoke(main, ["batch", str(cases), "--payments", str(paid), "-o", str(link), "--force"])
    assert result.exit_code == 2 and "is an input of this run" in result.stderr
    assert paid.read_text().startswith("case_id")


def test_export_refuses_to_write_over_its_case(tmp_path: Path) -> None:
    case = tmp_path / "case.xlsx"  # an odd name for a case file, but an input all the same
    case.write_text('[loan]\nprincipal = 1000\nrate = "5%"\nterm = 2\nstart = 2025-01-01\n')
    result = CliRunner().invoke(main, ["export", str(case), "-o", str(case), "--force"])
    assert (result.exit_code, result.stderr) == (2, f"Error: --output: {case} is an input of this run; write to "
                                                    "another file\n")


def test_batch_into_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    cases = case_list(tmp_path / "cases.csv", 2)
    result = CliRunner().invoke(main, ["batch", str(cases), "-o", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (2, f"Error: output: {tmp_path} is a directory; give a file name\n")


def test_a_signal_while_the_case_list_is_scanned_is_not_hidden_by_the_map(tmp_path: Path) -> None:
    # SIGTERM's handler raises while arrays still view the mapped file: closing the map would raise
    # BufferError over the signal's exception, and the run would end "internal error", exit 1
    from unittest import mock

    from repayplan.batch import blocks

    cases = case_list(tmp_path / "cases.csv", 50)

    class Stop(BaseException):
        pass

    with mock.patch.object(blocks, "_one_record_a_line", side_effect=Stop), pytest.raises(Stop):
        blocks.line_ranges(cases, 1, 10)
