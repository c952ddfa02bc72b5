"""Every calendar calendar-links offers, in button and marketplace order (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from calendar_links_core.providers.apple import APPLE
from calendar_links_core.providers.base import Provider
from calendar_links_core.providers.google import GOOGLE
from calendar_links_core.providers.microsoft365 import MICROSOFT_365
from calendar_links_core.providers.outlook import OUTLOOK
from calendar_links_core.providers.outlookcom import OUTLOOK_COM

__all__ = ["PROVIDERS", "calendar_names", "provider_named", "providers_named"]

# The functions take the calendars on offer as an argument rather than reading PROVIDERS
# themselves, so a page (or a test) that offers more reads them where it needs them.
# Google and Outlook first: the two calendars offered from the start keep their places.
PROVIDERS: Final[tuple[Provider, ...]] = (GOOGLE, OUTLOOK, MICROSOFT_365, OUTLOOK_COM, APPLE)


def provider_named(key: str, offered: Iterable[Provider]) -> Provider | None:
    """The offered calendar with this key, else None."""
    return next((provider for provider in offered if provider.key == key), None)


def providers_named(keys: Iterable[str], offered: Iterable[Provider]) -> tuple[Provider, ...]:
    """The offered calendars whose keys are in keys, in offered order."""
    wanted = set(keys)
    return tuple(provider for provider in offered if provider.key in wanted)


def calendar_names(keys: Sequence[str], offered: Iterable[Provider]) -> tuple[str, ...]:
    """The names of the calendars with these keys, in the order given (unknown keys as they are)."""
    known = {provider.key: provider.calendar_name for provider in providers_named(keys, offered)}
    return tuple(known.get(key, key) for key in keys)
