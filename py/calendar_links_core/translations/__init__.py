"""The gettext catalogs of calendar-links, one per language.

The translations are written in this folder as `de.po`, `ja.po`, …; tools/build_static.py
compiles each to `de.mo`, … beside this module inside the app archive, where catalog() reads
it. A language without a compiled catalog (or a checkout that was never built) is English.
"""

from __future__ import annotations

import gettext
from importlib import resources

from calendar_links_core.wording import DEFAULT_LANGUAGE, catalog_from_mo

__all__ = ["catalog"]


def catalog(code: str) -> gettext.NullTranslations:
    """The compiled catalog of the language code, else English (the message ids themselves)."""
    if code == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    try:
        compiled = resources.files(__name__).joinpath(f"{code}.mo").read_bytes()
    except (FileNotFoundError, OSError):
        return gettext.NullTranslations()
    return catalog_from_mo(compiled)
