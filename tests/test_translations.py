"""The translations: every sentence in every language, the same places filled, English where one is missing.

The catalogs are compiled here the way tools/build_static.py compiles them for the app
archive, and read through the same Language the page uses.
"""

from __future__ import annotations

import gettext
import string
from datetime import date

import pytest
from babel.messages.catalog import Catalog

from catalogs import compiled, extracted_catalog, po_files, read_catalog
from calendar_links_core.providers.base import Preferences
from calendar_links_core.providers.google import GOOGLE
from calendar_links_core.providers.registry import PROVIDERS
from calendar_links_core.ui_text import accessible_label, inactive
from calendar_links_core.wording import (
    ENGLISH,
    LANGUAGES,
    Language,
    Words,
    catalog_from_mo,
    english_date,
    english_month_day,
    language_code,
    words,
)

TEMPLATE = extracted_catalog()
# Our sources use no plural forms, so every sentence is one string (a plural's id is a tuple).
SENTENCES = [message.id for message in TEMPLATE if isinstance(message.id, str) and message.id]
assert len(SENTENCES) == len([message for message in TEMPLATE if message.id]), "a sentence with plural forms"
CATALOGS = {path.stem: read_catalog(path) for path in po_files()}
GOOGLE_PREFERENCES = Preferences(google_account="zoe@example.com")


