"""`repayplan letter`: every amount and date in the documents against `status` and `compare` JSON."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.agreement import capital_rmb
from repayplan.cli import main

from .libreoffice import soffice

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HARDSHIP = str(EXAMPLES / "hardship.toml")
HUABEI = str(EXAMPLES / "huabei-arrears.toml")
FREEZE = "Interest freeze, 36 months"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def as_json(*args: str) -> dict:  # type: ignore[type-arg]
    code, out = run(*args, "--format", "json")
    assert code == 0, out
    return json.loads(out)  # type: ignore[no-any-return]


def docx_text(path: Path) -> tuple[str, list[list[str]]]:
    """The paragraphs, and the table rows (cells), of a DOCX read back with python-docx."""
    import docx

    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return text, rows


def grouped(amount: str) -> str:
    return f"{Decimal(amount):,.2f}"


def schedule_from_table(rows: list[list[str]]) -> list[tuple[str, str]]:
    """(due date, amount) of every installment of a (possibly two-halved) schedule table, in order."""
    found = []
    for row in rows[1:]:
        for k in range(0, len(row), 3):
            number, due, amount = row[k:k + 3]
            if number.isdigit():
                found.append((int(number), due, amount))
    return [(due, amount) for _, due, amount in sorted(found)]


@pytest.fixture(scope="module")
def freeze_plan() -> dict:  # type: ignore[type-arg]
    data = as_json("compare", HARDSHIP, "--scenario", FREEZE)
    return {"position": data["position"], "plan": data["plans"][1]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hardship_letter_states_what_status_and_compare_say(tmp_path: Path, lang: str, freeze_plan: dict) -> None:  # type: ignore[type-arg]
    out = tmp_path / "request.docx"
    code, msg = run("letter", "hardship", HARDSHIP, "--scenario", FREEZE, "-o", str(out), "--lang", lang)
    assert code == 0, msg
    text, rows = docx_text(out)
    status = as_json("status", HARDSHIP, "--as-of", "2026-03-01")["summary"]
    position = freeze_plan["position"]
    assert position["total"] == status["payoff_amount"] == "55571.01"
    assert grouped(position["total"]) in text and grouped(status["total_paid"]) in text
    for part in ("principal", "interest", "accrued_interest", "penalty", "fees"):
        assert grouped(position[part]) in text, part
    metrics = freeze_plan["plan"]["metrics"]
    assert grouped(metrics["forgiven_penalty"]) in text and grouped(metrics["forgiven_fees"]) in text
    assert grouped(metrics["total_payment"]) in text
    expected = [(r["due_date"], grouped(r["payment"])) for r in freeze_plan["plan"]["rows"]]
    assert schedule_from_table(rows) == expected
    assert rows[-1][-1] == grouped(metrics["total_payment"])
    assert "I lost my job in July 2025" in text and "Termination certificate (2025-07-01)" in text
    assert ("7,500.00" in text) and ("20,000.00" in text) and ("1,900.00" in text)  # income, lump sum, 7,500 − 5,600
    if lang == "zh":
        assert capital_rmb(Decimal(metrics["total_payment"])) in text
        assert "2026年3月1日" in text and "十五日" not in text and "15日内" in text
        assert "第七十条" not in text  # not a card: no card rule
    else:
        assert "1 March 2026" in text and "Article 70" not in text


def test_a_card_hardship_letter_cites_the_personalised_installment_rule(tmp_path: Path) -> None:
    case = tmp_path / "card.toml"
    text = (EXAMPLES / "card-full-balance.toml").read_text(encoding="utf-8")
    text = text.replace('installment_fee = "72.00"', 'installment_fee = "72.00"\nproduct = "credit-card"')
    case.write_text(text + '\n[[scenarios]]\nname = "24 months"\nsteps = [{op = "waive", what = ["penalty", '
                           '"fees"]}, {op = "term", installments = 24}]\n', encoding="utf-8")
    out = tmp_path / "card.docx"
    assert run("letter", "hardship", str(case), "--scenario", "24 months", "-o", str(out), "--lang", "zh")[0] == 0
    body = docx_text(out)[0]
    assert "《商业银行信用卡业务监督管理办法》（中国银行业监督管理委员会令2011年第2号）第七十条" in body
    assert ("确认信用卡欠款金额超出持卡人还款能力、且持卡人仍有还款意愿的，发卡银行可以与持卡人平等协商，"
            "达成个性化分期还款协议") in body


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dispute_letter_against_the_claim_audit(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "dispute.docx"
    code, msg = run("letter", "dispute", HUABEI, "-o", str(out), "--lang", lang, "--third-parties")
    assert code == 0, msg
    text, _ = docx_text(out)
    data = as_json("status", HUABEI)
    summary, claimed = data["summary"], "3863.98"
    assert summary["payoff_amount"] == "3776.18"
    assert grouped(claimed) in text and grouped(summary["payoff_amount"]) in text
    assert "87.80" in text  # 3,863.98 − 3,776.18, the full-balance penalty reading
    for part in ("outstanding_principal", "penalty_interest", "fees", "total_paid"):
        assert grouped(summary[part]) in text, part
    if lang == "zh":
        assert "全额罚息" in text and "逾期应还款额" in text and "人民币捌拾柒元捌角" in text
        assert "2025年7月20日" in text and "第三人" in text
    else:
        assert "the whole outstanding principal" in text and "20 July 2025" in text and "third party" in text


def test_dispute_letter_names_the_cap_and_what_exceeds_it(tmp_path: Path) -> None:
    out = tmp_path / "cap.docx"
    assert run("letter", "dispute", HUABEI, "-o", str(out), "--lang", "zh", "--cap", "4xLPR")[0] == 0
    text = docx_text(out)[0]
    status = as_json("status", HUABEI, "--cap", "4xLPR")
    cap = status["cap"]
    assert "第二十五条" in text and "一年期LPR" in text
    assert grouped(cap["simple_excess"]) in text and grouped(cap["excess"]) in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_agreement_every_installment_and_clause(tmp_path: Path, lang: str, freeze_plan: dict) -> None:  # type: ignore[type-arg]
    out = tmp_path / "agreement.docx"
    code, msg = run("letter", "agreement", HARDSHIP, "--scenario", FREEZE, "-o", str(out), "--lang", lang)
    assert code == 0, msg
    text, rows = docx_text(out)
    plan = freeze_plan["plan"]
    assert schedule_from_table(rows) == [(r["due_date"], grouped(r["payment"])) for r in plan["rows"]]
    assert grouped(freeze_plan["position"]["total"]) in text and grouped(plan["metrics"]["total_payment"]) in text
    assert "XF-2025-010733" in text and "3100 0000 0000 0000" in text
    if lang == "zh":
        for words in ("调解协议书", "甲方（债权人）", "乙方（借款人）", "累计2期", "逾期超过30日", "提前还款违约金",
                      "司法确认", "一式叁份", "调解员（签名）", "人民币伍万肆仟伍佰贰拾壹元叁角陆分", "2025年1月8日"):
            assert words in text, words
    else:
        for words in ("Mediation Agreement", "misses 2 installments", "more than 30 days late", "without any fee",
                      "judicial confirmation", "3 counterparts", "Mediator (signature)", "8 January 2025"):
            assert words in text, words


def test_what_a_letter_needs_and_the_files_it_will_not_touch(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    code, msg = run("letter", "dispute", HARDSHIP, "-o", str(out))
    assert (code, msg.strip()) == (2, f"Error: {HARDSHIP}: a dispute letter needs the creditor's claimed total: add "
                                      "[case] claimed = \"...\" or give --claimed AMOUNT")
    code, msg = run("letter", "agreement", HARDSHIP, "-o", str(out))
    assert code == 2 and "needs a plan: give --scenario NAME" in msg and len(msg.strip().splitlines()) == 1
    code, msg = run("letter", "agreement", HARDSHIP, "--scenario", "Nope", "-o", str(out))
    assert code == 2 and "no scenario named 'Nope'" in msg
    assert not out.exists()
    out.write_text("keep me")
    code, msg = run("letter", "dispute", HUABEI, "-o", str(out))
    assert code == 1 and "already exists; pass --force" in msg and out.read_text() == "keep me"
    assert run("letter", "dispute", HUABEI, "-o", str(out), "--force")[0] == 0 and out.read_bytes()[:2] == b"PK"
    code, msg = run("letter", "dispute", HUABEI, "-o", str(tmp_path / "x.txt"))
    assert code == 2 and "must end in .docx or .pdf" in msg
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.docx"]  # no temporary file left behind


def test_pdf_without_libreoffice_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import repayplan.report.documents.docx as writer

    monkeypatch.setattr(writer, "soffice", lambda: None)
    code, msg = run("letter", "dispute", HUABEI, "-o", str(tmp_path / "d.pdf"))
    assert code == 1 and len(msg.strip().splitlines()) == 1 and "apt-get install libreoffice-writer-nogui" in msg
    assert list(tmp_path.iterdir()) == []


def test_offer_picks_the_plan_of_propose(tmp_path: Path) -> None:
    negotiation = str(EXAMPLES / "negotiation.toml")
    offers = as_json("propose", negotiation)["offers"]
    out = tmp_path / "offer.docx"
    assert run("letter", "agreement", negotiation, "--offer", "1", "-o", str(out))[0] == 0
    text, rows = docx_text(out)
    first = offers[0]
    assert grouped(first["metrics"]["total_payment"]) in text
    m = first["metrics"]  # propose's JSON has the figures of the offer, not its rows
    table = schedule_from_table(rows)
    amounts = [Decimal(a.replace(",", "")) for _, a in table]
    assert len(table) == m["payments"] and (table[0][0], table[-1][0]) == (m["first_due"], m["payoff_date"])
    assert (amounts[0], max(amounts), sum(amounts)) == (Decimal(m["first_payment"]), Decimal(m["largest_payment"]),
                                                        Decimal(m["total_payment"]))
    hopeless = tmp_path / "hopeless.toml"  # 1.00 a month to spare, nothing saved: no offer fits
    hopeless.write_text((EXAMPLES / "negotiation.toml").read_text(encoding="utf-8").replace(
        "monthly_expenses = 7900", "monthly_expenses = 8999").replace("lump_sum = 3000", "lump_sum = 0"))
    assert as_json("propose", str(hopeless))["offers"] == []
    code, msg = run("letter", "agreement", str(hopeless), "--offer", "1", "-o", str(out), "--force")
    assert (code, msg.strip()) == (2, "Error: --offer: 1 is not an offer; `repayplan propose` finds 0 for this case "
                                      "(none fits both sides)")


@pytest.mark.parametrize("kind, case, lang, extra", [
    ("agreement", HARDSHIP, "zh", ("--scenario", FREEZE)),
    ("hardship", HARDSHIP, "en", ("--scenario", FREEZE)),
    ("dispute", HUABEI, "zh", ()),
])
def test_pdf_through_libreoffice_reads_the_same_figures(tmp_path: Path, kind: str, case: str, lang: str,
                                                        extra: tuple[str, ...]) -> None:
    soffice()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / f"{kind}.pdf"
    code, msg = run("letter", kind, case, "-o", str(out), "--lang", lang, *extra)
    assert code == 0, msg
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True,
                          text=True).stdout
    if kind == "dispute":
        assert all(a in text for a in ("3,863.98", "3,776.18", "87.80", "人民币叁仟捌佰陆拾叁元玖角捌分"))
    else:
        assert "55,571.01" in text and "54,521.36" in text
        assert len(re.findall(r"1,502\.62", text)) == 34 and "1,929.42" in text and "1,502.86" in text
    assert list(tmp_path.iterdir()) == [out]
