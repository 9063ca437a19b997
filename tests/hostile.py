"""The hostile-input corpus: generated, never stored.

Every command gets a small valid case (JSON, so that any token can be
written), and each field of it, by its kind, is replaced with each hostile
value of that kind: huge and tiny numbers, exponents that would take hours
to expand, wrong types, control characters, texts megabytes long, dates at
the end of the calendar. Structure is attacked too: misspelt tables and
keys, deep nesting, integers of thousands of digits. Each :class:`Attack`
says what the command must do: its exit code (0 where the value is
legitimate: a name beginning with "=" is data).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: Marks a raw JSON token (written unquoted) in a document.
RAW = "\x00raw:"

LOAN = {"principal": "12000.00", "rate": "12%", "term": 12, "start": "2025-01-15"}
CASE = {"id": "C-1", "currency": "CNY", "as_of": "2025-08-20", "borrower": "Li", "creditor": "Bank"}
PENALTY = {"rate": "0.05%/day", "base": "overdue-installment", "grace_days": 3, "late_fee": "10.00"}
PAYMENTS = [{"date": "2025-02-15", "amount": "1066.19"}]
SCENARIOS = [{"name": "Freeze", "steps": [{"op": "set-rate", "rate": "0%"}, {"op": "term", "installments": 24}]}]
BORROWER = {"max_payment": "800.00", "lump_sum": "500.00"}
CREDITOR = {"min_recovery": "80%", "max_term": 36, "discount_rate": "6%"}
DEBTS = [{"name": "card", "kind": "revolving", "balance": "5000.00", "rate": "18%", "min_percent": "10%",
          "min_floor": "100"},
         {"name": "loan", "kind": "installment", "principal": "6000.00", "rate": "12%", "term": 12,
          "start": "2025-01-05"}]
BUDGET = {"monthly": "1500.00", "start": "2025-07-01"}

#: command -> (its base case, extra arguments); {out} is a fresh output path.
COMMANDS: dict[str, tuple[dict[str, Any], list[str]]] = {
    "build": ({"case": CASE, "loan": LOAN}, []),
    "status": ({"case": CASE, "loan": LOAN, "penalty": PENALTY, "payments": PAYMENTS}, []),
    "compare": ({"case": CASE, "loan": LOAN, "payments": PAYMENTS, "scenarios": SCENARIOS}, []),
    "propose": ({"case": CASE, "loan": LOAN, "payments": PAYMENTS, "borrower": BORROWER, "creditor": CREDITOR},
                ["--top", "2"]),
    "export": ({"case": CASE, "loan": LOAN, "scenarios": SCENARIOS}, ["-o", "{out}.xlsx"]),
    "plan": ({"case": {"id": "P-1"}, "debts": DEBTS, "budget": BUDGET}, []),
    "letter": ({"case": CASE, "loan": {**LOAN, "contract_no": "HT-1", "signed": "2025-01-10"},
                "scenarios": SCENARIOS, "borrower": {"hardship": {"text": "job loss", "since": "2025-03-01"}},
                "parties": {"borrower": {"name": "Li", "address": "Road 1"}, "creditor": {"name": "Bank"}},
                "agreement": {"place": "Beijing", "copies": 2}},
               ["--scenario", "Freeze", "-o", "{out}.docx"]),
}
#: Arguments before the case file (the letter's kind).
BEFORE = {"letter": ["hardship"]}

#: The kind of each field (by its key) and the hostile values for a kind: (value, exit code).
KINDS = {
    "principal": "amount", "amount": "amount", "late_fee": "amount", "max_payment": "amount", "lump_sum": "amount",
    "balance": "amount", "min_floor": "amount", "monthly": "amount",
    "rate": "rate", "discount_rate": "rate",
    "term": "whole", "grace_days": "whole", "installments": "whole", "max_term": "whole",
    "start": "date", "as_of": "date", "date": "date",
    "id": "text", "borrower": "text", "creditor": "text", "name": "text", "contract_no": "text",
    "address": "text", "text": "text", "place": "text", "signed": "date", "since": "date", "copies": "whole",
    "currency": "choice", "base": "choice", "kind": "choice", "op": "choice",
    "min_percent": "percent", "min_recovery": "percent",
}
_BIG_TEXT = "x" * 200_000
HOSTILE: dict[str, list[tuple[Any, int]]] = {
    "amount": [(RAW + "1e38", 2), (RAW + "9e999999", 2), (RAW + "1" * 41, 2), ("1e999999999", 2), ("1,5", 2),
               (RAW + "-1", 2), (RAW + "true", 2), ([], 2), ("\u0001", 2), (_BIG_TEXT, 2), ("=1+1", 2),
               (RAW + "1e-999999999", 2), ("NaN", 2), ("Infinity", 2)],
    "rate": [("1e999999999%", 2), (RAW + "1e38", 2), ("-5%", 2), (_BIG_TEXT, 2), ([], 2), ("5%/fortnight", 2),
             ("\u0001", 2)],
    "whole": [(RAW + "1e999999999", 2), (RAW + "1e999999", 2), (RAW + "1" * 400, 2), ("1" * 5000, 2),
              (RAW + "-1", 2), (RAW + "2.5", 2), ("x", 2), (RAW + "true", 2), ({}, 2)],
    "date": [("9999-12-31", 2), ("9999-06-01", 2), ("0001-01-01", 2), ("2025-02-30", 2), (_BIG_TEXT, 2),
             (RAW + "20250101", 2), ([], 2)],
    "text": [("\u0001name", 2), ("a\u2028b", 2), (_BIG_TEXT, 2), (RAW + "1e999999999", 2), ({}, 2),
             ("=HYPERLINK(\"http://x\",\"click\")", 0), ("@SUM(A1)", 0), ("+1-2", 0)],
    "choice": [(_BIG_TEXT, 2), (RAW + "1", 2), ("\u0001", 2), ([], 2)],
    "percent": [(RAW + "1e999999999", 2), ("1e999999999%", 2), (_BIG_TEXT, 2), ("-5%", 2)],
}


@dataclass(frozen=True)
class Attack:
    """One hostile run: the command, the case document's text (JSON), the exit code it must end with."""

    name: str
    command: str
    text: str
    exit_code: int
    args: tuple[str, ...] = ()


