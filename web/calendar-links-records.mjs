// Fields and the records around them, read across shadow roots: a field's key, label, record,
// language and inherited settings, and the field of the same record that another names.
import {
  allInPage, allInside, closestAcross, parentAcross, shadowRootAround,
} from "./calendar-links-shadow-roots.mjs";
import {
  allOnPage, arrayFrom, composedPath, fragmentQuerySelectorAll, getAttribute, isA,
} from "./calendar-links-platform.mjs";

export const FIELD_ATTRIBUTE = "data-calendar-field";
export const RECORD_SELECTOR = "[data-calendar-record]";
const { Event } = globalThis;

// The KEY a field was given (data-calendar-field), "" when none.
export function keyOf(field) {
  return getAttribute(field, FIELD_ATTRIBUTE) ?? "";
}

// The values of `names` on an element, in their order: a name listed in `inherited` from the
// nearest element that holds a non-blank one (the element first, across shadow roots), the
// others from the element itself; null where none. One call where reading them one by one
// took one or two a name.
export function settingsOf(element, names, inherited) {
  const values = [];
  for (let index = 0; index < names.length; index++) {
    const name = names[index];
    const holder = inherited[index] ? closestAcross(element, `[${name}]:not([${name}=""])`) : element;
    values[index] = holder === null ? null : getAttribute(holder, name);
  }
  return values;
}

// What an event happened on, also inside a shadow root (event.target is then the host);
// null for anything that isn't an event.
export const eventTarget = (event) =>
  isA(Event, event) ? composedPath(event)[0] ?? event.target : null;

// The field's nearest record, across shadow roots, or null.
export function recordOf(field) {
  const parent = parentAcross(field);
  return parent === null ? null : closestAcross(parent, RECORD_SELECTOR);
}

// The field of the same record as field whose KEY is key (data-end-field), or null.
export function fieldOfRecord(field, key, fieldSelector) {
  const record = recordOf(field);
  const candidates = record === null ? allInPage(fieldSelector) : allInside(record, fieldSelector);
  return candidates.find((candidate) => keyOf(candidate) === key && recordOf(candidate) === record) ?? null;
}

// Whether element's id is its own in its tree (the document, or its shadow root): a host
// that copies a row with its buttons copies the ids too.
export function ownsId(element) {
  const id = element.id;
  if (!id) return false;
  const root = shadowRootAround(element);
  // Our own ids (calendar-links-message-N): nothing in them to escape.
  const holders = root === null ? allOnPage(`#${id}`) : fragmentQuerySelectorAll(root, `#${id}`);
  return holders.length > 0 && holders[0] === element;
}

// The `lang` in force where an element stands, as the page wrote it ("" when none is).
export function langOf(element) {
  const holder = closestAcross(element, "[lang]");
  return holder === null ? "" : getAttribute(holder, "lang") ?? "";
}

// The name of the field's record (data-record-name), or null.
export function recordNameOf(field) {
  const record = recordOf(field);
  return record === null ? null : getAttribute(record, "data-record-name");
}

// Every field on the page, as an array: the document's in document order, then each open
// shadow root's.
export const allFields = (fieldSelector) => allInPage(fieldSelector);

// The labels (data-field-label, else the key, as calendar_links.label_or_key reads them) that
// more than one field of `fields` shows: their buttons name the record too, so every button on
// the page has a name of its own.
export function sharedLabels(fields) {
  const seen = new Set();
  const shared = new Set();
  for (const field of fields) {
    const label = getAttribute(field, "data-field-label");
    const shown = label !== null && label.trim() !== "" ? label : keyOf(field);
    if (seen.has(shown)) shared.add(shown);
    seen.add(shown);
  }
  return arrayFrom(shared);
}
