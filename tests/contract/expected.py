"""Expected values, computed from each scenario's own inputs, never pasted from output.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from urllib.parse import urljoin, urlsplit


from calendar_links import (
    EventDraft,
    event_draft,
)
from .scenarios import Scenario, UTC


def _cleaned(text: str) -> str:
    """The documented normalisation, written independently: line ends to LF, other controls dropped."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in unified if ch in "\t\n" or unicodedata.category(ch) != "Cc")


def _present(raw: str | None) -> str | None:
    return raw if raw is not None and _cleaned(raw).strip() else None


def expected_span(scenario: Scenario) -> tuple[date | datetime, date | datetime]:
    """The start and exclusive end the scenario means: UTC instants, or a first day and the day after the last.

    A yearly series stored before 1970 starts on its first day from 1970 on.
    """
    if isinstance(scenario.start, datetime):
        start = scenario.start.astimezone(UTC)
        if isinstance(scenario.last, datetime):
            return start, scenario.last.astimezone(UTC)
        return start, start + timedelta(minutes=scenario.minutes)
    first = scenario.start
    if scenario.yearly and first.year < 1970:
        first = next(day for day in (_valid_day(year, first.month, first.day) for year in range(1970, 1975)) if day)
    last = first if scenario.last is None else scenario.last
    assert isinstance(last, date) and not isinstance(last, datetime)
    return first, last + timedelta(days=1)


def _valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def expected_uri(scenario: Scenario) -> str:
    return scenario.uri if scenario.uri is not None else expected_link(scenario)


def expected_busy(scenario: Scenario) -> bool:
    return scenario.busy if scenario.busy is not None else isinstance(scenario.start, datetime)


def expected_rule(scenario: Scenario) -> str | None:
    if not scenario.yearly:
        return None
    leap_day = (scenario.start.month, scenario.start.day) == (2, 29)
    return "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" if leap_day else "FREQ=YEARLY"


def expected_link(scenario: Scenario) -> str:
    page = scenario.page.page_url
    if urlsplit(page).scheme not in ("http", "https"):
        return ""
    url = _present(scenario.record.url)
    return urljoin(page, url) if url else page


def expected_title(scenario: Scenario) -> str:
    title = _present(scenario.field.event_title)
    if title is not None:
        return _cleaned(title)
    label = _present(scenario.field.label) or scenario.field.key
    name = _present(scenario.record.name)
    return _cleaned(f"{label}: {name}" if name else label)


def expected_description(scenario: Scenario) -> str:
    record = scenario.record
    lines = []
    name = _present(record.name)
    if name:
        kind = _present(record.record_type)
        lines.append(f"{kind}: {name}" if kind else name)
    extra = _present(record.description)
    if extra:
        lines.append(extra)
    if expected_link(scenario):
        lines.append(expected_link(scenario))
    return _cleaned("\n".join(lines))


def expected_location(scenario: Scenario) -> str:
    return _cleaned(_present(scenario.record.location) or "")


def draft_for(scenario: Scenario) -> EventDraft:
    """The scenario's draft; a Problem fails the check."""
    draft = event_draft(scenario.record, scenario.field, scenario.page, scenario.end_field)
    assert isinstance(draft, EventDraft), f"expected an event, got {draft!r}"
    return draft
