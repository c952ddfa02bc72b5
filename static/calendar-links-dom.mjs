// The page-wide DOM chores of calendar-links' shell, one call per batch of fields.
//
// Each call from Python into the page costs microseconds, and a record page can hold
// thousands of fields, so the loops that touch every field or every button group run here
// instead. Nothing is decided here: which calendars, and what the buttons say, come from
// Python (py/calendar_links_page/page_render.py); this reads attributes and moves markup, and applies the page
// contract's fixed rule for automatic fields. Python sees this module as `calendar_links_dom`
// (registered by calendar-links-runtime.mjs).
//
// Lists cross over as JS arrays that Python converts in one call (to_py/to_js), not as JSON
// text: a host page may have replaced JSON.parse or given arrays a toJSON (Prototype.js did).

const GROUP_CLASS = "calendar-links";
const FIELD_ATTRIBUTE = "data-calendar-field";
const LANG_ATTRIBUTE = "data-calendar-lang";
const NOTICE_CLASS = "calendar-links__message--notice";
const RECORD_SELECTOR = "[data-calendar-record]";
// What frameworks attach right after an input and must stay beside it: Django admin's
// "Today | calendar" and "Now | clock" shortcuts. A group goes after them, never between.
const ATTACHED_WIDGETS = ".datetimeshortcuts";

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
const { Document, DocumentFragment, Element, Event, EventTarget, Node, ShadowRoot } = globalThis;
const hostDocument = globalThis.document;

export const getAttribute = methodOf(Element, "getAttribute");
export const hasAttribute = methodOf(Element, "hasAttribute");
export const setAttribute = methodOf(Element, "setAttribute");
export const removeAttribute = methodOf(Element, "removeAttribute");
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
export const elementQuerySelectorAll = methodOf(Element, "querySelectorAll");
const documentQuerySelectorAll = methodOf(Document, "querySelectorAll");
const arrayFrom = Array.from;
const documentCreateElement = methodOf(Document, "createElement");
const documentRoot = propertyOf(Document, "documentElement");
const documentBody = propertyOf(Document, "body");
const addListener = methodOf(EventTarget, "addEventListener");
const fragmentQuerySelectorAll = methodOf(DocumentFragment, "querySelectorAll");
const getRootNode = methodOf(Node, "getRootNode");
const documentCreateTreeWalker = methodOf(Document, "createTreeWalker");
const nextNode = methodOf(globalThis.TreeWalker, "nextNode");
const containsNode = methodOf(Node, "contains");
const shadowRootOf = propertyOf(Element, "shadowRoot");
const hostOf = propertyOf(ShadowRoot, "host");
const rootMode = propertyOf(ShadowRoot, "mode");
const composedPath = methodOf(Event, "composedPath");
const observe = methodOf(globalThis.MutationObserver, "observe");
const documentActiveElement = propertyOf(Document, "activeElement");
const rootActiveElement = propertyOf(ShadowRoot, "activeElement");

// The document's parts, whatever its named elements are called.
export const pageRoot = () => documentRoot(hostDocument);
export const pageBody = () => documentBody(hostDocument);
export const allOnPage = (selector) => documentQuerySelectorAll(hostDocument, selector);
export const createElement = (tag) => documentCreateElement(hostDocument, tag);
export const listenOnPage = (type, listener) => addListener(hostDocument, type, listener);

// Whether an event target is an element (text nodes, the document and windows aren't).
export const isElement = (target) => apply(isPrototypeOf, Node.prototype, [target]) && nodeType(target) === 1;

// Open shadow roots (web components) ------------------------------------------------------
//
// A field may stand in an open shadow root: a web component's own tree, which the
// document's querySelectorAll and MutationObserver don't enter. Every open shadow root on the
// page is found (a walk at start; after that attachShadow, watched from when this module
// loads, says when a component makes one) and searched and observed like the document.
// Closed shadow roots stay closed: a component that chose one keeps its fields to itself.

const isShadowRoot = (node) => apply(isPrototypeOf, ShadowRoot.prototype, [node]);

