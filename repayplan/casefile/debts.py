"""``[[debts]]``, ``[budget]`` and ``[borrower]`` → the debts and budget of a plan.

Each ``[[debts]]`` entry has a ``name`` and a ``kind``:

* ``installment``: the ``[loan]`` keys (principal, rate, term, method,
  start, ...), ``prepay = "shorten"`` (default) or ``"reduce-payment"``, and
  optionally ``[debts.penalty]`` (the ``[penalty]`` keys of ``status``) and
  ``payments = [{date = ..., amount = ...}]`` (its history: the debt then
  starts from its arrears statement on the plan's start date);
* ``revolving``: ``balance``, ``rate``, ``min_percent`` (``"10%"``, or a
  number of percent), ``min_floor``, ``min_plus_interest``, ``interest_on``
  (``"unpaid"`` or ``"full"``), ``monthly_fee``, ``overdue`` (the part of the
  balance already past due), ``day_count``, ``[debts.penalty]``.

``[budget]``: ``monthly`` (else ``[borrower]`` ``monthly_income`` −
``monthly_expenses``), ``lump_sum`` (else ``[borrower] lump_sum``),
``reserve``, ``start`` (else ``[case] as_of``, else today), ``order`` (the
custom strategy) and ``strategies`` (default: optimal, avalanche, snowball,
minimum, and custom when an order is given).

>>> from repayplan.casefile import parse_document
>>> doc = parse_document('''
... [budget]
... monthly = 500
... start = 2025-01-01
... [[debts]]
... name = "card"
... kind = "revolving"
... balance = 1000
... rate = "1%/month"
... min_percent = "0%"
... min_floor = 100
... ''')
>>> case = read_plan_case(Reader(), doc)
>>> case.debts[0].min_floor, case.budget.monthly, [s.name for s in case.strategies]
(Decimal('100'), Decimal('500'), ['optimal', 'avalanche', 'snowball', 'minimum'])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .. import calendar
from ..errors import InputError, problem, problems_of
from ..inputs import QUOTE, brief, text_problem
from ..money import MINOR_UNITS, ROUNDING_MODES, WORKING, MoneyPolicy
from ..text import msg
from . import schema
from .fields import Reader
from .loan import CaseInfo, read_case_info, read_loan_table

KINDS = ("installment", "revolving")
INSTALLMENT_EXTRA = schema.DEBT + schema.INSTALLMENT_DEBT
REVOLVING_FIELDS = schema.DEBT + schema.REVOLVING_DEBT
BUDGET_FIELDS = schema.BUDGET


@dataclass(frozen=True)
class PlanCase:
    """What ``repayplan plan`` reads from a case file."""

    info: CaseInfo
    debts: tuple[Any, ...]
    budget: Any
    strategies: tuple[Any, ...]


def read_plan_case(reader: Reader, doc: dict[str, Any], strategies: Sequence[str] = (),
                   today: date | None = None, strategies_where: str = "budget.strategies") -> PlanCase | None:
    """The debts, budget and strategies of a case; every problem goes to the
    reader (the core's checks too: a minimum rule that never repays, a custom
    order naming no debt). ``strategies`` (from flags) replace
    ``[budget] strategies``; ``strategies_where`` names them in problems."""
    from ..budget import Budget, strategy
    from ..budget.simulate import plan_problems

    info = read_case_info(reader, doc)
    debts = read_debts(reader, doc, info.currency)
    table = reader.table(doc, "budget") or {}
    reader.unknown(table, BUDGET_FIELDS, "budget")
    budget_values = _budget_values(reader, doc, table, info, today)
    order = _names(reader, table, "order", "budget")
    names = list(strategies) or _names(reader, table, "strategies", "budget")
    if not strategies and "strategies" in table:
        strategies_where = "budget.strategies"
    if not names:
        names = ["optimal", "avalanche", "snowball", "minimum"] + (["custom"] if order else [])
    chosen = []
    for name in dict.fromkeys(names):
        try:
            chosen.append(strategy(name, order))
        except InputError as exc:
            reader.problems.extend(p.at(strategies_where) for p in problems_of(exc))
    budget = None
    if budget_values is not None:
        try:
            budget = Budget(**budget_values)
        except InputError as exc:
            reader.add(exc)
    if reader.problems or budget is None:
        return None
    reader.problems.extend(problem(p) for p in plan_problems(debts, budget.start, chosen, info.currency))
    if reader.problems:
        return None
    return PlanCase(info, tuple(debts), budget, tuple(chosen))


def read_debts(reader: Reader, doc: dict[str, Any], currency: str) -> list[Any]:
    """Every ``[[debts]]`` entry, each named by its name in problems (``debts[card].rate``)."""
    entries = reader.tables(doc, "debts")
    if "debts" not in doc:
        reader.problem("debts", msg("err.missing_value"), msg("err.debts_hint"))
    debts = []
    taken: dict[str, int] = {}
    for i, table in enumerate(entries, start=1):
        name = table.get("name")
        where = f"debts[{i}]"
        named = False
        if name is None:
            reader.problem(f"{where}.name", msg("err.debt_name_missing"))
        elif not isinstance(name, str):
            reader.problem(f"{where}.name", msg("err.debt_name_not_text", value=_shown(name)))
        elif not name.strip():
            reader.problem(f"{where}.name", msg("err.debt_name_empty"))
        elif found := text_problem(name, f"{where}.name"):
            reader.problems.append(found)
        elif name in taken:
            reader.problem(f"{where}.name", msg("err.debt_name_twice", name=repr(name), other=taken[name]))
        else:
            taken[name] = i
            where = f"debts[{name}]"
            named = True
        kind = reader.choice(table, "kind", where, KINDS, required=True)
        before = len(reader.problems)
        # a debt without a usable name is still checked, under its place (its name's problem is said once)
        label = str(name) if named or isinstance(name, str) and name.strip() else where
        if kind == "installment":
            debt = _installment(reader, table, where, currency, label)
        elif kind == "revolving":
            debt = _revolving(reader, table, where, currency, label)
        else:
            continue
        if debt is not None and named and len(reader.problems) == before:
            debts.append(debt)
    return debts


def _installment(reader: Reader, table: dict[str, Any], where: str, currency: str, name: str) -> Any:
    from ..budget import InstallmentDebt

    loan = read_loan_table(reader, table, where, currency, extra_fields=INSTALLMENT_EXTRA)
    prepay = reader.choice(table, "prepay", where, ("shorten", "reduce-payment"), default="shorten")
    penalty = _penalty(reader, table, where)
    payments = None
    if "payments" in table:
        from .arrears import read_payments

        sub = Reader()
        payments = tuple(read_payments(sub, table, loan))
        reader.problems.extend(p.at(f"{where}.{p.path}") for p in sub.problems)
    if loan is None or prepay is None:
        return None
    return _build(reader, where, InstallmentDebt, name=name, loan=loan, prepay=prepay, penalty=penalty,
                  payments=payments)


def _revolving(reader: Reader, table: dict[str, Any], where: str, currency: str, name: str) -> Any:
    from ..budget import RevolvingDebt

    reader.unknown(table, REVOLVING_FIELDS, where)
    values = {
        "balance": reader.amount(table, "balance", where, required=True, positive=True),
        "rate": reader.rate(table, "rate", where, required=True),
        "min_percent": _percent(reader, table, "min_percent", where, Decimal("0.10")),
        "min_floor": reader.amount(table, "min_floor", where, default=Decimal(0)),
        "min_plus_interest": reader.boolean(table, "min_plus_interest", where),
        "interest_on": reader.choice(table, "interest_on", where, ("unpaid", "full"), default="unpaid"),
        "monthly_fee": reader.amount(table, "monthly_fee", where, default=Decimal(0)),
        "overdue": reader.amount(table, "overdue", where, default=Decimal(0)),
        "day_count": reader.choice(table, "day_count", where, calendar.DAY_COUNTS, default="act/365"),
        "currency": reader.choice(table, "currency", where, MINOR_UNITS, default=currency),
        "rounding": reader.choice(table, "rounding", where, ROUNDING_MODES, default="half-up"),
    }
    penalty = _penalty(reader, table, where)
    if any(v is None for v in values.values()):
        return None
    return _build(reader, where, RevolvingDebt, name=name, penalty=penalty, **values)


def _penalty(reader: Reader, table: dict[str, Any], where: str) -> Any:
    """[debts.penalty]: the [penalty] keys of `status` (the arrears rules); None when absent."""
    if "penalty" not in table:
        return None
    from .arrears import read_penalty

    return read_penalty(reader, reader.table(table, "penalty", where), f"{where}.penalty")


def _build(reader: Reader, where: str, cls: Any, **values: Any) -> Any:
    try:
        return cls(**values)
    except InputError as exc:  # a cross-field problem (overdue above the balance, a weekly loan ...)
        reader.add(exc, where)
        return None


def _percent(reader: Reader, table: dict[str, Any], key: str, where: str, default: Decimal) -> Decimal | None:
    """'10%' or a number of percent (10 means 10%), as a fraction 0.10."""
    value = table.get(key)
    if value is None:
        return default
    path = f"{where}.{key}"
    text = value.strip().removesuffix("%").strip() if isinstance(value, str) else value
    try:
        number = Decimal(text) if isinstance(text, str | int | Decimal) and not isinstance(text, bool) \
            and len(str(text)) <= 40 else None
    except ArithmeticError:
        number = None
    if number is None or not number.is_finite() or not 0 <= number <= 100:
        reader.problem(path, msg("err.not_percentage_100", value=brief(value)))
        return None
    return WORKING.multiply(number, Decimal("0.01"))


def _names(reader: Reader, table: dict[str, Any], key: str, where: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        reader.problem(f"{where}.{key}", msg("err.not_names", value=repr(value)))
        return []
    return list(value)


def _budget_values(reader: Reader, doc: dict[str, Any], table: dict[str, Any], info: CaseInfo,
                   today: date | None) -> dict[str, Any] | None:
    """monthly, lump_sum, reserve, start, and income and expenses when the monthly figure comes from them."""
    borrower = reader.table(doc, "borrower") or {}
    before = len(reader.problems)
    income = expenses = None
    monthly = reader.amount(table, "monthly", "budget")
    if "monthly" not in table:
        if "monthly_income" in borrower:
            income = reader.amount(borrower, "monthly_income", "borrower")
            expenses = reader.amount(borrower, "monthly_expenses", "borrower", default=Decimal(0))
            if income is not None and expenses is not None:
                monthly = max(income - expenses, Decimal(0))
        else:
            reader.problem("budget.monthly", msg("err.missing_value"), msg("err.hint_monthly"))
    lump_sum = reader.amount(table, "lump_sum", "budget")
    if "lump_sum" not in table:
        lump_sum = reader.amount(borrower, "lump_sum", "borrower", default=Decimal(0))
    reserve = reader.amount(table, "reserve", "budget", default=Decimal(0))
    start = reader.date(table, "start", "budget", default=info.as_of or today or date.today())
    policy = MoneyPolicy(info.currency)
    for key, value in (("monthly", monthly), ("lump_sum", lump_sum), ("reserve", reserve)):
        finer = policy.finer_than_unit(value, f"budget.{key}") if value is not None and key in table else None
        if finer:  # rounding 4500.123 would plan with money the borrower did not give
            reader.problems.append(finer)
    if len(reader.problems) > before:
        return None
    return {"monthly": monthly, "lump_sum": lump_sum, "reserve": reserve, "start": start, "income": income,
            "expenses": expenses}


def _shown(value: object) -> str:
    """A value as an error shows it: a number as its digits (Decimal('1E+9') as 1E+9 in Chinese), else its repr."""
    if isinstance(value, Decimal) and len(repr(value)) <= QUOTE:
        return msg("err.shown_decimal", number=str(value))
    return repr(value)
