"""Each restructuring step against numbers worked out by hand (the arithmetic
is in the comments) or by numpy-financial for a re-amortised balance.

The common ground: a loan due on the 1st of each month at 12% a year (1% a
month), restructured on a due date, so every period of the plan is a regular
month at exactly 1%.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import numpy_financial as npf
import pytest

from repayplan import Loan, parse_rate
from repayplan.errors import InputError
from repayplan.model import Position
from repayplan.restructure import (
    Capitalise,
    FixedPayment,
    Haircut,
    InterestOnly,
    Moratorium,
    SetRate,
    Settle,
    StepUp,
    Term,
    Waive,
    apply,
)

D = Decimal
ON = date(2026, 6, 1)
LOAN = Loan(D("20000"), parse_rate("12%"), 36, start=date(2025, 1, 1))


def owed(principal: str = "10000.00", interest: str = "0", accrued: str = "0", penalty: str = "0", fees: str = "0",
         credit: str = "0", loan: Loan = LOAN) -> Position:
    return Position(ON, D(principal), interest=D(interest), accrued_interest=D(accrued), penalty=D(penalty),
                    fees=D(fees), credit=D(credit), policy=loan.policy, loan=loan)


def cents(x: float | Decimal) -> Decimal:
    return D(str(x)).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def pmt(rate: float, n: int, balance: Decimal) -> Decimal:
    """numpy-financial's annuity payment, rounded to the cent."""
    return cents(-npf.pmt(rate, n, float(balance)))


def cent_loop(balance: Decimal, payment: Decimal, monthly_rate: Decimal, limit: int = 600) -> list[Decimal]:
    """An independent amortisation in integer cents: interest = round(balance × r), the
    payment covers it, the last payment is whatever is left."""
    b, out = int(balance * 100), []
    x = int(payment * 100)
    for _ in range(limit):
        interest = int((D(b) * monthly_rate).quantize(D(1), rounding=ROUND_HALF_UP))
        if b + interest <= x:
            out.append(D(b + interest) / 100)
            return out
        out.append(D(x) / 100)
        b = b + interest - x
    raise AssertionError("does not repay")


def check(plan: object) -> None:
    assert plan.problems() == []  # type: ignore[attr-defined]


# -- waive ----------------------------------------------------------------------------

def test_waive_in_full_forgives_penalty_and_fees_and_freezes_the_interest() -> None:
    plan = apply(owed(interest="300.00", penalty="200.00", fees="50.00"),
                 [Waive(("penalty", "fees")), SetRate(parse_rate("0%")), Term(10)])
    assert plan.forgiven.penalty == D("200.00") and plan.forgiven.fees == D("50.00")
    # 10,000 / 10 = 1,000.00 principal + 300 / 10 = 30.00 frozen interest each month
    assert [r.payment for r in plan.rows] == [D("1030.00")] * 10
    assert plan.total_payment == D("10300.00")  # position 10,550 − 250 forgiven
    check(plan)


def test_waive_by_percent_rounds_half_up_per_component() -> None:
    plan = apply(owed(penalty="200.01"), [Waive(("penalty",), percent=D("0.5")), SetRate(parse_rate("0%")), Term(1)])
    # 50% of 200.01 = 100.005 → 100.01 forgiven, 100.00 left to pay
    assert plan.forgiven.penalty == D("100.01")
    assert plan.rows[0].penalty == D("100.00")
    check(plan)


def test_waive_by_amount_takes_the_parts_in_the_order_named() -> None:
    position = owed(interest="300.00", accrued="40.00", penalty="200.00", fees="50.00")
    plan = apply(position, [Waive(("fees", "interest"), amount=D("370.00")), SetRate(parse_rate("0%")), Term(1)])
    # fees 50 first, then 320 of interest: overdue 300 before accrued 20 → 20 accrued interest left
    assert (plan.forgiven.fees, plan.forgiven.interest) == (D("50.00"), D("320.00"))
    assert plan.rows[0].interest == D("20.00") and plan.rows[0].penalty == D("200.00")
    check(plan)


