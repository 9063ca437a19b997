"""`repayplan export`: what it writes, and that nothing is ever lost.

The workbook is opened again with openpyxl and every amount written as a
value is compared with the core's (compare's plans, the arrears statement);
formulas are checked after recalculation in test_export_recalc.py.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from repayplan.arrears import statement
from repayplan.casefile import load_document
from repayplan.casefile.scenarios import read_compare_case
from repayplan.cli import main
from repayplan.compare import compare

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HARDSHIP = EXAMPLES / "hardship.toml"
#: a plan with a moratorium (capitalised interest) and one with arrears carried interest-free
MORATORIUM = """
[case]
id = "T-MORATORIUM"
as_of = 2025-06-01
[loan]
principal = 24000
rate = "12%"
term = 24
start = 2025-01-05
[[scenarios]]
name = "Three months' breathing space"
steps = [{op = "moratorium", periods = 3, interest = "capitalise"}, {op = "term", installments = 24}]
"""


def column(ws: Any, letter: str) -> Any:
    """A column's dimensions (XlsxWriter writes neighbours of one width as one range, which openpyxl keys by
    its first letter)."""
    from openpyxl.utils import column_index_from_string

    index = column_index_from_string(letter)
    return next(d for d in ws.column_dimensions.values() if d.min <= index <= d.max)


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["export", *args])


def comparison_of(path: Path, day: date | None = None) -> Any:
    data = read_compare_case(load_document(path), str(path))
    return compare(data.debt, data.scenarios, day or data.info.as_of, data.borrower, data.creditor)


def amount(value: Any) -> Decimal:
    assert isinstance(value, int | float), f"expected a number, got {value!r}"
    return Decimal(repr(value))


@pytest.fixture(scope="module")
def hardship(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "hardship.xlsx"
    result = run(str(HARDSHIP), "-o", str(out), "--cap", "24%")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (f"Wrote {out}: 6 plans compared, terms from 'Interest freeze, 36 months'\n")
    return out


def test_the_sheets_of_a_case_with_a_history(hardship: Path) -> None:
    wb = openpyxl.load_workbook(hardship)
    assert wb.sheetnames == ["Summary", "Contract as it stands", "Interest freeze, 36 months",
                             "Penalty waived, 24 months", "Lump-sum settlement", "What the borrower can afford",
                             "Settlement in installments", "Contract schedule", "Arrears", "Terms", "Charts"]


def test_every_plan_amount_is_compares(hardship: Path) -> None:
    """compare's plans are written with the core's amounts (values) and
    formula payments and balances; every value equals compare's."""
    comparison = comparison_of(HARDSHIP)
    wb = openpyxl.load_workbook(hardship)
    for plan in comparison.plans:
        ws = wb[plan.name if plan.kind != "contract" else "Contract as it stands"]
        assert amount(ws["E3"].value) == plan.rows[0].opening_balance
        for i, row in enumerate(plan.rows):
            r = 9 + i
            assert (ws[f"A{r}"].value, ws[f"B{r}"].value.date(), ws[f"C{r}"].value) == (
                row.period, row.due_date, row.days)
            for col, attr in (("G", "principal"), ("H", "interest"), ("I", "fees"), ("J", "penalty")):
                assert amount(ws[f"{col}{r}"].value) == getattr(row, attr), (plan.name, r, attr)
            assert ws[f"F{r}"].value == f"=ROUND(G{r}+H{r}+I{r}+J{r},2)"
            assert ws[f"K{r}"].value.startswith(f"=ROUND(E{r}-G{r}")
            if any(x.frozen_balance or x.capitalised for x in plan.rows):
                assert amount(ws[f"M{r}"].value) == row.frozen_balance
        total = 9 + len(plan.rows)
        assert ws[f"F{total}"].value == f"=ROUND(SUM(F9:F{total - 1}),2)"


def test_the_arrears_sheet_is_the_statement(hardship: Path) -> None:
    data = read_compare_case(load_document(HARDSHIP), str(HARDSHIP))
    st = statement(data.debt.loan, list(data.debt.payments), data.debt.penalty, data.info.as_of)
    ws = openpyxl.load_workbook(hardship)["Arrears"]
    rows = list(ws.iter_rows(values_only=True))
    paid = [(r[1].date(), amount(r[3])) for r in rows if isinstance(r[0], int) and r[2] is None and r[3] is not None]
    assert paid == [(p.date, p.amount) for p in st.payments]
    start = next(i for i, r in enumerate(rows) if r[0] == "Period") + 1
    lines = rows[start:start + len(st.lines)]
    for got, line in zip(lines, st.lines, strict=True):
        assert got[0] == line.period and got[1].date() == line.due_date
        assert [amount(v) for v in got[3:9]] == [line.due, line.paid, line.unpaid_principal, line.unpaid_interest,
                                                 line.penalty_interest, line.fees]
        assert got[9] == line.days_overdue
        assert (got[10] or "") == "\n".join(line.trace)
    totals = {r[0]: r[3] for r in rows if r[0] and isinstance(r[3], int | float) and r[1] is None}
    assert amount(totals["Total to settle in full"]) == st.payoff_amount
    assert amount(totals["Penalty interest (unpaid)"]) == st.penalty_interest


