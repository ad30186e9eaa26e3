/**
 * Adding and reconfiguring Librus through the real Home Assistant UI, as a person would,
 * in English and in Polish, against the simulator (which is told to misbehave per test).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from "vitest";

import {
  clickFlowButton,
  expectCreatedEntry,
  expectText,
  fillLibrusForm,
  finishCreatedEntry,
  flowDialog,
  HaApi,
  LANGS,
  launchChromium,
  login,
  newHaPage,
  openDevicesAndServices,
  Screenshots,
  SimulatorAdmin,
  startAddIntegration,
  startReconfigure,
  Strings,
  submitFlow,
} from "../src/harness.js";

const stack = inject("stack");
const ha = new HaApi(stack.haUrl, stack.token);
const sim = new SimulatorAdmin(stack.simulatorUrl);

// The simulator's demo parent account (librus_simulator/accounts.py).
const PARENT = { login: "8000001", password: "librus-demo" };
const WRONG_PASSWORD = "not-the-password";
// The integration gives the whole login 20 s (const.py LOGIN_TIMEOUTS); the UI gets 5 s more.
const LOGIN_BUDGET_MS = Number(process.env.E2E_LOGIN_BUDGET_S ?? "20") * 1000;
const UI_SLACK_MS = 5_000;
// Submit-to-entry must stay below this even while Librus is slow.
const ENTRY_BUDGET_MS = 30_000;
const SLOW_STEP_SECONDS = 3;
// No added latency: the simulator answers a wrong password in ~15 ms. The 2026.2 frontend
// subscribes to `data_entry_flow_progressed` only after the POST returns, so a progress step
// that ended sooner would leave the dialog spinning; the integration keeps "Validating…" up
// for at least 1 s (const.py PROGRESS_MIN_SECONDS), and these tests prove it.
const LIBRUS_LATENCY_SECONDS = 0;

const timings: string[] = [];

let browser: Browser;

beforeAll(async () => {
  await sim.latency(LIBRUS_LATENCY_SECONDS);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sim.reset();
  await sim.latency(0);
  if (timings.length > 0) console.log(`[e2e] timings:\n  ${timings.join("\n  ")}`);
});

async function librusEntries(): Promise<string[]> {
  return (await ha.configEntries("librus")).map((entry) => `${entry.title} (${entry.state})`);
}

for (const lang of LANGS) {
  describe.sequential(`Librus config flow in the UI (${lang})`, () => {
    const s = new Strings(lang, stack.frontendDir);
    const shots = new Screenshots(`config-flow-${lang}`);
    let context: BrowserContext | undefined;
    let page: Page;
    let entryTitle = "";

    beforeAll(async () => {
      for (const entry of await ha.configEntries("librus")) await ha.deleteEntry(entry.entry_id);
      await sim.reset();
      ({ context, page } = await newHaPage(browser, { language: lang }));
      await login(page, stack, s);
      await shots.take(page, "home");
    });

    afterEach(async ({ task }) => {
      if (task.result?.state === "fail" && context !== undefined) {
        await shots.take(page, `FAILED-${task.name.slice(0, 40).replace(/\W+/g, "-")}`);
      }
    });

    afterAll(async () => {
      await sim.reset();
      await context?.close();
    });

    test("a wrong password shows the invalid-credentials error and adds nothing", async () => {
      await openDevicesAndServices(page, s);
      await shots.take(page, "devices-and-services");
      await startAddIntegration(page, s, "Librus");
      await expectText(page, s.librus("config.step.user.title"), undefined, "form title");
      await expectText(page, s.librus("config.step.user.data_description.username"));
      await shots.take(page, "user-form");

      await fillLibrusForm(page, s, "user", { username: PARENT.login, password: WRONG_PASSWORD });
      await submitFlow(page, s);
      await expectText(page, s.librus("config.error.invalid_auth"), undefined, "form error");
      await shots.take(page, "invalid-auth");
      expect(await librusEntries()).toEqual([]);
    });

    test("Librus hanging at token_info shows the timeout error within the budget", async () => {
      await sim.fault({ step: "token_info", kind: "hang", times: 1 });
      try {
        await fillLibrusForm(page, s, "user", { username: PARENT.login, password: PARENT.password });
        const submitted = Date.now();
        await submitFlow(page, s);
        await expectText(page, s.librus("config.progress.validate"), 10_000, "progress text");
        await shots.take(page, "validating-while-librus-hangs");
        await expectText(
          page,
          s.librus("config.error.timeout"),
          LOGIN_BUDGET_MS + UI_SLACK_MS,
          "timeout error",
        );
        const elapsed = Date.now() - submitted;
        timings.push(`${lang}: submit to timeout error ${(elapsed / 1000).toFixed(1)} s`);
        await shots.take(page, "timeout");
        expect(elapsed).toBeLessThan(LOGIN_BUDGET_MS + UI_SLACK_MS);
        expect(await librusEntries()).toEqual([]);
      } finally {
        await sim.reset();
      }
    });

    test("good credentials while Librus is slow: progress text, then the entry in < 30 s", async () => {
      await sim.fault({
        step: "oauth_grant",
        kind: "delay",
        seconds: SLOW_STEP_SECONDS,
        times: 1,
      });
      await fillLibrusForm(page, s, "user", { username: PARENT.login, password: PARENT.password });
      const submitted = Date.now();
      await submitFlow(page, s);
      // Visible while the simulator still holds the step.
      await expectText(
        page,
        s.librus("config.progress.validate"),
        SLOW_STEP_SECONDS * 1000,
        "progress text",
      );
      await shots.take(page, "validating");
      expect(await librusEntries(), "no entry while Librus still holds the login").toEqual([]);
      const entry = await ha.waitFor(
        "the Librus entry",
        async () => (await ha.configEntries("librus"))[0],
        ENTRY_BUDGET_MS,
      );
      const toEntry = Date.now() - submitted;
      entryTitle = entry.title;
      const loaded = await ha.waitFor(
        "the Librus entry to load",
        async () => (await ha.configEntries("librus")).find((e) => e.state === "loaded"),
        ENTRY_BUDGET_MS,
      );
      const toLoaded = Date.now() - submitted;
      timings.push(
        `${lang}: submit to entry ${(toEntry / 1000).toFixed(1)} s, to loaded entry ` +
          `${(toLoaded / 1000).toFixed(1)} s (Librus held ${SLOW_STEP_SECONDS} s at oauth_grant)`,
      );
      expect(toEntry).toBeLessThan(ENTRY_BUDGET_MS);
      expect(loaded.title).toBe(entryTitle);
      const created = await expectCreatedEntry(page, s, entryTitle);
      await shots.take(page, "created");
      await finishCreatedEntry(page, s, created);
    });

    test("reconfigure: a wrong password is refused, the real one is saved", async () => {
      expect(entryTitle).not.toBe("");
      await openDevicesAndServices(page, s);
      await startReconfigure(page, s, entryTitle);
      await expectText(page, s.librus("config.step.reconfigure.title"), undefined, "form title");
      await shots.take(page, "reconfigure-form");

      await fillLibrusForm(page, s, "reconfigure", { password: WRONG_PASSWORD });
      await submitFlow(page, s);
      await expectText(page, s.librus("config.error.invalid_auth"), undefined, "form error");
      await shots.take(page, "reconfigure-invalid-auth");

      await fillLibrusForm(page, s, "reconfigure", { password: PARENT.password });
      await submitFlow(page, s);
      await expectText(
        page,
        s.librus("config.abort.reconfigure_successful"),
        undefined,
        "reconfigure success",
      );
      await shots.take(page, "reconfigured");
      await clickFlowButton(page, s, "close");
      await flowDialog(page).waitFor({ state: "hidden" });
      // Reconfigure reloads the entry: it must come back loaded, still the only one.
      await ha.waitFor(
        "the reconfigured entry to load again",
        async () => (await ha.configEntries("librus")).find((e) => e.state === "loaded"),
        ENTRY_BUDGET_MS,
      );
      expect(await librusEntries()).toEqual([`${entryTitle} (loaded)`]);
    });
  });
}

afterAll(() => {
  console.log(`[e2e] screenshots in results/e2e/`);
});
