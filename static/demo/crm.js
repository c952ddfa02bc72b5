// Orbit CRM: the demo host application. It knows nothing of calendar-links beyond the page
// contract: it renders records with data-calendar-* attributes and re-renders them on every
// navigation, as single-page apps do. All text goes in through textContent.

const contacts = [
  {
    id: "C-1815", name: "Ada Lovelace", title: "Director of Research", company: "Analytical Engines Ltd",
    email: "ada@analytical-engines.example", phone: "+44 20 7946 0181", city: "London",
    timeZone: "Europe/London", dateOrder: "DMY", location: "12 St James's Square, London SW1Y 4JH",
    fields: [
      { key: "birthday", label: "Birthday", type: "date", value: "1815-12-10", text: "10 December 1815", repeat: "yearly" },
      { key: "follow_up", label: "Next follow-up", type: "datetime", input: "datetime-local", value: "2026-12-03T10:30" },
      { key: "renewal", label: "Contract renewal", type: "date", text: "1 March 2027" },
    ],
    activities: [
      { id: "A-301", name: "Call about the engine order", type: "datetime", iso: "2026-12-02T15:00:00Z", text: "2 Dec 2026, 15:00", minutes: 45 },
      { id: "A-302", name: "Send the revised quote", type: "date", iso: "2026-12-04", text: "4 Dec 2026" },
    ],
  },
  {
    id: "C-1813", name: "Søren Kierkegaard", title: "Publisher", company: "Regensen Bogtryk ApS",
    email: "soren@regensen.example", phone: "+45 33 12 18 13", city: "København",
    timeZone: "Europe/Copenhagen", dateOrder: "DMY", location: "Nytorv 2, 1450 København K",
    fields: [
      { key: "birthday", label: "Birthday", type: "date", value: "1813-05-05", text: "5 May 1813", repeat: "yearly" },
      { key: "follow_up", label: "Next follow-up", type: "datetime", text: "7.12.2026 09:15" },
      { key: "renewal", label: "Contract renewal", type: "date", text: "31.02.2027", note: "This date was mistyped in the CRM." },
    ],
    activities: [
      { id: "A-303", name: "Lunch at Nyhavn 17", type: "datetime", iso: "2026-12-08T12:00", text: "8 Dec 2026, 12:00", minutes: 90, location: "Nyhavn 17, 1051 København" },
    ],
  },
  {
    id: "C-1867", name: "Marie Skłodowska-Curie", title: "Head of Laboratory", company: "Institut du Radium",
    email: "marie@institut-radium.example", phone: "+33 1 42 34 67 00", city: "Paris",
    timeZone: "Europe/Paris", dateOrder: "DMY", location: "1 rue Pierre et Marie Curie, 75005 Paris",
    fields: [
      { key: "birthday", label: "Birthday", type: "date", value: "1867-11-07", text: "7 novembre 1867", repeat: "yearly" },
      { key: "follow_up", label: "Next follow-up", type: "datetime", iso: "2026-12-01T14:00:00+01:00", text: "1 déc. 2026, 14:00" },
      { key: "renewal", label: "Contract renewal", type: "date", value: "2027-01-15", text: "15 janv. 2027" },
    ],
    activities: [
      { id: "A-304", name: "Site visit: isotope lab", type: "datetime", iso: "2026-12-09T09:30:00+01:00", text: "9 déc. 2026, 09:30", minutes: 120 },
    ],
  },
  {
    id: "C-1900", name: "Mária Telkes", title: "Chief Engineer", company: "Telkes Solar Kft.",
    email: "maria@telkes-solar.example", phone: "+1 617 555 0190", city: "Boston",
    timeZone: "America/New_York", dateOrder: "MDY", location: "77 Massachusetts Ave, Cambridge, MA",
    fields: [
      { key: "birthday", label: "Birthday", type: "date", value: "1900-12-12", text: "December 12, 1900", repeat: "yearly" },
      { key: "follow_up", label: "Next follow-up", type: "datetime", text: "Dec 9, 2026 3:00 PM" },
      { key: "renewal", label: "Contract renewal", type: "date", input: "date", value: "2027-03-31" },
    ],
    activities: [],
  },
];

