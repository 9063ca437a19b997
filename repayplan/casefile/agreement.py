"""What an agreement or a letter reads beyond the numbers: ``[parties]``,
``[agreement]``, ``[loan] contract_no`` / ``signed`` and ``[borrower] hardship``.

>>> from repayplan.casefile import parse_document
>>> doc = parse_document('''
... [case]
... creditor = "某消费金融有限公司"
... [loan]
... contract_no = "XF-2025-0001"
... signed = 2025-01-08
... [parties.borrower]
... name = "张三"
... id = "11010519491231002X"
... [parties.mediator]
... name = "某区人民调解委员会"
... [agreement]
... default_after = {installments = 3, days = 60}
... account = {holder = "某消费金融有限公司", bank = "某银行某支行", number = "6222 0000 1111"}
... [borrower.hardship]
... text = "2025年7月失业。"
... since = 2025-07-01
... evidence = ["解除劳动合同证明"]
... ''')
>>> case = read_agreement_case(doc)
>>> case.parties.creditor.name, case.parties.borrower.id_kind, case.parties.mediator.name
('某消费金融有限公司', 'id_card', '某区人民调解委员会')
>>> case.contract.number, str(case.contract.signed), case.terms.default_installments, case.terms.default_days
('XF-2025-0001', '2025-01-08', 3, 60)
>>> case.hardship.evidence, case.terms.account.bank
(('解除劳动合同证明',), '某银行某支行')
>>> read_agreement_case(parse_document('[agreement]\\nmethod = "cash"\\ncopies = 0\\n[parties.lender]\\nname = "x"'),
...                     "case.toml")
Traceback (most recent call last):
...
repayplan.errors.CaseFileError: case.toml: parties.lender: unknown field; known fields: creditor, borrower, mediator
case.toml: agreement.method: 'cash' is unknown; use one of transfer, debit, app
case.toml: agreement.copies: must be a whole number from 1 to 20, got 0
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..agreement import FORUMS, PAYMENT_METHODS, ROLES, Contract, Hardship, Parties, Party, RepaymentAccount, Terms
from ..text import msg
from . import schema
from .fields import Reader
from .loan import read_case_info

#: keys of each [parties.ROLE] table (``id``: ID number or unified social credit code); all from the schema
PARTY_KEYS = schema.PARTY
AGREEMENT_FIELDS = schema.AGREEMENT
DEFAULT_AFTER_KEYS = schema.DEFAULT_AFTER
ACCOUNT_KEYS = schema.ACCOUNT
HARDSHIP_KEYS = schema.HARDSHIP
#: keys this module reads from tables other readers own
LOAN_KEYS = ("contract_no", "signed")
BORROWER_KEYS = ("hardship",)


@dataclass(frozen=True)
class AgreementCase:
    """The parties, the original contract, the agreement's terms and the hardship of a case."""

    parties: Parties
    contract: Contract
    terms: Terms
    hardship: Hardship


def read_agreement_case(doc: dict[str, Any], source: str = "") -> AgreementCase:
    """Every part at once; every problem at once (CaseFileError)."""
    reader = Reader(source)
    parties = read_parties_table(reader, doc)
    contract = read_contract(reader, doc)
    terms = read_terms(reader, doc, mediated=parties.mediator is not None)
    hardship = read_hardship(reader, doc)
    reader.check()
    return AgreementCase(parties, contract, terms, hardship)


def read_parties_table(reader: Reader, doc: dict[str, Any]) -> Parties:
    """``[parties.borrower]``, ``[parties.creditor]``, ``[parties.mediator]``;
    ``[case] borrower`` / ``creditor`` name a party its table does not."""
    probe = Reader()
    info = read_case_info(probe, doc)  # its problems are the loan reader's to report
    table = reader.table(doc, "parties") or {}
    reader.unknown(table, ROLES, "parties")
    found: dict[str, Party] = {}
    for role in ROLES:
        where = f"parties.{role}"
        part = reader.table(table, role, "parties")
        if part is None:
            continue
        reader.unknown(part, PARTY_KEYS, where)
        texts = {key: (reader.text(part, key, where, default="") or "").strip() for key in PARTY_KEYS}
        found[role] = Party(role=role, name=texts["name"], id_number=texts["id"], address=texts["address"],
                            contact=texts["contact"], representative=texts["representative"])
    borrower = found.get("borrower", Party(role="borrower"))
    creditor = found.get("creditor", Party(role="creditor"))
    if not borrower.name and info.borrower:
        borrower = Party(**{**borrower.__dict__, "name": info.borrower})
    if not creditor.name and info.creditor:
        creditor = Party(**{**creditor.__dict__, "name": info.creditor})
    return Parties(borrower=borrower, creditor=creditor, mediator=found.get("mediator"))


