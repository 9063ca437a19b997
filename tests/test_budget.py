"""The budget plan core: hand-worked examples, month by month, with the arithmetic written out."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from repayplan import Loan, build_schedule, parse_rate
from repayplan.arrears import Payment, PenaltyPolicy
from repayplan.budget import Budget, InstallmentDebt, RevolvingDebt, plan, strategy
from repayplan.errors import InputError

D = Decimal
JAN1 = date(2025, 1, 1)


def card(name: str, balance: str, rate: str, floor: str = "0", percent: str = "0", **kw: object) -> RevolvingDebt:
    return RevolvingDebt(name, D(balance), parse_rate(rate), D(percent), D(floor), **kw)  # type: ignore[arg-type]


def rows(result, column: str) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [tuple(str(x) for x in getattr(r, column)) for r in result.timeline]


# -- the hand-worked example -------------------------------------------------------------------

def test_two_debts_avalanche_month_by_month() -> None:
    # A: 1,000.00 at 1%/month, B: 2,000.00 at 2%/month, a minimum of 100.00 each, 500.00 a month.
    # Each month interest accrues on the opening balance, then each debt gets its minimum and the
    # 300.00 left goes to the dearest debt, B (2% > 1%).
    a, b = card("a", "1000", "1%/month", floor="100"), card("b", "2000", "2%/month", floor="100")
    result = plan([a, b], Budget(D("500"), JAN1)).result("avalanche")
    assert rows(result, "payments") == [
        ("100.00", "400.00"),  # 1: A 1,000 + 10.00 = 1,010.00; B 2,000 + 40.00 = 2,040.00; B gets 100 + 300
        ("100.00", "400.00"),  # 2: A 910 × 1% = 9.10; B 1,640 × 2% = 32.80
        ("100.00", "400.00"),  # 3: A 819.10 × 1% = 8.191 -> 8.19; B 1,272.80 × 2% = 25.456 -> 25.46
        ("100.00", "400.00"),  # 4: A 727.29 × 1% = 7.2729 -> 7.27; B 898.26 × 2% = 17.9652 -> 17.97
        ("100.00", "400.00"),  # 5: A 634.56 × 1% = 6.3456 -> 6.35; B 516.23 × 2% = 10.3246 -> 10.32
        ("370.92", "129.08"),  # 6: B 126.55 + 2.531 -> 2.53 = 129.08 is paid off; its freed money goes to A:
        #                          500 − 129.08 = 370.92 (A: 540.91 + 5.41 = 546.32)
        ("177.15", "0.00"),  # 7: A 175.40 + 1.754 -> 1.75 = 177.15, paid off
    ]
    assert rows(result, "balances") == [
        ("910.00", "1640.00"),  # 1,010.00 − 100; 2,040.00 − 400
        ("819.10", "1272.80"),  # 919.10 − 100; 1,672.80 − 400
        ("727.29", "898.26"),  # 827.29 − 100; 1,298.26 − 400
        ("634.56", "516.23"),  # 734.56 − 100; 916.23 − 400
        ("540.91", "126.55"),  # 640.91 − 100; 526.55 − 400
        ("175.40", "0.00"),  # 546.32 − 370.92
        ("0.00", "0.00"),
    ]
    # interest: A 10 + 9.10 + 8.19 + 7.27 + 6.35 + 5.41 + 1.75 = 48.07; B 40 + 32.80 + 25.46 + 17.97 + 10.32 + 2.53
    # = 129.08; paid: 3,000 + 177.15
    assert [(d.interest, d.payoff_period) for d in result.debts] == [(D("48.07"), 7), (D("129.08"), 6)]
    assert (result.months, result.debt_free_date, result.total_paid) == (7, date(2025, 8, 1), D("3177.15"))


def test_two_debts_snowball_and_the_cheapest() -> None:
    # Snowball sends the 300.00 to the smaller balance, A:
    # 1: A 1,010.00 − 400 = 610.00; B 2,040.00 − 100 = 1,940.00
    # 2: A 610 + 6.10 − 400 = 216.10; B 1,940 + 38.80 − 100 = 1,878.80
    # 3: A 216.10 + 2.161 -> 2.16 = 218.26 paid off; B 1,878.80 + 37.576 -> 37.58 = 1,916.38 gets 500 − 218.26
    #    = 281.74 -> 1,634.64
    # 4-7: B + 32.69 − 500 = 1,167.33; + 23.35 − 500 = 690.68; + 13.81 − 500 = 204.49; + 4.09 = 208.58 paid.
    a, b = card("a", "1000", "1%/month", floor="100"), card("b", "2000", "2%/month", floor="100")
    p = plan([a, b], Budget(D("500"), JAN1))
    snowball = p.result("snowball")
    assert rows(snowball, "balances")[:4] == [("610.00", "1940.00"), ("216.10", "1878.80"), ("0.00", "1634.64"),
                                              ("0.00", "1167.33")]
    assert rows(snowball, "payments")[2] == ("218.26", "281.74")
    # interest: A 10 + 6.10 + 2.16 = 18.26; B 40 + 38.80 + 37.58 + 32.69 + 23.35 + 13.81 + 4.09 = 190.32
    assert snowball.total_interest == D("208.58") and snowball.months == 7
    # plain rates, no fees: the dearest rate first is the optimum here, and the optimal plan finds it
    assert p.cheapest.name == "optimal" and p.result("optimal").cost == p.result("avalanche").cost
    saving = {(d.cheaper, d.dearer): (d.saving, d.months_sooner) for d in p.differences()}
    assert saving[("avalanche", "snowball")] == (D("31.43"), 0)  # 208.58 − 177.15


def test_minimum_only_matches_an_independent_loop() -> None:
    # Paying only the 100.00 minimums: each debt on its own, computed here with plain fractions.
    def alone(balance: int, rate: Fraction) -> tuple[int, Fraction]:
        owed, months, interest = Fraction(balance), 0, Fraction(0)
        while owed > 0:
            months += 1
            charge = Fraction(math.floor(owed * rate * 100 + Fraction(1, 2)), 100)  # half-up to the cent
            interest += charge
            owed = owed + charge - min(owed + charge, 100)
        return months, interest

    a, b = card("a", "1000", "1%/month", floor="100"), card("b", "2000", "2%/month", floor="100")
    result = plan([a, b], Budget(D("500"), JAN1)).result("minimum")
    (ma, ia), (mb, ib) = alone(1000, Fraction(1, 100)), alone(2000, Fraction(2, 100))
    cents = [D(int(x * 100)).scaleb(-2) for x in (ia, ib)]
    assert [(d.payoff_period, d.interest) for d in result.debts] == [(ma, cents[0]), (mb, cents[1])]
    assert result.months == max(ma, mb) and result.unspent == D(500 * result.months) - result.total_paid


# -- revolving debts: interest rules and minimums ----------------------------------------------------------

def test_interest_on_unpaid_and_on_the_full_bill() -> None:
    # 1,000.00 at 2%/month, minimum 10% of the bill, paying only the minimum.
    unpaid = plan([card("c", "1000", "2%/month", percent="0.10")], Budget(D("5000"), JAN1), ["minimum"]).results[0]
    # 1: 1,000 × 2% = 20.00 -> bill 1,020.00, minimum 102.00 -> 918.00
    # 2: 918 × 2% = 18.36 -> 936.36, minimum 93.636 -> 93.64 -> 842.72
    assert rows(unpaid, "balances")[:2] == [("918.00",), ("842.72",)]
    full = plan([card("c", "1000", "2%/month", percent="0.10", interest_on="full")], Budget(D("5000"), JAN1),
                ["minimum"]).results[0]
    # "full": the bill of month 1 (1,020.00) was not paid in full, so month 2 charges interest on all of it:
    # 1,020 × 2% = 20.40 -> 938.40, minimum 93.84 -> 844.56
    assert rows(full, "interest")[:2] == [("20.00",), ("20.40",)]
    assert rows(full, "balances")[:2] == [("918.00",), ("844.56",)]


def test_minimum_plus_interest_floor_and_daily_rate() -> None:
    # 0.05%/day over January's 31 days: 1,000 × 0.0005 × 31 = 15.50; bill 1,015.50;
    # minimum 1% of the bill (10.155 -> 10.16) plus the month's interest 15.50 = 25.66 (above the 25.00 floor)
    plus = card("c", "1000", "0.05%/day", floor="25", percent="0.01", min_plus_interest=True)
    first = plan([plus], Budget(D("5000"), JAN1), ["minimum"]).results[0].timeline[0]
    assert (first.interest, first.minimums, first.payments) == ((D("15.50"),), (D("25.66"),), (D("25.66"),))
    # a floor: 5% of 1,015.50 = 50.78 is below the floor of 80.00
    floored = card("c", "1000", "0.05%/day", percent="0.05", floor="80")
    assert plan([floored], Budget(D("5000"), JAN1), ["minimum"]).results[0].timeline[0].minimums == (D("80.00"),)


def test_lump_sum_less_reserve_is_spent_in_month_one() -> None:
    # 3,000.00 at 1%/month; 200.00 a month plus a lump sum of 2,500.00 of which 1,000.00 is kept back:
    # month 1 pays 200 + 1,500 = 1,700.00: 3,000 + 30.00 − 1,700 = 1,330.00
    debt = card("c", "3000", "1%/month", floor="50")
    result = plan([debt], Budget(D("200"), JAN1, D("2500"), D("1000"))).result("avalanche")
    assert result.timeline[0].payments == (D("1700.00"),) and result.timeline[0].balances == (D("1330.00"),)
    assert result.timeline[1].payments == (D("200.00"),)  # 1,330 + 13.30 − 200 = 1,143.30
    assert result.timeline[1].balances == (D("1143.30"),)


# -- installment debts --------------------------------------------------------------------------------------

def test_installment_minimum_only_reproduces_the_contract_schedule() -> None:
    # The published 1,000,000 at 4.9% over 30 years: paying only the minimum is the contract schedule.
    loan = Loan(D("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
    result = plan([InstallmentDebt("home", loan)], Budget(D("6000"), date(2025, 1, 15)), ["minimum"]).results[0]
    contract = build_schedule(loan).rows
    assert [r.payments[0] for r in result.timeline] == [r.payment for r in contract]
    assert [r.interest[0] for r in result.timeline] == [r.interest for r in contract]
    assert result.timeline[0].payments == (D("5307.27"),) and result.months == 360
    assert result.total_interest == sum(r.interest for r in contract)


def test_a_loan_paid_on_schedule_starts_where_its_contract_stands() -> None:
    # Plan from 2026-03-01: the installments of 2025-02-15 ... 2026-02-15 (13) are taken as paid; what is owed is
    # the contract schedule's balance after the 13th, and the rest of the schedule follows to the cent.
    loan = Loan(D("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
    contract = build_schedule(loan).rows
    result = plan([InstallmentDebt("home", loan)], Budget(D("6000"), date(2026, 3, 1)), ["minimum"]).results[0]
    assert result.debts[0].opening == contract[12].closing_balance
    assert [r.payments[0] for r in result.timeline] == [r.payment for r in contract[13:]]


def test_a_bullet_loan_pays_its_single_contract_row() -> None:
    # 12,000 at 1.5%/month for 12 months, everything at maturity: 12,000 × 1.5% × 12 = 2,160.00 of interest,
    # rounded once as in the contract row, though the plan starts half way through.
    loan = Loan(D("12000"), parse_rate("1.5%/month"), 12, method="bullet", start=date(2025, 1, 10))
    (row,) = build_schedule(loan).rows
    result = plan([InstallmentDebt("b", loan)], Budget(D("20000"), date(2025, 7, 1)), ["minimum"]).results[0]
    assert [p[0] for p in (r.payments for r in result.timeline)] == [D("0.00")] * 6 + [row.payment]
    assert row.payment == D("14160.00") and result.total_interest == D("2160.00")


def test_prepay_shorten_versus_reduce_payment() -> None:
    # 1,200.00 at 0% over 12 months: installment 100.00. With 300.00 a month, month 1 pays 100 + 200 extra.
    loan = Loan(D("1200"), parse_rate("0%"), 12, method="equal-principal", start=JAN1)
    shorten = plan([InstallmentDebt("l", loan)], Budget(D("300"), JAN1)).result("avalanche")
    reduce = plan([InstallmentDebt("l", loan, "reduce-payment")], Budget(D("300"), JAN1)).result("avalanche")
    # shorten: the installment stays 100.00; reduce-payment: 900.00 over the 11 left = 81.818 -> 81.82
    assert shorten.timeline[1].minimums == (D("100.00"),)
    assert reduce.timeline[1].minimums == (D("81.82"),)
    assert shorten.months == reduce.months == 4 and shorten.total_paid == reduce.total_paid == D("1200.00")
    only = plan([InstallmentDebt("l", loan, "reduce-payment")], Budget(D("300"), JAN1), ["minimum"]).results[0]
    assert only.months == 12  # minimums only: the contract term


def test_a_paid_off_debt_frees_its_minimum() -> None:
    # A 0% loan of 300 (3 × 100) and a card of 1,000 at 1%/month with a 50.00 minimum; 200 a month, avalanche.
    # The card (1%) is the target: month 1 card 1,010 − (200 − 100) = 910; month 3 the loan ends, so from
    # month 4 the card gets all 200.
    loan = InstallmentDebt("loan", Loan(D("300"), parse_rate("0%"), 3, start=JAN1))
    result = plan([loan, card("card", "1000", "1%/month", floor="50")], Budget(D("200"), JAN1)).result("avalanche")
    assert rows(result, "payments")[:4] == [("100.00", "100.00")] * 3 + [("0.00", "200.00")]


def test_installment_in_arrears_starts_from_its_statement() -> None:
    # Huabei: 6,000 at 0% in 12 installments of 500 + 37.50 fee, from 2025-01-05; installments 1-3 paid on
    # time, 4 (5 May) and 5 (5 June) not; 0.05%/day on the overdue amount. On 1 July:
    # penalty 537.50 × 0.05% × 57 days = 15.32 and 537.50 × 0.05% × 26 days = 6.99 (6.9875)
    # owed 4,500 principal + 75.00 fees + 22.31 penalty = 4,597.31
    loan = Loan(D("6000"), parse_rate("0%"), 12, method="equal-principal", start=date(2025, 1, 5),
                installment_fee=D("37.50"))
    paid = tuple(Payment(date(2025, m, 5), D("537.50")) for m in (2, 3, 4))
    huabei = InstallmentDebt("huabei", loan, penalty=PenaltyPolicy(parse_rate("0.05%/day"),
                                                                   base="overdue-installment"), payments=paid)
    result = plan([huabei], Budget(D("5000"), date(2025, 7, 1)), ["minimum"]).results[0]
    assert result.debts[0].opening == D("4597.31")
    first = result.timeline[0]
    # July: penalty on the 1,075.00 overdue (2 × 537.50) × 0.05% × 31 days = 16.6625 -> 16.66; the minimum is
    # everything overdue (1,075.00 + 22.31 + 16.66) plus installment 6 (537.50): 1,651.47
    assert first.penalty == (D("16.66"),) and first.minimums == (D("1651.47"),)
    assert result.months == 7 and result.total_penalty == D("38.97")  # 22.31 + 16.66, then on time


# -- the budget below the minimums -----------------------------------------------------------------------

def test_shortfall_gap_first_arrears_and_penalty() -> None:
    # Minimums 100 + 100 = 200.00 but only 150.00 a month: a gap of 50.00.
    late = PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment")
    a = card("a", "1000", "1%/month", floor="100", penalty=late)
    b = card("b", "2000", "2%/month", floor="100", penalty=late)
    p = plan([a, b], Budget(D("150"), JAN1))
    aval, snow, mini = p.result("avalanche"), p.result("snowball"), p.result("minimum")
    # short of the minimums every strategy keeps current the debt dearest to fall behind on: B at 2% × 12 = 24%
    # + 0.05% × 365 = 18.25% of penalty = 42.25% a year overdue, against A's 12% + 18.25% = 30.25%; so A gets
    # the 50.00 left and falls into arrears.
    assert (aval.first_arrears.debts, snow.first_arrears.debts, mini.first_arrears.debts) == (("a",), ("a",), ("a",))
    assert aval.first_arrears.gap == D("50.00") and p.shortfall.gap == D("50.00")
    # month 2 (February, 28 days): A's unpaid 50.00 bears 50 × 0.05% × 28 = 0.70 of penalty
    assert aval.timeline[1].penalty[0] == D("0.70")
    assert p.shortfall.debt == p.cheapest.first_arrears.debts[0]


def test_short_of_the_minimums_the_same_debt_stays_short_rather_than_the_debts_taking_turns() -> None:
    # A: 1,000.00 at 1%/month, penalty 0.1%/day: overdue it costs 12% + 36.5% = 48.5% a year;
    # B: 2,000.00 at 2%/month, penalty 0.05%/day: 24% + 18.25% = 42.25%. Minimums 100.00 each, 150.00 a month.
    # Every strategy pays A's minimum first and B gets the 50.00 left, month after month (avalanche used to rank
    # B first while A was current, then A first once it was overdue: 150.00 to one debt and nothing to the
    # other in turn, a new arrears each month).
    # month 1: A 1,000 + 10.00 − 100 = 910.00; B 2,000 + 40.00 − 50 = 1,990.00, 50.00 past due
    # month 2 (28 days): A 910 + 9.10 − 100 = 819.10; B penalty 50 × 0.05% × 28 = 0.70, interest
    #   1,990 × 2% = 39.80, minimum 100 + 50 past due = 150.00, paid 50: 1,990 + 39.80 + 0.70 − 50 = 1,980.50
    a = card("a", "1000", "1%/month", floor="100", penalty=PenaltyPolicy(parse_rate("0.1%/day")))
    b = card("b", "2000", "2%/month", floor="100", penalty=PenaltyPolicy(parse_rate("0.05%/day")))
    p = plan([a, b], Budget(D("150"), JAN1))
    for result in p.results:
        assert rows(result, "payments")[:2] == [("100.00", "50.00"), ("100.00", "50.00")]
        assert rows(result, "balances")[:2] == [("910.00", "1990.00"), ("819.10", "1980.50")]
        assert result.timeline[1].minimums == (D("100.00"), D("150.00"))


def test_short_of_the_minimums_a_minimum_that_does_not_fit_is_passed_over() -> None:
    # Overdue a year: dear 3% × 12 + 36.5% = 72.5%; middle 24% + 18.25% = 42.25%; cheap 12% + 18.25% = 30.25%.
    # 200.00 for minimums of 100 + 300 + 50: dear's 100.00 in full (100.00 left); middle's 300.00 does not fit
    # and is passed over; cheap's 50.00 fits (50.00 left), and the 50.00 left goes to middle, the one in arrears.
    dear = card("dear", "1000", "3%/month", floor="100", penalty=PenaltyPolicy(parse_rate("0.1%/day")))
    middle = card("middle", "3000", "2%/month", floor="300", penalty=PenaltyPolicy(parse_rate("0.05%/day")))
    cheap = card("cheap", "500", "1%/month", floor="50", penalty=PenaltyPolicy(parse_rate("0.05%/day")))
    p = plan([cheap, middle, dear], Budget(D("200"), JAN1))
    for result in p.results:
        assert result.timeline[0].payments == (D("50.00"), D("50.00"), D("100.00"))
        assert result.first_arrears.debts == ("middle",)


def test_a_budget_far_below_the_minimums_stops_when_the_debts_grow() -> None:
    late = PenaltyPolicy(parse_rate("0.05%/day"))
    p = plan([card("a", "5000", "2%/month", floor="500", penalty=late)], Budget(D("50"), JAN1))
    # 5,000 × 2% = 100.00 of interest a month against 50.00 paid: the debt grows, every strategy stops after a year
    for result in p.results:
        assert result.growing and result.months is None and len(result.timeline) == 13
        assert result.balance_left > D("5000")


def test_a_shortfall_reports_the_penalty_and_fees_charged_not_only_paid() -> None:
    # 1,000.00 at 1%/month, minimum 100.00, penalty 0.05%/day on the overdue amount and a late fee of 10.00;
    # nothing is paid (budget 0), two months:
    # month 1 (Feb 1): interest 1,000 × 1% = 10.00; minimum 100.00 missed -> late fee 10.00; owed 1,020.00,
    #   100.00 past due
    # month 2 (Mar 1, 28 days): penalty 100 × 0.05% × 28 = 1.40; interest 1,020 × 1% = 10.20; minimum
    #   100.00 + 100.00 past due missed -> late fee 10.00; owed 1,020 + 10.20 + 1.40 + 10.00 = 1,041.60
    # paid: no penalty, no fees; charged: penalty 1.40, fees 20.00
    from repayplan.report.plan import plan_dict, plan_table

    late = PenaltyPolicy(parse_rate("0.05%/day"), late_fee=D("10"))
    p = plan([card("a", "1000", "1%/month", floor="100", penalty=late)], Budget(D("0"), JAN1), ["minimum"],
             horizon=2)
    r = p.results[0]
    assert (r.total_penalty, r.total_fees) == (D("0.00"), D("0.00"))
    assert (r.charged_penalty, r.charged_fees, r.balance_left) == (D("1.40"), D("20.00"), D("1041.60"))
    assert ("minimum: first short on 2025-02-01 (month 1): a into arrears; short in 2 months; penalty interest "
            "charged 1.40, fees charged 20.00 (paid or not); 1,041.60 still owed after month 2") in plan_table(p)
    data = plan_dict(p)["strategies"][0]
    assert (data["total_penalty"], data["total_fees"]) == ("0.00", "0.00")  # the existing keys: what was paid
    assert (data["charged_penalty"], data["charged_fees"], data["balance_left"]) == ("1.40", "20.00", "1041.60")
    debt = data["debts"][0]
    assert (debt["charged_penalty"], debt["charged_fees"], debt["balance_left"]) == ("1.40", "20.00", "1041.60")
    assert (debt["penalty"], debt["fees"]) == ("0.00", "0.00")


# -- avalanche counts an overdue debt's penalty rate ---------------------------------------------------------

def test_avalanche_ranks_arrears_after_the_minimum() -> None:
    # A card at 1%/month (12%/year) 300.00 past due under 0.1%/day (36.5%/year), and a card at 2%/month
    # (24%/year) that is up to date. The minimum (100 + the 300 past due) clears the arrears before any extra
    # is paid, so the extra no longer saves penalty: it goes to the dearer contract rate, "current".
    late = PenaltyPolicy(parse_rate("0.1%/day"))
    behind = card("behind", "3000", "1%/month", floor="100", overdue=D("300"), penalty=late)
    current = card("current", "3000", "2%/month", floor="100")
    p = plan([behind, current], Budget(D("1000"), JAN1), ["optimal", "avalanche", strategy("custom", ["behind"])])
    result = p.result("avalanche")
    # month 1 minimums: behind 100 + 300 past due; current 100; the 500 left goes to "current"
    assert result.timeline[0].minimums == (D("400.00"), D("100.00"))
    assert result.timeline[0].payments == (D("400.00"), D("600.00"))
    # penalty: 300 × 0.1% × 31 days = 9.30 in month 1, and none after (the arrears are paid with the minimum)
    assert result.timeline[0].penalty == (D("9.30"), D("0.00"))
    assert sum(r.penalty[0] for r in result.timeline) == D("9.30")
    # the old ranking (arrears counted again after the minimum: "behind" first) costs more, and the optimum agrees
    old = p.result("custom")
    assert old.cost > result.cost >= p.result("optimal").cost


def test_custom_order_then_the_rest_by_cost() -> None:
    a, b = card("a", "1000", "1%/month", floor="100"), card("b", "2000", "2%/month", floor="100")
    c = card("c", "500", "3%/month", floor="100")
    result = plan([a, b, c], Budget(D("600"), JAN1), [strategy("custom", ["a"])]).results[0]
    # month 1: 300 of minimums, the 300 left to "a" (named first); "c" (3%) would be next, then "b"
    assert result.timeline[0].payments == (D("400.00"), D("100.00"), D("100.00"))


# -- bad input ---------------------------------------------------------------------------------------------

def test_a_minimum_rule_that_never_repays_is_refused_with_the_payment_that_would() -> None:
    # 10,000 at 0.05%/day: January's interest 10,000 × 0.0005 × 31 = 155.00; the minimum 1% of 10,155.00 = 101.55
    never = card("card", "10000", "0.05%/day", percent="0.01")
    with pytest.raises(InputError) as caught:
        plan([never], Budget(D("1000"), JAN1))
    message = str(caught.value)
    assert message.startswith("debts[card].min_percent: paying only the minimum (1% of the bill) never repays "
                              "10,000.00: a month's interest and fees (155.00) are at least the minimum (101.55)")
    assert message.endswith("a month would clear it in 36 months (raise min_percent or min_floor, or set "
                            "min_plus_interest = true)")


def test_names_strategies_and_orders() -> None:
    a = card("a", "1000", "1%/month", floor="100")
    with pytest.raises(InputError, match=r"^debts\[a\]\.name: two debts are named 'a'; give each its own name$"):
        plan([a, a], Budget(D("500"), JAN1))
    with pytest.raises(InputError, match="^strategy: 'fastest' is unknown; use optimal, avalanche, snowball, "):
        plan([a], Budget(D("500"), JAN1), ["fastest"])
    with pytest.raises(InputError, match=r"^budget.order: 'b' is not a debt; use one of a$"):
        plan([a], Budget(D("500"), JAN1), [strategy("custom", ["b"])])
    with pytest.raises(InputError, match="^balance: must be a positive amount, got -5$"):
        card("a", "-5", "1%/month")
    with pytest.raises(InputError, match="^budget.reserve: 900 is more than the lump sum 500"):
        Budget(D("100"), JAN1, D("500"), D("900"))
