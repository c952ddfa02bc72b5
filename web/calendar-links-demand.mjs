// Whether this page needs Python yet. A page needs it once a calendar is on (buttons to
// draw) or while it shows an App Marketplace panel or a hint (words to write); until then
// nothing big is downloaded. Light, so the embed module can decide at once: only the
// platform's own methods, which a page's named elements can't hide.
import {
  elementWalker, firstOnPage, fragmentQuerySelector, matches, nextNode, querySelector, shadowRootOf,
} from "./calendar-links-platform.mjs";

// The elements Python renders into whether or not a calendar is on (README, "Embed on your page").
const RENDERED_WITHOUT_CALENDARS = "[data-calendar-marketplace], [data-calendar-hint]";

// Whether a calendar is on in this browser's settings. Python reads them properly
// (settings.py); this only tells "some calendar is on" from "none is", from the stored text:
// some key set to true. Not through JSON.parse, which a host page may have replaced (README,
// "Host pages"); at worst a false "on" starts Python, which then finds none on. Storage
// blocked or unreadable means every calendar is off, as it does there.
const KEY_SET_TO_TRUE = /"(?:[^"\\]|\\.)*"\s*:\s*true\s*[,}]/;

export function storedCalendarOn() {
  try {
    const stored = localStorage.getItem("calendar-links:integrations");
    return stored !== null && KEY_SET_TO_TRUE.test(stored);
  } catch {
    return false;
  }
}

// Whether a panel or hint stands in the open shadow root of `element` (a web component's own
// tree, which querySelector doesn't enter), or in the roots of the elements inside it.
function inOwnRoot(element) {
  const root = shadowRootOf(element);
  return root !== null && (fragmentQuerySelector(root, RENDERED_WITHOUT_CALENDARS) !== null || inOpenShadowRoots(root));
}

// The same for every element under node (a document, an element or a root), at any depth.
function inOpenShadowRoots(node) {
  const walker = elementWalker(node);
  for (let element = nextNode(walker); element !== null; element = nextNode(walker)) {
    if (inOwnRoot(element)) return true;
  }
  return false;
}

function rendersWithoutCalendars(node) {
  return (
    node instanceof Element &&
    (matches(node, RENDERED_WITHOUT_CALENDARS) ||
      querySelector(node, RENDERED_WITHOUT_CALENDARS) !== null ||
      inOwnRoot(node) ||
      inOpenShadowRoots(node))
  );
}

export function pageNeedsPython() {
  return (
    storedCalendarOn() ||
    firstOnPage(RENDERED_WITHOUT_CALENDARS) !== null ||
    inOpenShadowRoots(document)
  );
}

// Resolves once the page needs Python: at once, or when a calendar is turned on (in another
// tab, or by the host, which then says so with calendar-links:settings-changed) or a panel or
// hint is added to the page. `waiting` runs first when it has to wait.
export function whenNeeded(waiting) {
  if (pageNeedsPython()) return Promise.resolve();
  waiting();
  return new Promise((resolve) => {
    // Looked at a task later: a component put on the page fills its shadow root after the
    // observer hears of it (in its connectedCallback, or a microtask after).
    let added = [];
    const lookAtAdded = () => {
      const nodes = added;
      added = [];
      if (nodes.some(rendersWithoutCalendars)) needed();
    };
    const observer = new MutationObserver((records) => {
      if (added.length === 0) setTimeout(lookAtAdded, 0);
      for (const record of records) added.push(...record.addedNodes);
    });
    const settingsChanged = () => {
      if (storedCalendarOn()) needed();
    };
    function needed() {
      observer.disconnect();
      removeEventListener("storage", settingsChanged);
      removeEventListener("calendar-links:settings-changed", settingsChanged);
      resolve();
    }
    observer.observe(document, { childList: true, subtree: true });
    addEventListener("storage", settingsChanged);
    addEventListener("calendar-links:settings-changed", settingsChanged);
  });
}