def test_waive_more_than_owed_is_an_error_naming_the_step() -> None:
    with pytest.raises(InputError) as err:
        apply(owed(penalty="200.00"), [Waive(("penalty",), amount=D("1000")), Term(12)], label='scenarios[1] "A"')
    assert str(err.value) == ('scenarios[1] "A" step 1 (waive): amount 1,000.00 is more than the 200.00 of penalty '
                              'owed; give at most 200.00, or waive in full')


def test_a_plan_charges_no_installment_fee_unless_a_step_says_so() -> None:
    loan = Loan(D("20000"), parse_rate("12%"), 36, start=date(2025, 1, 1), installment_fee=D("15"))
    plain = apply(owed(loan=loan), [SetRate(parse_rate("0%")), Term(10)])
    # the contract's 15.00 a month is not carried into the plan: 10,000 / 10 = 1,000.00 and nothing else
    assert {r.fees for r in plain.rows} == {D("0.00")} and plain.charged.fees == 0
    assert {r.payment for r in plain.rows} == {D("1000.00")}
    assert any("no installment fee (the contract's 15.00 an installment is not charged" in b for b in plain.basis)
    with_fee = apply(owed(loan=loan), [SetRate(parse_rate("0%")), Term(10, fee=D("15"))])
    assert {r.fees for r in with_fee.rows} == {D("15.00")} and with_fee.charged.fees == D("150.00")  # 10 × 15
    assert any("a fee of 15.00 with each installment, 150.00 in all" in b for b in with_fee.basis)
    paying = apply(owed(loan=loan), [SetRate(parse_rate("0%")), FixedPayment(D("2015"), fee=D("15"))])
    # 2,015 = 15 fee + 2,000 principal: 10,000 in 5 installments
    assert [r.payment for r in paying.rows] == [D("2015.00")] * 5 and paying.charged.fees == D("75.00")
    dropped = apply(owed(loan=loan), [SetRate(parse_rate("0%")), Term(10, fee=D("15")), Waive(("installment-fee",))])
    assert dropped.charged.fees == 0
    for plan in (plain, with_fee, paying, dropped):
        check(plan)
    assert Term(12, fee=D("45")).to_table() == {"op": "term", "installments": 12, "fee": "45"}
    assert Term(12, fee=D("45")).describe() == "12 installments (annuity), a fee of 45 with each"


# -- capitalise, haircut, set-rate --------------------------------------------------------

def test_capitalise_rolls_owed_interest_into_principal_then_it_bears_interest() -> None:
    plan = apply(owed(interest="300.00", accrued="40.00", fees="60.00"), [Capitalise(("interest",)), Term(12)])
    # 10,000 + 300 + 40 = 10,340.00 at 1% over 12; the 60.00 of fees stays frozen: 5.00 a month
    assert plan.capitalised.interest == D("340.00")
    assert plan.rows[0].opening_balance == D("10340.00")
    assert plan.rows[0].interest == D("103.40")  # 10,340 × 1%
    assert plan.rows[0].payment == pmt(0.01, 12, D("10340")) + D("5.00")
    check(plan)


def test_haircut_by_percent_and_by_amount() -> None:
    plan = apply(owed(), [Haircut(percent=D("0.2")), SetRate(parse_rate("0%")), Term(10)])
    # 20% of 10,000 = 2,000 forgiven; 8,000 over 10 = 800.00
    assert plan.forgiven.principal == D("2000.00")
    assert {r.payment for r in plan.rows} == {D("800.00")}
    plan = apply(owed(), [Haircut(amount=D("2500")), SetRate(parse_rate("0%")), Term(3)])
    # 7,500 / 3 = 2,500.00
    assert [r.payment for r in plan.rows] == [D("2500.00")] * 3
    with pytest.raises(InputError, match=r"step 1 \(haircut\): amount 20,000.00 is more than the principal"):
        apply(owed(), [Haircut(amount=D("20000")), Term(3)])


