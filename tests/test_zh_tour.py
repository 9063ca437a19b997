"""A new user's tour in Chinese: what the last round left in English or without its unit, each said in both
languages (the English unchanged)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NO_LOCALE = {"REPAYPLAN_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}
ENGLISH_WORDS = re.compile(r"[A-Za-z_]{3,}")


def run(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env={**NO_LOCALE, **(env or {})}, prog_name="repayplan")
    return result.exit_code, result.stdout, result.stderr


def english_words(line: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The English words of a line, less the case file's key names the fix asks the user to write."""
    return [w for w in ENGLISH_WORDS.findall(line) if w not in allowed]


def row(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(name))


@pytest.mark.parametrize(("lang", "name", "value"), [("zh", "最长逾期天数", "101天"),
                                                     ("en", "Days past due", "101")])
def test_days_past_due_has_its_unit(lang: str, name: str, value: str) -> None:
    code, out, _ = run("status", str(EXAMPLES / "huabei-arrears.toml"), "--lang", lang)
    assert code == 0
    assert row(out, name).split()[-1] == value  # 2025-07-20 − 2025-04-10 (the oldest unpaid due date) = 101 days


def test_the_answer_numbers_the_offer_as_the_paste_block_does() -> None:
    code, out, _ = run("propose", str(EXAMPLES / "negotiation.toml"), "--lang", "zh")
    assert code == 0
    assert out.startswith("方案一双方都能接受") and 'name = "方案一：' in out and "方案1" not in out
    code, out, _ = run("propose", str(EXAMPLES / "negotiation.toml"), "--lang", "en")
    assert out.startswith("Offer 1 fits both sides") and 'name = "Offer 1: ' in out


@pytest.mark.parametrize(("lang", "name"), [("zh", "月供占预算比"), ("en", "Payment to budget")])
def test_a_large_percentage_is_grouped_in_the_table_not_in_json(lang: str, name: str) -> None:
    case = str(EXAMPLES / "hardship.toml")
    code, out, _ = run("compare", case, "--lang", lang)
    assert code == 0
    # the contract's 14,313.26 a month against a budget of 1,112.26 (hardship.toml: [borrower]) = 1,286.89%
    assert row(out, name).split()[-6] == "1,286.89%"
    code, out, _ = run("compare", case, "--format", "json", "--lang", lang)
    budgets = [p["metrics"]["payment_to_budget"] for p in json.loads(out)["plans"]]
    assert "1286.89%" in budgets


@pytest.mark.parametrize(("lang", "line"), [("zh", "已写入 {target}：分期还款协议"),
                                            ("en", "Wrote {target}: Installment Repayment Agreement")])
def test_a_letter_says_which_file_it_wrote(lang: str, line: str, tmp_path: Path) -> None:
    target = tmp_path / "agreement.docx"
    code, out, err = run("letter", "agreement", str(EXAMPLES / "negotiation.toml"), "--offer", "1",
                         "-o", str(target), "--lang", lang)
    assert code == 0, err
    assert target.exists() and out.strip() == line.format(target=target)


def test_a_letter_is_in_the_locale_language_without_lang(tmp_path: Path) -> None:
    target = tmp_path / "dispute.docx"
    code, out, err = run("letter", "dispute", str(EXAMPLES / "huabei-arrears.toml"), "-o", str(target),
                         env={"LANG": "zh_CN.UTF-8"})
    assert code == 0, err
    assert out.startswith("已写入")


CARD = """[budget]
monthly = "2000"
start = 2025-07-01
lump_sum = "100"
reserve = "{reserve}"

[[debts]]
name = "card"
kind = "revolving"
balance = "5000"
rate = "0.05%/day"
min_percent = "{percent}"
"""


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "只还最低还款额（账单金额的1%）永远还不清5,000.00：每月利息和费用（77.50）不低于最低还款额（50.78），"
           "欠款永远不会减少；每月还181.47可在36个月内还清"),
    ("en", "paying only the minimum (1% of the bill) never repays 5,000.00: a month's interest and fees (77.50) "
           "are at least the minimum (50.78), so the balance never falls; 181.47 a month would clear it in 36 "
           "months (raise min_percent or min_floor, or set min_plus_interest = true)"),
])
def test_a_card_minimum_that_never_repays_is_said_in_the_users_language(lang: str, expected: str,
                                                                       tmp_path: Path) -> None:
    # July: 5,000.00 × 0.05% × 31 days = 77.50 of interest; the minimum 1% of 5,077.50 = 50.78 (rounded half-up)
    case = tmp_path / "card.toml"
    case.write_text(CARD.format(reserve="0", percent="1%"), encoding="utf-8")
    code, out, err = run("plan", str(case), "--lang", lang)
    assert code == 2 and len(err.splitlines()) == 1, err
    assert expected in err
    if lang == "zh":
        assert english_words(err.split(str(case))[1], ("card", "debts", "min_percent", "min_floor", "min_plus_interest",
                                   "true")) == []


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "budget.reserve：应急备用金500超过一次性资金100；"
           "应急备用金是一次性资金中留存的部分，请填写不小于它的 lump_sum"),
    ("en", "budget.reserve: 500 is more than the lump sum 100; the reserve is the part of the lump sum kept back, "
           "so give a lump_sum at least as large"),
])
def test_a_reserve_above_the_lump_sum_is_said_in_the_users_language(lang: str, expected: str,
                                                                   tmp_path: Path) -> None:
    case = tmp_path / "card.toml"
    case.write_text(CARD.format(reserve="500", percent="10%"), encoding="utf-8")
    code, _, err = run("plan", str(case), "--lang", lang)
    assert code == 2 and len(err.splitlines()) == 1 and expected in err, err


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "错误：--export：没有双方都能接受的方案，{target} 无内容可写，未写入"),
    ("en", "Error: --export: no offer fits, so there is nothing to write to {target}"),
])
def test_export_with_no_offer_that_fits_says_so_in_the_users_language(lang: str, expected: str,
                                                                      tmp_path: Path) -> None:
    target = tmp_path / "offers.xlsx"
    code, _, err = run("propose", str(EXAMPLES / "negotiation.toml"), "--max-payment", "1", "--export",
                       str(target), "--lang", lang)
    assert code == 1 and err.strip() == expected.format(target=target) and not target.exists()


