// Whether this page needs Python: read before anything big is fetched. No imports, so the
// embed module can decide at once.

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
