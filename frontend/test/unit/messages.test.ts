import { describe, expect, it } from "vitest";
import { validateMessagesConfig } from "../../src/config";
import { count, t } from "../../src/localize";
import { formatMessageDate, formatMessageTimestamp, messagesOf, sentInstant, shownMessages } from "../../src/messages";
import type { CardData, MessageItem } from "../../src/types";
import { CARD_DATA, CARD_DATA_JAN, INBOX_URL } from "../fixtures";

function item(id: string, sent: string | null, changes: Partial<MessageItem> = {}): MessageItem {
  return { id, sender: "Anna Nowak", topic: `Temat ${id}`, sent, preview: "", unread: false, has_attachments: false, ...changes };
}

/** Any run of white space (Intl uses no-break spaces) as one plain space. */
const norm = (text: string): string => text.replace(/\s+/gu, " ");

describe("the reference messages (test/fixtures.ts)", () => {
  const m = CARD_DATA.messages;

  it("are newest first, at most 20, with ids as strings and dates with an offset", () => {
    expect(m.items.length).toBeGreaterThan(0);
    expect(m.items.length).toBeLessThanOrEqual(20);
    const times = m.items.map((i) => sentInstant(i.sent));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const i of m.items) {
      expect(typeof i.id).toBe("string");
      expect(i.sent).toMatch(/[+-]\d\d:\d\d$/);
    }
  });

  it("cover what the card highlights: unread ones (= the count), one with attachments, a cut preview, Polish letters", () => {
    expect(m.available).toBe(true);
    expect(m.inbox_url).toBe(INBOX_URL);
    expect(m.unread).toBe(m.items.filter((i) => i.unread).length);
    expect(m.unread).toBeGreaterThan(0);
    expect(m.items.filter((i) => i.has_attachments)).toHaveLength(1);
    const cut = m.items.filter((i) => i.preview.endsWith("…"));
    expect(cut).toHaveLength(1);
    for (const i of m.items) expect(i.preview.length).toBeLessThanOrEqual(161);
    expect(m.items.map((i) => `${i.sender} ${i.topic} ${i.preview}`).join(" ")).toMatch(/[ąćęłńóśźż]/);
  });

  it("the second student has the module off", () => {
    expect(CARD_DATA_JAN.messages).toEqual({ available: false, unread: 0, inbox_url: "", items: [] });
  });
});

describe("messagesOf", () => {
  it("passes the backend's messages through", () => {
    expect(messagesOf(CARD_DATA)).toEqual(CARD_DATA.messages);
  });

  it("reads a backend without messages (or a broken part) as not available", () => {
    const { messages: _, ...older } = CARD_DATA;
    expect(messagesOf(older as CardData)).toEqual({ available: false, unread: 0, inbox_url: "", items: [] });
    const odd = { ...CARD_DATA, messages: { available: 1, unread: -3, inbox_url: null, items: null } };
    expect(messagesOf(odd as unknown as CardData)).toEqual({ available: false, unread: 0, inbox_url: "", items: [] });
  });
});

describe("shownMessages", () => {
  const items = [
    item("a", "2026-11-27T15:03:00+01:00", { unread: true }),
    item("b", null),
    item("c", "2026-11-30T07:42:00+01:00"),
    item("d", "2026-11-30T06:42:00Z", { unread: true }), // the same instant as c: c comes first, as sent
    item("e", "2026-11-29 20:00:00"), // no offset: Warsaw time
  ];

  it("lists newest first; ties keep the backend's order; a message without a date goes last", () => {
    expect(shownMessages(items, { limit: 20, unreadOnly: false }).map((i) => i.id)).toEqual(["c", "d", "e", "a", "b"]);
  });

  it("cuts to the limit and filters unread ones", () => {
    expect(shownMessages(items, { limit: 2, unreadOnly: false }).map((i) => i.id)).toEqual(["c", "d"]);
    expect(shownMessages(items, { limit: 20, unreadOnly: true }).map((i) => i.id)).toEqual(["d", "a"]);
    expect(shownMessages(items, { limit: 0, unreadOnly: false })).toEqual([]);
  });

  it("keeps the fixture's order", () => {
    const all = CARD_DATA.messages.items;
    expect(shownMessages(all, { limit: 20, unreadOnly: false })).toEqual(all);
  });
});

