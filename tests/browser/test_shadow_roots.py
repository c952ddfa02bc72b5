"""End-to-end: fields inside web components' open shadow roots, and fields in frames.

The pages build their components from <template>s (one small custom element that copies a
template into its shadow root), so each page holds exactly the markup of its case: a field
in a child component of a light-DOM record, one two components deep, one slotted into a
component, a record inside a component, and a closed shadow root. Playwright's CSS
locators pierce open shadow roots, as a person's eyes do.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from conftest import READY, STANDBY, PageWatch, enable_calendars
from playwright.sync_api import BrowserContext, Page, expect
from test_host_faults import EMBED, google_dates, host_page, open_host, serve

# Copies the template its data-template names into an open (or data-mode) shadow root.
COMPONENT = """
class TemplatedPart extends HTMLElement {
  connectedCallback() {
    // Not in the constructor: an element the parser makes has no attributes yet there.
    if (this.made) return;
    this.made = true;
    const root = this.attachShadow({ mode: this.dataset.mode || 'open' });
    root.append(document.getElementById(this.dataset.template).content.cloneNode(true));
  }
}
window.TemplatedPart = TemplatedPart;
customElements.define('crm-part', TemplatedPart);
"""
TEMPLATES = """
<template id="due"><label>Due <span data-calendar-field="due" data-field-type="datetime" data-field-label="Due"
  data-value="2026-12-01T15:00" data-end-field="done">1 Dec 2026, 15:00</span></label></template>
<template id="done"><span data-calendar-field="done" data-field-type="datetime" data-field-label="Done"
  data-value="2026-12-01T16:30">16:30</span></template>
<template id="wrapper"><div class="box"><crm-part data-template="done"></crm-part></div></template>
<template id="slots"><p>Kick-off: <slot name="date"></slot></p></template>
<template id="card"><section data-calendar-record data-record-id="R-2" data-record-name="Grace Hopper" lang="de">
  <crm-part data-template="birthday"></crm-part></section></template>
<template id="birthday"><span data-calendar-field="birthday" data-field-type="date" data-field-label="Geburtstag">9. Dezember 1906</span></template>
<template id="hidden"><span data-calendar-field="secret" data-field-type="date" data-value="2026-12-02">x</span></template>
<template id="dates"><label for="start">Start:</label> <input type="date" id="start" name="start" value="2026-12-08">
  <time id="review" datetime="2026-12-09T10:00" aria-label="Review">9 Dec</time></template>
<template id="call"><span data-calendar-field="call" data-field-type="date" data-field-label="Call">
  <input type="date" aria-label="Call"></span></template>
