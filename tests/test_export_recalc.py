"""The workbook's formulas, recalculated by LibreOffice, agree with the core
to the cent, and follow an edited rate.

Every workbook is built first and recalculated in one LibreOffice run (start-
up costs seconds). The reference is always the core: ``build_schedule`` for
the loan as written, and for the loan at the edited rate.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from repayplan.cli import main
from repayplan.errors import InputError
from repayplan.model import Loan, Position, Row
from repayplan.rates import Rate, parse_rate
from repayplan.report.excel import BookPlan, CaseBook, sheet_names, write_workbook
from repayplan.report.excel.layout import FIRST_ROW
from repayplan.report.excel.live import live_terms
from repayplan.report.excel.summary import metric_label
from repayplan.schedule import build_schedule

from .libreoffice import recalculate
from .test_export_cli import HARDSHIP, MORATORIUM, comparison_of, comparison_table

#: plan-sheet column -> Row attribute
AMOUNT_COLUMNS = {"E": "opening_balance", "F": "payment", "G": "principal", "H": "interest", "I": "fees",
                  "J": "penalty", "K": "closing_balance"}
TOTAL_COLUMNS = {"F": "payment", "G": "principal", "H": "interest", "I": "fees", "J": "penalty"}
START = date(2025, 1, 15)


def loan(principal: str, rate: str, term: int, **terms: Any) -> Loan:
    return Loan(Decimal(principal), parse_rate(rate), term, start=terms.pop("start", START), **terms)


#: Loans chosen for what they exercise; each comment says what.
NAMED: dict[str, Loan] = {
    # the published example: 1,000,000 at 4.9% over 30 years, 5,307.27 a month (PMT-driven installment)
    "mortgage": loan("1000000", "4.9%", 360),
    # equal principal: 6,861.11 first, falling by 11.34
    "mortgage-ep": loan("1000000", "4.9%", 360, method="equal-principal"),
    # daily interest, equal principal, a 41-day first period (examples/cash-loan.json)
    "cash-loan": loan("12000", "1.5%/month", 12, method="equal-principal", start=date(2025, 3, 10),
                      first_due=date(2025, 4, 20), interest_basis="daily"),
    # a long first period: 15 odd days at the daily rate, installment from the discount factors
    "odd-first": loan("50000", "6%", 24, start=date(2025, 1, 10), first_due=date(2025, 2, 25)),
    # a short first period: its actual days at the daily rate
    "short-first": loan("80000", "7.2%", 36, start=date(2025, 1, 20), first_due=date(2025, 2, 5)),
    "interest-only": loan("30000", "1%/month", 12, method="interest-only", installment_fee=Decimal("15.50")),
    "bullet": loan("10000", "18%", 12, method="bullet"),
    "bullet-daily": loan("10000", "0.05%/day", 6, method="bullet", interest_basis="daily", day_count="act/360"),
    "bullet-odd": loan("10000", "12%", 3, method="bullet", first_due=date(2025, 3, 1)),
    "quarterly-30-360": loan("250000", "5.5%", 20, frequency="quarterly", interest_basis="daily",
                             day_count="30/360"),
    "weekly": loan("3000", "0.05%/day", 26, frequency="weekly"),
    "biweekly-fee": loan("8000", "24%", 13, frequency="biweekly", installment_fee=Decimal("5.00")),
    "zero-rate": loan("1000.01", "0%", 3),
    "month-end": loan("20000", "9%", 12, start=date(2024, 1, 31)),
    # half-even: 1.5%/month on cent balances hits true half-cent ties (0.015 × 1.00 = 0.015)
    "half-even": loan("1000.00", "1.5%/month", 12, rounding="half-even", method="equal-principal"),
    "half-even-annuity": loan("2300.00", "1.5%/month", 24, rounding="half-even"),
    "half-even-daily": loan("7300.00", "0.05%/day", 10, rounding="half-even", interest_basis="daily"),
    # 0.05 over 10 periods: a level amount of 0.00, the last row takes the 0.05 (exactly `term` rows)
    "early-repaid": loan("0.05", "0.01%", 10, interest_basis="daily"),
    # a 45-day first period whose interest (6,365.53) exceeds the level amount (5,313.77): row 1 pays interest
    # only, the level amount is the core's solved figure as an input value, every row a formula over it
    "long-first": loan("1000000", "4.9%", 360, first_due=date(2025, 3, 1)),
    # daily interest at 36%: every 31-day month's interest exceeds the level amount
    "daily-clamp": loan("100000", "36%", 360, interest_basis="daily"),
    "jpy": loan("1000000", "14.6%", 24, currency="JPY"),
    "jpy-half-even": loan("333333", "3%/month", 10, currency="JPY", rounding="half-even", method="equal-principal"),
}


def random_loans(count: int, seed: int = 20250115) -> list[Loan]:
    """Loans across every method, frequency, basis, day count, rounding and currency."""
    rng = random.Random(seed)
    out: list[Loan] = []
    while len(out) < count:
        currency = rng.choice(["CNY", "USD", "JPY"])
        places = 0 if currency == "JPY" else 2
        unit = rng.choice(["year", "month", "day"])
        value = {"year": Decimal(rng.randint(0, 3600)).scaleb(-4), "month": Decimal(rng.randint(0, 300)).scaleb(-4),
                 "day": Decimal(rng.randint(0, 100)).scaleb(-5)}[unit]
        start = date(2020, 1, 1) + timedelta(days=rng.randint(0, 3000))
        first_due = start + timedelta(days=rng.randint(5, 90)) if rng.random() < 0.4 else None
        try:
            out.append(Loan(
                principal=Decimal(rng.randint(100, 5 * 10**8)).scaleb(-places), rate=Rate(value, unit),
                term=rng.choice([1, 2, 3, 6, 12, 24, 36, 60, 120]), method=rng.choice(
                    ["annuity", "annuity", "equal-principal", "interest-only", "bullet"]),
                frequency=rng.choice(["monthly", "monthly", "quarterly", "biweekly", "weekly"]), start=start,
                first_due=first_due, interest_basis=rng.choice(["periodic", "periodic", "daily"]),
                day_count=rng.choice(["act/365", "act/360", "30/360"]), currency=currency,
                rounding=rng.choice(["half-up", "half-even"]),
                installment_fee=Decimal(rng.choice([0, 0, 0, 500])).scaleb(-places)))
        except InputError:
            continue
    return out


#: case files exported with `repayplan export` (compare's plans, the arrears statement)
CASES: dict[str, Path | str] = {"hardship": HARDSHIP, "moratorium": MORATORIUM}

def one_bill_in_default(case_id: str, principal: str, rate: str, as_of: str, rounding: str = "half-up") -> str:
    """A bill due 2025-01-15 unpaid until `as_of`, penalty on the whole balance; 0.01 paid on `as_of` (it pays
    penalty first, so the balance stands) gives the case a payment history, hence an Arrears sheet."""
    return f"""
