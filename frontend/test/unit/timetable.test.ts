import { describe, expect, it } from "vitest";
import {
  currentLessonNumber,
  findDay,
  heldLessons,
  initialWeekIndex,
  schoolEnds,
  shortSubject,
  weekEnd,
  weekRows,
} from "../../src/timetable";
import type { TimetableDay } from "../../src/types";
import { CARD_DATA } from "../fixtures";

const weeks = CARD_DATA.weeks;

function day(date: string): TimetableDay {
  const d = findDay(weeks, date);
  if (!d) throw new Error(`no ${date} in the fixture`);
  return d;
}

describe("which week to open", () => {
  it("opens the week holding today, even at the weekend", () => {
    expect(initialWeekIndex(weeks, "2026-11-30")).toBe(1);
    expect(initialWeekIndex(weeks, "2026-12-04")).toBe(1);
    expect(initialWeekIndex(weeks, "2026-12-06")).toBe(1);
    expect(initialWeekIndex(weeks, "2026-11-25")).toBe(0);
  });

  it("opens the next week after a gap, else the last one", () => {
    expect(initialWeekIndex(weeks, "2026-11-10")).toBe(0);
    expect(initialWeekIndex(weeks, "2027-01-10")).toBe(2);
    expect(initialWeekIndex([], "2026-11-30")).toBe(-1);
  });

  it("knows where a week ends", () => {
    expect(weekEnd(weeks[1]!)).toBe("2026-12-04");
    expect(weekEnd({ week_start: "2026-11-30", days: [] })).toBe("2026-12-04");
  });
});

describe("grid rows", () => {
  it("has one row per lesson number with its hours and a cell per day", () => {
    const rows = weekRows(weeks[1]!);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[0]).toMatchObject({ start: "08:00", end: "08:45" });
    expect(rows[7]).toMatchObject({ start: "14:35", end: "15:20" });
    expect(rows[7]?.cells.map((c) => c.map((l) => l.subject))).toEqual([[], [], ["Plastyka"], [], []]);
    // Friday is a free day: no lessons in any row
    expect(rows.every((r) => r.cells[4]?.length === 0)).toBe(true);
  });

  it("keeps split-group lessons of one number together", () => {
    const week = structuredClone(weeks[1]!);
    const monday = week.days[0]!;
    const english = monday.lessons.find((l) => l.number === 4)!;
    monday.lessons.push({ ...english, group: "6d ang. gr. 2", teacher: "Michael Brown", room: "5" });
    const row = weekRows(week).find((r) => r.number === 4);
    expect(row?.cells[0]?.map((l) => l.group)).toEqual(["6d ang. gr. 1", "6d ang. gr. 2"]);
  });

  it("is empty for a week without lessons", () => {
    expect(weekRows({ week_start: "2027-02-01", days: [] })).toEqual([]);
  });
});

describe("now", () => {
  const monday = day("2026-11-30");
  it("finds the current lesson on the Warsaw clock", () => {
    expect(currentLessonNumber(monday, { date: "2026-11-30", minutes: 9 * 60 + 10 })).toBe(2);
    expect(currentLessonNumber(monday, { date: "2026-11-30", minutes: 8 * 60 })).toBe(1);
    expect(currentLessonNumber(monday, { date: "2026-11-30", minutes: 8 * 60 + 45 })).toBeNull(); // break
    expect(currentLessonNumber(monday, { date: "2026-12-01", minutes: 9 * 60 + 10 })).toBeNull();
  });

  it("never marks a cancelled lesson as current", () => {
    const tuesday = day("2026-12-01");
    expect(currentLessonNumber(tuesday, { date: "2026-12-01", minutes: 13 * 60 })).toBeNull();
    expect(heldLessons(tuesday)).toHaveLength(6);
  });

  it("knows when school ends", () => {
    expect(schoolEnds(monday)).toBe(14 * 60 + 25);
    expect(schoolEnds(day("2026-12-02"))).toBe(15 * 60 + 20);
    expect(schoolEnds(day("2026-12-04"))).toBeNull();
  });
});

describe("short subject names", () => {
  it.each([
    ["Matematyka", "Mat."],
    ["Język polski", "J. pol."],
    ["Język angielski", "J. ang."],
    ["Wychowanie fizyczne", "WF"],
    ["Godzina wychowawcza", "GW"],
    ["Religia", "Rel."],
    ["Etyka", "Etyka"],
    ["Astronomia", "Astr."],
    ["Zajęcia rozwijające kreatywność", "Zaj. roz. kre."],
    ["Koło szachowe", "Koło sza."],
  ])("%s → %s", (name, short) => {
    expect(shortSubject(name)).toBe(short);
  });
});
