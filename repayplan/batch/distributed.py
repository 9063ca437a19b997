"""A case list larger than one machine: the same kernel under Dask.

:func:`run_dask` cuts the input into pieces (CSV files into blocks of whole
lines, Parquet files into row groups), reads each piece on a Dask worker
with the same reader as the single-machine path, runs
:func:`~repayplan.batch.summary.summarise` on it under
``dask.dataframe.map_partitions`` and writes the good rows as a folder of
Parquet partitions (or one CSV file), the bad ones as an errors CSV with the
file and line each came from. The kernel is the one ``repayplan batch``
runs on one machine, so the rows are the same, value for value.

Dask is an optional extra (``pip install 'repayplan[dask]'``); this module
imports it only when a run asks for it.

Line numbers: a CSV piece starts on a line boundary and knows the number of
its first line, counted in the file by the client before the run (one pass
of C-speed byte counting). A quoted cell holding a line break must not
straddle two pieces: such a list is read as one piece per file
(``blocksize=0``), or given as Parquet.
"""

from __future__ import annotations

import glob as globbing
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError, RepayplanError
from ..report.files import exists_error
from .cases import COLUMNS
from .io import CaseSource, _text
from .summary import summarise
from .writer import render

#: CSV bytes a piece holds (a Dask partition): about 640,000 cases.
BLOCKSIZE = 64 * 2**20
INSTALL = "--dask needs the optional extra: pip install 'repayplan[dask]' (dask[dataframe] and distributed)"


@dataclass(frozen=True)
class Piece:
    """A part of one input file that one task reads: bytes [start, end) of a CSV
    whose first line there is ``first_line``, or one row group of a Parquet file
    whose first row there is ``first_line``."""

    path: str
    start: int
    end: int
    first_line: int
    row_group: int = -1


@dataclass(frozen=True)
class DaskReport:
    """What a distributed run wrote."""

    cases: int
    failed: int
    output: str
    errors: str | None


def input_files(spec: str) -> list[Path]:
    """The files a spec names: a file, a glob, or a folder of Parquet partitions.

    >>> input_files("no/such/*.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    repayplan.errors.InputError: cases: no file matches 'no/such/*.csv'; give a .csv or .parquet file, ...
    """
    path = Path(spec)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".parquet", ".pq") and p.is_file())
    elif any(ch in spec for ch in "*?["):
        found = sorted(Path(p) for p in globbing.glob(spec, recursive=True) if Path(p).is_file())
    else:
        found = [path] if path.is_file() else []
    if not found:
        raise InputError(f"cases: no file matches {spec[:60]!r}; give a .csv or .parquet file, a glob or a folder")
    return found


def pieces(files: list[Path], blocksize: int = BLOCKSIZE) -> list[Piece]:
    """Every file cut into pieces with the number of each piece's first line (or row).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "c.csv"
    >>> _ = f.write_text("case_id,x\\nA,1\\nB,2\\nC,3\\n")
    >>> [(p.start, p.end, p.first_line) for p in pieces([f], blocksize=12)]
    [(0, 14, 1), (14, 22, 3)]
    """
    out: list[Piece] = []
    for path in files:
        if path.suffix.lower() in (".parquet", ".pq"):
            out.extend(_row_groups(path))
        else:
            out.extend(_blocks(path, blocksize))
    return out


def _blocks(path: Path, blocksize: int) -> list[Piece]:
    size = path.stat().st_size
    if blocksize <= 0 or size <= blocksize:
        return [Piece(str(path), 0, size, 1)]
    result, start, line = [], 0, 1
    with open(path, "rb") as handle:
        while start < size:
            handle.seek(start + blocksize)
            handle.readline()  # to the end of the line the block boundary falls in
            end = min(handle.tell(), size)
            handle.seek(start)
            newlines = handle.read(end - start).count(b"\n")
            result.append(Piece(str(path), start, end, line))
            start, line = end, line + newlines
    return result


def _row_groups(path: Path) -> list[Piece]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds
        raise InputError(f"{path}: not a readable Parquet file ({str(exc)[:60]})") from None
    result, row = [], 1
    for group in range(meta.num_row_groups):
        result.append(Piece(str(path), 0, 0, row, group))
        row += meta.row_group(group).num_rows
    return result


