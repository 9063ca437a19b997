"""English labels, by key; each feature keeps its keys in one block."""
from ...negotiate.words import WORDS

EN: dict[str, str] = {
    # batch: case-list output and errors file
    "case_id": "Case", "line": "Line", "problem": "Problem",
    "scenario": "Scenario", "scenario_date": "Restructuring date", "scenario_owed": "Owed on that date",
    "scenario_installment": "Plan installment", "scenario_payments": "Plan payments",
    "scenario_total_payment": "Plan total to pay", "scenario_total_interest": "Plan interest",
    "scenario_forgiven": "Forgiven", "scenario_saving": "Saving against the contract",
    "scenario_annual_cost": "Plan annual cost", "scenario_payoff_date": "Plan payoff date",
    "scenario_problem": "Why no plan",
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
    # plans side by side (`repayplan compare`): metric names of the JSON, row labels
    "total_principal": "of which principal", "forgiven": "Amount forgiven",
    "forgiven_principal": "Forgiven principal", "forgiven_interest": "Forgiven interest",
    "forgiven_penalty": "Forgiven penalty", "forgiven_fees": "Forgiven fees", "payments": "Number of payments",
    "first_payment": "First payment", "largest_payment": "Largest payment",
    "smallest_payment": "Smallest payment", "settlement": "Settlement sum", "lump_sum": "Lump sum needed now",
    "position_total": "Owed on the date", "annual_cost": "Borrower's effective annual cost",
    "discount_rate": "Creditor's discount rate", "creditor_npv": "Creditor's NPV",
    "recovery": "Recovery (NPV, % of owed)", "cash_recovery": "Recovery (cash, % of owed)",
    "largest_installment": "Largest installment", "payment_to_income": "Payment to income",
    "payment_to_budget": "Payment to budget", "lump_sum_shortfall": "Lump sum short by",
    "meets_min_recovery": "Meets the creditor's minimum", "saving": "Saving against the contract",
    "cmp.plan": "Plan", "cmp.figure": "Figure", "cmp.date": "Restructuring date", "cmp.owed": "Owed",
    "cmp.plans": "Plans", "cmp.notes": "Notes", "cmp.steps": "Steps", "cmp.no_steps": "no steps",
    "cmp.schedule": "Schedule: {name}", "cmp.accrued": "Accrued interest", "cmp.credit": "Credit",
    "cmp.capitalised": "Capitalised", "cmp.frozen_balance": "Interest-free balance", "cmp.note": "Note",
    "cmp.yes": "yes", "cmp.no": "no", "cmp.contract": "Contract as it stands",
    "cmp.of_interest": "of which interest", "cmp.of_penalty": "of which penalty", "cmp.of_fees": "of which fees",
    # arrears statement (`repayplan status`)
    "arrears.as_of": "As of", "arrears.status": "Status", "arrears.due": "Due", "arrears.paid": "Paid",
    "arrears.unpaid_principal": "Unpaid principal", "arrears.unpaid_interest": "Unpaid interest",
    "arrears.penalty_interest": "Penalty interest", "arrears.unpaid_penalty": "Unpaid penalty",
    "arrears.fees": "Late fees", "arrears.unpaid_fees": "Unpaid fees", "arrears.days_overdue": "Days overdue",
    "arrears.settled_on": "Settled on", "arrears.trace": "Calculation", "arrears.balance": "Unpaid",
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
    # arrears statement fixes (review): the loan-level full-balance penalty
    "arrears.full_balance": "full balance",
    # arrears follow-ups: due on the statement date (not late); the full-balance penalty's lines (CSV, workbook)
    "arrears.status.due today": "due today",
    "arrears.penalty_from": "Penalty from", "arrears.penalty_to": "Penalty to (not counted)",
    "arrears.penalty_balance": "Penalty balance", "arrears.penalty_daily_rate": "Penalty daily rate",
    "arrears.penalty_days": "Penalty days", "arrears.penalty_amount": "Penalty amount",
    "wb.balance_penalty": "Penalty on the whole balance",
    "wb.balance_penalty_note": "Full-balance penalty (全额罚息): while any installment is in default, the loan's "
                               "whole unpaid balance bears penalty interest. One line per interval (the balance "
                               "changes with each payment): balance × daily rate × days, rounded once; days = "
                               "to − from, the 'to' day not counted. Each installment's penalty interest above "
                               "is its share, in proportion to its part of the balance (largest remainder).",
    "wb.penalty_rate_unit": "Penalty rate ({unit})", "wb.from": "From", "wb.to": "To (not counted)",
    "wb.balance": "Balance", "wb.daily_rate_column": "Daily rate",
    # case-file workbook (`repayplan export`)
    "wb.contract": "Contract schedule", "wb.plan_rate": "Rate in the plan",
    "wb.contract_note": "the contract as signed, from the loan's start",
    "wb.sheet_summary": "Summary", "wb.sheet_arrears": "Arrears", "wb.sheet_terms": "Terms",
    "wb.sheet_charts": "Charts", "wb.doc_title": "Case file {case}: repayment plans",
    "wb.doc_subject": "Repayment plans for a consumer debt",
    "wb.doc_description": "{plans} {plans|plan|plans} in {currency}, written by repayplan; formulas recalculate when "
                          "an "
                          "input changes.",
    "wb.case": "Case", "wb.page_of": "Page {page} of {pages}", "wb.contract_rate": "Contract rate ({unit})",
    "wb.per_year": "per year", "wb.per_month": "per month", "wb.per_day": "per day",
    "wb.period_rate": "Rate per period", "wb.daily_rate": "Daily rate ({day_count})",
    "wb.principal_part": "Principal part", "wb.fee": "Fee per installment",
    "wb.round_half-up": "half-up to {quantum}", "wb.round_half-even": "half-even (banker's) to {quantum}",
    "wb.factor": "Rate for the period", "wb.discount": "Discount factor", "wb.capitalised": "Capitalised",
    "wb.frozen_balance": "Interest-free balance", "wb.steps": "Steps", "wb.freq_monthly": "monthly",
    "wb.freq_quarterly": "quarterly", "wb.freq_biweekly": "every two weeks", "wb.freq_weekly": "weekly",
    "wb.rule_interest": "Interest = opening balance × {rate}, rounded {rounding}.",
    "wb.rule_periodic": "the rate per period", "wb.rule_daily": "the daily rate × days",
    "wb.rule_odd_add": "Period 1 adds {days} odd days at the daily rate.",
    "wb.rule_short": "Period 1 is short: its {days} {days|day|days} at the daily rate.",
    "wb.rule_annuity": "Principal = installment − interest; the last installment repays what is left. Payment = "
                       "principal + interest + fees + penalty.",
    "wb.rule_equal-principal": "Principal = the principal part (opening balance ÷ installments, rounded); the "
                               "last installment repays what is left. Payment = principal + interest + fees + "
                               "penalty.",
    "wb.rule_interest-only": "Only interest until the last installment, which repays the principal.",
    "wb.rule_bullet": "Everything at maturity: interest on the principal over the whole term.",
    "wb.rule_values": "Amounts as repayplan computed them for this plan (its terms change during the plan); "
                      "payments, balances and totals are formulas.",
    "wb.summary_title": "Case {case}: the debt and the plans", "wb.case_heading": "The case",
    "wb.case_id": "Case id", "wb.borrower": "Borrower", "wb.creditor": "Creditor", "wb.mediator": "Mediator",
    "wb.as_of": "As of", "wb.prepared": "Prepared", "wb.debt_heading": "The debt on {date}",
    "wb.debt_principal": "Principal outstanding", "wb.of_which_overdue": "of which {amount} overdue",
    "wb.debt_interest": "Interest overdue", "wb.debt_accrued": "Interest accrued, not yet due",
    "wb.debt_penalty": "Penalty interest", "wb.debt_fees": "Fees", "wb.debt_credit": "Less: credit (overpaid)",
    "wb.debt_total": "Total owed", "wb.basis_heading": "Calculation basis",
    "wb.comparison_heading": "The plans side by side", "wb.metric": "Figure",
    "wb.comparison_note": "Figures are formulas over the plan sheets.",
    "wb.comparison_note_solved": "Totals, counts and dates are formulas over the plan sheets; the annual cost, "
                                 "NPV and recovery are as repayplan computed them at export.",
    "wb.metric_payments": "Number of payments", "wb.metric_first_payment": "First payment",
    "wb.metric_largest_payment": "Largest payment", "wb.metric_smallest_payment": "Smallest payment",
    "wb.cap_heading": "Legal cap on the cost of credit", "wb.cap": "Cap asked for", "wb.cap_rate": "Cap (annual)",
    "wb.cap_cost": "Effective annual cost", "wb.cap_excess": "Amount above the cap", "wb.cap_result": "Result",
    "wb.cap_within": "within the cap", "wb.cap_over": "above the cap",
    "wb.terms_title": "Repayment agreement: the terms", "wb.terms_from": "Filled from the plan “{plan}”.",
    "wb.parties": "Parties", "wb.terms_debt": "The debt on {date} and its structure",
    "wb.terms_repayment": "Repayment", "wb.plan": "Plan",
    "wb.terms_signatures": "Signatures", "wb.date": "Date", "wb.yes": "Yes", "wb.no": "No",
    "wb.arrears_title": "Arrears as of {date}", "wb.arrears_settings": "Penalty terms",
    "wb.arrears_payments": "Payments made", "wb.arrears_installments": "Installments",
    "wb.arrears_totals": "Totals", "wb.number": "No.", "wb.payment_date": "Date paid", "wb.amount": "Amount",
    "wb.none": "none", "wb.chart_balance": "Remaining balance",
    "wb.chart_composition": "What each payment pays: {plan}",
    # budget plan (`repayplan plan`)
    "plan.budget_heading": "Budget", "plan.currency": "Currency", "plan.start": "Plan starts",
    "plan.monthly": "Monthly budget", "plan.lump_sum": "Lump sum",
    "plan.lump_text": "{lump}, of which {reserve} kept as a reserve: {spent} paid in month 1",
    "plan.order_of_month": "Each month",
    "plan.order_text": "interest and penalty accrue; every debt gets its minimum; the rest goes to the "
                       "strategy's next debt",
    "plan.debts_heading": "Debts on {date}", "plan.debt": "Debt", "plan.kind": "Kind",
    "plan.installment": "installment", "plan.revolving": "revolving", "plan.balance": "Owed", "plan.rate": "Rate",
    "plan.minimum_rule": "Minimum", "plan.if_overdue": "If overdue", "plan.strategies_heading": "Strategies",
    "plan.strategy": "Strategy", "plan.months": "Months to debt-free", "plan.debt_free_date": "Debt-free on",
    "plan.total_paid": "Total paid", "plan.of_interest": "  of which interest",
    "plan.of_penalty": "  of which penalty interest", "plan.of_fees": "  of which fees",
    "plan.balance_left": "Still owed at the end", "plan.unspent": "Budget left over",
    "plan.payoff": "{debt} paid off", "plan.first_arrears": "First in arrears", "plan.not_repaid": "not repaid",
    "plan.years_months": "{years} y {months} m", "plan.n_months": "{n} {n|month|months}",
    "plan.cheapest_line": "Cheapest: {name} ({cost} of interest, penalty and fees).",
    "plan.difference": "{cheaper} costs {saving} less than {dearer}",
    "plan.months_sooner": " and is debt-free {months} {months|month|months} sooner",
    "plan.months_later": " but takes {months} {months|month|months} longer", "plan.months_same": " in as many months",
    "plan.warnings_heading": "Paying only the minimum: how long it takes and what it costs",
    "plan.warning_minimum": "{debt}: paying only the minimum takes {months} and costs {total} in all "
                            "({charges} of it interest and fees).",
    "plan.warning_36": "Paying {payment} a month clears it in 36 months and saves {saving}.",
    "plan.warning_36_floor": "Paying {payment} a month, or the minimum when it is more, clears it in 36 months "
                             "and saves {saving}.",
    "plan.same_cost": "{cheaper} and {dearer} cost the same",
    "plan.warning_within_36": "The minimum alone clears it within 36 months.",
    "plan.shortfall_heading": "The budget does not cover the minimums",
    "plan.shortfall_gap": "In month {period} the minimums due exceed the monthly budget by {gap}.",
    "plan.always_covered": "always covers the minimums",
    "plan.first_short": "first short on {date} (month {period}): {debts} into arrears; short in {months} "
                        "{months|month|months}; penalty interest charged {penalty}, fees charged {fees} (paid or not)",
    "plan.owed_at_end": "; {balance} still owed after month {months}",
    "plan.shortfall_rule": "Below the minimums every strategy pays them by one rule: the debt dearest to fall "
                           "behind on (its rate plus its penalty rate a year) first, every minimum that fits in "
                           "full; a rule of thumb, not an optimum. By what each actually costs (paid or still "
                           "owed), the cheapest here is {name}: {cost}.",
    "plan.growing": "; the debts then grow: never repaid at this budget",
    "plan.shortfall_hint": "To restructure {debt}, put its terms in a case file's [loan] and run `repayplan "
                           "propose` (offers both sides can accept) or `repayplan compare` (plans side by side).",
    "plan.timeline_heading": "Month by month: {name}", "plan.col_strategy": "strategy",
    "plan.col_period": "Month", "plan.col_date": "Date", "plan.col_debt": "debt", "plan.col_minimum": "minimum",
    "plan.col_payment": "payment", "plan.col_interest": "interest", "plan.col_penalty": "penalty",
    "plan.col_fees": "fees", "plan.col_balance": "balance", "plan.paid_to": "{debt} paid",
    "plan.owed_on": "{debt} owed", "plan.total_payment": "Total paid", "plan.total_balance": "Total owed",
    "plan.xl_summary": "Summary", "plan.xl_title": "Several debts, one budget: {n} strategies compared",
    "plan.xl_chart": "What each debt still owes: {name}", "plan.xl_doc_title": "Debt repayment plan",
    "plan.xl_months_axis": "Month", "plan.xl_amount_axis": "Owed ({currency})",
    "plan.xl_warnings": "Paying only the minimum", "plan.xl_differences": "Strategies against each other",
    "plan.sheet_avalanche": "avalanche", "plan.sheet_snowball": "snowball", "plan.sheet_minimum": "minimum",
    "plan.sheet_custom": "custom",
    "plan.desc_avalanche": "avalanche: the highest saving of the next unit of money first (the rate; a fee or "
                           "full-bill interest when this month's extra can clear the debt)",
    "plan.desc_snowball": "snowball: the smallest balance first",
    "plan.desc_minimum": "minimum: only the minimums, nothing extra",
    "plan.desc_custom": "custom: {order}, then the rest by cost",
    "plan.min_revolving": "{percent} of the bill", "plan.min_plus": " plus the month's interest and fees",
    "plan.min_floor": ", at least {floor}", "plan.min_installment": "the contract installment ({method})",
    "plan.pen_none": "no penalty interest", "plan.pen_rate": "{rate} on {base}",
    "plan.base_overdue-installment": "the overdue amount", "plan.base_overdue-principal": "the overdue principal",
    "plan.base_outstanding": "the whole outstanding balance", "plan.pen_compound": " and overdue interest",
    "plan.pen_late": "; late fee {fee} a missed month", "plan.pen_late_fixed": "{fee} fixed",
    "plan.pen_late_rate": "{percent} of the unpaid amount", "plan.pen_late_min": ", at least {amount}",
    "plan.pen_late_max": ", at most {amount}", "plan.pen_assumed": " (assumed: no [debts.penalty] given)",
    "plan.src_budget": "[budget] monthly", "plan.src_borrower": "[borrower] income {income} − expenses {expenses}",
    "plan.xl_cheaper": "Cheaper", "plan.xl_dearer": "Dearer", "plan.xl_saving": "Saves",
    "plan.xl_sooner": "Months sooner",
    # offers both sides can accept (`repayplan propose`)
    "prop.borrower": "Borrower", "prop.creditor": "Creditor", "prop.cap": "Legal cap",
    "prop.none": "No offer fits both sides.", "prop.offers": "Offers, best for the borrower first",
    "prop.paste": "Paste into the case file", "prop.payments": "Payments", "prop.now": "Needed now",
    "prop.total": "Borrower pays", "prop.recovery": "Recovery", "prop.installment": "Installment (max)",
    "prop.rank": "Rank", "prop.name": "Name", "prop.role": "Role", "prop.reason": "Reason",
    "prop.constraint": "Constraint", "prop.have": "Now", "prop.need": "Needed", "prop.shortfall": "Short by",
    "prop.text": "What would make an offer fit",
    "prop.pays_at_most": "pays at most {amount} a month", "prop.no_limit": "no monthly limit given",
    "prop.available": "{amount} available now", "prop.npv_at": "NPV at {rate} a year",
    "prop.at_least": "at least {share} {base} ({amount})", "prop.of_owed": "of what is owed",
    "prop.of_principal": "of the principal", "prop.no_minimum": "no minimum recovery given",
    "prop.max_months": "at most {months} {months|month|months}",
    "prop.concessions": "concessions: {levers}; the term is searched",
    # case-file workbook, again (XlsxWriter, live links, agreement-shaped Terms, party copies, on paper)
    "wb.copy_mediator": "Mediator's copy (all figures)", "wb.copy_borrower": "Borrower's copy",
    "wb.copy_creditor": "Creditor's copy",
    "wb.rule_linked": "This plan is the rest of the contract schedule: its amounts are links to the sheet “{sheet}” "
                      "(rows {first} to {last}), so they follow its contract rate.",
    "wb.nothing_owed_heading": "Nothing is owed",
    "wb.nothing_owed": "Nothing is owed on {date}: the loan is repaid. There is no plan to compare or agree; the "
                       "contract schedule is kept for the record.",
    "wb.plans_range": "(plans {first} to {last} of {count})",
    "wb.no_charts": "No charts: no plan has a payment.",
    "wb.owed_principal": "Principal", "wb.owed_interest": "Interest overdue",
    "wb.owed_accrued_interest": "Interest accrued, not yet due", "wb.owed_penalty": "Penalty interest",
    "wb.owed_fees": "Fees", "wb.owed_credit": "Less: credit (overpaid)",
    "wb.terms_other_frozen": "of which interest, charges and frozen arrears",
    "wb.terms_frozen_note": "Frozen arrears: overdue interest, penalty and fees carried without interest and repaid "
                            "in equal parts with the installments; they are in the last column, not new interest.",
    "plan.xl_timeline_title": "Month by month: {name}",
    "cmp.nothing_owed": "Nothing is owed on {date}: the loan is repaid; there is nothing to compare or agree.",
    "wb.no_rows": "No installments: nothing is owed under this plan.",
    # agreement (调解协议书 / installment agreement): the Terms sheet and `repayplan letter agreement`
    "agr.title": "Installment Repayment Agreement", "agr.title_mediated": "Mediation Agreement",
    "agr.role_creditor": "Party A (Creditor)", "agr.role_borrower": "Party B (Borrower)",
    "agr.role_mediator": "Mediation organisation",
    "agr.field_name": "Name",
    "agr.field_name_id_card": "Name", "agr.field_name_credit_code": "Name",
    "agr.field_id_card": "ID number", "agr.field_credit_code": "Unified social credit code",
    "agr.field_address": "Address", "agr.field_contact": "Telephone",
    "agr.field_representative_creditor": "Legal representative or authorised agent",
    "agr.field_representative_borrower": "Authorised agent", "agr.field_representative_mediator": "Mediator",
    "agr.article": "{n}.", "agr.item": "({n}) ",
    "agr.recital": "On {signed} the parties signed loan contract no. {contract_no} (the \"Original Contract\") for a "
                   "principal of {principal} from {start}. The Borrower has not repaid as the Original Contract "
                   "provides. Having negotiated as equals, the parties agree as follows on the repayment of what is "
                   "owed under it:",
    "agr.recital_mediated": "On {signed} the parties signed loan contract no. {contract_no} (the \"Original "
                            "Contract\") for a principal of {principal} from {start}. The Borrower has not repaid as "
                            "the Original Contract provides. Through mediation by {mediator}, the parties agree "
                            "voluntarily and in good faith as follows:",
    "agr.acknowledge": "The Borrower acknowledges owing the Creditor {owed} in all on {date}, being:",
    "agr.owed_principal": "principal {amount}", "agr.owed_interest": "interest due and unpaid {amount}",
    "agr.owed_accrued_interest": "interest accrued since the last due date {amount}",
    "agr.owed_penalty": "penalty interest {amount}", "agr.owed_fees": "fees and charges {amount}",
    "agr.owed_credit": "less an overpayment of {amount}",
    "agr.concessions": "Provided the Borrower pays every installment in full and on time under this Agreement, the "
                       "Creditor agrees to the following concessions, {forgiven} in all:",
    "agr.concessions_terms": "Provided the Borrower pays every installment in full and on time under this "
                             "Agreement, the Creditor agrees as follows:",
    "agr.no_concessions": "The Creditor grants no reduction: the debt acknowledged above is repaid in full on the "
                          "schedule below.",
    "agr.concession_penalty": "to waive penalty interest of {amount};",
    "agr.concession_fees": "to waive fees and charges of {amount};",
    "agr.concession_interest": "to waive interest of {amount};",
    "agr.concession_principal": "to forgive principal of {amount};",
    "agr.concession_settlement": "to forgive the remaining {amount} once the settlement sum of {settlement} is paid;",
    "agr.concession_freeze": "to charge no interest, penalty interest or fees from {date}: what remains owed is "
                             "repaid in the installments below without further charges;",
    "agr.concession_rate": "to charge interest at {rate} from {date} instead of the Original Contract's "
                           "{contract_rate}, as included in the installments below;",
    "agr.schedule": "The Borrower shall repay the Creditor {total} in {n} {n|installment|installments} from {first} "
                    "to {last}, each "
                    "paid in full on or before its due date below:",
    "agr.schedule_settlement": "The parties settle everything owed under the Original Contract for {settlement}, "
                               "which the Borrower pays in {n} {n|installment|installments} from {first} to {last}, "
                               "each in full on "
                               "or before its due date below:",
    "agr.col_number": "No.", "agr.col_due": "Due date", "agr.col_amount": "Amount", "agr.col_principal":
    "Of which principal", "agr.col_other": "Of which interest and charges", "agr.total_row": "Total",
    "agr.total_words": "Total in words: {capital}",
    "agr.method_transfer": "The Borrower pays each installment by bank transfer to the Creditor's account: account "
                           "name {holder}, bank {bank}, account number {account}. A payment is made when it reaches "
                           "that account.",
    "agr.method_debit": "The Borrower authorises the Creditor to debit each installment on its due date from the "
                        "Borrower's account (name {holder}, bank {bank}, number {account}) and keeps enough in it "
                        "by then.",
    "agr.method_app": "The Borrower pays each installment through the Creditor's official app or another official "
                      "repayment channel; a payment is made when the Creditor's system records it. No payment is "
                      "to be made to a personal account.",
    "agr.prepayment": "The Borrower may repay all or part early at any time without any fee, penalty or other "
                      "charge. A partial prepayment is applied to the installments falling due last; the others "
                      "keep their amounts and dates.",
    "agr.default": "If the Borrower misses {installments} {installments|installment|installments} in all, or pays any "
                   "installment more than "
                   "{days} {days|day|days} late, the Creditor may end this Agreement by written notice: the "
                   "concessions above "
                   "lapse, and what is unpaid of the original debt (the {acknowledged} acknowledged above, less "
                   "what the "
                   "Borrower has paid under this Agreement) falls due at once.",
    "agr.default_plain": "If the Borrower misses {installments} {installments|installment|installments} in all, or "
                         "pays any installment more "
                         "than {days} {days|day|days} late, the Creditor may end this Agreement by written notice, "
                         "and what is "
                         "unpaid of the {acknowledged} acknowledged above (less what the Borrower has paid under this "
                         "Agreement) falls due at once.",
    "agr.discharge": "Once the Borrower has paid everything due under this Agreement, {paid} in all, every claim "
                     "under the Original Contract is settled: the Creditor claims nothing further and issues a "
                     "certificate of settlement within 15 days.",
    "agr.disputes_court": "Any dispute arising from or in connection with this Agreement shall first be settled by "
                          "negotiation; failing that, either party may bring proceedings in the people's court "
                          "with jurisdiction.",
    "agr.disputes_court_named": "Any dispute arising from or in connection with this Agreement shall first be "
                                "settled by negotiation; failing that, either party may bring proceedings in "
                                "{forum}.",
    "agr.disputes_arbitration": "Any dispute arising from or in connection with this Agreement shall first be "
                                "settled by negotiation; failing that, either party may refer it to arbitration by "
                                "the ______________ Arbitration Commission, whose award is final.",
    "agr.disputes_arbitration_named": "Any dispute arising from or in connection with this Agreement shall first be "
                                      "settled by negotiation; failing that, either party may refer it to "
                                      "arbitration by {forum}, whose award is final.",
    "agr.judicial_confirmation": "This Agreement was reached through mediation. Within 30 days of its taking effect "
                                 "the parties may jointly apply to the people's court for judicial confirmation; "
                                 "once it is confirmed, either party may apply to the court for enforcement if the "
                                 "other does not perform.",
    "agr.effective": "This Agreement takes effect when every party has signed (or sealed) it.",
    "agr.effective_mediated": "This Agreement takes effect when both parties have signed (or sealed) it and the "
                              "mediator has signed it under the seal of the mediation organisation.",
    "agr.effective_date": "This Agreement takes effect on {date}, once every party has signed (or sealed) it.",
    "agr.copies": "This Agreement is made in {copies} counterparts, one for each party, each equally authentic.",
    "agr.copies_mediated": "This Agreement is made in {copies} counterparts, one for each party and one kept by the "
                           "mediation organisation, each equally authentic.",
    "agr.copies_other": "This Agreement is made in {copies} counterparts, kept by the parties, each equally "
                        "authentic.",
    "agr.no_more": "(Signatures follow.)",
    "agr.sign_creditor": "Party A (Creditor) (seal): ", "agr.sign_representative":
    "Legal representative or authorised agent (signature): ",
    "agr.sign_borrower": "Party B (Borrower) (signature): ", "agr.sign_mediator": "Mediator (signature): ",
    "agr.sign_mediator_seal": "Mediation organisation (seal): ", "agr.sign_date": "Date: ",
    "agr.signed_at": "Signed at: {place}", "agr.signed_on": "Signed on: {date}",
    "agr.blank": "______________", "agr.blank_date": "______________",
    # documents: amounts, dates and rates in letters and agreements
    "doc.amount_cny": "CNY {amount}", "doc.in_words": " ({words})", "doc.date": "{day} {month} {year}",
    "doc.month_1": "January", "doc.month_2": "February", "doc.month_3": "March", "doc.month_4": "April",
    "doc.month_5": "May", "doc.month_6": "June", "doc.month_7": "July", "doc.month_8": "August",
    "doc.month_9": "September", "doc.month_10": "October", "doc.month_11": "November", "doc.month_12": "December",
    "doc.rate_year": "{rate} a year", "doc.rate_month": "{rate} a month", "doc.rate_day": "{rate} a day",
    # letters (`repayplan letter hardship|dispute`)
    "doc.page": "Page {page} of {pages}",
    "lt.to": "To: {creditor}", "lt.applicant": "Applicant", "lt.colon": ": ", "lt.list_sep": ", ",
    "lt.loan": "On {signed} I signed loan contract no. {contract_no} with you for a principal of {principal}, "
               "repayable in {term} {term|installment|installments} from {start} at {rate}.",
    "lt.loan_norate": "On {signed} I signed loan contract no. {contract_no} with you for a principal of {principal}, "
                      "repayable in {term} {term|installment|installments} from {start}.",
    "lt.loan_card": "I hold your credit card (agreement no. {contract_no}, signed on {signed}); its installment plan "
                    "of {principal} is repayable in {term} {term|installment|installments} from {start}.",
    "lt.closing": "Yours faithfully,", "lt.closing_to": "-",
    "lt.sign_applicant": "Applicant (signature): ", "lt.sign_date": "Date: ",
    "lt.enclosures": "Enclosures:", "lt.enclosure": "{n}. {text}",
    "hl.title": "Request for a Repayment Arrangement",
    "hl.owed": "Rebuilt installment by installment from the contract and my payments, on {date} I have paid {paid} "
               "in all and owe {owed}: {items}.",
    "hl.claimed_more": "Your notice states {claimed}, {difference} more than this figure; please send me its "
                       "itemised calculation and check it.",
    "hl.claimed_less": "Your notice states {claimed}, {difference} less than this figure; please send me its "
                       "itemised calculation.",
    "hl.hardship_since": "Since {since} I have been in the following difficulty and cannot keep up the payments "
                         "the contract requires:",
    "hl.hardship": "I am in the following difficulty and cannot keep up the payments the contract requires:",
    "hl.hardship_blank": "________________________________________________________________",
    "hl.means": "I now earn {income} a month and need {expenses} a month to live, which leaves at most {budget} a "
                "month for repayment.",
    "hl.means_max": "I can pay at most {amount} a month.",
    "hl.means_lump": "I can also raise {amount} at once.",
    "hl.plan_ask": "I therefore ask you to agree:",
    "hl.basis_card": "Article 70 of the Measures for the Supervision and Administration of the Credit Card Business "
                     "of Commercial Banks (CBRC Order No. 2 of 2011) provides: \"In special circumstances, where it "
                     "is confirmed that the credit-card debt exceeds the cardholder's ability to repay and the "
                     "cardholder is still willing to repay, the issuing bank may negotiate with the cardholder on an "
                     "equal footing and reach a personalised installment repayment agreement.\" My debt exceeds my "
                     "ability to repay and I remain willing to repay; I therefore ask for such an agreement.",
    "hl.reply": "Please reply in writing within {days} {days|day|days} of receiving this request, and pause "
                "collection until "
                "then, without contacting my family, colleagues or any other third party.",
    "dl.title": "Dispute of the Amount Claimed and Request for an Itemised Statement",
    "dl.claim": "Your notice states that on {date} I owe {claimed}.",
    "dl.rebuilt": "Rebuilt installment by installment from the contract and my payments, I owe {rebuilt} on that "
                  "date: {items}; I have paid {paid} in all.",
    "dl.more": "Your figure is {difference} more than the contract gives.",
    "dl.less": "Your figure is {difference} less than the contract gives.",
    "dl.same": "Your figure equals the one the contract gives.",
    "dl.readings": "The difference is exactly what the following {count|reading|readings}, which the contract does not "
                   "provide for, {count|adds|add}:",
    "dl.readings_none": "I have found no reading of the contract that gives your figure.",
    "dl.reading_base": "penalty interest charged on {base} instead of {contract_base} as the contract provides",
    "dl.reading_compound": "penalty interest charged on unpaid interest too (compound interest)",
    "dl.reading_payment-day": "penalty interest charged for the day of payment too",
    "dl.reading_no-grace": "no grace period, although the contract grants one",
    "dl.reading_grace-mode": "penalty interest from the due date once the grace period has passed",
    "dl.reading_accelerated": "interest of installments not yet due charged now",
    "dl.reading_accelerated-fees": "installment fees of installments not yet due charged now",
    "dl.reading_past-due": "only what is past due claimed, not the whole debt",
    "dl.reading_missing": "my payment of {payment} on {paid_on} not credited",
    "dl.reading_credited": "my payment of {payment} on {paid_on} credited only on {on}",
    "dl.reading_dated": "the figure computed for {on}, not the notice's date",
    "dl.reading_amount": ": {amount}", "dl.owed_interest": "interest {amount}",
    "dl.base_outstanding": "the whole outstanding principal",
    "dl.base_overdue-installment": "the overdue installments", "dl.base_overdue-principal": "the overdue principal",
    "dl.cap": "Moreover, what the loan costs exceeds {rule}: by {simple} counted in simple interest, {excess} by the "
              "annualised IRR. At most {ceiling} may be claimed on {date}.",
    "dl.cap_rule_lpr": "{multiple} times the one-year LPR in force when the contract was made ({lpr}, published on "
                       "{published}), i.e. {rate} a year, the limit of Article 25 of the Provisions of the Supreme "
                       "People's Court on Private Lending Cases",
    "dl.cap_rule_rate": "the limit of {rate} a year",
    "dl.requests": "I therefore ask you:",
    "dl.req_statement": "to send me within {days} {days|day|days} of receiving this request a written, itemised "
                        "statement: "
                        "principal, interest, penalty interest, compound interest, late fees and every other charge, "
                        "installment by installment, each with the rate, the base, the dates from and to and the "
                        "number of days it was charged for;",
    "dl.req_payments": "to list every payment of mine with the date it was credited, its amount and what it paid;",
    "dl.req_correct": "to correct the amount claimed to what the contract provides, and to pause collection until "
                      "you have done so and replied;",
    "dl.req_third": "to stop contacting my family, colleagues, friends or any other third party about this debt.",
    "agr.schedule_once": "The Borrower shall pay the Creditor {total} in one payment on or before {first}:",
    "agr.schedule_down": "The Borrower shall repay the Creditor {total}: a first payment of {down} on or before "
                         "{first}, then {n}"
                         " installments from {next} to {last}, each paid in full on or before its due date below:",
    "agr.schedule_settlement_once": "The parties settle everything owed under the Original Contract for "
                                    "{settlement}, which the Borrower pays"
                                    " in one payment on or before {first}:",
    "agr.schedule_settlement_down": "The parties settle everything owed under the Original Contract for "
                                    "{settlement}: the Borrower pays {down}"
                                    " on or before {first}, then {n} {n|installment|installments} from {next} to "
                                    "{last}, each in "
                                    "full on or before its due date below:",
    "hl.plan": "to my repaying {total} in {n} {n|installment|installments} from {first} to {last}, on the dates and "
               "in the amounts "
               "below.",
    "hl.plan_once": "to my paying {total} in one payment on {first}.",
    "hl.plan_down": "to my paying {down} on {first} and the rest in {n} {n|installment|installments} from {next} to "
                    "{last}, {total} "
                    "in all,"
                    " on the dates and in the amounts below.",
    "hl.plan_settlement": "to my settling everything owed for {settlement}, paid in {n} {n|installment|installments} "
                          "from {first} to "
                          "{last}, on"
                          " the dates and in the amounts below.",
    "hl.plan_settlement_once": "to my settling everything owed for {settlement}, paid in one payment on {first}.",
    "hl.plan_settlement_down": "to my settling everything owed for {settlement}: {down} on {first}, then {n} "
                               "installments from {next}"
                               " to {last}, on the dates and in the amounts below.",
    # the negotiator's sentences (`repayplan propose`: offer names, reasons, notes, ways out); worded beside the
    # code that says them, in repayplan/negotiate/words.py
    **WORDS,
    "prop.min_concession": "Least concession",
    "prop.lever.waive": "waive", "prop.lever.set-rate": "set-rate", "prop.lever.haircut": "haircut",
    "prop.lever.settle": "settle",
    "wb.comparison_note_solved_cost": "Totals, counts and dates are formulas over the plan sheets; the annual cost "
                                      "is as repayplan computed it at export.",
    # the level installment and the rows that differ from it (schedule summary)
    "sched.differ": "Differs",
    "sched.interest_only_one": "installment {periods} pays its interest only (more than the level amount)",
    "sched.interest_only_many": "{count} installments ({periods}) pay their interest only (more than the "
                                "level amount)",
    "sched.last_residue": "installment {period} is {amount} (the last takes the rounding residue)",
    "sched.sep": "; ",
    "sched.list_sep": ", ",
    # legal caps: which figure decides, which rule a cap stands for (legal.py)
    "cap.rule": "Rule", "cap.nominal_irr": "Nominal annualised IRR (decides)",
    "cap.irr_excess": "Above the cap (IRR method)", "cap.effective": "Effective annual cost (XIRR, for information)",
    "cap.above": "above the cap", "cap.within": "within the cap",
    "cap.rule_lpr4": "4 × the one-year LPR in force when the contract was formed: the ceiling on interest in "
                     "private lending (Supreme People's Court provisions on private lending, amended 2020, art. "
                     "25); it does not govern licensed lenders (art. 1)",
    "cap.rule_24": "24% a year: the line courts apply to the interest, penalty interest, penalty and other "
                   "charges a licensed lender claims together (Supreme People's Court opinions on financial "
                   "adjudication, Fa Fa [2017] No. 22, art. 2); a line of court practice, not a statute",
    "cap.rule_36": "36% a year: the upper line of the 2015 private-lending provisions (interest above it was void); "
                   "since 20 Aug 2020 private lending is capped at 4 × LPR instead",
    "cap.rule_other": "a ceiling you chose: no rule is implied",
    # the 36-month figure of the minimum-payment warning (budget/warnings.py)
    "plan.warning_36_below": "Paying {payment} a month would clear it in 36 months, but that is below today's "
                             "minimum of {minimum}: you pay the minimum until it falls below {payment}, then "
                             "{payment}; that clears it in {months} and saves {saving}.",
    # several debts: the optimal plan, its bound, and why it departs from the rule of thumb
    "plan.name_optimal": "optimal", "plan.name_avalanche": "avalanche", "plan.name_snowball": "snowball",
    "plan.name_minimum": "minimum", "plan.name_custom": "custom", "plan.sheet_optimal": "optimal",
    "plan.desc_optimal": "optimal: the cheapest allocation of each month's extra, found by exact optimisation "
                         "(a mixed-integer program)",
    "plan.answer": "Answer: {order}; debt-free in {months} (on {date}), costing {cost} in interest, penalty and "
                   "fees, {vs}.",
    "plan.answer_clear": "clear {items}", "plan.answer_item": "{debt} (month {n})", "plan.answer_then": ", then ",
    "plan.vs_minimum": "{saving} less than paying only the minimums",
    "plan.vs_minimum_never": "where paying only the minimums never repays them",
    "plan.answer_unfinished": "Answer: at this budget no plan played repays these debts (the plans stop after "
                              "{months} {months|month|months}); see the shortfall below.",
    "plan.bound_exact": "Proven cheapest: no allocation of the money costs less than {bound} (the month model's "
                        "least, less half a cent a debt-month for rounding); this plan costs {cost}.",
    "plan.bound_time": "Best plan found within the time limit ({seconds} s): it costs {cost}; no plan costs less "
                       "than {bound}, so it is at most {gap} above the cheapest.",
    "plan.bound_relaxed": "No plan costs less than {bound} (the model relaxes the minimum of {debts}, whose "
                          "installment is lowered after a prepayment); this plan costs {cost}, at most {gap} above "
                          "the cheapest.",
    "plan.nobound_short": "No bound: the budget falls short of the minimums, so there is no extra to direct; the "
                          "cheapest plan played is given.",
    "plan.nobound_bullet": "No bound: a loan repaid in one sum at maturity is not in the model; the cheapest plan "
                           "played is given.",
    "plan.nobound_unfinished": "No bound: no plan played repays the debts within the horizon.",
    "plan.nobound_infeasible": "No bound: the solver found no plan within the time limit ({seconds} s); the "
                               "cheapest plan played is given.",
    "plan.nobound_time": "No bound: the solver found no plan within the time limit ({seconds} s); the cheapest "
                         "plan played is given.",
    "plan.why_heading": "Why it departs from avalanche:",
    "plan.why_full_bill": "clear {debt} sooner: until it is paid in full, interest runs on the whole bill (repaid "
                          "in month {months}, not {rule})",
    "plan.why_fee": "clear {debt} early: its fee of {fee} a month stops only when it is repaid (month {months}, "
                    "not {rule})",
    "plan.why_freed": "repay {debt} sooner: once repaid, its minimum goes to the other debts (month {months}, not "
                      "{rule})",
    "plan.why_split": "share each month's extra between the debts instead of paying one at a time: less interest",
    "plan.why_order": "pay the debts in the order {debt}: cheaper here than avalanche's ranking",
    "plan.vs_heading": "Each strategy against the {name} plan:",
    "plan.vs_more": "{name} costs {extra} more", "plan.vs_equal": "{name} costs the same",
    "plan.vs_later": ", debt-free {months} {months|month|months} later",
    "plan.vs_sooner": ", though debt-free {months} {months|month|months} sooner",
    "plan.vs_same": ", debt-free in the same month", "plan.vs_never": ", and never repays the debts",
    "plan.never_month": "never",
    "plan.bound_gap": "No plan costs less than {bound}; this plan costs {cost}, at most {gap} above the cheapest "
                      "(the solver's plan loses that much to the cents of the exact replay).",
    "plan.bound_large": "The exact search is beyond its work limit here ({months} {months|month|months} of "
                        "several debts): the "
                        "best plan found costs {cost}; no plan costs less than {bound} (the linear relaxation), so "
                        "it is at most {gap} above the cheapest.",
    # --- zh: words from the core (traces, notes, units, answers, terminal) ---
    "rate.year": "{pct}/year",
    "rate.month": "{pct}/month",
    "rate.day": "{pct}/day",
    "rate.short_year": "{pct}/year",
    "rate.short_month": "{pct}/month",
    "rate.short_day": "{pct}/day",
    "rate.as_is": "{rate}",
    "rate.month_to_day": "{rate} × 12 ÷ {year}",
    "rate.year_to_day": "{rate} ÷ {year}",
    "rate.relative": "{rule}: {contract} × {factor} = {rate}",
    "rate.contract_plus": "contract+{percent}",
    "rate.contract": "contract",
    "rate.contract_times": "contract×{factor}",
    "word.none": "none",
    "sep.comma": ", ",
    "sep.semicolon": "; ",
    "sep.plus": " + ",
    "sep.bounds": ", ",
    "fee.fixed": "{amount} fixed",
    "fee.at_least": "at least {amount}",
    "fee.at_most": "at most {amount}",
    "fee.of_unpaid": "{percent} of the unpaid installment",
    "fee.of_unpaid_bounded": "{percent} of the unpaid installment, {bounds}",
    "fee.sum": "{parts}",
    "fee.formula": "{percent} × {base} = {amount}",
    "fee.raised": "{formula}, raised to the minimum {amount}",
    "fee.capped": "{formula}, capped at {amount}",
    "trace.penalty_line": "{start} to {end}: {base} × {rate} × {days} {days|day|days} = {amount}",
    "trace.accrued": (
        "installment {period} interest {interest} × {elapsed}/{days} {days|day|days} ({start} to {on"
        "}) = {amount}"),
    "trace.late_fee": "late fee on {day} (missed, unpaid after {grace_end}): {parts}{total}",
    "trace.equals": " = {amount}",
    "trace.paid_in_grace": (
        "paid in full on {day}, within {grace} grace days: no penalty interest, no late f"
        "ee"),
    "note.payments_after": "{count} {count|payment|payments} dated after {as_of} not counted ({dates})",
    "note.full_balance": (
        "full-balance penalty (全额罚息): charged on the loan's whole unpaid principal, o"
        "ne calculation line per interval; each installment's penalty is its share, split"
        " by largest remainder"),
    "note.full_balance_compound": (
        "full-balance penalty (全额罚息): charged on the loan's whole unpaid principal an"
        "d unpaid interest, one calculation line per interval; each installment's penalty"
        " is its share, split by largest remainder"),
    "note.credit_owed_back": (
        "overpaid: {amount} held as credit for the borrower; nothing more falls due, so i"
        "t is owed back to the borrower"),
    "note.credit_next": (
        "overpaid: {amount} held as credit for the borrower; it pays the next installment"
        "s as they fall due"),
    "note.credit_next_interest": (
        "overpaid: {amount} held as credit for the borrower; it pays the next installment"
        "s as they fall due and does not reduce the principal before then, so contractual"
        " interest runs on the whole balance as scheduled (a prepayment is not a restruct"
        "uring: ask the lender to apply it to principal)"),
    "note.due_on_date": "due today, not yet late: no penalty",
    "note.due_on_date_grace": "due today, not yet late: no penalty; {grace} grace day{s} until {grace_end}",
    "note.in_grace": "unpaid, within the {grace} grace day{s} until {grace_end}: no penalty yet",
    "loan_amount": "Principal",
    "base.overdue-installment": "the overdue installments",
    "base.overdue-principal": "the overdue principal",
    "base.outstanding": "all outstanding principal (full-balance penalty)",
    "base.compound": " + unpaid interest (compound)",
    "base.payment_day": ", payment day counted",
    "grace.waive": "{days} {days|day|days} (paid within them: no penalty interest, no late fee)",
    "grace.shift": "{days} {days|day|days} (unpaid after them: penalty interest from the end of grace)",
    "scope.installment": " (by installment)",
    "scope.component": " (by component)",
    "component.fees": "fees",
    "component.penalty": "penalty",
    "component.interest": "interest",
    "component.principal": "principal",
    "sep.colon": ": ",
    "trace.installment": "#{period}",
    "pay.part": "#{period} {component} {amount}",
    "pay.to_credit": "{what} {amount}",
    "pay.line": "{date} {amount} → {parts}",
    "audit.is_difference": " = the difference",
    "audit.together": "together account for the difference: {readings}",
    "audit.unexplained": (
        "no single reading of the contract explains the difference; ask the creditor for "
        "its calculation"),
    "word.na": "n/a",
    "currency.CNY": "CNY",
    "currency.USD": "USD",
    "currency.EUR": "EUR",
    "currency.JPY": "JPY",
    "currency.KRW": "KRW",
    "currency.HKD": "HKD",
    "rate.divided": "{rate} ÷ {n}",
    "rate.times_year": "{rate} × {year} = {annual} ÷ {n}",
    "daycount.act/365": "act/365",
    "daycount.act/360": "act/360",
    "daycount.30/360": "30/360",
    "round.half-up": "half-up",
    "round.half-even": "half-even",
    "sched.daily_days": "{daily} × {days} {days|day|days} ({day_count})",
    "sched.daily_any": "{daily} × days ({day_count})",
    "sched.odd_add": "{basis} + {daily} × {odd} odd days",
    "sched.short_first": "{daily} × {days} {days|day|days} (short first period)",
    "sched.rule_odd": "; period 1: {basis}",
    "sched.rule_bullet": "interest = principal × Σ({basis}) over {n} {n|period|periods}, rounded {mode} to {quantum}",
    "sched.rule_level": "interest = opening balance × {basis}, rounded {mode} to {quantum}{odd}",
    "list.and": "{head} and {last}",
    "what.penalty": "penalty",
    "what.fees": "fees",
    "what.interest": "interest",
    "what.accrued": "accrued",
    "what.installment-fee": "installment-fee",
    "m.annuity": "annuity",
    "m.equal-principal": "equal-principal",
    "m.interest-only": "interest-only",
    "m.bullet": "bullet",
    "step.waive_full": "waive {what} in full",
    "step.waive_percent": "waive {percent} of {what}",
    "step.waive_amount": "waive {amount} of {what}",
    "step.capitalise": "capitalise {what} into principal",
    "step.haircut_percent": "forgive {percent} of principal",
    "step.haircut_amount": "forgive {amount} of principal",
    "step.set_rate": "rate {rate} from the restructuring date",
    "step.term": "{n} {n|installment|installments} ({method}){fee}",
    "step.payment": "pay {amount} an installment until repaid{fee}",
    "step.fee": ", a fee of {amount} with each",
    "step.fee_of_it": ", a fee of {amount} with each (of it)",
    "moratorium.capitalise": "capitalised",
    "moratorium.defer": "deferred to the end",
    "moratorium.waive": "waived",
    "step.moratorium": "{n} {n|period|periods} without payment, interest {what}",
    "step.interest_only": "{n} {n|period|periods} of interest only",
    "stage.times": "{n} × {amount}",
    "stage.then": "then {amount} until repaid",
    "stage.until": "{amount} until repaid",
    "stage.last": "{n} × {amount}, the last amount continuing until repaid",
    "step.graduated_stages": "graduated: {parts}{fee}",
    "stage.every": "every {n} {n|installment|installments}",
    "stage.every_year": "every year",
    "stage.from": "from {amount} until repaid",
    "stage.over": "over {n} {n|installment|installments}",
    "step.graduated": "graduated: +{percent} {every} {start}{fee}",
    "settle.percent": "{percent} of what is owed",
    "settle.by": " by {date}",
    "settle.one": "in one payment{when}",
    "settle.down": "{down} down{when} and {n} {n|installment|installments}",
    "settle.installments": "in {n} {n|installment|installments}",
    "step.settle": "settle for {total}, {how}, the rest forgiven",
    "settled.one": "one payment of {total} on {by}",
    "settled.installments": "{n} interest-free installments of {each}",
    "settled.down": "{n} interest-free installments of {each} after {down} down on {by}",
    "settled.basis": (
        "settlement {total} of the {owed} owed: {how}; it pays {head}, then {last} (the a"
        "llocation order); {forgiven} forgiven"),
    "effect.step": "step {index}: {text}{effects}",
    "effect.forgives": " (forgives {amount})",
    "effect.moves": " (moves {amount} into principal)",
    "owed.line": "owed on {on}: {parts}; total {total}",
    "owed.nothing": "nothing",
    "owed.principal": "principal {amount}",
    "owed.interest": "interest {amount}",
    "owed.accrued": "accrued interest {amount}",
    "owed.penalty": "penalty {amount}",
    "owed.fees": "fees {amount}",
    "owed.credit": "credit {amount}",
    "plan.line": "{n} {n|installment|installments} from {first}: {text}, on {balance} at {rate}",
    "plan.frozen": (
        "{total} of owed interest, penalty and fees frozen (no interest), repaid in equal"
        " parts of about {each}"),
    "plan.deferred": "{amount} of deferred interest paid with the last installment",
    "plan.joined": "{lines}",
    "plan.first_period": (
        "the first period is the contract's current one, {start} to {due}: the plan charg"
        "es {rate} for the days after {on} only (its {before} for the days before is not "
        "charged)"),
    "plan.first_period_accrued": (
        "{text}; the {accrued} of interest accrued before {on} falls due with the first p"
        "ayment"),
    "plan.fee": "a fee of {fee} with each installment, {total} in all",
    "plan.no_fee_contract": (
        "no installment fee (the contract's {fee} an installment is not charged; a term, "
        "payment or step-up step may set a fee)"),
    "plan.no_fee": "no installment fee",
    "plan.remaining": "the contract's remaining {n} {n|installment|installments}, unchanged",
    "plan.remaining_accrued": (
        "the contract's remaining {n} {n|installment|installments}, unchanged (the first includes {accrue"
        "d} of interest accrued before {on})"),
    "shape.bullet": "everything at {on}",
    "shape.kept": " (the contract's own: its terms are unchanged)",
    "shape.level": "level installment {amount}{kept}",
    "shape.principal": "principal {amount} an installment{kept}",
    "shape.interest_only": "interest only, principal with the last installment",
    "shape.graduated": "first installment {first}, then × {growth} every {every} {every|installment|installments}",
    "shape.as_agreed": "installments as agreed, the last one less",
    "contract.assumption": (
        "if nothing is agreed: every remaining installment is paid on its due date (each "
        "payment clears the oldest arrears first, by the allocation order, so penalty kee"
        "ps running) and everything still owed, penalty included, is paid at maturity"),
    "contract.matured": (
        "the loan is past its maturity; if nothing is agreed, penalty keeps running under"
        " the penalty terms until everything owed is paid on {until} (the payoff date of "
        "the longest plan compared)"),
    "contract.no_history": (
        "no payment history: the loan is taken as paid on schedule up to {on}, then its s"
        "chedule runs to the end"),
    "contract.how": (
        "{n} remaining installments paid on their due dates and {left} at maturity on {ma"
        "turity}"),
    "contract.how_matured": "{left} paid on {maturity}",
    "contract.owed_statement": "owed on {on}: {total} (the arrears statement)",
    "contract.owed": "owed on {on}: {total}",
    "contract.matured_now": "the loan is past its maturity: everything owed is paid on {on}",
    "cmpnote.position": (
        "position on {on}: {total} owed; the effective annual cost takes it as the amount"
        " financed on that date"),
    "cmpnote.contract": "contract as it stands: {basis}",
    "cmpnote.npv_zero": (
        "creditor NPV at 0% (no [creditor] discount_rate given): the plain sum of the pay"
        "ments"),
    "cmpnote.npv": "creditor NPV at {rate} a year (its cost of funds), discounted to {ref}",
    "cmpnote.plan_from": "{name} from {on}",
    "cmpnote.dates": (
        "plans start on different dates ({dated}): every plan is measured from {ref}, the"
        " earliest: NPVs are discounted to it, recovery is a share of the {owed} owed the"
        "n, and savings are against the contract as it stands from {on}"),
    "cmpnote.dates_later": (
        "plans start on different dates ({dated}): every plan is measured from {ref}, the"
        " earliest: NPVs are discounted to it, recovery is a share of the {owed} owed the"
        "n, and savings are against the contract as it stands from {on}; a plan starting "
        "later counts the installments paid on schedule before it starts"),
    "cmpnote.frozen": (
        "overdue interest, penalty and fees that a plan neither waives nor capitalises ar"
        "e frozen: no interest, repaid in equal parts with its installments; interest acc"
        "rued but not yet due falls due with a plan's first payment, as under the contrac"
        "t"),
    "row.moratorium": "moratorium: interest {interest} {what}",
    "row.interest_only": "interest only",
    "done.capitalise": "capitalised",
    "done.defer": "deferred to the last installment",
    "done.waive": "waived",
    "paren": "{text} ({inner})",
    "lever.waive": "waive",
    "lever.set-rate": "set-rate",
    "lever.haircut": "haircut",
    "lever.settle": "settle",
    "prop.keep": "keep the contract",
    "prop.offer_n": "Offer {n}",
    "csv.loan": "loan",
    "csv.full-balance penalty": "full-balance penalty",
    "prop.role_borrower": "borrower",
    "prop.role_creditor": "creditor",
    "prop.role_both": "both",
    "prop.role_between": "between",
    "cli.did_you_mean": "No such command '{name}'. Did you mean '{command}'?",
    "cmp.plan_n": "Plan {n}",
    "owedline.principal": "Principal",
    "owedline.interest": "Interest",
    "answer.build_level": (
        "{n} {n|installment|installments} of {amount} from {first_due} to {last_due}: {total} in all, {in"
        "terest} of it interest."),
    "answer.build_level_last": (
        "{n} {n|installment|installments} of {amount} from {first_due} to {last_due}, the last {last}: {t"
        "otal} in all, {interest} of it interest."),
    "answer.build_varying": (
        "{n} {n|installment|installments} from {first_due} to {last_due}, the first {amount}, the last {l"
        "ast}: {total} in all, {interest} of it interest."),
    "answer.build_one": (
        "One payment of {amount} on {last_due}: {total} in all, {interest} of it interest"
        "."),
    "answer.part_principal": "overdue principal ",
    "answer.part_interest": "overdue interest ",
    "answer.part_penalty": "penalty ",
    "answer.part_fees": "fees ",
    "answer.status_due": "Due now, on {on}: {due} ({parts}); {payoff} settles everything.",
    "answer.status_nothing_due": "Nothing is overdue on {on}; {payoff} settles everything.",
    "answer.status_claim": (
        " The creditor claims {claimed}; rebuilt from the contract it is {rebuilt} (see t"
        "he claim audit below)."),
    "answer.compare_best": (
        "Of the {n} {n|plan|plans}, {k} {k|fits|fit} both sides (the creditor's minimum recovery, the "
        "borrower's budget); the cheapest for the borrower is {name}: {total} in all, {payments} "
        "{payments|payment|payments} of at most {largest}, the creditor recovering {recovery}."),
    "answer.compare_none": (
        "None of the {n} {n|plan|plans} fits both sides: {short} {short|recovers|recover} less than the "
        "creditor's minimum, {dear} {dear|asks|ask} more than the borrower's budget."),
    "answer.propose_best": (
        "{name} fits both sides and costs the borrower least: {steps}; {total} in all, {payments} "
        "{payments|payment|payments} of at most {largest}; the creditor recovers {npv} in present "
        "value ({recovery}), its minimum being {required}."),
    "answer.propose_none": "No offer fits both sides; what would make one fit is below.",
    "plan.warnings_us_rule": " (the warning US card statements must print, Reg. Z §1026.7(b)(12))",
    # --- end zh ---
    # claim audit: readings replayed, both bases, the most the contract could produce
    "audit.head": "claimed {claimed} for {on}; the contract's {basis} is {rebuilt}; difference {difference}",
    "audit.other_date": "the notice is dated {on}, the statement {as_of}: the claim is compared on {on}",
    "audit.basis.past-due": "past due now (逾期金额)", "audit.basis.payoff": "payoff (一次性结清金额)",
    "audit.principal": "principal", "audit.interest": "interest", "audit.penalty": "penalty",
    "audit.fees": "fees", "audit.credit": "credit",
    "audit.contract": "the contract as written", "audit.and": "; and ",
    "audit.base.outstanding": "the whole outstanding balance (全额罚息)",
    "audit.base.overdue-installment": "the overdue installment (逾期金额)",
    "audit.base.overdue-principal": "the overdue principal",
    "audit.r.base": "penalty on {base} instead of {contract}",
    "audit.r.compound.on": "penalty also on unpaid interest (compound interest, 复利)",
    "audit.r.compound.off": "no penalty on unpaid interest (no 复利)",
    "audit.r.payment-day.on": "the payment day counted as a penalty day too (还款日计息)",
    "audit.r.payment-day.off": "the payment day not counted as a penalty day",
    "audit.r.no-grace": "no grace days (宽限期 ignored)",
    "audit.r.grace-mode.waive": "penalty from the due date rather than after the grace days",
    "audit.r.grace-mode.shift": "penalty only from the end of the grace days",
    "audit.r.missing": "the payment of {amount} on {paid_on} not credited (and penalty charged on it since)",
    "audit.r.credited": "the payment of {amount} on {paid_on} credited only on {on}",
    "audit.r.dated": "the figure computed as of {on}",
    "audit.r.accelerated": "interest and installment fees to the end of the term charged now (acceleration)",
    "audit.matches": "the claim matches the contract's figure ({basis})",
    "audit.explains": "rebuilt {basis}: {figures}; {difference} from the contract's figure, the difference",
    "audit.singles": "each reading alone, rebuilt",
    "audit.none": "no reading explains the claim, alone or up to three together; ask the creditor for its "
                  "calculation",
    "audit.maximum": "the most the contract could produce on {on} ({readings}): {figures}",
    "audit.exceeds": "the claim exceeds that by {amount}: no reading of the penalty terms reaches it",
    "audit.within": "the claim is within that ({amount} below)",
    "audit.cut": "search cut short after {tried} rebuilds (time budget, --audit-seconds)",
    "audit.cap": "under the cap {cap}, at most {ceiling} may be claimed on {on}",
    "audit.cap_above": "the claim is {amount} above the capped figure", "audit.cap_within": "the claim is within it",
    "audit.colon": ": ", "audit.same": " = ", "audit.list": ", ", "audit.sep": " ",
    "arrears.claimed_on": "Claim stated for", "arrears.claim_basis": "Claim basis",
    "arrears.claim_difference": "Claim difference", "arrears.claim_explained": "Claim explained",
    "arrears.claim_explanation": "Explained by", "arrears.claim_maximum": "Most the contract gives",
    "arrears.claim_exceeds_maximum": "Claim exceeds that", "arrears.claim_cut_short": "Audit cut short",
    "audit.more": " (+{count} more)",
    "audit.complete.0": ": not every single reading was tried",
    "audit.complete.1": ": every single reading tried, not every pair",
    "audit.complete.2": ": every pair tried, not every three together",
    # claim audit: the search's own bound on three payments missing together
    "audit.bounded": "{tried} rebuilds: every single reading and pair tried; three payments missing together not "
                     "tried (more than {pool} {pool|payment|payments} could be missing)",
    # zh words everywhere: the workbook's calculation basis
    "wb.basis_periodic": "periodic", "wb.basis_daily": "daily",
    # zh words everywhere: the legal cap's wording and traces (repayplan.legal)
    "cap.text_lpr": "{multiple} × LPR {lpr} (published {published}) = {rate}",
    "cap.text_rate": "{given} = {annual}/year",
    "cap.note_lpr_data": "the shipped LPR data is confirmed through {through}; check the LPR published before {date}",
    "cap.tr.flows": "cash flows: {lent} lent on {start}, {payments} totalling {paid}{fee}, {claimed} still claimed "
                    "on {as_of}",
    "cap.tr.payment_one": "{n} payment", "cap.tr.payments": "{n} payments",
    "cap.tr.upfront_fee": ", upfront fee {amount}",
    "cap.tr.charged": "charged beyond the principal: {charged}; nominal annualised IRR {nominal} (IRR per repayment "
                      "period × periods a year, PBoC announcement [2021] No. 3) against the cap {cap}",
    "cap.tr.irr": "IRR method: the flows valued on {as_of} at the cap's rate per repayment period leave {excess} "
                  "above the cap",
    "cap.tr.xirr": "effective annual cost (XIRR, compounded, for information): {rate}",
    "cap.tr.simple": "simple: allowed {days} = {allowed}; charged {charged} − allowed = {excess}",
    "cap.tr.principal_days": "Σ unpaid principal × days ({days} principal-days) × {rate} ÷ 365",
    "cap.tr.na": "n/a",
    # zh words everywhere: input errors (the case-file reader's common problems), shown after the prefix
    "err.prefix": "Error: ",
    "err.at": "{where}: {message}",
    "err.missing": "missing; {hint}",
    "err.table_missing": "missing; add a [{path}] table",
    "err.unknown_table": "unknown table; {hint}",
    "err.unknown_field": "unknown field; {hint}",
    "err.did_you_mean": "did you mean {near}?",
    "err.known_fields": "known fields: {known}",
    "err.tables_are": "the tables are {tables}",
    "err.goes_under": "a key of {tables} goes under its table, e.g. [{table}] {name} = ...",
    "sep.or": " or ",
    "err.hint_amount": "give an amount such as 1000.00",
    "err.hint_rate": "give a rate such as '4.9%/year'",
    "err.hint_whole": "give a whole number",
    "err.hint_date": "give a date such as 2025-01-15",
    "err.hint_choice": "use one of {choices}",
    "err.hint_text": "give a text in quotes",
    "err.not_number": "{value} is not a number; write it like 1000 or 1000.50",
    "err.expected_number": "expected a number, got {value}",
    "err.not_date": "{value} is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15",
    "err.not_whole": "must be a whole number, got {value}",
    "err.rate_hint": "write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day",
    "err.not_rate": "{value} is not a rate; {hint}",
    "err.not_rate_quoted": "{value} is not a rate; {hint} (in quotes, with its unit)",
    "err.unknown_period": "unknown period {unit} in {text}; use /year, /month or /day",
    "err.in_file": "{path}: {message}",
    # the optimal plan's answer: where each month's extra goes, in runs of months, and why
    "plan.answer_lead": "Answer: debt-free in {months} (on {date}), costing {cost} in interest, penalty and fees, "
                        "{vs}. Each month's extra (the money left after the minimums) goes:",
    "plan.run_months": "Months {first}–{last}", "plan.run_month": "Month {first}",
    "plan.run_line": "{when}: extra {shares}{cleared}{why}",
    "plan.run_line_monthly": "{when}: extra {shares}{cleared}{why}",
    "plan.run_share": "{amount} to {debt}", "plan.run_share_monthly": "{amount} a month to {debt}",
    "plan.run_range": "{least}–{most}", "plan.run_sep": ", ", "plan.run_cleared": ", clearing {debts}",
    "plan.run_why": " ({debt} is repaid sooner than under avalanche: {why})",
    "plan.run_why_full_bill": "until it is paid in full, interest runs on the whole bill",
    "plan.run_why_fee": "its fee of {fee} a month stops only when it is repaid",
    "plan.run_why_freed": "once repaid, its minimum goes to the other debts",
    "plan.run_more": "… and {n} more (every month: the month-by-month table, --timeline)",
    "plan.bound_nodes": "Best plan found within the search's work limit ({nodes} branch-and-bound nodes, the same "
                        "on any machine): it costs {cost}; no plan costs less than {bound}, so it is at most {gap} "
                        "above the cheapest.",
    # polish (new-user review): counted nouns, a file kept without --force, nothing owed in propose
    "file.exists": "{target} already exists; pass --force to overwrite it",
    "wrote.file": "Wrote {target}: {what}",
    "wrote.compared": "{n} {n|plan|plans} compared, terms from '{name}'",
    "wrote.offers": "{n} {n|offer|offers} and the contract as it stands",
    "wrote.strategies": "{n} {n|strategy|strategies} compared",
    "answer.compare_only": (
        "The one plan compared, {name}, fits both sides (the creditor's minimum recovery, the borrower's budget): "
        "{total} in all, {payments} {payments|payment|payments} of at most {largest}, the creditor recovering "
        "{recovery}."),
    "answer.compare_only_none": "The one plan compared, {name}, does not fit both sides: it {why}.",
    "answer.only_short": "recovers less than the creditor's minimum",
    "answer.only_dear": "asks more than the borrower's budget", "answer.only_and": " and ",
    # problems as data: every input error in the user's language (err.*)
    "err.with_hint": "{message}; {hint}",
    "err.missing_value": "missing",
    "err.span_to": "from {low} to {high}",
    "err.span_up": "from {low} up",
    "err.span_max": "up to {high}",
    "err.whole_too_large": "{value} is too large; give a whole number {span}",
    "err.whole_too_large_any": "{value} is too large; give a whole number ",
    "err.whole_out_of_range": "must be a whole number {span}, got {value}",
    "err.date_range": "{day} is out of range; give a date from {first} to {last}",
    "err.text_too_long": "is {length} characters long; keep it to {limit}",
    "err.text_control": "has a control character (U+{code}) at position {position}; remove it",
    "err.kind_list": "list",
    "err.kind_dict": "dict",
    "err.amount_too_large": "{value} is too large; amounts are below {limit}",
    "err.not_finite": "{value} is not a finite number",
    "err.too_many_decimals": "{value} has more than {places} decimals; give the amount to the currency's smallest "
                             "unit",
    "err.amount_too_long": "{value} is too long for an amount; write it like 1000 or 1,000.50",
    "err.wrong_currency_mark": "{value} is marked as CNY (¥, 元) but the currency is {currency}; write the bare "
                               "amount",
    "err.bad_comma": "{value} has a comma that does not group thousands; write decimals with a dot (1.5) and "
                     "commas only between groups of three digits (1,000.50)",
    "err.finer_than_unit": "{amount} is finer than the smallest {currency} unit ({quantum})",
    "err.at_most_decimals": "write it with at most {places} decimals",
    "err.whole_amount": "write it as a whole number",
    "err.not_percentage": "{value} is not a percentage; write it like '20%'",
    "err.bare_percentage": "{value} is a bare number; a percentage is text with %: write it as {fixed}",
    "err.no_percent_sign": "{value} has no % sign; write it as {fixed}",
    "err.rate_no_period": "{value} has no period, and in Chinese contracts 万分之五 (5‱) is a day rate: write "
                          "日万分之五 or 5‱/day for a day rate (0.05% a day), or give its period (月万分之五)",
    "err.unknown_period_zh": "unknown period {unit} in {text}; use /年, /月 or /日",
    "err.penalty_rate_hint": "write it like 0.05%/day, 18%/year or contract+50%",
    "err.relative_needs_percent": "{value} needs a percentage, like contract+50%",
    "err.relative_mixed": "{value} mixes × and %; write contract+50% or contract×1.5",
    "err.or_relative": "{message}, or relative to the contract like contract+50%",
    "err.case_not_found": "case file not found; check the path {path}",
    "err.case_is_directory": "is a directory; give a .toml or .json case file",
    "err.case_not_utf8": "is not UTF-8 text; save the case file as UTF-8",
    "err.case_unreadable": "cannot read the case file ({reason})",
    "err.not_json": "not valid JSON: {detail} at line {line}, column {column}",
    "err.not_toml": "not valid TOML: {detail}",
    "err.not_toml_at": "not valid TOML: {detail}",
    "err.nested_too_deeply": "nested too deeply; a case file has tables of values, a few levels deep",
    "err.huge_number": "cannot be read: a number has thousands of digits; numbers in a case file have at most a "
                       "few dozen digits",
    "err.unreadable_number": "cannot be read: {reason}; numbers in a case file have at most a few dozen digits",
    "err.not_a_table_at_top": "the case file must be a table (a JSON object) at the top",
    "err.kind_a_table": "a table",
    "err.kind_a_list": "a list",
    "err.kind_a_text": "a text",
    "err.not_a_table": "must be a table, got {got}",
    "err.not_tables": "must be a list of tables ([[{table}]]), got {got}",
    "err.not_positive": "must be a positive amount, got {value}",
    "err.negative": "must be 0 or more, got {value}",
    "err.unknown_choice": "{value} is unknown",
    "err.not_boolean": "must be true or false, got {value}",
    "err.not_text": "must be a text in quotes, got {value}",
    "err.csv_unclosed": "a quote opens in this line and does not close before the line ends; close it, or write a "
                        "quote inside a quoted cell as two (\"\")",
    "err.csv_spans": "a quote opens in this line and the cell runs on to the next line; no cell of this file holds "
                     "a line break: close the quote, or write a quote inside a quoted cell as two (\"\")",
    "err.csv_cell_too_long": "a cell is longer than {limit} characters; a cell holds one value (check for a "
                             "missing line break or quote)",
    "err.csv_after_quote": "a quoted cell goes on after its closing quote; end it at a comma or the line end, or "
                           "write a quote inside a quoted cell as two (\"\")",
    "err.csv_nul": "the line holds a NUL character; is this a text CSV file?",
    "err.csv_unreadable": "cannot be read as CSV: {detail}",
    "err.not_allocation": "must be a preset name or a list of component names, got {value}",
    "err.payments_not_found": "payments file not found; check the path {path}",
    "err.payments_not_utf8": "cannot read the payments file: {detail}",
    "err.payments_unreadable": "cannot read the payments file: {detail}",
    "err.payments_empty": "the payments file is empty; its first {unit} must be the header date,amount, then one "
                          "payment a {unit}, e.g. 2025-03-01,1000.00",
    "err.place_line": "line {number}",
    "err.place_row": "row {number}",
    "err.place_cell": "{place}: {name}",
    "err.col_date": "date",
    "err.col_amount": "amount",
    "err.no_column": "no {name} column; the first row must name the columns, e.g. date,amount (found {found})",
    "err.two_columns": "two {name} columns (columns {first} and {second}); keep one",
    "err.before_loan_start": "{day} is before the loan start {start}",
    "err.check_date": "check the date",
    "err.more_decimals_than_currency": "{amount} has more decimals than {currency} allows",
    "err.give_it_to": "give it to {quantum}",
    "err.percent_negative": "must be 0% or more, got {value}",
    "err.workbook_not_found": "not found; check the path",
    "err.not_workbook": "cannot read it as an .xlsx workbook ({detail}); save it from the spreadsheet as .xlsx or "
                        "as CSV",
    "err.not_cap": "{value} is not a cap; write it like 24% or 4xLPR",
    "err.input_too_deep": "the input is nested too deeply to be read",
    "err.out_of_range": "a date or a number is out of range ({detail}); check the dates and the term",
    "err.give_flag_or_case": "give {flag} or a case file",
    "err.on_or_after": "give a date on or after it",
    "err.step_not_table": "must be a table such as {{op = \"term\", installments = 36}}, got {value}",
    "err.give_one_of": "give one of {choices}",
    "err.not_a_step": "{value} is not a step",
    "err.unknown_field_bare": "unknown field",
    "err.unknown_field_named": "unknown field {name}",
    "err.field_first": "{field} {message}",
    "err.step_takes": "{op} takes {known}",
    "err.step_hint_value": "give a value",
    "err.step_hint_amount": "give an amount such as 800.00",
    "err.step_hint_rate": "give a rate such as '0%'",
    "err.step_hint_what": "give a list such as ['penalty', 'fees']",
    "err.step_hint_percent": "give a percentage such as '20%'",
    "err.step_not_names": "give a list of names such as ['penalty', 'fees'], got {value}",
    "err.step_stages": "give a list such as [{installments = 12, amount = 300}, {amount = 500}]",
    "err.scenario_name_empty": "empty; give the scenario a name, e.g. name = \"Interest freeze\"",
    "err.scenario_name_twice": "{name} is also the name of scenarios[{other}]; give each scenario its own name",
    "err.steps_missing": "steps missing; give steps = [{op = \"term\", installments = 36}, ...]",
    "err.steps_not_list": "steps must be a list of tables, got {value}",
    "err.levers_list": "give a list of steps from {known}, got {value}",
    "err.lever_not_name": "{value} is not a step name; give a list of steps from {known}",
    "err.before_last_payment": "{day} is before the last payment on {last}; a plan starts from what is owed after "
                               "every payment, so give {last} or later",
    "err.none": "none",
    "err.no_scenario": "no scenario named {name}",
    "err.the_case_has": "the case has {listed}",
    "err.name_alone": "names the quick scenario; give --term, --rate, --payment, --waive, --haircut or --settle too",
    "err.scenario_before_start": "date {day} is before the loan start {start}",
    "err.scenario_before_payment": "date {day} is before the last payment in the history, on {last}; a plan starts "
                                   "from what is owed after every payment made, so give a date on or after it",
    "err.debt_name_missing": "missing; give each debt a name, e.g. name = \"card\"",
    "err.debt_name_not_text": "must be a text in quotes, e.g. name = \"card\", got {value}",
    "err.debt_name_empty": "empty; every debt needs a name, e.g. name = \"card\"",
    "err.debt_name_twice": "{name} is already the name of debts[{other}]; give each debt its own name",
    "err.shown_decimal": "Decimal('{number}')",
    "err.not_percentage_100": "{value} is not a percentage from 0% to 100%; write it like \"10%\"",
    "err.not_names": "must be a list of names in quotes, e.g. [\"card\", \"cash\"], got {value}",
    "err.hint_monthly": "give [budget] monthly = 3000, or [borrower] monthly_income and monthly_expenses",
    "err.lines": "{first}\n{rest}",
    "err.hint_case_id": "give every case an id",
    "err.first_due_not_after": "{first_due} is not after the start {start}",
    "err.later_date": "give a later date",
    "err.scenario_not_kv": "{value} is not key=value with a key among {keys}",
    "err.scenario_like": "write it like 'rate=0%; term=36'",
    "err.given_twice": "{name} is given twice",
    "err.empty": "empty",
    "err.target_is_directory": "{target} is a directory; give a file name",
    "err.target_no_folder": "folder {folder} does not exist; create it or choose another path",
    "err.target_is_input": "{target} is an input of this run; write to another file",
    "err.share_range": "must be more than 0% and at most 100%, got {value}",
    "err.cases_not_found": "case list not found; check the path",
    "err.cases_unreadable": "cannot read the case list ({reason})",
    "err.cases_is_directory": "is a directory; give a .csv or .parquet case list",
    "err.cases_header_unreadable": "cannot read the header line {line}: {problem}",
    "err.cases_not_utf8": "is not UTF-8 text; save the case list as CSV (UTF-8) or Parquet",
    "err.cases_empty": "the case list is empty; give a header line and rows",
    "err.cases_column_twice": "column {column} is named twice in the header (columns {first} and {second}); keep "
                              "one",
    "err.cases_not_utf8_after": "is not UTF-8 text after line {line}; save the case list as CSV (UTF-8)",
    "err.quoted_cut": "{head}...{close} ({size} characters)",
    "err.batch_line": "line {line} ({case_id}): {problem}",
    "err.batch_more": "... and {count} more problems; give --errors FILE to keep them all",
    "err.batch_written_one": "{count} case written to {output}",
    "err.batch_written": "{count} cases written to {output}",
    "err.stdout": "standard output",
    "err.batch_see": "see {errors}",
    "err.batch_above": "listed above",
    "err.batch_failed": "{failed} of {rows} rows failed and were skipped ({where}); {written}",
    "err.term_past_calendar": "the installments would fall due after 9999-12-31",
    "err.shorten_term": "shorten the term or check the dates",
    "err.schedule_failed": "cannot compute the schedule: {reason}",
    "err.schedule_too_large": "cannot compute the schedule: an amount is too large for a case list; use repayplan "
                              "build",
    "err.before_start_only": "before the loan start {start}",
    "err.more_decimals_only": "more decimals than {currency} allows",
    "err.place_output": "output",
    "err.not_xlsx": "{target} must end in .xlsx (the workbook is an XLSX file)",
    "err.row_fields": "the row has {fields} fields and the header {width}; quote a cell that holds a comma",
    "err.pay_not_found": "{where} not found; check the path",
    "err.pay_is_directory": "{where} is a directory; give a CSV file case_id,date,amount",
    "err.pay_is_directory_xlsx": "{where} is a directory; give a CSV or .xlsx file case_id,date,amount",
    "err.pay_not_utf8": "{where} is not UTF-8 text; save it as CSV (UTF-8)",
    "err.pay_unreadable": "cannot read {where}: {reason}",
    "err.pay_empty": "{where} is empty; the first line must name the columns case_id,date,amount",
    "err.pay_no_column": "{where} has no column {columns}; the first line must name the columns case_id,date,amount",
    "err.pay_column_twice": "{where} names the column {column} twice; keep one",
    "err.pay_place": "--payments: {where} {place}",
    "err.pay_amount": "must be an amount of 0 or more, got {value}",
    "err.whose": "say whose payment it is",
    "err.pay_more": "... and {count} more problems in {where}",
    "err.not_preset": "{value} is not a preset; use one of {presets}, or a list such as {example}",
    "err.unknown_component": "unknown component {value}",
    "err.component_once": "each component must appear once",
    "err.list_components": "list {components} in the order payments pay them",
    "err.unknown_strategy": "{value} is unknown; use optimal, avalanche, snowball, minimum or custom",
    "err.not_timeline": "{value} is not a strategy of this plan; use one of {names}, all or none",
    "err.not_lever": "{value} is not a step; use {steps}",
    "err.no_plan": "no plan named {value}; the workbook has {listed}",
    "err.signed_after_start": "{signed} is after the start {start}",
    "err.signed_hint": "the contract is signed on or before the money is lent",
    "err.max_below_min": "{high} is below late_fee_min {low}",
    "err.fee_waived_in_full": "installment-fee is waived in full only; give it in a waive step of its own",
    "err.step_not_rate": "{value} is not a rate; write it like 0%, 6%/year or 0.5%/month",
    "err.moratorium_interest": "say what happens to the interest: {choices}",
    "err.stages_or_increase": "give stages, or increase with payment or installments, not both",
    "err.stages_hint": "give stages = [{installments = 12, amount = 300}, ...] or increase = '5%' with payment or "
                       "installments",
    "err.down_payment_hint": "a down payment comes with installments for the rest",
    "err.down_payment_above": "{down} is more than the settlement {amount}",
    "err.not_both": "give {names}, not both",
    "err.give_either": "give {names}",
    "err.what_list": "give a list such as [{example}]",
    "err.use": "use {choices}",
    "err.what_twice": "lists a component twice",
    "err.debts_hint": "add one [[debts]] table per debt, with a name and a kind",
    "err.account_not_table": "must be a table such as {{holder = \"...\", bank = \"...\", number = \"...\"}}, got "
                             "{value}",
    "err.default_after": "give installments, days or both, e.g. {installments = 2, days = 30}",
    "err.hardship_not_text": "must be a text in quotes or a table with text, since, evidence; got {value}",
    "err.evidence_not_list": "must be a list of texts, e.g. [\"termination letter\"]; got {value}",
    "err.loan_after_plan": "the loan starts on {loan_start}, after the plan's start {start}; start the plan on or "
                           "after it",
    "err.repaid_before_plan": "repaid under its contract by {day}, before the plan's start {start}; remove it or "
                              "give its payments",
    "err.nothing_owed": "nothing is owed on {start} under its payments; remove it",
    "err.plan_monthly_only": "{value}: a plan runs month by month, so only monthly installment debts can be planned",
    "err.xlsx_to_terminal": "an XLSX workbook cannot go to the terminal; give --output FILE.xlsx",
    "err.at_least_one": "must be 1 or more, got {value}",
    "err.errors_is_output": "{target} is the output file; give another name",
    "err.not_written_in": "not written ({reason} in the folder {folder})",
    "err.not_written": "not written ({reason}); nothing was left behind",
    "err.created_meanwhile": "{target} was created by someone else while this run was writing; it is kept: pass "
                             "--force to overwrite it",
    "err.internal": "internal error ({kind}: {detail}); set REPAYPLAN_DEBUG=1 for the traceback and please report "
                    "it",
    "err.meant": " (is {near} meant to be {name}?)",
    "err.cases_missing_column": "missing column {name}{hint}; a case list needs the columns {required}",
    "err.did_you_mean_after": "; did you mean {near}?",
    "err.cases_ignored_column": "column {name} is not a loan field and is ignored{hint}",
    "err.warning": "Warning: {message}",
    "err.no_debts": "no debts",
    "err.one_table_per_debt": "add one [[debts]] table per debt",
    "err.two_debts_named": "two debts are named {name}; give each its own name",
    "err.other_currency": "{currency} differs from the plan's {plan}; convert it first",
    "err.overdue_above_balance": "{overdue} is more than the balance {balance}; the overdue part is included in "
                                 "the balance",
    "err.not_a_debt": "{name} is not a debt; use one of {known}",
    "err.debt_named_twice": "{name} is named twice; name each debt once",
    # polish24 (a new user's tour in Chinese): units, the minimum that never repays, files written
    "arrears.days_value": "{days}",
    "plan.min_rule": "{base}{plus}{floor}",
    "err.minimum_never_repays": "paying only the minimum ({rule}) never repays {balance}: {why}; {payment} a month "
                                "would clear it in 36 months (raise min_percent or min_floor, or set "
                                "min_plus_interest = true)",
    "err.minimum_below_charges": "a month's interest and fees ({charges}) are at least the minimum ({minimum}), so "
                                 "the balance never falls",
    "err.minimum_century": "it would take more than 100 years",
    "err.export_no_offer": "no offer fits, so there is nothing to write to {target}",
    "err.reserve_above_lump": "{reserve} is more than the lump sum {lump}",
    "err.reserve_hint": "the reserve is the part of the lump sum kept back, so give a lump_sum at least as large",
    # click's usage errors, one line (English keeps click's own banner; these are its words where one is needed)
    "usage.line": "{what}; {fix}",
    "usage.see_help": "see '{command} --help'",
    "usage.no_such_option": "{name} is not an option",
    "usage.did_you_mean": "did you mean {near}?",
    "usage.missing_argument": "{name} is missing",
    "usage.missing_option": "{name} is missing",
    "usage.bad_value": "{name}: {value} is not valid",
    "usage.bad_value_of": "{name}: not a valid value",
    "usage.needs_value": "{name} needs a value",
    "usage.takes_no_value": "{name} takes no value",
    "usage.extra": "unexpected extra argument: {args}",
    "usage.no_such_command": "{name} is not a command",
    "usage.wrong": "the command line is not one the command takes",
    "usage.choices": "use one of {choices}",
    "usage.sep": ", ",
    "usage.range": "give a number from {low} to {high}",
    "usage.at_least": "give a number of at least {low}",
    "usage.at_most": "give a number of at most {high}",
    "usage.whole": "give a whole number",
    "usage.number": "give a number",
    "usage.end_xlsx": "{flag}: {value} must end in .xlsx",
    "usage.end_letter": "{flag}: {value} must end in .docx or .pdf",
    "usage.plan_twice": "--scenario and --offer both pick the plan; give one",
    "usage.with_scenario": "{flag} goes with --scenario; give --scenario 'rate=0%; term=36'",
    "usage.parquet_dask": "--format parquet goes with --dask; without it write csv, json or xlsx",
    "usage.dask_output": "--dask writes files: give -o FOLDER (Parquet partitions) or -o FILE.csv",
    "usage.dask_format": "--format {fmt} does not go with --dask; write parquet (a folder) or csv",
    # polish24: the workbook's units and the cap as a rate
    "wb.with_unit": "{name} ({unit})",
    "cap.text_annual": "{annual}",
    # polish24: a batch scenario's name, in the user's language
    "batch.scenario_waive": "waive {value}",
    "batch.scenario_haircut": "haircut {value}",
    "batch.scenario_rate": "rate {value}",
    "batch.scenario_term": "{value} installments",
    "batch.scenario_payment": "pay {value}",
    "batch.scenario_settle": "settle for {value}",
    # Chinese spacing (no space between a term and the figure it names in Chinese)
    "sep.figure": " ",
    # the items of a batch waive scenario's name
    "sep.waived": ",",
}
