"""`repayplan batch` on every core and on Dask: the rows are the single-process path's, value for value."""

from __future__ import annotations

import builtins
import random
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from repayplan.batch.arrears import Arrears
from repayplan.batch.run import run_batch
from repayplan.batch.scenario import parse_scenario
from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HEADER = ["case_id", "principal", "rate", "term", "method", "start", "interest_basis", "penalty_rate"]


def book(path: Path, n: int, seed: int = 17, bad_every: int = 37) -> Path:
    """n loans of all methods, some rows bad (a rate of 'x', a negative principal), blank lines between."""
    rng = random.Random(seed)
    lines = [",".join(HEADER)]
    for i in range(n):
        start = date(2023, 1, 1) + timedelta(days=rng.randint(0, 700))
        principal = f"{rng.randint(1_000, 500_000)}.{rng.randint(0, 99):02d}"
        rate = f"{rng.randint(0, 2400) / 100}%"
        if bad_every and i % bad_every == 5:
            rate = "x"
        if bad_every and i % bad_every == 11:
            principal = "-5"
        method = rng.choice(["annuity", "equal-principal", "interest-only", "bullet"])
        lines.append(",".join([f"C{i:05d}", principal, rate, str(rng.choice([6, 12, 36, 60])), method,
                               start.isoformat(), rng.choice(["periodic", "daily"]), "0.05%/day"]))
        if i % 50 == 0:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def payments(path: Path, cases: Path) -> Path:
    frame = pd.read_csv(cases, dtype=str, keep_default_na=False)
    rows = ["case_id,date,amount"]
    for case_id, start in zip(frame["case_id"][::3], frame["start"][::3], strict=True):
        rows.append(f"{case_id},{date.fromisoformat(start) + timedelta(days=40)},100.00")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_every_core_writes_what_one_process_writes(tmp_path: Path, fmt: str) -> None:
    cases = book(tmp_path / "cases.csv", 600)
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}.{fmt}"
        report = run_batch(cases, str(out), fmt, force=True, chunk_size=64, workers=workers)
        errors = Path(report.errors or "")
        outputs.append((out.read_bytes(), errors.read_bytes(), report.cases, report.failed))
    assert outputs[0] == outputs[1]
    assert outputs[0][3] == 600 // 37 * 2 + 1  # rows 5 and 11 of every 37 (and 597's 5) are bad


def test_every_core_with_scenario_and_arrears(tmp_path: Path) -> None:
    cases = book(tmp_path / "cases.csv", 120)
    history = Arrears(_read_payments(payments(tmp_path / "paid.csv", cases)), date(2025, 6, 30))
    plan = parse_scenario("rate=0%; term=24", date(2025, 6, 30), None)
    one = run_batch(cases, str(tmp_path / "one.csv"), chunk_size=16, scenario=plan, arrears=history, workers=1)
    two = run_batch(cases, str(tmp_path / "two.csv"), chunk_size=16, scenario=plan, arrears=history, workers=2)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert (one.cases, one.failed) == (two.cases, two.failed)


def test_workers_flag_and_default(tmp_path: Path) -> None:
    cases = book(tmp_path / "cases.csv", 80, bad_every=0)
    result = CliRunner().invoke(main, ["batch", str(cases), "--workers", "2", "--chunk-size", "10"])
    assert result.exit_code == 0, result.output
    alone = CliRunner().invoke(main, ["batch", str(cases), "--workers", "1"])
    assert result.stdout == alone.stdout
    bad = CliRunner().invoke(main, ["batch", str(cases), "--workers", "0"])
    assert bad.exit_code == 2 and "--workers" in bad.stderr


def _read_payments(path: Path) -> Any:
    from repayplan.batch.arrears import read_payments_file

    return read_payments_file(path)


# -- Dask: an in-process LocalCluster, the same rows ---------------------------------------------------------------

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Any:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0",
                                    scheduler_kwargs={"dashboard": False})
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


def single(cases: Path, tmp_path: Path, **options: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The single-machine path's rows and errors, as text."""
    out = tmp_path / "single.csv"
    run_batch(cases, str(out), "csv", force=True, errors=str(tmp_path / "single.errors.csv"), **options)
    rows = pd.read_csv(out, dtype=str, keep_default_na=False)
    errors_file = tmp_path / "single.errors.csv"
    errors = pd.read_csv(errors_file, dtype=str, keep_default_na=False) if errors_file.exists() else pd.DataFrame()
    return rows, errors


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).where(frame.notna(), "").astype(str).reset_index(drop=True)