// The shadow root a node stands in, or null when it stands in the document (or nowhere).
const shadowRootAround = (node) => {
  const root = getRootNode(node);
  return isShadowRoot(root) ? root : null;
};

// The element with the focus in the tree where node stands (the document's, or its shadow
// root's: there the document's is the component's host), or null.
export const focusedBeside = (node) => {
  const root = shadowRootAround(node);
  return root === null ? documentActiveElement(hostDocument) : rootActiveElement(root);
};

// Open shadow roots on the page, searched and observed like the document.
const shadowRoots = new Set();
// Roots attached, or seen, while their host wasn't on the page: taken in once it is.
// Weakly held: a component the page drops goes, its root with it.
let rootsOffPage = [];
// Roots attached since they were last taken in, and who wants to hear of them.
let rootsAttached = [];
let onRootsAttached = null;
let rootsNoticeDue = false;
// Until the app takes them in (it may never start), dropped components are pruned now and then.
let pruneAttachedAt = 1000;

function noteAttachedRoot(root) {
  rootsAttached.push(new WeakRef(root));
  if (rootsAttached.length >= pruneAttachedAt) {
    rootsAttached = rootsAttached.filter((held) => held.deref() !== undefined);
    pruneAttachedAt = Math.max(1000, 2 * rootsAttached.length);
  }
  if (onRootsAttached === null || rootsNoticeDue) return;
  rootsNoticeDue = true;
  // After the task that attached it: a component usually fills its root right away.
  setTimeout(() => {
    rootsNoticeDue = false;
    onRootsAttached();
  }, 0);
}

// A component defined after the app started upgrades its elements with no change to the
// document an observer would see: the only sign is attachShadow. Wrapped in a Proxy, so the
// method keeps its name, length and native source text; it does exactly what it did.
if (Element !== undefined) {
  const attachShadow = Element.prototype.attachShadow;
  try {
    Element.prototype.attachShadow = new Proxy(attachShadow, {
      apply(target, element, args) {
        const root = apply(target, element, args);
        if (rootMode(root) === "open") noteAttachedRoot(root);
        return root;
      },
    });
  } catch {
    // A frozen prototype: roots attached later are found only when their host is inserted.
  }
}

// Who to call (a task after) when components attached shadow roots.
export function listenForShadowRoots(listener) {
  onRootsAttached = listener;
}

// Listeners for events that stay inside a shadow root ("change" isn't composed, so it never
// reaches the document): each root taken in gets them.
const rootListeners = [];

export function listenInShadowRoots(type, listener) {
  rootListeners.push([type, listener]);
  for (const root of shadowRoots) addListener(root, type, listener);
}

// Take a root in: its fields (and those of the roots inside it) join the changed fields.
function takeInRoot(root, fieldSelector) {
  if (shadowRoots.has(root)) return;
  if (!isConnected(root)) {
    rootsOffPage.push(new WeakRef(root));
    return;
  }
  shadowRoots.add(root);
  for (const [type, listener] of rootListeners) addListener(root, type, listener);
  for (const field of fragmentQuerySelectorAll(root, fieldSelector)) changedFields.add(field);
  for (const inner of openRootsUnder(root)) takeInRoot(inner, fieldSelector);
}

// The open shadow roots of the elements under node (a document or a root), one level deep.
function openRootsUnder(node) {
  const found = [];
  const walker = documentCreateTreeWalker(hostDocument, node, 1);
  for (let element = nextNode(walker); element !== null; element = nextNode(walker)) {
    const root = shadowRootOf(element);
    if (root !== null) found.push(root);
  }
  return found;
}

// Every open shadow root on the page, found by walking it: at start, for the roots attached
// before this module loaded (and declared in the HTML, <template shadowrootmode="open">).
export function findShadowRoots(fieldSelector) {
  for (const root of openRootsUnder(hostDocument)) takeInRoot(root, fieldSelector);
  takeInNewRoots(fieldSelector);
}

