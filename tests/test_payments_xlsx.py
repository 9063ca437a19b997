"""Payment histories from Excel, as banks and payment apps export them: the
first sheet, columns date and amount (日期/还款日期, 金额/还款金额), read by
the same rules as the CSV and with the same messages (by row number)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from click.testing import CliRunner

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HUABEI = str(EXAMPLES / "huabei-arrears.toml")
HARDSHIP = str(EXAMPLES / "hardship.toml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def workbook(path: Path, rows: list[list[Any]], first_sheet: str = "还款记录") -> Path:
    """A workbook as a payment app exports it: real dates and numbers, a second sheet that is not read."""
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet(first_sheet)
    when = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, date):
                ws.write_datetime(r, c, datetime(value.year, value.month, value.day), when)
            elif isinstance(value, str):
                ws.write_string(r, c, value)
            elif value is not None:
                ws.write_number(r, c, value)
    book.add_worksheet("说明").write_string(0, 0, "date,amount: not this sheet")
    book.close()
    return path


def huabei_payments() -> list[tuple[date, str]]:
    """The [[payments]] of the Huabei example, to write out as CSV and as a workbook."""
    from repayplan.casefile import load_document

    doc = load_document(HUABEI)
    return [(p["date"], str(p["amount"])) for p in doc["payments"]]


def test_a_workbook_history_gives_the_statement_the_csv_gives(tmp_path: Path) -> None:
    payments = huabei_payments()
    assert payments
    csv = tmp_path / "paid.csv"
    csv.write_text("date,amount\n" + "".join(f"{d.isoformat()},{a}\n" for d, a in payments), encoding="utf-8")
    xlsx = workbook(tmp_path / "paid.xlsx", [["还款日期", "还款金额", "备注"]] +
                    [[d, float(a), "app"] for d, a in payments])
    by_csv = run("status", HUABEI, "--payments", str(csv), "--format", "json")
    by_xlsx = run("status", HUABEI, "--payments", str(xlsx), "--format", "json")
    assert by_csv[0] == by_xlsx[0] == 0, by_xlsx[2]
    assert json.loads(by_xlsx[1])["summary"] == json.loads(by_csv[1])["summary"]
    assert [p["amount"] for p in json.loads(by_xlsx[1])["payments"]] == [a for _, a in payments]


def test_compare_and_export_take_the_workbook_too(tmp_path: Path) -> None:
    """No payment at all in the workbook but its header: the hardship loan, nothing paid, is deeper in
    arrears than with its seven payments; compare and export both say so."""
    empty = workbook(tmp_path / "none.xlsx", [["date", "amount"]])
    code, out, err = run("compare", HARDSHIP, "--payments", str(empty), "--format", "json", "--scenario",
                         "Lump-sum settlement")
    assert code == 0, err
    owed = json.loads(out)["position"]["total"]
    code, out, _ = run("compare", HARDSHIP, "--format", "json", "--scenario", "Lump-sum settlement")
    assert json.loads(out)["position"]["total"] == "55571.01" != owed
    target = tmp_path / "case.xlsx"
    code, _, err = run("export", HARDSHIP, "-o", str(target), "--payments", str(empty), "--scenario",
                       "Lump-sum settlement")
    assert code == 0, err
    import openpyxl

    wb = openpyxl.load_workbook(target, data_only=True)
    assert "Arrears" in wb.sheetnames  # in arrears with nothing paid: the penalty calculation is there
    total = next(r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0] == "Total owed")
    assert f"{total:.2f}" == owed


def test_bad_rows_are_named_by_row_with_the_csv_messages(tmp_path: Path) -> None:
    xlsx = workbook(tmp_path / "bad.xlsx", [["日期", "金额"], [date(2025, 3, 10), 100.0], ["later", 5.0],
                                             [date(2025, 4, 1), -3.0], [date(2025, 4, 2), None]])
    code, _, err = run("status", HUABEI, "--payments", str(xlsx))
    assert code == 2
    assert err.splitlines() == [
        f"Error: {xlsx}: row 3: date: 'later' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15",
        f"Error: {xlsx}: row 4: amount: must be 0 or more, got -3",
        f"Error: {xlsx}: row 5: amount: missing; give an amount such as 1000.00",
    ]
    csv = tmp_path / "bad.csv"
    csv.write_text("日期,金额\n2025-03-10,100\nlater,5\n2025-04-01,-3\n2025-04-02,\n", encoding="utf-8")
    code, _, csv_err = run("status", HUABEI, "--payments", str(csv))
    assert csv_err.replace(str(csv), "F").replace("line", "row") == err.replace(str(xlsx), "F")
    not_a_workbook = tmp_path / "paid.xlsx"
    not_a_workbook.write_text("date,amount\n", encoding="utf-8")
    code, _, err = run("status", HUABEI, "--payments", str(not_a_workbook))
    assert code == 2 and err.startswith(f"Error: {not_a_workbook}: cannot read it as an .xlsx workbook")


def test_batch_reads_payments_from_a_workbook(tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text("case_id,principal,rate,term,method,start\nA,12000,1.5%/month,12,annuity,2025-01-10\n",
                     encoding="utf-8")
    csv = tmp_path / "paid.csv"
    csv.write_text("case_id,date,amount\nA,2025-02-10,1100.00\nA,2025-03-10,1100.00\n", encoding="utf-8")
    xlsx = workbook(tmp_path / "paid.xlsx", [["case_id", "还款日期", "还款金额"], ["A", date(2025, 2, 10), 1100.0],
                                             ["A", date(2025, 3, 10), 1100]])
    outs = []
    for paid in (csv, xlsx):
        out = tmp_path / f"out-{paid.suffix[1:]}.csv"
        code, _, err = run("batch", str(cases), "--payments", str(paid), "--as-of", "2025-06-30", "-o", str(out))
        assert code == 0, err
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and "2200.00" in outs[0]
    bad = workbook(tmp_path / "bad.xlsx", [["case_id", "date", "amount"], ["A", "soon", 1]])
    code, _, err = run("batch", str(cases), "--payments", str(bad), "--as-of", "2025-06-30")
    assert code == 2 and f"--payments: {bad} row 2: date" in err
