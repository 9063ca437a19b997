"""Portfolios: summaries of thousands of cases at once, exact to the minor unit.

:func:`summarise` is a pure function from a chunk of case rows (pandas, text
cells) to a chunk of summaries; :func:`run_batch` streams a CSV or Parquet
file through it in chunks and writes CSV, JSON lines or XLSX, with an errors
file for the rows that could not be read. The engine (``engine.py``) computes
in integer minor units with numpy and gives the same cents as
:func:`repayplan.schedule.build_schedule`.
"""

from .cases import COLUMNS, OPTIONAL, REQUIRED, Cases, read_cases
from .engine import Totals, compute
from .summary import SUMMARY_COLUMNS, summarise

__all__ = ["COLUMNS", "OPTIONAL", "REQUIRED", "SUMMARY_COLUMNS", "Cases", "Totals", "compute", "read_cases",
           "summarise"]
