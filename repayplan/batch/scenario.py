"""A restructuring applied to every case of a list: the `--scenario` of `repayplan batch`.

The scenario is written like `repayplan compare`'s quick-scenario flags,
items separated by semicolons: ``rate=0%; term=36``, ``waive=penalty,fees;
haircut=20%``, ``payment=800``, ``settle=60%``. Each case is taken as
performing (paid on schedule) up to the restructuring date and goes through
:func:`repayplan.compare.evaluate` one by one: exact, not vectorised.

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
from typing import Any

import numpy as np

from ..errors import CaseFileError, InputError, Problem
from ..inputs import brief
from ..plans import Creditor
from ..rates import percent_text
from ..text import msg
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


def parse_scenario(text: str, on: date | None = None, max_term: int | None = None) -> BatchScenario:
    """``"rate=0%; term=36"`` → a scenario; every problem in one InputError, each naming its key."""
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
        names.append({"waive": "waive {}", "haircut": "haircut {}", "rate": "rate {}", "term": "{} installments",
                      "payment": "pay {}", "settle": "settle for {}"}[key].format(value))
    if problems:
        raise CaseFileError(problems)
    creditor = Creditor(max_term=max_term) if max_term else Creditor()
    return BatchScenario("; ".join(names), tuple(steps), on, creditor)


def scenario_columns(cases: Cases, scenario: BatchScenario, ok: np.ndarray,
                     history: list[Any] | None = None) -> dict[str, np.ndarray]:
    """The scenario's figures for each valid case where ``ok``; a case the
    scenario cannot be applied to gets only ``scenario_problem``. ``history``
    gives each case's (payments, penalty policy) when arrears are known."""
    from ..compare import Debt, plan_metrics
    from ..plans import Creditor
    from ..restructure import apply

    n = len(cases)
    out = {key: np.full(n, "", dtype=object) for key in SCENARIO_COLUMNS}
    out["scenario_payments"] = np.full(n, None, dtype=object)
    today = date.today()
    for i in np.flatnonzero(ok).tolist():
        out["scenario"][i] = scenario.name
        try:
            loan = cases.loans(i)
            on = scenario.on or max(today, loan.start)
            debt = Debt(loan, *history[i]) if history is not None and history[i] is not None else Debt(loan)
            creditor = scenario.creditor or Creditor()
            plan = apply(debt.position(on), scenario.steps, max_months=creditor.max_term, allocation=debt.allocation)
            # as compare does: with nothing agreed, a matured loan's penalty runs as long as the plan
            contract = debt.contract(on, until=plan.payoff_date)
            m = plan_metrics(plan, None, creditor, contract)
        except InputError as exc:
            out["scenario_problem"][i] = " ".join(str(exc).splitlines())
            continue
        money = loan.policy.text
        out["scenario_date"][i] = on.isoformat()
        out["scenario_owed"][i] = money(m.position_total)
        out["scenario_installment"][i] = money(m.first_payment) if m.first_payment is not None else ""
        out["scenario_payments"][i] = m.payments
        out["scenario_total_payment"][i] = money(m.total_payment)
        out["scenario_total_interest"][i] = money(m.total_interest)
        out["scenario_forgiven"][i] = money(m.forgiven)
        out["scenario_saving"][i] = money(m.saving) if m.saving is not None else ""
        out["scenario_annual_cost"][i] = percent_text(m.annual_cost, 2) if m.annual_cost is not None else ""
        out["scenario_payoff_date"][i] = m.payoff_date.isoformat() if m.payoff_date else ""
    return out
