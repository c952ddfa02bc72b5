// What the host page changed, read from the MutationObserver's records: the fields it added,
// changed or moved join the changed fields, and groups left behind by a removed field go at
// once. Also the automatic fields (the page contract's "Automatic fields"), marked here with
// the attributes a page writes by hand.
import { changedFields } from "./calendar-links-changed-fields.mjs";
import { GROUP_CLASS, groupAfter, lastAttached, removeIfOrphan } from "./calendar-links-groups.mjs";
import {
  closest, elementQuerySelectorAll, getAttribute, hasAttribute, matches, nextElementSibling, nodeType,
  parentElement, setAttribute, shadowRootOf,
} from "./calendar-links-platform.mjs";
import { FIELD_ATTRIBUTE, RECORD_SELECTOR } from "./calendar-links-records.mjs";
import {
  allInPage, allInside, anyShadowRoots, closestAcross, forEachInRootsInside, parentAcross, takeInRoot,
} from "./calendar-links-shadow-roots.mjs";

export function noteMutations(records, fieldSelector) {
  const fieldsIn = (node) => {
    if (nodeType(node) !== 1) return;
    if (matches(node, fieldSelector)) changedFields.add(node);
    for (const field of elementQuerySelectorAll(node, fieldSelector)) changedFields.add(field);
    // Fields in the components inside it, which inherit from it too.
    if (anyShadowRoots()) forEachInRootsInside(node, fieldSelector, (field) => changedFields.add(field));
  };
  const fieldAround = (node) => {
    const element = nodeType(node) === 1 ? node : parentElement(node);
    const field = element === null ? null : closest(element, fieldSelector);
    if (field !== null) changedFields.add(field);
  };
  const maybeOrphans = [];
  for (const record of records) {
    if (record.type === "attributes") {
      // On a record, or any element a field inherits from: every field inside it.
      fieldsIn(record.target);
      fieldAround(record.target);
      if (record.attributeName === FIELD_ATTRIBUTE) maybeOrphans.push(nextElementSibling(lastAttached(record.target)));
    } else {
      if (record.type === "childList") {
        for (const node of record.addedNodes) {
          fieldsIn(node);
          // A component made before this module loaded, put on the page now.
          const root = nodeType(node) === 1 ? shadowRootOf(node) : null;
          if (root !== null) takeInRoot(root, fieldSelector);
        }
        // A field taken out (or something put between it and its group) leaves the group
        // right after the change.
        maybeOrphans.push(record.nextSibling);
      }
      fieldAround(record.target);
    }
  }
  for (const node of maybeOrphans) {
    if (node?.nodeType === 1 && node.classList.contains(GROUP_CLASS)) removeIfOrphan(node, fieldSelector);
  }
}

// Automatic fields: in a record with data-calendar-auto, every date input, datetime-local
// input and <time datetime> that is not in a nested record or inside a field becomes a field,
// marked with the same attributes a page writes by hand (and data-calendar-auto-field, so
// they can be taken back when the record stops asking). KEY: name, else id; label: its
// <label>, else aria-label; "date" for type=date and a <time> holding a date only.
const AUTO_MARK = "data-calendar-auto-field";
const AUTO_CANDIDATES = "input[type=date], input[type=datetime-local], time[datetime]";
const DATE_ONLY = /^\s*[0-9]{4,}-[0-9]{2}-[0-9]{2}\s*$/;

function autoFieldOf(element) {
  const record = closestAcross(element, RECORD_SELECTOR);
  if (record === null || !hasAttribute(record, "data-calendar-auto")) return null;
  // Inside a field of that record: the field's, not a field of its own.
  const parent = parentAcross(element);
  const around = parent === null ? null : closestAcross(parent, `${RECORD_SELECTOR}, [${FIELD_ATTRIBUTE}]`);
  if (around !== record) return null;
  const key = element.getAttribute("name") || element.id;
  if (!key) return null;
  const isDate = element.localName === "time"
    ? DATE_ONLY.test(element.getAttribute("datetime") ?? "")
    : element.type === "date";
  const labelText = (element.labels?.[0]?.textContent ?? "").trim().replace(/\s*[:：]$/, "");
  return { key, type: isDate ? "date" : "datetime", label: labelText || element.getAttribute("aria-label") || "" };
}

function setAttributeIfChanged(element, name, value) {
  if (getAttribute(element, name) === value) return false;
  setAttribute(element, name, value);
  return true;
}

// Marked while the observer is paused (our own change), so every element whose marks
// changed joins the changed fields here, and a group left without its field goes at once.
export function markAutoFields(fieldSelector) {
  for (const element of allInPage(`[${AUTO_MARK}]`)) {
    if (autoFieldOf(element) === null) {
      const group = groupAfter(element);
      for (const name of [AUTO_MARK, FIELD_ATTRIBUTE, "data-field-type", "data-field-label"]) element.removeAttribute(name);
      if (group !== null) removeIfOrphan(group, fieldSelector);
    }
  }
  for (const record of allInPage(`${RECORD_SELECTOR}[data-calendar-auto]`)) {
    for (const element of allInside(record, AUTO_CANDIDATES)) {
      if (hasAttribute(element, FIELD_ATTRIBUTE) && !hasAttribute(element, AUTO_MARK)) continue;
      const auto = autoFieldOf(element);
      if (auto === null) continue;
      let changed = setAttributeIfChanged(element, AUTO_MARK, "");
      changed = setAttributeIfChanged(element, FIELD_ATTRIBUTE, auto.key) || changed;
      changed = setAttributeIfChanged(element, "data-field-type", auto.type) || changed;
      if (auto.label) changed = setAttributeIfChanged(element, "data-field-label", auto.label) || changed;
      else if (hasAttribute(element, "data-field-label")) {
        element.removeAttribute("data-field-label");
        changed = true;
      }
      if (changed) changedFields.add(element);
    }
  }
}
