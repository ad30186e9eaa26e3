/** Timetable data shaping: week choice, grid rows, current lesson, short subject names. */
import { addDays, mondayOf, timeToMinutes, type SchoolClock } from "./format";
import type { ISODate, TimetableDay, TimetableLesson, TimetableWeek } from "./types";

/** The week to open with: the one holding `today`, else the next one after it, else the last. */
export function initialWeekIndex(weeks: readonly TimetableWeek[], today: ISODate): number {
  if (weeks.length === 0) return -1;
  const monday = mondayOf(today);
  const exact = weeks.findIndex((w) => w.week_start === monday);
  if (exact >= 0) return exact;
  const later = weeks.findIndex((w) => w.week_start > monday);
  return later >= 0 ? later : weeks.length - 1;
}

export function weekEnd(week: TimetableWeek): ISODate {
  const last = week.days[week.days.length - 1];
  return last ? last.date : addDays(week.week_start, 4);
}

export interface GridRow {
  number: number;
  start: string;
  end: string;
  /** One cell per day of the week, each with the lessons of that number (split groups give two). */
  cells: TimetableLesson[][];
}

/** Rows by lesson number across the week, with the most common hours of each number. */
export function weekRows(week: TimetableWeek): GridRow[] {
  const numbers = new Set<number>();
  const hours = new Map<number, Map<string, number>>();
  for (const day of week.days) {
    for (const lesson of day.lessons) {
      numbers.add(lesson.number);
      const key = `${lesson.start}-${lesson.end}`;
      const seen = hours.get(lesson.number) ?? new Map<string, number>();
      seen.set(key, (seen.get(key) ?? 0) + 1);
      hours.set(lesson.number, seen);
    }
  }
  return [...numbers]
    .sort((a, b) => a - b)
    .map((number) => {
      const seen = [...(hours.get(number)?.entries() ?? [])].sort((a, b) => b[1] - a[1]);
      const [start = "", end = ""] = (seen[0]?.[0] ?? "-").split("-");
      return {
        number,
        start,
        end,
        cells: week.days.map((day) => day.lessons.filter((l) => l.number === number)),
      };
    });
}

/** Lessons that take place (cancelled ones do not). */
export function heldLessons(day: TimetableDay): TimetableLesson[] {
  return day.lessons.filter((l) => l.status !== "cancelled");
}

/** The lesson going on now (or the break before it counts as "next"): only on `clock.date`. */
export function currentLessonNumber(day: TimetableDay, clock: SchoolClock): number | null {
  if (day.date !== clock.date || day.free_day) return null;
  for (const lesson of heldLessons(day)) {
    if (clock.minutes >= timeToMinutes(lesson.start) && clock.minutes < timeToMinutes(lesson.end)) {
      return lesson.number;
    }
  }
  return null;
}

/** Minutes after midnight when the last held lesson of the day ends; null without lessons. */
export function schoolEnds(day: TimetableDay): number | null {
  const held = heldLessons(day);
  if (day.free_day || held.length === 0) return null;
  return Math.max(...held.map((l) => timeToMinutes(l.end)));
}

export function findDay(weeks: readonly TimetableWeek[], date: ISODate): TimetableDay | undefined {
  for (const w of weeks) for (const d of w.days) if (d.date === date) return d;
  return undefined;
}

const SHORT_NAMES: Record<string, string> = {
  "język polski": "J. pol.",
  "język angielski": "J. ang.",
  "język niemiecki": "J. niem.",
  "język francuski": "J. fr.",
  "język hiszpański": "J. hisz.",
  "język rosyjski": "J. ros.",
  matematyka: "Mat.",
  historia: "Hist.",
  przyroda: "Przyr.",
  biologia: "Biol.",
  geografia: "Geogr.",
  fizyka: "Fiz.",
  chemia: "Chem.",
  informatyka: "Inf.",
  plastyka: "Plast.",
  muzyka: "Muz.",
  technika: "Tech.",
  religia: "Rel.",
  etyka: "Etyka",
  "wychowanie fizyczne": "WF",
  "godzina wychowawcza": "GW",
  "zajęcia z wychowawcą": "ZW",
  "edukacja dla bezpieczeństwa": "EDB",
  "wiedza o społeczeństwie": "WOS",
  "wychowanie do życia w rodzinie": "WDŻ",
  "historia i teraźniejszość": "HiT",
  "biznes i zarządzanie": "BiZ",
};

/** A short subject name for narrow grids: known Polish subjects by table, others by initials. */
export function shortSubject(subject: string): string {
  const name = subject.trim();
  const known = SHORT_NAMES[name.toLowerCase()];
  if (known) return known;
  if (name.length <= 6) return name;
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 1) return `${name.slice(0, 4)}.`;
  return words
    .slice(0, 3)
    .map((w) => (w.length <= 4 ? w : `${w.slice(0, 3)}.`))
    .join(" ");
}
