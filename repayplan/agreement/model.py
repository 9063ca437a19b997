"""The agreement's records: parties, the original contract, what is owed,
the concessions, the schedule and the terms; all frozen, all exact.

Blank fields are empty strings (or None): a document prints a line to fill
in by hand in their place, never a guess.

>>> Party(role="borrower", name="张三", id_number="11010519491231002X").id_kind
'id_card'
>>> Party(role="creditor", name="某消费金融有限公司").blanks
('id_number', 'address', 'contact')
>>> capital_rmb(Decimal("54521.36"))
'人民币伍万肆仟伍佰贰拾壹元叁角陆分'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..rates import Rate

#: the parties' roles, in the order an agreement lists them
ROLES = ("creditor", "borrower", "mediator")
#: the fields of a party, in order
PARTY_FIELDS = ("name", "id_number", "address", "contact", "representative")
#: how payments reach the creditor ([agreement] method)
PAYMENT_METHODS = ("transfer", "debit", "app")
#: where disputes go ([agreement] disputes)
FORUMS = ("court", "arbitration")

_ID_CARD = re.compile(r"^\d{17}[\dX]$")
_CREDIT_CODE = re.compile(r"^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$")


@dataclass(frozen=True)
class Party:
    """One side of the agreement (or the mediator); "" = a blank to fill in.

    ``id_number`` is a resident ID number (身份证号码) for a person, a
    unified social credit code (统一社会信用代码) for an organisation;
    ``representative`` the legal representative or authorised agent of an
    organisation.
    """

    role: str
    name: str = ""
    id_number: str = ""
    address: str = ""
    contact: str = ""
    representative: str = ""

    @property
    def id_kind(self) -> str:
        """'id_card' or 'credit_code': from the number's form, else from the role
        (a borrower is a person, a creditor or mediator an organisation)."""
        number = self.id_number.strip().upper()
        if _ID_CARD.match(number):
            return "id_card"
        if _CREDIT_CODE.match(number):
            return "credit_code"
        return "id_card" if self.role == "borrower" else "credit_code"

    @property
    def blanks(self) -> tuple[str, ...]:
        """The fields left to fill in by hand (``representative`` is optional)."""
        return tuple(f for f in PARTY_FIELDS[:4] if not getattr(self, f).strip())


@dataclass(frozen=True)
class Contract:
    """The original contract: its number and date (blank when not given)."""

    number: str = ""
    signed: date | None = None
    principal: Decimal | None = None
    start: date | None = None


@dataclass(frozen=True)
class Hardship:
    """``[borrower] hardship``: the borrower's own words, since when, the evidence enclosed."""

    text: str = ""
    since: date | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class RepaymentAccount:
    """The creditor's account for repayments; "" = a blank to fill in."""

    holder: str = ""
    bank: str = ""
    number: str = ""


@dataclass(frozen=True)
class Terms:
    """``[agreement]``: what the numbers do not say.

    Default: ``default_installments`` installments missed (in all) or any one
    ``default_days`` days late, and the concessions lapse. ``effective`` None:
    on signature by every party. ``copies`` None: one for each party
    (mediator included). ``forum`` "": the people's court with jurisdiction
    (or, for arbitration, a commission to fill in).
    """

    default_installments: int = 2
    default_days: int = 30
    default_given: bool = False
    method: str = "transfer"
    account: RepaymentAccount = RepaymentAccount()
    disputes: str = "court"
    forum: str = ""
    effective: date | None = None
    copies: int | None = None
    place: str = ""
    signed_on: date | None = None
    judicial_confirmation: bool = True


@dataclass(frozen=True)
class Component:
    """One part of what is owed: ``name`` is principal, interest,
    accrued_interest, penalty, fees or credit (a credit reduces the total)."""

    name: str
    amount: Decimal


@dataclass(frozen=True)
class Concession:
    """What the creditor gives up if the borrower performs.

    ``kind``: principal, interest, penalty or fees (waived, ``amount``);
    settlement (``amount`` forgiven once the settlement sum is paid); rate
    (``rate`` from ``on`` instead of the contract's; 0 is an interest freeze).
    """

    kind: str
    amount: Decimal | None = None
    rate: Rate | None = None
    on: date | None = None


@dataclass(frozen=True)
class Installment:
    """One payment of the schedule: number, due date, amount and what it pays."""

    number: int
    due: date
    amount: Decimal
    principal: Decimal
    other: Decimal  # interest, penalty and fees it pays (frozen arrears included)


@dataclass(frozen=True)
class Clause:
    """A clause as data: a label ``key`` and the ``values`` its wording uses
    (Decimal amounts, dates, Rates, ints, texts), with sub-items; the words
    live in the label data, one template per key and language."""

    key: str
    values: tuple[tuple[str, object], ...] = ()
    items: tuple[Clause, ...] = ()

    def value(self, name: str) -> object:
        return dict(self.values)[name]


def capital_rmb(amount: Decimal) -> str:
    """An amount in Chinese capital numerals, the way cheques and agreements
    write it (人民币…元…角…分, 整 after whole yuan), by cn2an.

    >>> capital_rmb(Decimal("55571.01")), capital_rmb(Decimal("100000.00")), capital_rmb(Decimal("1409.50"))
    ('人民币伍万伍仟伍佰柒拾壹元零壹分', '人民币壹拾万元整', '人民币壹仟肆佰零玖元伍角')
    """
    import cn2an  # 0.1 s to import: only when a document is written

    if amount < 0:
        raise ValueError(f"capital numerals need an amount of 0 or more, got {amount}")
    text: str = cn2an.an2cn(f"{amount.quantize(Decimal('0.01')):f}", "rmb")
    return "人民币" + text
