// Whether this page needs Python yet. A page needs it once a calendar is on (buttons to
// draw) or while it shows an App Marketplace panel or a hint (words to write); until then
// nothing big is downloaded. No imports, so the embed module can decide at once; the
// platform's own methods, which a page's named elements can't hide.
const { apply } = Reflect;
const { matches, querySelector } = Element.prototype;
const querySelectorOfDocument = Document.prototype.querySelector;

// The elements Python renders into whether or not a calendar is on (README, "Embed on your page").
const RENDERED_WITHOUT_CALENDARS = "[data-calendar-marketplace], [data-calendar-hint]";

// Whether a calendar is on in this browser's settings. Python reads them properly
// (settings.py); this only tells "some calendar is on" from "none is". Storage blocked or
// unreadable means every calendar is off, as it does there.
export function storedCalendarOn() {
  try {
    const stored = JSON.parse(localStorage.getItem("calendar-links:integrations") ?? "null");
    return stored !== null && typeof stored === "object" && Object.values(stored).includes(true);
  } catch {
    return false;
  }
}

function rendersWithoutCalendars(node) {
  return (
    node instanceof Element &&
    (apply(matches, node, [RENDERED_WITHOUT_CALENDARS]) || apply(querySelector, node, [RENDERED_WITHOUT_CALENDARS]) !== null)
  );
}

export function pageNeedsPython() {
  return storedCalendarOn() || apply(querySelectorOfDocument, document, [RENDERED_WITHOUT_CALENDARS]) !== null;
}

// Resolves once the page needs Python: at once, or when a calendar is turned on (in another
// tab, or by the host, which then says so with calendar-links:settings-changed) or a panel or
// hint is added to the page. `waiting` runs first when it has to wait.
export function whenNeeded(waiting) {
  if (pageNeedsPython()) return Promise.resolve();
  waiting();
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      if (records.some((record) => [...record.addedNodes].some(rendersWithoutCalendars))) needed();
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
