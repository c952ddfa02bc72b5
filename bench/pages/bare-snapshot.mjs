// The app's own runtime module, without PyScript: restores the snapshot, unpacks the app
// archive and imports calendar_links_app, exactly as it does under PyScript.
import { loadPyodide } from "../../static/calendar-links-runtime.mjs";

await loadPyodide();
performance.mark("calendar-links:ready");
document.documentElement.setAttribute("data-calendar-links-state", "ready");
