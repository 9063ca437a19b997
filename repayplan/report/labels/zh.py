"""Chinese labels (中文标签), the same keys as en.py; a missing key falls back to English."""

ZH: dict[str, str] = {
    # batch (issue 6)
    "case_id": "案件编号", "line": "行号", "problem": "问题",
    "scenario": "方案", "scenario_date": "重组日", "scenario_owed": "重组日欠款总额",
    "scenario_installment": "方案每期还款额", "scenario_payments": "方案还款次数",
    "scenario_total_payment": "方案还款总额", "scenario_total_interest": "方案利息",
    "scenario_forgiven": "减免金额", "scenario_saving": "较原合同节省",
    "scenario_annual_cost": "方案年化成本", "scenario_payoff_date": "方案结清日",
    "scenario_problem": "无法出具方案的原因",
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
    # 方案对比 (`repayplan compare`, issue 3)
    "total_principal": "其中本金", "forgiven": "减免金额", "forgiven_principal": "减免本金",
    "forgiven_interest": "减免利息", "forgiven_penalty": "减免罚息", "forgiven_fees": "减免费用",
    "payments": "还款次数", "first_payment": "首期还款额", "largest_payment": "最高单期还款额",
    "smallest_payment": "最低单期还款额", "settlement": "和解金额", "lump_sum": "需一次性支付",
    "position_total": "重组日欠款总额", "annual_cost": "借款人实际年化成本", "discount_rate": "债权人折现率",
    "creditor_npv": "债权人净现值", "recovery": "回收率（净现值占欠款）", "cash_recovery": "回收率（现金占欠款）",
    "largest_installment": "最高分期还款额", "payment_to_income": "月供收入比", "payment_to_budget": "月供预算比",
    "lump_sum_shortfall": "一次性支付缺口", "meets_min_recovery": "达到债权人最低回收",
    "saving": "较原合同节省",
    "cmp.plan": "方案", "cmp.figure": "指标", "cmp.date": "重组日", "cmp.owed": "欠款",
    "cmp.plans": "方案说明", "cmp.notes": "说明", "cmp.steps": "步骤", "cmp.no_steps": "无步骤",
    "cmp.schedule": "还款计划：{name}", "cmp.accrued": "应计利息", "cmp.credit": "溢缴款",
    "cmp.capitalised": "资本化利息", "cmp.frozen_balance": "停息挂账余额", "cmp.note": "备注",
    "cmp.yes": "是", "cmp.no": "否", "cmp.contract": "维持原合同",
    "cmp.of_interest": "其中利息", "cmp.of_penalty": "其中罚息", "cmp.of_fees": "其中费用",
    # arrears statement (`repayplan status`, issue 7)
    "arrears.as_of": "截至日期", "arrears.status": "状态", "arrears.due": "应还", "arrears.paid": "已还",
    "arrears.unpaid_principal": "未还本金", "arrears.unpaid_interest": "未还利息",
    "arrears.penalty_interest": "罚息", "arrears.unpaid_penalty": "未还罚息",
    "arrears.fees": "违约金/滞纳金", "arrears.unpaid_fees": "未还费用", "arrears.days_overdue": "逾期天数",
    "arrears.settled_on": "结清日", "arrears.trace": "计算过程", "arrears.balance": "未还合计",
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
    # arrears statement fixes (issue 7 review): the loan-level full-balance penalty
    "arrears.full_balance": "全额罚息",
    # arrears follow-ups: due on the statement date (not late); the full-balance penalty's lines (CSV, workbook)
    "arrears.status.due today": "今日到期",
    "arrears.penalty_from": "罚息起日", "arrears.penalty_to": "罚息止日（不计）",
    "arrears.penalty_balance": "罚息计息余额", "arrears.penalty_daily_rate": "罚息日利率",
    "arrears.penalty_days": "罚息天数", "arrears.penalty_amount": "罚息金额",
    "wb.balance_penalty": "全额罚息计算",
    "wb.balance_penalty_note": "全额罚息：任一期逾期期间，全部未还余额按日计收罚息。"
                               "每个区间一行（每次还款后余额变化）：余额 × 日利率 × 天数，只四舍五入一次；"
                               "天数 = 止日 − 起日，止日不计。"
                               "上表各期罚息为其按所占余额比例分摊的份额（最大余数法）。",
    "wb.penalty_rate_unit": "罚息利率（{unit}）", "wb.from": "起日", "wb.to": "止日（不计）",
    "wb.balance": "计息余额", "wb.daily_rate_column": "日利率",
    # case-file workbook (`repayplan export`, issue 4)
    "wb.contract": "合同原还款计划", "wb.plan_rate": "方案利率",
    "wb.contract_note": "按合同约定自放款日起的还款计划",
    "wb.sheet_summary": "汇总", "wb.sheet_arrears": "欠款明细", "wb.sheet_terms": "协议条款",
    "wb.sheet_charts": "图表", "wb.doc_title": "案件 {case}：还款方案", "wb.doc_subject": "个人消费债务还款方案",
    "wb.doc_description": "共 {plans} 个方案，币种 {currency}，由 repayplan 生成；修改输入后公式自动重算。",
    "wb.case": "案件", "wb.page_of": "第 {page} 页，共 {pages} 页", "wb.contract_rate": "合同利率（{unit}）",
    "wb.per_year": "年", "wb.per_month": "月", "wb.per_day": "日", "wb.period_rate": "每期利率",
    "wb.daily_rate": "日利率（{day_count}）", "wb.principal_part": "每期应还本金", "wb.fee": "每期费用",
    "wb.round_half-up": "四舍五入至 {quantum}", "wb.round_half-even": "银行家舍入至 {quantum}",
    "wb.factor": "本期利率", "wb.discount": "折现因子", "wb.capitalised": "资本化利息",
    "wb.frozen_balance": "免息挂账余额", "wb.steps": "调整步骤", "wb.freq_monthly": "按月",
    "wb.freq_quarterly": "按季", "wb.freq_biweekly": "每两周", "wb.freq_weekly": "每周",
    "wb.rule_interest": "利息 = 期初本金余额 × {rate}，{rounding}。", "wb.rule_periodic": "每期利率",
    "wb.rule_daily": "日利率 × 天数", "wb.rule_odd_add": "首期另加 {days} 天零头天数，按日利率计息。",
    "wb.rule_short": "首期不足一期：按实际 {days} 天以日利率计息。",
    "wb.rule_annuity": "本金 = 每期还款额 − 利息；最后一期偿还剩余本金。还款额 = 本金 + 利息 + 费用 + 罚息。",
    "wb.rule_equal-principal": "本金 = 每期应还本金（期初本金 ÷ 期数，舍入）；最后一期偿还剩余本金。还款额 = "
                               "本金 + 利息 + 费用 + 罚息。",
    "wb.rule_interest-only": "每期只还利息，最后一期归还全部本金。",
    "wb.rule_bullet": "到期一次还本付息：按全部期限对本金计息。",
    "wb.rule_values": "各项金额为 repayplan 按本方案计算的结果（方案期间条件有变化）；"
                      "还款额、余额和合计为公式。",
    "wb.summary_title": "案件 {case}：债务与还款方案", "wb.case_heading": "案件信息", "wb.case_id": "案件编号",
    "wb.borrower": "借款人", "wb.creditor": "债权人", "wb.mediator": "调解人", "wb.as_of": "计算基准日",
    "wb.prepared": "制表时间", "wb.debt_heading": "截至 {date} 的债务", "wb.debt_principal": "剩余本金",
    "wb.of_which_overdue": "其中逾期本金 {amount}", "wb.debt_interest": "逾期利息",
    "wb.debt_accrued": "已计未到期利息", "wb.debt_penalty": "罚息", "wb.debt_fees": "费用",
    "wb.debt_credit": "减：多还款余额", "wb.debt_total": "欠款合计", "wb.basis_heading": "计算依据",
    "wb.comparison_heading": "方案对比", "wb.metric": "项目",
    "wb.comparison_note": "各数字为引用方案工作表的公式。",
    "wb.comparison_note_solved": "合计、笔数和日期为引用方案工作表的公式；年化成本、净现值和回收率为导出时 "
                                 "repayplan 的计算结果。",
    "wb.metric_payments": "还款笔数", "wb.metric_first_payment": "首期还款额",
    "wb.metric_largest_payment": "最大一期还款额", "wb.metric_smallest_payment": "最小一期还款额",
    "wb.cap_heading": "借款成本法定上限", "wb.cap": "适用上限", "wb.cap_rate": "上限（年化）",
    "wb.cap_cost": "实际年化成本", "wb.cap_excess": "超出上限的金额", "wb.cap_result": "结论",
    "wb.cap_within": "未超过上限", "wb.cap_over": "超过上限", "wb.terms_title": "还款协议主要条款",
    "wb.terms_from": "依据方案“{plan}”填写。", "wb.parties": "当事人",
    "wb.terms_debt": "截至 {date} 的债务及构成",
    "wb.terms_repayment": "还款安排", "wb.plan": "方案",
    "wb.terms_signatures": "签字", "wb.date": "日期", "wb.yes": "是",
    "wb.no": "否", "wb.arrears_title": "截至 {date} 的逾期明细", "wb.arrears_settings": "罚息条款",
    "wb.arrears_payments": "已还款项", "wb.arrears_installments": "各期明细", "wb.arrears_totals": "合计",
    "wb.number": "序号", "wb.payment_date": "还款日期", "wb.amount": "金额", "wb.none": "无",
    "wb.chart_balance": "剩余本金", "wb.chart_composition": "每期还款构成：{plan}",
    # budget plan (`repayplan plan`, issue 9)
    "plan.budget_heading": "预算", "plan.currency": "币种", "plan.start": "计划起始日",
    "plan.monthly": "每月可还款额", "plan.lump_sum": "一次性资金",
    "plan.lump_text": "{lump}，其中 {reserve} 留作应急储备：{spent} 在第 1 个月用于还款",
    "plan.order_of_month": "每月顺序",
    "plan.order_text": "先计利息和罚息；每笔债务先付最低还款；余款按策略顺序还下一笔",
    "plan.debts_heading": "截至 {date} 的债务", "plan.debt": "债务", "plan.kind": "类型",
    "plan.installment": "分期贷款", "plan.revolving": "循环账单", "plan.balance": "欠款", "plan.rate": "利率",
    "plan.minimum_rule": "最低还款", "plan.if_overdue": "逾期时", "plan.strategies_heading": "还款策略对比",
    "plan.strategy": "策略", "plan.months": "还清所需月数", "plan.debt_free_date": "全部还清日",
    "plan.total_paid": "还款总额", "plan.of_interest": "  其中利息", "plan.of_penalty": "  其中罚息",
    "plan.of_fees": "  其中费用", "plan.balance_left": "期末仍欠", "plan.unspent": "未用于还款的预算",
    "plan.payoff": "{debt} 还清日", "plan.first_arrears": "首次逾期", "plan.not_repaid": "未还清",
    "plan.years_months": "{years}年{months}个月", "plan.n_months": "{n} 个月",
    "plan.cheapest_line": "最省钱：{name}（利息、罚息和费用共 {cost}）。",
    "plan.difference": "{cheaper} 比 {dearer} 少付 {saving}", "plan.months_sooner": "，提前 {months} 个月还清",
    "plan.months_later": "，但多用 {months} 个月", "plan.months_same": "，还清时间相同",
    "plan.warnings_heading": "只还最低还款的代价（美国信用卡账单依 Reg. Z §1026.7(b)(12) 必须提示）",
    "plan.warning_minimum": "{debt}：只还最低还款需 {months} 才能还清，共还 {total}（其中利息和费用 {charges}）。",
    "plan.warning_36": "每月还 {payment}，36 个月可还清，省下 {saving}。",
    "plan.warning_36_floor": "每月还 {payment}（最低还款更高时按最低还款），36 个月可还清，省下 {saving}。",
    "plan.same_cost": "{cheaper} 与 {dearer} 花费相同",
    "plan.warning_within_36": "只还最低还款也能在 36 个月内还清。",
    "plan.shortfall_heading": "预算不足以支付最低还款",
    "plan.shortfall_gap": "第 {period} 个月应付的最低还款超出每月预算 {gap}。",
    "plan.always_covered": "始终足以支付最低还款",
    "plan.first_short": "{date}（第 {period} 个月）首次不足：{debts} 逾期；共 {months} 个月不足；"
                        "产生罚息 {penalty}，费用 {fees}（含未付）",
    "plan.owed_at_end": "；第 {months} 个月后仍欠 {balance}",
    "plan.shortfall_rule": "预算不足以支付最低还款时，各策略按同一规则付款："
                           "先付逾期代价最高的债务（年利率加罚息年利率），能付足的最低还款都付足；这是经验规则，并非"
                           "最优。按实际成本（已付及仍欠），"
                           "此处最省的是 {name}：{cost}。",
    "plan.growing": "；此后债务不断增加：按此预算无法还清",
    "plan.shortfall_hint": "如需对 {debt} 进行债务重组（个性化分期、停息挂账等），请将其条款写入案件文件的 [loan]，"
                           "运行 `repayplan propose`（寻找双方都能接受的方案）或 `repayplan compare`（方案对比）。",
    "plan.timeline_heading": "逐月明细：{name}", "plan.col_strategy": "策略", "plan.col_period": "月份",
    "plan.col_date": "日期", "plan.col_debt": "债务", "plan.col_minimum": "最低还款", "plan.col_payment": "还款",
    "plan.col_interest": "利息", "plan.col_penalty": "罚息", "plan.col_fees": "费用", "plan.col_balance": "余额",
    "plan.paid_to": "{debt} 还款", "plan.owed_on": "{debt} 余额", "plan.total_payment": "合计还款",
    "plan.total_balance": "合计欠款", "plan.xl_summary": "汇总",
    "plan.xl_title": "多笔债务，一份预算：{n} 种还款策略对比",
    "plan.xl_chart": "各笔债务余额：{name}", "plan.xl_doc_title": "债务还款计划", "plan.xl_months_axis": "月份",
    "plan.xl_amount_axis": "欠款（{currency}）", "plan.xl_warnings": "只还最低还款的代价",
    "plan.xl_differences": "策略两两对比", "plan.sheet_avalanche": "雪崩法", "plan.sheet_snowball": "滚雪球法",
    "plan.sheet_minimum": "只还最低", "plan.sheet_custom": "自定义",
    "plan.desc_avalanche": "雪崩法：多还一元省得最多的先还（按利率；本月余款能还清时，计入还清才免的手续费或全额计息）",
    "plan.desc_snowball": "滚雪球法：先还余额最小的", "plan.desc_minimum": "只还最低：每笔只付最低还款，不多还",
    "plan.desc_custom": "自定义：{order}，其余按成本", "plan.min_revolving": "账单的 {percent}",
    "plan.min_plus": "，另加当月利息和费用", "plan.min_floor": "，最低 {floor}",
    "plan.min_installment": "合同每期还款（{method}）", "plan.pen_none": "不计罚息",
    "plan.pen_rate": "{rate}，按{base}计",
    "plan.base_overdue-installment": "逾期金额", "plan.base_overdue-principal": "逾期本金",
    "plan.base_outstanding": "全部未还本金（全额罚息）", "plan.pen_compound": "及逾期利息",
    "plan.pen_late": "；每逾期一个月违约金 {fee}", "plan.pen_late_fixed": "固定 {fee}",
    "plan.pen_late_rate": "未还部分的 {percent}", "plan.pen_late_min": "，最低 {amount}",
    "plan.pen_late_max": "，最高 {amount}", "plan.pen_assumed": "（假定：未提供 [debts.penalty]）",
    "plan.src_budget": "[budget] 每月预算", "plan.src_borrower": "[borrower] 月收入 {income} − 月支出 {expenses}",
    "plan.xl_cheaper": "较省", "plan.xl_dearer": "较贵", "plan.xl_saving": "少付", "plan.xl_sooner": "提前月数",
    # 双方可接受的方案 (`repayplan propose`, issue 5)
    "prop.borrower": "借款人", "prop.creditor": "债权人", "prop.cap": "法定利率上限",
    "prop.none": "没有双方都能接受的方案。", "prop.offers": "方案（对借款人最有利的在前）",
    "prop.paste": "可粘贴到案件文件", "prop.payments": "还款次数", "prop.now": "需立即支付",
    "prop.total": "借款人共还", "prop.recovery": "回收率", "prop.installment": "最高每期还款",
    "prop.rank": "排序", "prop.name": "名称", "prop.role": "定位", "prop.reason": "理由",
    "prop.constraint": "约束", "prop.have": "现为", "prop.need": "需为", "prop.shortfall": "差额",
    "prop.text": "怎样才有可行方案",
    "prop.pays_at_most": "每月最多还 {amount}", "prop.no_limit": "未给出每月还款上限",
    "prop.available": "现可一次性支付 {amount}", "prop.npv_at": "按年 {rate} 折现计算净现值",
    "prop.at_least": "至少回收{base}的 {share}（{amount}）", "prop.of_owed": "欠款",
    "prop.of_principal": "本金", "prop.no_minimum": "未给出最低回收率",
    "prop.max_months": "最长 {months} 个月",
    "prop.concessions": "可让步：{levers}；期限均会搜索",
    # case-file workbook, again (XlsxWriter, live links, agreement-shaped Terms, party copies, on paper)
    "wb.copy_mediator": "调解人存档本（全部数据）", "wb.copy_borrower": "借款人持有本",
    "wb.copy_creditor": "债权人持有本",
    "wb.rule_linked": "本方案即合同还款计划的剩余部分：各项金额引用工作表“{sheet}”第 {first} 至 {last} 行，"
                      "随其合同利率变动。",
    "wb.nothing_owed_heading": "无欠款",
    "wb.nothing_owed": "截至 {date} 无任何欠款：借款已结清。无需比较或约定还款方案；合同还款计划留存备查。",
    "wb.plans_range": "（第 {first} 至 {last} 个方案，共 {count} 个）",
    "wb.no_charts": "无图表：各方案均无还款。",
    "wb.owed_principal": "本金", "wb.owed_interest": "逾期利息", "wb.owed_accrued_interest": "已计未到期利息",
    "wb.owed_penalty": "罚息", "wb.owed_fees": "费用", "wb.owed_credit": "减：多还款余额",
    "wb.terms_other_frozen": "其中利息、费用及停息挂账欠款",
    "wb.terms_frozen_note": "停息挂账欠款：逾期利息、罚息和费用停止计息，随各期分摊偿还，列于最后一栏，"
                            "并非新计利息。",
    "plan.xl_timeline_title": "逐月明细：{name}",
    "cmp.nothing_owed": "截至 {date} 无任何欠款：借款已结清，无需比较或约定还款方案。",
    "wb.no_rows": "无还款期次：本方案下无欠款。",

    # 协议（调解协议书／分期还款协议）：工作簿“协议条款”页与 `repayplan letter agreement`
    "agr.title": "分期还款协议", "agr.title_mediated": "调解协议书",
    "agr.role_creditor": "甲方（债权人）", "agr.role_borrower": "乙方（借款人）", "agr.role_mediator": "调解组织",
    "agr.field_name": "名称／姓名", "agr.field_name_id_card": "姓名", "agr.field_name_credit_code": "名称",
    "agr.field_id_card": "身份证号码", "agr.field_credit_code": "统一社会信用代码",
    "agr.field_address": "住所", "agr.field_contact": "联系电话",
    "agr.field_representative_creditor": "法定代表人或授权代表", "agr.field_representative_borrower": "委托代理人",
    "agr.field_representative_mediator": "调解员",
    "agr.article": "第{n}条", "agr.item": "（{n}）",
    "agr.recital": "甲乙双方于{signed}签订编号为{contract_no}的借款合同（以下简称“原合同”），约定借款本金{principal}，"
                   "自{start}起算。因乙方未能按原合同约定按期还款，双方经平等协商，就原合同项下欠款的偿还事宜达成如下"
                   "协议，"
                   "以资共同遵守：",
    "agr.recital_mediated": "甲乙双方于{signed}签订编号为{contract_no}的借款合同（以下简称“原合同”），约定借款本金"
                            "{principal}，自{start}起算。因乙方未能按原合同约定按期还款，双方发生纠纷。经{mediator}"
                            "调解，双方自愿达成如下协议：",
    "agr.acknowledge": "乙方确认：截至{date}，乙方尚欠甲方款项合计{owed}，其中：",
    "agr.owed_principal": "本金{amount}", "agr.owed_interest": "逾期未还利息{amount}",
    "agr.owed_accrued_interest": "当期应计利息{amount}", "agr.owed_penalty": "罚息{amount}",
    "agr.owed_fees": "费用{amount}", "agr.owed_credit": "扣除多还款项{amount}",
    "agr.concessions": "在乙方按本协议约定按期足额还款的前提下，甲方同意给予以下减免，共计{forgiven}：",
    "agr.concessions_terms": "在乙方按本协议约定按期足额还款的前提下，甲方同意：",
    "agr.no_concessions": "甲方不予减免，乙方按下列还款计划足额偿还上述欠款。",
    "agr.concession_penalty": "减免罚息{amount}；", "agr.concession_fees": "减免费用{amount}；",
    "agr.concession_interest": "减免利息{amount}；", "agr.concession_principal": "减免本金{amount}；",
    "agr.concession_settlement": "乙方足额支付和解金额{settlement}后，甲方对其余欠款{amount}予以减免；",
    "agr.concession_freeze": "自{date}起停止计收利息、罚息及费用，剩余欠款按下列还款计划分期偿还，不再另行计收；",
    "agr.concession_rate": "自{date}起，利率由原合同约定的{contract_rate}调整为{rate}，利息已计入下列各期还款额；",
    "agr.schedule": "乙方应向甲方偿还款项合计{total}，分{n}期支付，自{first}起至{last}止，每期款项应于下表所列还款日"
                    "（含当日）前足额支付：",
    "agr.schedule_settlement": "双方同意以{settlement}和解结清原合同项下全部欠款，由乙方分{n}期支付，自{first}起至"
                               "{last}止，每期款项应于下表所列还款日（含当日）前足额支付：",
    "agr.col_number": "期次", "agr.col_due": "应还款日", "agr.col_amount": "金额（元）",
    "agr.col_principal": "其中本金（元）", "agr.col_other": "其中利息及费用（元）", "agr.total_row": "合计",
    "agr.total_words": "合计（大写）：{capital}",
    "agr.method_transfer": "乙方应通过银行转账将每期款项支付至甲方指定账户：户名{holder}，开户行{bank}，账号{account}。"
                           "还款时间以款项到达该账户的时间为准。",
    "agr.method_debit": "乙方授权甲方于每期还款日从乙方账户（户名{holder}，开户行{bank}，账号{account}）扣收当期应还"
                        "款项，乙方应于还款日前在该账户存足款项。",
    "agr.method_app": "乙方应通过甲方官方应用程序或其他官方还款渠道支付每期款项，还款时间以甲方系统入账时间为准；"
                      "乙方不得向任何个人账户付款。",
    "agr.prepayment": "乙方可随时提前偿还全部或部分款项，甲方不收取提前还款违约金、手续费或其他任何费用。部分提前还款"
                      "的，"
                      "冲抵最后到期的款项，其余各期的金额和还款日不变。",
    "agr.default": "乙方累计{installments}期未按本协议足额还款，或任何一期逾期超过{days}日的，甲方有权书面通知乙方解除"
                   "本协议：上述减免不再适用，原合同项下尚未清偿的欠款（即本协议确认的{acknowledged}扣除乙方已按本协"
                   "议支付的"
                   "款项）立即到期，甲方有权要求乙方一次性清偿。",
    "agr.default_plain": "乙方累计{installments}期未按本协议足额还款，或任何一期逾期超过{days}日的，甲方有权书面通知"
                         "乙方"
                         "解除本协议，本协议确认的{acknowledged}中尚未清偿的部分（扣除乙方已按本协议支付的款项）立即"
                         "到期，"
                         "甲方有权要求乙方一次性清偿。",
    "agr.discharge": "乙方按本协议足额支付全部款项合计{paid}后，双方就原合同项下的债权债务全部结清，甲方不再向乙方"
                     "主张任何款项，并应于十五日内向乙方出具结清证明。",
    "agr.disputes_court": "因本协议引起的或与本协议有关的争议，双方应协商解决；协商不成的，任何一方均可向有管辖权的"
                          "人民法院提起诉讼。",
    "agr.disputes_court_named": "因本协议引起的或与本协议有关的争议，双方应协商解决；协商不成的，任何一方均可向{forum}"
                                "提起诉讼。",
    "agr.disputes_arbitration": "因本协议引起的或与本协议有关的争议，双方应协商解决；协商不成的，任何一方均可向"
                                "______________仲裁委员会申请仲裁，仲裁裁决是终局的。",
    "agr.disputes_arbitration_named": "因本协议引起的或与本协议有关的争议，双方应协商解决；协商不成的，任何一方均可向"
                                      "{forum}申请仲裁，仲裁裁决是终局的。",
    "agr.judicial_confirmation": "本协议经调解达成。双方可以自本协议生效之日起三十日内共同向人民法院申请司法确认；"
                                 "经人民法院确认有效后，一方拒绝履行或者未全部履行的，对方可以向人民法院申请强制执行。",
    "agr.effective": "本协议自各方签名（盖章）之日起生效。",
    "agr.effective_mediated": "本协议自双方当事人签名、盖章或者按指印，调解员签名并加盖调解组织印章之日起生效。",
    "agr.effective_date": "本协议经各方签名（盖章）后，自{date}起生效。",
    "agr.copies": "本协议一式{copies}份，甲乙双方各执一份，具有同等法律效力。",
    "agr.copies_mediated": "本协议一式{copies}份，双方当事人各执一份，调解组织留存一份，具有同等法律效力。",
    "agr.copies_other": "本协议一式{copies}份，由各方分别收执，具有同等法律效力。",
    "agr.no_more": "（以下无正文）",
    "agr.sign_creditor": "甲方（盖章）：", "agr.sign_representative": "法定代表人或授权代表（签名）：",
    "agr.sign_borrower": "乙方（签名并按指印）：", "agr.sign_mediator": "调解员（签名）：",
    "agr.sign_mediator_seal": "调解组织（盖章）：", "agr.sign_date": "日期：",
    "agr.signed_at": "签订地点：{place}", "agr.signed_on": "签订日期：{date}",
    "agr.blank": "______________", "agr.blank_date": "______年____月____日",
    # 文书：金额、日期、利率的写法
    "doc.amount_cny": "人民币{amount}元", "doc.in_words": "（大写：{words}）", "doc.date": "{year}年{month}月{day}日",
    "doc.month_1": "1", "doc.month_2": "2", "doc.month_3": "3", "doc.month_4": "4", "doc.month_5": "5",
    "doc.month_6": "6", "doc.month_7": "7", "doc.month_8": "8", "doc.month_9": "9", "doc.month_10": "10",
    "doc.month_11": "11", "doc.month_12": "12",
    "doc.rate_year": "年利率{rate}", "doc.rate_month": "月利率{rate}", "doc.rate_day": "日利率{rate}",
    # 函件（`repayplan letter hardship|dispute`）
    "doc.page": "第{page}页　共{pages}页",
    "lt.to": "致：{creditor}", "lt.applicant": "申请人", "lt.colon": "：", "lt.list_sep": "、",
    "lt.loan": "本人于{signed}与贵方签订编号为{contract_no}的借款合同，借款本金{principal}，自{start}起分{term}期偿还，"
               "约定{rate}。",
    "lt.loan_norate": "本人于{signed}与贵方签订编号为{contract_no}的借款合同，借款本金{principal}，自{start}起分"
                      "{term}期"
                      "偿还。",
    "lt.loan_card": "本人是贵行信用卡持卡人（领用合约编号{contract_no}，签订日期{signed}），该卡分期本金{principal}，"
                    "自{start}起分{term}期偿还。",
    "lt.closing": "此致", "lt.closing_to": "{creditor}",
    "lt.sign_applicant": "申请人（签名）：", "lt.sign_date": "日期：",
    "lt.enclosures": "附件：", "lt.enclosure": "{n}. {text}",
    "hl.title": "协商还款申请书",
    "hl.owed": "本人按合同约定和实际还款记录逐期核算：截至{date}，本人已累计还款{paid}，尚欠款项合计{owed}，其中"
               "{items}。",
    "hl.claimed_more": "贵方通知所列欠款金额为{claimed}，比上述核算金额多{difference}，请贵方提供逐项计算明细并予以核"
                       "实。",
    "hl.claimed_less": "贵方通知所列欠款金额为{claimed}，比上述核算金额少{difference}，请贵方提供逐项计算明细。",
    "hl.hardship_since": "自{since}起，本人遇到以下困难，无法继续按原合同约定还款：",
    "hl.hardship": "本人目前遇到以下困难，无法继续按原合同约定还款：",
    "hl.hardship_blank": "________________________________________________________________",
    "hl.means": "本人目前每月收入{income}，必要生活支出{expenses}，每月最多可用于还款{budget}。",
    "hl.means_max": "本人每月最多可还款{amount}。",
    "hl.means_lump": "此外，本人可一次性筹措{amount}。",
    "hl.plan_ask": "为此，本人恳请贵方同意：",
    "hl.basis_card": "《商业银行信用卡业务监督管理办法》（中国银行业监督管理委员会令2011年第2号）第七十条规定：“在特"
                     "殊情况下，"
                     "确认信用卡欠款金额超出持卡人还款能力、且持卡人仍有还款意愿的，发卡银行可以与持卡人平等协商，达成"
                     "个性化分期还款协议。”本人的欠款已超出还款能力，但仍有还款意愿，特此申请个性化分期还款。",
    "hl.reply": "恳请贵方自收到本申请之日起{days}日内书面答复。答复之前，请暂停对本人的催收，并不要联系本人的家人、同事"
                "或其他第三人。",
    "dl.title": "欠款金额异议及提供还款明细申请书",
    "dl.claim": "贵方通知本人：截至{date}，本人欠款{claimed}。",
    "dl.rebuilt": "本人按合同约定和实际还款记录逐期核算，截至同日应还款项合计{rebuilt}，其中{items}；本人已累计还款"
                  "{paid}。",
    "dl.more": "贵方主张的金额比按合同核算的金额多{difference}。",
    "dl.less": "贵方主张的金额比按合同核算的金额少{difference}。",
    "dl.same": "贵方主张的金额与按合同核算的金额一致。",
    "dl.readings": "经核对，差额正好等于按以下合同并未约定的方法计算所多出的金额：",
    "dl.readings_none": "本人未能找到与合同约定相符、能够得出贵方金额的计算方法。",
    "dl.reading_base": "按{base}计收罚息，而合同约定按{contract_base}计收",
    "dl.reading_compound": "对未付利息也计收罚息（复利）",
    "dl.reading_payment-day": "还款当日也计收罚息",
    "dl.reading_no-grace": "未给予合同约定的宽限期",
    "dl.reading_grace-mode": "宽限期届满后自应还款日起计收罚息",
    "dl.reading_accelerated": "将尚未到期各期的利息提前计收",
    "dl.reading_accelerated-fees": "将尚未到期各期的分期手续费提前计收",
    "dl.reading_past-due": "只主张已到期部分，而非全部欠款",
    "dl.reading_missing": "本人{paid_on}的还款{payment}未入账",
    "dl.reading_credited": "本人{paid_on}的还款{payment}按{on}入账",
    "dl.reading_dated": "按{on}而非通知所载日期计算",
    "dl.reading_amount": "：{amount}", "dl.owed_interest": "利息{amount}",
    "dl.base_outstanding": "全部剩余本金（全额罚息）",
    "dl.base_overdue-installment": "逾期应还款额", "dl.base_overdue-principal": "逾期本金",
    "dl.cap": "此外，本笔借款的利息、罚息、违约金及其他费用超过{rule}：按单利计超出{simple}，按IRR年化计超出{excess}。"
              "截至{date}，贵方最多可主张{ceiling}。",
    "dl.cap_rule_lpr": "合同成立时一年期LPR {lpr}（{published}发布）的{multiple}倍，即{rate}，也就是《最高人民法院关"
                       "于审理"
                       "民间借贷案件适用法律若干问题的规定》第二十五条规定的上限",
    "dl.cap_rule_rate": "{rate}的上限",
    "dl.requests": "为此，本人请求贵方：",
    "dl.req_statement": "自收到本申请之日起{days}日内，向本人提供书面还款明细：逐期列明本金、利息、罚息、复利、违约金"
                        "及其他"
                        "各项费用，每项注明计收所用的利率、基数、起止日期和天数；",
    "dl.req_payments": "列明本人每笔还款的入账日期、金额和冲抵情况；",
    "dl.req_correct": "按合同约定更正主张的欠款金额；在更正并答复之前，暂停催收；",
    "dl.req_third": "停止就本笔欠款联系本人的家人、同事、朋友或其他第三人。",
    "agr.schedule_once": "乙方应于{first}前向甲方一次性支付{total}：",
    "agr.schedule_down": "乙方应向甲方偿还款项合计{total}：于{first}前支付首笔还款{down}，余款分{n}期支付，自{next}起"
                         "至{last}"
                         "止，每期款项应于下表所列还款日（含当日）前足额支付：",
    "agr.schedule_settlement_once": "双方同意以{settlement}和解结清原合同项下全部欠款，乙方应于{first}前一次性支付：",
    "agr.schedule_settlement_down": "双方同意以{settlement}和解结清原合同项下全部欠款：乙方于{first}前支付首笔还款"
                                    "{down}，余款分{n}期支付"
                                    "，自{next}起至{last}止，每期款项应于下表所列还款日（含当日）前足额支付：",
    "hl.plan": "由本人分{n}期偿还{total}，自{first}起至{last}止，各期还款日和金额见下表。",
    "hl.plan_once": "由本人于{first}一次性支付{total}。",
    "hl.plan_down": "由本人于{first}支付首笔还款{down}，余款分{n}期偿还，自{next}起至{last}止，合计{total}，各期还款"
                    "日和"
                    "金额见下表。",
    "hl.plan_settlement": "由本人支付和解金额{settlement}结清全部欠款，分{n}期支付，自{first}起至{last}止，各期还款日"
                          "和金额见下"
                          "表。",
    "hl.plan_settlement_once": "由本人于{first}一次性支付和解金额{settlement}，结清全部欠款。",
    "hl.plan_settlement_down": "由本人支付和解金额{settlement}结清全部欠款：于{first}支付首笔还款{down}，余款分{n}期"
                               "支付，自{next}起"
                               "至{last}止，各期还款日和金额见下表。",
    # 协商方案的语句（`repayplan propose`：方案名称、理由、说明、可行条件）
    "prop.w.sep": "；",
    "prop.w.join": "{parts}",
    "prop.w.waive": "减免{what}",
    "prop.w.waive_amount": "减免{what}{amount}元",
    "prop.w.rate": "年利率{rate}",
    "prop.w.term": "分{n}期",
    "prop.w.haircut": "本金减免{amount}元",
    "prop.w.haircut_percent": "本金减免{percent}",
    "prop.w.settle": "一次性结清{amount}元",
    "prop.w.settle_in": "减免后分期结清{amount}元（分{n}期）",
    "prop.w.settle_down": "和解结清{amount}元（首笔{down}元，余款分{n}期）",
    "prop.w.payment": "每期还款{amount}元，直至还清",
    "prop.w.keep": "维持原合同",
    "prop.w.step": "{text}",
    "prop.w.offer": "方案{rank}：{steps}",
    "prop.w.penalty": "罚息",
    "prop.w.fees": "费用",
    "prop.w.interest": "欠息",
    "prop.w.accrued": "应计利息",
    "prop.w.installment-fee": "分期手续费",
    "prop.w.and": "{a}及{b}",
    "prop.w.list": "{a}、{b}",
    "prop.w.reason": "{head}；{what}",
    "prop.w.cheapest": "债权人可接受的方案中借款人负担最轻者：债权人回收{npv}元（{share}）"
                       "，其最低回收额为{required}元",
    "prop.w.cheapest_all": "借款人负担最轻者：已用尽债权人允许的全部减免，债权人仍回收{npv}元（{share}）",
    "prop.w.reservation": "借款人的底线方案，也是不增加借款人负担时债权人可回收的最高金额："
                          "不作任何减免，按预算尽快还清全部欠款，债权人回收{npv}元（{share}）",
    "prop.w.and_reservation": "{head}；同时也是借款人的底线方案",
    "prop.w.most": "{limit}，债权人可回收的最高金额：{npv}元（{share}）",
    "prop.w.and_most": "{head}；同时也是债权人可回收的最高金额（{limit}）",
    "prop.w.in_budget": "在借款人每月{amount}元的还款能力之内",
    "prop.w.with_lump": "借款人现可一次性支付{amount}元",
    "prop.w.in_cap": "在利率司法保护上限{cap}之内",
    "prop.w.no_concession": "除延长期限外不作其他让步时",
    "prop.w.longest": "{limit}，按债权人可接受的最长期限（{months}个月）",
    "prop.w.between": "折中方案：借款人共还{total}元，债权人回收{npv}元（{share}）",
    "prop.w.paid_now": "立即支付{total}元，减免{forgiven}元",
    "prop.w.installments": "分{n}期，每期不超过{each}元，合计{total}元",
    "prop.w.now_then": "立即支付{lump}元，之后分{n}期，每期不超过{each}元，合计{total}元",
    "prop.w.note_position": "重组基准日{on}：欠款{owed}元；回收率＝按年折现率{rate}（债权人资金成本）"
                            "计算的净现值 ÷ {base}",
    "prop.w.base_owed": "欠款总额",
    "prop.w.base_principal": "本金",
    "prop.w.note_terms": "测算了1至{n}期（最长{months}个月）的方案，以及每月按预算足额还款、期限随之而定的方案",
    "prop.w.note_contract": "{text}，以及原合同剩余的{n}期",
    "prop.w.note_order": "让步按债权人通常的顺序排列：减免罚息和费用、调低利率（不高于原合同）"
                         "、减免欠息、减免本金，组合让步精确到分；或折扣结清",
    "prop.w.note_no_budget": "未给出借款人的还款能力（[borrower] max_payment，或 monthly_income 与 monthly_expenses）"
                             "：每期还款额不受限制",
    "prop.w.note_no_minimum": "未给出 [creditor] min_recovery：任何方案债权人都可接受",
    "prop.w.note_not_searched": "{text}；未测算{levers}（没有最低回收率，减免额没有下限）",
    "prop.w.note_ignored": "债权人允许但未测算的方式：{levers}（可用 compare 试算）",
    "prop.w.note_cap": "借款人实际年化成本的利率司法保护上限：{cap}",
    "prop.w.note_reservation": "借款人的底线方案：不作任何减免，按预算尽快还清全部欠款（{how}，"
                               "共{n}期，合计{total}元）；所有方案的借款人负担都不超过它",
    "prop.w.how_budget": "每期还款{amount}元，直至还清",
    "prop.w.how_once": "一期还清",
    "prop.w.note_no_reservation": "没有底线方案：按借款人的预算，不作减免就无法在债权人可接受的最长期限内还清，"
                                  "方案不受其限制",
    "prop.w.note_narrow": "只列出{count}个方案（而非{top}个）：可行方案的借款人负担在{low}元至{high}元之间，"
                          "彼此相差不足{gap}元的方案不算不同的让步（--min-concession）",
    "prop.w.note_savings": "节省金额以维持原合同为比较基准",
    "prop.w.none": "没有可行方案：{ways}。",
    "prop.w.or": "；或者",
    "prop.w.none_at_all": "没有可行方案：债权人允许的让步方式中，没有{minimum}符合借款人还款能力和利率上限的方案；"
                          "请允许更多让步方式",
    "prop.w.minimum": "既达到债权人最低回收额{amount}元、又",
    "prop.w.need_payment": "借款人每月需多还{short}元（{need}元，而非{have}元）",
    "prop.w.need_recovery": "债权人接受回收{base}的{share}（净现值{npv}元），而非{have}（{required}元）",
    "prop.w.of_owed": "欠款",
    "prop.w.of_principal": "本金",
    "prop.w.need_lump": "借款人现需多付{short}元（{need}元，而非{have}元）",
    "prop.w.need_term": "债权人同意最长{need}个月，而非{have}个月",
    "prop.w.need_cap": "实际年化成本上限放宽至{need}：债权人允许的让步方式下，"
                       "每个方案的借款人成本都高于利率司法保护上限{cap}，可行的办法是调低利率或减免",
    "prop.min_concession": "最小让步金额",
    "prop.lever.waive": "减免罚息和费用", "prop.lever.set-rate": "调低利率", "prop.lever.haircut": "减免本金",
    "prop.lever.settle": "折扣结清",
    "wb.comparison_note_solved_cost": "合计、笔数和日期为引用方案工作表的公式；年化成本为导出时 repayplan 的计算结果。",
    # 等额本息的每期还款额及与之不同的期次 (schedule summary)
    "sched.differ": "不同期次",
    "sched.interest_only_one": "第{periods}期只还利息（当期利息高于每期还款额）",
    "sched.interest_only_many": "共{count}期（第{periods}期）只还利息（当期利息高于每期还款额）",
    "sched.last_residue": "第{period}期为 {amount}（末期承担舍入尾差）",
    "sched.sep": "；",
    "sched.list_sep": "、",
    # 法定利率上限：以哪个数字为准、上限代表哪条规则 (legal.py)
    "cap.rule": "依据", "cap.nominal_irr": "IRR折算名义年化利率（据此判断）",
    "cap.irr_excess": "超出上限的金额（IRR法）", "cap.effective": "实际年化成本（复利，XIRR，仅供参考）",
    "cap.above": "超过上限", "cap.within": "未超过上限",
    "cap.rule_lpr4": "合同成立时一年期贷款市场报价利率（LPR）的四倍：民间借贷利息的司法保护上限（《最高人民法院关于审理"
                     "民间借贷案件适用法律若干问题的规定》2020年修正，第二十五条）；不适用于持牌金融机构（第一条）",
    "cap.rule_24": "年利率24%：持牌金融机构同时主张的利息、复利、罚息、违约金和其他费用总计超过此线的部分，法院可予调减"
                   "（《最高人民法院关于进一步加强金融审判工作的若干意见》法发〔2017〕22号，第二条）；属司法实践，并非法律明文上限",
    "cap.rule_36": "年利率36%：2015年民间借贷司法解释的上线（超过部分的约定无效）；"
                   "2020年8月20日起民间借贷改以LPR四倍为限",
    "cap.rule_other": "自定的上限，不代表任何法律规则",
    # 最低还款提示中的36个月还款额 (budget/warnings.py)
    "plan.warnings_heading_plain": "只还最低还款的代价",
    "plan.warning_36_below": "每月还 {payment} 可在 36 个月内还清，但低于目前的最低还款额 {minimum}："
                             "先按最低还款额还款，待其降到 {payment} 以下后每月还 {payment}，"
                             "{months}还清，省下 {saving}。",
    # 多笔债务：最优方案、其下界，以及与经验法则不同的原因
    "plan.name_optimal": "最优", "plan.name_avalanche": "雪崩法", "plan.name_snowball": "滚雪球法",
    "plan.name_minimum": "只还最低", "plan.name_custom": "自定义", "plan.sheet_optimal": "最优",
    "plan.desc_optimal": "最优：逐月分配余款的最省钱方案，由精确优化（混合整数规划）求得",
    "plan.answer": "结论：{order}；{months}后（{date}）全部还清，利息、罚息和费用共 {cost}，{vs}。",
    "plan.answer_clear": "依次还清 {items}", "plan.answer_item": "{debt}（第 {n} 个月）", "plan.answer_then": "、",
    "plan.vs_minimum": "比只还最低还款少付 {saving}",
    "plan.vs_minimum_never": "而只还最低还款则永远还不清",
    "plan.answer_unfinished": "结论：按此预算，试算的方案均无法还清这些债务（试算至第 {months} 个月）；"
                              "见下文预算不足部分。",
    "plan.bound_exact": "已证明最省：任何分配方式的花费都不低于 {bound}（按月模型的最小值，扣除每笔债务每月半分的"
                        "舍入）；本方案花费 {cost}。",
    "plan.bound_time": "在时限（{seconds} 秒）内找到的最好方案：花费 {cost}；任何方案的花费都不低于 {bound}，与最省"
                       "方案至多相差 {gap}。",
    "plan.bound_relaxed": "任何方案的花费都不低于 {bound}（模型放宽了 {debts} 的最低还款：提前还款后减少月供）；"
                          "本方案花费 {cost}，与最省方案至多相差 {gap}。",
    "plan.nobound_short": "无下界：预算不足以支付最低还款，没有余款可分配；给出的是试算中最省的方案。",
    "plan.nobound_bullet": "无下界：到期一次还本付息的贷款不在模型内；给出的是试算中最省的方案。",
    "plan.nobound_unfinished": "无下界：试算的方案均未能在期限内还清。",
    "plan.nobound_infeasible": "无下界：求解器在时限（{seconds} 秒）内未找到方案；给出的是试算中最省的方案。",
    "plan.nobound_time": "无下界：求解器在时限（{seconds} 秒）内未找到方案；给出的是试算中最省的方案。",
    "plan.why_heading": "为何不同于雪崩法：",
    "plan.why_full_bill": "先还清{debt}：未全额还清前，整笔账单计息（第 {months} 个月还清，而非第 {rule} 个月）",
    "plan.why_fee": "提前还清{debt}：每月 {fee} 的手续费只有还清后才停止收取（第 {months} 个月还清，而非第 {rule} "
                    "个月）",
    "plan.why_freed": "提前还清{debt}：还清后其最低还款额转而偿还其他债务（第 {months} 个月还清，而非第 {rule} 个月）",
    "plan.why_split": "每月余款分给几笔债务，而不是一次只还一笔：利息更少",
    "plan.why_order": "按 {debt} 的顺序还款：此处比雪崩法的排序更省",
    "plan.vs_heading": "各策略与{name}方案对比：",
    "plan.vs_more": "{name} 多付 {extra}", "plan.vs_equal": "{name} 花费相同",
    "plan.vs_later": "，晚 {months} 个月还清", "plan.vs_sooner": "，但早 {months} 个月还清",
    "plan.vs_same": "，还清时间相同", "plan.vs_never": "，且还不清",
    "plan.never_month": "无",
    "plan.bound_gap": "任何方案的花费都不低于 {bound}；本方案花费 {cost}，与最省方案至多相差 {gap}"
                      "（求解器的方案按分精确重算时损失了这部分）。",
    "plan.bound_large": "精确搜索会超出时限（多笔债务共 {months} 个月）：找到的最好方案花费 {cost}；任何方案的花费都"
                        "不低于 {bound}（线性松弛），与最省方案至多相差 {gap}。",
}
