"""The agreement model: capital numerals, the hardship freeze plan as an agreement, its clauses, the readers."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from repayplan.agreement import Contract, Parties, Party, Terms, build_agreement, capital_rmb, clauses
from repayplan.casefile import load_document, parse_document
from repayplan.casefile.agreement import read_agreement_case
from repayplan.casefile.scenarios import read_compare_case
from repayplan.compare import compare
from repayplan.errors import CaseFileError
from repayplan.report.documents.wording import clause_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# written out by hand, by the rules of 《正确填写票据和结算凭证的基本规定》 (the glossary's table 17.3)
CAPITALS = {
    "1409.50": "人民币壹仟肆佰零玖元伍角",
    "6007.14": "人民币陆仟零柒元壹角肆分",
    "16409.02": "人民币壹万陆仟肆佰零玖元零贰分",
    "20000.00": "人民币贰万元整",
    "55571.01": "人民币伍万伍仟伍佰柒拾壹元零壹分",
    "1019.03": "人民币壹仟零壹拾玖元零叁分",
    "10.00": "人民币壹拾元整",
    "54521.36": "人民币伍万肆仟伍佰贰拾壹元叁角陆分",
    "100000.00": "人民币壹拾万元整",          # 壹拾, not 拾, so it cannot be altered
    "20300.00": "人民币贰万零叁佰元整",          # one 零 for the zero thousands
    "1000010.50": "人民币壹佰万零壹拾元伍角",    # one 零 for a run of zeros
    "0.05": "人民币伍分",
    "3863.98": "人民币叁仟捌佰陆拾叁元玖角捌分",
}


@pytest.mark.parametrize("figures, words", CAPITALS.items())
def test_capital_numerals_as_written_by_hand(figures: str, words: str) -> None:
    assert capital_rmb(Decimal(figures)) == words


def test_capital_numerals_use_only_the_capital_characters() -> None:
    allowed = set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整人民币")
    for cents in (1, 10, 100, 101, 1001, 100000, 1000001, 10010010, 999999999):
        text = capital_rmb(Decimal(cents) / 100)
        assert set(text) <= allowed, text
        assert not re.search("零零|零元|零整", text), text


def freeze_agreement(mediated: bool = False):  # type: ignore[no-untyped-def]
    case = read_compare_case(load_document(EXAMPLES / "hardship.toml"))
    scenario = [s for s in case.scenarios if s.name == "Interest freeze, 36 months"]
    result = compare(case.debt, scenario, date(2026, 3, 1), case.borrower, case.creditor)
    mediator = Party(role="mediator", name="某区人民调解委员会") if mediated else None
    parties = Parties(borrower=Party(role="borrower", name="张三"), creditor=Party(role="creditor"), mediator=mediator)
    return build_agreement(result.plans[1], parties, Contract(number="XF-1"), Terms())


def test_the_interest_freeze_plan_as_an_agreement() -> None:
    a = freeze_agreement()
    # the example's figures: 55,571.01 owed on 2026-03-01 (principal 50,614.94, interest 3,479.62, accrued 426.80,
    # penalty 799.65, fees 250.00); penalty and fees waived; 36 installments, the first carrying the accrued
    # interest (1,405.97 + 96.65 + 426.80 = 1,929.42), then 1,502.62, the last 1,502.86 with the residue
    assert a.owed == Decimal("55571.01")
    assert {c.name: c.amount for c in a.acknowledged} == {
        "principal": Decimal("50614.94"), "interest": Decimal("3479.62"), "accrued_interest": Decimal("426.80"),
        "penalty": Decimal("799.65"), "fees": Decimal("250.00")}
    assert sum(c.amount for c in a.acknowledged) == a.owed
    assert [(c.kind, c.amount) for c in a.concessions] == [("penalty", Decimal("799.65")), ("fees", Decimal("250.00")),
                                                          ("rate", None)]
    amounts = [i.amount for i in a.schedule]
    assert amounts == [Decimal("1929.42")] + [Decimal("1502.62")] * 34 + [Decimal("1502.86")]
    assert a.total == Decimal("1929.42") + 34 * Decimal("1502.62") + Decimal("1502.86") == Decimal("54521.36")
    assert a.owed - a.total == a.forgiven == Decimal("799.65") + Decimal("250.00")
    assert a.total_capital == "人民币伍万肆仟伍佰贰拾壹元叁角陆分"
    assert (a.first_due, a.last_due) == (date(2026, 3, 10), date(2029, 2, 10))
    assert all(i.principal + i.other == i.amount for i in a.schedule)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("mediated", [False, True])
def test_every_clause_has_words_in_both_languages(lang: str, mediated: bool) -> None:
    a = freeze_agreement(mediated)
    texts = []
    for clause in clauses(a):
        texts.append(clause_text(clause, lang, "CNY"))
        texts += [clause_text(item, lang, "CNY") for item in clause.items]
    joined = "\n".join(texts)
    assert "{" not in joined and "agr." not in joined
    if lang == "zh":
        assert "人民币54,521.36元（大写：人民币伍万肆仟伍佰贰拾壹元叁角陆分）" in joined
        assert "人民币55,571.01元（大写：人民币伍万伍仟伍佰柒拾壹元零壹分）" in joined
        assert "2026年3月10日" in joined and "2029年2月10日" in joined
        assert ("司法确认" in joined) == mediated and ("一式叁份" if mediated else "一式贰份") in joined
        assert not re.search("[A-Za-z]", joined.replace("XF-1", ""))
    else:
        assert "CNY 54,521.36" in joined and "10 March 2026" in joined and "XF-1" in joined
        assert ("judicial confirmation" in joined) == mediated


def test_readers_fill_the_parties_from_the_case_table_and_report_every_problem() -> None:
    doc = parse_document('[case]\nborrower = "李四"\n[parties.borrower]\naddress = "北京市"\n'
                         '[agreement]\ndefault_after = 3\ncopies = 4\n')
    case = read_agreement_case(doc)
    assert (case.parties.borrower.name, case.parties.borrower.address) == ("李四", "北京市")
    assert case.parties.creditor.blanks == ("name", "id_number", "address", "contact")
    assert (case.terms.default_installments, case.terms.default_days, case.terms.copies) == (3, 30, 4)
    bad = parse_document('[loan]\nsigned = "yesterday"\n[agreement]\ndefault_after = {missed = 2}\n'
                         '[borrower]\nhardship = 5\n')
    with pytest.raises(CaseFileError) as err:
        read_agreement_case(bad, "c.toml")
    assert [str(p) for p in err.value.problems] == [
        "loan.signed: 'yesterday' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-15",
        "agreement.default_after.missed: unknown field; known fields: installments, days",
        "agreement.default_after: give installments, days or both, e.g. {installments = 2, days = 30}",
        "borrower.hardship: must be a text in quotes or a table with text, since, evidence; got 5",
    ]


def test_the_new_keys_are_not_unknown_to_the_other_readers() -> None:
    text = (EXAMPLES / "negotiation.toml").read_text(encoding="utf-8")
    text = text.replace("[loan]\n", '[loan]\ncontract_no = "XF-1"\nsigned = 2024-03-10\nproduct = "loan"\n')
    text = text.replace("[borrower]\n", '[borrower]\nhardship = "lost my job"\n')
    assert "XF-1" in text and "lost my job" in text
    case = read_compare_case(parse_document(text))
    assert case.debt.loan.principal == 36000
