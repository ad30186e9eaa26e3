import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { CardData } from "../../src/types";
import { CARD_DATA, ENTRY_JAN, ENTRY_ZOFIA, INBOX_URL, STUDENTS } from "../fixtures";
import { closeAll, fitsWidth, mount, openPage, pageErrors, screenshot } from "./helpers";

const TAG = "librus-messages-card";
const EDITOR = "librus-messages-card-editor";

afterAll(closeAll);

/** Put one more student's data on the fake backend. */
async function addData(page: Page, entryId: string, data: CardData): Promise<void> {
  await page.evaluate(
    ([id, d]) => {
      (window as unknown as { __data: Record<string, unknown> }).__data[id] = d;
    },
    [entryId, { ...data, entry_id: entryId }] as const,
  );
}

/** Any run of white space (Intl uses no-break spaces) as one plain space. */
const norm = (text: string): string => text.replace(/\s+/gu, " ").trim();

describe("Messages card", () => {
  it("lists the latest messages: sender, date, topic, preview; unread in bold and counted (light, Polish)", async () => {
    const page = await openPage({ theme: "light", width: 600 });
    const card = await mount(page, TAG, {});
    const rows = card.locator("li .message");
    await expect.poll(() => rows.count()).toBe(5); // 6 in the inbox, 5 by default
    expect(await card.locator(".title").innerText()).toBe("Wiadomości");
    expect(await card.locator(".unread-count").innerText()).toBe("2 nieprzeczytane");
    expect(await card.locator(".student").innerText()).toBe("Zofia Kowalska · 6d");

    const first = rows.nth(0);
    expect(await first.locator(".sender").innerText()).toBe("Anna Nowak");
    expect(await first.locator(".topic").innerText()).toBe("Wycieczka do Krakowa — zgody i wpłaty");
    // sent this morning: the time; earlier: day and month
    expect(await first.locator("time").innerText()).toBe("07:42");
    expect(await first.locator("time").getAttribute("title")).toBe("30.11.2026, 07:42");
    expect(norm(await rows.nth(1).locator("time").innerText())).toBe("27 lis");
    const preview = await first.locator(".preview").innerText();
    expect(preview.startsWith("Szanowni Państwo, zapraszamy uczniów klasy 6d")).toBe(true);
    expect(preview.endsWith("…")).toBe(true);

    // unread ones in bold with a dot, read ones not
    expect(await card.locator(".message.unread").count()).toBe(2);
    expect(await card.locator(".message.unread .dot").count()).toBe(2);
    const weight = (i: number, part: string) =>
      rows.nth(i).locator(part).evaluate((el) => Number(getComputedStyle(el).fontWeight));
    expect(await weight(0, ".sender")).toBeGreaterThanOrEqual(600);
    expect(await weight(1, ".topic")).toBeGreaterThanOrEqual(600);
    expect(await weight(2, ".sender")).toBeLessThan(600);
    expect(await weight(2, ".topic")).toBeLessThan(600);

    // a paperclip only on the message with attachments
    expect(await card.locator(".clip").count()).toBe(1);
    expect(await first.locator(".clip svg").count()).toBe(1);
    expect(await first.locator(".clip").getAttribute("title")).toBe("Ma załączniki");
    expect(await first.getAttribute("aria-label")).toBe(
      "Nieprzeczytana, Anna Nowak, Wycieczka do Krakowa — zgody i wpłaty, 30.11.2026, 07:42, Ma załączniki",
    );
    await screenshot(card, "messages-light-pl");
    expect(pageErrors(page)).toEqual([]);
  });

  it("every row and the header open the Librus inbox in a new tab", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, { max_messages: 20 });
    await expect.poll(() => card.locator("li a.message").count()).toBe(6);
    const links = await card.locator("a").evaluateAll((as) =>
      as.map((a) => [a.getAttribute("href"), a.getAttribute("target"), a.getAttribute("rel")]),
    );
    expect(links).toHaveLength(7); // the title + six rows
    for (const link of links) expect(link).toEqual([INBOX_URL, "_blank", "noopener noreferrer"]);
    const header = card.locator(".title a");
    expect(await header.innerText()).toBe("Wiadomości");
    expect(await header.getAttribute("title")).toBe("Otwórz wiadomości w Librusie (nowa karta)");

    // clicking a row opens a new tab (the inbox itself is not reachable from the test page)
    await page.context().route("https://synergia.librus.pl/**", (route) => route.fulfill({ body: "inbox", contentType: "text/plain" }));
    const [popup] = await Promise.all([page.waitForEvent("popup"), card.locator("li a.message").nth(2).click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(INBOX_URL);
    expect(await popup.evaluate(() => window.opener)).toBeNull();
  });

  it("follows the options: how many, only unread, without previews", async () => {
    const page = await openPage();
    const three = await mount(page, TAG, { max_messages: 3 }, { id: "three" });
    await expect.poll(() => three.locator("li .message").count()).toBe(3);
    const unread = await mount(page, TAG, { unread_only: true }, { id: "unread" });
    await expect.poll(() => unread.locator("li .message").count()).toBe(2);
    expect(await unread.locator("li .message.read").count()).toBe(0);
    const plain = await mount(page, TAG, { show_preview: false }, { id: "plain" });
    await expect.poll(() => plain.locator("li .message").count()).toBe(5);
    expect(await plain.locator(".preview").count()).toBe(0);
  });

  it("says so when the messages module is not available", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, { entry_id: ENTRY_JAN });
    const notice = card.locator(".notice");
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toBe(
      "Wiadomości nie są dostępne dla tego konta Librus (albo jeszcze się nie wczytały).",
    );
    expect(await card.locator("a, .unread-count, li").count()).toBe(0);
    // a backend from before messages existed: the same notice, no error
    const { messages: _, ...older } = CARD_DATA;
    await addData(page, "01OLDBACKEND00000000000000", older as CardData);
    const old = await mount(page, TAG, { entry_id: "01OLDBACKEND00000000000000" }, { id: "old" });
    await expect.poll(() => old.locator(".notice").count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it("a friendly empty state: no messages, or none unread", async () => {
    const page = await openPage();
    const empty: CardData = { ...CARD_DATA, messages: { ...CARD_DATA.messages, unread: 0, items: [] } };
    await addData(page, "01EMPTYINBOX00000000000000", empty);
    const card = await mount(page, TAG, { entry_id: "01EMPTYINBOX00000000000000" });
    await expect.poll(() => card.locator(".empty").count()).toBe(1);
    expect(await card.locator(".empty").innerText()).toBe("Brak wiadomości ze szkoły.");
    expect(await card.locator(".unread-count").count()).toBe(0);
    expect(await card.locator(".title a").getAttribute("href")).toBe(INBOX_URL);

    const allRead: CardData = {
      ...CARD_DATA,
      messages: { ...CARD_DATA.messages, unread: 0, items: CARD_DATA.messages.items.map((i) => ({ ...i, unread: false })) },
    };
    await addData(page, "01ALLREAD000000000000000000", allRead);
    const read = await mount(page, TAG, { entry_id: "01ALLREAD000000000000000000", unread_only: true }, { id: "read" });
    await expect.poll(() => read.locator(".empty").count()).toBe(1);
    expect(await read.locator(".empty").innerText()).toBe("Brak nieprzeczytanych wiadomości — wszystko przeczytane!");
  });

  it("updates when the backend pushes a new message", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator("li .message").count()).toBe(5);
    const fresh: CardData = {
      ...CARD_DATA,
      messages: {
        ...CARD_DATA.messages,
        unread: 3,
        items: [
          {
            id: "4912109",
            sender: "Paweł Kozłowski",
            topic: "Rekolekcje adwentowe",
            sent: "2026-11-30T09:05:00+01:00",
            preview: "Zapraszam na rekolekcje.",
            unread: true,
            has_attachments: false,
          },
          ...CARD_DATA.messages.items,
        ],
      },
    };
    await page.evaluate(
      ([id, d]) => (window as unknown as { __hass: Record<string, { __push(e: string, d: unknown): void }> }).__hass[
        "librus-messages-card"
      ]!.__push(id, d),
      [ENTRY_ZOFIA, fresh] as const,
    );
    await expect.poll(() => card.locator(".unread-count").innerText()).toBe("3 nieprzeczytane");
    expect(await card.locator("li .message .sender").first().innerText()).toBe("Paweł Kozłowski");
    expect(await card.locator("li .message").count()).toBe(5);
  });

  it("speaks English in the dark theme", async () => {
    const page = await openPage({ theme: "dark", width: 600 });
    const card = await mount(page, TAG, {}, { language: "en" });
    await expect.poll(() => card.locator(".unread-count").innerText()).toBe("2 unread");
    expect(await card.locator(".title").innerText()).toBe("Messages");
    const rows = card.locator("li .message");
    expect(await rows.nth(0).locator("time").innerText()).toBe("07:42");
    expect(norm(await rows.nth(1).locator("time").innerText())).toBe("Nov 27"); // hass "en": US order
    expect(await rows.nth(0).locator(".clip").getAttribute("title")).toBe("Has attachments");
    expect(await card.locator(".title a").getAttribute("title")).toBe("Open Librus messages (new tab)");
    // dark card, light text: the theme's variables
    const colours = await rows.nth(2).evaluate((el) => [
      getComputedStyle(el).color,
      getComputedStyle(el.closest("ha-card")!).backgroundColor,
    ]);
    expect(colours).toEqual(["rgb(225, 225, 225)", "rgb(28, 28, 28)"]);
    await screenshot(card, "messages-dark-en");
    const off = await mount(page, TAG, { entry_id: ENTRY_JAN }, { id: "off", language: "en" });
    await expect.poll(() => off.locator(".notice").count()).toBe(1);
    expect(await off.locator(".notice").innerText()).toBe(
      "Messages are not available for this Librus account (or have not been loaded yet).",
    );
  });

  it("fits a phone (360 px) in light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      const page = await openPage({ width: 360, theme });
      const card = await mount(page, TAG, { max_messages: 20 });
      await expect.poll(() => card.locator("li .message").count()).toBe(6);
      expect(await fitsWidth(card)).toBe(true);
      // long topics and previews are cut, not wrapped out of the card
      const preview = card.locator(".preview").first();
      const lines = await preview.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
      expect(lines).toBeLessThanOrEqual(2);
      await screenshot(card, `messages-phone-${theme}-pl`);
    }
  });
});

