"""What a new user met: a file kept without --force is the user's input to fix (exit 2), counted nouns in
proper singular and plural, the paste block's names, nothing owed in propose, one date flag."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from repayplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


WRITERS = [
    ("export", str(EXAMPLES / "hardship.toml"), "-o"),
    ("letter", "dispute", str(EXAMPLES / "huabei-arrears.toml"), "-o"),
    ("new", "arrears", "-o"),
    ("batch", str(EXAMPLES / "portfolio.csv"), "-o"),
    ("propose", str(EXAMPLES / "negotiation.toml"), "--export"),
    ("plan", str(EXAMPLES / "three-debts.toml"), "--export"),
]


@pytest.mark.parametrize("argv", WRITERS, ids=[a[0] for a in WRITERS])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_existing_file_is_the_users_input_to_fix(argv: tuple[str, ...], lang: str, tmp_path: Path) -> None:
    target = tmp_path / ("kept.csv" if argv[0] == "batch" else "kept.docx" if argv[0] == "letter"
                         else "kept.toml" if argv[0] == "new" else "kept.xlsx")
    target.write_bytes(b"keep me")
    code, out, err = run(*argv, str(target), "--lang", lang)
    expected = {"en": f"Error: {target} already exists; pass --force to overwrite it",
                "zh": f"错误：{target} 已存在；如需覆盖，请加 --force"}[lang]
    assert (code, out, err.splitlines()) == (2, "", [expected])
    assert target.read_bytes() == b"keep me"


@pytest.mark.parametrize("argv", [a for a in WRITERS if a[0] in ("propose", "plan", "batch")],
                         ids=lambda a: a[0])
def test_an_existing_file_as_json_problems(argv: tuple[str, ...], tmp_path: Path) -> None:
    target = tmp_path / ("kept.csv" if argv[0] == "batch" else "kept.xlsx")
    target.write_bytes(b"keep me")
    code, out, err = run(*argv, str(target), "--format", "json")
    assert code == 2 and err == f"Error: {target} already exists; pass --force to overwrite it\n"
    assert json.loads(out) == {"errors": [{"path": "", "message": f"{target} already exists",
                                           "hint": "pass --force to overwrite it"}]}
    assert target.read_bytes() == b"keep me"


NOTHING = {"en": "Nothing is owed on 2060-01-01: the loan is repaid; there is nothing to compare or agree.",
           "zh": "截至2060-01-01无任何欠款：借款已结清，无需比较或约定还款方案。"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_propose_says_plainly_that_nothing_is_owed(lang: str, tmp_path: Path) -> None:
    # the mortgage's 360 installments end in 2055: on 2060-01-01 nothing is owed (compare says the same words)
    case = str(EXAMPLES / "mortgage.toml")
    code, out, err = run("propose", case, "--as-of", "2060-01-01", "--lang", lang)
    assert (code, err) == (0, "") and out.rstrip().endswith(NOTHING[lang]) and "0.00" in out
    code, compared, _ = run("compare", case, "--as-of", "2060-01-01", "--lang", lang)
    assert code == 0 and compared.rstrip().endswith(NOTHING[lang])
    code, out, err = run("propose", case, "--as-of", "2060-01-01", "--format", "json", "--lang", lang)
    data = json.loads(out)
    assert (code, err) == (0, "")
    assert (data["offers"], data["binding"], data["notes"], data["position"]["total"]) == (
        [], None, [NOTHING["en"]], "0.00")
    code, out, err = run("propose", case, "--as-of", "2060-01-01", "--format", "csv", "--lang", "en")
    assert (code, err) == (0, "") and out.splitlines()[0].startswith("rank,name,role,steps") and len(
        out.splitlines()) == 1
    target = tmp_path / "nothing.xlsx"
    code, _, err = run("propose", case, "--as-of", "2060-01-01", "--export", str(target), "--lang", lang)
    wrote = {"en": f"Wrote {target}: ", "zh": f"已写入 {target}："}[lang]
    assert code == 0 and err == f"{wrote}{NOTHING[lang]}\n" and target.exists()


DATED = ["status", "compare", "propose", "export", "letter", "batch"]


@pytest.mark.parametrize("command", DATED)
def test_one_date_flag_in_every_command(command: str) -> None:
    code, out, _ = run(command, "--help", env={"COLUMNS": "100"})
    assert code == 0 and "--as-of YYYY-MM-DD" in out and "--date" not in out


@pytest.mark.parametrize("flag", ["--as-of", "--date"])
def test_the_old_name_is_still_accepted(flag: str) -> None:
    case = str(EXAMPLES / "hardship.toml")
    code, out, _ = run("compare", case, flag, "2025-12-01", "--format", "json")
    assert code == 0 and json.loads(out)["date"] == "2025-12-01"
    code, out, _ = run("status", str(EXAMPLES / "huabei-arrears.toml"), flag, "2025-06-01", "--format", "json")
    assert code == 0 and json.loads(out)["as_of"] == "2025-06-01"


def test_batch_the_old_date_flag_keeps_its_meaning() -> None:
    # --as-of: the arrears statement and the plan from that position; the hidden --date (before --as-of):
    # the plan on that date, the case paid on schedule, no arrears columns, as before
    cases = EXAMPLES / "portfolio.csv"
    code, out, _ = run("batch", str(cases), "--scenario", "rate=0%; term=24", "--date", "2026-01-15",
                       "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and "arrears_as_of" not in rows[0]
    assert {r["scenario_date"] for r in rows if not r["scenario_problem"]} == {"2026-01-15"}
    code, out, _ = run("batch", str(cases), "--scenario", "rate=0%; term=24", "--as-of", "2026-01-15",
                       "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {r["arrears_as_of"] for r in rows} == {"2026-01-15"}
    assert {r["scenario_date"] for r in rows if not r["scenario_problem"]} == {"2026-01-15"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_paste_block_names_offers_alike_at_any_width(lang: str) -> None:
    def names(columns: str) -> list[str]:
        code, out, _ = run("propose", str(EXAMPLES / "negotiation.toml"), "--lang", lang, env={"COLUMNS": columns})
        assert code == 0
        return [line for line in out.splitlines() if line.startswith("name = ")]

    wide = names("200")
    assert len(wide) == 5 and wide == names("80") == names("60")
    first = {"en": 'name = "Offer 1: settle for 22,635.88', "zh": 'name = "方案一：'}[lang]
    assert wide[0].startswith(first)


@pytest.mark.parametrize(("lang", "row"), [("en", "Budget left over"), ("zh", "还款预算结余")])
def test_plan_names_the_budget_left_over(lang: str, row: str) -> None:
    code, out, _ = run("plan", str(EXAMPLES / "three-debts.toml"), "--lang", lang, "--wide")
    [line] = [line for line in out.splitlines() if line.startswith(row)]
    # optimal: 11 months of the 4,500.00 budget and the 3,000.00 of the lump sum paid in month 1, less the
    # 48,488.67 paid: 49,500.00 + 3,000.00 − 48,488.67 = 4,011.33 left over, most of it in the last month
    assert code == 0 and line.split()[-5] == "4,011.33"
    assert "not paid out" not in out and "未用于还款的预算" not in out


def test_no_label_writes_a_plural_in_brackets() -> None:
    from repayplan.negotiate.words import WORDS
    from repayplan.report.labels import LABELS

    for lang, words in [("en", LABELS["en"]), ("words", WORDS), ("zh", LABELS["zh"])]:
        assert [k for k, v in words.items() if "(s)" in v] == [], lang
    # Chinese has no plural: its counters (期, 笔, 个, 天) are in the template, never a counted word
    assert [k for k, v in LABELS["zh"].items() if "|" in v] == []


@pytest.mark.parametrize(("n", "en", "zh"), [(1, "1 month", "1个月"), (2, "2 months", "2个月")])
def test_a_count_and_its_noun(n: int, en: str, zh: str) -> None:
    from repayplan.report.labels import label
    from repayplan.text import msg, say

    assert (label("plan.n_months").format(n=n), label("plan.n_months", "zh").format(n=n)) == (en, zh)
    note = msg("note.payments_after", count=n, as_of="2025-02-01", dates="2025-03-01")
    assert str(note) == f"{n} payment{'s' if n > 1 else ''} dated after 2025-02-01 not counted (2025-03-01)"
    assert say(note, "zh") == f"2025-02-01之后的{n}笔还款未计入（2025-03-01）"


def test_one_installment_is_singular_in_the_offers() -> None:
    # on 2060-01-01 the Huabei bill is long past its maturity; with no budget given, the borrower's reservation is
    # everything owed in one installment
    code, out, _ = run("propose", str(EXAMPLES / "huabei-arrears.toml"), "--as-of", "2060-01-01", "--wide")
    assert code == 0 and "everything in one installment, 1 installment, 26,994.64 in all" in out
    assert " 1 installments" not in out and "(s)" not in out


@pytest.mark.parametrize(("example", "lang", "start"), [
    ("card-full-balance.toml", "en", "The one plan compared, Contract as it stands, fits both sides"),
    ("card-full-balance.toml", "zh", "仅比较一个方案：维持原合同。该方案双方都能接受"),
    ("negotiation.toml", "en", "The one plan compared, Contract as it stands, does not fit both sides: it asks more "
                               "than the borrower's budget."),
    ("negotiation.toml", "zh", "仅比较一个方案：维持原合同。该方案不能同时为双方接受：超出借款人还款能力。"),
])
def test_compare_of_one_plan_says_so(example: str, lang: str, start: str) -> None:
    # neither case file has a [[scenarios]] entry: the contract as it stands is the one plan compared; it fits
    # for the card, and asks more than the negotiation borrower's 1,100.00 a month
    code, out, _ = run("compare", str(EXAMPLES / example), "--lang", lang, "--wide")
    assert code == 0 and out.replace("\n", "").startswith(start)
