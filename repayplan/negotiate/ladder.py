"""Families of offers, each a ladder of concessions, and a float model of them.

A *family* fixes the shape of an offer (a new term of n installments, with
or without the installment fee, the contract's own term, a settlement now,
a settlement with a down payment and k installments); a whole number ``t`` says how far down its ladder of
concessions it goes. ``t = 0`` concedes nothing; each step of ``t`` concedes
one more cent (or, on the rate, one basis point), so what the borrower pays
and what the creditor recovers both fall as ``t`` rises.

The ladder of a term offer, in the order a creditor usually concedes:
waive penalty and fees (cent by cent), lower the rate (basis point by basis
point, down to 0%), waive owed interest (cent by cent), forgive principal
(cent by cent). Each rung exists only if the
creditor allows the lever and there is something to concede.

The float model (:meth:`Family.estimate`) is the annuity arithmetic the
schedule engine rounds to the cent; the search uses it only to know where
to look, and builds every candidate it keeps exactly with ``apply``.

>>> from datetime import date
>>> from repayplan import Loan, parse_rate
>>> from repayplan.model import Position
>>> from .constraints import Constraints
>>> loan = Loan(Decimal("24000"), parse_rate("12%"), 24, start=date(2025, 1, 1))
>>> owed = Position(date(2025, 1, 1), Decimal("24000.00"), penalty=Decimal("500.00"), policy=loan.policy, loan=loan)
>>> ctx = Context.build(owed, owed.as_of, Constraints(levers=("waive", "set-rate")))
>>> term = TermFamily(ctx, 36)
>>> term.size  # 50,000 cents of penalty, then 1,200 basis points of rate
51200
>>> [s.describe() for s in term.steps(50000 + 1200)]
['waive penalty in full', 'rate 0%/year from the restructuring date', '36 installments (annuity)']
>>> round(term.estimate(51200).largest, 2)  # 24,000 ÷ 36
666.67
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..model import Position
from ..money import MoneyPolicy
from ..rates import Rate
from ..restructure import Haircut, SetRate, Settle, Step, Term, Waive, max_installments
from ..restructure.draft import Draft
from ..restructure.position import PlanCalendar, plan_calendar, plan_periods, remaining_rows
from .constraints import Constraints


def estimate(value: Decimal | Fraction | int) -> float:
    """The float model's view of an exact amount, rate or factor: only to
    decide where the search looks. Nothing it feeds is stored or shown, and
    every offer kept is rebuilt exactly with ``apply``."""
    return float(value)  # float ok: the one place the search turns exact numbers into floats


BASIS_POINT = Decimal("0.0001")


@dataclass
class Context:
    """What every family of one search shares: the position, its calendar,
    the constraints, and float tables of period factors and discount factors
    (extended on demand)."""

    position: Position
    on: date
    constraints: Constraints
    draft: Draft
    cal: PlanCalendar
    per_year: int
    limit: int  # installments within the creditor's max term
    remaining: int  # contract installments after the date
    method: str
    contract_rate: Rate | None
    budget: float | None  # a month's budget as an installment
    lump: float
    unit: list[float] = field(default_factory=list)  # factor of each period per unit of annual rate
    contract: list[float] = field(default_factory=list)  # factor of each period at the contract rate
    dues: list[date] = field(default_factory=list)
    cum: list[float] = field(default_factory=lambda: [0.0])  # cum[n]: Σ discount factors of the first n dues
    capcum: list[float] = field(default_factory=lambda: [0.0])  # the same at the legal cap's rate

    @classmethod
    def build(cls, position: Position, on: date, constraints: Constraints) -> Context:
        loan = position.loan
        cal = plan_calendar(position, on)
        per_year = cal.periods_per_year
        budget = None
        if constraints.max_payment is not None:
            budget = estimate(constraints.max_payment) * 12 / per_year
        ctx = cls(position, on, constraints, Draft.start(position), cal, per_year,
                  max_installments(constraints.max_term, cal.frequency),
                  len(remaining_rows(loan, on)) if loan else 0, loan.method if loan else "annuity",
                  loan.rate if loan else None, budget, estimate(constraints.lump_sum))
        ctx.extend(max(ctx.limit, ctx.remaining))
        return ctx

    @property
    def policy(self) -> MoneyPolicy:
        return self.position.policy

    @property
    def owed(self) -> float:
        """What is owed on the date: the amount financed of the borrower's cost."""
        return estimate(self.position.total)

    def units(self, amount: Decimal) -> int:
        return self.policy.to_minor(amount)

    def money(self, units: int) -> Decimal:
        return self.policy.from_minor(units)

    def extend(self, horizon: int) -> None:
        """Tables for at least ``horizon`` periods."""
        if horizon <= len(self.dues):
            return
        horizon = min(max(horizon, 2 * len(self.dues)), 1200)
        unit = plan_periods(self.cal, Rate(Decimal(1)), horizon)
        self.unit = [estimate(p.factor) for p in unit]
        rate = self.contract_rate or Rate(Decimal(0))
        self.contract = [estimate(p.factor) for p in plan_periods(self.cal, rate, horizon)]
        self.dues = [p.due_date for p in unit]
        self.cum = self._sums(self.constraints.discount_rate)
        cap = self.constraints.cap
        self.capcum = self._sums(cap.rate) if cap is not None else [0.0] * (len(self.dues) + 1)

    def _sums(self, rate: Decimal) -> list[float]:
        base = 1.0 + estimate(rate)
        total, out = 0.0, [0.0]
        for due in self.dues:
            total += base ** (-(due - self.on).days / 365)
            out.append(total)
        return out

    def discount(self, n: int) -> float:
        """The discount factor of the n-th due date (1-based)."""
        return self.cum[n] - self.cum[n - 1]

    def cap_discount(self, n: int) -> float:
        """The n-th due date's discount factor at the legal cap's rate."""
        return self.capcum[n] - self.capcum[n - 1]


