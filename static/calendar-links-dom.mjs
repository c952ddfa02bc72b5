// The page-wide DOM chores of calendar-links' shell, one call per batch of fields.
//
// Each call from Python into the page costs microseconds, and a record page can hold
// thousands of fields, so the loops that touch every field or every button group run here
// instead. Nothing is decided here: which calendars, and what the buttons say, come from
// Python (py/page_render.py); this only reads attributes and moves markup. Python sees this
// module as `calendar_links_dom` (registered by calendar-links-runtime.mjs).
//
// Lists cross over as JSON text: one string each way instead of a proxy per item.

const GROUP_CLASS = "calendar-links";
const FIELD_ATTRIBUTE = "data-calendar-field";
const LANG_ATTRIBUTE = "data-calendar-lang";
const NOTICE_CLASS = "calendar-links__message--notice";

function keyOf(field) {
  return field.getAttribute(FIELD_ATTRIBUTE) ?? "";
}

// The `lang` in force where an element stands, as the page wrote it ("" when none is).
function langOf(element) {
  return element.closest("[lang]")?.getAttribute("lang") ?? "";
}

function recordNameOf(field) {
  return field.parentElement?.closest("[data-calendar-record]")?.getAttribute("data-record-name") ?? null;
}

function groupAfter(field) {
  const sibling = field.nextElementSibling;
  return sibling !== null && sibling.classList.contains(GROUP_CLASS) ? sibling : null;
}

// Fields from..to-1 of `fields` that need a new button group, as JSON
// [[index, key, label, record name, lang]] (label: data-field-label, or null; record name:
// data-record-name of the field's record, or null; lang: as langOf). On the way, a group made
// for another key, other calendars or another language is removed; fields no longer on the
// page are skipped. With no calendars enabled (providers ""), every group goes and none is wanted.
export function fieldsNeedingGroups(fields, from, to, providers) {
  const wanted = [];
  for (let index = from; index < to; index += 1) {
    const field = fields[index];
    if (!field.isConnected) continue;
    const key = keyOf(field);
    const group = groupAfter(field);
    if (group !== null) {
      if (group.getAttribute("data-calendar-for") === key
          && group.getAttribute("data-calendar-providers") === providers
          && group.getAttribute(LANG_ATTRIBUTE) === langOf(field)) continue;
      group.remove();
    }
    if (providers) {
      wanted.push([index, key, field.getAttribute("data-field-label"), recordNameOf(field), langOf(field)]);
    }
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
    group.setAttribute(LANG_ATTRIBUTE, langOf(fields[index]));
    const buttons = group.querySelectorAll("button");
    labels.forEach((label, position) => buttons[position].setAttribute("aria-label", label));
    const menu = group.querySelector("[role=menu]");
    if (menu !== null) {
      menuCount += 1;
      menu.id = `calendar-links-menu-${menuCount}`;
      group.querySelector("[data-calendar-menu]").setAttribute("aria-controls", menu.id);
    }
    fields[index].after(group);
  }
}

// Remove every button group whose field went away or changed its key.
export function removeOrphanGroups(fieldSelector) {
  for (const group of document.querySelectorAll(`.${GROUP_CLASS}`)) {
    const field = group.previousElementSibling;
    if (field === null || !field.matches(fieldSelector) || keyOf(field) !== group.getAttribute("data-calendar-for")) {
      group.remove();
    }
  }
}

// The labels (data-field-label, else the key, as calendar_links.label_or_key reads them) that
// more than one field of `fields` shows, as JSON: their buttons name the record too, so every
// button on the page has a name of its own.
export function sharedLabels(fields) {
  const seen = new Set();
  const shared = new Set();
  for (const field of fields) {
    const label = field.getAttribute("data-field-label");
    const shown = label !== null && label.trim() !== "" ? label : keyOf(field);
    if (seen.has(shown)) shared.add(shown);
    seen.add(shown);
  }
  return JSON.stringify([...shared]);
}

// Clear a notice after `milliseconds`, unless something else was said there since. A timer
// here rather than in Python: no Python proxy per notice.
export function clearNoticeLater(message, text, milliseconds) {
  setTimeout(() => {
    if (message.classList.contains(NOTICE_CLASS) && message.textContent === text) message.textContent = "";
  }, milliseconds);
}

// Clear every group's notice except the one in `keep`'s group: the next click makes them stale.
export function clearNotices(root, keep) {
  for (const message of root.querySelectorAll(`.${NOTICE_CLASS}`)) {
    if (keep === null || keep === undefined || !message.parentElement.contains(keep)) message.textContent = "";
  }
}
