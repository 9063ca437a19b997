"""The case-file workbook: Summary, one sheet per plan, Arrears, Terms, Charts,
written with XlsxWriter in constant memory, every formula with its value.

>>> from datetime import date
>>> from decimal import Decimal
>>> from repayplan.model import Loan
>>> from repayplan.rates import parse_rate
>>> from repayplan.schedule import build_schedule
>>> loan = Loan(Decimal("12000"), parse_rate("1.5%/month"), 12, start=date(2025, 3, 10))
>>> book = CaseBook("EX-1", "CNY", (BookPlan.from_schedule("Contract", build_schedule(loan)),))
>>> sheet_names(book), sheet_names(replace(book, lang="zh"))
(['Summary', 'Contract', 'Terms', 'Charts'], ['汇总', 'Contract', '协议条款', '图表'])
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ...errors import InputError, RepayplanError
from ..files import atomic_write
from ..labels import label
from .arrears_sheet import write_arrears
from .book import BookPlan, CaseBook, copy_label
from .charts import write_charts
from .schedule_sheet import write_plan_sheet
from .style import Formats, SheetWriter, sheet_title
from .summary import write_summary
from .terms import write_terms

__all__ = ["BookPlan", "CaseBook", "export_workbook", "sheet_names", "write_workbook"]

#: XlsxWriter options: rows streamed to disk; text is never turned into a formula, a number or a link
OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
           "strings_to_urls": False, "default_date_format": "yyyy-mm-dd"}


def sheet_class() -> Any:
    """XlsxWriter's worksheet, told that these formulas use no dynamic-array function: XlsxWriter checks
    every formula against thirty names, one pattern at a time, a third of an export's time; one pattern
    does it here, and any formula naming one of them still goes through XlsxWriter's own expansion."""
    import re

    from xlsxwriter.worksheet import Worksheet

    dynamic = re.compile(r"ANCHORARRAY|BYCOL|BYROW|CHOOSE|DROP|EXPAND|FILTER|HSTACK|LAMBDA|MAKEARRAY|MAP|"
                         r"RANDARRAY|REDUCE|SCAN|SINGLE|SEQUENCE|SORT|SWITCH|TAKE|TEXTSPLIT|TOCOL|TOROW|UNIQUE|"
                         r"VSTACK|WRAP|XLOOKUP|_xlfn|[{}]")

    class Sheet(Worksheet):  # type: ignore[misc]
        def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
            if dynamic.search(formula) or self.use_future_functions or expand_future_functions:
                return str(super()._prepare_formula(formula, expand_future_functions))
            return formula[1:] if formula.startswith("=") else formula

    return Sheet


def sheet_names(book: CaseBook) -> list[str]:
    """The sheets' names in tab order: Summary, the plans, Arrears, Terms, Charts."""
    taken: set[str] = set()
    lang = book.lang
    names = [sheet_title(label("wb.sheet_summary", lang), taken)]
    names += [sheet_title(plan.name, taken) for plan in book.plans]
    if book.arrears is not None:
        names.append(sheet_title(label("wb.sheet_arrears", lang), taken))
    names.append(sheet_title(label("wb.sheet_terms", lang), taken))
    names.append(sheet_title(label("wb.sheet_charts", lang), taken))
    return names


def write_workbook(book: CaseBook, path: str | Path) -> None:
    """Write the workbook to `path` (no safety net: see export_workbook)."""
    import xlsxwriter

    if not book.plans:
        raise InputError("plans: a workbook needs at least one plan")
    created = book.created or datetime.now().replace(microsecond=0)
    book = replace(book, created=created)
    workbook = xlsxwriter.Workbook(str(path), OPTIONS)
    try:
        _fill(workbook, book, created)
    except BaseException:
        abandon(workbook)  # the file is not written; the caller removes it
        raise
    workbook.close()


def abandon(workbook: Any) -> None:
    """Drop a workbook that will not be written: close each sheet's streamed rows (temporary files)."""
    import contextlib

    for sheet in workbook.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None:
            with contextlib.suppress(Exception):
                handle.close()
    workbook.fileclosed = True


def _fill(workbook: Any, book: CaseBook, created: datetime) -> None:
    formats = Formats(workbook, book.plans[0].policy)
    names = iter(sheet_names(book))
    kind = sheet_class()

    def add() -> Any:
        return workbook.add_worksheet(next(names), worksheet_class=kind)

    summary = add()
    plan_sheets = [add() for _ in book.plans]
    arrears = add() if book.arrears is not None else None
    terms = add()
    charts = add()
    copy = copy_label(book)
    layouts: list[Any] = []
    order = sorted(range(len(book.plans)), key=lambda i: book.plans[i].linked_from is not None)
    by_index: dict[int, Any] = {}
    for i in order:  # a plan linked into the contract schedule is written after it
        by_index[i] = write_plan_sheet(SheetWriter(plan_sheets[i], formats, book.lang), book.plans[i], book.case_id,
                                       book.lang, copy, by_index.get(_schedule_index(book)))
    layouts = [by_index[i] for i in range(len(book.plans))]
    write_summary(SheetWriter(summary, formats, book.lang), book, layouts)
    if arrears is not None and book.arrears is not None:
        write_arrears(SheetWriter(arrears, formats, book.lang), book, book.arrears)
    write_terms(SheetWriter(terms, formats, book.lang), book, layouts[book.terms_index])
    write_charts(workbook, charts, book, layouts, formats)
    _properties(workbook, book, created)


def _schedule_index(book: CaseBook) -> int:
    """The contract schedule's plan (the one a linked plan points into)."""
    return next((i for i, p in enumerate(book.plans) if p.kind == "schedule"), -1)


def _properties(workbook: Any, book: CaseBook, created: datetime) -> None:
    lang = book.lang
    workbook.set_properties({
        "title": label("wb.doc_title", lang).format(case=book.case_id or "—"),
        "subject": book.title or label("wb.doc_subject", lang),
        "author": "repayplan", "manager": "", "company": "",
        "keywords": "repayplan; " + "; ".join(plan.name for plan in book.plans),
        "comments": label("wb.doc_description", lang).format(plans=len(book.plans), currency=book.currency),
        "created": created,
    })
    workbook.set_custom_property("Language", "zh-CN" if lang == "zh" else "en")


def export_workbook(book: CaseBook, target: str | Path, force: bool = False) -> Path:
    """Write the workbook beside `target` and rename it into place; refuse an
    existing file without `force`; a failure midway leaves no partial file."""
    try:
        return atomic_write(target, lambda tmp: write_workbook(book, tmp), force=force)
    except OSError as exc:
        raise RepayplanError(f"{target}: not written ({exc.strerror or exc}); nothing was left behind") from None
