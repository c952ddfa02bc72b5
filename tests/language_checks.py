"""Displayed dates in the page's language, shared by pytest and the in-browser smoke test.

Each case is text a page shows in one language (as Intl, Django's admin or a person writes
it) and the date or wall time it means, written here by hand. The languages' words are the
browser's own: tests/data/intl_date_languages.json holds what Chromium's Intl answered
(web/calendar-links-dom.mjs dateLanguage), and a browser test checks it still answers
the same. Only the standard library and the pure modules are imported, so Pyodide runs
run_language_checks() as it is.
"""

from __future__ import annotations

import json
import traceback
from datetime import date, datetime
from pathlib import Path

from calendar_links_core.date_names import DateLanguage, date_language_from_intl
from calendar_links_core.field_values import Moment, Unreadable, parsed_moment

__all__ = ["INTL_DATA", "LANGUAGE_CASES", "REFUSED_CASES", "languages", "run_language_checks"]

INTL_DATA = Path(__file__).resolve().parent / "data" / "intl_date_languages.json"

# (language tag, displayed text, what it means). Day and month are both 12 or less in the
# numeric cases, so a wrong order would give another real date, not an error.
LANGUAGE_CASES: tuple[tuple[str, str, Moment], ...] = (
    # German: Intl's and Django's formats ("j. F Y", "j. F Y H:i", "d.m.Y").
    ("de", "10. Dezember 2026", date(2026, 12, 10)),
    ("de", "10. Dezember 2026 15:00", datetime(2026, 12, 10, 15, 0)),
    ("de", "10. Dezember 2026 um 15:00", datetime(2026, 12, 10, 15, 0)),
    ("de", "10. Dez. 2026", date(2026, 12, 10)),
    ("de", "3. März 2026", date(2026, 3, 3)),
    ("de", "3. Sep. 2026", date(2026, 9, 3)),  # Django's abbreviation; Intl writes "Sept."
    ("de", "Dienstag, 1. Dezember 2026", date(2026, 12, 1)),
    ("de", "10.12.1990", date(1990, 12, 10)),
    ("de", "03.12.2026 15:00:00", datetime(2026, 12, 3, 15, 0)),
    ("de", "5.6.2026", date(2026, 6, 5)),
    # French.
    ("fr", "1 déc. 2026 15:00", datetime(2026, 12, 1, 15, 0)),
    ("fr", "mardi 1 décembre 2026 à 15:00", datetime(2026, 12, 1, 15, 0)),
    ("fr", "1 mars 2026", date(2026, 3, 1)),
    ("fr", "04/05/2026", date(2026, 5, 4)),
    # Spanish, with Django's "j \\d\\e F \\d\\e Y \\a \\l\\a\\s H:i".
    ("es", "1 de diciembre de 2026", date(2026, 12, 1)),
    ("es", "1 de diciembre de 2026 a las 15:00", datetime(2026, 12, 1, 15, 0)),
    ("es", "1 dic 2026 3:00 p. m.", datetime(2026, 12, 1, 15, 0)),
    ("es", "martes, 1 de diciembre de 2026", date(2026, 12, 1)),
    # Italian: "mar" is both marzo and martedì; a date needs its month.
    ("it", "1 dicembre 2026", date(2026, 12, 1)),
    ("it", "15 mar 2026", date(2026, 3, 15)),
    ("it", "martedì 1 dicembre 2026 alle ore 15:00", datetime(2026, 12, 1, 15, 0)),
    # Portuguese.
    ("pt", "1 de dez. de 2026 às 15:00", datetime(2026, 12, 1, 15, 0)),
    ("pt", "terça-feira, 1 de dezembro de 2026", date(2026, 12, 1)),
    ("pt", "02/03/2026", date(2026, 3, 2)),
    # Dutch.
    ("nl", "1 december 2026 om 15:00", datetime(2026, 12, 1, 15, 0)),
    ("nl", "di 1 dec 2026", date(2026, 12, 1)),
    ("nl", "1 mei 2026", date(2026, 5, 1)),
    # English as Django's admin prints it ("N j, Y, P").
    ("en-US", "Jan. 20, 2026, noon", datetime(2026, 1, 20, 12, 0)),
    ("en-US", "July 15, 2026, 3 p.m.", datetime(2026, 7, 15, 15, 0)),
    ("en-US", "Jan. 20, 2026, midnight", datetime(2026, 1, 20, 0, 0)),
    ("en-US", "Sept. 3, 2026, 9:30 a.m.", datetime(2026, 9, 3, 9, 30)),
    ("en-US", "12/10/2026 3:00 PM", datetime(2026, 12, 10, 15, 0)),
    ("en-US", "10.12.1990", date(1990, 12, 10)),  # dots and the year last: day first
    ("en-GB", "12/10/2026", date(2026, 10, 12)),
    ("en-GB", "Tuesday, 1 December 2026", date(2026, 12, 1)),
    # A German page may still show an English date.
    ("de", "Dec 1, 2026 3:00 PM", datetime(2026, 12, 1, 15, 0)),
)

# Still refused whatever the language: guessing would make a silently wrong event.
REFUSED_CASES: tuple[tuple[str, str, str], ...] = (
    ("de", "10.12.90", "four-digit year"),
    ("en-US", "Jan. 20, 26, noon", "four-digit year"),
    ("de", "10. Dezember 2026 15:00 MEZ", "ambiguous"),
    ("en-US", "July 15, 2026, 3 p.m. EST", "ambiguous"),
    ("fr", "lun. 1 déc. 2026", "the date is Tuesday"),
    ("de", "Dezember 2026", "needs a day, a month and a year"),
)


def languages() -> dict[str, DateLanguage]:
    """The recorded languages by tag."""
    recorded = json.loads(INTL_DATA.read_text(encoding="utf-8"))
    found = {tag: date_language_from_intl(data) for tag, data in recorded.items()}
    return {tag: language for tag, language in found.items() if language is not None}


def reading(language: DateLanguage, text: str) -> Moment | Unreadable:
    """The text read as a page in that language reads it (no data-date-order)."""
    return parsed_moment(text, machine=False, date_order=language.date_order, language=language)


def run_language_checks() -> list[str]:
    """Every case; one line per failure, empty when all pass."""
    failures = []
    known = languages()
    for tag, text, meaning in LANGUAGE_CASES:
        try:
            moment = reading(known[tag], text)
            if moment != meaning or type(moment) is not type(meaning):
                failures.append(f"{tag} {text!r}: {moment!r}, expected {meaning!r}")
        except Exception:  # the smoke test reports every case, not the first crash
            failures.append(f"{tag} {text!r}: {traceback.format_exc(limit=3)}")
    for tag, text, words in REFUSED_CASES:
        refused = reading(known[tag], text)
        if not isinstance(refused, Unreadable) or words not in refused.message:
            failures.append(f"{tag} {text!r}: {refused!r}, expected a refusal with {words!r}")
    return failures
