"""Scenarios, expected values and the calendar contract, shared by pytest and the in-browser
smoke test.

Every scenario (scenarios.py) runs through every output (outputs.py): checks read each output
back (urllib.parse for links, icalendar for files) and compare with values computed from the
scenario's own inputs (expected.py), never with pasted output; every calendar keeps one
contract (calendar_contract.py); rules.py holds the checks that are not about one scenario;
ics_values.py reads a file's properties back as typed values.

Only the standard library, icalendar and the pure modules are imported, so Pyodide can run
run_all_checks() as it is (tests/browser/core_smoke.html, restored_checks.html).
"""

from __future__ import annotations

import traceback

from .calendar_contract import READERS, check_calendar_contract
from .expected import draft_for, expected_description, expected_location, expected_span, expected_title, expected_uri
from .outputs import CHECKS
from .rules import RULE_CHECKS
from .scenarios import PAGE, SCENARIOS, STAMP, Scenario

__all__ = [
    "CHECKS",
    "PAGE",
    "READERS",
    "RULE_CHECKS",
    "SCENARIOS",
    "STAMP",
    "Scenario",
    "check_calendar_contract",
    "draft_for",
    "expected_description",
    "expected_location",
    "expected_span",
    "expected_title",
    "expected_uri",
    "run_all_checks",
]


def run_all_checks() -> list[str]:
    """Every check against every scenario, then every rule check; one line per failure, empty when all pass."""
    failures = []
    for scenario in SCENARIOS:
        for check_name, check in CHECKS:
            try:
                check(scenario)
            except AssertionError as failure:
                failures.append(f"{scenario.name} / {check_name}: {failure}")
            except Exception:  # the smoke test must report every check, not stop at the first crash
                failures.append(f"{scenario.name} / {check_name}: {traceback.format_exc(limit=3)}")
    for rule_name, rule_check in RULE_CHECKS:
        try:
            rule_check()
        except AssertionError as failure:
            failures.append(f"{rule_name}: {failure}")
        except Exception:
            failures.append(f"{rule_name}: {traceback.format_exc(limit=3)}")
    return failures
