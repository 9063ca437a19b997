"""`repayplan compare`: outputs, flags, languages and error lines with exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main
from repayplan.report.compare import METRIC_NAMES

EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "hardship.toml")

CASE = """
[case]
as_of = 2025-01-01
[loan]
principal = 12000
rate = "12%"
term = 12
start = 2025-01-01
[borrower]
monthly_income = 4000
[[scenarios]]
name = "Freeze"
steps = [{op = "set-rate", rate = "0%"}, {op = "term", installments = 12}]
[[scenarios]]
name = "Half off"
steps = [{op = "settle", percent = "50%"}]
"""


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["compare", *args])


def write(tmp_path: Path, text: str, name: str = "case.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_json_has_every_plan_with_its_metrics_and_rows(tmp_path: Path) -> None:
    result = run(write(tmp_path, CASE), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [p["name"] for p in data["plans"]] == ["Contract as it stands", "Freeze", "Half off"]
    assert data["currency"] == "CNY" and data["date"] == "2025-01-01" and data["position"]["total"] == "12000.00"
    contract, freeze, half = data["plans"]
    assert set(freeze["metrics"]) == set(METRIC_NAMES)
    # 12,000 at 0% over 12: 1,000.00 a month; the contract's 11 × 1,066.19 + 1,066.14 = 12,794.23
    assert freeze["metrics"]["first_payment"] == "1000.00" and freeze["metrics"]["saving"] == "794.23"
    assert contract["metrics"]["total_payment"] == "12794.23" and contract["kind"] == "contract"
    assert freeze["metrics"]["payment_to_income"] == "25.00%"  # 1,000 / 4,000
    assert freeze["steps"] == [{"op": "set-rate", "rate": "0%/year"}, {"op": "term", "installments": 12}]
    assert half["metrics"]["settlement"] == "6000.00" and half["metrics"]["annual_cost"] is None
    assert freeze["rows"][0] == {
        "period": 1, "due_date": "2025-02-01", "days": 31, "opening_balance": "12000.00", "payment": "1000.00",
        "principal": "1000.00", "interest": "0.00", "fees": "0.00", "penalty": "0.00", "closing_balance": "11000.00",
        "capitalised": "0.00", "frozen_balance": "0.00", "note": ""}


def test_table_and_chinese_labels(tmp_path: Path) -> None:
    case = write(tmp_path, CASE)
    table = run(case)
    assert table.exit_code == 0
    assert "Total to pay" in table.stdout and "Saving against the contract" in table.stdout
    assert "Contract as it stands" in table.stdout and "Freeze" in table.stdout
    zh = run(case, "--lang", "zh")
    assert zh.exit_code == 0
    assert "还款总额" in zh.stdout and "较原合同节省" in zh.stdout and "维持原合同" in zh.stdout
    rows = list(csv.reader(io.StringIO(run(case, "--format", "csv", "--lang", "zh").stdout)))
    assert rows[0] == ["指标", "维持原合同", "Freeze", "Half off"]
    assert rows[1] == ["还款总额", "12794.23", "12000.00", "6000.00"]


def test_csv_in_english_uses_the_metric_names(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(run(write(tmp_path, CASE), "--format", "csv").stdout)))
    assert rows[0] == ["metric", "Contract as it stands", "Freeze", "Half off"]
    assert [r[0] for r in rows[1:4]] == ["total_payment", "total_principal", "total_interest"]


def test_pick_scenarios_and_add_a_quick_one(tmp_path: Path) -> None:
    case = write(tmp_path, CASE)
    result = run(case, "--scenario", "Freeze", "--term", "24", "--rate", "0%", "--format", "json")
    assert result.exit_code == 0, result.stderr
    plans = json.loads(result.stdout)["plans"]
    assert [p["name"] for p in plans] == ["Contract as it stands", "Freeze", "rate 0%; 24 installments"]
    assert plans[2]["metrics"]["first_payment"] == "500.00"  # 12,000 / 24
    named = run(case, "--waive", "penalty", "--payment", "2000", "--name", "Affordable", "--format", "json")
    assert [p["name"] for p in json.loads(named.stdout)["plans"]][-1] == "Affordable"


def test_schedules_are_printed_on_request(tmp_path: Path) -> None:
    result = run(write(tmp_path, CASE), "--schedules")
    assert result.exit_code == 0
    assert "Schedule: Freeze" in result.stdout and "2026-01-01" in result.stdout


def test_bad_flags_and_files_are_one_line_each_with_exit_2(tmp_path: Path) -> None:
    case = write(tmp_path, CASE)
    result = run(case, "--scenario", "Nope", "--term", "abc", "--date", "2024-01-01")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: --scenario: no scenario named 'Nope'; the case has 'Freeze', 'Half off'",
        "Error: --term: installments must be a whole number, got 'abc'",
        "Error: --as-of: 2024-01-01 is before the loan start 2025-01-01; give a date on or after it",
    ]
    result = run(str(tmp_path / "missing.toml"))
    assert result.exit_code == 2


def test_a_scenario_that_cannot_be_built_names_the_scenario_and_the_step(tmp_path: Path) -> None:
    case = write(tmp_path, CASE + '[[scenarios]]\nname = "Too long"\nsteps = [{op = "term", installments = 72}]\n'
                                  '[[scenarios]]\nname = "Too small"\nsteps = [{op = "payment", amount = 100}]\n')
    result = run(case)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f'Error: {case}: scenarios[3] "Too long" step 1 (term): installments 72 is over the maximum 60; ask for at '
        'most 60, or raise [creditor] max_term',
        f'Error: {case}: scenarios[4] "Too small" step 1 (payment): payment 100.00 does not cover the 120.00 of '
        'interest and fees of an installment, so it never repays; the smallest payment that repays 12,000.00 '
        'within the maximum 60 installments is 266.94',
    ]
    assert run(case, "--max-term", "72", "--scenario", "Too long").exit_code == 0


def test_case_file_problems_all_at_once(tmp_path: Path) -> None:
    bad = CASE.replace('rate = "0%"', 'rate = "zero"') + '[[scenarios]]\nname = "X"\nsteps = [{op = "trem"}]\n'
    result = run(write(tmp_path, bad))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith('scenarios[1] "Freeze" step 1 (set-rate): rate \'zero\' is not a rate; write it like '
                             '4.9%, 4.9%/year, 1.5%/month or 0.05%/day')
    assert lines[1].endswith('scenarios[3] "X" step 1: \'trem\' is not a step; did you mean \'term\'?')


def test_the_example_runs_in_every_format() -> None:
    for fmt in ("table", "csv", "json"):
        result = run(EXAMPLE, "--format", fmt)
        assert result.exit_code == 0, result.stderr
    plans = json.loads(run(EXAMPLE, "--format", "json").stdout)["plans"]
    assert len(plans) >= 5 and plans[0]["kind"] == "contract"


def test_the_minimum_recovery_row_stays_when_every_plan_fails(tmp_path: Path) -> None:
    # every plan fails a 99% minimum (11,880.00 of the 12,000.00 owed) at a 40% cost of funds: the settlement
    # recovers 6,000.00 (50%); the freeze's 12 × 1,000.00 and the contract's 12,794.23, paid on average about
    # half a year out, are worth roughly 12,000 / 1.4^0.54 ≈ 10,000 and 12,794 / 1.4^0.54 ≈ 10,700
    case = CASE.replace("[borrower]", '[creditor]\ndiscount_rate = "40%"\nmin_recovery = "99%"\n[borrower]')
    rows = list(csv.reader(io.StringIO(run(write(tmp_path, case), "--format", "csv").stdout)))
    recovery = [r for r in rows if r[0] == "meets_min_recovery"]
    assert recovery == [["meets_min_recovery", "False", "False", "False"]]
    table = run(write(tmp_path, case), "--scenario", "Half off")
    assert "Meets the creditor's minimum" in table.stdout


def test_a_lever_that_is_not_a_step_name_is_an_input_error(tmp_path: Path) -> None:
    case = CASE.replace("[borrower]", "[creditor]\nlevers = [{a = 1}, \"term\", 3]\n[borrower]")
    result = run(write(tmp_path, case))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {tmp_path / 'case.toml'}: creditor.levers[1]: {{'a': 1}} is not a step name; give a list of steps "
        "from waive, capitalise, haircut, set-rate, term, payment, moratorium, interest-only, step-up, settle",
        f"Error: {tmp_path / 'case.toml'}: creditor.levers[3]: 3 is not a step name; give a list of steps from waive, "
        "capitalise, haircut, set-rate, term, payment, moratorium, interest-only, step-up, settle",
    ]


def test_a_scenario_dated_before_the_loan_start_names_the_scenario(tmp_path: Path) -> None:
    case = write(tmp_path, CASE + '[[scenarios]]\nname = "Early"\ndate = 2024-06-01\n'
                                  'steps = [{op = "term", installments = 12}]\n')
    result = run(case)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f'Error: {case}: scenarios[3] "Early": date 2024-06-01 is before the loan start 2025-01-01; give a date on '
        'or after it']


HUABEI = str(Path(__file__).resolve().parent.parent / "examples" / "huabei-arrears.toml")


def test_a_quick_term_on_the_huabei_case_charges_no_installment_fee() -> None:
    plans = json.loads(run(HUABEI, "--term", "12", "--format", "json").stdout)["plans"]
    term = plans[-1]
    # the contract's 45.00 instalment fee was re-charged 12 times (540.00 on top of the 135.00 owed); a plan
    # charges none unless asked, so at 0% it pays exactly the 3,776.18 owed, fees 135.00 of it
    assert term["metrics"]["total_fees"] == "135.00" and term["metrics"]["total_payment"] == "3776.18"
    assert any("no installment fee" in line for line in term["basis"])


def test_a_matured_loan_left_alone_keeps_accruing_penalty_as_long_as_the_longest_plan() -> None:
    plans = json.loads(run(HUABEI, "--term", "12", "--format", "json").stdout)["plans"]
    contract, term = plans
    # the loan matured on 10 July 2025; the 12-installment plan ends on 10 July 2026, and so does doing nothing:
    # penalty at 0.05%/day runs on each overdue bill from its last change to 10 July 2026, rounded once each:
    #   #3: 10.45 (paid) + 555.45 × 0.05% × 436 days (30 Apr 2025 →) = 121.0881 → 121.09
    #   #4: 1,045.00 × 0.05% × 426 days = 222.585 → 222.59;  #5: × 395 days = 206.3875 → 206.39
    #   #6: 1,045.00 × 0.05% × 365 days = 190.7125 → 190.71
    # unpaid penalty 121.09 + 222.59 + 206.39 + 190.71 = 740.78; with principal 3,555.45 and fees 135.00: 4,431.23
    assert term["metrics"]["payoff_date"] == "2026-07-10" == contract["metrics"]["payoff_date"]
    assert contract["metrics"]["total_penalty"] == "740.78" and contract["metrics"]["total_payment"] == "4431.23"
    assert term["metrics"]["saving"] == "655.05"  # 4,431.23 − 3,776.18 (everything owed, at 0% and no fee)
    assert "penalty keeps running under the penalty terms until everything owed is paid on 2026-07-10" in (
        contract["basis"][-1])


def test_a_matured_loan_with_nothing_to_compare_is_settled_on_the_date() -> None:
    plans = json.loads(run(HUABEI, "--format", "json").stdout)["plans"]
    assert [p["metrics"]["total_payment"] for p in plans] == ["3776.18"]  # the statement's total, on 20 July


@pytest.mark.parametrize("command", [["compare"], ["propose"], ["export", "-o", "never-written.xlsx"]])
def test_a_date_before_the_last_payment_is_refused_by_every_planning_command(command: list[str],
                                                                              tmp_path: Path) -> None:
    # examples/hardship.toml's last payment is on 2025-09-25: a plan from 2025-09-01 would forget it
    args = [a if a != "never-written.xlsx" else str(tmp_path / a) for a in command]
    result = CliRunner().invoke(main, [args[0], EXAMPLE, *args[1:], "--date", "2025-09-01"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("Error: --as-of: 2025-09-01 is before the last payment on 2025-09-25; a plan "
                                     "starts from what is owed after every payment, so give 2025-09-25 or later")
    assert not (tmp_path / "never-written.xlsx").exists()
