// Very long pages: groups near the view only.
//
// A page of tens of thousands of fields would carry three elements per field for buttons
// nobody sees at once (and the checks behind them). On such a page (the pure scheduler,
// py/calendar_links_core/scheduling.py, decides) fields are watched instead: a field gets its
// group when it comes within a viewport's height of the view, and loses it again when it goes
// further than that, unless the group is in use (focus, an open menu, a notice). An
// IntersectionObserver costs about 2 microseconds per target on every frame of a scroll, so it
// watches the first and last field of each run of WINDOW_RUN fields in document order, not
// every field; a run is near when either end is.
import { changedFields } from "./calendar-links-changed-fields.mjs";
import { groupAfter, inUse } from "./calendar-links-groups.mjs";
import { allOnPage, isConnected } from "./calendar-links-platform.mjs";
import { FIELD_ATTRIBUTE } from "./calendar-links-records.mjs";

const WINDOW_RUN = 50;
// A page with more fields than this (or a host adding more at once) is watched near the view.
// No record page comes close; a list of a thousand rows of dates does.
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
export const mayHaveGroup = (field) => {
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
