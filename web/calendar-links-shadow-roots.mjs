// Open shadow roots (web components), and walking the page across them.
//
// A field may stand in an open shadow root: a web component's own tree, which the
// document's querySelectorAll and MutationObserver don't enter. Every open shadow root on the
// page is found (a walk at start; after that attachShadow, watched from when this module
// loads, says when a component makes one) and searched and observed like the document.
// Closed shadow roots stay closed: a component that chose one keeps its fields to itself.
import { changedFields } from "./calendar-links-changed-fields.mjs";
import {
  addListener, allOnPage, apply, arrayFrom, closest, containsNode, elementQuerySelectorAll, elementWalker,
  fragmentQuerySelectorAll, getRootNode, hostDocument, hostOf, isA, isConnected, nextNode, observe, pageActiveElement,
  parentElement, rootActiveElement, rootMode, shadowRootOf,
} from "./calendar-links-platform.mjs";

const { Element, ShadowRoot } = globalThis;

const isShadowRoot = (node) => isA(ShadowRoot, node);

// The shadow root a node stands in, or null when it stands in the document (or nowhere).
export const shadowRootAround = (node) => {
  const root = getRootNode(node);
  return isShadowRoot(root) ? root : null;
};

// The element with the focus in the tree where node stands (the document's, or its shadow
// root's: there the document's is the component's host), or null.
export const focusedBeside = (node) => {
  const root = shadowRootAround(node);
  return root === null ? pageActiveElement() : rootActiveElement(root);
};

// Open shadow roots on the page, searched and observed like the document.
const shadowRoots = new Set();
// Whether any root was taken in: the walks across roots are skipped on pages without one.
export const anyShadowRoots = () => shadowRoots.size > 0;
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
export function takeInRoot(root, fieldSelector) {
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
  const walker = elementWalker(node);
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
export function forEachInRootsInside(scope, selector, action) {
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
export function allInside(scope, selector) {
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

// The parent element, or the host when element is at the top of a shadow root.
export function parentAcross(element) {
  const parent = parentElement(element);
  if (parent !== null) return parent;
  const root = shadowRootAround(element);
  return root === null ? null : hostOf(root);
}