def test_set_rate_zero_is_an_interest_freeze() -> None:
    plan = apply(owed(), [SetRate(parse_rate("0%")), Term(12)])
    # 10,000 / 12 = 833.33; the last takes 10,000 − 11 × 833.33 = 833.37
    assert [r.payment for r in plan.rows] == [D("833.33")] * 11 + [D("833.37")]
    assert plan.charged.interest == 0
    check(plan)


def test_set_rate_keeps_the_rate_the_user_wrote() -> None:
    plan = apply(owed(), [SetRate(parse_rate("0.5%/month")), Term(24)])
    assert plan.rows[0].interest == D("50.00")  # 10,000 × 0.5%
    assert plan.rows[0].payment == pmt(0.005, 24, D("10000"))


# -- term ----------------------------------------------------------------------------

def test_term_reamortises_at_the_contract_rate_like_numpy_financial() -> None:
    plan = apply(owed(), [Term(24)])
    assert plan.rows[0].payment == pmt(0.01, 24, D("10000")) == D("470.73")
    assert len(plan.rows) == 24 and plan.rows[-1].closing_balance == 0
    check(plan)


def test_term_adds_equal_shares_of_the_frozen_arrears() -> None:
    plan = apply(owed(interest="100.00"), [Term(24)])
    # 100 / 24 = 4.1666 → 4.16 each, the last 100 − 23 × 4.16 = 4.32
    assert plan.rows[0].payment == D("470.73") + D("4.16")
    assert plan.rows[-1].interest - (plan.rows[-1].payment - plan.rows[-1].principal - D("4.32")) == D("4.32")
    assert sum(r.interest for r in plan.rows) == plan.charged.interest + D("100.00")
    check(plan)


def test_term_equal_principal() -> None:
    plan = apply(owed(), [Term(24, "equal-principal")])
    # 10,000 / 24 = 416.67 principal + 10,000 × 1% = 100.00 interest
    assert plan.rows[0].payment == D("516.67")
    assert plan.rows[1].interest == D("95.83")  # (10,000 − 416.67) × 1% = 95.8333
    check(plan)


def test_term_over_the_maximum() -> None:
    with pytest.raises(InputError) as err:
        apply(owed(), [Term(72)], label='scenarios[2] "Freeze"')
    assert str(err.value) == ('scenarios[2] "Freeze" step 1 (term): installments 72 is over the maximum 60; ask for '
                              'at most 60, or raise [creditor] max_term')
    assert len(apply(owed(), [Term(72)], max_months=72).rows) == 72


# -- payment -------------------------------------------------------------------------

def test_payment_the_term_follows() -> None:
    plan = apply(owed(), [FixedPayment(D("1000"))])
    # n = −ln(1 − 10,000 × 1% / 1,000) / ln 1.01 = 10.59 → 11 installments
    assert [r.payment for r in plan.rows] == cent_loop(D("10000"), D("1000"), D("0.01"))
    assert len(plan.rows) == 11
    check(plan)


def test_payment_too_small_says_the_smallest_that_repays() -> None:
    # within 60 months: the level payment 10,000 × 1% / (1 − 1.01^−60) = 222.444... → 222.44 rounds down,
    # so 60 payments of it leave 0.37 for a 61st; the smallest payment that repays in 60 is one cent more
    assert pmt(0.01, 60, D("10000")) == D("222.44")
    assert cent_loop(D("10000"), D("222.44"), D("0.01"))[60:] == [D("0.37")]
    assert len(cent_loop(D("10000"), D("222.45"), D("0.01"))) == 60
    with pytest.raises(InputError) as err:
        apply(owed(), [FixedPayment(D("200"))], label='scenarios[3] "Affordable"')
    assert str(err.value) == ('scenarios[3] "Affordable" step 1 (payment): payment 200.00 does not repay 10,000.00 '
                              'within the maximum 60 installments; the smallest payment that would is 222.45')
    with pytest.raises(InputError) as err:
        apply(owed(), [FixedPayment(D("100"))])
    assert "does not cover the 100.00 of interest and fees of an installment, so it never repays" in str(err.value)


# -- moratorium and interest-only ------------------------------------------------------

