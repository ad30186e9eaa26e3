import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isoWeekday } from "../../src/format";
import type { GradeItem } from "../../src/types";
import { ALL_CARD_DATA, CARD_DATA } from "../fixtures";

/** The backend's weighted average (api/grades.py), to keep the reference data consistent. */
function weightedAverage(grades: readonly GradeItem[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const g of grades) {
    if (!g.counts || g.numeric === null || g.weight === null || !(g.weight > 0)) continue;
    sum += g.numeric * g.weight;
    weights += g.weight;
  }
  return weights > 0 ? sum / weights : null;
}

const JSON_PATH = resolve(import.meta.dirname, "../card_data.json");

describe("fixtures", () => {
  it("card_data.json is the TypeScript fixture as JSON (the backend's reference)", () => {
    const json = `${JSON.stringify(ALL_CARD_DATA, null, 2)}\n`;
    if (process.env.UPDATE_FIXTURES) writeFileSync(JSON_PATH, json);
    expect(readFileSync(JSON_PATH, "utf8")).toBe(json);
  });

  it("subject and overall averages are the weighted averages of the grades, as the backend sends them", () => {
    for (const semester of CARD_DATA.grades.semesters) {
      for (const subject of semester.subjects) {
        const computed = weightedAverage(subject.grades);
        if (computed === null) expect(subject.average, subject.subject).toBeNull();
        else expect(subject.average, subject.subject).toBeCloseTo(computed, 2);
      }
      const all = weightedAverage(semester.subjects.flatMap((s) => s.grades));
      if (all === null) expect(semester.average).toBeNull();
      else expect(semester.average).toBeCloseTo(all, 2);
    }
  });

  it("weeks start on Mondays, are sorted, and days are in order", () => {
    for (const data of Object.values(ALL_CARD_DATA)) {
      const starts = data.weeks.map((w) => w.week_start);
      expect([...starts].sort()).toEqual(starts);
      for (const week of data.weeks) {
        expect(isoWeekday(week.week_start)).toBe(0);
        const dates = week.days.map((d) => d.date);
        expect([...dates].sort()).toEqual(dates);
        for (const day of week.days) {
          if (day.free_day) expect(day.lessons).toEqual([]);
          const numbers = day.lessons.map((l) => l.number);
          expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
        }
      }
    }
  });

  it("covers the cases the cards highlight", () => {
    const lessons = CARD_DATA.weeks.flatMap((w) => w.days.flatMap((d) => d.lessons));
    expect(lessons.some((l) => l.status === "substitution" && l.original)).toBe(true);
    expect(lessons.some((l) => l.status === "cancelled")).toBe(true);
    expect(lessons.some((l) => l.status === "moved")).toBe(true);
    expect(lessons.some((l) => l.group)).toBe(true);
    expect(CARD_DATA.weeks.some((w) => w.days.some((d) => d.free_day))).toBe(true);
    expect(CARD_DATA.lucky_number?.number).toBe(CARD_DATA.student.register_number);
    const values = CARD_DATA.grades.semesters[0]?.subjects.flatMap((s) => s.grades.map((g) => g.value)) ?? [];
    for (const v of ["5", "4+", "3-", "np", "6"]) expect(values).toContain(v);
  });
});
