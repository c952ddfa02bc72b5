// How calendar-links says it could not start: <html data-calendar-links-state="failed">, a
// `calendar-links:failed` event on window, one console line and a one-line notice at the end
// of the page; nothing else of the host page is touched. Used by the runtime module and by
// the embed module (calendar-links.mjs), which reports when the runtime itself can't load.
import { createElement, pageBody, pageRoot, setAttribute } from "./calendar-links-platform.mjs";

const SETUP_HINT = "Reload the page; if it persists, the calendar-links setup needs to be run again.";

// Reasons, each with what would fix it.
export const FILES_MISSING = `its files could not be loaded. ${SETUP_HINT}`;
export const FILES_DAMAGED = `its files are damaged. ${SETUP_HINT}`;
export const WASM_BLOCKED =
  "this page's Content-Security-Policy blocks WebAssembly (allow 'wasm-unsafe-eval' in script-src).";
export const NOT_STARTED = `its runtime could not start on this page. ${SETUP_HINT}`;
export const APP_STOPPED = "something on this page stopped it while it started.";
// Not the setup's fault: its files were not in this browser's cache yet.
export const OFFLINE = "this browser is offline and has not kept its files yet. They load when the page is reloaded online.";

// Why its files could not be loaded: the browser is offline, or else the setup.
export function filesUnavailable() {
  return navigator.onLine === false ? OFFLINE : FILES_MISSING;
}

let reported = false;

// Report once: later failures of the same start add nothing the person can act on.
export function reportFailure(reason) {
  if (reported) return;
  reported = true;
  const message = `Calendar buttons are unavailable: ${reason}`;
  console.error(`calendar-links: ${message}`);
  setAttribute(pageRoot(), "data-calendar-links-state", "failed");
  const notice = createElement("p");
  setAttribute(notice, "class", "calendar-links-failure");
  setAttribute(notice, "role", "status");
  // English, left to right, on a page in any language and direction.
  setAttribute(notice, "lang", "en");
  setAttribute(notice, "dir", "ltr");
  notice.textContent = message;
  pageBody()?.append(notice);
  dispatchEvent(new CustomEvent("calendar-links:failed", { detail: { message } }));
}

// What in the page rules out a start before any file is fetched, or null.
export function startBlocker() {
  // Pyodide's loader walks its option objects with for…in: an enumerable property added to
  // Object.prototype (`Object.prototype.google = true`) breaks it half-way.
  for (const name in {}) {
    return `this page added "${name}" to every object (an enumerable property on Object.prototype), and its runtime can't start then.`;
  }
  // Pyodide's loader tells a page from a worker by document.createElement, which an element
  // named "createElement" (<form name="createElement">) hides; everything of ours reads the
  // document through the platform's own methods instead (calendar-links-platform.mjs).
  if (typeof document.createElement !== "function") {
    return 'an element named "createElement" on this page hides the document\'s own createElement, and its runtime can\'t start then.';
  }
  try {
    // The smallest module there is: the magic number and version 1. WebKit compiles it under
    // such a policy and refuses only the instance (and its loader then waits forever).
    new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])));
  } catch {
    return WASM_BLOCKED;
  }
  return null;
}
