"""The mixed-integer program of the optimal plan, row by row.

Per debt and month: the payment ``p``, the balance after it ``b``, whether
it is still owed after the month ``a`` (binary; never owed again once
cleared); a full-bill card also has its bill ``q`` and interest ``i``. The
month's payments fit in its money; the objective is the total paid.

Where a yes/no fact switches a row on, the row's big-M is the least that
keeps it valid, for the relaxation's bound is only as good as those Ms:

* the minimum rule of a card binds whether or not it is cleared (a payoff
  pays the whole bill, more than the rule) except by what the rule's added
  interest and fee can pass the bill: a big-M of cents, often none;
* a full-bill card's interest is the rate on what is left unpaid, always,
  plus the rate on the part paid while still owed; the part paid is at most
  the month's money, a far smaller M than the bill;
* a debt cannot be cleared before the month all the money would clear it
  (:func:`soonest`): its yes/no choices before then are decided.

(Measured on the 5-debt bench case: the relaxation's bound rose from 2.6 %
below the optimum to 0.4 %, HiGHS's nodes fell from minutes of search at
the old Ms to under 100.)

>>> model = Model(2, 0.0, (100.0, 100.0))
>>> x = model.var(); y = model.var(binary=True); model.row({x: 1.0, y: -5.0}, -float("inf"), 0.0)  # float ok
>>> model.count, model.binaries, model.lb, model.ub
(2, [1], [-inf], [0.0])
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from . import highs
from .accounts import Account, InstallmentAccount, RevolvingAccount, open_account
from .debts import Debt
from .highs import Outcome, Program
from .start import Opening

__all__ = ["Model", "build", "caps_of", "soonest"]


def build(accounts: Sequence[Account], caps: dict[int, list[float]], days: list[int], horizon: int,
           money: tuple[float, float], slack: float, margin: float, soonest: dict[int, int]) -> Model:
    """The program: minimums loosened by ``slack`` (negative: tightened), each month's money less ``margin``."""
    model = Model(horizon, slack, money)
    model.soonest = soonest
    for a in accounts:
        if a.index not in caps:
            continue
        if isinstance(a, RevolvingAccount):
            model.revolving(a, days, caps[a.index])
        else:
            assert isinstance(a, InstallmentAccount)
            model.installment(a, caps[a.index])
    for k in range(horizon):
        model.row({model.p[i][k]: 1.0 for i in model.p}, -float("inf"), money[0 if k == 0 else 1] - margin)  # float ok
    return model


def caps_of(debt: Debt, index: int, start: date, opening: Opening | None, days: list[int],
          horizon: int) -> list[float]:
    """Big-Ms, month by month: no plan owes more of a debt than paying only
    its minimums would (paying more never leaves more owed, nor a larger
    bill), so the bill of each month on the minimums' path bounds every
    plan's bill and balance that month (with a margin for the cents)."""
    acc = open_account(debt, index, start, opening)
    tops = []
    for k in range(horizon):
        acc.accrue(k, days[k])
        tops.append(float(acc.policy.from_minor(acc.balance)) * 1.001 + 1.0)  # float ok
        acc.pay(acc.minimum)
        acc.close(k)
    return tops


def soonest(debt: Debt, index: int, start: date, opening: Opening | None, days: list[int], horizon: int,
             money: tuple[int, int]) -> int:
    """The first month (index) a debt can be cleared in: every unit of each
    month's money on it (and two minor units more, for the cents the model
    leaves out); paying more never leaves more owed, so no plan clears it
    sooner and its yes/no choices before then are decided."""
    acc = open_account(debt, index, start, opening)
    for k in range(horizon):
        acc.accrue(k, days[k])
        acc.pay(money[0 if k == 0 else 1] + 2 * (k + 1))
        acc.close(k)
        if acc.balance <= 0:
            return k
    return horizon


