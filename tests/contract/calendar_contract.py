"""The contract every calendar keeps: its action read back (a template link, a compose link, an
.ics file) gives the scenario's title, times and link, whatever the calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from icalendar import Calendar

from calendar_links import (
    ICS_MEDIA_TYPE,
    ics_sequence,
)
from calendar_links_core.providers.base import Click, DownloadFile, OpenUrl, Preferences, Provider
from calendar_links_core.providers.registry import PROVIDERS
from calendar_links_core.providers.web_link import MAX_URL_LENGTH
from .ics_values import ics_moment
from .expected import draft_for, expected_description, expected_link, expected_location, expected_span, expected_title
from .scenarios import ACCOUNT, STAMP, Scenario, UTC


def single_values(query: str) -> dict[str, str]:
    parsed = parse_qs(query, keep_blank_values=True, strict_parsing=True, errors="strict")
    for key, values in parsed.items():
        assert len(values) == 1, f"{key} given {len(values)} times"
    return {key: values[0] for key, values in parsed.items()}


def google_moment(text: str, all_day: bool) -> date | datetime:
    if all_day:
        return datetime.strptime(text, "%Y%m%d").date()
    return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def outlook_moment(text: str, all_day: bool) -> date | datetime:
    if all_day:
        return date.fromisoformat(text)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


@dataclass(frozen=True)
class ReadBack:
    """What a calendar's action carries, read back with a parser of its own kind."""

    title: str
    description: str
    location: str
    span: tuple[date | datetime, date | datetime]


def _read_template_link(action: OpenUrl, all_day: bool) -> ReadBack:
    query = single_values(urlsplit(action.url).query)
    first, _, second = query["dates"].partition("/")
    span = (google_moment(first, all_day), google_moment(second, all_day))
    return ReadBack(query["text"], query["details"], query.get("location", ""), span)


def _read_compose_link(action: OpenUrl, all_day: bool) -> ReadBack:
    query = single_values(urlsplit(action.url).query)
    span = (outlook_moment(query["startdt"], all_day), outlook_moment(query["enddt"], all_day))
    # The line breaks Outlook on the web drops are marked by the space before each.
    return ReadBack(query["subject"], query["body"].replace(" \n", "\n"), query.get("location", ""), span)


def _read_ics(action: DownloadFile, _all_day: bool) -> ReadBack:
    assert action.media_type == ICS_MEDIA_TYPE and action.file_name.endswith(".ics"), action.file_name
    (event,) = Calendar.from_ical(action.content).walk("VEVENT")
    span = (ics_moment(event, "DTSTART"), ics_moment(event, "DTEND"))
    return ReadBack(str(event["SUMMARY"]), str(event.get("DESCRIPTION", "")), str(event.get("LOCATION", "")), span)


# How to read back each calendar's action. A calendar added to the registry without a reader
# here fails the contract check: it has to show that it keeps the contract.
READERS: dict[str, Callable[[Any, bool], ReadBack]] = {
    "google": _read_template_link,
    "outlook": _read_ics,
    "microsoft365": _read_compose_link,
    "outlookcom": _read_compose_link,
    "apple": _read_ics,
}


def check_calendar_contract(scenario: Scenario, provider: Provider) -> None:
    """One calendar's action for the scenario keeps every calendar's contract."""
    draft = draft_for(scenario)
    all_day = not isinstance(scenario.start, datetime)
    action = provider.action(draft, Click(Preferences(ACCOUNT), STAMP, ics_sequence(STAMP)))
    assert provider.key in READERS, f"no reader for the calendar {provider.key!r}"
    if isinstance(action, OpenUrl):
        parts = urlsplit(action.url)
        assert parts.scheme == "https", action.url
        assert len(action.url) <= MAX_URL_LENGTH, f"{len(action.url)} bytes"
        # Some calendars show "+" literally; spaces must be %20.
        assert "+" not in parts.query and " " not in parts.query, parts.query
    back = READERS[provider.key](action, all_day)
    assert back.title == expected_title(scenario), f"title {back.title!r}"
    # Every scenario fits the length cap whole, so every text round-trips exactly and the
    # record link survives on its own line.
    assert back.description == expected_description(scenario), f"description {back.description!r}"
    assert back.location == expected_location(scenario), f"location {back.location!r}"
    assert back.span == expected_span(scenario), f"span {back.span}"
    link = expected_link(scenario)
    assert not link or back.description.split("\n")[-1] == link


def check_every_calendar(scenario: Scenario) -> None:
    for provider in PROVIDERS:
        check_calendar_contract(scenario, provider)
