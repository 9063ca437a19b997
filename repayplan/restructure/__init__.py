"""Hardship restructurings as data: steps replayed on a position.

A restructuring is the position on a date plus an ordered list of steps
(:mod:`.steps`); :func:`apply` replays them and builds an exact plan
(:class:`~repayplan.plans.Plan`), so two offers compare as two lists.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan import Loan, parse_rate
>>> loan = Loan(Decimal("12000"), parse_rate("12%"), 12, start=date(2025, 1, 1))
>>> plan = apply(performing_position(loan, date(2025, 1, 1)), [SetRate(parse_rate("0%")), Term(24)])
>>> plan.rows[0].payment, len(plan.rows)  # 12,000.00 ÷ 24
(Decimal('500.00'), 24)
"""

from .apply import MAX_PLAN_MONTHS, apply, max_installments
from .position import PlanCalendar, is_performing, performing_position, plan_calendar, remaining_rows
from .steps import (
    PHASES,
    REPAYING,
    STEPS,
    Capitalise,
    FixedPayment,
    Haircut,
    InterestOnly,
    Moratorium,
    SetRate,
    Settle,
    Step,
    StepUp,
    Term,
    Waive,
)
from .tables import read_step
from .values import parse_share

__all__ = [
    "MAX_PLAN_MONTHS", "PHASES", "REPAYING", "STEPS", "Capitalise", "FixedPayment", "Haircut", "InterestOnly",
    "Moratorium", "PlanCalendar", "SetRate", "Settle", "Step", "StepUp", "Term", "Waive", "apply", "is_performing",
    "max_installments", "parse_share", "performing_position", "plan_calendar", "read_step", "remaining_rows",
]
