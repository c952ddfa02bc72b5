// The page-wide DOM chores of calendar-links' shell, one call per batch of fields.
//
// Each call from Python into the page costs microseconds, and a record page can hold
// thousands of fields, so the loops that touch every field or every button group run here
// instead. Nothing is decided here: which calendars, and what the buttons say, come from
// Python (py/page_render.py); this reads attributes and moves markup, and applies the page
// contract's fixed rule for automatic fields. Python sees this
// module as `calendar_links_dom` (registered by calendar-links-runtime.mjs).
//
// Lists cross over as JSON text: one string each way instead of a proxy per item.

const GROUP_CLASS = "calendar-links";
const FIELD_ATTRIBUTE = "data-calendar-field";
const RECORD_SELECTOR = "[data-calendar-record]";
// What frameworks attach right after an input and must stay beside it: Django admin's
// "Today | calendar" and "Now | clock" shortcuts. A group goes after them, never between.
const ATTACHED_WIDGETS = ".datetimeshortcuts";

function keyOf(field) {
  return field.getAttribute(FIELD_ATTRIBUTE) ?? "";
}

// The last element that belongs with the field: the field, or the widgets attached to it.
function lastAttached(field) {
  let last = field;
  while (last.nextElementSibling !== null && last.nextElementSibling.matches(ATTACHED_WIDGETS)) {
    last = last.nextElementSibling;
  }
  return last;
}

export function groupAfter(field) {
  const sibling = lastAttached(field).nextElementSibling;
  return sibling !== null && sibling.classList.contains(GROUP_CLASS) ? sibling : null;
}

// The field a group belongs to: the element before it and its attached widgets, or null.
export function fieldBefore(group) {
  let field = group.previousElementSibling;
  while (field !== null && field.matches(ATTACHED_WIDGETS)) field = field.previousElementSibling;
  return field;
}

// Fields from..to-1 of `fields` that need a new button group, as JSON [[index, key, label]]
// (label: data-field-label, or null). On the way, a group made for another key or other
// calendars is removed; fields no longer on the page are skipped. With no calendars enabled
// (providers ""), every group goes and none is wanted.
export function fieldsNeedingGroups(fields, from, to, providers) {
  const wanted = [];
  for (let index = from; index < to; index += 1) {
    const field = fields[index];
    if (!field.isConnected) continue;
    const key = keyOf(field);
    const group = groupAfter(field);
    if (group !== null) {
      if (group.getAttribute("data-calendar-for") === key
          && group.getAttribute("data-calendar-providers") === providers) continue;
      group.remove();
    }
    if (providers) wanted.push([index, key, field.getAttribute("data-field-label")]);
  }
  return JSON.stringify(wanted);
}

// Put a copy of `template` right after each planned field. plan: JSON
// [[index, key, [aria-label of each button, in document order]]]. A group with a menu gets
// its own menu id, which its trigger points at.
let menuCount = 0;

export function placeGroups(fields, template, plan) {
  for (const [index, key, labels] of JSON.parse(plan)) {
    const group = template.cloneNode(true);
    group.setAttribute("data-calendar-for", key);
    const buttons = group.querySelectorAll("button");
    labels.forEach((label, position) => buttons[position].setAttribute("aria-label", label));
    const menu = group.querySelector("[role=menu]");
    if (menu !== null) {
      menuCount += 1;
      menu.id = `calendar-links-menu-${menuCount}`;
      group.querySelector("[data-calendar-menu]").setAttribute("aria-controls", menu.id);
    }
    lastAttached(fields[index]).after(group);
  }
}

// Remove every button group whose field went away or changed its key.
export function removeOrphanGroups(fieldSelector) {
  for (const group of document.querySelectorAll(`.${GROUP_CLASS}`)) {
    const field = fieldBefore(group);
    if (field === null || !field.matches(fieldSelector) || keyOf(field) !== group.getAttribute("data-calendar-for")) {
      group.remove();
    }
  }
}