class Model:
    """The rows of the program, built debt by debt."""

    def __init__(self, horizon: int, slack: float, money: tuple[float, float]) -> None:
        self.horizon, self.unit, self.money = horizon, slack, money
        self.count = 0
        self.coo: tuple[list[int], list[int], list[float]] = ([], [], [])
        self.lb: list[float] = []
        self.ub: list[float] = []
        self.p: dict[int, list[int]] = {}
        self.b: dict[int, list[int]] = {}
        self.a: dict[int, list[int]] = {}  # a[i][k]: owed after month k (k = 0..H-1); -1 = fixed 0
        self.binaries: list[int] = []
        self.fixed: dict[int, tuple[float, float]] = {}
        self.soonest: dict[int, int] = {}  # a debt's first month it can be cleared in, all the money on it

    #: the solver stops within this share of the objective (the total paid): half a minor unit of it
    gap = 1e-9

    def solve(self, time_limit: float, fixed: dict[int, int] | None = None, relax: bool = False,
              node_limit: int | None = None, start: Any = None) -> Outcome:
        """HiGHS on the program (binaries pinned to ``fixed`` when given; ``relax``: the linear relaxation;
        ``start``: a plan to begin from)."""
        import numpy as np

        n = self.count
        c = np.zeros(n)
        for i in self.p:
            c[self.p[i]] = 1.0
        lower, upper = np.zeros(n), np.full(n, np.inf)
        integrality = np.zeros(n)
        for v, (lo, hi) in self.fixed.items():
            lower[v], upper[v] = lo, hi
        for v in self.binaries:
            integrality[v] = 1
            upper[v] = min(upper[v], 1.0)
            if fixed is not None:
                lower[v] = upper[v] = fixed.get(v, 0)
        if fixed is not None:
            integrality[:] = 0  # every binary pinned: a linear program
        program = Program(c, lower, upper, integrality, self.coo, self.lb, self.ub)
        nodes = highs.NODE_LIMIT if node_limit is None else node_limit
        return highs.run(program, time_limit, nodes, self.gap, relax, start)

    def pin(self, payoffs: Sequence[int | None]) -> dict[int, int]:
        """Binaries fixed to a plan's payoffs: owed after month k while k is before its payoff month."""
        out = {}
        for i, alive in self.a.items():
            month = payoffs[i] if i < len(payoffs) else None
            for k, v in enumerate(alive):
                if v >= 0:
                    out[v] = 1 if month is None or k < month else 0
        return out

    def var(self, binary: bool = False) -> int:
        self.count += 1
        if binary:
            self.binaries.append(self.count - 1)
        return self.count - 1

    def row(self, terms: dict[int, float], lo: float, hi: float) -> None:
        r = len(self.lb)
        rows, cols, vals = self.coo
        for v, x in terms.items():
            if v >= 0 and x:
                rows.append(r)
                cols.append(v)
                vals.append(x)
        self.lb.append(lo)
        self.ub.append(hi)

    def _common(self, a: Account, cap: list[float], last: int) -> tuple[list[int], list[int], list[int]]:
        """Payments, balances and alive flags of one debt; ``last``: the month it must be cleared by. (A flag
        relaxed to a share from 0 to 1 would still give a bound, but a plan that underpays a minimum.)"""
        H = self.horizon  # noqa: N806
        p = [self.var() for _ in range(H)]
        b = [self.var() for _ in range(H)]
        alive = [self.var(binary=True) if k < min(last, H - 1) else -1 for k in range(H)]
        for k in range(min(self.soonest.get(a.index, 0), H)):  # it cannot be cleared yet: owed
            if alive[k] >= 0:
                self.fixed[alive[k]] = (1.0, 1.0)
        for k in range(H):
            if alive[k] < 0:
                self.fixed[b[k]] = (0.0, 0.0)
            else:
                self.row({b[k]: 1.0, alive[k]: -cap[k]}, -float("inf"), 0.0)  # float ok: owed -> alive
            if k and alive[k] >= 0 and alive[k - 1] >= 0:
                self.row({alive[k]: 1.0, alive[k - 1]: -1.0}, -float("inf"), 0.0)  # float ok
        self.p[a.index], self.a[a.index], self.b[a.index] = p, alive, b
        return p, b, alive

    def revolving(self, a: RevolvingAccount, days: list[int], cap: list[float]) -> None:
        inf, unit = float("inf"), self.unit  # float ok
        money = a.policy.from_minor
        bill0, min0 = float(money(a.balance)), float(money(a.minimum))  # float ok
        p, b, alive = self._common(a, cap, self.horizon)
        fee = float(money(a.monthly_fee))  # float ok
        pct = a.pct[0] / a.pct[1]
        floor = float(money(a.floor))  # float ok
        self.row({b[0]: 1.0, p[0]: 1.0}, bill0, bill0)
        self.row({p[0]: 1.0}, min0, inf)
        q = i = -1
        for k in range(1, self.horizon):
            f = float(a.daily * days[k]) if a.daily is not None else a.factor[0] / a.factor[1]  # float ok
            was = alive[k - 1]  # owed at the start of month k
            if was < 0:
                self.fixed[p[k]] = (0.0, 0.0)
                continue
            if a.full:
                q, i = self.var(), self.var()
                # q = b + i + fee·was; b_k = q − p
                self.row({q: 1.0, b[k - 1]: -1.0, i: -1.0, was: -fee}, 0.0, 0.0)
                self.row({b[k]: 1.0, q: -1.0, p[k]: 1.0}, 0.0, 0.0)
                if k == 1:  # interest on the whole first bill while owed: exact, no big-M
                    self.row({i: 1.0, was: -f * bill0}, 0.0, inf)
                else:
                    # on what is left unpaid, always; on the part paid too, but for the payment that
                    # clears it, made only in the month it is cleared (``alive`` falls from 1 to 0 then) and
                    # at most that month's money: a far tighter big-M than the bill's
                    top = min(cap[k - 1], self.money[1])
                    clear = self.var()
                    self.row({clear: 1.0, alive[k - 2]: -top, was: top}, -inf, 0.0)
                    self.row({i: 1.0, b[k - 1]: -f, p[k - 1]: -f, clear: f}, 0.0, inf)
                bill = {q: 1.0}
                interest = {i: 1.0}
            else:
                self.row({b[k]: 1.0, p[k]: 1.0, b[k - 1]: -(1.0 + f), was: -fee}, 0.0, 0.0)
                bill = {b[k - 1]: 1.0 + f, was: fee}
                interest = {b[k - 1]: f}
            rule = {v: pct * x for v, x in bill.items()}
            if a.plus:
                for v, x in interest.items():
                    rule[v] = rule.get(v, 0.0) + x
                rule[was] = rule.get(was, 0.0) + fee
            terms = {p[k]: 1.0}
            for v, x in rule.items():
                terms[v] = terms.get(v, 0.0) - x
            # the rule binds while owed; once cleared the payment is the bill, which exceeds the rule but
            # by what the rule's added interest and fee can pass the bill (a small big-M, often none)
            prior = cap[k - 1] if k > 1 else bill0
            big = (pct * (fee + f * prior) if a.full else pct * fee + max(pct * (1 + f) - 1, 0.0) * prior
                   ) if a.plus else 0.0
            if alive[k] >= 0:
                # the rule (and the model's half cent either way) while still owed after this month; once
                # cleared or repaid before, the payment is the bill, at least the rule less ``big``
                terms[alive[k]] = terms.get(alive[k], 0.0) - (big + unit)
                self.row(terms, -big, inf)
                self.row({p[k]: 1.0, alive[k]: -(floor + unit)}, 0.0, inf)

    def installment(self, a: InstallmentAccount, cap: list[float]) -> bool:
        """The loan on its contract factors; False when its minimum is relaxed (reduce-payment)."""
        inf, unit = float("inf"), self.unit  # float ok
        money = a.policy.from_minor
        owed0, min0 = float(money(a.balance)), float(money(a.minimum))  # float ok
        p, b, alive = self._common(a, cap, a.n - 1)
        fee = float(money(a.fee))  # float ok
        self.row({b[0]: 1.0, p[0]: 1.0}, owed0, owed0)
        self.row({p[0]: 1.0}, min0, inf)
        exact = True
        # under reduce-payment the installment is what is owed over the present value of the rest of the term
        share = [1.0 / float(v) if v else 0.0 for v in a._present_values()] if a.reduce else []  # float ok
        for k in range(1, self.horizon):
            was = alive[k - 1]
            if was < 0 or k >= a.n:
                self.fixed[p[k]] = (0.0, 0.0)
                continue
            num, den = a.factors[k]
            g = num / den
            self.row({b[k]: 1.0, p[k]: 1.0, b[k - 1]: -(1.0 + g), was: -fee}, 0.0, 0.0)
            self.row({p[k]: 1.0, b[k - 1]: -g, was: -(fee + unit)}, 0.0, inf)  # interest and fee
            if alive[k] < 0:
                continue
            if a.reduce and a.method == "annuity":  # the installment is re-set after each prepayment
                self.row({p[k]: 1.0, b[k - 1]: -share[k] * (1 - 1e-9), was: -(fee + unit)}, 0.0, inf)
            elif a.reduce and a.method == "equal-principal":
                self.row({p[k]: 1.0, b[k - 1]: -(g + 1.0 / (a.n - k)) * (1 - 1e-9), was: -(fee + unit)}, 0.0, inf)
            elif a.reduce:
                continue
            elif a.method == "annuity":
                self.row({p[k]: 1.0, alive[k]: -(float(money(a.level)) + fee + unit)}, 0.0, inf)  # float ok
            elif a.method == "equal-principal":
                part = float(money(a.part))  # float ok
                self.row({p[k]: 1.0, b[k - 1]: -g, was: -fee, alive[k]: -(part + unit)}, 0.0, inf)
        return exact
