"""The rules every input passes: amounts, whole numbers, dates, texts, the case-file schema, CSV records."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.casefile import Reader, parse_document
from repayplan.casefile.arrears import parse_payments_csv
from repayplan.casefile.loan import read_case_info
from repayplan.casefile.schema import TABLES, schema_problems
from repayplan.cli import main
from repayplan.errors import CaseFileError, InputError
from repayplan.inputs import LAST_DATE, parse_date, parse_whole, text_problem
from repayplan.money import MAX_AMOUNT, to_decimal
from repayplan.report.render import csv_cell, csv_text


@pytest.mark.parametrize("text,value", [
    ("1000", "1000"), ("1,000.00", "1000.00"), ("12,345,678.9", "12345678.9"), ("-1,045.00", "-1045.00"),
    ("１２３４．５", "1234.5"), ("１，０００", "1000"), ("￥1,200.50", "1200.50"), ("¥ 88", "88"), ("3500元", "3500"),
    ("  7 ", "7"), ("1e3", "1E+3"), (".5", "0.5"),
])
def test_amounts_read_as_written(text: str, value: str) -> None:
    assert to_decimal(text, "amount") == Decimal(value)


@pytest.mark.parametrize("text", ["1,5", "1,00", "10,00.00", "1,0000", ",100", "1.000,50", "1_000"])
def test_a_comma_that_does_not_group_thousands_is_refused_with_the_fix(text: str) -> None:
    with pytest.raises(InputError) as info:
        to_decimal(text, "--principal")
    message = str(info.value)
    assert message.startswith(f"--principal: {text!r} ")
    assert "1,000.50" in message or "1000.50" in message


def test_currency_marks_belong_to_cny_only() -> None:
    assert to_decimal("¥100", "amount", "CNY") == 100
    with pytest.raises(InputError, match="marked as CNY .* but the currency is USD"):
        to_decimal("¥100", "amount", "USD")


@pytest.mark.parametrize("value", ["1e38", Decimal("9e999999"), "1" * 41, 10**18, Decimal("1e-999999999"),
                                   "0.0000000000001"])
def test_amounts_are_bounded_before_any_arithmetic(value: object) -> None:
    with pytest.raises(InputError):
        to_decimal(value, "amount")
    assert to_decimal(MAX_AMOUNT - 1, "amount") == MAX_AMOUNT - 1


def test_whole_numbers_and_dates_are_bounded() -> None:
    with pytest.raises(InputError, match="too large"):
        parse_whole(Decimal("1e999999999"), "term", 1, 1200)
    with pytest.raises(InputError, match="too large"):
        parse_whole("9" * 5000, "term", 1, 1200)
    with pytest.raises(InputError, match="whole number"):
        parse_whole("１２", "term", 1, 1200)  # full-width digits are for amounts, not counts
    assert parse_date(str(LAST_DATE), "start") == LAST_DATE
    with pytest.raises(InputError, match="out of range"):
        parse_date("2200-01-01", "start")


@pytest.mark.parametrize("text,problem", [
    ("Li\x00", "control character (U+0000) at position 3"),
    ("a\nb", "control character (U+000A)"),
    ("a\u2028b", "control character (U+2028)"),
    ("x" * 201, "is 201 characters long; keep it to 200"),
])
def test_text_fields_refuse_control_characters_and_excess(text: str, problem: str) -> None:
    assert problem in str(text_problem(text, "case.borrower") or "")


def test_a_case_text_with_a_control_character_is_named() -> None:
    reader = Reader()
    read_case_info(reader, parse_document('[case]\nborrower = "Li\\u0001"'))
    assert [str(p) for p in reader.problems] == [
        "case.borrower: has a control character (U+0001) at position 3; remove it"]


@pytest.mark.parametrize("text,problem", [
    ("[penalti]\nrate = '1%'", "penalti: unknown table; did you mean 'penalty'?"),
    ("[[payment]]\ndate = 2025-01-01", "payment: unknown table; did you mean 'payments'?"),
    ("[[scenario]]\nname = 'x'", "scenario: unknown table; did you mean 'scenarios'?"),
    ("[lon]\nprincipal = 1", "lon: unknown table; did you mean 'loan'?"),
    ("[case]\nas_off = 2025-01-01", "case.as_off: unknown field; did you mean 'as_of'?"),
    ("[[debts]]\nname = 'c'\n[debts.penalty]\nrat = '1%'", "debts[1].penalty.rat: unknown field; did you mean 'rate'?"),
    ("principal = 5", "principal: unknown table; a key of [loan] goes under its table, e.g. [loan] principal = ..."),
])
def test_unknown_tables_and_keys_are_named_with_the_nearest(text: str, problem: str) -> None:
    assert schema_problems(parse_document(text))[0].startswith(problem)


def test_every_reader_takes_its_keys_from_the_schema() -> None:
    from repayplan.casefile import arrears, debts, loan, scenarios

    assert loan.LOAN_FIELDS == TABLES["loan"].keys and loan.CASE_FIELDS == TABLES["case"].keys
    assert arrears.PENALTY_FIELDS == TABLES["penalty"].keys and arrears.PAYMENT_FIELDS == TABLES["payments"].keys
    assert scenarios.BORROWER_FIELDS + scenarios.BORROWER_TEXT_FIELDS == TABLES["borrower"].keys
    assert scenarios.CREDITOR_FIELDS == TABLES["creditor"].keys
    assert debts.BUDGET_FIELDS == TABLES["budget"].keys
    assert set(debts.REVOLVING_FIELDS) | set(loan.LOAN_FIELDS + debts.INSTALLMENT_EXTRA) == set(TABLES["debts"].keys)


def test_a_misspelt_penalty_table_no_longer_drops_the_penalty(tmp_path: Path) -> None:
    # the case: [penalti] used to print a total without penalty, with exit 0
    example = Path(__file__).resolve().parent.parent / "examples" / "huabei-arrears.toml"
    case = tmp_path / "case.toml"
    case.write_text(example.read_text(encoding="utf-8").replace("[penalty]", "[penalti]"), encoding="utf-8")
    result = CliRunner().invoke(main, ["status", str(case)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"Error: {case}: penalti: unknown table; did you mean 'penalty'?\n"


def test_payments_csv_lines_are_physical_lines() -> None:
    text = ('\n\ndate,amount,note\n2025-02-01,100.00,"two\nlines"\n\n2025-03-01,"1,5",x\n'
            '2025-04-01,"100,plain\n2025-05-01,abc,\n')
    with pytest.raises(CaseFileError) as info:
        parse_payments_csv(text, None, "paid.csv")
    assert str(info.value.problems[0]).startswith("line 7: amount: '1,5' has a comma that does not group thousands")
    assert str(info.value.problems[1]).startswith("line 8: a quote opens in this line and does not close")
    assert str(info.value.problems[2]).startswith("line 9: amount: 'abc' is not a number")
    assert len(info.value.problems) == 3


def test_payments_csv_refuses_a_column_named_twice() -> None:
    with pytest.raises(CaseFileError, match="two 'amount' columns"):
        parse_payments_csv("date,amount,金额\n2025-01-01,1,2\n", None)


def test_csv_cells_that_a_spreadsheet_would_run_get_a_quote() -> None:
    # OWASP: = + - @ tab CR at the start of a text cell; numbers (negative ones too) are left alone
    assert csv_text(["id", "amount"], [["=cmd|' /C calc'!A0", "-1.00"], ["\tx", "+5%"], ["\r=1", "3"]]) == (
        "id,amount\n'=cmd|' /C calc'!A0,-1.00\n'\tx,+5%\n'\r=1,3\n")
    assert [csv_cell(v) for v in ("-", "+", "@")] == ["'-", "'+", "'@"]


def test_a_long_moratorium_says_no_installment_fits(tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text('[loan]\nprincipal = 10000\nrate = "12%"\nterm = 12\nstart = 2025-01-01\n[[scenarios]]\n'
                    'name = "long"\ndate = 2025-02-01\nsteps = [{op = "moratorium", periods = 1000, interest = '
                    '"capitalise"}, {op = "term", installments = 60}]\n')
    result = CliRunner().invoke(main, ["compare", str(case)])
    assert result.exit_code == 2
    assert result.stderr == (f'Error: {case}: scenarios[1] "long" step 2 (term): moratorium and interest-only '
                             "periods (1000) leave no installment within the maximum 60; shorten them, or raise "
                             "[creditor] max_term\n")


def test_an_empty_scenario_name_is_refused(tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text('[loan]\nprincipal = 1000\nrate = "12%"\nterm = 12\nstart = 2025-01-01\n[[scenarios]]\n'
                    'name = ""\nsteps = [{op = "term", installments = 6}]\n')
    result = CliRunner().invoke(main, ["compare", str(case)])
    assert result.exit_code == 2
    assert "scenarios[1].name: empty; give the scenario a name" in result.stderr


def test_a_symlink_loop_is_not_called_missing(tmp_path: Path) -> None:
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    for command in ("batch", "build"):
        result = CliRunner().invoke(main, [command, str(tmp_path / "a.csv")])
        assert result.exit_code == 2 and "Too many levels of symbolic links" in result.stderr, result.stderr


def _doc_examples() -> list[tuple[str, str]]:
    """(command, expected output) of each console example in docs/input-safety.md that needs no file of its own
    (those with a comment describe a file the reader imagines)."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "input-safety.md").read_text(encoding="utf-8")
    examples, command, output, inside = [], None, [], False
    for line in doc.splitlines():
        if line.startswith("```"):
            inside = not inside
        if (line.startswith("$ ") or line.startswith("```")) and command is not None:
            examples.append((command, "\n".join(output)))
            command = None
        if inside and line.startswith("$ repayplan ") and "#" not in line:
            command, output = line[len("$ repayplan "):], []
        elif command is not None and inside and not line.startswith("```"):
            output.append(line)
    return examples


@pytest.mark.parametrize("command,expected", _doc_examples(), ids=[c[:50] for c, _ in _doc_examples()])
def test_the_input_safety_docs_examples_run_as_shown(command: str, expected: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex

    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    result = CliRunner().invoke(main, shlex.split(command))
    assert (result.stdout + result.stderr).rstrip("\n") == expected


def test_the_letters_tables_are_in_the_schema() -> None:
    from repayplan.agreement.model import ROLES
    from repayplan.casefile import agreement

    assert TABLES["parties"].keys == ROLES
    assert agreement.PARTY_KEYS == TABLES["parties"].nested["borrower"].keys
    assert agreement.AGREEMENT_FIELDS == TABLES["agreement"].keys
    problems = schema_problems(parse_document('[parties.lender]\nname = "x"\n[agreement.account]\nholdr = "x"\n'
                                              '[borrower.hardship]\ntxt = "x"\n'))
    assert problems == ["parties.lender: unknown field; known fields: creditor, borrower, mediator",
                        "agreement.account.holdr: unknown field; did you mean 'holder'?",
                        "borrower.hardship.txt: unknown field; did you mean 'text'?"]