[case]
id = "{case_id}"
as_of = {as_of}
[loan]
principal = "{principal}"
rate = "0%"
term = 1
start = 2024-12-15
rounding = "{rounding}"
[penalty]
rate = "{rate}"
base = "outstanding"
[[payments]]
date = {as_of}
amount = "0.01"
"""


#: full-balance penalty cases: the Arrears sheet's block, recalculated -> (from, to, balance, days, amount) by hand
FULL_BALANCE: dict[str, tuple[Path | str, list[tuple[str, str, str, int, str]]]] = {
    # the card example: 9,000.00 × 0.05% × 27 = 121.50; 7,819.10 × 0.05% × 26 = 101.6483 → 101.65
    "card": (Path(__file__).resolve().parent.parent / "examples" / "card-full-balance.toml",
             [("2025-05-05", "2025-06-01", "9000.00", 27, "121.50"), ("2025-06-05", "2025-07-01", "7819.10", 26,
                                                                      "101.65")]),
    # a true half-cent tie through an annual rate: 1,001.25 × 18% ÷ 365 × 73 = 1,001.25 × 0.036 = 36.045 → 36.05
    "tie-annual": (one_bill_in_default("T-TIE-ANNUAL", "1001.25", "18%/year", "2025-03-29"),
                   [("2025-01-15", "2025-03-29", "1001.25", 73, "36.05")]),
    # 1,010.00 × 0.05% × 1 = 0.505: half-up 0.51, half-even 0.50
    "tie-daily": (one_bill_in_default("T-TIE-DAILY", "1010", "0.05%/day", "2025-01-16"),
                  [("2025-01-15", "2025-01-16", "1010.00", 1, "0.51")]),
    "tie-half-even": (one_bill_in_default("T-TIE-EVEN", "1010", "0.05%/day", "2025-01-16", "half-even"),
                      [("2025-01-15", "2025-01-16", "1010.00", 1, "0.50")]),
    # a monthly penalty rate: 2%/month × 12 ÷ 365 on 5,000.00 for 40 days = 5,000 × 0.24 × 40 / 365 = 131.5068 → 131.51
    "monthly": (one_bill_in_default("T-MONTHLY", "5000", "2%/month", "2025-02-24"),
                [("2025-01-15", "2025-02-24", "5000.00", 40, "131.51")]),
}

#: edited workbooks: (loan name, new contract rate value) — the rate cell is changed after export
EDITS = {"mortgage": Decimal("0.055"), "odd-first": Decimal("0.045"), "cash-loan": Decimal("0.02"),
         "mortgage-ep": Decimal("0.03"), "bullet": Decimal("0.24")}


MORTGAGE = Path(__file__).resolve().parent.parent / "examples" / "mortgage.toml"
LIVE_DATE, LIVE_RATE = date(2026, 3, 1), Decimal("0.055")


def book_of(loans: dict[str, Loan], case_id: str) -> CaseBook:
    plans = tuple(BookPlan.from_schedule(name, build_schedule(x)) for name, x in loans.items())
    first = next(iter(loans.values()))
    return CaseBook(case_id, first.currency, plans, position=Position.fresh(first))


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every workbook of this module, written, edited where asked, and recalculated in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("written")
    books: dict[str, tuple[dict[str, Loan], CaseBook]] = {}
    groups = {
        "named": {k: v for k, v in NAMED.items() if v.currency == "CNY"},
        "jpy": {k: v for k, v in NAMED.items() if v.currency == "JPY"},
    }
    loans = random_loans(48)
    for currency in ("CNY", "USD", "JPY"):
        groups[f"random-{currency}"] = {f"r{i}": x for i, x in enumerate(loans) if x.currency == currency}
    files = []
    for name, group in groups.items():
        book = book_of(group, name)
        books[name] = (group, book)
        write_workbook(book, folder / f"{name}.xlsx")
        files.append(folder / f"{name}.xlsx")
    edits = book_of({name: NAMED[name] for name in EDITS}, "edits")
    write_workbook(edits, folder / "edits.xlsx")
    wb = openpyxl.load_workbook(folder / "edits.xlsx")
    for name, rate in EDITS.items():
        wb[name]["H3"] = float(rate)  # the contract rate cell, as a person would change it
    wb.save(folder / "edits.xlsx")
    files.append(folder / "edits.xlsx")
    for name, case in {**CASES, **{k: v for k, (v, _) in FULL_BALANCE.items()}}.items():  # through the command
        path = folder / f"{name}.toml"
        path.write_text(case.read_text(encoding="utf-8") if isinstance(case, Path) else case, encoding="utf-8")
        result = CliRunner().invoke(main, ["export", str(path), "-o", str(folder / f"{name}.xlsx")])
        assert result.exit_code == 0, result.stderr
        files.append(folder / f"{name}.xlsx")
    live = folder / "live.xlsx"  # a loan in good standing: the contract as it stands is the live schedule
    result = CliRunner().invoke(main, ["export", str(MORTGAGE), "-o", str(live), "--date", LIVE_DATE.isoformat()])
    assert result.exit_code == 0, result.stderr
    wb = openpyxl.load_workbook(live)
    wb["Contract schedule"]["H3"] = float(LIVE_RATE)
    wb.save(live)
    files.append(live)
    out = recalculate(files, tmp_path_factory.mktemp("recalculated"))
    return {"books": books, "files": {p.stem: p for p in out},
            "cases": {n: folder / f"{n}.toml" for n in [*CASES, *FULL_BALANCE]}}


def amount(value: Any) -> Decimal:
    assert isinstance(value, int | float), f"expected a number, got {value!r}"
    return Decimal(repr(value))


def mismatches(ws: Any, rows: tuple[Row, ...], where: str) -> list[str]:
    """Every cell of a recalculated plan sheet that differs from the core's row by 10⁻⁶ or more."""
    out = []
    for index, row in enumerate(rows):
        r = FIRST_ROW + index
        for col, attr in AMOUNT_COLUMNS.items():
            got = ws[f"{col}{r}"].value
            if got is None or abs(amount(got) - getattr(row, attr)) >= Decimal("1e-6"):
                out.append(f"{where} {col}{r} {attr}: sheet {got!r}, core {getattr(row, attr)}")
    total = FIRST_ROW + len(rows)
    for col, attr in TOTAL_COLUMNS.items():
        want = sum((getattr(r, attr) for r in rows), Decimal(0))
        got = ws[f"{col}{total}"].value
        if got is None or abs(amount(got) - want) >= Decimal("1e-6"):
            out.append(f"{where} total {col}{total} {attr}: sheet {got!r}, core {want}")
    return out