def to_json(doc: Any) -> str:
    """JSON with RAW-marked strings written as bare tokens."""
    text = json.dumps(doc, ensure_ascii=True)
    marker = json.dumps(RAW)[1:-1]
    while marker in text:
        start = text.index('"' + marker)
        end = text.index('"', start + 1)
        text = text[:start] + text[start + 1 + len(marker):end] + text[end + 1:]
    return text


def _leaves(doc: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(doc, dict):
        for key, value in doc.items():
            if isinstance(value, dict | list):
                yield from _leaves(value, (*path, key))
            elif key in KINDS:
                yield (*path, key), key
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield from _leaves(value, (*path, i))


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(doc))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copy


def field_attacks() -> Iterator[Attack]:
    """Each field of each command's case, with each hostile value of its kind."""
    for command, (doc, args) in COMMANDS.items():
        for path, key in _leaves(doc):
            for i, (value, code) in enumerate(HOSTILE[KINDS[key]]):
                if key == "kind" or (key == "op"):
                    code = 2
                name = f"{command}:{'.'.join(map(str, path))}#{i}"
                yield Attack(name, command, to_json(_replace(doc, path, value)), code, tuple(args))


def structure_attacks() -> Iterator[Attack]:
    """Misspelt tables and keys, deep nesting, huge integers, wrong shapes: for every command."""
    for command, (doc, args) in COMMANDS.items():
        first = next(iter(doc))
        cases = {
            "misspelt-table": {**{k: v for k, v in doc.items() if k != first}, first + "x": doc[first]},
            "extra-table": {**doc, "penalti": {"rate": "1%"}},
            "array-table": {**doc, "payment": [{"date": "2025-02-15", "amount": "1"}]},
            "misspelt-key": {**doc, first: {**doc[first], "idd": "x"}} if isinstance(doc[first], dict) else None,
            "top-level-key": {**doc, "currency": "USD"},
        }
        for name, variant in cases.items():
            if variant is not None:
                yield Attack(f"{command}:{name}", command, to_json(variant), 2, tuple(args))
        yield Attack(f"{command}:deep", command, "[" * 50_000 + "]" * 50_000, 2, tuple(args))
        yield Attack(f"{command}:deep-object", command, '{"a":' * 50_000 + "1" + "}" * 50_000, 2, tuple(args))
        yield Attack(f"{command}:huge-int", command, '{"case": {"id": ' + "9" * 5000 + "}}", 2, tuple(args))
        yield Attack(f"{command}:not-json", command, "{" + "x" * 100_000, 2, tuple(args))
        yield Attack(f"{command}:top-array", command, "[1, 2]", 2, tuple(args))
        yield Attack(f"{command}:bom", command, "\ufeff" + to_json(doc), 0 if command != "propose" else 0, tuple(args))


