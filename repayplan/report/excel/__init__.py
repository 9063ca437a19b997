"""The case-file workbook (XlsxWriter): Summary, one sheet per plan with live
formulas and their cached values, Arrears, Terms and Charts, written atomically.

Public API::

    export_workbook(book: CaseBook, target, force=False) -> Path
    write_workbook(book: CaseBook, path) -> None
    CaseBook(case_id, currency, plans: tuple[BookPlan, ...], ...)
    BookPlan(name, rows, policy, loan=None, metrics={}, steps=(), note="")
    BookPlan.from_schedule(name, schedule)
"""

from .book import ArrearsBook, ArrearsLine, BookPlan, CapBook, CaseBook
from .workbook import export_workbook, sheet_names, write_workbook

__all__ = ["ArrearsBook", "ArrearsLine", "BookPlan", "CapBook", "CaseBook", "export_workbook", "sheet_names",
           "write_workbook"]
