"""The case-file workbook (openpyxl): Summary, one sheet per plan with live
formulas, Arrears, Terms and Charts, written atomically.

Public API::

    export_workbook(book: CaseBook, target, force=False) -> Path
    build_workbook(book: CaseBook) -> openpyxl.Workbook
    CaseBook(case_id, currency, plans: tuple[BookPlan, ...], ...)
    BookPlan(name, rows, policy, loan=None, metrics={}, steps=(), note="")
    BookPlan.from_schedule(name, schedule)
"""

from .book import ArrearsBook, ArrearsLine, BookPlan, CapBook, CaseBook
from .workbook import build_workbook, export_workbook, sheet_names, write_workbook

__all__ = ["ArrearsBook", "ArrearsLine", "BookPlan", "CapBook", "CaseBook", "build_workbook", "export_workbook",
           "sheet_names", "write_workbook"]
