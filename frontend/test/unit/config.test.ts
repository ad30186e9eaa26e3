import { describe, expect, it } from "vitest";
import { validateGradesConfig, validateTimetableConfig, validateTodayConfig } from "../../src/config";

describe("setConfig validation", () => {
  it("accepts every documented option and the keys Home Assistant adds", () => {
    expect(
      validateTodayConfig({
        type: "custom:librus-today-card",
        entry_id: "01JDQ8Z6X4M5N7P2R3S4T5V6W7",
        show_lucky_number: false,
        show_agenda: true,
        show_homework: true,
        show_new_grades: false,
        after_school_shows_tomorrow: false,
        grid_options: { columns: 12 },
        visibility: [],
        view_layout: {},
        layout_options: {},
        card_mod: { style: "" },
      }),
    ).toMatchObject({ show_lucky_number: false });
    expect(validateTimetableConfig({ type: "custom:librus-timetable-card", compact: true, show_teacher: true })).toEqual(
      { type: "custom:librus-timetable-card", compact: true, show_teacher: true },
    );
    for (const semester of ["current", 1, 2] as const) {
      expect(validateGradesConfig({ type: "custom:librus-grades-card", semester }).semester).toBe(semester);
    }
  });

  it("returns a copy, not the caller's object", () => {
    const config = { type: "custom:librus-grades-card" };
    expect(validateGradesConfig(config)).not.toBe(config);
  });

  it("rejects unknown keys and names the allowed ones", () => {
    expect(() => validateTodayConfig({ type: "custom:librus-today-card", show_lucky: true })).toThrow(
      'Librus (librus-today-card): unknown option "show_lucky". Allowed options: entry_id, show_lucky_number, show_agenda, show_homework, show_new_grades, after_school_shows_tomorrow.',
    );
    expect(() => validateTimetableConfig({ type: "custom:librus-timetable-card", semester: 1 })).toThrow(
      /unknown option "semester"/,
    );
  });

  it("rejects wrong types with what was expected and what came", () => {
    expect(() => validateTimetableConfig({ type: "custom:librus-timetable-card", compact: "yes" })).toThrow(
      'Librus (librus-timetable-card): "compact" must be true or false, got "yes".',
    );
    expect(() => validateGradesConfig({ type: "custom:librus-grades-card", semester: 3 })).toThrow(
      'Librus (librus-grades-card): "semester" must be "current", 1 or 2, got 3.',
    );
    expect(() => validateGradesConfig({ type: "custom:librus-grades-card", semester: "1" })).toThrow(/got "1"/);
    expect(() => validateTodayConfig({ type: "custom:librus-today-card", entry_id: "" })).toThrow(
      /"entry_id" must be the config entry id/,
    );
    expect(() => validateTodayConfig({ type: "custom:librus-today-card", entry_id: 5 })).toThrow(/got 5/);
    expect(() => validateTodayConfig({ type: "custom:librus-today-card", show_agenda: null })).toThrow(/got null/);
    expect(() => validateTodayConfig({ type: "custom:librus-today-card", show_agenda: [] })).toThrow(/got a list/);
    expect(() => validateTodayConfig({ type: "custom:librus-today-card", show_agenda: {} })).toThrow(/got an object/);
  });

  it("rejects a config that is not an object or has no type", () => {
    expect(() => validateTodayConfig(null)).toThrow("Librus (librus-today-card): the configuration must be an object, got null.");
    expect(() => validateTodayConfig("x")).toThrow(/must be an object/);
    expect(() => validateTodayConfig([])).toThrow(/got a list/);
    expect(() => validateGradesConfig({})).toThrow('Librus (librus-grades-card): "type" must be "custom:librus-grades-card".');
  });

  it("ignores options set to undefined (editors remove keys that way)", () => {
    expect(validateTodayConfig({ type: "custom:librus-today-card", entry_id: undefined })).toBeTruthy();
  });
});
