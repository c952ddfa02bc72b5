// Init script for the click-latency pages. Records, in page time (performance.now()):
//  - each trusted click as the window sees it first (capture phase), with event.timeStamp,
//    the moment the browser created the input event;
//  - each window.open call (answered with null: no tab is opened);
//  - each click() on an anchor with a download attribute (swallowed: no file is saved, so
//    ten downloads don't pile up; the app's work up to that call is what is measured);
//  - Event Timing entries for clicks (input delay, handler time, time to the next paint).
(() => {
  const clicks = (window.__benchClicks = { clicks: [], opens: [], downloads: [], eventTimings: [] });
  addEventListener(
    "click",
    (event) => {
      if (event.isTrusted) clicks.clicks.push({ timeStamp: event.timeStamp, seen: performance.now() });
    },
    { capture: true },
  );
  window.open = function () {
    clicks.opens.push(performance.now());
    return null;
  };
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute("download")) {
      clicks.downloads.push(performance.now());
      return;
    }
    return anchorClick.call(this);
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name !== "click") continue;
        clicks.eventTimings.push({
          start: entry.startTime,
          processingStart: entry.processingStart,
          processingEnd: entry.processingEnd,
          duration: entry.duration,
        });
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch (error) {
    clicks.eventTimingError = String(error);
  }
})();