@pytest.mark.parametrize("group", ["named", "jpy", "random-CNY", "random-USD", "random-JPY"])
def test_every_recalculated_amount_equals_the_core(recalculated: dict[str, Any], group: str) -> None:
    loans, book = recalculated["books"][group]
    wb = openpyxl.load_workbook(recalculated["files"][group], data_only=True)
    names = sheet_names(book)
    problems = []
    for (key, x), plan, title in zip(loans.items(), book.plans, names[1:], strict=False):
        assert live_terms(plan) is not None, f"{key} was not written with live formulas"
        problems += mismatches(wb[title], build_schedule(x).rows, f"{group}/{key}")
    assert problems == [], "\n".join(problems[:20])


def test_the_published_example_recalculates(recalculated: dict[str, Any]) -> None:
    ws = openpyxl.load_workbook(recalculated["files"]["named"], data_only=True)["mortgage"]
    # 1,000,000 × 4.9%/12 = 4,083.33 interest; 5,307.27 − 4,083.33 = 1,223.94 principal
    assert (ws["E5"].value, ws["H9"].value, ws["G9"].value) == (5307.27, 4083.33, 1223.94)
    assert ws["K368"].value == 0 and ws["G369"].value == 1000000


@pytest.mark.parametrize("name", sorted(EDITS))
def test_an_edited_rate_recalculates_the_plan(recalculated: dict[str, Any], name: str) -> None:
    wb = openpyxl.load_workbook(recalculated["files"]["edits"], data_only=True)
    original = NAMED[name]
    edited = replace(original, rate=Rate(EDITS[name], original.rate.unit))
    rows = build_schedule(edited).rows
    assert rows != build_schedule(original).rows
    assert mismatches(wb[name], rows, f"edited {name}") == []


