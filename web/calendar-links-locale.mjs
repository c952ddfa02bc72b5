// The browser's own locale data for a language (Intl), read in one call for the core's date
// reading. No DOM: nothing here touches the page.

// The forms whose spellings of a month, a weekday and the words between a date's parts are read.
const MONTH_FORMS = [
  { month: "long" },
  { month: "short" },
  { day: "numeric", month: "long", year: "numeric" },
  { day: "numeric", month: "short", year: "numeric" },
];
const WEEKDAY_FORMS = [{ weekday: "long" }, { weekday: "short" }, { dateStyle: "full" }];
const SENTENCE_FORMS = [
  { dateStyle: "full", timeStyle: "short" },
  { dateStyle: "long", timeStyle: "short" },
  { dateStyle: "medium", timeStyle: "short" },
];

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
  // For each moment, every value of the part `type` that the forms give, form by form. Each
  // formatter is made once for all the moments: making one costs far more than using it, and
  // this runs while the page waits for its buttons.
  const spellings = (forms, moments, type) => {
    const formatters = forms.map(inUtc);
    return moments.map((moment) =>
      formatters.flatMap((formatter) =>
        formatter.formatToParts(moment).filter((part) => part.type === type).map((part) => part.value)));
  };
  // The types of a short date's parts, in their order: the core reads the date order from them.
  const dateParts = inUtc({}).formatToParts(new Date(Date.UTC(2026, 11, 1))).map((part) => part.type);
  const months = spellings(MONTH_FORMS, Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 15))), "month");
  // 1 June 2026 is a Monday.
  const weekdays = spellings(WEEKDAY_FORMS, Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2026, 5, 1 + day))), "weekday");
  const [words] = spellings(SENTENCE_FORMS, [new Date(Date.UTC(2026, 11, 1, 15, 0))], "literal");
  const dayPeriods = spellings([{ hour: "numeric", hour12: true }], [3, 15].map((hour) => new Date(Date.UTC(2026, 11, 1, hour))), "dayPeriod");
  return { locale, dateParts, months, weekdays, words, dayPeriods };
}
