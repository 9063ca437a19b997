"""Bounds on what a user can type: whole numbers, dates and texts, each
checked before it is converted, so that no input can hang a run, overflow a
date or break a file written from it. Amounts have theirs in
:func:`repayplan.money.to_decimal`.

>>> parse_whole("36", "term", 1, 1200), parse_date("2025-01-15", "start")
(36, datetime.date(2025, 1, 15))
>>> parse_whole(Decimal("1e999999999"), "term", 1, 1200)
Traceback (most recent call last):
...
repayplan.errors.InputError: term: 1E+999999999 is too large; give a whole number from 1 to 1200
>>> parse_date("9999-06-01", "--start")
Traceback (most recent call last):
...
repayplan.errors.InputError: --start: 9999-06-01 is out of range; give a date from 1900-01-01 to 2199-12-31
>>> print(text_problem("A\\x01B", "case.borrower"))
case.borrower: has a control character (U+0001) at position 2; remove it
>>> brief("x" * 100)
"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (100 characters)"
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from .errors import InputError, Problem, bad
from .text import msg

#: Dates a case may hold: a schedule of 1,200 months from the last start still ends before 2300.
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2199, 12, 31)
#: Longest name or id (case id, parties, scenario and debt names) and longest note, in characters.
MAX_NAME = 200
MAX_NOTE = 2000
#: Most characters of an input an error message quotes.
QUOTE = 60
#: C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
CONTROL = _CONTROL.pattern
_NOTE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def brief(value: object, bare: bool = False) -> str:
    """An input as an error quotes it: its repr, cut to :data:`QUOTE` characters
    (with its length said) so that a 5 MB value never makes a 5 MB line;
    ``bare`` drops a string's quotes."""
    text = str(value) if bare or not isinstance(value, str) else repr(value)
    if len(text) <= QUOTE:
        return text
    size = len(value) if isinstance(value, str) else len(text)
    close = text[0] if text[0] in "'\"" else ""
    return msg("err.quoted_cut", head=text[:QUOTE - 5], close=close, size=f"{size:,}")


def parse_whole(value: object, field: str, minimum: int | None = None, maximum: int | None = None) -> int:
    """A whole number (int, integral Decimal, or digits as text) within the
    bounds; the size is checked before any conversion."""
    if minimum is None:
        span = msg("err.span_max", high=maximum) if maximum is not None else None
    else:
        span = msg("err.span_to", low=minimum, high=maximum) if maximum is not None else msg("err.span_up", low=minimum)
    too_large = "err.whole_too_large" if span is not None else "err.whole_too_large_any"
    if isinstance(value, Decimal) and value.is_finite():
        if value.adjusted() > 18:
            raise bad(field, too_large, value=brief(value), span=span)
        if value == value.to_integral_value():
            value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 18:
            raise bad(field, too_large, value=brief(value), span=span)
        if text.isascii() and text.isdigit():
            value = int(text)
    if not isinstance(value, int) or isinstance(value, bool):
        raise bad(field, "err.not_whole", value=brief(value))
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise bad(field, "err.whole_out_of_range", value=brief(value), span=span)
    return value


def parse_date(value: object, field: str = "date") -> date:
    """A TOML date, or an ISO text '2025-01-15' (a datetime keeps its date),
    from :data:`FIRST_DATE` to :data:`LAST_DATE`."""
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str) and len(value) <= 40:
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            pass
    if day is None:
        raise bad(field, "err.not_date", value=brief(value))
    if not FIRST_DATE <= day <= LAST_DATE:
        raise bad(field, "err.date_range", day=day, first=FIRST_DATE, last=LAST_DATE)
    return day


def text_problem(value: str, field: str, limit: int = MAX_NAME) -> Problem | None:
    """The problem with a text field (a control character, too long), else None.
    A note (``limit`` :data:`MAX_NOTE`) may hold line breaks and tabs."""
    if len(value) > limit:
        return Problem(path=field, message=msg("err.text_too_long", length=f"{len(value):,}", limit=f"{limit:,}"))
    found = (_CONTROL if limit < MAX_NOTE else _NOTE_CONTROL).search(value)
    if found:
        return Problem(path=field, message=msg("err.text_control", code=f"{ord(found.group()):04X}",
                                               position=found.start() + 1))
    return None


def check_text(value: str, field: str, limit: int = MAX_NAME) -> str:
    """``value`` if :func:`text_problem` finds nothing, else InputError."""
    problem = text_problem(value, field, limit)
    if problem:
        raise InputError(problem)
    return value
