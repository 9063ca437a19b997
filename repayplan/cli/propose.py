"""`repayplan propose`: offers both sides can accept, or what stands in the way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from ..text import msg, say
from .common import emit, format_option, handle_errors, lang_option
from .dates import as_of_option

if TYPE_CHECKING:
    from ..casefile.negotiate import NegotiationCase
    from ..errors import Problem
    from ..negotiate import Proposal


def overrides(flags: dict[str, Any], loan_start: date) -> tuple[dict[str, Any], list[Problem]]:
    """Constraint fields from the flags given; problems name the flag."""
    from ..errors import InputError, Problem, problems_of
    from ..legal import parse_cap
    from ..money import to_decimal
    from ..negotiate import parse_levers
    from ..rates import parse_rate
    from ..restructure import parse_share
    from ..text import msg

    out: dict[str, Any] = {}
    problems: list[Problem] = []

    def read(flag: str, convert: Callable[[str], None]) -> None:
        value = flags.get(flag.replace("-", "_"))
        if value is None:
            return
        try:
            convert(value)
        except InputError as exc:
            problems.extend(p.at(f"--{flag}") for p in problems_of(exc))

    def amount(key: str) -> Callable[[str], None]:
        def convert(value: str) -> None:
            number = to_decimal(value, key)
            if number < 0:
                raise InputError(Problem(path=key, message=msg("err.negative", value=number)))
            out[key] = number
        return convert

    def levers(value: str) -> None:
        out["levers"], out["ignored_levers"] = parse_levers(value)

    read("max-payment", amount("max_payment"))
    read("lump-sum", amount("lump_sum"))
    read("min-concession", amount("min_concession"))
    read("min-recovery", lambda v: out.__setitem__("min_recovery", parse_share(v, "min_recovery")))
    read("discount-rate", lambda v: out.__setitem__("discount_rate", parse_rate(v, "discount_rate").annual))
    read("levers", levers)
    read("cap", lambda v: out.__setitem__("cap", parse_cap(v, loan_start)))
    if flags.get("max_term") is not None:
        out["max_term"] = flags["max_term"]
    if flags.get("recovery_of") is not None:
        out["recovery_base"] = flags["recovery_of"]
    return out, problems


@click.command()
@click.argument("case", type=click.Path(dir_okay=False, path_type=str))
@as_of_option("Restructuring date: the debt's position on it (default: [case] as_of, else today).", "on")
@click.option("--max-payment", default=None, help="Most the borrower can pay a month (default: [borrower] "
              "max_payment, else monthly_income − monthly_expenses).")
@click.option("--lump-sum", default=None, help="Cash the borrower has now, for a settlement (default [borrower] "
              "lump_sum, else 0).")
@click.option("--min-recovery", default=None, help="Least the creditor accepts, in present value: 75% (of what is "
              "owed, or of the principal with --recovery-of principal).")
@click.option("--recovery-of", type=click.Choice(["position", "principal"]), default=None,
              help="What --min-recovery is a share of (default [creditor] min_recovery_of, else position).")
@click.option("--discount-rate", default=None, help="Creditor's cost of funds, for the NPV, e.g. 6%.")
@click.option("--max-term", default=None, type=click.IntRange(1, 1200),
              help="Longest agreement in months (default [creditor] max_term, else 60).")
@click.option("--levers", default=None, help="Concessions the creditor allows, e.g. waive,set-rate,haircut,settle "
              "(default [creditor] levers, else all); the term is always searched.")
@click.option("--cap", default=None, help="Legal cap on the borrower's effective annual cost: 24%, 4xLPR.")
@click.option("--min-concession", default=None, help="Least an offer must save the borrower to count as a "
              "concession, and the least two offers differ by (default: 1% of what is owed, at least 50.00).")
@click.option("--top", default=5, show_default=True, type=click.IntRange(1, 20), help="How many offers to show.")
@click.option("--export", "export", default=None, type=click.Path(dir_okay=False, path_type=str),
              help="Also write the offers as plans in a case-file workbook, FILE.xlsx.")
@click.option("--force", is_flag=True, help="Overwrite the --export file if it exists.")
@format_option()
@lang_option
@handle_errors
def propose(case: str, on: str | None, top: int, export: str | None, force: bool, fmt: str, lang: str,
            **flags: Any) -> None:
    """Find offers the borrower can pay and the creditor accepts.

    CASE is a TOML or JSON case file with [loan], optionally [[payments]] and
    [penalty] (the debt in arrears), [borrower] (monthly_income and
    monthly_expenses, or max_payment; lump_sum) and [creditor]
    (discount_rate, min_recovery, min_recovery_of, max_term, levers, cap).
    Flags override the case. The offers run from the best for the borrower
    that the creditor accepts to the borrower's reservation (what is owed,
    repaid as fast as the budget allows with no concession; no offer costs
    the borrower more), at least --min-concession apart; each can be pasted
    into the case file as a [[scenarios]] entry. When none fits, propose
    says which constraint binds and exactly how far it must move.

    \b
    Examples:
      repayplan propose examples/negotiation.toml
      repayplan propose examples/negotiation.toml --max-payment 900 --levers waive,set-rate
      repayplan propose examples/hardship.toml --top 3 --format json
      repayplan propose examples/negotiation.toml --export offers.xlsx --lang zh
    """
    from dataclasses import replace

    from ..casefile import load_document
    from ..casefile.negotiate import read_negotiation_case
    from ..casefile.scenarios import restructuring_date
    from ..errors import CaseFileError, InputError, problems_of
    from ..negotiate import negotiate
    from ..report.propose import proposal_csv, proposal_json, proposal_table

    if export is not None and not export.lower().endswith(".xlsx"):
        raise click.UsageError(say(msg("usage.end_xlsx", flag="--export", value=repr(export)), lang),
                               click.get_current_context())
    if export is not None:  # a bad target is refused before the search, not after its output
        from ..report.files import check_target, refuse_inputs

        refuse_inputs(export, "--export", [case])
        check_target(export, force)
    data = read_negotiation_case(load_document(case), case)
    day, problems = restructuring_date(data.case, on, case)
    changes, flag_problems = overrides(flags, data.case.debt.loan.contract_date)
    problems += flag_problems
    if problems:
        raise CaseFileError(problems)
    try:
        constraints = replace(data.constraints, **changes)
    except InputError as exc:
        raise CaseFileError([p.at("--" + p.path.replace("_", "-")) for p in problems_of(exc)]) from None
    proposal = negotiate(data.case.debt, day, constraints, top)
    if fmt == "json":
        emit(proposal_json(proposal))
    elif fmt == "csv":
        emit(proposal_csv(proposal, lang))
    else:
        emit(proposal_table(proposal, lang))
    if export is not None:
        _export(data, proposal, export, force, lang, case)


def _export(data: NegotiationCase, proposal: Proposal, target: str, force: bool, lang: str, case: str = "") -> None:
    """The contract as it stands and the offers, side by side as ``compare``
    exports plans: the case-file workbook with the contract schedule, the
    arrears (with a payment history), Terms (from offer 1) and Charts."""
    from ..arrears import statement
    from ..errors import Problem, RepayplanError
    from ..report.excel import export_workbook
    from ..report.excel.case import case_book, comparison_plans, contract_plan
    from ..report.labels import label
    from .export import agreement_of, replace_note

    nothing_owed = proposal.position.total <= 0
    if not proposal.offers and not nothing_owed:
        raise RepayplanError(Problem(path="--export", message=msg("err.export_no_offer", target=target)))
    debt = data.case.debt
    comparison = proposal.comparison(short_names=True)
    plans = comparison_plans(comparison, lang)
    plans.append(replace_note(contract_plan(debt.loan, lang=lang, compared=False), lang))
    if nothing_owed:  # as export writes it: said plainly, the contract schedule for the record
        plans = [p for p in plans if p.kind == "schedule"]
    st = None
    if debt.has_history:
        st = statement(debt.loan, [p for p in debt.payments if p.date <= proposal.on], debt.penalty, proposal.on)
    terms_index = 1 if proposal.contract is not None and not nothing_owed else 0
    agreement = agreement_of(case, comparison, plans[terms_index]) if case else None  # Terms as the agreement
    book = case_book(data.case.info, debt.loan, plans, st, None, lang, terms_index, comparison,
                     agreement=agreement)
    written = export_workbook(book, target, force=force)
    if nothing_owed:
        click.echo(label("wrote.file", lang).format(target=written, what=label("cmp.nothing_owed", lang).format(
            date=proposal.on.isoformat())), err=True)
        return
    click.echo(label("wrote.file", lang).format(target=written, what=label("wrote.offers", lang).format(
        n=len(proposal.offers))), err=True)
