"""Two more ladders: the whole budget paid each month (the term follows), and
a rung's concessions topped up cent by cent.

*Pay the budget* (:class:`PaymentFamily`): every installment is the
borrower's whole budget until the debt is repaid, the last one less. For a
given total the borrower pays, no stream of installments within the budget
is worth more to the creditor (the money arrives as early as it can), so at
any recovery it is the cheapest plan without cash now. Its point depends
only on that total, whatever mix of concessions gives it.

*Top up* (:class:`FineFamily`): a rung of a ladder (say, the rate cut to
9.6%) with owed interest waived and then principal forgiven cent by cent on
top. Rate steps move the total by whole units; topping up with cents finds
the cheapest mixture at a recovery to the cent.

>>> from datetime import date
>>> from repayplan import Loan, parse_rate
>>> from repayplan.model import Position
>>> from .constraints import Constraints
>>> loan = Loan(Decimal("12000"), parse_rate("12%"), 24, start=date(2025, 1, 1))
>>> owed = Position(date(2025, 1, 1), Decimal("12000.00"), penalty=Decimal("300.00"), policy=loan.policy, loan=loan)
>>> ctx = Context.build(owed, owed.as_of, Constraints(max_payment=Decimal("1000"), min_recovery=Decimal("0.8"),
...                                                   levers=("waive", "haircut")))
>>> pay = PaymentFamily(ctx, 100000)
>>> [s.describe() for s in pay.steps(30000 + 5)]  # all the penalty, then 0.05 of principal
['waive penalty in full', 'forgive 0.05 of principal', 'pay 1,000.00 an installment until repaid']
>>> e = pay.estimate(0)
>>> round(e.largest, 2), 12000 < e.total < 12000 * 1.12
(1000.0, True)
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_FLOOR, Decimal

from ..money import WORKING
from ..restructure import FixedPayment, Step
from .ladder import Context, Estimate, Family, State, TermFamily, estimate


def budget_units(ctx: Context) -> int | None:
    """The largest installment within the budget, in minor units (a month's
    budget × 12 ÷ installments a year, rounded down); None without a budget."""
    c = ctx.constraints
    if c.max_payment is None:
        return None
    each = WORKING.divide(c.max_payment * 12, Decimal(ctx.per_year)).quantize(ctx.policy.quantum,
                                                                             rounding=ROUND_FLOOR)
    return ctx.units(each)


class PaymentFamily(TermFamily):
    """``amount`` (minor units) an installment until repaid, within the
    creditor's longest term, with the term ladder's concessions."""

    kind = "payment"

    def __init__(self, ctx: Context, amount: int, fee_waived: bool = False) -> None:
        super().__init__(ctx, ctx.limit, True, fee_waived)
        self.amount = amount
        self.key = ("payment", amount, fee_waived)

    def repaying(self) -> tuple[Step, ...]:
        return (FixedPayment(self.ctx.money(self.amount)),)

    def estimate_for(self, s: State) -> Estimate:
        """The stream in floats: each installment pays its interest, then the
        rest goes to principal and the frozen amounts in proportion."""
        ctx, d = self.ctx, self.ctx.draft
        scale = 10**ctx.policy.minor_units
        left = estimate(d.principal) - s.haircut / scale
        held = estimate(d.penalty + d.fees + self.interest) - (s.waived + s.interest_waived) / scale
        x = self.amount / scale
        r = None if s.rate_step == 0 else estimate((self.rate_steps - s.rate_step) * BASIS)
        factors = ctx.contract[:self.n] if r is None else [u * r for u in ctx.unit[:self.n]]
        pays: list[float] = []
        for f in factors:
            if left + held <= 1e-9:
                break
            interest = left * f
            due = left + interest + held
            if due <= x:
                pays.append(due)
                left = held = 0.0
                break
            room = x - interest
            if room <= 0:
                break
            share = room * held / (left + held)
            held, left = held - share, left - (room - share)
            pays.append(x)
        if left + held > 1e-6 or not pays:  # does not repay within the term: beyond the budget
            big = float("inf")  # float ok: a search estimate's sentinel
            return Estimate(big, 0.0, big, big, big)
        npv = sum(p * ctx.discount(i + 1) for i, p in enumerate(pays))
        at_cap = sum(p * ctx.cap_discount(i + 1) for i, p in enumerate(pays))
        return Estimate(max(pays), 0.0, sum(pays), npv, at_cap)


BASIS = Decimal("0.0001")


class FineFamily(Family):
    """A term or payment family's rung ``t`` with up to ``size`` more cents
    conceded: owed interest waived, then principal forgiven (what the creditor
    allows and the rung has not conceded yet)."""

    def __init__(self, base: TermFamily, t: int) -> None:
        self.base, self.t, self.ctx = base, t, base.ctx
        self.kind, self.n = base.kind, base.n
        self.start = base.state(t)
        room = dict(base.stages)
        self.fine = tuple((name, free) for name, free in (
            ("interest", room.get("interest", 0) - self.start.interest_waived),
            ("haircut", room.get("haircut", 0) - self.start.haircut)) if free > 0)
        self.size = sum(free for _, free in self.fine)
        self.key = ("fine", base.key, t)

    @property
    def max_months(self) -> int:
        return self.base.max_months

    def state(self, u: int) -> State:
        s = self.start
        for name, free in self.fine:
            take = min(free, u)
            u -= take
            if name == "interest":
                s = replace(s, interest_waived=s.interest_waived + take)
            else:
                s = replace(s, haircut=s.haircut + take)
        return s

    def steps(self, u: int) -> tuple[Step, ...]:
        return self.base.steps_for(self.state(u))

    def estimate(self, u: int) -> Estimate:
        return self.base.estimate_for(self.state(u))


__all__ = ["FineFamily", "PaymentFamily", "budget_units"]
