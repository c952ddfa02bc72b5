// Button groups put in place: which fields need a new group (a group made for another key,
// other calendars or another language goes), copies of one template placed after them, and
// the page's stylesheet copied into the shadow roots that get groups. What the buttons say
// comes from Python (py/calendar_links_page/page_render.py).
import { groupAfter, lastAttached, noteFreshGroup } from "./calendar-links-groups.mjs";
import { mayHaveGroup } from "./calendar-links-long-pages.mjs";
import {
  allOnPage, arrayFrom, fragmentQuerySelectorAll, getAttribute, insertAfter, isConnected,
} from "./calendar-links-platform.mjs";
import { keyOf, langOf, recordNameOf } from "./calendar-links-records.mjs";
import { shadowRootAround } from "./calendar-links-shadow-roots.mjs";

const LANG_ATTRIBUTE = "data-calendar-lang";

// Fields from..to-1 of `fields` that need a new button group, each as { index, key, label,
// recordName, lang } (label: data-field-label, or null; recordName: data-record-name of the
// field's record, or null; lang: as langOf). On the way, a group made for another key, other
// calendars or another language is removed; fields no longer on the page are skipped, and so
// are fields watched away from the view (watchNearView). With no calendars enabled
// (providers ""), every group goes and none is wanted.
export function fieldsNeedingGroups(fields, from, to, providers) {
  const wanted = [];
  for (let index = from; index < to; index += 1) {
    const field = fields[index];
    if (!isConnected(field)) continue;
    const key = keyOf(field);
    const group = groupAfter(field);
    if (group === null && !mayHaveGroup(field)) continue;
    if (group !== null) {
      if (group.getAttribute("data-calendar-for") === key
          && group.getAttribute("data-calendar-providers") === providers
          && group.getAttribute(LANG_ATTRIBUTE) === langOf(field)) continue;
      group.remove();
    }
    if (providers) {
      const label = getAttribute(field, "data-field-label");
      wanted.push({ index, key, label, recordName: recordNameOf(field), lang: langOf(field) });
    }
  }
  return wanted;
}

// Put a copy of `template` right after each planned field. plan: [{ index, key, labels }]
// (labels: the aria-label of each button, in document order). A group with a menu gets its
// own menu id, which its trigger points at.
let menuCount = 0;

export function placeGroups(fields, template, plan) {
  const styled = new Set();
  for (const { index, key, labels } of plan) {
    const group = template.cloneNode(true);
    const root = shadowRootAround(fields[index]);
    if (root !== null && !styled.has(root)) {
      styled.add(root);
      styleShadowRoot(root);
    }
    // A field slotted into a component's named slot: its group goes into the same slot.
    const slot = getAttribute(fields[index], "slot");
    if (slot !== null) group.setAttribute("slot", slot);
    group.setAttribute("data-calendar-for", key);
    group.setAttribute(LANG_ATTRIBUTE, langOf(fields[index]));
    const buttons = group.querySelectorAll("button");
    labels.forEach((label, position) => buttons[position].setAttribute("aria-label", label));
    const menu = group.querySelector("[role=menu]");
    if (menu !== null) {
      menuCount += 1;
      menu.id = `calendar-links-menu-${menuCount}`;
      group.querySelector("[data-calendar-menu]").setAttribute("aria-controls", menu.id);
    }
    noteFreshGroup(group);
    insertAfter(lastAttached(fields[index]), group);
  }
}

// The page's stylesheet doesn't reach into a shadow root: a root that gets button groups gets
// a copy of the page's own <link> to calendar-links.css (any file named calendar-links….css,
// so a build that puts a hash in the name is found too). A copy keeps the link's nonce,
// crossorigin and integrity, so a Content-Security-Policy that admitted the page's link
// admits it too; the browser has the file already. First in the root: the component's own
// styles still win where they say something else.
const STYLE_MARK = "data-calendar-links-style";
const OUR_STYLESHEET = /\/calendar-links[^/]*\.css$/;

const pathOf = (link) => {
  try {
    return new URL(link.href).pathname;
  } catch {
    return "";
  }
};

// Style the shadow root `element` stands in, if it stands in one (a marketplace panel or a
// hint rendered into a component).
export function styleRootAround(element) {
  const root = shadowRootAround(element);
  if (root !== null) styleShadowRoot(root);
}

function styleShadowRoot(root) {
  if (fragmentQuerySelectorAll(root, `link[${STYLE_MARK}]`).length > 0) return;
  const pageLink = arrayFrom(allOnPage("link[rel~=stylesheet][href]")).find((link) => OUR_STYLESHEET.test(pathOf(link)));
  if (pageLink === undefined) return;
  const copy = pageLink.cloneNode(false);
  copy.setAttribute(STYLE_MARK, "");
  root.prepend(copy);
}
