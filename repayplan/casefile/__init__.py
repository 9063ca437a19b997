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
import tomllib
from pathlib import Path
from typing import Any

from ..inputs import brief
from .fields import Reader

__all__ = ["Reader", "load_document", "parse_document"]


def load_document(path: str | Path) -> dict[str, Any]:
    """Read a TOML or JSON case file into plain data, numbers as Decimal."""
    from ..errors import CaseFileError

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CaseFileError([f"case file not found; check the path {str(path)!r}"], str(path)) from None
    except IsADirectoryError:
        raise CaseFileError(["is a directory; give a .toml or .json case file"], str(path)) from None
    except UnicodeDecodeError:
        raise CaseFileError(["is not UTF-8 text; save the case file as UTF-8"], str(path)) from None
    except OSError as exc:  # a symbolic link that loops, a permission ...
        raise CaseFileError([f"cannot read the case file ({exc.strerror or exc})"], str(path)) from None
    return parse_document(text, str(path), json_format=path.suffix.lower() == ".json")


def parse_document(text: str, source: str = "<case>", json_format: bool = False) -> dict[str, Any]:
    """Parse case-file text; a syntax error becomes a one-line CaseFileError."""
    from decimal import Decimal

    from ..errors import CaseFileError

    try:
        if json_format:
            data = json.loads(text, parse_float=Decimal)
        else:
            data = tomllib.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise CaseFileError([f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"], source) from None
    except tomllib.TOMLDecodeError as exc:
        raise CaseFileError([f"not valid TOML: {brief(str(exc), bare=True)}"], source) from None
    except RecursionError:
        raise CaseFileError(["nested too deeply; a case file has tables of values, a few levels deep"],
                            source) from None
    except ValueError as exc:  # an integer of thousands of digits (Python refuses to convert it)
        reason = "a number has thousands of digits" if "digits" in str(exc) else brief(str(exc), bare=True)
        raise CaseFileError([f"cannot be read: {reason}; numbers in a case file have at most a few dozen "
                             "digits"], source) from None
    if not isinstance(data, dict):
        raise CaseFileError(["the case file must be a table (a JSON object) at the top"], source)
    return data