// The date words of one language, from the browser's own locale data, as JSON for
// py/date_names.py: the resolved locale, its date order ("DMY"…), for each month (January
// first) and weekday (Monday first) every spelling Intl uses, standalone and inside a date
// ("Dez", "Dez.", "Dezember"), the words between a date's parts (" um ", " de ") and the
// morning and afternoon marks. "" for the browser's own language; "null" when the tag is
// not a language the browser accepts.
export function dateLanguage(tag) {
  let locale;
  try {
    locale = new Intl.DateTimeFormat(tag || undefined).resolvedOptions().locale;
  } catch {
    return "null";
  }
  const inUtc = (options) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
  const partsOf = (options, moment, type) =>
    inUtc(options).formatToParts(moment).filter((part) => part.type === type).map((part) => part.value);
  const letters = { year: "Y", month: "M", day: "D" };
  const order = inUtc({})
    .formatToParts(new Date(Date.UTC(2026, 11, 1)))
    .map((part) => letters[part.type] ?? "")
    .join("");
  const months = [];
  for (let month = 0; month < 12; month += 1) {
    const moment = new Date(Date.UTC(2026, month, 15));
    months.push([
      ...partsOf({ month: "long" }, moment, "month"),
      ...partsOf({ month: "short" }, moment, "month"),
      ...partsOf({ day: "numeric", month: "long", year: "numeric" }, moment, "month"),
      ...partsOf({ day: "numeric", month: "short", year: "numeric" }, moment, "month"),
    ]);
  }
  const weekdays = [];
  for (let day = 0; day < 7; day += 1) {
    // 1 June 2026 is a Monday.
    const moment = new Date(Date.UTC(2026, 5, 1 + day));
    weekdays.push([
      ...partsOf({ weekday: "long" }, moment, "weekday"),
      ...partsOf({ weekday: "short" }, moment, "weekday"),
      ...partsOf({ dateStyle: "full" }, moment, "weekday"),
    ]);
  }
  const sample = new Date(Date.UTC(2026, 11, 1, 15, 0));
  const words = [
    ...partsOf({ dateStyle: "full", timeStyle: "short" }, sample, "literal"),
    ...partsOf({ dateStyle: "long", timeStyle: "short" }, sample, "literal"),
    ...partsOf({ dateStyle: "medium", timeStyle: "short" }, sample, "literal"),
  ];
  const dayPeriods = [3, 15].map((hour) =>
    partsOf({ hour: "numeric", hour12: true }, new Date(Date.UTC(2026, 11, 1, hour)), "dayPeriod"));
  return JSON.stringify({ locale, order, months, weekdays, words, dayPeriods });
}

// Automatic fields (the page contract's "Automatic fields"): in a record with
// data-calendar-auto, every date input, datetime-local input and <time datetime> that is
// not in a nested record or inside a field becomes a field, marked with the same
// attributes a page writes by hand (and data-calendar-auto-field, so they can be taken
// back when the record stops asking). KEY: name, else id; label: its <label>, else
// aria-label; "date" for type=date and a <time> holding a date only.
const AUTO_MARK = "data-calendar-auto-field";
const AUTO_CANDIDATES = "input[type=date], input[type=datetime-local], time[datetime]";
const DATE_ONLY = /^\s*[0-9]{4,}-[0-9]{2}-[0-9]{2}\s*$/;

function autoFieldOf(element) {
  const record = element.closest(RECORD_SELECTOR);
  if (record === null || !record.hasAttribute("data-calendar-auto")) return null;
  const outer = element.parentElement?.closest(`[${FIELD_ATTRIBUTE}]`);
  if (outer && record.contains(outer)) return null;
  const key = element.getAttribute("name") || element.id;
  if (!key) return null;
  const isDate = element.localName === "time"
    ? DATE_ONLY.test(element.getAttribute("datetime") ?? "")
    : element.type === "date";
  const labelText = (element.labels?.[0]?.textContent ?? "").trim().replace(/\s*[:：]$/, "");
  return { key, type: isDate ? "date" : "datetime", label: labelText || element.getAttribute("aria-label") || "" };
}

function setAttributeIfChanged(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

export function markAutoFields() {
  for (const element of document.querySelectorAll(`[${AUTO_MARK}]`)) {
    if (autoFieldOf(element) === null) {
      for (const name of [AUTO_MARK, FIELD_ATTRIBUTE, "data-field-type", "data-field-label"]) element.removeAttribute(name);
    }
  }
  for (const record of document.querySelectorAll(`${RECORD_SELECTOR}[data-calendar-auto]`)) {
    for (const element of record.querySelectorAll(AUTO_CANDIDATES)) {
      if (element.hasAttribute(FIELD_ATTRIBUTE) && !element.hasAttribute(AUTO_MARK)) continue;
      const auto = autoFieldOf(element);
      if (auto === null) continue;
      setAttributeIfChanged(element, AUTO_MARK, "");
      setAttributeIfChanged(element, FIELD_ATTRIBUTE, auto.key);
      setAttributeIfChanged(element, "data-field-type", auto.type);
      if (auto.label) setAttributeIfChanged(element, "data-field-label", auto.label);
      else element.removeAttribute("data-field-label");
    }
  }
}
