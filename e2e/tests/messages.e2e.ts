/**
 * The Messages card in the real Home Assistant, in English and in Polish: a person adds it
 * to a dashboard through the card picker (edit dashboard, "Add card", search "Librus", pick
 * "Librus — Messages", save), and it shows the demo parent's inbox as the simulator has it
 * on the simulated day (the machine's date): the unread count, the latest messages with
 * sender, date, topic, preview, a paperclip and unread ones in bold, every link opening the
 * Librus inbox in a new tab. Showing them never marks anything read: the simulator records
 * no message detail request and the messages stay unread. Then a phone-sized viewport.
 */
import path from "node:path";

import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from "vitest";

import type { CardData, MessageItem } from "../../frontend/src/types.js";
import {
  callWS,
  ensureLibrusDashboard,
  hassUi,
  type Lang,
  LANGS,
  launchChromium,
  librusCardData,
  login,
  newHaPage,
  openCardPicker,
  REPO_DIR,
  Screenshots,
  SimulatorAdmin,
  Strings,
  UI_TIMEOUT_MS,
} from "../src/harness.js";

const stack = inject("stack");
const sim = new SimulatorAdmin(stack.simulatorUrl);

const TAG = "librus-messages-card";
/** The demo parent, whose entry ensureLibrusDashboard adds (scripts/librus_demo). */
const DEMO_LOGIN = "8000001";
/** A dashboard of its own, so the "Librus" dashboard of cards.e2e.ts stays as it is. */
const URL_PATH = "librus-messages";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
// mdiPencil: the toolbar's "Edit dashboard" icon button (found by its icon, as in cards.e2e.ts).

/** The simulator's record of one message (GET /__simulator/messages). */
interface SimMessage {
  id: string;
  login: string;
  topic: string;
  sender: string;
  send_date: string;
  read: boolean;
  read_date: string | null;
  has_attachment: boolean;
  visible: boolean;
}

