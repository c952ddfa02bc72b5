"""The words of one page language that displayed dates use: month and weekday names, the
words between a date's parts, and the date order.

A page in German shows `10. Dezember 2026`, one in French `1 déc. 2026 15:00`. The browser
knows these words for every language through its locale data (`Intl.DateTimeFormat`); the
shell asks it once per language and hands the answer over as plain values
(`date_language_from_intl`), so reading stays pure and is tested in CPython with the same
data. The words reach python-dateutil through its documented extension point, a
`parserinfo` whose MONTHS, WEEKDAYS, JUMP and AMPM lists hold them.

Pure: no browser, no clock.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

# python-dateutil 4.0.0 ships no type information.
from dateutil import parser as dateutil_parser  # type: ignore[import-untyped]

from calendar_links_core.errors import InvalidValue

__all__ = [
    "ENGLISH",
    "DateLanguage",
    "date_language_from_intl",
    "date_order_from_locale",
    "language_parserinfo",
    "without_connecting_words",
]

_DATE_ORDERS: Final = ("MDY", "DMY", "YMD")
# The order Intl falls back to (en-US) and dateutil's own default.
_DEFAULT_DATE_ORDER: Final = "MDY"
_PART_LETTERS: Final = {"year": "Y", "month": "M", "day": "D"}
# Runs of letters, as dateutil splits text into tokens: "déc." is "déc" and a dot,
# Portuguese "terça-feira" is "terça", a dash and "feira".
_LETTERS: Final = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class DateLanguage:
    """A language's date words, lower-case: 12 months and 7 weekdays (Monday first), each with
    every spelling the language uses, the phrases written between a date's parts ("um",
    "a las"), and the morning/afternoon marks."""

    tag: str
    date_order: str
    months: tuple[tuple[str, ...], ...]
    weekdays: tuple[tuple[str, ...], ...]
    connecting_words: tuple[str, ...] = ()
    morning: tuple[str, ...] = ()
    afternoon: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.date_order not in _DATE_ORDERS:
            raise InvalidValue(f"date_order {self.date_order!r} is not one of {', '.join(_DATE_ORDERS)}.")
        if len(self.months) != 12 or len(self.weekdays) != 7 or not all(self.months):
            raise InvalidValue("DateLanguage needs 12 months and 7 weekdays.")


def _names(raw: object) -> tuple[str, ...]:
    """The distinct names in a list of names as Intl writes them ("Dez.", "déc.", "terça-feira"),
    lower-case, each by its first word."""
    if not isinstance(raw, list):
        return ()
    words = (_LETTERS.findall(text.lower()) for text in raw if isinstance(text, str))
    return tuple(dict.fromkeys(found[0] for found in words if found))


def _trailing_words(raw: object) -> list[str]:
    """The words after the first in names of several words ("feira" of "terça-feira")."""
    if not isinstance(raw, list):
        return []
    return [word for text in raw if isinstance(text, str) for word in _LETTERS.findall(text.lower())[1:]]


def _with_prefixes(months: list[tuple[str, ...]], weekdays: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    # Server frameworks abbreviate on their own: Django's German "Sep." where Intl says
    # "Sept.". A month also answers to the first three or four letters of its name
    # whenever no other month and no weekday starts the same way (French "mar" is mardi).
    weekday_names = [name for names in weekdays for name in names]
    spelled = []
    for index, names in enumerate(months):
        others = [name for position, forms in enumerate(months) if position != index for name in forms]
        extra: list[str] = []
        for name in names:
            for length in (3, 4):
                prefix = name[:length]
                if len(prefix) < length or prefix in names or prefix in extra:
                    continue
                if not any(other.startswith(prefix) for other in (*others, *weekday_names)):
                    extra.append(prefix)
        spelled.append(names + tuple(extra))
    return spelled


def _list(raw: object) -> list[object]:
    return raw if isinstance(raw, list) else []


def _day_periods(raw: object) -> tuple[str, ...]:
    """Morning or afternoon marks as one word each: Spanish "p. m." is "pm"."""
    if not isinstance(raw, list):
        return ()
    return tuple(dict.fromkeys("".join(_LETTERS.findall(text.lower())) for text in raw if isinstance(text, str)))


def _phrases(raw: object) -> tuple[str, ...]:
    """The words between a date's parts (" um ", " a las "), as lower-case phrases."""
    if not isinstance(raw, list):
        return ()
    phrases: list[str] = []
    for text in raw:
        if isinstance(text, str):
            phrase = " ".join(_LETTERS.findall(text.lower()))
            # A lone Latin letter could be part of "a.m." or an initial; no date needs it
            # dropped (French "à" is another letter).
            if phrase and not (len(phrase) == 1 and phrase.isascii()) and phrase not in phrases:
                phrases.append(phrase)
    return tuple(phrases)


