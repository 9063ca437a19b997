"""The claim audit through `status` (the notice's own date, both languages) and `batch --payments` (a claimed
column)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HUABEI = str(EXAMPLES / "huabei-arrears.toml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_huabei_stays_87_80_in_both_languages() -> None:
    code, out, _ = run("status", HUABEI)
    assert code == 0
    assert ("  claimed 3,863.98 for 2025-07-20; the contract's past due now (逾期金额) is 3,776.18; difference 87.80"
            in out.splitlines())
    full = "penalty on the whole outstanding balance (全额罚息) instead of the overdue installment (逾期金额)"
    assert f"  * {full}" in out
    # 3,555.00 principal + 173.98 penalty + 135.00 fees (hand arithmetic in test_status_cli.test_huabei_example)
    assert ("    rebuilt past due now (逾期金额) = payoff (一次性结清金额): 3,863.98 = principal 3,555.00 + "
            "interest 0.00 + penalty 173.98 + fees 135.00; 87.80 from the contract's figure, the difference") in out
    code, out, _ = run("status", HUABEI, "--lang", "zh")
    assert code == 0
    assert "  债权人主张3,863.98元（截至2025-07-20）；按合同重新核算的逾期金额为3,776.18元；差额87.80元" in out
    assert "  * 按全部剩余本金（全额罚息）计收罚息，而非按逾期应还款额（逾期金额）计收" in out
    assert "与合同金额相差87.80元，正好等于差额" in out


def test_the_claim_is_audited_on_the_notices_date() -> None:
    # the notice of 07-30: ten more days on the contract's terms. Bill 3's 555.45 × 0.05% × 91 = 25.27 (was 22.50
    # for 81 days), bills 4-6 1,045.00 × 0.05% × 81, 50, 20 days = 42.32 + 26.13 + 10.45 (were 37.10, 20.90,
    # 5.23): penalty unpaid 25.27 + 42.32 + 26.13 + 10.45 = 104.17; payoff 3,555.45 + 135.00 + 104.17 = 3,794.62
    code, out, _ = run("status", HUABEI, "--claimed", "3794.62", "--claimed-on", "2025-07-30", "--format", "json")
    assert code == 0
    claim = json.loads(out)["claim"]
    assert (claim["claimed_on"], claim["difference"], claim["explained"]) == ("2025-07-30", "0.00", True)
    assert claim["explanations"][0]["readings"] == []
    assert json.loads(out)["summary"]["payoff_amount"] == "3776.18"  # the statement stays on its own date
    code, out, _ = run("status", HUABEI, "--claimed", "3794.62", "--claimed-on", "2025-07-30")
    assert "the notice is dated 2025-07-30, the statement 2025-07-20: the claim is compared on 2025-07-30" in out
    # the statement's figure on the notice's date is the reading "computed as of 07-20"
    code, out, _ = run("status", HUABEI, "--claimed", "3776.18", "--claimed-on", "2025-07-30", "--format", "json",
                       "--audit-seconds", "60")
    readings = json.loads(out)["claim"]["explanations"][0]["readings"]
    assert [(r["kind"], r["on"]) for r in readings] == [("dated", "2025-07-20")]


def test_a_claim_nothing_explains_is_set_against_the_most_the_contract_gives() -> None:
    code, out, _ = run("status", HUABEI, "--claimed", "9999.99", "--format", "json")
    claim = json.loads(out)["claim"]
    assert code == 0 and not claim["explained"] and claim["exceeds_maximum"]
    # the dearest reading: full balance, the payment day counted, no grace: from 04-10 every unpaid 1,000.00 of
    # principal; each of bills 4-6 1,000.00 × 0.05% × 102 days (04-10 to 07-20, the day counted) = 51.00
    assert claim["maximum"]["total"] > "3863.98"
    code, out, _ = run("status", HUABEI, "--claimed", "9999.99", "--lang", "zh")
    assert "逐项及最多三项组合核对，均不能得出主张金额；请要求债权人提供计算明细" in out
    assert "主张金额超出该最高额" in out


def test_claimed_on_before_the_loan_is_refused() -> None:
    code, _, err = run("status", HUABEI, "--claimed-on", "2024-01-01")
    assert code == 2
    assert err == "Error: --claimed-on: 2024-01-01 is before the loan start 2025-01-10; give a date on or after it\n"


def test_batch_claimed_column(tmp_path: Path) -> None:
    # P-1: 10 × 1,000.00 at 0% from 2024-12-15, nothing paid, 0.05%/day on the overdue installment: on 02-14 the
    # contract gives 1,000.00 × 0.05% × 30 = 15.00 (payoff 10,015.00); the notice's 10,150.00 is the full
    # balance, 10,000.00 × 0.05% × 30 = 150.00. P-2 has no claim; P-3 claims 99,999.00, beyond anything.
    cases = tmp_path / "cases.csv"
    cases.write_text("case_id,principal,rate,term,method,start,penalty_rate,penalty_base,claimed\n"
                     "P-1,10000,0%,10,annuity,2024-12-15,0.05%/day,overdue-installment,10150.00\n"
                     "P-2,10000,0%,10,annuity,2024-12-15,0.05%/day,overdue-installment,\n"
                     "P-3,10000,0%,10,annuity,2024-12-15,0.05%/day,overdue-installment,99999\n", encoding="utf-8")
    paid = tmp_path / "paid.csv"
    paid.write_text("case_id,date,amount\n", encoding="utf-8")
    code, out, err = run("batch", str(cases), "--payments", str(paid), "--as-of", "2025-02-14", "--format", "json")
    assert (code, err) == (0, "")
    one, two, three = (json.loads(line) for line in out.splitlines())
    assert (one["arrears_claimed"], one["arrears_claim_basis"], one["arrears_claim_difference"],
            one["arrears_claim_explained"], one["arrears_claim_explanation"]) == (
        "10150.00", "payoff", "135.00", True,
        "penalty on the whole outstanding balance (全额罚息) instead of the overdue installment (逾期金额)")
    assert two["arrears_claimed"] is None and two["arrears_claim_explained"] is None
    assert (three["arrears_claim_explained"], three["arrears_claim_exceeds_maximum"]) == (False, True)
    bad = tmp_path / "bad.csv"
    bad.write_text("case_id,principal,rate,term,method,start,claimed,claimed_on\n"
                   "P-1,10000,0%,10,annuity,2024-12-15,lots,\n"
                   "P-2,10000,0%,10,annuity,2024-12-15,,2025-02-01\n", encoding="utf-8")
    code, _, err = run("batch", str(bad), "--payments", str(paid), "--as-of", "2025-02-14")
    assert code == 1
    assert err.splitlines()[:2] == [
        "line 2 (P-1): claimed: 'lots' is not a number; write it like 1000 or 1000.50",
        "line 3 (P-2): claimed_on: given without a claimed figure; add the notice's figure in 'claimed'"]


def test_the_claim_against_the_legal_cap() -> None:
    # the most that may be claimed on 07-20 under 24%: the claim C at which the loan's cash flows are worth 0 at
    # 24% a year, Σ flow ÷ 1.24^(days/365): +6,000.00 on 01-10, −1,045.00 on 02-10, −1,045.00 on 03-12, −500.00
    # on 04-30, −C on 07-20
    code, out, _ = run("status", HUABEI, "--claimed", "4500", "--cap", "24%", "--format", "json")
    cap = json.loads(out)["claim"]["cap"]
    flows = [("2025-01-10", 6000.0), ("2025-02-10", -1045.0), ("2025-03-12", -1045.0), ("2025-04-30", -500.0)]
    from datetime import date

    def years(day: str) -> float:
        return (date(2025, 7, 20) - date.fromisoformat(day)).days / 365

    ceiling = sum(amount * 1.24 ** years(day) for day, amount in flows)  # valued on 07-20
    assert code == 0 and abs(float(cap["ceiling"]) - ceiling) < 0.006, (cap, ceiling)
    assert cap["above"] == f"{4500 - float(cap['ceiling']):.2f}" and cap["contract_above"] == "0.00"
    code, out, _ = run("status", HUABEI, "--claimed", "4500", "--cap", "24%", "--lang", "zh")
    assert f"按上限年利率24%，截至2025-07-20最多可主张{float(cap['ceiling']):,.2f}元" in out
    assert f"主张金额超出上限内金额{cap['above']}元" in out


def test_the_docs_examples_run_as_shown() -> None:
    import shlex

    text = (Path(__file__).resolve().parent.parent / "docs" / "claim-audit.md").read_text(encoding="utf-8")
    blocks = [b.split("\n", 1)[1] for b in text.split("```")[1::2] if b.split("\n", 1)[1].startswith("$ ")]
    assert len(blocks) == 3
    for block in blocks:
        command, *shown = block.strip("\n").splitlines()
        args = shlex.split(command[2:])[1:]
        code, out, _ = run(*[str(EXAMPLES.parent / a) if a.startswith("examples/") else a for a in args])
        assert code == 0
        for line in shown:
            if line != "...":
                assert line in out.splitlines(), line
