"""Sentences for people: an English message id with its values, shown in the page's language (pure).

The pure modules say what to tell a person as `Words`: a gettext message id (the English
sentence, with `{named}` places) and the values that fill it. They never pick a language.
The shell shows Words through a `Language`: the page's gettext catalog (compiled from
py/calendar_links_core/translations/*.po at build time) and the browser's own date formatting (Intl), handed in
as a plain function. A sentence the catalog lacks, or whose translation is broken, is shown
in English: never as a key, never as an error.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final, TypeAlias

__all__ = [
    "DEFAULT_LANGUAGE",
    "ENGLISH",
    "LANGUAGES",
    "Language",
    "MonthDay",
    "Value",
    "Words",
    "catalog_from_mo",
    "english_date",
    "english_month_day",
    "language_code",
    "marked",
    "words",
]

# The languages with a catalog; every other page language is shown in English.
LANGUAGES: Final = ("en", "de", "fr", "es", "it", "pt", "nl", "ja")
DEFAULT_LANGUAGE: Final = "en"

Value: TypeAlias = "str | int | date | MonthDay | Words"


@dataclass(frozen=True, slots=True)
class MonthDay:
    """A day of the year without a year ("9 December"), for events that repeat every year."""

    month: int
    day: int


@dataclass(frozen=True, slots=True)
class Words:
    """One sentence to show: its English message id and the values of its {named} places."""

    msgid: str
    values: tuple[tuple[str, Value], ...] = ()

    def __str__(self) -> str:
        return ENGLISH.text(self)


def words(msgid: str, **values: Value) -> Words:
    """The sentence msgid with its places filled by values, to be shown in the page's language."""
    return Words(msgid, tuple(sorted(values.items())))


def marked(msgid: str) -> str:
    """Mark a fixed text (a calendar's name, a heading) for the catalogs; the shell translates it."""
    return msgid


@dataclass(frozen=True, eq=False, slots=True)
class Language:
    """A page language: its code, its catalog, and how the browser writes a date in it."""

    code: str
    catalog: gettext.NullTranslations
    format_date: Callable[[date], str]
    format_month_day: Callable[[MonthDay], str]

    def gettext(self, msgid: str) -> str:
        """A fixed text in this language, else in English."""
        return self.catalog.gettext(msgid) or msgid

    def text(self, sentence: Words | str) -> str:
        """The sentence in this language with its values filled in, each value in this language too."""
        if isinstance(sentence, str):
            return self.gettext(sentence)
        values = {name: self._shown(value) for name, value in sentence.values}
        try:
            return self.gettext(sentence.msgid).format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation with a misspelt or unbalanced place: English says it right.
            return sentence.msgid.format(**values)

    def _shown(self, value: Value) -> str:
        if isinstance(value, Words):
            return self.text(value)
        if isinstance(value, date):
            return self.format_date(value)
        if isinstance(value, MonthDay):
            return self.format_month_day(value)
        return str(value)


_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def english_date(day: date) -> str:
    """A date as English prose, weekday first ("Tuesday, 1 December 2026"): where no browser formats it."""
    return f"{_WEEKDAYS[day.weekday()]}, {day.day} {_MONTHS[day.month - 1]} {day.year}"


def english_month_day(day: MonthDay) -> str:
    """A day of the year as English prose ("9 December"): where no browser formats it."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


ENGLISH: Final = Language(DEFAULT_LANGUAGE, gettext.NullTranslations(), english_date, english_month_day)


def language_code(raw: str | None) -> str:
    """The catalog for a `lang` attribute (BCP 47: "de-CH", "pt-BR", "ja"), else English."""
    primary = (raw or "").strip().split("-")[0].split("_")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


def catalog_from_mo(compiled: bytes) -> gettext.NullTranslations:
    """A gettext catalog from the bytes of a compiled .mo file."""
    return gettext.GNUTranslations(io.BytesIO(compiled))
