"""Run a case list through :func:`~repayplan.batch.summarise`, chunk by chunk.

Good rows are written as they are computed; bad rows go to an errors file
(line, case_id, problem), never stopping the others. Files are written under
temporary names and both moved into place at the end
(:class:`repayplan.report.files.Staging`), so a run that fails midway leaves
no half-written output and no new output beside an old errors file, and an
existing file is never overwritten without ``force``.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np

from ..errors import InputError, bad, split_lines
from ..report.files import Staging, check_target, refuse_inputs
from ..report.render import csv_cell
from ..text import say
from .arrears import ARREARS_COLUMNS
from .blocks import CsvBlock, CsvRange, cells_of
from .cases import SHAPE, read_cases
from .engine import compute
from .io import ERROR_COLUMNS, CaseSource, error_rows, format_for
from .parallel import map_chunks
from .scenario import SCENARIO_COLUMNS
from .summary import SUMMARY_COLUMNS, figures, summarise
from .writer import SummaryWriter, headers, render, render_columns

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
    scenario_exact: int = 0  # cases whose --scenario went the exact way, one by one (not vectorised)
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
        raise bad("--format xlsx", "err.xlsx_to_terminal")
    if chunk_size < 1:
        raise bad("--chunk-size", "err.at_least_one", value=chunk_size)
    errors = errors or (default_errors_path(output) if output else None)
    inputs = [] if hasattr(source, "read") else [source]
    refuse_inputs(output, "--output", inputs)  # type: ignore[arg-type]
    refuse_inputs(errors, "--errors", inputs)  # type: ignore[arg-type]
    for target in (output, errors):
        if target:
            check_target(target, force)
    if output and errors and Path(output).resolve() == Path(errors).resolve():
        raise bad("--errors", "err.errors_is_output", target=errors)
    cases = CaseSource(source, chunk_size)
    columns = (SUMMARY_COLUMNS + (ARREARS_COLUMNS if arrears is not None else ())
               + (SCENARIO_COLUMNS if scenario is not None else ()))
    spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    counts = {"cases": 0, "failed": 0, "problems": 0, "exact": 0, "scenario_exact": 0}
    shown: list[tuple[Any, str, str]] = []

    def stream_to(target: IO[str] | Path) -> None:
        writer = SummaryWriter(fmt, target, lang, columns)
        spooled = csv.writer(spool, lineterminator="\n")
        for done in map_chunks(_summarise, cases.pieces(), workers, (scenario, arrears, fmt, columns)):
            writer.write(done.good)
            spooled.writerows((line, csv_cell(case_id), csv_cell(say(text, lang)))
                            for line, case_id, text in done.problems)
            if len(shown) < SHOWN_PROBLEMS:
                shown.extend(done.problems[:SHOWN_PROBLEMS - len(shown)])
            counts["cases"] += done.cases
            counts["failed"] += done.failed
            counts["problems"] += len(done.problems)
            counts["exact"] += done.exact
            counts["scenario_exact"] += done.scenario_exact
            if progress:
                progress(cases.done, cases.size)
        writer.close()

    try:
        with Staging(force) as files:  # the output and the errors file are moved into place together
            if output is None:
                stream_to(stdout or sys.stdout)
            elif fmt == "xlsx":
                files.add(output, stream_to)
            else:
                files.add(output, lambda tmp: _text_file(tmp, stream_to))
            wrote_errors = _write_errors(files, spool, errors, counts["problems"], lang)
            files.commit()
        if errors is not None and not wrote_errors and Path(errors).is_file():
            Path(errors).unlink()  # an earlier run's (only there with --force): it would mislead
    finally:
        spool.close()
    return BatchReport(counts["cases"], counts["failed"], counts["problems"], output or "standard output",
                       errors if wrote_errors else None, counts["exact"], counts["scenario_exact"], cases.warnings,
                       shown)


def summarise_rows(chunk: Any, scenario: Any = None, arrears: Any = None) -> Any:
    """:func:`summarise`, where a row whose figures cannot be computed (an
    arithmetic failure the checks did not foresee) fails alone: the chunk is
    halved until that row is found, and it gets a problem; no good row is lost.

    >>> import pandas as pd
    >>> from unittest import mock
    >>> chunk = pd.DataFrame({"case_id": ["A", "B"], "principal": ["100", "200"], "rate": ["5%"] * 2,
    ...                       "term": ["2"] * 2, "method": ["annuity"] * 2, "start": ["2025-01-01"] * 2})
    >>> real = summarise
    >>> def flaky(part, *args):  # as if row B broke the arithmetic
    ...     if (part["principal"] == "200").any() and (part.get(SHAPE, pd.Series([""])) == "").all():
    ...         raise ArithmeticError("boom")
    ...     return real(part, *args)
    >>> with mock.patch(f"{__name__}.summarise", flaky):
    ...     out = summarise_rows(chunk)
    >>> out["problem"].tolist()[0], out["problem"].tolist()[1][:52]
    ('', 'its figures cannot be computed (ArithmeticError); ch')
    """
    try:
        return summarise(chunk, scenario, arrears)
    except (InputError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - isolate the row, never lose the others
        if len(chunk) == 1:
            marked = chunk.copy()
            marked[SHAPE] = (f"its figures cannot be computed ({type(exc).__name__}); check its amounts, "
                             "rate and term")
            return summarise(marked, scenario, arrears)
        import pandas as pd

        half = len(chunk) // 2
        parts = [summarise_rows(chunk.iloc[:half], scenario, arrears),
                 summarise_rows(chunk.iloc[half:], scenario, arrears)]
        result = pd.concat(parts)
        for key in ("exact", "scenario_exact"):
            result.attrs[key] = sum(int(p.attrs.get(key, 0)) for p in parts)
        return result


@dataclass(frozen=True)
class Chunk:
    """One chunk computed: its good rows (rendered, except for XLSX), its problems, its counts."""

    good: Any
    problems: list[tuple[Any, str, str]]
    cases: int
    failed: int
    exact: int
    scenario_exact: int = 0


def _summarise(chunk: CsvBlock | CsvRange | Any, context: tuple[Any, Any, str, tuple[str, ...]]) -> Chunk:
    """The kernel a worker runs: one chunk's summaries under the run's scenario and arrears,
    rendered for the output format (the writer only appends text)."""
    scenario, arrears, fmt, columns = context
    cells = cells_of(chunk)
    if scenario is None and arrears is None and fmt == "csv" and columns == SUMMARY_COLUMNS:
        done = _plain_summaries(cells)
        if done is not None:
            return done
    result = summarise_rows(cells, scenario, arrears)
    bad = (result["problem"] != "").to_numpy()
    good = result[~bad]
    return Chunk(good if fmt == "xlsx" else render(fmt, good, columns), error_rows(result[bad]),
                 int((~bad).sum()), int(bad.sum()), int(result.attrs.get("exact", 0)),
                 int(result.attrs.get("scenario_exact", 0)))


def _plain_summaries(chunk: Any) -> Chunk | None:
    """The usual kernel's work without a frame of output cells: the good rows rendered straight from the
    computed columns (:func:`~repayplan.batch.writer.render_columns`), the bad rows' problems as
    :func:`~repayplan.batch.io.error_rows` gives them. None when anything fails: :func:`summarise_rows`
    then finds the row that broke."""
    try:
        cases, problems = read_cases(chunk)
        totals = compute(cases)
        problems[cases.index] = totals.problem
        keep = totals.problem == ""
        texts = figures(cases, totals)
        rendered = render_columns([cases.case_id[keep].tolist(),
                                   *(values[keep].astype(str).tolist() if key in ("term", "periods") else
                                     values[keep].tolist() for key, values in texts.items())])
        bad = np.flatnonzero(problems != "")
        lines = chunk["line"].to_numpy()[bad].tolist() if "line" in chunk.columns else [""] * len(bad)
        ids = chunk["case_id"].to_numpy(dtype=object)[bad] if "case_id" in chunk.columns else [""] * len(bad)
        failed = [(line, case_id.strip() if isinstance(case_id, str) else "", text)
                  for line, case_id, text in zip(lines, ids, problems[bad], strict=True)
                  for text in split_lines(text)]
    except (InputError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - the row-by-row path isolates it
        return None
    return Chunk(rendered, failed, int(keep.sum()), len(bad), int(totals.exact.sum()))


def _text_file(path: Path, write: Callable[[IO[str]], None]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        write(handle)


def _write_errors(files: Staging, spool: IO[str], errors: str | None, problems: int, lang: str) -> bool:
    """Stage the spooled problems as the errors file (False when there are none)."""
    if errors is None or not problems:
        return False
    spool.seek(0)

    def copy(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerow(headers(ERROR_COLUMNS, lang))
            for block in iter(lambda: spool.read(1 << 20), ""):
                handle.write(block)

    files.add(errors, copy)
    return True
