"""`repayplan batch`: files in and out, bad rows, exit codes, formats."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from repayplan.batch.cases import read_cases
from repayplan.cli import main
from repayplan.report.schedule import summary_dict
from repayplan.schedule import build_schedule

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PORTFOLIO = EXAMPLES / "portfolio.csv"
HEADER = "case_id,principal,rate,term,method,start,first_due\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_portfolio_example_matches_build_case_by_case() -> None:
    code, out, err = run("batch", str(PORTFOLIO), "--format", "json")
    assert (code, err) == (0, "")
    got = [json.loads(line) for line in out.splitlines()]
    # the single-case engine on the very same rows is the reference, figure by figure
    cases, _ = read_cases(pd.read_csv(PORTFOLIO, dtype=str, keep_default_na=False))
    assert len(got) == len(cases) == 12
    for i, row in enumerate(got):
        want = summary_dict(build_schedule(cases.loans(i)))
        for key in ("installment", "total_payment", "total_interest", "total_fees", "periods", "first_due",
                    "payoff_date", "annual_rate", "principal"):
            assert row[key] == want[key], (row["case_id"], key)
    by_id = {row["case_id"]: row for row in got}
    # published: 1,000,000 at 4.9% over 30 years 5,307.27 (equal principal 6,861.11); 200,000 at 6.5% over 30 years
    # 1,264.14 USD; 20,000 at 5% over 5 years 377.42 USD; 1,000万円 at 1.5% over 35 years 30,618 JPY
    assert [by_id[f"MC-2025-{n:04d}"]["installment"] for n in (1, 2, 7, 8, 9)] == [
        "5307.27", "6861.11", "1264.14", "377.42", "30618"]
    # 0%: 3,600 over 12 months is 300.00 + a 25.00 fee = 325.00; nothing but fees on top of the principal
    assert (by_id["MC-2025-0012"]["installment"], by_id["MC-2025-0012"]["total_payment"]) == ("325.00", "3900.00")


def test_bad_rows_go_to_the_errors_file_with_line_numbers(tmp_path: Path) -> None:
    cases = write(tmp_path / "cases.csv", HEADER + "A-1,12000,1.5%/month,12,annuity,2025-03-10,\n"
                  "\n"
                  "A-2,-5,abc,12,annuity,2025-03-10,\n"
                  "A-3,5000,5%,6,bullet,2025-02-30,\n"
                  ",100,5%,2,annuity,2025-01-01,2024-12-01\n")
    out = tmp_path / "summary.csv"
    code, stdout, stderr = run("batch", str(cases), "-o", str(out))
    assert code == 1 and stdout == ""
    errors_file = tmp_path / "summary.errors.csv"
    assert stderr.splitlines()[-1] == (f"Error: 3 of 4 rows failed and were skipped (see {errors_file}); "
                                       f"1 case written to {out}")
    errors = (tmp_path / "summary.errors.csv").read_text().splitlines()
    assert errors == [
        "line,case_id,problem",
        '4,A-2,"principal: must be a positive amount, got -5"',
        "4,A-2,\"rate: 'abc' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day\"",
        "5,A-3,\"start: '2025-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15\"",
        "6,,case_id: missing; give every case an id",
        "6,,first_due: 2024-12-01 is not after the start 2025-01-01; give a later date",
    ]
    good = pd.read_csv(out, dtype=str)
    # 12,000 at 1.5%/month over 12 months: the textbook 1,100.16 a month
    assert good[["case_id", "installment", "periods"]].values.tolist() == [["A-1", "1100.16", "12"]]


def test_to_stdout_the_problems_are_listed_on_stderr(tmp_path: Path) -> None:
    cases = write(tmp_path / "cases.csv", HEADER + "A-1,100,5%,2,annuity,2025-01-01,\n"
                                                   "A-2,100,5%,0,annuity,2025-01-01,\n")
    code, stdout, stderr = run("batch", str(cases))
    assert code == 1
    assert stdout.splitlines()[1].startswith("A-1,CNY,100.00,annuity,2,5%,")
    assert stderr.splitlines() == [
        "line 3 (A-2): term: must be a whole number from 1 to 1200, got 0",
        "Error: 1 of 2 rows failed and were skipped (listed above); 1 case written to standard output",
    ]


def test_never_overwrites_without_force_and_clears_a_stale_errors_file(tmp_path: Path) -> None:
    out = write(tmp_path / "summary.csv", "keep me\n")
    code, _, stderr = run("batch", str(PORTFOLIO), "-o", str(out))
    assert (code, stderr) == (2, f"Error: {out} already exists; pass --force to overwrite it\n")
    assert out.read_text() == "keep me\n"
    stale = write(tmp_path / "summary.errors.csv", "line,case_id,problem\n9,X,old\n")
    code, _, stderr = run("batch", str(PORTFOLIO), "-o", str(out), "--force")
    assert (code, stderr) == (0, f"12 cases written to {out}\n")
    assert len(out.read_text().splitlines()) == 13 and not stale.exists()


def test_missing_columns_are_input_errors_with_a_hint(tmp_path: Path) -> None:
    cases = write(tmp_path / "cases.csv", "case_id,principle,rate,term,method\nA,1,5%,1,annuity\n")
    code, stdout, stderr = run("batch", str(cases))
    assert (code, stdout) == (2, "")
    assert stderr.splitlines() == [
        f"Error: {cases}: missing column 'principal' (is 'principle' meant to be 'principal'?); "
        "a case list needs the columns case_id, principal, rate, term, method, start",
        f"Error: {cases}: missing column 'start'; a case list needs the columns case_id, principal, rate, term, "
        "method, start",
    ]


def test_unknown_columns_are_ignored_with_a_warning(tmp_path: Path) -> None:
    cases = write(tmp_path / "cases.csv", "case_id,principal,rate,term,method,start,instalment_fee\n"
                                          "A,1200,12%,12,equal-principal,2025-01-01,5\n")
    code, stdout, stderr = run("batch", str(cases))
    assert code == 0
    assert stderr == (f"Warning: {cases}: column 'instalment_fee' is not a loan field and is ignored; "
                      "did you mean 'installment_fee'?\n")
    # 1,200 / 12 = 100.00 principal + 1,200 × 1% = 12.00 interest, no fee (the misspelt column was not read)
    assert stdout.splitlines()[1].split(",")[6] == "112.00"


@pytest.mark.parametrize(("content", "message"), [
    ("", "the case list is empty; give a header line and rows"),
])
def test_unreadable_input_exits_2(tmp_path: Path, content: str, message: str) -> None:
    cases = write(tmp_path / "cases.csv", content)
    assert run("batch", str(cases)) == (2, "", f"Error: {cases}: {message}\n")
    missing = tmp_path / "nope.csv"
    assert run("batch", str(missing)) == (2, "", f"Error: {missing}: case list not found; check the path\n")


def test_xlsx_cannot_go_to_the_terminal() -> None:
    assert run("batch", str(PORTFOLIO), "--format", "xlsx") == (
        2, "", "Error: --format xlsx: an XLSX workbook cannot go to the terminal; give --output FILE.xlsx\n")


def test_xlsx_output_has_numbers_with_the_currency_digits(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "summary.xlsx"
    assert run("batch", str(PORTFOLIO), "-o", str(out))[0] == 0
    book = load_workbook(out, read_only=True)
    rows = list(book["cases"].iter_rows(values_only=True))
    book.close()  # a read-only workbook holds its file open until closed (a ResourceWarning, an error here)
    assert rows[0][:7] == ("case_id", "currency", "principal", "method", "term", "annual_rate", "installment")
    assert rows[1][0] == "MC-2025-0001" and Decimal(str(rows[1][6])) == Decimal("5307.27")
    assert rows[9][0] == "MC-2025-0009" and rows[9][6] == 30618  # JPY: whole yen
    cells = list(load_workbook(out)["cases"].iter_rows(min_row=2, max_row=10))
    assert cells[0][6].number_format == "#,##0.00" and cells[8][6].number_format == "#,##0"
    # rates and dates are typed, not text: 4.9% is the number 0.049; the first due date a date
    assert rows[1][5] == 0.049 and cells[0][5].number_format == "0.00####%"
    assert rows[1][11].date() == date(2025, 2, 15) and rows[1][4] == 360
    ws = load_workbook(out)["cases"]
    assert ws.column_dimensions["A"].width >= 18 and ws.freeze_panes == "B2"


def test_xlsx_output_keeps_text_as_text(tmp_path: Path) -> None:
    """A case id that looks like a formula is written as the text it is."""
    from openpyxl import load_workbook

    cases = write(tmp_path / "cases.csv", PORTFOLIO.read_text(encoding="utf-8").replace("MC-2025-0001", "=1+1", 1))
    out = tmp_path / "summary.xlsx"
    assert run("batch", str(cases), "-o", str(out))[0] == 0
    cell = load_workbook(out)["cases"]["A2"]
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_json_lines_contract(tmp_path: Path) -> None:
    out = tmp_path / "summary.jsonl"
    assert run("batch", str(PORTFOLIO), "-o", str(out))[0] == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first == {
        "case_id": "MC-2025-0001", "currency": "CNY", "principal": "1000000.00", "method": "annuity", "term": 360,
        "annual_rate": "4.9%", "installment": "5307.27", "total_payment": "1910615.12",
        "total_interest": "910615.12", "total_fees": "0.00", "periods": 360, "first_due": "2025-02-15",
        "payoff_date": "2055-01-15",
    }


def test_small_chunks_give_the_same_output_and_line_numbers(tmp_path: Path) -> None:
    text = PORTFOLIO.read_text(encoding="utf-8").replace("MC-2025-0005,30000", "MC-2025-0005,-1") + "\n\n"
    cases = write(tmp_path / "cases.csv", text)
    outputs = []
    for size in ("1", "5", "50000"):
        out = tmp_path / f"out{size}.csv"
        code, _, _ = run("batch", str(cases), "-o", str(out), "--chunk-size", size)
        assert code == 1
        outputs.append((out.read_text(), (tmp_path / f"out{size}.errors.csv").read_text()))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0][1].splitlines()[1] == "6,MC-2025-0005,\"principal: must be a positive amount, got -1\""


def test_parquet_input_gives_the_same_summaries(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    frame = pd.read_csv(PORTFOLIO, dtype=str, keep_default_na=False)
    typed = frame.assign(term=frame["term"].astype(int), start=pd.to_datetime(frame["start"]))
    typed.to_parquet(tmp_path / "cases.parquet")
    code, out, err = run("batch", str(tmp_path / "cases.parquet"))
    assert (code, err) == (0, "")
    assert out == run("batch", str(PORTFOLIO))[1]


def test_chinese_headers(tmp_path: Path) -> None:
    code, out, _ = run("batch", str(PORTFOLIO), "--lang", "zh")
    assert code == 0
    assert out.splitlines()[0].split(",")[:3] == ["案件编号", "币种", "本金"]


def test_a_failure_midway_leaves_no_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import repayplan.batch.run as run_module

    calls = []
    real = run_module.summarise

    def fail_on_second(chunk: pd.DataFrame, scenario: object = None, arrears: object = None) -> pd.DataFrame:
        calls.append(len(chunk))
        if len(calls) == 2:
            raise MemoryError("simulated")
        return real(chunk, scenario, arrears)

    monkeypatch.setattr(run_module, "summarise", fail_on_second)
    monkeypatch.setattr(run_module, "_plain_summaries", lambda chunk: None)  # every chunk through summarise
    out = tmp_path / "summary.csv"
    code, _, stderr = run("batch", str(PORTFOLIO), "-o", str(out), "--chunk-size", "5")
    assert code == 1 and "internal error (MemoryError: simulated)" in stderr
    assert list(tmp_path.iterdir()) == []


# -- --scenario: a restructured plan per case ----------------------------------------------------------------

def test_scenario_figures_by_hand(tmp_path: Path) -> None:
    cases = write(tmp_path / "cases.csv", HEADER + "S-1,12000,12%,12,annuity,2025-01-01,\n")
    code, out, err = run("batch", str(cases), "--scenario", "rate=0%; term=24", "--date", "2025-01-01",
                         "--format", "json")
    assert (code, err) == (0, "")
    row = json.loads(out)
    # on the start date 12,000.00 is owed; at 0% over 24 months: 12,000 ÷ 24 = 500.00, no interest
    assert (row["scenario"], row["scenario_owed"], row["scenario_installment"], row["scenario_payments"]) == (
        "rate 0%; 24 installments", "12000.00", "500.00", 24)
    assert (row["scenario_total_payment"], row["scenario_total_interest"], row["scenario_forgiven"]) == (
        "12000.00", "0.00", "0.00")
    # the contract: 1% a month, 12,000 × 0.01 / (1 − 1.01^−12) = 1,066.19; 11 × 1,066.19 + 1,066.14 = 12,794.23,
    # so the plan saves 794.23; the last installment falls 24 months on, 2027-01-01
    assert (row["installment"], row["total_payment"]) == ("1066.19", "12794.23")
    assert (row["scenario_saving"], row["scenario_payoff_date"], row["scenario_annual_cost"]) == (
        "794.23", "2027-01-01", "0.00%")
    assert row["scenario_problem"] is None


def test_a_scenario_that_cannot_apply_says_why_and_keeps_the_row(tmp_path: Path) -> None:
    cases = write(tmp_path / "cases.csv", HEADER + "S-1,12000,12%,12,annuity,2025-01-01,\n")
    code, out, _ = run("batch", str(cases), "--scenario", "payment=100", "--date", "2025-01-01", "--format", "json")
    row = json.loads(out)
    # 12,000 × 1% = 120.00 of interest a month is more than 100.00: the plan never repays
    assert code == 0 and row["installment"] == "1066.19" and row["scenario_installment"] is None
    assert row["scenario_problem"].startswith("plan step 1 (payment): payment 100.00 does not cover the 120.00 of "
                                              "interest")


def test_bad_scenarios_are_usage_errors() -> None:
    assert run("batch", str(PORTFOLIO), "--scenario", "term=x; foo=1") == (2, "", (
        "Error: --scenario: 'foo=1' is not key=value with a key among waive, haircut, rate, term, payment, settle; "
        "write it like 'rate=0%; term=36'\nError: --scenario: term: must be a whole number, got 'x'\n"))
    code, _, err = run("batch", str(PORTFOLIO), "--max-term", "24")
    assert code == 2 and err.endswith("Error: --max-term goes with --scenario; give --scenario 'rate=0%; term=36'\n")


# -- arrears (the arrears statement, case by case): --payments, --as-of, penalty_* columns ------------------------

ARREARS_CASES = ("case_id,principal,rate,term,method,start,penalty_rate,penalty_base\n"
                 "P-1,10000,0%,10,annuity,2024-12-15,0.05%/day,overdue-installment\n"
                 "P-2,10000,0%,10,annuity,2024-12-15,0.05%/day,outstanding\n")


def test_arrears_columns_by_hand(tmp_path: Path) -> None:
    cases = write(tmp_path / "cases.csv", ARREARS_CASES)
    payments = write(tmp_path / "paid.csv", "case_id,date,amount\nP-2,2025-01-15,1000\n")
    code, out, err = run("batch", str(cases), "--payments", str(payments), "--as-of", "2025-02-14",
                         "--format", "json")
    assert (code, err) == (0, "")
    one, two = (json.loads(line) for line in out.splitlines())
    # P-1 paid nothing: the 1,000.00 due 2025-01-15 is 30 days overdue; 1,000.00 × 0.05% × 30 = 15.00
    assert (one["arrears_overdue_principal"], one["arrears_penalty_total"], one["arrears_total_due"],
            one["arrears_days_past_due"], one["arrears_payoff_amount"]) == ("1000.00", "15.00", "1015.00", 30,
                                                                            "10015.00")
    # P-2 paid its first installment on time: nothing overdue, 9,000.00 left, no penalty
    assert (two["arrears_total_paid"], two["arrears_outstanding_principal"], two["arrears_total_due"],
            two["arrears_penalty_total"]) == ("1000.00", "9000.00", "0.00", "0.00")


def test_arrears_problems_are_row_errors_and_bad_payment_files_input_errors(tmp_path: Path) -> None:
    cases = write(tmp_path / "cases.csv", ARREARS_CASES.replace("0.05%/day,outstanding", "abc,overdue"))
    payments = write(tmp_path / "paid.csv", "case_id,date,amount\nP-1,2024-12-01,1000\n")
    code, _, err = run("batch", str(cases), "--payments", str(payments), "--as-of", "2025-02-14")
    assert code == 1
    assert err.splitlines()[:3] == [
        "line 2 (P-1): payments: 2024-12-01 1000: before the loan start 2024-12-15; check the date",
        "line 3 (P-2): penalty_rate: 'abc' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day, "
        "or relative to the contract like contract+50%",
        "line 3 (P-2): penalty_base: 'overdue' is unknown; use one of overdue-principal, overdue-installment, "
        "outstanding",
    ]
    bad = write(tmp_path / "bad.csv", "case_id,date,amount\nP-1,2025-13-01,1000\nP-1,2025-01-15,-5\n")
    assert run("batch", str(cases), "--payments", str(bad)) == (2, "", (
        f"Error: --payments: {bad} line 2: date: '2025-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15\n"
        f"Error: --payments: {bad} line 3: amount: must be an amount of 0 or more, got '-5'\n"))


def test_a_scenario_starts_from_the_arrears_position(tmp_path: Path) -> None:
    cases = write(tmp_path / "cases.csv", ARREARS_CASES)
    code, out, _ = run("batch", str(cases), "--as-of", "2025-02-14", "--scenario", "waive=penalty; term=10",
                       "--format", "json")
    one = json.loads(out.splitlines()[0])
    # owed on 2025-02-14: 10,000.00 principal + 15.00 penalty; the penalty waived, 10,000 ÷ 10 = 1,000.00 at 0%
    assert code == 0
    assert (one["scenario_date"], one["scenario_owed"], one["scenario_forgiven"], one["scenario_installment"]) == (
        "2025-02-14", "10015.00", "15.00", "1000.00")


def test_a_matured_loans_saving_counts_the_penalty_that_runs_until_the_plan_ends(tmp_path: Path) -> None:
    # P-1: 10 installments of 1,000.00 at 0% due 2025-01-15 ... 2025-10-15, nothing paid; as of 2026-01-15 it
    # has matured. Penalty so far, 0.05%/day on each overdue 1,000.00 (0.50 a day each), over 365 + 334 + 306
    # + 275 + 245 + 214 + 184 + 153 + 122 + 92 = 2,290 installment-days: 1,145.00.
    # The plan (penalty waived, 10 × 1,000.00) ends 2026-11-15. With nothing agreed, penalty keeps running on
    # all 10,000.00 (5.00 a day) those 304 days: 1,520.00. Contract 10,000 + 1,145 + 1,520 = 12,665.00,
    # plan 10,000.00: saving 2,665.00 (not 1,145.00, as if the contract were paid in full on the date).
    cases = write(tmp_path / "cases.csv", ARREARS_CASES.splitlines()[0] + "\n" + ARREARS_CASES.splitlines()[1] + "\n")
    payments = write(tmp_path / "payments.csv", "case_id,date,amount\n")
    code, out, _ = run("batch", str(cases), "--payments", str(payments), "--as-of", "2026-01-15",
                       "--scenario", "waive=penalty; term=10", "--format", "json")
    row = json.loads(out.splitlines()[0])
    assert code == 0
    assert (row["arrears_penalty_total"], row["scenario_payoff_date"], row["scenario_total_payment"]) == (
        "1145.00", "2026-11-15", "10000.00")
    assert row["scenario_saving"] == "2665.00"


def test_a_ragged_row_is_its_own_problem_and_no_good_row_is_lost(tmp_path: Path) -> None:
    # line 2 has a 7th field (an unquoted comma): that row fails alone. pandas' reader took such a first row's
    # extra field as an index and shifted every column of every row after it, so all rows failed.
    # Line 5 ends in an empty field (a trailing comma), which is harmless; lines 6-7 are one row whose quoted
    # case_id spans two lines; line 8 is short (its term, method and start are missing).
    cases = write(tmp_path / "ragged.csv", "case_id,principal,rate,term,method,start\n"
                                           "A,1000,12%,12,annuity,2025-01-15,extra\n"
                                           "B,1000,12%,12,annuity,2025-01-15\n"
                                           "\n"
                                           "C,2000,12%,12,annuity,2025-01-15,\n"
                                           '"D\nx",3000,12%,12,annuity,2025-01-15\n'
                                           "E,3000,12%\n")
    code, out, err = run("batch", str(cases))
    assert code == 1
    assert [r["case_id"] for r in csv.DictReader(io.StringIO(out))] == ["B", "C"]  # D's id holds a line break
    # B: 1,000 at 1% a month over 12: 1,000 × 0.01 / (1 − 1.01^−12) = 88.848... -> 88.85
    assert next(csv.DictReader(io.StringIO(out)))["installment"] == "88.85"
    assert err.splitlines()[:3] == [
        "line 2 (A): the row has 7 fields and the header 6; quote a cell that holds a comma",
        "line 6 ('D\\nx'): case_id: has a control character (U+000A) at position 2; remove it",
        "line 8 (E): term: missing; give a whole number"]
    assert err.splitlines()[-1] == "Error: 3 of 5 rows failed and were skipped (listed above); 2 cases written to " \
                                   "standard output"
