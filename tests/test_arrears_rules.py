"""The arrears rules both engines share (the statement's replay in Decimal,
the budget's accounts in minor units): the late-fee bounds against the
contract's wording written out (at least late_fee_min, then at most
late_fee_max); and both engines driven on the same overdue installment —
a payment allocated, penalty interest over a run of days, a late fee — agree
to the cent, and with the rule written out independently."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repayplan.arrears import COMPONENTS, PenaltyPolicy
from repayplan.arrears.installments import InstallmentState
from repayplan.arrears.replay import Replay
from repayplan.arrears.rules import late_fee_kept
from repayplan.budget.accounts import Account, InstallmentAccount, open_account
from repayplan.budget.debts import InstallmentDebt
from repayplan.model import Loan
from repayplan.rates import Rate, parse_rate

from .strategies import currencies, owed_amounts, penalty_policies, rates

cents = st.integers(min_value=0, max_value=10**9)


@given(cents, cents, st.none() | cents)
def test_the_fee_is_kept_within_the_contract_bounds_in_cents_and_in_decimal(raw: int, least: int,
                                                                           most: int | None) -> None:
    expected = max(raw, least) if most is None else min(max(raw, least), most)
    assert late_fee_kept(raw, least, most) == expected
    as_money = late_fee_kept(Decimal(raw) / 100, Decimal(least) / 100, None if most is None else Decimal(most) / 100)
    assert as_money == Decimal(expected) / 100


def test_a_worked_fee() -> None:
    # 5% of 1,045.00 unpaid = 52.25, at least 10.00, at most 50.00: 50.00
    assert late_fee_kept(Decimal("1045.00") * Decimal("0.05"), Decimal("10.00"), Decimal("50.00")) == Decimal("50.00")


# -- both engines on the same arrears: the statement's replay (Decimal) and the budget's account (minor units) ---

ENGINE_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def engines(loan: Loan, policy: PenaltyPolicy, owed: tuple[int, ...]) -> tuple[Replay, InstallmentState, Account]:
    """A replay whose one installment has fallen due owing ``owed``, and a budget account owing the same."""
    principal, interest, fee, late, penalty = owed
    replay = Replay(loan, policy, loan.start + timedelta(days=400))
    line = replay.lines[0]
    dec = loan.policy.from_minor
    line.is_due = line.decided = line.missed = True
    line.unpaid_principal, line.unpaid_interest = dec(principal), dec(interest)
    line.unpaid_installment_fee, line.unpaid_late_fees = dec(fee), dec(late)
    if replay.outstanding:  # full balance: the loan's ledger holds the penalty charged
        replay.ledger.charged_units = [penalty]
    else:
        line.closed = dec(penalty)
    replay.open = [line]
    replay.next_due = 1
    account = open_account(InstallmentDebt("loan", loan, penalty=policy), 0, loan.start)
    assert isinstance(account, InstallmentAccount)
    account.principal = account.overdue_principal = account.due_principal = principal
    account.interest, account.fees, account.late_unpaid, account.penalty, account.accrued = (
        interest, fee + late, late, penalty, 0)
    account.in_arrears = True
    return replay, line, account


def one_installment(currency: str, rate: Rate) -> Loan:
    return Loan(Decimal(1000), rate, 1, start=date(2025, 1, 1), currency=currency)


@ENGINE_SETTINGS
@given(currencies, rates, penalty_policies(), owed_amounts, st.integers(0, 5 * 10**7))
def test_both_engines_allocate_a_payment_alike(currency: str, rate: Rate, policy: PenaltyPolicy,
                                               owed: tuple[int, ...], amount: int) -> None:
    loan = one_installment(currency, rate)
    replay, line, account = engines(loan, policy, owed)
    left = replay.allocate(loan.policy.from_minor(amount), loan.start + timedelta(days=100), "payment", 0)
    taken = account.pay(amount)
    paid = {c: sum(a.amount for a in replay.applications if a.component == c) for c in COMPONENTS}
    units = loan.policy.to_minor
    assert {c: units(Decimal(v)) for c, v in paid.items()} == {
        "principal": account.paid_principal, "interest": account.paid_interest, "penalty": account.paid_penalty,
        "fees": account.paid_fees}
    assert units(left) == amount - taken  # what one keeps as credit the other does not take
    assert units(line.unpaid_late_fees) == account.late_unpaid  # late fees paid before installment fees
    # and what the contract's wording says, written out: each component in order takes what it owes
    principal, interest, fee, late, penalty = owed
    rest, expected = amount, {}
    for component in policy.allocation:
        due = {"principal": principal, "interest": interest, "penalty": penalty, "fees": fee + late}[component]
        expected[component] = min(rest, due)
        rest -= expected[component]
    assert expected == {"principal": account.paid_principal, "interest": account.paid_interest,
                        "penalty": account.paid_penalty, "fees": account.paid_fees}


@ENGINE_SETTINGS
@given(currencies, rates, penalty_policies(), owed_amounts, st.integers(1, 400))
def test_both_engines_charge_the_same_penalty_and_late_fee(currency: str, rate: Rate, policy: PenaltyPolicy,
                                                          owed: tuple[int, ...], days: int) -> None:
    loan = one_installment(currency, rate)
    replay, line, account = engines(loan, policy, owed)
    units = loan.policy.to_minor
    # penalty interest over `days` on the installment's base (beyond the contract: no new interest or fees)
    account.accrue(account.n, days)
    replayed = replay.amount(replay.base_of(line), days) if replay.daily is not None else Decimal(0)
    assert units(replayed) == account.month_penalty
    principal, interest, fee, _, _ = owed
    base = {"overdue-installment": principal + interest + fee}.get(
        policy.base, principal + interest if policy.compound else principal)
    daily = policy.resolved_rate(loan.rate)
    exact = Fraction(base) * (daily.daily_exact(loan.day_count) if daily is not None else 0) * days
    assert abs(account.month_penalty - exact) <= Fraction(1, 2)  # rounded once, to the nearest unit
    # the late fee of the installment missed with its contractual amount unpaid
    before = line.late_fees
    replay.charge_late_fee(line, loan.start + timedelta(days=40))
    unpaid = principal + interest + fee
    assert units(line.late_fees - before) == account._missed(0, unpaid)


def test_full_balance_penalty_compounds_on_overdue_interest_in_both_engines() -> None:
    # base "outstanding" with compound: 1,000.00 principal + 50.00 overdue interest, 30 days at 0.05%/day:
    # 1,050.00 × 0.0005 × 30 = 15.75 (the budget's month engine once charged 15.00, on the principal alone)
    policy = PenaltyPolicy(parse_rate("0.05%/day"), base="outstanding", compound=True)
    replay, line, account = engines(one_installment("CNY", parse_rate("0%")), policy, (100000, 5000, 0, 0, 0))
    account.accrue(account.n, 30)
    assert account.month_penalty == 1575
    assert replay.amount(replay.base_of(line), 30) == Decimal("15.75")
