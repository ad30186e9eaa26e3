/**
 * What a person does in the Home Assistant UI, as reusable steps.
 *
 * Home Assistant's UI is nested web components. Playwright's role/text/label locators pierce
 * open shadow roots, so steps find things the way a person does: by the visible, translated
 * text (from strings.ts), never by internal element names where a text will do.
 */
import type { Locator, Page } from "playwright-core";

import type { StackInfo } from "./stack.js";
import type { Strings } from "./strings.js";

export const UI_TIMEOUT_MS = 30_000;

/** Wait until a text is visible; fail with a message that names it. */
export async function expectText(
  page: Page,
  text: string,
  timeoutMs = UI_TIMEOUT_MS,
  what = "text",
): Promise<Locator> {
  const locator = page.getByText(text, { exact: false }).first();
  try {
    await locator.waitFor({ state: "visible", timeout: timeoutMs });
  } catch {
    throw new Error(`expected ${what} not visible within ${timeoutMs} ms: ${JSON.stringify(text)}`);
  }
  return locator;
}

/** The login form, then the default dashboard with its sidebar. */
export async function login(page: Page, stack: StackInfo, s: Strings): Promise<void> {
  const field = "ui.panel.page-authorize.form.providers.homeassistant.step.init.data";
  await page.goto(stack.haUrl);
  await page.getByRole("textbox", { name: s.ha(`${field}.username`) }).fill(stack.username);
  await page.getByRole("textbox", { name: s.ha(`${field}.password`) }).fill(stack.password);
  await page.getByRole("button", { name: s.ha("ui.panel.page-authorize.form.next") }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/auth/"), { timeout: UI_TIMEOUT_MS });
  await sidebarItem(page, s.ha("panel.config")).waitFor({ timeout: UI_TIMEOUT_MS });
}

function sidebarItem(page: Page, text: string): Locator {
  return page.locator("ha-sidebar").getByText(text, { exact: true });
}

/** Sidebar "Settings", then "Devices & services" (the integrations dashboard). */
export async function openDevicesAndServices(page: Page, s: Strings): Promise<void> {
  await sidebarItem(page, s.ha("panel.config")).click();
  await page.getByText(s.ha("ui.panel.config.dashboard.devices.main"), { exact: true }).click();
  await page.waitForURL(/\/config\/integrations/, { timeout: UI_TIMEOUT_MS });
}

/** "Add integration", search the brand, pick it: the integration's first form opens. */
export async function startAddIntegration(page: Page, s: Strings, search: string): Promise<void> {
  await page
    .getByRole("button", { name: s.ha("ui.panel.config.integrations.add_integration") })
    .click();
  // The search field is labelled on older frontends, only has a placeholder from 20261028.
  const searchBrand = s.ha("ui.panel.config.integrations.search_brand");
  await page.getByLabel(searchBrand).or(page.getByPlaceholder(searchBrand)).first().fill(search);
  await page.getByText(s.manifestName, { exact: true }).click();
}

/** The open config-flow dialog (add, reconfigure, ...). */
export function flowDialog(page: Page): Locator {
  return page.locator("dialog-data-entry-flow");
}

/** Fill the fields of a Librus form step (labels from the integration's translations). */
export async function fillLibrusForm(
  page: Page,
  s: Strings,
  stepId: "user" | "reconfigure" | "reauth_confirm",
  values: { username?: string; password?: string },
): Promise<void> {
  const dialog = flowDialog(page);
  for (const key of ["username", "password"] as const) {
    const value = values[key];
    if (value === undefined) continue;
    const name = s.librus(`config.step.${stepId}.data.${key}`);
    await dialog.getByRole("textbox", { name }).fill(value);
  }
}

/** Click a button of the flow dialog by its frontend text key (`submit`, `close`, ...). */
export async function clickFlowButton(
  page: Page,
  s: Strings,
  key: "submit" | "close" | "finish" | "finish_skip" | "next",
): Promise<void> {
  // .last(): the step's own button, after the header's icon button of the same name (Close).
  await flowDialog(page)
    .getByRole("button", { name: s.ha(`ui.panel.config.integrations.config_flow.${key}`) })
    .last()
    .click();
}

export async function submitFlow(page: Page, s: Strings): Promise<void> {
  await clickFlowButton(page, s, "submit");
}

export type CreatedStep = "message" | "devices";

/**
 * The end of a flow that created an entry: Home Assistant shows either "Created
 * configuration for <title>." (no devices) or the new devices, with name and area fields
 * and "Skip and finish". Waits for one of them, naming `title`.
 */
export async function expectCreatedEntry(
  page: Page,
  s: Strings,
  title: string,
  timeoutMs = UI_TIMEOUT_MS,
): Promise<CreatedStep> {
  const dialog = flowDialog(page);
  const message = dialog.getByText(
    s.ha("ui.panel.config.integrations.config_flow.created_config", { name: title }),
  );
  const skip = dialog.getByRole("button", {
    name: s.ha("ui.panel.config.integrations.config_flow.finish_skip"),
  });
  try {
    await message.or(skip).first().waitFor({ state: "visible", timeout: timeoutMs });
  } catch {
    throw new Error(`no success step for ${JSON.stringify(title)} within ${timeoutMs} ms`);
  }
  if (await message.isVisible()) return "message";
  const deviceNames = await dialog
    .getByRole("textbox", { name: s.ha("ui.panel.config.integrations.config_flow.device_name") })
    .evaluateAll((inputs) =>
      inputs.map((input) => (input instanceof HTMLInputElement ? input.value : "")),
    );
  if (!deviceNames.includes(title)) {
    throw new Error(
      `the new devices are ${JSON.stringify(deviceNames)}, not ${JSON.stringify(title)}`,
    );
  }
  return "devices";
}

/** Leave the success step like a person: "Finish", or "Skip and finish" (no areas). */
export async function finishCreatedEntry(page: Page, s: Strings, step: CreatedStep): Promise<void> {
  await clickFlowButton(page, s, step === "message" ? "finish" : "finish_skip");
  await flowDialog(page).waitFor({ state: "hidden", timeout: UI_TIMEOUT_MS });
}

/** Close whatever the config-flow dialog shows now (Escape, as a person would). */
export async function closeFlowDialog(page: Page): Promise<void> {
  const dialog = flowDialog(page);
  if ((await dialog.count()) === 0) return;
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT_MS }).catch(() => undefined);
}

