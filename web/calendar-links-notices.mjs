// Where a click's notice floats. It is a popover in the top layer, so no ancestor's
// `overflow: hidden` clips it and it moves nothing on the page; being there, it is placed in
// viewport coordinates: beside its button group on the group's own row (at its inline end),
// under the group or over it, whichever fits in the viewport and hides least of the page's
// controls and words, in that order when they tie. The side is chosen when the notice appears
// and when the window changes size; while the page or any box around the group scrolls, the
// notice moves with its group.
import { addListener, closest, elementAtPoint, hostDocument, matches, pageRoot } from "./calendar-links-platform.mjs";

const NOTICE_CLASS = "calendar-links__message--notice";
const GAP = 5;
// Kept clear of the viewport's edges, so a notice never touches or crosses them.
const EDGE = 8;
// What a notice should not hide, and how much it matters: a control (someone may be about to
// use it: the next row's input, most often, lies under the group) more than words.
const CONTROLS = "input, select, textarea, button, a[href], [contenteditable]";
const MEDIA = "img, video, canvas, svg, iframe";

// Open notices, each with its group and the side chosen for it.
const floating = new Map();
let listening = false;
let frame = 0;

// The weight of what shows at a point: a control, words or media, or nothing (a background).
// Other groups' buttons and messages count as the host's own do. A notice takes no pointer
// events (hit testing sees through it), but one with a link does: it never counts.
function weightAt(x, y) {
  const element = elementAtPoint(x, y);
  if (element === null || closest(element, `.${NOTICE_CLASS}`) !== null) return 0;
  // The platform's own methods: a host's form may have a control named "closest".
  if (closest(element, CONTROLS) !== null) return 3;
  if (matches(element, MEDIA)) return 1;
  for (const node of element.childNodes) {
    if (node.nodeType === 3 && node.textContent.trim() !== "") return 1;
  }
  return 0;
}

// How much of the host's content a notice would hide there, from nine points spread over it.
function covered(left, top, width, height) {
  let weight = 0;
  for (const x of [left + 2, left + width / 2, left + width - 2]) {
    for (const y of [top + 2, top + height / 2, top + height - 2]) weight += weightAt(x, y);
  }
  return weight;
}

// The notice's top-left corner on one side of the group's box, in viewport coordinates.
function corner(side, box, width, height, rightToLeft) {
  if (side === "beside") {
    return { left: rightToLeft ? box.left - GAP - width : box.right + GAP, top: box.top + (box.height - height) / 2 };
  }
  // Under or over, lined up with the group's inline start (its right edge on an rtl page).
  const left = rightToLeft ? box.right - width : box.left;
  return { left, top: side === "under" ? box.bottom + GAP : box.top - GAP - height };
}

function fits({ left, top }, width, height) {
  const viewportWidth = pageRoot().clientWidth;
  return left >= EDGE && top >= EDGE && left + width <= viewportWidth - EDGE && top + height <= innerHeight - EDGE;
}

// Where the group is and how big its notice is, read once for choosing a side and placing it.
function measured(group, message) {
  return {
    box: group.getBoundingClientRect(),
    width: message.offsetWidth,
    height: message.offsetHeight,
    rightToLeft: getComputedStyle(group).direction === "rtl",
  };
}

// The side that fits in the viewport and hides least; under when none fits.
function bestSide({ box, width, height, rightToLeft }) {
  let best = "under";
  let fewest = Infinity;
  for (const side of ["beside", "under", "over"]) {
    const place = corner(side, box, width, height, rightToLeft);
    if (!fits(place, width, height)) continue;
    const weight = covered(place.left, place.top, width, height);
    if (weight < fewest) [best, fewest] = [side, weight];
  }
  return best;
}

function place(message, side, { box, width, height, rightToLeft }) {
  const { left, top } = corner(side, box, width, height, rightToLeft);
  // Never past the viewport's inline edges, even for a group that is partly off screen.
  const viewportWidth = pageRoot().clientWidth;
  const shown = Math.max(EDGE, Math.min(left, viewportWidth - EDGE - width));
  message.style.setProperty("--calendar-links-notice-left", `${shown}px`);
  message.style.setProperty("--calendar-links-notice-top", `${top}px`);
}

// A notice that was cleared (emptied, closed, or taken off the page) is followed no more.
function stillShown(message) {
  return message.isConnected && message.textContent !== "" && message.matches(":popover-open");
}

function follow(rechoose) {
  frame = 0;
  for (const [message, spot] of floating) {
    if (!stillShown(message)) {
      floating.delete(message);
    } else {
      const measures = measured(spot.group, message);
      if (rechoose) spot.side = bestSide(measures);
      place(message, spot.side, measures);
    }
  }
}

function listen() {
  if (listening) return;
  listening = true;
  // Capturing on the document sees every scroll, of the page and of any box inside it.
  const options = { capture: true, passive: true };
  const onScroll = () => {
    if (floating.size > 0 && frame === 0) frame = requestAnimationFrame(() => follow(false));
  };
  addListener(hostDocument, "scroll", onScroll, options);
  addListener(globalThis, "resize", () => {
    if (floating.size > 0) follow(true);
  }, { passive: true });
}

// Show `message` (the group's notice) in the top layer, beside or near `group`, and keep it
// there. A browser without popovers keeps it where the stylesheet puts it, inside the group.
export function floatNotice(group, message) {
  if (typeof message.showPopover !== "function") return;
  if (!message.hasAttribute("popover")) message.setAttribute("popover", "manual");
  if (!message.matches(":popover-open")) message.showPopover();
  // Notices cleared since are let go here too, on a page that never scrolls.
  for (const shown of floating.keys()) if (!stillShown(shown)) floating.delete(shown);
  const measures = measured(group, message);
  const spot = { group, side: bestSide(measures) };
  floating.set(message, spot);
  place(message, spot.side, measures);
  listen();
}
