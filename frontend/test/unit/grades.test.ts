import { describe, expect, it } from "vitest";
import { averageTone, chipTone, gradeCount, newGrades, semesterOf } from "../../src/grades";
import type { CardData } from "../../src/types";
import { CARD_DATA } from "../fixtures";

describe("semesters", () => {
  it("takes the averages from the backend", () => {
    expect(semesterOf(CARD_DATA, 1)?.average).toBe(4.49);
    expect(semesterOf(CARD_DATA, 1)?.subjects.find((s) => s.subject === "Religia")?.average).toBe(5.5);
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

describe("new grades", () => {
  it("lists the fixture's three grades the backend flags as new, newest first", () => {
    const found = newGrades(CARD_DATA).map((n) => `${n.subject} ${n.grade.value}`);
    expect(found).toEqual(["Matematyka 5", "Język angielski 6", "Historia 4+"]);
  });

  it("follows the backend's flag, whenever a grade was added", () => {
    const data: CardData = structuredClone(CARD_DATA);
    const subjects = semesterOf(data, 1)?.subjects ?? [];
    const first = subjects[0]?.grades[0];
    if (!first) throw new Error("fixture");
    first.is_new = true;
    expect(newGrades(data).some((n) => n.grade.id === first.id)).toBe(true);
    for (const s of subjects) for (const g of s.grades) g.is_new = false;
    expect(newGrades(data)).toEqual([]);
  });

  it("is empty without the current semester", () => {
    expect(newGrades({ ...CARD_DATA, grades: { semesters: [] } })).toEqual([]);
  });
});
