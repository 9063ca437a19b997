"""Chinese input as contracts and apps write it: rates with the period first, methods and frequencies in
Chinese, full-width digits; a 万分之 rate without its period is refused with the fix."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner

from repayplan.cli import main
from repayplan.errors import InputError
from repayplan.rates import parse_rate


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("日万分之五", "0.0005", "day"), ("每日万分之五", "0.0005", "day"), ("日息万分之五", "0.0005", "day"),
    ("日利率0.05%", "0.0005", "day"), ("月息1.5%", "0.015", "month"), ("月利率1.5%", "0.015", "month"),
    ("年化18%", "0.18", "year"), ("年利率18%", "0.18", "year"), ("年化利率18%", "0.18", "year"),
    ("日利率０．０５％", "0.0005", "day"), ("１８％", "0.18", "year"), ("万分之五/日", "0.0005", "day"),
    ("5‱/day", "0.0005", "day"), ("千分之五/月", "0.005", "month"),
])
def test_chinese_rate_wordings(text: str, value: str, unit: str) -> None:
    rate = parse_rate(text)
    assert (rate.value, rate.unit) == (Decimal(value), unit)


@pytest.mark.parametrize("text", ["万分之五", "5‱", "千分之五", "５‱"])
def test_a_day_rate_wording_without_its_period_is_refused(text: str) -> None:
    # read as a year rate it would be 1/365 of what a Huabei contract means
    with pytest.raises(InputError, match="write 日万分之五 or 5‱/day"):
        parse_rate(text)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_the_refusal_is_one_line_and_exit_2() -> None:
    code, out = run("build", "--principal", "1000", "--rate", "万分之五", "--term", "3", "--start", "2025-01-01")
    assert code == 2
    assert out.count("\n") == 1 and out.startswith("Error: ") and "日万分之五" in out


@pytest.mark.parametrize(("method", "code", "frequency", "freq_code"), [
    ("等额本息", "annuity", "按月", "monthly"), ("等额本金", "equal-principal", "按季", "quarterly"),
    ("先息后本", "interest-only", "按周", "weekly"), ("到期还本付息", "bullet", "双周", "biweekly"),
    ("一次性还本付息", "bullet", "按月", "monthly"),
])
def test_chinese_methods_and_frequencies(method: str, code: str, frequency: str, freq_code: str) -> None:
    flags = ["build", "--principal", "10000", "--rate", "年化18%", "--term", "3", "--start", "2025-01-01",
             "--format", "json"]
    exit_code, chinese = run(*flags, "--method", method, "--frequency", frequency)
    assert exit_code == 0, chinese
    assert chinese == run(*flags, "--method", code, "--frequency", freq_code)[1]


def test_an_annuity_in_chinese_words_matches_the_formula() -> None:
    # 10,000.00 at 月利率1.5% over 3 months: 10,000 × 0.015 / (1 − 1.015^−3) = 3,433.8296 → 3,433.83
    code, out = run("build", "--principal", "10000", "--rate", "月息1.5%", "--term", "3", "--start", "2025-01-01",
                    "--method", "等额本息", "--frequency", "按月", "--format", "json")
    assert code == 0 and '"installment": "3433.83"' in out