def test_dask_rows_equal_the_single_machine_rows(tmp_path: Path, client: Any) -> None:
    from repayplan.batch.distributed import run_dask

    cases = book(tmp_path / "cases.csv", 700)
    want, want_errors = single(cases, tmp_path)
    report = run_dask(str(cases), str(tmp_path / "out"), client, blocksize=4096)  # many pieces
    got = pd.read_parquet(tmp_path / "out")
    assert list(got.columns) == list(want.columns)
    assert as_text(got).equals(as_text(want))
    errors = pd.read_csv(report.errors, dtype=str, keep_default_na=False)
    assert set(errors["file"]) == {str(cases)}
    assert errors[["line", "case_id", "problem"]].equals(want_errors[["line", "case_id", "problem"]])
    assert (report.cases, report.failed) == (len(want), want_errors["line"].nunique())


def test_dask_with_scenario_and_arrears_as_one_csv(tmp_path: Path, client: Any) -> None:
    from repayplan.batch.arrears import read_payments_file
    from repayplan.batch.distributed import run_dask

    cases = book(tmp_path / "cases.csv", 90)
    history = Arrears(read_payments_file(payments(tmp_path / "paid.csv", cases)), date(2025, 6, 30))
    plan = parse_scenario("waive=penalty; term=24", date(2025, 6, 30), None)
    want, _ = single(cases, tmp_path, scenario=plan, arrears=history)
    run_dask(str(cases), str(tmp_path / "out.csv"), client, "csv", scenario=plan, arrears=history, blocksize=2048)
    got = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    assert as_text(got).equals(as_text(want))


def test_dask_reads_a_folder_of_parquet_partitions_and_a_glob(tmp_path: Path, client: Any) -> None:
    from repayplan.batch.distributed import run_dask

    cases = book(tmp_path / "cases.csv", 300, bad_every=0)
    frame = pd.read_csv(cases, dtype=str, keep_default_na=False)
    folder = tmp_path / "book"
    folder.mkdir()
    frame.iloc[:140].to_parquet(folder / "a.parquet", row_group_size=50, index=False)
    frame.iloc[140:].to_parquet(folder / "b.parquet", row_group_size=50, index=False)
    want, _ = single(cases, tmp_path)
    for spec in (str(folder), str(folder / "*.parquet")):
        out = tmp_path / "out"
        run_dask(spec, str(out), client, force=True)
        got = pd.read_parquet(out)
        assert as_text(got).equals(as_text(want.drop(columns=[]))), spec


def test_dask_errors_name_file_and_line_in_parquet(tmp_path: Path, client: Any) -> None:
    from repayplan.batch.distributed import run_dask

    frame = pd.DataFrame({"case_id": ["A", "B", "C"], "principal": ["100", "x", "300"], "rate": ["5%"] * 3,
                          "term": ["12"] * 3, "method": ["annuity"] * 3, "start": ["2025-01-01"] * 3})
    frame.to_parquet(tmp_path / "in.parquet", row_group_size=2, index=False)
    report = run_dask(str(tmp_path / "in.parquet"), str(tmp_path / "out"), client)
    errors = pd.read_csv(report.errors, dtype=str)
    assert errors[["line", "case_id"]].values.tolist() == [["2", "B"]]
    assert (report.cases, report.failed) == (2, 1)


def test_dask_never_overwrites_nor_writes_over_its_input(tmp_path: Path, client: Any) -> None:
    from repayplan.batch.distributed import run_dask
    from repayplan.errors import InputError

    cases = book(tmp_path / "cases.csv", 20)
    (tmp_path / "out").mkdir()
    with pytest.raises(InputError, match="already exists; pass --force"):
        run_dask(str(cases), str(tmp_path / "out"), client)
    with pytest.raises(InputError, match="is one of the inputs"):
        run_dask(str(cases), str(cases), client, "csv", force=True)
    assert cases.read_text(encoding="utf-8").startswith("case_id")


def test_dask_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = shutil.copy(EXAMPLES / "portfolio.csv", tmp_path / "portfolio.csv")
    result = CliRunner().invoke(main, ["batch", str(cases), "--dask", "local:1", "-o", str(tmp_path / "out"),
                                       "--no-progress"])
    assert result.exit_code == 0, result.output
    assert len(pd.read_parquet(tmp_path / "out")) == 12
    bad = CliRunner().invoke(main, ["batch", str(cases), "--dask", "udp://x", "-o", str(tmp_path / "o2")])
    assert bad.exit_code == 2 and bad.stderr.strip().endswith(
        "Error: --dask: 'udp://x' is not a scheduler; write local, local:N or tcp://HOST:PORT")
    no_out = CliRunner().invoke(main, ["batch", str(cases), "--dask", "local:1"])
    assert no_out.exit_code == 2 and "give -o FOLDER" in no_out.stderr


def test_without_dask_the_flag_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def no_dask(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    result = CliRunner().invoke(main, ["batch", str(EXAMPLES / "portfolio.csv"), "--dask", "local",
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("Error: --dask needs the optional extra: pip install 'repayplan[dask]' "
                                     "(dask[dataframe] and distributed)")
