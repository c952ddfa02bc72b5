"""The translations: find every sentence in py/, keep the .po files in step, compile them.

`python tools/catalogs.py` rewrites py/calendar_links_core/translations/messages.pot from the sources (every
`words("…")` and `marked("…")`) and merges it into each language's .po file: a new sentence
arrives there untranslated (shown in English until someone translates it), a changed one is
marked fuzzy. tools/build_static.py calls compiled_catalogs() to put the .mo files in the app
archive.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "py"
TRANSLATIONS = SOURCE / "calendar_links_core" / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
# The markers: wording's words(msgid, **values) and marked(msgid), and providers.base's
# fixed_words(msgid) for a calendar's hint or notice that no setting changes.
KEYWORDS = {"words": (1,), "marked": (1,), "fixed_words": (1,)}


def extracted_catalog() -> Catalog:
    """Every sentence the sources mark for translation, with where it is used."""
    # A fixed date and header: the template changes only when a sentence does.
    catalog = Catalog(
        project="calendar-links",
        version="",
        header_comment="# The sentences calendar-links shows, in English: the template of every .po file here.",
        creation_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
        fuzzy=False,
    )
    for filename, line, message, comments, context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(message, locations=[(filename, line)], auto_comments=comments, context=context)
    return catalog


def po_files() -> list[Path]:
    """The translations, one .po file per language, by language code."""
    return sorted(TRANSLATIONS.glob("*.po"))


def read_catalog(path: Path) -> Catalog:
    """A .po file as Babel reads it."""
    with path.open("rb") as file:
        return read_po(file, locale=path.stem)


def compiled(catalog: Catalog) -> bytes:
    """The catalog as a gettext .mo file; fuzzy translations are left out (English shows instead)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compiled_catalogs() -> dict[str, bytes]:
    """Each language's compiled catalog, by its path inside the app archive."""
    return {f"calendar_links_core/translations/{path.stem}.mo": compiled(read_catalog(path)) for path in po_files()}


def _write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, ignore_obsolete=True)
    path.write_bytes(buffer.getvalue())


def main() -> None:
    template = extracted_catalog()
    _write(TEMPLATE, template)
    for path in po_files():
        catalog = read_catalog(path)
        catalog.update(template, no_fuzzy_matching=False)
        _write(path, catalog)
    print(f"{len(template)} sentences; updated {', '.join(path.stem for path in po_files())}")


if __name__ == "__main__":
    main()
