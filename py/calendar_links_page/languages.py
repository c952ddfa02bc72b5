"""Which language an element of the page is in, and that language's words and date format.

The language is the `lang` of the element's nearest ancestor that has one (usually
`<html lang>`); a page without one, or in a language we have no catalog for, is English.
Dates inside sentences are written by the browser's own Intl.DateTimeFormat for that
language, so a German page reads "Mittwoch, 2. Dezember 2026".

Our words carry the language and direction they are written in (`speak_as`), whatever the
page's: an English sentence on a right-to-left page would otherwise take the page's
direction, its full stop landing at its start and a quoted value reordered around it.
"""

from __future__ import annotations

from datetime import date
from collections.abc import Callable
from typing import Any, Final


from calendar_links_page.interop import dom, js, js_object, present
from calendar_links_page.page_reader import attribute
from calendar_links_core.translations import catalog
from calendar_links_core.wording import Language, MonthDay, Words, language_code

__all__ = ["LANG_ATTRIBUTE", "language_named", "language_of", "raw_language_of", "speak_as", "write_sentence"]

# Where a group or a panel notes the `lang` it was made for (web/calendar-links-dom.mjs
# compares it to spot a page whose language changed).
LANG_ATTRIBUTE: Final = "data-calendar-lang"
_languages: dict[str, Language] = {}


def raw_language_of(element: Any) -> str:
    """The `lang` in force where element stands, as the page wrote it; empty when none is."""
    holder = present(dom.closestAcross(element, "[lang]"))
    return (attribute(holder, "lang") or "") if holder is not None else ""


def language_of(element: Any) -> Language:
    """The language of the words shown where element stands."""
    return language_named(raw_language_of(element))


def language_named(raw: str) -> Language:
    """The language for a `lang` value, made once per value ("en-GB" and "en-US" write dates apart)."""
    known = _languages.get(raw)
    if known is not None:
        return known
    code = language_code(raw)
    locale = raw.strip() or code
    made = Language(
        code,
        catalog(code),
        _intl_format(locale, code, {"dateStyle": "full", "timeZone": "UTC"}),
        _month_day_format(locale, code),
    )
    _languages[raw] = made
    return made


def _intl_format(locale: str, code: str, options: dict[str, str]) -> Callable[[date], str]:
    js_options = js_object(options)
    try:
        formatter = js.Intl.DateTimeFormat.new(locale, js_options)
    except Exception:  # noqa: BLE001 - a RangeError for a `lang` that is no language tag
        formatter = js.Intl.DateTimeFormat.new(code, js_options)

    def formatted(day: date) -> str:
        # Noon UTC, formatted in UTC: the same calendar day in every zone.
        return str(formatter.format(js.Date.new(js.Date.UTC(day.year, day.month - 1, day.day, 12))))

    return formatted


def _month_day_format(locale: str, code: str) -> Callable[[MonthDay], str]:
    formatted = _intl_format(locale, code, {"month": "long", "day": "numeric", "timeZone": "UTC"})
    # 2000 is a leap year: 29 February exists in it.
    return lambda day: formatted(date(2000, day.month, day.day))


def speak_as(target: Any, language: Language) -> None:
    """Mark an element of ours with the language and direction its words are written in."""
    target.lang = language.code
    target.dir = language.direction


def write_sentence(target: Any, language: Language, sentence: Words | str) -> str:
    """Make target show the sentence in language, each value in a <bdi> of its own (its direction
    its own, apart from the sentence's); returns the text shown."""
    speak_as(target, language)
    nodes: list[Any] = []
    for part in language.parts(sentence):
        if part.is_value:
            isolated = dom.createElement("bdi")
            isolated.textContent = part.text
            nodes.append(isolated)
        else:
            nodes.append(part.text)
    target.replaceChildren(*nodes)
    return str(target.textContent)
