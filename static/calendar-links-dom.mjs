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

function keyOf(field) {
  return field.getAttribute(FIELD_ATTRIBUTE) ?? "";
}

function groupAfter(field) {
  const sibling = field.nextElementSibling;
  return sibling !== null && sibling.classList.contains(GROUP_CLASS) ? sibling : null;
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
