import { afterAll, describe, expect, it } from "vitest";
import { closeAll, openPage, pageErrors } from "./helpers";

afterAll(closeAll);

describe("the Lovelace card contract", () => {
  it("registers the four cards in the card picker with previews", async () => {
    const page = await openPage();
    const cards = await page.evaluate(() => window.customCards);
    // the page is in Polish: so are the names and descriptions
    expect(cards?.map((c) => [c.type, c.name, c.preview])).toEqual([
      ["librus-today-card", "Librus — Dziś", true],
      ["librus-timetable-card", "Librus — Plan lekcji", true],
      ["librus-grades-card", "Librus — Oceny", true],
      ["librus-messages-card", "Librus — Wiadomości", true],
    ]);
    expect(cards?.[0]?.description).toContain("Dzisiejsze lekcje");
    // the picker reads them when it opens, in the language the page has then
    const english = await page.evaluate(() => {
      document.documentElement.lang = "en";
      return window.customCards?.map((c) => c.name);
    });
    expect(english).toEqual(["Librus — Today", "Librus — Timetable", "Librus — Grades", "Librus — Messages"]);
  });

  it("survives the module being loaded twice", async () => {
    const page = await openPage();
    // a string, so vitest does not rewrite the dynamic import for Node
    const loaded = await page.evaluate("import('/librus-cards.js?again=1').then((m) => typeof m.VERSION)");
    expect(loaded).toBe("string");
    expect(pageErrors(page)).toEqual([]);
    expect(await page.evaluate(() => window.customCards?.length)).toBe(4);
  });

  it("offers editors, stub configs, sizes and grid options", async () => {
    const page = await openPage();
    const result = await page.evaluate(() => {
      const out: Record<string, unknown> = {};
      for (const tag of ["librus-today-card", "librus-timetable-card", "librus-grades-card", "librus-messages-card"]) {
        const cls = customElements.get(tag) as unknown as {
          getConfigElement(): HTMLElement;
          getStubConfig(hass?: unknown): Record<string, unknown>;
        };
        const el = document.createElement(tag) as HTMLElement & {
          setConfig(c: unknown): void;
          getCardSize(): number;
          getGridOptions(): unknown;
        };
        const stub = cls.getStubConfig({});
        el.setConfig({ type: `custom:${tag}`, ...stub });
        out[tag] = {
          editor: cls.getConfigElement().tagName.toLowerCase(),
          stub,
          size: el.getCardSize(),
          grid: el.getGridOptions(),
        };
      }
      return out;
    });
    expect(result).toEqual({
      "librus-today-card": {
        editor: "librus-today-card-editor",
        stub: {
          show_lucky_number: true,
          show_agenda: true,
          show_homework: true,
          show_new_grades: true,
          after_school_shows_tomorrow: true,
        },
        size: 4,
        grid: { columns: 12, min_columns: 6 },
      },
      "librus-timetable-card": {
        editor: "librus-timetable-card-editor",
        stub: { compact: false, show_teacher: false },
        size: 8,
        grid: { columns: 12, min_columns: 6 },
      },
      "librus-grades-card": {
        editor: "librus-grades-card-editor",
        stub: { semester: "current", show_averages: true },
        size: 6,
        grid: { columns: 12, min_columns: 6 },
      },
      "librus-messages-card": {
        editor: "librus-messages-card-editor",
        stub: { max_messages: 5, unread_only: false, show_preview: true },
        size: 3,
        grid: { columns: 12, min_columns: 6 },
      },
    });
  });

  it("sizes itself from the data once loaded", async () => {
    const page = await openPage();
    const sizes = await page.evaluate(async () => {
      const w = window as unknown as { createHass: (o: unknown) => unknown; mount: (o: unknown) => Promise<boolean> };
      const out: number[] = [];
      for (const tag of ["librus-today-card", "librus-timetable-card", "librus-grades-card", "librus-messages-card"]) {
        await w.mount({ tag, id: tag, config: { type: `custom:${tag}` }, hass: w.createHass({}) });
        const el = document.getElementById(tag) as HTMLElement & { getCardSize(): number; updateComplete: Promise<boolean> };
        while (!(el.shadowRoot?.querySelector(".content") && (await el.updateComplete))) {
          await new Promise((ok) => setTimeout(ok, 0));
        }
        out.push(el.getCardSize());
      }
      return out;
    });
    expect(sizes).toEqual([9, 10, 14, 12]);
  });

  it("rejects bad configs with clear errors", async () => {
    const page = await openPage();
    const errors = await page.evaluate(() => {
      const attempt = (tag: string, config: unknown): string => {
        const el = document.createElement(tag) as HTMLElement & { setConfig(c: unknown): void };
        try {
          el.setConfig(config);
          return "ok";
        } catch (err) {
          return (err as Error).message;
        }
      };
      return [
        attempt("librus-today-card", { type: "custom:librus-today-card", colour: "red" }),
        attempt("librus-timetable-card", { type: "custom:librus-timetable-card", compact: 1 }),
        attempt("librus-grades-card", { type: "custom:librus-grades-card", semester: "both" }),
        attempt("librus-grades-card-editor", { type: "custom:librus-grades-card", semester: 0 }),
        attempt("librus-grades-card", { type: "custom:librus-grades-card", semester: 2, grid_options: { rows: 4 } }),
        attempt("librus-messages-card", { type: "custom:librus-messages-card", max_messages: 50 }),
      ];
    });
    expect(errors).toEqual([
      'Librus (librus-today-card): unknown option "colour". Allowed options: entry_id, show_lucky_number, show_agenda, show_homework, show_new_grades, after_school_shows_tomorrow.',
      'Librus (librus-timetable-card): "compact" must be true or false, got 1.',
      'Librus (librus-grades-card): "semester" must be "current", 1 or 2, got "both".',
      'Librus (librus-grades-card): "semester" must be "current", 1 or 2, got 0.',
      "ok",
      'Librus (librus-messages-card): "max_messages" must be a whole number from 1 to 20, got 50.',
    ]);
  });
});
