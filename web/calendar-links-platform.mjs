// The platform's own DOM methods and getters, taken from the prototypes when this module
// loads. A host page can shadow the same names: a form control named "closest" is
// form.closest, and <form name="documentElement"> is document.documentElement (forms and the
// document let named elements override their built-in properties, HTML's
// [LegacyOverrideBuiltIns]). Everything of ours that touches the host's elements or the
// document goes through these: the embed module, the standby check, the failure notice, the
// shell's DOM helpers and, through them, Python. No imports, so the embed module can use it at
// once. (tools/make_snapshot.mjs loads the helpers in Node, where there is no DOM to capture:
// every capture then stands for nothing and is never called.)
export const { apply } = Reflect;
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
export const hostDocument = globalThis.document;

export const getAttribute = methodOf(Element, "getAttribute");
export const hasAttribute = methodOf(Element, "hasAttribute");
export const setAttribute = methodOf(Element, "setAttribute");
export const removeAttribute = methodOf(Element, "removeAttribute");
export const closest = methodOf(Element, "closest");
export const matches = methodOf(Element, "matches");
export const querySelector = methodOf(Element, "querySelector");
export const insertAfter = methodOf(Element, "after");
export const append = methodOf(Element, "append");
export const parentElement = propertyOf(Node, "parentElement");
export const nodeType = propertyOf(Node, "nodeType");
export const textContent = propertyOf(Node, "textContent");
export const isConnected = propertyOf(Node, "isConnected");
export const nextElementSibling = propertyOf(Element, "nextElementSibling");
export const previousElementSibling = propertyOf(Element, "previousElementSibling");
export const elementQuerySelectorAll = methodOf(Element, "querySelectorAll");
export const documentQuerySelector = methodOf(Document, "querySelector");
const documentQuerySelectorAll = methodOf(Document, "querySelectorAll");
export const arrayFrom = Array.from;
const documentCreateElement = methodOf(Document, "createElement");
const documentRoot = propertyOf(Document, "documentElement");
const documentBody = propertyOf(Document, "body");
const documentHead = propertyOf(Document, "head");
export const addListener = methodOf(EventTarget, "addEventListener");
export const fragmentQuerySelector = methodOf(DocumentFragment, "querySelector");
export const fragmentQuerySelectorAll = methodOf(DocumentFragment, "querySelectorAll");
export const getRootNode = methodOf(Node, "getRootNode");
const documentCreateTreeWalker = methodOf(Document, "createTreeWalker");
export const nextNode = methodOf(globalThis.TreeWalker, "nextNode");
export const containsNode = methodOf(Node, "contains");
export const shadowRootOf = propertyOf(Element, "shadowRoot");
export const hostOf = propertyOf(ShadowRoot, "host");
export const rootMode = propertyOf(ShadowRoot, "mode");
export const composedPath = methodOf(Event, "composedPath");
export const observe = methodOf(globalThis.MutationObserver, "observe");
const documentActiveElement = propertyOf(Document, "activeElement");
const documentElementFromPoint = methodOf(Document, "elementFromPoint");
export const rootActiveElement = propertyOf(ShadowRoot, "activeElement");

// The document's parts, whatever its named elements are called.
export const pageRoot = () => documentRoot(hostDocument);
export const pageBody = () => documentBody(hostDocument);
export const pageHead = () => documentHead(hostDocument);
export const pageActiveElement = () => documentActiveElement(hostDocument);
export const allOnPage = (selector) => documentQuerySelectorAll(hostDocument, selector);
export const firstOnPage = (selector) => documentQuerySelector(hostDocument, selector);
export const createElement = (tag) => documentCreateElement(hostDocument, tag);
export const listenOnPage = (type, listener) => addListener(hostDocument, type, listener);
// The element shown at a point of the viewport (hit testing skips pointer-events: none).
export const elementAtPoint = (x, y) => documentElementFromPoint(hostDocument, x, y);
// A walker over the elements under node (a document, an element or a shadow root).
export const elementWalker = (node) => documentCreateTreeWalker(hostDocument, node, 1);

// Whether a value is an instance of a platform type, asked of the type's own prototype (a
// host's instanceof or Symbol.hasInstance can't change the answer).
export const isA = (type, value) => type !== undefined && apply(isPrototypeOf, type.prototype, [value]);

// Whether an event target is an element (text nodes, the document and windows aren't).
export const isElement = (target) => isA(Node, target) && nodeType(target) === 1;