const deals = [
  {
    id: "D-2041", name: "Difference Engine No. 2, three units", company: "Analytical Engines Ltd", amount: "£1,240,000",
    stage: "Proposal", timeZone: "Europe/London", location: "Video call",
    fields: [
      { key: "close", label: "Expected close", type: "date", value: "2027-01-29", text: "29 Jan 2027" },
      { key: "demo", label: "Demo call", type: "datetime", iso: "2026-12-05T16:00:00Z", text: "5 Dec 2026, 16:00 GMT", minutes: 60 },
      // CRMs often store plain dates as midnight UTC; the period runs to the end field's day.
      { key: "contract_start", label: "Contract period", type: "date", value: "2027-02-01T00:00:00Z", text: "1 Feb 2027", endField: "contract_end", showAs: "busy" },
      { key: "contract_end", label: "Contract end", type: "date", value: "2028-01-31T00:00:00Z", text: "31 Jan 2028" },
    ],
  },
  {
    id: "D-2042", name: "Rooftop solar pilot, 40 homes", company: "Telkes Solar Kft.", amount: "$310,000",
    stage: "Negotiation", timeZone: "America/New_York", dateOrder: "MDY", location: "Zoom",
    fields: [
      { key: "close", label: "Expected close", type: "date", text: "Feb 26, 2027" },
      { key: "demo", label: "Demo call", type: "datetime", input: "datetime-local", value: "2026-12-10T11:00" },
    ],
  },
  {
    id: "D-2043", name: "Press upgrade & type foundry", company: "Regensen Bogtryk ApS", amount: "kr 845.000",
    stage: "Qualified", timeZone: "Europe/Copenhagen", dateOrder: "DMY", location: "Nytorv 2, København",
    fields: [
      { key: "close", label: "Expected close", type: "date", value: "2027-03-31", text: "31. marts 2027" },
      { key: "kickoff", label: "Kick-off meeting", type: "datetime", iso: "2027-01-11T10:00", text: "11.01.2027 10:00", minutes: 90 },
    ],
  },
];

const activities = contacts.flatMap((contact) =>
  contact.activities.map((activity) => ({ ...activity, contact })),
);

const sections = {
  contacts: { title: "Contacts", items: contacts, render: renderContact, subtitle: (c) => c.company },
  deals: { title: "Deals", items: deals, render: renderDeal, subtitle: (d) => `${d.company} · ${d.stage}` },
  activities: { title: "Activities", items: activities, render: renderActivityPage, subtitle: (a) => `${a.contact.name} · ${a.text}` },
};

// A small element builder: attributes as an object, children as nodes or plain text.
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

function recordAttributes(type, item, path) {
  return {
    "data-calendar-record": true,
    "data-record-id": item.id,
    "data-record-type": type,
    "data-record-name": item.name,
    "data-record-url": `#/${path}/${item.id}`,
    "data-time-zone": item.timeZone,
    "data-date-order": item.dateOrder,
    "data-record-location": item.location,
  };
}

function dateField(field, idPrefix) {
  const common = {
    "data-calendar-field": field.key,
    "data-field-type": field.type,
    "data-field-label": field.label,
    "data-duration-minutes": field.minutes,
    "data-repeat": field.repeat,
    "data-end-field": field.endField,
    "data-show-as": field.showAs,
  };
  if (field.input) {
    return h("input", { ...common, id: `${idPrefix}-${field.key}`, type: field.input, value: field.value, class: "field-input" });
  }
  if (field.iso) {
    return h("span", common, h("time", { datetime: field.iso }, field.text));
  }
  return h("span", { ...common, "data-value": field.value }, field.text);
}

function fieldRow(field, idPrefix) {
  const labelTag = field.input ? h("label", { for: `${idPrefix}-${field.key}` }, field.label) : field.label;
  return h("div", { class: "field-row" },
    h("dt", {}, labelTag),
    h("dd", {}, dateField(field, idPrefix), field.note ? h("small", { class: "field-note" }, field.note) : null),
  );
}

function plainRow(label, value) {
  return h("div", { class: "field-row" }, h("dt", {}, label), h("dd", {}, value));
}

function initials(name) {
  return name.split(/\s+/).map((part) => part[0]).slice(0, 2).join("");
}

function recordHeader(item, kicker, subtitle) {
  return h("header", { class: "record__header" },
    h("span", { class: "avatar", "aria-hidden": "true" }, initials(item.name)),
    h("div", {},
      h("p", { class: "kicker" }, kicker),
      h("h1", { class: "record__name" }, item.name),
      h("p", { class: "record__subtitle" }, subtitle),
    ),
  );
}

