/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser downloads do not
 * work here), launched by the same module as frontend/'s component tests. Every page only
 * reaches 127.0.0.1: anything else (brand icons from the CDN, ...) is aborted at once instead
 * of waiting for a network that is not there.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";

import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";

import { chromiumLaunchOptions } from "../../frontend/test/chromium.js";
import { RESULTS_DIR } from "./stack.js";
import type { Lang } from "./strings.js";

/** Launched as the component tests launch it (frontend/test/chromium.ts: the path and flags). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export interface PageOptions {
  /** The UI language (the frontend's `selectedLanguage`, as a person picks it in the profile). */
  language?: Lang;
  viewport?: { width: number; height: number };
}

export interface HaPage {
  context: BrowserContext;
  page: Page;
}

/** A fresh context (no cookies, no tokens) with one page. */
export async function newHaPage(browser: Browser, options: PageOptions = {}): Promise<HaPage> {
  const language = options.language ?? "en";
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: language === "pl" ? "pl-PL" : "en-US",
    timezoneId: "Europe/Warsaw",
  });
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/, (route) => route.abort());
  // The frontend keeps the chosen language in localStorage as JSON.
  await context.addInitScript((lang: string) => {
    window.localStorage.setItem("selectedLanguage", JSON.stringify(lang));
  }, language);
  const page = await context.newPage();
  return { context, page };
}

/** Numbered screenshots in results/e2e/, named after the screen they show. */
export class Screenshots {
  private count = 0;
  readonly taken: string[] = [];

  constructor(
    private readonly prefix: string,
    readonly dir = RESULTS_DIR,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** The page's viewport, or only `target` (one card, a dialog) when given. */
  async take(page: Page, name: string, target?: Locator): Promise<string> {
    this.count += 1;
    const file = path.join(this.dir, `${this.prefix}-${String(this.count).padStart(2, "0")}-${name}.png`);
    if (target !== undefined) await target.screenshot({ path: file });
    else await page.screenshot({ path: file });
    this.taken.push(path.basename(file));
    return file;
  }
}
