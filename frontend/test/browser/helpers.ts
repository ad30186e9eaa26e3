/** Node-side helpers for the Chromium component tests. */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { inject } from "vitest";
import type { StudentEntry } from "../../src/types";
import { ALL_CARD_DATA, STUDENTS } from "../fixtures";

export const RESULTS = resolve(import.meta.dirname, "../../../results/frontend");

/** Monday 30 November 2026, 09:10 in Warsaw: during lesson 2. */
export const MONDAY_MORNING = "2026-11-30T09:10:00+01:00";

export interface PageOptions {
  theme?: "light" | "dark";
  /** Viewport width; 390 is a phone. */
  width?: number;
  /** The browser's own time zone (the cards must not care). */
  timezoneId?: string;
  /** The fixed wall-clock instant; null keeps the real clock (Playwright's fake clock also fakes performance.now). */
  now?: string | null;
  /** "lazy": the stand-in ha-form is only defined once a built-in card's editor is asked for (./ha-form-stand-in.ts). */
  haForm?: "lazy";
}

export interface MountOptions {
  id?: string;
  language?: string;
  students?: StudentEntry[];
  failSubscribe?: boolean;
}

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

export async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.connect(inject("wsEndpoint"));
  return browser;
}

export async function closeAll(): Promise<void> {
  for (const c of contexts.splice(0)) await c.close();
  await browser?.close();
  browser = undefined;
}

export async function openPage(options: PageOptions = {}): Promise<Page> {
  const b = await getBrowser();
  const context = await b.newContext({
    viewport: { width: options.width ?? 1024, height: 900 },
    deviceScaleFactor: 1,
    timezoneId: options.timezoneId ?? "Europe/Warsaw",
    locale: "pl-PL",
    reducedMotion: "reduce",
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  (page as Page & { errors?: string[] }).errors = errors;
  if (options.now !== null) await page.clock.setFixedTime(new Date(options.now ?? MONDAY_MORNING));
  if (options.haForm === "lazy") await page.addInitScript(() => ((window as unknown as Record<string, unknown>).__lazyHaForm = true));
  await page.goto(inject("baseUrl"));
  await page.waitForFunction(() => customElements.get("librus-grades-card-editor") !== undefined);
  await page.evaluate(
    ([data, students, dark]) => {
      const w = window as unknown as Record<string, unknown>;
      w.__data = data;
      w.__students = students;
      if (dark) document.body.classList.add("dark");
    },
    [ALL_CARD_DATA, STUDENTS, options.theme === "dark"] as const,
  );
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** Mount a card or editor; returns a locator for it (locators pierce open shadow roots). */
export async function mount(page: Page, tag: string, config: Record<string, unknown>, options: MountOptions = {}): Promise<Locator> {
  const id = options.id ?? tag;
  await page.evaluate(
    async ({ tag, id, config, language, students, failSubscribe }) => {
      const w = window as unknown as {
        createHass: (o: unknown) => unknown;
        mount: (o: unknown) => Promise<boolean>;
      };
      const hass = w.createHass({ language, students, failSubscribe });
      await w.mount({ tag, id, config, hass });
    },
    {
      tag,
      id,
      config: { type: `custom:${tag.replace(/-editor$/, "")}`, ...config },
      language: options.language ?? "pl",
      students: options.students,
      failSubscribe: options.failSubscribe ?? false,
    },
  );
  return page.locator(`#${id}`);
}

/** Save a screenshot of one element to results/frontend/<name>.png. */
export async function screenshot(target: Locator, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = resolve(RESULTS, `${name}.png`);
  await target.screenshot({ path, animations: "disabled" });
  return path;
}

/** True when the element's content fits its width (no horizontal scrolling on a phone). */
export async function fitsWidth(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const root = el.shadowRoot ?? el;
    const card = root.querySelector("ha-card") ?? el;
    const box = el.getBoundingClientRect();
    let widest = 0;
    for (const node of root.querySelectorAll("*")) {
      const r = node.getBoundingClientRect();
      if (r.width > 0) widest = Math.max(widest, r.right - box.left);
    }
    return card.scrollWidth <= card.clientWidth + 1 && widest <= box.width + 1;
  });
}
