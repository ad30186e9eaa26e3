/**
 * The e2e harness: one import for test files (and for later dashboard/card scenarios).
 *
 *   const stack = inject("stack");                  // started once by src/global-setup.ts
 *   const ha = new HaApi(stack.haUrl, stack.token); // REST as the owner
 *   const sim = new SimulatorAdmin(stack.simulatorUrl);
 *   const browser = await launchChromium();
 *   const { page } = await newHaPage(browser, { language: "pl" });
 *   const s = new Strings("pl", stack.frontendDir);
 *   await login(page, stack, s);
 *   const dashboard = await ensureLibrusDashboard(stack);  // entry + "Librus" dashboard
 *   const cards = await loadCardModules();          // the cards' own texts and helpers
 */
export * from "./browser.js";
export * from "./cards.js";
export * from "./stack.js";
export * from "./strings.js";
export * from "./ui.js";
