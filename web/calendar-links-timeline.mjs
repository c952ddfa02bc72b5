// The start's timeline, as performance marks a host (or the benchmark) can read:
// `calendar-links:<phase>` at the end of each phase, and once the page is ready one measure
// per phase, `calendar-links:phase:<phase>`, from the previous mark to its own. Marks cost
// microseconds, so they are always on. No imports, so the embed module can mark first.
//   embed     the embed module runs (from navigation start: the page and the module's request)
//   fetched   the snapshot's parts have arrived
//   joined    they are laid out in one buffer (the parts leave out its pages of zeros)
//   restored  Pyodide restored from it (its .wasm downloaded and compiled, when that was later)
//   mounted   our archive is in place and its digest checked
//   start     the app starts (marked by the app, py/calendar_links_app.py)
//   ready     its first pass drew the buttons (marked by the app, py/calendar_links_page/field_sync.py)
export const PHASES = ["embed", "fetched", "joined", "restored", "mounted", "start", "ready"];

export function markPhase(phase) {
  performance.mark(`calendar-links:${phase}`);
}

function measurePhases() {
  let previous = 0;
  for (const phase of PHASES) {
    const [mark] = performance.getEntriesByName(`calendar-links:${phase}`, "mark");
    if (mark === undefined) continue;
    performance.measure(`calendar-links:phase:${phase}`, { start: previous, end: mark.startTime });
    previous = mark.startTime;
  }
}

export function measurePhasesWhenReady() {
  addEventListener("calendar-links:ready", measurePhases, { once: true });
}
