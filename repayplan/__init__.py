"""repayplan: exact repayment schedules, arrears statements and restructurings.

>>> from datetime import date
>>> from repayplan import Decimal, Loan, build_schedule, parse_rate
>>> loan = Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
>>> build_schedule(loan).rows[0].payment
Decimal('5307.27')

The public names load on first use, so `repayplan --help` (whose code lives
in this package) never pays for the core it does not run.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Decimal": "decimal",
    "CaseFileError": "repayplan.errors", "InputError": "repayplan.errors", "RepayplanError": "repayplan.errors",
    "Loan": "repayplan.model", "Period": "repayplan.model", "Position": "repayplan.model",
    "Row": "repayplan.model", "Schedule": "repayplan.model",
    "MoneyPolicy": "repayplan.money",
    "Rate": "repayplan.rates", "parse_rate": "repayplan.rates",
    "build_schedule": "repayplan.schedule",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'repayplan' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
