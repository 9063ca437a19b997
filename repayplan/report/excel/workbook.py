"""The case-file workbook: Summary, one sheet per plan, Arrears, Terms, Charts.

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

from ...errors import RepayplanError
from ..files import atomic_write
from ..labels import label
from .arrears_sheet import write_arrears
from .book import BookPlan, CaseBook
from .charts import write_charts
from .schedule_sheet import write_plan_sheet
from .style import register_styles, sheet_title
from .summary import write_summary
from .terms import write_terms

__all__ = ["BookPlan", "CaseBook", "build_workbook", "export_workbook", "sheet_names", "write_workbook"]


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


def build_workbook(book: CaseBook) -> Any:
    """An openpyxl write-only workbook holding every sheet (save it once)."""
    from openpyxl import Workbook

    if not book.plans:
        from ...errors import InputError

        raise InputError("plans: a workbook needs at least one plan")
    created = book.created or datetime.now().replace(microsecond=0)
    book = replace(book, created=created)
    workbook = Workbook(write_only=True)
    try:
        _fill(workbook, book, created)
    except BaseException:
        abandon(workbook)
        raise
    return workbook


def _fill(workbook: Any, book: CaseBook, created: datetime) -> None:
    from openpyxl.workbook.properties import CalcProperties

    register_styles(workbook, book.plans[0].policy)
    names = iter(sheet_names(book))
    summary = workbook.create_sheet(next(names))
    plan_sheets = [workbook.create_sheet(next(names)) for _ in book.plans]
    arrears = workbook.create_sheet(next(names)) if book.arrears is not None else None
    terms = workbook.create_sheet(next(names))
    charts = workbook.create_sheet(next(names))
    layouts = [write_plan_sheet(ws, plan, book.case_id, book.lang, f"Plan{i}")
               for i, (ws, plan) in enumerate(zip(plan_sheets, book.plans, strict=True), start=1)]
    write_summary(summary, book, layouts)
    if arrears is not None and book.arrears is not None:
        write_arrears(arrears, book, book.arrears)
    write_terms(terms, book, layouts[book.terms_index])
    write_charts(charts, book, plan_sheets, layouts)
    _properties(workbook, book, created)
    workbook.calculation = CalcProperties(fullCalcOnLoad=True)


def abandon(workbook: Any) -> None:
    """Close a write-only workbook that will not be saved: finish each sheet's
    stream quietly and remove its temporary file."""
    import contextlib

    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def _properties(workbook: Any, book: CaseBook, created: datetime) -> None:
    lang = book.lang
    props = workbook.properties
    props.title = label("wb.doc_title", lang).format(case=book.case_id or "—")
    props.subject = book.title or label("wb.doc_subject", lang)
    props.creator = "repayplan"
    props.lastModifiedBy = "repayplan"
    props.created = props.modified = created
    props.keywords = "repayplan; " + "; ".join(plan.name for plan in book.plans)
    props.description = label("wb.doc_description", lang).format(
        plans=len(book.plans), currency=book.currency)
    props.language = "zh-CN" if lang == "zh" else "en"


def write_workbook(book: CaseBook, path: str | Path) -> None:
    """Build the workbook and save it to `path` (no safety net: see export_workbook)."""
    workbook = build_workbook(book)
    try:
        workbook.save(str(path))
    except BaseException:
        abandon(workbook)
        raise


def export_workbook(book: CaseBook, target: str | Path, force: bool = False) -> Path:
    """Write the workbook beside `target` and rename it into place; refuse an
    existing file without `force`; a failure midway leaves no partial file."""
    try:
        return atomic_write(target, lambda tmp: write_workbook(book, tmp), force=force)
    except OSError as exc:
        raise RepayplanError(f"{target}: not written ({exc.strerror or exc}); nothing was left behind") from None
