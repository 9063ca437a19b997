"""A plan and the case → the :class:`Agreement`, and its clauses in order.

>>> from datetime import date
>>> from repayplan import Loan, parse_rate
>>> from repayplan.model import LoanHistory
>>> from repayplan.restructure import SetRate, Term, apply
>>> loan = Loan(Decimal("12000"), parse_rate("12%"), 12, start=date(2025, 1, 1))
>>> plan = apply(LoanHistory(loan).position(date(2025, 1, 1)), [SetRate(parse_rate("0%")), Term(24)], name="freeze")
>>> a = build_agreement(plan, Parties(), Contract(number="HT-1"), Terms())
>>> a.owed, a.total, len(a.schedule), a.schedule[0].amount, a.total_capital
(Decimal('12000.00'), Decimal('12000.00'), 24, Decimal('500.00'), '人民币壹万贰仟元整')
>>> [c.kind for c in a.concessions], [c.key for c in clauses(a)][:4]
(['rate'], ['agr.recital', 'agr.acknowledge', 'agr.concessions_terms', 'agr.schedule'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..model import Position
from ..plans import Plan
from ..rates import Rate
from .model import Clause, Component, Concession, Contract, Installment, Party, Terms, capital_rmb

#: the components of what is owed, in the order an acknowledgement lists them
OWED = ("principal", "interest", "accrued_interest", "penalty", "fees", "credit")
#: what may be waived, in the order the concessions list them
WAIVABLE = ("penalty", "fees", "interest", "principal")


@dataclass(frozen=True)
class Parties:
    """The borrower, the creditor and, when there is one, the mediator."""

    borrower: Party = field(default_factory=lambda: Party(role="borrower"))
    creditor: Party = field(default_factory=lambda: Party(role="creditor"))
    mediator: Party | None = None


@dataclass(frozen=True)
class Agreement:
    """Everything an agreement states; amounts exact, in ``currency``.

    ``owed``: what the borrower acknowledges owing on ``as_of`` (the sum of
    ``acknowledged``); ``total``: what the schedule pays (``owed`` less the
    concessions); ``settlement``: the agreed sum of a settlement, else None.
    """

    parties: Parties
    contract: Contract
    terms: Terms
    plan_name: str
    currency: str
    as_of: date
    acknowledged: tuple[Component, ...]
    owed: Decimal
    concessions: tuple[Concession, ...]
    schedule: tuple[Installment, ...]
    total: Decimal
    settlement: Decimal | None = None
    contract_rate: Rate | None = None  # the original contract's, when known
    down_payment: Decimal = Decimal(0)  # a first payment on the plan's date, before the installments

    @property
    def total_capital(self) -> str | None:
        """The total in capital numerals (人民币…), for a CNY agreement; else None."""
        return capital_rmb(self.total) if self.currency == "CNY" else None

    @property
    def forgiven(self) -> Decimal:
        """What the concessions give up in all (owed − total)."""
        return self.owed - self.total

    @property
    def first_due(self) -> date | None:
        return self.schedule[0].due if self.schedule else None

    @property
    def last_due(self) -> date | None:
        return self.schedule[-1].due if self.schedule else None

    @property
    def copies(self) -> int:
        """The copies signed: as ``[agreement] copies`` says, else one per party."""
        return self.terms.copies or (3 if self.parties.mediator is not None else 2)


def build_agreement(plan: Plan, parties: Parties, contract: Contract, terms: Terms) -> Agreement:
    """The agreement of a plan: what is owed on the plan's date, the
    concessions it makes, its payments; the rest from the case."""
    position = plan.position
    money = plan.policy
    acknowledged = owed_components(position)
    concessions: list[Concession] = []
    if plan.settlement is not None:
        concessions.append(Concession("settlement", money.round(plan.forgiven.total)))
    else:
        concessions += [Concession(kind, money.round(plan.forgiven.get(kind)))
                        for kind in WAIVABLE if plan.forgiven.get(kind) > 0]
    loan = position.loan
    if plan.rate is not None and (loan is None or plan.rate.annual != loan.rate.annual):
        concessions.append(Concession("rate", rate=plan.rate, on=plan.on))
    schedule = tuple(Installment(number=i, due=r.due_date, amount=r.payment, principal=r.principal,
                                 other=r.payment - r.principal)
                     for i, r in enumerate(plan.payments, start=1))
    if contract.principal is None and loan is not None:
        contract = Contract(contract.number, contract.signed, loan.principal, loan.start)
    return Agreement(
        parties=parties, contract=contract, terms=terms, plan_name=plan.name, currency=money.currency,
        as_of=position.as_of, acknowledged=acknowledged, owed=money.round(position.total),
        concessions=tuple(concessions), schedule=schedule, total=money.round(plan.total_payment),
        settlement=plan.settlement, contract_rate=loan.rate if loan is not None else None,
        down_payment=money.round(plan.lump_sum) if len(schedule) > 1 and schedule[0].amount == plan.lump_sum
        else money.round(Decimal(0)))


def owed_components(position: Position) -> tuple[Component, ...]:
    """What is owed on a date by component, as acknowledged: each non-zero part, the principal always."""
    money = position.policy
    owed = [Component(name, money.round(getattr(position, name))) for name in OWED]
    return tuple(c for c in owed if c.amount or c.name == "principal")


def clauses(agreement: Agreement) -> tuple[Clause, ...]:
    """The agreement's clauses in order, as label keys and values (the
    schedule itself is :attr:`Agreement.schedule`; ``agr.schedule`` is
    the sentence before it)."""
    a, t = agreement, agreement.terms
    out = [Clause("agr.recital" + ("_mediated" if a.parties.mediator is not None else ""),
                  (("contract_no", a.contract.number), ("signed", a.contract.signed),
                   ("principal", a.contract.principal), ("start", a.contract.start),
                   ("mediator", a.parties.mediator.name if a.parties.mediator else ""))),
           Clause("agr.acknowledge", (("date", a.as_of), ("owed", a.owed)),
                  tuple(Clause(f"agr.owed_{c.name}", (("amount", c.amount),)) for c in a.acknowledged))]
    if a.concessions:
        out.append(Clause("agr.concessions" if a.forgiven > 0 else "agr.concessions_terms", (("forgiven", a.forgiven),),
                          tuple(concession_clause(c, a) for c in a.concessions)))
    else:
        out.append(Clause("agr.no_concessions"))
    out.append(schedule_clause(a, "agr.schedule"))
    account = t.account
    out.append(Clause(f"agr.method_{t.method}", (("holder", account.holder), ("bank", account.bank),
                                                 ("account", account.number))))
    out.append(Clause("agr.prepayment"))
    out.append(Clause("agr.default" + ("" if a.concessions else "_plain"),
                      (("installments", t.default_installments), ("days", t.default_days), ("acknowledged", a.owed))))
    out.append(Clause("agr.discharge", (("paid", a.total),)))
    forum = "agr.disputes_" + t.disputes + ("_named" if t.forum else "")
    out.append(Clause(forum, (("forum", t.forum),)))
    if a.parties.mediator is not None and t.judicial_confirmation:
        out.append(Clause("agr.judicial_confirmation"))
    mediated = a.parties.mediator is not None
    effective = "agr.effective_date" if t.effective else "agr.effective_mediated" if mediated else "agr.effective"
    out.append(Clause(effective, (("date", t.effective),)))
    each = 3 if mediated else 2  # one for each party (and the mediation organisation)
    copies = ("agr.copies_mediated" if mediated else "agr.copies") if a.copies == each else "agr.copies_other"
    out.append(Clause(copies, (("copies", a.copies),)))
    return tuple(out)


def schedule_clause(a: Agreement, prefix: str) -> Clause:
    """How the schedule is paid, as a clause: ``prefix`` + ``_settlement`` for a
    settlement, + ``_once`` (one payment) or ``_down`` (a first payment, then
    installments), e.g. ``agr.schedule_settlement_down``."""
    key = prefix + ("_settlement" if a.settlement is not None else "")
    values: list[tuple[str, object]] = [("total", a.total), ("settlement", a.total), ("first", a.first_due),
                                        ("last", a.last_due), ("n", len(a.schedule))]
    if len(a.schedule) == 1:
        key += "_once"
    elif a.down_payment > 0:
        key += "_down"
        values += [("down", a.down_payment), ("n", len(a.schedule) - 1), ("next", a.schedule[1].due)]
    return Clause(key, tuple(dict(values).items()))


def concession_clause(c: Concession, a: Agreement) -> Clause:
    """The words of one concession, as a clause (the agreement's and the hardship letter's)."""
    if c.kind == "rate":
        key = "agr.concession_freeze" if c.rate is not None and c.rate.value == 0 else "agr.concession_rate"
        return Clause(key, (("rate", c.rate), ("date", c.on), ("contract_rate", a.contract_rate)))
    if c.kind == "settlement":
        return Clause("agr.concession_settlement", (("amount", c.amount), ("settlement", a.total)))
    return Clause(f"agr.concession_{c.kind}", (("amount", c.amount),))


def owed_on_default(agreement: Agreement, paid: Decimal) -> Decimal:
    """What falls due at once on default: the acknowledged debt less what was
    paid under the agreement (never below zero).

    >>> from repayplan.agreement.model import Terms as T
    >>> a = Agreement(Parties(), Contract(), T(), "p", "CNY", date(2026, 3, 1), (), Decimal("100.00"), (), (),
    ...               Decimal("90.00"))
    >>> owed_on_default(a, Decimal("30.00"))
    Decimal('70.00')
    """
    return max(agreement.owed - paid, Decimal(0) * agreement.owed)