describe("Messages card editor", () => {
  async function recordChanges(page: Page): Promise<void> {
    await page.evaluate((id) => {
      const w = window as unknown as Record<string, unknown[]>;
      w.changes = [];
      document.getElementById("stage")!.addEventListener("config-changed", (ev) => {
        if ((ev.target as HTMLElement).id === id) w.changes!.push((ev as CustomEvent).detail.config);
      });
    }, EDITOR);
  }

  const changes = (page: Page): Promise<unknown[]> =>
    page.evaluate(() => (window as unknown as Record<string, unknown[]>).changes ?? []);

  it("chooses the student, how many messages, only unread, previews (Polish)", async () => {
    const page = await openPage({ width: 500 });
    await recordChanges(page);
    const editor = await mount(page, EDITOR, {});
    const count = editor.locator("select[name=max_messages]");
    await count.waitFor();
    expect(await count.inputValue()).toBe("5");
    expect(await count.locator("option").allInnerTexts()).toEqual(["3", "5", "10", "20"]);
    expect(await editor.locator("label", { hasText: "Liczba wiadomości" }).count()).toBe(1);
    await count.selectOption("10");
    await expect.poll(() => changes(page)).toEqual([{ type: "custom:librus-messages-card", max_messages: 10 }]);
    const unread = editor.locator("input[name=unread_only]");
    expect(await unread.isChecked()).toBe(false);
    expect(await editor.locator("label", { hasText: "Tylko nieprzeczytane" }).count()).toBe(1);
    await unread.click();
    const preview = editor.locator("input[name=show_preview]");
    expect(await preview.isChecked()).toBe(true);
    await preview.click();
    await editor.locator("select[name=entry_id]").selectOption(ENTRY_JAN);
    await expect.poll(async () => (await changes(page)).at(-1)).toEqual({
      type: "custom:librus-messages-card",
      max_messages: 10,
      unread_only: true,
      show_preview: false,
      entry_id: ENTRY_JAN,
    });
    await screenshot(editor, "editor-messages-light-pl");
  });

  it("keeps a count set in YAML selectable; speaks English", async () => {
    const page = await openPage({ theme: "dark" });
    const editor = await mount(page, EDITOR, { max_messages: 7 }, { language: "en", students: [STUDENTS[0]!] });
    const count = editor.locator("select[name=max_messages]");
    await count.waitFor();
    expect(await count.inputValue()).toBe("7");
    expect(await count.locator("option").allInnerTexts()).toEqual(["3", "5", "7", "10", "20"]);
    expect(await editor.locator("select[name=entry_id]").count()).toBe(0);
    for (const label of ["Messages to show", "Only unread messages", "Show the start of the text"]) {
      expect(await editor.locator("label", { hasText: label }).count(), label).toBe(1);
    }
  });
});
