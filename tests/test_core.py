"""Tests of calendar_links: every scenario against every output, then the rules one by one."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urljoin, urlsplit

import pytest
import vobject
from icalendar import Calendar

import contract
from calendar_links import (
    SEQUENCE_EPOCH,
    EventDraft,
    FieldAttributes,
    InvalidValue,
    PageContext,
    Problem,
    RecordAttributes,
    date_order_from_locale,
    event_draft,
    event_uid,
    field_label,
    ics_document,
    ics_file_name,
    ics_sequence,
    label_or_key,
    record_link,
    record_uri,
)
from calendar_links_core.text import kept_when_short
from calendar_links_core.providers.google import google_calendar_url, google_knows_zone
from calendar_links_core.providers.microsoft365 import MICROSOFT_365_COMPOSE_URL
from calendar_links_core.providers.outlook_web import outlook_web_url
from calendar_links_core.providers.web_link import ELLIPSIS, MAX_URL_LENGTH
from contract import CHECKS, RULE_CHECKS, SCENARIOS, STAMP, Scenario, expected_span
from contract.ics_values import ics_stamp

UTC = timezone.utc
PAGE = PageContext("https://crm.example.com/app/contacts/42?tab=1", "Europe/Berlin", "MDY")
RECORD = RecordAttributes(record_id="42", record_type="Contact", name="Zoë Müller", url="/contacts/42")
LINK = "https://crm.example.com/contacts/42"


# Any: the tests also pass values of the wrong type, which the core must refuse.
def _field(value: str = "2026-12-01T15:00:00Z", **changes: Any) -> FieldAttributes:
    return replace(FieldAttributes("meeting", "datetime", value, "data-value", label="Meeting"), **changes)


def _draft(**changes: Any) -> EventDraft:
    values: dict[str, Any] = {
        "uid": "u1@calendar-links",
        "title": "Call",
        "description": f"Notes\n{LINK}",
        "location": "",
        "record_url": LINK,
        "start": datetime(2026, 12, 1, 15, tzinfo=UTC),
        "end": datetime(2026, 12, 1, 16, tzinfo=UTC),
        "time_zone": "Europe/Berlin",
    }
    values.update(changes)
    return EventDraft(**values)


def _query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


# --- Every scenario, every output ---------------------------------------------


@pytest.mark.parametrize("check", [check for _, check in CHECKS], ids=[name for name, _ in CHECKS])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario_output(scenario: Scenario, check: Callable[[Scenario], None]) -> None:
    check(scenario)


@pytest.mark.parametrize("rule_check", [check for _, check in RULE_CHECKS], ids=[name for name, _ in RULE_CHECKS])
def test_rule(rule_check: Callable[[], None]) -> None:
    rule_check()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_ics_reads_back_with_vobject(scenario: Scenario) -> None:
    draft = contract.draft_for(scenario)
    event = vobject.readOne(ics_document(draft, STAMP, 12).decode("utf-8")).vevent
    contents = event.contents
    assert event.summary.value == contract.expected_title(scenario)
    assert (contents["description"][0].value if "description" in contents else "") == (
        contract.expected_description(scenario)
    )
    assert (contents["location"][0].value if "location" in contents else "") == (
        contract.expected_location(scenario)
    )
    assert (contents["url"][0].value if "url" in contents else "") == contract.expected_uri(scenario)
    assert event.uid.value == draft.uid
    assert (event.dtstart.value, event.dtend.value) == expected_span(scenario)
    assert event.dtstamp.value == STAMP and int(event.sequence.value) == 12


def test_run_all_checks_passes_for_the_browser_smoke_test() -> None:
    assert contract.run_all_checks() == []


def test_run_all_checks_reports_failures_and_crashes(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(scenario: Scenario) -> None:
        assert scenario.name == "nothing", "deliberate"

    def crashing(scenario: Scenario) -> None:
        raise KeyError(scenario.name)

    monkeypatch.setattr(contract, "CHECKS", (("failing", failing), ("crashing", crashing)))
    monkeypatch.setattr(contract, "RULE_CHECKS", ())
    failures = contract.run_all_checks()
    assert len(failures) == 2 * len(SCENARIOS)
    assert f"{SCENARIOS[0].name} / failing: deliberate" in failures[0]
    assert "KeyError" in failures[1]


# --- Problems -----------------------------------------------------------------

PROBLEMS = [
    # (value, changes to the field, changes to the record, words the message must contain)
    ("31/02/2026", {"value_source": "text"}, {}, "is not a real date"),
    ("2026-02-29T10:00", {}, {}, "is not a real date"),
    ("2026-12-01T24:00", {}, {}, "is not a real time of day"),
    ("2026-12-01T23:61", {}, {}, "is not a real time of day"),
    ("Dec 1 2026 24:00", {"value_source": "text"}, {}, "is not a real time of day"),
    ("0000-12-01T10:00", {}, {}, "year outside 1 to 9999"),
    ("10000-12-01T10:00", {}, {}, "year outside 1 to 9999"),
    ("banana", {"value_source": "text"}, {}, "is not a date"),
    ("Today is Dec 1 2026 at 3pm", {"value_source": "text"}, {}, "is not a date"),
    ("x" * 101, {"value_source": "text"}, {}, "is not a date"),
    ("Dec 2026 3pm", {"value_source": "text"}, {}, "needs a day, a month and a year"),
    ("December 1 3pm", {"value_source": "text"}, {}, "needs a day, a month and a year"),
    ("3pm", {"value_source": "text"}, {}, "needs a day, a month and a year"),
    ("12/01/26 3pm", {"value_source": "text"}, {}, "needs a four-digit year"),
    ("2026-12-01T15:00+25:00", {}, {}, "impossible UTC offset"),
    ("Dec 1 2026 15:00 +25:00", {"value_source": "text"}, {}, "impossible UTC offset"),
    ("Dec 1 2026 3pm EST", {"value_source": "text"}, {}, '"EST", which is ambiguous'),
    ("Monday, December 1, 2026 3pm", {"value_source": "text"}, {}, "the date is Tuesday, 1 December 2026"),
    ("Dec 1, 2026 3pm", {}, {}, "not a date in the form 2026-12-01"),
    ("2026-12", {"value_source": "input", "input_type": "month"}, {}, "not a date in the form 2026-12-01"),
    ("2026-12-01", {}, {}, '"2026-12-01" needs a time of day'),
    ("2026-12-01T10:00", {"time_zone": "Mars/Olympus_Mons"}, {}, 'unknown time zone "Mars/Olympus_Mons"'),
    ("2026-12-01T10:00", {}, {"time_zone": "Europe/Atlantis"}, 'unknown time zone "Europe/Atlantis"'),
    # A key some machines have in /usr/share/zoneinfo, and the browser never.
    ("2026-12-01T10:00", {"time_zone": "localtime"}, {}, 'unknown time zone "localtime"'),
    ("2026-12-01T10:00", {"duration_minutes": "abc"}, {}, 'duration "abc" is not a whole number'),
    ("2026-12-01T10:00", {"duration_minutes": "0"}, {}, "from 1 to 10080"),
    ("2026-12-01T10:00", {"duration_minutes": "10081"}, {}, "from 1 to 10080"),
    ("2026-12-01T10:00", {"duration_minutes": "1.5"}, {}, "whole number of minutes"),
    ("2026-12-01T10:00", {"duration_minutes": "-5"}, {}, "whole number of minutes"),
    ("2026-12-01T10:00", {}, {"duration_minutes": "\u0663\u0660"}, "whole number of minutes"),  # Arabic-Indic 30
    ("2026-12-01T10:00", {"field_type": None}, {}, "data-field-type is missing"),
    ("2026-12-01T10:00", {"field_type": "time"}, {}, 'data-field-type "time" must be'),
    ("2026-12-01T10:00", {"date_order": "XYZ"}, {}, 'date order "XYZ" must be MDY, DMY or YMD'),
    ("2026-12-01T10:00", {"key": " "}, {}, "data-calendar-field needs a name"),
    ("9999-12-31T23:30:00Z", {"duration_minutes": "60"}, {}, "too far in the past or future"),
    ("0001-01-01T00:30:00+01:00", {}, {}, "too far in the past or future"),
    ("9999-12-31", {"field_type": "date"}, {}, "too far in the past or future"),
]


@pytest.mark.parametrize(("value", "field_changes", "record_changes", "words"), PROBLEMS)
def test_bad_values_become_problems_that_name_the_field(
    value: str, field_changes: dict[str, str | None], record_changes: dict[str, str], words: str
) -> None:
    field = _field(value, **field_changes)
    result = event_draft(replace(RECORD, **record_changes), field, PAGE)
    assert isinstance(result, Problem), result
    assert result.field_key == field.key
    assert result.message.startswith("Meeting: "), result.message
    assert words in result.message, result.message


def test_problem_without_any_label_still_reads() -> None:
    result = event_draft(RECORD, _field("2026-12-01T10:00", key="", label=None), PAGE)
    assert isinstance(result, Problem)
    assert result.message == "data-calendar-field needs a name (the field's key)."


def test_problem_message_quotes_a_long_value_briefly() -> None:
    result = event_draft(RECORD, _field("2026-12-01T10:00" + "\x07" + "9" * 80), PAGE)
    assert isinstance(result, Problem)
    quoted = re.search(r'"([^"]*)"', result.message)
    assert quoted is not None and len(quoted.group(1)) <= 40 and quoted.group(1).endswith("…")
    assert "\x07" not in result.message


def test_field_label_defaults_to_the_key() -> None:
    assert field_label(_field(label=None)) == "meeting"
    assert field_label(_field(label=" ")) == "meeting"
    assert field_label(_field(label="Kick-off")) == "Kick-off"


# --- Value objects ------------------------------------------------------------


def test_field_attributes_reject_an_unknown_value_source() -> None:
    with pytest.raises(InvalidValue, match="value_source"):
        FieldAttributes("k", "date", "2026-12-01", "innerHTML")


@pytest.mark.parametrize(
    "changes",
    [{"browser_date_order": "DYM"}, {"default_duration_minutes": 0}, {"default_duration_minutes": 10081},
     {"default_duration_minutes": True}],
)
def test_page_context_rejects_values_the_shell_should_never_pass(changes: dict[str, Any]) -> None:
    with pytest.raises(InvalidValue):
        replace(PAGE, **changes)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"end": datetime(2026, 12, 1, 15, tzinfo=UTC)}, "must come after"),
        ({"end": datetime(2026, 12, 1, 14, tzinfo=UTC)}, "must come after"),
        ({"start": date(2026, 12, 1), "end": date(2026, 12, 1)}, "must come after"),
        ({"start": datetime(2026, 12, 1, 15)}, "aware datetime"),
        ({"start": date(2026, 12, 1)}, "both be dates"),
        ({"record_url": "/contacts/42"}, "record_url"),
        ({"record_url": "javascript:alert(1)"}, "record_url"),
        ({"uid": ""}, "uid"),
        ({"uid": " u1"}, "uid"),
        ({"time_zone": "Mars/Base"}, "time_zone"),
        ({"start": datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))}, "outside the years"),
    ],
)
def test_event_draft_rejects_inconsistent_values(changes: dict[str, object], words: str) -> None:
    with pytest.raises(InvalidValue, match=words):
        _draft(**changes)


def test_event_draft_holds_timed_events_in_utc_whole_seconds() -> None:
    plus_two = timezone(timedelta(hours=2))
    draft = _draft(
        start=datetime(2026, 12, 1, 17, 0, 5, 999999, tzinfo=plus_two),
        end=datetime(2026, 12, 1, 18, 0, 0, 1, tzinfo=plus_two),
        time_zone="europe/berlin",
    )
    assert isinstance(draft.start, datetime)
    assert draft.start == datetime(2026, 12, 1, 15, 0, 5, tzinfo=UTC) and draft.start.tzinfo is UTC
    assert draft.end == datetime(2026, 12, 1, 16, 0, 0, tzinfo=UTC)
    assert draft.time_zone == "Europe/Berlin"
    assert not draft.all_day and _draft(start=date(2026, 12, 1), end=date(2026, 12, 2)).all_day


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("tab\tstays", "tab\tstays"),
        ("".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 0x7F, *range(0x80, 0xA0)])), ""),
        ("bell\x07 and NEL\x85 go", "bell and NEL go"),
        ("\ud83d\ude00 pair", "\U0001f600 pair"),  # surrogate halves that arrived separately
        ("\ud800 alone", "\ufffd alone"),
        ("\u2028 \u00a0 \ufeff \u200d stay", "\u2028 \u00a0 \ufeff \u200d stay"),
    ],
    ids=["line-ends", "tab", "controls", "mixed", "surrogate-pair", "lone-surrogate", "others-stay"],
)
def test_text_is_normalised_once_in_the_draft(raw: str, normalised: str) -> None:
    draft = _draft(title=raw, description=raw, location=raw)
    assert (draft.title, draft.description, draft.location) == (normalised, normalised, normalised)


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Pacific/Pago_Pago", "Asia/Tokyo", "Pacific/Kiritimati"])
@pytest.mark.parametrize("value", ["2026-12-01T00:00:00Z", "2026-12-01T00:00:00.000+00:00", "2026-12-01T23:30:00-05:00"])
def test_date_field_means_the_date_as_written_in_every_zone(value: str, zone: str) -> None:
    # CRMs store plain dates as midnight UTC; west of UTC that instant is 30 November.
    draft = event_draft(RECORD, _field(value, field_type="date", time_zone=zone), PAGE)
    assert isinstance(draft, EventDraft)
    assert (draft.start, draft.end) == (date(2026, 12, 1), date(2026, 12, 2))


def test_a_broken_page_url_still_gives_a_stable_event() -> None:
    page = replace(PAGE, page_url="https://[broken/app")
    record = replace(RECORD, url=None)
    first = event_draft(record, _field("2026-12-01T10:00"), page)
    second = event_draft(record, _field("2027-01-01T09:00"), page)
    assert isinstance(first, EventDraft) and isinstance(second, EventDraft)
    assert first.record_url == second.record_url == "" and first.uid == second.uid


def test_unknown_browser_zone_falls_back_to_utc() -> None:
    draft = event_draft(RECORD, _field("2026-12-01T10:00"), replace(PAGE, browser_time_zone="GMT+2"))
    assert isinstance(draft, EventDraft)
    assert draft.time_zone == "UTC" and draft.start == datetime(2026, 12, 1, 10, tzinfo=UTC)


def test_duration_comes_from_field_then_record_then_page() -> None:
    def minutes(field: FieldAttributes, record: RecordAttributes) -> float:
        draft = event_draft(record, field, replace(PAGE, default_duration_minutes=25))
        assert isinstance(draft, EventDraft) and isinstance(draft.start, datetime) and isinstance(draft.end, datetime)
        return (draft.end - draft.start).total_seconds() / 60

    assert minutes(_field(duration_minutes=" 15 "), replace(RECORD, duration_minutes="45")) == 15
    assert minutes(_field(), replace(RECORD, duration_minutes="45")) == 45
    assert minutes(_field(), RECORD) == 25
    assert minutes(_field(duration_minutes="10080"), RECORD) == 10080


# --- Record link --------------------------------------------------------------

PAGE_URL = PAGE.page_url

LINKS = [
    (None, PAGE_URL, PAGE_URL),
    ("", PAGE_URL, PAGE_URL),
    ("   ", PAGE_URL, PAGE_URL),
    ("/contacts/7", PAGE_URL, "https://crm.example.com/contacts/7"),
    ("7", PAGE_URL, "https://crm.example.com/app/contacts/7"),
    ("?tab=2", PAGE_URL, "https://crm.example.com/app/contacts/42?tab=2"),
    ("#notes", PAGE_URL, "https://crm.example.com/app/contacts/42?tab=1#notes"),
    ("https://other.example/x?a=1", PAGE_URL, "https://other.example/x?a=1"),
    ("HTTP://other.example/x", PAGE_URL, "HTTP://other.example/x"),
    (" \n https://other.example/x \t", PAGE_URL, "https://other.example/x"),
    ("/contacts/Zoë Müller", PAGE_URL, "https://crm.example.com/contacts/Zoë%20Müller"),
    ('/search?q="a"<b>', PAGE_URL, "https://crm.example.com/search?q=%22a%22%3Cb%3E"),
    # Refused: not http(s), or protocol-relative, however disguised.
    ("javascript:alert(1)", PAGE_URL, PAGE_URL),
    ("JaVaScRiPt:alert(1)", PAGE_URL, PAGE_URL),
    (" javascript:alert(1)", PAGE_URL, PAGE_URL),
    ("\x01\x02javascript:alert(1)", PAGE_URL, PAGE_URL),
    ("java\tscript:alert(1)", PAGE_URL, PAGE_URL),
    ("java\nscript:alert(1)", PAGE_URL, PAGE_URL),
    ("data:text/html,<script>alert(1)</script>", PAGE_URL, PAGE_URL),
    ("vbscript:msgbox(1)", PAGE_URL, PAGE_URL),
    ("mailto:zoe@example.com", PAGE_URL, PAGE_URL),
    ("file:///etc/passwd", PAGE_URL, PAGE_URL),
    ("//evil.example/x", PAGE_URL, PAGE_URL),
    (" //evil.example/x", PAGE_URL, PAGE_URL),
    ("\\\\evil.example\\x", PAGE_URL, PAGE_URL),
    ("/\\evil.example/x", PAGE_URL, PAGE_URL),
    ("\\/evil.example/x", PAGE_URL, PAGE_URL),
    ("/\t/evil.example/x", PAGE_URL, PAGE_URL),
    ("http:evil.example", PAGE_URL, PAGE_URL),
    ("https://", PAGE_URL, PAGE_URL),
    ("https://host.example:99999/", PAGE_URL, PAGE_URL),
    # A page that is not on the web has no link to fall back to.
    (None, "file:///C:/crm/demo.html", ""),
    ("records/7", "file:///C:/crm/demo.html", ""),
    ("https://crm.example.com/c/7", "file:///C:/crm/demo.html", "https://crm.example.com/c/7"),
    ("javascript:alert(1)", "about:blank", ""),
]


@pytest.mark.parametrize(("raw", "page_url", "link"), LINKS)
def test_record_link(raw: str | None, page_url: str, link: str) -> None:
    assert record_link(raw, page_url) == link


# A <base href> moves where relative links lead, as the page's own links do; a refused or
# absent link still gives the page itself, and a base that isn't on the web changes nothing.
BASE_LINKS = [
    ("deals/7", "https://crm.example.com/crm/", "https://crm.example.com/crm/deals/7"),
    ("/deals/7", "https://crm.example.com/crm/", "https://crm.example.com/deals/7"),
    ("?tab=2", "https://crm.example.com/crm/", "https://crm.example.com/crm/?tab=2"),
    (None, "https://crm.example.com/crm/", PAGE_URL),
    ("javascript:alert(1)", "https://crm.example.com/crm/", PAGE_URL),
    ("deals/7", "about:blank", urljoin(PAGE_URL, "deals/7")),
]


@pytest.mark.parametrize(("raw", "base_url", "link"), BASE_LINKS)
def test_record_link_resolves_against_the_base_url(raw: str | None, base_url: str, link: str) -> None:
    assert record_link(raw, PAGE_URL, base_url) == link


def test_the_event_links_to_the_record_through_the_page_s_base_url() -> None:
    record = replace(RECORD, url="deals/7")
    draft = event_draft(record, _field("2026-12-01", field_type="date"), replace(PAGE, base_url="https://crm.example.com/crm/"))
    assert isinstance(draft, EventDraft) and "https://crm.example.com/crm/deals/7" in draft.description


# --- UID and SEQUENCE ---------------------------------------------------------


def _uid(record: RecordAttributes = RECORD, key: str = "meeting", page: PageContext = PAGE) -> str:
    return event_uid(record, _field(key=key), page)


def test_uid_is_the_same_for_every_download_of_a_record_and_field() -> None:
    drafts = [
        event_draft(RECORD, _field("2026-12-01T15:00:00Z"), PAGE),
        event_draft(replace(RECORD, name="Zoë Schmidt", location="Berlin"), _field("2027-01-05T09:00"), PAGE),
        event_draft(RECORD, _field("2026-12-01", field_type="date", event_title="X"), replace(PAGE, page_url=LINK)),
    ]
    assert all(isinstance(draft, EventDraft) for draft in drafts)
    assert len({draft.uid for draft in drafts if isinstance(draft, EventDraft)}) == 1


def test_uid_differs_across_fields_records_and_origins() -> None:
    other_origin = replace(PAGE, page_url="https://crm.other.example/app/contacts/42")
    uids = {
        _uid(),
        _uid(key="renewal"),
        _uid(replace(RECORD, record_id="43")),
        _uid(page=other_origin),
        _uid(replace(RECORD, record_id=None)),
        _uid(replace(RECORD, record_id=None, url="/contacts/43")),
    }
    assert len(uids) == 6


def test_uid_follows_the_record_id_not_its_link_within_an_origin() -> None:
    assert _uid(replace(RECORD, url="/other/path/42")) == _uid()
    assert _uid(replace(RECORD, record_id=" 42 ")) == _uid()
    assert _uid(page=replace(PAGE, page_url="https://CRM.example.com:443/elsewhere")) == _uid()


def test_uid_fits_on_one_ics_line() -> None:
    assert len(f"UID:{_uid()}") <= 75


def test_sequence_counts_seconds_from_the_epoch_and_never_goes_down() -> None:
    assert ics_sequence(SEQUENCE_EPOCH) == 0
    assert ics_sequence(SEQUENCE_EPOCH - timedelta(days=400)) == 0
    one_day = timedelta(days=1, microseconds=999999)
    assert ics_sequence(SEQUENCE_EPOCH + one_day) == int(timedelta(days=1).total_seconds())
    assert ics_sequence(datetime(2300, 1, 1, tzinfo=UTC)) == 2**31 - 1
    moments = [SEQUENCE_EPOCH + timedelta(seconds=s) for s in (0, 0.4, 1, 59.9, 3600, 10**8, 10**10)]
    moments.insert(3, moments[2].astimezone(timezone(timedelta(hours=-7))))
    sequences = [ics_sequence(moment) for moment in moments]
    assert sequences == sorted(sequences) and sequences[-1] < 2**31


def test_sequence_needs_an_aware_time() -> None:
    with pytest.raises(InvalidValue, match="aware"):
        ics_sequence(datetime(2026, 5, 1))


# --- Google -------------------------------------------------------------------


def test_google_all_day_dates_use_four_digit_years_and_no_ctz() -> None:
    for year in (1, 999, 1900, 2100, 9998):
        url = google_calendar_url(_draft(start=date(year, 12, 31), end=date(year + 1, 1, 1)))
        query = _query(url)
        first, second = query["dates"].split("/")
        assert (date.fromisoformat(f"{first[:4]}-{first[4:6]}-{first[6:]}"), len(first)) == (date(year, 12, 31), 8)
        assert date.fromisoformat(f"{second[:4]}-{second[4:6]}-{second[6:]}") == date(year + 1, 1, 1)
        assert "ctz" not in query


def test_google_spaces_are_percent_twenty() -> None:
    url = google_calendar_url(_draft(title="A + B = C & D", location="Room 1"))
    assert "A%20%2B%20B%20%3D%20C%20%26%20D" in url and "+" not in urlsplit(url).query
    assert _query(url)["text"] == "A + B = C & D"


def _long_draft(title: str = "Call", description: str = "Notes", location: str = "") -> EventDraft:
    return _draft(title=title, description=f"{description}\n{LINK}", location=location)


def test_google_link_cuts_the_description_first_and_keeps_the_record_link_whole() -> None:
    body = "Renewal terms, discussed at length. " * 200
    url = google_calendar_url(_long_draft(description=body, location="Room 4"))
    query = _query(url)
    assert len(url) <= MAX_URL_LENGTH
    assert query["details"].endswith(f"{ELLIPSIS}\n{LINK}")
    kept = query["details"][: -len(f"{ELLIPSIS}\n{LINK}")]
    assert body.startswith(kept) and len(kept) > 1000
    assert (query["text"], query["location"]) == ("Call", "Room 4")
    assert "sprop" not in query  # dropped before any visible text


def test_google_link_drops_sprop_alone_when_that_is_enough() -> None:
    full = google_calendar_url(_draft())
    sprop = "&" + urlencode({"sprop": f"website:{LINK}"}, safe="/", quote_via=quote)
    assert full.endswith(sprop)
    # One byte under the cap without sprop, over it with sprop.
    room = MAX_URL_LENGTH - 1 - (len(full) - len(sprop)) - len("&location=")
    url = google_calendar_url(_draft(location="x" * room))
    assert len(url) == MAX_URL_LENGTH - 1
    query = _query(url)
    assert len(url) <= MAX_URL_LENGTH and "sprop" not in query
    assert (query["location"], query["details"]) == ("x" * room, f"Notes\n{LINK}")


def test_google_link_then_cuts_location_then_title() -> None:
    url = google_calendar_url(_long_draft(description="d" * 5000, location="Ort " * 1000))
    query = _query(url)
    assert len(url) <= MAX_URL_LENGTH
    assert query["details"] == f"{ELLIPSIS}\n{LINK}"
    assert query["location"].endswith(ELLIPSIS) and ("Ort " * 1000).startswith(query["location"][:-1])
    assert len(query["location"]) > 1000
    assert query["text"] == "Call"

    url = google_calendar_url(_long_draft(title="T" * 5000, description="d" * 5000, location="L" * 5000))
    query = _query(url)
    assert len(url) <= MAX_URL_LENGTH
    assert query["details"] == f"{ELLIPSIS}\n{LINK}" and query["location"] == ELLIPSIS
    assert query["text"].endswith(ELLIPSIS) and set(query["text"][:-1]) == {"T"}


@pytest.mark.parametrize(
    "unit", ["\U0001f600", "e\u0301", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1e9\U0001f1ea", "ש"]
)
def test_google_link_never_cuts_inside_a_character(unit: str) -> None:
    url = google_calendar_url(_long_draft(description=unit * 3000))
    # strict UTF-8 decoding fails on a split percent-escaped sequence
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query, errors="strict").items()}
    kept = query["details"][: -len(f"{ELLIPSIS}\n{LINK}")]
    assert kept and len(kept) % len(unit) == 0 and kept == unit * (len(kept) // len(unit))


def test_google_link_with_a_huge_record_link_still_keeps_it_whole() -> None:
    link = f"https://crm.example.com/{'p' * 3000}"
    url = google_calendar_url(_draft(description=f"Notes\n{link}", record_url=link))
    assert _query(url)["details"] == f"{ELLIPSIS}\n{link}"


def test_google_account_is_added_as_authuser() -> None:
    assert _query(google_calendar_url(_draft(), "zoe@example.com"))["authuser"] == "zoe@example.com"
    assert "authuser" not in _query(google_calendar_url(_draft(), ""))


# --- Outlook on the web ---------------------------------------------------------


def test_outlook_web_link_is_shortened_like_google() -> None:
    url = outlook_web_url(_long_draft(description="n" * 5000), MICROSOFT_365_COMPOSE_URL)
    assert len(url) <= MAX_URL_LENGTH
    assert _query(url)["body"].endswith(f"{ELLIPSIS} \n{LINK}")


# --- iCalendar ----------------------------------------------------------------


def test_ics_keeps_backslash_n_and_a_leading_byte_order_mark() -> None:
    # icalendar 7.3.2 on its own turns "\N" into a line break and drops a leading U+FEFF.
    title = "\ufeffC:\\New\\notes; a,b \\, \\n"
    data = ics_document(_draft(title=title, description=title, location=title), STAMP, 1)
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == str(event["DESCRIPTION"]) == str(event["LOCATION"]) == title
    parsed = vobject.readOne(data.decode("utf-8")).vevent
    assert parsed.summary.value == parsed.description.value == parsed.location.value == title


def test_ics_stamp_is_written_in_utc_and_must_be_aware() -> None:
    stamp = STAMP.astimezone(timezone(timedelta(hours=5, minutes=30))).replace(microsecond=123)
    data = ics_document(_draft(), stamp, 1)
    assert ics_stamp(Calendar.from_ical(data).walk("VEVENT")[0]) == STAMP
    assert re.search(rb"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", data)
    with pytest.raises(InvalidValue, match="stamp"):
        ics_document(_draft(), datetime(2026, 5, 4), 1)


@pytest.mark.parametrize("sequence", [-1, 2**31, True])
def test_ics_sequence_must_fit_a_32_bit_integer(sequence: int) -> None:
    with pytest.raises(InvalidValue, match="sequence"):
        ics_document(_draft(), STAMP, sequence)


def test_ics_has_no_calendar_uid_and_no_timezone() -> None:
    calendar = Calendar.from_ical(ics_document(_draft(), STAMP, 1))
    assert "UID" not in calendar and not calendar.walk("VTIMEZONE")
    assert str(calendar.walk("VEVENT")[0]["UID"]) == "u1@calendar-links"


def test_ics_folds_long_lines_without_splitting_characters() -> None:
    text = "Zoë 😀 e\u0301 שלום " * 40
    data = ics_document(_draft(title=text, description=text, location=text), STAMP, 1)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75 and sum(line.startswith(b" ") for line in lines) > 10
    for line in lines:
        line.decode("utf-8")  # raises UnicodeDecodeError where a fold split a character
    assert str(Calendar.from_ical(data).walk("VEVENT")[0]["SUMMARY"]) == text


def test_ics_omits_empty_description_location_and_url() -> None:
    data = ics_document(_draft(description="", location="", record_url=""), STAMP, 1)
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert not {"DESCRIPTION", "LOCATION", "URL"} & set(event)


# --- File name ----------------------------------------------------------------

FILE_NAMES = [
    ("Renewal: ACME", "Renewal ACME.ics"),
    ('a/b\\c:d*e?f"g<h>i|j', "a b c d e f g h i j.ics"),
    ("   ...hidden...  ", "hidden.ics"),
    ("Line\none\ttwo", "Line one two.ics"),
    ("", "event.ics"),
    ("???", "event.ics"),
    ("CON", "_CON.ics"),
    ("lpt1.notes", "_lpt1.notes.ics"),
    ("Console", "Console.ics"),
    ("invoice\u202efdp", "invoice fdp.ics"),
    ("Zoë Müller 😀", "Zoë Müller 😀.ics"),
]


@pytest.mark.parametrize(("title", "name"), FILE_NAMES)
def test_ics_file_name(title: str, name: str) -> None:
    assert ics_file_name(_draft(title=title)) == name


@pytest.mark.parametrize("unit", ["x", "e\u0301", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "😀"])
def test_ics_file_name_is_capped_without_breaking_a_character(unit: str) -> None:
    name = ics_file_name(_draft(title="a" + unit * 200))
    stem = name[: -len(".ics")]
    assert name.endswith(".ics") and 70 <= len(stem) <= 80
    assert stem[0] == "a" and stem[1:] == unit * (len(stem[1:]) // len(unit))


# --- Date order ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "order"),
    [
        (["month", "literal", "day", "literal", "year"], "MDY"),
        (["day", "literal", "month", "literal", "year"], "DMY"),
        (["year", "literal", "month", "literal", "day"], "YMD"),
        (["weekday", "literal", "day", "literal", "month", "literal", "year"], "DMY"),
        (["year", "literal", "day", "literal", "month"], "MDY"),
        (["day", "literal", "month"], "MDY"),
        ([], "MDY"),
    ],
)
def test_date_order_from_locale(parts: list[str], order: str) -> None:
    assert date_order_from_locale(parts) == order


def test_a_blank_label_falls_back_to_the_key_on_buttons_as_in_events() -> None:
    # The buttons' aria-labels use the raw attribute before the field is fully read.
    assert label_or_key("  \t", "renewal") == "renewal"
    assert label_or_key("Renewal date", "renewal") == "Renewal date"


@pytest.mark.parametrize(
    ("link", "uri"),
    [
        ("https://crm.example.com/contacts/42?tab=1#x", "https://crm.example.com/contacts/42?tab=1#x"),
        ("https://bücher.example/zoë", "https://xn--bcher-kva.example/zo%C3%AB"),
        ("https://crm.example.com:8443/a/%C3%A4/ä?q=ü", "https://crm.example.com:8443/a/%C3%A4/%C3%A4?q=%C3%BC"),
        ("https://zoë:pässword@crm.example.com/", "https://zo%C3%AB:p%C3%A4ssword@crm.example.com/"),
        ("https://[2001:db8::1]:8080/kunden/ä", "https://[2001:db8::1]:8080/kunden/%C3%A4"),
        ("https://crm.example.com/ä?#", "https://crm.example.com/%C3%A4?#"),
    ],
    ids=["ascii-unchanged", "punycode-host", "port-and-escapes-kept", "userinfo", "ipv6-host", "empty-query-fragment"],
)
def test_record_uri_is_ascii_and_means_the_same_link(link: str, uri: str) -> None:
    assert record_uri(link) == uri
    # The readable link still goes in the description.
    draft = _draft(record_url=link, description=f"Notes\n{link}")
    (event,) = Calendar.from_ical(ics_document(draft, STAMP, 1)).walk("VEVENT")
    assert str(event["URL"]) == uri and str(event["DESCRIPTION"]).endswith(link)


@pytest.mark.parametrize(
    ("zone", "known"),
    [("Europe/Berlin", True), ("America/Argentina/Buenos_Aires", True), ("UTC", True), ("Etc/GMT+5", False),
     ("EST", False), ("EST5EDT", False), ("Factory", False), ("US/Eastern", False), ("GMT", False)],
)  # fmt: skip
def test_ctz_only_for_zones_google_knows(zone: str, known: bool) -> None:
    assert google_knows_zone(zone) is known
    url = google_calendar_url(_draft(time_zone=zone))
    assert ("ctz" in _query(url)) is known


def test_short_texts_are_worked_out_once_and_long_ones_are_not_kept() -> None:
    calls: list[str] = []

    @kept_when_short
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    long_text = "x" * 100_000
    results = [shout("Birthday"), shout("Birthday"), shout(long_text), shout(long_text)]
    assert results == ["BIRTHDAY", "BIRTHDAY", long_text.upper(), long_text.upper()]
    # The label once; the long text each time, since it was not kept.
    assert calls == ["Birthday", long_text, long_text]
