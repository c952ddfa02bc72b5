"""Tests of settings: whatever localStorage holds, parsing gives a safe value and never raises."""

from __future__ import annotations

import json

import pytest

from calendar_links_core.settings import (
    DEFAULT_DURATION_KEY,
    GOOGLE_ACCOUNT_KEY,
    INTEGRATIONS_KEY,
    REMINDER_MINUTES_KEY,
    SETTINGS_KEYS,
    Integrations,
    Settings,
    integrations_json,
    nested_deeper_than,
    parse_default_duration,
    parse_google_account,
    parse_integrations,
    parse_settings,
    toggled,
    whole_minutes,
)

OFF: Integrations = frozenset()
OFFERED = ("google", "outlook", "microsoft365", "outlookcom", "apple")


def test_storage_keys_are_the_page_contract_names() -> None:
    # Renaming a key would silently switch every user's calendars off.
    assert INTEGRATIONS_KEY == "calendar-links:integrations"
    assert GOOGLE_ACCOUNT_KEY == "calendar-links:google-account"
    assert DEFAULT_DURATION_KEY.startswith("calendar-links:")


@pytest.mark.parametrize(
    ("raw", "integrations"),
    [
        (None, OFF),
        ("", OFF),
        ("{", OFF),
        ("{'google': true}", OFF),  # Python, not JSON
        ("null", OFF),
        ("true", OFF),
        ('"google"', OFF),
        ("[]", OFF),
        ("[true, true]", OFF),
        ("NaN", OFF),
        ("[" * 100_000 + "]" * 100_000, OFF),  # deep enough to exhaust the decoder's recursion
        ("{}", OFF),
        ('{"google": true}', {"google"}),
        ('{"outlook": true}', {"outlook"}),
        (' {"google": true, "outlook": true} ', {"google", "outlook"}),
        ('{"google": false, "outlook": true}', {"outlook"}),
        ('{"google": 1, "outlook": "true"}', OFF),
        ('{"google": true, "outlook": null}', {"google"}),
        ('{"google": [true], "outlook": {"on": true}}', OFF),
        ('{"google": true, "google": false}', OFF),  # the last duplicate wins, as in JSON.parse
        ('{"google": true, "extra": 5}', {"google"}),
        ('{"microsoft365": true, "outlookcom": true, "apple": true}', {"microsoft365", "outlookcom", "apple"}),
        # A calendar this version doesn't offer is kept, never switched on by accident.
        ('{"yahoo": true}', {"yahoo"}),
    ],
)
def test_parse_integrations(raw: str | None, integrations: set[str]) -> None:
    assert parse_integrations(raw) == integrations


def test_keys_are_case_sensitive_as_the_contract_spells_them() -> None:
    # "GOOGLE" is kept as a key of its own, and so never turns Google on.
    assert "google" not in parse_integrations('{"GOOGLE": true, "Outlook": true}')


@pytest.mark.parametrize("enabled", [set(), {"google"}, {"outlook"}, {"google", "outlook"}, set(OFFERED)])
def test_integrations_json_round_trips_in_the_contract_shape(enabled: set[str]) -> None:
    stored = integrations_json(frozenset(enabled), OFFERED)
    assert json.loads(stored) == {key: key in enabled for key in OFFERED}
    assert parse_integrations(stored) == enabled


def test_old_values_with_only_google_and_outlook_keep_their_meaning() -> None:
    old = json.dumps({"google": True, "outlook": False})
    assert parse_integrations(old) == {"google"}
    assert json.loads(integrations_json(parse_integrations(old), OFFERED)) == {
        "google": True, "outlook": False, "microsoft365": False, "outlookcom": False, "apple": False,
    }  # fmt: skip


def test_writing_back_keeps_a_calendar_another_version_switched_on() -> None:
    stored = integrations_json(toggled(parse_integrations('{"yahoo": true}'), "google"), OFFERED)
    assert json.loads(stored)["yahoo"] is True and json.loads(stored)["google"] is True