async function simulator<T>(adminPath: string): Promise<T> {
  const response = await fetch(`${stack.simulatorUrl}/__simulator/${adminPath}`);
  if (!response.ok) throw new Error(`simulator GET ${adminPath}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The demo parent's inbox as Librus shows it today: visible messages, newest first. */
async function simInbox(): Promise<SimMessage[]> {
  const { messages } = await simulator<{ messages: SimMessage[] }>(`messages?login=${DEMO_LOGIN}`);
  return messages.filter((message) => message.visible);
}

async function detailFetches(): Promise<string[]> {
  return (await simulator<{ detail_fetches: string[] }>("messages/detail-fetches")).detail_fetches;
}

/**
 * What the test uses of the card's own sources (frontend/src/{localize,format,today,messages}.ts),
 * so no wording, plural or date format is copied here.
 */
interface CardSource {
  t(lang: Lang, key: string, vars?: Record<string, string | number>): string;
  count(lang: Lang, key: string, n: number): string;
  intlLocale(language: string | undefined): string;
  schoolClock(instant?: Date | number): { date: string; minutes: number };
  effectiveToday(data: CardData, clock: { date: string; minutes: number }): string;
  formatMessageDate(sent: string | null, today: string, locale: string): string;
  shownMessages(items: readonly MessageItem[], options: { limit: number; unreadOnly: boolean }): MessageItem[];
}

async function loadCardSource(): Promise<CardSource> {
  const merged: Record<string, unknown> = {};
  for (const name of ["localize", "format", "today", "messages"]) {
    const file = path.join(REPO_DIR, "frontend", "src", `${name}.ts`);
    Object.assign(merged, (await import(/* @vite-ignore */ file)) as Record<string, unknown>);
  }
  const needed = ["t", "count", "intlLocale", "schoolClock", "effectiveToday", "formatMessageDate", "shownMessages"];
  for (const key of needed) {
    if (typeof merged[key] !== "function") throw new Error(`frontend/src has no function ${key}`);
  }
  return merged as unknown as CardSource;
}

/** Any run of white space (Intl uses thin and no-break spaces) as one plain space. */
function norm(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

let browser: Browser;
let entryId: string;
let m: CardSource;

beforeAll(async () => {
  await sim.reset();
  await sim.latency(0);
  // The demo parent's entry (unless one is loaded), as `make demo` adds it.
  ({ entryId } = await ensureLibrusDashboard(stack, { addEntry: true }));
  m = await loadCardSource();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  console.log(`[e2e] screenshots in results/e2e/`);
});

for (const lang of LANGS) {
  describe.sequential(`The Messages card in the UI (${lang})`, () => {
    const s = new Strings(lang, stack.frontendDir);
    const shots = new Screenshots(`messages-${lang}`);
    const t = (key: string, vars?: Record<string, string | number>): string => m.t(lang, key, vars);
    const dashboardUrl = `${stack.haUrl}/${URL_PATH}/0`;
    let context: BrowserContext | undefined;
    let page: Page;

    const card = (): Locator => page.locator(TAG).first();

    /** An empty sections view on our own dashboard (created the first time). */
    async function emptyDashboard(): Promise<void> {
      const dashboards = await callWS<{ url_path: string }[]>(page, { type: "lovelace/dashboards/list" });
      if (!dashboards.some((d) => d.url_path === URL_PATH)) {
        await callWS(page, {
          type: "lovelace/dashboards/create",
          url_path: URL_PATH,
          title: t("messages"),
          mode: "storage",
          show_in_sidebar: false,
          require_admin: false,
        });
      }
      await callWS(page, {
        type: "lovelace/config/save",
        url_path: URL_PATH,
        config: { views: [{ title: t("messages"), type: "sections", sections: [{ type: "grid", cards: [] }] }] },
      });
    }

    beforeAll(async () => {
      ({ context, page } = await newHaPage(browser, { language: lang, viewport: DESKTOP }));
      await login(page, stack, s);
      await emptyDashboard();
    });

    afterEach(async ({ task }) => {
      if (task.result?.state === "fail" && context !== undefined) {
        await shots.take(page, `FAILED-${task.name.slice(0, 40).replace(/\W+/g, "-")}`);
      }
    });

    afterAll(async () => {
      await context?.close();
    });

    test("a person adds the Messages card through the card picker", async () => {
      await page.goto(dashboardUrl);
      const { picker, done } = await openCardPicker(page, s, "Librus");
      // The picker's entry: its name above a live preview; a click anywhere on it picks it.
      const name = picker.getByText(t("card_messages"), { exact: true }).first();
      await name.waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
      const entry = picker
        .locator("div.card")
        .filter({ has: page.getByText(t("card_messages"), { exact: true }) })
        .first();
      await entry.scrollIntoViewIfNeeded();
      await entry.locator(TAG).waitFor({ state: "attached", timeout: UI_TIMEOUT_MS });
      await shots.take(page, "card-picker");
      await entry.click();

      // The card's own editor in Home Assistant's dialog, with a live preview of the card.
      const dialog = page.locator("hui-dialog-edit-card");
      await dialog.locator(`${TAG}-editor`).waitFor({ state: "attached", timeout: UI_TIMEOUT_MS });
      await dialog.getByText(t("ed_max_messages")).first().waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
      await dialog.getByText(t("ed_unread_only")).first().waitFor({ state: "visible" });
      await dialog.locator(`${TAG} .title`).first().waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
      await shots.take(page, "card-editor");
      await dialog.getByRole("button", { name: s.ha("ui.common.save"), exact: true }).click();
      await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT_MS });
      await done.click();
      await done.waitFor({ state: "hidden", timeout: UI_TIMEOUT_MS });

      // Saved in the dashboard with the card's defaults.
      const saved = await callWS<{ views: { sections: { cards: Record<string, unknown>[] }[] }[] }>(page, {
        type: "lovelace/config",
        url_path: URL_PATH,
      });
      expect(saved.views[0]?.sections[0]?.cards).toEqual([
        { type: `custom:${TAG}`, max_messages: 5, unread_only: false, show_preview: true },
      ]);
      await page.goto(dashboardUrl);
      await card().locator(".title").waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
      expect(norm(await card().locator(".title").innerText())).toBe(t("messages"));
    });

    test("it shows the demo inbox: unread count, latest messages, unread in bold, links to Librus", async () => {
      expect((await hassUi(page)).language).toBe(lang);
      const locale = m.intlLocale((await hassUi(page)).language);
      const data: CardData = await librusCardData(page, entryId);
      const messages = data.messages;
      expect(messages, "librus/card_data has no `messages` (the backend of issue 10 is not in yet)").toBeDefined();
      expect(messages.available, "the demo parent's messages module is on").toBe(true);

      // The backend agrees with the simulator's inbox, and so does the card.
      const inbox = await simInbox();
      const unread = inbox.filter((x) => !x.read);
      expect(unread.length, "the demo inbox has unread messages on any day of the school year").toBeGreaterThan(0);
      expect(messages.unread).toBe(unread.length);
      expect(messages.items.map((x) => x.id)).toEqual(inbox.slice(0, messages.items.length).map((x) => x.id));

      const root = card();
      const badge = root.locator(".unread-count");
      await badge.waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
      expect(norm(await badge.innerText())).toBe(norm(m.count(lang, "unread", unread.length)));

      const shown = m.shownMessages(messages.items, { limit: 5, unreadOnly: false });
      const rows = root.locator("li .message");
      await expect.poll(() => rows.count()).toBe(shown.length);
      const today = m.effectiveToday(data, m.schoolClock(Date.now()));
      for (const [i, item] of shown.entries()) {
        const row = rows.nth(i);
        const record = inbox.find((x) => x.id === item.id);
        expect(record, `message ${item.id} in the simulator`).toBeDefined();
        expect(norm(await row.locator(".sender").innerText())).toBe(norm(item.sender));
        expect(norm(await row.locator(".topic").innerText())).toBe(norm(record?.topic ?? ""));
        expect(item.unread).toBe(!record?.read);
        expect(await row.getAttribute("class")).toContain(item.unread ? "unread" : "read");
        const weight = Number(await row.locator(".topic").evaluate((el) => getComputedStyle(el).fontWeight));
        if (item.unread) expect(weight, `${item.topic} in bold`).toBeGreaterThanOrEqual(600);
        else expect(weight, `${item.topic} not bold`).toBeLessThan(600);
        expect(await row.locator(".clip").count()).toBe(record?.has_attachment ? 1 : 0);
        expect(norm(await row.locator("time").innerText())).toBe(norm(m.formatMessageDate(item.sent, today, locale)));
        if (item.preview) {
          expect(norm((await row.locator(".preview").textContent()) ?? "")).toBe(norm(item.preview));
        }
        expect(await row.evaluate((a) => [a.tagName, a.getAttribute("href"), a.getAttribute("target"), a.getAttribute("rel")])).toEqual([
          "A",
          messages.inbox_url,
          "_blank",
          "noopener noreferrer",
        ]);
      }
      expect(await root.locator(".title a").getAttribute("href")).toBe(messages.inbox_url);
      expect(await root.locator(".title a").getAttribute("target")).toBe("_blank");
      await shots.take(page, "card", root);

      // A row opens the inbox in a new tab (a stand-in page here: only 127.0.0.1 is reachable).
      await context!.route(messages.inbox_url, (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: "<title>Librus</title>" }),
      );
      const [popup] = await Promise.all([context!.waitForEvent("page"), rows.first().click()]);
      await popup.waitForLoadState();
      expect(popup.url()).toBe(messages.inbox_url);
      expect(await popup.evaluate(() => window.opener)).toBeNull();
      await popup.close();
      await context!.unroute(messages.inbox_url);

      // Reading the inbox in Home Assistant never marks a message read in Librus.
      expect(await detailFetches()).toEqual([]);
      expect((await simInbox()).filter((x) => !x.read).map((x) => x.id)).toEqual(unread.map((x) => x.id));
    });

    test("a phone-sized viewport (390×844)", async () => {
      await page.setViewportSize(PHONE);
      try {
        await page.goto(dashboardUrl);
        const root = card();
        await root.locator("li .message").first().waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
        const fits = await root.evaluate((el) => {
          const haCard = el.shadowRoot?.querySelector("ha-card");
          return haCard !== null && haCard !== undefined && haCard.scrollWidth <= haCard.clientWidth + 1;
        });
        expect(fits, "no horizontal scrolling inside the card").toBe(true);
        expect((await root.boundingBox())?.width ?? 0).toBeLessThanOrEqual(PHONE.width);
        await shots.take(page, "phone");
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    });
  });
}
