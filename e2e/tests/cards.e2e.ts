/**
 * The three Librus dashboard cards in the real Home Assistant, in English and in Polish:
 * the "Librus" dashboard that `make demo` creates (same code: librus_demo
 * `ensure_librus_dashboard`), its cards showing what `librus/card_data` says, their
 * interactions, the card picker, a phone-sized viewport, the dark theme, and the timetable
 * card's first-render time.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from "vitest";

import {
  type CardData,
  type CardModules,
  ensureLibrusDashboard,
  expectText,
  hassUi,
  LANGS,
  type LibrusDashboard,
  launchChromium,
  librusCardData,
  loadCardsAfterHaRegistry,
  loadCardModules,
  login,
  newHaPage,
  openCardPicker,
  renderTimingScript,
  Screenshots,
  SimulatorAdmin,
  Strings,
  type TimetableWeek,
  UI_TIMEOUT_MS,
  waitForRenderTiming,
} from "../src/harness.js";

const stack = inject("stack");
const sim = new SimulatorAdmin(stack.simulatorUrl);

const TODAY = "librus-today-card";
const TIMETABLE = "librus-timetable-card";
const GRADES = "librus-grades-card";
/** The picker entries the bundle registers (window.customCards), in the user's language. */
const PICKER_NAMES = ["card_today", "card_timetable", "card_grades"] as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
// The week grid with at least one lesson: what "rendered" means for the timing.
const TIMETABLE_RENDERED = ".grid .lesson";

const timings: string[] = [];
let browser: Browser;
let dashboard: LibrusDashboard;
let m: CardModules;

