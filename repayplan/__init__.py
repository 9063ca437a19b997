"""repayplan: exact repayment schedules, arrears statements and restructurings.

>>> from datetime import date
>>> loan = Loan(Decimal("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15))
>>> build_schedule(loan).rows[0].payment
Decimal('5307.27')
"""

from decimal import Decimal

from .errors import CaseFileError, InputError, RepayplanError
from .model import Loan, Period, Position, Row, Schedule
from .money import MoneyPolicy
from .rates import Rate, parse_rate
from .schedule import build_schedule

__all__ = [
    "CaseFileError", "Decimal", "InputError", "Loan", "MoneyPolicy", "Period", "Position", "Rate",
    "RepayplanError", "Row", "Schedule", "build_schedule", "parse_rate",
]
