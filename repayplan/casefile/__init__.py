"""Case files (TOML, or JSON of the same shape) → model objects.

Reading never stops at the first problem: a :class:`Reader` collects every
problem with where it is (``loan.rate: ...``) and :meth:`Reader.check`
raises one :class:`~repayplan.errors.CaseFileError` listing them all.
Numbers are read exactly: TOML and JSON floats arrive as Decimal.

Each part of a case has its own parser module (``loan.py`` for ``[loan]``
and ``[case]``); they all build on :class:`Reader`.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from ..inputs import brief
from .fields import Reader

__all__ = ["Reader", "load_document", "parse_document"]


def load_document(path: str | Path) -> dict[str, Any]:
    """Read a TOML or JSON case file into plain data, numbers as Decimal."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _whole(path, "err.case_not_found", path=repr(str(path))) from None
    except IsADirectoryError:
        raise _whole(path, "err.case_is_directory") from None
    except UnicodeDecodeError:
        raise _whole(path, "err.case_not_utf8") from None
    except OSError as exc:  # a symbolic link that loops, a permission ...
        raise _whole(path, "err.case_unreadable", reason=exc.strerror or str(exc)) from None
    return parse_document(text, str(path), json_format=path.suffix.lower() == ".json")


def _whole(source: str | Path, key: str, **args: object) -> Exception:
    """A problem with the case file as a whole (no place in it): the label ``key`` with ``args``."""
    from ..errors import CaseFileError, Problem
    from ..text import msg

    return CaseFileError([Problem(path="", message=msg(key, **args))], str(source))


def parse_document(text: str, source: str = "<case>", json_format: bool = False) -> dict[str, Any]:
    """Parse case-file text; a syntax error becomes a one-line CaseFileError."""
    from decimal import Decimal

    try:
        if json_format:
            data = json.loads(text, parse_float=Decimal)
        else:
            data = tomllib.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise _whole(source, "err.not_json", detail=exc.msg, line=exc.lineno, column=exc.colno) from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        raise _whole(source, "err.not_toml_at" if where else "err.not_toml", detail=brief(str(exc), bare=True),
                     line=where and where[1], column=where and where[2]) from None
    except RecursionError:
        raise _whole(source, "err.nested_too_deeply") from None
    except ValueError as exc:  # an integer of thousands of digits (Python refuses to convert it)
        digits = "digits" in str(exc)
        raise _whole(source, "err.huge_number" if digits else "err.unreadable_number",
                     reason=brief(str(exc), bare=True)) from None
    if not isinstance(data, dict):
        raise _whole(source, "err.not_a_table_at_top")
    return data
