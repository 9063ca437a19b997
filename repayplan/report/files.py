"""Writing files so that nothing is lost.

Each file is written to a temporary name beside its target
(``.NAME.PID.RANDOM.tmp``) and moved into place only when every file of the
run is complete (:class:`Staging`), so a failure midway (an error, a full
disk, SIGTERM or SIGHUP) never leaves a partial file or a new output beside
an old errors file. An existing target is refused unless ``force`` is given,
checked before any work and again at the moment of moving (a hard link,
which fails if the name was taken meanwhile). Temporary files of a run that
was killed outright (SIGKILL) are removed by the next run writing the same
target. An output that is one of the run's inputs is refused.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> atomic_write(folder / "a.txt", lambda tmp: tmp.write_text("one")).read_text()
'one'
>>> atomic_write(folder / "a.txt", lambda tmp: tmp.write_text("two"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
repayplan.errors.InputError: ... already exists; pass --force to overwrite it
>>> sorted(p.name for p in folder.iterdir())
['a.txt']
"""

from __future__ import annotations

import os
import re
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import InputError, Problem, RepayplanError, bad
from ..text import msg

#: Temporary files being written by this process; removed on SIGTERM/SIGHUP.
_LIVE: set[Path] = set()
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def check_target(target: str | Path, force: bool = False) -> Path:
    """Refuse an output path before any work is done: an existing file
    without ``force`` (exit 2, untouched), a directory, a missing folder."""
    target = Path(target)
    if target.is_dir():
        raise bad(msg("err.place_output"), "err.target_is_directory", target=target)
    if target.exists() and not force:
        raise exists_error(target)
    if not target.parent.is_dir():
        raise bad(msg("err.place_output"), "err.target_no_folder", folder=target.parent)
    return target


def exists_error(target: str | Path) -> InputError:
    """An existing file the run would overwrite without --force: the user's input to fix (exit 2), one line
    naming the file and the fix, in the user's language.

    >>> str(exists_error("case.xlsx"))
    'case.xlsx already exists; pass --force to overwrite it'
    """
    return InputError(msg("file.exists", target=str(target)))


def refuse_inputs(target: str | Path | None, flag: str, inputs: Iterable[str | Path | None]) -> None:
    """An output that is one of the inputs (the same file, by any path or
    link) is refused: writing it would destroy what is being read (exit 2).

    >>> refuse_inputs("cases.csv", "--output", ["./cases.csv"])
    Traceback (most recent call last):
    ...
    repayplan.errors.InputError: --output: cases.csv is an input of this run; write to another file
    """
    if target is None:
        return
    for source in inputs:
        if source is not None and not hasattr(source, "read") and _same(Path(target), Path(source)):
            raise bad(flag, "err.target_is_input", target=target)


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


class Staging:
    """Files written under temporary names, then moved into place together.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with Staging() as files:
    ...     _ = files.add(folder / "out.csv", lambda tmp: tmp.write_text("a"))
    ...     _ = files.add(folder / "out.errors.csv", lambda tmp: tmp.write_text("b"))
    ...     files.commit()
    >>> sorted(p.name for p in folder.iterdir())
    ['out.csv', 'out.errors.csv']
    """

    def __init__(self, force: bool = False) -> None:
        self.force = force
        self.staged: list[tuple[Path, Path]] = []  # (temporary, target)
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Staging:
        try:
            for signum in _SIGNALS:
                self._previous[signum] = signal.signal(signum, _on_signal)
        except ValueError:  # not the main thread: signals stay as they are
            pass
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.discard()
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def add(self, target: str | Path, write: Callable[[Path], object]) -> Path:
        """Write one file under a temporary name beside ``target``; it moves at :meth:`commit`."""
        target = check_target(target, self.force)
        remove_stale(target)
        try:
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise _failed(target, "err.not_written_in", reason=exc.strerror or exc,
                          folder=target.parent.resolve()) from None
        os.close(fd)
        tmp = Path(name)
        _LIVE.add(tmp)
        self.staged.append((tmp, target))
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a new file gets the usual permissions
        try:
            write(tmp)
        except OSError as exc:  # a full disk, a quota ...: said of the target, never of the temporary name
            if exc.filename is None or Path(exc.filename) == tmp:
                raise _failed(target, "err.not_written", reason=exc.strerror or exc) from None
            raise
        return target

    def commit(self) -> None:
        """Move every staged file into place: first check that none was taken
        meanwhile (without force), then move each."""
        if not self.force:
            for _, target in self.staged:
                if target.exists():
                    raise RepayplanError(Problem(path="", message=msg("err.created_meanwhile", target=target)))
        for tmp, target in self.staged:
            _place(tmp, target, self.force)
            _LIVE.discard(tmp)
        self.staged = []

    def discard(self) -> None:
        """Remove every temporary file not moved into place."""
        for tmp, _ in self.staged:
            tmp.unlink(missing_ok=True)
            _LIVE.discard(tmp)
        self.staged = []


def _failed(target: Path, key: str, **args: object) -> RepayplanError:
    """A file that could not be written (exit 1), said of the target."""
    return RepayplanError(Problem(path="", message=msg(key, **args), file=str(target)))


def atomic_write(target: str | Path, write: Callable[[Path], object], force: bool = False) -> Path:
    """Call ``write(tmp_path)`` then move the result onto ``target``.

    Refuses an existing target without ``force`` (RepayplanError, file untouched).
    """
    with Staging(force) as files:
        placed = files.add(target, write)
        files.commit()
    return placed


def _place(tmp: Path, target: Path, force: bool) -> None:
    """Move ``tmp`` onto ``target``; without force, only if the name is still free."""
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails if the target exists: never an overwrite without --force
    except FileExistsError:
        raise RepayplanError(Problem(path="", message=msg("err.created_meanwhile", target=target))) from None
    except OSError:  # a file system without hard links: the check of commit() stands
        os.replace(tmp, target)
        return
    tmp.unlink()


def remove_stale(target: Path) -> list[Path]:
    """Remove temporary files of ``target`` left by runs of this program that
    were killed (their process is gone); those of a live run are kept."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[^.]+\.tmp")
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match and not _alive(int(match.group(1))):
            path = target.parent / name
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


_HOLD = {"depth": 0, "signal": 0}


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGTERM/SIGHUP wait while the block runs (forking a worker, say: cleaning up half-way through it
    would leave the process pool half-made); one that came is acted on when the block ends."""
    _HOLD["depth"] += 1
    try:
        yield
    finally:
        _HOLD["depth"] -= 1
        if not _HOLD["depth"] and _HOLD["signal"]:
            signum, _HOLD["signal"] = _HOLD["signal"], 0
            _on_signal(signum, None)


def forget_temporaries() -> None:
    """In a worker process forked from a run: the run's temporary files are not this process's to remove."""
    _LIVE.clear()


def _on_signal(signum: int, frame: Any) -> None:
    """SIGTERM/SIGHUP while writing: remove the temporary files, then end as the signal asks."""
    if _HOLD["depth"]:
        _HOLD["signal"] = signum
        return
    for tmp in list(_LIVE):
        tmp.unlink(missing_ok=True)
    _LIVE.clear()
    raise SystemExit(128 + signum)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