def test_the_summary_and_terms_follow_the_plans(recalculated: dict[str, Any]) -> None:
    loans, book = recalculated["books"]["named"]
    wb = openpyxl.load_workbook(recalculated["files"]["named"], data_only=True)
    figures = comparison_table(wb[sheet_names(book)[0]])
    for key, x in loans.items():
        s = build_schedule(x)
        column = figures[key]
        assert amount(column[metric_label("total_payment", "en")]) == s.total_payment
        assert amount(column[metric_label("total_interest", "en")]) == s.total_interest
        assert column[metric_label("payments", "en")] == sum(1 for r in s.rows if r.payment > 0)
        assert amount(column[metric_label("largest_payment", "en")]) == max(r.payment for r in s.rows)
    terms = wb["Terms"]  # filled from the first plan, the mortgage
    lines = [r for r in terms.iter_rows(values_only=True) if isinstance(r[0], int | float) and r[1] is not None]
    rows = build_schedule(NAMED["mortgage"]).rows
    assert len(lines) == len(rows)
    assert all(amount(line[2]) == row.payment and amount(line[4]) == row.interest for line, row in zip(
        lines, rows, strict=True))


@pytest.mark.parametrize("case", sorted(CASES))
def test_compares_plans_and_figures_recalculate_to_compares(recalculated: dict[str, Any], case: str) -> None:
    """Every plan sheet, the Summary's comparison and the Terms, recalculated,
    show exactly what `repayplan compare` computes."""
    from repayplan.report.compare import metric_text

    comparison = comparison_of(recalculated["cases"][case])
    wb = openpyxl.load_workbook(recalculated["files"][case], data_only=True)
    table = comparison_table(wb["Summary"])
    policy = comparison.position.policy
    problems = []
    for plan, metrics, title in zip(comparison.plans, comparison.metrics, wb.sheetnames[1:], strict=False):
        problems += mismatches(wb[title], plan.rows, f"{case}/{plan.name}")
        column = table[title]
        for key in ("total_payment", "total_principal", "total_interest", "total_penalty", "total_fees", "forgiven",
                    "payments", "first_payment", "largest_payment", "smallest_payment", "payoff_date",
                    "annual_cost", "creditor_npv", "recovery", "saving"):
            got, want = column.get(metric_label(key, "en")), getattr(metrics, key)
            if want is None:
                ok = got == "—"
            elif key == "payoff_date":
                ok = got.date() == want
            elif key in ("annual_cost", "recovery"):  # compare shows them as percentages with two decimals
                ok = metric_text(key, amount(got), policy) == metric_text(key, want, policy)
            else:
                ok = amount(got) == want
            if not ok:
                problems.append(f"{case}/{plan.name} {key}: sheet {got!r}, compare {want}")
    assert problems == [], "\n".join(problems[:20])
    chosen = comparison.plans[1]  # the Terms sheet is filled from the first scenario
    lines = [r for r in wb["Terms"].iter_rows(values_only=True) if isinstance(r[0], int | float) and r[1]]
    assert [(line[1].date(), amount(line[2])) for line in lines] == [(r.due_date, r.payment) for r in chosen.rows
                                                                     if r.payment > 0]  # the payments agreed