def read_piece(piece: Piece) -> pd.DataFrame:
    """The text cells of one piece, with ``file`` and ``line`` columns, as the single-machine reader gives them."""
    if piece.row_group >= 0:
        import pyarrow.parquet as pq

        table = pq.ParquetFile(piece.path).read_row_group(piece.row_group).to_pandas()
        table.columns = [str(c).strip().lower() for c in table.columns]
        chunk = pd.DataFrame({c: _text(table[c]) for c in table.columns}, dtype=object)
        chunk["line"] = range(piece.first_line, piece.first_line + len(chunk))
    else:
        with open(piece.path, "rb") as handle:
            header = handle.readline()
            handle.seek(piece.start)
            body = handle.read(piece.end - piece.start)
        text = (body if piece.start == 0 else header + body).decode("utf-8-sig")
        frames = list(CaseSource(StringIO(text), chunk_size=1 << 62).chunks())
        chunk = frames[0] if frames else _empty()
        shift = 0 if piece.start == 0 else piece.first_line - 2  # the header we put back is line 1
        chunk["line"] = chunk["line"] + shift
    chunk["file"] = piece.path
    return _conform(chunk)


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series([], dtype=object) for c in COLUMNS})
    frame["line"] = pd.Series([], dtype="int64")
    return frame


def _conform(chunk: pd.DataFrame) -> pd.DataFrame:
    """Every piece with the same columns in the same order (a missing optional column is empty)."""
    for name in COLUMNS:
        if name not in chunk.columns:
            chunk[name] = ""
    extra = [c for c in chunk.columns if c not in COLUMNS and c not in ("line", "file")]
    return chunk[[*COLUMNS, *extra, "line", "file"]].astype({"line": "int64"})


def kernel(chunk: pd.DataFrame, scenario: Any = None, arrears: Any = None) -> pd.DataFrame:
    """:func:`summarise` on one partition, the input file of every row kept for the errors."""
    result = summarise(chunk.drop(columns=["file"]), scenario, arrears)
    result.insert(0, "file", chunk["file"].to_numpy())
    return typed(result)


#: Output columns that hold whole numbers; every other is exact text.
COUNTS = ("term", "periods", "line")


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns as Parquet should hold them: counts as integers (empty: null), amounts and dates as text.

    >>> [str(t) for t in typed(pd.DataFrame({"term": [360, None], "installment": ["5307.27", ""]})).dtypes]
    ['Int64', 'string']
    """
    kinds = {c: "Int64" if c in COUNTS or c.endswith(("_payments", "_days_past_due")) else "string"
             for c in frame.columns}
    return frame.astype(kinds)


def connect(address: str) -> Any:
    """A Dask client: ``local`` or ``local:N`` starts a cluster of N processes on this
    machine (default: every core); ``tcp://HOST:PORT`` joins a running scheduler."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError(INSTALL) from None
    if address == "local" or address.startswith("local:"):
        count = address.partition(":")[2]
        if count and not (count.isdigit() and 0 < int(count) <= 512):
            raise InputError(f"--dask: {address[:60]!r}: write local or local:N with N workers, e.g. local:4")
        workers = int(count) if count else (os.cpu_count() or 1)
        try:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                                   scheduler_kwargs={"dashboard": False})
        except (OSError, RuntimeError) as exc:
            raise RepayplanError(f"--dask: cannot start a local cluster: {str(exc)[:80]}") from None
        return Client(cluster)
    if not address.startswith(("tcp://", "tls://")):
        raise InputError(f"--dask: {address[:60]!r} is not a scheduler; write local, local:N or tcp://HOST:PORT")
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise RepayplanError(f"--dask: cannot reach the scheduler at {address[:60]}: {str(exc)[:80]}") from None


