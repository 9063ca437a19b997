"""The legal cost check: what credit really cost, against a court's ceiling.

Chinese caps (24%, 36%, 4 × LPR) are nominal annual rates, so the figure
that decides above or below is the **nominal annualised IRR** of the actual
cash flows (the money lent, every payment, what is still claimed on the
statement date): the internal rate of return per period of the schedule ×
periods a year, the IRR method of the People's Bank of China announcement
[2021] No. 3. Time is counted in the schedule's periods (a flow on a due date
is a whole number of periods; between due dates, the fraction of the
period's days). Reported beside it:

* the courts' simple-interest arithmetic: everything charged beyond
  principal, minus the unpaid principal × cap ÷ 365 for each day it was
  outstanding;
* the effective annual cost (XIRR, 365-day years): what the credit cost
  compounded, for information; it does not decide a Chinese cap.

The amount above the cap is the claim minus the claim that would make the
nominal IRR exactly the cap (the flows valued on the statement date at the
cap's periodic rate). The cap is a rate or a multiple of the one-year Loan
Prime Rate in force on the contract date (``signed``, default the start).

>>> lpr_on(date(2023, 9, 1)), str(parse_cap("4xLPR", date(2023, 9, 1)))
(Decimal('0.0345'), '4 × LPR 3.45% (published 2023-08-21) = 13.8%')
>>> parse_cap("24%", date(2023, 9, 1)).rate
Decimal('0.24')
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from importlib import resources

from .arrears.statement import Statement
from .errors import InputError, bad
from .inputs import brief
from .metrics import Flow, annual_rate, rate_per_unit
from .model import Loan
from .money import WORKING, ZERO
from .rates import parse_rate, percent_text
from .text import Msg, msg

LPR_REFORM = date(2019, 8, 20)
_CAP_RE = re.compile(r"^\s*(?P<n>[0-9]+(?:\.[0-9]+)?)\s*(?:x|×|\*|times)?\s*lpr\s*$|^\s*lpr\s*(?:x|×|\*)\s*"
                     r"(?P<m>[0-9]+(?:\.[0-9]+)?)\s*$", re.IGNORECASE)


@functools.cache
def _lpr_data() -> tuple[tuple[tuple[date, Decimal], ...], date]:
    text = resources.files("repayplan").joinpath("data/lpr_1y.csv").read_text(encoding="utf-8")
    confirmed = None
    rows = []
    for line in text.splitlines():
        if line.startswith("#"):
            if "confirmed_through:" in line:
                confirmed = date.fromisoformat(line.split("confirmed_through:")[1].strip())
            continue
        if line.strip():
            rows.append(line)
    table = [(date.fromisoformat(r["date"]), WORKING.multiply(Decimal(r["rate_percent"]), Decimal("0.01")))
             for r in csv.DictReader(io.StringIO("\n".join(rows)))]
    return tuple(sorted(table)), confirmed or table[-1][0]


def lpr_history() -> tuple[tuple[date, Decimal], ...]:
    """(date published, rate) for every change of the one-year LPR since the reform."""
    return _lpr_data()[0]


def lpr_confirmed_through() -> date:
    """The last publication date the shipped data was checked against."""
    return _lpr_data()[1]


def lpr_published(day: date) -> tuple[date, Decimal]:
    """The one-year LPR in force on a day, with the date it was published.

    >>> lpr_published(date(2025, 5, 19)), lpr_published(date(2025, 5, 20))
    ((datetime.date(2024, 10, 21), Decimal('0.0310')), (datetime.date(2025, 5, 20), Decimal('0.0300')))
    """
    if day < LPR_REFORM:
        raise InputError(f"cap: the reformed one-year LPR starts on {LPR_REFORM}, after {day}; "
                         "give the cap as a rate, e.g. --cap 24%")
    return next((d, r) for d, r in reversed(lpr_history()) if d <= day)


def lpr_on(day: date) -> Decimal:
    """The one-year LPR in force on a day, as a fraction (0.0345 for 3.45%)."""
    return lpr_published(day)[1]


@dataclass(frozen=True)
class Cap:
    """An annual ceiling on the cost of credit, and how it was reached."""

    rate: Decimal
    text: str  # a message (repayplan.text.Msg) where words are in it
    note: str = ""
    rule: str = "cap.rule_other"  # label key: which rule the cap stands for and to whom it applies

    def __str__(self) -> str:
        return str.__str__(self.text)


def parse_cap(value: str, contract_date: date) -> Cap:
    """'24%', '24%/year', '2%/month' or '4xLPR' (4 × the one-year LPR on the contract date)."""
    match = _CAP_RE.match(value)
    if match:
        multiple = Decimal(match["n"] or match["m"])
        published, lpr = lpr_published(contract_date)
        rate = WORKING.multiply(multiple, lpr)
        note = ""
        if contract_date > lpr_confirmed_through():
            note = msg("cap.note_lpr_data", through=lpr_confirmed_through(), date=contract_date)
        return Cap(rate, msg("cap.text_lpr", multiple=f"{multiple.normalize():f}", lpr=percent_text(lpr),
                             published=published, rate=percent_text(rate)),
                   note, "cap.rule_lpr4" if multiple == 4 else "cap.rule_other")
    try:
        given = parse_rate(value, "cap")
    except InputError:
        raise bad("cap", "err.not_cap", value=brief(value)) from None
    rule = {Decimal("0.24"): "cap.rule_24", Decimal("0.36"): "cap.rule_36"}.get(given.annual, "cap.rule_other")
    return Cap(given.annual, msg("cap.text_annual", annual=percent_text(given.annual)) if given.unit == "year" else
               msg("cap.text_rate", given=given, annual=percent_text(given.annual)), rule=rule)


def cost_flows(st: Statement) -> list[Flow]:
    """The borrower's cash flows: + the loan, − the upfront fee and every
    payment, − what is still claimed on the statement date (+ a credit owed back)."""
    loan = st.loan
    flows: list[Flow] = [(loan.start, st.money.round(loan.principal))]
    if loan.upfront_fee:
        flows.append((loan.start, -st.money.round(loan.upfront_fee)))
    flows += [(p.date, -p.amount) for p in st.payments if p.amount]
    if st.payoff_amount:
        flows.append((st.as_of, -st.payoff_amount))
    return flows


def period_times(loan: Loan, days: list[date]) -> tuple[list[Fraction], Fraction]:
    """Each date in repayment periods, and periods a year. A due date is a whole number of
    periods; between due dates, the elapsed fraction of the period's days; an irregular first
    period counts its days in regular periods (45 days before a 31-day regular period: 45/31);
    after the last due date a period is 365 ÷ periods a year days. A loan repaid at once
    (bullet, or one installment) has one period, its whole term.

    >>> from repayplan.rates import parse_rate
    >>> loan = Loan(Decimal("1000"), parse_rate("12%"), 3, start=date(2025, 1, 15))
    >>> times, per_year = period_times(loan, [date(2025, 1, 15), date(2025, 2, 15), date(2025, 3, 1)])
    >>> [str(t) for t in times], per_year
    (['0', '1', '3/2'], Fraction(12, 1))
    """
    from .calendar import frequency, step
    from .schedule import loan_periods

    dues = [p.due_date for p in loan_periods(loan)]
    if loan.method == "bullet" or len(dues) == 1:
        span = (dues[-1] - loan.start).days
        return [Fraction((day - loan.start).days, span) for day in days], Fraction(365, span)
    per_year = Fraction(loan.periods_per_year)
    tail = Fraction(365) / per_year
    regular = (dues[0] - step(dues[0], -1, frequency(loan.frequency), loan.anchor_day)).days
    out = []
    for day in days:
        if day < dues[0]:
            out.append(1 - Fraction((dues[0] - day).days, regular))
            continue
        k = next((i for i in range(1, len(dues)) if day < dues[i]), None)
        if k is None:
            out.append(len(dues) + Fraction((day - dues[-1]).days) / tail)
        else:
            out.append(k + Fraction((day - dues[k - 1]).days, (dues[k] - dues[k - 1]).days))
    origin = 1 - Fraction((dues[0] - loan.start).days, regular)
    return [t - origin for t in out], per_year


def nominal_annual_rate(loan: Loan, flows: list[Flow]) -> Decimal | None:
    """The nominal annualised IRR: the IRR per repayment period × periods a year (PBoC
    announcement [2021] No. 3). A loan paid exactly on its schedule costs its contract rate,
    but for the installments' rounding (23.0000…%):

    >>> from repayplan.rates import parse_rate
    >>> from repayplan.schedule import build_schedule
    >>> loan = Loan(Decimal("10000"), parse_rate("23%"), 36, start=date(2025, 1, 15))
    >>> flows = [(loan.start, Decimal("10000"))] + [(r.due_date, -r.payment) for r in build_schedule(loan).rows]
    >>> nominal_annual_rate(loan, flows)
    Decimal('0.23000084')
    """
    times, per_year = period_times(loan, [when for when, _ in flows])
    amounts, spans = [float(a) for _, a in flows], [float(t) for t in times]  # float ok: solver input
    per_period = rate_per_unit(amounts, spans, places=14)
    if per_period is None:
        return None
    return WORKING.multiply(per_period, Decimal(per_year.numerator) / per_year.denominator).quantize(Decimal("1e-8"))


def effective_annual_cost(st: Statement) -> Decimal | None:
    """The actuarial annual rate of the statement's cash flows (None if it has none)."""
    return annual_rate(cost_flows(st))


