"""Tests of the calendars: every one keeps the same contract, and the registry is all it takes to add one."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import contract
from calendar_links import EventDraft, InvalidValue
from contract import SCENARIOS, STAMP, Scenario, check_calendar_contract
from calendar_links_core.errors import CalendarLinksError
from calendar_links_core.providers.base import Click, DownloadFile, OpenUrl, Preferences, Provider
from calendar_links_core.providers.registry import PROVIDERS, provider_named, providers_named
from calendar_links_core.providers.web_link import ELLIPSIS, MAX_URL_LENGTH
from calendar_links_core.wording import words
from hashed_names import stylesheet_source

ROOT = Path(__file__).resolve().parent.parent
UTC = timezone.utc
LINK = "https://crm.example.com/contacts/42"
CLICK = Click(Preferences(), STAMP, 1)


def _long_draft() -> EventDraft:
    return EventDraft(
        uid="u1@calendar-links",
        title="Call",
        description=f"{'Renewal terms, discussed at length. ' * 200}\n{LINK}",
        location="Room 4",
        record_url=LINK,
        start=datetime(2026, 12, 1, 15, tzinfo=UTC),
        end=datetime(2026, 12, 1, 16, tzinfo=UTC),
        time_zone="Europe/Berlin",
    )


def _fake_provider(key: str = "fakecal") -> Provider:
    return Provider(
        key=key,
        short_name="Fake",
        calendar_name="Fake Calendar",
        summary="Adds a Fake button.",
        destination="Events go nowhere.",
        hint=lambda _preferences: words("Opens nothing."),
        notice=lambda _preferences: words("Opened nothing."),
        action=lambda draft, _click: OpenUrl(f"https://fake.example/?uid={draft.uid}"),
    )


@pytest.mark.parametrize("provider", PROVIDERS, ids=[provider.key for provider in PROVIDERS])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])
def test_every_calendar_keeps_the_contract(scenario: Scenario, provider: Provider) -> None:
    check_calendar_contract(scenario, provider)


def test_the_contract_check_fails_a_calendar_it_cannot_read() -> None:
    with pytest.raises(AssertionError, match="no reader"):
        check_calendar_contract(SCENARIOS[0], _fake_provider())


def test_the_five_calendars_in_button_order() -> None:
    assert [provider.key for provider in PROVIDERS] == ["google", "outlook", "microsoft365", "outlookcom", "apple"]
    assert set(contract.READERS) == {provider.key for provider in PROVIDERS}


@pytest.mark.parametrize("provider", PROVIDERS, ids=[provider.key for provider in PROVIDERS])
def test_every_calendar_has_its_icon_and_its_stylesheet_line(provider: Provider) -> None:
    # The third step of adding a calendar: the icon, shown on buttons and marketplace cards.
    assert (ROOT / "static" / "icons" / f"calendar-{provider.key}.svg").is_file()
    stylesheet = stylesheet_source()
    assert f'url("icons/calendar-{provider.key}.svg")' in stylesheet
    assert f'[data-calendar-provider="{provider.key}"]' in stylesheet
    assert f'[data-calendar-app="{provider.key}"]' in stylesheet


@pytest.mark.parametrize("provider", PROVIDERS, ids=[provider.key for provider in PROVIDERS])
def test_every_calendar_says_who_receives_the_event(provider: Provider) -> None:
    said = [str(provider.hint(Preferences())), provider.destination]
    assert all(re.search(r"\baccount\b|\bcalendar\b", text, re.IGNORECASE) for text in said), said
    assert "sync" in str(provider.notice(Preferences()))


def test_the_google_account_setting_shows_in_google_words_only() -> None:
    preferences = Preferences(google_account="zoe@example.com")
    for provider in PROVIDERS:
        said = str(provider.hint(preferences)) + str(provider.notice(preferences))
        assert ("zoe@example.com" in said) is (provider.key == "google"), provider.key


@pytest.mark.parametrize(
    "provider", [p for p in PROVIDERS if isinstance(p.action(_long_draft(), CLICK), OpenUrl)], ids=lambda p: p.key
)
def test_every_web_link_is_capped_and_keeps_the_record_link_whole(provider: Provider) -> None:
    action = provider.action(_long_draft(), CLICK)
    assert isinstance(action, OpenUrl)
    assert len(action.url) <= MAX_URL_LENGTH
    texts = [values[0] for values in parse_qs(urlsplit(action.url).query).values()]
    # Google keeps the line break; Outlook on the web gets a space before it.
    assert any(text.endswith((f"{ELLIPSIS}\n{LINK}", f"{ELLIPSIS} \n{LINK}")) for text in texts), texts


def test_microsoft_365_uses_the_host_that_still_works() -> None:
    action = provider_named("microsoft365", PROVIDERS).action(_long_draft(), CLICK)  # type: ignore[union-attr]
    assert isinstance(action, OpenUrl)
    assert urlsplit(action.url).netloc == "outlook.cloud.microsoft"
    # outlook.office.com answers compose links with AADSTS90015 since May 2026.
    assert "outlook.office.com" not in action.url


def test_the_ics_calendars_differ_only_in_their_words() -> None:
    outlook, apple = provider_named("outlook", PROVIDERS), provider_named("apple", PROVIDERS)
    assert outlook is not None and apple is not None
    draft = contract.draft_for(SCENARIOS[0])
    outlook_file, apple_file = outlook.action(draft, CLICK), apple.action(draft, CLICK)
    assert isinstance(outlook_file, DownloadFile) and outlook_file == apple_file
    assert outlook.short_name != apple.short_name and "Apple" in apple.calendar_name


def test_a_new_calendar_needs_nothing_but_its_module_and_a_registry_entry() -> None:
    offered = (*PROVIDERS, _fake_provider())
    assert [provider.key for provider in providers_named({"fakecal", "google"}, offered)] == ["google", "fakecal"]
    assert provider_named("fakecal", offered) is offered[-1]
    assert provider_named("fakecal", PROVIDERS) is None


def test_registry_lookups_keep_the_offered_order_and_ignore_unknown_keys() -> None:
    keys = {"apple", "google", "yahoo"}
    assert [provider.key for provider in providers_named(keys, PROVIDERS)] == ["google", "apple"]


@pytest.mark.parametrize("key", ["", "Google", "google calendar", "1cal", "g-cal", "ünï"])
def test_a_calendar_key_is_lower_case_letters_and_digits(key: str) -> None:
    with pytest.raises(InvalidValue, match="key"):
        _fake_provider(key)


def test_a_calendar_needs_its_words() -> None:
    with pytest.raises(InvalidValue, match="calendar_name"):
        replace(_fake_provider(), calendar_name=" ")


def test_every_deliberate_error_of_the_pure_modules_shares_one_root() -> None:
    assert issubclass(InvalidValue, CalendarLinksError) and issubclass(InvalidValue, ValueError)
    with pytest.raises(CalendarLinksError):
        _fake_provider("Bad key")
