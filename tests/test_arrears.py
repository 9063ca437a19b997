"""The arrears statement against hand-worked examples (arithmetic in the comments)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest

from repayplan import InputError, Loan, build_schedule, parse_rate, rates
from repayplan.arrears import Accrual, Payment, PenaltyPolicy, accrued_interest, parse_penalty_rate, statement
from repayplan.arrears.audit import audit_claim
from repayplan.restructure.position import is_performing, performing_position

D = Decimal
DAILY = parse_rate("0.05%/day")


def bill(amount: str = "1000", start: date = date(2024, 12, 15), rate: str = "0%", term: int = 1) -> Loan:
    """A bill (or `term` equal bills) due monthly from 2025-01-15."""
    return Loan(D(amount), parse_rate(rate), term, start=start)


def p(day: str, amount: str) -> Payment:
    return Payment(date.fromisoformat(day), D(amount))


# -- the hand examples -------------------------------------------------

def test_overdue_installment_30_days_is_15() -> None:
    # 1,000.00 × 0.05%/day × 30 days = 15.00 (due 2025-01-15, as of 2025-02-14)
    loan = bill("10000", term=10)
    st = statement(loan, [], PenaltyPolicy(DAILY, base="overdue-installment"), date(2025, 2, 14))
    assert st.penalty_interest == D("15.00")
    assert st.lines[0].trace == ("2025-01-15 to 2025-02-14: 1,000.00 × 0.05%/day × 30 days = 15.00",)
    assert st.days_past_due == 30 and st.overdue_principal == D("1000.00")


def test_full_balance_30_days_is_150() -> None:
    # the same 30 days on the whole 10,000.00 balance (全额罚息): 10,000.00 × 0.05% × 30 = 150.00,
    # charged as 10 installment lines of 1,000.00 × 0.05% × 30 = 15.00 each
    loan = bill("10000", term=10)
    st = statement(loan, [], PenaltyPolicy(DAILY, base="outstanding"), date(2025, 2, 14))
    assert st.penalty_interest == D("150.00")
    assert [x.penalty_interest for x in st.lines] == [D("15.00")] * 10
    assert st.payoff_amount == D("10150.00") and st.total_due == D("1150.00")


def test_partial_payment_24_days_then_rest_13_days_later_is_17_85() -> None:
    # 1000 × 0.05% × 24 + 900 × 0.05% × 13 = 12.00 + 5.85 = 17.85, when the 100.00 reduces the overdue amount
    policy = PenaltyPolicy(DAILY, base="overdue-installment", allocation="principal-first")
    st = statement(bill(), [p("2025-02-08", "100"), p("2025-02-21", "917.85")], policy, date(2025, 3, 31))
    assert [t.amount for t in st.lines[0].terms] == [D("12.00"), D("5.85")]
    assert st.penalty_charged == D("17.85")
    assert st.payoff_amount == D("0.00") and st.lines[0].status == "paid late"
    assert st.lines[0].days_overdue == 37


def test_bank_order_pays_the_penalty_first() -> None:
    # fees → penalty → interest → principal: the 100.00 first pays the 12.00 of penalty, so only 88.00 reduces
    # the bill: 1000 × 0.05% × 24 = 12.00; 912 × 0.05% × 13 = 5.928 → 5.93; total 17.93
    policy = PenaltyPolicy(DAILY, base="overdue-installment", allocation="fees-penalty-interest-principal")
    st = statement(bill(), [p("2025-02-08", "100")], policy, date(2025, 2, 21))
    assert [(a.component, a.amount) for a in st.applications] == [("penalty", D("12.00")), ("principal", D("88.00"))]
    assert st.penalty_charged == D("17.93") and st.payoff_amount == D("917.93")  # 912.00 + 5.93


def test_counting_the_payment_day() -> None:
    # both ends counted: 1000 × 0.05% × 25 = 12.50; 900 × 0.05% × 13 = 5.85; total 18.35
    policy = PenaltyPolicy(DAILY, base="overdue-installment", allocation="principal-first", count_payment_day=True)
    st = statement(bill(), [p("2025-02-08", "100"), p("2025-02-21", "918.35")], policy, date(2025, 3, 31))
    assert [(t.days, t.amount) for t in st.lines[0].terms] == [(25, D("12.50")), (13, D("5.85"))]
    assert st.payoff_amount == D("0.00")


@pytest.mark.parametrize("base", ["overdue-principal", "overdue-installment", "outstanding"])
@pytest.mark.parametrize("first", ["2025-01-15", "2025-01-05"])  # paid on the due date, or early: credit applied then
def test_money_paid_on_the_due_date_bears_no_penalty_day(base: str, first: str) -> None:
    # 400.00 reaches the bill on its due date 2025-01-15 (on time); the other 600.00 is paid late on 2025-01-25,
    # its payment day counted: 600 × 0.05% × 11 days (15th to 25th, both counted) = 3.30.
    # (Was 1000 × 0.05% × 1 = 0.50 on the due date too: 3.50.)
    policy = PenaltyPolicy(DAILY, base=base, allocation="principal-first", count_payment_day=True)
    st = statement(bill(), [p(first, "400"), p("2025-01-25", "600")], policy, date(2025, 3, 1))
    terms = st.penalty_terms if base == "outstanding" else st.lines[0].terms
    assert [(str(t.start), str(t.end), t.base, t.days, t.amount) for t in terms] == [
        ("2025-01-15", "2025-01-26", D("600.00"), 11, D("3.30"))]
    assert st.penalty_charged == D("3.30") and st.payoff_amount == D("3.30")
    # not counting the payment day: 600 × 0.05% × 10 = 3.00
    assert statement(bill(), [p(first, "400"), p("2025-01-25", "600")], replace(policy, count_payment_day=False),
                     date(2025, 3, 1)).penalty_charged == D("3.00")


@pytest.mark.parametrize(("mode", "penalty"), [
    # waive: late in the end, so penalty from the due date; the 400.00 paid on 01-17, within the grace, is on time:
    # 1000 × 0.05% × 2 (15th, 16th) = 1.00; 600 × 0.05% × 9 (17th to 25th, the late payment day counted) = 2.70
    ("waive", ["1.00", "2.70"]),  # 3.70 (was 1000 × 3 days = 1.50 + 600 × 8 = 2.40: 3.90)
    # shift: from the end of the grace (01-18): 600 × 0.05% × 8 (18th to 25th) = 2.40
    ("shift", ["2.40"]),
])
def test_a_payment_within_the_grace_days_bears_no_penalty_day(mode: str, penalty: list[str]) -> None:
    policy = PenaltyPolicy(DAILY, base="overdue-principal", allocation="principal-first", count_payment_day=True,
                           grace_days=3, grace_mode=mode)
    st = statement(bill(), [p("2025-01-17", "400"), p("2025-01-25", "600")], policy, date(2025, 3, 1))
    assert [t.amount for t in st.lines[0].terms] == [D(x) for x in penalty]
    # paid in full within the grace (the rest on its last day, 01-18): nothing at all
    st = statement(bill(), [p("2025-01-17", "400"), p("2025-01-18", "600")], policy, date(2025, 3, 1))
    assert st.penalty_charged == D("0.00") and st.payoff_amount == D("0.00") and st.lines[0].status == "paid late"


# -- grace days ----------------------------------------------------------------

@pytest.mark.parametrize(("paid", "mode", "penalty", "fee"), [
    ("2025-01-18", "waive", "0.00", "0.00"),   # 3 days late, within 3 grace days: nothing extra
    ("2025-01-19", "waive", "2.00", "50.00"),  # 4 days late: penalty from the due date, 1000 × 0.05% × 4 = 2.00
    ("2025-01-19", "shift", "0.50", "50.00"),  # counted from the end of the grace: 1000 × 0.05% × 1 = 0.50
])
def test_grace_days(paid: str, mode: str, penalty: str, fee: str) -> None:
    policy = PenaltyPolicy(DAILY, base="overdue-installment", grace_days=3, grace_mode=mode, late_fee=D("50"),
                           allocation="principal-first")
    st = statement(bill(), [p(paid, "1000")], policy, date(2025, 3, 1))
    assert st.penalty_charged == D(penalty) and st.fees_charged == D(fee)
    assert st.payoff_amount == D(penalty) + D(fee)


def test_in_grace_on_the_statement_date_shows_no_penalty_yet() -> None:
    policy = PenaltyPolicy(DAILY, base="overdue-installment", grace_days=3)
    st = statement(bill(), [], policy, date(2025, 1, 18))
    assert st.lines[0].status == "in grace" and st.penalty_charged == D("0.00")
    # one day later the grace is over and penalty runs from the due date: 1000 × 0.05% × 4 = 2.00
    assert statement(bill(), [], policy, date(2025, 1, 19)).penalty_charged == D("2.00")
    assert st.lines[0].trace == ("unpaid, within the 3 grace days until 2025-01-18: no penalty yet",)


def test_due_on_the_statement_date_is_due_today_not_in_grace() -> None:
    # no grace days: the bill due 2025-01-15 is not late on 2025-01-15 (paying today is on time)
    policy = PenaltyPolicy(DAILY, base="overdue-installment")
    st = statement(bill(), [], policy, date(2025, 1, 15))
    assert st.lines[0].status == "due today" and st.penalty_charged == D("0.00")
    assert st.lines[0].trace == ("due today, not yet late: no penalty",)
    # the next day it is late: 1000 × 0.05% × 1 day = 0.50
    assert statement(bill(), [], policy, date(2025, 1, 16)).lines[0].trace == (
        "2025-01-15 to 2025-01-16: 1,000.00 × 0.05%/day × 1 day = 0.50",)
    # with 3 grace days the due date itself is still "due today", and says until when the grace runs
    st = statement(bill(), [], replace(policy, grace_days=3), date(2025, 1, 15))
    assert st.lines[0].status == "due today"
    assert st.lines[0].trace == ("due today, not yet late: no penalty; 3 grace days until 2025-01-18",)


# -- rates, bases, compounding ---------------------------------------------------

def test_relative_rate_contract_plus_50_percent() -> None:
    # 1.5%/month + 50% = 2.25%/month = 27%/year; daily 27% ÷ 365; on the overdue principal of a one-month loan
    # of 1,000.00 (interest 15.00): 1000 × 0.27 / 365 × 30 = 22.1917... → 22.19
    loan = bill(rate="1.5%/month")
    policy = PenaltyPolicy(parse_penalty_rate("contract+50%"))
    st = statement(loan, [], policy, date(2025, 2, 14))
    assert st.lines[0].trace == ("2025-01-15 to 2025-02-14: 1,000.00 × 2.25%/month × 12 ÷ 365 × 30 days = 22.19",)
    assert st.rate_text == "contract+50%: 1.5%/month × 1.5 = 2.25%/month"
    assert (st.overdue_interest, st.payoff_amount) == (D("15.00"), D("1037.19"))


def test_compound_adds_unpaid_interest_to_the_base() -> None:
    # a one-month loan of 1,000.00 at 1%/month owes 1,010.00; 30 days at 0.05%/day:
    # on the principal 1000 × 0.05% × 30 = 15.00; compounded 1010 × 0.05% × 30 = 15.15
    loan = bill(rate="1%/month")
    simple = statement(loan, [], PenaltyPolicy(DAILY), date(2025, 2, 14))
    compound = statement(loan, [], PenaltyPolicy(DAILY, compound=True), date(2025, 2, 14))
    assert (simple.penalty_charged, compound.penalty_charged) == (D("15.00"), D("15.15"))


def test_annual_penalty_rate_uses_the_loans_day_count() -> None:
    # 18%/year on act/360: 1000 × 0.18 / 360 × 30 = 15.00 (and ÷ 365 on act/365: 14.7945... → 14.79)
    loan = bill()
    st = statement(replace(loan, day_count="act/360"), [], PenaltyPolicy(parse_rate("18%")), date(2025, 2, 14))
    assert st.penalty_charged == D("15.00")
    assert statement(loan, [], PenaltyPolicy(parse_rate("18%")), date(2025, 2, 14)).penalty_charged == D("14.79")


def test_the_trace_prints_the_year_the_arithmetic_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    # one table of years (rates.DAYS_PER_YEAR) for both the amount and its trace: were act/360's year changed
    # (here to 366 days), both follow: 1000 × 18% ÷ 366 × 30 = 14.7540... → 14.75, printed as "÷ 366"
    monkeypatch.setitem(rates.DAYS_PER_YEAR, "act/360", 366)
    loan = replace(bill(), day_count="act/360")
    st = statement(loan, [], PenaltyPolicy(parse_rate("18%")), date(2025, 2, 14))
    assert st.lines[0].trace == ("2025-01-15 to 2025-02-14: 1,000.00 × 18%/year ÷ 366 × 30 days = 14.75",)


def test_full_balance_penalty_stops_when_the_arrears_are_cleared() -> None:
    # installment 1 of 10 × 1,000.00 paid 10 days late: the whole 10,000.00 bears 0.05%/day for 10 days,
    # 10,000.00 × 0.05% × 10 = 50.00, 5.00 for each installment; nothing after that
    loan = bill("10000", term=10)
    policy = PenaltyPolicy(DAILY, base="outstanding", allocation="principal-first")
    st = statement(loan, [p("2025-01-25", "1000")], policy, date(2025, 2, 14))
    assert st.penalty_charged == D("50.00") and st.penalty_interest == D("50.00")
    assert st.penalty_trace == ("2025-01-15 to 2025-01-25: 10,000.00 × 0.05%/day × 10 days = 50.00",)
    assert st.lines[3].penalty_interest == D("5.00") and st.lines[3].trace == ()


def test_full_balance_penalty_is_rounded_once_on_the_balance() -> None:
    # 1,000.00 at 0% in 3 installments (333.33, 333.33, 333.34) from 2025-02-01; one day overdue on 2025-02-02:
    # 1,000.00 × 0.05% × 1 day = 0.50 (not 3 × round(333.33 × 0.05%) = 3 × 0.17 = 0.51).
    # Split by largest remainder: exact parts 0.166665, 0.166665, 0.16667 → 0.16 each (0.48) and the 2 cents
    # left go to the largest fractions: installment 3 (0.00667), then installment 1 (0.006665, the older of a tie)
    loan = Loan(D("1000"), parse_rate("0%"), 3, start=date(2025, 1, 1))
    st = statement(loan, [], PenaltyPolicy(DAILY, base="outstanding"), date(2025, 2, 2))
    assert st.penalty_charged == D("0.50")
    assert [x.penalty_interest for x in st.lines] == [D("0.17"), D("0.16"), D("0.17")]
    assert st.penalty_trace == ("2025-02-01 to 2025-02-02: 1,000.00 × 0.05%/day × 1 day = 0.50",)


def test_full_balance_penalty_on_a_mortgage_is_one_line() -> None:
    # 1,000,000.00 at 4.9% over 360 months from 2025-01-15, nothing paid; penalty contract+50% = 7.35%/year on
    # the whole balance from the first due date 2025-02-15 to 2025-03-15 (28 days):
    # 1,000,000.00 × 7.35% ÷ 365 × 28 = 5,638.3561... → 5,638.36 (per installment, 360 roundings made 5,638.41)
    loan = Loan(D("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
    policy = PenaltyPolicy(parse_penalty_rate("contract+50%"), base="outstanding")
    st = statement(loan, [], policy, date(2025, 3, 15))
    assert st.penalty_charged == D("5638.36") == sum(x.penalty_interest for x in st.lines)
    assert st.penalty_trace == ("2025-02-15 to 2025-03-15: 1,000,000.00 × 7.35%/year ÷ 365 × 28 days = 5,638.36",)
    assert all(x.terms == () for x in st.lines)  # no per-installment penalty lines


def test_full_balance_penalty_follows_the_balance_through_payments() -> None:
    # 3,000.00 at 0% in 3 installments of 1,000.00 due 01-15, 02-15, 03-15; 400.00 paid 01-25 (principal
    # first), the rest of installment 1 (600.00 + its penalty) on 02-04; as of 02-10, with penalty interest paid
    # in the bank order. Whole balance 3,000.00 from 01-15 to 01-25: 3000 × 0.05% × 10 = 15.00 (5.00 each);
    # 2,600.00 (the 400.00 paid principal) from 01-25 to 02-04: 2600 × 0.05% × 10 = 13.00
    # (600/2600 × 13 = 3.00, 1000/2600 × 13 = 5.00 each). Installment 1 owes 5.00 + 3.00 = 8.00 of penalty;
    # 608.00 clears it on 02-04 and the default ends: 28.00 charged, 20.00 unpaid on installments 2 and 3
    loan = bill("3000", term=3)
    policy = PenaltyPolicy(DAILY, base="outstanding", allocation="principal-first")
    st = statement(loan, [p("2025-01-25", "400"), p("2025-02-04", "608")], policy, date(2025, 2, 10))
    assert st.penalty_trace == ("2025-01-15 to 2025-01-25: 3,000.00 × 0.05%/day × 10 days = 15.00",
                                "2025-01-25 to 2025-02-04: 2,600.00 × 0.05%/day × 10 days = 13.00")
    assert [x.penalty_interest for x in st.lines] == [D("8.00"), D("10.00"), D("10.00")]
    assert (st.penalty_charged, st.penalty_interest, st.payoff_amount) == (D("28.00"), D("20.00"), D("2020.00"))


# -- late fees -------------------------------------------------------------------

def test_late_fee_fixed_per_missed_installment() -> None:
    # two missed installments × 50.00 fixed = 100.00; the third is not yet due
    loan = bill("3000", term=3)
    st = statement(loan, [], PenaltyPolicy(late_fee=D("50")), date(2025, 3, 1))
    assert [x.fees for x in st.lines] == [D("50.00"), D("50.00"), D("0.00")]
    assert st.fees == D("100.00") and st.penalty_charged == D("0.00")


@pytest.mark.parametrize(("amount", "fee"), [
    ("100", "10.00"),    # 5% × 100.00 = 5.00, raised to the minimum 10.00
    ("1000", "50.00"),   # 5% × 1,000.00 = 50.00
    ("3000", "100.00"),  # 5% × 3,000.00 = 150.00, capped at 100.00
])
def test_late_fee_percentage_with_floor_and_cap(amount: str, fee: str) -> None:
    policy = PenaltyPolicy(late_fee_rate=D("0.05"), late_fee_min=D("10"), late_fee_max=D("100"))
    st = statement(bill(amount), [], policy, date(2025, 2, 1))
    assert st.fees_charged == D(fee)


# -- allocation --------------------------------------------------------------------

def overdue_with_everything() -> tuple[Loan, PenaltyPolicy]:
    # one-month loan 1,000.00 at 1%/month: interest 10.00; late fee 20.00; 10 days at 0.05%/day on the
    # principal = 5.00 of penalty by 2025-01-25
    return bill(rate="1%/month"), PenaltyPolicy(DAILY, late_fee=D("20"))


@pytest.mark.parametrize(("allocation", "expected"), [
    ("civil-code", [("fees", "20.00"), ("interest", "10.00"), ("penalty", "5.00"), ("principal", "15.00")]),
    ("fees-penalty-interest-principal", [("fees", "20.00"), ("penalty", "5.00"), ("interest", "10.00"),
                                         ("principal", "15.00")]),
    ("principal-first", [("principal", "50.00")]),
    (["penalty", "principal", "interest", "fees"], [("penalty", "5.00"), ("principal", "45.00")]),
])
def test_allocation_order_is_data(allocation: object, expected: list[tuple[str, str]]) -> None:
    loan, policy = overdue_with_everything()
    st = statement(loan, [p("2025-01-25", "50")], replace(policy, allocation=allocation), date(2025, 1, 25))
    assert [(a.component, str(a.amount)) for a in st.applications] == expected


def test_allocation_by_component_clears_each_component_across_installments_first() -> None:
    # two overdue months of a 2,000.00 loan at 1%/month equal principal: interest 20.00 then 10.00.
    # 40.00 by installment pays #1 interest 20.00 then #1 principal 20.00;
    # by component it pays #1 interest 20.00, #2 interest 10.00, then #1 principal 10.00
    loan = replace(bill("2000", rate="1%/month", term=2), method="equal-principal")
    installment = statement(loan, [p("2025-02-20", "40")], PenaltyPolicy(), date(2025, 2, 20))
    component = statement(loan, [p("2025-02-20", "40")], PenaltyPolicy(allocation_scope="component"),
                          date(2025, 2, 20))
    assert [(a.period, a.component, str(a.amount)) for a in installment.applications] == [
        (1, "interest", "20.00"), (1, "principal", "20.00")]
    assert [(a.period, a.component, str(a.amount)) for a in component.applications] == [
        (1, "interest", "20.00"), (2, "interest", "10.00"), (1, "principal", "10.00")]


# -- credit, overpayment, early payment ----------------------------------------------

def test_overpayment_is_credit_never_lost() -> None:
    st = statement(bill(), [p("2025-01-15", "1050")], PenaltyPolicy(DAILY), date(2025, 3, 1))
    assert st.credit == D("50.00") and st.payoff_amount == D("-50.00") and st.position.credit == D("50.00")
    assert st.notes == ("overpaid: 50.00 held as credit for the borrower; nothing more falls due, so it is owed "
                        "back to the borrower",)


def test_credit_does_not_stop_contractual_interest_and_says_so() -> None:
    # 12,000.00 at 1%/month over 12 months from 2025-01-15: 12000 × 0.01 / (1 − 1.01^−12) = 1,066.19 a month.
    # 1,500.00 paid on the first due date: 1,066.19 pays installment 1 (interest 120.00, principal 946.19) and
    # 433.81 waits as credit. Installment 2's interest stays that of the scheduled balance:
    # (12,000.00 − 946.19) × 1% = 11,053.81 × 1% = 110.5381 → 110.54, of which 14 of its 28 days have run by
    # 03-01: 110.54 × 14/28 = 55.27. Payoff 11,053.81 + 55.27 − 433.81 = 10,675.27
    loan = bill("12000", rate="1%/month", term=12, start=date(2025, 1, 15))
    st = statement(loan, [p("2025-02-15", "1500")], PenaltyPolicy(), date(2025, 3, 1))
    assert (st.credit, st.lines[1].interest, st.accrued_interest) == (D("433.81"), D("110.54"), D("55.27"))
    assert st.payoff_amount == D("10675.27")
    assert st.notes == ("overpaid: 433.81 held as credit for the borrower; it pays the next installments as they "
                        "fall due and does not reduce the principal before then, so contractual interest runs on "
                        "the whole balance as scheduled (a prepayment is not a restructuring: ask the lender to "
                        "apply it to principal)",)
    # at 0% there is no interest to speak of: 2,000.00 paid ahead of two 1,000.00 installments, one due so far
    zero = statement(bill("2000", term=2), [p("2025-01-01", "2000")], PenaltyPolicy(), date(2025, 2, 1))
    assert zero.notes == ("overpaid: 1,000.00 held as credit for the borrower; it pays the next installments as "
                          "they fall due",)


def test_early_payment_waits_as_credit_and_pays_on_the_due_date() -> None:
    loan = bill("2000", term=2)
    st = statement(loan, [p("2025-01-01", "2000")], PenaltyPolicy(DAILY), date(2025, 3, 1))
    assert [a.date for a in st.applications] == [date(2025, 1, 15), date(2025, 2, 15)]
    assert {a.source for a in st.applications} == {"credit"}
    assert st.penalty_charged == D("0.00") and st.payoff_amount == D("0.00")
    mid = statement(loan, [p("2025-01-01", "2000")], PenaltyPolicy(DAILY), date(2025, 2, 1))
    assert mid.credit == D("1000.00") and mid.outstanding_principal == D("1000.00") and mid.payoff_amount == D(0)


def test_payments_after_the_statement_date_are_not_counted() -> None:
    st = statement(bill(), [p("2025-03-01", "1000")], PenaltyPolicy(), date(2025, 2, 1))
    assert st.total_paid == D("0.00") and st.payoff_amount == D("1000.00")
    assert st.notes == ("1 payment dated after 2025-02-01 not counted (2025-03-01)",)


def test_accrued_interest_of_the_current_period() -> None:
    # 12,000.00 at 1%/month, 12 months from 2025-01-15; installment 1 interest 120.00 over 31 days;
    # on 2025-01-30, 15 days: 120 × 15/31 = 58.0645... → 58.06, part of the payoff
    loan = bill("12000", rate="1%/month", term=12, start=date(2025, 1, 15))
    st = statement(loan, [], PenaltyPolicy(), date(2025, 1, 30))
    assert st.accrued_interest == D("58.06")
    assert st.payoff_amount == D("12058.06") == st.position.total


def annuity_payments(principal: Decimal, annual: Fraction, term: int, first: date) -> list[Payment]:
    """Independently of the schedule engine: the level payment from the annuity formula (numpy-financial),
    each month's interest = balance × annual ÷ 12 rounded half-up, the last installment pays what is left;
    due on the same day of each following month."""
    import numpy_financial as npf

    level = D(str(npf.pmt(float(annual) / 12, term, -float(principal)))).quantize(D("0.01"), ROUND_HALF_UP)
    balance, out = principal, []
    for k in range(1, term + 1):
        exact = Fraction(balance) * annual / 12
        interest = (D(exact.numerator) / D(exact.denominator)).quantize(D("0.01"), ROUND_HALF_UP)
        payment = balance + interest if k == term else level
        balance -= payment - interest
        month = first.month - 1 + k
        out.append(Payment(date(first.year + month // 12, month % 12 + 1, first.day), payment))
    return out


def test_the_statement_and_a_restructuring_share_one_accrual_rule() -> None:
    # 1,200.00 at 12% (1%/month) over 12 months from 2025-01-10: 1200 × 0.01 / (1 − 1.01^−12) = 106.62 a month;
    # balance 1200 − (106.62 − 12.00) = 1,105.38, then 1,105.38 − (106.62 − 11.05) = 1,009.81; installment 3's
    # interest 1,009.81 × 1% = 10.10 over 03-10 to 04-10 (31 days). Paid on schedule, on 03-25 (15 days in):
    # 10.10 × 15/31 = 4.887... → 4.89, for the statement and for a restructuring's starting position alike
    loan = Loan(D("1200"), parse_rate("12%"), 12, start=date(2025, 1, 10))
    on = date(2025, 3, 25)
    paid = annuity_payments(D("1200.00"), Fraction(12, 100), 12, loan.start)
    st = statement(loan, paid[:2], PenaltyPolicy(), on)
    assert accrued_interest(loan, build_schedule(loan).rows, 2, on) == Accrual(
        D("4.89"), "installment 3 interest 10.10 × 15/31 days (2025-03-10 to 2025-03-25) = 4.89")
    assert st.accrued_interest == performing_position(loan, on).accrued_interest == D("4.89")
    assert st.accrued_interest_trace == "installment 3 interest 10.10 × 15/31 days (2025-03-10 to 2025-03-25) = 4.89"
    assert is_performing(st.position) and st.outstanding_principal == D("1009.81")


def test_kept_contract_costs_exactly_the_annuity() -> None:
    # a 1,000,000.00 mortgage at 4.9% over 360 months, every installment paid on its due date, amounts from the
    # annuity formula: 1,000,000 × (4.9%/12) / (1 − (1 + 4.9%/12)^−360) = 5,307.27, and a last installment of
    # 5,305.19 (the balance left + its interest). Nothing extra, nothing owed, nothing over:
    # paid 359 × 5,307.27 + 5,305.19 = 1,905,309.93 + 5,305.19 = 1,910,615.12
    loan = Loan(D("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
    payments = annuity_payments(D("1000000.00"), Fraction(49, 1000), 360, loan.start)
    assert (payments[0].amount, payments[-1].amount, payments[-1].date) == (D("5307.27"), D("5305.19"),
                                                                             date(2055, 1, 15))
    st = statement(loan, payments, PenaltyPolicy(parse_penalty_rate("contract+50%"), compound=True),
                   date(2055, 2, 15))
    assert st.penalty_charged == D("0.00") and st.payoff_amount == D("0.00") and st.credit == D("0.00")
    assert st.total_paid == D("1910615.12")


def test_position_is_the_statements_summary() -> None:
    loan = bill("3000", rate="1%/month", term=3)
    st = statement(loan, [p("2025-01-20", "500")], PenaltyPolicy(DAILY, late_fee=D("20")), date(2025, 2, 20))
    pos = st.position
    assert (pos.as_of, pos.principal, pos.overdue_principal, pos.interest, pos.penalty, pos.fees) == (
        st.as_of, st.outstanding_principal, st.overdue_principal, st.overdue_interest, st.penalty_interest, st.fees)
    assert pos.total == st.payoff_amount and pos.loan is loan


# -- claim audit ---------------------------------------------------------------------

def _named(audit: object) -> list[tuple[str, list[tuple[str, str, str]]]]:
    return [(e.basis, [(r.kind, r.value, str(r.on or "")) for r in e.readings]) for e in audit.explanations]  # type: ignore[attr-defined]


def test_audit_replays_a_pair_of_readings_instead_of_adding_them() -> None:
    # 10 × 1,000.00 at 0% from 2024-12-15, principal first; installment 1 (due 01-15) gets 200.00 on 01-25:
    # 1000 × 0.05% × 10 = 5.00, then 800 × 0.05% × 20 = 8.00 to 02-14; payoff 9,800.00 + 13.00 = 9,813.00,
    # past due 800.00 + 13.00 = 813.00. Full balance and the 200.00 not credited, replayed together:
    # 10,000.00 × 0.05% × 30 = 150.00, payoff 10,150.00, past due 1,000.00 + 150.00 = 1,150.00. (Added up, the
    # readings' own effects would say 10,150.00 on the payoff only by chance, and never 1,150.00 on what is past due.)
    loan = bill("10000", term=10)
    st = statement(loan, [p("2025-01-25", "200")],
                   PenaltyPolicy(DAILY, base="overdue-installment", allocation="principal-first"), date(2025, 2, 14))
    assert (st.payoff_amount, st.total_due) == (D("9813.00"), D("813.00"))
    audit = audit_claim(st, D("10150.00"), budget=30)
    assert _named(audit) == [("payoff", [("base", "outstanding", ""), ("missing", "", "")])]
    e = audit.explanations[0]
    assert (e.figures.principal, e.figures.penalty, e.difference) == (D("10000.00"), D("150.00"), D("337.00"))
    assert _named(audit_claim(st, D("1150.00"), budget=30)) == [
        ("past-due", [("base", "outstanding", ""), ("missing", "", "")])]
    # full balance alone: 50.00 + 98.00 = 148.00; on the past-due basis 800.00 + 148.00 = 948.00
    assert _named(audit_claim(st, D("948.00"), budget=30)) == [("past-due", [("base", "outstanding", "")])]


def test_audit_finds_the_day_a_payment_was_credited() -> None:
    # As above, the 200.00 credited k days after 01-15 instead: 1000 × 0.05% × k + 800 × 0.05% × (30 − k) =
    # 12.00 + 0.10 k; a claim of 9,814.00 is k = 20, credited on 02-04 (crediting it on 01-30 and counting the
    # payment day, 1000 × 0.05% × 16 + 800 × 0.05% × 15 = 8.00 + 6.00, gives it too, but takes two readings: the
    # audit stops at the fewest)
    loan = bill("10000", term=10)
    st = statement(loan, [p("2025-01-25", "200")],
                   PenaltyPolicy(DAILY, base="overdue-installment", allocation="principal-first"), date(2025, 2, 14))
    audit = audit_claim(st, D("9814.00"), budget=30)
    assert _named(audit) == [("payoff", [("credited", "", "2025-02-04")])]
    # nothing gives 9,813.01; the most on 02-14 is full balance with the payment day counted:
    # 10,000 × 0.05% × 11 + 9,800 × 0.05% × 20 = 55.00 + 98.00 = 153.00, payoff 9,953.00
    none = audit_claim(st, D("9813.01"), budget=30)
    assert not none.explained and not none.exceeds_maximum and none.maximum is not None
    assert none.maximum.payoff.total == D("9953.00")
    assert audit_claim(st, D("9953.01"), budget=30).exceeds_maximum


def test_audit_combines_repeated_payments_not_credited() -> None:
    # 3 × 1,000.00 paid on the three due dates, no penalty terms: nothing owed on 06-20 (and nothing in the 62 days
    # before, the window of a notice dated another day). A claim of 2,000.00 leaves out any two of the three
    # payments, one of 3,000.00 all three; 4,000.00 nothing (the most is 0.00)
    loan = bill("3000", term=3)
    paid = [p("2025-01-15", "1000"), p("2025-02-15", "1000"), p("2025-03-15", "1000")]
    st = statement(loan, paid, PenaltyPolicy(), date(2025, 6, 20))
    two = audit_claim(st, D("2000.00"), budget=30).explanations
    assert [(e.basis, [r.payment for r in e.readings]) for e in two] == [
        ("past-due", [0, 1]), ("past-due", [0, 2]), ("past-due", [1, 2]),
        ("payoff", [0, 1]), ("payoff", [0, 2]), ("payoff", [1, 2])]
    three = audit_claim(st, D("3000.00"), budget=30).explanations
    assert [(e.basis, [r.payment for r in e.readings]) for e in three] == [("past-due", [0, 1, 2]),
                                                                            ("payoff", [0, 1, 2])]
    over = audit_claim(st, D("4000.00"), budget=30)
    assert not over.explained and over.maximum is not None and over.maximum.payoff.total == D("0.00")
    assert over.exceeds_maximum
    # the payoff computed as of a day between the first and the second payment: the last such day is 02-14
    # (nothing is past due then: installment 2 falls due on 02-15)
    dated = audit_claim(statement(loan, paid, PenaltyPolicy(), date(2025, 3, 20)), D("2000.00"), budget=30)
    assert [(e.basis, e.readings[0].kind, str(e.readings[0].on)) for e in dated.explanations] == [
        ("payoff", "dated", "2025-02-14")]


# -- bad input -----------------------------------------------------------------------

@pytest.mark.parametrize(("payments", "as_of", "message"), [
    ([], date(2024, 12, 1), "as_of: 2024-12-01 is before the loan start 2024-12-15; give a date on or after it"),
    ([p("2024-12-01", "5")], date(2025, 2, 1),
     "payments[1].date: 2024-12-01 is before the loan start 2024-12-15; check the date"),
    ([p("2025-01-01", "5"), p("2025-01-02", "-5")], date(2025, 2, 1), "payments[2].amount: must be 0 or more, got -5"),
    ([p("2025-01-01", "5.001")], date(2025, 2, 1),
     "payments[1].amount: 5.001 has more decimals than CNY allows; give it to 0.01"),
])
def test_bad_input_names_the_field(payments: list[Payment], as_of: date, message: str) -> None:
    with pytest.raises(InputError) as exc:
        statement(bill(), payments, PenaltyPolicy(), as_of)
    assert str(exc.value) == message


def test_policy_problems_name_the_field() -> None:
    with pytest.raises(InputError, match=r"^penalty\.base: 'all' is unknown; use one of overdue-principal, "):
        PenaltyPolicy(base="all")
    with pytest.raises(InputError, match=r"^penalty\.allocation: each component must appear once"):
        PenaltyPolicy(allocation=["fees", "fees", "interest", "principal"])
    with pytest.raises(InputError, match=r"^penalty\.rate: 'contract\+x' is not a rate"):
        parse_penalty_rate("contract+x")
    with pytest.raises(InputError, match=r"^penalty\.late_fee_max: 5 is below late_fee_min 10"):
        PenaltyPolicy(late_fee_min=D("10"), late_fee_max=D("5"))
