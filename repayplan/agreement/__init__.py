"""The agreement both sides sign (调解协议书 / 分期还款协议), as data.

One source for the Terms sheet of the workbook and the ``agreement``
letter: both take an :class:`Agreement` and its :func:`clauses`, and word
each clause from the label data (``agr.*`` keys in ``report/labels``); no
wording lives here.

Public shape::

    Agreement                        build_agreement(plan, parties, contract, terms)
      .parties: Parties              .borrower, .creditor: Party; .mediator: Party | None
        Party                        role, name, id_number, address, contact, representative
                                     .id_kind ('id_card' | 'credit_code'), .blanks ("" = fill in by hand)
      .contract: Contract            number, signed (date | None), principal, start
      .terms: Terms                  default_installments, default_days (N missed or M days late),
                                     method (transfer | debit | app), account: RepaymentAccount(holder, bank, number),
                                     disputes (court | arbitration), forum, effective, copies, place,
                                     signed_on, judicial_confirmation
      .as_of, .acknowledged          (Component(name, amount), ...) principal, interest,
                                     accrued_interest, penalty, fees, credit (non-zero; principal always)
      .owed                          their sum: what the borrower acknowledges owing on as_of
      .concessions                   (Concession(kind, amount, rate, on), ...): penalty, fees, interest,
                                     principal (waived), settlement (forgiven on payment), rate (0 = freeze)
      .schedule                      (Installment(number, due, amount, principal, other), ...)
      .total, .total_capital         what the schedule pays; 人民币…元…角…分 (CNY only, else None)
      .forgiven, .copies, .first_due, .last_due, .settlement, .contract_rate, .plan_name, .currency
    clauses(agreement)               (Clause(key, values, items), ...) in the order they are printed
    capital_rmb(amount)              '人民币伍万肆仟伍佰贰拾壹元叁角陆分'
    owed_on_default(agreement, paid) the acknowledged debt less what was paid under the agreement

Case-file readers (``repayplan.casefile.agreement``): ``read_parties_table``
(``[parties.borrower]``, ``[parties.creditor]``, ``[parties.mediator]``:
name, id, address, contact, representative; ``[case] borrower/creditor`` name
them when the table does not), ``read_terms`` (``[agreement]``),
``read_contract`` (``[loan] contract_no``, ``signed``), ``read_hardship``
(``[borrower] hardship``: a text, or a table with text, since, evidence) and
``read_agreement_case`` (all of them at once).

>>> from decimal import Decimal
>>> capital_rmb(Decimal("3863.98"))
'人民币叁仟捌佰陆拾叁元玖角捌分'
"""

from __future__ import annotations

from .build import Agreement, Parties, build_agreement, clauses, owed_on_default
from .model import (
    FORUMS,
    PARTY_FIELDS,
    PAYMENT_METHODS,
    ROLES,
    Clause,
    Component,
    Concession,
    Contract,
    Hardship,
    Installment,
    Party,
    RepaymentAccount,
    Terms,
    capital_rmb,
)

__all__ = ["FORUMS", "PARTY_FIELDS", "PAYMENT_METHODS", "ROLES", "Agreement", "Clause", "Component", "Concession",
           "Contract", "Hardship", "Installment", "Parties", "Party", "RepaymentAccount", "Terms", "build_agreement",
           "capital_rmb", "clauses", "owed_on_default"]