def test_toggled_switches_one_calendar_either_way() -> None:
    assert toggled(OFF, "apple") == {"apple"}
    assert toggled(frozenset({"apple", "google"}), "apple") == {"google"}


def test_parse_settings_reads_every_key_and_defaults_the_rest() -> None:
    assert parse_settings({}) == Settings()
    stored = {
        INTEGRATIONS_KEY: '{"apple": true}', GOOGLE_ACCOUNT_KEY: "a@example.com", DEFAULT_DURATION_KEY: "45",
        REMINDER_MINUTES_KEY: "15",
    }  # fmt: skip
    assert parse_settings(stored) == Settings(frozenset({"apple"}), "a@example.com", 45, 15)
    assert set(SETTINGS_KEYS) == set(stored)


@pytest.mark.parametrize(
    ("raw", "minutes"),
    [("60", 60), (" 60 ", 60), ("0", None), ("10081", None), ("", None), (None, None), ("6e1", None),
     ("1" * 10, None), ("\u0666\u0660", None)],
)  # fmt: skip
def test_whole_minutes_is_the_one_parser_of_minutes(raw: str | None, minutes: int | None) -> None:
    assert whole_minutes(raw, 1, 10080) == minutes


@pytest.mark.parametrize(
    ("raw", "account"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("zoe@example.com", "zoe@example.com"),
        ("  Zoe.Mueller+crm@mail.example.co.uk\n", "Zoe.Mueller+crm@mail.example.co.uk"),
        ("zoë@exämple.de", "zoë@exämple.de"),
        ("zoe", None),
        ("zoe@example", None),
        ("zoe@@example.com", None),
        ("@example.com", None),
        ("zoe@.example.com", None),
        ("zoe@example..com", None),
        ("zoe @example.com", None),
        ("zoe@exa\x00mple.com", None),
        ('"zoe@example.com"', None),  # stored as JSON by mistake
        ("zoe@exam_ple.com", None),
        ("zoe@-example.com", None),
        ("zoe@example.com.", None),
        ("zoe@example.com,ann@example.com", None),
        ("1", None),
        ("a" * 250 + "@example.com", None),
    ],
)
def test_parse_google_account(raw: str | None, account: str | None) -> None:
    assert parse_google_account(raw) == account


@pytest.mark.parametrize(
    ("raw", "minutes"),
    [
        (None, 30),
        ("", 30),
        ("45", 45),
        (" 45\n", 45),
        ("1", 1),
        ("1440", 1440),
        ("0045", 45),
        ("0", 30),
        ("1441", 30),
        ("99999", 30),
        ("-5", 30),
        ("+45", 30),
        ("4.5", 30),
        ("1e3", 30),
        ("45 minutes", 30),
        ("\u0664\u0665", 30),  # Arabic-Indic 45: int() would take it
        ("4_5", 30),
        ("null", 30),
    ],
)
def test_parse_default_duration(raw: str | None, minutes: int) -> None:
    assert parse_default_duration(raw) == minutes


@pytest.mark.parametrize(
    ("raw", "limit", "deeper"),
    [('{"a": true}', 1, False), ('{"a": [true]}', 1, True), ('{"a": "[[[[{{"}', 1, False),
     ('{"a": "\\"[["}', 1, False), ("[" * 100_000, 8, True), ("[[]]", 2, False), ("", 0, False)],
)  # fmt: skip
def test_nested_deeper_than_counts_brackets_outside_strings(raw: str, limit: int, deeper: bool) -> None:
    assert nested_deeper_than(raw, limit) is deeper


def test_deeply_nested_integrations_are_refused_before_the_decoder() -> None:
    # In Pyodide the decoder would overflow the browser's stack: a fatal error, not a RecursionError.
    assert parse_integrations("[" * 100_000) == frozenset()
    assert parse_integrations('{"google": true, "x": [[[]]]}') == frozenset()