@dataclass(frozen=True)
class Estimate:
    """A family member in floats: its largest regular installment (None: no
    installments), the cash needed now, the total paid, the creditor's NPV,
    and the payments' present value at the legal cap's rate (the borrower's
    cost is within the cap when that is at most what is owed)."""

    largest: float | None
    lump: float
    total: float
    npv: float
    at_cap: float = 0.0


class Family:
    """A shape of offer with a ladder of concessions 0..size."""

    kind = ""
    n = 0  # installments
    size = 0
    key: tuple[object, ...] = ()

    def steps(self, t: int) -> tuple[Step, ...]:  # pragma: no cover - every family overrides it
        raise NotImplementedError

    def estimate(self, t: int) -> Estimate:  # pragma: no cover
        raise NotImplementedError

    @property
    def max_months(self) -> int:
        return 0


@dataclass(frozen=True)
class State:
    """A term offer's concessions at one rung: cents of penalty and fees
    waived, the installment fee dropped (fixed for a family), basis points
    off the rate (0: the contract's), cents of interest waived, cents of
    principal forgiven."""

    waived: int = 0
    fee_waived: bool = False
    rate_step: int = 0
    interest_waived: int = 0
    haircut: int = 0


class TermFamily(Family):
    """n installments: a new term (annuity), or the contract's own remaining
    installments and method (``with_term=False``); ``fee_waived``: with the
    fee of every installment dropped (a jump, so a family of its own)."""

    kind = "term"

    def __init__(self, ctx: Context, n: int, with_term: bool = True, fee_waived: bool = False) -> None:
        self.ctx, self.n, self.with_term, self.fee_waived = ctx, n, with_term, fee_waived
        self.method = "annuity" if with_term else ctx.method
        d = ctx.draft
        allows = ctx.constraints.searched_levers
        self.waived_parts = tuple(w for w, amount in (("penalty", d.penalty), ("fees", d.fees)) if amount > 0)
        self.interest = d.interest + d.accrued
        annual = ctx.contract_rate.annual_for(ctx.position.loan.day_count) if (
            ctx.contract_rate and ctx.position.loan) else Decimal(0)
        self.rate_steps = math.ceil(annual / BASIS_POINT) if annual > 0 else 0
        sizes = {
            "waive": ctx.units(d.penalty + d.fees) if "waive" in allows else 0,
            "rate": self.rate_steps if "set-rate" in allows else 0,
            "interest": ctx.units(self.interest) if "waive" in allows else 0,
            "haircut": max(0, ctx.units(d.principal) - 1) if "haircut" in allows else 0,
        }
        self.stages = tuple((name, size) for name, size in sizes.items() if size > 0)
        self.size = sum(size for _, size in self.stages)
        self.key: tuple[object, ...] = ("term" if with_term else "contract-term", n, fee_waived)
        self._annuity: dict[int, float] = {}

    @property
    def max_months(self) -> int:
        return math.ceil(self.n * 12 / self.ctx.per_year) if self.with_term else 0

    def state(self, t: int) -> State:
        values = {"waive": 0, "rate": 0, "interest": 0, "haircut": 0}
        for name, size in self.stages:
            take = min(size, t)
            values[name], t = take, t - take
        return State(values["waive"], self.fee_waived, values["rate"], values["interest"], values["haircut"])

    def rate(self, step: int) -> Rate | None:
        """The rate at ``step`` basis points down the rate rung (None: the contract's)."""
        return None if step == 0 else Rate((self.rate_steps - step) * BASIS_POINT)

    def steps(self, t: int) -> tuple[Step, ...]:
        return self.steps_for(self.state(t))

    def repaying(self) -> tuple[Step, ...]:
        """The step that says how the plan repays (none: the contract's own term)."""
        return (Term(self.n),) if self.with_term else ()

    def steps_for(self, s: State) -> tuple[Step, ...]:
        ctx = self.ctx
        out: list[Step] = []
        full = ctx.units(ctx.draft.penalty + ctx.draft.fees)
        interest_full = ctx.units(self.interest)
        fee = ("installment-fee",) if s.fee_waived else ()
        what: tuple[str, ...] = ()
        amount, in_full = 0, True
        if s.waived:  # the ladder waives penalty and fees before any interest
            what, amount, in_full = self.waived_parts, s.waived, s.waived == full
        if s.interest_waived:
            what += ("interest",)
            amount += s.interest_waived
            in_full = in_full and s.interest_waived == interest_full
        if what and in_full:
            out.append(Waive(what + fee))
        elif what:
            out.append(Waive(what, amount=ctx.money(amount)))
        if fee and not (what and in_full):
            out.append(Waive(fee))
        if s.haircut:
            out.append(Haircut(amount=ctx.money(s.haircut)))
        rate = self.rate(s.rate_step)
        if rate is not None:
            out.append(SetRate(rate))
        return (*out, *self.repaying())

    def _a(self, step: int) -> float:
        """Σ of the discount products of n periods at the rung's rate: the annuity factor."""
        if step not in self._annuity:
            if step == 0:
                factors = self.ctx.contract[:self.n]
            else:
                r = estimate((self.rate_steps - step) * BASIS_POINT)
                factors = [u * r for u in self.ctx.unit[:self.n]]
            d, a = 1.0, 0.0
            for f in factors:
                d /= 1.0 + f
                a += d
            self._annuity[step] = a
        return self._annuity[step]

    def estimate(self, t: int) -> Estimate:
        return self.estimate_for(self.state(t))

    def estimate_for(self, s: State) -> Estimate:
        ctx, d = self.ctx, self.ctx.draft
        balance = estimate(d.principal) - s.haircut / 10**ctx.policy.minor_units
        frozen = (estimate(d.penalty + d.fees + self.interest)
                  - (s.waived + s.interest_waived) / 10**ctx.policy.minor_units)
        fee = 0.0 if s.fee_waived else estimate(d.installment_fee)
        n = self.n
        if self.method == "annuity":
            a = self._a(s.rate_step)
            pay = (balance / a if a else balance) + frozen / n + fee
            return Estimate(pay, 0.0, pay * n, pay * ctx.cum[n], pay * ctx.capcum[n])
        stream = self._stream(balance, s.rate_step)
        count = len(stream)
        pays = [p + frozen / count + fee for p in stream]
        first = n - count  # a bullet has one row, at the end
        npv = sum(p * ctx.discount(first + i + 1) for i, p in enumerate(pays))
        at_cap = sum(p * ctx.cap_discount(first + i + 1) for i, p in enumerate(pays))
        return Estimate(max(pays), 0.0, sum(pays), npv, at_cap)

    def _stream(self, balance: float, step: int) -> list[float]:
        r = None if step == 0 else estimate((self.rate_steps - step) * BASIS_POINT)
        factors = self.ctx.contract[:self.n] if r is None else [u * r for u in self.ctx.unit[:self.n]]
        if self.method == "bullet":
            return [balance * (1 + sum(factors))]
        out, left = [], balance
        for i, f in enumerate(factors):
            interest = left * f
            part = balance / self.n if self.method == "equal-principal" else 0.0
            part = left if i == self.n - 1 else min(part, left)
            out.append(part + interest)
            left -= part
        return out


