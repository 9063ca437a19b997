"""How the workbook looks: named cell styles, number formats, widths, print setup.

Every sheet is written in openpyxl's write-only (streaming) mode, so memory
stays flat however many plans a case has; cells get one of a few named styles
registered once per workbook.

>>> money_format(MoneyPolicy("CNY")), money_format(MoneyPolicy("JPY"))
('#,##0.00;[Red]-#,##0.00', '#,##0;[Red]-#,##0')
>>> sheet_title("Plan: 50% off [draft]?", set())
'Plan- 50% off (draft)-'
>>> taken = {"summary"}; sheet_title("Summary", taken), sheet_title("Summary", taken)
('Summary (2)', 'Summary (3)')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ...money import MoneyPolicy
from ..render import display_width

#: Number formats people expect: dates as ISO, rates as percentages.
DATE_FORMAT = "yyyy-mm-dd"
RATE_FORMAT = "0.00####%"
FACTOR_FORMAT = "0.0000%"
DISCOUNT_FORMAT = "0.00000000"
DAYS_FORMAT = "0"

FONT = "Calibri"
HEADER_FILL = "DCE6F1"
TOTAL_FILL = "F2F2F2"
INPUT_FILL = "FFF2CC"  # editable inputs: the usual light yellow of financial models

#: named style -> (number format kind, bold, fill, italic, size, wrap, align)
_STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "size": 14},
    "heading": {"bold": True, "size": 12},
    "note": {"italic": True, "color": "595959"},
    "note_wrap": {"italic": True, "color": "595959", "wrap": True},
    "label": {},
    "text": {},
    "wrap": {"wrap": True},
    "bold": {"bold": True},
    "header": {"bold": True, "fill": HEADER_FILL, "wrap": True, "align": "center", "border": True},
    "int": {"fmt": "0"},
    "date": {"fmt": DATE_FORMAT, "align": "center"},
    "date_left": {"fmt": DATE_FORMAT, "align": "left"},
    "date_right": {"fmt": DATE_FORMAT, "align": "right"},
    "dash": {"align": "right"},
    "datetime_left": {"fmt": DATE_FORMAT + " hh:mm", "align": "left"},
    "amount": {"fmt": "money"},
    "amount_bold": {"fmt": "money", "bold": True},
    "total": {"fmt": "money", "bold": True, "fill": TOTAL_FILL, "border": True},
    "total_label": {"bold": True, "fill": TOTAL_FILL, "border": True},
    "total_int": {"fmt": "0", "bold": True, "fill": TOTAL_FILL, "border": True},
    "rate": {"fmt": RATE_FORMAT},
    "percent": {"fmt": "0.00%"},
    "factor": {"fmt": FACTOR_FORMAT},
    "discount": {"fmt": DISCOUNT_FORMAT, "color": "595959"},
    "input_amount": {"fmt": "money", "fill": INPUT_FILL, "border": True},
    "input_rate": {"fmt": RATE_FORMAT, "fill": INPUT_FILL, "border": True},
    "signature": {"border_bottom": True},
}


def money_format(policy: MoneyPolicy) -> str:
    """Thousands separators, the currency's minor digits, negatives in red."""
    body = "#,##0" + ("." + "0" * policy.minor_units if policy.minor_units else "")
    return f"{body};[Red]-{body}"


