"""The figures the examples' comments and the docs quote are the ones the commands print."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from repayplan.cli import main

ROOT = Path(__file__).resolve().parent.parent
NEGOTIATION = ROOT / "examples" / "negotiation.toml"


def _reservation() -> dict:
    result = CliRunner().invoke(main, ["propose", str(NEGOTIATION), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["offers"][-1]["metrics"]


def test_negotiation_comment_quotes_the_reservation_propose_prints() -> None:
    # The comment says: "1,100.00 a month until the whole debt is repaid, X over N months".
    comment = NEGOTIATION.read_text(encoding="utf-8")
    found = re.search(r"repaid, ([\d,]+\.\d\d) over (\d+) months", comment.replace("\n# ", " "))
    assert found, "the example's comment no longer states the reservation"
    metrics = _reservation()
    assert Decimal(found.group(1).replace(",", "")) == Decimal(metrics["total_payment"])
    assert int(found.group(2)) == metrics["payments"]


def test_propose_doc_quotes_the_reservation_propose_prints() -> None:
    doc = (ROOT / "docs" / "propose.md").read_text(encoding="utf-8")
    total = Decimal(_reservation()["total_payment"])
    quoted = {Decimal(m.replace(",", "")) for m in re.findall(r"([\d,]+\.\d\d) in all", doc)}
    reservation_lines = [line for line in doc.splitlines() if "reservation" in line and "in all" in line]
    assert reservation_lines
    for line in reservation_lines:
        figures = [Decimal(m.replace(",", "")) for m in re.findall(r"([\d,]+\.\d\d) in all", line)]
        assert figures == [total] * len(figures), line
    assert total in quoted


def test_an_agreement_without_a_plan_is_named_in_plain_english(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    result = CliRunner().invoke(main, ["letter", "agreement", str(ROOT / "examples" / "hardship.toml"),
                                       "-o", str(target), "--lang", "en"])
    assert result.exit_code == 2
    assert "an agreement needs a plan" in result.output
    assert "a agreement" not in result.output
    assert not target.exists()


def test_compare_says_nothing_is_owed_within_80_columns() -> None:
    from repayplan.report.render import display_width

    for lang in ("en", "zh"):
        result = CliRunner().invoke(main, ["compare", str(ROOT / "examples" / "cash-loan.json"), "--date",
                                           "2030-01-01", "--lang", lang], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        assert "2030-01-01" in result.output
        assert max(display_width(line) for line in result.output.splitlines()) <= 80, result.output


def test_plan_reason_does_not_contradict_the_order_it_answers() -> None:
    # The answer says which month's extra clears each debt; no reason may tell the borrower to clear a debt
    # "first" (three-debts: huabei is cleared first, the card is only cleared sooner than avalanche does), and
    # the runs clear the debts in the order the optimal plan's payoff dates give.
    data = json.loads(CliRunner().invoke(main, ["plan", str(ROOT / "examples" / "three-debts.toml"), "--format",
                                                "json"]).output)
    optimal = next(s for s in data["strategies"] if s["name"] == "optimal")
    by_date = [d["name"] for d in sorted(optimal["debts"], key=lambda d: d["payoff_date"])]
    for lang in ("en", "zh"):
        result = CliRunner().invoke(main, ["plan", str(ROOT / "examples" / "three-debts.toml"), "--lang", lang],
                                    env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        answer = result.output.split("\n\n")[0]
        assert not re.search(r"\bfirst\b|先还清", answer), answer
        cleared = [a or b for a, b in re.findall(r"clearing (\w+)|，还清(\w+)", answer)]
        assert cleared and cleared == by_date[:len(cleared)], (cleared, by_date)


def test_chinese_lines_neither_start_with_a_closing_mark_nor_end_with_an_opening_one() -> None:
    # 避头尾: at COLUMNS=80 the negotiation offers wrapped "…1,090.92元\n，合计…" and "净现值21,772.63（\n75.00%）".
    closing, opening = "，。、；：！？）」』》%", "（「『《"
    for command in ("propose", "compare", "status"):
        result = CliRunner().invoke(main, [command, str(NEGOTIATION), "--lang", "zh"], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        for line in result.output.splitlines():
            body = line.strip()
            if body:
                assert body[0] not in closing and body[-1] not in opening, (command, line)


def test_a_run_of_closing_marks_moves_together() -> None:
    from repayplan.report.render import wrap

    # 72 columns end exactly after "序）": the "；" may not start the next line, nor may "）；"
    text = "免息偿还，每期1,019.03；还款依次冲抵费用、利息、罚息、本金（按冲抵顺序）；减免11,114.20"
    lines = wrap(text, 72)
    assert "".join(lines) == text
    assert all(line[0] not in "）；" for line in lines), lines


def test_the_case_claim_keeps_its_date_when_status_is_asked_for_another_day() -> None:
    # huabei-arrears: the notice claims 3,863.98 on the case's date 2025-07-20; a statement on 2025-03-01
    # must still audit that claim on 2025-07-20 (rebuilt 3,776.18, 87.80 apart), not on 2025-03-01.
    args = ["status", str(ROOT / "examples" / "huabei-arrears.toml"), "--as-of", "2025-03-01", "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    claim = json.loads(result.output)["claim"]
    assert (claim["claimed_on"], claim["rebuilt"], claim["difference"]) == ("2025-07-20", "3776.18", "87.80")
    # a claim given on the command line is for the statement's date, as before
    result = CliRunner().invoke(main, [*args, "--claimed", "5000.00"])
    assert json.loads(result.output)["claim"]["claimed_on"] == "2025-03-01"


def test_a_dispute_letter_does_not_move_the_notice_to_another_day(tmp_path: Path) -> None:
    # The notice claims 3,863.98 for 2025-07-20; a letter as of 2025-06-01 would tell the creditor
    # "your notice states that on 1 June 2025 I owe 3,863.98", which the notice never said.
    huabei = str(ROOT / "examples" / "huabei-arrears.toml")
    target = tmp_path / "d.docx"
    result = CliRunner().invoke(main, ["letter", "dispute", huabei, "--as-of", "2025-06-01", "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert "2025-07-20" in result.output and "--as-of 2025-07-20" in result.output
    assert not target.exists()
    ok = CliRunner().invoke(main, ["letter", "dispute", huabei, "--as-of", "2025-06-01", "--claimed", "3700.00",
                                   "-o", str(target)])
    assert ok.exit_code == 0, ok.output and target.exists()


def test_the_arrears_starter_claim_is_explained_by_its_own_figures(tmp_path: Path) -> None:
    # The starter is the Huabei example to overwrite: its notice's 3,863.98 is 87.80 above the 3,776.18 its
    # payments rebuild (penalty on the whole balance); with a payment left out it rebuilt 4,890.80, above the claim.
    for lang in ("en", "zh"):
        starter = tmp_path / f"arrears-{lang}.toml"
        made = CliRunner().invoke(main, ["new", "arrears", "-o", str(starter), "--lang", lang])
        assert made.exit_code == 0, made.output
        result = CliRunner().invoke(main, ["status", str(starter), "--format", "json"])
        claim = json.loads(result.output)["claim"]
        assert (claim["claimed"], claim["rebuilt"], claim["explained"]) == ("3863.98", "3776.18", True)
