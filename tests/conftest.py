"""Test-wide settings.

Hypothesis: in CI (``CI`` set) examples are derandomized, so a landing is
reproducible and never fails on a new random draw; locally each run draws
afresh, which is how new counterexamples are found (pin each one as a plain
test when you fix it).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The language a command speaks without --lang comes from the environment (REPAYPLAN_LANG, the locale); tests
# that do not say otherwise expect English whatever the machine's locale.
os.environ["REPAYPLAN_LANG"] = "en"
# Tables fit COLUMNS when it is set: tests that do not set it expect the full table, whatever the terminal.
os.environ.pop("COLUMNS", None)