def register_styles(workbook: Any, policy: MoneyPolicy) -> None:
    """Add the named styles ("rp.amount", ...) to a workbook, once."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin", color="A6A6A6")
    for name, spec in _STYLES.items():
        fmt = spec.get("fmt", "General")
        if fmt == "money":
            fmt = money_format(policy)
        style = NamedStyle(
            name=f"rp.{name}",
            font=Font(name=FONT, size=spec.get("size", 10), bold=spec.get("bold", False),
                      italic=spec.get("italic", False), color=spec.get("color")),
            number_format=fmt,
            alignment=Alignment(wrap_text=spec.get("wrap", False), horizontal=spec.get("align"),
                                vertical="top" if spec.get("wrap") else None),
        )
        if "fill" in spec:
            style.fill = PatternFill("solid", start_color=spec["fill"], end_color=spec["fill"])
        if spec.get("border"):
            style.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if spec.get("border_bottom"):
            style.border = Border(bottom=Side(style="thin", color="000000"))
        workbook.add_named_style(style)


class SheetWriter:
    """Appends rows of (value, style) cells to a write-only worksheet and
    remembers the row number, so formulas can point at what was written.

    Set the sheet up (widths, panes, print setup) before the first row: a
    streamed sheet writes them with it."""

    def __init__(self, worksheet: Any) -> None:
        self.ws = worksheet
        self.row = 0  # the last row written
        self._started = False
        self._sink: Any = None
        self._style_ids: dict[str, int] = {}

    def append(self, *cells: Any) -> int:
        """Write one row; each cell is a value, None, or a (value, style) pair."""
        self._start()
        pairs = [item if isinstance(item, tuple) else (None if item is None else (item, None)) for item in cells]
        if self._sink is not None:
            from .stream import row_xml

            row = self.row + 1
            attrs = dict(self.ws.row_dimensions[row]) if row in self.ws.row_dimensions else {}
            self._sink(row_xml(row, [None if p is None else (p[0], self._style_id(p[1])) for p in pairs], attrs))
        else:
            self.ws.append([None if p is None else self._cell(*p) for p in pairs])
        self.row += 1
        return self.row

    def _cell(self, value: Any, style: str | None) -> Any:
        from openpyxl.cell import WriteOnlyCell

        if value is None and style is None:
            return None
        cell = WriteOnlyCell(self.ws, value=value)
        if style:
            cell.style = f"rp.{style}"
        return cell

    def _style_id(self, style: str | None) -> int | None:
        if not style:
            return None
        if style not in self._style_ids:
            cell = self._cell(None, style)
            self._style_ids[style] = cell.style_id if cell.has_style else 0
        return self._style_ids[style] or None

    def _start(self) -> None:
        """Before the first row: the sheet's settings are final; open its row stream."""
        if not self._started:
            from .stream import open_rows

            self._sink = open_rows(self.ws)
            self._started = True

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.append()

    def paragraph(self, text: str, width: float, columns: int, style: str = "note_wrap", first: int = 1,
                  before: tuple[Any, ...] = ()) -> int:
        """A long text wrapped over `columns` merged columns (from column
        `first`) `width` characters wide in all, its row tall enough for the
        lines; `before` fills the cells to the left."""
        from openpyxl.utils import get_column_letter

        row = self.row + 1
        lines = max(1, -(-display_width(text) // max(1, int(width * 0.95))))
        if lines > 1:
            self.ws.row_dimensions[row].height = 13.5 * lines + 1
        self.ws.merged_cells.add(f"{get_column_letter(first)}{row}:{get_column_letter(first + columns - 1)}{row}")
        cells = list(before) + [None] * (first - 1 - len(before))
        return self.append(*cells, (text, style))

def set_widths(worksheet: Any, widths: Iterable[float]) -> None:
    """Column widths in characters, from column A on (before any row is written)."""
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width


def text_width(values: Iterable[Any], minimum: float = 6, maximum: float = 60) -> float:
    """A column width that shows the longest text (CJK characters count double)."""
    longest = max((display_width(str(v)) for v in values if v is not None), default=0)
    return max(minimum, min(maximum, longest + 2))


def amount_width(largest: Any, policy: MoneyPolicy, minimum: float = 11) -> float:
    """Width for amounts up to `largest`, grouped with the minor digits, so no cell shows ####."""
    return max(minimum, len(policy.grouped(abs(largest))) + 3)


def print_setup(worksheet: Any, case_id: str, title_rows: str | None = None, lang: str = "en") -> None:
    """Landscape A4 fitted to the page width, repeated header rows, and a
    footer with the case id and the page number. Call it before the first
    row is written: a streamed sheet writes its fit-to-page flag with the
    first row (``print_title_rows`` may be set later)."""
    from ..labels import label

    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = 9  # A4
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.page_margins.left = worksheet.page_margins.right = 0.5
    worksheet.page_margins.top = worksheet.page_margins.bottom = 0.6
    worksheet.print_options.horizontalCentered = True
    if title_rows:
        worksheet.print_title_rows = title_rows
    footer = worksheet.oddFooter
    footer.left.text = f"{label('wb.case', lang)} {case_id}".strip() if case_id else ""
    footer.left.size = 8
    footer.center.text = "&A"
    footer.center.size = 8
    footer.right.text = label("wb.page_of", lang).replace("{page}", "&P").replace("{pages}", "&N")
    footer.right.size = 8


_FORBIDDEN = re.compile(r"[\[\]]")
_SEPARATORS = re.compile(r"[:*?/\\]")


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters, no
    leading or trailing apostrophe; `taken` (lower-cased) is updated."""
    text = _SEPARATORS.sub("-", _FORBIDDEN.sub(lambda m: "(" if m.group() == "[" else ")", name)).strip(" '")
    text = text[:31].strip(" '") or "Sheet"
    candidate, n = text, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = text[: 31 - len(suffix)].rstrip(" '") + suffix
    taken.add(candidate.lower())
    return candidate
