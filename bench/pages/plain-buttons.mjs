// The plain-JavaScript baseline: the same button markup calendar-links adds (a
// span.calendar-links with a Google and an Outlook button and a hidden message, per field),
// put in place by a few lines of JS after the demo CRM has rendered its record. Loaded after
// static/demo/crm.js, so the fields are there when this runs.
performance.mark("calendar-links:start");
const PROVIDERS = [
  { id: "google", short: "Google", calendar: "Google Calendar",
    hint: "Opens Google Calendar in a new tab, in the Google account signed in to this browser. You review and save the event there." },
  { id: "outlook", short: "Outlook", calendar: "Outlook",
    hint: "Downloads an .ics file to open in Outlook, which adds it to the Microsoft account Outlook is signed in to. You review and save the event there." },
];

function element(tag, className) {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function template() {
  const group = element("span", "calendar-links");
  group.setAttribute("data-calendar-providers", PROVIDERS.map((provider) => provider.id).join(" "));
  for (const provider of PROVIDERS) {
    const button = element("button", "calendar-links__button");
    button.type = "button";
    button.setAttribute("data-calendar-provider", provider.id);
    button.title = provider.hint;
    const icon = element("span", "calendar-links__icon");
    icon.setAttribute("aria-hidden", "true");
    const text = element("span", "calendar-links__text");
    text.textContent = provider.short;
    button.append(icon, text);
    group.append(button);
  }
  const message = element("span", "calendar-links__message");
  message.setAttribute("role", "status");
  message.hidden = true;
  group.append(message);
  return group;
}

const shared = template();
for (const field of document.querySelectorAll("[data-calendar-field]")) {
  const key = field.getAttribute("data-calendar-field");
  const label = field.getAttribute("data-field-label") || key;
  const group = shared.cloneNode(true);
  group.setAttribute("data-calendar-for", key);
  group.querySelectorAll("button").forEach((button, index) => {
    button.setAttribute("aria-label", `Add ${label} to ${PROVIDERS[index].calendar}`);
  });
  field.after(group);
}
performance.mark("calendar-links:ready");
document.documentElement.setAttribute("data-calendar-links-state", "ready");
dispatchEvent(new Event("calendar-links:ready"));