def run_dask(spec: str, output: str, client: Any = None, fmt: str = "parquet", errors: str | None = None,
             force: bool = False, scenario: Any = None, arrears: Any = None, blocksize: int = BLOCKSIZE,
             progress: Callable[[Any], None] | None = None) -> DaskReport:
    """Summaries of every case the spec names, computed on a Dask cluster.

    ``output`` is a folder of Parquet partitions (``fmt="parquet"``) or one
    CSV file (``fmt="csv"``); bad rows go to ``errors`` (default
    ``OUTPUT.errors.csv`` beside it, so the folder holds only partitions)
    with their file and line. Everything is written beside its target and
    renamed into place at the end; nothing is overwritten without ``force``.
    """
    try:
        import dask
        import dask.dataframe as dd
    except ImportError:
        raise InputError(INSTALL) from None
    files = input_files(spec)
    target = Path(output)
    errors_path = Path(errors) if errors else target.with_name(f"{target.stem}.errors.csv")
    inputs = {f.resolve() for f in files}
    for path in (target, errors_path):
        if path.resolve() in inputs:
            raise InputError(f"--output: {path} is one of the inputs; give another name")
    if target.exists() and not force:
        raise exists_error(target)
    parts = pieces(files, blocksize)
    meta_chunk = _conform(_empty().assign(file=pd.Series([], dtype=object)))
    work = tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent if str(target.parent) else ".")
    try:
        staged = Path(work) / "parts"
        staged.mkdir()
        cases = dd.from_map(read_piece, parts, meta=meta_chunk, enforce_metadata=False)
        written = cases.map_partitions(write_partition, str(staged), fmt, scenario, arrears, meta=_BAD,
                                       enforce_metadata=False)
        if client is not None and progress is not None:
            future = client.compute(written)
            progress(future)
            problems = future.result()
        else:  # a Client, once made, is the default scheduler
            (problems,) = dask.compute(written)
        total = int(problems["rows"].sum())
        rows = _error_rows(problems[problems["line"] >= 0])
        if fmt == "csv":
            _concatenate(sorted(staged.iterdir()), staged.with_suffix(".csv"))
            staged = staged.with_suffix(".csv")
        if target.exists():
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        os.replace(staged, target)
        if rows:
            errors_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = errors_path.with_name(f".{errors_path.name}.tmp")
            pd.DataFrame(rows, columns=["file", "line", "case_id", "problem"]).to_csv(tmp, index=False)
            os.replace(tmp, errors_path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    failed = len({(f, line) for f, line, _, _ in rows})
    return DaskReport(total - failed, failed, str(target), str(errors_path) if rows else None)


#: What a partition task returns: its bad rows, and one row (line -1) counting the rows it read.
_BAD = pd.DataFrame({"file": pd.Series([], dtype=object), "line": pd.Series([], dtype="int64"),
                     "case_id": pd.Series([], dtype=object), "problem": pd.Series([], dtype=object),
                     "rows": pd.Series([], dtype="int64")})


def write_partition(chunk: pd.DataFrame, folder: str, fmt: str, scenario: Any, arrears: Any,
                    partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    """The task of one partition: summarise it, write its good rows as its own part file
    (Parquet, or CSV with the header in part 0 only), return its bad rows and its row count."""
    result = kernel(chunk, scenario, arrears)
    number = (partition_info or {}).get("number", 0)
    bad = result["problem"] != ""
    good = result[~bad].drop(columns=["problem", "file", "line"])
    if fmt == "csv":  # as the single-machine writer renders it: input text never a formula
        header = ",".join(good.columns) + "\n" if number == 0 else ""
        text = render("csv", good.astype(object).where(good.notna(), None), tuple(good.columns)).text
        (Path(folder) / f"part.{number:06d}.csv").write_text(header + text, encoding="utf-8")
    else:
        good.to_parquet(Path(folder) / _part(number), index=False)
    problems = result[bad][["file", "line", "case_id", "problem"]].astype(object)
    tally = pd.DataFrame({"file": [""], "line": [-1], "case_id": [""], "problem": [""], "rows": [len(result)]})
    return pd.concat([problems.assign(rows=0), tally], ignore_index=True).astype({"line": "int64", "rows": "int64"})


def _concatenate(parts: list[Path], target: Path) -> None:
    """Part CSVs, in order, into one file (the header is in part 0)."""
    with open(target, "wb") as out:
        for part in parts:
            with open(part, "rb") as handle:
                shutil.copyfileobj(handle, out)


def _part(index: int) -> str:
    """Partition file names that sort in input order by name too (part.000010 after part.000009)."""
    return f"part.{index:06d}.parquet"


def _error_rows(frame: pd.DataFrame) -> list[tuple[str, int, str, str]]:
    """One row per problem (a bad row may have several), in file and line order."""
    frame = frame.sort_values(["file", "line"], kind="stable")
    return [(f, int(line), case_id, text) for f, line, case_id, problems
            in zip(frame["file"], frame["line"], frame["case_id"], frame["problem"], strict=True)
            for text in str(problems).splitlines()]
