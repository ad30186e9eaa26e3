import { describe, expect, it } from "vitest";
import { schoolClock } from "../../src/format";
import { effectiveToday, homeworkDue, luckyNumber, nextTests, otherEventsOn, planDay } from "../../src/today";
import { CARD_DATA } from "../fixtures";

const at = (iso: string) => schoolClock(Date.parse(iso));

describe("which day the Today card plans", () => {
  it("shows today during school (the clock read in Warsaw, whatever the machine's zone)", () => {
    const plan = planDay(CARD_DATA, at("2026-11-30T09:10:00+01:00"), true);
    expect(plan).toMatchObject({ date: "2026-11-30", relation: "today" });
    expect(plan.day?.lessons).toHaveLength(7);
  });

  it("shows tomorrow after the last lesson", () => {
    expect(planDay(CARD_DATA, at("2026-11-30T14:24:00+01:00"), true).relation).toBe("today");
    expect(planDay(CARD_DATA, at("2026-11-30T14:25:00+01:00"), true)).toMatchObject({
      date: "2026-12-01",
      relation: "tomorrow",
    });
  });

  it("keeps today after school when asked to", () => {
    expect(planDay(CARD_DATA, at("2026-11-30T16:00:00+01:00"), false)).toMatchObject({
      date: "2026-11-30",
      relation: "today",
    });
  });

  it("shows a named free day tomorrow", () => {
    const plan = planDay(CARD_DATA, at("2026-12-03T15:00:00+01:00"), true);
    expect(plan).toMatchObject({ date: "2026-12-04", relation: "tomorrow" });
    expect(plan.day?.free_day).toBe("Dzień wolny od zajęć dydaktycznych");
  });

  it("on a free day and at the weekend, plans the next school day", () => {
    expect(planDay(CARD_DATA, at("2026-12-04T08:00:00+01:00"), true)).toMatchObject({
      date: "2026-12-07",
      relation: "later",
    });
    expect(planDay(CARD_DATA, at("2026-12-06T10:00:00+01:00"), true)).toMatchObject({
      date: "2026-12-07",
      relation: "tomorrow",
    });
  });

  it("stays on today when nothing is ahead", () => {
    expect(planDay(CARD_DATA, at("2026-12-11T16:00:00+01:00"), true)).toMatchObject({
      date: "2026-12-11",
      relation: "today",
    });
  });

  it("never goes back before the backend's today, nor lags a stale snapshot", () => {
    expect(effectiveToday(CARD_DATA, at("2026-11-29T12:00:00+01:00"))).toBe("2026-11-30");
    expect(effectiveToday(CARD_DATA, at("2026-12-01T07:00:00+01:00"))).toBe("2026-12-01");
    // 23:30 UTC on the 30th is already 1 December in Warsaw
    expect(effectiveToday(CARD_DATA, at("2026-11-30T23:30:00Z"))).toBe("2026-12-01");
  });
});

describe("agenda, homework and the lucky number", () => {
  it("finds the next test or quiz", () => {
    expect(nextTests(CARD_DATA.agenda, "2026-11-30").map((a) => a.id)).toEqual(["agenda-1219"]);
    expect(nextTests(CARD_DATA.agenda, "2026-12-03").map((a) => a.subject)).toEqual(["Matematyka"]);
    expect(nextTests(CARD_DATA.agenda, "2026-12-12")).toEqual([]);
  });

  it("lists other events of the day", () => {
    expect(otherEventsOn(CARD_DATA.agenda, "2026-11-30").map((a) => a.id)).toEqual(["agenda-1214"]);
    expect(otherEventsOn(CARD_DATA.agenda, "2026-12-02")).toEqual([]);
  });

  it("lists homework due from the planned day, soonest first", () => {
    expect(homeworkDue(CARD_DATA.homework, "2026-11-30").map((h) => h.due)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-07",
    ]);
    expect(homeworkDue(CARD_DATA.homework, "2026-12-01").map((h) => h.id)).toEqual(["hw-305", "hw-318", "hw-299"]);
    expect(homeworkDue(CARD_DATA.homework, "2026-11-30", 1)).toHaveLength(2);
    expect(homeworkDue(CARD_DATA.homework, "2026-11-30", 7, 1)).toHaveLength(1);
  });

  it("shows the lucky number until its day has passed", () => {
    expect(luckyNumber(CARD_DATA, "2026-11-30")).toEqual({ number: 14, day: "2026-11-30", is_mine: true });
    expect(luckyNumber(CARD_DATA, "2026-12-01")).toBeNull();
    expect(luckyNumber({ ...CARD_DATA, lucky_number: null }, "2026-11-30")).toBeNull();
  });
});
