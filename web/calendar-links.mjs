// The one tag a host page needs besides the stylesheet, at any depth:
//   <script type="module" src="…/static/calendar-links.mjs"></script>
// Every other file is found from this module's own URL, so the page's path doesn't matter.
// The build writes this module with every other file's content-hashed name in it
// (tools/hashed_names.py): a browser keeps those files for good, and a repeat visit asks only
// for this module and the stylesheet again. The runtime module starts the app as soon as it
// loads; when the page rules a start out, or the runtime can't even be loaded (a file of it
// missing, or answered with an HTML page), this says so.
import { markPhase } from "./calendar-links-timeline.mjs";
import { pageNeedsPython } from "./calendar-links-demand.mjs";
import { startRestoreDownloads } from "./calendar-links-files.mjs";
import { append, createElement, firstOnPage, pageHead, setAttribute } from "./calendar-links-platform.mjs";

markPhase("embed");

// The modules a start loads: ours (the shell's DOM helpers are one module per job, gathered
// by calendar-links-dom.mjs), then Pyodide's loader and its interpreter.
const RESTORE_MODULES = [
  "./calendar-links-failure.mjs",
  "./calendar-links-runtime.mjs",
  "./calendar-links-dom.mjs",
  "./calendar-links-changed-fields.mjs",
  "./calendar-links-shadow-roots.mjs",
  "./calendar-links-records.mjs",
  "./calendar-links-groups.mjs",
  "./calendar-links-long-pages.mjs",
  "./calendar-links-placing.mjs",
  "./calendar-links-page-changes.mjs",
  "./calendar-links-locale.mjs",
  "./calendar-links-frames.mjs",
  "./calendar-links-notices.mjs",
  "./vendor/pyodide/pyodide.mjs",
  "./vendor/pyodide/pyodide.asm.mjs",
];

// When the page needs Python, the modules a start loads are named to the browser at once (a
// module preload fills the module map, which every engine uses), through the platform's own
// methods, which a page's named elements can't hide (calendar-links-platform.mjs).
function preloadModules() {
  // A page whose policy allows scripts by nonce allows our module preloads with the same one.
  const nonce = firstOnPage("script[nonce]")?.nonce ?? "";
  const head = pageHead();
  for (const path of RESTORE_MODULES) {
    const link = createElement("link");
    setAttribute(link, "rel", "modulepreload");
    setAttribute(link, "href", new URL(path, import.meta.url).href);
    if (nonce) setAttribute(link, "nonce", nonce);
    append(head, link);
  }
}

const needsPython = pageNeedsPython();
if (needsPython) {
  try {
    preloadModules();
  } catch {
    // A page that broke even those: the modules load a little later, on import.
  }
}

const { filesUnavailable, reportFailure, startBlocker } = await import("./calendar-links-failure.mjs");
const blocker = startBlocker();
if (blocker === null) {
  import("./calendar-links-runtime.mjs").catch(() => reportFailure(filesUnavailable()));
  // The big downloads start now, side by side, instead of after the chain of modules that
  // leads to them (the runtime, Pyodide's loader, its interpreter); the runtime takes them
  // (calendar-links-files.mjs): one request per file in every browser, where a
  // `<link rel=preload as=fetch>` is fetched again by WebKit. Not before the runtime's import
  // is under way: in Chromium a dynamic import then waited for their bodies (a warm start
  // about 30 ms later, bench/README.md). A page that rules the start out downloads nothing.
  if (needsPython) startRestoreDownloads();
} else {
  reportFailure(blocker);
}
