"""Sentences for people: an English message id with its values, shown in the page's language (pure).

The pure modules say what to tell a person as `Words`: a gettext message id (the English
sentence, with `{named}` places) and the values that fill it. They never pick a language.
The shell shows Words through a `Language`: the page's gettext catalog (compiled from
py/calendar_links_core/translations/*.po at build time) and the browser's own date formatting (Intl), handed in
as a plain function. A sentence the catalog lacks, or whose translation is broken, is shown
in English: never as a key, never as an error.

Every sentence is written in one language with one direction (`Language.direction`), which
the shell puts on the element that shows it, so an English sentence on a right-to-left page
keeps its punctuation at its end. The values inside (a field's label, the text a person
typed, a date in the page's language) are isolated from the sentence around them, as Unicode
Bidirectional Algorithm (UAX #9) isolates: `Language.parts` says which pieces are values, for
the shell to put each in a `<bdi>`; `Language.isolated` wraps in FSI ... PDI each value that
could reorder the sentence, for texts that are plain strings (an aria-label): a value of only
left-to-right letters, digits and punctuation can't reorder an English sentence, so the
accessible names hosts' own tests look for stay the same on left-to-right pages.
"""

from __future__ import annotations

import gettext
import io
import string
import unicodedata
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
    "Part",
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
# The scripts of these languages run right to left (a catalog in one of them is shown so).
_RIGHT_TO_LEFT: Final = frozenset({"ar", "fa", "he", "ur", "yi"})
# First Strong Isolate and Pop Directional Isolate (UAX #9, section 2.7): the text between
# them takes its own direction from its first strong letter and leaves the sentence's alone.
_FIRST_STRONG_ISOLATE: Final = "\u2068"
_POP_DIRECTIONAL_ISOLATE: Final = "\u2069"
# Bidirectional classes (UAX #9, table 4) that reorder a left-to-right sentence around a value
# holding them: right-to-left letters and Arabic digits, and explicit embeddings, overrides
# and isolates, whose effect would run on past the value.
_REORDERS_LEFT_TO_RIGHT: Final = frozenset(
    {"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
)

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


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a shown sentence: its text, and whether it is a value to isolate from the words around it."""

    text: str
    is_value: bool


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

    @property
    def direction(self) -> str:
        """The direction its sentences are written in: "ltr" or "rtl", as the HTML dir attribute takes it."""
        return "rtl" if self.code in _RIGHT_TO_LEFT else "ltr"

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

    def parts(self, sentence: Words | str) -> tuple[Part, ...]:
        """The sentence as text() shows it, in pieces: our words, and each value (a nested sentence split too)."""
        if isinstance(sentence, str):
            return (Part(self.gettext(sentence), False),)
        values = dict(sentence.values)
        template = self.gettext(sentence.msgid)
        try:
            pieces = list(string.Formatter().parse(template))
            if any(name is not None and name not in values for _, name, _, _ in pieces):
                raise KeyError(template)
        except (KeyError, ValueError):
            pieces = list(string.Formatter().parse(sentence.msgid))
        found: list[Part] = []
        for literal, name, _, _ in pieces:
            if literal:
                found.append(Part(literal, False))
            if name is None:
                continue
            value = values[name]
            if isinstance(value, Words):
                found.extend(self.parts(value))
            else:
                found.append(Part(self._shown(value), True))
        return tuple(found)

    def isolated(self, sentence: Words | str) -> str:
        """The sentence as one string, each value that could reorder it between FSI and PDI: for an aria-label."""
        return "".join(
            f"{_FIRST_STRONG_ISOLATE}{part.text}{_POP_DIRECTIONAL_ISOLATE}"
            if part.is_value and self._can_reorder(part.text)
            else part.text
            for part in self.parts(sentence)
        )

    def _can_reorder(self, value: str) -> bool:
        # In a right-to-left sentence any value may (left-to-right letters, digits beside
        # punctuation): isolate them all.
        if self.direction == "rtl":
            return True
        return any(unicodedata.bidirectional(character) in _REORDERS_LEFT_TO_RIGHT for character in value)

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