beforeAll(async () => {
  await sim.reset();
  await sim.latency(0);
  // Adds the demo parent's entry unless one is loaded (the config-flow scenario may have
  // left one, or deleted it), then the dashboard, exactly as `make demo` does.
  const started = Date.now();
  dashboard = await ensureLibrusDashboard(stack, { addEntry: true });
  timings.push(`entry + dashboard ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  m = await loadCardModules();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (missingElements > 0) {
    timings.push(
      `"Custom element doesn't exist" instead of the cards on ${missingElements} dashboard load(s)`,
    );
  }
  if (timings.length > 0) console.log(`[e2e] card timings:\n  ${timings.join("\n  ")}`);
  console.log(`[e2e] screenshots in results/e2e/`);
});

/** The cards' shadow DOM is open: Playwright's CSS locators pierce it. */
function card(page: Page, tag: string): Locator {
  return page.locator(tag).first();
}

/** Any run of white space (Intl uses thin and no-break spaces) as one plain space. */
function norm(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allInnerTexts()).map(norm);
}

// mdiPencil: the toolbar's "Edit dashboard" icon button (its accessible name is empty in the
// 2026.2 frontend, so it is found by its icon).
// The cards must be there on the first load: no retry.
const MISSING_ELEMENTS_RETRIES = 1;
// E2E_HOLD_CARDS=1 delays the bundle until Home Assistant's registry is in place (the
// workaround used before the cards waited for it themselves; kept to compare).
const HOLD_BUNDLE = process.env.E2E_HOLD_CARDS === "1";
let missingElements = 0;

function weekLessons(week: TimetableWeek): number {
  return week.days.reduce((n, day) => n + (day.free_day ? 0 : day.lessons.length), 0);
}

function statusCount(week: TimetableWeek, status: string): number {
  return week.days.reduce(
    (n, day) => n + (day.free_day ? 0 : day.lessons.filter((l) => l.status === status).length),
    0,
  );
}

for (const lang of LANGS) {
  describe.sequential(`Librus dashboard cards in the UI (${lang})`, () => {
    const s = new Strings(lang, stack.frontendDir);
    const shots = new Screenshots(`cards-${lang}`);
    const t = (key: string, vars?: Record<string, string | number>): string => m.t(lang, key, vars);
    let context: BrowserContext | undefined;
    let page: Page;
    let data: CardData;
    let locale = "";

    /**
     * Open the dashboard and wait until all three cards show the student.
     *
     * The bundle is an extra module loaded in parallel with Home Assistant's app, which
     * installs a scoped custom-element-registry polyfill (a new window.customElements). The
     * cards wait for it (frontend/src/index.ts); were they defined too early, Home Assistant
     * would show "Custom element doesn't exist" error cards, which fails this test.
     */
    async function openDashboard(): Promise<void> {
      for (let attempt = 0; ; attempt += 1) {
        await page.goto(dashboard.url);
        const ready = card(page, `${GRADES} .student`);
        const error = page.locator("hui-error-card").first();
        await ready.or(error).first().waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
        if (await ready.isVisible()) break;
        missingElements += 1;
        if (attempt + 1 >= MISSING_ELEMENTS_RETRIES) {
          throw new Error(`the cards were not defined in ${MISSING_ELEMENTS_RETRIES} loads`);
        }
      }
      for (const tag of [TODAY, TIMETABLE, GRADES]) {
        await card(page, `${tag} .student`).waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
      }
    }

    /** The timetable card's week range must be `week`'s, with its lessons and markers. */
    async function expectWeek(week: TimetableWeek): Promise<void> {
      const timetable = card(page, TIMETABLE);
      const range = m.formatWeekRange(week.week_start, m.weekEnd(week), locale);
      await expect.poll(async () => (await texts(timetable.locator(".range")))[0]).toBe(norm(range));
      expect(await timetable.locator(".grid .lesson").count()).toBe(weekLessons(week));
      const labels = await timetable
        .locator(".grid .lesson")
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label") ?? ""));
      for (const day of week.days) {
        for (const lesson of day.free_day ? [] : day.lessons) {
          expect(labels.some((label) => label.startsWith(lesson.subject))).toBe(true);
        }
      }
      for (const status of ["substitution", "cancelled", "moved"] as const) {
        const n = statusCount(week, status);
        expect(await timetable.locator(`.grid .lesson.${status}`).count(), status).toBe(n);
        if (n > 0) {
          await expect.poll(() => texts(timetable.locator(".legend"))).toEqual([
            expect.stringContaining(t(status)),
          ]);
          const marked = labels.filter((label) => label.includes(t(status)));
          expect(marked.length, `lessons labelled ${t(status)}`).toBe(n);
        }
      }
      for (const day of week.days) {
        if (day.free_day) await expectText(page, day.free_day, undefined, "free day");
      }
    }

    beforeAll(async () => {
      ({ context, page } = await newHaPage(browser, { language: lang, viewport: DESKTOP }));
      await context.addInitScript(renderTimingScript(TIMETABLE, TIMETABLE_RENDERED));
      if (HOLD_BUNDLE) await loadCardsAfterHaRegistry(context);
      await login(page, stack, s);
      await openDashboard();
      const timing = await waitForRenderTiming(page, TIMETABLE);
      const nav = await page.evaluate(() => performance.now());
      timings.push(
        `${lang}: timetable card first render ${(timing.rendered - timing.created).toFixed(0)} ms ` +
          `(element created to week grid in its shadow root; grid at ` +
          `${(timing.rendered / 1000).toFixed(2)} s after navigation, page ready ${(nav / 1000).toFixed(2)} s)`,
      );
      data = await librusCardData(page, dashboard.entryId);
      locale = m.intlLocale((await hassUi(page)).language);
    });

    afterEach(async ({ task }) => {
      if (task.result?.state === "fail" && context !== undefined) {
        await shots.take(page, `FAILED-${task.name.slice(0, 40).replace(/\W+/g, "-")}`);
      }
    });

    afterAll(async () => {
      await context?.close();
    });

    test("the dashboard shows the student, the day's lessons, the lucky number, grades and averages", async () => {
      expect((await hassUi(page)).language).toBe(lang);
      await shots.take(page, "dashboard");
      const name = data.student.name;
      for (const tag of [TODAY, TIMETABLE, GRADES]) {
        expect((await texts(card(page, `${tag} .student`)))[0]).toContain(name);
      }

      // Today: the day the card plans (today, or the next school day after school), its
      // lessons with their hours, markers for substitutions and cancellations.
      const today = card(page, TODAY);
      const plan = m.planDay(data, m.schoolClock(Date.now()), true);
      const heading =
        plan.relation === "today" ? "today" : plan.relation === "tomorrow" ? "tomorrow" : "next_school_day";
      expect((await texts(today.locator(".title")))[0]).toContain(t(heading));
      const lessons = [...(plan.day?.lessons ?? [])].sort(
        (a, b) => a.number - b.number || a.start.localeCompare(b.start),
      );
      if (plan.day?.free_day) {
        await expectText(page, plan.day.free_day, undefined, "free day");
      } else {
        expect(lessons.length, `lessons on ${plan.date}`).toBeGreaterThan(0);
        const rows = await texts(today.locator("li.lesson"));
        expect(rows.length).toBe(lessons.length);
        lessons.forEach((lesson, i) => {
          const row = rows[i] ?? "";
          expect(row).toContain(lesson.subject);
          expect(row).toContain(lesson.start);
          expect(row).toContain(lesson.end);
          if (lesson.status !== "normal") expect(row).toContain(t(lesson.status));
        });
      }
      const lucky = m.luckyNumber(data, plan.date);
      expect(data.lucky_number, "the simulator always has a lucky number").not.toBeNull();
      if (lucky) {
        expect((await texts(today.locator(".lucky-label")))[0]).toContain(
          `${t("lucky_number")}: ${lucky.number}`,
        );
      }
      await shots.take(page, "today", today);

      // Timetable: the week holding today (or the next one), with its markers.
      const home = m.initialWeekIndex(data.weeks, m.effectiveToday(data, m.schoolClock(Date.now())));
      const week = data.weeks[home];
      expect(week, "a timetable week to show").toBeDefined();
      if (week) await expectWeek(week);
      await shots.take(page, "timetable", card(page, TIMETABLE));

      // Grades: the current semester's subjects, chips, averages.
      const grades = card(page, GRADES);
      const semester = data.grades.semesters.find((x) => x.semester === data.current_semester);
      const subjects = (semester?.subjects ?? []).filter(
        (x) => x.grades.length || x.semester_grade || x.proposed_grade,
      );
      expect(subjects.length, "subjects with grades").toBeGreaterThan(0);
      expect(await texts(grades.locator(".subject-name"))).toEqual(subjects.map((x) => x.subject));
      const chips = subjects.reduce((n, x) => n + x.grades.length, 0);
      expect(chips).toBeGreaterThan(0);
      expect(await grades.locator(".chips .grade-chip").count()).toBe(chips);
      expect(await texts(grades.locator(".subject .average"))).toEqual(
        // The backend's averages, shown as sent (the cards never recompute them).
        subjects.map((x) => norm(m.formatAverage(x.average, lang))),
      );
      if (semester) {
        const overall = m.formatAverage(semester.average, lang);
        expect((await texts(grades.locator(".overall")))[0]).toBe(norm(`${t("overall_average")} ${overall}`));
      }
      const tab = grades.getByRole("tab", { name: t("semester_n", { n: data.current_semester }) });
      expect(await tab.getAttribute("aria-selected")).toBe("true");
      await shots.take(page, "grades", grades);
    });

    test("timetable: next and previous week, 'This week', a lesson's details", async () => {
      const timetable = card(page, TIMETABLE);
      const home = m.initialWeekIndex(data.weeks, m.effectiveToday(data, m.schoolClock(Date.now())));
      const next = timetable.getByRole("button", { name: t("next_week"), exact: true });
      const prev = timetable.getByRole("button", { name: t("prev_week"), exact: true });
      const thisWeek = timetable.getByRole("button", { name: t("this_week"), exact: true });
      // Forward to the last week the backend has, back to the first, then "This week".
      for (let i = home + 1; i < data.weeks.length; i += 1) {
        await next.click();
        await expectWeek(data.weeks[i] as TimetableWeek);
        await expect.poll(() => thisWeek.isVisible()).toBe(true);
        if (i === home + 1) await shots.take(page, "timetable-next-week", timetable);
      }
      expect(await next.isDisabled()).toBe(true);
      for (let i = data.weeks.length - 2; i >= 0; i -= 1) {
        await prev.click();
        await expectWeek(data.weeks[i] as TimetableWeek);
      }
      expect(await prev.isDisabled()).toBe(true);
      if (home !== 0) {
        await thisWeek.click();
        await expectWeek(data.weeks[home] as TimetableWeek);
      }
      await expect.poll(() => thisWeek.count()).toBe(0);

      // A substitution (or any lesson) of the shown week: tap it for its details.
      const week = data.weeks[home] as TimetableWeek;
      const changed = week.days
        .flatMap((day) => (day.free_day ? [] : day.lessons))
        .find((l) => l.status === "substitution" || l.status === "cancelled");
      const button = changed
        ? timetable.locator(`.grid .lesson.${changed.status}`).first()
        : timetable.locator(".grid .lesson").first();
      await button.click();
      const details = timetable.locator(".details");
      await details.waitFor({ state: "visible" });
      const shown = (await texts(details))[0] ?? "";
      expect(shown).toContain(t("date"));
      expect(shown).toContain(t("lesson_no"));
      if (changed) {
        expect(shown).toContain(changed.subject);
        expect(shown).toContain(t(changed.status));
        if (changed.original) expect(shown).toContain(t("instead_of"));
      }
      await shots.take(page, "timetable-lesson-details", timetable);
      await details.getByRole("button", { name: t("close") }).click();
      await details.waitFor({ state: "detached" });
    });

    test("grades: the semester switch and a grade chip's details", async () => {
      const grades = card(page, GRADES);
      const current = data.current_semester;
      const other = current === 1 ? 2 : 1;
      const otherTab = grades.getByRole("tab", { name: t("semester_n", { n: other }) });
      await otherTab.click();
      await expect.poll(() => otherTab.getAttribute("aria-selected")).toBe("true");
      const otherSemester = data.grades.semesters.find((x) => x.semester === other);
      const otherSubjects = (otherSemester?.subjects ?? []).filter(
        (x) => x.grades.length || x.semester_grade || x.proposed_grade,
      );
      if (otherSubjects.length > 0) {
        expect(await texts(grades.locator(".subject-name"))).toEqual(otherSubjects.map((x) => x.subject));
      } else {
        expect((await texts(grades.locator(".content")))[0]).toBe(t("no_grades_semester", { n: other }));
      }
      await shots.take(page, `grades-semester-${other}`, grades);
      const currentTab = grades.getByRole("tab", { name: t("semester_n", { n: current }) });
      await currentTab.click();
      await expect.poll(() => currentTab.getAttribute("aria-selected")).toBe("true");

      // The first chip of the first subject with grades: its details.
      const semester = data.grades.semesters.find((x) => x.semester === current);
      const subject = semester?.subjects.find((x) => x.grades.length > 0);
      const grade = subject?.grades[0];
      expect(grade, "a grade to tap").toBeDefined();
      if (!subject || !grade) return;
      const row = grades.locator("li.subject").filter({
        has: page.locator(".subject-name", { hasText: subject.subject }),
      });
      await row.locator(".chips .grade-chip").first().click();
      const details = grades.locator(".details");
      await details.waitFor({ state: "visible" });
      const shown = (await texts(details))[0] ?? "";
      expect(shown).toContain(grade.value);
      expect(shown).toContain(grade.category);
      expect(shown).toContain(t("date"));
      expect(shown).toContain(t("added"));
      if (grade.weight !== null) expect(shown).toContain(`${t("weight")} ${grade.weight}`);
      if (grade.teacher) expect(shown).toContain(grade.teacher);
      if (!grade.counts) expect(shown).toContain(t("not_counted"));
      await shots.take(page, "grade-details", grades);
      await details.getByRole("button", { name: t("close") }).click();
      await details.waitFor({ state: "detached" });
    });

    test("the card picker finds the three Librus cards", async () => {
      const registered = await page.evaluate(() =>
        ((window as unknown as { customCards?: { name?: string }[] }).customCards ?? []).map(
          (c) => c.name ?? "",
        ),
      );
      const names = PICKER_NAMES.map((key) => t(key));
      expect(registered).toEqual(expect.arrayContaining(names));

      const { picker: dialog, done } = await openCardPicker(page, s, "Librus");
      for (const name of names) {
        await dialog.getByText(name, { exact: true }).first().waitFor({ state: "visible" });
      }
      await shots.take(page, "card-picker");
      // Leave without adding anything: edit mode is not saved, a fresh load ends it.
      await openDashboard();
      expect(await done.isVisible()).toBe(false);
    });

    test("a phone-sized viewport (390×844)", async () => {
      await page.setViewportSize(PHONE);
      try {
        await openDashboard();
        const timetable = card(page, TIMETABLE);
        // Below 560 px the grid shows short subject names.
        await timetable.locator(".grid .lesson .subj.short").first().waitFor({ state: "visible" });
        expect(await timetable.locator(".grid .lesson .subj.full").first().isVisible()).toBe(false);
        await shots.take(page, "phone");
        await timetable.scrollIntoViewIfNeeded();
        await shots.take(page, "phone-timetable");
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    });

    test("the dark theme", async () => {
      await page.evaluate(() =>
        window.localStorage.setItem("selectedTheme", JSON.stringify({ theme: "default", dark: true })),
      );
      try {
        await openDashboard();
        await expect.poll(async () => (await hassUi(page)).darkMode).toBe(true);
        // The cards follow the theme's variables: a dark card background.
        const background = await card(page, GRADES)
          .locator("ha-card")
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor);
        const channels = (background.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        expect(channels.length).toBe(3);
        expect(Math.max(...channels), `card background ${background}`).toBeLessThan(100);
        await shots.take(page, "dark");
      } finally {
        await page.evaluate(() => window.localStorage.removeItem("selectedTheme"));
      }
    });
  });
}
