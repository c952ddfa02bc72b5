"""Checks of each output against one scenario: the draft, the Google link with and without an
account, the .ics file, both Outlook on the web links, the file name, and the calendar contract.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar

from calendar_links import (
    ics_document,
    ics_file_name,
    ics_sequence,
)
from calendar_links_core.providers.google import google_calendar_url
from calendar_links_core.providers.microsoft365 import MICROSOFT_365_COMPOSE_URL
from calendar_links_core.providers.outlook_web import outlook_web_url
from calendar_links_core.providers.outlookcom import OUTLOOK_COM_COMPOSE_URL
from calendar_links_core.providers.web_link import MAX_URL_LENGTH
from .calendar_contract import check_every_calendar, google_moment, outlook_moment, single_values
from .expected import draft_for, expected_busy, expected_description, expected_link, expected_location, expected_rule, expected_span, expected_title, expected_uri
from .ics_values import ics_duration, ics_moment, ics_stamp
from .scenarios import ACCOUNT, STAMP, Scenario


def check_draft(scenario: Scenario) -> None:
    draft = draft_for(scenario)
    start, end = expected_span(scenario)
    assert (draft.start, draft.end) == (start, end), f"span {draft.start}..{draft.end} != {start}..{end}"
    assert draft.all_day is not isinstance(scenario.start, datetime)
    assert draft.time_zone == scenario.zone, f"zone {draft.time_zone!r} != {scenario.zone!r}"
    assert draft.title == expected_title(scenario), f"title {draft.title!r}"
    assert draft.description == expected_description(scenario), f"description {draft.description!r}"
    assert draft.location == expected_location(scenario), f"location {draft.location!r}"
    assert draft.record_url == expected_link(scenario), f"record_url {draft.record_url!r}"
    assert re.fullmatch(r"[0-9a-f]{32}@calendar-links", draft.uid), f"uid {draft.uid!r}"
    assert draft.yearly is scenario.yearly
    assert draft.show_as == ("busy" if expected_busy(scenario) else "free"), draft.show_as
    if scenario.yearly:
        # A birthday's title names the person, never a year (that would be wrong every other year).
        assert not re.search(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b", draft.title), draft.title




def _google_query(scenario: Scenario, account: str | None) -> dict[str, str]:
    url = google_calendar_url(draft_for(scenario), account)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "calendar.google.com", "/calendar/render"), url
    assert len(url) <= MAX_URL_LENGTH, f"{len(url)} bytes"
    # Google shows "+" literally in some fields; spaces must be %20.
    assert "+" not in parts.query and " " not in parts.query, parts.query
    return single_values(parts.query)




def check_google_url(scenario: Scenario) -> None:
    query = _google_query(scenario, None)
    all_day = not isinstance(scenario.start, datetime)
    link = expected_link(scenario)
    assert query["action"] == "TEMPLATE"
    assert query["text"] == expected_title(scenario), f"text {query['text']!r}"
    assert query["details"] == expected_description(scenario), f"details {query['details']!r}"
    assert query.get("location", "") == expected_location(scenario), f"location {query.get('location')!r}"
    assert "location" in query or not expected_location(scenario)
    first, _, second = query["dates"].partition("/")
    span = (google_moment(first, all_day), google_moment(second, all_day))
    assert span == expected_span(scenario), query["dates"]
    assert len(first) == len(second) == (8 if all_day else 16), query["dates"]
    # ctz misplaces all-day events in Google Calendar for Android, and Google
    # drops a zone it doesn't know.
    expected_ctz = None if all_day or not scenario.ctz_known else scenario.zone
    assert query.get("ctz") == expected_ctz, f"ctz {query.get('ctz')!r}"
    assert query.get("sprop") == (f"website:{link}" if link else None), f"sprop {query.get('sprop')!r}"
    assert "authuser" not in query
    rule = expected_rule(scenario)
    assert query.get("recur") == (f"RRULE:{rule}" if rule else None), f"recur {query.get('recur')!r}"
    busy = expected_busy(scenario)
    assert (query["crm"], query["trp"]) == (("BUSY", "true") if busy else ("AVAILABLE", "false")), query["crm"]


def check_google_url_with_account(scenario: Scenario) -> None:
    with_account = _google_query(scenario, ACCOUNT)
    without = _google_query(scenario, None)
    assert with_account.pop("authuser") == ACCOUNT
    assert with_account == without


def _unfolded_lines(data: bytes) -> list[str]:
    return data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").decode("utf-8").split("\r\n")[:-1]


def _property_name(line: str) -> str:
    match = re.match(r"[A-Z][A-Z0-9-]*(?=[;:])", line)
    assert match is not None, f"not a content line: {line[:40]!r}"
    return match.group()


def check_ics(scenario: Scenario) -> None:
    draft = draft_for(scenario)
    sequence = ics_sequence(STAMP)
    data = ics_document(draft, STAMP, sequence, scenario.reminder)
    all_day = not isinstance(scenario.start, datetime)
    link = expected_link(scenario)

    # RFC 5545 section 3.1: CRLF line ends, lines of at most 75 octets, folds
    # that never split a UTF-8 sequence.
    assert data.endswith(b"\r\n")
    physical = data.split(b"\r\n")[:-1]
    assert all(b"\r" not in line and b"\n" not in line for line in physical), "bare CR or LF"
    for line in physical:
        assert len(line) <= 75, f"{len(line)}-octet line {line[:20]!r}"
        line.decode("utf-8")

    lines = _unfolded_lines(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR", (lines[0], lines[-1])
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    names = Counter(_property_name(line) for line in lines)
    expected_names = Counter(
        ["BEGIN", "BEGIN", "END", "END", "VERSION", "PRODID", "METHOD"]
        + ["UID", "DTSTAMP", "SEQUENCE", "SUMMARY", "DTSTART", "DTEND", "TRANSP", "X-MICROSOFT-CDO-BUSYSTATUS"]
        + (["DESCRIPTION"] if expected_description(scenario) else [])
        + (["LOCATION"] if expected_location(scenario) else [])
        + (["URL"] if link else [])
        + (["X-MICROSOFT-CDO-ALLDAYEVENT"] if all_day else [])
        + (["RRULE"] if scenario.yearly else [])
        + (["BEGIN", "END", "ACTION", "DESCRIPTION", "TRIGGER"] if scenario.reminder is not None else [])
    )
    assert names == expected_names, f"properties {sorted(names.elements())}"
    start_line = next(line for line in lines if line.startswith("DTSTART"))
    assert start_line.startswith("DTSTART;VALUE=DATE:") if all_day else start_line.endswith("Z"), start_line

    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["PRODID"]).startswith("-//calendar-links//")
    assert not calendar.walk("VTIMEZONE")
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == expected_title(scenario), f"SUMMARY {str(event['SUMMARY'])!r}"
    assert str(event.get("DESCRIPTION", "")) == expected_description(scenario), "DESCRIPTION differs"
    assert str(event.get("LOCATION", "")) == expected_location(scenario), "LOCATION differs"
    # URL is a URI (RFC 5545 section 3.3.13): ASCII only; the description keeps the readable link.
    assert str(event.get("URL", "")) == expected_uri(scenario), f"URL {event.get('URL')!r}"
    assert str(event.get("URL", "")).isascii()
    assert str(event["UID"]) == draft.uid
    assert event["SEQUENCE"] == sequence
    assert ics_stamp(event) == STAMP
    start, end = expected_span(scenario)
    span = (ics_moment(event, "DTSTART"), ics_moment(event, "DTEND"))
    assert span == (start, end), span
    assert isinstance(span[0], datetime) is not all_day
    if all_day:
        assert str(event["X-MICROSOFT-CDO-ALLDAYEVENT"]) == "TRUE"
    busy = expected_busy(scenario)
    assert str(event["TRANSP"]) == ("OPAQUE" if busy else "TRANSPARENT"), str(event["TRANSP"])
    assert str(event["X-MICROSOFT-CDO-BUSYSTATUS"]) == ("BUSY" if busy else "FREE")
    rule = expected_rule(scenario)
    assert f"RRULE:{rule}" in lines if rule else "RRULE" not in event, "RRULE differs"
    alarms = event.walk("VALARM")
    if scenario.reminder is None:
        assert not alarms
    else:
        (alarm,) = alarms
        assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]) == expected_title(scenario)
        trigger = ics_duration(alarm, "TRIGGER")
        assert trigger == -timedelta(minutes=scenario.reminder), trigger


def check_ics_is_deterministic(scenario: Scenario) -> None:
    first = ics_document(draft_for(scenario), STAMP, 7)
    assert ics_document(draft_for(scenario), STAMP, 7) == first
    later = ics_document(draft_for(scenario), STAMP + timedelta(hours=1), 8)
    assert later != first
    assert [line for line in _unfolded_lines(later) if not line.startswith(("DTSTAMP", "SEQUENCE"))] == [
        line for line in _unfolded_lines(first) if not line.startswith(("DTSTAMP", "SEQUENCE"))
    ]




def _check_outlook(scenario: Scenario, compose_url: str, host: str) -> None:
    url = outlook_web_url(draft_for(scenario), compose_url)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", host, "/calendar/0/deeplink/compose"), url
    assert len(url) <= MAX_URL_LENGTH and "+" not in parts.query
    query = single_values(parts.query)
    all_day = not isinstance(scenario.start, datetime)
    assert (query["path"], query["rru"]) == ("/calendar/action/compose", "addevent")
    assert query["subject"] == expected_title(scenario), f"subject {query['subject']!r}"
    # Outlook on the web drops line breaks; the core puts a space before each.
    assert query["body"] == expected_description(scenario).replace("\n", " \n"), f"body {query['body']!r}"
    assert query.get("location", "") == expected_location(scenario)
    assert query["allday"] == ("true" if all_day else "false")
    span = (outlook_moment(query["startdt"], all_day), outlook_moment(query["enddt"], all_day))
    assert span == expected_span(scenario), (query["startdt"], query["enddt"])


def check_outlook_com(scenario: Scenario) -> None:
    _check_outlook(scenario, OUTLOOK_COM_COMPOSE_URL, "outlook.live.com")


def check_microsoft_365(scenario: Scenario) -> None:
    # Not outlook.office.com: compose links there fail with AADSTS90015 since May 2026.
    _check_outlook(scenario, MICROSOFT_365_COMPOSE_URL, "outlook.cloud.microsoft")




def check_file_name(scenario: Scenario) -> None:
    name = ics_file_name(draft_for(scenario))
    assert name.endswith(".ics")
    stem = name[: -len(".ics")]
    # The scenario titles are short, so only the unsafe characters change.
    safe_title = re.sub(r'[<>:"/\\|?*\x00-\x1f]', " ", expected_title(scenario))
    assert stem == " ".join(safe_title.split()).strip(" ."), name



CHECKS: tuple[tuple[str, Callable[[Scenario], None]], ...] = (
    ("draft", check_draft),
    ("google", check_google_url),
    ("google-account", check_google_url_with_account),
    ("ics", check_ics),
    ("ics-deterministic", check_ics_is_deterministic),
    ("outlook-com", check_outlook_com),
    ("microsoft-365", check_microsoft_365),
    ("every-calendar", check_every_calendar),
    ("file-name", check_file_name),
)