def comparison_table(ws: Any) -> dict[str, dict[str, Any]]:
    """The Summary's comparison, every block of plans: plan name -> figure label -> cell value."""
    rows = list(ws.iter_rows(values_only=True))
    out: dict[str, dict[str, Any]] = {}
    for top, head in enumerate(rows):
        if head[0] not in ("Figure", "项目"):
            continue
        names = [n for n in head[1:] if n]
        for n in names:
            out[n] = {}
        for r in rows[top + 1:]:
            if not r[0] or r[1] is None:
                break
            for n, value in zip(names, r[1:], strict=False):
                out[n][r[0]] = value
    return out


def test_the_summary_holds_the_debt_compares_figures_and_the_cap(hardship: Path) -> None:
    comparison = comparison_of(HARDSHIP)
    ws = openpyxl.load_workbook(hardship)["Summary"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(values_only=True) if r[0]}
    p = comparison.position
    assert amount(rows["Principal outstanding"][0]) == p.principal
    assert amount(rows["Penalty interest"][0]) == p.penalty
    assert rows["Total owed"][0].startswith("=ROUND(SUM(B")  # principal + interest + accrued + penalty + fees
    # compare's solved figures are written as its values; totals point at the plan sheets
    freeze = comparison.metrics[1]
    table = comparison_table(ws)["Interest freeze, 36 months"]
    assert amount(table["Creditor's NPV"]) == freeze.creditor_npv
    assert amount(table["Borrower's effective annual cost"]) == freeze.annual_cost
    assert table["Total to pay"] == "='Interest freeze, 36 months'!$F$45"
    assert table["Saving against the contract"] == ("=ROUND('Contract as it stands'!$F$" + str(
        9 + len(comparison.plans[0].rows)) + "-'Interest freeze, 36 months'!$F$45,2)")
    assert amount(rows["Cap (annual)"][0]) == Decimal("0.24")
    assert rows["Result"][0] in ("within the cap", "above the cap")


def test_conventions_people_expect(hardship: Path) -> None:
    wb = openpyxl.load_workbook(hardship)
    ws = wb["Contract schedule"]
    assert ws.freeze_panes == "A9"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth in (None, 1)  # 1 is the default
    assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$8:$8"
    assert ws.oddFooter.left.text == "Case EX-HARDSHIP · Mediator's copy (all figures)"
    assert "&P" in ws.oddFooter.right.text
    assert ws["F9"].number_format == "#,##0.00;[Red]-#,##0.00"
    assert ws["H3"].number_format == "0.00####%" and ws["B9"].number_format == "yyyy-mm-dd"
    assert ws.auto_filter.ref == "A8:K44"
    assert wb["Summary"].print_title_cols == "$A:$A"  # the row labels on every page of the comparison
    for name in wb.sheetnames:  # A4 everywhere; the agreement upright, the tables across
        assert wb[name].page_setup.paperSize == 9, name
        assert wb[name].page_setup.orientation == ("portrait" if name == "Terms" else "landscape"), name
        assert wb[name].sheet_properties.pageSetUpPr.fitToPage, name
    # no ####: every amount column is wider than its longest amount, grouped
    widest = max(len(f"{v:,.2f}") for v in (Decimal("60000.00"), Decimal("78089.04")))
    assert all(column(ws, c).width > widest for c in "EFGK")
    props = wb.properties
    assert props.title == "Case file EX-HARDSHIP: repayment plans"
    assert props.subject == "Cash loan in arrears: hardship restructuring options"
    assert props.creator == "repayplan"
    assert abs((datetime.now() - props.created).total_seconds()) < 600


def test_charts_one_for_the_balances_and_one_per_plan(hardship: Path) -> None:
    with zipfile.ZipFile(hardship) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        balance = z.read("xl/charts/chart1.xml").decode()
    assert len(charts) == 1 + 7  # six compared plans and the contract schedule
    assert balance.count("<c:ser>") == 6 and "Interest freeze, 36 months" in balance