HUABEI = str(EXAMPLES / "huabei-arrears.toml")


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["status", HUABEI, "--bogus"], "错误：没有 --bogus 这个选项；用法见 repayplan status --help",
     "Error: --bogus is not an option; see 'repayplan status --help'"),
    (["status", HUABEI, "--fromat", "csv"], "错误：没有 --fromat 这个选项；是否应为 --format、--rate？",
     "Error: --fromat is not an option; did you mean --format, --rate?"),
    (["status", HUABEI, "--format", "xml"], "错误：--format：xml 无效；可选值：table、csv、json",
     "Error: --format: xml is not valid; use one of table, csv, json"),
    (["letter"], "错误：缺少 KIND；可选值：hardship、dispute、agreement",
     "Error: KIND is missing; use one of hardship, dispute, agreement"),
    (["letter", "dispute"], "错误：缺少 CASE；用法见 repayplan letter --help",
     "Error: CASE is missing; see 'repayplan letter --help'"),
    (["propose", HUABEI, "--top", "0"], "错误：--top：0 无效；请填写1至20之间的数",
     "Error: --top: 0 is not valid; give a number from 1 to 20"),
    (["build", HUABEI, "--lang"], "错误：--lang 后面缺少取值；用法见 repayplan build --help",
     "Error: --lang needs a value; see 'repayplan build --help'"),
    (["build", HUABEI, "extra"], "错误：多余的参数：extra；用法见 repayplan build --help",
     "Error: unexpected extra argument: extra; see 'repayplan build --help'"),
    (["frobnicate"], "错误：没有 frobnicate 这个命令；用法见 repayplan --help",
     "Error: frobnicate is not a command; see 'repayplan --help'"),
    (["export", HUABEI, "-o", "case.txt"], "错误：--output：'case.txt' 的扩展名须为 .xlsx",
     "Error: --output: 'case.txt' must end in .xlsx"),
    (["letter", "agreement", HUABEI, "-o", "a.docx", "--offer", "1", "--scenario", "x"],
     "错误：--scenario 与 --offer 都用于选定方案，只能给出其中一个",
     "Error: --scenario and --offer both pick the plan; give one"),
])
def test_a_usage_error_is_one_line_in_either_language(args: list[str], zh: str, en: str) -> None:
    """One line naming the option and the fix, exit 2: zh with --lang zh or the zh locale, en otherwise (no click
    banner in either)."""
    runs = [(args, {"LANG": "zh_CN.UTF-8"})] + ([] if "--lang" in args else [(args + ["--lang", "zh"], {})])
    for given, env in runs:
        code, _, err = run(*given, env=env)
        assert (code, err.strip()) == (2, zh), err
    code, _, err = run(*args, env={"LANG": "en_US.UTF-8"})
    assert (code, err.strip()) == (2, en), err


@pytest.mark.parametrize(("lang", "currency", "opening", "rule"), [
    ("zh", "人民币（CNY）", "期初本金余额（CNY）", "依据："), ("en", "CNY", "Opening balance (CNY)", "Rule: ")])
