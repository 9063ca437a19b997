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
        # arrears statement (`repayplan status`, issue 7)
        "arrears.as_of": "As of", "arrears.status": "Status", "arrears.due": "Due", "arrears.paid": "Paid",
        "arrears.unpaid_principal": "Unpaid principal", "arrears.unpaid_interest": "Unpaid interest",
        "arrears.penalty_interest": "Penalty interest", "arrears.unpaid_penalty": "Unpaid penalty",
        "arrears.fees": "Late fees", "arrears.unpaid_fees": "Unpaid fees", "arrears.days_overdue": "Days overdue",
        "arrears.settled_on": "Settled on", "arrears.trace": "Calculation",
        "arrears.outstanding_principal": "Outstanding principal", "arrears.overdue_principal": "Overdue principal",
        "arrears.overdue_interest": "Overdue interest", "arrears.accrued_interest": "Accrued interest (not yet due)",
        "arrears.penalty_total": "Penalty interest (unpaid)", "arrears.fees_total": "Fees (unpaid)",
        "arrears.credit": "Credit (overpaid)", "arrears.total_due": "Total due now",
        "arrears.payoff_amount": "Total to settle in full", "arrears.days_past_due": "Days past due",
        "arrears.total_paid": "Paid so far", "arrears.penalty_charged": "Penalty interest charged",
        "arrears.fees_charged": "Late fees charged", "arrears.penalty_rate": "Penalty rate",
        "arrears.penalty_base": "Penalty base", "arrears.grace_days": "Grace days",
        "arrears.late_fee": "Late fee", "arrears.allocation": "Allocation order",
        "arrears.calculation": "Calculation", "arrears.payments": "Payments and where they went",
        "arrears.notes": "Notes", "arrears.claim": "Claim audit", "arrears.claimed": "Claimed",
        "arrears.rebuilt": "Rebuilt", "arrears.difference": "Difference (claimed − rebuilt)",
        "arrears.legal": "Legal cost check", "arrears.cap": "Cap", "arrears.effective_cost": "Effective annual cost",
        "arrears.excess": "Above the cap (actuarial)", "arrears.simple_excess": "Above the cap (simple interest)",
        "arrears.to_credit": "to credit", "arrears.from_credit": "credit applied",
        "arrears.status.paid": "paid", "arrears.status.paid late": "paid late", "arrears.status.overdue": "overdue",
        "arrears.status.partly paid": "partly paid",
        "arrears.status.in grace": "in grace", "arrears.status.not due": "not due",
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
        # arrears statement (`repayplan status`, issue 7)
        "arrears.as_of": "截至日期", "arrears.status": "状态", "arrears.due": "应还", "arrears.paid": "已还",
        "arrears.unpaid_principal": "未还本金", "arrears.unpaid_interest": "未还利息",
        "arrears.penalty_interest": "罚息", "arrears.unpaid_penalty": "未还罚息",
        "arrears.fees": "违约金/滞纳金", "arrears.unpaid_fees": "未还费用", "arrears.days_overdue": "逾期天数",
        "arrears.settled_on": "结清日", "arrears.trace": "计算过程",
        "arrears.outstanding_principal": "剩余本金", "arrears.overdue_principal": "逾期本金",
        "arrears.overdue_interest": "逾期利息", "arrears.accrued_interest": "已计未到期利息",
        "arrears.penalty_total": "未还罚息", "arrears.fees_total": "未还费用",
        "arrears.credit": "多还余额", "arrears.total_due": "当前应还合计",
        "arrears.payoff_amount": "一次性结清金额", "arrears.days_past_due": "最长逾期天数",
        "arrears.total_paid": "累计已还", "arrears.penalty_charged": "累计罚息",
        "arrears.fees_charged": "累计违约金", "arrears.penalty_rate": "罚息利率",
        "arrears.penalty_base": "罚息基数", "arrears.grace_days": "宽限期天数",
        "arrears.late_fee": "违约金", "arrears.allocation": "还款冲抵顺序",
        "arrears.calculation": "计算过程", "arrears.payments": "还款及冲抵明细",
        "arrears.notes": "说明", "arrears.claim": "催收金额核对", "arrears.claimed": "债权人主张",
        "arrears.rebuilt": "重算结果", "arrears.difference": "差额（主张 − 重算）",
        "arrears.legal": "资金成本合法性检查", "arrears.cap": "上限", "arrears.effective_cost": "实际年化成本",
        "arrears.excess": "超出上限部分（精算）", "arrears.simple_excess": "超出上限部分（单利）",
        "arrears.to_credit": "计入余额", "arrears.from_credit": "余额冲抵",
        "arrears.status.paid": "已还清", "arrears.status.paid late": "逾期后还清", "arrears.status.overdue": "逾期",
        "arrears.status.partly paid": "部分还款",
        "arrears.status.in grace": "宽限期内", "arrears.status.not due": "未到期",
    },
}


def label(key: str, lang: str = "en") -> str:
    """The label of a key in a language; English, then the key, as fallbacks."""
    return LABELS.get(lang, {}).get(key) or LABELS["en"].get(key) or key
