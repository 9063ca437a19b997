"""Several debts, one budget: the month-by-month simulation of each strategy.

Plan months run from the budget's start: month k is paid k months after it
(same day of the month, clamped at month end). In each month:

1. every debt accrues: interest on its opening balance (an installment debt
   at its contract factor for that installment; a revolving debt at its rate
   over the month's actual days, or per month), penalty interest on what is
   past due, its fees; this sets its minimum;
2. the money of the month is the monthly budget (plus, in month 1, the lump
   sum less the reserve);
3. if it covers the minimums, every debt gets its minimum and the rest goes
   to the debts in the strategy's order, each up to its full payoff (the
   ``minimum`` strategy pays nothing extra); otherwise (no extra to direct,
   the same rule for every strategy) the minimums are paid the dearest debt
   to fall behind on first (contract cost plus penalty rate a year: see
   :func:`~repayplan.budget.strategies.shortfall_order`), each in full while
   the money lasts, a minimum that no longer fits is passed over for the next
   one that does, and what is left goes to the first passed over: as many
   debts as possible stay current and the one left short is the cheapest to
   leave short;
4. what is left unpaid of a minimum is past due from then on: it bears the
   debt's penalty and, if the debt has one, a late fee.

A strategy ends when every debt is repaid, after 100 years, or, when it is
short of the minimums and owes no less than 12 months before, there (the
debts grow at this budget and are never repaid; ``growing`` says so).

The hand-worked example: 1,000.00 at 1%/month and 2,000.00 at 2%/month, a
minimum of 100.00 each, 500.00 a month. Avalanche sends the 300.00 left
after the minimums to the 2% debt:

>>> from datetime import date
>>> from repayplan.budget.debts import RevolvingDebt, parse_rate
>>> a = RevolvingDebt("a", Decimal("1000"), parse_rate("1%/month"), Decimal(0), Decimal("100"))
>>> b = RevolvingDebt("b", Decimal("2000"), parse_rate("2%/month"), Decimal(0), Decimal("100"))
>>> p = plan([a, b], Budget(Decimal("500"), date(2025, 1, 1)))
>>> first = p.result("avalanche").timeline[0]
>>> first.payments, first.balances   # a: 1,010.00 − 100.00; b: 2,040.00 − 400.00
((Decimal('100.00'), Decimal('400.00')), (Decimal('910.00'), Decimal('1640.00')))
>>> p.cheapest.name, p.result("avalanche").months, p.result("optimal").cost == p.result("avalanche").cost
('optimal', 7, True)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from ..errors import InputError
from ..money import MoneyPolicy
from ..text import msg
from .accounts import Account, open_account
from .debts import Debt, InstallmentDebt, RevolvingDebt, month_dates
from .results import Budget, DebtOutcome, Difference, FirstArrears, MonthRow, StrategyResult
from .start import Opening, installment_start
from .strategies import Strategy, rank, shortfall_order, strategy
from .warnings import HORIZON_MONTHS, MinimumWarning, minimum_only, minimum_warning, repayment_problem

if TYPE_CHECKING:
    from .optimal import Optimum

__all__ = ["HORIZON_MONTHS", "Budget", "BudgetPlan", "Shortfall", "plan", "plan_problems", "simulate"]

DEFAULT_STRATEGIES = ("optimal", "avalanche", "snowball", "minimum")

#: pays a month's extra: (month index, the accounts still owed, extra) -> extra left
Director = Callable[[int, list[Account], int], int]

#: A strategy short of the minimums that owes no less than this many months
#: before is stopped there: at this budget the debts are never repaid.
GROWTH_WINDOW = 12


@dataclass(frozen=True)
class Shortfall:
    """The budget does not cover the minimums: by how much, and what follows."""

    gap: Decimal  # minimums of the first short month less the monthly budget
    period: int  # the first month a strategy comes up short
    debt: str  # the debt that falls into arrears first under the cheapest strategy


@dataclass(frozen=True)
class BudgetPlan:
    """Every strategy for one set of debts and one budget."""

    debts: tuple[Debt, ...]
    budget: Budget
    policy: MoneyPolicy
    results: tuple[StrategyResult, ...]
    warnings: tuple[MinimumWarning, ...]
    optimum: Optimum | None = None  # how the optimal plan was found, when it is in the plan
    baseline: StrategyResult | None = None  # paying only the minimums (the answer's yardstick)

    def result(self, name: str) -> StrategyResult:
        for r in self.results:
            if r.name == name:
                return r
        raise KeyError(name)

    @cached_property
    def ranked(self) -> tuple[StrategyResult, ...]:
        """Cheapest first: debt-free within the horizon, then least interest +
        penalty + fees (paid or still owed), then fewest months."""
        return tuple(sorted(self.results, key=lambda r: (not r.finished, r.cost, r.months or 0)))

    @property
    def cheapest(self) -> StrategyResult:
        return self.ranked[0]

    def differences(self) -> list[Difference]:
        """Every pair of strategies, the cheaper one first."""
        out = []
        ranked = self.ranked
        for i, cheaper in enumerate(ranked):
            for dearer in ranked[i + 1:]:
                sooner = (dearer.months - cheaper.months
                          if dearer.months is not None and cheaper.months is not None else None)
                saving = dearer.cost - cheaper.cost
                out.append(Difference(cheaper.name, dearer.name, saving, sooner))
        return out

    @property
    def shortfall(self) -> Shortfall | None:
        """None when every strategy always covers the minimums."""
        events = [r.first_arrears for r in self.results if r.first_arrears is not None]
        if not events:
            return None
        first = min(events, key=lambda e: e.period)
        # the gap against the monthly budget alone: month 1 also had the lump sum less the reserve
        gap = first.gap + (self.budget.first_month - self.budget.monthly if first.period == 1 else 0)
        cheapest = self.cheapest.first_arrears or first
        return Shortfall(gap, first.period, cheapest.debts[0])


def plan(debts: Sequence[Debt], budget: Budget, strategies: Sequence[Strategy | str] = DEFAULT_STRATEGIES,
         currency: str | None = None, horizon: int = HORIZON_MONTHS, time_limit: float | None = None) -> BudgetPlan:
    """Play every strategy out, after checking the debts (every problem at
    once: see :func:`plan_problems`); ``optimal`` searches for up to
    ``time_limit`` seconds (default :data:`~repayplan.budget.optimal.TIME_LIMIT`)."""
    from .optimal import TIME_LIMIT

    limit = TIME_LIMIT if time_limit is None else time_limit
    debts = tuple(debts)
    chosen = [s if isinstance(s, Strategy) else strategy(s) for s in strategies]
    runs: dict[str, tuple[int | None, int, int]] = {}
    problems = plan_problems(debts, budget.start, chosen, currency, runs)
    if problems:
        raise InputError("\n".join(problems))
    policy = MoneyPolicy(currency or debts[0].policy.currency)
    openings = [installment_start(d, budget.start) if isinstance(d, InstallmentDebt) else None for d in debts]
    dates = month_dates(budget.start, horizon)
    results = [simulate(debts, budget, s, policy, openings, dates) for s in chosen if s.name != "optimal"]
    optimum = None
    if any(s.name == "optimal" for s in chosen):
        from .search import find_optimal

        best, optimum = find_optimal(debts, budget, policy, openings, dates, results, limit)
        results.insert([s.name for s in chosen].index("optimal"), best)
    warnings = tuple(w for d in debts if isinstance(d, RevolvingDebt)
                     for w in [minimum_warning(d, budget.start, runs[d.name])] if w is not None)
    baseline = next((r for r in results if r.name == "minimum"), None)
    if baseline is None:
        baseline = simulate(debts, budget, strategy("minimum"), policy, openings, dates)
    return BudgetPlan(debts, budget, policy, tuple(results), warnings, optimum, baseline)


def plan_problems(debts: Sequence[Debt], start: date, strategies: Sequence[Strategy] = (),
                  currency: str | None = None, runs: dict[str, tuple[int | None, int, int]] | None = None,
                  ) -> list[str]:
    """Every problem with a set of debts, one line each: no debts, a name used
    twice, a currency other than the plan's, a custom order naming no debt,
    a minimum rule that never repays its debt (with the payment that would)."""
    if not debts:
        return [msg("err.at", where="debts", message=msg("err.with_hint", message=msg("err.no_debts"),
                                                          hint=msg("err.one_table_per_debt")))]
    currency = currency or debts[0].policy.currency
    runs = {} if runs is None else runs
    problems: list[str] = []
    seen: set[str] = set()
    for debt in debts:
        if debt.name in seen:
            problems.append(msg("err.at", where=f"debts[{debt.name}].name",
                                message=msg("err.two_debts_named", name=repr(debt.name))))
        seen.add(debt.name)
        if debt.policy.currency != currency:
            problems.append(msg("err.at", where=f"debts[{debt.name}].currency",
                                message=msg("err.other_currency", currency=debt.policy.currency, plan=currency)))
        if isinstance(debt, RevolvingDebt):
            runs[debt.name] = minimum_only(debt, start)
            problem = repayment_problem(debt, start, runs[debt.name])
            if problem:
                problems.append(problem)
    for s in strategies:
        problems.extend(s.problems(d.name for d in debts))
    return problems


def simulate(debts: Sequence[Debt], budget: Budget, chosen: Strategy, policy: MoneyPolicy,
             openings: Sequence[Opening | None] | None = None, dates: Sequence[date] | None = None,
             director: Director | None = None) -> StrategyResult:
    """One strategy, month by month (see the module notes for the order of
    operations). A ``director`` pays the extra of a month first (month index,
    the debts still owed, the extra; returns what it left), the strategy's
    order takes any rest."""
    openings = openings or [None] * len(debts)
    dates = dates or month_dates(budget.start, HORIZON_MONTHS)
    accounts = [open_account(d, i, budget.start, o) for i, (d, o) in enumerate(zip(debts, openings, strict=True))]
    n = len(accounts)
    monthly = policy.to_minor(budget.monthly)
    first_extra = policy.to_minor(budget.first_month) - monthly
    active = [a for a in accounts if a.balance > 0]
    rows: list[MonthRow] = []
    unspent = shortfall_months = 0
    first_arrears: FirstArrears | None = None
    previous = budget.start
    zeros = (0,) * n
    totals: list[int] = []
    growing = False
    for k, when in enumerate(dates):
        if not active:
            break
        days = (when - previous).days
        previous = when
        for a in active:
            a.accrue(k, days)
        available = monthly + first_extra if k == 0 else monthly
        need = sum(a.minimum for a in active)
        order = rank(chosen, active, available - need)
        if available >= need:
            for a in active:
                a.pay(a.minimum)
            left = available - need
            if director is not None:
                left = director(k, active, left)
            if chosen.pays_extra:
                for a in order:
                    if not left:
                        break
                    left -= a.pay(left)
            unspent += left
        else:
            shortfall_months += 1
            left = available
            order = shortfall_order(order)
            passed = []
            for a in order:
                if a.minimum <= left:
                    left -= a.pay(a.minimum)
                else:
                    passed.append(a)
            for a in passed:
                left -= a.pay(min(left, a.minimum))
            if first_arrears is None:
                missed = tuple(a.name for a in order if a.paid_now < a.minimum)
                first_arrears = FirstArrears(k + 1, when, policy.from_minor(need - available), missed)
        for a in active:
            a.close(k)
        rows.append(_row(k, when, available, active, n, zeros, policy))
        active = [a for a in active if a.balance > 0]
        totals.append(sum(a.balance for a in active))
        if available < need and k >= GROWTH_WINDOW and totals[-1] >= totals[-1 - GROWTH_WINDOW]:
            growing = True  # short of the minimums and owing no less than a year ago: never repaid
            break
    return _result(chosen, accounts, rows, dates, policy, unspent, shortfall_months, first_arrears, not active,
                   growing)


def _row(k: int, when: date, available: int, active: list[Account], n: int, zeros: tuple[int, ...],
         policy: MoneyPolicy) -> MonthRow:
    minimum, paid, interest, penalty, fees, balance = (list(zeros) for _ in range(6))
    for a in active:
        i = a.index
        minimum[i], paid[i], balance[i] = a.minimum, a.paid_now, a.balance
        interest[i], penalty[i], fees[i] = a.month_interest, a.month_penalty, a.month_fees
    return MonthRow(k + 1, when, available, tuple(minimum), tuple(paid), tuple(interest), tuple(penalty),
                    tuple(fees), tuple(balance), policy)


def _result(chosen: Strategy, accounts: list[Account], rows: list[MonthRow], dates: Sequence[date],
            policy: MoneyPolicy, unspent: int, shortfall_months: int, first_arrears: FirstArrears | None,
            finished: bool, growing: bool) -> StrategyResult:
    dec = policy.from_minor
    outcomes = []
    for a in accounts:
        outcomes.append(DebtOutcome(
            a.name, "installment" if hasattr(a, "factors") else "revolving", dec(a.opening),
            dec(a.opening_principal), dec(a.paid), dec(a.paid_principal), dec(a.paid_interest), dec(a.paid_penalty),
            dec(a.paid_fees), dec(a.charged_interest), dec(a.charged_penalty), dec(a.charged_fees), dec(a.balance),
            None if a.payoff is None else a.payoff + 1, None if a.payoff is None else dates[a.payoff],
            None if a.first_miss is None else a.first_miss + 1,
            None if a.first_miss is None else dates[a.first_miss]))
    months = len(rows) if finished else None
    return StrategyResult(
        chosen, months, rows[-1].date if finished and rows else None,
        dec(sum(a.paid for a in accounts)), dec(sum(a.paid_interest for a in accounts)),
        dec(sum(a.paid_penalty for a in accounts)), dec(sum(a.paid_fees for a in accounts)),
        dec(sum(a.balance for a in accounts)), dec(unspent), shortfall_months, first_arrears,
        tuple(outcomes), tuple(rows), growing)