def test_every_sheet_title_row_is_tall_enough_for_its_font(hardship: Path) -> None:
    """A 14-point title in the default 15-point row: LibreOffice draws the next row's text over it."""
    wb = openpyxl.load_workbook(hardship)
    for ws in wb.worksheets:
        if ws["A1"].font.sz == 14:
            assert (ws.row_dimensions[1].height or 0) >= 21, ws.title


def test_no_balance_chart_when_every_plan_is_one_payment(tmp_path: Path) -> None:
    """The Huabei case under the 4×LPR cap: the contract's one remaining payment is the only compared plan.
    A balance line of one point would be drawn on an axis from 2025 to 2148: only its composition is shown."""
    out = tmp_path / "h.xlsx"
    result = run(str(EXAMPLES / "huabei-arrears.toml"), "-o", str(out), "--cap", "4xLPR")
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(out) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2 and all("c:scatterChart" not in c for c in charts)  # the plan's and the schedule's


def test_chinese(tmp_path: Path) -> None:
    out = tmp_path / "zh.xlsx"
    assert run(str(HARDSHIP), "-o", str(out), "--lang", "zh").exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["汇总", "维持原合同"]  # compare's name for the contract as it stands
    assert wb.sheetnames[-4:] == ["合同原还款计划", "欠款明细", "协议条款", "图表"]
    headers = [c.value for c in wb["合同原还款计划"][8]]
    assert headers == ["期次", "应还款日", "计息天数", "本期利率", "期初本金余额", "还款额", "本金", "利息", "费用",
                       "罚息",
                       "期末本金余额"]
    labels = [r[0] for r in wb["汇总"].iter_rows(values_only=True) if isinstance(r[0], str)]
    assert "欠款合计" in labels and "还款总额" in labels
    assert wb.properties.title == "案件EX-HARDSHIP：还款方案"
    assert wb["协议条款"]["A1"].value == "调解协议书"  # the example has a mediator


def test_a_moratorium_plan_shows_capitalised_interest(tmp_path: Path) -> None:
    case = tmp_path / "m.toml"
    case.write_text(MORATORIUM, encoding="utf-8")
    out = tmp_path / "m.xlsx"
    assert run(str(case), "-o", str(out)).exit_code == 0
    plan = comparison_of(case).plans[1]
    ws = openpyxl.load_workbook(out)["Three months' breathing space"]
    assert [c.value for c in ws[8]][11:] == ["Capitalised", "Interest-free balance"]
    for i, row in enumerate(plan.rows):
        assert amount(ws[f"L{9 + i}"].value) == row.capitalised
        assert ws[f"K{9 + i}"].value == f"=ROUND(E{9 + i}-G{9 + i}+L{9 + i},2)"
    assert plan.rows[0].capitalised > 0  # 24,000.00 × 1% = 240.00 in the first month of the moratorium


