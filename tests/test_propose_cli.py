"""`repayplan propose`: outputs, flags overriding the case, languages, export, and error lines with exit codes."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main
from repayplan.report.compare import METRIC_NAMES

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE = str(EXAMPLES / "negotiation.toml")

CASE = """
[case]
as_of = 2025-01-01
[loan]
principal = 12000
rate = "12%"
term = 12
start = 2025-01-01
[borrower]
max_payment = 500
[creditor]
discount_rate = "6%"
min_recovery = "95%"
max_term = 24
levers = ["term"]
"""


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["propose", *args])


def write(tmp_path: Path, text: str, name: str = "case.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def example_json() -> dict:  # type: ignore[type-arg]
    result = run(EXAMPLE, "--format", "json")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    return json.loads(result.stdout)  # type: ignore[attr-defined, no-any-return]


def test_the_example_runs_through_propose(example_json: dict) -> None:  # type: ignore[type-arg]
    assert set(example_json) == {"currency", "date", "position", "constraints", "offers", "binding", "notes"}
    assert example_json["binding"] is None and example_json["date"] == "2025-09-20"
    offers = example_json["offers"]
    assert [o["rank"] for o in offers] == [1, 2, 3, 4, 5]
    assert [o["role"] for o in offers] == ["borrower", "between", "between", "between", "creditor"]
    assert all(set(o["metrics"]) == set(METRIC_NAMES) for o in offers)
    assert example_json["constraints"]["max_payment"] == "1100.00"  # monthly_income 9,000 − expenses 7,900
    first = offers[0]
    assert first["steps"][0]["op"] == "settle" and first["reason"].startswith("Cheapest for the borrower")
    assert first["metrics"]["creditor_npv"] == example_json["constraints"]["required_npv"]
    pasted = tomllib.loads(first["scenario"])["scenarios"][0]
    assert pasted["name"] == first["name"] and pasted["steps"] == first["steps"]


def test_the_table_shows_offers_reasons_and_entries_to_paste() -> None:
    result = run(EXAMPLE, "--top", "3")
    assert result.exit_code == 0
    out = result.stdout  # type: ignore[attr-defined]
    assert "Offers, best for the borrower first:" in out and "Paste into the case file:" in out
    assert out.count("[[scenarios]]") == 3 and "the most the creditor can recover" in out
    assert "at least 75% of what is owed (21,772.63)" in out


def test_csv_has_one_row_per_offer() -> None:
    result = run(EXAMPLE, "--format", "csv", "--top", "2")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))  # type: ignore[attr-defined]
    assert [r["rank"] for r in rows] == ["1", "2"] and rows[0]["role"] == "borrower"
    assert rows[0]["creditor_npv"] == "21772.63" and rows[1]["role"] == "creditor"


def test_chinese_labels() -> None:
    result = run(EXAMPLE, "--lang", "zh", "--top", "2")
    assert result.exit_code == 0
    assert "方案（对借款人最有利的在前）" in result.stdout and "债权人净现值" in result.stdout  # type: ignore[attr-defined]
    csv_zh = run(EXAMPLE, "--lang", "zh", "--format", "csv", "--top", "1").stdout  # type: ignore[attr-defined]
    assert csv_zh.splitlines()[0].startswith("排序,名称,定位,调整步骤")


def test_flags_override_the_case(example_json: dict) -> None:  # type: ignore[type-arg]
    result = run(EXAMPLE, "--format", "json", "--max-payment", "900", "--lump-sum", "0", "--levers",
                 "waive,set-rate", "--max-term", "48", "--discount-rate", "4%", "--min-recovery", "60%")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    data = json.loads(result.stdout)  # type: ignore[attr-defined]
    c = data["constraints"]
    assert (c["max_payment"], c["lump_sum"], c["levers"], c["max_term"], c["discount_rate"], c["min_recovery"]) == (
        "900.00", "0.00", ["waive", "set-rate"], 48, "4.00%", "60.00%")
    for offer in data["offers"]:
        assert Decimal(offer["metrics"]["largest_installment"]) <= 900
        assert {s["op"] for s in offer["steps"]} <= {"waive", "set-rate", "term", "payment"}
        assert offer["metrics"]["payoff_date"] <= "2029-09-20"  # within 48 months of the date


def test_when_nothing_fits_it_says_what_binds(tmp_path: Path) -> None:
    case = write(tmp_path, CASE)
    result = run(case, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert data["offers"] == []
    binding = data["binding"]
    assert binding["constraints"] == ["borrower.max_payment", "creditor.max_term"]
    # 12,000 at 1% a month over 24 months: 564.8817 a month, so a fixed 564.89 (the last one less) repays it;
    # at 500.00 a month, 28 months
    assert [(r["need"], r["shortfall"]) for r in binding["relaxations"]] == [("564.89", "64.89"), (28, 4)]
    assert binding["relaxations"][1]["steps"] == [{"op": "payment", "amount": "500.00"}]  # 28 months at 500.00
    table = run(case).stdout  # type: ignore[attr-defined]
    assert "No offer fits both sides." in table and "the borrower would need 64.89 more a month" in table
    rows = list(csv.reader(io.StringIO(run(case, "--format", "csv").stdout)))  # type: ignore[attr-defined]
    assert rows[0] == ["constraint", "have", "need", "shortfall", "text"] and rows[1][:4] == [
        "borrower.max_payment", "500.00", "564.89", "64.89"]
    exported = run(case, "--export", str(tmp_path / "none.xlsx"))  # the diagnosis, then the refusal
    assert exported.exit_code == 1 and "No offer fits both sides." in exported.stdout  # type: ignore[attr-defined]
    assert exported.stderr == (f"Error: --export: no offer fits, so there is nothing to write to "  # type: ignore
                               f"{tmp_path / 'none.xlsx'}\n")
    assert not (tmp_path / "none.xlsx").exists()


def test_export_writes_the_offers_into_the_case_workbook(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "offers.xlsx"
    result = run(EXAMPLE, "--top", "2", "--export", str(out), "--format", "json")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert f"Wrote {out}: 2 offers and the contract as it stands" in result.stderr  # type: ignore[attr-defined]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Contract as it stands", "Offer 1", "Offer 2", "Contract schedule",
                             "Arrears", "Terms", "Charts"]
    again = run(EXAMPLE, "--top", "2", "--export", str(out))
    assert again.exit_code == 2
    assert again.stderr == f"Error: {out} already exists; pass --force to overwrite it\n"  # type: ignore[attr-defined]
    assert run(EXAMPLE, "--top", "1", "--export", str(out), "--force").exit_code == 0
    assert openpyxl.load_workbook(out).sheetnames[2] == "Offer 1"


@pytest.mark.parametrize(("args", "message"), [
    (["--min-recovery", "170%"], "Error: --min-recovery: must be more than 0% and at most 100%, got 170%"),
    (["--levers", "waive,freeze"], "Error: --levers: 'freeze' is not a step; use waive, capitalise, haircut, "
                                   "set-rate, term, payment, moratorium, interest-only, step-up, settle"),
    (["--cap", "lots"], "Error: --cap: 'lots' is not a cap; write it like 24% or 4xLPR"),
    (["--max-payment", "-5"], "Error: --max-payment: must be 0 or more, got -5"),
    (["--discount-rate", "six"], "Error: --discount-rate: 'six' is not a rate; write it like 4.9%, 4.9%/year, "
                                 "1.5%/month or 0.05%/day"),
    (["--as-of", "2020-01-01"], "Error: --as-of: 2020-01-01 is before the loan start 2024-03-15; give a date on or "
                               "after it"),
])
def test_bad_flags_exit_2_with_one_line_each(args: list[str], message: str) -> None:
    result = run(EXAMPLE, *args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"  # type: ignore[attr-defined]


def test_usage_errors() -> None:
    result = run(EXAMPLE, "--export", "offers.csv")
    assert result.exit_code == 2 and "--export: 'offers.csv' must end in .xlsx" in result.stderr  # type: ignore
    assert run(EXAMPLE, "--top", "0").exit_code == 2


def test_case_file_problems_are_all_reported(tmp_path: Path) -> None:
    case = write(tmp_path, CASE + 'cap = "lots"\nmin_recovery_of = "all"\n')
    result = run(case)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [  # type: ignore[attr-defined]
        f"Error: {case}: creditor.min_recovery_of: 'all' is unknown; use one of position, principal",
        f"Error: {case}: creditor.cap: 'lots' is not a cap; write it like 24% or 4xLPR",
    ]


def test_nothing_owed_is_said_plainly(tmp_path: Path) -> None:
    case = write(tmp_path, CASE.replace("as_of = 2025-01-01", "as_of = 2026-06-01"))
    result = run(case)
    assert (result.exit_code, result.stderr) == (0, "")  # type: ignore[attr-defined]
    assert result.stdout.splitlines()[-1] == ("Nothing is owed on 2026-06-01: the loan is repaid; there is "
                                              "nothing to compare or agree.")


def test_the_hardship_example_too() -> None:
    result = run(str(EXAMPLES / "hardship.toml"), "--format", "json", "--top", "3")
    assert result.exit_code == 0
    offers = json.loads(result.stdout)["offers"]  # type: ignore[attr-defined]
    assert len(offers) == 3 and all(Decimal(o["metrics"]["largest_installment"]) <= 1900 for o in offers)


def test_a_bad_export_target_is_refused_before_the_search(tmp_path: Path) -> None:
    # the review found the whole offer table printed first, then the error: a script saw output and a failure
    missing = tmp_path / "no-such-folder" / "offers.xlsx"
    result = CliRunner().invoke(main, ["propose", EXAMPLE, "--export", str(missing)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"Error: output: folder {missing.parent} does not exist; create it or choose "
                             "another path\n")
    existing = tmp_path / "offers.xlsx"
    existing.write_bytes(b"keep me")
    result = CliRunner().invoke(main, ["propose", EXAMPLE, "--export", str(existing)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"Error: {existing} already exists; pass --force to overwrite it\n"
    assert existing.read_bytes() == b"keep me"


def test_offers_in_chinese_and_the_least_concession_flag() -> None:
    zh = run(EXAMPLE, "--lang", "zh", "--top", "3")
    assert zh.exit_code == 0
    out = zh.stdout  # type: ignore[attr-defined]
    # the names, steps and reasons in the register of Chinese loan documents
    assert 'name = "方案一：和解结清22,635.88元（首笔3,000.00元，余款分18期）"' in out
    assert "债权人可接受的方案中借款人负担最轻者" in out and "借款人的底线方案" in out
    assert "可让步事项：减免罚息和费用、调低利率、减免本金、折扣结清" in out
    assert "Offer" not in out and "reservation" not in out
    # 29,030.17 owed: offers at least 10,000.00 apart leave room for two between 22,635.88 and 36,088.21
    wide = json.loads(run(EXAMPLE, "--format", "json", "--min-concession", "10000").stdout)  # type: ignore[attr-defined]
    totals = [Decimal(o["metrics"]["total_payment"]) for o in wide["offers"]]
    assert len(totals) == 2 and totals[1] - totals[0] >= 10000
    assert any("2 offers instead of 5" in note for note in wide["notes"])
    bad = run(EXAMPLE, "--min-concession", "-5")
    assert bad.exit_code == 2 and "--min-concession" in bad.stderr  # type: ignore[attr-defined]
