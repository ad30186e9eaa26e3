import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { ENTRY_JAN, ENTRY_ZOFIA, STUDENTS } from "../fixtures";
import { closeAll, mount, openPage, screenshot } from "./helpers";

afterAll(closeAll);

/** Collect `config-changed` events that bubble out of the editor. */
async function recordChanges(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => {
    const w = window as unknown as Record<string, unknown[]>;
    w[`changes_${id}`] = [];
    document.getElementById("stage")!.addEventListener("config-changed", (ev) => {
      if ((ev.target as HTMLElement).id === id) w[`changes_${id}`]!.push((ev as CustomEvent).detail.config);
    });
  }, id);
}

function changes(page: Page, id: string): Promise<unknown[]> {
  return page.evaluate((id) => (window as unknown as Record<string, unknown[]>)[`changes_${id}`] ?? [], id);
}

async function switchFor(editor: Locator, name: string): Promise<Locator> {
  const input = editor.locator(`input[name=${name}]`);
  await input.waitFor();
  return input;
}

describe("card editors", () => {
  it("today editor: a switch fires config-changed with the new config (light, Polish)", async () => {
    const page = await openPage({ width: 500 });
    await recordChanges(page, "librus-today-card-editor");
    const editor = await mount(page, "librus-today-card-editor", { show_homework: true });
    const lucky = await switchFor(editor, "show_lucky_number");
    expect(await lucky.isChecked()).toBe(true); // default on
    expect(await editor.locator("label", { hasText: "Pokazuj szczęśliwy numerek" }).count()).toBe(1);
    await lucky.click();
    await expect.poll(() => changes(page, "librus-today-card-editor")).toEqual([
      { type: "custom:librus-today-card", show_homework: true, show_lucky_number: false },
    ]);
    // two students → the student can be chosen
    const select = editor.locator("select[name=entry_id]");
    expect(await select.locator("option").allInnerTexts()).toEqual([
      "Pierwszy uczeń",
      "Zofia Kowalska (6d)",
      "Jan Kowalski (2b)",
    ]);
    await select.selectOption(ENTRY_JAN);
    await expect.poll(async () => (await changes(page, "librus-today-card-editor")).at(-1)).toEqual({
      type: "custom:librus-today-card",
      show_homework: true,
      show_lucky_number: false,
      entry_id: ENTRY_JAN,
    });
    // back to "first student" removes the key
    await select.selectOption("");
    await expect.poll(async () => (await changes(page, "librus-today-card-editor")).at(-1)).toEqual({
      type: "custom:librus-today-card",
      show_homework: true,
      show_lucky_number: false,
    });
    await screenshot(editor, "editor-today-light-pl");
  });

  it("hides the student choice with a single student", async () => {
    const page = await openPage();
    const editor = await mount(page, "librus-timetable-card-editor", {}, { students: [STUDENTS[0]!] });
    await (await switchFor(editor, "compact")).waitFor();
    expect(await editor.locator("select[name=entry_id]").count()).toBe(0);
  });

  it("keeps an entry that no longer exists selectable, so it can be changed", async () => {
    const page = await openPage();
    const editor = await mount(page, "librus-timetable-card-editor", { entry_id: "01GONE00000000000000000000" }, {
      students: [STUDENTS[0]!],
    });
    const select = editor.locator("select[name=entry_id]");
    await select.waitFor();
    expect(await select.inputValue()).toBe("01GONE00000000000000000000");
  });

  it("timetable editor speaks English (dark)", async () => {
    const page = await openPage({ theme: "dark", width: 500 });
    await recordChanges(page, "librus-timetable-card-editor");
    const editor = await mount(page, "librus-timetable-card-editor", { entry_id: ENTRY_ZOFIA }, { language: "en" });
    await (await switchFor(editor, "show_teacher")).click();
    expect(await editor.locator("label", { hasText: "Show teachers" }).count()).toBe(1);
    await expect.poll(() => changes(page, "librus-timetable-card-editor")).toEqual([
      { type: "custom:librus-timetable-card", entry_id: ENTRY_ZOFIA, show_teacher: true },
    ]);
    expect(await editor.locator("select[name=entry_id]").inputValue()).toBe(ENTRY_ZOFIA);
    await screenshot(editor, "editor-timetable-dark-en");
  });

  it("grades editor: the semester select writes numbers", async () => {
    const page = await openPage();
    await recordChanges(page, "librus-grades-card-editor");
    const editor = await mount(page, "librus-grades-card-editor", {});
    const semester = editor.locator("select[name=semester]");
    await semester.waitFor();
    expect(await semester.inputValue()).toBe("current");
    await semester.selectOption("2");
    await expect.poll(() => changes(page, "librus-grades-card-editor")).toEqual([
      { type: "custom:librus-grades-card", semester: 2 },
    ]);
    await (await switchFor(editor, "show_averages")).click();
    await expect.poll(async () => (await changes(page, "librus-grades-card-editor")).at(-1)).toEqual({
      type: "custom:librus-grades-card",
      semester: 2,
      show_averages: false,
    });
  });

  it("hands ha-form the schema, the data and the labels", async () => {
    const page = await openPage();
    await recordChanges(page, "librus-grades-card-editor");
    const editor = await mount(page, "librus-grades-card-editor", { show_averages: false });
    const form = editor.locator("ha-form");
    await form.waitFor({ state: "attached" });
    await expect.poll(async () =>
      (await form.evaluate((el) => (el as HTMLElement & { schema: { name: string }[] }).schema.map((s) => s.name))),
    ).toEqual(["entry_id", "semester", "show_averages"]);
    const given = await form.evaluate((el) => {
      const f = el as HTMLElement & { data: unknown; schema: { name: string }[]; computeLabel: (s: { name: string }) => string };
      return { data: f.data, labels: f.schema.map((s) => f.computeLabel(s)) };
    });
    expect(given.data).toMatchObject({ semester: "current", show_averages: false });
    expect(given.labels.slice(-2)).toEqual(["Semestr", "Pokazuj średnie"]);
    await form.evaluate((el) => {
      const f = el as HTMLElement & { data: Record<string, unknown> };
      el.dispatchEvent(
        new CustomEvent("value-changed", { detail: { value: { ...f.data, semester: "1" } }, bubbles: true, composed: true }),
      );
    });
    await expect.poll(() => changes(page, "librus-grades-card-editor")).toEqual([
      { type: "custom:librus-grades-card", show_averages: false, semester: 1 },
    ]);
  });

  it("a cleared message count goes back to the default (no 0 in the config)", async () => {
    const page = await openPage();
    await recordChanges(page, "librus-messages-card-editor");
    const editor = await mount(page, "librus-messages-card-editor", { max_messages: 10 });
    const form = editor.locator("ha-form");
    await form.waitFor();
    await form.evaluate((el) => {
      const f = el as HTMLElement & { data: Record<string, unknown> };
      const { max_messages: _cleared, ...rest } = f.data;
      el.dispatchEvent(new CustomEvent("value-changed", { detail: { value: rest }, bubbles: true, composed: true }));
    });
    await expect.poll(() => changes(page, "librus-messages-card-editor")).toEqual([
      { type: "custom:librus-messages-card" },
    ]);
  });

  it("loads ha-form through a built-in card's editor when the frontend has not yet", async () => {
    const page = await openPage({ haForm: "lazy" });
    expect(await page.evaluate(() => customElements.get("ha-form") === undefined)).toBe(true);
    const editor = await mount(page, "librus-timetable-card-editor", {});
    const compact = await switchFor(editor, "compact");
    expect(await compact.isChecked()).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __haFormLog: string[] }).__haFormLog)).toEqual([
      "createCardElement entities",
      "getConfigElement",
    ]);
    // a second editor finds it defined and asks nothing more
    await mount(page, "librus-grades-card-editor", {});
    await editor.page().locator("#librus-grades-card-editor select[name=semester]").waitFor();
    expect(await page.evaluate(() => (window as unknown as { __haFormLog: string[] }).__haFormLog)).toHaveLength(2);
  });
});
