"""Reading the settings calendar-links keeps in the browser's localStorage.

The shell hands over the raw stored strings (None when a key is absent) and
gets plain values back. Stored values can be written by another tab, an older
version or by hand in the developer tools, so nothing here raises: anything
absent, corrupt or out of range gives the safe default instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, TypeAlias

__all__ = [
    "DEFAULT_DURATION_KEY",
    "DEFAULT_DURATION_MINUTES",
    "GOOGLE_ACCOUNT_KEY",
    "INTEGRATIONS_KEY",
    "MAX_DEFAULT_DURATION_MINUTES",
    "MAX_REMINDER_MINUTES",
    "REMINDER_CHOICES",
    "REMINDER_MINUTES_KEY",
    "SETTINGS_KEYS",
    "Integrations",
    "Settings",
    "integrations_json",
    "nested_deeper_than",
    "parse_default_duration",
    "parse_google_account",
    "parse_integrations",
    "parse_reminder_minutes",
    "parse_settings",
    "toggled",
    "whole_minutes",
]

INTEGRATIONS_KEY: Final = "calendar-links:integrations"
GOOGLE_ACCOUNT_KEY: Final = "calendar-links:google-account"
# Not in the page contract yet; a compatible extension of it.
DEFAULT_DURATION_KEY: Final = "calendar-links:default-duration-minutes"
REMINDER_MINUTES_KEY: Final = "calendar-links:reminder-minutes"

SETTINGS_KEYS: Final = (INTEGRATIONS_KEY, GOOGLE_ACCOUNT_KEY, DEFAULT_DURATION_KEY, REMINDER_MINUTES_KEY)

DEFAULT_DURATION_MINUTES: Final = 30
# The stored default is a person's everyday meeting length: at most a day.
MAX_DEFAULT_DURATION_MINUTES: Final = 1440
# The page contract allows reminders from 0 to 40320 minutes (four weeks) before the start.
MAX_REMINDER_MINUTES: Final = 40320
# What the marketplace offers, in order: none, at the start, 15 minutes, an hour, a day and
# a week before.
REMINDER_CHOICES: Final = (None, 0, 15, 60, 1440, 10080)

# The longest address SMTP can carry (RFC 5321 section 4.5.3.1.3, a 256-octet
# path including the angle brackets).
_MAX_EMAIL_LENGTH: Final = 254
# A plain (unquoted) local part, and a domain of at least two labels of
# letters, digits and inner hyphens (any script, for internationalised names).
_EMAIL: Final = re.compile(
    r"""[^\s@"(),:;<>\[\]\\\x00-\x1f\x7f]+
    @[^\W_](?:(?:[^\W_]|-)*[^\W_])?(?:\.[^\W_](?:(?:[^\W_]|-)*[^\W_])?)+""",
    re.VERBOSE,
)
_MINUTES: Final = re.compile(r"[0-9]{1,9}", re.ASCII)


# The integrations are the set of calendar keys switched on. Stored as JSON, one boolean per
# calendar (the page contract): {"google": true, "outlook": false, ...}.
Integrations: TypeAlias = frozenset[str]


def parse_integrations(raw: str | None) -> Integrations:
    """The calendar keys stored as switched on; absent or corrupt JSON means none."""
    # One level is all the value has. Deeper text never reaches the decoder: in Pyodide a
    # few thousand nested arrays overflow the browser's stack, a fatal error that stops
    # calendar-links on the page, before Python's RecursionError can fire.
    if raw is None or nested_deeper_than(raw, 1):
        return frozenset()
    try:
        stored = json.loads(raw)
    except ValueError:
        return frozenset()
    if not isinstance(stored, dict):
        return frozenset()
    # "is True": JSON 1, "true" or null must not switch a calendar on. Keys this version
    # doesn't offer are kept, so that writing the setting back never loses them.
    return frozenset(key for key, value in stored.items() if isinstance(key, str) and value is True)


# A JSON string (escapes included) or one bracket: what nesting depth counts.
_JSON_STRING_OR_BRACKET: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def nested_deeper_than(raw: str, limit: int) -> bool:
    """Whether JSON text nests arrays and objects deeper than limit (brackets inside strings don't count)."""
    depth = 0
    for token in _JSON_STRING_OR_BRACKET.finditer(raw):
        if token.group() in ("[", "{"):
            depth += 1
            if depth > limit:
                return True
        elif token.group() in ("]", "}"):
            depth -= 1
    return False


def integrations_json(integrations: Integrations, offered_keys: Sequence[str]) -> str:
    """The JSON text to store: every offered calendar as true or false, and any other key switched on."""
    stored = {key: key in integrations for key in offered_keys}
    stored.update((key, True) for key in sorted(integrations) if key not in stored)
    return json.dumps(stored)


def toggled(integrations: Integrations, key: str) -> Integrations:
    """The integrations with the calendar key switched the other way."""
    return integrations - {key} if key in integrations else integrations | {key}


def parse_google_account(raw: str | None) -> str | None:
    """The stored Google account hint if it looks like an email address (trimmed), else None."""
    if raw is None:
        return None
    account = raw.strip()
    if len(account) > _MAX_EMAIL_LENGTH or _EMAIL.fullmatch(account) is None:
        return None
    return account


def parse_default_duration(raw: str | None) -> int:
    """The stored default event length: whole minutes from 1 to 1440, else 30."""
    minutes = whole_minutes(raw, 1, MAX_DEFAULT_DURATION_MINUTES)
    return DEFAULT_DURATION_MINUTES if minutes is None else minutes


def parse_reminder_minutes(raw: str | None) -> int | None:
    """The stored reminder: whole minutes before the start from 0 to 40320, else None (no reminder)."""
    return whole_minutes(raw, 0, MAX_REMINDER_MINUTES)


def whole_minutes(raw: str | None, lowest: int, highest: int) -> int | None:
    """raw as a whole number of minutes from lowest to highest (surrounding spaces ignored), else None."""
    text = (raw or "").strip()
    # At most 9 digits: int() of a huge digit run is slow, and no valid value is that long.
    if _MINUTES.fullmatch(text) is None:
        return None
    minutes = int(text)
    return minutes if lowest <= minutes <= highest else None


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the person chose in the App Marketplace, as this browser holds it."""

    integrations: Integrations = frozenset()
    google_account: str | None = None
    default_duration: int = DEFAULT_DURATION_MINUTES
    reminder_minutes: int | None = None


def parse_settings(stored: Mapping[str, str | None]) -> Settings:
    """The settings from the raw stored text of each of SETTINGS_KEYS (absent keys: defaults)."""
    return Settings(
        integrations=parse_integrations(stored.get(INTEGRATIONS_KEY)),
        google_account=parse_google_account(stored.get(GOOGLE_ACCOUNT_KEY)),
        default_duration=parse_default_duration(stored.get(DEFAULT_DURATION_KEY)),
        reminder_minutes=parse_reminder_minutes(stored.get(REMINDER_MINUTES_KEY)),
    )
