"""The Django app inside a host admin it does not control (tests/django_app/hostcrm).

Each test names the fault of the old per-class mixin it guards against: a positional `change`
passed to a host's get_form, a replaced host template, an unescaped SafeString, read-only
dates on change pages left unmarked, and read-only dates marked only as two-digit-year text.
"""

from __future__ import annotations

from datetime import date, datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

BERLIN = ZoneInfo("Europe/Berlin")


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, as a browser decodes them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def with_attribute(self, name: str, value: str | None = None) -> list[dict[str, str | None]]:
        return [attrs for _tag, attrs in self.tags if name in attrs and (value is None or attrs[name] == value)]


@pytest.fixture(scope="module")
def records() -> dict[str, int]:
    from hostcrm.models import Contact, Deal, Meeting, Note

    contact = Contact.objects.create(
        name="Ada", birthday=date(1990, 2, 10), next_call=datetime(2026, 3, 4, 9, 30, tzinfo=BERLIN)
    )
    # A fixed creation time (auto_now_add set it to now): a summer instant, +02:00 in Berlin.
    Contact.objects.filter(pk=contact.pk).update(created=datetime(2026, 7, 1, 6, 5, tzinfo=ZoneInfo("UTC")))
    deal = Deal.objects.create(contact=contact, title="Renewal", close_date=date(2026, 11, 5))
    meeting = Meeting.objects.create(topic="Kick-off", starts=datetime(2026, 1, 2, 12, 0, tzinfo=BERLIN))
    note = Note.objects.create(text="Plain", written=date(2026, 1, 3))
    return {"contact": contact.pk, "deal": deal.pk, "meeting": meeting.pk, "note": note.pk}


@pytest.fixture(scope="module")
def admin_client() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("admin", "admin@example.com", "pw"))
    return client


