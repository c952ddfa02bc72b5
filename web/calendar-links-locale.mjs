// The browser's own locale data for a language (Intl), read in one call for the core's date
// reading. No DOM: nothing here touches the page.

// The date words of one language, from the browser's own locale data, for
// py/calendar_links_core/date_names.py: the resolved locale, the types of a short date's parts
// in order (the core decides the date order from them), for each month (January first) and
// weekday (Monday first) every spelling Intl uses, standalone and inside a date ("Dez",
// "Dez.", "Dezember"), the words between a date's parts (" um ", " de ") and the morning and
// afternoon marks. "" for the browser's own language; null when the tag is not a language the
// browser accepts.
export function dateLanguage(tag) {
  let locale;
  try {
    locale = new Intl.DateTimeFormat(tag || undefined).resolvedOptions().locale;
  } catch {
    return null;
  }
  const inUtc = (options) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
  const partsOf = (options, moment, type) =>
    inUtc(options).formatToParts(moment).filter((part) => part.type === type).map((part) => part.value);
  // The types of a short date's parts, in their order: the core reads the date order from them.
  const dateParts = inUtc({}).formatToParts(new Date(Date.UTC(2026, 11, 1))).map((part) => part.type);
  const months = [];
  for (let month = 0; month < 12; month += 1) {
    const moment = new Date(Date.UTC(2026, month, 15));
    months.push([
      ...partsOf({ month: "long" }, moment, "month"),
      ...partsOf({ month: "short" }, moment, "month"),
      ...partsOf({ day: "numeric", month: "long", year: "numeric" }, moment, "month"),
      ...partsOf({ day: "numeric", month: "short", year: "numeric" }, moment, "month"),
    ]);
  }
  const weekdays = [];
  for (let day = 0; day < 7; day += 1) {
    // 1 June 2026 is a Monday.
    const moment = new Date(Date.UTC(2026, 5, 1 + day));
    weekdays.push([
      ...partsOf({ weekday: "long" }, moment, "weekday"),
      ...partsOf({ weekday: "short" }, moment, "weekday"),
      ...partsOf({ dateStyle: "full" }, moment, "weekday"),
    ]);
  }
  const sample = new Date(Date.UTC(2026, 11, 1, 15, 0));
  const words = [
    ...partsOf({ dateStyle: "full", timeStyle: "short" }, sample, "literal"),
    ...partsOf({ dateStyle: "long", timeStyle: "short" }, sample, "literal"),
    ...partsOf({ dateStyle: "medium", timeStyle: "short" }, sample, "literal"),
  ];
  const dayPeriods = [3, 15].map((hour) =>
    partsOf({ hour: "numeric", hour12: true }, new Date(Date.UTC(2026, 11, 1, hour)), "dayPeriod"));
  return { locale, dateParts, months, weekdays, words, dayPeriods };
}
