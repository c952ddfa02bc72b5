// Init script for every measured load (runs before any of the page's own scripts).
// It only observes: long tasks, long animation frames (with the script that started them),
// WebAssembly compile/instantiate calls, PyScript's py:ready, the first button group, and,
// on generated many-field pages, when the last field's value check has shown its message.
// Timestamps are performance.now() values, i.e. milliseconds from navigation start.
(() => {
  const probe = (window.__benchProbe = {
    longTasks: [],
    frames: [],
    wasm: [],
    pyReady: null,
    firstGroup: null,
    lastFieldChecked: null,
  });
  const now = () => performance.now();
  // Room for every resource of the biggest page (the default buffer holds 250).
  performance.setResourceTimingBufferSize(1000);

  // Long tasks: start and duration only (Chromium attributes them to "self" and no more).
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    probe.longTaskError = String(error);
  }

  // Long animation frames name the entry point (invoker and source file) of each long script.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.frames.push({
          start: entry.startTime,
          duration: entry.duration,
          renderStart: entry.renderStart,
          styleAndLayoutStart: entry.styleAndLayoutStart,
          scripts: entry.scripts.map((script) => ({
            start: script.startTime,
            duration: script.duration,
            invoker: script.invoker,
            source: script.sourceURL.split("/").pop(),
          })),
        });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch (error) {
    probe.frameError = String(error);
  }

  // When Pyodide's WebAssembly module is compiled and instantiated (the calls pass through
  // untouched, so streaming compilation still overlaps the download).
  for (const name of ["compile", "compileStreaming", "instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (source, ...rest) {
      const entry = { name, start: now(), end: null, url: null };
      probe.wasm.push(entry);
      Promise.resolve(source).then(
        (value) => { if (value && typeof value.url === "string") entry.url = value.url.split("/").pop(); },
        () => {},
      );
      const result = original.call(this, source, ...rest);
      result.then(() => { entry.end = now(); }, () => { entry.end = now(); });
      return result;
    };
  }

  // PyScript dispatches py:ready on the script element right before it runs its code; a
  // capture listener on window sees it whether or not it bubbles.
  addEventListener("py:ready", () => { probe.pyReady ??= now(); }, { capture: true });

  // The first button group on the page, from any source (the app or the plain JS page). The
  // callback looks only at added nodes, so it stays cheap while a big page is parsed; it runs
  // at the end of the task that inserted the group (mutation records are delivered then).
  const firstGroupObserver = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && node.classList.contains("calendar-links")) {
          probe.firstGroup = now();
          firstGroupObserver.disconnect();
          return;
        }
      }
    }
  });
  firstGroupObserver.observe(document, { childList: true, subtree: true });

  // Generated many-field pages end with a record whose last field holds an impossible date.
  // Values are checked in document order after the buttons are in place, so the moment that
  // field's group turns into a problem is the moment every value has been checked. Only
  // that one record is observed, so the observer costs nothing on the other fields.
  document.addEventListener("DOMContentLoaded", () => {
    const record = document.querySelector("[data-bench-last-record]");
    if (!record) return;
    const observer = new MutationObserver(() => {
      if (record.querySelector(".calendar-links--problem")) {
        probe.lastFieldChecked = now();
        observer.disconnect();
      }
    });
    observer.observe(record, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
  });
})();
