import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENTRY_ZOFIA } from "../fixtures";
import { closeAll, fitsWidth, mount, openPage, pageErrors, RESULTS, screenshot } from "./helpers";

const TAG = "librus-timetable-card";
/** Strip the spaces ICU may put around a range dash. */
const plain = (s: string): string => s.replace(/[\u2009\u202f\u00a0 ]*–[\u2009\u202f\u00a0 ]*/g, "–");

afterAll(closeAll);

describe("Timetable card", () => {
  it("shows the week as a grid with today and the current lesson marked (light, Polish)", async () => {
    const page = await openPage({ theme: "light", width: 1024 });
    const card = await mount(page, TAG, { show_teacher: true });
    await expect.poll(() => card.locator(".day-head").count()).toBe(5);
    expect(plain(await card.locator(".range").innerText())).toBe("30 lis–4 gru 2026");
    expect(await card.locator(".time").count()).toBe(8);
    expect(await card.locator(".time").first().innerText()).toBe("1\n08:00\n–08:45");

    const today = card.locator(".day-head.today");
    expect(await today.count()).toBe(1);
    expect(await today.innerText()).toBe("Pon.\n30.11");
    expect(await today.getAttribute("aria-current")).toBe("date");

    const current = card.locator(".lesson.current");
    expect(await current.count()).toBe(1);
    expect(await current.locator(".full").innerText()).toBe("Matematyka");
    expect(await current.locator(".teacher").innerText()).toBe("Tomasz Wiśniewski");

    expect(await card.locator(".lesson.substitution").getAttribute("aria-label")).toBe("Historia, Zastępstwo, 12");
    expect(await card.locator(".lesson.cancelled").getAttribute("aria-label")).toBe("Technika, Odwołana, 4");
    expect(await card.locator(".lesson.moved").getAttribute("aria-label")).toBe("Plastyka, Przeniesiona, 31");
    expect(await card.locator(".free-col").innerText()).toContain("Dzień wolny od zajęć dydaktycznych");
    expect(await card.locator(".legend").innerText()).toBe("Zastępstwo\nOdwołana\nPrzeniesiona");
    expect(await card.locator(".this-week").count()).toBe(0);
    await screenshot(card, "timetable-light-pl");
    expect(pageErrors(page)).toEqual([]);
  });

  it("navigates to the previous and next week and back", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator(".day-head").count()).toBe(5);
    const range = () => card.locator(".range").innerText().then(plain);

    await card.getByRole("button", { name: "Następny tydzień" }).click();
    await expect.poll(range).toBe("7–11 gru 2026");
    expect(await card.locator(".day-head.today").count()).toBe(0);
    expect(await card.locator(".lesson.current, .free-col").count()).toBe(0);
    expect(await card.getByRole("button", { name: "Następny tydzień" }).isDisabled()).toBe(true);

    await card.getByRole("button", { name: "Poprzedni tydzień" }).click();
    await card.getByRole("button", { name: "Poprzedni tydzień" }).click();
    await expect.poll(range).toBe("23–27 lis 2026");
    expect(await card.getByRole("button", { name: "Poprzedni tydzień" }).isDisabled()).toBe(true);

    await card.getByRole("button", { name: "Ten tydzień" }).click();
    await expect.poll(range).toBe("30 lis–4 gru 2026");
    expect(await card.locator(".day-head.today").count()).toBe(1);
  });

  it("keeps the chosen week when new data is pushed", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, { entry_id: ENTRY_ZOFIA });
    await expect.poll(() => card.locator(".day-head").count()).toBe(5);
    await card.getByRole("button", { name: "Następny tydzień" }).click();
    await page.evaluate((entry) => {
      const w = window as unknown as {
        __hass: Record<string, { __push: (e: string, d: unknown) => void }>;
        __data: Record<string, unknown>;
      };
      w.__hass["librus-timetable-card"]!.__push(entry, w.__data[entry]);
    }, ENTRY_ZOFIA);
    await expect.poll(() => card.locator(".range").innerText().then(plain)).toBe("7–11 gru 2026");
  });

  it("opens a lesson's details with what it replaced", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, {});
    await card.locator(".lesson.substitution").click();
    const details = card.locator(".details");
    await expect.poll(() => details.count()).toBe(1);
    const text = await details.innerText();
    expect(text).toContain("Historia");
    expect(text).toContain("poniedziałek, 30 listopada, 09:50–10:35");
    expect(text).toContain("Anna Nowak");
    expect(text).toContain("Historia, Piotr Zieliński, Sala 21");
    expect(text).toContain("Zastępstwo za p. Piotra Zielińskiego");
    expect(await card.locator(".lesson.substitution").getAttribute("aria-pressed")).toBe("true");
    await card.getByRole("button", { name: "Zamknij" }).click();
    await expect.poll(() => details.count()).toBe(0);
  });

  it("is compact on a phone: short names, no teachers, fits the width (dark)", async () => {
    const page = await openPage({ theme: "dark", width: 390 });
    const card = await mount(page, TAG, { show_teacher: true });
    await expect.poll(() => card.locator(".day-head").count()).toBe(5);
    const first = card.locator(".lesson").first();
    expect(await first.locator(".short").isVisible()).toBe(true);
    expect(await first.locator(".full").isVisible()).toBe(false);
    expect(await first.locator(".short").innerText()).toBe("J. pol.");
    expect(await card.locator(".lesson .teacher").first().isVisible()).toBe(false);
    expect(await fitsWidth(card)).toBe(true);
    await screenshot(card, "timetable-phone-dark-pl");
  });

  it("compact: true shortens names on a wide screen too", async () => {
    const page = await openPage({ width: 1024 });
    const card = await mount(page, TAG, { compact: true });
    await expect.poll(() => card.locator(".lesson .short").first().isVisible()).toBe(true);
    expect(await card.locator(".lesson .full").first().isVisible()).toBe(false);
  });

  it("speaks English (dark)", async () => {
    const page = await openPage({ theme: "dark", width: 1024 });
    const card = await mount(page, TAG, {}, { language: "en-GB" });
    await expect.poll(() => card.locator(".title").innerText()).toBe("Timetable");
    expect(plain(await card.locator(".range").innerText())).toBe("30 Nov–4 Dec 2026");
    expect(await card.locator(".legend").innerText()).toBe("Substitution\nCancelled\nMoved");
    expect(await card.locator(".free-col .badge").innerText()).toBe("Day off");
    await screenshot(card, "timetable-dark-en");
  });

  it("renders the week quickly (first render measured in Chromium)", async () => {
    // the real clock: Playwright's fake clock would also freeze performance.now()
    const page = await openPage({ now: null });
    const timings = await page.evaluate(async (entry) => {
      const w = window as unknown as { createHass: (o: unknown) => unknown };
      const stage = document.getElementById("stage")!;
      type Card = HTMLElement & { setConfig(c: unknown): void; hass: unknown; updateComplete: Promise<boolean> };
      const hass = w.createHass({ language: "pl" });
      const measure = async (): Promise<number> => {
        const el = document.createElement("librus-timetable-card") as Card;
        el.setConfig({ type: "custom:librus-timetable-card", entry_id: entry });
        stage.append(el);
        const t0 = performance.now();
        el.hass = hass;
        // wait on the condition: the grid is in the DOM and no update is pending
        while (!((await el.updateComplete) && el.shadowRoot?.querySelector(".grid .lesson"))) {
          await new Promise((ok) => setTimeout(ok, 0));
        }
        void el.shadowRoot?.querySelector("ha-card")?.getBoundingClientRect(); // style and layout too
        return performance.now() - t0;
      };
      const cold = await measure(); // subscription + first data + first render
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) warm.push(await measure()); // data already on the page (shared subscription)
      warm.sort((a, b) => a - b);
      return { cold, warm: warm[2]! };
    }, ENTRY_ZOFIA);
    console.log(
      `timetable card first render in Chromium (DOM + style + layout): ${timings.cold.toFixed(1)} ms cold ` +
        "(module's first card: subscription, templates, styles), " +
        `${timings.warm.toFixed(1)} ms for a further card (median of 5)`,
    );
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(resolve(RESULTS, "timings.json"), `${JSON.stringify(timings, null, 2)}\n`);
    expect(timings.cold).toBeLessThan(500);
  });
});