"""
PAGE = (
    TEMPLATES
    + '<div data-calendar-record data-record-id="R-1" data-record-name="Ada Lovelace" data-time-zone="Europe/Berlin">'
    '<crm-part data-template="due"></crm-part>'
    '<crm-part data-template="wrapper"></crm-part>'
    '<crm-part data-template="slots"><span slot="date" data-calendar-field="kickoff" data-field-type="date"'
    ' data-value="2026-11-20">20 Nov 2026</span></crm-part>'
    "</div>"
    '<crm-part data-template="card"></crm-part>'
    '<crm-part data-template="hidden" data-mode="closed"></crm-part>'
)
GROUP_OF = "[data-calendar-for='{}']"
GOOGLE_OF = "[data-calendar-for='{}'] [data-calendar-provider='google']"
# The element that has focus, inside shadow roots too.
DEEP_FOCUS = """() => { let focused = document.activeElement;
  while (focused && focused.shadowRoot && focused.shadowRoot.activeElement) focused = focused.shadowRoot.activeElement;
  return focused && focused.getAttribute('data-calendar-provider'); }"""


def component_page(body: str, head: str = "") -> str:
    return host_page(body, head=f"<script>{COMPONENT}</script>{head}")


def test_fields_in_open_shadow_roots_get_working_styled_buttons(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_host(context, page, base_url + "components.html", component_page(PAGE))
    for key in ("due", "done", "kickoff", "birthday"):
        expect(page.locator(GROUP_OF.format(key))).to_have_count(1)
    # The closed root keeps its field to itself; nothing else got a group.
    expect(page.locator(".calendar-links")).to_have_count(4)
    # Our stylesheet reaches into each root that holds a group.
    displays = [page.locator(GROUP_OF.format(key)).evaluate("(group) => getComputedStyle(group).display")
                for key in ("due", "done", "kickoff", "birthday")]  # fmt: skip
    assert displays == ["inline-flex"] * 4
    # The slotted field's group goes into the same slot, so it shows beside it.
    assert page.locator(GROUP_OF.format("kickoff")).get_attribute("slot") == "date"
    expect(page.locator(GROUP_OF.format("kickoff"))).to_be_visible()

    # The record and the zone come from the light-DOM record around the component, and the end
    # from a field two components away in the same record.
    dates = google_dates(context, watch, lambda: page.locator(GOOGLE_OF.format("due")).click())
    assert dates == ["20261201T140000Z/20261201T153000Z"]
    query = parse_qs(urlsplit(watch.provider_urls[-1]).query)
    assert query["ctz"] == ["Europe/Berlin"]
    assert "Ada Lovelace" in query["details"][0]
    # Said through the page's one live region.
    expect(page.locator(".calendar-links-announcer")).to_contain_text("Opened in Google Calendar")

    # A record inside a component, its language from there: a German date read, a German group.
    dates = google_dates(context, watch, lambda: page.locator(GOOGLE_OF.format("birthday")).click())
    assert dates == ["19061209/19061210"]
    assert "Grace Hopper" in parse_qs(urlsplit(watch.provider_urls[-1]).query)["details"][0]
    assert page.locator(GROUP_OF.format("birthday")).get_attribute("data-calendar-lang") == "de"

    # Keyboard: Tab moves between the buttons inside the root, Enter adds the event.
    page.locator(GOOGLE_OF.format("kickoff")).focus()
    page.keyboard.press("Tab")
    assert page.evaluate(DEEP_FOCUS) == "outlook"
    page.locator(GOOGLE_OF.format("done")).focus()
    assert page.evaluate(DEEP_FOCUS) == "google"
    dates = google_dates(context, watch, lambda: page.keyboard.press("Enter"))
    assert dates == ["20261201T153000Z/20261201T160000Z"]


def test_components_that_change_later_are_followed(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    body = (
        TEMPLATES
        + '<div data-calendar-record data-record-id="R-1" data-record-name="Ada Lovelace">'
        '<crm-part id="later" data-template="done"></crm-part>'
        # Defined only after the app started: its upgrade is the only sign of its root.
        '<late-part data-template="due"></late-part>'
        '<crm-part data-template="call"></crm-part>'
        "</div>"
    )
    open_host(context, page, base_url + "later.html", component_page(body))
    expect(page.locator(GROUP_OF.format("done"))).to_have_count(1)
    expect(page.locator(GROUP_OF.format("due"))).to_have_count(0)

    page.evaluate("customElements.define('late-part', class extends TemplatedPart {})")
    expect(page.locator(GROUP_OF.format("due"))).to_have_count(1)

    # The component adds a field to its root, changes one, removes one.
    page.evaluate("""() => {
      const root = document.getElementById('later').shadowRoot;
      root.append(document.getElementById('birthday').content.cloneNode(true));
      root.querySelector('[data-calendar-field=done]').setAttribute('data-value', '2026-12-05T09:00');
    }""")
    expect(page.locator(GROUP_OF.format("birthday"))).to_have_count(1)
    dates = google_dates(context, watch, lambda: page.locator(GOOGLE_OF.format("done")).click())
    assert dates == [dates[0]] and dates[0].startswith("20261205T")
    page.evaluate("document.getElementById('later').shadowRoot.querySelector('[data-calendar-field=done]').remove()")
    expect(page.locator(GROUP_OF.format("done"))).to_have_count(0)

    # A component made and inserted later, and one moved out and back in.
    page.evaluate("""() => {
      const part = document.createElement('crm-part');
      part.dataset.template = 'hidden';
      document.querySelector('[data-record-id="R-1"]').append(part);
      const moved = document.getElementById('later');
      moved.remove();
      setTimeout(() => document.body.append(moved), 50);
    }""")
    expect(page.locator(GROUP_OF.format("secret"))).to_have_count(1)
    page.evaluate("""() => new Promise((done) => setTimeout(() => {
      document.getElementById('later').shadowRoot.querySelector('[data-calendar-field=birthday]')
        .setAttribute('data-calendar-field', 'anniversary');
      done(); }, 200))""")
    expect(page.locator(GROUP_OF.format("anniversary"))).to_have_count(1)
    expect(page.locator(GROUP_OF.format("birthday"))).to_have_count(0)

    # A person types a date into an input inside a component: the buttons wake at once.
    call = page.locator(GROUP_OF.format("call") + " [data-calendar-provider='google']")
    expect(call).to_have_attribute("aria-disabled", "true")
    page.get_by_label("Call", exact=True).fill("2026-12-07")
    expect(call).not_to_have_attribute("aria-disabled", "true")
    assert google_dates(context, watch, lambda: call.click()) == ["20261207/20261208"]


def test_menus_and_automatic_fields_work_inside_components(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    enable_calendars(context, {"google": True, "outlook": True, "apple": True})
    body = (
        TEMPLATES
        + '<div data-calendar-record data-calendar-auto data-record-id="R-3" data-record-name="Alan Turing">'
        '<crm-part data-template="dates"></crm-part></div>'
    )
    open_host(context, page, base_url + "menus.html", component_page(body))
    # The record's automatic fields include the date inputs of the component inside it.
    trigger = page.locator(GROUP_OF.format("start") + " [data-calendar-menu]")
    expect(trigger).to_have_attribute("aria-label", "Add to calendar: Start")
    expect(page.locator(GROUP_OF.format("review"))).to_have_count(1)
    expect(page.locator(".calendar-links")).to_have_count(2)
    # The menu-button pattern, inside the shadow root: keys reach it, Escape returns focus.
    trigger.focus()
    page.keyboard.press("ArrowDown")
    expect(trigger).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(DEEP_FOCUS) == "outlook"
    page.keyboard.press("Escape")
    expect(trigger).to_have_attribute("aria-expanded", "false")
    trigger.click()
    dates = google_dates(context, watch, lambda: page.locator(GOOGLE_OF.format("start")).click())
    assert dates == ["20261208/20261209"]
    expect(trigger).to_have_attribute("aria-expanded", "false")


def test_a_frozen_element_prototype_leaves_components_followed_when_inserted(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # attachShadow can't be wrapped: the roots at start are found by the walk, a component
    # put on the page later by its insertion.
    context.add_init_script("Object.freeze(Element.prototype);")
    body = TEMPLATES + '<div data-calendar-record data-record-id="R-1"><crm-part data-template="done"></crm-part></div>'
    open_host(context, page, base_url + "frozen.html", component_page(body))
    expect(page.locator(GROUP_OF.format("done"))).to_have_count(1)
    page.evaluate("""() => {
      const part = document.createElement('crm-part');
      part.dataset.template = 'hidden';
      document.querySelector('[data-record-id="R-1"]').append(part);
    }""")
    expect(page.locator(GROUP_OF.format("secret"))).to_have_count(1)


def test_shadow_root_groups_are_styled_under_a_nonce_policy(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    nonce = "c2hhZG93LXJvb3Rz"
    policy = (
        f"default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval';"
        f" style-src 'nonce-{nonce}'; object-src 'none'; base-uri 'none'"
    )
    html = component_page(PAGE).replace("<script>", f'<script nonce="{nonce}">').replace(
        EMBED,
        f'<link rel="stylesheet" nonce="{nonce}" href="/static/calendar-links.css">'
        f'<script type="module" nonce="{nonce}" src="/static/calendar-links.mjs"></script>',
    )
    open_host(context, page, base_url + "nonce.html", html, headers={"Content-Security-Policy": policy})
    group = page.locator(GROUP_OF.format("done"))
    expect(group).to_have_count(1)
    expect(group).to_have_css("display", "inline-flex")


def test_fields_in_same_origin_frames_are_left_alone(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # A frame is a page of its own (README): calendar-links follows the page it is embedded in.
    field = '<span data-calendar-field="inframe" data-field-type="date" data-value="2026-12-04">4 Dec</span>'
    body = (
        '<div data-calendar-record data-record-id="R-1" data-record-name="Ada Lovelace">'
        '<span data-calendar-field="due" data-field-type="date" data-value="2026-12-01">1 Dec 2026</span></div>'
        f"<iframe id=srcdoc srcdoc='{field}'></iframe><iframe id=blank></iframe>"
    )
    context.add_init_script(
        "if (location.pathname.endsWith('frames.html')) addEventListener('DOMContentLoaded', () =>"
        f" document.getElementById('blank').contentDocument.body.innerHTML = {field!r});"
    )
    open_host(context, page, base_url + "frames.html", host_page(body))
    for frame in ("#srcdoc", "#blank"):
        inner = page.frame_locator(frame)
        expect(inner.locator("[data-calendar-field]")).to_have_count(1)
        expect(inner.locator(".calendar-links")).to_have_count(0)
    page.wait_for_selector(READY, state="attached")
    assert google_dates(context, watch, lambda: page.locator(GOOGLE_OF.format("due")).click()) == ["20261201/20261202"]


MARKET_TEMPLATES = """
<template id="market"><h2>Apps</h2><div data-calendar-marketplace></div></template>
<template id="hint"><p data-calendar-hint="/apps"></p></template>
"""
MARKET_RECORD = (
    '<div data-calendar-record data-record-id="R-1" data-record-name="Ada Lovelace">'
    '<span data-calendar-field="due" data-field-type="date" data-value="2026-12-01">1 Dec 2026</span></div>'
)


def test_a_marketplace_and_a_hint_inside_components_are_rendered_and_work(page: Page, base_url: str) -> None:
    # No calendar on: the panel in a component is what makes the page start at all.
    body = MARKET_TEMPLATES + '<crm-part data-template="hint"></crm-part>' + MARKET_RECORD
    body += '<crm-part data-template="market"></crm-part>'
    serve(page, base_url + "apps.html", component_page(body))
    page.goto(base_url + "apps.html")
    page.wait_for_selector(READY, state="attached")
    hint = page.locator(".calendar-links-hint")
    expect(hint).to_have_count(1)
    # Our stylesheet reaches the panel's root.
    assert page.locator(".calendar-links-marketplace").evaluate("(cards) => getComputedStyle(cards).display") == "grid"
    page.get_by_role("switch", name="Use Google Calendar").click()
    expect(page.get_by_role("switch", name="Use Google Calendar")).to_have_attribute("aria-checked", "true")
    expect(page.locator(GOOGLE_OF.format("due"))).to_have_count(1)
    expect(hint).to_have_count(0)
    # "change" never leaves a shadow root: the setting is saved all the same.
    page.locator('[data-calendar-setting="duration"]').select_option("60")
    page.wait_for_function("() => localStorage.getItem('calendar-links:default-duration-minutes') === '60'")
    # What someone is typing in the panel's account field survives a change of the settings
    # meanwhile (the document's focus is then the component, not the field).
    account = page.locator('[data-calendar-setting="google-account"]')
    account.fill("ada@exam")
    page.evaluate("() => dispatchEvent(new Event('calendar-links:settings-changed'))")
    expect(account).to_have_value("ada@exam")


def test_a_component_with_a_marketplace_added_while_standing_by_starts_it(page: Page, base_url: str) -> None:
    serve(page, base_url + "apps.html", component_page(MARKET_TEMPLATES + MARKET_RECORD))
    page.goto(base_url + "apps.html")
    page.wait_for_selector(STANDBY, state="attached")
    page.evaluate(
        """() => { const part = document.createElement('crm-part');
        part.dataset.template = 'market'; document.body.append(part); }"""
    )
    page.wait_for_selector(READY, state="attached")
    expect(page.get_by_role("switch", name="Use Google Calendar")).to_be_visible()