def test_moratorium_capitalised_compounds_each_month() -> None:
    plan = apply(owed(), [Moratorium(3, "capitalise"), Term(12)])
    # 10,000 × 1% = 100.00; 10,100 × 1% = 101.00; 10,201 × 1% = 102.01 → 10,303.01
    assert [r.capitalised for r in plan.rows[:3]] == [D("100.00"), D("101.00"), D("102.01")]
    assert [r.payment for r in plan.rows[:3]] == [D("0.00")] * 3
    assert plan.rows[3].opening_balance == D("10303.01")
    assert plan.rows[3].payment == pmt(0.01, 12, D("10303.01"))
    assert len(plan.rows) == 15
    check(plan)


def test_moratorium_deferred_interest_is_paid_with_the_last_installment() -> None:
    plan = apply(owed(), [Moratorium(3, "defer"), Term(12)])
    # 3 × 10,000 × 1% = 300.00, owed interest-free until the end
    assert plan.rows[2].frozen_balance == D("300.00")
    level = pmt(0.01, 12, D("10000"))
    assert plan.rows[3].payment == level
    last = plan.rows[-1]  # its own month's interest, plus the 300.00 deferred
    assert last.interest == cents(last.opening_balance * D("0.01")) + D("300.00")
    assert last.payment == last.opening_balance + last.interest
    assert plan.charged.interest == sum(r.interest for r in plan.rows)
    check(plan)


def test_moratorium_waived_interest_is_forgiven() -> None:
    plan = apply(owed(), [Moratorium(2, "waive"), Term(12)])
    assert plan.forgiven.interest == D("200.00")  # 2 × 100.00
    assert plan.rows[2].payment == pmt(0.01, 12, D("10000"))
    check(plan)


def test_interest_only_then_term() -> None:
    plan = apply(owed(), [InterestOnly(3), Term(12)])
    assert [r.payment for r in plan.rows[:3]] == [D("100.00")] * 3  # 10,000 × 1%
    assert plan.rows[3].payment == pmt(0.01, 12, D("10000"))
    check(plan)


def test_phases_must_come_before_the_repaying_step() -> None:
    with pytest.raises(InputError, match=r"step 2 \(moratorium\): comes after step 1 \(term\); put moratorium"):
        apply(owed(), [Term(12), Moratorium(3, "defer")])
    with pytest.raises(InputError, match=r"installments 50 after 12 periods of moratorium and interest only is "
                                         r"over the maximum 60; ask for at most 48"):
        apply(owed(), [Moratorium(12, "defer"), Term(50)])


# -- step-up -------------------------------------------------------------------------

def test_step_up_stages_the_last_amount_continues_until_repaid() -> None:
    plan = apply(owed(), [SetRate(parse_rate("0%")), StepUp(stages=((5, D("1000")), (0, D("2000"))))])
    # 5 × 1,000 = 5,000; then 2,000 + 2,000 and the last 1,000
    assert [r.payment for r in plan.rows] == [D("1000.00")] * 5 + [D("2000.00"), D("2000.00"), D("1000.00")]
    check(plan)


def test_step_up_by_percent_over_a_term_solves_the_first_installment() -> None:
    plan = apply(owed(), [SetRate(parse_rate("0%")), StepUp(increase=D("0.1"), installments=24)])
    # 10,000 = X × (12 + 12 × 1.1) → X = 10,000 / 25.2 = 396.83; then 396.83 × 1.1 = 436.51;
    # the last takes 10,000 − 12 × 396.83 − 11 × 436.51 = 436.43
    assert [r.payment for r in plan.rows] == [D("396.83")] * 12 + [D("436.51")] * 11 + [D("436.43")]
    check(plan)


def test_step_up_by_percent_from_a_payment() -> None:
    plan = apply(owed(), [SetRate(parse_rate("0%")), StepUp(increase=D("0.5"), every=2, payment=D("2000"))])
    # 2,000, 2,000, then × 1.5 = 3,000, 3,000: 10,000 exactly
    assert [r.payment for r in plan.rows] == [D("2000.00"), D("2000.00"), D("3000.00"), D("3000.00")]
    check(plan)


