"""Several debts, one budget: which debt to pay first, and what paying only
the minimum costs (``repayplan plan``).

>>> from datetime import date
>>> card = RevolvingDebt("card", Decimal("1000"), parse_rate("1%/month"), Decimal(0), Decimal("100"))
>>> result = plan([card], Budget(Decimal("300"), date(2025, 1, 1)))
>>> result.cheapest.months, result.cheapest.total_interest
(4, Decimal('22.48'))

By hand: 1,000.00 + 10.00 − 300 = 710.00; + 7.10 − 300 = 417.10; + 4.17 − 300
= 121.27; + 1.21 = 122.48 paid in month 4. Interest 10.00 + 7.10 + 4.17 + 1.21.
"""

from decimal import Decimal

from .debts import ASSUMED_PENALTY, InstallmentDebt, RevolvingDebt, parse_rate
from .results import Budget, DebtOutcome, Difference, FirstArrears, MonthRow, StrategyResult
from .simulate import HORIZON_MONTHS, BudgetPlan, Shortfall, plan, plan_problems, simulate
from .strategies import STRATEGIES, Strategy, strategy
from .warnings import MinimumWarning, minimum_warning

__all__ = [
    "ASSUMED_PENALTY", "HORIZON_MONTHS", "STRATEGIES", "Budget", "BudgetPlan", "DebtOutcome", "Decimal", "Difference",
    "FirstArrears", "InstallmentDebt", "MinimumWarning", "MonthRow", "RevolvingDebt", "Shortfall", "Strategy",
    "StrategyResult", "minimum_warning", "parse_rate", "plan", "plan_problems", "simulate", "strategy",
]
