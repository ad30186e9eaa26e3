import { afterAll, describe, expect, it } from "vitest";
import { closeAll, fitsWidth, mount, openPage, pageErrors, screenshot } from "./helpers";

const TAG = "librus-grades-card";

afterAll(closeAll);

describe("Grades card", () => {
  it("shows subjects with coloured, weighted chips and averages (light, Polish)", async () => {
    const page = await openPage({ theme: "light", width: 900 });
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator(".subject").count()).toBe(11); // Technika has no grades yet
    expect(await card.locator(".tab[aria-selected=true]").innerText()).toBe("Semestr 1");
    expect(await card.locator(".overall").innerText()).toBe("Średnia ogólna 4,49");
    expect(await card.locator(".count").innerText()).toBe("35 ocen");
    expect(await card.locator(".badge.fresh").innerText()).toBe("3 nowe oceny");

    const maths = card.locator(".subject", { hasText: "Matematyka" });
    expect(await maths.locator(".grade-chip").count()).toBe(7);
    expect(await maths.locator(".average").innerText()).toBe("4,21");
    const six = maths.locator(".grade-chip").first();
    expect(await six.innerText()).toBe("6\n5");
    expect(await six.getAttribute("class")).toContain("g6");
    expect(await six.getAttribute("aria-label")).toBe("6, Waga 5, Konkurs");
    expect(await maths.locator(".grade-chip", { hasText: "2+" }).getAttribute("class")).toContain("g2");
    expect(await maths.locator(".grade-chip.plus").innerText()).toBe("+");

    // the chip colour comes from the theme: a 6 is tinted with --success-color
    const tint = await six.evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(tint).toMatch(/^(rgba?|color)\(/);

    // "np" does not count: dashed and neutral
    const polish = card.locator(".subject", { hasText: "Język polski" });
    const np = polish.locator(".grade-chip", { hasText: "np" });
    expect(await np.getAttribute("class")).toContain("other");
    expect(await np.getAttribute("class")).toContain("not-counted");
    expect(await np.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("dashed");

    // new grades are marked
    expect(await card.locator(".grade-chip.new").count()).toBe(3);
    // Religia: 5 and 6, both of weight 1
    expect(await card.locator(".subject", { hasText: "Religia" }).locator(".average").innerText()).toBe("5,50");
    // a proposed grade is shown
    expect(await card.locator(".subject", { hasText: "Wychowanie fizyczne" }).innerText()).toContain("Przewidywana: 6");
    await screenshot(card, "grades-light-pl");
    expect(pageErrors(page)).toEqual([]);
  });

  it("opens a grade's details on tap: category, date, weight, teacher, comment", async () => {
    const page = await openPage({ width: 900 });
    const card = await mount(page, TAG, {});
    const chip = card.locator(".subject", { hasText: "Język polski" }).locator(".chips .grade-chip", { hasText: "4+" });
    await chip.click();
    const details = card.locator(".details");
    await expect.poll(() => details.count()).toBe(1);
    const text = await details.innerText();
    expect(text).toContain("Sprawdzian");
    expect(text).toContain("19.11.2026");
    expect(text).toContain("Waga\n4");
    expect(text).toContain("Anna Nowak");
    expect(text).toContain("Części zdania");
    expect(text).toContain("Dodano\n19.11.2026, 14:20");
    expect(await chip.getAttribute("aria-expanded")).toBe("true");
    await screenshot(card, "grades-details-light-pl");

    // another chip replaces it; tapping it again closes
    const np = card.locator(".chips .grade-chip", { hasText: "np" }).first();
    await np.click();
    await expect.poll(() => card.locator(".details").innerText()).toContain("Nie liczy się do średniej");
    await np.click();
    await expect.poll(() => details.count()).toBe(0);
  });

  it("switches semesters", async () => {
    const page = await openPage({ width: 900 });
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator(".subject").count()).toBe(11);
    await card.getByRole("tab", { name: "Semestr 2" }).click();
    await expect.poll(() => card.locator(".empty").innerText()).toBe("Brak ocen w semestrze 2");
    expect(await card.locator(".count").innerText()).toBe("0 ocen");
    expect(await card.locator(".overall").count()).toBe(0);
    expect(await card.getByRole("tab", { name: "Semestr 2" }).getAttribute("aria-selected")).toBe("true");
    await card.getByRole("tab", { name: "Semestr 1" }).click();
    await expect.poll(() => card.locator(".subject").count()).toBe(11);
  });

  it("opens the configured semester and hides averages when asked", async () => {
    const page = await openPage();
    const card = await mount(page, TAG, { semester: 2 }, { id: "sem2" });
    await expect.poll(() => card.locator(".tab[aria-selected=true]").innerText()).toBe("Semestr 2");
    const plain = await mount(page, TAG, { show_averages: false }, { id: "noavg" });
    await expect.poll(() => plain.locator(".subject").count()).toBe(11);
    expect(await plain.locator(".average, .overall").count()).toBe(0);
  });

  it("speaks English in the dark theme", async () => {
    const page = await openPage({ theme: "dark", width: 900 });
    const card = await mount(page, TAG, {}, { language: "en" });
    await expect.poll(() => card.locator(".overall").innerText()).toBe("Overall average 4.49");
    expect(await card.locator(".count").innerText()).toBe("35 grades");
    expect(await card.locator(".tab").first().innerText()).toBe("Semester 1");
    await card.locator(".subject", { hasText: "Język angielski" }).locator(".grade-chip", { hasText: "6" }).click();
    await expect.poll(() => card.locator(".details").innerText()).toContain("My dream house");
    expect(await card.locator(".details").innerText()).toContain("Added\n11/29/2026, 19:12");
    await screenshot(card, "grades-dark-en");
  });

  it("fits a phone (390 px), one subject per block", async () => {
    const page = await openPage({ width: 390, theme: "light" });
    const card = await mount(page, TAG, {});
    await expect.poll(() => card.locator(".subject").count()).toBe(11);
    expect(await fitsWidth(card)).toBe(true);
    await screenshot(card, "grades-phone-pl");
    const dark = await openPage({ width: 390, theme: "dark" });
    const darkCard = await mount(dark, TAG, {});
    await expect.poll(() => darkCard.locator(".subject").count()).toBe(11);
    expect(await fitsWidth(darkCard)).toBe(true);
    await screenshot(darkCard, "grades-phone-dark-pl");
  });
});
