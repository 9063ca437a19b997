"""Every table and key a case file may hold, in one place.

A case file is checked against this table as it is parsed (by every
command, whatever part of the case it reads), so a misspelt table or key is
an error with the nearest known name, never silently ignored: ``[penalti]``
would otherwise leave a status without its penalty terms, with exit 0.

Adding a key is one line: put its name in the tuple of its table below (and
read it in the table's reader). Adding a table is one line in
:data:`TABLES`: ``"parties": Table(PARTIES)``, ``Table(KEYS, array=True)``
for an array of tables (``[[payments]]``), ``nested={"account":
Table(ACCOUNT)}`` for a sub-table.

>>> for line in schema_problems({"penalti": {}, "loan": {"principl": 1}, "payments": [{"date": 1, "amont": 2}]}):
...     print(line)
penalti: unknown table; did you mean 'penalty'?
loan.principl: unknown field; did you mean 'principal'?
payments[1].amont: unknown field; did you mean 'amount'?
>>> schema_problems({"currency": "USD"})
['currency: unknown table; a key of [case] or [loan] goes under its table, e.g. [case] currency = ...']
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..inputs import brief
from ..text import joined, msg

CASE = ("id", "title", "currency", "as_of", "borrower", "creditor", "claimed", "claimed_on", "notes")
LOAN = ("principal", "rate", "term", "method", "frequency", "start", "first_due", "interest_basis", "day_count",
        "rounding", "currency", "installment_fee", "upfront_fee",
        "contract_no", "signed", "product")  # the last three: the original contract, for agreements and letters
PENALTY = ("rate", "base", "compound", "count_payment_day", "grace_days", "grace_mode", "late_fee", "late_fee_rate",
           "late_fee_min", "late_fee_max", "allocation", "allocation_scope")
PAYMENT = ("date", "amount", "note")
SCENARIO = ("name", "date", "steps", "note")
BORROWER = ("monthly_income", "monthly_expenses", "lump_sum", "max_payment")  # amounts
BORROWER_TEXT = ("hardship",)  # a text, or a [borrower.hardship] table (casefile.agreement)
HARDSHIP = ("text", "since", "evidence")
CREDITOR = ("discount_rate", "min_recovery", "max_term", "levers", "min_recovery_of", "cap")
#: A [[debts]] entry: its name and kind, the [loan] keys (kind = "installment") or a card's (kind = "revolving").
DEBT = ("name", "kind")
INSTALLMENT_DEBT = ("prepay", "penalty", "payments")  # and the LOAN keys
REVOLVING_DEBT = ("balance", "rate", "min_percent", "min_floor", "min_plus_interest", "interest_on", "monthly_fee",
                  "overdue", "penalty", "day_count", "currency", "rounding")
BUDGET = ("monthly", "lump_sum", "reserve", "start", "order", "strategies")
#: [parties.ROLE] (letters): one table per role, each with the party's particulars.
ROLES = ("creditor", "borrower", "mediator")
PARTY = ("name", "id", "address", "contact", "representative")
#: [agreement] (letters), with its sub-tables account and default_after.
AGREEMENT = ("default_after", "method", "account", "disputes", "forum", "effective", "copies", "place", "date",
             "judicial_confirmation")
ACCOUNT = ("holder", "bank", "number")
DEFAULT_AFTER = ("installments", "days")


@dataclass(frozen=True)
class Table:
    """The keys of one table; ``array`` for ``[[name]]``; ``nested``: key → the
    table its value is checked against when it is a table (``[debts.penalty]``)."""

    keys: tuple[str, ...]
    array: bool = False
    nested: Mapping[str, Table] = field(default_factory=dict)


#: Top-level tables of a case file. One line a table.
TABLES: dict[str, Table] = {
    "case": Table(CASE),
    "loan": Table(LOAN),
    "penalty": Table(PENALTY),
    "payments": Table(PAYMENT, array=True),
    "scenarios": Table(SCENARIO, array=True),
    "borrower": Table(BORROWER + BORROWER_TEXT, nested={"hardship": Table(HARDSHIP)}),
    "creditor": Table(CREDITOR),
    "debts": Table(tuple(dict.fromkeys(DEBT + LOAN + INSTALLMENT_DEBT + REVOLVING_DEBT)), array=True,
                   nested={"penalty": Table(PENALTY), "payments": Table(PAYMENT, array=True)}),
    "budget": Table(BUDGET),
    "parties": Table(ROLES, nested={role: Table(PARTY) for role in ROLES}),
    "agreement": Table(AGREEMENT, nested={"account": Table(ACCOUNT), "default_after": Table(DEFAULT_AFTER)}),
}


def schema_problems(doc: Mapping[str, Any]) -> list[str]:
    """Every table or key of ``doc`` the schema does not know, as lines."""
    return [f"{path}: {message}" for path, message in unknown_keys(doc)]


def unknown_keys(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every table or key of ``doc`` the schema does not know, each with the
    nearest known name (or where a known key belongs). A known table of the
    wrong shape is left to its reader, which says what it must be."""
    problems: list[tuple[str, str]] = []
    for key, value in doc.items():
        table = TABLES.get(key)
        if table is None:
            hint = _hint(str(key), list(TABLES), top=True)
            problems.append((brief(key, bare=True), msg("err.unknown_table", hint=hint)))
        else:
            problems += _table_problems(table, value, key)
    return problems


def _table_problems(table: Table, value: Any, where: str) -> list[tuple[str, str]]:
    if table.array:
        if not isinstance(value, list):
            return []
        items = [(f"{where}[{i}]", item) for i, item in enumerate(value, start=1) if isinstance(item, dict)]
    else:
        items = [(where, value)] if isinstance(value, dict) else []
    problems: list[tuple[str, str]] = []
    for at, item in items:
        for key, sub in item.items():
            if key not in table.keys:
                hint = _hint(str(key), list(table.keys))
                problems.append((f"{at}.{brief(key, bare=True)}", msg("err.unknown_field", hint=hint)))
            elif key in table.nested:
                problems += _table_problems(table.nested[key], sub, f"{at}.{key}")
    return problems


def _hint(key: str, known: list[str], top: bool = False) -> str:
    near = difflib.get_close_matches(key[:100], known, n=1)
    if near:
        return msg("err.did_you_mean", near=repr(near[0]))
    if top:
        owners = [name for name, table in TABLES.items() if key in table.keys and not table.array]
        if owners:
            return msg("err.goes_under", tables=joined([f"[{o}]" for o in owners], "sep.or"), table=owners[0],
                       name=key)
        return msg("err.tables_are", tables=", ".join(f"[{t}]" for t in TABLES))
    return msg("err.known_fields", known=", ".join(known))
