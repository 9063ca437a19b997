"""One chunk of cases → one chunk of summaries: the pure function of `repayplan batch`.

:func:`summarise` holds no state between calls, so the same function runs on
one machine chunk by chunk, or on a cluster under
``dask.dataframe.map_partitions(summarise)`` (or Spark's ``mapInPandas``).

>>> import pandas as pd
>>> chunk = pd.DataFrame({"case_id": ["M-1", "M-2"], "principal": ["1000000", "12000"], "rate": ["4.9%", "x"],
...                       "term": ["360", "12"], "method": ["annuity", "annuity"], "start": ["2025-01-15"] * 2})
>>> out = summarise(chunk)
>>> out.loc[0, ["installment", "total_interest", "periods", "payoff_date", "annual_rate"]].tolist()
['5307.27', '910615.12', 360, '2055-01-15', '4.9%']
>>> out.loc[1, "problem"]
"rate: 'x' is not a rate; write it like 4.9%, 4.9%/year, 1.5%/month or 0.05%/day"
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from .cases import read_cases
from .dates import iso
from .engine import compute

#: Output columns, in order; amounts are texts with exactly the currency's minor digits.
SUMMARY_COLUMNS = ("case_id", "currency", "principal", "method", "term", "annual_rate", "installment",
                   "total_payment", "total_interest", "total_fees", "periods", "first_due", "payoff_date")
AMOUNT_COLUMNS = ("principal", "installment", "total_payment", "total_interest", "total_fees")


def money_text(units: np.ndarray, digits: np.ndarray) -> np.ndarray:
    """Minor units as exact texts: 530727 with 2 digits → '5307.27'; with 0 → '530727'.

    >>> money_text(np.array([530727, 5, -105, 30618]), np.array([2, 2, 2, 0])).tolist()
    ['5307.27', '0.05', '-1.05', '30618']
    """
    units = np.asarray(units, dtype=np.int64)
    size = np.abs(units)
    whole = size // 100
    text = [f"{w}{_CENTS[c]}" for w, c in zip(whole.tolist(), (size - whole * 100).tolist(), strict=True)]
    for i in np.flatnonzero(digits == 0).tolist():
        text[i] = str(size[i])
    for i in np.flatnonzero(units < 0).tolist():
        text[i] = "-" + text[i]
    out = np.empty(len(text), dtype=object)
    out[:] = text
    return out


_CENTS = [f".{i:02d}" for i in range(100)]


def figures(cases: Any, totals: Any) -> dict[str, np.ndarray]:
    """The summary columns after ``case_id`` of every valid case: texts, and the term and periods as
    integers (rows whose ``totals.problem`` is not "" are not written)."""
    digits = cases.digits
    principal = money_text(cases.principal, digits)
    for i in np.flatnonzero(~cases.fits):  # too large for int64: read back from the loan
        loan = cases.loans(int(i))
        principal[i] = loan.policy.text(loan.principal)
    return {"currency": cases.currency, "principal": principal, "method": cases.method_name, "term": cases.term,
            "annual_rate": cases.annual_rate,
            **{key: money_text(getattr(totals, key), digits)
               for key in ("installment", "total_payment", "total_interest", "total_fees")},
            "periods": totals.periods, "first_due": iso(totals.first_due), "payoff_date": iso(totals.payoff)}


def summarise(chunk: pd.DataFrame, scenario: Any = None, arrears: Any = None) -> pd.DataFrame:
    """Summaries of a chunk of case rows (text cells), one output row per input row.

    Good rows have every summary column and ``problem == ""``; a bad row has
    only its ``case_id`` and its problems (one per line). A ``line`` column,
    if the chunk has one, is passed through. With ``arrears``
    (:class:`repayplan.batch.arrears.Arrears`) each case's statement follows
    in the ``arrears_*`` columns; with a scenario
    (:func:`repayplan.batch.scenario.parse_scenario`) the restructured
    plan's figures in the ``scenario_*`` columns.
    """
    cases, problems = read_cases(chunk)
    totals = compute(cases)
    added: dict[str, np.ndarray] = {}
    history = None
    slow = np.zeros(len(cases), dtype=bool)
    if arrears is not None:
        from .arrears import arrears_columns

        figures, more, history = arrears_columns(chunk, cases, arrears, totals.problem == "")
        merged = np.array([a if a else b for a, b in zip(totals.problem, more, strict=True)], dtype=object)
        totals = replace(totals, problem=merged)
        added.update(figures)
    if scenario is not None:
        from .scenario import scenario_columns

        if scenario.on is None and arrears is not None and arrears.as_of is not None:
            scenario = replace(scenario, on=arrears.as_of)
        added.update(scenario_columns(cases, scenario, totals.problem == "", history, exact=slow))
    result = frame(chunk, cases, problems, totals)
    result.attrs["scenario_exact"] = int(slow.sum())
    for key, values in added.items():
        column = np.full(len(chunk), None if key.endswith(("_payments", "_days_past_due")) else "", dtype=object)
        column[cases.index] = values
        result.insert(len(result.columns) - 1, key, column)
    return result


def frame(chunk: pd.DataFrame, cases: Any, problems: np.ndarray, totals: Any) -> pd.DataFrame:
    """The output chunk from validated cases and their computed totals."""
    n = len(chunk)
    data: dict[str, Any] = {}
    if "line" in chunk.columns:
        data["line"] = chunk["line"].to_numpy()
    case_ids = chunk["case_id"].to_numpy(dtype=object) if "case_id" in chunk.columns else np.full(n, "", object)
    data["case_id"] = np.array([str(c).strip() if isinstance(c, str) else "" for c in case_ids], dtype=object)
    problems = problems.copy()
    problems[cases.index] = totals.problem
    good = cases.index[totals.problem == ""]
    keep = totals.problem == ""

    def column(values: np.ndarray, empty: Any = "") -> np.ndarray:
        out = np.full(n, empty, dtype=object)
        out[good] = values[keep]
        return out

    for key, values in figures(cases, totals).items():
        data[key] = column(values.astype(object), None) if key in ("term", "periods") else column(values)
    data["problem"] = problems
    exact = np.zeros(n, dtype=bool)
    exact[cases.index] = totals.exact
    result = pd.DataFrame(data, index=chunk.index, dtype=object)
    result.attrs["exact"] = int(exact.sum())
    return result
