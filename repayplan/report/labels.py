"""Labels for people, in English and Chinese.

>>> label("total_payment", "zh")
'还款总额'
>>> label("no_such_key", "zh")
'no_such_key'
"""

from __future__ import annotations

LANGS = ("en", "zh")

LABELS: dict[str, dict[str, str]] = {
    "en": {
        # schedule columns
        "period": "Period", "due_date": "Due date", "days": "Days", "opening_balance": "Opening balance",
        "payment": "Payment", "principal": "Principal", "interest": "Interest", "fees": "Fees",
        "penalty": "Penalty", "closing_balance": "Closing balance", "total": "Total",
        # schedule summary
        "currency": "Currency", "periods": "Installments", "total_payment": "Total to pay",
        "total_interest": "Total interest", "total_fees": "Total fees", "total_penalty": "Total penalty",
        "first_due": "First due", "payoff_date": "Payoff date", "annual_rate": "Annual nominal rate",
        "rate": "Contract rate", "method": "Method", "frequency": "Frequency", "installment": "Installment",
        "interest_basis": "Interest basis", "day_count": "Day count", "rounding": "Rounding",
        "interest_rule": "Interest rule", "start": "Start", "term": "Term",
        # methods
        "annuity": "equal installments", "equal-principal": "equal principal",
        "interest-only": "interest only, principal at the end", "bullet": "everything at maturity",
    },
    "zh": {
        "period": "期数", "due_date": "还款日", "days": "天数", "opening_balance": "期初本金余额",
        "payment": "还款额", "principal": "本金", "interest": "利息", "fees": "费用",
        "penalty": "罚息", "closing_balance": "期末本金余额", "total": "合计",
        "currency": "币种", "periods": "期数", "total_payment": "还款总额",
        "total_interest": "利息总额", "total_fees": "费用总额", "total_penalty": "罚息总额",
        "first_due": "首期还款日", "payoff_date": "结清日", "annual_rate": "名义年利率",
        "rate": "合同利率", "method": "还款方式", "frequency": "还款频率", "installment": "每期还款额",
        "interest_basis": "计息方式", "day_count": "计息天数规则", "rounding": "舍入规则",
        "interest_rule": "利息计算", "start": "起息日", "term": "期限",
        "annuity": "等额本息", "equal-principal": "等额本金",
        "interest-only": "先息后本", "bullet": "到期一次还本付息",
    },
}


def label(key: str, lang: str = "en") -> str:
    """The label of a key in a language; English, then the key, as fallbacks."""
    return LABELS.get(lang, {}).get(key) or LABELS["en"].get(key) or key
