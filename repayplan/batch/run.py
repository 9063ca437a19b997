"""Run a case list through :func:`~repayplan.batch.summarise`, chunk by chunk.

Good rows are written as they are computed; bad rows go to an errors file
(line, case_id, problem), never stopping the others. Files are written under
a temporary name and renamed at the end (:func:`repayplan.report.files.atomic_write`),
so a run that fails midway leaves no half-written output, and an existing file
is never overwritten without ``force``.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, RepayplanError
from ..report.files import atomic_write
from .arrears import ARREARS_COLUMNS
from .io import ERROR_COLUMNS, CaseSource, CsvBlock, SummaryWriter, cells_of, error_rows, format_for, headers, render
from .parallel import map_chunks
from .scenario import SCENARIO_COLUMNS
from .summary import SUMMARY_COLUMNS, summarise

#: How many problems a run to stdout shows on stderr before it only counts them.
SHOWN_PROBLEMS = 20


@dataclass(frozen=True)
class BatchReport:
    """What a run did: cases written, rows failed, where things went."""

    cases: int
    failed: int
    problems: int
    output: str
    errors: str | None
    exact: int = 0  # cases computed by the single-case engine (too large for int64)
    warnings: list[str] = field(default_factory=list)
    shown: list[tuple[Any, str, str]] = field(default_factory=list)  # the first problems, for stderr


def default_errors_path(output: str) -> str:
    """Where the errors go beside an output file: cases.csv → cases.errors.csv.

    >>> default_errors_path("out/summary.xlsx")
    'out/summary.errors.csv'
    """
    path = Path(output)
    return str(path.with_name(f"{path.stem}.errors.csv"))


def run_batch(source: str | Path | IO[str], output: str | None = None, fmt: str | None = None,
              errors: str | None = None, force: bool = False, chunk_size: int = 50_000, lang: str = "en",
              stdout: IO[str] | None = None, progress: Callable[[int, int], None] | None = None,
              scenario: Any = None, arrears: Any = None, workers: int = 1) -> BatchReport:
    """Summaries of every case in ``source`` to ``output`` (None: ``stdout``).

    ``progress(done, total)`` is called after each chunk (bytes of a CSV,
    rows of a Parquet file). Errors go to ``errors``, by default
    ``OUTPUT.errors.csv`` beside a file output; with stdout and no ``errors``
    they are only counted and the first few kept in the report. A
    ``scenario`` (:func:`~repayplan.batch.scenario.parse_scenario`) adds the
    restructured plan's figures to every case, ``arrears``
    (:class:`~repayplan.batch.arrears.Arrears`) its arrears statement.
    Chunks are computed on ``workers`` processes
    (:func:`~repayplan.batch.parallel.map_chunks`) and written in input order.
    """
    fmt = format_for(output, fmt)
    if output is None and fmt == "xlsx":
        raise InputError("--format xlsx: an XLSX workbook cannot go to the terminal; give --output FILE.xlsx")
    if chunk_size < 1:
        raise InputError(f"--chunk-size: must be 1 or more, got {chunk_size}")
    errors = errors or (default_errors_path(output) if output else None)
    for target in (output, errors):
        if target and Path(target).exists() and not force:
            raise RepayplanError(f"{target} already exists; pass --force to overwrite it")
    if output and errors and Path(output).resolve() == Path(errors).resolve():
        raise InputError(f"--errors: {errors} is the output file; give another name")
    cases = CaseSource(source, chunk_size)
    columns = (SUMMARY_COLUMNS + (ARREARS_COLUMNS if arrears is not None else ())
               + (SCENARIO_COLUMNS if scenario is not None else ()))
    spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    counts = {"cases": 0, "failed": 0, "problems": 0, "exact": 0}
    shown: list[tuple[Any, str, str]] = []

    def stream_to(target: IO[str] | Path) -> None:
        writer = SummaryWriter(fmt, target, lang, columns)
        spooled = csv.writer(spool, lineterminator="\n")
        for done in map_chunks(_summarise, cases.pieces(), workers, (scenario, arrears, fmt, columns)):
            writer.write(done.good)
            spooled.writerows(done.problems)
            if len(shown) < SHOWN_PROBLEMS:
                shown.extend(done.problems[:SHOWN_PROBLEMS - len(shown)])
            counts["cases"] += done.cases
            counts["failed"] += done.failed
            counts["problems"] += len(done.problems)
            counts["exact"] += done.exact
            if progress:
                progress(cases.done, cases.size)
        writer.close()

    try:
        if output is None:
            stream_to(stdout or sys.stdout)
        elif fmt == "xlsx":
            atomic_write(output, stream_to, force=True)
        else:
            atomic_write(output, lambda tmp: _text_file(tmp, stream_to), force=True)
        wrote_errors = _write_errors(spool, errors, counts["problems"], lang)
    finally:
        spool.close()
    return BatchReport(counts["cases"], counts["failed"], counts["problems"], output or "standard output",
                       errors if wrote_errors else None, counts["exact"], cases.warnings, shown)


@dataclass(frozen=True)
class Chunk:
    """One chunk computed: its good rows (rendered, except for XLSX), its problems, its counts."""

    good: Any
    problems: list[tuple[Any, str, str]]
    cases: int
    failed: int
    exact: int


def _summarise(chunk: CsvBlock | Any, context: tuple[Any, Any, str, tuple[str, ...]]) -> Chunk:
    """The kernel a worker runs: one chunk's summaries under the run's scenario and arrears,
    rendered for the output format (the writer only appends text)."""
    scenario, arrears, fmt, columns = context
    result = summarise(cells_of(chunk), scenario, arrears)
    bad = (result["problem"] != "").to_numpy()
    good = result[~bad]
    return Chunk(good if fmt == "xlsx" else render(fmt, good, columns), error_rows(result[bad]),
                 int((~bad).sum()), int(bad.sum()), int(result.attrs.get("exact", 0)))


def _text_file(path: Path, write: Callable[[IO[str]], None]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        write(handle)


def _write_errors(spool: IO[str], errors: str | None, problems: int, lang: str) -> bool:
    """Copy the spooled problems to the errors file. With none, an errors file
    of an earlier run (only there if --force was given) is removed: it would mislead."""
    if errors is None:
        return False
    if not problems:
        if Path(errors).is_file():
            Path(errors).unlink()
        return False
    spool.seek(0)

    def copy(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerow(headers(ERROR_COLUMNS, lang))
            for block in iter(lambda: spool.read(1 << 20), ""):
                handle.write(block)

    atomic_write(errors, copy, force=True)
    return True
