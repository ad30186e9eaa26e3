/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser downloads do not work
 * here), one launch for both browser suites: the component tests (test/browser/global-setup.ts)
 * and the end-to-end tests (e2e/src/browser.ts imports this file). No imports but Node's, so
 * both projects' compilers and node_modules can take it as it is.
 *
 * Playwright adds --headless itself (headless: true) and gives every launch a fresh temporary
 * profile (its own --user-data-dir, deleted on close); it refuses --user-data-dir in args.
 */
import { existsSync } from "node:fs";

/** E2E_CHROMIUM or CHROMIUM_PATH override it (the names each suite read before they shared this). */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** What `chromium.launch` / `chromium.launchServer` of playwright-core take. */
export interface ChromiumLaunchOptions {
  executablePath: string;
  headless: true;
  args: string[];
}

export function chromiumLaunchOptions(): ChromiumLaunchOptions {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run scripts/setup.sh (it installs Debian's chromium)`);
  }
  return { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] };
}
