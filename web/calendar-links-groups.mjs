// Where a field's button group stands, and what it is doing: found right after the field (and
// the widgets a framework attached to it), in use while it holds the focus, an open menu or a
// notice; its notices cleared on time; one claim per element per task.
import { allInPage, focusedBeside } from "./calendar-links-shadow-roots.mjs";
import {
  arrayFrom, containsNode, isConnected, matches, nextElementSibling, previousElementSibling,
} from "./calendar-links-platform.mjs";
import { keyOf } from "./calendar-links-records.mjs";

export const GROUP_CLASS = "calendar-links";
const NOTICE_CLASS = "calendar-links__message--notice";
// What frameworks attach right after an input and must stay beside it: Django admin's
// "Today | calendar" and "Now | clock" shortcuts. A group goes after them, never between.
const ATTACHED_WIDGETS = ".datetimeshortcuts";

// The last element that belongs with the field: the field, or the widgets attached to it.
export function lastAttached(field) {
  let last = field;
  let next = nextElementSibling(last);
  while (next !== null && matches(next, ATTACHED_WIDGETS)) {
    last = next;
    next = nextElementSibling(last);
  }
  return last;
}

// A field the host took off the page has no group to bring in line: a pass under way skips it.
export function groupAfter(field) {
  if (!isConnected(field)) return null;
  const sibling = nextElementSibling(lastAttached(field));
  return sibling !== null && sibling.classList.contains(GROUP_CLASS) ? sibling : null;
}

// The field a group belongs to: the element before it and its attached widgets, or null.
export function fieldBefore(group) {
  let field = previousElementSibling(group);
  while (field !== null && matches(field, ATTACHED_WIDGETS)) field = previousElementSibling(field);
  return field;
}

// What the shell notes on a group, kept here rather than as properties of the page's elements:
// whether it was made from the template and shows nothing yet (a host's copy of one shows
// what it copied), and the signature of what it last drew (py/calendar_links_page/field_sync.py).
// Weakly held: a group the page drops goes, its notes with it.
const groupNotes = new WeakMap();
export const noteFreshGroup = (group) => groupNotes.set(group, { fresh: true, signature: null });
export const isFreshGroup = (group) => groupNotes.get(group)?.fresh === true;
export const groupSignature = (group) => groupNotes.get(group)?.signature ?? null;
export const noteGroupSignature = (group, signature) =>
  groupNotes.set(group, { fresh: isFreshGroup(group), signature });

export function removeIfOrphan(group, fieldSelector) {
  const field = fieldBefore(group);
  if (field === null || !matches(field, fieldSelector) || keyOf(field) !== group.getAttribute("data-calendar-for")) {
    group.remove();
  }
}

// Remove every button group whose field went away or changed its key.
export function removeOrphanGroups(fieldSelector) {
  for (const group of allInPage(`.${GROUP_CLASS}`)) removeIfOrphan(group, fieldSelector);
}

// The fields of `fields` that have a group, as an array.
export const withGroups = (fields) => arrayFrom(fields).filter((field) => groupAfter(field) !== null);

// A group someone is using: it holds the focus, an open menu or something said after a click.
export function inUse(group) {
  const focused = focusedBeside(group);
  const notice = group.querySelector(`.${NOTICE_CLASS}`);
  return (focused !== null && containsNode(group, focused))
    || group.querySelector('[aria-expanded="true"]') !== null
    || (notice !== null && notice.textContent !== "");
}

// Clear a notice after `milliseconds`, unless something else was said there since. A timer
// here rather than in Python: no Python proxy per notice.
export function clearNoticeLater(message, text, milliseconds) {
  setTimeout(() => {
    if (message.classList.contains(NOTICE_CLASS) && message.textContent === text) message.textContent = "";
  }, milliseconds);
}

// Clear every group's notice except the one in `keep`'s group: the next click makes them stale.
export function clearNotices(keep) {
  for (const message of allInPage(`.${NOTICE_CLASS}`)) {
    if (keep === null || keep === undefined || !message.parentElement.contains(keep)) message.textContent = "";
  }
}

// Whether this is the first claim on the element in the current task: a script that fires
// fifty clicks at once gets one tab or file (py/calendar_links_core/click_guard.py).
const claimedThisTask = new WeakSet();

export function claimForThisTask(element) {
  if (claimedThisTask.has(element)) return false;
  claimedThisTask.add(element);
  setTimeout(() => claimedThisTask.delete(element), 0);
  return true;
}
