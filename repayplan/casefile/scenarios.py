"""``[[scenarios]]``, ``[borrower]`` and ``[creditor]`` → restructurings to compare.

>>> from repayplan.casefile import Reader, parse_document
>>> doc = parse_document('''
... [[scenarios]]
... name = "Interest freeze, 36 months"
... date = 2026-12-01
... steps = [{op = "waive", what = ["penalty", "fees"]}, {op = "set-rate", rate = "0%"},
...          {op = "term", installments = 36}]
... [[scenarios]]
... name = "Too long"
... steps = [{op = "term", installments = "x"}, {op = "trem"}]
... ''')
>>> reader = Reader()
>>> scenarios = read_scenarios(reader, doc)
>>> [s.describe() for s in scenarios[0].steps]
['waive penalty and fees in full', 'rate 0%/year from the restructuring date', '36 installments (annuity)']
>>> print("\\n".join(map(str, reader.problems)))
scenarios[2] "Too long" step 1 (term): installments must be a whole number, got 'x'
scenarios[2] "Too long" step 2: 'trem' is not a step; did you mean 'term'?
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..errors import InputError, Problem, problems_of
from ..inputs import MAX_NOTE, brief
from ..model import MAX_TERM, LoanHistory, Scenario
from ..plans import MAX_PLAN_MONTHS, Borrower, Creditor
from ..restructure import STEPS, Step, parse_share, read_step
from ..text import msg
from . import schema
from .fields import Reader
from .loan import CaseInfo

SCENARIO_FIELDS = schema.SCENARIO
BORROWER_FIELDS = schema.BORROWER
BORROWER_TEXT_FIELDS = schema.BORROWER_TEXT  # read by casefile.agreement (letters)
CREDITOR_FIELDS = schema.CREDITOR  # cap is read by casefile.negotiate


def read_scenarios(reader: Reader, doc: dict[str, Any]) -> list[Scenario]:
    """Every ``[[scenarios]]`` entry; each problem names the scenario and the step."""
    scenarios: list[Scenario] = []
    names: dict[str, int] = {}
    for i, table in enumerate(reader.tables(doc, "scenarios"), start=1):
        where = f"scenarios[{i}]"
        reader.unknown(table, SCENARIO_FIELDS, where)
        name = reader.text(table, "name", where, required=True)
        if name is not None and not name.strip():
            reader.problem(f"{where}.name", msg("err.scenario_name_empty"))
            name = None
        label = f'{where} "{name}"' if name else where
        if name in names:
            reader.problem(f"{where}.name", msg("err.scenario_name_twice", name=repr(name), other=names[name]))
        elif name:
            names[name] = i
        on = reader.date(table, "date", where)
        reader.text(table, "note", where, limit=MAX_NOTE)
        raw = table.get("steps")
        if raw is None:
            reader.problem(label, msg("err.steps_missing"))
            continue
        if not isinstance(raw, list):
            reader.problem(label, msg("err.steps_not_list", value=brief(raw)))
            continue
        steps: list[Step] = []
        ok = True
        for j, item in enumerate(raw, start=1):
            step, problems = read_step(item)
            op = item.get("op") if isinstance(item, dict) else None
            at = f"{label} step {j}" + (f" ({op})" if isinstance(op, str) and op in STEPS else "")
            reader.problems.extend(field_first(problem).at(at) for problem in problems)
            if step is None:
                ok = False
            else:
                steps.append(step)
        if ok and name:
            scenarios.append(Scenario(name, tuple(steps), on, label))
    return scenarios


def field_first(problem: Problem) -> Problem:
    """A step's problem said from the step's place: the field first ('installments must be ...'), the op's
    own problem as it is.

    >>> print(field_first(Problem(path="installments", message="must be a whole number")))
    installments must be a whole number
    """
    if problem.path in ("", "op"):
        return problem.at("")
    if getattr(problem.message, "key", "") == "err.unknown_field_bare":
        return Problem(path="", message=msg("err.unknown_field_named", name=problem.path), hint=problem.hint)
    return Problem(path="", message=msg("err.field_first", field=problem.path, message=problem.message),
                   hint=problem.hint)


def read_parties(reader: Reader, doc: dict[str, Any], borrower_fields: tuple[str, ...] = (),
                 creditor_fields: tuple[str, ...] = ()) -> tuple[Borrower, Creditor]:
    """``[borrower]`` and ``[creditor]``; ``*_fields`` are further keys other
    features read themselves (so they are not reported as unknown)."""
    table = reader.table(doc, "borrower") or {}
    reader.unknown(table, BORROWER_FIELDS + BORROWER_TEXT_FIELDS + borrower_fields, "borrower")
    borrower = Borrower(*(reader.amount(table, key, "borrower") for key in BORROWER_FIELDS))
    table = reader.table(doc, "creditor") or {}
    reader.unknown(table, CREDITOR_FIELDS + creditor_fields, "creditor")
    rate = reader.rate(table, "discount_rate", "creditor")
    recovery = None
    if "min_recovery" in table:
        try:
            recovery = parse_share(table["min_recovery"], "creditor.min_recovery")
        except InputError as exc:
            reader.add(exc)
    max_term = (reader.integer(table, "max_term", "creditor", minimum=1, maximum=MAX_TERM, default=MAX_PLAN_MONTHS)
                or MAX_PLAN_MONTHS)
    levers = _levers(reader, table.get("levers", []))
    base = reader.choice(table, "min_recovery_of", "creditor", ("position", "principal"), default="position")
    creditor = Creditor(rate.annual if rate is not None else None, recovery, max_term, tuple(levers),
                        base or "position")
    return borrower, creditor


def _levers(reader: Reader, levers: object) -> list[str]:
    """``[creditor] levers``: step names; anything else is a problem naming the item."""
    known = ", ".join(STEPS)
    if not isinstance(levers, list):
        reader.problem("creditor.levers", msg("err.levers_list", known=known, value=brief(levers)))
        return []
    ok = True
    for i, lever in enumerate(levers, start=1):
        if not isinstance(lever, str):
            reader.problem(f"creditor.levers[{i}]", msg("err.lever_not_name", value=brief(lever), known=known))
            ok = False
    names = [lever for lever in levers if isinstance(lever, str)]
    if any(lever not in STEPS for lever in names):
        reader.problem("creditor.levers", msg("err.levers_list", known=known, value=brief(names)))
        ok = False
    return names if ok else []


def restructuring_date(case: CompareCase, given: str | None, source: str = "") -> tuple[date, list[Problem]]:
    """The date a restructuring starts: ``given`` (the --as-of flag), else the
    case's ``as_of``, else today (not before the loan's start); and the
    problems, each naming the flag or the field (``compare`` and ``propose``).

    >>> from repayplan.casefile import parse_document
    >>> case = read_compare_case(parse_document(
    ...     '[case]\\nas_of = 2026-03-01\\n[loan]\\nprincipal = 1000\\nrate = "0%"\\nterm = 2\\nstart = 2026-01-01'))
    >>> restructuring_date(case, None)
    (datetime.date(2026, 3, 1), [])
    >>> [str(p) for p in restructuring_date(case, "2025-12-31", "case.toml")[1]]
    ['--as-of: 2025-12-31 is before the loan start 2026-01-01; give a date on or after it']

    A date before the last payment is refused too: the plan would forget it.
    """
    from .fields import parse_date

    loan = case.debt.loan
    problems: list[Problem] = []
    day = case.info.as_of or max(date.today(), loan.start)
    if given is not None:
        try:
            day = parse_date(given, "--as-of")
        except InputError as exc:
            problems.extend(problems_of(exc))
    where = Problem(path="--as-of", message="") if given is not None else Problem(path="case.as_of", message="",
                                                                                   file=source)
    if day < loan.start:
        problems.append(replace(where, message=msg("err.before_loan_start", day=day, start=loan.start),
                                hint=msg("err.on_or_after")))
    last = max((p.date for p in case.debt.payments), default=None)
    if last is not None and day < last and not problems:
        problems.append(replace(where, message=msg("err.before_last_payment", day=day, last=last)))
    return day, problems


def select_scenarios(scenarios: Sequence[Scenario], names: Sequence[str]) -> tuple[list[Scenario], list[Problem]]:
    """The scenarios named by ``--scenario`` (all when none is named), in the
    case file's order, and a problem for each name the case does not have.

    >>> from repayplan.model import Scenario
    >>> pick, problems = select_scenarios([Scenario("A", ()), Scenario("B", ())], ["B", "C"])
    >>> [s.name for s in pick], [str(p) for p in problems]
    (['B'], ["--scenario: no scenario named 'C'; the case has 'A', 'B'"])
    """
    if not names:
        return list(scenarios), []
    known = [s.name for s in scenarios]
    listed = ", ".join(repr(n) for n in known) or msg("err.none")
    problems = [Problem(path="--scenario", message=msg("err.no_scenario", name=brief(name)),
                        hint=msg("err.the_case_has", listed=listed)) for name in names if name not in known]
    return [s for s in scenarios if s.name in names], problems


@dataclass(frozen=True)
class CompareCase:
    """Everything `compare` reads from a case file."""

    info: CaseInfo
    debt: LoanHistory
    scenarios: tuple[Scenario, ...]
    borrower: Borrower
    creditor: Creditor


def read_compare_case(doc: dict[str, Any], source: str = "") -> CompareCase:
    """The loan, its history ([[payments]], [penalty]), the scenarios and the
    parties of a case; every problem at once (CaseFileError)."""
    from .arrears import read_arrears
    from .loan import read_case_info, read_loan

    reader = Reader(source)
    info = read_case_info(reader, doc)
    loan = read_loan(reader, doc, info)
    has_history = "payments" in doc or "penalty" in doc
    penalty, payments = read_arrears(reader, doc, loan) if has_history else (None, [])
    scenarios = read_scenarios(reader, doc)
    borrower, creditor = read_parties(reader, doc)
    reader.check()
    assert loan is not None
    return CompareCase(info, LoanHistory(loan, tuple(payments), penalty), tuple(scenarios), borrower, creditor)