#: TOML case files (the same checks as JSON): (name, text, exit code); each is run by ``build``.
TOML_ATTACKS: list[tuple[str, str, int]] = [
    ("deep-array", "a = " + "[" * 50_000 + "1" + "]" * 50_000 + "\n", 2),
    ("deep-tables", '[loan]\nprincipal = 1000\nrate = "5%"\nterm = 2\nstart = 2025-01-01\n'
                    + "".join(f"[case.{'.'.join(['t'] * k)}]\n" for k in range(1, 200)), 2),
    ("huge-int", '[loan]\nprincipal = 1000\nrate = "5%"\nterm = ' + "9" * 5000 + "\nstart = 2025-01-01\n", 2),
    ("huge-float", '[loan]\nprincipal = 1000\nrate = "5%"\nterm = 1e999999999\nstart = 2025-01-01\n', 2),
    ("far-date", '[loan]\nprincipal = 1000\nrate = "5%"\nterm = 12\nstart = 9999-06-01\n', 2),
    ("datetime-start", '[loan]\nprincipal = 1000\nrate = "5%"\nterm = 2\nstart = 2025-01-01T10:00:00\n', 0),
    ("misspelt", '[lon]\nprincipal = 1000\nrate = "5%"\nterm = 12\nstart = 2025-01-01\n', 2),
    ("control-in-string", '[case]\nid = "A\\u0007"\n[loan]\nprincipal = 1000\nrate = "5%"\nterm = 2\n'
                          'start = 2025-01-01\n', 2),
    ("not-toml", "[loan\n" + "x" * 100_000, 2),
    ("grouped-amount", '[loan]\nprincipal = "1,000.00"\nrate = "5%"\nterm = 2\nstart = 2025-01-01\n', 0),
    ("cny-marks", '[loan]\nprincipal = "￥１，０００元"\nrate = "5%"\nterm = 2\nstart = 2025-01-01\n', 0),
    ("usd-marks", '[case]\ncurrency = "USD"\n[loan]\nprincipal = "¥1000"\nrate = "5%"\nterm = 2\n'
                  'start = 2025-01-01\n', 2),
]

#: Payments CSVs for ``status --payments`` (every problem at once, each with its physical line).
PAYMENT_ATTACKS: list[tuple[str, str, int, list[str]]] = [
    ("stray-quote", 'date,amount\n2025-02-15,"100\n2025-03-15,100\n', 2, ["line 2"]),
    ("blank-lines", '\n\ndate,amount\n\n2025-02-15,"1,5"\n', 2, ["line 5"]),
    ("huge-amount", "date,amount\n2025-02-15,1e38\n", 2, ["line 2"]),
    ("far-date", "date,amount\n9999-02-15,100\n", 2, ["line 2"]),
    ("twice", "date,amount,amount\n2025-02-15,100,100\n", 2, ["line 1"]),
    ("huge-cell", "date,amount\n2025-02-15," + "9" * 200_000 + "\n", 2, ["line 2"]),
    ("multi-line-note", 'date,amount,note\n2025-02-15,100.00,"a\nb"\n2025-03-15,x,\n', 2, ["line 4"]),
]


