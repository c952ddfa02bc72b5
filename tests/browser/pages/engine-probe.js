// Loaded before calendar-links by the pages of tests/browser/test_engines.py, where WebDriver
// sees no console, no new tab and no download: it notes each of them where a test can read it.
// A tab is only noted (no provider page is ever asked for), and a download's file is read back.
window.__opened = [];
window.__downloads = [];
window.__errors = [];
addEventListener("error", (event) => window.__errors.push(`error: ${event.message}`));
addEventListener("unhandledrejection", (event) => window.__errors.push(`rejection: ${event.reason}`));
const consoleError = console.error;
console.error = (...parts) => {
  window.__errors.push(parts.map(String).join(" "));
  consoleError.apply(console, parts);
};
window.open = (url) => {
  window.__opened.push(String(url));
  return {};
};
// The page's policy may not let fetch() read a blob: URL, so each Blob is kept by its URL.
const blobs = new Map();
const createObjectURL = URL.createObjectURL;
URL.createObjectURL = (blob) => {
  const url = createObjectURL.call(URL, blob);
  blobs.set(url, blob);
  return url;
};
document.addEventListener(
  "click",
  (event) => {
    const link = event.target;
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault();
    const name = link.download;
    blobs.get(link.href).text().then((text) => window.__downloads.push({ name, text }));
  },
  true,
);
