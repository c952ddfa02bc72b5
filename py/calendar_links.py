"""calendar-links: add-to-calendar links and files for a date field on a CRM record page.

The public face of the pure core, `calendar_links_core`: plain snapshots of the page
(RecordAttributes, FieldAttributes, PageContext) become one validated, normalised EventDraft,
or a Problem to show beside the field; small builders turn a draft into a Google Calendar
template URL, an .ics file or an Outlook on the web compose link. Pure: the current time, the
browser's zone and the page URL are parameters, so the same input gives the same output.
The page's shell (`calendar_links_page`) and the entry (`calendar_links_app`) build on it.
"""

from __future__ import annotations

from calendar_links_core.events import (
    FIELD_TYPES,
    ICS_MEDIA_TYPE,
    ICS_PRODID,
    MAX_DURATION_MINUTES,
    REPEATS,
    SEQUENCE_EPOCH,
    SHOW_AS,
    UID_DOMAIN,
    VALUE_SOURCES,
    YEARLY_SERIES_FIRST_YEAR,
    EmptyField,
    EventDraft,
    FieldAttributes,
    InvalidValue,
    PageContext,
    Problem,
    RecordAttributes,
    date_order_from_locale,
    event_draft,
    event_title,
    event_uid,
    event_when,
    field_label,
    ics_cancellation,
    ics_document,
    ics_file_name,
    ics_sequence,
    label_or_key,
    record_link,
    record_uri,
    recurrence_rule,
    visible_prefix,
)

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
