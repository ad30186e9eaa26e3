import { describe, expect, it } from "vitest";
import {
  addDays,
  cardLang,
  countLabel,
  daysBetween,
  formatAverage,
  formatDate,
  formatDayMonth,
  formatLongDay,
  formatShortDay,
  formatTimestamp,
  formatWeekRange,
  intlLocale,
  isoWeekday,
  mondayOf,
  pluralForm,
  schoolClock,
  timeToMinutes,
  warsawDateOf,
} from "../../src/format";
import { count, inDays, word } from "../../src/localize";

describe("the test machine is not in Warsaw", () => {
  it("runs in a zone whose offset differs from Warsaw's", () => {
    const offset = new Date("2026-11-30T12:00:00Z").getTimezoneOffset();
    expect(offset).not.toBe(-60);
  });
});

describe("ISO dates without time zones", () => {
  it("adds days across months, years and DST changes", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-30", "2026-12-07")).toBe(7);
  });

  it("knows weekdays and Mondays", () => {
    expect(isoWeekday("2026-11-30")).toBe(0);
    expect(isoWeekday("2026-12-06")).toBe(6);
    expect(mondayOf("2026-12-04")).toBe("2026-11-30");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
  });

  it("turns lesson times into minutes", () => {
    expect(timeToMinutes("08:00")).toBe(480);
    expect(timeToMinutes("14:25")).toBe(865);
  });
});

describe("the school clock is Europe/Warsaw", () => {
  it("reads winter time (UTC+1)", () => {
    expect(schoolClock(Date.parse("2026-11-30T08:10:00Z"))).toEqual({ date: "2026-11-30", minutes: 9 * 60 + 10 });
  });

  it("reads summer time (UTC+2)", () => {
    expect(schoolClock(Date.parse("2026-06-01T06:00:00Z"))).toEqual({ date: "2026-06-01", minutes: 8 * 60 });
  });

  it("crosses midnight before UTC does", () => {
    expect(schoolClock(Date.parse("2026-11-29T23:30:00Z"))).toEqual({ date: "2026-11-30", minutes: 30 });
  });

  it("follows the DST switch on 29 March 2026", () => {
    expect(schoolClock(Date.parse("2026-03-29T00:59:00Z")).minutes).toBe(1 * 60 + 59);
    expect(schoolClock(Date.parse("2026-03-29T01:00:00Z")).minutes).toBe(3 * 60);
  });

  it("takes the Warsaw day of timestamps", () => {
    expect(warsawDateOf("2026-11-29T23:30:00Z")).toBe("2026-11-30");
    expect(warsawDateOf("2026-11-29T23:30:00+01:00")).toBe("2026-11-29");
    expect(warsawDateOf("2026-11-30T00:10:00+01:00")).toBe("2026-11-30");
    expect(warsawDateOf("2026-11-30T05:00:00-08:00")).toBe("2026-11-30");
    expect(warsawDateOf("2026-11-30T20:00:00-08:00")).toBe("2026-12-01");
    expect(warsawDateOf("2026-11-29 14:23:00")).toBe("2026-11-29");
  });
});

describe("language", () => {
  it("speaks Polish for pl*, English otherwise", () => {
    expect(cardLang("pl")).toBe("pl");
    expect(cardLang("pl-PL")).toBe("pl");
    expect(cardLang("en")).toBe("en");
    expect(cardLang("de")).toBe("en");
    expect(cardLang(undefined)).toBe("en");
    expect(intlLocale("pl")).toBe("pl-PL");
    expect(intlLocale("en-US")).toBe("en-US");
    expect(intlLocale(undefined)).toBe("en-GB");
  });
});