@dataclass(frozen=True)
class CapCheck:
    """Cost of credit against a cap: ``nominal_rate`` (the nominal annualised
    IRR) decides; ``excess`` is the amount above the cap by it,
    ``simple_excess`` the court's simple-interest arithmetic, and
    ``effective_rate`` the effective annual cost (XIRR), for information."""

    cap: Cap
    nominal_rate: Decimal | None
    effective_rate: Decimal | None
    charged: Decimal  # paid + still claimed − the principal lent
    allowed: Decimal  # charges that would cost exactly the cap (actuarial)
    excess: Decimal
    simple_allowed: Decimal
    simple_excess: Decimal
    trace: tuple[str, ...]

    @property
    def above(self) -> bool:
        """Above the cap by the nominal annualised IRR (the rule Chinese caps are written in)."""
        return self.excess > 0


def check_cap(st: Statement, cap: Cap) -> CapCheck:
    """Compare the statement's cost with a cap.

    >>> from repayplan import Loan, parse_rate
    >>> from repayplan.arrears import Payment, statement
    >>> loan = Loan(Decimal("10000"), parse_rate("30%"), 1, method="bullet", interest_basis="daily",
    ...             start=date(2025, 1, 1), first_due=date(2026, 1, 1))
    >>> st = statement(loan, [Payment(date(2026, 1, 1), Decimal("13000"))], as_of=date(2026, 1, 1))
    >>> c = check_cap(st, parse_cap("24%", loan.start))   # 3,000 on 10,000 for 365 days is 30%; 24% allows 2,400
    >>> c.nominal_rate, c.effective_rate, c.excess, c.simple_excess  # one yearly period: nominal = effective
    (Decimal('0.30000000'), Decimal('0.30000000'), Decimal('600.00'), Decimal('600.00'))
    """
    money = st.money
    flows = cost_flows(st)
    lent = flows[0][1]
    charged = sum((-a for _, a in flows[1:]), ZERO) - lent
    rate = annual_rate(flows)
    nominal = nominal_annual_rate(st.loan, flows)
    excess = money.round(max(ZERO, -_value_at_cap(st.loan, flows, cap.rate, st.as_of)))
    allowed = charged - excess
    simple_allowed, days_text = _simple_allowed(st, cap.rate)
    simple_excess = max(ZERO, charged - simple_allowed)
    g = money.grouped
    n = len(st.payments)
    trace: list[str] = [
        msg("cap.tr.flows", lent=g(lent), start=st.loan.start,
            payments=msg("cap.tr.payment_one" if n == 1 else "cap.tr.payments", n=n), paid=g(st.total_paid),
            fee=msg("cap.tr.upfront_fee", amount=g(st.loan.upfront_fee)) if st.loan.upfront_fee else "",
            claimed=g(st.payoff_amount), as_of=st.as_of),
        msg("cap.tr.charged", charged=g(charged),
            nominal=percent_text(nominal, 2) if nominal is not None else msg("cap.tr.na"), cap=cap.text),
        msg("cap.tr.irr", as_of=st.as_of, excess=g(excess)),
        msg("cap.tr.xirr", rate=percent_text(rate, 2) if rate is not None else msg("cap.tr.na")),
        msg("cap.tr.simple", days=days_text, allowed=g(simple_allowed), charged=g(charged),
            excess=g(simple_excess)),
    ]
    if cap.note:
        trace.append(cap.note)
    return CapCheck(cap, nominal, rate, charged, allowed, excess, money.round(simple_allowed),
                    money.round(simple_excess), tuple(trace))


