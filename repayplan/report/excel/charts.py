"""Charts: the remaining balance of every plan on one chart, and each plan's
payment composition (principal / interest / penalty / fees) per installment.

The series point at the plan sheets, so the charts follow an edited rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..labels import label
from .book import CaseBook
from .schedule_sheet import COLUMNS, HEADER_ROW, PlanLayout
from .style import SheetWriter, print_setup

#: rows a chart takes on the Charts sheet (8 cm at the default row height); two charts a page
CHART_ROWS = 15
CHART_HEIGHT = 7.4  # cm
CHART_WIDTH = 25  # cm: a landscape A4 page's width inside the margins
COMPOSITION = ("principal", "interest", "penalty", "fees")
#: one colour per component, the same on every chart
COLOURS = {"principal": "4472C4", "interest": "ED7D31", "penalty": "C00000", "fees": "A5A5A5"}


def _column(letter: str) -> int:
    return ord(letter) - ord("A") + 1


def _title(text: str, size: int = 1200) -> Any:
    """A chart title in a readable size (hundredths of a point)."""
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun

    props = CharacterProperties(sz=size, b=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def balance_chart(book: CaseBook, sheets: Sequence[Any], layouts: Sequence[PlanLayout]) -> Any:
    """Remaining balance after each installment, one line per compared plan, dates along the bottom."""
    from openpyxl.chart import Reference, ScatterChart, Series
    from openpyxl.utils.datetime import to_excel

    lang = book.lang
    chart = ScatterChart(scatterStyle="line")
    chart.title = _title(label("wb.chart_balance", lang))
    chart.y_axis.title = f"{label('closing_balance', lang)} ({book.currency})"
    chart.x_axis.title = label("due_date", lang)
    chart.x_axis.number_format = "yyyy-mm"
    chart.y_axis.number_format = "#,##0"
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width, chart.height = CHART_WIDTH, CHART_HEIGHT
    shown = [(p, ws, lay) for p, ws, lay in zip(book.plans, sheets, layouts, strict=True) if p.compared]
    dates = [row.due_date for plan, _, _ in shown for row in plan.rows]
    if dates:  # the axis spans the plans' dates, not a rounded range around them
        chart.x_axis.scaling.min = to_excel(min(dates))
        chart.x_axis.scaling.max = to_excel(max(dates))
    for plan, ws, layout in shown:
        xs = Reference(ws, min_col=_column(COLUMNS["due_date"]), min_row=layout.first, max_row=layout.last)
        ys = Reference(ws, min_col=_column(COLUMNS["closing_balance"]), min_row=layout.first, max_row=layout.last)
        series = Series(ys, xs, title=plan.name)
        series.marker.symbol = "none"
        series.smooth = False
        series.graphicalProperties.line.width = 22000  # EMU: about 1.75 pt
        chart.series.append(series)
    return chart


def composition_chart(plan_name: str, ws: Any, layout: PlanLayout, lang: str) -> Any:
    """Stacked columns: what each installment pays, by component."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 30 if layout.rows <= 60 else 0
    chart.title = _title(label("wb.chart_composition", lang).format(plan=plan_name))
    chart.x_axis.title = label("period", lang)
    chart.y_axis.title = label("payment", lang)
    chart.y_axis.number_format = "#,##0"
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width, chart.height = CHART_WIDTH, CHART_HEIGHT
    for key in COMPOSITION:
        col = _column(COLUMNS[key])
        data = Reference(ws, min_col=col, min_row=HEADER_ROW, max_row=layout.last)
        chart.add_data(data, titles_from_data=True)
        chart.series[-1].graphicalProperties.solidFill = COLOURS[key]
        chart.series[-1].graphicalProperties.line.solidFill = COLOURS[key]
    chart.set_categories(Reference(ws, min_col=_column(COLUMNS["period"]), min_row=layout.first,
                                   max_row=layout.last))
    if layout.rows > 60:
        chart.x_axis.tickLblSkip = 12
        chart.x_axis.tickMarkSkip = 12
    return chart


def write_charts(ws: Any, book: CaseBook, sheets: Sequence[Any], layouts: Sequence[PlanLayout]) -> None:
    """The Charts sheet: the balance chart first, then one composition chart per plan."""
    from openpyxl.worksheet.pagebreak import Break

    print_setup(ws, book.case_id, None, book.lang)
    out = SheetWriter(ws)
    out.append((label("wb.sheet_charts", book.lang), "title"))
    ws.add_chart(balance_chart(book, sheets, layouts), "A3")
    for index, (plan, sheet, layout) in enumerate(zip(book.plans, sheets, layouts, strict=True), start=1):
        ws.add_chart(composition_chart(plan.name, sheet, layout, book.lang), f"A{3 + index * CHART_ROWS}")
        if index % 2 == 1:  # two charts a page: break before the next pair
            ws.row_breaks.append(Break(id=2 + (index + 1) * CHART_ROWS))
