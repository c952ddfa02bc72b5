// Imported first by PyScript's entry module (tools/build_static.py adds the import when it
// copies PyScript), so it runs even where PyScript refuses the page before it asks for any
// file of ours: PyScript runs no `<script type="py">` at all when two of them carry different
// `config` settings, or a `<py-config>` stands beside them. The older embed snippet (PyScript's
// tags) then says so: the failed state, with the reason. The README's two tags don't go
// through PyScript, and a page that has them as well still gets its buttons from them.
// No imports at load: PyScript's start doesn't wait for ours.
const PY_SCRIPTS = 'script[type="py"][config]:not([worker]), py-script[config]:not([worker])';
const TWO_TAGS = 'script[type="module"][src*="calendar-links.mjs"]';
const ONE_SNIPPET = "Embed calendar-links once, with the two tags its README gives.";

// The platform's own method: a page's named elements can't hide it.
const { querySelectorAll } = Document.prototype;
const all = (selector) => [...Reflect.apply(querySelectorAll, document, [selector])];

function refusal() {
  const configs = all("py-config");
  const scripts = all(PY_SCRIPTS);
  if (configs.length > 1) return `this page holds ${configs.length} <py-config> elements, and PyScript runs no Python then. ${ONE_SNIPPET}`;
  if (configs.length === 1 && scripts.length > 0) {
    return `this page has both a <py-config> and a PyScript config attribute, and PyScript runs no Python then. ${ONE_SNIPPET}`;
  }
  if (new Set(scripts.map((script) => script.getAttribute("config"))).size > 1) {
    return `this page holds PyScript snippets with different settings, and PyScript runs none of them then. ${ONE_SNIPPET}`;
  }
  return null;
}

// Module scripts run once the page is parsed: every snippet PyScript will look at is there.
const reason = refusal();
if (reason !== null && all(TWO_TAGS).length === 0) {
  import("./calendar-links-failure.mjs").then(({ reportFailure }) => reportFailure(reason));
}