// The roots attached since the last call, and those whose host came onto the page since.
export function takeInNewRoots(fieldSelector) {
  const attached = rootsAttached;
  rootsAttached = [];
  for (const held of attached) {
    const root = held.deref();
    if (root !== undefined) takeInRoot(root, fieldSelector);
  }
  if (rootsOffPage.length === 0) return;
  const waiting = rootsOffPage;
  rootsOffPage = [];
  for (const held of waiting) {
    const root = held.deref();
    if (root !== undefined) takeInRoot(root, fieldSelector);
  }
}

// Observe the document and every open shadow root still on the page; a root whose host left
// waits off the page (it may come back).
export function observePage(observer, options) {
  observe(observer, hostDocument, options);
  for (const root of shadowRoots) {
    if (isConnected(root)) {
      observe(observer, root, options);
    } else {
      shadowRoots.delete(root);
      rootsOffPage.push(new WeakRef(root));
    }
  }
}

// Whether node is inside scope, across shadow roots (through their hosts).
function isInside(scope, node) {
  for (let current = node; current !== null;) {
    if (containsNode(scope, current)) return true;
    const root = shadowRootAround(current);
    current = root === null ? null : hostOf(root);
  }
  return false;
}

// Each element matching selector in the shadow roots inside scope.
function forEachInRootsInside(scope, selector, action) {
  for (const root of shadowRoots) {
    if (isInside(scope, hostOf(root))) {
      for (const element of fragmentQuerySelectorAll(root, selector)) action(element);
    }
  }
}

// Everything matching selector in the document and in every open shadow root, as an array.
export function allInPage(selector) {
  const found = arrayFrom(allOnPage(selector));
  for (const root of shadowRoots) {
    for (const element of fragmentQuerySelectorAll(root, selector)) found.push(element);
  }
  return found;
}

// Everything matching selector inside scope (an element), its shadow roots' included.
function allInside(scope, selector) {
  const found = arrayFrom(elementQuerySelectorAll(scope, selector));
  forEachInRootsInside(scope, selector, (element) => found.push(element));
  return found;
}

