/**
 * For the dashboard-card scenarios: the cards' own texts and pure helpers (read from
 * frontend/src, so a test never copies a wording or a date format), websocket calls through
 * the page's `hass`, and the first-render timing of a card in the real Home Assistant.
 */
import path from "node:path";

import type { Page } from "playwright-core";

import type { CardData, ISODate, SemesterGrades, SubjectGrades, TimetableDay, TimetableWeek } from "../../frontend/src/types.js";
import { REPO_DIR } from "./stack.js";
import type { Lang } from "./strings.js";

export type { CardData, SemesterGrades, SubjectGrades, TimetableDay, TimetableWeek };

const FRONTEND_SRC = path.join(REPO_DIR, "frontend", "src");

/** What the tests use of frontend/src/{localize,format,today,timetable,grades}.ts. */
export interface CardModules {
  t(lang: Lang, key: string, vars?: Record<string, string | number>): string;
  count(lang: Lang, key: "grade" | "new_grade" | "lesson" | "day" | "assignment", n: number): string;
  formatAverage(value: number | null | undefined, lang: Lang): string;
  formatWeekRange(start: ISODate, end: ISODate, locale: string): string;
  intlLocale(language: string | undefined): string;
  schoolClock(instant?: Date | number): { date: ISODate; minutes: number };
  effectiveToday(data: CardData, clock: { date: ISODate; minutes: number }): ISODate;
  planDay(
    data: CardData,
    clock: { date: ISODate; minutes: number },
    afterSchoolShowsTomorrow: boolean,
  ): { date: ISODate; relation: "today" | "tomorrow" | "later"; day: TimetableDay | undefined };
  luckyNumber(data: CardData, from: ISODate): CardData["lucky_number"];
  initialWeekIndex(weeks: readonly TimetableWeek[], today: ISODate): number;
  weekEnd(week: TimetableWeek): ISODate;
}

/**
 * The cards' source modules, loaded by vitest's module runner (plain functions without
 * DOM or Lit imports). Only under vitest: Node alone does not run TypeScript imports
 * without extensions.
 */
export async function loadCardModules(): Promise<CardModules> {
  const load = async (name: string): Promise<Record<string, unknown>> =>
    (await import(/* @vite-ignore */ path.join(FRONTEND_SRC, `${name}.ts`))) as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const name of ["localize", "format", "today", "timetable", "grades"]) {
    Object.assign(merged, await load(name));
  }
  const needed = [
    "t",
    "count",
    "formatAverage",
    "formatWeekRange",
    "intlLocale",
    "schoolClock",
    "effectiveToday",
    "planDay",
    "luckyNumber",
    "initialWeekIndex",
    "weekEnd",
  ];
  for (const key of needed) {
    if (typeof merged[key] !== "function") throw new Error(`frontend/src has no function ${key}`);
  }
  return merged as unknown as CardModules;
}

/** A websocket command through the logged-in page's own connection (`hass.callWS`). */
export async function callWS<T>(page: Page, message: Record<string, unknown>): Promise<T> {
  return page.evaluate(async (msg) => {
    const root = document.querySelector("home-assistant") as
      | (Element & { hass?: { callWS(m: unknown): Promise<unknown> } })
      | null;
    if (!root?.hass) throw new Error("no <home-assistant> with hass on this page");
    return root.hass.callWS(msg);
  }, message) as Promise<T>;
}

/** `librus/card_data` of one entry: what the cards on the page are showing. */
export async function librusCardData(page: Page, entryId: string): Promise<CardData> {
  return callWS<CardData>(page, { type: "librus/card_data", entry_id: entryId });
}

/** The frontend's language and dark mode as the page's `hass` has them. */
export async function hassUi(page: Page): Promise<{ language: string; darkMode: boolean }> {
  return page.evaluate(() => {
    const root = document.querySelector("home-assistant") as
      | (Element & {
          hass?: { language?: string; locale?: { language?: string }; themes?: { darkMode?: boolean } };
        })
      | null;
    const hass = root?.hass;
    return {
      language: hass?.locale?.language ?? hass?.language ?? "",
      darkMode: hass?.themes?.darkMode ?? false,
    };
  });
}

export interface RenderTiming {
  /** performance.now() when Home Assistant created the card element. */
  created: number;
  /** performance.now() when its shadow root first held `selector` (the rendered content). */
  rendered: number;
}

const TIMING_KEY = "__librusCardTimings";

/**
 * An init script for a browser context: every element `tag` created with
 * document.createElement is watched (requestAnimationFrame) until its shadow root contains
 * `selector`; the first one to get there is recorded. Read it with `waitForRenderTiming`.
 */
export function renderTimingScript(tag: string, selector: string): string {
  return `(() => {
    const timings = (window[${JSON.stringify(TIMING_KEY)}] ??= {});
    const tag = ${JSON.stringify(tag)};
    const selector = ${JSON.stringify(selector)};
    const create = Document.prototype.createElement;
    Document.prototype.createElement = function (name, options) {
      const element = create.call(this, name, options);
      if (String(name).toLowerCase() === tag && !timings[tag]) {
        const created = performance.now();
        const check = () => {
          if (timings[tag]) return;
          if (element.shadowRoot && element.shadowRoot.querySelector(selector)) {
            timings[tag] = { created, rendered: performance.now() };
            return;
          }
          if (performance.now() - created < 120000) requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }
      return element;
    };
  })();`;
}

/** The timing `renderTimingScript` recorded for `tag` on the current page (waits for it). */
export async function waitForRenderTiming(
  page: Page,
  tag: string,
  timeoutMs = 30_000,
): Promise<RenderTiming> {
  const handle = await page.waitForFunction(
    ([key, name]) => (window as unknown as Record<string, Record<string, unknown> | undefined>)[key]?.[name],
    [TIMING_KEY, tag] as const,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as RenderTiming;
}

/**
 * WORKAROUND for a race in the cards' bundle (see e2e/README.md): hold the bundle's request
 * until Home Assistant's app bundle has replaced window.customElements with its scoped
 * registry polyfill, so the cards' elements are defined where Home Assistant looks them up.
 */
export async function loadCardsAfterHaRegistry(
  context: import("playwright-core").BrowserContext,
  bundle: RegExp = /\/librus\/librus-cards\.js/,
): Promise<void> {
  await context.route(bundle, async (route) => {
    const frame = route.request().frame();
    await frame
      .waitForFunction(() => window.customElements.constructor.name !== "CustomElementRegistry", undefined, {
        timeout: 30_000,
      })
      .catch(() => undefined);
    await route.continue();
  });
}
