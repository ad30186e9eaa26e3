/** Data shaping for the Today card: which day to plan, the next test, homework due. */
import { daysBetween, type SchoolClock } from "./format";
import { findDay, schoolEnds } from "./timetable";
import type { AgendaItem, CardData, HomeworkItem, ISODate, TimetableDay } from "./types";

export type DayRelation = "today" | "tomorrow" | "later";

export interface DayPlan {
  date: ISODate;
  relation: DayRelation;
  /** The timetable day, when the backend has it. */
  day: TimetableDay | undefined;
}

/**
 * "Today" is the later of the backend's today and the Warsaw clock (a stale snapshot does not
 * hold the card in the past; a browser with a wrong clock does not move it back).
 */
export function effectiveToday(data: CardData, clock: SchoolClock): ISODate {
  return clock.date > data.today ? clock.date : data.today;
}

/**
 * The day the Today card shows: today while school is on; after the last lesson (or on a day
 * without lessons) the next day that has lessons or is a named free day, when
 * `afterSchoolShowsTomorrow` is set.
 */
export function planDay(data: CardData, clock: SchoolClock, afterSchoolShowsTomorrow: boolean): DayPlan {
  const today = effectiveToday(data, clock);
  const todayDay = findDay(data.weeks, today);
  const todayPlan: DayPlan = { date: today, relation: "today", day: todayDay };
  if (!afterSchoolShowsTomorrow) return todayPlan;
  const ends = todayDay ? schoolEnds(todayDay) : null;
  const schoolStillOn = ends !== null && (clock.date < today || clock.minutes < ends);
  if (schoolStillOn) return todayPlan;
  const next = data.weeks
    .flatMap((w) => w.days)
    .filter((d) => d.date > today && (d.free_day !== null || d.lessons.length > 0))
    .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  if (!next) return todayPlan;
  return { date: next.date, relation: daysBetween(today, next.date) === 1 ? "tomorrow" : "later", day: next };
}

function byDateAndTime(a: AgendaItem, b: AgendaItem): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return (a.start ?? "").localeCompare(b.start ?? "");
}

/** The first test or quiz on or after `from` (all of them if several fall on that day). */
export function nextTests(agenda: readonly AgendaItem[], from: ISODate): AgendaItem[] {
  const tests = agenda.filter((a) => (a.kind === "test" || a.kind === "quiz") && a.date >= from).sort(byDateAndTime);
  const first = tests[0];
  return first ? tests.filter((a) => a.date === first.date) : [];
}

/** Trips, meetings and other events on the planned day (tests are shown by `nextTests`). */
export function otherEventsOn(agenda: readonly AgendaItem[], date: ISODate): AgendaItem[] {
  return agenda.filter((a) => a.date === date && a.kind !== "test" && a.kind !== "quiz").sort(byDateAndTime);
}

/** Homework due on or after `from` within `withinDays`, soonest first, at most `limit`. */
export function homeworkDue(
  homework: readonly HomeworkItem[],
  from: ISODate,
  withinDays = 7,
  limit = 4,
): HomeworkItem[] {
  return homework
    .filter((h) => h.due >= from && daysBetween(from, h.due) <= withinDays)
    .sort((a, b) => (a.due !== b.due ? (a.due < b.due ? -1 : 1) : (a.subject ?? "").localeCompare(b.subject ?? "")))
    .slice(0, limit);
}

/** The lucky number while it is still ahead (its day is `from` or later). */
export function luckyNumber(data: CardData, from: ISODate): CardData["lucky_number"] {
  const lucky = data.lucky_number;
  return lucky && lucky.day >= from ? lucky : null;
}
