"""Writing files so that nothing is lost.

A file is written to a temporary name beside the target and renamed into
place, so a failure midway never leaves a partial file; an existing target is
refused unless ``force`` is given.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, RepayplanError


def check_target(target: str | Path, force: bool = False) -> Path:
    """Refuse an output path before any work is done: an existing file
    without ``force`` (exit 1, untouched), a directory, a missing folder."""
    target = Path(target)
    if target.exists() and target.is_dir():
        raise InputError(f"output: {target} is a directory; give a file name")
    if target.exists() and not force:
        raise RepayplanError(f"{target} already exists; pass --force to overwrite it")
    if not target.parent.is_dir():
        raise InputError(f"output: folder {target.parent} does not exist; create it or choose another path")
    return target


def atomic_write(target: str | Path, write: Callable[[Path], None], force: bool = False) -> Path:
    """Call ``write(tmp_path)`` then move the result onto ``target``.

    Refuses an existing target without ``force`` (RepayplanError, file untouched).
    """
    target = check_target(target, force)
    directory = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a new file gets the usual permissions
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