#: Flags with hostile values: (command, args, exit code); {case} is the command's valid case file.
FLAG_ATTACKS: list[tuple[str, list[str], int]] = [
    ("build", ["--principal", "1,5", "--rate", "5%", "--term", "12"], 2),
    ("build", ["--principal", "1e38", "--rate", "5%", "--term", "12"], 2),
    ("build", ["--principal", "1000", "--rate", "5%", "--term", "1e999999999"], 2),
    ("build", ["--principal", "1000", "--rate", "5%", "--term", "12", "--start", "9999-06-01"], 2),
    ("build", ["--principal", "1000", "--rate", "5%", "--term", "1200", "--start", "2199-12-01"], 0),
    ("build", ["--principal", "1000", "--rate", "5%", "--term", "12", "--method", "x" * 5_000_000], 2),
    ("build", ["--principal", "1000", "--rate", "5%", "--term", "1200", "--frequency", "weekly",
               "--start", "2199-12-01"], 0),
    ("status", ["{case}", "--as-of", "9999-12-31"], 2),
    ("status", ["{case}", "--claimed", "1e38"], 2),
    ("status", ["{case}", "--grace-days", "1e999999"], 2),
    ("compare", ["{case}", "--date", "9999-12-31"], 2),
    ("compare", ["{case}", "--term", "1e999999999"], 2),
    ("compare", ["{case}", "--payment", "1,5"], 2),
    ("propose", ["{case}", "--max-payment", "1e38"], 2),
    ("propose", ["{case}", "--date", "9999-12-31"], 2),
    ("plan", ["{case}", "--monthly", "4500.123"], 2),
    ("plan", ["{case}", "--monthly", "1e-9"], 2),
    ("plan", ["{case}", "--monthly", "1,5"], 2),
    ("plan", ["{case}", "--start", "9999-12-01"], 2),
    ("plan", ["{case}", "--export", "{out}.csv"], 2),
    ("export", ["{case}", "-o", "{out}.xlsx", "--date", "9999-12-31"], 2),
    ("export", ["{case}", "-o", "{out}.xlsx", "--terms", "x" * 100_000], 2),
    ("compare", ["{case}", "--scenario", "x" * 100_000], 2),
    ("plan", ["{case}", "--timeline", "x" * 100_000], 2),
    ("status", ["{case}", "--allocation", "x" * 100_000], 2),
    ("status", ["{case}", "--penalty-rate", "x" * 100_000], 2),
    ("propose", ["{case}", "--levers", "x" * 100_000], 2),
    ("propose", ["{case}", "--cap", "x" * 100_000], 2),
    ("plan", ["{case}", "--strategy", "x" * 100_000], 2),
    ("letter", ["{case}", "-o", "{case}", "--force"], 2),
    ("compare", ["{case}", "--term", "24", "--name", "a\u0001b"], 2),
    ("compare", ["{case}", "--term", "24", "--name", "=HYPERLINK(\"x\")"], 0),
]

#: batch's own flags with hostile values, on a valid case list: (args, exit code); {cases} is the list.
BATCH_FLAG_ATTACKS: list[tuple[list[str], int]] = [
    (["{cases}", "--scenario", "x" * 100_000], 2),
    (["{cases}", "--scenario", "rate=0%; term=1e999999999"], 2),
    (["{cases}", "--scenario", "rate=0%", "--date", "9999-01-01"], 2),
    (["{cases}", "--as-of", "9999-12-31"], 2),
    (["{cases}", "--payments", "{folder}"], 2),
    (["{cases}", "-o", "{folder}"], 2),
    (["{cases}", "-o", "{cases}", "--force"], 2),
]

#: Case lists for batch: (name, CSV text, exit code). Rows that fail alone make exit 1.
HEADER = "case_id,principal,rate,term,method,start\n"
GOOD = "A,1000,5%,12,annuity,2025-01-01\n"
BATCH_ATTACKS: list[tuple[str, str, int]] = [
    ("huge-amount", HEADER + GOOD + "B,1e38,5%,12,annuity,2025-01-01\n" + GOOD.replace("A", "C"), 1),
    ("exponent-amount", HEADER + GOOD + "B,9e999999,5%,12,annuity,2025-01-01\n", 1),
    ("digits-amount", HEADER + GOOD + "B," + "1" * 41 + ",5%,12,annuity,2025-01-01\n", 1),
    ("stray-quote", HEADER + GOOD + 'B,"1000,5%,12,annuity,2025-01-01\n' + GOOD.replace("A", "C") * 500, 1),
    ("huge-cell", HEADER + GOOD + "B," + "9" * 200_000 + ",5%,12,annuity,2025-01-01\n" + GOOD, 1),
    ("control-id", HEADER + GOOD + "B\u0001,1000,5%,12,annuity,2025-01-01\n", 1),
    ("long-id", HEADER + GOOD + "B" * 1000 + ",1000,5%,12,annuity,2025-01-01\n", 1),
    ("far-start", HEADER + GOOD + "B,1000,5%,12,annuity,9999-06-01\n", 1),
    ("huge-term", HEADER + GOOD + "B,1000,5%,1e999999999,annuity,2025-01-01\n", 1),
    ("nul", HEADER + GOOD + "B,10\x0000,5%,12,annuity,2025-01-01\n", 1),
    ("formula-id", HEADER + GOOD + "=HYPERLINK(\"x\"),1000,5%,12,annuity,2025-01-01\n", 0),
    ("duplicate-header", "case_id,principal,rate,term,method,start,principal\n" + GOOD, 2),
    ("empty", "", 2),
    ("header-only", HEADER, 0),
    ("binary", "\udcff\udcfe", 2),
]
