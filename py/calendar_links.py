"""calendar-links: add-to-calendar links and files for a date field on a CRM record page.

The public face of the pure core, `calendar_links_core`: plain snapshots of the page
(RecordAttributes, FieldAttributes, PageContext) become one validated, normalised EventDraft,
or a Problem to show beside the field; small builders turn a draft into a Google Calendar
template URL, an .ics file or an Outlook on the web compose link. Pure: the current time, the
browser's zone and the page URL are parameters, so the same input gives the same output.
The page's shell (`calendar_links_page`) and the entry (`calendar_links_app`) build on it.

Where each part lives in the core:
- snapshots.py: the page's raw attributes (RecordAttributes, FieldAttributes, PageContext);
- drafting.py: event_draft, from snapshots to an EventDraft or a Problem;
- draft.py and problems.py: the EventDraft value, the Problem that stands in for it;
- record_link.py: the record's link and the event's UID; text.py: text as outputs take it;
- providers/ics_file.py: the iCalendar writer; date_names.py: the browser's date order.
"""

from __future__ import annotations

from calendar_links_core.date_names import date_order_from_locale
from calendar_links_core.draft import REPEATS, SHOW_AS, EmptyField, EventDraft, event_when, recurrence_rule
from calendar_links_core.drafting import YEARLY_SERIES_FIRST_YEAR, event_draft, event_title
from calendar_links_core.errors import CalendarLinksError, InvalidValue
from calendar_links_core.problems import Problem
from calendar_links_core.providers.ics_file import (
    ICS_MEDIA_TYPE,
    ICS_PRODID,
    SEQUENCE_EPOCH,
    ics_cancellation,
    ics_document,
    ics_file_name,
    ics_sequence,
)
from calendar_links_core.record_link import UID_DOMAIN, event_uid, record_link, record_uri
from calendar_links_core.snapshots import (
    FIELD_TYPES,
    MAX_DURATION_MINUTES,
    VALUE_SOURCES,
    FieldAttributes,
    PageContext,
    RecordAttributes,
    field_label,
    label_or_key,
)
from calendar_links_core.text import visible_prefix

__all__ = [
    "FIELD_TYPES",
    "ICS_MEDIA_TYPE",
    "ICS_PRODID",
    "MAX_DURATION_MINUTES",
    "REPEATS",
    "SEQUENCE_EPOCH",
    "SHOW_AS",
    "UID_DOMAIN",
    "YEARLY_SERIES_FIRST_YEAR",
    "VALUE_SOURCES",
    "CalendarLinksError",
    "EmptyField",
    "EventDraft",
    "FieldAttributes",
    "InvalidValue",
    "PageContext",
    "Problem",
    "RecordAttributes",
    "date_order_from_locale",
    "event_draft",
    "event_title",
    "event_when",
    "event_uid",
    "field_label",
    "label_or_key",
    "ics_cancellation",
    "ics_document",
    "ics_file_name",
    "ics_sequence",
    "record_link",
    "record_uri",
    "recurrence_rule",
    "visible_prefix",
]