def test_the_workbook_names_the_currency_as_the_terminal_does(lang: str, currency: str, opening: str, rule: str,
                                                            tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "case.xlsx"
    code, _, err = run("export", HUABEI, "--cap", "4xLPR", "-o", str(target), "--lang", lang)
    assert code == 0, err
    book = openpyxl.load_workbook(target)
    summary = book.worksheets[0]
    cells = [[c.value for c in r] for r in summary.iter_rows()]
    assert [currency] in [[r[1]] for r in cells if r[0] in ("币种", "Currency")]
    assert any(isinstance(r[0], str) and r[0].startswith(rule) for r in cells)
    assert opening in [c.value for r in book.worksheets[1].iter_rows() for c in r]


@pytest.mark.parametrize(("cap", "zh", "en"), [
    ("4xLPR", "上限：一年期LPR 3.1%（2024-10-21发布）× 4 = 年利率12.4%", "4 × LPR 3.1% (published 2024-10-21) = 12.4%"),
    ("24%", "上限：年利率24%", ": 24%"),
])
def test_the_cap_is_written_as_the_glossary_writes_a_rate(cap: str, zh: str, en: str) -> None:
    """The one-year LPR published 2024-10-21 was 3.1% (huabei-arrears.toml was signed on 2025-01-10): × 4 = 12.4%."""
    code, out, _ = run("status", HUABEI, "--cap", cap, "--lang", "zh")
    assert code == 0 and zh in out
    code, out, _ = run("status", HUABEI, "--cap", cap, "--lang", "en")
    assert code == 0 and en in out and "年利率" not in out


def test_the_offers_table_names_the_largest_installment_not_the_largest_payment() -> None:
    """An offer with a down payment: its largest installment (1,849.69) is not its largest payment (the 20,000.00
    down payment the answer names), so the row says 每期还款额（最高）, not 单期最大还款额."""
    code, out, _ = run("propose", str(EXAMPLES / "hardship.toml"), "--lang", "zh")
    assert code == 0 and "单期最多20,000.00" in out.splitlines()[0]
    assert row(out, "每期还款额（最高）").split()[1] == "1,849.69" and "单期最大还款额" not in out


@pytest.mark.parametrize(("lang", "name"), [("zh", "利率0%；分36期"), ("en", "rate 0%; 36 installments")])
def test_a_batch_scenario_is_named_in_the_users_language(lang: str, name: str) -> None:
    import csv
    import io

    code, out, err = run("batch", str(EXAMPLES / "portfolio.csv"), "--scenario", "rate=0%; term=36", "--lang", lang)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    header, first = rows[0], rows[1]
    assert first[header.index("方案" if lang == "zh" else "scenario")] == name
    # 0% on a loan without fees costs nothing a year: 0.00%, never the solver's -0.00%
    assert first[header.index("方案实际年化成本" if lang == "zh" else "scenario_annual_cost")] == "0.00%"


@pytest.mark.parametrize(("lang", "name"), [("zh", "减免罚息、费用、当期应计利息；减免本金10%；分24期"),
                                            ("en", "waive penalty,fees,accrued; haircut 10%; 24 installments")])
def test_a_waiver_is_named_in_the_users_words(lang: str, name: str) -> None:
    from repayplan.batch.scenario import parse_scenario

    assert parse_scenario("waive=penalty,fees,accrued; haircut=10%; term=24", lang=lang).name == name


@pytest.mark.parametrize(("lang", "currency", "rates"), [
    ("zh", "人民币（CNY）", ["日利率0.05%", "年利率0%", "日利率0.065%"]),
    ("en", "CNY", ["0.05%/day", "0%/year", "0.065%/day"])])
def test_the_plan_workbook_writes_rates_and_currency_in_the_users_language(lang: str, currency: str,
                                                                           rates: list[str], tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "plan.xlsx"
    code, out, err = run("plan", str(EXAMPLES / "three-debts.toml"), "--export", str(target), "--lang", lang)
    assert code == 0, err
    values = [[c.value for c in r] for r in openpyxl.load_workbook(target).worksheets[0].iter_rows()]
    assert [r[1] for r in values if r[0] in ("币种", "Currency")] == [currency]
    assert [r[3] for r in values if r[0] in ("card", "huabei", "cash") and r[1] not in (None, "")][:3] == rates
    if lang == "zh":  # the glossary's 最低还款额 (minimum payment) everywhere, never the bare 最低还款
        assert "最低还款额" in out and re.search("最低还款(?!额)", out) is None


def test_the_plan_answer_sets_figures_without_spaces_as_chinese_documents_do() -> None:
    """Glossary 17.5: no space between a Chinese character and a figure (第3期, 共6个方案), as the rest of plan's
    Chinese already writes them (需44个月（3年8个月））."""
    code, out, _ = run("plan", str(EXAMPLES / "three-debts.toml"), "--lang", "zh")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("结论：11个月后（2026-06-01）全部还清，利息、罚息和费用共4,473.64，"
                               "比只还最低还款额少付3,172.97。")
    assert lines[1] == "* 第1–4个月：余款每月707.07–2,438.59还cash"
    assert "  雪崩法多付9.68，还清时间相同" in lines


def test_lang_before_the_command_sets_the_command_language() -> None:
    code, out, _ = run("--lang", "zh", "status", "examples/huabei-arrears.toml")
    assert code == 0 and out.startswith("截至2025-07-20，当前应还3,776.18")
    code, out, _ = run("--lang", "zh", "status", "examples/huabei-arrears.toml", "--lang", "en")
    assert code == 0 and out.startswith("Due now, on 2025-07-20: 3,776.18")
    code, _, err = run("--lang", "fr", "status")
    assert (code, err.strip()) == (2, "Error: --lang: fr is not valid; use one of en, zh")
