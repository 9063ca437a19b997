"""Recalculate workbooks with a real spreadsheet engine: LibreOffice headless.

openpyxl writes formulas without cached values; ``soffice --convert-to xlsx``
opens a workbook, recalculates every formula and saves the results, which
``openpyxl.load_workbook(..., data_only=True)`` then reads. Start-up costs
seconds, so convert several files in one call.

Without soffice a test skips, saying why, except in CI (the environment
variable CI set, as ``.ci/run`` and CI services do), where a missing
soffice fails: CI must never skip a recalculation silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

SOFFICE_NAMES = ("soffice", "libreoffice")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def soffice() -> str:
    """The soffice executable; skip the test without it (fail in CI)."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    message = ("LibreOffice (soffice) is not installed, so formulas cannot be recalculated; "
               "install libreoffice-calc-nogui (apt) to run this test")
    if in_ci():
        pytest.fail(f"CI is set and {message}")
    pytest.skip(message)


def recalculate(files: Sequence[Path], outdir: Path, jobs: int = 2, timeout: float = 300) -> list[Path]:
    """Recalculate files with LibreOffice, several files a run and `jobs`
    runs side by side (each with its own profile); return the recalculated
    copies (same names, in ``outdir``), in the order given."""
    exe = soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    ordered = sorted(files, key=lambda p: Path(p).stat().st_size, reverse=True)
    batches = [ordered[i::jobs] for i in range(jobs) if ordered[i::jobs]]
    with tempfile.TemporaryDirectory(prefix="repayplan-lo-") as home:
        runs = []
        for n, batch in enumerate(batches):
            profile = Path(home, f"profile{n}").as_uri()
            env = {**os.environ, "HOME": str(Path(home, f"home{n}"))}
            command = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--calc",
                       "--convert-to", "xlsx", "--outdir", str(outdir), *map(str, batch)]
            runs.append(subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         text=True))
        errors = [run.communicate(timeout=timeout)[1] for run in runs]
    out = [outdir / Path(f).name for f in files]
    missing = [p.name for p in out if not p.exists()]
    if missing:
        raise AssertionError(f"LibreOffice did not convert {missing}:\n" + "\n".join(errors))
    return out
