"""Chunks through the pure kernel on every core, results in input order.

:func:`map_chunks` runs ``kernel(chunk)`` for each chunk of an iterator in a
process pool and yields the results in the order the chunks came, keeping at
most ``2 × workers`` chunks in flight so memory stays bounded however long
the case list is. With one worker it runs in this process (no pool, no
pickling): the same function, the same results.

The kernel's fixed arguments (a scenario, a payment history) are sent to
each worker once, when it starts, not with every chunk.

>>> list(map_chunks(_double, iter([1, 2, 3]), workers=1, context=10))
[11, 12, 13]
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain
from typing import Any, TypeVar

from ..report.files import forget_temporaries, signals_held

T = TypeVar("T")
R = TypeVar("R")

_END: Any = object()

#: The kernel and its fixed arguments inside a worker, set once by :func:`_start`.
_WORKER: dict[str, Any] = {}


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def map_chunks(kernel: Callable[[T, Any], R], chunks: Iterator[T], workers: int = 1,
               context: Any = None) -> Iterator[R]:
    """``kernel(chunk, context)`` for every chunk, in order, on ``workers`` processes.

    A list of a single chunk is computed here: a pool would only add its start-up.
    """
    first = next(chunks, _END)
    second = next(chunks, _END) if workers > 1 and first is not _END else _END
    if second is _END:
        for chunk in chain([] if first is _END else [first], chunks):
            yield kernel(chunk, context)  # type: ignore[arg-type]
        return
    chunks = chain([first, second], chunks)  # type: ignore[list-item]
    pending: deque[Future[R]] = deque()
    with ProcessPoolExecutor(max_workers=workers, initializer=_start, initargs=(kernel, context)) as pool:
        try:
            for chunk in chunks:
                with signals_held():  # a worker may be forked here: a signal waits until the fork is done
                    pending.append(pool.submit(_run, chunk))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _start(kernel: Callable[..., Any], context: Any) -> None:
    """A worker's start: its kernel and context; the signals as a plain process has them (the temporary
    files it inherited belong to the run that forked it, which removes them)."""
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN if name == "SIGINT" else signal.SIG_DFL)
    forget_temporaries()
    _WORKER["kernel"], _WORKER["context"] = kernel, context


def _run(chunk: Any) -> Any:
    return _WORKER["kernel"](chunk, _WORKER["context"])


def _double(chunk: int, context: int) -> int:
    return chunk + context
