"""Readers that never recalculate (pandas, openpyxl ``data_only``, previews)
see the figures `repayplan compare --format json` prints: every formula is
written with its value. Nothing here runs a spreadsheet engine.
"""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from repayplan.cli import main
from repayplan.report.excel.summary import metric_label

from .test_export_cli import EXAMPLES, HARDSHIP, MORATORIUM, comparison_table

#: the plan-sheet columns and the JSON row field each holds
COLUMNS = {"E": "opening_balance", "F": "payment", "G": "principal", "H": "interest", "I": "fees", "J": "penalty",
           "K": "closing_balance"}
#: figures the Summary shows as amounts, counts or dates (percentages are compared as compare rounds them)
FIGURES = ("total_payment", "total_principal", "total_interest", "total_penalty", "total_fees", "forgiven",
           "payments", "first_payment", "largest_payment", "smallest_payment", "payoff_date", "creditor_npv", "saving")


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module", params=["hardship", "moratorium", "mortgage"])
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp(request.param)
    path = {"hardship": HARDSHIP, "mortgage": EXAMPLES / "mortgage.toml"}.get(request.param)
    if path is None:
        path = folder / "case.toml"
        path.write_text(MORATORIUM, encoding="utf-8")
    date = ["--date", "2026-03-01"] if request.param == "mortgage" else []
    out = folder / "case.xlsx"
    cli("export", str(path), "-o", str(out), *date)
    return out, json.loads(cli("compare", str(path), "--format", "json", *date))


def dec(value: Any) -> Decimal:
    assert isinstance(value, int | float) and not isinstance(value, bool), f"expected a number, got {value!r}"
    return Decimal(repr(value))


def test_every_formula_carries_its_value(case: tuple[Path, dict[str, Any]]) -> None:
    """In the file itself: each <f> is followed by a non-empty <v>."""
    with zipfile.ZipFile(case[0]) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        for name in sheets:
            xml = z.read(name).decode()
            formulas = re.findall(r"<f>[^<]*</f>(<v>[^<]*</v>)?", xml)
            assert formulas or "sheet" in name
            assert all(v not in ("", "<v></v>") for v in formulas), name


def test_cached_plan_rows_and_summary_are_compares(case: tuple[Path, dict[str, Any]]) -> None:
    path, data = case
    wb = openpyxl.load_workbook(path, data_only=True)
    table = comparison_table(wb[wb.sheetnames[0]])
    problems = []
    for index, plan in enumerate(data["plans"]):
        title = wb.sheetnames[1 + index]
        ws = wb[title]
        for i, row in enumerate(plan["rows"]):
            for col, field in COLUMNS.items():
                got = ws[f"{col}{9 + i}"].value
                if dec(got) != Decimal(row[field]):
                    problems.append(f"{title} {col}{9 + i} {field}: cached {got!r}, compare {row[field]}")
        total = 9 + len(plan["rows"])
        if dec(ws[f"F{total}"].value) != Decimal(plan["metrics"]["total_payment"]):
            problems.append(f"{title} total: {ws[f'F{total}'].value!r}")
        column = table[title]
        for key in FIGURES:
            want, got = plan["metrics"][key], column.get(metric_label(key, "en"))
            if want is None:
                ok = got == "—"
            elif key == "payoff_date":
                ok = got.date().isoformat() == want
            elif key == "payments":
                ok = got == want
            else:
                ok = dec(got) == Decimal(want)
            if not ok:
                problems.append(f"Summary {title} {key}: cached {got!r}, compare {want}")
        for key in ("annual_cost", "recovery"):
            want, got = plan["metrics"][key], column.get(metric_label(key, "en"))
            if want is not None and f"{Decimal(repr(got)) * 100:.2f}%" != want:
                problems.append(f"Summary {title} {key}: cached {got!r}, compare {want}")
    assert problems == [], "\n".join(problems[:20])


def test_pandas_reads_every_total(case: tuple[Path, dict[str, Any]]) -> None:
    """pandas.read_excel (no recalculation): the payment column of every plan sheet is numbers, none blank,
    summing to compare's total."""
    path, data = case
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    for index, plan in enumerate(data["plans"]):
        frame = pd.read_excel(path, sheet_name=names[1 + index], header=7, nrows=len(plan["rows"]) + 1)
        payments = frame["Payment"]
        assert payments.notna().all()
        assert Decimal(str(round(payments.iloc[:-1].sum(), 2))) == Decimal(plan["metrics"]["total_payment"])
        assert Decimal(str(payments.iloc[-1])) == Decimal(plan["metrics"]["total_payment"])
