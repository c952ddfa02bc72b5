"""Host pages in CPython: the page's language, framework text, split date and time, empty fields."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from language_checks import LANGUAGE_CASES, REFUSED_CASES, languages, reading

from calendar_links import EmptyField, EventDraft, FieldAttributes, PageContext, Problem, RecordAttributes, event_draft
from calendar_links_core.date_names import date_language_from_intl
from calendar_links_core.field_values import Moment, Unreadable, parsed_moment

UTC = timezone.utc
LANGUAGES = languages()
# The browser's own locale and zone are New York's: nothing on the page may depend on them.
PAGE = PageContext("https://crm.example.com/admin/crm/contact/7/change/", "America/New_York", "MDY")
RECORD = RecordAttributes(record_id="crm.contact:7", record_type="Contact", name="Ada Lovelace", time_zone="Europe/Berlin")


@pytest.mark.parametrize(("tag", "text", "meaning"), LANGUAGE_CASES)
def test_displayed_text_is_read_in_the_page_language(tag: str, text: str, meaning: Moment) -> None:
    moment = reading(LANGUAGES[tag], text)
    assert moment == meaning and type(moment) is type(meaning), moment


@pytest.mark.parametrize(("tag", "text", "words"), REFUSED_CASES)
def test_ambiguous_text_is_still_refused(tag: str, text: str, words: str) -> None:
    refused = reading(LANGUAGES[tag], text)
    assert isinstance(refused, Unreadable) and words in refused.message, refused


def test_every_recorded_language_has_its_own_words() -> None:
    assert {"en-US", "de", "fr", "es", "it", "pt", "nl"} <= set(LANGUAGES)
    assert "dezember" in LANGUAGES["de"].months[11]
    assert "déc" in LANGUAGES["fr"].months[11]
    assert "a las" in LANGUAGES["es"].connecting_words
    # Italian "mar" names March; it is not also read as martedì.
    assert "mar" in LANGUAGES["it"].months[2] and "mar" not in LANGUAGES["it"].weekdays[1]


@pytest.mark.parametrize(
    "answer",
    [{}, {"locale": "de"}, {"locale": "de", "months": [["x"]] * 11, "weekdays": [["y"]] * 7}, {"locale": 3}],
)
def test_an_incomplete_browser_answer_gives_no_language(answer: dict[str, object]) -> None:
    assert date_language_from_intl(answer) is None


def test_a_written_date_order_wins_over_the_dots() -> None:
    assert parsed_moment("10.12.1990", machine=False, date_order="MDY", order_given=True) == date(1990, 10, 12)
    assert parsed_moment("10.12.1990", machine=False, date_order="MDY") == date(1990, 12, 10)


def _field(value: str, **changes: Any) -> FieldAttributes:
    return replace(FieldAttributes("next_call", "datetime", value, "input", label="Next call", input_type="text"), **changes)


def _berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)


def _start(result: EventDraft | Problem) -> date | datetime:
    assert isinstance(result, EventDraft), result
    return result.start


def test_the_page_language_decides_the_order_not_the_browser() -> None:
    german = replace(PAGE, date_language=LANGUAGES["de"])
    assert _start(event_draft(RECORD, _field("03.12.2026 10:00"), german)) == _berlin(2026, 12, 3, 10)
    # Slashes follow the language too: 04/05/2026 is 4 May on a French page, 5 April on an American one.
    french, american = replace(PAGE, date_language=LANGUAGES["fr"]), replace(PAGE, date_language=LANGUAGES["en-US"])
    assert _start(event_draft(RECORD, _field("04/05/2026 10:00"), french)) == _berlin(2026, 5, 4, 10)
    assert _start(event_draft(RECORD, _field("04/05/2026 10:00"), american)) == _berlin(2026, 4, 5, 10)
    # A written data-date-order wins over the language.
    ordered = replace(RECORD, date_order="MDY")
    assert _start(event_draft(ordered, _field("04/05/2026 10:00"), french)) == _berlin(2026, 4, 5, 10)


@pytest.mark.parametrize(
    ("day", "clock", "changes", "start"),
    [
        # Django's admin: two text inputs in the page's input formats.
        ("10.12.2026", "15:00:00", {}, (2026, 12, 10, 15, 0)),
        ("2026-12-10", "09:30", {}, (2026, 12, 10, 9, 30)),
        ("12/10/2026", "3:00 PM", {}, (2026, 12, 10, 15, 0)),
        # input type=date and type=time: machine values.
        ("2026-12-10", "09:30", {"input_type": "date", "time_input_type": "time"}, (2026, 12, 10, 9, 30)),
    ],
)
def test_a_split_date_and_time_make_one_value(day: str, clock: str, changes: dict[str, str], start: tuple[int, ...]) -> None:
    page = replace(PAGE, date_language=LANGUAGES["de"] if "." in day else LANGUAGES["en-US"])
    field = _field(day, time_value=clock, time_input_type=changes.get("time_input_type", "text"), **{
        key: value for key, value in changes.items() if key != "time_input_type"
    })
    draft = event_draft(RECORD, field, page)
    assert _start(draft) == _berlin(*start)
    assert isinstance(draft, EventDraft) and isinstance(draft.start, datetime) and isinstance(draft.end, datetime)
    assert draft.end - draft.start == timedelta(minutes=30)


def test_a_bad_half_of_a_split_value_is_a_problem() -> None:
    result = event_draft(RECORD, _field("31.02.2026", time_value="10:00"), replace(PAGE, date_language=LANGUAGES["de"]))
    assert type(result) is Problem and "is not a real date" in result.message
    machine = _field("2026-12-10", time_value="25:00", input_type="date", time_input_type="time")
    result = event_draft(RECORD, machine, PAGE)
    assert type(result) is Problem and "is not a real time of day" in result.message


@pytest.mark.parametrize(
    ("field", "words"),
    [
        (FieldAttributes("birthday", "date", "", "input", label="Birthday", input_type="text"), "Birthday: no date yet."),
        (FieldAttributes("birthday", "date", " \u00a0", "text", label="Birthday"), "Birthday: no date yet."),
        (_field("", time_value=""), "Next call: no date and time yet."),
        (_field("10.12.2026", time_value=""), "Next call: no time yet."),
        (_field("", time_value="10:00"), "Next call: no date yet."),
    ],
)
def test_an_empty_field_waits_quietly(field: FieldAttributes, words: str) -> None:
    result = event_draft(RECORD, field, PAGE)
    assert isinstance(result, EmptyField) and result.message == words
    # Still a Problem: nothing is made from it.
    assert isinstance(result, Problem)


def test_a_value_that_is_there_but_wrong_is_not_quiet() -> None:
    result = event_draft(RECORD, _field("next Tuesday"), PAGE)
    assert isinstance(result, Problem) and not isinstance(result, EmptyField)
