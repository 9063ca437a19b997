"""Plans: the contract as it stands, or a restructuring of it, as exact rows.

A :class:`Plan` is what a borrower would pay from a restructuring date on:
its rows (each payment split into principal, interest, fees and penalty),
what the creditor forgives, what the plan moves into principal and what new
interest, fees or penalty it charges. The accounts always close::

    forgiven + paid == position total + charged

>>> from datetime import date
>>> position = Position(date(2026, 1, 1), Decimal("1000.00"), penalty=Decimal("50.00"))
>>> row = PlanRow(1, date(2026, 2, 1), 31, Decimal("1000.00"), Decimal("1010.00"), Decimal("1000.00"),
...               Decimal("10.00"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00"))
>>> plan = Plan("Waive the penalty", position, date(2026, 1, 1), (), (row,),
...             forgiven=Components(penalty=Decimal("50.00")), charged=Components(interest=Decimal("10.00")))
>>> plan.paid.total + plan.forgiven.total == position.total + plan.charged.total
True
>>> plan.problems()
[]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .model import Position, Row
from .money import ZERO, MoneyPolicy
from .rates import Rate
from .records import fast_constructor

if TYPE_CHECKING:
    from .restructure.steps import Step

#: The longest agreement, in months, unless the creditor says otherwise (个性化分期 ceiling).
MAX_PLAN_MONTHS = 60

#: The parts of a debt, in the order of :class:`Components`' fields (the order
#: payments go to them is a policy's: ``repayplan.arrears.COMPONENTS``, fees first).
COMPONENT_FIELDS = ("principal", "interest", "penalty", "fees")


@dataclass(frozen=True)
class Components:
    """An amount by component of the debt.

    >>> (Components(principal=Decimal("5")) + Components(fees=Decimal("2"))).total
    Decimal('7')
    """

    principal: Decimal = ZERO
    interest: Decimal = ZERO
    penalty: Decimal = ZERO
    fees: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest + self.penalty + self.fees

    def __add__(self, other: Components) -> Components:
        return Components(*(getattr(self, c) + getattr(other, c) for c in COMPONENT_FIELDS))

    def __sub__(self, other: Components) -> Components:
        return Components(*(getattr(self, c) - getattr(other, c) for c in COMPONENT_FIELDS))

    def add(self, component: str, amount: Decimal) -> Components:
        """A copy with ``amount`` added to one component."""
        p, i, pe, f = self.principal, self.interest, self.penalty, self.fees
        if component == "principal":
            p += amount
        elif component == "interest":
            i += amount
        elif component == "penalty":
            pe += amount
        elif component == "fees":
            f += amount
        else:
            raise KeyError(component)
        return Components(p, i, pe, f)

    def get(self, component: str) -> Decimal:
        return getattr(self, component)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class PlanRow(Row):
    """One payment of a plan: a schedule :class:`~repayplan.model.Row` and what
    only a restructuring has; payment == principal + interest + fees + penalty.

    ``opening_balance``/``closing_balance`` are the interest-bearing principal;
    ``capitalised`` is interest added to it in this period (a moratorium), so
    closing = opening − principal + capitalised. ``frozen_balance`` is what is
    still owed after this row that bears no interest: arrears carried into the
    plan (停息挂账) and interest deferred to the end.
    """

    capitalised: Decimal = ZERO
    frozen_balance: Decimal = ZERO
    note: str = ""


ROW_FIELDS = tuple(f.name for f in fields(PlanRow))
#: A positional constructor of a PlanRow given every field, ``note`` too (the same row, made faster).
new_plan_row: Callable[..., PlanRow] = fast_constructor(PlanRow)  # type: ignore[assignment]


class Later(tuple[Any, ...]):
    """Texts of which some are made only when first read: each item a text, or a function of no arguments
    that makes it (a plan's basis: a search builds hundreds of plans and shows a few)."""


class _Texts:
    """A plan's ``basis`` as given; a :class:`Later` is made into its texts when first read (the same texts)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = f"_{name}"

    def __get__(self, plan: Any, owner: type | None = None) -> Any:
        if plan is None:
            return ()  # the field's default
        texts = plan.__dict__[self.key]
        if type(texts) is Later:
            texts = tuple(text() if callable(text) else text for text in texts)
            plan.__dict__[self.key] = texts
        return texts

    def __set__(self, plan: Any, texts: Any) -> None:
        plan.__dict__[self.key] = texts


@dataclass(frozen=True)
class Plan:
    """A plan from the restructuring date ``on``: rows and the accounts.

    ``forgiven``: what the creditor gives up, by component. ``capitalised``:
    what moved into principal, by the component it came from (interest of a
    moratorium included). ``charged``: interest, fees and penalty arising
    under the plan after ``on``. ``credit``: the position's credit, applied
    to what was owed on ``on``. ``settlement``: the agreed sum of a
    settlement. ``basis``: how the plan was reached, for people.
    """

    name: str
    position: Position
    on: date
    steps: tuple[Step, ...]
    rows: tuple[PlanRow, ...]
    forgiven: Components = field(default_factory=Components)
    capitalised: Components = field(default_factory=Components)
    charged: Components = field(default_factory=Components)
    credit: Components = field(default_factory=Components)
    settlement: Decimal | None = None
    lump_sum: Decimal = ZERO
    rate: Rate | None = None
    basis: tuple[str, ...] = _Texts()  # type: ignore[assignment]  # (a Later is made when first read)
    kind: str = "scenario"

    def __getstate__(self) -> dict[str, Any]:
        """The plan's fields, its basis made (a copy or a pickle holds texts, never functions)."""
        state = dict(self.__dict__)
        state["_basis"] = self.basis
        return state

    @property
    def policy(self) -> MoneyPolicy:
        return self.position.policy

    def total(self, column: str) -> Decimal:
        return sum((getattr(r, column) for r in self.rows), ZERO)

    @property
    def total_payment(self) -> Decimal:
        return self.total("payment")

    @property
    def paid(self) -> Components:
        """What the rows pay, by component."""
        return Components(*(self.total(c) for c in COMPONENT_FIELDS))

    @property
    def refund(self) -> Decimal:
        """Credit beyond everything owed: the borrower's money, outside the plan."""
        return self.position.credit - self.credit.total

    @property
    def payments(self) -> tuple[PlanRow, ...]:
        """The rows with money to pay (a moratorium's rows have none)."""
        return tuple(r for r in self.rows if r.payment > 0)

    @property
    def payoff_date(self) -> date | None:
        return self.rows[-1].due_date if self.rows else None

    def problems(self) -> list[str]:
        """Every broken invariant; an empty list for a sound plan.

        Each row: payment = sum of parts, closing = opening − principal +
        capitalised, no negative amount; the last balances are zero; the
        accounts close by component and in total.
        """
        out: list[str] = []
        for r in self.rows:
            where = f"{self.name} row {r.period} ({r.due_date})"
            if r.payment != r.principal + r.interest + r.fees + r.penalty:
                out.append(f"{where}: payment {r.payment} is not the sum of its parts")
            if r.closing_balance != r.opening_balance - r.principal + r.capitalised:
                out.append(f"{where}: closing balance {r.closing_balance} does not follow from the opening")
            amounts = (r.payment, r.principal, r.interest, r.fees, r.penalty, r.closing_balance, r.frozen_balance)
            if any(a < 0 for a in amounts):
                out.append(f"{where}: a negative amount")
        for prev, nxt in zip(self.rows, self.rows[1:], strict=False):
            if nxt.opening_balance != prev.closing_balance:
                out.append(f"{self.name} row {nxt.period}: opening balance does not continue the row before")
        if self.rows and (self.rows[-1].closing_balance != 0 or self.rows[-1].frozen_balance != 0):
            out.append(f"{self.name}: the last row leaves {self.rows[-1].closing_balance} principal and "
                       f"{self.rows[-1].frozen_balance} interest-free balance unpaid")
        p = self.position
        owed = Components(p.principal, p.interest + p.accrued_interest, p.penalty, p.fees) - self.credit
        paid = self.paid
        # principal: what was owed, plus everything capitalised, is paid or forgiven
        if paid.principal + self.forgiven.principal != owed.principal + self.capitalised.total:
            out.append(f"{self.name}: principal paid {paid.principal} + forgiven {self.forgiven.principal} is not "
                       f"the {owed.principal} owed + {self.capitalised.total} capitalised")
        for c in COMPONENT_FIELDS[1:]:
            left = paid.get(c) + self.forgiven.get(c) + self.capitalised.get(c)
            if left != owed.get(c) + self.charged.get(c):
                out.append(f"{self.name}: {c} paid + forgiven + capitalised {left} is not the "
                           f"{owed.get(c)} owed + {self.charged.get(c)} charged")
        if paid.total + self.forgiven.total != p.total + self.refund + self.charged.total:
            out.append(f"{self.name}: paid {paid.total} + forgiven {self.forgiven.total} is not the position "
                       f"{p.total} + charged {self.charged.total}")
        return out


@dataclass(frozen=True)
class Borrower:
    """What the borrower can pay: monthly income and expenses, a lump sum now.

    >>> Borrower(Decimal("8000"), Decimal("6500")).budget
    Decimal('1500')
    """

    monthly_income: Decimal | None = None
    monthly_expenses: Decimal | None = None
    lump_sum: Decimal | None = None
    max_payment: Decimal | None = None

    @property
    def budget(self) -> Decimal | None:
        """The most a month can carry: ``max_payment``, else income − expenses."""
        if self.max_payment is not None:
            return self.max_payment
        if self.monthly_income is not None and self.monthly_expenses is not None:
            return self.monthly_income - self.monthly_expenses
        return None


@dataclass(frozen=True)
class Creditor:
    """What the creditor needs: its cost of funds (an annual effective rate,
    for NPV), a minimum recovery (a fraction of the position, or of its
    principal when ``recovery_base`` is "principal", in present value), the
    longest agreement it signs (months) and the levers it allows (step
    names; empty = all)."""

    discount_rate: Decimal | None = None
    min_recovery: Decimal | None = None
    max_term: int = MAX_PLAN_MONTHS
    levers: tuple[str, ...] = ()
    recovery_base: str = "position"
