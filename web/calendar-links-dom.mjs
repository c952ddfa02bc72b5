// The page-wide DOM chores of calendar-links' shell, as Python sees them: this module is
// registered as `calendar_links_dom` (calendar-links-runtime.mjs, tools/make_snapshot.mjs), and
// py/calendar_links_page/calendar_links_dom.pyi describes every name it exports, for mypy.
//
// Each call from Python into the page costs microseconds, and a record page can hold
// thousands of fields, so the loops that touch every field or every button group run here
// instead. Nothing is decided here: which calendars, and what the buttons say, come from
// Python (py/calendar_links_page/page_render.py); these modules read attributes and move
// markup, and apply the page contract's fixed rule for automatic fields. The work is split by
// job, each file naming what it does:
//   calendar-links-platform.mjs      the platform's DOM methods, captured at load
//   calendar-links-shadow-roots.mjs  open shadow roots, and walking the page across them
//   calendar-links-records.mjs       fields and their records, settings and labels
//   calendar-links-groups.mjs        where a button group stands, and whether it is in use
//   calendar-links-placing.mjs       which fields need a group, and placing them
//   calendar-links-page-changes.mjs  what the host changed (observer records), automatic fields
//   calendar-links-changed-fields.mjs  the fields changed since the last pass
//   calendar-links-long-pages.mjs    very long pages: groups near the view only
//   calendar-links-locale.mjs        the browser's locale data for a language
//   calendar-links-frames.mjs        the frames around the page; copying or sharing a text
//   calendar-links-notices.mjs       where a click's notice floats, following its group
//
// Lists cross over as JS arrays that Python converts in one call (to_py/to_js), not as JSON
// text: a host page may have replaced JSON.parse or given arrays a toJSON (Prototype.js did).
// Rows cross as objects with named properties (the .pyi's row types).
export {
  allOnPage, closest, createElement, elementQuerySelectorAll, getAttribute, hasAttribute, isElement, listenOnPage,
  matches, pageBody, pageRoot, querySelector, setAttribute, textContent,
} from "./calendar-links-platform.mjs";
export { takeChangedFields } from "./calendar-links-changed-fields.mjs";
export {
  allInPage, closestAcross, findShadowRoots, focusedBeside, listenForShadowRoots, listenInShadowRoots, observePage,
  takeInNewRoots,
} from "./calendar-links-shadow-roots.mjs";
export {
  allFields, eventTarget, fieldOfRecord, ownsId, recordOf, settingsOf, sharedLabels,
} from "./calendar-links-records.mjs";
export {
  claimForThisTask, clearNoticeLater, clearNotices, fieldBefore, groupAfter, groupSignature, isFreshGroup,
  noteGroupSignature, removeOrphanGroups, withGroups,
} from "./calendar-links-groups.mjs";
export { fieldsNeedingGroups, placeGroups, styleRootAround } from "./calendar-links-placing.mjs";
export { markAutoFields, noteMutations } from "./calendar-links-page-changes.mjs";
export {
  WINDOW_FROM, isLongPage, listenForWindowChanges, takeWindowChanges, watchNearView,
} from "./calendar-links-long-pages.mjs";
export { dateLanguage } from "./calendar-links-locale.mjs";
export { canShare, copyOffer, frameSandboxes, offerText, shareOffer } from "./calendar-links-frames.mjs";
export { floatNotice } from "./calendar-links-notices.mjs";