function activityItem(activity) {
  const contact = activity.contact;
  const field = { key: "due", label: "Due", type: activity.type, iso: activity.iso, text: activity.text, minutes: activity.minutes };
  return h("li", {
    class: "activity",
    ...recordAttributes("Activity", activity, "activities"),
    "data-time-zone": contact.timeZone,
    "data-date-order": contact.dateOrder,
    "data-record-location": activity.location,
    "data-record-description": `With ${contact.name}, ${contact.company}`,
  },
    h("span", { class: "activity__name" }, activity.name),
    h("dl", { class: "fields fields--compact" }, fieldRow(field, activity.id)),
  );
}

function renderContact(contact) {
  const withContact = contact.activities.map((activity) => ({ ...activity, contact }));
  return h("article", {
    class: "record",
    ...recordAttributes("Contact", contact, "contacts"),
    "data-record-description": `${contact.title}, ${contact.company}`,
  },
    recordHeader(contact, "Contact", `${contact.title} · ${contact.company}`),
    h("section", { class: "card", "aria-label": "Details" },
      h("dl", { class: "fields" },
        plainRow("Email", h("a", { href: `mailto:${contact.email}` }, contact.email)),
        plainRow("Phone", contact.phone),
        plainRow("City", `${contact.city} (${contact.timeZone})`),
        contact.fields.map((field) => fieldRow(field, contact.id)),
      ),
    ),
    h("section", { class: "card", "aria-labelledby": `${contact.id}-activities` },
      h("h2", { id: `${contact.id}-activities` }, "Activities"),
      withContact.length
        ? h("ul", { class: "activities" }, withContact.map(activityItem))
        : h("p", { class: "empty" }, "No open activities."),
    ),
  );
}

function renderDeal(deal) {
  return h("article", {
    class: "record",
    ...recordAttributes("Deal", deal, "deals"),
    "data-record-description": `${deal.company}, ${deal.amount}, stage: ${deal.stage}`,
  },
    recordHeader(deal, "Deal", `${deal.company} · ${deal.amount}`),
    h("section", { class: "card", "aria-label": "Details" },
      h("dl", { class: "fields" },
        plainRow("Stage", h("span", { class: "badge" }, deal.stage)),
        plainRow("Amount", deal.amount),
        deal.fields.map((field) => fieldRow(field, deal.id)),
      ),
    ),
  );
}

function renderActivityPage(activity) {
  return h("article", { class: "record" },
    recordHeader(activity, "Activity", `With ${activity.contact.name} · ${activity.contact.company}`),
    h("section", { class: "card" }, h("ul", { class: "activities" }, activityItem(activity))),
  );
}

function route() {
  const [, sectionName = "contacts", id] = location.hash.split("/");
  return { sectionName: sectionName in sections || sectionName === "marketplace" ? sectionName : "contacts", id };
}

function render() {
  const { sectionName, id } = route();
  for (const link of document.querySelectorAll("[data-nav]")) {
    link.toggleAttribute("aria-current", link.dataset.nav === sectionName);
    if (link.dataset.nav === sectionName) link.setAttribute("aria-current", "page");
  }
  const marketplace = sectionName === "marketplace";
  document.getElementById("marketplace-view").hidden = !marketplace;
  document.getElementById("record-view").hidden = marketplace;
  document.querySelector(".record-list").hidden = marketplace;
  if (marketplace) return;

  const section = sections[sectionName];
  const current = section.items.find((item) => item.id === id) ?? section.items[0];
  document.getElementById("record-list-title").textContent = section.title;
  document.getElementById("record-list").replaceChildren(
    ...section.items.map((item) =>
      h("li", {},
        h("a", { href: `#/${sectionName}/${item.id}`, "aria-current": item === current ? "page" : null },
          h("span", { class: "record-list__name" }, item.name),
          h("span", { class: "record-list__meta" }, section.subtitle(item)),
        ),
      ),
    ),
  );
  document.getElementById("record-view").replaceChildren(section.render(current));
}

addEventListener("hashchange", render);
for (const outcome of ["calendar-links:ready", "calendar-links:failed"]) {
  addEventListener(outcome, () => document.querySelector(".startup-note")?.remove(), { once: true });
}
render();
