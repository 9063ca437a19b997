"""How the workbook looks and how a cell is written (XlsxWriter).

A cell is a value, or a (value, style) pair. A value is written by its type:
text always as text (a name beginning with ``=`` stays a name), numbers and
Decimals as numbers, dates as dates, and a :class:`Formula` as a formula
*with its cached value*, so readers that do not recalculate (pandas,
previews, protected view) see the figure the program computed.

>>> money_format(MoneyPolicy("CNY")), money_format(MoneyPolicy("JPY"))
('#,##0.00;[Red]-#,##0.00', '#,##0;[Red]-#,##0')
>>> sheet_title("Plan: 50% off [draft]?", set())
'Plan- 50% off (draft)-'
>>> taken = {"summary"}; sheet_title("Summary", taken), sheet_title("History", taken)
('Summary (2)', 'History (2)')
>>> footer_text("A&B")
'A&&B'
>>> cached(Decimal("12.50")), cached(date(1900, 3, 1))
(12.5, 61)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ...money import MoneyPolicy
from ...text import say
from ..render import display_width

#: Number formats people expect: dates as ISO, rates as percentages.
DATE_FORMAT = "yyyy-mm-dd"
RATE_FORMAT = "0.00####%"
FACTOR_FORMAT = "0.0000%"
DISCOUNT_FORMAT = "0.00000000"

FONT = "Calibri"
HEADER_FILL = "#DCE6F1"
TOTAL_FILL = "#F2F2F2"
INPUT_FILL = "#FFF2CC"  # editable inputs: the usual light yellow of financial models
GREY = "#595959"
#: one row of 10-point text, in points; a row's default height
LINE_HEIGHT = 13.5
TITLE_HEIGHT = 21.0  # points: a 14-point title and its descenders
DEFAULT_HEIGHT = 14.0
#: an A4 page inside the margins and above the footer, in points: (width, height)
PORTRAIT = (523.0, 712.0)
LANDSCAPE = (770.0, 465.0)

#: named style -> its properties
_STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "size": 14},
    "heading": {"bold": True, "size": 12},
    "note": {"italic": True, "color": GREY},
    "note_wrap": {"italic": True, "color": GREY, "wrap": True},
    "label": {},
    "label_wrap": {"wrap": True},
    "text": {},
    "wrap": {"wrap": True},
    "bold": {"bold": True},
    "header": {"bold": True, "fill": HEADER_FILL, "wrap": True, "align": "center", "border": True},
    "header_left": {"bold": True, "fill": HEADER_FILL, "wrap": True, "border": True},
    "header_right": {"bold": True, "fill": HEADER_FILL, "wrap": True, "align": "right", "border": True},
    "int": {"fmt": "0"},
    "int_center": {"fmt": "0", "align": "center"},
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
    "discount": {"fmt": DISCOUNT_FORMAT, "color": GREY},
    "input_amount": {"fmt": "money", "fill": INPUT_FILL, "border": True},
    "input_rate": {"fmt": RATE_FORMAT, "fill": INPUT_FILL, "border": True},
    "signature": {"border_bottom": True},
    "copy": {"bold": True, "color": "#C00000"},
}


@dataclass(frozen=True)
class Formula:
    """A formula (without its leading ``=``) and the value it yields, which is
    written beside it as the cell's cached value."""

    text: str
    value: Any


def cached(value: Any) -> Any:
    """A formula's value as a workbook stores it: numbers as numbers, dates as serial days."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return "" if value is None else value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return (value - date(1899, 12, 30)).days
    if isinstance(value, Decimal | Fraction):
        return float(value)  # float ok: an Excel cell holds a double
    return value


def money_format(policy: MoneyPolicy) -> str:
    """Thousands separators, the currency's minor digits, negatives in red."""
    body = "#,##0" + ("." + "0" * policy.minor_units if policy.minor_units else "")
    return f"{body};[Red]-{body}"


