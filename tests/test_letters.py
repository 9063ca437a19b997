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
    code, msg = run("letter", "hardship", HARDSHIP, "--scenario", FREEZE, "--as-of", "2025-09-01", "-o", str(out))
    assert (code, msg.strip()) == (2, "Error: --as-of: 2025-09-01 is before the last payment on 2025-09-25; a plan "
                                      "starts from what is owed after every payment, so give 2025-09-25 or later")
    assert not out.exists()
    out.write_text("keep me")
    code, msg = run("letter", "dispute", HUABEI, "-o", str(out))
    assert code == 2 and "already exists; pass --force" in msg and out.read_text() == "keep me"
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
    zh = tmp_path / "offer-zh.docx"  # a settlement with a first payment: 首笔还款…，余款分N期
    assert run("letter", "agreement", negotiation, "--offer", "1", "-o", str(zh), "--lang", "zh")[0] == 0
    body = docx_text(zh)[0]
    assert f"首笔还款人民币{grouped(m['lump_sum'])}元，余款分{m['payments'] - 1}期支付" in body
    words = capital_rmb(Decimal(m["total_payment"]))
    assert f"以人民币{grouped(m['total_payment'])}元（大写：{words}）和解结清" in body
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


def test_the_commands_in_the_docs_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex

    doc = (Path(__file__).resolve().parent.parent / "docs" / "letters.md").read_text(encoding="utf-8")
    commands = [shlex.split(line)[1:] for line in doc.splitlines()
                if line.startswith("repayplan letter ") and "KIND" not in line]  # not the synopsis
    assert len(commands) == 4
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    for args in commands:
        at = args.index("-o") + 1
        if args[at].endswith(".pdf"):
            args[at] = args[at][:-4] + ".docx"  # the PDF route is tested above, with LibreOffice
        args[at] = str(tmp_path / args[at])
        code, msg = run(*args)
        assert code == 0, (args, msg)
    assert len(list(tmp_path.iterdir())) == 4


def test_chinese_documents_have_no_english_words_but_the_users(tmp_path: Path) -> None:
    text = (EXAMPLES / "hardship.toml").read_text(encoding="utf-8")
    for english, chinese in (("Borrower in hardship", "张三"), ("A consumer-finance company", "某消费金融有限公司"),
                             ("A people's mediation committee", "某区人民调解委员会"),
                             ("Pudong New Area, Shanghai", "上海市浦东新区"),
                             ("A bank, Shanghai branch", "某银行上海分行"),
                             ('"Interest freeze, 36 months"', '"停息分36期"')):
        text = text.replace(english, chinese)
    text = re.sub(r'text = "I lost.*"', 'text = "2025年7月失业。"', text)
    text = re.sub(r"evidence = \[.*\]", 'evidence = ["解除劳动合同证明书"]', text)
    text = text.replace('title = "Cash loan', 'claimed = "56000.00"\ntitle = "Cash loan')
    case = tmp_path / "zh.toml"
    case.write_text(text, encoding="utf-8")
    for kind, extra in (("hardship", ("--scenario", "停息分36期")), ("agreement", ("--scenario", "停息分36期")),
                        ("dispute", ("--cap", "24%", "--third-parties"))):
        out = tmp_path / f"{kind}.docx"
        code, msg = run("letter", kind, str(case), "-o", str(out), "--lang", "zh", *extra)
        assert code == 0, msg
        body, rows = docx_text(out)
        words = set(re.findall(r"[A-Za-z]+", body + " ".join(c for row in rows for c in row)))
        assert words <= {"XF", "LPR", "IRR", "CNY"}, (kind, words)


def test_as_of_moves_every_figure_with_status(tmp_path: Path) -> None:
    out = tmp_path / "later.docx"
    assert run("letter", "hardship", HARDSHIP, "--scenario", FREEZE, "--as-of", "2026-04-20", "-o", str(out))[0] == 0
    text = docx_text(out)[0]
    summary = as_json("status", HARDSHIP, "--as-of", "2026-04-20")["summary"]
    assert summary["payoff_amount"] != "55571.01" and grouped(summary["payoff_amount"]) in text
    assert "20 April 2026" in text and grouped(summary["penalty_interest"]) in text


def test_the_claim_adapter_reads_the_audit_with_readings_as_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's documented shape with readings as data (kind, value, amount, paid_on, on) and a basis."""
    from datetime import date
    from types import SimpleNamespace as NS

    import repayplan.arrears.audit as audit_module
    from repayplan.report.documents.claim import Reading, claim_facts

    figures = NS(principal=Decimal("3555.45"), interest=Decimal("0.00"), penalty=Decimal("173.53"),
                 fees=Decimal("135.00"), credit=Decimal("0.00"))
    rebuilt = NS(figures=lambda basis: figures)
    one = NS(readings=(NS(kind="base", value="outstanding", amount=None, paid_on=None, on=None),),
             difference=Decimal("87.80"))
    fake = NS(claimed=Decimal("3863.98"), rebuilt=rebuilt, explanations=(one,), basis="payoff",
              difference=Decimal("87.80"))
    monkeypatch.setattr(audit_module, "audit_claim", lambda st, claimed: fake)
    facts = claim_facts(None, Decimal("3863.98"))
    assert facts.rebuilt == Decimal("3776.18") and facts.difference == Decimal("87.80")
    assert facts.parts == (("agr.owed_principal", Decimal("3555.45")), ("agr.owed_penalty", Decimal("173.53")),
                           ("agr.owed_fees", Decimal("135.00")))
    assert facts.readings == (Reading("base", "outstanding", Decimal("87.80")),)
    two = NS(readings=(NS(kind="missing", value="", amount=Decimal("500.00"), paid_on=date(2025, 4, 30), on=None),
                       NS(kind="no-grace", value="", amount=None, paid_on=None, on=None)),
             difference=Decimal("587.80"))
    both = NS(**{**fake.__dict__, "explanations": (two,)})
    monkeypatch.setattr(audit_module, "audit_claim", lambda st, claimed: both)
    assert claim_facts(None, Decimal("3863.98")).readings == (
        Reading("missing", "", None, date(2025, 4, 30), Decimal("500.00")), Reading("no-grace"))
