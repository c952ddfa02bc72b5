// The one tag a host page needs besides the stylesheet, at any depth:
//   <script type="module" src="…/static/calendar-links.mjs"></script>
// Every other file is found from this module's own URL, so the page's path doesn't matter.
// The runtime module starts the app as soon as it loads; when it can't even be loaded (a
// file of it missing, or answered with an HTML page), this says so.
import { FILES_MISSING, reportFailure } from "./calendar-links-failure.mjs";

import("./calendar-links-runtime.mjs").catch(() => reportFailure(FILES_MISSING));
