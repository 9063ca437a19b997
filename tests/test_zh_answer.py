"""The answer first: each command's table opens with its answer in one or two sentences."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def answer(*args: str) -> str:
    return run(*args).split("\n\n")[0].replace("\n", " ")


def test_build_says_the_installment_and_the_total() -> None:
    # 1,000,000 at 4.9% over 360 months: 1,000,000 × r / (1 − (1 + r)^−360), r = 0.049 / 12 → 5,307.27
    text = answer("build", str(EXAMPLES / "mortgage.toml"))
    assert text.startswith("360 installments of 5,307.27 from 2025-02-15 to 2055-01-15")
    assert "1,910,615.12 in all, 910,615.12 of it interest." in text
    zh = answer("build", str(EXAMPLES / "mortgage.toml"), "--lang", "zh")
    assert zh.startswith("共360期，每期还款5,307.27") and "其中利息910,615.12" in zh


def test_status_says_what_is_due_and_what_settles() -> None:
    # overdue principal 3,555.45 + penalty 85.73 + fees 135.00 = 3,776.18 (the statement's own lines)
    text = answer("status", str(EXAMPLES / "huabei-arrears.toml"))
    assert text.startswith("Due now, on 2025-07-20: 3,776.18 (overdue principal 3,555.45, penalty 85.73, "
                           "fees 135.00); 3,776.18 settles everything.")
    assert "The creditor claims 3,863.98" in text
    zh = answer("status", str(EXAMPLES / "card-full-balance.toml"), "--lang", "zh")
    assert zh.startswith("截至2025-07-01，当前应还961.71（逾期本金819.10、罚息101.65、费用40.96）")
    assert "一次性结清全部欠款需7,961.71" in zh


@pytest.mark.parametrize("example", ["hardship.toml", "card-full-balance.toml", "negotiation.toml"])
def test_compare_names_the_cheapest_plan_both_sides_accept(example: str) -> None:
    # searched, not guessed: every plan's figures from the JSON, the fitting ones found here independently
    data = json.loads(run("compare", str(EXAMPLES / example), "--format", "json"))
    fitting = [p for p in data["plans"] if p["metrics"]["meets_min_recovery"] is not False
               and (p["metrics"]["payment_to_budget"] is None
                    or Decimal(p["metrics"]["payment_to_budget"].rstrip("%")) <= 100)
               and Decimal(p["metrics"]["lump_sum_shortfall"] or 0) == 0]
    text = answer("compare", str(EXAMPLES / example))
    if not fitting:
        n = len(data["plans"])
        assert text.startswith("The one plan compared, Contract as it stands, does not fit both sides: it "
                               if n == 1 else f"None of the {n} plans fits both sides")
        return
    best = min(fitting, key=lambda p: Decimal(p["metrics"]["total_payment"]))
    name = "Contract as it stands" if best["kind"] == "contract" else best["name"]
    n, k = len(data["plans"]), len(fitting)
    if n == 1:
        assert text.startswith(f"The one plan compared, {name}, fits both sides")
    else:
        assert f"Of the {n} plans, {k} fit{'s' if k == 1 else ''} both sides" in text
    assert f"the cheapest for the borrower is {name}:" in text or best["kind"] == "contract"
    assert f"{Decimal(best['metrics']['total_payment']):,.2f} in all" in text


def test_propose_names_the_offer() -> None:
    text = answer("propose", str(EXAMPLES / "negotiation.toml"))
    offer = json.loads(run("propose", str(EXAMPLES / "negotiation.toml"), "--format", "json"))["offers"][0]
    assert text.startswith("Offer 1 fits both sides and costs the borrower least")
    assert f"{Decimal(offer['metrics']['total_payment']):,.2f} in all" in text
    zh = answer("propose", str(EXAMPLES / "negotiation.toml"), "--lang", "zh")
    assert zh.startswith("方案一双方都能接受，且借款人负担最轻：")  # as the paste block names it