# -- settle --------------------------------------------------------------------------

def test_settlement_pays_fees_penalty_interest_then_principal_and_forgives_the_rest() -> None:
    position = owed(interest="500.00", penalty="300.00", fees="200.00")
    plan = apply(position, [Settle(percent=D("0.6"))])
    # 60% of 11,000 = 6,600: fees 200, penalty 300, interest 500, principal 5,600; 4,400 principal forgiven
    assert plan.settlement == D("6600.00") and plan.lump_sum == D("6600.00")
    row = plan.rows[0]
    assert (row.fees, row.penalty, row.interest, row.principal) == (D("200.00"), D("300.00"), D("500.00"),
                                                                     D("5600.00"))
    assert plan.forgiven.principal == D("4400.00") and plan.forgiven.total == D("4400.00")
    assert row.due_date == ON and row.days == 0
    check(plan)


def test_settlement_down_payment_and_installments() -> None:
    plan = apply(owed(), [Settle(amount=D("6000"), down_payment=D("1000"), installments=3, by=date(2026, 6, 15))])
    # 1,000 down on 15 Jun, then (6,000 − 1,000) / 3 = 1,666.66, 1,666.66 and 1,666.68 on 1 Jul, 1 Aug, 1 Sep
    assert [(str(r.due_date), r.payment) for r in plan.rows] == [
        ("2026-06-15", D("1000.00")), ("2026-07-01", D("1666.66")), ("2026-08-01", D("1666.66")),
        ("2026-09-01", D("1666.68"))]
    assert plan.forgiven.principal == D("4000.00") and plan.lump_sum == D("1000.00")
    check(plan)


def test_settlement_errors() -> None:
    with pytest.raises(InputError, match=r"step 1 \(settle\): amount 20,000.00 is more than the 10,000.00 owed"):
        apply(owed(), [Settle(amount=D("20000"))])
    with pytest.raises(InputError, match=r"step 2 \(term\): comes after step 1 \(settle\); settle ends the plan"):
        apply(owed(), [Settle(percent=D("0.5")), Term(3)])
    with pytest.raises(InputError, match=r"by 2026-05-01 is before the restructuring date 2026-06-01"):
        apply(owed(), [Settle(percent=D("0.5"), by=date(2026, 5, 1))])


# -- steps as data -------------------------------------------------------------------

def test_steps_check_their_fields() -> None:
    with pytest.raises(InputError, match="percent: give percent or amount, not both|amount: give percent or amount"):
        Haircut(percent=D("0.1"), amount=D("5"))
    with pytest.raises(InputError, match="interest: 'later' is unknown; say what happens to the interest"):
        Moratorium(3, "later")
    with pytest.raises(InputError, match="what: 'principal' is unknown"):
        Waive(("principal",))
    with pytest.raises(InputError, match="installments: missing; a down payment comes with installments"):
        Settle(percent=D("0.5"), down_payment=D("100"))


def test_two_repaying_steps_is_an_error() -> None:
    with pytest.raises(InputError, match=r"step 2 \(payment\): step 1 \(term\) already says how the plan repays"):
        apply(owed(), [Term(12), FixedPayment(D("900"))])


def test_a_position_without_a_loan_needs_a_rate_and_a_term() -> None:
    bare = Position(ON, D("1000.00"))
    with pytest.raises(InputError, match="no rate to charge: the position has no loan; add a set-rate step"):
        apply(bare, [Term(10)])
    plan = apply(bare, [SetRate(parse_rate("0%")), Term(4)])
    assert [str(r.due_date) for r in plan.rows] == ["2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01"]
    assert {r.payment for r in plan.rows} == {D("250.00")}


def test_credit_pays_what_is_owed_first() -> None:
    plan = apply(owed(penalty="30.00", credit="50.00"), [SetRate(parse_rate("0%")), Term(1)])
    # credit 50 pays the 30 penalty, then 20 of principal: 9,980.00 left
    assert plan.credit.penalty == D("30.00") and plan.credit.principal == D("20.00")
    assert plan.total_payment == D("9980.00")
    check(plan)