class Formats:
    """The workbook's named styles as XlsxWriter formats, made once."""

    def __init__(self, workbook: Any, policy: MoneyPolicy) -> None:
        self._made: dict[str, Any] = {}
        thin = "#A6A6A6"
        for name, spec in _STYLES.items():
            props: dict[str, Any] = {"font_name": FONT, "font_size": spec.get("size", 10), "valign": "top"}
            fmt = spec.get("fmt")
            if fmt:
                props["num_format"] = money_format(policy) if fmt == "money" else fmt
            for key, prop in (("bold", "bold"), ("italic", "italic"), ("color", "font_color"),
                              ("fill", "bg_color"), ("align", "align")):
                if key in spec:
                    props[prop] = spec[key]
            if spec.get("wrap"):
                props.update(text_wrap=True, valign="top")
            if spec.get("border"):
                props.update(border=1, border_color=thin)
            if spec.get("border_bottom"):
                props["bottom"] = 1
            self._made[name] = workbook.add_format(props)

    def __getitem__(self, name: str | None) -> Any:
        return self._made[name] if name else None


class SheetWriter:
    """Appends rows of cells to an XlsxWriter worksheet (in constant-memory
    mode rows must come in order, as they do here) and remembers the row
    number (1-based, as people count), so formulas can point at it."""

    def __init__(self, worksheet: Any, formats: Formats, lang: str = "en") -> None:
        self.ws = worksheet
        self.formats = formats
        self.lang = lang  # a message (repayplan.text.Msg) in a cell is written in this language
        self.row = 0  # the last row written, 1-based
        self.widths: list[float] = []
        self.page_height: float | None = None  # points of rows a printed page holds (after scaling)
        self.used = 0.0  # points of the current page used so far
        self.breaks: list[int] = []
        self._next: float | None = None

    def paginate(self, portrait: bool = False, repeated: float = 0) -> None:
        """Track pages (after the widths are set) so that :meth:`keep` can break before a block."""
        width, height = (PORTRAIT if portrait else LANDSCAPE)
        content = sum(int(7 * w + 5) for w in self.widths) * 0.75 or 1
        scale = min(1.0, width / content)
        self.page_height = height / scale - repeated

    def keep(self, points: float) -> None:
        """Keep the next `points` of rows on one page: break before them when they would straddle one."""
        if self.page_height and self.used and self.used + points > self.page_height \
                and points <= self.page_height:
            self.breaks.append(self.row)
            self.ws.set_h_pagebreaks(self.breaks)
            self.used = 0.0

    def _advance(self, rows: int = 1) -> None:
        for _ in range(rows):
            h = self._next if self._next is not None else DEFAULT_HEIGHT
            self._next = None
            self.used += h
            if self.page_height and self.used > self.page_height:
                self.used = h
        self.row += rows

    def height(self, points: float) -> None:
        """The next row's height (before it is written)."""
        self.ws.set_row(self.row, points)
        self._next = points

    def append(self, *cells: Any) -> int:
        """Write one row; each cell is a value, None, or a (value, style) pair. A title's row is made tall
        enough for its 14-point font (LibreOffice keeps the default 15 points, and the next row's text
        would overlap it)."""
        if self._next is None and any(isinstance(item, tuple) and item[1] == "title" for item in cells):
            self.height(TITLE_HEIGHT)
        r = self.row
        for c, item in enumerate(cells):
            value, style = item if isinstance(item, tuple) else (item, None)
            self.put(r, c, value, style)
        self._advance()
        return self.row

    def put(self, r: int, c: int, value: Any, style: str | None) -> None:
        ws, fmt = self.ws, self.formats[style]
        if value is None:
            if fmt is not None:
                ws.write_blank(r, c, None, fmt)
        elif isinstance(value, Formula):
            ws.write_formula(r, c, "=" + value.text, fmt, cached(value.value))
        elif isinstance(value, str):
            ws.write_string(r, c, say(value, self.lang), fmt)  # input text is data, never a formula
        elif isinstance(value, bool):
            ws.write_boolean(r, c, value, fmt)
        elif isinstance(value, datetime | date):
            ws.write_datetime(r, c, value if isinstance(value, datetime) else
                              datetime(value.year, value.month, value.day), fmt)
        elif isinstance(value, int | float | Decimal | Fraction):
            ws.write_number(r, c, float(value), fmt)  # float ok: an Excel cell holds a double
        else:
            raise ValueError(f"cannot write {value!r} to a cell")

    def blank(self, count: int = 1) -> None:
        self._advance(count)

    def paragraph(self, text: str, width: float, columns: int, style: str = "note_wrap", first: int = 1,
                  before: tuple[Any, ...] = ()) -> int:
        """A long text wrapped over `columns` merged columns (from column
        `first`) `width` characters wide in all, its row tall enough for the
        lines; `before` fills the cells to the left."""
        text = say(text, self.lang)
        lines = wrapped_lines(text, width)
        if lines > 1:
            self.height(LINE_HEIGHT * lines + 1)
        r = self.row
        for c, item in enumerate(before):
            value, st = item if isinstance(item, tuple) else (item, None)
            self.put(r, c, value, st)
        if columns > 1:
            self.ws.merge_range(r, first - 1, r, first + columns - 2, "", self.formats[style])
        self.put(r, first - 1, text, style)
        self._advance()
        return self.row


