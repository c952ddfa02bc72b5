// The one tag a host page needs besides the stylesheet, at any depth:
//   <script type="module" src="…/static/calendar-links.mjs"></script>
// Every other file is found from this module's own URL, so the page's path doesn't matter.
// The runtime module starts the app as soon as it loads; when the page rules a start out, or
// the runtime can't even be loaded (a file of it missing, or answered with an HTML page),
// this says so.
import { pageNeedsPython } from "./calendar-links-demand.mjs";
import { RESTORE_DOWNLOADS, RESTORE_MODULES } from "./calendar-links-files.mjs";
import { append, createElement, firstOnPage, pageHead, setAttribute } from "./calendar-links-platform.mjs";

// When the page needs Python, the big downloads start now, side by side, instead of after the
// chain of modules that leads to them (the runtime, Pyodide's loader, its interpreter): the
// runtime's own requests then take the answers already on their way. Through the platform's
// own methods, which a page's named elements can't hide (calendar-links-platform.mjs).
function preload() {
  // A page whose policy allows scripts by nonce allows our module preloads with the same one.
  const nonce = firstOnPage("script[nonce]")?.nonce ?? "";
  // The small modules first: a server speaking HTTP/1.1 answers a browser on six
  // connections, and the modules must not wait behind the big files.
  const links = [
    ...RESTORE_MODULES.map((href) => ({ rel: "modulepreload", href, nonce })),
    ...RESTORE_DOWNLOADS.map((href) => ({ rel: "preload", as: "fetch", crossorigin: "anonymous", href })),
  ];
  const head = pageHead();
  for (const attributes of links) {
    const link = createElement("link");
    for (const [name, value] of Object.entries(attributes)) if (value) setAttribute(link, name, value);
    append(head, link);
  }
}

if (pageNeedsPython()) {
  try {
    preload();
  } catch {
    // A page that broke even those: the runtime fetches the files itself, a little later.
  }
}

const { FILES_MISSING, reportFailure, startBlocker } = await import("./calendar-links-failure.mjs");
const blocker = startBlocker();
if (blocker === null) {
  import("./calendar-links-runtime.mjs").catch(() => reportFailure(FILES_MISSING));
} else {
  reportFailure(blocker);
}
