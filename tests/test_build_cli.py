"""`repayplan build` end to end through click's runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_contract_on_the_published_example() -> None:
    code, out, _ = run("build", str(EXAMPLES / "mortgage.toml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["currency"] == "CNY"
    s = data["summary"]
    assert (s["principal"], s["periods"], s["first_due"], s["annual_rate"]) == ("1000000.00", 360, "2025-02-15",
                                                                                 "4.9%")
    assert (s["total_fees"], s["total_penalty"], s["installment"]) == ("0.00", "0.00", "5307.27")
    assert set(data["rows"][0]) == {"period", "due_date", "days", "opening_balance", "payment", "principal",
                                    "interest", "fees", "penalty", "closing_balance"}
    assert data["rows"][0] == {"period": 1, "due_date": "2025-02-15", "days": 31, "opening_balance": "1000000.00",
                               "payment": "5307.27", "principal": "1223.94", "interest": "4083.33", "fees": "0.00",
                               "penalty": "0.00", "closing_balance": "998776.06"}
    # totals agree with the rows, and the last balance is exactly zero
    assert sum(float(r["payment"]) for r in data["rows"]) == pytest.approx(float(s["total_payment"]))
    assert data["rows"][-1]["closing_balance"] == "0.00"


def test_flags_and_csv() -> None:
    code, out, _ = run("build", "--principal", "12000", "--rate", "1.5%/month", "--term", "12",
                       "--method", "equal-principal", "--start", "2025-01-10", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 12
    # 12,000 / 12 = 1,000.00 principal; interest 12,000 × 1.5% = 180.00
    assert (rows[0]["principal"], rows[0]["interest"], rows[0]["payment"]) == ("1000.00", "180.00", "1180.00")


def test_flags_override_the_case_file() -> None:
    code, out, _ = run("build", str(EXAMPLES / "mortgage.toml"), "--term", "240", "--format", "json")
    assert code == 0
    assert json.loads(out)["summary"]["periods"] == 240


def test_table_has_summary_totals_and_chinese_labels() -> None:
    code, out, _ = run("build", str(EXAMPLES / "mortgage.toml"))
    assert code == 0
    assert "5,307.27" in out and "Total to pay" in out and "1,910,615.12" in out
    code, out, _ = run("build", str(EXAMPLES / "mortgage.toml"), "--lang", "zh")
    assert code == 0
    assert "还款总额" in out and "等额本息" in out and "合计" in out


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--principal", "-5", "--rate", "5%", "--term", "3"], "Error: --principal: must be a positive amount, got -5"),
        (["--principal", "100", "--rate", "five", "--term", "3"],
         "Error: --rate: 'five' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day"),
        (["--principal", "100", "--rate", "5%", "--term", "0"],
         "Error: --term: must be a whole number from 1 to 1200, got 0"),
        (["--principal", "100", "--rate", "5%", "--term", "3", "--method", "balloon"],
         "Error: --method: 'balloon' is unknown; use one of annuity, equal-principal, interest-only, bullet"),
        (["--principal", "100", "--rate", "5%", "--term", "3", "--start", "2025-02-01", "--first-due", "2025-01-01"],
         "Error: --first-due: 2025-01-01 is not after the start 2025-02-01; give a later date"),
        (["--rate", "5%"], "Error: --principal: missing; give --principal or a case file"),
    ],
)
def test_bad_flags_exit_2_with_one_line(args: list[str], error: str) -> None:
    code, out, err = run("build", *args)
    assert code == 2
    assert err.strip().splitlines()[0] == error
    assert "Traceback" not in err and out == ""


def test_bad_case_file_reports_every_problem(tmp_path: Path) -> None:
    case = tmp_path / "bad.toml"
    case.write_text('[loan]\nprincipal = 0\nrate = "4.9%/week"\nterm = 3\nstart = 2025-01-01\n')
    code, _, err = run("build", str(case))
    assert code == 2
    assert err.splitlines() == [
        f"Error: {case}: loan.principal: must be a positive amount, got 0",
        f"Error: {case}: loan.rate: unknown period 'week' in '4.9%/week'; use /year, /month or /day",
    ]


def test_missing_and_malformed_files(tmp_path: Path) -> None:
    code, _, err = run("build", str(tmp_path / "none.toml"))
    assert code == 2 and "case file not found" in err and err.startswith("Error: ")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    code, _, err = run("build", str(broken))
    assert code == 2 and err.startswith(f"Error: {broken}: not valid JSON")
