"""`repayplan status`: the arrears statement of one loan, as of a date."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import click

from .build import LOAN_FLAGS, loan_from_inputs, loan_options
from .common import case_argument, emit, format_option, handle_errors, lang_option
from .dates import as_of_option
from .flags import FLAGS, at_flags, given_keys

if TYPE_CHECKING:
    from ..arrears import Payment, PenaltyPolicy
    from ..legal import Cap
    from ..model import Loan


@dataclass(frozen=True)
class StatusInputs:
    loan: Loan
    policy: PenaltyPolicy
    payments: list[Payment]
    as_of: date
    claimed: Decimal | None
    cap: Cap | None
    claimed_on: date | None = None  # the day the notice states its figure for (default: as_of)
    notes: tuple[str, ...] = ()  # for the statement's notes


def read_inputs(case: str | None, flags: dict[str, Any]) -> StatusInputs:
    """Everything `status` needs from a case file and flags; every problem at once."""
    from ..arrears import PenaltyPolicy
    from ..casefile import Reader, load_document
    from ..casefile.arrears import read_payment_history, read_payments, read_penalty
    from ..casefile.fields import parse_date
    from ..casefile.loan import read_case_info
    from ..errors import CaseFileError, InputError, Problem, problems_of
    from ..legal import parse_cap
    from ..money import to_decimal
    from ..text import msg

    problems: list[Problem] = []
    loan = None
    try:
        loan, _ = loan_from_inputs(case, {k: flags[k] for k in LOAN_FLAGS})
    except CaseFileError as exc:
        problems += exc.problems
    reader = Reader()
    doc: dict[str, Any] = load_document(case) if case else {}
    info = read_case_info(reader, doc)
    reader.problems.clear()  # [case] problems were reported with the loan

    given = given_keys("penalty", flags)
    table = reader.table(doc, "penalty")
    policy = PenaltyPolicy()
    if table is not None or given:
        policy = read_penalty(reader, {**(table or {}), **given}) or policy
    notes: tuple[str, ...] = ()
    if flags.get("payments_file"):
        try:
            payments = read_payment_history(flags["payments_file"], loan)
            if not payments:
                notes = (f"no payments in {flags['payments_file']} (a header only): nothing counted as paid",)
        except CaseFileError as exc:
            payments, problems = [], problems + list(problems_of(exc))
    else:
        payments = read_payments(reader, doc, loan)
    problems += at_flags(reader.problems, {f"penalty.{key}" for key in given}, case or "")

    def date_flag(key: str, default: date | None) -> tuple[date | None, Problem]:
        """A date the case gives at ``case.key``, or its flag; and where it came from, to name it."""
        flag = FLAGS[f"case.{key}"]
        if not flags.get(key):
            return default, Problem(path=f"case.{key}" if case else key, message="", file=case or "")
        try:
            return parse_date(flags[key], flag), Problem(path=flag, message="")
        except InputError as exc:
            problems.extend(problems_of(exc))
            return default, Problem(path=flag, message="")

    def not_before_start(day: date | None, where: Problem) -> None:
        if loan is not None and day is not None and day < loan.start:
            problems.append(replace(where, message=msg("err.before_loan_start", day=day, start=loan.start),
                                    hint=msg("err.on_or_after")))

    as_of, where = date_flag("as_of", info.as_of or date.today())
    assert as_of is not None
    not_before_start(as_of, where)
    claimed = info.claimed
    if flags.get("claimed") is not None:
        try:
            claimed = to_decimal(flags["claimed"], FLAGS["case.claimed"])
            if claimed < 0:
                problems.append(Problem(path=FLAGS["case.claimed"], message=msg("err.negative", value=claimed)))
        except InputError as exc:
            problems.extend(problems_of(exc))
    claimed_on = info.claimed_on
    if claimed_on is None and flags.get("claimed") is None and claimed is not None:
        claimed_on = info.as_of  # the case's claim is the notice of the case's date, whatever --as-of asks
    claimed_on, where_on = date_flag("claimed_on", claimed_on)
    not_before_start(claimed_on, where_on)
    cap = None
    if flags.get("cap") and loan is not None:
        try:
            cap = parse_cap(flags["cap"], loan.contract_date)
        except InputError as exc:
            problems += [p.at(FLAGS["creditor.cap"]) for p in problems_of(exc)]
    problems = list(dict.fromkeys(problems))
    if problems or loan is None:  # no loan: its problems are among them
        raise CaseFileError(problems)
    return StatusInputs(loan=loan, policy=policy, payments=payments, as_of=as_of, claimed=claimed, cap=cap, notes=notes,
                        claimed_on=claimed_on)


@click.command()
@case_argument
@as_of_option("Statement date (default: [case] as_of, else today).")
@click.option("--payments", "payments_file", default=None, type=click.Path(dir_okay=False, path_type=str),
              help="Payment history: CSV, or .xlsx as banks and payment apps export it (the first sheet), with "
                   "columns date,amount (日期/还款日期, 金额/还款金额); replaces the case file's [[payments]].")
@click.option("--claimed", default=None, help="The creditor's stated total, to audit (default: [case] claimed).")
@click.option("--claimed-on", "claimed_on", default=None,
              help="The day the notice states its figure for, YYYY-MM-DD (default: [case] claimed_on, else "
                   "[case] as_of for the case's claim, the statement date for --claimed); the claim is "
                   "audited on that day.")
@click.option("--audit-seconds", "audit_seconds", default=0.35, show_default=True, type=click.FloatRange(0.05, 600),
              help="Time budget of the claim audit; it says when it was cut short.")
@click.option("--cap", default=None, help="Cost-of-credit cap: 24%, 4xLPR (4 × the one-year LPR on the start "
                                          "date) or any rate.")
@click.option("--penalty-rate", default=None, help="Penalty interest: 0.05%/day, 18%/year or contract+50%.")
@click.option("--penalty-base", default=None, help="overdue-principal, overdue-installment or outstanding.")
@click.option("--grace-days", default=None, help="Days after a due date within which paying costs nothing extra.")
@click.option("--allocation", default=None, help="civil-code, fees-penalty-interest-principal or principal-first.")
@loan_options
@format_option()
@lang_option
@handle_errors
def status(case: str | None, fmt: str, lang: str, **flags: Any) -> None:
    """Rebuild a debt in arrears from its contract and the payments made.

    CASE is a TOML or JSON case file with [loan], [penalty] and [[payments]].
    Every penalty and fee is shown with its calculation; --claimed audits a
    collection notice's total and --cap checks the cost of credit.

    \b
    Examples:
      repayplan status examples/huabei-arrears.toml
      repayplan status examples/card-full-balance.toml --as-of 2025-08-01 --cap 24%
      repayplan status case.toml --payments paid.csv --claimed 13250.00 --format json
      repayplan status case.toml --claimed 13250.00 --claimed-on 2025-08-05
    """
    from ..arrears import statement
    from ..arrears.audit import Claim, audit
    from ..legal import check_cap
    from ..report.statement import statement_csv, statement_json, statement_table

    inputs = read_inputs(case, flags)
    st = statement(inputs.loan, inputs.payments, inputs.policy, inputs.as_of)
    if inputs.notes:
        st = replace(st, notes=inputs.notes + st.notes)
    audit_ = None
    if inputs.claimed is not None:
        claim = Claim(inputs.claimed, inputs.claimed_on or inputs.as_of)
        audit_ = audit(inputs.loan, inputs.payments, inputs.policy, claim, cap=inputs.cap,
                       budget=flags["audit_seconds"])
    cap = check_cap(st, inputs.cap) if inputs.cap is not None else None
    if fmt == "json":
        emit(statement_json(st, audit_, cap))
    elif fmt == "csv":
        emit(statement_csv(st, lang))
    else:
        emit(statement_table(st, audit_, cap, lang))