def test_a_percentage_is_text_with_a_percent_sign_and_a_bare_number_is_refused() -> None:
    from repayplan.restructure import read_step

    step, problems = read_step({"op": "settle", "percent": "50%"})
    assert step == Settle(percent=D("0.5")) and problems == []  # '50%' is one half
    # 0.5 used to settle for 0.5% (5.00 of 1,000.00); 50 for 50%: both are refused now, with the fix
    assert [str(p) for p in read_step({"op": "settle", "percent": D("0.5")})[1]] == [
        "percent: 0.5 is a bare number; a percentage is text with %: write it as '50%'"]
    assert [str(p) for p in read_step({"op": "haircut", "percent": 20})[1]] == [
        "percent: 20 is a bare number; a percentage is text with %: write it as '20%'"]
    assert [str(p) for p in read_step({"op": "step-up", "increase": "5", "payment": 100})[1]] == [
        "increase: '5' has no % sign; write it as '5%'"]
    assert [str(p) for p in read_step({"op": "waive", "what": ["penalty"], "percent": "half%"})[1]] == [
        "percent: 'half%' is not a percentage; write it like '20%'"]


# -- between due dates ---------------------------------------------------------------------

def test_a_plan_that_changes_nothing_costs_the_contract_even_between_due_dates() -> None:
    from repayplan.restructure import performing_position, remaining_rows

    loan = Loan(D("100000"), parse_rate("18%"), 12, start=date(2025, 1, 10))
    # the contract at 1.5% a month: numpy-financial's installment 9,168.00, then an independent cent loop
    assert pmt(0.015, 12, D("100000")) == D("9168.00")
    contract = cent_loop(D("100000"), D("9168.00"), D("0.015"))  # 11 × 9,168.00 and the last
    from_march = sum(contract[1:], D(0))  # everything due after 10 February
    assert from_march == D("100847.99") and from_march - D("9168.00") == D("91679.99")
    # on 9 March, a day before installment 2: 92,332.00 owed (100,000 − 9,168 + 1,500), and its interest
    # 92,332 × 1.5% = 1,384.98 has accrued for 27 of the period's 28 days: 1,384.98 × 27/28 = 1,335.52
    on = date(2025, 3, 9)
    position = performing_position(loan, on)
    assert (position.principal, position.accrued_interest) == (D("92332.00"), D("1335.52"))
    for steps in ([Term(11)], [SetRate(parse_rate("18%"))], [SetRate(parse_rate("1.5%/month")), Term(11)]):
        plan = apply(position, steps)
        check(plan)
        # was 100,742.15: the accrued 1,335.52 was frozen interest-free and the first "period" was one day
        assert plan.total_payment == from_march
        assert [r.payment for r in plan.rows] == contract[1:]
        # the first installment: 1,335.52 accrued before the date + 49.46 for the last day = 1,384.98
        assert plan.rows[0].interest == D("1384.98") and plan.charged.interest == plan.paid.interest - D("1335.52")
    on_due = apply(performing_position(loan, date(2025, 3, 10)), [Term(10)])
    assert on_due.total_payment == D("91679.99") and len(remaining_rows(loan, date(2025, 3, 10))) == 10


def test_accrued_interest_falls_due_with_the_first_installment_at_a_new_rate() -> None:
    from repayplan.restructure import performing_position

    loan = Loan(D("100000"), parse_rate("18%"), 12, start=date(2025, 1, 10))
    plan = apply(performing_position(loan, date(2025, 3, 9)), [SetRate(parse_rate("0%")), Term(11)])
    # 0% from 9 March: no new interest; the 1,335.52 accrued at 18% before it is owed, due with installment 1;
    # 92,332.00 / 11 = 8,393.8181 → 8,393.82 principal a month, the last 92,332 − 10 × 8,393.82 = 8,393.80
    assert plan.rows[0].payment == D("8393.82") + D("1335.52") and plan.rows[0].interest == D("1335.52")
    assert [r.payment for r in plan.rows[1:]] == [D("8393.82")] * 9 + [D("8393.80")]
    assert plan.charged.interest == 0 and plan.total_payment == D("92332.00") + D("1335.52")
    check(plan)


