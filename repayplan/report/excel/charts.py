"""Charts: the remaining balance of every plan on one chart, and each plan's
payment composition (principal / interest / penalty / fees) per installment.

The series point at the plan sheets, so the charts follow an edited rate.
Two charts a printed page; axes titled; the legend below the plot, the
chart taller when many plans need more legend lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..labels import label
from .book import CaseBook, copy_label
from .layout import COLUMNS, HEADER_ROW, PlanLayout
from .style import FONT, Formats, SheetWriter, cached, print_setup

#: rows a chart takes on the Charts sheet (at 20 px a row); two charts a landscape A4 page (about 660 px)
CHART_ROWS = 15
CHART_WIDTH = 940  # px: a landscape A4 page's width inside the margins
CHART_HEIGHT = 270  # px
COMPOSITION = ("principal", "interest", "penalty", "fees")
#: one colour per component, the same on every chart
COLOURS = {"principal": "#4472C4", "interest": "#ED7D31", "penalty": "#C00000", "fees": "#A5A5A5"}


def _col(key: str) -> int:
    return ord(COLUMNS[key]) - ord("A")


def _title(text: str) -> dict[str, Any]:
    return {"name": text, "name_font": {"name": FONT, "size": 12, "bold": True}}


def _axis(title: str, **extra: Any) -> dict[str, Any]:
    return {"name": title, "name_font": {"name": FONT, "size": 9, "bold": False},
            "num_font": {"name": FONT, "size": 8}, "major_gridlines": {"visible": True,
                                                                     "line": {"color": "#D9D9D9"}}, **extra}


def balance_chart(workbook: Any, book: CaseBook, layouts: Sequence[PlanLayout]) -> Any | None:
    """Remaining balance after each installment, one line per compared plan, dates along the bottom; none
    when every plan is one payment on one day (a lone point on an axis spread over a century says nothing)."""
    lang = book.lang
    shown = [(p, lay) for p, lay in zip(book.plans, layouts, strict=True) if p.compared and p.rows]
    if len({row.due_date for plan, _ in shown for row in plan.rows}) < 2:
        return None
    chart = workbook.add_chart({"type": "scatter", "subtype": "straight"})
    chart.set_title(_title(label("wb.chart_balance", lang)))
    dates = [row.due_date for plan, _ in shown for row in plan.rows]
    chart.set_x_axis(_axis(label("due_date", lang), num_format="yyyy-mm", min=cached(min(dates)),
                           max=cached(max(dates))))
    chart.set_y_axis(_axis(label("wb.with_unit", lang).format(name=label("closing_balance", lang), unit=book.currency),
                           num_format="#,##0", min=0))
    chart.set_legend({"position": "bottom", "font": {"name": FONT, "size": 9}})
    for plan, layout in shown:
        first, last = layout.first - 1, layout.last - 1
        chart.add_series({
            "name": plan.name,
            "categories": [layout.sheet, first, _col("due_date"), last, _col("due_date")],
            "values": [layout.sheet, first, _col("closing_balance"), last, _col("closing_balance")],
            "line": {"width": 1.75},
        })
    lines = -(-len(shown) // 3)  # about three names a legend line
    chart.set_size({"width": CHART_WIDTH, "height": CHART_HEIGHT + 18 * min(2, max(0, lines - 1))})
    return chart


def composition_chart(workbook: Any, plan_name: str, layout: PlanLayout, lang: str, currency: str) -> Any:
    """Stacked columns: what each installment pays, by component."""
    chart = workbook.add_chart({"type": "column", "subtype": "stacked"})
    chart.set_title(_title(label("wb.chart_composition", lang).format(plan=plan_name)))
    chart.set_x_axis(_axis(label("period", lang), **({"interval_unit": 12, "interval_tick": 12}
                                                     if layout.rows > 60 else {})))
    chart.set_y_axis(_axis(label("wb.with_unit", lang).format(name=label("payment", lang), unit=currency),
                           num_format="#,##0", min=0))
    chart.set_legend({"position": "bottom", "font": {"name": FONT, "size": 9}})
    first, last = layout.first - 1, layout.last - 1
    for key in COMPOSITION:
        chart.add_series({
            "name": [layout.sheet, HEADER_ROW - 1, _col(key)],
            "categories": [layout.sheet, first, _col("period"), last, _col("period")],
            "values": [layout.sheet, first, _col(key), last, _col(key)],
            "fill": {"color": COLOURS[key]}, "border": {"none": True},
            "gap": 30 if layout.rows <= 60 else 0, "overlap": 100,
        })
    chart.set_size({"width": CHART_WIDTH, "height": CHART_HEIGHT})
    return chart


def write_charts(workbook: Any, ws: Any, book: CaseBook, layouts: Sequence[PlanLayout], formats: Formats) -> None:
    """The Charts sheet: the balance chart first, then one composition chart per plan, two a page."""
    print_setup(ws, book.case_id, book.lang, copy=copy_label(book))
    out = SheetWriter(ws, formats, book.lang)
    out.append((label("wb.sheet_charts", book.lang), "title"))
    balance = balance_chart(workbook, book, layouts)
    charts = [balance] if balance is not None else []
    charts += [composition_chart(workbook, plan.name, layout, book.lang, book.currency)
               for plan, layout in zip(book.plans, layouts, strict=True) if plan.rows]
    if not charts:
        out.append((label("wb.no_charts", book.lang), "note"))
        return
    row, breaks = 2, []
    for index, chart in enumerate(charts):
        if index and index % 2 == 0:  # two charts a page: break before the next pair
            breaks.append(row)
        ws.insert_chart(row, 0, chart)
        row += CHART_ROWS + (2 if index == 0 and balance is not None else 0)
    ws.set_h_pagebreaks(breaks)