@pytest.mark.parametrize("case", sorted(FULL_BALANCE))
def test_the_full_balance_penalty_recalculates_to_the_core(recalculated: dict[str, Any], case: str) -> None:
    """The Arrears sheet's "Penalty on the whole balance": each line's days (to − from) and amount
    (ROUND(balance × daily rate × days)), recalculated, are the core's and the hand calculation's."""
    from repayplan.arrears import statement
    from repayplan.casefile import load_document
    from repayplan.casefile.scenarios import read_compare_case

    path = recalculated["cases"][case]
    data = read_compare_case(load_document(path), str(path))
    st = statement(data.debt.loan, list(data.debt.payments), data.debt.penalty, data.info.as_of)
    by_hand = [(date.fromisoformat(a), date.fromisoformat(b), Decimal(base), days, Decimal(pen))
               for a, b, base, days, pen in FULL_BALANCE[case][1]]
    assert [(t.start, t.end, t.base, t.days, t.amount) for t in st.penalty_terms] == by_hand
    rows = list(openpyxl.load_workbook(recalculated["files"][case], data_only=True)["Arrears"].iter_rows(
        values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] == "Penalty on the whole balance")
    header = next(i for i in range(top, len(rows)) if rows[i][0] == "No.")
    daily = st.penalty.resolved_rate(data.debt.loan.rate).daily_exact(data.debt.loan.day_count)
    lines = rows[header + 1:header + 1 + len(by_hand)]
    got = [(r[1].date(), r[2].date(), amount(r[3]), r[5], amount(r[6])) for r in lines]
    assert got == by_hand
    assert all(abs(Fraction(r[4]) - daily) < Fraction(1, 10**15) * daily for r in lines)  # the daily rate cell
    total = rows[header + 1 + len(by_hand)]
    assert total[0] == "Total" and amount(total[6]) == st.penalty_charged == sum(x[4] for x in by_hand)


def test_an_edited_rate_moves_the_summary_and_terms(recalculated: dict[str, Any]) -> None:
    """The mortgage in good standing on 2026-03-01, its contract rate changed from 4.9% to 5.5% in the
    Contract schedule: the contract as it stands (its sheet, its Summary column, the Terms) follows."""
    from repayplan.casefile import load_document
    from repayplan.casefile.scenarios import read_compare_case

    loan = read_compare_case(load_document(MORTGAGE), str(MORTGAGE)).debt.loan
    edited = build_schedule(replace(loan, rate=Rate(LIVE_RATE, "year"))).rows
    rest = [r for r in edited if r.due_date > LIVE_DATE]  # 13 paid on schedule before the date
    assert len(rest) == 347
    before = build_schedule(loan).rows
    wb = openpyxl.load_workbook(recalculated["files"]["live"], data_only=True)
    ws = wb["Contract as it stands"]
    got = [(ws[f"B{9 + i}"].value.date(), amount(ws[f"F{9 + i}"].value)) for i in range(len(rest))]
    assert got == [(r.due_date, r.payment) for r in rest]
    total = sum((r.payment for r in rest), Decimal(0))
    assert total != sum((r.payment for r in before if r.due_date > LIVE_DATE), Decimal(0))
    column = comparison_table(wb["Summary"])["Contract as it stands"]
    assert amount(column[metric_label("total_payment", "en")]) == total
    assert amount(column[metric_label("largest_payment", "en")]) == max(r.payment for r in rest)
    terms = list(wb["Terms"].iter_rows(values_only=True))
    assert amount(next(r for r in terms if r[0] == "Total")[2]) == total