// The nearest ancestor-or-self matching selector, the chain continuing from a shadow root to
// its host (the composed tree): a field in a component belongs to the record around it.
export function closestAcross(element, selector) {
  for (let current = element; current !== null;) {
    const found = closest(current, selector);
    if (found !== null) return found;
    const root = shadowRootAround(current);
    current = root === null ? null : hostOf(root);
  }
  return null;
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

// The parent element, or the host when element is at the top of a shadow root.
function parentAcross(element) {
  const parent = parentElement(element);
  if (parent !== null) return parent;
  const root = shadowRootAround(element);
  return root === null ? null : hostOf(root);
}

// What an event happened on, also inside a shadow root (event.target is then the host);
// null for anything that isn't an event.
export const eventTarget = (event) =>
  apply(isPrototypeOf, Event.prototype, [event]) ? composedPath(event)[0] ?? event.target : null;

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

function keyOf(field) {
  return getAttribute(field, FIELD_ATTRIBUTE) ?? "";
}

// The `lang` in force where an element stands, as the page wrote it ("" when none is).
function langOf(element) {
  const holder = closestAcross(element, "[lang]");
  return holder === null ? "" : getAttribute(holder, "lang") ?? "";
}

function recordNameOf(field) {
  const record = recordOf(field);
  return record === null ? null : getAttribute(record, "data-record-name");
}

// The last element that belongs with the field: the field, or the widgets attached to it.
function lastAttached(field) {
  let last = field;
  let next = nextElementSibling(last);
  while (next !== null && matches(next, ATTACHED_WIDGETS)) {
    last = next;
    next = nextElementSibling(last);
  }
  return last;
}

// A field the host took off the page has no group to bring in line: a pass under way skips it.
export function groupAfter(field) {
  if (!isConnected(field)) return null;
  const sibling = nextElementSibling(lastAttached(field));
  return sibling !== null && sibling.classList.contains(GROUP_CLASS) ? sibling : null;
}

// The field a group belongs to: the element before it and its attached widgets, or null.
export function fieldBefore(group) {
  let field = previousElementSibling(group);
  while (field !== null && matches(field, ATTACHED_WIDGETS)) field = previousElementSibling(field);
  return field;
}

// Fields from..to-1 of `fields` that need a new button group, as
// [[index, key, label, record name, lang]] (label: data-field-label, or null; record name:
// data-record-name of the field's record, or null; lang: as langOf). On the way, a group made
// for another key, other calendars or another language is removed; fields no longer on the
// page are skipped, and so are fields watched away from the view (watchNearView). With no
// calendars enabled (providers ""), every group goes and none is wanted.
export function fieldsNeedingGroups(fields, from, to, providers) {
  const wanted = [];
  for (let index = from; index < to; index += 1) {
    const field = fields[index];
    if (!isConnected(field)) continue;
    const key = keyOf(field);
    const group = groupAfter(field);
    if (group === null && !mayHaveGroup(field)) continue;
    if (group !== null) {
      if (group.getAttribute("data-calendar-for") === key
          && group.getAttribute("data-calendar-providers") === providers
          && group.getAttribute(LANG_ATTRIBUTE) === langOf(field)) continue;
      group.remove();
    }
    if (providers) {
      wanted.push([index, key, getAttribute(field, "data-field-label"), recordNameOf(field), langOf(field)]);
    }
  }
  return wanted;
}

// Put a copy of `template` right after each planned field. plan:
// [[index, key, [aria-label of each button, in document order]]]. A group with a menu gets
// its own menu id, which its trigger points at.
let menuCount = 0;

export function placeGroups(fields, template, plan) {
  const styled = new Set();
  for (const [index, key, labels] of plan) {
    const group = template.cloneNode(true);
    const root = shadowRootAround(fields[index]);
    if (root !== null && !styled.has(root)) {
      styled.add(root);
      styleShadowRoot(root);
    }
    // A field slotted into a component's named slot: its group goes into the same slot.
    const slot = getAttribute(fields[index], "slot");
    if (slot !== null) group.setAttribute("slot", slot);
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
    // Read by py/calendar_links_page/field_sync.py: a group made here shows nothing yet (a host's copy of one does).
    group.calendarLinksFresh = true;
    insertAfter(lastAttached(fields[index]), group);
  }
}

// The page's stylesheet doesn't reach into a shadow root: a root that gets button groups gets
// a copy of the page's own <link> to calendar-links.css (any file named calendar-links….css,
// so a build that puts a hash in the name is found too). A copy keeps the link's nonce,
// crossorigin and integrity, so a Content-Security-Policy that admitted the page's link
// admits it too; the browser has the file already. First in the root: the component's own
// styles still win where they say something else.
const STYLE_MARK = "data-calendar-links-style";
const OUR_STYLESHEET = /\/calendar-links[^/]*\.css$/;

const pathOf = (link) => {
  try {
    return new URL(link.href).pathname;
  } catch {
    return "";
  }
};

// Style the shadow root `element` stands in, if it stands in one (a marketplace panel or a
// hint rendered into a component).
export function styleRootAround(element) {
  const root = shadowRootAround(element);
  if (root !== null) styleShadowRoot(root);
}

function styleShadowRoot(root) {
  if (fragmentQuerySelectorAll(root, `link[${STYLE_MARK}]`).length > 0) return;
  const pageLink = arrayFrom(allOnPage("link[rel~=stylesheet][href]")).find((link) => OUR_STYLESHEET.test(pathOf(link)));
  if (pageLink === undefined) return;
  const copy = pageLink.cloneNode(false);
  copy.setAttribute(STYLE_MARK, "");
  root.prepend(copy);
}

function removeIfOrphan(group, fieldSelector) {
  const field = fieldBefore(group);
  if (field === null || !matches(field, fieldSelector) || keyOf(field) !== group.getAttribute("data-calendar-for")) {
    group.remove();
  }
}

// Remove every button group whose field went away or changed its key.
export function removeOrphanGroups(fieldSelector) {
  for (const group of allInPage(`.${GROUP_CLASS}`)) removeIfOrphan(group, fieldSelector);
}

// Whether this is the first claim on the element in the current task: a script that fires
// fifty clicks at once gets one tab or file (py/calendar_links_core/click_guard.py).
const claimedThisTask = new WeakSet();

export function claimForThisTask(element) {
  if (claimedThisTask.has(element)) return false;
  claimedThisTask.add(element);
  setTimeout(() => claimedThisTask.delete(element), 0);
  return true;
}

// Every field on the page, as an array: the document's in document order, then each open
// shadow root's.
export const allFields = (fieldSelector) => allInPage(fieldSelector);

// The fields the host page changed since the last pass over them, gathered from the
// observer's records as they come: a page that adds and removes thousands of fields then
// costs work for those fields only. Groups left behind by a removed field go at once.
const changedFields = new Set();

export function noteMutations(records, fieldSelector) {
  const fieldsIn = (node) => {
    if (nodeType(node) !== 1) return;
    if (matches(node, fieldSelector)) changedFields.add(node);
    for (const field of elementQuerySelectorAll(node, fieldSelector)) changedFields.add(field);
    // Fields in the components inside it, which inherit from it too.
    if (shadowRoots.size > 0) forEachInRootsInside(node, fieldSelector, (field) => changedFields.add(field));
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

// The changed fields still on the page and still fields (an automatic field's marks may have
// gone since), as an array; forgotten here.
export function takeChangedFields(fieldSelector) {
  const fields = arrayFrom(changedFields).filter((field) => isConnected(field) && matches(field, fieldSelector));
  changedFields.clear();
  return fields;
}

// Very long pages: groups near the view only ------------------------------------------------
//
// A page of tens of thousands of fields would carry three elements per field for buttons
// nobody sees at once (and the checks behind them). On such a page (py/calendar_links_page/field_sync.py decides)
// fields are watched instead: a field gets its group when it comes within a viewport's height
// of the view, and loses it again when it goes further than that, unless the group is in use
// (focus, an open menu, a notice). An IntersectionObserver costs about 2 microseconds per
// target on every frame of a scroll, so it watches the first and last field of each run of
// WINDOW_RUN fields in document order, not every field; a run is near when either end is.
const WINDOW_RUN = 50;
// A page with more fields than this (or a host adding more at once) is watched near the view
// (py/calendar_links_page/field_sync.py). No record page comes close; a list of a thousand rows of dates does.
export const WINDOW_FROM = 1000;
// Whether the page holds so many fields that it will be watched near the view.
export const isLongPage = () => allOnPage(`[${FIELD_ATTRIBUTE}]`).length > WINDOW_FROM;
const WINDOW_MARGIN = "100% 0px 100% 0px";
let windowObserver = null;
let onWindowChange = null;
// Each watched field -> its run: { fields, ends, nearEnds: Set, near: true/false/null (not seen yet) }.
let runOf = new WeakMap();
// Runs still watched, so that runs whose fields all left the page can be dropped.
let watchedRuns = new Set();
// Fields that came near since the app last asked, and fields that went far.
let cameNear = [];
let wentFar = [];

function seeRuns(entries) {
  const changed = new Set();
  for (const entry of entries) {
    const run = runOf.get(entry.target);
    if (run === undefined || !run.ends.includes(entry.target)) continue;
    if (entry.isIntersecting) run.nearEnds.add(entry.target);
    else run.nearEnds.delete(entry.target);
    changed.add(run);
  }
  let news = false;
  for (const run of changed) {
    const near = run.nearEnds.size > 0;
    if (near === run.near) continue;
    run.near = near;
    news = true;
    for (const field of run.fields) (near ? cameNear : wentFar).push(field);
  }
  if (news && onWindowChange !== null) onWindowChange();
}

export function listenForWindowChanges(listener) {
  onWindowChange = listener;
}

function newWindowObserver() {
  // Chromium 120+ also applies the margin to scrolling boxes inside the page.
  try {
    return new IntersectionObserver(seeRuns, { rootMargin: WINDOW_MARGIN, scrollMargin: WINDOW_MARGIN });
  } catch {
    return new IntersectionObserver(seeRuns, { rootMargin: WINDOW_MARGIN });
  }
}

// Watch the fields from..to-1 of `fields` that aren't watched yet, in runs. afresh: forget
// every run first (a pass over all the page's fields makes them anew, in the page's order).
export function watchNearView(fields, from, to, afresh) {
  if (windowObserver === null) windowObserver = newWindowObserver();
  if (afresh && from === 0) {
    windowObserver.disconnect();
    runOf = new WeakMap();
    watchedRuns = new Set();
  } else if (from === 0) {
    forgetLeftRuns();
  }
  let run = null;
  const close = () => {
    run.ends = [...new Set([run.fields[0], run.fields[run.fields.length - 1]])];
    for (const end of run.ends) windowObserver.observe(end);
    watchedRuns.add(run);
    run = null;
  };
  for (let index = from; index < to; index += 1) {
    const field = fields[index];
    if (runOf.has(field) || !isConnected(field)) continue;
    if (run === null) run = { fields: [], ends: [], nearEnds: new Set(), near: null };
    run.fields.push(field);
    runOf.set(field, run);
    if (run.fields.length === WINDOW_RUN) close();
  }
  if (run !== null) close();
}

// A host that re-renders keeps adding runs: the runs whose fields all left the page go.
function forgetLeftRuns() {
  const kept = new Set();
  for (const run of watchedRuns) {
    if (run.fields.some((field) => isConnected(field))) kept.add(run);
    else for (const end of run.ends) windowObserver.unobserve(end);
  }
  watchedRuns = kept;
}

// Whether a field may have a group: it isn't watched, or it is near the view.
const mayHaveGroup = (field) => {
  const run = runOf.get(field);
  return run === undefined || run.near === true;
};

// The fields that came near since the last call join the changed fields (to get their
// groups); the groups of fields that went far are removed, unless in use.
export function takeWindowChanges() {
  for (const field of cameNear) changedFields.add(field);
  const far = wentFar;
  cameNear = [];
  wentFar = [];
  for (const field of far) {
    if (mayHaveGroup(field)) continue;
    // null as well for a field the host took away meanwhile.
    const group = groupAfter(field);
    if (group !== null && !inUse(group)) group.remove();
  }
}

// A group someone is using: it holds the focus, an open menu or something said after a click.
function inUse(group) {
  const focused = focusedBeside(group);
  const notice = group.querySelector(`.${NOTICE_CLASS}`);
  return (focused !== null && containsNode(group, focused))
    || group.querySelector('[aria-expanded="true"]') !== null
    || (notice !== null && notice.textContent !== "");
}

// The fields of `fields` that have a group, as an array.
export const withGroups = (fields) => arrayFrom(fields).filter((field) => groupAfter(field) !== null);

// The date words of one language, from the browser's own locale data, for
// py/calendar_links_core/date_names.py: the resolved locale, its date order ("DMY"…), for each month (January
// first) and weekday (Monday first) every spelling Intl uses, standalone and inside a date
// ("Dez", "Dez.", "Dezember"), the words between a date's parts (" um ", " de ") and the
// morning and afternoon marks. "" for the browser's own language; null when the tag is
// not a language the browser accepts.
export function dateLanguage(tag) {
  let locale;
  try {
    locale = new Intl.DateTimeFormat(tag || undefined).resolvedOptions().locale;
  } catch {
    return null;
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
  return { locale, order, months, weekdays, words, dayPeriods };
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

// Clear a notice after `milliseconds`, unless something else was said there since. A timer
// here rather than in Python: no Python proxy per notice.
export function clearNoticeLater(message, text, milliseconds) {
  setTimeout(() => {
    if (message.classList.contains(NOTICE_CLASS) && message.textContent === text) message.textContent = "";
  }, milliseconds);
}

// Clear every group's notice except the one in `keep`'s group: the next click makes them stale.
export function clearNotices(keep) {
  for (const message of allInPage(`.${NOTICE_CLASS}`)) {
    if (keep === null || keep === undefined || !message.parentElement.contains(keep)) message.textContent = "";
  }
}
