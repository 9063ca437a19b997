"""The annual-rate (XIRR) solver on the whole open interval above −100%, and on
flows of a century: the expected rates are computed here in 50-digit decimals.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Context, Decimal
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from repayplan.cli import main
from repayplan.metrics import annual_rate

D = Decimal
CTX = Context(prec=50)


def npv50(flows: list[tuple[date, Decimal]], rate: Decimal) -> Decimal:
    """The NPV at an annual effective rate, (1 + rate)^(days/365), in 50 digits."""
    start = min(w for w, _ in flows)
    base = CTX.add(1, rate)
    return sum((CTX.divide(a, CTX.power(base, CTX.divide(D((w - start).days), D(365)))) for w, a in flows), D(0))


def test_a_settlement_30_days_late_is_minus_99_994_percent() -> None:
    # 10,000 owed; 4,500 paid 30 days later: (1 + r)^(30/365) = 0.45, r = 0.45^(365/30) − 1 = −0.9999396…
    expected = CTX.subtract(CTX.power(D("0.45"), CTX.divide(D(365), D(30))), 1)
    got = annual_rate([(date(2025, 1, 1), D("-10000")), (date(2025, 1, 31), D("4500"))])
    assert got is not None and abs(got - expected) < D("1e-8")
    # and a hair above −100%: 1 paid back on 10,000 a year later is −99.99%
    assert annual_rate([(date(2025, 1, 1), D("-10000")), (date(2026, 1, 1), D("1"))]) == D("-0.99990000")


def test_everything_on_one_day_or_one_sign_has_no_rate() -> None:
    assert annual_rate([(date(2025, 1, 1), D("-100")), (date(2025, 1, 1), D("90"))]) is None
    assert annual_rate([(date(2025, 1, 1), D("100")), (date(2025, 2, 1), D("90"))]) is None


def century_flows(monthly: Decimal, months: int) -> list[tuple[date, Decimal]]:
    start = date(2025, 1, 10)
    out = [(start, D("-100000"))]
    for m in range(1, months + 1):
        y, mo = divmod(start.month - 1 + m, 12)
        out.append((date(start.year + y, mo + 1, 10), monthly))
    return out


def test_a_thousand_month_loan_has_a_rate() -> None:
    # 100,000 at 6%/year over 1,000 months: 0.5% a month, level 502.…; the effective annual rate of a
    # monthly 0.5% is about 1.005^12 − 1 = 6.17% (months of unequal length move it a little)
    flows = century_flows(D("503.45"), 1000)
    got = annual_rate(flows)
    assert got is not None and abs(got - D("0.0617")) < D("0.001")
    # the rate is a root: the 50-digit NPV changes sign within 10⁻⁸ of it
    assert npv50(flows, got - D("1e-8")) * npv50(flows, got + D("1e-8")) <= 0


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 1200), st.integers(-9999, 40000), st.integers(1, 3000))
def test_the_solved_rate_is_a_root_anywhere_above_minus_100_percent(months: int, permyriad: int, step: int) -> None:
    # flows whose true rate is given: an advance of 10,000 and one repayment 10,000·(1+r)^t
    rate = D(permyriad) / 10000
    when = date(2025, 1, 1) + timedelta(days=step * months // 100 + 1)
    years = CTX.divide(D((when - date(2025, 1, 1)).days), D(365))
    back = CTX.multiply(D(10000), CTX.power(CTX.add(1, rate), years))
    got = annual_rate([(date(2025, 1, 1), D("-10000")), (when, back)])
    assert got is not None and abs(got - rate) <= D("1e-8") * max(D(1), abs(rate))


LONG = """[case]
id = "LONG"
currency = "CNY"
as_of = 2025-06-01

[loan]
principal = 100000
rate = "6%/year"
start = 2025-01-10
"""


def test_compare_propose_and_export_on_long_loans(tmp_path: Path) -> None:
    for name, terms in {"months": "term = 1000\n", "quarters": 'term = 360\nfrequency = "quarterly"\n'}.items():
        path = tmp_path / f"{name}.toml"
        path.write_text(LONG + terms, encoding="utf-8")
        for args in (["compare", str(path), "--format", "json"], ["propose", str(path)],
                     ["export", str(path), "-o", str(tmp_path / f"{name}.xlsx")]):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 0, (name, args, result.output)
            assert "internal error" not in result.output
