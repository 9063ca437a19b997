"""`repayplan plan`: the example, the JSON contract, CSV, --lang zh, errors (exit 2, one line each), --export."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan import Loan, build_schedule, parse_rate
from repayplan.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "three-debts.toml"
D = Decimal


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["plan", *args])
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- the example: a card, a Huabei bill in arrears and a cash loan -------------------------------------------

def test_example_table() -> None:
    code, out, err = invoke(str(EXAMPLE), "--time-limit", "60")  # a generous limit: a busy machine gives the same
    assert code == 0, err
    # the Huabei bill on 1 July: 4,500 principal + 2 × 37.50 fees + 537.50 × 0.05% × 57 days (15.32)
    # + 537.50 × 0.05% × 26 days (6.99) = 4,597.31
    assert "huabei  installment   4,597.31" in out
    assert "Cheapest: optimal" in out and "Month by month: optimal" in out
    # the answer comes first: when debt-free and at what cost, then where each month's extra goes, in runs
    assert out.startswith("Answer: debt-free in 11 months (on 2026-06-01)")
    lines = out.split("\n\n")[0].splitlines()
    runs = [line for line in lines if line.startswith("* ")]
    assert runs[0].startswith("* Months 1–4: extra ") and runs[0].endswith(" a month to cash")
    # huabei is cleared in month 5 (its payoff date in the strategies' table: 2025-12-01)
    assert "* Month 5: extra 1,000.00 to huabei" in out and "clearing huabei" in runs[1]
    # the card's reason, in words, where it first gets the extra
    assert "(card is repaid sooner than under avalanche: until it is paid in full, interest runs on the" in out
    # then what proves it: the solver's bound (exact, or how far the replay in cents can be from it)
    assert any(line.startswith(("Proven cheapest: no allocation of the money costs less than ",
                                "No plan costs less than ")) for line in lines[len(runs):]), lines
    assert "card: paying only the minimum takes 44 months" in out


def test_example_json_contract() -> None:
    code, out, _ = invoke(str(EXAMPLE), "--format", "json", "--time-limit", "60")
    assert code == 0
    data = json.loads(out)
    assert {"currency", "cheapest", "strategies", "warnings"} <= set(data)
    assert data["currency"] == "CNY" and data["cheapest"] == "optimal"
    assert [s["name"] for s in data["strategies"]] == ["optimal", "avalanche", "snowball", "minimum", "custom"]
    optimal = data["optimal"]
    assert optimal["status"] in ("exact", "bound") and D(optimal["bound"]) <= D(optimal["cost"])
    assert D(optimal["gap"]) == D(optimal["cost"]) - D(optimal["bound"]) < D(1)
    assert optimal["answer"].startswith("Answer: debt-free in 11 months (on 2026-06-01)")
    # where the extra goes, as data: month 5's 1,000.00 to huabei clears it
    run = next(r for r in optimal["extra_runs"] if r["from_period"] == 5)
    assert run["cleared"] == ["huabei"] and run["shares"][0] == {"debt": "huabei", "least": "1000.00",
                                                                 "most": "1000.00", "total": "1000.00"}
    assert len(optimal["extra_lines"]) == len(optimal["extra_runs"])
    assert {v["strategy"] for v in data["vs_cheapest"]} == {"avalanche", "snowball", "minimum", "custom"}
    assert all(D(v["extra_cost"]) >= 0 for v in data["vs_cheapest"])
    for s in data["strategies"]:
        assert {"name", "months", "debt_free_date", "total_paid", "total_interest", "total_penalty", "total_fees",
                "debts", "timeline"} <= set(s)
        assert all({"name", "payoff_date", "paid", "interest", "penalty"} <= set(d) for d in s["debts"])
        assert all(set(t) == {"period", "date", "payments", "balances"} for t in s["timeline"])
        assert all(list(t["payments"]) == ["card", "huabei", "cash"] for t in s["timeline"])
        for amount in [s["total_paid"], *s["timeline"][0]["payments"].values()]:
            assert isinstance(amount, str) and len(amount.split(".")[1]) == 2
    assert set(data["warnings"][0]) == {"debt", "minimum_months", "minimum_total", "payment_36", "saving_36"}
    first = next(s for s in data["strategies"] if s["name"] == "avalanche")["timeline"][0]
    # the card in month 1 (31 days of July): 18,000 × 0.05% × 31 = 279.00; bill 18,279.00; minimum 10% = 1,827.90
    assert first["payments"]["card"] == "1827.90" and first["date"] == "2025-08-01"
    # only the minimums: the cash loan pays its contract installments (2025-07-15 onwards) to the cent
    loan = Loan(D("30000"), parse_rate("0.065%/day"), 24, start=date(2024, 10, 15), interest_basis="daily")
    contract = [str(r.payment) for r in build_schedule(loan).rows if r.due_date > date(2025, 7, 1)]
    minimum = next(s for s in data["strategies"] if s["name"] == "minimum")
    assert [t["payments"]["cash"] for t in minimum["timeline"][:len(contract)]] == contract


def test_example_csv_and_chinese() -> None:
    code, out, _ = invoke(str(EXAMPLE), "--format", "csv", "--timeline", "snowball")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "strategy,period,date,debt,minimum,payment,interest,penalty,fees,balance"
    assert lines[1].startswith("snowball,1,2025-08-01,card,1827.90,1827.90,279.00,0.00,0.00,")
    months = json.loads(invoke(str(EXAMPLE), "--format", "json")[1])["strategies"][1]["months"]
    assert len(lines) == 1 + 3 * months  # one row per month and debt
    code, out, _ = invoke(str(EXAMPLE), "--lang", "zh", "--timeline", "none", "--time-limit", "60")
    assert code == 0 and "最省钱：最优" in out and "只还最低还款" in out and "逐月明细" not in out
    assert out.startswith("结论：11个月后（2026-06-01）全部还清")
    assert "* 第5个月：余款1,000.00还huabei" in out and "（card比雪崩法早还清：未全额还清前，整笔账单计息）" in out
    code, out, _ = invoke(str(EXAMPLE), "--format", "csv", "--lang", "zh")
    assert out.splitlines()[0] == "策略,月份,日期,债务,最低还款额,还款,利息,罚息,费用,余额"


def test_flags_override_the_budget() -> None:
    data = json.loads(invoke(str(EXAMPLE), "--monthly", "9000", "--strategy", "avalanche", "--format", "json")[1])
    assert data["budget"]["monthly"] == "9000.00" and [s["name"] for s in data["strategies"]] == ["avalanche"]
    # month 1: 9,000 + (5,000 − 2,000) = 12,000.00 paid out
    first = next(s for s in data["strategies"] if s["name"] == "avalanche")["timeline"][0]["payments"]
    assert sum(D(v) for v in first.values()) == D("12000.00")


# -- the budget below the minimums ---------------------------------------------------------------------------

SHORT = """
[budget]
monthly = 150
start = 2025-01-01
[[debts]]
name = "a"
kind = "revolving"
balance = 1000
rate = "1%/month"
min_percent = "0%"
min_floor = 100
[debts.penalty]
rate = "0.05%/day"
[[debts]]
name = "b"
kind = "revolving"
balance = 2000
rate = "2%/month"
min_percent = "0%"
min_floor = 100
"""


def test_shortfall_is_said_not_hidden(tmp_path: Path) -> None:
    case = write(tmp_path, SHORT)
    code, out, _ = invoke(case, "--timeline", "none")
    assert code == 0
    # minimums 100 + 100 against 150 a month: 50.00 short; avalanche protects b (2%), so a falls behind
    assert "In month 1 the minimums due exceed the monthly budget by 50.00." in out
    assert "avalanche: first short on 2025-02-01 (month 1): a into arrears" in out
    assert "run `repayplan propose`" in out
    assert "a rule of thumb, not an optimum" in out
    data = json.loads(invoke(case, "--format", "json")[1])
    # the cheapest by actual cost, named in the rule's note: the least paid + still owed
    cheapest = min(data["strategies"], key=lambda s: (s["months"] is None, D(s["total_paid"]) + D(s["balance_left"])))
    assert data["cheapest"] == cheapest["name"] and f"the cheapest here is {cheapest['name']}:" in out
    assert data["shortfall"]["rule"].startswith("Below the minimums every strategy pays them by one rule")
    assert data["shortfall"]["gap"] == "50.00"
    assert data["strategies"][0]["first_arrears"]["debts"] == ["a"]


def test_a_zero_budget_shows_what_the_arrears_cost(tmp_path: Path) -> None:
    # the example with nothing a month: every strategy's penalty and fees charged are the sums of its months'
    # (the timeline's CSV columns), far more than the 38.97 / 112.50 paid; what is left owed is the last balances
    data = json.loads(invoke(str(EXAMPLE), "--monthly", "0", "--format", "json")[1])
    csv_rows = list(csv.DictReader(io.StringIO(invoke(str(EXAMPLE), "--monthly", "0", "--format", "csv")[1])))
    for s in data["strategies"]:
        mine = [row for row in csv_rows if row["strategy"] == s["name"]]
        assert Decimal(s["charged_penalty"]) == sum(Decimal(row["penalty"]) for row in mine)
        assert Decimal(s["charged_fees"]) == sum(Decimal(row["fees"]) for row in mine)
        last = [row for row in mine if int(row["period"]) == len(s["timeline"])]
        assert Decimal(s["balance_left"]) == sum(Decimal(row["balance"]) for row in last)
        assert Decimal(s["charged_penalty"]) > Decimal(s["total_penalty"])
        assert [Decimal(d["balance_left"]) for d in s["debts"]] == [Decimal(row["balance"]) for row in last]
    out = invoke(str(EXAMPLE), "--monthly", "0", "--timeline", "none")[1]
    aval = data["strategies"][0]
    assert (f"penalty interest charged {Decimal(aval['charged_penalty']):,}, fees charged "
            f"{Decimal(aval['charged_fees']):,} (paid or not); {Decimal(aval['balance_left']):,} still owed") in out


# -- bad input: one clear line each, exit 2 ------------------------------------------------------------------

GOOD_CARD = '[[debts]]\nname = "card"\nkind = "revolving"\nbalance = 1000\nrate = "1%/month"\nmin_floor = 100\n'
BUDGET = "[budget]\nmonthly = 500\nstart = 2025-01-01\n"


@pytest.mark.parametrize(("text", "args", "expected"), [
    (BUDGET + '[[debts]]\nkind = "revolving"\nbalance = 1000\nrate = "1%/month"\n', (),
     ["{case}: debts[1].name: missing; give each debt a name, e.g. name = \"card\""]),
    (BUDGET + GOOD_CARD + GOOD_CARD, (),
     ["{case}: debts[2].name: 'card' is already the name of debts[1]; give each debt its own name"]),
    # an empty name is one problem, said once (was twice: "must be a text in quotes" and "needs a name")
    (BUDGET + GOOD_CARD.replace('"card"', '""'), (),
     ["{case}: debts[1].name: empty; every debt needs a name, e.g. name = \"card\""]),
    (BUDGET + GOOD_CARD.replace('"card"', '" "').replace("balance = 1000", "balance = -1"), (),
     ["{case}: debts[1].name: empty; every debt needs a name, e.g. name = \"card\"",
      "{case}: debts[1].balance: must be a positive amount, got -1"]),
    (BUDGET + GOOD_CARD.replace('"card"', "5"), (),
     ["{case}: debts[1].name: must be a text in quotes, e.g. name = \"card\", got 5"]),
    (BUDGET + GOOD_CARD.replace("balance = 1000", "balance = -1000"), (),
     ["{case}: debts[card].balance: must be a positive amount, got -1000"]),
    (BUDGET + GOOD_CARD, ("--strategy", "fastest"),
     ["--strategy: 'fastest' is unknown; use optimal, avalanche, snowball, minimum or custom"]),
    (BUDGET + 'order = ["card", "loan"]\n' + GOOD_CARD, (),
     ["{case}: budget.order: 'loan' is not a debt; use one of card"]),
    (BUDGET + GOOD_CARD, ("--monthly", "lots"), ["--monthly: 'lots' is not a number; write it like 1000 or 1000.50"]),
    (BUDGET + GOOD_CARD + '[[debts]]\nname = "x"\nkind = "lease"\n', (),
     ["{case}: debts[x].kind: 'lease' is unknown; use one of installment, revolving"]),
    ('[[debts]]\nname = "a"\nkind = "revolving"\nbalance = 1\nrate = "1%"\n', (),
     ["{case}: budget.monthly: missing; give [budget] monthly = 3000, or [borrower] monthly_income and "
      "monthly_expenses"]),
])
def test_bad_input_one_line_each(tmp_path: Path, text: str, args: tuple[str, ...], expected: list[str]) -> None:
    case = write(tmp_path, text)
    code, out, err = invoke(case, *args)
    assert code == 2 and out == ""
    assert err.splitlines() == ["Error: " + line.format(case=case) for line in expected]


def test_a_minimum_that_never_repays_names_the_payment_that_would(tmp_path: Path) -> None:
    # 10,000 at 0.05%/day, minimum 1% of the bill: January charges 10,000 × 0.05% × 31 = 155.00 of interest but
    # the minimum is 1% of 10,155.00 = 101.55. The 36-month payment, found here independently: the smallest
    # whole-cent payment that, paid each month (or the minimum when more), clears it within 36 months.
    def clears(payment: int) -> bool:
        from fractions import Fraction

        owed, start = 1_000_000, date(2025, 1, 1)
        from repayplan.calendar import add_months

        previous = start
        for k in range(1, 37):
            when = add_months(start, k, 1)
            charge = Fraction(owed * 5 * (when - previous).days, 10000)
            owed += int(charge + Fraction(1, 2))  # half-up to the cent
            minimum = max(int(Fraction(owed, 100) + Fraction(1, 2)), 1)
            owed -= min(owed, max(payment, minimum))
            previous = when
            if owed == 0:
                return True
        return False

    low, high = 0, 1_000_000  # cents; paying more never takes longer, so bisect on whole cents
    while low < high:
        low, high = (low, (low + high) // 2) if clears((low + high) // 2) else ((low + high) // 2 + 1, high)
    payment = low
    assert clears(payment) and not clears(payment - 1)
    case = write(tmp_path, BUDGET.replace("500", "1000") + '[[debts]]\nname = "card"\nkind = "revolving"\n'
                                                           'balance = 10000\nrate = "0.05%/day"\nmin_percent = "1%"\n')
    code, _, err = invoke(case)
    assert code == 2
    assert err.splitlines() == [
        f"Error: {case}: debts[card].min_percent: paying only the minimum (1% of the bill) never repays 10,000.00: a "
        "month's interest and fees (155.00) are at least the minimum (101.55), so the balance never falls; "
        f"{payment // 100:,}.{payment % 100:02d} a month would clear it in 36 months (raise min_percent or "
        "min_floor, or set min_plus_interest = true)"]


def test_every_problem_at_once(tmp_path: Path) -> None:
    case = write(tmp_path, BUDGET + 'reserve = 10\n[[debts]]\nkind = "revolving"\nbalance = -1\nrate = "x"\n')
    code, _, err = invoke(case)
    assert code == 2 and len(err.splitlines()) == 4
    assert "debts[1].name: missing" in err and "debts[1].balance: must be a positive amount, got -1" in err
    assert "debts[1].rate: 'x' is not a rate" in err and "budget.reserve: 10 is more than the lump sum 0" in err


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["plan", "--help"])
    assert result.exit_code == 0 and "repayplan plan examples/three-debts.toml" in result.output


# -- --export: a workbook, never half-written, never overwritten without --force --------------------------------

def test_export_workbook_amounts_match(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from repayplan.budget import plan as make_plan
    from repayplan.casefile import Reader, load_document
    from repayplan.casefile.debts import read_plan_case

    target = tmp_path / "plan.xlsx"
    code, _, err = invoke(str(EXAMPLE), "--export", str(target), "--timeline", "none", "--time-limit", "60")
    assert code == 0 and err.strip() == f"Wrote {target}: 5 strategies compared"
    case = read_plan_case(Reader(), load_document(EXAMPLE))
    plan = make_plan(case.debts, case.budget, case.strategies, time_limit=60)
    book = load_workbook(target)
    assert book.sheetnames == ["Summary", "optimal", "avalanche", "snowball", "minimum", "custom"]
    cached = load_workbook(target, data_only=True)  # every formula's value as written, without recalculating
    for result in plan.results:
        ws = book[result.name]
        assert ws.cell(3, 3).value == "card paid" and ws.cell(3, 6).value == "card owed"
        for r, month in enumerate(result.timeline, start=4):
            values = [D(str(ws.cell(r, c).value)) for c in range(3, 9)]
            assert values == list(month.payments) + list(month.balances)
            assert ws.cell(r, 9).value == f"=SUM(C{r}:E{r})"
            assert D(str(cached[result.name].cell(r, 9).value)) == sum(month.payments)
        assert ws.page_setup.paperSize == 9 and ws.print_title_rows == "$3:$3"
        assert ws.oddFooter.left.text == "Case EX-THREE-DEBTS"
    with zipfile.ZipFile(target) as z:
        assert len([n for n in z.namelist() if n.startswith("xl/charts/chart")]) == len(plan.results)
    # refused without --force, and the file is left as it was
    before = target.read_bytes()
    code, _, err = invoke(str(EXAMPLE), "--export", str(target))
    assert code == 2 and err.splitlines() == [f"Error: {target} already exists; pass --force to overwrite it"]
    assert target.read_bytes() == before
    assert invoke(str(EXAMPLE), "--export", str(target), "--force", "--lang", "zh")[0] == 0
    assert load_workbook(target).sheetnames == ["汇总", "最优", "雪崩法", "滚雪球法", "只还最低", "自定义"]


def test_export_failure_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from repayplan.report import plan_excel

    def broken(plan: object, lang: str) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(plan_excel, "build_plan_workbook", lambda plan, lang, path, case_id: broken(plan, lang))
    target = tmp_path / "plan.xlsx"
    code, _, err = invoke(str(EXAMPLE), "--export", str(target))
    assert code == 1 and "No space left on device" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                    reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_export_formulas_recalculate_to_the_core_totals(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "plan.xlsx"
    assert invoke(str(EXAMPLE), "--export", str(target))[0] == 0
    out = tmp_path / "out"
    out.mkdir()
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(out), str(target)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    book = load_workbook(out / "plan.xlsx", data_only=True)
    data = json.loads(invoke(str(EXAMPLE), "--format", "json")[1])
    for strategy in data["strategies"]:
        ws = book[strategy["name"]]
        last = len(strategy["timeline"]) + 3
        for r, month in enumerate(strategy["timeline"], start=4):
            assert round(D(str(ws.cell(r, 9).value)), 2) == sum(D(v) for v in month["payments"].values())
            assert round(D(str(ws.cell(r, 10).value)), 2) == sum(D(v) for v in month["balances"].values())
        assert round(D(str(ws.cell(last + 1, 9).value)), 2) == D(strategy["total_paid"])
