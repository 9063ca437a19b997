"""Arrears: a debt rebuilt from its contract and the payments actually made.

``statement(loan, payments, penalty, as_of)`` replays the payment history
against the contract schedule and returns a :class:`Statement` with every
installment's unpaid parts, penalty interest and late fees, each with a
trace a person can check by hand; ``statement(...).position`` is where
restructurings start.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> loan = Loan(Decimal("10000"), parse_rate("0%"), 10, start=date(2024, 12, 15))
>>> overdue = PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment")
>>> statement(loan, [], overdue, date(2025, 2, 14)).penalty_interest       # 1,000.00 × 0.05% × 30
Decimal('15.00')
>>> from dataclasses import replace
>>> statement(loan, [], replace(overdue, base="outstanding"), date(2025, 2, 14)).penalty_interest  # 10,000.00 × ...
Decimal('150.00')
"""

from .accrual import Accrual, accrued_interest, pro_rata_interest
from .engine import scheduled_payments, statement
from .policy import (
    ALLOCATION_PRESETS,
    BASES,
    COMPONENTS,
    GRACE_MODES,
    Payment,
    PenaltyPolicy,
    RelativeRate,
    allocation_order,
    parse_penalty_rate,
    policy_problems,
)
from .statement import Application, PenaltyTerm, Statement, StatementLine

__all__ = [
    "ALLOCATION_PRESETS", "BASES", "COMPONENTS", "GRACE_MODES", "Accrual", "Application", "Payment", "PenaltyPolicy",
    "PenaltyTerm", "RelativeRate", "Statement", "StatementLine", "accrued_interest", "allocation_order",
    "parse_penalty_rate", "policy_problems", "pro_rata_interest", "scheduled_payments", "statement",
]