def _value_at_cap(loan: Loan, flows: list[Flow], cap_rate: Decimal, on: date) -> Decimal:
    """The flows valued on ``on`` at the cap's periodic rate, time in the schedule's periods."""
    times, per_year = period_times(loan, [when for when, _ in flows] + [on])
    base = WORKING.add(1, WORKING.divide(cap_rate * per_year.denominator, Decimal(per_year.numerator)))
    total = ZERO
    for (_, amount), t in zip(flows, times, strict=False):
        shift = times[-1] - t
        exponent = WORKING.divide(Decimal(shift.numerator), Decimal(shift.denominator))
        total = WORKING.add(total, WORKING.multiply(amount, WORKING.power(base, exponent)))
    return total


def _simple_allowed(st: Statement, cap_rate: Decimal) -> tuple[Decimal, Msg]:
    """Σ unpaid principal × cap ÷ 365 × days outstanding, rounded once."""
    changes: dict[date, Decimal] = {}
    for a in st.applications:
        if a.component == "principal":
            changes[a.date] = changes.get(a.date, ZERO) + a.amount
    balance = st.money.round(st.loan.principal)
    day, principal_days = st.loan.start, Fraction(0)
    for when in sorted(changes):
        principal_days += Fraction(balance) * (when - day).days
        balance -= changes[when]
        day = when
    principal_days += Fraction(balance) * max(0, (st.as_of - day).days)
    allowed = st.money.round_exact(principal_days * Fraction(cap_rate) / 365)
    return allowed, msg("cap.tr.principal_days", days=st.money.grouped(st.money.round_exact(principal_days)),
                        rate=percent_text(cap_rate))
