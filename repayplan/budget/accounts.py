"""The account of each debt in a budget plan: the mutable monthly step of
one debt inside one simulation run (:mod:`repayplan.budget.account` says
what every account does; :mod:`~repayplan.budget.installment_account` and
:mod:`~repayplan.budget.revolving_account` the two kinds).

Inside a debt a payment settles what is due in the order of its arrears
rules (``PenaltyPolicy.allocation``, e.g. fees → interest → penalty →
principal; principal only as far as it is due), late fees before other
fees, then prepays accrued interest and principal. Every amount is an ``int`` of minor
units; interest is an exact fraction of the balance rounded once with
:func:`~repayplan.money.round_units`, exactly as ``MoneyPolicy.round_exact``.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan.budget.debts import RevolvingDebt, parse_rate
>>> a = open_account(RevolvingDebt("card", Decimal("1000"), parse_rate("1%/month"), Decimal(0),
...                                Decimal("100")), 0, date(2025, 1, 1))
>>> a.accrue(0, 31)     # 1,000.00 × 1% = 10.00 interest; minimum 100.00
>>> a.minimum, a.pay(a.minimum), a.balance
(10000, 10000, 91000)
"""

from __future__ import annotations

from datetime import date

from ..errors import InputError
from .account import Account
from .debts import Debt, InstallmentDebt, RevolvingDebt
from .installment_account import InstallmentAccount
from .revolving_account import RevolvingAccount
from .start import Opening, installment_start

__all__ = ["Account", "InstallmentAccount", "RevolvingAccount", "open_account"]


def open_account(debt: Debt, index: int, start: date, opening: Opening | None = None) -> Account:
    """The account of a debt on the plan's start date (``opening``: an
    installment debt's :func:`~repayplan.budget.start.installment_start`, when
    already computed)."""
    if isinstance(debt, InstallmentDebt):
        return InstallmentAccount(index, debt, opening or installment_start(debt, start))
    if isinstance(debt, RevolvingDebt):
        return RevolvingAccount(index, debt)
    raise InputError(f"debt {debt!r}: not an installment or revolving debt")