def _places(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _language(code: str, format_date: object = english_date) -> Language:
    catalog = catalog_from_mo(compiled(CATALOGS[code]))
    return Language(code, catalog, format_date, english_month_day)  # type: ignore[arg-type]


def test_there_is_a_catalog_for_every_language_but_english() -> None:
    assert sorted(CATALOGS) == sorted(code for code in LANGUAGES if code != "en")


def test_the_sources_mark_every_kind_of_sentence() -> None:
    # A calendar's name, a problem of the core, a marketplace heading and a button name.
    for sentence in ("Google Calendar", "{shown} is not a real date.", "Settings", "Add {field} to {calendar}"):
        assert sentence in SENTENCES


@pytest.mark.parametrize("code", sorted(CATALOGS))
def test_every_sentence_is_translated_with_the_same_places(code: str) -> None:
    catalog: Catalog = CATALOGS[code]
    for sentence in SENTENCES:
        message = catalog.get(sentence)
        assert message is not None and message.string, f"{code}: {sentence!r} is not translated"
        assert not message.fuzzy, f"{code}: {sentence!r} is marked fuzzy"
        # One string: none of these sentences has plural forms.
        translated = message.string
        assert isinstance(translated, str), f"{code}: {sentence!r} has plural forms"
        assert _places(translated) == _places(sentence), f"{code}: {translated!r}"
    stale = [message.id for message in catalog if message.id and message.id not in SENTENCES]
    assert stale == [], f"{code}: sentences no longer in the sources (run tools/catalogs.py)"


def test_a_sentence_is_shown_in_the_page_language_with_its_values() -> None:
    german = _language("de")
    label = accessible_label(GOOGLE, "Geburtstag")
    assert german.text(label) == "Geburtstag in Google Kalender eintragen"
    assert ENGLISH.text(label) == str(label) == "Add Geburtstag to Google Calendar"
    japanese = _language("ja")
    assert japanese.text(label) == "GeburtstagをGoogle カレンダーに追加"


def test_a_date_inside_a_sentence_is_written_by_the_language_s_own_formatter() -> None:
    problem = words("{shown} has the wrong weekday: the date is {day}.", shown='"Mo 1.12.2026"', day=date(2026, 12, 1))
    german = _language("de", lambda day: f"Dienstag, {day.day}. Dezember {day.year}")
    assert german.text(problem) == '"Mo 1.12.2026" nennt den falschen Wochentag: Das Datum ist Dienstag, 1. Dezember 2026.'
    assert str(problem).endswith("the date is Tuesday, 1 December 2026.")


def test_nested_sentences_are_translated_at_every_level() -> None:
    said = inactive(words("{field}: {problem}", field="Renewal", problem=words("{shown} is not a real date.", shown='"31.02.2027"')))
    assert _language("fr").text(said) == (
        "Renewal : \"31.02.2027\" n'est pas une date qui existe. Corrigez-la dans la fiche pour l'ajouter à un agenda."
    )


def test_a_missing_translation_is_english_never_a_key() -> None:
    french = _language("fr")
    assert french.text(words("A sentence no catalog has, about {thing}.", thing="x")) == "A sentence no catalog has, about x."
    assert french.gettext("Not in any catalog") == "Not in any catalog"


class BrokenCatalog(gettext.NullTranslations):
    """A catalog whose every translation has an unbalanced place."""

    def gettext(self, message: str) -> str:
        return "Kaputt {feld"


def test_a_translation_with_a_broken_place_falls_back_to_english() -> None:
    broken = Language("de", BrokenCatalog(), english_date, english_month_day)
    assert broken.text(words("Add {field} to {calendar}", field="Due", calendar="Outlook")) == "Add Due to Outlook"


@pytest.mark.parametrize(
    ("raw", "code"),
    [("de", "de"), ("de-CH", "de"), ("pt-BR", "pt"), ("ja-JP", "ja"), ("EN-gb", "en"), ("nl_NL", "nl"),
     ("sv", "en"), ("", "en"), (None, "en"), ("  fr  ", "fr")],
)  # fmt: skip
def test_the_catalog_follows_the_primary_language_of_lang(raw: str | None, code: str) -> None:
    assert language_code(raw) == code


@pytest.mark.parametrize("code", sorted(CATALOGS))
def test_every_calendar_name_and_hint_reads_in_every_language(code: str) -> None:
    language = _language(code)
    for provider in PROVIDERS:
        for text in (provider.calendar_name, provider.summary, provider.destination):
            assert language.gettext(text).strip()
        hint: Words = provider.hint(GOOGLE_PREFERENCES)
        assert "zoe@example.com" in language.text(hint) or provider is not GOOGLE


# --- Direction and isolated values ---------------------------------------------------------

HEBREW_LABEL = "יום הולדת"


@pytest.mark.parametrize("code", sorted(CATALOGS))
def test_every_sentence_in_pieces_is_the_sentence_and_its_values_are_the_values(code: str) -> None:
    language = _language(code)
    for sentence in SENTENCES:
        # Each place gets a value of its own, so every value can be found among the pieces.
        values = {name: f"<{name}: {HEBREW_LABEL}>" for name in _places(sentence)}
        said = words(sentence, **values)
        parts = language.parts(said)
        assert "".join(part.text for part in parts) == language.text(said)
        assert sorted(part.text for part in parts if part.is_value) == sorted(values.values())
        assert language.isolated(said).replace("\u2068", "").replace("\u2069", "") == language.text(said)


def test_a_nested_sentence_is_our_words_and_only_its_values_are_isolated() -> None:
    said = inactive(words("{field}: {problem}", field=HEBREW_LABEL, problem=words("{shown} is not a real date.", shown='"31.02.2027"')))
    values = [part.text for part in ENGLISH.parts(said) if part.is_value]
    assert values == [HEBREW_LABEL, '"31.02.2027"']
    # Only the Hebrew label can reorder the English sentence: the digits and quotes can't.
    assert ENGLISH.isolated(said).startswith(f'\u2068{HEBREW_LABEL}\u2069: "31.02.2027" is not a real date.')


@pytest.mark.parametrize(
    ("value", "isolated"),
    [
        ("Kick-off call (2)", False),
        ("31.02.2027", False),
        (HEBREW_LABEL, True),
        ("موعد التجديد", True),
        ("١٢٣", True),  # Arabic-Indic digits
        ("Renewal \u202eemit", True),  # a right-to-left override inside a value
        ("Renewal \u2066x", True),  # an isolate left open
    ],
)
def test_an_aria_label_isolates_the_values_that_could_reorder_an_english_sentence(value: str, isolated: bool) -> None:
    shown = f"\u2068{value}\u2069" if isolated else value
    assert ENGLISH.isolated(words("Add {field} to {calendar}", field=value, calendar="Outlook")) == f"Add {shown} to Outlook"


def test_a_right_to_left_sentence_isolates_every_value() -> None:
    hebrew = Language("he", gettext.NullTranslations(), english_date, english_month_day)
    said = words("Add {field} to {calendar}", field="Renewal", calendar="Outlook")
    assert hebrew.isolated(said) == "Add \u2068Renewal\u2069 to \u2068Outlook\u2069"


def test_a_date_value_is_isolated_as_the_page_language_wrote_it() -> None:
    arabic_date = "الثلاثاء، 1 ديسمبر 2026"
    language = Language("en", gettext.NullTranslations(), lambda _day: arabic_date, english_month_day)
    said = words("{shown} has the wrong weekday: the date is {day}.", shown='"Mo 1.12.2026"', day=date(2026, 12, 1))
    assert [part.text for part in language.parts(said) if part.is_value] == ['"Mo 1.12.2026"', arabic_date]


def test_a_broken_translation_falls_back_to_english_in_pieces_too() -> None:
    broken = Language("de", BrokenCatalog(), english_date, english_month_day)
    said = words("Add {field} to {calendar}", field="Due", calendar="Outlook")
    assert "".join(part.text for part in broken.parts(said)) == "Add Due to Outlook"


@pytest.mark.parametrize(("code", "direction"), [("en", "ltr"), ("de", "ltr"), ("ja", "ltr"), ("ar", "rtl"), ("he", "rtl")])
def test_a_language_is_written_in_its_script_s_direction(code: str, direction: str) -> None:
    assert Language(code, gettext.NullTranslations(), english_date, english_month_day).direction == direction