# -- allocation order ----------------------------------------------------------------------

CIVIL = ("fees", "interest", "penalty", "principal")  # the default, [penalty] allocation = "civil-code"
PENALTY_FIRST = ("fees", "penalty", "interest", "principal")


def test_a_settlement_pays_in_the_allocation_order() -> None:
    position = owed(interest="500.00", penalty="300.00", fees="200.00")
    civil = apply(position, [Settle(amount=D("900"))])
    # fees 200, interest 500, then 200 of the 300 penalty: 100 penalty and all 10,000 principal forgiven
    assert (civil.forgiven.penalty, civil.forgiven.interest, civil.forgiven.principal) == (
        D("100.00"), D("0.00"), D("10000.00"))
    other = apply(position, [Settle(amount=D("900"))], allocation=PENALTY_FIRST)
    # fees 200, penalty 300, then 400 of the 500 interest: 100 interest forgiven
    assert (other.forgiven.penalty, other.forgiven.interest) == (D("0.00"), D("100.00"))
    principal_first = apply(position, [Settle(amount=D("900"))], allocation=("principal", "interest", "penalty",
                                                                              "fees"))
    assert principal_first.rows[0].principal == D("900.00") and principal_first.forgiven.fees == D("200.00")
    for plan in (civil, other, principal_first):
        check(plan)


def test_credit_and_frozen_arrears_follow_the_allocation_order() -> None:
    position = owed(principal="0", interest="300.00", penalty="300.00", credit="100.00")
    civil = apply(position, [SetRate(parse_rate("0%")), FixedPayment(D("200"))])
    # credit 100 pays interest first (civil code): 200 interest + 300 penalty left; 200 a month pays them in the
    # same order: interest 200, then penalty 200, then penalty 100
    assert civil.credit.interest == D("100.00")
    assert [(r.interest, r.penalty) for r in civil.rows] == [(D("200.00"), D("0.00")), (D("0.00"), D("200.00")),
                                                              (D("0.00"), D("100.00"))]
    other = apply(position, [SetRate(parse_rate("0%")), FixedPayment(D("200"))], allocation=PENALTY_FIRST)
    assert other.credit.penalty == D("100.00")
    assert [(r.interest, r.penalty) for r in other.rows] == [(D("0.00"), D("200.00")), (D("200.00"), D("0.00")),
                                                              (D("100.00"), D("0.00"))]
    for plan in (civil, other):
        check(plan)


def test_frozen_arrears_under_a_term_follow_the_allocation_order() -> None:
    # 60.00 fees, 90.00 interest and 150.00 penalty frozen at 0% over 3 installments: 300 / 3 = 100.00 a month.
    # Civil code order (fees, interest, penalty): month 1 pays fees 60 + interest 40; month 2 interest 50 +
    # penalty 50; month 3 penalty 100. Not pro rata (which would be 20 + 30 + 50 every month).
    position = owed(principal="3000.00", interest="90.00", penalty="150.00", fees="60.00")
    plan = apply(position, [SetRate(parse_rate("0%")), Term(3)])
    assert [(r.principal, r.fees, r.interest, r.penalty) for r in plan.rows] == [
        (D("1000.00"), D("60.00"), D("40.00"), D("0.00")),
        (D("1000.00"), D("0.00"), D("50.00"), D("50.00")),
        (D("1000.00"), D("0.00"), D("0.00"), D("100.00"))]
    penalty_first = apply(position, [SetRate(parse_rate("0%")), Term(3)], allocation=PENALTY_FIRST)
    # fees, penalty, interest: month 1 pays fees 60 + penalty 40
    assert [(r.fees, r.interest, r.penalty) for r in penalty_first.rows][0] == (D("60.00"), D("0.00"), D("40.00"))
    for p in (plan, penalty_first):
        check(p)
