"""Write each command's `--help` into its page (docs/commands/NAME.md), between
the markers, so the reference never drifts from the CLI (as sqlite-utils does
with cog). tests/test_docs.py fails when a page is out of date.

    python tools/docs_help.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- help:start -->", "<!-- help:end -->"


def help_text(name: str) -> str:
    from click.testing import CliRunner

    from repayplan.cli import main

    result = CliRunner(env={"COLUMNS": "100", "REPAYPLAN_LANG": "en"}).invoke(main, [name, "--help"],
                                                                              terminal_width=100)
    return result.output.rstrip() + "\n"


def section(name: str) -> str:
    return f"{START}\n```text\n$ repayplan {name} --help\n{help_text(name)}```\n{END}"


def page(name: str) -> Path:
    return ROOT / "docs" / "commands" / f"{name}.md"


def updated(name: str) -> str:
    text = page(name).read_text(encoding="utf-8")
    if START in text:
        before, _, rest = text.partition(START)
        _, _, after = rest.partition(END)
        return before + section(name) + after
    return text.rstrip() + "\n\n## Reference: every option\n\n" + section(name) + "\n"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from repayplan.cli import COMMANDS

    for name in COMMANDS:
        page(name).write_text(updated(name), encoding="utf-8")


if __name__ == "__main__":
    main()
