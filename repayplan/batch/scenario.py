"""A restructuring applied to every case of a list: the `--scenario` of `repayplan batch`.

The scenario is written like `repayplan compare`'s quick-scenario flags,
items separated by semicolons: ``rate=0%; term=36``, ``waive=penalty,fees;
haircut=20%``, ``payment=800``, ``settle=60%``. Each case is taken as
performing (paid on schedule) up to the restructuring date. The common
steps (waive, haircut, set-rate, term, settle by a percentage) on monthly
contracts without a payment history are computed over all the cases of a
chunk at once (:mod:`.scenario_vec`, integer minor units, the same figures
as text); every other case goes through :func:`repayplan.restructure.apply`
one by one, the exact path and the reference (``vectorised=False`` sends
every case that way); the figures are :func:`repayplan.compare.plan_metrics`'s,
read from the plan (:func:`plan_figures`), the saving against the schedule
kept.

>>> s = parse_scenario("rate=0%; term=24")
>>> s.name, [step.op for step in s.steps]
('rate 0%; 24 installments', ['set-rate', 'term'])
>>> parse_scenario("term=abc")
Traceback (most recent call last):
...
repayplan.errors.CaseFileError: --scenario: term: must be a whole number, got 'abc'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np

from ..errors import CaseFileError, InputError, Problem
from ..inputs import brief
from ..money import ZERO
from ..plans import Creditor, Plan
from ..rates import percent_text
from ..text import joined, msg, say
from .cases import Cases

#: Quick-scenario keys, in the order their steps apply (a settlement ends a plan).
KEYS = ("waive", "haircut", "rate", "term", "payment", "settle")
SCENARIO_COLUMNS = ("scenario", "scenario_date", "scenario_owed", "scenario_installment", "scenario_payments",
                    "scenario_total_payment", "scenario_total_interest", "scenario_forgiven", "scenario_saving",
                    "scenario_annual_cost", "scenario_payoff_date", "scenario_problem")
SCENARIO_AMOUNTS = ("scenario_owed", "scenario_installment", "scenario_total_payment", "scenario_total_interest",
                    "scenario_forgiven", "scenario_saving")


@dataclass(frozen=True)
class BatchScenario:
    """Steps applied to every case on ``on`` (None: each case's own max(today, start))."""

    name: str
    steps: tuple[Any, ...]
    on: date | None = None
    creditor: Creditor = field(default_factory=Creditor)


def parse_scenario(text: str, on: date | None = None, max_term: int | None = None, lang: str = "en") -> BatchScenario:
    """``"rate=0%; term=36"`` → a scenario, named in ``lang`` (its ``scenario`` column); every problem in one
    InputError, each naming its key.

    >>> parse_scenario("rate=0%; term=24", lang="zh").name
    '利率0%；分24期'
    """
    from ..restructure import read_step

    items: dict[str, str] = {}
    problems = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        key, sep, value = (s.strip() for s in part.partition("="))
        key = key.lower()
        if not sep or key not in KEYS or not value:
            problems.append(Problem(path="--scenario", hint=msg("err.scenario_like"),
                                    message=msg("err.scenario_not_kv", value=brief(part), keys=", ".join(KEYS))))
        elif key in items:
            problems.append(Problem(path="--scenario", message=msg("err.given_twice", name=key)))
        else:
            items[key] = value
    if not items and not problems:
        problems.append(Problem(path="--scenario", message=msg("err.empty"), hint=msg("err.scenario_like")))
    steps, names = [], []
    for key in KEYS:
        if key not in items:
            continue
        value = items[key]
        table: dict[str, Any] = {
            "waive": lambda v: {"op": "waive", "what": [w.strip() for w in v.split(",") if w.strip()]},
            "haircut": lambda v: {"op": "haircut", ("percent" if v.endswith("%") else "amount"): v},
            "settle": lambda v: {"op": "settle", ("percent" if v.endswith("%") else "amount"): v},
            "rate": lambda v: {"op": "set-rate", "rate": v},
            "term": lambda v: {"op": "term", "installments": int(v) if v.isdigit() else v},
            "payment": lambda v: {"op": "payment", "amount": v},
        }[key](value)
        step, errors = read_step(table)
        problems += [Problem(path="--scenario", message=msg("err.at", where=key, message=e.message), hint=e.hint)
                     for e in errors]
        steps.append(step)
        # what is waived in the user's words (penalty,fees: 罚息、费用)
        shown = joined([msg(f"what.{w}") for w in table["what"]], "sep.waived") if key == "waive" and not errors \
            else value
        names.append(msg(f"batch.scenario_{key}", value=shown))
    if problems:
        raise CaseFileError(problems)
    creditor = Creditor(max_term=max_term) if max_term else Creditor()
    return BatchScenario(say(joined(names), lang), tuple(steps), on, creditor)


def scenario_columns(cases: Cases, scenario: BatchScenario, ok: np.ndarray,
                     history: list[Any] | None = None, vectorised: bool = True,
                     exact: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The scenario's figures for each valid case where ``ok``; a case the
    scenario cannot be applied to gets only ``scenario_problem``. ``history``
    gives each case's :class:`~repayplan.batch.arrears.Known` (payments, penalty terms, statement) when
    arrears are known. ``vectorised``: the cases :mod:`.scenario_vec` covers are computed all at once
    (else every case goes the exact way, one by one); ``exact``, when given, is set True at the cases
    that went the exact way."""
    from ..model import LoanHistory
    from ..restructure import apply
    from ..restructure.contract import contract_cash

    n = len(cases)
    out = {key: np.full(n, "", dtype=object) for key in SCENARIO_COLUMNS}
    out["scenario_payments"] = np.full(n, None, dtype=object)
    today = date.today()
    creditor = scenario.creditor or Creditor()
    if vectorised:
        from .scenario_vec import vector_columns

        plain = ok if history is None else ok & np.array([known is None for known in history], dtype=bool)
        try:
            ok = ok & ~vector_columns(cases, scenario, plain, out, today)
        except (ArithmeticError, IndexError, ValueError):  # pragma: no cover - the exact path is the reference
            for key in SCENARIO_COLUMNS:  # nothing half-filled: every case the exact way
                out[key][:] = None if key == "scenario_payments" else ""
    if exact is not None:
        exact[ok] = True
    for i in np.flatnonzero(ok).tolist():
        out["scenario"][i] = scenario.name
        try:
            loan = cases.loans(i)
            on = scenario.on or max(today, loan.start)
            known = history[i] if history is not None else None
            debt = LoanHistory(loan, known.payments, known.penalty) if known is not None else LoanHistory(loan)
            # the arrears statement's own position when it is of this date (the same replay, done once)
            owed = known.position if known is not None and known.on == on and debt.has_history else \
                debt.position(on)
            plan = apply(owed, scenario.steps, max_months=creditor.max_term, allocation=debt.allocation)
            # as compare does: with nothing agreed, a matured loan's penalty runs as long as the plan; the
            # contract's total payment figures-only, from the position on the date (contract_plan's, to the cent)
            contract = (contract_cash(loan, debt.payments, debt.penalty, on, until=plan.payoff_date, position=owed)
                        if debt.has_history else kept_schedule_cash(loan, on))
        except InputError as exc:
            out["scenario_problem"][i] = " ".join(str(exc).splitlines())
            continue
        for key, value in plan_figures(plan, contract).items():
            out[key][i] = value
    return out


def kept_schedule_cash(loan: Any, on: date) -> Decimal:
    """What the contract as it stands costs from ``on`` for a loan without a payment history: its
    remaining installments (:func:`repayplan.restructure.contract.contract_plan` keeps the schedule)."""
    from ..restructure.position import remaining_payments

    return remaining_payments(loan, on)


def plan_figures(plan: Plan, contract_cash: Decimal) -> dict[str, Any]:
    """The ``scenario_*`` figures of a plan (as :func:`repayplan.compare.plan_metrics` computes them), the
    saving against the contract's ``contract_cash``; amounts as text in the plan's currency."""
    from ..compare import annual_cost

    policy = plan.policy
    money = policy.text
    zero = policy.round(ZERO)
    payments = plan.payments
    total_payment = plan.total_payment
    cost = annual_cost(plan, [(r.due_date, r.payment) for r in payments])
    return {
        "scenario_date": plan.on.isoformat(),
        "scenario_owed": money(plan.position.total + zero),
        "scenario_installment": money(payments[0].payment) if payments else "",
        "scenario_payments": len(payments),
        "scenario_total_payment": money(total_payment + zero),
        "scenario_total_interest": money(sum((r.interest for r in plan.rows), ZERO) + zero),
        "scenario_forgiven": money(plan.forgiven.total + zero),
        "scenario_saving": money(contract_cash - total_payment + zero),
        "scenario_annual_cost": percent_text(cost, 2) if cost is not None else "",
        "scenario_payoff_date": plan.payoff_date.isoformat() if plan.payoff_date else "",
    }