def wrapped_lines(text: str, width: float) -> int:
    """Lines a text takes in a wrapped cell `width` characters wide (CJK characters count double)."""
    return sum(max(1, -(-display_width(part) // max(1, int(width * 0.92)))) for part in text.split("\n"))


def set_widths(worksheet: Any, widths: Iterable[float]) -> list[float]:
    """Column widths in characters, from column A on (before any row is written)."""
    out = list(widths)
    for index, width in enumerate(out):
        worksheet.set_column(index, index, width)
    return out


def text_width(values: Iterable[Any], minimum: float = 6, maximum: float = 60) -> float:
    """A column width that shows the longest text (CJK characters count double)."""
    longest = max((display_width(str(v)) for v in values if v is not None), default=0)
    return max(minimum, min(maximum, longest + 2))


def amount_width(largest: Any, policy: MoneyPolicy, minimum: float = 11) -> float:
    """Width for amounts up to `largest`, grouped with the minor digits, so no cell shows ####."""
    return max(minimum, len(policy.grouped(abs(largest))) + 3)


def footer_text(text: str) -> str:
    """Text as a header or footer shows it: ``&`` starts a code there, so it is doubled."""
    return text.replace("&", "&&")


def print_setup(worksheet: Any, case_id: str, lang: str = "en", *, copy: str = "", portrait: bool = False,
                title_rows: tuple[int, int] | None = None, label_columns: bool = False) -> None:
    """A4, fitted to the page width, repeated header rows (1-based) and the
    label column, and a footer with the case id, the sheet, whose copy it is
    and the page number."""
    from ..labels import label

    if not portrait:
        worksheet.set_landscape()
    worksheet.set_paper(9)  # A4
    worksheet.fit_to_pages(1, 0)
    worksheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
    worksheet.center_horizontally()
    if title_rows:
        worksheet.repeat_rows(title_rows[0] - 1, title_rows[1] - 1)
    if label_columns:
        worksheet.repeat_columns(0, 0)
    left = footer_text(f"{label('wb.case', lang)} {case_id}".strip()) if case_id else ""
    if copy:
        left = (left + " · " if left else "") + footer_text(copy)
    right = footer_text(label("wb.page_of", lang)).replace("{page}", "&P").replace("{pages}", "&N")
    worksheet.set_footer(f"&L&8{left}&C&8&A&R&8{right}")


_FORBIDDEN = re.compile(r"[\[\]]")
_SEPARATORS = re.compile(r"[:*?/\\]")
#: names Excel keeps for itself
RESERVED = frozenset({"history"})


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters (a
    longer name cut with "…"), no leading or trailing apostrophe, not Excel's
    reserved "History"; `taken` (lower-cased) is updated.

    >>> sheet_title("Settlement in 24 installments after a down payment", set())
    'Settlement in 24 installments…'
    """
    text = _SEPARATORS.sub("-", _FORBIDDEN.sub(lambda m: "(" if m.group() == "[" else ")", name)).strip(" '")
    if len(text) > 31:  # cut, and said to be cut: the sheet's title cell holds the whole name
        text = text[:30].rstrip(" '") + "…"
    text = text or "Sheet"
    candidate, n = text, 1
    while candidate.lower() in taken or candidate.lower() in RESERVED:
        n += 1
        suffix = f" ({n})"
        candidate = text[: 31 - len(suffix)].rstrip(" '…") + suffix
    taken.add(candidate.lower())
    return candidate


def quote_sheet(name: str) -> str:
    """A sheet name as a formula refers to it: quoted, apostrophes doubled."""
    return "'" + name.replace("'", "''") + "'"
