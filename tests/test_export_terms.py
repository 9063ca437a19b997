"""The Terms sheet is the agreement (each clause, in both languages, worded
as the agreement document words it), and each party's copy leaves out what
is the other side's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from repayplan.agreement import build_agreement, clauses
from repayplan.casefile import load_document
from repayplan.casefile.agreement import read_agreement_case
from repayplan.cli import main
from repayplan.report.documents.wording import clause_text
from repayplan.report.labels import label

from .test_export_cli import HARDSHIP, comparison_of, comparison_table


def export(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / f"{name}.xlsx"
    result = CliRunner().invoke(main, ["export", str(HARDSHIP), "-o", str(out), *args])
    assert result.exit_code == 0, result.stderr
    return out


def texts(path: Path, sheet: str | None = None) -> list[str]:
    wb = openpyxl.load_workbook(path)
    sheets = [wb[sheet]] if sheet else wb.worksheets
    return [c for ws in sheets for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]


def numbers(path: Path) -> set[Decimal]:
    wb = openpyxl.load_workbook(path, data_only=True)
    return {Decimal(repr(c)) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row
            if isinstance(c, float | int) and not isinstance(c, bool)}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_clause_of_the_agreement_is_on_the_terms_sheet(tmp_path: Path, lang: str) -> None:
    out = export(tmp_path, lang, "--lang", lang)
    freeze = comparison_of(HARDSHIP).plans[1]  # the Terms are filled from the first scenario
    parts = read_agreement_case(load_document(HARDSHIP), str(HARDSHIP))
    agreement = build_agreement(freeze, parts.parties, parts.contract, parts.terms)
    sheet = texts(out, "Terms" if lang == "en" else "协议条款")
    joined = "\n".join(sheet)
    keys = [c.key for c in clauses(agreement)]
    for needed in ("agr.recital_mediated", "agr.acknowledge", "agr.concessions", "agr.schedule", "agr.prepayment",
                   "agr.default", "agr.discharge", "agr.copies_mediated"):
        assert needed in keys
    for clause in clauses(agreement):
        assert clause_text(clause, lang, "CNY") in joined, clause.key
        for item in clause.items:
            assert clause_text(item, lang, "CNY").rstrip(";；.。") in joined, item.key
    # the parties, the total in capital numerals, and lines to sign for each party and the mediator
    assert label("agr.role_creditor", lang) in sheet and label("agr.role_borrower", lang) in sheet
    words = label("agr.total_words", lang).format(capital="人民币伍万肆仟伍佰贰拾壹元叁角陆分")
    assert (words in sheet) == (lang == "zh")  # capital numerals where the agreement writes them, as the DOCX
    blank = label("agr.blank", lang)
    for key in ("agr.sign_creditor", "agr.sign_borrower", "agr.sign_mediator", "agr.sign_mediator_seal"):
        assert label(key, lang) + blank in sheet, key
    assert sum(1 for t in sheet if t.startswith(label("agr.sign_date", lang))) == 3
    # the title says what it is
    assert sheet[0] == label("agr.title_mediated", lang)


def test_the_default_clause_comes_from_the_case(tmp_path: Path) -> None:
    """[agreement] default_after: 3 missed installments or 45 days late (the example says 2 or 30)."""
    case = tmp_path / "case.toml"
    text = HARDSHIP.read_text(encoding="utf-8")
    old = "default_after = {installments = 2, days = 30}"
    assert old in text
    case.write_text(text.replace(old, "default_after = {installments = 3, days = 45}"), encoding="utf-8")
    out = tmp_path / "d.xlsx"
    result = CliRunner().invoke(main, ["export", str(case), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    joined = "\n".join(texts(out, "Terms"))
    assert "misses 3 installments" in joined and "45 days late" in joined


def hidden(lang: str, *keys: str) -> list[str]:
    from repayplan.report.excel.summary import metric_label

    return [metric_label(k, lang) for k in keys]


def test_the_borrowers_copy_leaves_out_the_creditors_limits(tmp_path: Path) -> None:
    mediator, borrower = export(tmp_path, "m"), export(tmp_path, "b", "--for", "borrower")
    metrics = comparison_of(HARDSHIP).metrics
    npv = {m.creditor_npv for m in metrics}
    assert npv <= numbers(mediator)  # the mediator's copy has every figure ...
    assert not npv & numbers(borrower)  # ... the borrower's none of the creditor's NPVs
    words = texts(borrower)
    for text in hidden("en", "creditor_npv", "recovery", "cash_recovery", "discount_rate", "meets_min_recovery"):
        assert text not in words, text
    assert not any("NPV" in t for t in words)
    assert "Total to pay" in words and "Payment to income" in words  # the borrower's own figures stay
    wb = openpyxl.load_workbook(borrower)
    assert all("Borrower's copy" in ws.oddFooter.left.text for ws in wb.worksheets)
    assert wb["Summary"]["A2"].value == "Borrower's copy"


def test_the_creditors_copy_leaves_out_the_borrowers_budget(tmp_path: Path) -> None:
    creditor = export(tmp_path, "c", "--for", "creditor", "--lang", "zh")
    words = texts(creditor)
    for text in hidden("zh", "payment_to_income", "payment_to_budget", "lump_sum_shortfall"):
        assert text not in words, text
    assert "债权人净现值" in words or any("净现值" in t for t in words)  # the creditor's own figures stay
    table = comparison_table(openpyxl.load_workbook(creditor)["汇总"])
    assert all(hidden("zh", "payment_to_income")[0] not in column for column in table.values())
    wb = openpyxl.load_workbook(creditor)
    assert all("债权人持有本" in ws.oddFooter.left.text for ws in wb.worksheets)


def test_an_ampersand_in_the_case_id_is_text_in_the_footer(tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text(HARDSHIP.read_text(encoding="utf-8").replace('id = "EX-HARDSHIP"', 'id = "A&B-7"'),
                    encoding="utf-8")
    out = tmp_path / "amp.xlsx"
    assert CliRunner().invoke(main, ["export", str(case), "-o", str(out)]).exit_code == 0
    ws: Any = openpyxl.load_workbook(out)["Summary"]
    assert ws.oddFooter.left.text.startswith("Case A&&B-7")  # && prints one &
