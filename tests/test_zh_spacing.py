"""Chinese spacing: no space between Chinese and a figure the program writes ("截至2025-07-20无任何欠款",
"第1至6行", "共3个方案"); a space stays around what the user wrote or is to type (paths, raw input quoted
back, option and key names, typed examples). The rule is written at the top of repayplan/report/labels/zh.py."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from repayplan.report.labels import label
from repayplan.report.labels.zh import ZH

ROOT = Path(__file__).resolve().parent.parent
# Chinese characters and full-width punctuation (，：；（）“” …)
CJK = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’…]"  # a spaced — or · is a separator
NUMBER = r"[-+]?\d[\d,.\-]*%?"
# Placeholders filled with text the user wrote or is to type: they keep their space.
USER_TEXT = {"value", "text", "name", "target", "path", "folder", "where", "near", "flag", "command", "fmt", "op",
             "names", "keys", "tables", "example", "components", "unit", "fixed", "errors", "columns", "column",
             "known", "presets", "steps", "listed", "levers", "found", "output"}
# ... except where the same name holds a number: {column} is a column number in a parse error's position.
NUMBER_COLUMN = {"err.not_json", "err.not_toml_at"}
# Hints whose example values are what to type ("请填写金额，例如 1000.00"): typed text, spaced.
TYPED_EXAMPLES = {"err.hint_amount", "err.hint_date", "err.not_number", "err.not_date", "err.amount_too_long",
                  "err.payments_empty", "err.not_cap", "err.step_hint_amount"}
# a placeholder or a bare number a space away from Chinese (not part of 4×LPR, contract+50%, UTF-8)
_TOKEN = rf"\{{\w*\}}|{NUMBER}"
_LEFT = re.compile(rf"(?<={CJK}) +({_TOKEN})(?![A-Za-z0-9_+×=])")
_RIGHT = re.compile(rf"(?<![A-Za-z0-9_+×=-])({_TOKEN}) +(?={CJK})")


def spaced_figures(key: str, text: str) -> list[str]:
    """The figure-type tokens a space away from Chinese in one label, once per gap.

    >>> spaced_figures("x", "共 {count} 个方案"), spaced_figures("x", "{value} 不是数字"), spaced_figures("x", "第3期")
    (['{count}', '{count}'], [], [])
    >>> spaced_figures("err.not_json", "第 {line} 行第 {column} 列"), spaced_figures("x", "{column} 列出现了两次")
    (['{line}', '{column}', '{line}', '{column}'], [])
    """
    found = []
    for token in [m.group(1) for m in _LEFT.finditer(text)] + [m.group(1) for m in _RIGHT.finditer(text)]:
        if token.startswith("{"):
            name = token[1:-1]
            if name in USER_TEXT and not (name == "column" and key in NUMBER_COLUMN):
                continue
        elif key in TYPED_EXAMPLES:
            continue
        found.append(token)
    return found


def test_the_checker_finds_what_it_should():
    """Cases written by hand: the spaced figures it must report and the typed words it must leave."""
    assert spaced_figures("k", "截至 {date} 无任何欠款")
    assert spaced_figures("k", "各期还款日将晚于 9999-12-31")
    assert spaced_figures("k", "共 3 个方案")
    assert not spaced_figures("k", "截至{date}无任何欠款")
    assert not spaced_figures("k", "{target} 已存在；如需覆盖，请加 --force")
    assert not spaced_figures("k", "请写成 contract+50% 或 4×LPR 的形式")
    assert not spaced_figures("k", "不是 UTF-8 文本")
    assert not spaced_figures("err.hint_amount", "请填写金额，例如 1000.00")


@pytest.mark.parametrize("key", sorted(ZH))
def test_no_space_between_chinese_and_a_figure(key):
    assert spaced_figures(key, ZH[key]) == [], f"{key}: {ZH[key]!r}"


def test_the_exceptions_are_in_use():
    """Each named exception still excuses something: a typed example spaced from Chinese, a {column} that is
    a number, a user-text placeholder spaced from Chinese somewhere (no dead exceptions)."""
    for key in TYPED_EXAMPLES:
        assert re.search(rf"{CJK} +\d|\d +{CJK}", ZH[key]), key
    for key in NUMBER_COLUMN:
        assert "{column}" in ZH[key], key
    spaced = set(re.findall(rf"(?<={CJK}) +\{{(\w+)\}}", "\n".join(ZH.values())))
    spaced |= set(re.findall(rf"\{{(\w+)\}} +(?={CJK})", "\n".join(ZH.values())))
    assert {"value", "target", "name", "path", "where", "column"} <= spaced <= USER_TEXT


def test_an_empty_chinese_label_is_not_replaced_by_english():
    """"" is the Chinese separator between a term and its figure; the English fallback would put the space back."""
    assert label("sep.figure", "zh") == "" and label("sep.figure", "en") == " "
    assert label("audit.sep", "zh") == ""


# a single space between a Chinese character and a digit, in either order (table columns are two or more apart)
_OUTPUT_GAP = re.compile(rf"{CJK} [-+]?\d|\d%? {CJK}")

COMMANDS = [
    ["status", "examples/huabei-arrears.toml"],
    ["status", "examples/card-full-balance.toml", "--cap", "4xLPR"],
    ["compare", "examples/hardship.toml"],
    ["propose", "examples/negotiation.toml"],
    ["build", "examples/mortgage.toml"],
    ["plan", "examples/three-debts.toml"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_commands_write_no_space_between_chinese_and_a_figure(args):
    run = subprocess.run([sys.executable, "-m", "repayplan", *args, "--lang", "zh"], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", env={"PYTHONPATH": str(ROOT), "COLUMNS": "200",
                                                           "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert re.search(r"[\u4e00-\u9fff]\d", run.stdout), "no Chinese next to a figure at all: not a zh run?"
    spaced = [line for line in run.stdout.splitlines() if _OUTPUT_GAP.search(line)]
    assert spaced == []
