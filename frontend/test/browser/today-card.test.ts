import { afterAll, describe, expect, it } from "vitest";
import { ENTRY_JAN } from "../fixtures";
import { closeAll, fitsWidth, mount, openPage, pageErrors, screenshot } from "./helpers";

const TAG = "librus-today-card";

afterAll(closeAll);

describe("Today card", () => {
  it("shows the day's lessons with times and rooms, changes highlighted, in Polish (light)", async () => {
    const page = await openPage({ theme: "light", width: 600 });
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator(".lesson").count()).toBe(7);
    await expect.poll(() => card.locator("h2.title").innerText()).toBe("Dziś · poniedziałek, 30 listopada");
    await expect.poll(() => card.locator(".student").innerText()).toBe("Zofia Kowalska · 6d");
    expect(await card.locator(".summary").innerText()).toBe("7 lekcji · 08:00–14:25");

    const first = card.locator(".lesson").nth(0);
    expect(await first.locator(".subject").innerText()).toBe("Język polski");
    expect(await first.locator(".time").innerText()).toBe("08:00\n08:45");
    expect(await first.locator(".meta").first().innerText()).toBe("Sala 12 · Anna Nowak");

    // lesson 2 is on now (09:10 in Warsaw)
    const current = card.locator(".lesson.current");
    expect(await current.count()).toBe(1);
    expect(await current.locator(".subject").innerText()).toBe("Matematyka");
    expect(await current.getAttribute("aria-current")).toBe("time");

    const substitution = card.locator(".lesson.substitution");
    expect(await substitution.locator(".badge").first().innerText()).toBe("Zastępstwo");
    expect(await substitution.innerText()).toContain("zamiast: Historia, Piotr Zieliński, Sala 21");
    expect(await substitution.innerText()).toContain("Zastępstwo za p. Piotra Zielińskiego");

    // the split group is named
    expect(await card.locator(".lesson", { hasText: "Język angielski" }).innerText()).toContain("6d ang. gr. 1");

    // lucky number = register number → celebrated
    const lucky = card.locator(".lucky");
    expect(await lucky.getAttribute("class")).toContain("mine");
    expect(await lucky.innerText()).toContain("Szczęśliwy numerek: 14");
    expect(await lucky.innerText()).toContain("To Twój numerek");

    // the next test (a quiz on Wednesday), the day's other event, homework due
    const items = card.locator(".items").first();
    expect(await items.innerText()).toContain("Historia · Kartkówka");
    expect(await items.innerText()).toContain("za 2 dni");
    expect(await card.locator(".items.events").innerText()).toContain("Kangur");
    const homework = card.locator(".item.homework");
    expect(await homework.count()).toBe(4);
    expect(await homework.first().innerText()).toContain("Język angielski · Workbook p. 36");
    expect(await homework.first().innerText()).toContain("dziś");

    // new grades since yesterday, with a Polish plural
    expect(await card.locator(".section-title", { hasText: "nowe oceny" }).innerText()).toBe("3 NOWE OCENY");
    expect(await card.locator(".new-grades li").count()).toBe(3);
    expect(await card.locator(".footer").innerText()).toBe("Zaktualizowano: 30.11.2026, 07:55");

    await screenshot(card, "today-light-pl");
    expect(pageErrors(page)).toEqual([]);
  });

  it("speaks English and looks right in the dark theme", async () => {
    const page = await openPage({ theme: "dark", width: 600 });
    const card = await mount(page, TAG, {}, { language: "en" });
    await expect.poll(() => card.locator("h2.title").innerText()).toBe("Today · Monday, November 30");
    expect(await card.locator(".summary").innerText()).toBe("7 lessons · 08:00–14:25");
    expect(await card.locator(".lesson.substitution .badge").first().innerText()).toBe("Substitution");
    expect(await card.locator(".lucky").innerText()).toContain("That's your number");
    expect(await card.locator(".section-title", { hasText: "new grades" }).innerText()).toBe("3 NEW GRADES");
    const background = await card.evaluate((el) => {
      const haCard = el.shadowRoot?.querySelector("ha-card");
      return haCard ? getComputedStyle(haCard).backgroundColor : "";
    });
    expect(background).toBe("rgb(28, 28, 28)");
    await screenshot(card, "today-dark-en");
  });

  it("shows tomorrow's plan after school, with the cancelled lesson", async () => {
    const page = await openPage({ now: "2026-11-30T16:00:00+01:00", width: 600 });
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator("h2.title").innerText()).toBe("Jutro · wtorek, 1 grudnia");
    const cancelled = card.locator(".lesson.cancelled");
    expect(await cancelled.locator(".subject").innerText()).toBe("Technika");
    expect(await cancelled.locator(".badge").innerText()).toBe("Odwołana");
    expect(await cancelled.evaluate((el) => getComputedStyle(el.querySelector(".subject")!).textDecorationLine)).toBe(
      "line-through",
    );
    expect(await card.locator(".summary").innerText()).toBe("6 lekcji · 08:00–14:25");
    expect(await card.locator(".lesson.current").count()).toBe(0);
    // the lucky number was for today: gone
    expect(await card.locator(".lucky").count()).toBe(0);
    await screenshot(card, "today-after-school-pl");
  });

  it("keeps today after school when after_school_shows_tomorrow is off", async () => {
    const page = await openPage({ now: "2026-11-30T16:00:00+01:00" });
    const card = await mount(page, TAG, { after_school_shows_tomorrow: false, show_homework: false });
    await expect.poll(() => card.locator("h2.title").innerText()).toBe("Dziś · poniedziałek, 30 listopada");
    expect(await card.locator(".item.homework").count()).toBe(0);
  });

  it("names tomorrow's free day", async () => {
    const page = await openPage({ now: "2026-12-03T15:00:00+01:00" });
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator("h2.title").innerText()).toBe("Jutro · piątek, 4 grudnia");
    expect(await card.locator(".free-day").innerText()).toBe("Dzień wolny Dzień wolny od zajęć dydaktycznych");
  });

  it("reads the clock in Warsaw whatever the browser's zone", async () => {
    const page = await openPage({ timezoneId: "America/Los_Angeles" });
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator(".lesson.current .subject").innerText()).toBe("Matematyka");
    expect(await card.locator("h2.title").innerText()).toBe("Dziś · poniedziałek, 30 listopada");
    expect(await card.locator(".footer").innerText()).toBe("Zaktualizowano: 30.11.2026, 07:55");
  });

  it("fits a phone screen", async () => {
    const page = await openPage({ width: 390 });
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator(".lesson").count()).toBe(7);
    expect(await fitsWidth(card)).toBe(true);
    await screenshot(card, "today-phone-pl");
  });

  it("hides the sections switched off", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, {
      show_lucky_number: false,
      show_agenda: false,
      show_homework: false,
      show_new_grades: false,
    });
    await expect.poll(() => card.locator(".lesson").count()).toBe(7);
    expect(await card.locator(".lucky, .items, .new-grades, .section-title").count()).toBe(0);
  });

  it("follows pushed updates and unsubscribes when removed", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, { entry_id: ENTRY_JAN });
    await expect.poll(() => card.locator(".student").innerText()).toBe("Jan Kowalski · 2b");
    // not Jan's number: no celebration
    expect(await card.locator(".lucky").getAttribute("class")).not.toContain("mine");
    await page.evaluate((entry) => {
      const w = window as unknown as { __hass: Record<string, { __push: (e: string, d: unknown) => void }>; __data: Record<string, { student: { name: string } }> };
      const data = structuredClone(w.__data[entry]!);
      data.student.name = "Jan K.";
      w.__hass["librus-today-card"]!.__push(entry, data);
    }, ENTRY_JAN);
    await expect.poll(() => card.locator(".student").innerText()).toBe("Jan K. · 2b");
    const log = () =>
      page.evaluate(() => {
        const w = window as unknown as { __hass: Record<string, { __log: { subscribed: number; unsubscribed: number; messages: unknown[] } }> };
        return w.__hass["librus-today-card"]!.__log;
      });
    expect((await log()).subscribed).toBe(1);
    expect((await log()).messages).toEqual([{ type: "librus/subscribe", entry_id: ENTRY_JAN }]);
    await card.evaluate((el) => el.remove());
    await expect.poll(async () => (await log()).unsubscribed).toBe(1);
  });

  it("asks for the students and uses the first when no entry_id is set", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator(".student").innerText()).toBe("Zofia Kowalska · 6d");
    const messages = await page.evaluate(() => {
      const w = window as unknown as { __hass: Record<string, { __log: { messages: { type: string }[] } }> };
      return w.__hass["librus-today-card"]!.__log.messages.map((m) => m.type);
    });
    expect(messages).toEqual(["librus/students", "librus/subscribe"]);
  });

  it("says what is wrong when nothing is set up, the student is gone, or the backend fails", async () => {
    const page = await openPage();
    const none = await mount(page, TAG, {}, { id: "none", students: [] });
    await expect.poll(() => none.locator(".message").innerText()).toContain("Nie skonfigurowano konta Librus");
    const gone = await mount(page, TAG, { entry_id: "01NOSUCHENTRY0000000000000" }, { id: "gone" });
    await expect.poll(() => gone.locator(".message.error").innerText()).toContain("Tego ucznia nie ma już");
    // without subscriptions the card falls back to one librus/card_data read
    const fallback = await mount(page, TAG, {}, { id: "fallback", failSubscribe: true });
    await expect.poll(() => fallback.locator(".lesson").count()).toBe(7);
  });
});
