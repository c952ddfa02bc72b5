"""Tests of settings: whatever localStorage holds, parsing gives a safe value and never raises."""

from __future__ import annotations

import json

import pytest

from settings import (
    DEFAULT_DURATION_KEY,
    GOOGLE_ACCOUNT_KEY,
    INTEGRATIONS_KEY,
    Integrations,
    enabled_providers,
    integrations_json,
    parse_default_duration,
    parse_google_account,
    parse_integrations,
)

OFF = Integrations()


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
        ('{"google": true}', Integrations(google=True)),
        ('{"outlook": true}', Integrations(outlook=True)),
        (' {"google": true, "outlook": true} ', Integrations(google=True, outlook=True)),
        ('{"google": false, "outlook": true}', Integrations(outlook=True)),
        ('{"google": 1, "outlook": "true"}', OFF),
        ('{"google": true, "outlook": null}', Integrations(google=True)),
        ('{"google": [true], "outlook": {"on": true}}', OFF),
        ('{"GOOGLE": true, "Outlook": true}', OFF),
        ('{"google": true, "google": false}', OFF),  # the last duplicate wins, as in JSON.parse
        ('{"google": true, "extra": 5}', Integrations(google=True)),
    ],
)
def test_parse_integrations(raw: str | None, integrations: Integrations) -> None:
    assert parse_integrations(raw) == integrations


@pytest.mark.parametrize("google", [False, True])
@pytest.mark.parametrize("outlook", [False, True])
def test_integrations_json_round_trips_in_the_contract_shape(google: bool, outlook: bool) -> None:
    integrations = Integrations(google=google, outlook=outlook)
    stored = integrations_json(integrations)
    assert json.loads(stored) == {"google": google, "outlook": outlook}
    assert parse_integrations(stored) == integrations


def test_enabled_providers_in_button_order() -> None:
    assert enabled_providers(Integrations(google=True, outlook=True)) == "google outlook"
    assert enabled_providers(Integrations(outlook=True)) == "outlook"
    assert enabled_providers(Integrations(google=True)) == "google"
    assert enabled_providers(OFF) == ""


def test_integrations_take_only_booleans() -> None:
    with pytest.raises(TypeError):
        Integrations(google=1)


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
