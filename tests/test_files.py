"""atomic_write: nothing lost, nothing overwritten unasked, usual permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from repayplan.errors import InputError
from repayplan.report.files import atomic_write


def test_new_file_gets_the_umask_permissions_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = atomic_write(tmp_path / "out.txt", lambda p: p.write_text("x"))
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # 0666 & ~022


def test_refuses_to_overwrite_and_leaves_the_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("before")
    with pytest.raises(InputError, match=r"already exists; pass --force to overwrite it"):
        atomic_write(target, lambda p: p.write_text("after"))
    assert target.read_text() == "before"
    atomic_write(target, lambda p: p.write_text("after"), force=True)
    assert target.read_text() == "after"


def test_failure_midway_leaves_no_partial_file(tmp_path: Path) -> None:
    def half_then_fail(path: Path) -> None:
        path.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(tmp_path / "out.txt", half_then_fail)
    assert list(tmp_path.iterdir()) == []
