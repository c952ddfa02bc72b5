// The page-wide DOM chores of calendar-links' shell, one call per batch of fields.
//
// Each call from Python into the page costs microseconds, and a record page can hold
// thousands of fields, so the loops that touch every field or every button group run here
// instead. Nothing is decided here: which calendars, and what the buttons say, come from
// Python (py/page_render.py); this only reads attributes and moves markup. Python sees this
// module as `calendar_links_dom` (registered by calendar-links-runtime.mjs).
//
// Lists cross over as JS arrays that Python converts in one call (to_py/to_js), not as JSON
// text: a host page may have replaced JSON.parse or given arrays a toJSON (Prototype.js did).

const GROUP_CLASS = "calendar-links";
const FIELD_ATTRIBUTE = "data-calendar-field";

// The platform's own DOM methods and getters, taken from the prototypes when this module
// loads. A host page can shadow the same names: a form control named "closest" is
// form.closest, and <form name="documentElement"> is document.documentElement (forms and the
// document let named elements override their built-in properties, HTML's
// [LegacyOverrideBuiltIns]). Everything that touches the host's elements or the document
// goes through these, from here and from Python.
// (tools/make_snapshot.mjs loads this module in Node, where there is no DOM to capture.)
const { apply } = Reflect;
const { isPrototypeOf } = Object.prototype;
const methodOf = (type, name) => {
  const method = type?.prototype[name];
  return (target, ...args) => apply(method, target, args);
};
const propertyOf = (type, name) => {
  const get = type && Object.getOwnPropertyDescriptor(type.prototype, name).get;
  return (target) => apply(get, target, []);
};
const { Document, Element, EventTarget, Node } = globalThis;
const hostDocument = globalThis.document;

export const getAttribute = methodOf(Element, "getAttribute");
export const hasAttribute = methodOf(Element, "hasAttribute");
export const setAttribute = methodOf(Element, "setAttribute");
export const closest = methodOf(Element, "closest");
export const matches = methodOf(Element, "matches");
export const querySelector = methodOf(Element, "querySelector");
export const insertAfter = methodOf(Element, "after");
export const parentElement = propertyOf(Node, "parentElement");
const nodeType = propertyOf(Node, "nodeType");
export const textContent = propertyOf(Node, "textContent");
const isConnected = propertyOf(Node, "isConnected");
export const nextElementSibling = propertyOf(Element, "nextElementSibling");
export const previousElementSibling = propertyOf(Element, "previousElementSibling");
const elementQuerySelectorAll = methodOf(Element, "querySelectorAll");
const documentQuerySelectorAll = methodOf(Document, "querySelectorAll");
const arrayFrom = Array.from;
const documentCreateElement = methodOf(Document, "createElement");
const documentRoot = propertyOf(Document, "documentElement");
const documentBody = propertyOf(Document, "body");
const addListener = methodOf(EventTarget, "addEventListener");

// The document's parts, whatever its named elements are called.
export const pageRoot = () => documentRoot(hostDocument);
export const pageBody = () => documentBody(hostDocument);
export const allOnPage = (selector) => documentQuerySelectorAll(hostDocument, selector);
export const createElement = (tag) => documentCreateElement(hostDocument, tag);
export const listenOnPage = (type, listener) => addListener(hostDocument, type, listener);

// Whether an event target is an element (text nodes, the document and windows aren't).
export const isElement = (target) => apply(isPrototypeOf, Node.prototype, [target]) && nodeType(target) === 1;

function keyOf(field) {
  return getAttribute(field, FIELD_ATTRIBUTE) ?? "";
}

function groupAfter(field) {
  const sibling = nextElementSibling(field);
  return sibling !== null && sibling.classList.contains(GROUP_CLASS) ? sibling : null;
}

// Fields from..to-1 of `fields` that need a new button group, as [[index, key, label]]
// (label: data-field-label, or null). On the way, a group made for another key or other
// calendars is removed; fields no longer on the page are skipped. With no calendars enabled
// (providers ""), every group goes and none is wanted.
export function fieldsNeedingGroups(fields, from, to, providers) {
  const wanted = [];
  for (let index = from; index < to; index += 1) {
    const field = fields[index];
    if (!isConnected(field)) continue;
    const key = keyOf(field);
    const group = groupAfter(field);
    if (group !== null) {
      if (group.getAttribute("data-calendar-for") === key
          && group.getAttribute("data-calendar-providers") === providers) continue;
      group.remove();
    }
    if (providers) wanted.push([index, key, getAttribute(field, "data-field-label")]);
  }
  return wanted;
}

// Put a copy of `template` right after each planned field. plan:
// [[index, key, [aria-label of each button, in document order]]]. A group with a menu gets
// its own menu id, which its trigger points at.
let menuCount = 0;

export function placeGroups(fields, template, plan) {
  for (const [index, key, labels] of plan) {
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
    insertAfter(fields[index], group);
  }
}

function removeIfOrphan(group, fieldSelector) {
  const field = group.previousElementSibling;
  if (field === null || !matches(field, fieldSelector) || keyOf(field) !== group.getAttribute("data-calendar-for")) {
    group.remove();
  }
}

// Remove every button group whose field went away or changed its key.
export function removeOrphanGroups(fieldSelector) {
  for (const group of allOnPage(`.${GROUP_CLASS}`)) removeIfOrphan(group, fieldSelector);
}

// Whether this is the first claim on the element in the current task: a script that fires
// fifty clicks at once gets one tab or file (py/click_guard.py).
const claimedThisTask = new WeakSet();

export function claimForThisTask(element) {
  if (claimedThisTask.has(element)) return false;
  claimedThisTask.add(element);
  setTimeout(() => claimedThisTask.delete(element), 0);
  return true;
}

// Every field on the page, in document order, as an array.
export const allFields = (fieldSelector) => arrayFrom(allOnPage(fieldSelector));

// The fields the host page changed since the last pass over them, gathered from the
// observer's records as they come: a page that adds and removes thousands of fields then
// costs work for those fields only. Groups left behind by a removed field go at once.
const changedFields = new Set();

export function noteMutations(records, fieldSelector) {
  const fieldsIn = (node) => {
    if (nodeType(node) !== 1) return;
    if (matches(node, fieldSelector)) changedFields.add(node);
    for (const field of elementQuerySelectorAll(node, fieldSelector)) changedFields.add(field);
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
      if (record.attributeName === FIELD_ATTRIBUTE) maybeOrphans.push(nextElementSibling(record.target));
    } else {
      if (record.type === "childList") {
        for (const node of record.addedNodes) fieldsIn(node);
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

// The changed fields still on the page, as an array; forgotten here.
export function takeChangedFields() {
  const fields = arrayFrom(changedFields).filter(isConnected);
  changedFields.clear();
  return fields;
}
