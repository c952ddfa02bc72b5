"""The template tags a project's own record pages use (calendar_links_django.templatetags)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from embed_snippets import embed_tags, readme_embed_page
from test_admin_integration import Elements

from hostcrm.models import Contact


def rendered(source: str, **context: object) -> str:
    return str(Template("{% load calendar_links %}" + source).render(Context(context)))


def test_the_head_tag_is_the_readmes_embed_with_the_requests_nonce() -> None:
    request = RequestFactory().get("/")
    assert rendered("{% calendar_links_head %}", request=request) == (
        '<link rel="stylesheet" href="/static/calendar-links/calendar-links.css">\n'
        '<script type="module" src="/static/calendar-links/calendar-links.mjs"></script>'
    )
    request.csp_nonce = 'n0nce"'  # django-csp's attribute; escaped like every value we write
    tags = Elements(rendered("{% calendar_links_head %}", request=request)).tags
    assert [(tag, attrs["nonce"]) for tag, attrs in tags] == [("link", 'n0nce"'), ("script", 'n0nce"')]


def test_the_head_tag_is_the_embed_the_readme_and_index_html_show() -> None:
    page = "http://crm.example/contacts/42"
    readme = embed_tags(readme_embed_page(), page)
    # The app serves the bundle under its one static prefix, calendar-links/ (STATIC_URL /static/).
    expected = [(tag, url.replace("/static/", "/static/calendar-links/", 1)) for tag, url in readme]
    assert embed_tags(rendered("{% calendar_links_head %}", request=RequestFactory().get("/")), page) == expected


def test_record_and_field_tags_write_the_contract_from_an_instance() -> None:
    contact = Contact(pk=7, name="Grace", birthday=date(1906, 12, 9), next_call=datetime(2026, 5, 1, 8, 0, tzinfo=ZoneInfo("UTC")))
    html = rendered(
        '<article {% calendar_links_record contact %}>{% calendar_links_field contact "birthday" %}'
        '{% calendar_links_field contact "next_call" %}</article>',
        contact=contact,
    )
    article, birthday, next_call = Elements(html).tags
    assert article[1] == {
        "data-calendar-record": "", "data-record-type": "Contact", "data-record-id": "hostcrm.contact:7",
        "data-record-name": 'Grace "<b>VIP</b>"', "data-record-url": "/admin/hostcrm/contact/7/change/",
        "data-time-zone": "Europe/Berlin",
    }  # fmt: skip
    assert birthday[1] == {
        "data-calendar-field": "birthday", "data-field-type": "date", "data-field-label": "Birthday", "data-value": "1906-12-09"
    }  # fmt: skip
    assert next_call[1]["data-value"] == "2026-05-01T10:00:00+02:00"
    assert "09.12.06" in html  # the host's format, shown; the machine value decides


def test_the_marketplace_panel_speaks_the_pages_language() -> None:
    with translation.override("de"):
        german = rendered("{% calendar_links_marketplace %}")
    english = rendered("{% calendar_links_marketplace %}")
    assert "<summary>Kalender-Schaltflächen</summary>" in german and 'lang="de"' in german
    assert "<summary>Calendar buttons</summary>" in english
    assert "data-calendar-marketplace" in german
