/**
 * Dates, times, numbers and plurals. Every calendar computation is done on ISO dates
 * ("2026-11-30") as plain UTC day numbers and every clock reading is converted to
 * Europe/Warsaw, so the browser's own time zone never matters.
 */
import type { ISODate } from "./types";

export const SCHOOL_TZ = "Europe/Warsaw";

const DAY_MS = 86_400_000;

/** A timestamp that ends in "Z" or an offset ("+01:00", "-0800"). */
const ZONE_SUFFIX = /(Z|[+-]\d\d:?\d\d)$/i;

/** Days since 1970-01-01 for an ISO date, ignoring any time zone. */
export function dayNumber(date: ISODate): number {
  const [y, m, d] = date.slice(0, 10).split("-").map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function fromDayNumber(n: number): ISODate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: ISODate, days: number): ISODate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: ISODate, to: ISODate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Monday … 6 = Sunday. */
export function isoWeekday(date: ISODate): number {
  return (new Date(dayNumber(date) * DAY_MS).getUTCDay() + 6) % 7;
}

export function mondayOf(date: ISODate): ISODate {
  return addDays(date, -isoWeekday(date));
}

/** "08:05" → 485 minutes after midnight. */
export function timeToMinutes(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export interface SchoolClock {
  /** The calendar day in Warsaw. */
  date: ISODate;
  /** Minutes after midnight in Warsaw. */
  minutes: number;
}

const clockFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: SCHOOL_TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** What the clock on the school wall shows at `instant`. */
export function schoolClock(instant: Date | number = Date.now()): SchoolClock {
  const parts: Record<string, string> = {};
  for (const part of clockFormat.formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * The Warsaw calendar day of a timestamp. "2026-11-29T23:30:00Z" is already the 30th in Warsaw;
 * a timestamp without an offset ("2026-11-29 14:23:00") is taken as Warsaw local time.
 */
export function warsawDateOf(timestamp: string): ISODate {
  if (!ZONE_SUFFIX.test(timestamp.trim())) return timestamp.slice(0, 10);
  const instant = Date.parse(timestamp);
  return Number.isNaN(instant) ? timestamp.slice(0, 10) : schoolClock(instant).date;
}

/* ---------- language ---------- */

export type Lang = "pl" | "en";

/** The user's language as the cards speak it: Polish for "pl*", English otherwise. */
export function cardLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith("pl") ? "pl" : "en";
}

/** A BCP 47 tag for Intl: the user's own for English variants (en-US dates differ), pl-PL for Polish. */
export function intlLocale(language: string | undefined): string {
  const lang = cardLang(language);
  if (lang === "pl") return "pl-PL";
  try {
    return language && Intl.DateTimeFormat.supportedLocalesOf([language]).length ? language : "en-GB";
  } catch {
    return "en-GB";
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One `Intl.DateTimeFormat` per locale and options (they are costly to make), for every card. */
export function cachedFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** Day, month, year, hour and minute, 24-hour: "29.11.2026, 14:23". */
export const TIMESTAMP_FORMAT: Intl.DateTimeFormatOptions = {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // An ISO date is rendered from UTC midnight in UTC, so the day never shifts.
  return cachedFormatter(locale, { ...options, timeZone: "UTC" });
}

function isoToUTC(date: ISODate): Date {
  return new Date(dayNumber(date) * DAY_MS);
}

/** "poniedziałek, 30 listopada" / "Monday 30 November". */
export function formatLongDay(date: ISODate, locale: string): string {
  return dateFormatter(locale, { weekday: "long", day: "numeric", month: "long" }).format(isoToUTC(date));
}

/** "pon., 30 lis" / "Mon 30 Nov". */
export function formatShortDay(date: ISODate, locale: string): string {
  return dateFormatter(locale, { weekday: "short", day: "numeric", month: "short" }).format(isoToUTC(date));
}

/** "30.11.2026" / "30/11/2026". */
export function formatDate(date: ISODate, locale: string): string {
  return dateFormatter(locale, { day: "2-digit", month: "2-digit", year: "numeric" }).format(isoToUTC(date));
}

/** "pon." / "Mon". */
export function formatWeekdayShort(date: ISODate, locale: string): string {
  return dateFormatter(locale, { weekday: "short" }).format(isoToUTC(date));
}

/** "30.11" / "30/11" (day and month). */
export function formatDayMonth(date: ISODate, locale: string): string {
  return dateFormatter(locale, { day: "2-digit", month: "2-digit" }).format(isoToUTC(date));
}

/** "30 lis – 4 gru 2026" / "30 Nov – 4 Dec 2026". */
export function formatWeekRange(start: ISODate, end: ISODate, locale: string): string {
  const f = dateFormatter(locale, { day: "numeric", month: "short", year: "numeric" });
  try {
    return f.formatRange(isoToUTC(start), isoToUTC(end));
  } catch {
    return `${f.format(isoToUTC(start))} – ${f.format(isoToUTC(end))}`;
  }
}

/**
 * A timestamp shown as Warsaw wall time: "29.11.2026, 14:23". One with an offset is converted;
 * one without ("2026-11-29 14:23:00") is already Warsaw time and shown as written; a bare date is
 * shown as a date.
 */
export function formatTimestamp(timestamp: string, locale: string): string {
  const text = timestamp.trim();
  if (/^\d{4}-\d\d-\d\d$/.test(text)) return formatDate(text, locale); // a day without a time
  let instant = Number.NaN;
  let zone = SCHOOL_TZ;
  if (ZONE_SUFFIX.test(text)) {
    instant = Date.parse(text);
  } else {
    const m = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)/.exec(text);
    if (m) {
      instant = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
      zone = "UTC";
    }
  }
  if (Number.isNaN(instant)) return timestamp;
  return cachedFormatter(locale, { ...TIMESTAMP_FORMAT, timeZone: zone }).format(instant);
}

/** Averages: "4,57" in Polish, "4.57" in English; "–" when there is none. */
export function formatAverage(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(lang === "pl" ? "pl-PL" : "en-GB", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/* ---------- plurals ---------- */

/** Forms in Intl.PluralRules categories; Polish uses one / few / many (and other for fractions). */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The right form for `count`: pl 1 ocena, 2 oceny, 5 ocen, 22 oceny, 12 ocen; en 1 grade, 2 grades. */
export function pluralForm(count: number, forms: PluralForms, lang: Lang): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const category = rules.select(count);
  if (category === "one") return forms.one;
  if (category === "few") return forms.few ?? forms.other;
  if (category === "many") return forms.many ?? forms.other;
  return forms.other;
}

/** "5 ocen" — the count followed by the plural form. */
export function countLabel(count: number, forms: PluralForms, lang: Lang): string {
  return `${count} ${pluralForm(count, forms, lang)}`;
}