def _date_order_of_parts(parts: Iterable[object]) -> str | None:
    """The order of year, month and day in Intl formatToParts part types, or None when it is
    not MDY, DMY or YMD. The one place the order is decided: the browser hands the types over."""
    order = "".join(_PART_LETTERS[part] for part in parts if isinstance(part, str) and part in _PART_LETTERS)
    return order if order in _DATE_ORDERS else None


def date_order_from_locale(parts: Sequence[str]) -> str:
    """The locale's date order from Intl formatToParts part types: ["month", "literal", "day", …] -> "MDY"."""
    # Anything that is not MDY, DMY or YMD gives MDY: the order Intl itself
    # falls back to (en-US), and dateutil's default.
    return _date_order_of_parts(parts) or _DEFAULT_DATE_ORDER


def date_language_from_intl(data: Mapping[str, object], fallback_order: str = "MDY") -> DateLanguage | None:
    """The DateLanguage in the browser's answer (calendar-links-locale.mjs dateLanguage), else None."""
    tag = data.get("locale")
    order = _date_order_of_parts(_list(data.get("dateParts")))
    months_raw = data.get("months")
    weekdays_raw = data.get("weekdays")
    if not isinstance(tag, str) or not isinstance(months_raw, list) or not isinstance(weekdays_raw, list):
        return None
    months = [_names(names) for names in months_raw]
    # Italian abbreviates both marzo and martedì as "mar": a date needs its month more than
    # its weekday, so a word that names a month is never read as a weekday.
    month_words = {name for names in months for name in names}
    weekdays = [tuple(name for name in _names(names) if name not in month_words) for names in weekdays_raw]
    if len(months) != 12 or len(weekdays) != 7 or not all(months):
        return None
    day_periods = data.get("dayPeriods")
    periods = day_periods if isinstance(day_periods, list) and len(day_periods) == 2 else [[], []]
    return DateLanguage(
        tag=tag,
        date_order=order or fallback_order,
        months=tuple(_with_prefixes(months, weekdays)),
        weekdays=tuple(weekdays),
        connecting_words=_phrases([*_list(data.get("words")), *(word for names in weekdays_raw for word in _trailing_words(names))]),
        morning=_day_periods(periods[0]),
        afternoon=_day_periods(periods[1]),
    )


def without_connecting_words(text: str, language: DateLanguage) -> str:
    """text with the language's words between date parts ("um", "a las") taken out."""
    # dateutil knows only English filler words (its JUMP list: "at", "on", "of"); a phrase
    # of several words such as Spanish "a las" must also go as a whole, since dateutil
    # would read its "a" as a.m.
    for phrase in language.connecting_words:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)"
        text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    return text


ENGLISH: Final = DateLanguage(
    tag="en",
    date_order="MDY",
    months=tuple(tuple(name.lower() for name in names) for names in dateutil_parser.parserinfo.MONTHS),
    weekdays=tuple(tuple(name.lower() for name in names) for names in dateutil_parser.parserinfo.WEEKDAYS),
)
"""dateutil's own English names: what every page reads besides its own language's."""


def _merged(own: Iterable[tuple[str, ...]], english: Iterable[tuple[str, ...]], taken: set[str]) -> list[tuple[str, ...]]:
    # A word the page's language uses keeps its meaning there: on a French page "mar" is
    # mardi, so English "Mar" (March) is not added beside it.
    return [names + tuple(word for word in more if word not in taken) for names, more in zip(own, english, strict=True)]


@functools.lru_cache(maxsize=16)
def language_parserinfo(language: DateLanguage, base: type[dateutil_parser.parserinfo]) -> object:
    """A dateutil parserinfo of class base that reads the language's words and English ones."""
    taken = {word for names in (*language.months, *language.weekdays) for word in names}
    months = _merged(language.months, ENGLISH.months, taken)
    weekdays = _merged(language.weekdays, ENGLISH.weekdays, taken)
    ampm = [
        (*base.AMPM[0], *language.morning),
        (*base.AMPM[1], *language.afternoon),
    ]
    # parserinfo reads its lists from class attributes when it is created.
    spelled = type(f"{base.__name__}_{language.tag}", (base,), {
        "MONTHS": months,
        "WEEKDAYS": weekdays,
        "AMPM": ampm,
    })  # fmt: skip
    return spelled()