describe("message dates (Warsaw time, whatever the machine's zone)", () => {
  it("reads offsets, Z and Warsaw wall time without an offset (winter and summer)", () => {
    expect(sentInstant("2026-11-30T07:42:00+01:00")).toBe(Date.UTC(2026, 10, 30, 6, 42));
    expect(sentInstant("2026-11-30T06:42:00Z")).toBe(Date.UTC(2026, 10, 30, 6, 42));
    expect(sentInstant("2026-11-30 07:42:00")).toBe(Date.UTC(2026, 10, 30, 6, 42));
    expect(sentInstant("2026-06-15T09:00:00")).toBe(Date.UTC(2026, 5, 15, 7, 0));
    expect(sentInstant(null)).toBeNaN();
    expect(sentInstant("wczoraj")).toBeNaN();
  });

  it("today: the time; this year: day and month; earlier: the full date", () => {
    const today = "2026-11-30";
    expect(formatMessageDate("2026-11-30T07:42:00+01:00", today, "pl-PL")).toBe("07:42");
    expect(formatMessageDate("2026-11-30T07:42:00+01:00", today, "en-GB")).toBe("07:42");
    // 23:30 UTC on the 29th is already the 30th in Warsaw
    expect(formatMessageDate("2026-11-29T23:30:00Z", today, "pl-PL")).toBe("00:30");
    expect(norm(formatMessageDate("2026-11-27T15:03:00+01:00", today, "pl-PL"))).toBe("27 lis");
    expect(norm(formatMessageDate("2026-11-27T15:03:00+01:00", today, "en-GB"))).toBe("27 Nov");
    expect(norm(formatMessageDate("2026-11-27T15:03:00+01:00", today, "en-US"))).toBe("Nov 27");
    expect(formatMessageDate("2025-06-20T10:00:00+02:00", today, "pl-PL")).toBe("20.06.2025");
    expect(formatMessageDate("2025-06-20T10:00:00+02:00", today, "en-GB")).toBe("20/06/2025");
    expect(formatMessageDate(null, today, "pl-PL")).toBe("");
  });

  it("the full timestamp for the tooltip", () => {
    expect(formatMessageTimestamp("2026-11-27T15:03:00+01:00", "pl-PL")).toBe("27.11.2026, 15:03");
    expect(formatMessageTimestamp("2026-09-01T08:00:00+02:00", "en-GB")).toBe("01/09/2026, 08:00");
    expect(formatMessageTimestamp(null, "pl-PL")).toBe("");
  });
});

describe("texts and config", () => {
  it("counts unread messages in Polish and English", () => {
    expect([1, 2, 5, 22].map((n) => count("pl", "unread", n))).toEqual([
      "1 nieprzeczytana",
      "2 nieprzeczytane",
      "5 nieprzeczytanych",
      "22 nieprzeczytane",
    ]);
    expect(count("en", "unread", 3)).toBe("3 unread");
    expect(t("pl", "messages")).toBe("Wiadomości");
    expect(t("en", "card_messages")).toBe("Librus — Messages");
  });

  it("validates max_messages as a whole number from 1 to 20", () => {
    const type = "custom:librus-messages-card";
    expect(validateMessagesConfig({ type, max_messages: 20, unread_only: true, show_preview: false })).toEqual({
      type,
      max_messages: 20,
      unread_only: true,
      show_preview: false,
    });
    expect(() => validateMessagesConfig({ type, max_messages: 0 })).toThrow(
      'Librus (librus-messages-card): "max_messages" must be a whole number from 1 to 20, got 0.',
    );
    expect(() => validateMessagesConfig({ type, max_messages: "5" })).toThrow('got "5"');
    expect(() => validateMessagesConfig({ type, max_messages: 2.5 })).toThrow("whole number");
    expect(() => validateMessagesConfig({ type, unread_only: "yes" })).toThrow('"unread_only" must be true or false');
    expect(() => validateMessagesConfig({ type, semester: 1 })).toThrow(
      "Allowed options: entry_id, max_messages, unread_only, show_preview.",
    );
  });
});
