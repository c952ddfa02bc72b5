// The one tag a host page needs besides the stylesheet, at any depth:
//   <script type="module" src="…/static/calendar-links.mjs"></script>
// Every other file is found from this module's own URL, so the page's path doesn't matter.
// The runtime module starts the app as soon as it loads; when the page rules a start out, or
// the runtime can't even be loaded (a file of it missing, or answered with an HTML page),
// this says so.
import { FILES_MISSING, reportFailure, startBlocker } from "./calendar-links-failure.mjs";

const blocker = startBlocker();
if (blocker === null) {
  import("./calendar-links-runtime.mjs").catch(() => reportFailure(FILES_MISSING));
} else {
  reportFailure(blocker);
}
