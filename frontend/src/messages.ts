/**
 * Data shaping for the Messages card: which messages to list and how their dates read.
 * The backend decides what is unread and cuts the previews; nothing here second-guesses it.
 */
import { cachedFormatter, schoolClock, SCHOOL_TZ, type SchoolClock, TIMESTAMP_FORMAT } from "./format";
import type { CardData, CardMessages, ISODate, MessageItem } from "./types";

/** A timestamp that ends in "Z" or an offset ("+01:00", "-0800"). */
const ZONE_SUFFIX = /(Z|[+-]\d\d:?\d\d)$/i;

const UNAVAILABLE: CardMessages = { available: false, unread: 0, inbox_url: "", items: [] };

/**
 * The messages part of the card data. A backend from before messages existed sends none:
 * that reads as "not available", never as an error.
 */
export function messagesOf(data: CardData): CardMessages {
  const m = (data as Partial<CardData>).messages;
  if (!m || typeof m !== "object") return UNAVAILABLE;
  return {
    available: m.available === true,
    unread: typeof m.unread === "number" && Number.isFinite(m.unread) && m.unread > 0 ? Math.floor(m.unread) : 0,
    inbox_url: typeof m.inbox_url === "string" ? m.inbox_url : "",
    items: Array.isArray(m.items) ? m.items : [],
  };
}

/** Milliseconds since the epoch of a `sent` value, NaN when there is none or it cannot be read. */
export function sentInstant(sent: string | null): number {
  if (!sent) return Number.NaN;
  const text = sent.trim();
  if (ZONE_SUFFIX.test(text)) return Date.parse(text);
  // Without an offset it is Warsaw wall time: read it as UTC, then shift by Warsaw's offset then.
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?/.exec(text);
  if (!m) return Number.NaN;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  const offset = warsawOffsetMinutes(wall);
  return wall - offset * 60_000;
}

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: SCHOOL_TZ, timeZoneName: "longOffset" });

/** Warsaw's UTC offset in minutes at (about) `instant`: 60 in winter, 120 in summer. */
function warsawOffsetMinutes(instant: number): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "";
  const m = /([+-])(\d\d):?(\d\d)/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

export interface ShownMessagesOptions {
  /** At most this many rows (1…20). */
  limit: number;
  unreadOnly: boolean;
}

/**
 * The rows to list: newest first (the backend already sends them so; a message without a date
 * goes last, ties keep the backend's order), only unread ones when asked, at most `limit`.
 */
export function shownMessages(items: readonly MessageItem[], options: ShownMessagesOptions): MessageItem[] {
  const limit = Math.max(0, Math.floor(options.limit));
  return items
    .map((item, index) => ({ item, index, at: sentInstant(item.sent) }))
    .filter(({ item }) => !options.unreadOnly || item.unread)
    .sort((a, b) => {
      const aa = Number.isNaN(a.at) ? -Infinity : a.at;
      const bb = Number.isNaN(b.at) ? -Infinity : b.at;
      return aa === bb ? a.index - b.index : bb - aa;
    })
    .slice(0, limit)
    .map(({ item }) => item);
}

/** The Warsaw calendar day and minutes of a message's `sent`, or null when it has none. */
export function sentClock(sent: string | null): SchoolClock | null {
  const at = sentInstant(sent);
  return Number.isNaN(at) ? null : schoolClock(at);
}

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedFormatter(locale, { ...options, timeZone: SCHOOL_TZ });
}

/**
 * When a message came, as a mail list shows it (Warsaw time): "10:15" today, "26 lis" / "26 Nov"
 * earlier this year, "26.11.2025" / "26/11/2025" in an earlier year; "" without a date.
 */
export function formatMessageDate(sent: string | null, today: ISODate, locale: string): string {
  const at = sentInstant(sent);
  if (Number.isNaN(at)) return "";
  const day = schoolClock(at).date;
  if (day === today) return formatter(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  if (day.slice(0, 4) === today.slice(0, 4)) return formatter(locale, { day: "numeric", month: "short" }).format(at);
  return formatter(locale, { day: "2-digit", month: "2-digit", year: "numeric" }).format(at);
}

/** The full date and time of a message for its tooltip: "26.11.2026, 10:15"; "" without a date. */
export function formatMessageTimestamp(sent: string | null, locale: string): string {
  const at = sentInstant(sent);
  if (Number.isNaN(at)) return "";
  return formatter(locale, TIMESTAMP_FORMAT).format(at);
}