def read_contract(reader: Reader, doc: dict[str, Any]) -> Contract:
    """``[loan] contract_no`` and ``signed`` (the other [loan] keys are the loan reader's)."""
    loan = doc.get("loan")
    table = loan if isinstance(loan, dict) else {}
    number = reader.text(table, "contract_no", "loan", default="") or ""
    return Contract(number=number.strip(), signed=reader.date(table, "signed", "loan"))


def read_terms(reader: Reader, doc: dict[str, Any], mediated: bool = False) -> Terms:
    """``[agreement]``; absent keys take the defaults of :class:`Terms`."""
    table = reader.table(doc, "agreement") or {}
    where = "agreement"
    reader.unknown(table, AGREEMENT_FIELDS, where)
    installments, days = _default_after(reader, table.get("default_after"))
    account = RepaymentAccount()
    raw = table.get("account")
    if raw is not None:
        if isinstance(raw, dict):
            reader.unknown(raw, ACCOUNT_KEYS, "agreement.account")
            account = RepaymentAccount(*((reader.text(raw, key, "agreement.account", default="") or "").strip()
                                for key in ACCOUNT_KEYS))
        else:
            reader.problem("agreement.account", msg("err.account_not_table", value=repr(raw)))
    return Terms(
        default_installments=installments or 2, default_days=days or 30,
        default_given="default_after" in table,
        method=reader.choice(table, "method", where, PAYMENT_METHODS, default="transfer") or "transfer",
        account=account,
        disputes=reader.choice(table, "disputes", where, FORUMS, default="court") or "court",
        forum=(reader.text(table, "forum", where, default="") or "").strip(),
        effective=reader.date(table, "effective", where),
        copies=reader.integer(table, "copies", where, minimum=1, maximum=20),
        place=(reader.text(table, "place", where, default="") or "").strip(),
        signed_on=reader.date(table, "date", where),
        judicial_confirmation=reader.boolean(table, "judicial_confirmation", where, default=mediated),
    )


def _default_after(reader: Reader, value: object) -> tuple[int | None, int | None]:
    """``default_after = 2`` (installments) or ``{installments = 2, days = 30}``."""
    where = "agreement.default_after"
    if value is None:
        return None, None
    if isinstance(value, dict):
        reader.unknown(value, DEFAULT_AFTER_KEYS, where)
        if not any(key in value for key in DEFAULT_AFTER_KEYS):
            reader.problem(where, msg("err.default_after"))
        return (reader.integer(value, "installments", where, minimum=1, maximum=120),
                reader.integer(value, "days", where, minimum=1, maximum=3650))
    return reader.integer({"default_after": value}, "default_after", "agreement", minimum=1, maximum=120), None


def read_hardship(reader: Reader, doc: dict[str, Any]) -> Hardship:
    """``[borrower] hardship``: a text, or a table with text, since and evidence
    (a list of texts, or one text)."""
    borrower = doc.get("borrower")
    table = borrower if isinstance(borrower, dict) else {}
    value = table.get("hardship")
    where = "borrower.hardship"
    if value is None:
        return Hardship()
    if isinstance(value, str):
        return Hardship(text=value.strip())
    if not isinstance(value, dict):
        reader.problem(where, msg("err.hardship_not_text", value=repr(value)))
        return Hardship()
    reader.unknown(value, HARDSHIP_KEYS, where)
    evidence = value.get("evidence", [])
    if isinstance(evidence, str):
        evidence = [evidence]
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        reader.problem(f"{where}.evidence", msg("err.evidence_not_list", value=repr(evidence)))
        evidence = []
    return Hardship(text=(reader.text(value, "text", where, default="") or "").strip(),
                    since=reader.date(value, "since", where),
                    evidence=tuple(e.strip() for e in evidence if e.strip()))
