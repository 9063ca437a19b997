"""Everything a letter states, gathered from the case by the same functions
as ``status`` (the arrears statement), ``compare`` (a scenario's plan) and
``propose`` (an offer's plan): no figure is computed here.

What a letter needs and the case lacks is one :class:`MissingInput` line
naming it (exit 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ...errors import CaseFileError, InputError

#: letter kind -> what it needs beyond the loan
KINDS = ("hardship", "dispute", "agreement")


class MissingInput(InputError):
    """The case lacks what this letter needs (exit 2, one line)."""


@dataclass(frozen=True)
class LetterCase:
    """The case's parties and terms, the statement on ``as_of``, and the plan (when one was picked)."""

    source: str
    info: Any            # casefile.loan.CaseInfo
    loan: Any            # model.Loan
    product: str         # "loan" or "credit-card"
    statement: Any       # arrears.Statement on as_of (the figures of `status`)
    parts: Any           # casefile.agreement.AgreementCase: parties, contract, terms, hardship
    borrower: Any        # plans.Borrower: income, expenses, lump sum, max payment
    plan: Any = None     # plans.Plan from `compare` (--scenario) or `propose` (--offer), else None
    claimed: Decimal | None = None
    cap: Any = None      # legal.Cap, from --cap or [creditor] cap
    claimed_on: date | None = None  # the notice's day: [case] claimed_on, else [case] as_of; --claimed: as_of

    @property
    def as_of(self) -> date:
        return self.statement.as_of  # type: ignore[no-any-return]


def load_letter_case(path: str, *, scenario: str | None = None, offer: int | None = None,
                     as_of: str | None = None, claimed: str | None = None, cap: str | None = None) -> LetterCase:
    """Read the case, rebuild the statement on the date, build the plan asked for."""
    from ...arrears import PenaltyPolicy, statement
    from ...casefile import Reader, load_document
    from ...casefile.agreement import read_agreement_case
    from ...casefile.fields import parse_date
    from ...casefile.scenarios import read_compare_case
    from ...legal import parse_cap
    from ...money import to_decimal

    doc = load_document(path)
    case = read_compare_case(doc, path)
    parts = read_agreement_case(doc, path)
    reader = Reader(path)
    loan_table = doc.get("loan") if isinstance(doc.get("loan"), dict) else {}
    product = reader.choice(loan_table or {}, "product", "loan", PRODUCTS, default="loan") or "loan"
    reader.check()
    problems: list[str] = []
    day = case.info.as_of or date.today()
    if as_of is not None:
        try:
            day = parse_date(as_of, "--as-of")
        except InputError as exc:
            problems.append(str(exc))
    loan = case.debt.loan
    if day < loan.start:
        where = "--as-of" if as_of is not None else f"{path}: case.as_of"
        problems.append(f"{where}: {day} is before the loan start {loan.start}; give a date on or after it")
    amount = case.info.claimed
    claimed_on = case.info.claimed_on or case.info.as_of
    if claimed is not None:
        claimed_on = None  # a total given on the command line is the one owed on the letter's date
        try:
            amount = to_decimal(claimed, "--claimed")
        except InputError as exc:
            problems.append(str(exc))
    cap_rule = None
    cap_text = cap if cap is not None else _case_cap(doc)
    if cap_text is not None:
        try:
            cap_rule = parse_cap(cap_text, parts.contract.signed or loan.start)  # the LPR of the contract's date
        except InputError as exc:
            problems.append(("--" if cap is not None else f"{path}: creditor.") + str(exc))
    last = max((p.date for p in case.debt.payments), default=None)
    if (scenario is not None or offer is not None) and last is not None and day < last and not problems:
        where = "--as-of" if as_of is not None else f"{path}: case.as_of"
        problems.append(f"{where}: {day} is before the last payment on {last}; a plan starts from what is owed "
                        f"after every payment, so give {last} or later")
    if problems:
        raise CaseFileError(problems)
    history = [p for p in case.debt.payments if p.date <= day]
    st = statement(loan, history, case.debt.penalty or PenaltyPolicy(), day)
    plan = None
    if scenario is not None:
        plan = _scenario_plan(case, scenario, day, path)
    elif offer is not None:
        plan = _offer_plan(doc, path, offer, day)
    return LetterCase(path, case.info, loan, product, st, parts, case.borrower, plan, amount, cap_rule,
                      claimed_on=claimed_on or day)


#: ``[loan] product``: a credit card's hardship letter cites the issuer's personalised-installment rule
PRODUCTS = ("loan", "credit-card")


def require(case: LetterCase, kind: str) -> None:
    """One line naming what the letter needs and the case lacks (MissingInput)."""
    if kind in ("hardship", "agreement") and case.plan is None:
        what = "an agreement" if kind == "agreement" else f"a {kind} letter"
        raise MissingInput(f"{case.source}: {what} needs a plan: give --scenario NAME (one of the case's "
                           "[[scenarios]]) or --offer N (an offer of `repayplan propose`)")
    if kind == "dispute" and case.claimed is None:
        raise MissingInput(f"{case.source}: a dispute letter needs the creditor's claimed total: add [case] claimed "
                           "= \"...\" or give --claimed AMOUNT")
    if kind == "dispute" and case.claimed_on not in (None, case.as_of):
        raise MissingInput(f"{case.source}: the claimed total is the notice's figure for {case.claimed_on}, the letter "
                           f"is as of {case.as_of}: give --as-of {case.claimed_on}, or --claimed with the creditor's "
                           f"figure for {case.as_of}")
    if kind == "agreement" and case.plan is not None and not case.plan.payments:
        raise MissingInput(f"{case.source}: the plan {case.plan.name!r} has no payment to agree on; pick another")


def _case_cap(doc: dict[str, Any]) -> str | None:
    creditor = doc.get("creditor")
    value = creditor.get("cap") if isinstance(creditor, dict) else None
    return value if isinstance(value, str) else None


def _scenario_plan(case: Any, name: str, day: date, path: str) -> Any:
    from ...casefile.scenarios import select_scenarios
    from ...compare import compare

    chosen, problems = select_scenarios(case.scenarios, [name])
    if problems:
        raise CaseFileError(problems)
    try:
        result = compare(case.debt, chosen, day, case.borrower, case.creditor)
    except CaseFileError as exc:
        raise CaseFileError([f"{path}: {p}" for p in exc.problems]) from None
    return result.plans[1]


def _offer_plan(doc: dict[str, Any], path: str, number: int, day: date) -> Any:
    from ...casefile.negotiate import read_negotiation_case
    from ...negotiate import negotiate

    data = read_negotiation_case(doc, path)
    proposal = negotiate(data.case.debt, day, data.constraints, max(5, number))
    if number > len(proposal.offers):
        found = len(proposal.offers)
        raise MissingInput(f"--offer: {number} is not an offer; `repayplan propose` finds {found} for this case"
                           + (" (none fits both sides)" if not found else f", give 1 to {found}"))
    return proposal.offers[number - 1].plan
