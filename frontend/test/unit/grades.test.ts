import { describe, expect, it } from "vitest";
import {
  averageTone,
  chipTone,
  gradeCount,
  newGrades,
  overallAverage,
  semesterOf,
  subjectAverage,
  weightedAverage,
} from "../../src/grades";
import type { CardData, GradeItem, SubjectGrades } from "../../src/types";
import { CARD_DATA } from "../fixtures";

function g(value: string, numeric: number | null, weight: number | null, extra: Partial<GradeItem> = {}): GradeItem {
  return {
    id: `${value}-${numeric}-${weight}`,
    value,
    numeric,
    weight,
    counts: numeric !== null,
    category: "Kartkówka",
    date: "2026-11-20",
    added: "2026-11-20T14:00:00+01:00",
    teacher: null,
    comment: null,
    is_new: false,
    ...extra,
  };
}

describe("weighted averages", () => {
  it("weights each numeric grade", () => {
    // (5·3 + 4.5·2 + 2.75·1) / 6
    expect(weightedAverage([g("5", 5, 3), g("4+", 4.5, 2), g("3-", 2.75, 1)])).toBeCloseTo(26.75 / 6, 10);
  });

  it("skips grades that do not count, non-numeric marks and zero weights", () => {
    const grades = [
      g("4", 4, 2),
      g("np", null, null),
      g("+", null, 1),
      g("1", 1, 5, { counts: false }),
      g("6", 6, 0),
      g("2", 2, -1),
    ];
    expect(weightedAverage(grades)).toBe(4);
  });

  it("takes a missing weight as 1", () => {
    expect(weightedAverage([g("6", 6, null), g("3", 3, 2)])).toBe(4);
  });

  it("is null without countable grades", () => {
    expect(weightedAverage([])).toBeNull();
    expect(weightedAverage([g("np", null, null)])).toBeNull();
  });

  it("prefers the backend's (Librus's) subject average and falls back to computing it", () => {
    const subject: SubjectGrades = {
      subject_id: "1",
      subject: "Matematyka",
      average: 4.21,
      semester_grade: null,
      proposed_grade: null,
      grades: [g("5", 5, 1)],
    };
    expect(subjectAverage(subject)).toBe(4.21);
    expect(subjectAverage({ ...subject, average: null })).toBe(5);
  });

  it("computes the overall average over every counted grade when the backend sends none", () => {
    const semester = semesterOf(CARD_DATA, 1);
    expect(semester).toBeDefined();
    if (!semester) return;
    expect(overallAverage(semester)).toBe(4.49);
    expect(overallAverage({ ...semester, average: null })).toBeCloseTo(4.49, 2);
    expect(overallAverage({ semester: 2, average: null, subjects: [] })).toBeNull();
  });

  it("counts grades per semester", () => {
    expect(gradeCount(semesterOf(CARD_DATA, 1))).toBe(35);
    expect(gradeCount(semesterOf(CARD_DATA, 2))).toBe(0);
    expect(gradeCount(undefined)).toBe(0);
  });
});

describe("chip colours", () => {
  it.each([
    ["6", 6, "g6"],
    ["6-", 5.75, "g6"],
    ["5+", 5.5, "g5"],
    ["5", 5, "g5"],
    ["5-", 4.75, "g5"],
    ["4+", 4.5, "g4"],
    ["4", 4, "g4"],
    ["3+", 3.5, "g3"],
    ["3-", 2.75, "g3"],
    ["2+", 2.5, "g2"],
    ["2", 2, "g2"],
    ["1+", 1.5, "g1"],
    ["1", 1, "g1"],
  ] as const)("%s (%f) is %s", (value, numeric, tone) => {
    expect(chipTone({ value, numeric })).toBe(tone);
  });

  it("reads the value when the backend sends no number", () => {
    expect(chipTone({ value: "5", numeric: null })).toBe("g5");
    expect(chipTone({ value: "3-", numeric: null })).toBe("g3");
    expect(chipTone({ value: "+", numeric: null })).toBe("plus");
    expect(chipTone({ value: "-", numeric: null })).toBe("minus");
    expect(chipTone({ value: "np", numeric: null })).toBe("other");
    expect(chipTone({ value: "nb", numeric: null })).toBe("other");
    expect(chipTone({ value: "A", numeric: null })).toBe("other");
  });

  it("colours averages on the same scale", () => {
    expect(averageTone(4.744)).toBe("g4");
    expect(averageTone(4.749)).toBe("g5"); // shown as 4,75
    expect(averageTone(4.75)).toBe("g5");
    expect(averageTone(5.7)).toBe("g5");
    expect(averageTone(null)).toBe("other");
  });
});

describe("new grades since yesterday", () => {
  it("finds the fixture's three new grades, newest first", () => {
    const found = newGrades(CARD_DATA, "2026-11-30").map((n) => `${n.subject} ${n.grade.value}`);
    expect(found).toEqual(["Matematyka 5", "Język angielski 6", "Historia 4+"]);
  });

  it("uses the Warsaw day of `added`, not the browser's", () => {
    const data: CardData = structuredClone(CARD_DATA);
    const semester = semesterOf(data, 1);
    const subject = semester?.subjects[0];
    if (!subject) throw new Error("fixture");
    subject.grades = [
      // 23:30 UTC on the 28th is already the 29th in Warsaw: since yesterday.
      g("5", 5, 1, { id: "late", added: "2026-11-28T23:30:00Z" }),
      // 22:30 UTC on the 28th is still the 28th in Warsaw: too old.
      g("4", 4, 1, { id: "old", added: "2026-11-28T22:30:00Z" }),
    ];
    for (const s of semester?.subjects ?? []) if (s !== subject) s.grades = [];
    expect(newGrades(data, "2026-11-30").map((n) => n.grade.id)).toEqual(["late"]);
  });

  it("includes grades the backend flags as new, whenever added", () => {
    const data: CardData = structuredClone(CARD_DATA);
    const first = semesterOf(data, 1)?.subjects[0]?.grades[0];
    if (!first) throw new Error("fixture");
    first.is_new = true;
    expect(newGrades(data, "2026-11-30").some((n) => n.grade.id === first.id)).toBe(true);
  });

  it("is empty without the current semester", () => {
    expect(newGrades({ ...CARD_DATA, grades: { semesters: [] } }, "2026-11-30")).toEqual([]);
  });
});