describe("dates in Polish and English", () => {
  it("formats days", () => {
    expect(formatLongDay("2026-11-30", "pl-PL")).toBe("poniedziałek, 30 listopada");
    expect(formatLongDay("2026-11-30", "en-GB")).toBe("Monday 30 November");
    expect(formatShortDay("2026-12-03", "pl-PL")).toBe("czw., 3 gru");
    expect(formatShortDay("2026-12-03", "en-GB")).toBe("Thu 3 Dec");
    expect(formatDate("2026-12-03", "pl-PL")).toBe("03.12.2026");
    expect(formatDayMonth("2026-12-03", "pl-PL")).toBe("03.12");
  });

  // ICU versions differ in the spaces around the dash (thin, narrow no-break, none).
  const plain = (s: string): string => s.replace(/[\u2009\u202f\u00a0 ]*–[\u2009\u202f\u00a0 ]*/g, "–");
  it("formats a week range", () => {
    expect(plain(formatWeekRange("2026-11-30", "2026-12-04", "pl-PL"))).toBe("30 lis–4 gru 2026");
    expect(plain(formatWeekRange("2026-11-30", "2026-12-04", "en-GB"))).toBe("30 Nov–4 Dec 2026");
    expect(plain(formatWeekRange("2026-12-07", "2026-12-11", "en-GB"))).toBe("7–11 Dec 2026");
  });

  it("shows timestamps on the Warsaw wall clock", () => {
    expect(formatTimestamp("2026-11-30T06:31:00Z", "pl-PL")).toBe("30.11.2026, 07:31");
    expect(formatTimestamp("2026-11-30T07:31:00+01:00", "en-GB")).toBe("30/11/2026, 07:31");
    expect(formatTimestamp("not a date", "en-GB")).toBe("not a date");
    // without an offset it is Warsaw time already
    expect(formatTimestamp("2026-11-29 14:23:00", "pl-PL")).toBe("29.11.2026, 14:23");
    expect(formatTimestamp("2026-07-01T08:05:00", "pl-PL")).toBe("01.07.2026, 08:05");
    expect(formatTimestamp("2026-07-01T06:05:00Z", "pl-PL")).toBe("01.07.2026, 08:05");
    expect(formatTimestamp("2026-07-01", "pl-PL")).toBe("01.07.2026");
  });

  it("writes averages with the language's decimal mark", () => {
    expect(formatAverage(4.5678, "pl")).toBe("4,57");
    expect(formatAverage(4.5678, "en")).toBe("4.57");
    expect(formatAverage(5, "pl")).toBe("5,00");
    expect(formatAverage(null, "pl")).toBe("–");
  });
});

describe("Polish plurals", () => {
  const grades = [
    [1, "1 ocena"],
    [2, "2 oceny"],
    [4, "4 oceny"],
    [5, "5 ocen"],
    [11, "11 ocen"],
    [12, "12 ocen"],
    [14, "14 ocen"],
    [21, "21 ocen"],
    [22, "22 oceny"],
    [25, "25 ocen"],
    [102, "102 oceny"],
    [112, "112 ocen"],
    [0, "0 ocen"],
  ] as const;
  it.each(grades)("%i grades → %s", (n, text) => {
    expect(count("pl", "grade", n)).toBe(text);
  });

  const lessons = [
    [1, "1 lekcja"],
    [2, "2 lekcje"],
    [3, "3 lekcje"],
    [5, "5 lekcji"],
    [7, "7 lekcji"],
    [13, "13 lekcji"],
    [23, "23 lekcje"],
  ] as const;
  it.each(lessons)("%i lessons → %s", (n, text) => {
    expect(count("pl", "lesson", n)).toBe(text);
  });

  it("declines the adjective too", () => {
    expect(count("pl", "new_grade", 1)).toBe("1 nowa ocena");
    expect(count("pl", "new_grade", 3)).toBe("3 nowe oceny");
    expect(count("pl", "new_grade", 5)).toBe("5 nowych ocen");
    expect(count("pl", "assignment", 2)).toBe("2 zadania");
    expect(count("pl", "assignment", 5)).toBe("5 zadań");
    expect(word("pl", "day", 1)).toBe("dzień");
    expect(word("pl", "day", 2)).toBe("dni");
  });

  it("English has one and other", () => {
    expect(count("en", "grade", 1)).toBe("1 grade");
    expect(count("en", "grade", 0)).toBe("0 grades");
    expect(count("en", "lesson", 5)).toBe("5 lessons");
    expect(count("en", "new_grade", 3)).toBe("3 new grades");
  });

  it("uses the raw rules for custom forms", () => {
    const forms = { one: "a", few: "b", many: "c", other: "d" };
    expect(pluralForm(1.5, forms, "pl")).toBe("d");
    expect(countLabel(3, forms, "pl")).toBe("3 b");
    expect(pluralForm(3, { one: "x", other: "y" }, "pl")).toBe("y");
  });

  it("says when in days", () => {
    expect(inDays("pl", 0)).toBe("dziś");
    expect(inDays("pl", 1)).toBe("jutro");
    expect(inDays("pl", 3)).toBe("za 3 dni");
    expect(inDays("en", 5)).toBe("in 5 days");
  });
});
