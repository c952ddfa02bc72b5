"""Reading the settings calendar-links keeps in the browser's localStorage.

The shell hands over the raw stored strings (None when a key is absent) and
gets plain values back. Stored values can be written by another tab, an older
version or by hand in the developer tools, so nothing here raises: anything
absent, corrupt or out of range gives the safe default instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Final

__all__ = [
    "DEFAULT_DURATION_KEY",
    "DEFAULT_DURATION_MINUTES",
    "GOOGLE_ACCOUNT_KEY",
    "INTEGRATIONS_KEY",
    "MAX_DEFAULT_DURATION_MINUTES",
    "PROVIDERS",
    "REMINDER_CHOICES",
    "REMINDER_MINUTES_KEY",
    "Integrations",
    "enabled_providers",
    "integrations_json",
    "parse_default_duration",
    "parse_google_account",
    "parse_integrations",
    "parse_reminder_minutes",
]

INTEGRATIONS_KEY: Final = "calendar-links:integrations"
GOOGLE_ACCOUNT_KEY: Final = "calendar-links:google-account"
REMINDER_MINUTES_KEY: Final = "calendar-links:reminder-minutes"
# The page contract allows 0 to 40320 minutes (four weeks) before the start
# (calendar_links.MAX_REMINDER_MINUTES, which imports this module).
MAX_REMINDER_MINUTES: Final = 40320
# What the marketplace offers, in order: none, at the start, 15 minutes,
# an hour, a day and a week before.
REMINDER_CHOICES: Final = (None, 0, 15, 60, 1440, 10080)
# Not in the page contract yet; a compatible extension of it.
DEFAULT_DURATION_KEY: Final = "calendar-links:default-duration-minutes"

DEFAULT_DURATION_MINUTES: Final = 30
# The stored default is a person's everyday meeting length: at most a day.
MAX_DEFAULT_DURATION_MINUTES: Final = 1440

PROVIDERS: Final = ("google", "outlook")

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
_MINUTES: Final = re.compile(r"[0-9]{1,5}", re.ASCII)


@dataclass(frozen=True, slots=True)
class Integrations:
    """Which calendars the person has switched on; both are off until enabled."""

    google: bool = False
    outlook: bool = False

    def __post_init__(self) -> None:
        if not (isinstance(self.google, bool) and isinstance(self.outlook, bool)):
            raise TypeError("Integrations takes True or False for google and outlook.")


def parse_integrations(raw: str | None) -> Integrations:
    """The stored integrations; absent or corrupt JSON turns both off, a non-boolean turns its one off."""
    if raw is None:
        return Integrations()
    try:
        stored = json.loads(raw)
    except (ValueError, RecursionError):
        # RecursionError: deeply nested arrays exhaust the JSON decoder's stack.
        return Integrations()
    if not isinstance(stored, dict):
        return Integrations()
    # "is True": JSON 1, "true" or null must not switch a calendar on.
    return Integrations(google=stored.get("google") is True, outlook=stored.get("outlook") is True)


def enabled_providers(integrations: Integrations) -> str:
    """The providers switched on, space-separated in button order: "google outlook", "outlook", or ""."""
    switched_on = {"google": integrations.google, "outlook": integrations.outlook}
    return " ".join(provider for provider in PROVIDERS if switched_on[provider])


def integrations_json(integrations: Integrations) -> str:
    """The JSON text to store for integrations, as the page contract spells it."""
    return json.dumps({"google": integrations.google, "outlook": integrations.outlook})


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
    if raw is None or _MINUTES.fullmatch(raw.strip()) is None:
        return DEFAULT_DURATION_MINUTES
    minutes = int(raw.strip())
    if 1 <= minutes <= MAX_DEFAULT_DURATION_MINUTES:
        return minutes
    return DEFAULT_DURATION_MINUTES


def parse_reminder_minutes(raw: str | None) -> int | None:
    """The stored reminder: whole minutes before the start from 0 to 40320, else None (no reminder)."""
    if raw is None or _MINUTES.fullmatch(raw.strip()) is None:
        return None
    minutes = int(raw.strip())
    return minutes if minutes <= MAX_REMINDER_MINUTES else None
