"""Due dates and day counts over arrays of loans (repayplan.calendar, vectorised).

Dates are whole days since 1970-01-01 (numpy's datetime64[D] count); a month
index is (year − 1970) × 12 + month − 1. Month-based due dates keep their
anchor day and clamp at the month's end, like :func:`repayplan.calendar.add_months`:

>>> table = MonthTable(np.array([660]), np.array([664]))  # Jan 2025 .. May 2025
>>> days, day = table.on_day(np.array([660, 661, 662, 663]), np.array([31, 31, 31, 31]))
>>> day.tolist(), [str(np.datetime64(int(d), "D")) for d in days]
([31, 28, 31, 30], ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30'])
>>> table.month_day(days)[1].tolist()
[31, 28, 31, 30]
>>> days_30_360(np.array([660]), np.array([30]), np.array([662]), np.array([31])).tolist()  # 30 Jan -> 31 Mar
[60]
"""

from __future__ import annotations

from datetime import date

import numpy as np

EPOCH = date(1970, 1, 1).toordinal()
#: The last date Python can hold: due dates past it are refused.
LAST_DAY = date(9999, 12, 31).toordinal() - EPOCH
LAST_MONTH = (9999 - 1970) * 12 + 11


class MonthTable:
    """First days and lengths of the months from ``low`` to ``high`` (month indexes)."""

    def __init__(self, low: np.ndarray, high: np.ndarray) -> None:
        self.low = int(low.min()) - 1 if len(low) else 0
        top = int(high.max()) + 2 if len(high) else 1
        months = np.arange(self.low, top + 1).astype("datetime64[M]")
        self.starts = months.astype("datetime64[D]").astype(np.int64)
        self.lengths = np.diff(self.starts)

    def on_day(self, midx: np.ndarray, anchor: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(days, day of month) of the anchor day in each month, clamped to its end."""
        i = midx - self.low
        day = np.minimum(anchor, self.lengths[i])
        return self.starts[i] + day - 1, day

    def month_day(self, days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(month index, day of month) of each date."""
        i = np.searchsorted(self.starts, days, side="right") - 1
        return i + self.low, days - self.starts[i] + 1


def days_30_360(midx1: np.ndarray, day1: np.ndarray, midx2: np.ndarray, day2: np.ndarray,
                euro: np.ndarray | bool = False) -> np.ndarray:
    """30/360 (ISDA bond basis) days, or 30E/360 where ``euro``, as :func:`repayplan.calendar.day_count`."""
    d1 = np.minimum(day1, 30)
    d2 = np.where((day2 == 31) & ((d1 == 30) | euro), 30, day2)
    return 30 * (midx2 - midx1) + d2 - d1


def iso(days: np.ndarray) -> np.ndarray:
    """ISO texts of day counts: '2025-01-31' (each distinct date written once).

    >>> iso(np.array([20119, 0, 20119])).tolist()
    ['2025-01-31', '1970-01-01', '2025-01-31']
    """
    distinct, codes = np.unique(days, return_inverse=True)
    return distinct.astype("datetime64[D]").astype(str).astype(object)[codes.reshape(-1)]
