/**
 * The dashboard keeps updating across an entry reload, without a page reload (issue 12):
 * an option changed in the options flow reloads the entry; its card subscriptions end with
 * `{"ended": true}`, the cards subscribe again to the new coordinator by themselves, and a
 * grade the simulator adds afterwards shows up in the grades card.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from "vitest";

import {
  type CardData,
  ensureLibrusDashboard,
  HaApi,
  launchChromium,
  type LibrusDashboard,
  librusCardData,
  login,
  newHaPage,
  Screenshots,
  SimulatorAdmin,
  Strings,
  UI_TIMEOUT_MS,
} from "../src/harness.js";

const stack = inject("stack");
const ha = new HaApi(stack.haUrl, stack.token);
const sim = new SimulatorAdmin(stack.simulatorUrl);
const GRADES = "librus-grades-card";

let browser: Browser;
let context: BrowserContext | undefined;
let page: Page;
let dashboard: LibrusDashboard;
const shots = new Screenshots("reload");

interface FlowStep {
  flow_id: string;
  type: string;
  data_schema?: { name: string; description?: { suggested_value?: unknown } }[];
}

function isFlowStep(v: unknown): v is FlowStep {
  return typeof v === "object" && v !== null && typeof (v as FlowStep).flow_id === "string";
}

/** The options flow through Home Assistant's REST API (what its dialog calls): a new scan
 * interval, so the entry really changes and reloads. */
async function changeScanInterval(entryId: string): Promise<number> {
  const form = await ha.request("POST", "/api/config/config_entries/options/flow", {
    handler: entryId,
    show_advanced_options: false,
  });
  if (!isFlowStep(form) || form.type !== "form") throw new Error(`options flow: ${JSON.stringify(form)}`);
  const current = form.data_schema?.find((f) => f.name === "scan_interval")?.description?.suggested_value;
  const minutes = current === 25 ? 35 : 25;
  const done = await ha.request("POST", `/api/config/config_entries/options/flow/${form.flow_id}`, {
    scan_interval: minutes,
    quiet_hours: true,
  });
  if (!isFlowStep(done) || done.type !== "create_entry") {
    throw new Error(`options flow did not finish: ${JSON.stringify(done)}`);
  }
  return minutes;
}

/** The login of the account whose student the dashboard shows. */
async function studentLogin(data: CardData): Promise<string> {
  const response = await fetch(`${stack.simulatorUrl}/__simulator/accounts`);
  const { accounts } = (await response.json()) as {
    accounts: { login: string; student_first_name: string; student_last_name: string }[];
  };
  const account = accounts.find((a) => `${a.student_first_name} ${a.student_last_name}` === data.student.name);
  if (!account) throw new Error(`no simulator account for ${data.student.name}`);
  return account.login;
}

async function addGrade(loginName: string): Promise<string> {
  const response = await fetch(`${stack.simulatorUrl}/__simulator/grades`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ login: loginName, grade: "6", subject: "mat" }),
  });
  if (!response.ok) throw new Error(`simulator POST grades: HTTP ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** One poll now: `homeassistant.update_entity` on an entity of the entry. */
async function pollNow(): Promise<void> {
  const states = (await ha.request("GET", "/api/states")) as { entity_id: string }[];
  const entity = states.find((s) => /^sensor\..*_latest_grade$/.test(s.entity_id));
  if (!entity) throw new Error("no Librus latest-grade sensor");
  await ha.request("POST", "/api/services/homeassistant/update_entity", { entity_id: entity.entity_id });
}

function chipsShown(data: CardData): number {
  const semester = data.grades.semesters.find((x) => x.semester === data.current_semester);
  return (semester?.subjects ?? []).reduce((n, x) => n + x.grades.length, 0);
}

beforeAll(async () => {
  await sim.reset();
  await sim.latency(0);
  dashboard = await ensureLibrusDashboard(stack, { addEntry: true });
  browser = await launchChromium();
});

afterEach(async ({ task }) => {
  if (task.result?.state === "fail" && context !== undefined) {
    await shots.take(page, `FAILED-${task.name.slice(0, 40).replace(/\W+/g, "-")}`);
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe.sequential("an entry reload", () => {
  test("the grades card keeps updating after an options change, without a page reload", async () => {
    const s = new Strings("en", stack.frontendDir);
    ({ context, page } = await newHaPage(browser, { language: "en" }));
    await login(page, stack, s);
    await page.goto(dashboard.url);
    const grades = page.locator(GRADES).first();
    await grades.locator(".student").waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
    const before = await librusCardData(page, dashboard.entryId);
    const chips = grades.locator(".chips .grade-chip");
    await expect.poll(() => chips.count(), { timeout: UI_TIMEOUT_MS }).toBe(chipsShown(before));
    // A marker that a page reload would lose.
    await page.evaluate(() => ((window as unknown as { __librusNoReload: boolean }).__librusNoReload = true));

    await changeScanInterval(dashboard.entryId);
    await ha.waitFor(
      "the entry loaded again",
      async () => {
        const entry = (await ha.configEntries("librus")).find((e) => e.entry_id === dashboard.entryId);
        return entry?.state === "loaded" ? true : undefined;
      },
      UI_TIMEOUT_MS,
    );

    const gradeId = await addGrade(await studentLogin(before));
    await pollNow();
    const after = await ha.waitFor(
      "the new grade in librus/card_data",
      async () => {
        const data = await librusCardData(page, dashboard.entryId);
        const ids = data.grades.semesters.flatMap((x) => x.subjects.flatMap((y) => y.grades.map((g) => g.id)));
        return ids.includes(gradeId) ? data : undefined;
      },
      UI_TIMEOUT_MS,
      250,
    );
    expect(chipsShown(after)).toBe(chipsShown(before) + 1);
    // The card shows it: its subscription reached the reloaded entry's coordinator.
    await expect.poll(() => chips.count(), { timeout: UI_TIMEOUT_MS }).toBe(chipsShown(after));
    expect(await page.evaluate(() => (window as unknown as { __librusNoReload?: boolean }).__librusNoReload)).toBe(true);
    await shots.take(page, "grades-after-reload", grades);
  });
});
