// The frames around the page, and the ways out of one that blocks tabs or downloads: copy a
// text, or hand it to the browser's share sheet. Nothing is decided here: what the frames
// allow and what a group says are py/calendar_links_core/frames.py's; the words arrive from
// Python in the page's language.
import { closest, getAttribute, querySelector } from "./calendar-links-platform.mjs";

const FIELD_SELECTOR = ".calendar-links__copy-text";
const STATUS_SELECTOR = ".calendar-links__copy-status";

// The sandbox attribute of each frame element from this page's outwards (null: none), and
// whether every one up to the top page could be read: across origins frameElement is null,
// and reading anything of that window throws.
export function frameSandboxes() {
  const sandboxes = [];
  let view = globalThis.window;
  try {
    while (view !== view.parent) {
      const frame = view.frameElement;
      if (frame === null) return { sandboxes, reachesTop: false };
      sandboxes.push(getAttribute(frame, "sandbox"));
      view = view.parent;
    }
  } catch {
    return { sandboxes, reachesTop: false };
  }
  return { sandboxes, reachesTop: true };
}

const sharedData = (text, fileName, mediaType) =>
  fileName ? { files: [new File([text], fileName, { type: mediaType })] } : { url: text };

// Whether the browser would share this text (a File for a file, else a URL) and the frames
// let this page use the share sheet (Permissions Policy "web-share", where the browser tells).
export function canShare(text, fileName, mediaType) {
  const { navigator, document } = globalThis;
  if (typeof navigator.share !== "function" || typeof navigator.canShare !== "function") return false;
  // A browser that lists the feature tells whether the frames allow it; one without a share
  // sheet of its own (Chromium on Linux) lists no "web-share" at all.
  const policy = document.featurePolicy;
  if (policy?.features().includes("web-share") && !policy.allowsFeature("web-share")) return false;
  try {
    return navigator.canShare(sharedData(text, fileName, mediaType));
  } catch {
    return false;
  }
}

const offerOf = (button) => closest(button, ".calendar-links__copy");
// The exact text of each offer: a textarea's value turns CRLF into LF, and an .ics file's
// lines end in CRLF (RFC 5545 section 3.1). Weakly held: an offer the page drops goes.
const offeredTexts = new WeakMap();

// Show text in the offer's field, and keep it exactly for copying and sharing.
export function offerText(offer, text) {
  querySelector(offer, FIELD_SELECTOR).value = text;
  offeredTexts.set(offer, text);
}

// A host that copies a row copies an offer without its kept text: the field then has it.
const textOf = (button) => {
  const offer = offerOf(button);
  return offeredTexts.get(offer) ?? querySelector(offer, FIELD_SELECTOR).value;
};

function say(button, text) {
  const status = querySelector(offerOf(button), STATUS_SELECTOR);
  if (status !== null) status.textContent = text;
}

function selectIn(button, selectedText) {
  const field = querySelector(offerOf(button), FIELD_SELECTOR);
  field.focus();
  field.select();
  say(button, selectedText);
}

// Copy the offer's text with the Clipboard API; where that is refused (a cross-origin frame
// without clipboard-write, an insecure page), select it in its field for the person to copy.
export function copyOffer(button, copiedText, selectedText) {
  const clipboard = globalThis.navigator.clipboard;
  // Where the browser tells (Chromium), a frame's policy that refuses the clipboard is asked
  // first: refused by the call, it would log an error on the host's console.
  if (clipboard === undefined || globalThis.document.featurePolicy?.allowsFeature("clipboard-write") === false) {
    selectIn(button, selectedText);
    return;
  }
  clipboard.writeText(textOf(button)).then(() => say(button, copiedText), () => selectIn(button, selectedText));
}

// Hand the offer's text to the share sheet; should the browser refuse after all, the button
// goes and the text is selected for the person to copy.
export function shareOffer(button, fileName, mediaType, selectedText) {
  globalThis.navigator.share(sharedData(textOf(button), fileName, mediaType)).catch((error) => {
    // The person closing the share sheet is an AbortError, and no refusal.
    if (error?.name !== "AbortError") {
      button.hidden = true;
      selectIn(button, selectedText);
    }
  });
}
