"""`repayplan status` end to end through click's runner: the examples, outputs and errors."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from click.testing import CliRunner

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HUABEI = str(EXAMPLES / "huabei-arrears.toml")
CARD = str(EXAMPLES / "card-full-balance.toml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_huabei_example() -> None:
    code, out, _ = run("status", HUABEI, "--format", "json")
    assert code == 0
    data = json.loads(out)
    s = data["summary"]
    # bills of 1,000.00 + 45.00 fee from 2025-02-10; 0.05%/day on the unpaid bill after 3 grace days.
    # bill 2 paid 2 days late: no penalty. Bill 3 (due 04-10): 1045 × 0.05% × 20 = 10.45 to the 500.00 paid 04-30
    # (fee 45.00, penalty 10.45, principal 444.55), then 555.45 × 0.05% × 81 = 22.4957 → 22.50 to 07-20;
    # bills 4-6 unpaid: 1045 × 0.05% × 71 = 37.0975 → 37.10, × 40 = 20.90, × 10 = 5.225 → 5.23.
    # Penalty 10.45 + 22.50 + 37.10 + 20.90 + 5.23 = 96.18, of which 85.73 unpaid;
    # payoff 555.45 + 3 × 1,000.00 principal + 3 × 45.00 fees + 85.73 = 3,776.18
    assert (s["penalty_charged"], s["penalty_interest"], s["fees"]) == ("96.18", "85.73", "135.00")
    assert (s["outstanding_principal"], s["overdue_principal"], s["payoff_amount"]) == ("3555.45", "3555.45",
                                                                                          "3776.18")
    assert (s["total_due"], s["days_past_due"], s["total_paid"], s["credit"]) == ("3776.18", 101, "2590.00", "0.00")
    lines = data["installments"]
    assert set(lines[0]) == {"period", "due_date", "status", "due", "paid", "unpaid_principal", "unpaid_interest",
                             "penalty_interest", "unpaid_penalty", "fees", "unpaid_fees", "days_overdue",
                             "settled_on", "trace"}
    assert [x["status"] for x in lines] == ["paid", "paid late", "partly paid", "overdue", "overdue", "overdue"]
    assert lines[2]["trace"] == ["2025-04-10 to 2025-04-30: 1,045.00 × 0.05%/day × 20 days = 10.45",
                                 "2025-04-30 to 2025-07-20: 555.45 × 0.05%/day × 81 days = 22.50"]
    assert lines[1]["trace"] == ["paid in full on 2025-03-12, within 3 grace days: no penalty interest, no late fee"]
    assert data["payments"][2] == {"date": "2025-04-30", "amount": "500.00", "note": "part of bill 3",
                                   "to_credit": "0.00", "applied": [
                                       {"period": 3, "component": "fees", "amount": "45.00"},
                                       {"period": 3, "component": "penalty", "amount": "10.45"},
                                       {"period": 3, "component": "principal", "amount": "444.55"}]}
    # The notice's 3,863.98 is the full-balance reading: from 04-10 every unpaid 1,000.00 of principal bears
    # 0.05%/day. Bill 3: 1000 × 0.05% × 20 = 10.00 to 04-30 (the 500.00 pays fee 45.00, penalty 10.00,
    # principal 445.00), then 555.00 × 0.05% × 81 = 22.4775 → 22.48; bills 4-6: 1000 × 0.05% × 101 = 50.50 each.
    # Unpaid: principal 3,555.00 + fees 135.00 + penalty 22.48 + 3 × 50.50 = 3,863.98, 87.80 above 3,776.18
    claim = data["claim"]
    assert (claim["claimed"], claim["rebuilt"], claim["difference"], claim["explained"]) == (
        "3863.98", "3776.18", "87.80", True)
    # nothing falls due after 07-20's bills, so what is past due is the payoff: the reading explains both bases
    full = "penalty on the whole outstanding balance (全额罚息) instead of the overdue installment (逾期金额)"
    assert [(e["text"], e["basis"]) for e in claim["explanations"]] == [(full, "past-due"), (full, "payoff")]
    assert claim["explanations"][1]["figures"] == {"principal": "3555.00", "interest": "0.00", "penalty": "173.98",
                                                   "fees": "135.00", "credit": "0.00", "total": "3863.98"}
    assert (claim["claimed_on"], claim["cut_short"], claim["maximum"]) == ("2025-07-20", False, None)


def test_card_example_with_the_24_percent_cap() -> None:
    code, out, _ = run("status", CARD, "--format", "json", "--cap", "24%")
    assert code == 0
    data = json.loads(out)
    s = data["summary"]
    # installment 4 (due 05-05) missed: late fee 5% × 1,072.00 = 53.60; full-balance penalty 05-05 to 06-01 on
    # the principal of installments 4-12: 9,000.00 × 0.05% × 27 = 121.50, 13.50 each. The 1,500.00 of 06-01 pays
    # #4 (fees 125.60, penalty 13.50, principal 1,000.00) and 8 × 13.50 = 108.00 of penalty; 252.90 is credit
    # until 06-05, paying #5's fee 72.00 and 180.90 principal. #5 is missed: 5% × 819.10 = 40.955 → 40.96;
    # penalty from 06-05 to 07-01 (26 days) on 819.10 + 7 × 1,000.00 = 7,819.10: 7,819.10 × 0.05% × 26 =
    # 101.6483 → 101.65, all unpaid.
    assert (s["penalty_charged"], s["penalty_interest"], s["fees_charged"], s["fees"]) == (
        "223.15", "101.65", "94.56", "40.96")
    assert s["penalty_trace"] == ["2025-05-05 to 2025-06-01: 9,000.00 × 0.05%/day × 27 days = 121.50",
                                  "2025-06-05 to 2025-07-01: 7,819.10 × 0.05%/day × 26 days = 101.65"]
    # shares: #4 13.50; #5 13.50 + 10.65 (819.10 × 0.05% × 26 = 10.6483: 10.64, plus the one cent left, as the
    # only part with a fraction) = 24.15; #6 13.50 + 13.00 = 26.50
    assert [x["penalty_interest"] for x in data["installments"][3:6]] == ["13.50", "24.15", "26.50"]
    assert (s["outstanding_principal"], s["overdue_principal"], s["total_due"], s["payoff_amount"]) == (
        "7819.10", "819.10", "961.71", "7961.71")
    assert data["credit_applied"] == [{"date": "2025-06-05", "period": 5, "component": "fees", "amount": "72.00"},
                                      {"date": "2025-06-05", "period": 5, "component": "principal",
                                       "amount": "180.90"}]
    cap = data["cap"]
    # charged beyond the principal: 4,716.00 paid + 7,961.71 claimed − 12,000.00 = 677.71
    # (5 × 72.00 fees + 94.56 late fees + 223.15 penalty)
    assert (cap["cap"], cap["charged"], cap["excess"], cap["simple_excess"], cap["above_cap"]) == (
        "24%", "677.71", "0.00", "0.00", False)


def test_table_and_chinese_labels() -> None:
    code, out, _ = run("status", HUABEI, "--lang", "zh")
    assert code == 0
    assert "一次性结清金额" in out and "3,776.18" in out and "部分还款" in out
    # 1,045.00 × 0.0005 × 71 = 37.0975 → 37.10, in the words of a Chinese statement
    assert "第4期：2025-05-10至2025-07-20：1,045.00 × 日0.05% × 71天 = 37.10" in out
    assert "罚息利率        日利率0.05%" in out and "还款冲抵顺序    费用 → 罚息 → 利息 → 本金（逐期冲抵）" in out
    code, out, _ = run("status", HUABEI)
    assert "#4: 2025-05-10 to 2025-07-20: 1,045.00 × 0.05%/day × 71 days = 37.10" in out
    code, out, _ = run("status", CARD, "--as-of", "2025-06-02")
    assert code == 0
    assert "Total to settle in full" in out and "to credit 252.90" in out


def test_csv_has_one_row_per_installment() -> None:
    code, out, _ = run("status", HUABEI, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 6
    assert rows[3]["penalty_interest"] == "37.10" and rows[3]["days_overdue"] == "71"
    assert rows[3]["trace"] == "2025-05-10 to 2025-07-20: 1,045.00 × 0.05%/day × 71 days = 37.10"


def test_flags_without_a_case_file(tmp_path: Path) -> None:
    # 1,000.00 overdue 30 days at 0.05%/day = 15.00; with a payment of 400.00 on day 10 (principal first):
    # 1000 × 0.05% × 10 + 600 × 0.05% × 20 = 5.00 + 6.00 = 11.00
    flags = ["status", "--principal", "1000", "--rate", "0%", "--term", "1", "--start", "2024-12-15",
             "--penalty-rate", "0.05%/day", "--penalty-base", "overdue-installment", "--as-of", "2025-02-14",
             "--format", "json"]
    code, out, _ = run(*flags)
    assert code == 0 and json.loads(out)["summary"]["penalty_interest"] == "15.00"
    paid = tmp_path / "paid.csv"
    paid.write_text("date,amount\n2025-01-25,400.00\n", encoding="utf-8")
    code, out, _ = run(*flags, "--payments", str(paid), "--allocation", "principal-first")
    s = json.loads(out)["summary"]
    assert code == 0 and (s["penalty_charged"], s["payoff_amount"]) == ("11.00", "611.00")


def test_an_empty_payments_file_is_refused_a_header_alone_is_noted(tmp_path: Path) -> None:
    flags = ["status", "--principal", "1000", "--rate", "0%", "--term", "1", "--start", "2024-12-15",
             "--penalty-rate", "0.05%/day", "--as-of", "2025-02-14", "--format", "json"]
    paid = tmp_path / "paid.csv"
    for empty in ("", "\n  \n"):  # 0 bytes, or blank lines only: most likely the wrong file
        paid.write_text(empty, encoding="utf-8")
        code, out, err = run(*flags, "--payments", str(paid))
        assert (code, err) == (2, f"Error: {paid}: the payments file is empty; its first line must be the "
                                  "header date,amount, then one payment a line, e.g. 2025-03-01,1000.00\n")
        assert json.loads(out)["errors"][0]["hint"].startswith("its first line must be the header date,amount")
    # a header alone is a history of no payments, said in the notes: 1,000.00 overdue 30 days at 0.05%/day on
    # the overdue principal, 1000 × 0.05% × 30 = 15.00; payoff 1,015.00
    paid.write_text("date,amount\n", encoding="utf-8")
    code, out, _ = run(*flags, "--payments", str(paid))
    data = json.loads(out)
    assert code == 0 and data["notes"] == [f"no payments in {paid} (a header only): nothing counted as paid"]
    assert (data["summary"]["total_paid"], data["summary"]["payoff_amount"]) == ("0.00", "1015.00")
    code, out, _ = run(*flags[:-2], "--payments", str(paid))
    assert code == 0 and f"  no payments in {paid} (a header only): nothing counted as paid" in out.splitlines()


def test_overpayment_is_reported_not_refused(tmp_path: Path) -> None:
    paid = tmp_path / "paid.csv"
    paid.write_text("date,amount\n2025-01-15,1100\n", encoding="utf-8")
    code, out, _ = run("status", "--principal", "1000", "--rate", "0%", "--term", "1", "--start", "2024-12-15",
                       "--payments", str(paid), "--as-of", "2025-02-01")
    assert code == 0
    assert re.search(r"^Credit \(overpaid\) +100\.00$", out, re.MULTILINE)
    assert "overpaid: 100.00 held as credit for the borrower" in out


def test_claimed_flag_overrides_the_case() -> None:
    code, out, _ = run("status", HUABEI, "--claimed", "3776.18", "--format", "json")
    assert code == 0 and json.loads(out)["claim"]["difference"] == "0.00"


def test_bad_input_exits_2_with_one_line_per_problem(tmp_path: Path) -> None:
    code, _, err = run("status", HUABEI, "--as-of", "2025-01-01")
    assert (code, err) == (2, "Error: --as-of: 2025-01-01 is before the loan start 2025-01-10; give a date on or "
                              "after it\n")
    code, _, err = run("status", HUABEI, "--as-of", "soon", "--claimed", "lots", "--cap", "high",
                       "--penalty-rate", "fast")
    assert code == 2
    assert err.splitlines() == [
        "Error: --penalty-rate: 'fast' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day, or "
        "relative to the contract like contract+50%",
        "Error: --as-of: 'soon' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15",
        "Error: --claimed: 'lots' is not a number; write it like 1000 or 1000.50",
        "Error: --cap: 'high' is not a cap; write it like 24% or 4xLPR",
    ]
    case = tmp_path / "case.toml"
    case.write_text('[case]\nas_of = 2025-03-01\n[loan]\nprincipal = 1000\nrate = "0%"\nterm = 1\n'
                    'start = 2025-01-10\n[penalty]\nbase = "all"\n[[payments]]\ndate = 2025-01-01\namount = 5\n'
                    '[[payments]]\ndate = "someday"\namount = "-1"\n', encoding="utf-8")
    code, _, err = run("status", str(case))
    assert code == 2
    assert err.splitlines() == [
        f"Error: {case}: penalty.base: 'all' is unknown; use one of overdue-principal, overdue-installment, "
        "outstanding",
        f"Error: {case}: payments[1].date: 2025-01-01 is before the loan start 2025-01-10; check the date",
        f"Error: {case}: payments[2].date: 'someday' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15",
        f"Error: {case}: payments[2].amount: must be 0 or more, got -1",
    ]
    paid = tmp_path / "paid.csv"
    paid.write_text("date,amount\nlater,5\n", encoding="utf-8")
    code, _, err = run("status", HUABEI, "--payments", str(paid))
    assert (code, err) == (2, f"Error: {paid}: line 2: date: 'later' is not a date; write it as YYYY-MM-DD, "
                              "e.g. 2025-01-15\n")
    code, _, err = run("status", str(tmp_path / "missing.toml"))
    assert code == 2 and "case file not found" in err and "Traceback" not in err


def test_an_installment_due_on_the_statement_date_is_due_today() -> None:
    # no grace days, as of the due date itself: on time, so no penalty, and nothing about grace days
    flags = ["status", "--principal", "1000", "--rate", "0%", "--term", "1", "--start", "2024-12-15",
             "--penalty-rate", "0.05%/day", "--as-of", "2025-01-15"]
    code, out, _ = run(*flags)
    assert code == 0
    assert "  #1: due today, not yet late: no penalty\n" in out and "grace" not in out.split("Grace days")[1]
    assert re.search(r"1  2025-01-15\s+due today\s+1,000.00\s+0.00", out)
    code, out, _ = run(*flags, "--lang", "zh")
    assert code == 0 and "当日到期" in out and "今日" not in out


def test_csv_gives_the_full_balance_penalty_line_by_line() -> None:
    # the card example's full-balance penalty (0.05%/day on the whole unpaid principal while in default):
    # 9,000.00 × 0.05% × 27 days (2025-05-05 to 06-01) = 121.50; 7,819.10 × 0.05% × 26 days (06-05 to 07-01)
    # = 101.6483 → 101.65; 121.50 + 101.65 = 223.15, the installments' penalty interest in total
    code, out, _ = run("status", CARD, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    installments = [r for r in rows if r["period"] != "loan"]
    loan = [r for r in rows if r["period"] == "loan"]
    assert len(installments) == 12 and all(r["penalty_from"] == "" for r in installments)
    assert [(r["penalty_from"], r["penalty_to"], r["penalty_balance"], r["penalty_daily_rate"], r["penalty_days"],
             r["penalty_amount"]) for r in loan] == [
        ("2025-05-05", "2025-06-01", "9000.00", "0.0005", "27", "121.50"),
        ("2025-06-05", "2025-07-01", "7819.10", "0.0005", "26", "101.65")]
    assert [r["status"] for r in loan] == ["full-balance penalty"] * 2
    assert loan[0]["trace"] == "2025-05-05 to 2025-06-01: 9,000.00 × 0.05%/day × 27 days = 121.50"
    assert sum(Decimal(r["penalty_amount"]) for r in loan) == sum(
        Decimal(r["penalty_interest"]) for r in installments) == Decimal("223.15")
    code, out, _ = run("status", CARD, "--format", "json")
    assert json.loads(out)["summary"]["penalty_terms"][1] == {
        "from": "2025-06-05", "to": "2025-07-01", "balance": "7819.10", "daily_rate": "0.0005", "days": 26,
        "amount": "101.65"}


def test_csv_full_balance_lines_recompute_with_an_annual_rate() -> None:
    # 10,000.00 unpaid in full 30 days at 18%/year ÷ 365: 10,000 × 0.18 × 30 / 365 = 147.9452... → 147.95
    code, out, _ = run("status", "--principal", "10000", "--rate", "0%", "--term", "10", "--start", "2024-12-15",
                       "--penalty-rate", "18%/year", "--penalty-base", "outstanding", "--as-of", "2025-02-14",
                       "--format", "csv")
    assert code == 0
    (line,) = [r for r in csv.DictReader(io.StringIO(out)) if r["period"] == "loan"]
    assert line["penalty_daily_rate"].startswith("0.000493150684931506849315")  # 0.18 / 365, not terminating
    recomputed = Decimal(line["penalty_balance"]) * Decimal(line["penalty_daily_rate"]) * int(line["penalty_days"])
    assert recomputed.quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal(line["penalty_amount"]) == Decimal("147.95")
    assert line["trace"] == "2025-01-15 to 2025-02-14: 10,000.00 × 18%/year ÷ 365 × 30 days = 147.95"