/**
 * From the integrations dashboard: open the integration's page, then the menu of the entry
 * titled `entryTitle`, then "Reconfigure": the reconfigure form opens.
 */
export async function startReconfigure(page: Page, s: Strings, entryTitle: string): Promise<void> {
  await page.getByText(s.manifestName, { exact: true }).first().click();
  await page.waitForURL(/\/config\/integrations\/integration\//, { timeout: UI_TIMEOUT_MS });
  const row = page.locator("ha-config-entry-row").filter({ hasText: entryTitle });
  // The entry's own menu is the row's first (its sub-rows, e.g. the device, have their own).
  await row.getByRole("button", { name: s.ha("ui.common.menu") }).first().click();
  await page
    .getByRole("menuitem", { name: s.ha("ui.panel.config.integrations.config_entry.reconfigure") })
    .or(page.getByText(s.ha("ui.panel.config.integrations.config_entry.reconfigure"), { exact: true }))
    .first()
    .click();
}


/** The toolbar's pencil (edit dashboard), matched by its icon's path. */
const PENCIL_PATH = "M20.71,7.04";

/**
 * As a person adds a card: edit the dashboard, a section's "Add card", the picker's "By card"
 * tab (frontend 20261028+ opens on "By entity"), then type `search` into its search field.
 * Returns the picker dialog and the "Done" button that leaves edit mode.
 */
export async function openCardPicker(
  page: Page,
  s: Strings,
  search: string,
): Promise<{ picker: Locator; done: Locator }> {
  await page
    .locator("ha-icon-button")
    .filter({ has: page.locator(`path[d^="${PENCIL_PATH}"]`) })
    .first()
    .click();
  const done = page.getByRole("button", { name: s.ha("ui.panel.lovelace.menu.exit_edit_mode") });
  await done.waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
  const addCard = s.ha("ui.panel.lovelace.editor.section.add_card");
  await page.getByRole("button", { name: addCard }).or(page.getByText(addCard, { exact: true })).first().click();
  const picker = page.locator("hui-dialog-create-card");
  const byCard = s.ha("ui.panel.lovelace.editor.cardpicker.by_card");
  await picker.getByRole("tab", { name: byCard }).or(picker.getByText(byCard, { exact: true })).first().click();
  const label = s.ha("ui.panel.lovelace.editor.edit_card.search_cards");
  const field = picker.getByRole("textbox", { name: label }).or(picker.getByPlaceholder(label)).first();
  await field.waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
  await field.fill(search);
  return { picker, done };
}
