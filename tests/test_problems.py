"""Problems as data: each problem keeps its place, a flag's problem names the
flag, and ``--format json`` gives programs the same problems the person reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from repayplan.casefile import Reader
from repayplan.cli import main
from repayplan.cli.flags import FLAGS, at_flags
from repayplan.errors import CaseFileError, Problem, problems_of

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
RATE_HINT = "write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@settings(deadline=None)  # the first example loads the labels
@given(st.text(alphabet=st.sampled_from("ab.:;- [1]-"), max_size=30))
def test_a_line_read_as_a_problem_is_written_back_the_same(line: str) -> None:
    assert str(Problem.from_line(line)) == line


def test_the_reader_keeps_each_problem_at_its_place() -> None:
    reader = Reader("case.toml")
    reader.rate({"rate": "abc"}, "rate", "loan")
    reader.problem("payments[2].date", "missing; give a date")
    with pytest.raises(CaseFileError) as caught:
        reader.check()
    assert [p.as_json() for p in problems_of(caught.value)] == [
        {"path": "loan.rate", "message": "'abc' is not a rate", "hint": RATE_HINT, "file": "case.toml"},
        {"path": "payments[2].date", "message": "missing", "hint": "give a date", "file": "case.toml"}]
    assert str(caught.value).splitlines() == [
        f"case.toml: loan.rate: 'abc' is not a rate; {RATE_HINT}", "case.toml: payments[2].date: missing; give a date"]


def test_every_flag_of_the_table_is_an_option_of_a_command() -> None:
    import click

    ctx = click.Context(main)
    commands = [main.get_command(ctx, name) for name in main.list_commands(ctx)]
    options = {opt for command in commands if command for param in command.params for opt in param.opts}
    assert set(FLAGS.values()) <= options
    moved = at_flags([Problem(path="budget.start", message="bad"), Problem(path="loan.start", message="bad")],
                     {"loan.start"}, "c.toml")
    assert [str(p) for p in moved] == ["c.toml: budget.start: bad", "--start: bad"]


@pytest.mark.parametrize("args, expected", [
    (["build", "--principal", "-5", "--rate", "abc", "--term", "12"],
     [("--principal", "must be a positive amount, got -5", ""), ("--rate", "'abc' is not a rate", RATE_HINT)]),
    (["status", str(EXAMPLES / "huabei-arrears.toml"), "--grace-days", "-1", "--cap", "zz"],
     [("--grace-days", "must be a whole number, got '-1'", ""),
      ("--cap", "'zz' is not a cap", "write it like 24% or 4xLPR")]),
    (["plan", str(EXAMPLES / "three-debts.toml"), "--monthly", "-3"], [("--monthly", "must be 0 or more, got -3", "")]),
    (["propose", str(EXAMPLES / "negotiation.toml"), "--max-payment", "-1"],
     [("--max-payment", "must be 0 or more, got -1", "")]),
    (["compare", str(EXAMPLES / "card-full-balance.toml"), "--term", "0"],
     [("--term", "installments must be a whole number from 1 up, got 0", "")]),
])
def test_json_failure_gives_the_problems_as_data_and_text_stays_one_line_each(args: list[str],
                                                                              expected: list[tuple[str, ...]]) -> None:
    code, text_out, text_err = run(*args)
    code_json, out, err = run(*args, "--format", "json")
    assert code == code_json == 2 and text_out == "" and err == text_err
    errors = json.loads(out)["errors"]
    assert [(e["path"], e["message"], e["hint"]) for e in errors] == expected
    # the lines a person reads are the same problems, written "path: message; hint"
    assert err.splitlines() == [f"Error: {p}: {m}; {h}" if h else f"Error: {p}: {m}" for p, m, h in expected]


def test_a_problem_in_the_case_file_names_the_file_and_its_place(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    case.write_text('[loan]\nprincipal = "1000"\nrate = "5%"\nterm = 12\nstart = "2025-01-15"\nmethod = "anuity"\n',
                    encoding="utf-8")
    code, out, err = run("build", str(case), "--format", "json")
    (problem,) = json.loads(out)["errors"]
    assert code == 2 and (problem["file"], problem["path"]) == (str(case), "loan.method")
    assert err == f"Error: {case}: loan.method: {problem['message']}" + (f"; {problem['hint']}" if problem["hint"]
                                                                         else "") + "\n"


def test_a_problem_is_shown_in_the_users_language_and_given_to_programs_in_english() -> None:
    args = ["build", "--principal", "1000", "--rate", "5pct", "--term", "12", "--format", "json"]
    code, out, err = run(*args, "--lang", "zh")
    (problem,) = json.loads(out)["errors"]
    assert code == 2 and problem == {"path": "--rate", "message": "'5pct' is not a rate", "hint": RATE_HINT}
    assert err == "错误：--rate：'5pct' 不是利率；请写成 '4.9%'（年利率）、'年4.9%'、'月1.5%' 或 '日0.05%' 的形式\n"


def test_a_payments_file_problem_is_at_its_line_and_column(tmp_path: Path) -> None:
    paid = tmp_path / "paid.csv"
    paid.write_text("date,amount\n2025-02-15,x\n", encoding="utf-8")
    case = str(EXAMPLES / "huabei-arrears.toml")
    code, out, err = run("status", case, "--payments", str(paid), "--format", "json")
    (problem,) = json.loads(out)["errors"]
    assert code == 2 and (problem["file"], problem["path"]) == (str(paid), "line 2: amount")
    assert err == f"Error: {paid}: line 2: amount: 'x' is not a number; write it like 1000 or 1000.50\n"
    code, _, err = run("status", case, "--payments", str(paid), "--lang", "zh")
    assert err == f"错误：{paid}: 第2行金额：'x' 不是数字；请写成 1000 或 1000.50 的形式\n"


def test_a_case_list_missing_a_column_is_said_in_both_languages(tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text("case_id,principl,rate,term,method,start\nA,1000,5%,12,annuity,2025-01-01\n", encoding="utf-8")
    code, _, err = run("batch", str(cases))
    assert code == 2 and err == (f"Error: {cases}: missing column 'principal' (is 'principl' meant to be "
                                 "'principal'?); a case list needs the columns case_id, principal, rate, term, "
                                 "method, start\n")
    code, _, err = run("batch", str(cases), "--lang", "zh")
    assert code == 2 and err == (f"错误：{cases}: 缺少 'principal' 列（'principl' 是否应为 'principal'？）；"
                                 "案件列表须有以下各列：case_id, principal, rate, term, method, start\n")