def test_a_performing_loan_without_scenarios(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    result = run(str(EXAMPLES / "mortgage.toml"), "-o", str(out), "--date", "2025-01-15")
    assert result.exit_code == 0, result.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Contract as it stands", "Contract schedule", "Terms", "Charts"]
    ws = wb["Contract schedule"]
    assert ws["E3"].value == 1000000 and amount(ws["H3"].value) == Decimal("0.049") and ws["K3"].value == 360
    assert ws["E5"].value == "=ROUND(PMT($D$9,$K$3,-$E$3),2)"
    assert ws["H9"].value == "=ROUND(E9*D9,2)" and ws["D9"].value == "=$H$4"


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "case.xlsx"
    out.write_bytes(b"the mediator's own notes")
    result = run(str(HARDSHIP), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {out} already exists; pass --force to overwrite it\n"
    assert out.read_bytes() == b"the mediator's own notes"
    assert run(str(HARDSHIP), "-o", str(out), "--force").exit_code == 0
    assert zipfile.is_zipfile(out)


def test_a_failure_midway_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import repayplan.report.excel.workbook as workbook

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(workbook, "write_terms", broken)
    out = tmp_path / "case.xlsx"
    result = run(str(HARDSHIP), "-o", str(out))
    assert result.exit_code == 1 and "the disk went away" in result.stderr
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"old")  # with --force, the old file survives a failure too
    assert run(str(HARDSHIP), "-o", str(out), "--force").exit_code == 1
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["case.xlsx"]


def test_a_failure_while_saving_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from xlsxwriter import Workbook

    close = Workbook.close

    def half_saved(self: Any) -> None:
        close(self)  # the bytes are on disk, under the temporary name
        raise OSError(28, "No space left on device", self.filename)

    monkeypatch.setattr(Workbook, "close", half_saved)
    out = tmp_path / "case.xlsx"
    result = run(str(HARDSHIP), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {out}: not written (No space left on device); nothing was left behind\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "{tmp}/case.csv"], "Error: --output: '{tmp}/case.csv' must end in .xlsx"),
    (["-o", "{tmp}/no/such/folder/case.xlsx"],
     "Error: output: folder {tmp}/no/such/folder does not exist; create it or choose another path"),
    (["-o", "{tmp}/c.xlsx", "--scenario", "Nope"],
     "Error: --scenario: no scenario named 'Nope'; the case has 'Interest freeze, 36 months', "
     "'Penalty waived, 24 months', 'Lump-sum settlement', 'What the borrower can afford', "
     "'Settlement in installments'"),
    (["-o", "{tmp}/c.xlsx", "--terms", "Nope", "--scenario", "Lump-sum settlement"],
     "Error: --terms: no plan named 'Nope'; the workbook has 'Contract as it stands', 'Lump-sum settlement', "
     "'Contract schedule'"),
    (["-o", "{tmp}/c.xlsx", "--as-of", "2024-01-01"],
     "Error: --as-of: 2024-01-01 is before the loan start 2025-01-10; give a date on or after it"),
    (["-o", "{tmp}/c.xlsx", "--cap", "lots"], "Error: --cap: 'lots' is not a cap; write it like 24% or 4xLPR"),
])
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run(str(HARDSHIP), *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2
    assert message.replace("{tmp}", str(tmp_path)) in result.stderr.splitlines()
    assert not list(tmp_path.rglob("*.xlsx"))


def test_a_case_file_with_problems(tmp_path: Path) -> None:
    case = tmp_path / "bad.toml"
    case.write_text('[loan]\nprincipal = -5\nrate = "abc"\nterm = 12\nstart = 2025-01-01\n', encoding="utf-8")
    result = run(str(case), "-o", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {case}: loan.principal: must be a positive amount, got -5",
        f"Error: {case}: loan.rate: 'abc' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day"]


def test_the_terms_sheet_is_filled_from_the_plan_asked_for(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    result = run(str(HARDSHIP), "-o", str(out), "--terms", "Lump-sum settlement")
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(out)["Terms"]
    values = [r for r in ws.iter_rows(values_only=True)]
    assert any(r[0] and "“Lump-sum settlement”" in r[0] for r in values[:4])
    line = next(r for r in values if r[0] == 1 and r[1] == "='Lump-sum settlement'!$B$9")
    assert line[2] == "='Lump-sum settlement'!$F$9"
    signatures = [r[0] for r in values if r[0] and "(signature):" in str(r[0]) or r[0] and "(seal):" in str(r[0])]
    assert [s.split(":")[0] for s in signatures] == [
        "Party A (Creditor) (seal)", "Legal representative or authorised agent (signature)",
        "Party B (Borrower) (signature)", "Mediator (signature)", "Mediation organisation (seal)"]


def test_the_terms_state_one_figure_per_fact(hardship: Path) -> None:
    """The balance to repay is the plan's installments' total (54,521.36 under the freeze), not its opening
    principal (50,614.94); frozen arrears in the last column are labelled as such."""
    freeze = comparison_of(HARDSHIP).metrics[1]
    assert freeze.total_payment == Decimal("54521.36")
    rows = list(openpyxl.load_workbook(hardship, data_only=True)["Terms"].iter_rows(values_only=True))
    total = next(r for r in rows if r[0] == "Total")
    assert amount(total[2]) == freeze.total_payment
    assert "of which interest, charges and frozen arrears" in next(r for r in rows if r[0] == "No.")
    schedule = next(r[1] for r in rows if r[1] and str(r[1]).startswith("The Borrower shall repay"))
    assert "CNY 54,521.36" in schedule and "50,614.94" not in schedule


CARD = EXAMPLES / "card-full-balance.toml"


def block_of(ws: Any, heading: str = "Penalty on the whole balance") -> tuple[int, list[tuple[Any, ...]]]:
    """The full-balance penalty block of an Arrears sheet: (row number of its header, its rows from the heading)."""
    rows = list(ws.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] == heading)
    header = next(i for i in range(top, len(rows)) if rows[i][6] in ("Penalty interest", "罚息"))
    return header + 1, rows[top:]


def test_the_arrears_sheet_shows_the_full_balance_penalty_line_by_line(tmp_path: Path) -> None:
    out = tmp_path / "card.xlsx"
    assert run(str(CARD), "-o", str(out)).exit_code == 0
    data = read_compare_case(load_document(CARD), str(CARD))
    st = statement(data.debt.loan, list(data.debt.payments), data.debt.penalty, data.info.as_of)
    # the card example: 9,000.00 × 0.05%/day × 27 days = 121.50; 7,819.10 × 0.05%/day × 26 days = 101.6483 → 101.65
    assert [(t.base, t.days, t.amount) for t in st.penalty_terms] == [
        (Decimal("9000.00"), 27, Decimal("121.50")), (Decimal("7819.10"), 26, Decimal("101.65"))]
    ws = openpyxl.load_workbook(out)["Arrears"]
    header, rows = block_of(ws)
    rate_row = header - 1  # the penalty rate, per day: 0.05% (the lines' daily rate is this cell)
    assert ws[f"A{rate_row}"].value == "Penalty rate (per day)" and amount(ws[f"D{rate_row}"].value) == Decimal(
        "0.0005")
    assert [c.value for c in ws[header]][:7] == ["No.", "From", "To (not counted)", "Balance", "Daily rate", "Days",
                                                "Penalty interest"]
    for n, (term, text) in enumerate(zip(st.penalty_terms, st.penalty_trace, strict=True), start=1):
        r = header + n
        assert (ws[f"A{r}"].value, ws[f"B{r}"].value.date(), ws[f"C{r}"].value.date()) == (n, term.start, term.end)
        assert amount(ws[f"D{r}"].value) == term.base
        assert (ws[f"E{r}"].value, ws[f"F{r}"].value) == (f"=$D${rate_row}", f"=C{r}-B{r}")
        assert ws[f"G{r}"].value == f"=ROUND(D{r}*E{r}*F{r},2)"
        assert ws[f"K{r}"].value == text
    total = header + len(st.penalty_terms) + 1
    assert (ws[f"A{total}"].value, ws[f"G{total}"].value) == ("Total", f"=ROUND(SUM(G{header + 1}:G{total - 1}),2)")


def test_the_full_balance_block_in_chinese(tmp_path: Path) -> None:
    out = tmp_path / "card-zh.xlsx"
    assert run(str(CARD), "-o", str(out), "--lang", "zh").exit_code == 0
    wb = openpyxl.load_workbook(out)
    ws = next(ws for ws in wb.worksheets if any(r[0] == "全额罚息计算" for r in ws.iter_rows(values_only=True)))
    header, _ = block_of(ws, "全额罚息计算")
    assert [c.value for c in ws[header]][:7] == ["序号", "起算日", "截止日（不含当日）", "计息余额", "日利率",
                                                 "计息天数", "罚息"]
    assert ws[f"A{header - 1}"].value == "罚息利率（日）"


def test_no_full_balance_block_when_penalty_is_per_installment(hardship: Path) -> None:
    rows = openpyxl.load_workbook(hardship)["Arrears"].iter_rows(values_only=True)
    assert all(r[0] != "Penalty on the whole balance" for r in rows)


def test_nothing_owed_is_said_plainly_and_the_schedule_kept(tmp_path: Path) -> None:
    """The cash loan repaid by 2026-03-20: on 2030-01-01 nothing is owed. No empty plan table, no total over
    no rows, no chart of 1899 dates; the contract schedule stays for the record. compare says it too."""
    out = tmp_path / "c.xlsx"
    result = run(str(EXAMPLES / "cash-loan.json"), "-o", str(out), "--date", "2030-01-01")
    assert result.exit_code == 0, result.stderr
    said = "Nothing is owed on 2030-01-01: the loan is repaid; there is nothing to compare or agree."
    assert result.stdout == f"Wrote {out}: {said}\n"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Contract schedule", "Terms", "Charts"]
    formulas = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    assert not any(re.search(r"([A-Z])(\d+):\1(\d+)", f) and int(re.search(r"([A-Z])(\d+):\1(\d+)", f).group(2)) >
                   int(re.search(r"([A-Z])(\d+):\1(\d+)", f).group(3)) for f in formulas)
    summary = [r[0] for r in wb["Summary"].iter_rows(values_only=True) if r[0]]
    assert "Nothing is owed" in summary
    with zipfile.ZipFile(out) as z:
        assert len([n for n in z.namelist() if n.startswith("xl/charts/chart")]) == 1  # the schedule's payments
    compared = CliRunner().invoke(main, ["compare", str(EXAMPLES / "cash-loan.json"), "--date", "2030-01-01"])
    assert compared.exit_code == 0 and said in compared.stdout.splitlines()