class SettleFamily(Family):
    """A settlement for a sum, the rest forgiven: now (``k == 0``), or a
    ``down`` payment now and k equal interest-free installments. ``t`` is the
    cents forgiven of what is owed."""

    kind = "settle"

    def __init__(self, ctx: Context, k: int, down: int = 0) -> None:
        self.ctx, self.n, self.down = ctx, k, down if k else 0
        self.owed = ctx.units(ctx.draft.owed)
        self.size = self.owed - (self.down + k if k else 1)
        self.key: tuple[object, ...] = ("settle", k, self.down)

    @property
    def max_months(self) -> int:
        return math.ceil(self.n * 12 / self.ctx.per_year)

    def amount(self, t: int) -> int:
        return self.owed - t

    def steps(self, t: int) -> tuple[Step, ...]:
        money = self.ctx.money
        total = money(self.amount(t))
        if not self.n:
            return (Settle(amount=total),)
        if not self.down:
            return (Settle(amount=total, installments=self.n),)
        return (Settle(amount=total, down_payment=money(self.down), installments=self.n),)

    def parts(self, t: int) -> tuple[int, int]:
        """Each installment and the last (it takes the rest), in cents."""
        rest = self.amount(t) - self.down
        each = rest // self.n
        return each, rest - each * (self.n - 1)

    def estimate(self, t: int) -> Estimate:
        scale = 10**self.ctx.policy.minor_units
        total = self.amount(t) / scale
        if not self.n:
            return Estimate(None, total, total, total, total)
        each, last = self.parts(t)
        ctx = self.ctx
        npv = self.down / scale + (each * ctx.cum[self.n - 1] + last * ctx.discount(self.n)) / scale
        at_cap = self.down / scale + (each * ctx.capcum[self.n - 1] + last * ctx.cap_discount(self.n)) / scale
        return Estimate(max(each, last) / scale, self.down / scale, total, npv, at_cap)