@pytest.fixture(scope="module")
def viewer_client() -> Client:
    viewer = User.objects.create_user("viewer", "viewer@example.com", "pw", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    client = Client()
    client.force_login(viewer)
    return client


def page(client: Client, url: str) -> Elements:
    response = client.get(url)
    assert response.status_code == 200, url
    return Elements(response.content.decode())


def test_host_bases_with_their_own_signatures_keep_working(admin_client: Client, records: dict[str, int]) -> None:
    # Old fault: super().get_form(request, obj, change) into get_form(self, request, obj=None, **kwargs): a 500.
    from hostcrm.admin import CALLS

    CALLS.clear()
    elements = page(admin_client, f"/admin/hostcrm/contact/{records['contact']}/change/")
    assert {"get_form", "get_fieldsets", "get_readonly_fields", "formfield_for_dbfield", "get_formset"} <= set(CALLS)
    assert elements.with_attribute("data-calendar-field", "birthday")
    assert page(admin_client, "/admin/hostcrm/contact/add/").with_attribute("data-calendar-field", "next_call")


@pytest.mark.parametrize(
    ("model", "marker", "field"),
    [("contact", "host-model-template", "birthday"), ("deal", "host-app-template", "close_date"),
     ("meeting", "host-custom-template", "starts")],
    ids=["admin/app/model/change_form.html", "admin/app/change_form.html", "change_form_template"],
)  # fmt: skip
def test_the_hosts_own_change_form_templates_still_render(
    admin_client: Client, records: dict[str, int], model: str, marker: str, field: str
) -> None:
    # Old fault: change_form_template set to ours, which extended admin/change_form.html.
    elements = page(admin_client, f"/admin/hostcrm/{model}/{records[model]}/change/")
    assert elements.with_attribute("id", marker)
    assert elements.with_attribute("data-calendar-field", field)
    modules = [attrs for tag, attrs in elements.tags if tag == "script" and attrs.get("type") == "module"]
    assert [attrs["src"] for attrs in modules] == ["/static/calendar-links/calendar-links.mjs"]
    assert elements.with_attribute("data-calendar-marketplace")


def test_every_attribute_is_escaped_a_safestring_included(admin_client: Client, records: dict[str, int]) -> None:
    # Old fault: flatatt trusts a SafeString, so the quote of a mark_safe __str__ broke out.
    response = admin_client.get(f"/admin/hostcrm/contact/{records['contact']}/change/")
    elements = Elements(response.content.decode())
    names = {attrs["data-record-name"] for attrs in elements.with_attribute("data-record-name")}
    assert names == {'Ada "<b>VIP</b>"', "Renewal"}
    # Nothing broke out into attributes of its own or into the page as markup.
    contract = {"class", "data-calendar-record", "data-record-type", "data-record-id", "data-record-name",
                "data-record-url", "data-time-zone"}  # fmt: skip
    assert all(set(attrs) <= contract for attrs in elements.with_attribute("data-calendar-record"))
    assert b'data-record-name="Ada &quot;&lt;b&gt;VIP&lt;/b&gt;&quot;"' in response.content


def test_read_only_dates_on_a_change_page_are_marked_with_the_stored_value(
    admin_client: Client, records: dict[str, int]
) -> None:
    # Old faults: read-only fields of a change page got no buttons; text was all they had.
    (created,) = page(admin_client, f"/admin/hostcrm/contact/{records['contact']}/change/").with_attribute(
        "data-calendar-field", "created"
    )
    assert created["data-field-type"] == "datetime"
    assert created["data-value"] == "2026-07-01T08:05:00+02:00"


def test_a_view_only_page_marks_every_date_with_an_iso_value_not_the_two_digit_year_text(
    viewer_client: Client, records: dict[str, int]
) -> None:
    # The host prints 10.02.90: only the machine value says which century.
    elements = page(viewer_client, f"/admin/hostcrm/contact/{records['contact']}/change/")
    values = {attrs["data-calendar-field"]: attrs.get("data-value") for attrs in elements.with_attribute("data-calendar-field")}
    assert values == {
        "birthday": "1990-02-10",
        "next_call": "2026-03-04T09:30:00+01:00",
        "created": "2026-07-01T08:05:00+02:00",
        "close_date": "2026-11-05",
    }
    assert "10.02.90" in viewer_client.get(f"/admin/hostcrm/contact/{records['contact']}/change/").content.decode()


def test_djangos_text_inputs_are_fields_without_per_field_work(admin_client: Client, records: dict[str, int]) -> None:
    elements = page(admin_client, f"/admin/hostcrm/contact/{records['contact']}/change/")
    (birthday,) = [attrs for tag, attrs in elements.tags if tag == "input" and attrs.get("name") == "birthday"]
    assert "vDateField" in (birthday["class"] or "")
    assert (birthday["data-calendar-field"], birthday["data-field-type"]) == ("birthday", "date")
    (split,) = elements.with_attribute("data-calendar-field", "next_call")
    assert split["data-field-type"] == "datetime"
    records_around = elements.with_attribute("data-calendar-record")
    assert {attrs.get("data-record-id") for attrs in records_around} == {
        f"hostcrm.contact:{records['contact']}", f"hostcrm.deal:{records['deal']}", None  # None: the empty extra row
    }
    assert {attrs["data-time-zone"] for attrs in records_around if "data-time-zone" in attrs} == {"Europe/Berlin"}


def test_a_model_admin_opts_out_with_calendar_fields(admin_client: Client, records: dict[str, int]) -> None:
    elements = page(admin_client, f"/admin/hostcrm/note/{records['note']}/change/")
    assert elements.with_attribute("data-calendar-field") == []
    assert elements.with_attribute("data-calendar-marketplace") == []


def test_the_per_class_mixin_chooses_its_fields(admin_client: Client, records: dict[str, int]) -> None:
    elements = page(admin_client, f"/chooser/hostcrm/contact/{records['contact']}/change/")
    assert [attrs["data-calendar-field"] for attrs in elements.with_attribute("data-calendar-field")] == ["birthday"]
    assert elements.with_attribute("id", "host-model-template")  # the host's template, still
